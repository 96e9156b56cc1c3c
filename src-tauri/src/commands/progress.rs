//! Progress entry: the entry grid, saving values, the submit / approve workflow, cell
//! history, cause-and-measures notes, assigned and annual targets. Every rule (role,
//! department, workflow state) is enforced by `zhibiao::api`.

use tauri::State;
use zhibiao::api::progress::{self, BatchOutcome, EntryGrid, ObservationInput, SaveOutcome};
use zhibiao::api::{targets, ApiError};
use zhibiao::model::Period;
use zhibiao::store::measures::Measures;
use zhibiao::store::observations::Observation;
use zhibiao::store::submissions::Submission;
use zhibiao::store::targets::{AnnualTarget, TargetRevision};
use zhibiao::store::AuditEntry;

use crate::call;
use crate::state::AppState;

#[tauri::command]
pub async fn entry_grid(
    state: State<'_, AppState>,
    department_id: i64,
    period: Period,
) -> Result<EntryGrid, ApiError> {
    state
        .call(GetEntryGrid {
            department_id,
            period,
        })
        .await
}

#[tauri::command]
pub async fn save_observation(
    state: State<'_, AppState>,
    input: ObservationInput,
) -> Result<SaveOutcome, ApiError> {
    state.call(SaveObservation { input }).await
}

/// A pasted block or the autosaved draft rows: all stored, or none with a reason per row.
#[tauri::command]
pub async fn save_observations(
    state: State<'_, AppState>,
    inputs: Vec<ObservationInput>,
) -> Result<BatchOutcome, ApiError> {
    state.call(SaveObservations { inputs }).await
}

#[tauri::command]
pub async fn submit_period(
    state: State<'_, AppState>,
    department_id: i64,
    period: Period,
) -> Result<Submission, ApiError> {
    state
        .call(SubmitPeriod {
            department_id,
            period,
        })
        .await
}

#[tauri::command]
pub async fn approve_period(
    state: State<'_, AppState>,
    department_id: i64,
    period: Period,
) -> Result<Submission, ApiError> {
    state
        .call(ApprovePeriod {
            department_id,
            period,
        })
        .await
}

#[tauri::command]
pub async fn return_period(
    state: State<'_, AppState>,
    department_id: i64,
    period: Period,
    reason: String,
) -> Result<Submission, ApiError> {
    let call = ReturnPeriod {
        department_id,
        period,
        reason,
    };
    state.call(call).await
}

#[tauri::command]
pub async fn reopen_period(
    state: State<'_, AppState>,
    department_id: i64,
    period: Period,
    reason: String,
) -> Result<Submission, ApiError> {
    let call = ReopenPeriod {
        department_id,
        period,
        reason,
    };
    state.call(call).await
}

#[tauri::command]
pub async fn cell_history(
    state: State<'_, AppState>,
    indicator_id: i64,
    period: Period,
) -> Result<Vec<AuditEntry>, ApiError> {
    state
        .call(CellHistory {
            indicator_id,
            period,
        })
        .await
}

#[tauri::command]
pub async fn indicator_history(
    state: State<'_, AppState>,
    indicator_id: i64,
) -> Result<Vec<AuditEntry>, ApiError> {
    state.call(IndicatorHistory { indicator_id }).await
}

#[tauri::command]
pub async fn get_measures(
    state: State<'_, AppState>,
    indicator_id: i64,
    period: Period,
) -> Result<Option<Measures>, ApiError> {
    state
        .call(GetMeasures {
            indicator_id,
            period,
        })
        .await
}

#[tauri::command]
pub async fn save_measures(
    state: State<'_, AppState>,
    indicator_id: i64,
    period: Period,
    cause: Option<String>,
    measures: Option<String>,
) -> Result<Measures, ApiError> {
    let call = SaveMeasures {
        indicator_id,
        period,
        cause,
        measures,
    };
    state.call(call).await
}

#[tauri::command]
pub async fn assign_target(
    state: State<'_, AppState>,
    indicator_id: i64,
    target: String,
    effective_date: String,
    document: Option<String>,
) -> Result<TargetRevision, ApiError> {
    let call = AssignTarget {
        indicator_id,
        target,
        effective_date,
        document,
    };
    state.call(call).await
}

#[tauri::command]
pub async fn target_revisions(
    state: State<'_, AppState>,
    indicator_id: i64,
) -> Result<Vec<TargetRevision>, ApiError> {
    state.call(TargetRevisions { indicator_id }).await
}

#[tauri::command]
pub async fn set_annual_target(
    state: State<'_, AppState>,
    indicator_id: i64,
    year: i32,
    value: f64,
    note: Option<String>,
) -> Result<AnnualTarget, ApiError> {
    let call = SetAnnualTarget {
        indicator_id,
        year,
        value,
        note,
    };
    state.call(call).await
}

#[tauri::command]
pub async fn annual_targets(
    state: State<'_, AppState>,
    indicator_id: i64,
) -> Result<Vec<AnnualTarget>, ApiError> {
    state.call(AnnualTargets { indicator_id }).await
}

/// Every recorded value of an indicator, oldest period first (the indicator page's table).
#[tauri::command]
pub async fn indicator_values(
    state: State<'_, AppState>,
    indicator_id: i64,
) -> Result<Vec<Observation>, ApiError> {
    state.call(IndicatorValues { indicator_id }).await
}

call!(GetEntryGrid = "entry_grid" { department_id: i64, period: Period } -> EntryGrid, |e, c| {
    e.with_session(|conn, s| progress::entry_grid(conn, s, c.department_id, c.period))
});

call!(SaveObservation = "save_observation" { input: ObservationInput } -> SaveOutcome, |e, c| {
    e.with_session(|conn, s| progress::save_observation(conn, s, &c.input))
});

call!(SaveObservations = "save_observations" { inputs: Vec<ObservationInput> } -> BatchOutcome, |e, c| {
    e.with_session(|conn, s| progress::save_observations(conn, s, &c.inputs))
});

call!(SubmitPeriod = "submit_period" { department_id: i64, period: Period } -> Submission, |e, c| {
    e.with_session(|conn, s| progress::submit(conn, s, c.department_id, c.period))
});

call!(ApprovePeriod = "approve_period" { department_id: i64, period: Period } -> Submission, |e, c| {
    e.with_session(|conn, s| progress::approve(conn, s, c.department_id, c.period))
});

call!(ReturnPeriod = "return_period" { department_id: i64, period: Period, reason: String } -> Submission, |e, c| {
    e.with_session(|conn, s| {
        progress::return_with_reason(conn, s, c.department_id, c.period, &c.reason)
    })
});

call!(ReopenPeriod = "reopen_period" { department_id: i64, period: Period, reason: String } -> Submission, |e, c| {
    e.with_session(|conn, s| progress::reopen(conn, s, c.department_id, c.period, &c.reason))
});

call!(CellHistory = "cell_history" { indicator_id: i64, period: Period } -> Vec<AuditEntry>, |e, c| {
    e.signed_in(|conn, _| progress::cell_history(conn, c.indicator_id, c.period))
});

call!(IndicatorHistory = "indicator_history" { indicator_id: i64 } -> Vec<AuditEntry>, |e, c| {
    e.signed_in(|conn, _| progress::indicator_history(conn, c.indicator_id))
});

call!(GetMeasures = "get_measures" { indicator_id: i64, period: Period } -> Option<Measures>, |e, c| {
    e.signed_in(|conn, _| progress::measures(conn, c.indicator_id, c.period))
});

call!(SaveMeasures = "save_measures" {
    indicator_id: i64,
    period: Period,
    cause: Option<String>,
    measures: Option<String>,
} -> Measures, |e, c| {
    e.with_session(|conn, s| {
        progress::save_measures(
            conn,
            s,
            c.indicator_id,
            c.period,
            c.cause.as_deref(),
            c.measures.as_deref(),
        )
    })
});

call!(AssignTarget = "assign_target" {
    indicator_id: i64,
    target: String,
    effective_date: String,
    document: Option<String>,
} -> TargetRevision, |e, c| {
    e.with_session(|conn, s| {
        targets::assign_target(
            conn,
            s,
            c.indicator_id,
            &c.target,
            &c.effective_date,
            c.document.as_deref(),
        )
    })
});

call!(TargetRevisions = "target_revisions" { indicator_id: i64 } -> Vec<TargetRevision>, |e, c| {
    e.signed_in(|conn, _| targets::target_revisions(conn, c.indicator_id))
});

call!(SetAnnualTarget = "set_annual_target" {
    indicator_id: i64,
    year: i32,
    value: f64,
    note: Option<String>,
} -> AnnualTarget, |e, c| {
    e.with_session(|conn, s| {
        targets::set_annual_target(conn, s, c.indicator_id, c.year, c.value, c.note.as_deref())
    })
});

call!(AnnualTargets = "annual_targets" { indicator_id: i64 } -> Vec<AnnualTarget>, |e, c| {
    e.signed_in(|conn, _| targets::annual_targets(conn, c.indicator_id))
});

call!(IndicatorValues = "indicator_values" { indicator_id: i64 } -> Vec<Observation>, |e, c| {
    e.signed_in(|conn, _| progress::indicator_values(conn, c.indicator_id))
});
