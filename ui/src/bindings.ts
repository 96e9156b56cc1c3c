// Generated from the Rust DTOs by `UPDATE_BINDINGS=1 cargo test --test ts_bindings`.
// Do not edit by hand.

export type ApiError = { code: ErrorCode, 
/**
 * Chinese, for the user.
 */
message: string, 
/**
 * A cell saved by someone else meanwhile: both values, for the person to choose.
 */
conflict?: CellConflict, };

export type ErrorCode = "invalid_input" | "unreadable_document" | "no_tables" | "unsupported_format" | "no_text_layer" | "encrypted" | "not_found" | "unauthenticated" | "forbidden" | "validation" | "locked" | "conflict" | "throttled" | "storage" | "internal";

export type Qualifier = "lt" | "le" | "gt" | "ge" | "approx";

export type ValueKind = "empty" | "number" | "relative" | "ratio" | "placeholder" | "pending" | "qualitative";

export type RelativeChange = { 
/**
 * `increase` for 提高/增长/上升, `decrease` for 下降/降低/减少.
 */
direction: Direction, 
/**
 * True when the amount is a percentage of the reference (下降16%),
 * false when it is in the indicator's unit (提高1.4岁).
 */
percent: boolean, 
/**
 * The reference as written (比2020年, 比“十三五”末), if any.
 */
reference: string | null, };

export type Ratio = { left: number, right: number, };

export type NumberRange = { low: number, high: number, };

export type Value = { raw: string, kind: ValueKind, value: number | null, qualifier: Qualifier | null, cumulative: boolean, 
/**
 * Set whenever the cell is not a plain number: the qualitative or pending wording.
 */
text: string | null, unit_in_cell?: string, footnote?: string, relative?: RelativeChange, ratio?: Ratio, 
/**
 * Set for a range (`value` then holds `low`).
 */
range?: NumberRange, };

export type Attribute = "约束性" | "预期性";

export type Direction = "increase" | "decrease" | "maintain" | "unknown";

export type TableKind = "targets" | "completion_review" | "regional_breakdown";

export type Period = string;

export type PlanDraft = { title: string, 
/**
 * 发文机关, e.g. 许昌市人民政府.
 */
issuer: string | null, 
/**
 * 文号, e.g. 许政〔2022〕30号.
 */
doc_number: string | null, issue_date: string | null, period_start: number | null, period_end: number | null, baseline_year: number | null, target_year: number | null, };

export type Plan = { id: number, title: string, issuer: string | null, doc_number: string | null, issue_date: string | null, period_start: number | null, period_end: number | null, baseline_year: number | null, target_year: number | null, };

export type PlanTable = { id: number, plan_id: number, title: string, kind: TableKind, baseline_year: number | null, target_year: number | null, };

export type IndicatorDraft = { seq: string | null, category: string | null, 
/**
 * Sub-heading inside a category (e.g. 城镇化率 over 常住人口/户籍人口 rows).
 */
group: string | null, 
/**
 * Name of the parent row for 其中 sub-items.
 */
parent: string | null, name: string, unit: string | null, 
/**
 * County / district for regional breakdown tables.
 */
region: string | null, attribute: Attribute | null, direction: Direction, baseline: Value | null, target: Value | null, 
/**
 * Completion-review tables carry the achieved value.
 */
actual: Value | null, note: string | null, 
/**
 * Lead department by name: as written in the document before the indicator is stored,
 * the assigned department's name after.
 */
lead_department: string | null, };

export type Indicator = { id: number, plan_id: number, table_id: number, 
/**
 * Order within its table.
 */
position: number, 
/**
 * Flow indicators (城镇新增就业人数) accumulate within a year: quarterly values are
 * year-to-date sums and Q4 equals the annual value. Stock indicators (rates, shares) do not.
 */
flow: boolean, lead_department_id: number | null, seq: string | null, category: string | null, 
/**
 * Sub-heading inside a category (e.g. 城镇化率 over 常住人口/户籍人口 rows).
 */
group: string | null, 
/**
 * Name of the parent row for 其中 sub-items.
 */
parent: string | null, name: string, unit: string | null, 
/**
 * County / district for regional breakdown tables.
 */
region: string | null, attribute: Attribute | null, direction: Direction, baseline: Value | null, target: Value | null, 
/**
 * Completion-review tables carry the achieved value.
 */
actual: Value | null, note: string | null, 
/**
 * Lead department by name: as written in the document before the indicator is stored,
 * the assigned department's name after.
 */
lead_department: string | null, };

export type Department = { id: number, name: string, };

export type ExtractedDocument = { plans: Array<ExtractedPlan>, tables: Array<ExtractedTable>, };

export type ExtractedPlan = { 
/**
 * 1-based line of the plan's title.
 */
line: number, title: string, 
/**
 * 发文机关, e.g. 许昌市人民政府.
 */
issuer: string | null, 
/**
 * 文号, e.g. 许政〔2022〕30号.
 */
doc_number: string | null, issue_date: string | null, period_start: number | null, period_end: number | null, baseline_year: number | null, target_year: number | null, };

export type ExtractedTable = { title: string, 
/**
 * Title of the plan the table belongs to.
 */
plan: string | null, kind: TableKind, baseline_year: number | null, target_year: number | null, 
/**
 * 1-based first header line.
 */
start_line: number, 
/**
 * 1-based last indicator line.
 */
end_line: number, columns: Array<string>, 
/**
 * The role read for each column and why (header words, cell contents).
 */
column_roles: Array<ColumnRead>, 
/**
 * A unit stated once for the whole table (`单位：%`).
 */
unit: string | null, notes: Array<string>, indicators: Array<ExtractedIndicator>, };

export type ExtractedIndicator = { 
/**
 * 1-based line of the row (first line when it spans several).
 */
line: number, 
/**
 * Every 1-based line the row was read from.
 */
lines: Array<number>, 
/**
 * The row's cells as found (merged cells repeated, page-break parts joined).
 */
cells: Array<string>, baseline_raw: string | null, target_raw: string | null, actual_raw: string | null, 
/**
 * The 年均增速 / 累计 cell, kept whether or not it gave the target.
 */
growth_raw: string | null, 
/**
 * 是否完成 as written in a completion review.
 */
done_raw: string | null, 
/**
 * Year columns between the baseline and the target year (年度目标).
 */
annual_targets: Array<ExtractedAnnualTarget>, 
/**
 * Why the row was read so (which columns gave which field).
 */
reasons: Array<string>, 
/**
 * Why the reading is doubtful (待核对); empty when it is not.
 */
doubts: Array<string>, seq: string | null, category: string | null, 
/**
 * Sub-heading inside a category (e.g. 城镇化率 over 常住人口/户籍人口 rows).
 */
group: string | null, 
/**
 * Name of the parent row for 其中 sub-items.
 */
parent: string | null, name: string, unit: string | null, 
/**
 * County / district for regional breakdown tables.
 */
region: string | null, attribute: Attribute | null, direction: Direction, baseline: Value | null, target: Value | null, 
/**
 * Completion-review tables carry the achieved value.
 */
actual: Value | null, note: string | null, 
/**
 * Lead department by name: as written in the document before the indicator is stored,
 * the assigned department's name after.
 */
lead_department: string | null, };

export type ExtractedAnnualTarget = { year: number, raw: string, value: Value, };

export type ColumnRole = "seq" | "category" | "name" | "unit" | "attribute" | "baseline" | "target" | "target_growth" | "actual" | "actual_growth" | "annual" | "done" | "remark" | "region" | "department" | "ignore";

export type ColumnRead = { 
/**
 * 0-based column in the table's cells.
 */
index: number, 
/**
 * Header text (two header rows joined with `/`).
 */
label: string, role: ColumnRole, 
/**
 * Year named by the header (annual targets, baseline and target columns).
 */
year: number | null, 
/**
 * Why: the header words or cell contents that gave the role.
 */
reason: string, };

export type ColumnChoice = { role: ColumnRole, year: number | null, };

export type TableGuess = { 
/**
 * How many of the block's first rows are header rows (0: none was found).
 */
header_rows: number, columns: Array<ColumnRead>, 
/**
 * The block read with the guessed roles.
 */
table: ExtractedTable, };

export type PlanSummary = { table_count: number, indicator_count: number, 
/**
 * 约束性
 */
binding_count: number, 
/**
 * 预期性
 */
expected_count: number, 
/**
 * 未标注
 */
unmarked_count: number, 
/**
 * Rows of 完成情况 (completion review) tables.
 */
review_count: number, id: number, title: string, issuer: string | null, doc_number: string | null, issue_date: string | null, period_start: number | null, period_end: number | null, baseline_year: number | null, target_year: number | null, };

export type DepartmentSummary = { id: number, name: string, lead_count: number, support_count: number, user_count: number, };

export type IndicatorUpdate = { name: string, unit: string | null, attribute: Attribute | null, direction: Direction, category: string | null, flow: boolean, note: string | null, lead_department_id: number | null, };

export type ImportPreview = { 
/**
 * SHA-256 of the text: identifies the document so a second import adds nothing.
 */
sha256: string, file_name: string | null, plans: Array<PreviewPlan>, 
/**
 * The text the tables were read from (line numbers refer to it): the wizard shows it so
 * that a person can point at a table the importer missed.
 */
text: string, 
/**
 * What a person corrected in the wizard; written to the audit log on commit.
 */
corrections: Array<ImportCorrection>, };

export type PreviewPlan = { 
/**
 * Stable within the preview: `p0`, `p1` …
 */
key: string, tables: Array<PreviewTable>, title: string, 
/**
 * 发文机关, e.g. 许昌市人民政府.
 */
issuer: string | null, 
/**
 * 文号, e.g. 许政〔2022〕30号.
 */
doc_number: string | null, issue_date: string | null, period_start: number | null, period_end: number | null, baseline_year: number | null, target_year: number | null, };

export type PreviewTable = { 
/**
 * `p0/t1`
 */
key: string, 
/**
 * False: the whole table is left out.
 */
keep: boolean, title: string, kind: TableKind, baseline_year: number | null, target_year: number | null, start_line: number, end_line: number, columns: Array<string>, notes: Array<string>, 
/**
 * The role of each column and why (header words, cell contents, or a person's choice).
 */
column_roles: Array<ColumnRead>, rows: Array<PreviewRow>, };

export type PreviewRow = { 
/**
 * `p0/t1/r5`
 */
key: string, 
/**
 * False: the row is dropped.
 */
keep: boolean, 
/**
 * 1-based line in the source text.
 */
line: number, baseline_raw: string | null, target_raw: string | null, actual_raw: string | null, 
/**
 * Chosen from the existing departments; wins over `draft.lead_department`.
 */
lead_department_id: number | null, 
/**
 * Why the row was read so (which columns gave which field).
 */
reasons: Array<string>, 
/**
 * Why the reading is doubtful (待核对); empty when it is not.
 */
doubts: Array<string>, seq: string | null, category: string | null, 
/**
 * Sub-heading inside a category (e.g. 城镇化率 over 常住人口/户籍人口 rows).
 */
group: string | null, 
/**
 * Name of the parent row for 其中 sub-items.
 */
parent: string | null, name: string, unit: string | null, 
/**
 * County / district for regional breakdown tables.
 */
region: string | null, attribute: Attribute | null, direction: Direction, baseline: Value | null, target: Value | null, 
/**
 * Completion-review tables carry the achieved value.
 */
actual: Value | null, note: string | null, 
/**
 * Lead department by name: as written in the document before the indicator is stored,
 * the assigned department's name after.
 */
lead_department: string | null, };

export type ImportSummary = { 
/**
 * Nothing new: this document (or these tables) had been imported before.
 */
already_imported: boolean, plans: Array<ImportedPlan>, tables_added: number, indicators_added: number, 
/**
 * Chinese one-line summary for the user.
 */
message: string, };

export type ImportedPlan = { plan_id: number, title: string, 
/**
 * False when the plan was already stored (tables may still have been added to it).
 */
created: boolean, tables_added: number, tables_existing: number, indicators_added: number, 
/**
 * Stored tables this (corrected or re-issued) text revised.
 */
revisions: Array<TableRevision>, };

export type ImportChanges = { 
/**
 * The same text was imported before: committing changes nothing.
 */
same_document: boolean, plans: Array<PlanChanges>, };

export type PlanChanges = { 
/**
 * The preview's plan key (`p0`).
 */
key: string, title: string, 
/**
 * Stored already (matched by title and 文号).
 */
plan_id: number | null, 
/**
 * Titles of tables that are new to the plan.
 */
new_tables: Array<string>, 
/**
 * Stored tables the text revises (only those with changes).
 */
revisions: Array<TableRevision>, };

export type TableRevision = { table_id: number, title: string, 
/**
 * Names of the rows that are new.
 */
added: Array<string>, changed: Array<ChangedIndicator>, dropped: Array<DroppedIndicator>, unchanged: number, };

export type ChangedIndicator = { indicator_id: number, name: string, changes: Array<FieldChange>, };

export type FieldChange = { 
/**
 * Chinese field name (目标值, 单位 …).
 */
field: string, old: string | null, new: string | null, };

export type DroppedIndicator = { indicator_id: number, name: string, 
/**
 * Recorded values exist: the indicator is kept (nothing is lost); otherwise it is
 * removed with the new document.
 */
kept_for_values: boolean, };

export type ImportCorrection = { "kind": "manual_table", table_key: string, first: number, last: number, header_rows: number, columns: Array<ColumnChoice>, } | { "kind": "row_added", table_key: string, row_key: string, } | { "kind": "rows_merged", table_key: string, row_keys: Array<string>, } | { "kind": "row_split", table_key: string, row_key: string, into: Array<string>, } | { "kind": "category_set", table_key: string, row_keys: Array<string>, category: string, };

export type ManualTable = { header_rows: number, table: PreviewTable, 
/**
 * The first row's cells, one per column: under a block without a header they are what
 * tells the person which drop-down is which column.
 */
sample: Array<string>, };

export type PlanDetail = { summary: PlanSummary, tables: Array<TableDetail>, };

export type TableDetail = { categories: Array<CategoryGroup>, id: number, plan_id: number, title: string, kind: TableKind, baseline_year: number | null, target_year: number | null, };

export type CategoryGroup = { category: string | null, indicators: Array<IndicatorView>, };

export type IndicatorView = { supporting_departments: Array<Department>, id: number, plan_id: number, table_id: number, 
/**
 * Order within its table.
 */
position: number, 
/**
 * Flow indicators (城镇新增就业人数) accumulate within a year: quarterly values are
 * year-to-date sums and Q4 equals the annual value. Stock indicators (rates, shares) do not.
 */
flow: boolean, lead_department_id: number | null, seq: string | null, category: string | null, 
/**
 * Sub-heading inside a category (e.g. 城镇化率 over 常住人口/户籍人口 rows).
 */
group: string | null, 
/**
 * Name of the parent row for 其中 sub-items.
 */
parent: string | null, name: string, unit: string | null, 
/**
 * County / district for regional breakdown tables.
 */
region: string | null, attribute: Attribute | null, direction: Direction, baseline: Value | null, target: Value | null, 
/**
 * Completion-review tables carry the achieved value.
 */
actual: Value | null, note: string | null, 
/**
 * Lead department by name: as written in the document before the indicator is stored,
 * the assigned department's name after.
 */
lead_department: string | null, };

export type Role = "staff" | "manager" | "admin";

export type Session = { user_id: number, name: string, role: Role, department_id: number | null, 
/**
 * The initial or a reset password is still in use: everything but changing it is refused.
 */
must_change_password: boolean, };

export type FirstRun = { 
/**
 * The administrator has no password yet: the screen asks for one instead of a login.
 */
admin_needs_password: boolean, admin_name: string, };

export type UserInfo = { id: number, name: string, role: Role, department_id: number | null, department_name: string | null, must_change_password: boolean, active: boolean, };

export type AuditEntry = { id: number, at: string, user_id: number | null, user_name: string, action: string, entity: string, entity_id: number | null, period: string | null, field: string | null, old_value: string | null, new_value: string | null, reason: string | null, };

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

export type ReportRequest = { 
/**
 * `2025Q3` for a quarter, `2025` for a year.
 */
period: Period, plan_id: number | null, department_id: number | null, 
/**
 * `quarterly`, `annual` or `completion`; chosen from the period when absent.
 */
kind: string | null, 
/**
 * Date printed on the report (YYYY-MM-DD); today when absent. Fixing it makes the PDF
 * byte-identical for the same data.
 */
date: string | null, 
/**
 * Leave the charts out (faster preview).
 */
without_charts: boolean, };

export type ExportRequest = { period: Period, plan_id: number | null, department_id: number | null, };

export type AcceptedRow = { 
/**
 * Row number as Excel shows it.
 */
row: number, indicator_id: number, name: string, 
/**
 * The value stored now, if any.
 */
old_value: string | null, new_value: string, 
/**
 * Needs-note issues (saved, but a note is needed before submission).
 */
warnings: Array<string>, };

export type RejectedRow = { row: number, indicator_id: number | null, name: string, 
/**
 * Chinese, for the user.
 */
reason: string, };

export type XlsxImportPreview = { period: Period, accepted: Array<AcceptedRow>, rejected: Array<RejectedRow>, 
/**
 * Indicator rows left empty (nothing to store).
 */
blank: number, };

export type XlsxImportOutcome = { 
/**
 * Whether the accepted rows were stored (all of them, or none).
 */
committed: boolean, saved: number, preview: XlsxImportPreview, };

export type DatabaseSettings = { 
/**
 * A fixed "today" for a demo or training database: period defaults, schedules and
 * report dates use it instead of the clock.
 */
fixed_today: string | null, 
/**
 * How many automatic backups of this database to keep.
 */
backups_kept: number, };

export type TodaySource = "environment" | "setting" | "clock";

export type Today = { date: string, source: TodaySource, };

export type MachineSettings = { 
/**
 * Address of the shared server (e.g. `https://zhibiao.example.gov.cn`); none: this
 * computer works on its local database.
 */
server_url: string | null, 
/**
 * SHA-256 fingerprint (hex) of the server certificate this computer trusts.
 */
server_cert_sha256: string | null, };

export type NewUserInput = { name: string, 
/**
 * Initial password; the user must change it at first login.
 */
password: string, role: Role, department_id: number | null, };

export type BackupEntry = { 
/**
 * File name inside the backup folder; what a restore asks for.
 */
file_name: string, 
/**
 * daily / upgrade / import / manual / before-restore
 */
kind: string, 
/**
 * 每日自动备份, 手动备份 …
 */
kind_label: string, 
/**
 * Local time, `YYYY-MM-DD HH:MM:SS`.
 */
taken_at: string, size: number, };

export type BackupList = { 
/**
 * The folder beside the database where the backups are.
 */
folder: string, backups: Array<BackupEntry>, };

export type RestoreOutcome = { restored_from: string, 
/**
 * Where the database as it was before the restore was kept.
 */
set_aside: string | null, 
/**
 * Chinese summary for the user.
 */
message: string, };

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

