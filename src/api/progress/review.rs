//! Submit, approve, return and reopen a department × period.

use crate::store::{Database, Sql, Write};

use super::super::session::{actor, authorize};
use super::super::{ApiError, ErrorCode};
use crate::auth::{permission, Session};
use crate::model::Period;
use crate::progress::is_qualitative;
use crate::progress::validation::{self, Entry, Facts};
use crate::progress::workflow::{self, Action};
use crate::store::observations;
use crate::store::submissions::{self, Submission};

fn department_exists(conn: &impl Sql, department_id: i64) -> Result<(), ApiError> {
    let found: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM departments WHERE id = ?1)",
        crate::args![department_id],
        |r| r.get(0),
    )?;
    if found {
        Ok(())
    } else {
        Err(crate::store::StoreError::NotFound {
            what: "部门",
            id: department_id,
        }
        .into())
    }
}

/// Applies a workflow action after its checks and records it.
fn transition<D: Database>(
    conn: &mut D,
    s: &Session,
    department_id: i64,
    period: Period,
    action: Action,
    before: impl FnOnce(&D::Tx<'_>) -> Result<(), ApiError>,
) -> Result<Submission, ApiError> {
    department_exists(conn, department_id)?;
    let p = period.to_string();
    let tx = conn.transaction()?;
    submissions::lock(&tx, department_id, period)?;
    let current = submissions::get(&tx, department_id, &p)?;
    let next = workflow::next(current.state, &action, s.role)?;
    before(&tx)?;
    let reason = match action {
        Action::Return { reason } | Action::Reopen { reason } => Some(reason),
        _ => None,
    };
    submissions::set_state(&tx, &actor(s), department_id, &p, next, reason)?;
    let out = submissions::get(&tx, department_id, &p)?;
    tx.commit()?;
    Ok(out)
}

/// Problems that block submission: values that break a rule (including needs-note issues
/// without their note), or no value at all.
fn blocking_problems(
    tx: &impl Write,
    department_id: i64,
    period: Period,
) -> Result<Vec<String>, ApiError> {
    let mut problems = Vec::new();
    let mut any_value = false;
    for ind in submissions::scope(tx, department_id, period.year())? {
        let Some(obs) = observations::get(tx, ind.id, period)? else {
            continue;
        };
        any_value = true;
        let value = obs.value.map(|v| v.to_string());
        let facts = Facts {
            name: &ind.name,
            unit: ind.unit.as_deref(),
            flow: ind.flow,
            qualitative: is_qualitative(ind.baseline.as_ref(), ind.target.as_ref()),
        };
        let entry = Entry {
            value: value.as_deref(),
            status: obs.status,
            evidence: obs.evidence.as_deref(),
            note: obs.note.as_deref(),
        };
        let others = observations::numbers_around(tx, ind.id, period.year())?;
        for issue in validation::check(&facts, period, &entry, &others).issues {
            if issue.blocks_submit() {
                problems.push(format!("{}：{}", ind.name, issue.message));
            }
        }
    }
    if !any_value {
        problems.push("本期尚未填报任何数值".to_string());
    }
    Ok(problems)
}

/// Staff submit their department's period for review.
pub fn submit(
    conn: &mut impl Database,
    s: &Session,
    department_id: i64,
    period: Period,
) -> Result<Submission, ApiError> {
    let s = authorize(conn, s)?;
    permission::can_submit(&s, department_id)?;
    transition(conn, &s, department_id, period, Action::Submit, |tx| {
        let problems = blocking_problems(tx, department_id, period)?;
        if problems.is_empty() {
            Ok(())
        } else {
            Err(ApiError::new(
                ErrorCode::Validation,
                format!("不能提交：{}", problems.join("；")),
            ))
        }
    })
}

/// A manager approves a submitted period: its values are locked.
pub fn approve(
    conn: &mut impl Database,
    s: &Session,
    department_id: i64,
    period: Period,
) -> Result<Submission, ApiError> {
    let s = authorize(conn, s)?;
    permission::can_review(&s)?;
    transition(conn, &s, department_id, period, Action::Approve, |_| Ok(()))
}

/// A manager returns a submitted period to its department with a reason.
pub fn return_with_reason(
    conn: &mut impl Database,
    s: &Session,
    department_id: i64,
    period: Period,
    reason: &str,
) -> Result<Submission, ApiError> {
    let s = authorize(conn, s)?;
    permission::can_review(&s)?;
    transition(
        conn,
        &s,
        department_id,
        period,
        Action::Return {
            reason: reason.trim(),
        },
        |_| Ok(()),
    )
}

/// A manager reopens an approved period (back to draft) with a reason, e.g. a revision by
/// the statistics bureau.
pub fn reopen(
    conn: &mut impl Database,
    s: &Session,
    department_id: i64,
    period: Period,
    reason: &str,
) -> Result<Submission, ApiError> {
    let s = authorize(conn, s)?;
    permission::can_review(&s)?;
    transition(
        conn,
        &s,
        department_id,
        period,
        Action::Reopen {
            reason: reason.trim(),
        },
        |_| Ok(()),
    )
}

/// Current workflow state of a department × period.
pub fn submission(
    conn: &impl Sql,
    s: &Session,
    department_id: i64,
    period: Period,
) -> Result<Submission, ApiError> {
    let s = authorize(conn, s)?;
    permission::can_view_department(&s, department_id)?;
    department_exists(conn, department_id)?;
    Ok(submissions::get(conn, department_id, &period.to_string())?)
}
