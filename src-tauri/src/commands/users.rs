//! User administration: list, create, set role and department, reset password, enable or
//! disable. Admin-only and the last-admin rule are enforced by `zhibiao::api::users`.

use tauri::State;
use zhibiao::api::users::{self, NewUserInput};
use zhibiao::api::ApiError;
use zhibiao::auth::Role;
use zhibiao::store::users::UserInfo;

use crate::state::AppState;

#[tauri::command]
pub fn list_users(state: State<'_, AppState>) -> Result<Vec<UserInfo>, ApiError> {
    let s = state.session()?;
    users::list_users(&*state.db()?, &s)
}

#[tauri::command]
pub fn create_user(state: State<'_, AppState>, input: NewUserInput) -> Result<UserInfo, ApiError> {
    let s = state.session()?;
    users::create_user(&mut *state.db()?, &s, &input)
}

#[tauri::command]
pub fn set_user_role(
    state: State<'_, AppState>,
    user_id: i64,
    role: Role,
    department_id: Option<i64>,
) -> Result<UserInfo, ApiError> {
    let s = state.session()?;
    users::set_role_department(&mut *state.db()?, &s, user_id, role, department_id)
}

#[tauri::command]
pub fn reset_user_password(
    state: State<'_, AppState>,
    user_id: i64,
    new_password: String,
) -> Result<UserInfo, ApiError> {
    let s = state.session()?;
    users::reset_password(&mut *state.db()?, &s, user_id, &new_password)
}

#[tauri::command]
pub fn set_user_active(
    state: State<'_, AppState>,
    user_id: i64,
    active: bool,
) -> Result<UserInfo, ApiError> {
    let s = state.session()?;
    users::set_active(&mut *state.db()?, &s, user_id, active)
}
