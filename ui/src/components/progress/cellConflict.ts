// What a conflict shows: the stored value with who saved it and when, and what this person
// typed. Plain functions, tested without a window.
import type { CellConflict, Observation, ObservationInput } from '../../bindings'

function storedText(o: Observation | null): string {
  if (!o) return '（已清空）'
  if (o.value != null) return String(o.value)
  return o.status ?? '（空）'
}

function typedText(i: ObservationInput): string {
  const v = i.value?.trim()
  if (v) return v
  return i.status ?? '（清空）'
}

/** "2026-12-01T02:32:10Z" → "2026-12-01 10:32" in the machine's time zone. */
export function localMinutes(utc: string, timeZone?: string): string {
  const d = new Date(utc)
  if (Number.isNaN(d.getTime())) return utc
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(d)
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`
}

export function conflictSides(c: CellConflict, timeZone?: string) {
  const who = c.changed_by ?? '他人'
  const when = c.changed_at ? ` ${localMinutes(c.changed_at, timeZone)}` : ''
  return {
    theirsLabel: c.theirs ? `${who}${when} 保存的：` : `${who}${when} 清空了此格：`,
    theirs: storedText(c.theirs),
    yours: typedText(c.yours),
  }
}

/**
 * The stored cell already holds exactly what was typed: e.g. a save that reached the server
 * while its answer was lost (offline), sent again from the draft. Nothing to choose; the
 * draft is saved.
 */
export function alreadyStored(c: CellConflict): boolean {
  const t = c.theirs
  if (!t) return false
  const y = c.yours
  const text = (s: string | null | undefined) => (s == null || s.trim() === '' ? null : s)
  const typed = text(y.value)
  const value = typed === null ? null : Number(typed)
  if (value !== null && Number.isNaN(value)) return false
  return (
    value === t.value &&
    (y.status ?? null) === (t.status ?? null) &&
    text(y.evidence) === text(t.evidence) &&
    text(y.note) === text(t.note) &&
    text(y.source) === text(t.source) &&
    (y.vintage ?? null) === (t.vintage ?? null)
  )
}
