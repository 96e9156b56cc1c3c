//! Progress entry: the entry grid, saving values, the submit / approve workflow, cell
//! history, cause-and-measures notes, assigned and annual targets. Every rule (role,
//! department, workflow state) is enforced by `zhibiao::api`.

use tauri::State;
use zhibiao::api::commands::progress::{
    AnnualTargets, ApprovePeriod, AssignTarget, CellHistory, GetEntryGrid, GetMeasures,
    IndicatorHistory, IndicatorValues, ReopenPeriod, ReturnPeriod, SaveMeasures, SaveObservation,
    SaveObservations, SetAnnualTarget, SubmitPeriod, TargetRevisions,
};
use zhibiao::api::progress::{BatchOutcome, EntryGrid, ObservationInput, SaveOutcome};
use zhibiao::api::ApiError;
use zhibiao::model::Period;
use zhibiao::store::measures::Measures;
use zhibiao::store::observations::Observation;
use zhibiao::store::submissions::Submission;
use zhibiao::store::targets::{AnnualTarget, TargetRevision};
use zhibiao::store::AuditEntry;

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
