//! Reports (PDF) and the indicator table as Excel/CSV. The data is read under the database
//! lock; laying out and rendering happen after it is released.

use std::path::{Path, PathBuf};
use zhibiao::api::commands::report::{
    ExportTable, ImportXlsxConfirm, ImportXlsxPreview, RenderReport,
};

use tauri::ipc::Response;
use tauri::State;
use zhibiao::api::export::ExportRequest;
use zhibiao::api::report::ReportRequest;
use zhibiao::api::xlsx_import::{XlsxImportOutcome, XlsxImportPreview};
use zhibiao::api::{ApiError, ErrorCode};
use zhibiao::model::Period;

use super::files::{read_file, require_extension, write_file};
use crate::state::AppState;

fn request(
    kind: String,
    period: Period,
    plan_id: Option<i64>,
    department_id: Option<i64>,
) -> ReportRequest {
    ReportRequest {
        plan_id,
        department_id,
        kind: Some(kind),
        ..ReportRequest::new(period)
    }
}

/// The PDF's bytes, sent raw (an ArrayBuffer in the webview), for the in-app preview.
#[tauri::command]
pub async fn generate_report(
    state: State<'_, AppState>,
    kind: String,
    period: Period,
    plan_id: Option<i64>,
    department_id: Option<i64>,
) -> Result<Response, ApiError> {
    let request = request(kind, period, plan_id, department_id);
    Ok(Response::new(state.call(RenderReport { request }).await?))
}

/// Renders the same report again (it is deterministic for the same data and day) and writes it.
#[tauri::command]
pub async fn save_report(
    state: State<'_, AppState>,
    kind: String,
    period: Period,
    plan_id: Option<i64>,
    department_id: Option<i64>,
    path: PathBuf,
) -> Result<(), ApiError> {
    require_extension(&path, &["pdf"])?;
    let request = request(kind, period, plan_id, department_id);
    write_file(&path, &state.call(RenderReport { request }).await?)
}

/// Printing: the report goes to a temporary file opened in the system's PDF viewer, which
/// has the print dialog. Returns the file's path.
#[tauri::command]
pub async fn open_report_externally(
    state: State<'_, AppState>,
    kind: String,
    period: Period,
    plan_id: Option<i64>,
    department_id: Option<i64>,
) -> Result<String, ApiError> {
    let request = request(kind, period, plan_id, department_id);
    let bytes = state.call(RenderReport { request }).await?;
    let path = std::env::temp_dir().join(format!("规划指标监测报告-{period}.pdf"));
    write_file(&path, &bytes)?;
    open_with_system_viewer(&path)?;
    Ok(path.display().to_string())
}

fn open_with_system_viewer(path: &Path) -> Result<(), ApiError> {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program)
        .arg(path)
        .spawn()
        .map(|_| ())
        .map_err(|e| {
            ApiError::new(
                ErrorCode::Internal,
                format!("无法打开系统 PDF 阅读器（{e}）；请先“保存 PDF”，再用阅读器打开打印"),
            )
        })
}

/// Debug builds only: a directory named by `ZHIBIAO_E2E_OUTPUT_DIR` where 保存 PDF writes
/// without the native save dialog, which WebDriver cannot drive. Not a backend call: the
/// directory is on this computer, whatever backend renders the report.
#[tauri::command]
pub async fn report_output_dir() -> Result<Option<String>, ApiError> {
    Ok(e2e_output_dir(std::env::var("ZHIBIAO_E2E_OUTPUT_DIR").ok()))
}

fn e2e_output_dir(env: Option<String>) -> Option<String> {
    env.filter(|d| cfg!(debug_assertions) && !d.trim().is_empty())
}

/// A filled-in template larger than this is not a template.
const MAX_XLSX_BYTES: u64 = 20 * 1024 * 1024;

fn read_xlsx(path: &Path) -> Result<Vec<u8>, ApiError> {
    require_extension(path, &["xlsx"])?;
    read_file(path, MAX_XLSX_BYTES, |_| {
        "文件过大，不是导出的填报模板".into()
    })
}

/// The indicator table with values and labels, as .xlsx or .csv (by the chosen file name).
#[tauri::command]
pub async fn export_table(
    state: State<'_, AppState>,
    period: Period,
    plan_id: Option<i64>,
    department_id: Option<i64>,
    path: PathBuf,
) -> Result<(), ApiError> {
    require_extension(&path, &["xlsx", "csv"])?;
    let csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let request = ExportRequest {
        period,
        plan_id,
        department_id,
    };
    write_file(&path, &state.call(ExportTable { request, csv }).await?)
}

/// Dry run of an Excel import: every row checked as in the entry grid, nothing stored.
#[tauri::command]
pub async fn import_xlsx_preview(
    state: State<'_, AppState>,
    path: PathBuf,
    period: Period,
) -> Result<XlsxImportPreview, ApiError> {
    let bytes = read_xlsx(&path)?;
    state.call(ImportXlsxPreview { bytes, period }).await
}

/// Stores the accepted rows (all or none), with the same rules and audit trail as the grid.
#[tauri::command]
pub async fn import_xlsx_confirm(
    state: State<'_, AppState>,
    path: PathBuf,
    period: Period,
) -> Result<XlsxImportOutcome, ApiError> {
    let bytes = read_xlsx(&path)?;
    state.call(ImportXlsxConfirm { bytes, period }).await
}
