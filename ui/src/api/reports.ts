// IPC for reports and Excel/CSV (src-tauri/src/commands/report.rs over zhibiao::api::report
// and zhibiao::api::export).
import { call } from './invoke'

export type ReportKind = 'quarterly' | 'annual' | 'completion'
export type ScopeKind = 'all' | 'plan' | 'department'

export interface ReportRequest {
  kind: ReportKind
  period: string
  planId: number | null
  departmentId: number | null
}

function args(r: ReportRequest) {
  return { kind: r.kind, period: r.period, planId: r.planId, departmentId: r.departmentId }
}

/** The PDF's bytes (sent raw over IPC, not as JSON). */
export const generateReport = (r: ReportRequest) => call<ArrayBuffer | number[]>('generate_report', args(r))

/** Renders the report again (it is deterministic) and writes it to `path`. */
export const saveReport = (r: ReportRequest, path: string) => call<void>('save_report', { ...args(r), path })

/** Writes the report to a temporary file and opens it in the system's PDF viewer (to print). */
export const openReportExternally = (r: ReportRequest) => call<string>('open_report_externally', args(r))

export interface ExportRequest {
  period: string
  planId: number | null
  departmentId: number | null
}

/** Writes the indicator table with values and labels to `path` (.xlsx or .csv by extension). */
export const exportTable = (r: ExportRequest, path: string) =>
  call<void>('export_table', { period: r.period, planId: r.planId, departmentId: r.departmentId, path })

export interface ImportRow {
  /** Row number in the sheet, as Excel shows it. */
  row: number
  indicator_id: number | null
  name: string
  period: string | null
  value: string | null
  /** Chinese reason when the row is rejected. */
  error: string | null
}

export interface ImportPreview {
  accepted: ImportRow[]
  rejected: ImportRow[]
}

export const importPreview = (path: string) => call<ImportPreview>('import_xlsx_preview', { path })

export interface ImportResult {
  stored: number
}

export const importConfirm = (path: string) => call<ImportResult>('import_xlsx_confirm', { path })
