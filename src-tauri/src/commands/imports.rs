//! The import wizard: preview pasted text or a file (nothing stored), then commit the edited
//! preview in one transaction.

use std::path::{Path, PathBuf};
use zhibiao::api::commands::imports::{
    CommitImport, PreviewImport, PreviewImportChanges, PreviewImportFile, PreviewImportHtml,
};

use tauri::State;
use zhibiao::api::plans::{ImportChanges, ImportPreview, ImportSummary};
use zhibiao::api::ApiError;
use zhibiao::document::MAX_FILE_BYTES;

use super::files::read_file;
use crate::state::AppState;

#[tauri::command]
pub async fn preview_import(
    state: State<'_, AppState>,
    text: String,
) -> Result<ImportPreview, ApiError> {
    state.call(PreviewImport { text }).await
}

/// Reads the file chosen in the open dialog: text, `.docx`, PDF or HTML, told apart by the
/// engine from its bytes (so a remote backend receives the same bytes).
#[tauri::command]
pub async fn preview_import_file(
    state: State<'_, AppState>,
    path: PathBuf,
) -> Result<ImportPreview, ApiError> {
    let (bytes, file_name) = plan_file(&path)?;
    state.call(PreviewImportFile { bytes, file_name }).await
}

/// A plan file's bytes (size-limited, read in the shell so that a remote backend receives the
/// same bytes) and its name.
pub(super) fn plan_file(path: &Path) -> Result<(Vec<u8>, Option<String>), ApiError> {
    let bytes = read_file(path, MAX_FILE_BYTES, |size| {
        format!(
            "文件过大（{:.1} MB，上限 {} MB），请只保留含指标表的章节",
            size as f64 / 1048576.0,
            MAX_FILE_BYTES / 1048576
        )
    })?;
    let file_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .map(str::to_string);
    Ok((bytes, file_name))
}

/// A paste that carried HTML (its tables keep their merged cells); `text` is the fallback.
#[tauri::command]
pub async fn preview_import_html(
    state: State<'_, AppState>,
    html: String,
    text: Option<String>,
) -> Result<ImportPreview, ApiError> {
    state.call(PreviewImportHtml { html, text }).await
}

/// What 确认导入 would change in plans already stored (a corrected or re-issued gazette),
/// shown before the commit.
#[tauri::command]
pub async fn preview_import_changes(
    state: State<'_, AppState>,
    preview: ImportPreview,
) -> Result<ImportChanges, ApiError> {
    state.call(PreviewImportChanges { preview }).await
}

#[tauri::command]
pub async fn commit_import(
    state: State<'_, AppState>,
    preview: ImportPreview,
) -> Result<ImportSummary, ApiError> {
    state.call(CommitImport { preview }).await
}
