//! 备份与恢复 (administrators): list, back up now, restore from a listed backup. A backup
//! runs through a connection of its own; a restore holds the app's connection while SQLite's
//! backup API copies the pages in.

use tauri::State;
use zhibiao::api::backup::{self, BackupEntry, BackupList, RestoreOutcome};
use zhibiao::api::{ApiError, ErrorCode};
use zhibiao::store::db::Db;

use crate::call;
use crate::state::AppState;

#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Result<BackupList, ApiError> {
    state.call(ListBackups {}).await
}

#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> Result<BackupEntry, ApiError> {
    state.call(BackupNow {}).await
}

#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    file_name: String,
) -> Result<RestoreOutcome, ApiError> {
    state.call(RestoreBackup { file_name }).await
}

call!(ListBackups = "list_backups" {} -> BackupList, |e, _c| {
    e.with_session(|conn, s| backup::list_backups(file(conn)?, s, e.db_path()))
});

// The copy itself runs without the app's connection, so other commands go on meanwhile.
call!(BackupNow = "backup_now" {} -> BackupEntry, |e, _c| {
    e.with_session(|conn, s| backup::authorize_backup(file(conn)?, s))?;
    backup::backup_now(e.db_path())
});

call!(RestoreBackup = "restore_backup" { file_name: String } -> RestoreOutcome, |e, c| {
    e.with_session(|conn, s| backup::restore_backup(file(conn)?, s, e.db_path(), &c.file_name))
});

/// Backups copy the local database file: the app's own database is always one.
fn file(db: &mut Db) -> Result<&mut rusqlite::Connection, ApiError> {
    match db {
        Db::Sqlite(c) => Ok(c),
        Db::Postgres(_) => Err(ApiError::new(
            ErrorCode::InvalidInput,
            "共享数据库由服务器管理员在服务器上备份",
        )),
    }
}
