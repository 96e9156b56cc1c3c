// IPC for evaluation status and charts (src-tauri/src/commands/status.rs over
// zhibiao::api::status and zhibiao::api::charts). IPC types come from the generated bindings.
import type {
  Attribute,
  CagrBand,
  ChartKind,
  DashboardPage,
  DashboardQuery,
  Label,
  Period,
  RollUp,
  StatusRow,
} from '../bindings'
import { call } from './invoke'

/** One evaluated indicator flattened for tables and the indicator page (from `StatusRow`). */
export interface StatusLine {
  indicator_id: number
  plan_id: number
  plan_title: string
  category: string | null
  name: string
  unit: string | null
  attribute: Attribute | null
  department: string | null
  baseline_raw: string | null
  target_raw: string | null
  label: Label
  actual: number | null
  actual_period: Period | null
  completion: number | null
  expected: number | null
  cagr_ratio: number | null
  cagr_band: CagrBand | null
  required_rate: number | null
  forecast_linear: number | null
  forecast_compound: number | null
  forecast_year: number | null
  /** Why the label was given (Chinese). */
  reason: string
  /** 已结束：按2025年完成情况评估 when an ended plan is judged at its target year. */
  lifecycle_note: string | null
}

export interface StatusQuery {
  period: string
  planId: number | null
  departmentId: number | null
}

export function toStatusLine(d: StatusRow): StatusLine {
  const s = d.status
  return {
    indicator_id: s.indicator_id,
    plan_id: d.plan_id,
    plan_title: d.plan_title,
    category: d.category,
    name: d.name,
    unit: d.unit,
    attribute: d.attribute,
    department: d.department,
    baseline_raw: d.baseline_raw,
    target_raw: d.target_raw,
    label: s.label,
    actual: s.actual,
    actual_period: s.actual_period,
    completion: s.completion,
    expected: s.expected,
    cagr_ratio: s.cagr_ratio,
    cagr_band: s.cagr_band,
    required_rate: s.required_rate,
    forecast_linear: s.forecast?.linear ?? null,
    forecast_compound: s.forecast?.compound ?? null,
    forecast_year: s.forecast?.year ?? null,
    reason: d.reason,
    lifecycle_note: d.lifecycle_note,
  }
}

/** The dashboard for a scope and one page of its list; the engine filters, orders and counts. */
export interface DashboardView {
  counts: RollUp
  warnings: StatusLine[]
  warningsTotal: number
  rows: StatusLine[]
  rowsTotal: number
  offset: number
  endedPlans: string[]
  gapSvg: string | null
}

export async function dashboardPage(query: DashboardQuery): Promise<DashboardView> {
  const p = await call<DashboardPage>('dashboard_page', { query })
  return {
    counts: p.counts,
    warnings: p.warnings.map(toStatusLine),
    warningsTotal: p.warnings_total,
    rows: p.rows.map(toStatusLine),
    rowsTotal: p.rows_total,
    offset: p.offset,
    endedPlans: p.ended_plans,
    gapSvg: p.gap_svg,
  }
}

export const indicatorStatus = async (indicatorId: number, period: string) =>
  toStatusLine(await call<StatusRow>('indicator_status', { indicatorId, period }))

export interface ChartQuery extends StatusQuery {
  kind: ChartKind
  indicatorId: number | null
}

/** The chart as an SVG document (drawn by plotters in Rust). */
export const chartSvg = (q: ChartQuery) =>
  call<string>('chart_svg', {
    kind: q.kind,
    period: q.period,
    planId: q.planId,
    departmentId: q.departmentId,
    indicatorId: q.indicatorId,
  })

/** Renders the chart as PNG and writes it to `path` (chosen in the save dialog). */
export const saveChartPng = (q: ChartQuery, path: string) =>
  call<void>('save_chart_png', {
    kind: q.kind,
    period: q.period,
    planId: q.planId,
    departmentId: q.departmentId,
    indicatorId: q.indicatorId,
    path,
  })
