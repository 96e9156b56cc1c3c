//! Users. The password hash never leaves this module except for verification.

use crate::args;
use crate::store::db::{Row, Sql, Write};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::audit::{self, Actor, Change};
use super::{Result, StoreError};
use crate::auth::Role;

/// A user as shown in the user list (no password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UserInfo {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub role: Role,
    #[ts(type = "number | null")]
    pub department_id: Option<i64>,
    pub department_name: Option<String>,
    pub must_change_password: bool,
    pub active: bool,
}

const SELECT: &str = "SELECT u.id, u.name, u.role, u.department_id, d.name, u.must_change_password, u.active, u.password_hash
     FROM users u LEFT JOIN departments d ON d.id = u.department_id";

fn from_row(r: &Row) -> Result<(UserInfo, String)> {
    let role: String = r.get(2)?;
    Ok((
        UserInfo {
            id: r.get(0)?,
            name: r.get(1)?,
            // The CHECK constraint admits only the three roles.
            role: Role::parse(&role).unwrap_or(Role::Staff),
            department_id: r.get(3)?,
            department_name: r.get(4)?,
            must_change_password: r.get(5)?,
            active: r.get(6)?,
        },
        r.get(7)?,
    ))
}

/// The user and their password hash.
pub fn find_by_name(conn: &impl Sql, name: &str) -> Result<Option<(UserInfo, String)>> {
    let sql = format!("{SELECT} WHERE u.name = ?1");
    conn.query_opt(&sql, args![name.trim()], from_row)
}

pub fn get(conn: &impl Sql, id: i64) -> Result<UserInfo> {
    let sql = format!("{SELECT} WHERE u.id = ?1");
    conn.query_opt(&sql, args![id], from_row)?
        .map(|(u, _)| u)
        .ok_or(StoreError::NotFound { what: "用户", id })
}

pub fn password_hash(conn: &impl Sql, id: i64) -> Result<String> {
    conn.query_opt(
        "SELECT password_hash FROM users WHERE id = ?1",
        args![id],
        |r| r.get(0),
    )?
    .ok_or(StoreError::NotFound { what: "用户", id })
}

pub fn list(conn: &impl Sql) -> Result<Vec<UserInfo>> {
    let sql = format!("{SELECT} ORDER BY u.id");
    let rows = conn.query_map(&sql, args![], from_row)?;
    Ok(rows.into_iter().map(|(u, _)| u).collect())
}

pub fn count(conn: &impl Sql) -> Result<i64> {
    conn.query_row("SELECT count(*) FROM users", args![], |r| r.get(0))
}

pub struct NewUser<'a> {
    pub name: &'a str,
    pub password_hash: &'a str,
    pub role: Role,
    pub department_id: Option<i64>,
    pub must_change_password: bool,
}

pub fn insert(tx: &impl Write, actor: &Actor, u: &NewUser) -> Result<i64> {
    let name = u.name.trim();
    let taken: bool = tx.query_row(
        "SELECT EXISTS(SELECT 1 FROM users WHERE name = ?1)",
        args![name],
        |r| r.get(0),
    )?;
    if taken {
        return Err(StoreError::Conflict(format!("用户名“{name}”已存在")));
    }
    let id: i64 = tx.query_scalar(
        "INSERT INTO users (name, password_hash, role, department_id, must_change_password) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
        args![name, u.password_hash, u.role.as_str(), u.department_id, u.must_change_password],
    )?;
    audit::append(
        tx,
        actor,
        &Change {
            action: "create",
            entity: "user",
            entity_id: Some(id),
            new_value: Some(format!("{name}（{}）", u.role.label_zh())),
            ..Change::default()
        },
    )?;
    Ok(id)
}

pub fn set_role_department(
    tx: &impl Write,
    actor: &Actor,
    id: i64,
    role: Role,
    department_id: Option<i64>,
) -> Result<()> {
    let old = get(tx, id)?;
    tx.execute(
        "UPDATE users SET role = ?1, department_id = ?2 WHERE id = ?3",
        args![role.as_str(), department_id, id],
    )?;
    let describe = |r: Role, d: Option<i64>| {
        format!(
            "{}；部门 {}",
            r.label_zh(),
            d.map_or("无".to_string(), |d| d.to_string())
        )
    };
    audit::append(
        tx,
        actor,
        &Change {
            action: "update",
            entity: "user",
            entity_id: Some(id),
            field: Some("role"),
            old_value: Some(describe(old.role, old.department_id)),
            new_value: Some(describe(role, department_id)),
            ..Change::default()
        },
    )
}

/// Stores a new hash. The audit row records that the password changed, never the hash.
pub fn set_password(
    tx: &impl Write,
    actor: &Actor,
    id: i64,
    hash: &str,
    must_change: bool,
) -> Result<()> {
    let n = tx.execute(
        "UPDATE users SET password_hash = ?1, must_change_password = ?2 WHERE id = ?3",
        args![hash, must_change, id],
    )?;
    if n == 0 {
        return Err(StoreError::NotFound { what: "用户", id });
    }
    audit::append(
        tx,
        actor,
        &Change {
            action: if must_change {
                "reset_password"
            } else {
                "change_password"
            },
            entity: "user",
            entity_id: Some(id),
            field: Some("password"),
            new_value: Some(
                if must_change {
                    "已重置，需修改"
                } else {
                    "已修改"
                }
                .to_string(),
            ),
            ..Change::default()
        },
    )
}

pub fn set_active(tx: &impl Write, actor: &Actor, id: i64, active: bool) -> Result<()> {
    let old = get(tx, id)?;
    tx.execute(
        "UPDATE users SET active = ?1 WHERE id = ?2",
        args![active, id],
    )?;
    let label = |a: bool| if a { "启用" } else { "停用" }.to_string();
    audit::append(
        tx,
        actor,
        &Change {
            action: "update",
            entity: "user",
            entity_id: Some(id),
            field: Some("active"),
            old_value: Some(label(old.active)),
            new_value: Some(label(active)),
            ..Change::default()
        },
    )
}
