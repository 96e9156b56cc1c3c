//! Sign in and out, change password. The backend holds the session; every use case
//! re-reads the user from the database before trusting it.

use tauri::State;
use zhibiao::api::commands::users::{ChangePassword, CurrentUser};
use zhibiao::api::session::{self, FirstRun};
use zhibiao::api::ApiError;
use zhibiao::auth::Session;

use crate::call;
use crate::state::AppState;

#[tauri::command]
pub async fn login(
    state: State<'_, AppState>,
    name: String,
    password: String,
) -> Result<Session, ApiError> {
    state.call(Login { name, password }).await
}

#[tauri::command]
pub async fn logout(state: State<'_, AppState>) -> Result<(), ApiError> {
    state.call(Logout {}).await
}

/// The signed-in user as the database sees it now, or `null`.
#[tauri::command]
pub async fn current_user(state: State<'_, AppState>) -> Result<Option<Session>, ApiError> {
    state.call(CurrentUser {}).await
}

#[tauri::command]
pub async fn change_password(
    state: State<'_, AppState>,
    old_password: String,
    new_password: String,
) -> Result<Session, ApiError> {
    let call = ChangePassword {
        old_password,
        new_password,
    };
    state.call(call).await
}

/// Whether the administrator of a new database must set its password before anyone signs in.
#[tauri::command]
pub async fn first_run(state: State<'_, AppState>) -> Result<FirstRun, ApiError> {
    state.call(FirstRunState {}).await
}

/// Sets the first administrator password of a new database and signs in with it.
#[tauri::command]
pub async fn set_first_password(
    state: State<'_, AppState>,
    password: String,
) -> Result<Session, ApiError> {
    state.call(SetFirstPassword { password }).await
}

call!(FirstRunState = "first_run" {} -> FirstRun, |e, c| {
    session::first_run(&*e.db()?)
});

call!(SetFirstPassword = "set_first_password" { password: String } -> Session, |e, c| {
    let s = session::set_first_password(&mut *e.db()?, &c.password)?;
    e.set_session(Some(s.clone()));
    Ok(s)
});

call!(Login = "login" { name: String, password: String } -> Session, |e, c| {
    let s = session::login(&*e.db()?, &c.name, &c.password)?;
    e.set_session(Some(s.clone()));
    Ok(s)
});

call!(Logout = "logout" {} -> (), |e, c| {
    e.set_session(None);
    Ok(())
});
