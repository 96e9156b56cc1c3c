//! Who is working: first-run admin, login, password change, and the check every other use
//! case starts with.

use rusqlite::Connection;

use super::{ApiError, ErrorCode};
use crate::auth::permission::{self, Denied};
use crate::auth::{self, PasswordError, Role, Session};
use crate::progress::WorkflowError;
use crate::store::{self, users, Actor};

/// User name and password of the first-run administrator; changing the password is forced
/// on first login.
pub const INITIAL_ADMIN_NAME: &str = "admin";
pub const INITIAL_ADMIN_PASSWORD: &str = "admin";

impl From<Denied> for ApiError {
    fn from(d: Denied) -> Self {
        ApiError::new(ErrorCode::Forbidden, d.to_string())
    }
}

impl From<WorkflowError> for ApiError {
    fn from(e: WorkflowError) -> Self {
        let code = match e {
            WorkflowError::Locked(_) => ErrorCode::Locked,
            WorkflowError::InvalidTransition(_) => ErrorCode::Conflict,
            WorkflowError::MissingReason(_) => ErrorCode::InvalidInput,
            WorkflowError::Role(_) => ErrorCode::Forbidden,
        };
        ApiError::new(code, e.to_string())
    }
}

impl From<PasswordError> for ApiError {
    fn from(e: PasswordError) -> Self {
        let code = match e {
            PasswordError::Hash(_) => ErrorCode::Internal,
            _ => ErrorCode::InvalidInput,
        };
        ApiError::new(code, e.to_string())
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        store::StoreError::from(e).into()
    }
}

pub(crate) fn actor(s: &Session) -> Actor {
    Actor::user(s.user_id, s.name.clone())
}

fn session_of(u: &users::UserInfo) -> Session {
    Session {
        user_id: u.id,
        name: u.name.clone(),
        role: u.role,
        department_id: u.department_id,
        must_change_password: u.must_change_password,
    }
}

/// Creates `admin` / `admin` (password change forced) when the database has no
/// administrator yet (first run). Returns whether it did.
pub fn ensure_admin(conn: &mut Connection) -> Result<bool, ApiError> {
    let has_admin: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM users WHERE role = 'admin')",
        [],
        |r| r.get(0),
    )?;
    if has_admin {
        return Ok(false);
    }
    let hash = auth::hash_password(INITIAL_ADMIN_PASSWORD)?;
    let tx = conn.transaction()?;
    users::insert(
        &tx,
        &Actor::system(),
        &users::NewUser {
            name: INITIAL_ADMIN_NAME,
            password_hash: &hash,
            role: Role::Admin,
            department_id: None,
            must_change_password: true,
        },
    )?;
    tx.commit()?;
    Ok(true)
}

/// Checks name and password. A forced password change does not stop the login: the session
/// says so and every other use case refuses until it is done.
pub fn login(conn: &Connection, name: &str, password: &str) -> Result<Session, ApiError> {
    let wrong = || ApiError::new(ErrorCode::Unauthenticated, "用户名或密码错误");
    let Some((user, hash)) = users::find_by_name(conn, name)? else {
        // Spend the same time as a real check so that user names cannot be probed.
        let _ = auth::verify_password(password, dummy_hash());
        return Err(wrong());
    };
    if !auth::verify_password(password, &hash) {
        return Err(wrong());
    }
    if !user.active {
        return Err(ApiError::new(
            ErrorCode::Unauthenticated,
            "该用户已停用，请联系管理员",
        ));
    }
    Ok(session_of(&user))
}

/// A real hash of nothing anyone types, computed once.
fn dummy_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| auth::hash_password("\u{0}no-such-user").unwrap_or_default())
}

/// The session as the database sees it now: role, department and forced password change are
/// re-read, so a stale or hand-made session object gains nothing. Does not check the forced
/// password change (the permission checks do).
pub fn refresh(conn: &Connection, s: &Session) -> Result<Session, ApiError> {
    let gone = || ApiError::new(ErrorCode::Unauthenticated, "登录已失效，请重新登录");
    let user = match users::get(conn, s.user_id) {
        Ok(u) => u,
        Err(store::StoreError::NotFound { .. }) => return Err(gone()),
        Err(e) => return Err(e.into()),
    };
    if !user.active || user.name != s.name {
        return Err(gone());
    }
    Ok(session_of(&user))
}

/// The one door every use case passes: refreshes the session from the database and refuses
/// while a password change is forced.
pub fn authorize(conn: &Connection, s: &Session) -> Result<Session, ApiError> {
    let fresh = refresh(conn, s)?;
    permission::require_password_changed(&fresh)?;
    Ok(fresh)
}

/// [`authorize`], then only administrators (plans, departments, indicator definitions);
/// returns the audit log's actor.
pub fn administrator(conn: &Connection, s: &Session) -> Result<Actor, ApiError> {
    let fresh = authorize(conn, s)?;
    permission::can_administer(&fresh)?;
    Ok(actor(&fresh))
}

/// Changes the signed-in user's own password; clears a forced change. Returns the new session.
pub fn change_password(
    conn: &mut Connection,
    s: &Session,
    old: &str,
    new: &str,
) -> Result<Session, ApiError> {
    let fresh = refresh(conn, s)?;
    let hash = users::password_hash(conn, fresh.user_id)?;
    if !auth::verify_password(old, &hash) {
        return Err(ApiError::new(ErrorCode::Unauthenticated, "原密码不正确"));
    }
    if old == new {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            "新密码不能与原密码相同",
        ));
    }
    auth::check_new_password(&fresh.name, new)?;
    let new_hash = auth::hash_password(new)?;
    let tx = conn.transaction()?;
    users::set_password(&tx, &actor(&fresh), fresh.user_id, &new_hash, false)?;
    tx.commit()?;
    refresh(conn, &fresh)
}
