// IPC for reports and Excel/CSV (src-tauri/src/commands/report.rs over zhibiao::api::report,
// zhibiao::api::export and zhibiao::api::xlsx_import). Replies are typed by the bindings; the
// `…Args` interfaces are the commands' arguments as the views gather them.
import type { Period, XlsxImportOutcome, XlsxImportPreview } from '../bindings'
import { call } from './invoke'

export type ReportKind = 'quarterly' | 'annual' | 'completion'
export type ScopeKind = 'all' | 'plan' | 'department'

export interface ReportArgs {
  kind: ReportKind
  period: Period
  planId: number | null
  departmentId: number | null
}

function args(r: ReportArgs) {
  return { kind: r.kind, period: r.period, planId: r.planId, departmentId: r.departmentId }
}

/** The PDF's bytes (sent raw over IPC, not as JSON). */
export const generateReport = (r: ReportArgs) => call<ArrayBuffer | number[]>('generate_report', args(r))

/** Renders the report again (it is deterministic) and writes it to `path`. */
export const saveReport = (r: ReportArgs, path: string) => call<void>('save_report', { ...args(r), path })

/** Writes the report to a temporary file and opens it in the system's PDF viewer (to print). */
export const openReportExternally = (r: ReportArgs) => call<string>('open_report_externally', args(r))

export interface ExportArgs {
  period: Period
  planId: number | null
  departmentId: number | null
}

/** Writes the indicator table with values and labels to `path` (.xlsx or .csv by extension). */
export const exportTable = (r: ExportArgs, path: string) =>
  call<void>('export_table', { period: r.period, planId: r.planId, departmentId: r.departmentId, path })

/** Dry run: every row checked as in the entry grid; nothing is stored. */
export const importPreview = (path: string, period: string) => call<XlsxImportPreview>('import_xlsx_preview', { path, period })

/** Stores the accepted rows, all or none. */
export const importConfirm = (path: string, period: string) => call<XlsxImportOutcome>('import_xlsx_confirm', { path, period })
