//! User administration: list, create, set role and department, reset password, enable or
//! disable. Admin-only and the last-admin rule are enforced by `zhibiao::api::users`.

use tauri::State;
use zhibiao::api::users::{self, NewUserInput};
use zhibiao::api::ApiError;
use zhibiao::auth::Role;
use zhibiao::store::users::UserInfo;

use crate::call;
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

call!(ListUsers = "list_users" {} -> Vec<UserInfo>, |e, c| {
    e.with_session(|conn, s| users::list_users(conn, s))
});

call!(CreateUser = "create_user" { input: NewUserInput } -> UserInfo, |e, c| {
    e.with_session(|conn, s| users::create_user(conn, s, &c.input))
});

call!(SetUserRole = "set_user_role" {
    user_id: i64,
    role: Role,
    department_id: Option<i64>,
} -> UserInfo, |e, c| {
    e.with_session(|conn, s| users::set_role_department(conn, s, c.user_id, c.role, c.department_id))
});

call!(ResetUserPassword = "reset_user_password" { user_id: i64, new_password: String } -> UserInfo, |e, c| {
    e.with_session(|conn, s| users::reset_password(conn, s, c.user_id, &c.new_password))
});

call!(SetUserActive = "set_user_active" { user_id: i64, active: bool } -> UserInfo, |e, c| {
    e.with_session(|conn, s| users::set_active(conn, s, c.user_id, c.active))
});
