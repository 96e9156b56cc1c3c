//! Settings stored in the database: one JSON value per key. Which keys exist and what they
//! mean is decided by `api::settings`; the store only keeps them and audits each change.

use std::collections::BTreeMap;

use crate::args;
use crate::store::db::{Sql, Write};

use super::audit::{self, Actor, Change};
use super::Result;

/// Every stored setting, key → JSON text.
pub fn all(conn: &impl Sql) -> Result<BTreeMap<String, String>> {
    let rows = conn.query_map("SELECT key, value_json FROM settings", args![], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    Ok(rows.into_iter().collect())
}

/// Writes `key` = `value_json` when it differs from what is stored; audited old → new.
pub fn set(tx: &impl Write, actor: &Actor, key: &str, value_json: &str) -> Result<bool> {
    let old: Option<String> = tx.query_opt(
        "SELECT value_json FROM settings WHERE key = ?1",
        args![key],
        |r| r.get(0),
    )?;
    if old.as_deref() == Some(value_json) {
        return Ok(false);
    }
    tx.execute(
        "INSERT INTO settings(key, value_json) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json",
        args![key, value_json],
    )?;
    audit::append(
        tx,
        actor,
        &Change {
            action: "update",
            entity: "setting",
            field: Some(key),
            old_value: old,
            new_value: Some(value_json.to_string()),
            ..Change::default()
        },
    )?;
    Ok(true)
}
