use serde::{Deserialize, Serialize};
use std::sync::Arc;
use tauri::State;
use ts_rs::TS;

use zhibiao::api::{ApiError, ErrorCode};

use crate::backend::Local;
use crate::call;
use crate::state::AppState;

/// Shown in the About box and used by the e2e test to know which database is open.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, ApiError> {
    state.call(GetAppInfo {}).await
}

/// Called by the UI after its first frame: logs the cold-start time (process start to first
/// paint) so it can be measured on any machine (`scripts/measure.sh`).
#[tauri::command]
pub fn frontend_ready(state: State<'_, AppState>) -> u64 {
    let ms = state.started().elapsed().as_millis() as u64;
    tracing::info!(ms, "first paint");
    // Start-up is over: what it freed goes back to the system (README: idle memory).
    crate::memory::release_freed_heap();
    ms
}

/// First run on a new, empty database: 「打开演示数据」 opens the demo database beside it
/// instead (the new database stays empty and untouched). Returns the demo database's path.
#[tauri::command]
pub async fn open_demo_database(state: State<'_, AppState>) -> Result<String, ApiError> {
    if !state.call(IsFirstRun {}).await? {
        return Err(ApiError::new(
            ErrorCode::Forbidden,
            "数据库已在使用中：演示数据只能在首次启动时选择，或以 --demo 启动",
        ));
    }
    let path = state.demo_path()?;
    let at = path.clone();
    // Migrating and filling the demo takes a moment: off the main thread.
    let local = tauri::async_runtime::spawn_blocking(move || Local::open(&at, true))
        .await
        .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))??;
    state.replace_backend(Arc::new(local), &path.display().to_string());
    Ok(path.display().to_string())
}

// A new database: its administrator has no password yet and it holds no plans.
call!(IsFirstRun = "is_first_run" {} -> bool, |e, c| {
    let conn = e.db()?;
    let first = zhibiao::api::session::first_run(&*conn)?.admin_needs_password;
    Ok(first && zhibiao::api::plans::list_plans(&*conn)?.is_empty())
});

call!(GetAppInfo = "app_info" {} -> AppInfo, |e, c| {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        db_path: e.db_path().display().to_string(),
    })
});
