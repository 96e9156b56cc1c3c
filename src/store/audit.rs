//! The one place through which changes to user data are recorded. Store functions that
//! write user data take an [`Actor`] and call [`append`] inside the same transaction.

use crate::args;
use crate::store::db::{Sql, Write};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Result;

/// Who is making a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: Option<i64>,
    pub name: String,
}

impl Actor {
    /// Changes made by the program itself (demo data, first-run set-up, CLI import).
    pub fn system() -> Self {
        Actor {
            user_id: None,
            name: "系统".to_string(),
        }
    }

    pub fn user(id: i64, name: impl Into<String>) -> Self {
        Actor {
            user_id: Some(id),
            name: name.into(),
        }
    }
}

/// One recorded change.
#[derive(Debug, Clone, Default)]
pub struct Change<'a> {
    /// create / update / delete / submit / approve / return / reopen / import …
    pub action: &'a str,
    /// plan / indicator / observation / target / user / department / submission …
    pub entity: &'a str,
    pub entity_id: Option<i64>,
    pub period: Option<&'a str>,
    pub field: Option<&'a str>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub reason: Option<&'a str>,
}

pub fn append(tx: &impl Write, actor: &Actor, change: &Change) -> Result<()> {
    append_id(tx, actor, change).map(|_| ())
}

/// [`append`], returning the new row's id (ids only grow: a cell's version is one).
pub fn append_id(tx: &impl Write, actor: &Actor, change: &Change) -> Result<i64> {
    let at = chrono::Utc::now();
    tx.query_scalar(
        "INSERT INTO audit_log (at, user_id, user_name, action, entity, entity_id, period, field, old_value, new_value, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) RETURNING id",
        args![
            at,
            actor.user_id,
            actor.name,
            change.action,
            change.entity,
            change.entity_id,
            change.period,
            change.field,
            change.old_value,
            change.new_value,
            change.reason
        ],
    )
}

/// The id of the latest audit row (0 for none): it grows with every recorded change, values
/// and workflow steps alike, so a client polling it knows when to reload.
pub fn last_id(conn: &impl crate::store::db::Sql) -> Result<i64> {
    conn.query_scalar("SELECT coalesce(max(id), 0) FROM audit_log", args![])
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditEntry {
    #[ts(type = "number")]
    pub id: i64,
    pub at: String,
    #[ts(type = "number | null")]
    pub user_id: Option<i64>,
    pub user_name: String,
    pub action: String,
    pub entity: String,
    #[ts(type = "number | null")]
    pub entity_id: Option<i64>,
    pub period: Option<String>,
    pub field: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub reason: Option<String>,
}

/// The columns of [`AuditEntry`], in order: append a `WHERE` clause.
pub(crate) const ENTRY_QUERY: &str =
    "SELECT id, at, user_id, user_name, action, entity, entity_id, period, field, old_value, new_value, reason FROM audit_log";

/// The entries an [`ENTRY_QUERY`] with a `WHERE` clause selects.
pub(crate) fn entries(
    conn: &impl Sql,
    sql: &str,
    args: &[crate::store::db::Value],
) -> Result<Vec<AuditEntry>> {
    let rows = conn.query_map(sql, args, |r| {
        Ok(AuditEntry {
            id: r.get(0)?,
            at: r.get(1)?,
            user_id: r.get(2)?,
            user_name: r.get(3)?,
            action: r.get(4)?,
            entity: r.get(5)?,
            entity_id: r.get(6)?,
            period: r.get(7)?,
            field: r.get(8)?,
            old_value: r.get(9)?,
            new_value: r.get(10)?,
            reason: r.get(11)?,
        })
    })?;
    Ok(rows)
}

/// History of one entity, oldest first.
pub fn history(conn: &impl Sql, entity: &str, entity_id: i64) -> Result<Vec<AuditEntry>> {
    let sql = format!("{ENTRY_QUERY} WHERE entity = ?1 AND entity_id = ?2 ORDER BY id");
    entries(conn, &sql, args![entity, entity_id])
}
