// Row edits of the import preview: add, merge, split, set a block's category, and the
// 待核对 filter. Plain functions over a table's rows (the preview is edited in place by the
// view), so they are tested without a component. A row a person made or changed has no
// doubts left: the person's reading is what 待核对 asked for.
import type { PreviewRow, PreviewTable } from '../../bindings'

/** Rows still in the import, in table order. */
export const kept = (rows: PreviewRow[]): PreviewRow[] => rows.filter((r) => r.keep)

export const isDoubtful = (r: PreviewRow): boolean => r.doubts.length > 0

/** The rows to show: all kept rows, or only the doubtful ones, in table order either way. */
export function visibleRows(rows: PreviewRow[], onlyDoubtful: boolean): PreviewRow[] {
  return kept(rows).filter((r) => !onlyDoubtful || isDoubtful(r))
}

/** 待核对 rows of the tables still in the import. */
export function doubtCount(tables: PreviewTable[]): number {
  return tables.filter((t) => t.keep).reduce((n, t) => n + kept(t.rows).filter(isDoubtful).length, 0)
}

/** A key not used by any row of the table: `<table>/<prefix><n>`. */
export function freshKey(tableKey: string, rows: PreviewRow[], prefix: string): string {
  const used = new Set(rows.map((r) => r.key))
  let n = 0
  while (used.has(`${tableKey}/${prefix}${n}`)) n += 1
  return `${tableKey}/${prefix}${n}`
}

/** An empty row in the shape the importer gives. */
export function blankRow(key: string, line: number, category: string | null): PreviewRow {
  return {
    key,
    keep: true,
    line,
    baseline_raw: null,
    target_raw: null,
    actual_raw: null,
    lead_department_id: null,
    reasons: ['由用户添加'],
    doubts: [],
    seq: null,
    category,
    group: null,
    parent: null,
    name: '',
    unit: null,
    region: null,
    attribute: null,
    direction: 'unknown',
    baseline: null,
    target: null,
    actual: null,
    note: null,
    lead_department: null,
  }
}

/** Adds an empty row after `afterKey` (at the end when null); returns it. */
export function addRow(tableKey: string, rows: PreviewRow[], afterKey: string | null): PreviewRow {
  const at = afterKey === null ? -1 : rows.findIndex((r) => r.key === afterKey)
  const before = at >= 0 ? rows[at] : rows[rows.length - 1]
  const row = blankRow(freshKey(tableKey, rows, 'a'), before?.line ?? 0, before?.category ?? null)
  rows.splice(at >= 0 ? at + 1 : rows.length, 0, row)
  return row
}

type Text = string | null

/** Two parts of one cell cut by a page break: the name runs on, other cells fill gaps. */
function joinName(a: string, b: string): string {
  return `${a.trim()}${b.trim()}`
}

const firstOf = (a: Text, b: Text): Text => (a !== null && a.trim() !== '' ? a : b)

/**
 * Joins row `secondKey` into `firstKey` (a row a page break split): the names are joined,
 * each other cell keeps the first row's value or takes the second's when the first is
 * empty. The second row leaves the table. Returns the merged row, or null when the keys do
 * not name two rows of this table.
 */
export function mergeRows(rows: PreviewRow[], firstKey: string, secondKey: string): PreviewRow | null {
  const i = rows.findIndex((r) => r.key === firstKey)
  const j = rows.findIndex((r) => r.key === secondKey)
  if (i < 0 || j < 0 || i === j) return null
  const [a, b] = i < j ? [rows[i], rows[j]] : [rows[j], rows[i]]
  a.name = joinName(a.name, b.name)
  a.unit = firstOf(a.unit, b.unit)
  a.seq = firstOf(a.seq, b.seq)
  a.category = firstOf(a.category, b.category)
  a.note = firstOf(a.note, b.note)
  a.lead_department = firstOf(a.lead_department, b.lead_department)
  a.lead_department_id = a.lead_department_id ?? b.lead_department_id
  a.attribute = a.attribute ?? b.attribute
  if (a.direction === 'unknown') a.direction = b.direction
  if (!a.baseline_raw?.trim()) [a.baseline_raw, a.baseline] = [b.baseline_raw, b.baseline]
  if (!a.target_raw?.trim()) [a.target_raw, a.target] = [b.target_raw, b.target]
  if (!a.actual_raw?.trim()) [a.actual_raw, a.actual] = [b.actual_raw, b.actual]
  a.reasons = [...a.reasons, `由用户与第 ${b.line} 行合并`]
  a.doubts = []
  rows.splice(rows.indexOf(b), 1)
  return a
}

/**
 * The parts of a cell holding two readings (`≤0.7/≤1.8`, `用水量/用地量`): split at `/`,
 * `／` or `、` only when it gives exactly `n` non-empty parts; otherwise every part is the
 * whole cell (a unit such as 吨/万元 in one part stays whole unless it splits into n).
 */
export function splitCell(cell: Text, n: number): Text[] {
  if (cell === null) return Array(n).fill(null)
  const parts = cell.split(/[/／、]/).map((p) => p.trim())
  if (parts.length === n && parts.every((p) => p !== '')) return parts
  return Array(n).fill(cell)
}

/**
 * Splits a row that holds two indicators into two rows (the second right after it). The
 * name and the value cells are split at `/`; the unit only when the name was (吨/万元 is
 * one unit). Values are read again from the split cells on commit. Returns both rows, or
 * null when the key is unknown.
 */
export function splitRow(tableKey: string, rows: PreviewRow[], key: string): [PreviewRow, PreviewRow] | null {
  const i = rows.findIndex((r) => r.key === key)
  if (i < 0) return null
  const a = rows[i]
  const names = splitCell(a.name, 2) as string[]
  const nameSplit = names[0] !== names[1]
  const units = nameSplit ? splitCell(a.unit, 2) : [a.unit, a.unit]
  const base = splitCell(a.baseline_raw, 2)
  const target = splitCell(a.target_raw, 2)
  const actual = splitCell(a.actual_raw, 2)
  const b: PreviewRow = {
    ...a,
    key: freshKey(tableKey, rows, 's'),
    reasons: [`由用户从第 ${a.line} 行拆分`],
    doubts: [],
  }
  const apply = (r: PreviewRow, k: 0 | 1) => {
    r.name = names[k] ?? ''
    r.unit = units[k]
    // A changed cell drops its parsed value: the commit reads the new text.
    if (base[k] !== a.baseline_raw) [r.baseline_raw, r.baseline] = [base[k], null]
    if (target[k] !== a.target_raw) [r.target_raw, r.target] = [target[k], null]
    if (actual[k] !== a.actual_raw) [r.actual_raw, r.actual] = [actual[k], null]
  }
  apply(b, 1)
  apply(a, 0)
  a.reasons = [...a.reasons, `由用户拆分为两行`]
  a.doubts = []
  rows.splice(i + 1, 0, b)
  return [a, b]
}

/** A person looked at a 待核对 row and accepts it: the doubts move to its reasons. */
export function markChecked(r: PreviewRow): void {
  if (!isDoubtful(r)) return
  r.reasons = [...r.reasons, ...r.doubts.map((d) => `已由用户核对：${d}`)]
  r.doubts = []
}

/** Sets the category of the rows `keys` (a selected block); returns how many changed. */
export function setCategory(rows: PreviewRow[], keys: string[], category: string): number {
  const wanted = new Set(keys)
  const value = category.trim() || null
  let n = 0
  for (const r of rows) {
    if (!wanted.has(r.key)) continue
    r.category = value
    n += 1
  }
  return n
}
