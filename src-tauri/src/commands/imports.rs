//! The import wizard: preview pasted text or a file (nothing stored), then commit the edited
//! preview in one transaction. Reading runs off the main thread.

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};
use zhibiao::api::plans::{self, ImportPreview, ImportSummary, MAX_TEXT_BYTES};
use zhibiao::api::{ApiError, ErrorCode};

use crate::state::AppState;
use crate::{access, blocking};

fn require_signed_in(state: &AppState) -> Result<(), ApiError> {
    access::signed_in(state, &*state.db()?).map(|_| ())
}

#[tauri::command]
pub async fn preview_import<R: Runtime>(
    app: AppHandle<R>,
    text: String,
) -> Result<ImportPreview, ApiError> {
    blocking::run(app, move |state| {
        require_signed_in(state)?;
        plans::preview_import(&text)
    })
    .await
}

/// Reads the file chosen in the open dialog; its bytes are decoded (UTF-8 or GB18030) here.
#[tauri::command]
pub async fn preview_import_file<R: Runtime>(
    app: AppHandle<R>,
    path: PathBuf,
) -> Result<ImportPreview, ApiError> {
    blocking::run(app, move |state| {
        require_signed_in(state)?;
        let unreadable = |e: std::io::Error| {
            ApiError::new(
                ErrorCode::UnreadableDocument,
                format!("无法读取文件 {}：{e}", path.display()),
            )
        };
        let size = std::fs::metadata(&path).map_err(unreadable)?.len();
        if size > MAX_TEXT_BYTES as u64 {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!(
                    "文件过大（{:.1} MB，上限 {} MB），请只保留含指标表的章节",
                    size as f64 / 1048576.0,
                    MAX_TEXT_BYTES / 1048576
                ),
            ));
        }
        let bytes = std::fs::read(&path).map_err(unreadable)?;
        let name = path.file_name().and_then(|n| n.to_str());
        plans::preview_import_bytes(&bytes, name)
    })
    .await
}

#[tauri::command]
pub async fn commit_import<R: Runtime>(
    app: AppHandle<R>,
    preview: ImportPreview,
) -> Result<ImportSummary, ApiError> {
    blocking::run(app, move |state| {
        let mut conn = state.db()?;
        let actor = access::administrator(state, &conn)?;
        plans::commit_import(&mut conn, &actor, preview)
    })
    .await
}
