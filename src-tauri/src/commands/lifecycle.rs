//! Plan lifecycle: each plan's phase today, the period a picker opens on, the nearest period
//! a report has something for, and an indicator page's heading. Reads need a signed-in user
//! (checked by the engine); "today" is the settings store's (`api::settings::today`).

use tauri::State;
use zhibiao::api::commands::lifecycle::{
    GetDefaultPeriod, GetIndicatorHeading, NearestReportPeriod, PlanLifecycles,
};
use zhibiao::api::lifecycle::{DefaultPeriod, IndicatorHeading, PeriodSelection, PlanLifecycle};
use zhibiao::api::report::ReportRequest;
use zhibiao::api::ApiError;
use zhibiao::model::Period;

use crate::state::AppState;

#[tauri::command]
pub async fn plan_lifecycles(state: State<'_, AppState>) -> Result<Vec<PlanLifecycle>, ApiError> {
    state.call(PlanLifecycles {}).await
}

/// The period a picker opens on for its selection.
#[tauri::command]
pub async fn default_period(
    state: State<'_, AppState>,
    selection: PeriodSelection,
) -> Result<DefaultPeriod, ApiError> {
    state.call(GetDefaultPeriod { selection }).await
}

/// The nearest period with something to report, when the one asked for has nothing.
#[tauri::command]
pub async fn nearest_report_period(
    state: State<'_, AppState>,
    kind: String,
    period: Period,
    plan_id: Option<i64>,
    department_id: Option<i64>,
) -> Result<Option<Period>, ApiError> {
    let request = ReportRequest {
        plan_id,
        department_id,
        kind: Some(kind),
        ..ReportRequest::new(period)
    };
    state.call(NearestReportPeriod { request }).await
}

/// The indicator page's title, for any indicator (completion-review rows included).
#[tauri::command]
pub async fn indicator_heading(
    state: State<'_, AppState>,
    indicator_id: i64,
) -> Result<IndicatorHeading, ApiError> {
    state.call(GetIndicatorHeading { indicator_id }).await
}
