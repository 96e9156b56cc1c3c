// The editable columns of the entry grid, in keyboard order.
import type { EntryRow } from '../../bindings'

export type ColumnId = 'value' | 'evidence' | 'note' | 'source' | 'vintage'

export const COLUMNS: { id: ColumnId; label: string }[] = [
  { id: 'value', label: '本期值' },
  { id: 'evidence', label: '佐证材料' },
  { id: 'note', label: '说明' },
  { id: 'source', label: '数据来源' },
  { id: 'vintage', label: '数据口径' },
]

export const QUAL_STATUSES = ['达到', '基本达到', '未达到'] as const
export const VINTAGES = ['快报', '年报', '修订'] as const

/** The observation field a column writes: a qualitative row's value is its status. */
export function fieldOf(row: Pick<EntryRow, 'qualitative'>, col: ColumnId): string {
  return col === 'value' && row.qualitative ? 'status' : col
}

/** Evidence belongs to qualitative indicators only. */
export function cellExists(row: Pick<EntryRow, 'qualitative'>, col: ColumnId): boolean {
  return col !== 'evidence' || row.qualitative
}

const STATUS_ALIASES: Record<string, string> = {
  达到: '达到',
  已达到: '达到',
  完成: '达到',
  基本达到: '基本达到',
  基本完成: '基本达到',
  未达到: '未达到',
  未完成: '未达到',
}

/**
 * The text to store for a pasted or typed value in a select column, or null when the text
 * is not one of its choices (an empty text clears the cell).
 */
export function normaliseChoice(field: string, text: string): string | null {
  const t = text.trim()
  if (t === '') return ''
  if (field === 'status') return STATUS_ALIASES[t] ?? null
  if (field === 'vintage') return (VINTAGES as readonly string[]).includes(t) ? t : null
  return text
}
