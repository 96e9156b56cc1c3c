// Generated from the Rust DTOs by `UPDATE_BINDINGS=1 cargo test --test interfaces ts_bindings::`.
// Do not edit by hand.

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
