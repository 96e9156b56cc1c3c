//! Observed values per indicator × period. One row per cell: a correction overwrites it and
//! the audit log keeps every previous value (one audit row per changed field). A cell's
//! `version` is the id of the audit row of its latest change: it only grows, also across a
//! clearing, so a save based on an older version is detected (see [`version_of`]).

use crate::args;
use crate::store::db::{Row, Sql, Write};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::audit::{self, Actor, AuditEntry, Change};
use super::Result;
use crate::model::Period;
use crate::progress::{QualStatus, Vintage};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Observation {
    #[ts(type = "number")]
    pub indicator_id: i64,
    pub period: Period,
    pub value: Option<f64>,
    pub status: Option<QualStatus>,
    pub evidence: Option<String>,
    pub note: Option<String>,
    pub source: Option<String>,
    pub vintage: Option<Vintage>,
    pub entered_by: Option<String>,
    pub entered_at: String,
    /// Changes with every save; a save names the version it was based on.
    #[ts(type = "number")]
    pub version: i64,
}

/// The content of a cell to write; who and when come from the actor and the clock.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ObservationWrite<'a> {
    pub value: Option<f64>,
    pub status: Option<QualStatus>,
    pub evidence: Option<&'a str>,
    pub note: Option<&'a str>,
    pub source: Option<&'a str>,
    pub vintage: Option<Vintage>,
}

const SELECT: &str = "SELECT o.indicator_id, o.period, o.value, o.status, o.evidence, o.note, o.source, o.vintage, u.name, o.entered_at, o.version
     FROM observations o LEFT JOIN users u ON u.id = o.entered_by";

fn from_row(r: &Row) -> Result<Observation> {
    let period: String = r.get(1)?;
    let status: Option<String> = r.get(3)?;
    let vintage: Option<String> = r.get(7)?;
    Ok(Observation {
        indicator_id: r.get(0)?,
        // The CHECK constraint admits only well-formed periods.
        period: period.parse().unwrap_or(Period::Year(0)),
        value: r.get(2)?,
        status: status.as_deref().and_then(QualStatus::parse),
        evidence: r.get(4)?,
        note: r.get(5)?,
        source: r.get(6)?,
        vintage: vintage.as_deref().and_then(Vintage::parse),
        entered_by: r.get(8)?,
        entered_at: r.get(9)?,
        version: r.get(10)?,
    })
}

pub fn get(conn: &impl Sql, indicator_id: i64, period: Period) -> Result<Option<Observation>> {
    let sql = format!("{SELECT} WHERE o.indicator_id = ?1 AND o.period = ?2");
    conn.query_opt(&sql, args![indicator_id, period.to_string()], from_row)
}

/// Every observation of an indicator, oldest period first.
pub fn for_indicator(conn: &impl Sql, indicator_id: i64) -> Result<Vec<Observation>> {
    let sql = format!("{SELECT} WHERE o.indicator_id = ?1");
    let mut rows: Vec<Observation> = conn.query_map(&sql, args![indicator_id], from_row)?;
    rows.sort_by_key(|o| o.period);
    Ok(rows)
}

/// Numeric values of an indicator up to the end of `year` (quarters included): what the
/// validation rules compare a new value of that year with — the latest earlier value may
/// lie several years back.
pub fn numbers_around(conn: &impl Sql, indicator_id: i64, year: i32) -> Result<Vec<(Period, f64)>> {
    // Text order puts '2024' < '2024Q1' < … < '2025Q4' < '2026'.
    let rows = conn.query_map(
        "SELECT period, value FROM observations
         WHERE indicator_id = ?1 AND period < ?2 AND value IS NOT NULL",
        args![indicator_id, (year + 1).to_string()],
        |r| Ok((r.get::<String>(0)?, r.get::<f64>(1)?)),
    )?;
    let mut out = Vec::new();
    for row in rows {
        let (p, v) = row;
        if let Ok(p) = p.parse() {
            out.push((p, v));
        }
    }
    Ok(out)
}

fn show_number(v: Option<f64>) -> Option<String> {
    v.map(|v| v.to_string())
}

fn show<T: AsRef<str>>(v: Option<T>) -> Option<String> {
    v.map(|s| s.as_ref().to_string())
}

/// Writes the cell and appends one audit row per changed field. Returns whether anything
/// changed.
pub fn upsert(
    tx: &impl Write,
    actor: &Actor,
    indicator_id: i64,
    period: Period,
    w: &ObservationWrite,
) -> Result<bool> {
    let p = period.to_string();
    let old = get(tx, indicator_id, period)?;
    let o = old.as_ref();
    let fields: [(&str, Option<String>, Option<String>); 6] = [
        (
            "value",
            show_number(o.and_then(|o| o.value)),
            show_number(w.value),
        ),
        (
            "status",
            show(o.and_then(|o| o.status).map(QualStatus::as_str)),
            show(w.status.map(QualStatus::as_str)),
        ),
        (
            "evidence",
            o.and_then(|o| o.evidence.clone()),
            show(w.evidence),
        ),
        ("note", o.and_then(|o| o.note.clone()), show(w.note)),
        ("source", o.and_then(|o| o.source.clone()), show(w.source)),
        (
            "vintage",
            show(o.and_then(|o| o.vintage).map(Vintage::as_str)),
            show(w.vintage.map(Vintage::as_str)),
        ),
    ];
    let changed: Vec<_> = fields.into_iter().filter(|(_, a, b)| a != b).collect();
    if changed.is_empty() {
        return Ok(false);
    }
    let action = if old.is_some() { "update" } else { "create" };
    let mut version = 0;
    for (field, old_value, new_value) in changed {
        version = audit::append_id(
            tx,
            actor,
            &Change {
                action,
                entity: "observation",
                entity_id: Some(indicator_id),
                period: Some(&p),
                field: Some(field),
                old_value,
                new_value,
                reason: None,
            },
        )?;
    }
    tx.execute(
        "INSERT INTO observations (indicator_id, period, value, status, evidence, note, source, vintage, entered_by, entered_at, version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (indicator_id, period) DO UPDATE SET
            value = excluded.value, status = excluded.status, evidence = excluded.evidence,
            note = excluded.note, source = excluded.source, vintage = excluded.vintage,
            entered_by = excluded.entered_by, entered_at = excluded.entered_at,
            version = excluded.version",
        args![
        indicator_id,
        p,
        w.value,
        w.status.map(QualStatus::as_str),
        w.evidence,
        w.note,
        w.source,
        w.vintage.map(Vintage::as_str),
        actor.user_id,
        chrono::Utc::now(),
        version
    ])?;
    Ok(true)
}

/// The version a save compares with: the stored cell's, or 0 for an empty cell.
pub fn version_of(cell: Option<&Observation>) -> i64 {
    cell.map_or(0, |o| o.version)
}

/// The latest change of a cell as the audit log has it (who cleared an empty cell, and when).
pub fn last_change(
    conn: &impl Sql,
    indicator_id: i64,
    period: Period,
) -> Result<Option<AuditEntry>> {
    let sql = format!(
        "{} WHERE entity = 'observation' AND entity_id = ?1 AND period = ?2 ORDER BY id DESC LIMIT 1",
        audit::ENTRY_QUERY
    );
    Ok(
        audit::entries(conn, &sql, args![indicator_id, period.to_string()])?
            .into_iter()
            .next(),
    )
}

/// Clears a cell. Returns whether there was one.
pub fn delete(tx: &impl Write, actor: &Actor, indicator_id: i64, period: Period) -> Result<bool> {
    let Some(old) = get(tx, indicator_id, period)? else {
        return Ok(false);
    };
    let p = period.to_string();
    tx.execute(
        "DELETE FROM observations WHERE indicator_id = ?1 AND period = ?2",
        args![indicator_id, p],
    )?;
    let old_value = show_number(old.value).or(show(old.status.map(QualStatus::as_str)));
    audit::append(
        tx,
        actor,
        &Change {
            action: "delete",
            entity: "observation",
            entity_id: Some(indicator_id),
            period: Some(&p),
            field: Some(if old.value.is_some() {
                "value"
            } else {
                "status"
            }),
            old_value,
            new_value: None,
            reason: None,
        },
    )?;
    Ok(true)
}

/// Every change to one cell, oldest first.
pub fn cell_history(conn: &impl Sql, indicator_id: i64, period: Period) -> Result<Vec<AuditEntry>> {
    let sql = format!(
        "{} WHERE entity = 'observation' AND entity_id = ?1 AND period = ?2 ORDER BY id",
        audit::ENTRY_QUERY
    );
    audit::entries(conn, &sql, args![indicator_id, period.to_string()])
}

/// Every change to an indicator's values, targets and notes, oldest first.
pub fn indicator_history(conn: &impl Sql, indicator_id: i64) -> Result<Vec<AuditEntry>> {
    let sql = format!(
        "{} WHERE entity IN ('observation', 'target', 'annual_target', 'measures', 'indicator')
         AND entity_id = ?1 ORDER BY id",
        audit::ENTRY_QUERY
    );
    audit::entries(conn, &sql, args![indicator_id])
}

pub fn count(conn: &impl Sql) -> Result<i64> {
    conn.query_row("SELECT count(*) FROM observations", args![], |r| r.get(0))
}
