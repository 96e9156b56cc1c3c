//! User administration: admins create users, set their role and department, reset
//! passwords and deactivate them. Changing one's own password is in [`super::session`].

use crate::store::{Database, Sql, Write};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::session::{actor, authorize};
use super::{ApiError, ErrorCode};
use crate::auth::{self, permission, Role, Session};
use crate::store::users::{self, NewUser, UserInfo};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NewUserInput {
    pub name: String,
    /// Initial password; the user must change it at first login.
    pub password: String,
    pub role: Role,
    #[ts(type = "number | null")]
    pub department_id: Option<i64>,
}

fn check_department(
    conn: &impl Sql,
    role: Role,
    department_id: Option<i64>,
) -> Result<(), ApiError> {
    match department_id {
        None if role == Role::Staff => Err(ApiError::new(
            ErrorCode::InvalidInput,
            "填报员必须指定所属部门",
        )),
        None => Ok(()),
        Some(id) => {
            crate::store::departments::get(conn, id)?;
            Ok(())
        }
    }
}

/// Refuses a change that would leave no active administrator.
fn keep_an_admin(tx: &impl Write, user_id: i64) -> Result<(), ApiError> {
    let others: i64 = tx.query_row(
        "SELECT count(*) FROM users WHERE role = 'admin' AND active = 1 AND id != ?1",
        crate::args![user_id],
        |r| r.get(0),
    )?;
    if others == 0 {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            "至少需要保留一名启用的管理员",
        ));
    }
    Ok(())
}

pub fn list_users(conn: &impl Sql, s: &Session) -> Result<Vec<UserInfo>, ApiError> {
    let s = authorize(conn, s)?;
    permission::can_administer(&s)?;
    Ok(users::list(conn)?)
}

pub fn create_user(
    conn: &mut impl Database,
    s: &Session,
    input: &NewUserInput,
) -> Result<UserInfo, ApiError> {
    let s = authorize(conn, s)?;
    permission::can_administer(&s)?;
    let name = input.name.trim();
    if name.is_empty() {
        return Err(ApiError::new(ErrorCode::InvalidInput, "用户名不能为空"));
    }
    check_department(conn, input.role, input.department_id)?;
    auth::check_new_password(name, &input.password)?;
    let hash = auth::hash_password(&input.password)?;
    let tx = conn.transaction()?;
    let id = users::insert(
        &tx,
        &actor(&s),
        &NewUser {
            name,
            password_hash: &hash,
            role: input.role,
            department_id: input.department_id,
            must_change_password: true,
        },
    )?;
    tx.commit()?;
    Ok(users::get(conn, id)?)
}

pub fn set_role_department(
    conn: &mut impl Database,
    s: &Session,
    user_id: i64,
    role: Role,
    department_id: Option<i64>,
) -> Result<UserInfo, ApiError> {
    let s = authorize(conn, s)?;
    permission::can_administer(&s)?;
    check_department(conn, role, department_id)?;
    let tx = conn.transaction()?;
    let old = users::get(&tx, user_id)?;
    if old.role == Role::Admin && role != Role::Admin {
        keep_an_admin(&tx, user_id)?;
    }
    users::set_role_department(&tx, &actor(&s), user_id, role, department_id)?;
    tx.commit()?;
    Ok(users::get(conn, user_id)?)
}

/// Sets a new initial password that the user must change at next login.
pub fn reset_password(
    conn: &mut impl Database,
    s: &Session,
    user_id: i64,
    new_password: &str,
) -> Result<UserInfo, ApiError> {
    let s = authorize(conn, s)?;
    permission::can_administer(&s)?;
    let target = users::get(conn, user_id)?;
    auth::check_new_password(&target.name, new_password)?;
    let hash = auth::hash_password(new_password)?;
    let tx = conn.transaction()?;
    users::set_password(&tx, &actor(&s), user_id, &hash, true)?;
    tx.commit()?;
    Ok(users::get(conn, user_id)?)
}

pub fn set_active(
    conn: &mut impl Database,
    s: &Session,
    user_id: i64,
    active: bool,
) -> Result<UserInfo, ApiError> {
    let s = authorize(conn, s)?;
    permission::can_administer(&s)?;
    let tx = conn.transaction()?;
    let old = users::get(&tx, user_id)?;
    if !active && old.role == Role::Admin {
        keep_an_admin(&tx, user_id)?;
    }
    users::set_active(&tx, &actor(&s), user_id, active)?;
    tx.commit()?;
    Ok(users::get(conn, user_id)?)
}
