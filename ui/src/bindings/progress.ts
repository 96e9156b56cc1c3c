// Generated from the Rust DTOs by `UPDATE_BINDINGS=1 cargo test --test interfaces ts_bindings::`.
// Do not edit by hand.
import type { Period, Value } from './model'

export type QualStatus = "达到" | "基本达到" | "未达到";

export type Vintage = "快报" | "年报" | "修订";

export type Issue = { rule: Rule, severity: Severity, 
/**
 * Chinese, shown next to the cell.
 */
message: string, 
/**
 * For needs-note issues: the note (or evidence) has been given.
 */
resolved: boolean, };

export type Rule = "not_a_number" | "missing_status" | "missing_evidence" | "negative" | "share_over100" | "large_change" | "cumulative_decrease" | "q4_differs_from_annual";

export type Severity = "error" | "needs_note";

export type State = "draft" | "submitted" | "approved" | "returned";

export type Observation = { indicator_id: number, period: Period, value: number | null, status: QualStatus | null, evidence: string | null, note: string | null, source: string | null, vintage: Vintage | null, entered_by: string | null, entered_at: string, 
/**
 * Changes with every save; a save names the version it was based on.
 */
version: number, };

export type Submission = { department_id: number, period: string, state: State, 
/**
 * Why it was returned or reopened, for the staff to read.
 */
reason: string | null, updated_by: string | null, updated_at: string | null, };

export type AnnualTarget = { indicator_id: number, year: number, value: number, note: string | null, };

export type TargetRevision = { id: number, indicator_id: number, target: Value, 
/**
 * ISO date from which the target applies.
 */
effective_date: string, 
/**
 * The document that set it (文件名称或文号).
 */
document: string | null, entered_by: string | null, entered_at: string, };

export type Measures = { indicator_id: number, period: string, 
/**
 * 原因分析.
 */
cause: string | null, 
/**
 * 下一步措施.
 */
measures: string | null, updated_by: string | null, updated_at: string, };

export type ObservationInput = { indicator_id: number, period: Period, 
/**
 * The value as typed ("65.2", "1,234", "65.2%"); empty with no status clears the cell.
 */
value: string | null, status: QualStatus | null, evidence: string | null, note: string | null, source: string | null, vintage: Vintage | null, 
/**
 * The cell's version the input was based on (0: it was empty), from the grid or an
 * earlier save; a cell changed since is a conflict. `None` saves whatever is stored
 * (the administrator's CLI and file imports, which say what they replace in the log).
 */
expected_version: number | null, };

export type SaveOutcome = { 
/**
 * The stored cell; `None` when the input cleared it.
 */
observation: Observation | null, 
/**
 * Needs-note issues (errors refuse the save instead).
 */
issues: Array<Issue>, 
/**
 * Workflow state of the department × period after the save.
 */
state: State, };

export type BatchRow = { 
/**
 * Position in the input, from 0.
 */
index: number, indicator_id: number, period: Period, 
/**
 * Why the row was refused (Chinese); `None` when it was fine.
 */
error: string | null, 
/**
 * The row met a newer value saved by someone else.
 */
conflict: CellConflict | null, issues: Array<Issue>, 
/**
 * The cell as stored after the row (its new version); meaningful when committed.
 */
observation: Observation | null, };

export type CellConflict = { indicator_id: number, indicator_name: string, period: Period, 
/**
 * The version the refused save was based on.
 */
expected_version: number, 
/**
 * What the refused save would have written, as typed.
 */
yours: ObservationInput, 
/**
 * The cell as stored now; `None` when it was cleared.
 */
theirs: Observation | null, 
/**
 * Who made the change the save did not know of, and when (UTC, RFC 3339).
 */
changed_by: string | null, changed_at: string | null, };

export type BatchOutcome = { committed: boolean, rows: Array<BatchRow>, };

export type EntryGrid = { department_id: number, department_name: string, period: Period, submission: Submission, 
/**
 * What the signed-in user may do here now.
 */
can_edit: boolean, can_submit: boolean, can_review: boolean, rows: Array<EntryRow>, };

export type EntryRow = { indicator_id: number, plan_title: string, seq: string | null, category: string | null, name: string, unit: string | null, attribute: string | null, 
/**
 * Year-to-date cumulative within a year.
 */
flow: boolean, 
/**
 * Entered as 达到 / 基本达到 / 未达到 with evidence.
 */
qualitative: boolean, baseline_raw: string | null, 
/**
 * The target in force (an assigned revision replaces the plan's pending one).
 */
target_raw: string | null, 
/**
 * The plan says 按省下达目标 and nothing has been assigned yet.
 */
target_pending: boolean, annual_target: number | null, 
/**
 * The latest value before this period.
 */
last: Observation | null, 
/**
 * This period's value.
 */
current: Observation | null, 
/**
 * Issues of this period's value (empty when there is none).
 */
issues: Array<Issue>, };
