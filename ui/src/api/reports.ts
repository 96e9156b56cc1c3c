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

/** A row that will be stored on confirmation (zhibiao::api::export::AcceptedRow). */
export interface AcceptedRow {
  row: number
  indicator_id: number
  name: string
  old_value: string | null
  new_value: string
  /** Needs-note issues: stored, but a note is needed before submission. */
  warnings: string[]
}

export interface RejectedRow {
  row: number
  indicator_id: number | null
  name: string
  /** Chinese, for the user. */
  reason: string
}

export interface ImportPreview {
  period: string
  accepted: AcceptedRow[]
  rejected: RejectedRow[]
  /** Indicator rows left empty. */
  blank: number
}

export interface ImportOutcome {
  committed: boolean
  saved: number
  preview: ImportPreview
}

/** Dry run: every row checked as in the entry grid; nothing is stored. */
export const importPreview = (path: string, period: string) => call<ImportPreview>('import_xlsx_preview', { path, period })

/** Stores the accepted rows, all or none. */
export const importConfirm = (path: string, period: string) => call<ImportOutcome>('import_xlsx_confirm', { path, period })
