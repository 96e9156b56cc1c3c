// Generated from the Rust DTOs by `UPDATE_BINDINGS=1 cargo test --test interfaces ts_bindings::`.
// Do not edit by hand.
import type { Attribute, Direction, TableKind, Value } from './model'

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
