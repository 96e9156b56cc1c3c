//! 备份与恢复 (administrators): list, back up now, restore from a listed backup. The backup
//! itself runs off the main thread through a connection of its own; a restore holds the
//! app's connection while SQLite's backup API copies the pages in.

use tauri::{AppHandle, Runtime, State};
use zhibiao::api::backup::{self, BackupEntry, BackupList, RestoreOutcome};
use zhibiao::api::ApiError;

use crate::blocking;
use crate::state::AppState;

#[tauri::command]
pub fn list_backups(state: State<'_, AppState>) -> Result<BackupList, ApiError> {
    backup::list_backups(&*state.db()?, &state.session()?, state.db_path())
}

#[tauri::command]
pub async fn backup_now<R: Runtime>(app: AppHandle<R>) -> Result<BackupEntry, ApiError> {
    blocking::run(app, |state| {
        backup::authorize_backup(&*state.db()?, &state.session()?)?;
        backup::backup_now(state.db_path())
    })
    .await
}

#[tauri::command]
pub async fn restore_backup<R: Runtime>(
    app: AppHandle<R>,
    file_name: String,
) -> Result<RestoreOutcome, ApiError> {
    blocking::run(app, move |state| {
        let s = state.session()?;
        backup::restore_backup(&mut *state.db()?, &s, state.db_path(), &file_name)
    })
    .await
}
