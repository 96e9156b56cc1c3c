// The source text and tables a person points at: numbered lines, a selected range, the
// column choices of the role drop-downs, the preview keys of manual tables, and the
// corrections log that travels with the commit as the import's provenance.
import type { ColumnChoice, ColumnRead, ColumnRole, ImportCorrection, ImportPreview, PreviewPlan, PreviewTable } from '../../bindings'

export interface SourceLine {
  /** 1-based, as the importer counts. */
  n: number
  text: string
}

/** The text's lines as the engine counts them (`\r\n` and `\n` end a line). */
export function numberedLines(text: string): SourceLine[] {
  const lines = text.split(/\r?\n/)
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  // A last line cut from CRLF text keeps its `\r`; it is not part of what is shown.
  return lines.map((t, i) => ({ n: i + 1, text: t.replace(/\r$/, '') }))
}

export interface LineRange {
  first: number
  last: number
}

/** The range between where a selection started and where it ends, in either direction. */
export function rangeOf(anchor: number, focus: number): LineRange {
  return { first: Math.min(anchor, focus), last: Math.max(anchor, focus) }
}

/**
 * The text up to line `last`: line numbers stay the same and the engine gets no more than
 * it reads, so re-reading on every drop-down change stays cheap for long documents.
 */
export function textUpTo(text: string, last: number): string {
  return text.split('\n').slice(0, last).join('\n')
}

/** The roles of the drop-downs, in the order a table usually has them. */
export const ROLE_LABELS: [ColumnRole, string][] = [
  ['seq', '序号'],
  ['category', '类别'],
  ['name', '指标名称'],
  ['unit', '单位'],
  ['attribute', '属性'],
  ['baseline', '基期值'],
  ['target', '目标值'],
  ['annual', '年度目标'],
  ['target_growth', '年均增速/累计'],
  ['actual', '完成值'],
  ['actual_growth', '完成年均增速'],
  ['done', '是否完成'],
  ['remark', '备注'],
  ['region', '地区'],
  ['department', '责任单位'],
  ['ignore', '不读取'],
]

/** Roles whose year the person may give (annual targets need one). */
export const ROLES_WITH_YEAR: ColumnRole[] = ['annual', 'baseline', 'target']

/** The drop-downs' starting values: the importer's reading of each column. */
export function choicesOf(columns: ColumnRead[]): ColumnChoice[] {
  return columns.map((c) => ({ role: c.role, year: c.year }))
}

/** What keeps a set of choices from being read: shown instead of asking the engine. */
export function choiceProblem(choices: ColumnChoice[]): string | null {
  if (!choices.some((c) => c.role === 'name')) return '请为一列选择“指标名称”'
  if (choices.some((c) => c.role === 'annual' && c.year === null)) return '请为“年度目标”列填写年份'
  return null
}

/** A key for a new manual table of plan `planKey`, unused in the preview: `p0/m0`, `p0/m1` … */
export function manualTableKey(preview: ImportPreview, planKey: string): string {
  const used = new Set(preview.plans.flatMap((p) => p.tables.map((t) => t.key)))
  let n = 0
  while (used.has(`${planKey}/m${n}`)) n += 1
  return `${planKey}/m${n}`
}

/** The plan a table at `line` belongs to: the one whose tables come last before it. */
export function planKeyFor(preview: ImportPreview, line: number): string {
  let best = preview.plans[0]?.key ?? 'p0'
  let bestLine = -1
  for (const p of preview.plans) {
    for (const t of p.tables) {
      if (t.start_line <= line && t.start_line > bestLine) [best, bestLine] = [p.key, t.start_line]
    }
  }
  return best
}

/**
 * Records a correction. A manual table read again replaces its earlier reading, and the row
 * edits made on that reading go with it (its rows are new).
 */
export function logCorrection(log: ImportCorrection[], c: ImportCorrection): ImportCorrection[] {
  if (c.kind === 'manual_table') {
    return [...log.filter((x) => x.table_key !== c.table_key), c]
  }
  return [...log, c]
}

/** Drops the corrections of a table left out of the import. */
export function withoutTable(log: ImportCorrection[], tableKey: string): ImportCorrection[] {
  return log.filter((x) => x.table_key !== tableKey)
}

/**
 * A plan that got its first table by hand (no table was found) takes its years from it, as
 * the engine does for found tables; years the document or the person gave stay.
 */
export function fillPlanYears(plan: PreviewPlan, table: PreviewTable): void {
  plan.baseline_year ??= table.baseline_year
  plan.target_year ??= table.target_year
  plan.period_end ??= plan.target_year
  if (plan.period_start === null && plan.baseline_year !== null) plan.period_start = plan.baseline_year + 1
}
