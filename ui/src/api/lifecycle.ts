// IPC for plan lifecycle, default periods, successor links and target feasibility
// (src-tauri/src/commands/{lifecycle,links,feasibility}.rs over zhibiao::api::{lifecycle, links,
// feasibility}; report_output_dir is in commands/report.rs).
import { call } from './invoke'
import type {
  DefaultPeriod,
  FeasibilityRow,
  IndicatorHeading,
  Lineage,
  LinkInput,
  LinkSuggestion,
  LinkView,
  Period,
  PeriodSelection,
  PlanLifecycle,
} from '../bindings'
import type { ReportArgs } from './reports'

export type { DefaultPeriod, FeasibilityRow, IndicatorHeading, Lineage, LinkInput, LinkSuggestion, LinkView, PeriodSelection, PlanLifecycle }

export const planLifecycles = () => call<PlanLifecycle[]>('plan_lifecycles')

/** The period a picker opens on: the latest with data for the selection (running plans: the current reporting quarter). */
export const defaultPeriod = (selection: PeriodSelection) => call<DefaultPeriod>('default_period', { selection })

/** When a report has nothing to show: the nearest period that has. */
export const nearestReportPeriod = (r: ReportArgs) =>
  call<Period | null>('nearest_report_period', { kind: r.kind, period: r.period, planId: r.planId, departmentId: r.departmentId })

export const indicatorHeading = (indicatorId: number) => call<IndicatorHeading>('indicator_heading', { indicatorId })

export const linkSuggestions = () => call<LinkSuggestion[]>('link_suggestions')
export const successorLinks = () => call<LinkView[]>('successor_links')
export const saveLink = (input: LinkInput) => call<LinkView>('save_link', { input })
export const removeLink = (successorId: number) => call<boolean>('remove_link', { successorId })
export const indicatorLineage = (indicatorId: number) => call<Lineage>('indicator_lineage', { indicatorId })

export const targetFeasibility = (planId: number | null) => call<FeasibilityRow[]>('target_feasibility', { planId })
export const saveAnnualTargets = (indicatorId: number, values: [number, number][]) =>
  call<number>('save_annual_targets', { indicatorId, values })

/** Debug builds: where 保存 PDF writes without the native dialog (end-to-end tests); else null. */
export const reportOutputDir = () => call<string | null>('report_output_dir')
