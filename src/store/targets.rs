//! Targets that change after the plan: assigned pending targets (按省下达目标) with their
//! revision history, and annual targets (年度目标).

use crate::args;
use crate::store::db::{Sql, Write};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::audit::{self, Actor, Change};
use super::Result;
use crate::model::Value;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TargetRevision {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub indicator_id: i64,
    pub target: Value,
    /// ISO date from which the target applies.
    pub effective_date: String,
    /// The document that set it (文件名称或文号).
    pub document: Option<String>,
    pub entered_by: Option<String>,
    pub entered_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AnnualTarget {
    #[ts(type = "number")]
    pub indicator_id: i64,
    pub year: i32,
    pub value: f64,
    pub note: Option<String>,
}

/// Revisions of an indicator's target, oldest effective first.
pub fn revisions(conn: &impl Sql, indicator_id: i64) -> Result<Vec<TargetRevision>> {
    let rows = conn.query_map("SELECT t.id, t.indicator_id, t.target_json, t.effective_date, t.document, u.name, t.entered_at
         FROM target_revisions t LEFT JOIN users u ON u.id = t.entered_by
         WHERE t.indicator_id = ?1 ORDER BY t.effective_date, t.id", args![indicator_id], |r| {
        Ok((
            r.get::<i64>(0)?,
            r.get::<i64>(1)?,
            r.get::<String>(2)?,
            r.get::<String>(3)?,
            r.get::<Option<String>>(4)?,
            r.get::<Option<String>>(5)?,
            r.get::<String>(6)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, indicator_id, json, effective_date, document, entered_by, entered_at) = row;
        out.push(TargetRevision {
            id,
            indicator_id,
            target: serde_json::from_str(&json)?,
            effective_date,
            document,
            entered_by,
            entered_at,
        });
    }
    Ok(out)
}

/// The target that applies now: the latest revision, if any.
pub fn current_revision(conn: &impl Sql, indicator_id: i64) -> Result<Option<Value>> {
    let json: Option<String> = conn.query_opt(
        "SELECT target_json FROM target_revisions WHERE indicator_id = ?1
             ORDER BY effective_date DESC, id DESC LIMIT 1",
        args![indicator_id],
        |r| r.get(0),
    )?;
    Ok(match json {
        Some(j) => Some(serde_json::from_str(&j)?),
        None => None,
    })
}

/// Adds a revision. `previous` is the target in force before it (for the audit row).
pub fn add_revision(
    tx: &impl Write,
    actor: &Actor,
    indicator_id: i64,
    target: &Value,
    effective_date: &str,
    document: Option<&str>,
    previous: Option<&Value>,
) -> Result<i64> {
    let id: i64 = tx.query_scalar(
        "INSERT INTO target_revisions (indicator_id, target_json, effective_date, document, entered_by, entered_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
        args![indicator_id, serde_json::to_string(target)?, effective_date, document, actor.user_id, chrono::Utc::now()],
    )?;
    audit::append(
        tx,
        actor,
        &Change {
            action: "assign",
            entity: "target",
            entity_id: Some(indicator_id),
            field: Some("target"),
            old_value: previous.map(|v| v.raw.clone()),
            new_value: Some(format!("{}（{effective_date} 起）", target.raw)),
            reason: document,
            ..Change::default()
        },
    )?;
    Ok(id)
}

pub fn annual_targets(conn: &impl Sql, indicator_id: i64) -> Result<Vec<AnnualTarget>> {
    let rows = conn.query_map("SELECT indicator_id, year, value, note FROM annual_targets WHERE indicator_id = ?1 ORDER BY year", args![indicator_id], |r| {
        Ok(AnnualTarget {
            indicator_id: r.get(0)?,
            year: r.get(1)?,
            value: r.get(2)?,
            note: r.get(3)?,
        })
    })?;
    Ok(rows)
}

pub fn annual_target(conn: &impl Sql, indicator_id: i64, year: i32) -> Result<Option<f64>> {
    conn.query_opt(
        "SELECT value FROM annual_targets WHERE indicator_id = ?1 AND year = ?2",
        args![indicator_id, year],
        |r| r.get(0),
    )
}

pub fn set_annual(
    tx: &impl Write,
    actor: &Actor,
    indicator_id: i64,
    year: i32,
    value: f64,
    note: Option<&str>,
) -> Result<()> {
    let old = annual_target(tx, indicator_id, year)?;
    tx.execute(
        "INSERT INTO annual_targets (indicator_id, year, value, note) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (indicator_id, year) DO UPDATE SET value = excluded.value, note = excluded.note",
        args![indicator_id, year, value, note],
    )?;
    let period = year.to_string();
    audit::append(
        tx,
        actor,
        &Change {
            action: if old.is_some() { "update" } else { "create" },
            entity: "annual_target",
            entity_id: Some(indicator_id),
            period: Some(&period),
            field: Some("value"),
            old_value: old.map(|v| v.to_string()),
            new_value: Some(value.to_string()),
            reason: note,
        },
    )
}
