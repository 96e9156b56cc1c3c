//! Progress entry: the entry grid, saving values, the submit / approve workflow, cell
//! history, cause-and-measures notes, assigned and annual targets. Each command is a few
//! lines over `zhibiao::api`; every rule (role, department, workflow state) is enforced there.

use tauri::State;
use zhibiao::api::progress::{self, BatchOutcome, EntryGrid, ObservationInput, SaveOutcome};
use zhibiao::api::{targets, ApiError};
use zhibiao::model::Period;
use zhibiao::store::measures::Measures;
use zhibiao::store::submissions::Submission;
use zhibiao::store::targets::{AnnualTarget, TargetRevision};
use zhibiao::store::AuditEntry;

use crate::access;
use crate::state::AppState;

#[tauri::command]
pub fn entry_grid(
    state: State<'_, AppState>,
    department_id: i64,
    period: Period,
) -> Result<EntryGrid, ApiError> {
    let s = state.session()?;
    progress::entry_grid(&*state.db()?, &s, department_id, period)
}

#[tauri::command]
pub fn save_observation(
    state: State<'_, AppState>,
    input: ObservationInput,
) -> Result<SaveOutcome, ApiError> {
    let s = state.session()?;
    progress::save_observation(&mut *state.db()?, &s, &input)
}

/// A pasted block or the autosaved draft rows: all stored, or none with a reason per row.
#[tauri::command]
pub fn save_observations(
    state: State<'_, AppState>,
    inputs: Vec<ObservationInput>,
) -> Result<BatchOutcome, ApiError> {
    let s = state.session()?;
    progress::save_observations(&mut *state.db()?, &s, &inputs)
}

#[tauri::command]
pub fn submit_period(
    state: State<'_, AppState>,
    department_id: i64,
    period: Period,
) -> Result<Submission, ApiError> {
    let s = state.session()?;
    progress::submit(&mut *state.db()?, &s, department_id, period)
}

#[tauri::command]
pub fn approve_period(
    state: State<'_, AppState>,
    department_id: i64,
    period: Period,
) -> Result<Submission, ApiError> {
    let s = state.session()?;
    progress::approve(&mut *state.db()?, &s, department_id, period)
}

#[tauri::command]
pub fn return_period(
    state: State<'_, AppState>,
    department_id: i64,
    period: Period,
    reason: String,
) -> Result<Submission, ApiError> {
    let s = state.session()?;
    progress::return_with_reason(&mut *state.db()?, &s, department_id, period, &reason)
}

#[tauri::command]
pub fn reopen_period(
    state: State<'_, AppState>,
    department_id: i64,
    period: Period,
    reason: String,
) -> Result<Submission, ApiError> {
    let s = state.session()?;
    progress::reopen(&mut *state.db()?, &s, department_id, period, &reason)
}

#[tauri::command]
pub fn cell_history(
    state: State<'_, AppState>,
    indicator_id: i64,
    period: Period,
) -> Result<Vec<AuditEntry>, ApiError> {
    let conn = state.db()?;
    access::signed_in(&state, &conn)?;
    progress::cell_history(&conn, indicator_id, period)
}

#[tauri::command]
pub fn indicator_history(
    state: State<'_, AppState>,
    indicator_id: i64,
) -> Result<Vec<AuditEntry>, ApiError> {
    let conn = state.db()?;
    access::signed_in(&state, &conn)?;
    progress::indicator_history(&conn, indicator_id)
}

#[tauri::command]
pub fn get_measures(
    state: State<'_, AppState>,
    indicator_id: i64,
    period: Period,
) -> Result<Option<Measures>, ApiError> {
    let conn = state.db()?;
    access::signed_in(&state, &conn)?;
    progress::measures(&conn, indicator_id, period)
}

#[tauri::command]
pub fn save_measures(
    state: State<'_, AppState>,
    indicator_id: i64,
    period: Period,
    cause: Option<String>,
    measures: Option<String>,
) -> Result<Measures, ApiError> {
    let s = state.session()?;
    progress::save_measures(
        &mut *state.db()?,
        &s,
        indicator_id,
        period,
        cause.as_deref(),
        measures.as_deref(),
    )
}

#[tauri::command]
pub fn assign_target(
    state: State<'_, AppState>,
    indicator_id: i64,
    target: String,
    effective_date: String,
    document: Option<String>,
) -> Result<TargetRevision, ApiError> {
    let s = state.session()?;
    targets::assign_target(
        &mut *state.db()?,
        &s,
        indicator_id,
        &target,
        &effective_date,
        document.as_deref(),
    )
}

#[tauri::command]
pub fn target_revisions(
    state: State<'_, AppState>,
    indicator_id: i64,
) -> Result<Vec<TargetRevision>, ApiError> {
    let conn = state.db()?;
    access::signed_in(&state, &conn)?;
    targets::target_revisions(&conn, indicator_id)
}

#[tauri::command]
pub fn set_annual_target(
    state: State<'_, AppState>,
    indicator_id: i64,
    year: i32,
    value: f64,
    note: Option<String>,
) -> Result<AnnualTarget, ApiError> {
    let s = state.session()?;
    targets::set_annual_target(
        &mut *state.db()?,
        &s,
        indicator_id,
        year,
        value,
        note.as_deref(),
    )
}

#[tauri::command]
pub fn annual_targets(
    state: State<'_, AppState>,
    indicator_id: i64,
) -> Result<Vec<AnnualTarget>, ApiError> {
    let conn = state.db()?;
    access::signed_in(&state, &conn)?;
    targets::annual_targets(&conn, indicator_id)
}

/// Every recorded value of an indicator, oldest period first (the indicator page's table).
#[tauri::command]
pub fn indicator_values(
    state: State<'_, AppState>,
    indicator_id: i64,
) -> Result<Vec<zhibiao::store::observations::Observation>, ApiError> {
    let conn = state.db()?;
    access::signed_in(&state, &conn)?;
    progress::indicator_values(&conn, indicator_id)
}
