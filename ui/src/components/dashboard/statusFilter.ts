// Filtering, ordering and counting of evaluated indicators on the dashboard. The engine
// computes every label; this only narrows and orders what it sent.
import type { Label } from '../../bindings'

export const LABELS = [
  '严重滞后',
  '滞后',
  '基本符合预期',
  '快于预期',
  '已完成',
  '目标待下达',
  '无法评估',
  '无数据',
  '待评估',
] as const satisfies readonly Label[]

export type LabelName = (typeof LABELS)[number]

/** Element Plus tag colours matching the engine's chart palette. */
export const LABEL_COLOURS: Record<string, string> = {
  已完成: '#1a7f37',
  快于预期: '#2f81f7',
  基本符合预期: '#57ab5a',
  滞后: '#d29922',
  严重滞后: '#cf222e',
  无数据: '#8c959f',
  待评估: '#a5b4c4',
  目标待下达: '#8250df',
  无法评估: '#6e7781',
}

export interface Labelled {
  label: string
  attribute: string | null
}

export interface StatusFilter {
  attribute: string | null
  labels: string[]
}

export const isLagging = (label: string) => label === '滞后' || label === '严重滞后'
export const isBinding = (attribute: string | null) => attribute === '约束性'

export function filterRows<T extends Labelled>(rows: T[], f: StatusFilter): T[] {
  return rows.filter(
    (r) => (!f.attribute || r.attribute === f.attribute) && (f.labels.length === 0 || f.labels.includes(r.label)),
  )
}

function rank<T extends Labelled>(r: T): number {
  const lagging = isLagging(r.label)
  const binding = isBinding(r.attribute)
  const group = lagging && binding ? 0 : lagging ? 1 : 2
  const order = LABELS.indexOf(r.label as LabelName)
  return group * 100 + (order < 0 ? 99 : order)
}

/** Binding lagging indicators first (严重滞后 before 滞后), then other lagging ones, then the rest; stable. */
export function laggingFirst<T extends Labelled>(rows: T[]): T[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map((x) => x.r)
}

/** The lagging binding indicators: the dashboard's warning list. */
export function bindingLagging<T extends Labelled>(rows: T[]): T[] {
  return laggingFirst(rows.filter((r) => isLagging(r.label) && isBinding(r.attribute)))
}

/** Count per label in the fixed order, zero counts included. */
export function countByLabel<T extends Labelled>(rows: T[]): { label: string; count: number }[] {
  const counts = new Map<string, number>(LABELS.map((l) => [l, 0]))
  for (const r of rows) counts.set(r.label, (counts.get(r.label) ?? 0) + 1)
  return [...counts.entries()].map(([label, count]) => ({ label, count }))
}

/** A percentage for display: 0.734 → "73.4%"; null → "—". */
export function percent(x: number | null | undefined): string {
  return x == null || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(1)}%`
}

/** An SVG string from the engine as an <img> source: no script runs, the CSP stays strict. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
