//! The entry grid: one department × period, every indicator it reports with what the person
//! entering needs beside the input cell.

use crate::store::Sql;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::super::session::authorize;
use super::super::ApiError;
use crate::auth::{permission, Session};
use crate::model::{Period, ValueKind};
use crate::progress::validation::{self, Entry, Facts};
use crate::progress::{is_qualitative, Issue};
use crate::store::observations::{self, Observation};
use crate::store::submissions::{self, Submission};
use crate::store::targets;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EntryGrid {
    #[ts(type = "number")]
    pub department_id: i64,
    pub department_name: String,
    pub period: Period,
    pub submission: Submission,
    /// What the signed-in user may do here now.
    pub can_edit: bool,
    pub can_submit: bool,
    pub can_review: bool,
    pub rows: Vec<EntryRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EntryRow {
    #[ts(type = "number")]
    pub indicator_id: i64,
    pub plan_title: String,
    pub seq: Option<String>,
    pub category: Option<String>,
    pub name: String,
    pub unit: Option<String>,
    pub attribute: Option<String>,
    /// Year-to-date cumulative within a year.
    pub flow: bool,
    /// Entered as 达到 / 基本达到 / 未达到 with evidence.
    pub qualitative: bool,
    pub baseline_raw: Option<String>,
    /// The target in force (an assigned revision replaces the plan's pending one).
    pub target_raw: Option<String>,
    /// The plan says 按省下达目标 and nothing has been assigned yet.
    pub target_pending: bool,
    pub annual_target: Option<f64>,
    /// The latest value before this period.
    pub last: Option<Observation>,
    /// This period's value.
    pub current: Option<Observation>,
    /// Issues of this period's value (empty when there is none).
    pub issues: Vec<Issue>,
}

fn department_name(conn: &impl Sql, id: i64) -> Result<String, ApiError> {
    conn.query_opt(
        "SELECT name FROM departments WHERE id = ?1",
        crate::args![id],
        |r| r.get(0),
    )?
    .ok_or_else(|| crate::store::StoreError::NotFound { what: "部门", id }.into())
}

pub fn entry_grid(
    conn: &impl Sql,
    s: &Session,
    department_id: i64,
    period: Period,
) -> Result<EntryGrid, ApiError> {
    let s = authorize(conn, s)?;
    permission::can_view_department(&s, department_id)?;
    let department_name = department_name(conn, department_id)?;
    let submission = submissions::get(conn, department_id, &period.to_string())?;
    let mut rows = Vec::new();
    for ind in submissions::scope(conn, department_id, period.year())? {
        let all = observations::for_indicator(conn, ind.id)?;
        let current = all.iter().find(|o| o.period == period).cloned();
        let last = all.iter().rev().find(|o| o.period < period).cloned();
        let qualitative = is_qualitative(ind.baseline.as_ref(), ind.target.as_ref());
        let issues = match &current {
            None => Vec::new(),
            Some(obs) => {
                let numbers: Vec<(Period, f64)> = all
                    .iter()
                    .filter_map(|o| o.value.map(|v| (o.period, v)))
                    .collect();
                let value = obs.value.map(|v| v.to_string());
                let facts = Facts {
                    name: &ind.name,
                    unit: ind.unit.as_deref(),
                    flow: ind.flow,
                    qualitative,
                };
                let entry = Entry {
                    value: value.as_deref(),
                    status: obs.status,
                    evidence: obs.evidence.as_deref(),
                    note: obs.note.as_deref(),
                };
                validation::check(&facts, period, &entry, &numbers).issues
            }
        };
        let revision = targets::current_revision(conn, ind.id)?;
        let target = revision.as_ref().or(ind.target.as_ref());
        rows.push(EntryRow {
            indicator_id: ind.id,
            plan_title: ind.plan_title.clone(),
            seq: ind.seq.clone(),
            category: ind.category.clone(),
            name: ind.name.clone(),
            unit: ind.unit.clone(),
            attribute: ind.attribute.clone(),
            flow: ind.flow,
            qualitative,
            baseline_raw: ind.baseline.as_ref().map(|v| v.raw.clone()),
            target_raw: target.map(|v| v.raw.clone()),
            target_pending: target.is_some_and(|t| t.kind == ValueKind::Pending),
            annual_target: targets::annual_target(conn, ind.id, period.year())?,
            last,
            current,
            issues,
        });
    }
    let editable = submission.state.is_editable();
    Ok(EntryGrid {
        department_id,
        department_name,
        period,
        can_edit: editable && permission::can_edit_values(&s, Some(department_id)).is_ok(),
        can_submit: editable && permission::can_submit(&s, department_id).is_ok(),
        can_review: permission::can_review(&s).is_ok(),
        submission,
        rows,
    })
}
