// Labels, colours and formatting of evaluated indicators on the dashboard. Filtering,
// ordering and counting happen in the engine (zhibiao::api::dashboard), over every row.
import type { Label, RollUp } from '../../bindings'

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

/** Counts from the engine's roll-up in the order of [`LABELS`], zero counts included. */
export function countsInOrder(rollUp: RollUp): { label: string; count: number }[] {
  const counts = new Map<string, number>(rollUp.counts.map((c) => [c.label, c.count]))
  return LABELS.map((label) => ({ label, count: counts.get(label) ?? 0 }))
}

/** A percentage for display: 0.734 → "73.4%"; null → "—". */
export function percent(x: number | null | undefined): string {
  return x == null || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(1)}%`
}

/** An SVG string from the engine as an <img> source: no script runs, the CSP stays strict. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
