// Generated from the Rust DTOs by `UPDATE_BINDINGS=1 cargo test --test interfaces ts_bindings::`.
// Do not edit by hand.
import type { PlanPhase } from './lifecycle'
import type { Attribute, Period } from './model'
import type { QualStatus } from './progress'

export type Label = "严重滞后" | "滞后" | "基本符合预期" | "快于预期" | "已完成" | "无数据" | "待评估" | "目标待下达" | "无法评估";

export type CagrBand = "进展显著" | "进展一般" | "进展有限" | "倒退";

export type Reason = { "kind": "target_missing" } | { "kind": "target_unreadable" } | { "kind": "target_pending" } | { "kind": "plan_years_missing" } | { "kind": "not_yet_due" } | { "kind": "no_data" } | { "kind": "cumulative_gap", year: number, } | { "kind": "relative_needs_baseline" } | { "kind": "reference_year", year: number, } | { "kind": "baseline_missing" } | { "kind": "threshold_only", met: boolean, } | { "kind": "reached" } | { "kind": "kept" } | { "kind": "progress", completion: number, expected: number, annual_target: boolean, } | { "kind": "on_bound" } | { "kind": "deviation", deviation: number, tolerance: number, } | { "kind": "against_baseline", change: number, tolerance: number, } | { "kind": "qualitative", status: QualStatus | null, } | { "kind": "no_room_to_measure" } | { "kind": "cumulative_progress", sum: number, total: number, expected: number, } | { "kind": "cumulative_cap_exceeded", sum: number, total: number, };

export type TargetForm = "level" | "threshold" | "approximate" | "range" | "cumulative" | "relative" | "ratio" | "maintain" | "qualitative" | "pending" | "missing";

export type Forecast = { year: number, 
/**
 * Least-squares straight line through the baseline and the annual values.
 */
linear: number | null, 
/**
 * Least-squares line through the logarithms (constant annual growth rate).
 */
compound: number | null, 
/**
 * Whether the linear forecast reaches the target.
 */
linear_meets: boolean | null, compound_meets: boolean | null, };

export type ObservedValue = { period: Period, value: number | null, status: QualStatus | null, };

export type IndicatorStatus = { indicator_id: number, period: Period, label: Label, 
/**
 * How the target was read (threshold, cumulative, relative …).
 */
form: TargetForm, 
/**
 * The period of the value judged: the latest observation at or before `period`.
 */
actual_period: Period | null, 
/**
 * The value judged (for cumulative targets: the running sum).
 */
actual: number | null, 
/**
 * The numeric baseline used.
 */
baseline: number | null, 
/**
 * The target as an absolute number (relative targets converted from the baseline).
 */
target: number | null, 
/**
 * Share of the planned change achieved: (actual − baseline) / (target − baseline);
 * for cumulative targets running sum / total. 1.0 = target reached.
 */
completion: number | null, 
/**
 * Share expected by now: elapsed share of the plan period (序时进度), or the share the
 * annual target asks for when one is set.
 */
expected: number | null, 
/**
 * The annual target that applied, if any.
 */
annual_target: number | null, 
/**
 * R = actual annual growth / required annual growth (Statistics Canada / open-sdg).
 */
cagr_ratio: number | null, cagr_band: CagrBand | null, forecast: Forecast | null, 
/**
 * Compound annual growth rate still required from the actual value to the target
 * (0.05 = 5 % a year).
 */
required_rate: number | null, 
/**
 * Change per year still required (in the indicator's unit; for cumulative targets the
 * amount still to accumulate per year).
 */
required_annual_change: number | null, 
/**
 * Why the label was given; `reason.to_string()` is the Chinese sentence.
 */
reason: Reason, };

export type LabelCount = { label: Label, count: number, };

export type GroupRollUp = { key: string, rollup: RollUp, };

export type RollUp = { total: number, counts: Array<LabelCount>, 
/**
 * Binding (约束性) indicators labelled 滞后 or 严重滞后.
 */
binding_lagging: number, };

export type StatusFilter = { plan_id: number | null, department_id: number | null, attribute: Attribute | null, 
/**
 * Rows with this label only (roll-ups still count every label).
 */
label: Label | null, };

export type StatusRow = { plan_id: number, plan_title: string, seq: string | null, category: string | null, name: string, unit: string | null, attribute: Attribute | null, department_id: number | null, department: string | null, 
/**
 * The cells as written in the plan (or the latest revision for the target).
 */
baseline_raw: string | null, target_raw: string | null, baseline_year: number | null, target_year: number | null, status: IndicatorStatus, 
/**
 * The reason as a Chinese sentence.
 */
reason: string, 
/**
 * 未开始 / 执行中 / 已结束 on the day the report was asked for.
 */
phase: PlanPhase, 
/**
 * Set when the plan ended before the period asked for and is judged at its target year
 * instead: "已结束：按2025年完成情况评估".
 */
lifecycle_note: string | null, };

export type StatusReport = { period: Period, 
/**
 * Binding lagging indicators first, then other lagging ones, then table order.
 */
rows: Array<StatusRow>, overall: RollUp, by_plan: Array<GroupRollUp>, by_category: Array<GroupRollUp>, by_attribute: Array<GroupRollUp>, by_department: Array<GroupRollUp>, };

export type Changes = { 
/**
 * The latest recorded change (an audit id): larger means something happened since.
 */
last_change: number, };

export type DashboardQuery = { period: Period, plan_id: number | null, department_id: number | null, 
/**
 * Narrows the counts and the list (not the warnings).
 */
attribute: Attribute | null, 
/**
 * Narrows the list only; empty: every label.
 */
labels: Array<Label>, offset: number, limit: number, 
/**
 * Draw the gap chart of the scope too (same evaluation: one pass over every indicator).
 */
with_gap_chart: boolean, };

export type DashboardPage = { period: Period, 
/**
 * Counts by label of the indicators in scope (plan, department, attribute).
 */
counts: RollUp, 
/**
 * Binding indicators labelled 滞后 or 严重滞后, worst first; at most [`WARNINGS_SHOWN`].
 */
warnings: Array<StatusRow>, warnings_total: number, 
/**
 * One page of the list: binding lagging first, then other lagging, then table order.
 */
rows: Array<StatusRow>, rows_total: number, offset: number, 
/**
 * Ended plans in scope that are judged at their target year: 《title》已结束：….
 */
ended_plans: Array<string>, 
/**
 * The gap chart (SVG) of the scope, when asked for; `None` also when it cannot be drawn.
 */
gap_svg: string | null, };

export type ChartKind = "gap" | "trajectory" | "summary";

export type ChartRequest = { kind: ChartKind, period: Period, filter: StatusFilter, 
/**
 * Required for the trajectory chart.
 */
indicator_id: number | null, };
