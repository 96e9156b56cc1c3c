//! Progress entry use cases: saving values (one cell or a pasted block), the entry grid,
//! the submit / approve workflow, cell history, and cause-and-measures notes. Every rule is
//! checked here, so the desktop app and the CLI behave the same.

mod conflict;
mod grid;
mod measures;
mod review;

pub use conflict::CellConflict;
pub use grid::{entry_grid, EntryGrid, EntryRow};
pub use measures::{measures, measures_for_period, save_measures};
pub use review::{approve, reopen, return_with_reason, submission, submit};

use crate::store::{Database, Sql, Write};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::evaluation_cache::ValuesWritten;
use super::session::{actor, authorize};
use super::{ApiError, ErrorCode};
use crate::auth::{permission, Session};
use crate::model::Period;
use crate::progress::validation::{self, Entry, Facts};
use crate::progress::{is_qualitative, workflow, Issue, QualStatus, State, Vintage};
use crate::store::observations::{self, Observation, ObservationWrite};
use crate::store::{submissions, AuditEntry};

/// One cell as entered in the grid, pasted, or given to the CLI.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ObservationInput {
    #[ts(type = "number")]
    pub indicator_id: i64,
    pub period: Period,
    /// The value as typed ("65.2", "1,234", "65.2%"); empty with no status clears the cell.
    #[serde(default)]
    pub value: Option<String>,
    #[serde(default)]
    pub status: Option<QualStatus>,
    #[serde(default)]
    pub evidence: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub vintage: Option<Vintage>,
    /// The cell's version the input was based on (0: it was empty), from the grid or an
    /// earlier save; a cell changed since is a conflict. `None` saves whatever is stored
    /// (the administrator's CLI and file imports, which say what they replace in the log).
    #[serde(default)]
    #[ts(type = "number | null")]
    pub expected_version: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SaveOutcome {
    /// The stored cell; `None` when the input cleared it.
    pub observation: Option<Observation>,
    /// Needs-note issues (errors refuse the save instead).
    pub issues: Vec<Issue>,
    /// Workflow state of the department × period after the save.
    pub state: State,
}

/// Result of a pasted block: all rows are stored, or none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BatchOutcome {
    pub committed: bool,
    pub rows: Vec<BatchRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BatchRow {
    /// Position in the input, from 0.
    pub index: u32,
    #[ts(type = "number")]
    pub indicator_id: i64,
    pub period: Period,
    /// Why the row was refused (Chinese); `None` when it was fine.
    pub error: Option<String>,
    /// The row met a newer value saved by someone else.
    pub conflict: Option<CellConflict>,
    pub issues: Vec<Issue>,
    /// The cell as stored after the row (its new version); meaningful when committed.
    pub observation: Option<Observation>,
}

fn text(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

/// Saves one cell inside `tx` after every check; `s` is an authorized session.
fn save_in(
    tx: &impl Write,
    s: &Session,
    input: &ObservationInput,
    written: &mut ValuesWritten,
) -> Result<SaveOutcome, ApiError> {
    let ind = submissions::scope_indicator(tx, input.indicator_id)?;
    permission::can_edit_values(s, ind.lead_department_id)?;
    let department_id = ind.lead_department_id.expect("checked by can_edit_values");
    let period = input.period;
    // Only the plan's own years (and its baseline value): a 2025 value of a 2021–2025 plan
    // may arrive in 2026, a 2026 quarter may not. Values stored earlier stay untouched.
    crate::store::plans::get(tx, ind.plan_id)?
        .check_entry_period(period)
        .map_err(|m| ApiError::new(ErrorCode::Validation, format!("{}：{m}", ind.name)))?;
    submissions::lock(tx, department_id, period)?;
    let p = period.to_string();
    let sub = submissions::get(tx, department_id, &p)?;
    let state = workflow::next(sub.state, &workflow::Action::Edit, s.role)?;
    let who = actor(s);

    let clears = text(&input.value).is_none() && input.status.is_none();
    let mut issues = Vec::new();
    let write = if clears {
        None
    } else {
        let facts = Facts {
            name: &ind.name,
            unit: ind.unit.as_deref(),
            flow: ind.flow,
            qualitative: is_qualitative(ind.baseline.as_ref(), ind.target.as_ref()),
        };
        let entry = Entry {
            value: text(&input.value),
            status: input.status,
            evidence: text(&input.evidence),
            note: text(&input.note),
        };
        let others = observations::numbers_around(tx, ind.id, period.year())?;
        let checked = validation::check(&facts, period, &entry, &others);
        if checked.has_errors() {
            let messages: Vec<&str> = checked
                .issues
                .iter()
                .filter(|i| i.severity == validation::Severity::Error)
                .map(|i| i.message.as_str())
                .collect();
            return Err(ApiError::new(
                ErrorCode::Validation,
                format!("{}：{}", ind.name, messages.join("；")),
            ));
        }
        issues = checked.issues;
        Some(ObservationWrite {
            value: checked.value,
            status: checked.status,
            evidence: entry.evidence,
            note: entry.note,
            source: text(&input.source),
            vintage: input.vintage,
        })
    };
    let stored = observations::get(tx, ind.id, period)?;
    if let Some(expected) = input.expected_version {
        if expected != observations::version_of(stored.as_ref())
            && !conflict::same_content(stored.as_ref(), write.as_ref())
        {
            return Err(conflict::refuse(tx, &ind.name, input, expected, stored)?);
        }
    }
    written.plan(tx, ind.plan_id)?;
    match &write {
        Some(w) => {
            observations::upsert(tx, &who, ind.id, period, w)?;
        }
        None => {
            observations::delete(tx, &who, ind.id, period)?;
        }
    }
    if state != sub.state {
        submissions::set_state(tx, &who, department_id, &p, state, None)?;
    }
    Ok(SaveOutcome {
        observation: observations::get(tx, ind.id, period)?,
        issues,
        state,
    })
}

/// Takes the department × period locks of a block in one order, before any row is saved, so
/// two blocks over the same periods wait for each other instead of deadlocking.
fn lock_block(tx: &impl Write, inputs: &[ObservationInput]) -> Result<(), ApiError> {
    let mut keys = Vec::new();
    for input in inputs {
        // Rows that cannot be saved are refused later, each with its reason.
        if let Ok(ind) = submissions::scope_indicator(tx, input.indicator_id) {
            if let Some(d) = ind.lead_department_id {
                keys.push((d, input.period));
            }
        }
    }
    keys.sort();
    keys.dedup();
    for (department_id, period) in keys {
        submissions::lock(tx, department_id, period)?;
    }
    Ok(())
}

/// Saves one value: only the indicator's own department's staff, only while the period is a
/// draft or returned; validation errors refuse it; the write and its audit rows are one
/// transaction.
pub fn save_observation(
    conn: &mut impl Database,
    s: &Session,
    input: &ObservationInput,
) -> Result<SaveOutcome, ApiError> {
    let s = authorize(conn, s)?;
    let tx = conn.transaction()?;
    let mut written = ValuesWritten::new();
    let out = save_in(&tx, &s, input, &mut written)?;
    written.end(&tx)?;
    tx.commit()?;
    written.apply(conn);
    Ok(out)
}

/// Saves a pasted block. Every row is checked (later rows see earlier ones, so a pasted
/// Q2 and Q3 are checked against each other); if any row is refused nothing is stored and
/// each row says why.
pub fn save_observations(
    conn: &mut impl Database,
    s: &Session,
    inputs: &[ObservationInput],
) -> Result<BatchOutcome, ApiError> {
    let s = authorize(conn, s)?;
    let tx = conn.transaction()?;
    let mut written = ValuesWritten::new();
    lock_block(&tx, inputs)?;
    let mut rows = Vec::with_capacity(inputs.len());
    let mut failed = false;
    for (index, input) in inputs.iter().enumerate() {
        let mut row = BatchRow {
            index: index as u32,
            indicator_id: input.indicator_id,
            period: input.period,
            error: None,
            conflict: None,
            issues: Vec::new(),
            observation: None,
        };
        match save_in(&tx, &s, input, &mut written) {
            Ok(out) => {
                row.issues = out.issues;
                row.observation = out.observation;
            }
            // A full disk or a read-only file ends the transaction (SQLite may already have
            // rolled it back): later rows must not be written outside it.
            Err(e) if matches!(e.code, ErrorCode::Internal | ErrorCode::Storage) => return Err(e),
            Err(e) => {
                failed = true;
                row.error = Some(e.message);
                row.conflict = e.conflict.map(|c| *c);
            }
        }
        rows.push(row);
    }
    if failed {
        tx.rollback()?;
    } else {
        written.end(&tx)?;
        tx.commit()?;
        written.apply(conn);
    }
    Ok(BatchOutcome {
        committed: !failed,
        rows,
    })
}

/// Every change to one cell, oldest first.
pub fn cell_history(
    conn: &impl Sql,
    indicator_id: i64,
    period: Period,
) -> Result<Vec<AuditEntry>, ApiError> {
    Ok(observations::cell_history(conn, indicator_id, period)?)
}

/// Every recorded value of an indicator, oldest period first (the indicator page's table).
pub fn indicator_values(conn: &impl Sql, indicator_id: i64) -> Result<Vec<Observation>, ApiError> {
    submissions::scope_indicator(conn, indicator_id)?;
    Ok(observations::for_indicator(conn, indicator_id)?)
}

/// Every change to an indicator's values, targets and notes, oldest first.
pub fn indicator_history(conn: &impl Sql, indicator_id: i64) -> Result<Vec<AuditEntry>, ApiError> {
    submissions::scope_indicator(conn, indicator_id)?;
    Ok(observations::indicator_history(conn, indicator_id)?)
}
