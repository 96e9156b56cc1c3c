//! Who may call a command. The session in the app state is only a hint: it is re-read from
//! the database and checked with the engine's permission rules on every call.

use rusqlite::Connection;
use zhibiao::api::{session, ApiError};
use zhibiao::auth::{permission, Session};
use zhibiao::store::Actor;

use crate::state::AppState;

/// Any signed-in user who has changed the initial password.
pub fn signed_in(state: &AppState, conn: &Connection) -> Result<Session, ApiError> {
    let fresh = session::refresh(conn, &state.session()?)?;
    permission::require_password_changed(&fresh)?;
    Ok(fresh)
}

/// An administrator (plans, departments, indicator definitions), as the audit log's actor.
pub fn administrator(state: &AppState, conn: &Connection) -> Result<Actor, ApiError> {
    let s = signed_in(state, conn)?;
    permission::can_administer(&s)?;
    Ok(Actor::user(s.user_id, s.name))
}
