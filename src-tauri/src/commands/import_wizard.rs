//! The import wizard's help for tables the importer missed: guess how selected lines read as
//! a table, read them with the roles a person chose, or open a text with no table found.
//! Nothing is stored; the corrections travel with `commit_import`.

use std::path::PathBuf;
use zhibiao::api::commands::imports::{
    GuessManualTable, PreviewFileOrBlank, PreviewOrBlank, ReadManualTable,
};

use tauri::State;
use zhibiao::api::import_wizard::ManualTable;
use zhibiao::api::plans::{ImportPreview, PreviewTable};
use zhibiao::api::ApiError;
use zhibiao::import::ColumnChoice;

use super::imports::plan_file;
use crate::state::AppState;

#[tauri::command]
pub async fn guess_manual_table(
    state: State<'_, AppState>,
    text: String,
    first: usize,
    last: usize,
    key: String,
) -> Result<ManualTable, ApiError> {
    state
        .call(GuessManualTable {
            text,
            first,
            last,
            key,
        })
        .await
}

#[tauri::command]
pub async fn read_manual_table(
    state: State<'_, AppState>,
    text: String,
    first: usize,
    last: usize,
    header_rows: usize,
    columns: Vec<ColumnChoice>,
    key: String,
) -> Result<PreviewTable, ApiError> {
    state
        .call(ReadManualTable {
            text,
            first,
            last,
            header_rows,
            columns,
            key,
        })
        .await
}

/// Pasted text in which the importer found no table: the wizard opens on it all the same.
#[tauri::command]
pub async fn preview_or_blank(
    state: State<'_, AppState>,
    text: String,
) -> Result<ImportPreview, ApiError> {
    state.call(PreviewOrBlank { text }).await
}

/// A file in which the importer found no table: the wizard opens on its text all the same.
#[tauri::command]
pub async fn preview_file_or_blank(
    state: State<'_, AppState>,
    path: PathBuf,
) -> Result<ImportPreview, ApiError> {
    let (bytes, file_name) = plan_file(&path)?;
    state.call(PreviewFileOrBlank { bytes, file_name }).await
}
