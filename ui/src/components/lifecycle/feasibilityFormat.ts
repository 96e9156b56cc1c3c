// How the feasibility page words its numbers.
import type { Feasibility, FeasibilityRow, PaceKind } from '../../bindings'

/** A rate as a percentage (5.79%), an amount or change as a plain number. */
export function formatPace(kind: PaceKind | null, v: number | null): string {
  if (v == null || kind == null) return '—'
  if (kind === 'rate') return `${(v * 100).toFixed(2)}%`
  return String(Number(v.toFixed(4)))
}

export function judgementType(j: Feasibility): 'danger' | 'success' | 'warning' | 'info' {
  if (j === '偏高') return 'danger'
  if (j === '偏低') return 'warning'
  if (j === '合理') return 'success'
  return 'info'
}

/** The values the editor starts from: the saved annual targets, else the proposal. */
export function startingTargets(r: FeasibilityRow): Record<number, number> {
  const out: Record<number, number> = {}
  for (const [y, v] of r.result.proposed) out[y] = v
  for (const [y, v] of r.saved) if (y in out) out[y] = v
  return out
}
