// What a report request may combine: the kind decides the period (a quarter for 季度报告,
// a year otherwise) and 总结评估 is about one plan.
import { parsePeriod } from '../progress/periods'
import type { ReportArgs, ReportKind, ScopeKind } from '../../api/reports'

export const REPORT_KINDS: { value: ReportKind; label: string }[] = [
  { value: 'quarterly', label: '季度监测报告' },
  { value: 'annual', label: '年度监测报告' },
  { value: 'completion', label: '总结评估' },
]

export const SCOPES: { value: ScopeKind; label: string }[] = [
  { value: 'all', label: '全部规划' },
  { value: 'plan', label: '单个规划' },
  { value: 'department', label: '部门' },
]

export interface ReportForm {
  kind: ReportKind
  scope: ScopeKind
  period: string
  planId: number | null
  departmentId: number | null
}

/** Why the form cannot be sent (Chinese), or null when it can. */
export function formProblem(f: ReportForm): string | null {
  const p = parsePeriod(f.period)
  if (!p) return '请选择期间'
  if (f.kind === 'quarterly' && p.quarter === null) return '季度报告请选择季度'
  if (f.kind !== 'quarterly' && p.quarter !== null) return '年度报告和总结评估请选择全年'
  if (f.scope === 'plan' && f.planId == null) return '请选择规划'
  if (f.scope === 'department' && f.departmentId == null) return '请选择部门'
  if (f.kind === 'completion' && f.scope !== 'plan') return '总结评估针对单个规划，请选择规划'
  return null
}

export function toRequest(f: ReportForm): ReportArgs {
  return {
    kind: f.kind,
    period: f.period,
    planId: f.scope === 'plan' ? f.planId : null,
    departmentId: f.scope === 'department' ? f.departmentId : null,
  }
}

/** A file name a clerk would give it: 季度监测报告-2026Q3.pdf. */
export function suggestedFileName(f: ReportForm, ext: 'pdf' | 'xlsx' | 'csv', scopeName?: string): string {
  const kind = ext === 'pdf' ? (REPORT_KINDS.find((k) => k.value === f.kind)?.label ?? '报告') : '指标监测表'
  const scope = scopeName ? `${scopeName}-` : ''
  const safe = `${scope}${kind}-${f.period}`.replace(/[\\/:*?"<>|]/g, '_')
  return `${safe}.${ext}`
}

/** Bytes sent by the shell: an ArrayBuffer (raw IPC response) or, from a mock, a number array. */
export function toBytes(data: ArrayBuffer | number[] | Uint8Array): Uint8Array {
  if (data instanceof Uint8Array) return data
  if (Array.isArray(data)) return Uint8Array.from(data)
  return new Uint8Array(data)
}

/** A PDF starts with "%PDF-": anything else is not previewed. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return bytes.length > 5 && String.fromCharCode(...bytes.slice(0, 5)) === '%PDF-'
}
