//! User administration: list, create, set role and department, reset password, enable or
//! disable. Admin-only and the last-admin rule are enforced by `zhibiao::api::users`.

use tauri::State;
use zhibiao::api::commands::users::{
    CreateUser, ListUsers, ResetUserPassword, SetUserActive, SetUserRole,
};
use zhibiao::api::users::NewUserInput;
use zhibiao::api::ApiError;
use zhibiao::auth::Role;
use zhibiao::store::users::UserInfo;

use crate::state::AppState;

#[tauri::command]
pub async fn list_users(state: State<'_, AppState>) -> Result<Vec<UserInfo>, ApiError> {
    state.call(ListUsers {}).await
}

#[tauri::command]
pub async fn create_user(
    state: State<'_, AppState>,
    input: NewUserInput,
) -> Result<UserInfo, ApiError> {
    state.call(CreateUser { input }).await
}

#[tauri::command]
pub async fn set_user_role(
    state: State<'_, AppState>,
    user_id: i64,
    role: Role,
    department_id: Option<i64>,
) -> Result<UserInfo, ApiError> {
    let call = SetUserRole {
        user_id,
        role,
        department_id,
    };
    state.call(call).await
}

#[tauri::command]
pub async fn reset_user_password(
    state: State<'_, AppState>,
    user_id: i64,
    new_password: String,
) -> Result<UserInfo, ApiError> {
    let call = ResetUserPassword {
        user_id,
        new_password,
    };
    state.call(call).await
}

#[tauri::command]
pub async fn set_user_active(
    state: State<'_, AppState>,
    user_id: i64,
    active: bool,
) -> Result<UserInfo, ApiError> {
    state.call(SetUserActive { user_id, active }).await
}
