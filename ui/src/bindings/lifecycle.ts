// Generated from the Rust DTOs by `UPDATE_BINDINGS=1 cargo test --test interfaces ts_bindings::`.
// Do not edit by hand.
import type { TargetForm } from './evaluation'
import type { Attribute, Period } from './model'

export type PlanPhase = "未开始" | "执行中" | "已结束";

export type PlanLifecycle = { plan_id: number, title: string, phase: PlanPhase, first_year: number | null, last_year: number | null, 
/**
 * The year an ended plan is judged at (总结评估).
 */
review_year: number | null, 
/**
 * e.g. 已结束：按2025年完成情况评估; 执行中（2026—2030年）.
 */
note: string, };

export type PeriodGranularity = "quarter" | "year" | "any";

export type PeriodSelection = { plan_id: number | null, department_id: number | null, granularity: PeriodGranularity, };

export type DefaultPeriod = { period: Period, reason: string, };

export type IndicatorHeading = { indicator_id: number, name: string, unit: string | null, plan_id: number, plan_title: string, phase: PlanPhase, 
/**
 * e.g. 已结束：按2025年完成情况评估.
 */
phase_note: string, 
/**
 * The plan's last year: values of later periods are 规划期外数据.
 */
last_year: number | null, 
/**
 * A row of a completion review (上期完成情况): history, not monitored.
 */
review_row: boolean, };

export type SuccessorLink = { predecessor_id: number, successor_id: number, factor: number, note: string | null, };

export type Suggestion = { predecessor_id: number, successor_id: number, 
/**
 * Predecessor value × factor = value in the successor's unit.
 */
factor: number, 
/**
 * Name similarity, 0–1.
 */
similarity: number, same_department: boolean, 
/**
 * e.g. 名称相同、单位相同、牵头单位相同.
 */
reason: string, };

export type JoinedPoint = { period: Period, value: number, 
/**
 * From the earlier plan (converted by the link's factor).
 */
from_predecessor: boolean, };

export type BaselineShift = { year: number, 
/**
 * The predecessor's value of the year, converted to the successor's unit.
 */
predecessor_actual: number, successor_baseline: number, 
/**
 * The two differ by more than [`BASELINE_SHIFT_TOLERANCE`]: 基数口径调整.
 */
adjusted: boolean, };

export type LinkedIndicator = { id: number, name: string, unit: string | null, plan_id: number, plan_title: string, target_raw: string | null, target_year: number | null, };

export type LinkSuggestion = { predecessor: LinkedIndicator, successor: LinkedIndicator, factor: number, similarity: number, reason: string, };

export type LinkView = { predecessor: LinkedIndicator, successor: LinkedIndicator, factor: number, note: string | null, };

export type LinkInput = { successor_id: number, predecessor_id: number, 
/**
 * 1 when absent.
 */
factor: number | null, note: string | null, };

export type Lineage = { indicator: LinkedIndicator, predecessor: LinkView | null, successors: Array<LinkView>, 
/**
 * Predecessor values (converted) then this indicator's, oldest first; empty without a
 * predecessor.
 */
points: Array<JoinedPoint>, baseline_shift: BaselineShift | null, 
/**
 * Proposals for this indicator as successor, when it has no link yet.
 */
suggestions: Array<LinkSuggestion>, 
/**
 * Indicators it may be linked to (plans of the same issuer whose periods meet).
 */
candidates: Array<LinkedIndicator>, };

export type Feasibility = "偏高" | "合理" | "偏低" | "无法评估";

export type PaceKind = "rate" | "change" | "amount";

export type FeasibilityResult = { form: TargetForm, baseline: number | null, 
/**
 * The target as an absolute number (for cumulative targets: the total).
 */
target: number | null, pace_kind: PaceKind | null, 
/**
 * Pace the target asks for, baseline year → target year.
 */
required: number | null, 
/**
 * Pace realised by the predecessor over its plan period.
 */
realised: number | null, 
/**
 * required / realised.
 */
ratio: number | null, 
/**
 * The predecessor's trend continued to the target year (cumulative: total at that pace).
 */
forecast: number | null, forecast_meets: boolean | null, judgement: Feasibility, 
/**
 * Why, in Chinese.
 */
reason: string, 
/**
 * Proposed annual targets (年度目标分解): (year, value); for cumulative targets the
 * year's amount.
 */
proposed: Array<[number, number]>, };

export type FeasibilityRow = { indicator: LinkedIndicator, category: string | null, attribute: Attribute | null, baseline_raw: string | null, baseline_year: number | null, predecessor: LinkedIndicator | null, baseline_shift: BaselineShift | null, result: FeasibilityResult, 
/**
 * Annual targets already saved: (year, value).
 */
saved: Array<[number, number]>, };
