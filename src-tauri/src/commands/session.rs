//! Sign in and out, change password. The session lives in the app state; every use case
//! re-reads the user from the database before trusting it.

use tauri::State;
use zhibiao::api::{session, ApiError};
use zhibiao::auth::Session;

use crate::state::AppState;

#[tauri::command]
pub fn login(
    state: State<'_, AppState>,
    name: String,
    password: String,
) -> Result<Session, ApiError> {
    let s = session::login(&*state.db()?, &name, &password)?;
    state.set_session(Some(s.clone()))?;
    Ok(s)
}

#[tauri::command]
pub fn logout(state: State<'_, AppState>) -> Result<(), ApiError> {
    state.set_session(None)
}

/// The signed-in user as the database sees it now, or `null`.
#[tauri::command]
pub fn current_user(state: State<'_, AppState>) -> Result<Option<Session>, ApiError> {
    let Some(s) = state.current_session()? else {
        return Ok(None);
    };
    match session::refresh(&*state.db()?, &s) {
        Ok(fresh) => {
            state.set_session(Some(fresh.clone()))?;
            Ok(Some(fresh))
        }
        Err(_) => {
            state.set_session(None)?;
            Ok(None)
        }
    }
}

#[tauri::command]
pub fn change_password(
    state: State<'_, AppState>,
    old_password: String,
    new_password: String,
) -> Result<Session, ApiError> {
    let s = state.session()?;
    let fresh = session::change_password(&mut *state.db()?, &s, &old_password, &new_password)?;
    state.set_session(Some(fresh.clone()))?;
    Ok(fresh)
}
