use serde::{Deserialize, Serialize};
use tauri::State;
use ts_rs::TS;
use zhibiao::api::ApiError;

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
    ms
}

call!(GetAppInfo = "app_info" {} -> AppInfo, |e, c| {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        db_path: e.db_path().display().to_string(),
    })
});
