//! Workflow state per department × period. No row means a draft.

use crate::args;
use crate::store::db::{Dialect, Row, Sql, Write};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::audit::{self, Actor, Change};
use super::Result;
use crate::model::Period;
use crate::progress::State;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Submission {
    #[ts(type = "number")]
    pub department_id: i64,
    pub period: String,
    pub state: State,
    /// Why it was returned or reopened, for the staff to read.
    pub reason: Option<String>,
    pub updated_by: Option<String>,
    pub updated_at: Option<String>,
}

/// Holds a department × period until the transaction ends: saves, submissions and reviews
/// of it take turns, so each decides on the state it changes (a save cannot slip into a
/// period being submitted, nor two reviewers both decide). SQLite's write transactions take
/// turns already (they begin IMMEDIATE); PostgreSQL takes a transaction-level advisory lock,
/// keyed by the two numbers (department, period), a key space the upgrade lock does not use.
pub fn lock(tx: &impl Write, department_id: i64, period: Period) -> Result<()> {
    if tx.dialect() == Dialect::Postgres {
        let key = match period {
            Period::Year(y) => y * 10,
            Period::Quarter(y, q) => y * 10 + i32::from(q),
        };
        let department = i32::try_from(department_id).map_err(|_| {
            super::StoreError::Invalid(format!("部门编号超出范围：{department_id}"))
        })?;
        tx.execute(
            "SELECT pg_advisory_xact_lock(?1, ?2)",
            args![department, key],
        )?;
    }
    Ok(())
}

pub fn get(conn: &impl Sql, department_id: i64, period: &str) -> Result<Submission> {
    let row = conn.query_opt(
        "SELECT s.state, s.reason, u.name, s.updated_at FROM submissions s
             LEFT JOIN users u ON u.id = s.updated_by
             WHERE s.department_id = ?1 AND s.period = ?2",
        args![department_id, period],
        |r| {
            let state: String = r.get(0)?;
            Ok((state, r.get(1)?, r.get(2)?, r.get(3)?))
        },
    )?;
    Ok(match row {
        Some((state, reason, by, at)) => Submission {
            department_id,
            period: period.to_string(),
            state: State::parse(&state).unwrap_or(State::Draft),
            reason,
            updated_by: by,
            updated_at: at,
        },
        None => Submission {
            department_id,
            period: period.to_string(),
            state: State::Draft,
            reason: None,
            updated_by: None,
            updated_at: None,
        },
    })
}

/// Moves to `state`; the caller has checked the transition with [`crate::progress::workflow`].
pub fn set_state(
    tx: &impl Write,
    actor: &Actor,
    department_id: i64,
    period: &str,
    state: State,
    reason: Option<&str>,
) -> Result<()> {
    let old = get(tx, department_id, period)?;
    if old.state == state && reason.is_none() {
        return Ok(());
    }
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    // A reason stays visible until the next one replaces it (a return reason survives the
    // staff's first edit).
    tx.execute(
        "INSERT INTO submissions (department_id, period, state, reason, updated_by, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (department_id, period) DO UPDATE SET
            state = excluded.state, reason = coalesce(excluded.reason, submissions.reason),
            updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        args![
            department_id,
            period,
            state.as_str(),
            reason,
            actor.user_id,
            chrono::Utc::now()
        ],
    )?;
    let action = match state {
        State::Submitted => "submit",
        State::Approved => "approve",
        State::Returned => "return",
        State::Draft if old.state == State::Approved => "reopen",
        State::Draft => "edit",
    };
    audit::append(
        tx,
        actor,
        &Change {
            action,
            entity: "submission",
            entity_id: Some(department_id),
            period: Some(period),
            field: Some("state"),
            old_value: Some(old.state.label_zh().to_string()),
            new_value: Some(state.label_zh().to_string()),
            reason,
        },
    )
}

/// An indicator as the entry grid and the validation rules need it.
#[derive(Debug, Clone, PartialEq)]
pub struct ScopeIndicator {
    pub id: i64,
    pub plan_id: i64,
    pub plan_title: String,
    pub seq: Option<String>,
    pub category: Option<String>,
    pub name: String,
    pub unit: Option<String>,
    pub attribute: Option<String>,
    pub flow: bool,
    pub lead_department_id: Option<i64>,
    pub baseline: Option<crate::model::Value>,
    pub target: Option<crate::model::Value>,
}

const SCOPE_SELECT: &str =
    "SELECT i.id, i.plan_id, p.title, i.seq, i.category, i.name, i.unit, i.attribute, i.flow,
            i.lead_department_id, i.baseline_json, i.target_json
     FROM indicators i JOIN plans p ON p.id = i.plan_id JOIN plan_tables t ON t.id = i.table_id";

fn scope_row(r: &Row) -> Result<(ScopeIndicator, Option<String>, Option<String>)> {
    Ok((
        ScopeIndicator {
            id: r.get(0)?,
            plan_id: r.get(1)?,
            plan_title: r.get(2)?,
            seq: r.get(3)?,
            category: r.get(4)?,
            name: r.get(5)?,
            unit: r.get(6)?,
            attribute: r.get(7)?,
            flow: r.get(8)?,
            lead_department_id: r.get(9)?,
            baseline: None,
            target: None,
        },
        r.get(10)?,
        r.get(11)?,
    ))
}

fn with_values(row: (ScopeIndicator, Option<String>, Option<String>)) -> Result<ScopeIndicator> {
    let (mut i, baseline, target) = row;
    i.baseline = baseline.map(|j| serde_json::from_str(&j)).transpose()?;
    i.target = target.map(|j| serde_json::from_str(&j)).transpose()?;
    Ok(i)
}

pub fn scope_indicator(conn: &impl Sql, indicator_id: i64) -> Result<ScopeIndicator> {
    let sql = format!("{SCOPE_SELECT} WHERE i.id = ?1");
    let row = conn
        .query_opt(&sql, args![indicator_id], scope_row)?
        .ok_or(super::StoreError::NotFound {
            what: "指标",
            id: indicator_id,
        })?;
    with_values(row)
}

/// The indicators a department reports for `year`: those it leads in plans whose period
/// covers the year (a finished plan's last-year values are entered for that year, even when
/// they arrive the year after; its successor takes over the new year); plans without a
/// stated period always count. Completion reviews of earlier plans are history, not
/// something to fill in.
pub fn scope(conn: &impl Sql, department_id: i64, year: i32) -> Result<Vec<ScopeIndicator>> {
    let sql = format!(
        "{SCOPE_SELECT} WHERE i.lead_department_id = ?1 AND t.kind != 'completion_review'
           AND (p.period_start IS NULL OR p.period_start <= ?2)
           AND (coalesce(p.period_end, p.target_year) IS NULL
                OR coalesce(p.period_end, p.target_year) >= ?2)
         ORDER BY p.id, t.position, i.position"
    );
    let rows = conn.query_map(&sql, args![department_id, year], scope_row)?;
    rows.into_iter().map(with_values).collect()
}
