// Generated from the Rust DTOs by `UPDATE_BINDINGS=1 cargo test --test interfaces ts_bindings::`.
// Do not edit by hand.
import type { Period } from './model'

export type ReportRequest = { 
/**
 * `2025Q3` for a quarter, `2025` for a year.
 */
period: Period, plan_id: number | null, department_id: number | null, 
/**
 * `quarterly`, `annual` or `completion`; chosen from the period when absent.
 */
kind: string | null, 
/**
 * Date printed on the report (YYYY-MM-DD); today when absent. Fixing it makes the PDF
 * byte-identical for the same data.
 */
date: string | null, 
/**
 * Leave the charts out (faster preview).
 */
without_charts: boolean, };

export type ExportRequest = { period: Period, plan_id: number | null, department_id: number | null, };

export type AcceptedRow = { 
/**
 * Row number as Excel shows it.
 */
row: number, indicator_id: number, name: string, 
/**
 * The value stored now, if any.
 */
old_value: string | null, new_value: string, 
/**
 * Needs-note issues (saved, but a note is needed before submission).
 */
warnings: Array<string>, };

export type RejectedRow = { row: number, indicator_id: number | null, name: string, 
/**
 * Chinese, for the user.
 */
reason: string, };

export type XlsxImportPreview = { period: Period, accepted: Array<AcceptedRow>, rejected: Array<RejectedRow>, 
/**
 * Indicator rows left empty (nothing to store).
 */
blank: number, };

export type XlsxImportOutcome = { 
/**
 * Whether the accepted rows were stored (all of them, or none).
 */
committed: boolean, saved: number, preview: XlsxImportPreview, };
