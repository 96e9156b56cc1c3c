// Generated from the Rust DTOs by `UPDATE_BINDINGS=1 cargo test --test interfaces ts_bindings::`.
// Do not edit by hand.
import type { ColumnChoice, ColumnRead } from './importer'
import type { Attribute, Department, Direction, TableKind, Value } from './model'

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
