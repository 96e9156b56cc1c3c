//! The import wizard: preview pasted text or a file (nothing stored), then commit the edited
//! preview in one transaction. Reading runs off the main thread.

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};
use zhibiao::api::plans::{self, ImportPreview, ImportSummary};
use zhibiao::api::ApiError;

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

/// Reads the file chosen in the open dialog: text, `.docx`, PDF or HTML, told apart in Rust.
#[tauri::command]
pub async fn preview_import_file<R: Runtime>(
    app: AppHandle<R>,
    path: PathBuf,
) -> Result<ImportPreview, ApiError> {
    blocking::run(app, move |state| {
        require_signed_in(state)?;
        plans::preview_import_file(&path)
    })
    .await
}

/// A paste that carried HTML (its tables keep their merged cells); `text` is the fallback.
#[tauri::command]
pub async fn preview_import_html<R: Runtime>(
    app: AppHandle<R>,
    html: String,
    text: Option<String>,
) -> Result<ImportPreview, ApiError> {
    blocking::run(app, move |state| {
        require_signed_in(state)?;
        plans::preview_import_html(&html, text.as_deref())
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
