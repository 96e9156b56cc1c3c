//! Settings and the date the app works with. Database settings go through the backend; the
//! settings of this computer are a local file (see `zhibiao::api::settings` for the split).

use tauri::State;
use zhibiao::api::commands::settings::{
    GetSettings, GetToday, RequireAdministrator, UpdateSettings,
};
use zhibiao::api::machine_settings::{self, MachineSettings};
use zhibiao::api::settings::{DatabaseSettings, Today};
use zhibiao::api::ApiError;

use crate::state::AppState;

/// "Today" for the UI's period pickers: `ZHIBIAO_TODAY`, the database's fixed date, or the
/// clock. Needs no sign-in: it is no secret and the sign-in page may show it.
#[tauri::command]
pub async fn today(state: State<'_, AppState>) -> Result<Today, ApiError> {
    state.call(GetToday {}).await
}

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Result<DatabaseSettings, ApiError> {
    state.call(GetSettings {}).await
}

#[tauri::command]
pub async fn update_settings(
    state: State<'_, AppState>,
    settings: DatabaseSettings,
) -> Result<DatabaseSettings, ApiError> {
    state.call(UpdateSettings { settings }).await
}

#[tauri::command]
pub async fn get_machine_settings(state: State<'_, AppState>) -> Result<MachineSettings, ApiError> {
    machine_settings::load(state.machine_settings_path())
}

/// Administrators only: the server address decides where everyone on this computer works.
#[tauri::command]
pub async fn update_machine_settings(
    state: State<'_, AppState>,
    settings: MachineSettings,
) -> Result<MachineSettings, ApiError> {
    state.call(RequireAdministrator {}).await?;
    machine_settings::save(state.machine_settings_path(), &settings)?;
    Ok(settings)
}
