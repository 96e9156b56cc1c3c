//! Reports (PDF) and the indicator table as Excel/CSV. Rendering runs off the main thread so
//! the window keeps showing progress.

use std::path::{Path, PathBuf};

use tauri::ipc::Response;
use tauri::{AppHandle, Runtime};
use zhibiao::api::export::{self, ExportRequest};
use zhibiao::api::report::{self, ReportRequest};
use zhibiao::api::xlsx_import::{self, XlsxImportOutcome, XlsxImportPreview};
use zhibiao::api::{ApiError, ErrorCode};
use zhibiao::model::Period;

use crate::state::AppState;
use crate::{access, blocking};

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

fn render(state: &AppState, req: &ReportRequest) -> Result<Vec<u8>, ApiError> {
    let conn = state.db()?;
    access::signed_in(state, &conn)?;
    report::report_pdf(&conn, req)
}

/// Only files of the kind the save dialog offered, so a command cannot overwrite others.
pub(crate) fn require_extension(path: &Path, allowed: &[&str]) -> Result<(), ApiError> {
    let ok = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| allowed.iter().any(|a| e.eq_ignore_ascii_case(a)));
    if ok {
        Ok(())
    } else {
        Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!("文件名应以 .{} 结尾", allowed.join(" 或 .")),
        ))
    }
}

pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ApiError> {
    std::fs::write(path, bytes).map_err(|e| {
        ApiError::new(
            ErrorCode::InvalidInput,
            format!("无法写入 {}：{e}", path.display()),
        )
    })
}

/// The PDF's bytes, sent raw (an ArrayBuffer in the webview), for the in-app preview.
#[tauri::command]
pub async fn generate_report<R: Runtime>(
    app: AppHandle<R>,
    kind: String,
    period: Period,
    plan_id: Option<i64>,
    department_id: Option<i64>,
) -> Result<Response, ApiError> {
    let req = request(kind, period, plan_id, department_id);
    blocking::run(app, move |state| render(state, &req).map(Response::new)).await
}

/// Renders the same report again (it is deterministic for the same data and day) and writes it.
#[tauri::command]
pub async fn save_report<R: Runtime>(
    app: AppHandle<R>,
    kind: String,
    period: Period,
    plan_id: Option<i64>,
    department_id: Option<i64>,
    path: PathBuf,
) -> Result<(), ApiError> {
    require_extension(&path, &["pdf"])?;
    let req = request(kind, period, plan_id, department_id);
    blocking::run(app, move |state| write_file(&path, &render(state, &req)?)).await
}

/// Printing: the report goes to a temporary file opened in the system's PDF viewer, which
/// has the print dialog. Returns the file's path.
#[tauri::command]
pub async fn open_report_externally<R: Runtime>(
    app: AppHandle<R>,
    kind: String,
    period: Period,
    plan_id: Option<i64>,
    department_id: Option<i64>,
) -> Result<String, ApiError> {
    let req = request(kind, period, plan_id, department_id);
    blocking::run(app, move |state| {
        let bytes = render(state, &req)?;
        let path = std::env::temp_dir().join(format!("规划指标监测报告-{}.pdf", req.period));
        write_file(&path, &bytes)?;
        open_with_system_viewer(&path)?;
        Ok(path.display().to_string())
    })
    .await
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

/// A filled-in template larger than this is not a template.
const MAX_XLSX_BYTES: u64 = 20 * 1024 * 1024;

fn read_xlsx(path: &Path) -> Result<Vec<u8>, ApiError> {
    require_extension(path, &["xlsx"])?;
    let unreadable = |e: std::io::Error| {
        ApiError::new(
            ErrorCode::UnreadableDocument,
            format!("无法读取文件 {}：{e}", path.display()),
        )
    };
    if std::fs::metadata(path).map_err(unreadable)?.len() > MAX_XLSX_BYTES {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            "文件过大，不是导出的填报模板",
        ));
    }
    std::fs::read(path).map_err(unreadable)
}

/// The indicator table with values and labels, as .xlsx or .csv (by the chosen file name).
#[tauri::command]
pub async fn export_table<R: Runtime>(
    app: AppHandle<R>,
    period: Period,
    plan_id: Option<i64>,
    department_id: Option<i64>,
    path: PathBuf,
) -> Result<(), ApiError> {
    require_extension(&path, &["xlsx", "csv"])?;
    let req = ExportRequest {
        period,
        plan_id,
        department_id,
    };
    blocking::run(app, move |state| {
        let conn = state.db()?;
        access::signed_in(state, &conn)?;
        let csv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        let bytes = if csv {
            export::export_csv(&conn, &req)?
        } else {
            export::export_xlsx(&conn, &req)?
        };
        write_file(&path, &bytes)
    })
    .await
}

/// Dry run of an Excel import: every row checked as in the entry grid, nothing stored.
#[tauri::command]
pub async fn import_xlsx_preview<R: Runtime>(
    app: AppHandle<R>,
    path: PathBuf,
    period: Period,
) -> Result<XlsxImportPreview, ApiError> {
    blocking::run(app, move |state| {
        let bytes = read_xlsx(&path)?;
        let s = state.session()?;
        xlsx_import::preview_xlsx_import(&*state.db()?, &s, &bytes, period)
    })
    .await
}

/// Stores the accepted rows (all or none), with the same rules and audit trail as the grid.
#[tauri::command]
pub async fn import_xlsx_confirm<R: Runtime>(
    app: AppHandle<R>,
    path: PathBuf,
    period: Period,
) -> Result<XlsxImportOutcome, ApiError> {
    blocking::run(app, move |state| {
        let bytes = read_xlsx(&path)?;
        let s = state.session()?;
        xlsx_import::confirm_xlsx_import(&mut *state.db()?, &s, &bytes, period)
    })
    .await
}
