//! Who is working: first-run admin, login, password change, and the check every other use
//! case starts with.

use crate::store::{Database, Sql, Write};

use super::{ApiError, ErrorCode};
use crate::auth::permission::{self, Denied};
use crate::auth::{self, PasswordError, Role, Session};
use crate::progress::WorkflowError;
use crate::store::{self, users, Actor};

/// User name of the first administrator. In a real database its password is set by the
/// first person to open it ([`set_first_password`]); only a demo database has the published
/// demo password ([`INITIAL_ADMIN_PASSWORD`], change forced on first login).
pub const INITIAL_ADMIN_NAME: &str = "admin";
pub const INITIAL_ADMIN_PASSWORD: &str = "admin";

/// A password hash that no password matches: the administrator's password is not set yet.
const NOT_SET: &str = "";

/// What the sign-in screen shows on start.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct FirstRun {
    /// The administrator has no password yet: the screen asks for one instead of a login.
    pub admin_needs_password: bool,
    pub admin_name: String,
}

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

/// Creates the administrator `admin` without a password when the database has no
/// administrator yet (a new, real database); its password is set on first use. Returns
/// whether it did.
pub fn ensure_admin(conn: &mut impl Database) -> Result<bool, ApiError> {
    let has_admin: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM users WHERE role = 'admin')",
        crate::args![],
        |r| r.get(0),
    )?;
    if has_admin {
        return Ok(false);
    }
    let tx = conn.transaction()?;
    users::insert(
        &tx,
        &Actor::system(),
        &users::NewUser {
            name: INITIAL_ADMIN_NAME,
            password_hash: NOT_SET,
            role: Role::Admin,
            department_id: None,
            must_change_password: false,
        },
    )?;
    tx.commit()?;
    Ok(true)
}

/// The administrator still waiting for its first password, if any.
fn admin_without_password(conn: &impl Sql) -> Result<Option<users::UserInfo>, ApiError> {
    for u in users::list(conn)?
        .into_iter()
        .filter(|u| u.role == Role::Admin && u.active)
    {
        if users::password_hash(conn, u.id)? == NOT_SET {
            return Ok(Some(u));
        }
    }
    Ok(None)
}

/// Whether the sign-in screen must first ask for the administrator's password.
pub fn first_run(conn: &impl Sql) -> Result<FirstRun, ApiError> {
    let waiting = admin_without_password(conn)?;
    Ok(FirstRun {
        admin_needs_password: waiting.is_some(),
        admin_name: waiting.map_or_else(|| INITIAL_ADMIN_NAME.to_string(), |u| u.name),
    })
}

/// Sets the first password of the administrator of a new database and signs in. Refused
/// once a password is set: from then on only the administrator changes it.
pub fn set_first_password(conn: &mut impl Database, password: &str) -> Result<Session, ApiError> {
    let Some(admin) = admin_without_password(conn)? else {
        return Err(ApiError::new(
            ErrorCode::Forbidden,
            "管理员密码已设置，请用该密码登录",
        ));
    };
    auth::check_new_password(&admin.name, password)?;
    let hash = auth::hash_password(password)?;
    let tx = conn.transaction()?;
    let actor = Actor::user(admin.id, admin.name.clone());
    users::set_password(&tx, &actor, admin.id, &hash, false)?;
    tx.commit()?;
    refresh(conn, &session_of(&admin))
}

/// Checks name and password. A forced password change does not stop the login: the session
/// says so and every other use case refuses until it is done.
pub fn login(conn: &impl Sql, name: &str, password: &str) -> Result<Session, ApiError> {
    let wrong = || ApiError::new(ErrorCode::Unauthenticated, "用户名或密码错误");
    let Some((user, hash)) = users::find_by_name(conn, name)? else {
        // Spend the same time as a real check so that user names cannot be probed.
        let _ = auth::verify_password(password, dummy_hash());
        return Err(wrong());
    };
    if hash == NOT_SET {
        return Err(ApiError::new(
            ErrorCode::Unauthenticated,
            "管理员尚未设置密码：请先在登录界面设置管理员密码",
        ));
    }
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
pub fn refresh(conn: &impl Sql, s: &Session) -> Result<Session, ApiError> {
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
pub fn authorize(conn: &impl Sql, s: &Session) -> Result<Session, ApiError> {
    let fresh = refresh(conn, s)?;
    permission::require_password_changed(&fresh)?;
    Ok(fresh)
}

/// [`authorize`], then only administrators (plans, departments, indicator definitions);
/// returns the audit log's actor.
pub fn administrator(conn: &impl Sql, s: &Session) -> Result<Actor, ApiError> {
    let fresh = authorize(conn, s)?;
    permission::can_administer(&fresh)?;
    Ok(actor(&fresh))
}

/// Changes the signed-in user's own password; clears a forced change. Returns the new session.
pub fn change_password(
    conn: &mut impl Database,
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
