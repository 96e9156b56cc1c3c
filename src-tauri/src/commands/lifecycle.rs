//! Plan lifecycle, default periods, successor links and target feasibility. A few lines each
//! over `zhibiao::api::{lifecycle, links, feasibility}`; reads need a signed-in user, writes
//! check the role in the engine.

use tauri::State;
use zhibiao::api::feasibility::{self, FeasibilityRow};
use zhibiao::api::lifecycle::{
    self, DefaultPeriod, IndicatorHeading, PeriodGranularity, PeriodSelection, PlanLifecycle,
};
use zhibiao::api::links::{self, Lineage, LinkInput, LinkSuggestion, LinkView};
use zhibiao::api::report::ReportRequest;
use zhibiao::api::ApiError;
use zhibiao::model::Period;

use crate::access;
use crate::state::AppState;

#[tauri::command]
pub fn plan_lifecycles(state: State<'_, AppState>) -> Result<Vec<PlanLifecycle>, ApiError> {
    let conn = state.db()?;
    access::signed_in(&state, &conn)?;
    lifecycle::plan_lifecycles(&conn, lifecycle::today(&conn))
}

/// The period a picker opens on for its selection.
#[tauri::command]
pub fn default_period(
    state: State<'_, AppState>,
    plan_id: Option<i64>,
    department_id: Option<i64>,
    granularity: PeriodGranularity,
) -> Result<DefaultPeriod, ApiError> {
    let conn = state.db()?;
    access::signed_in(&state, &conn)?;
    let sel = PeriodSelection {
        plan_id,
        department_id,
        granularity,
    };
    lifecycle::default_period(&conn, &sel, lifecycle::today(&conn))
}

/// The nearest period with something to report, when the asked one has nothing.
#[tauri::command]
pub fn nearest_report_period(
    state: State<'_, AppState>,
    kind: String,
    period: Period,
    plan_id: Option<i64>,
    department_id: Option<i64>,
) -> Result<Option<Period>, ApiError> {
    let conn = state.db()?;
    access::signed_in(&state, &conn)?;
    let req = ReportRequest {
        plan_id,
        department_id,
        kind: Some(kind),
        ..ReportRequest::new(period)
    };
    lifecycle::nearest_report_period(&conn, &req, lifecycle::today(&conn))
}

/// The indicator page's title, for any indicator (completion-review rows included).
#[tauri::command]
pub fn indicator_heading(
    state: State<'_, AppState>,
    indicator_id: i64,
) -> Result<IndicatorHeading, ApiError> {
    let conn = state.db()?;
    access::signed_in(&state, &conn)?;
    lifecycle::indicator_heading(&conn, indicator_id, lifecycle::today(&conn))
}

#[tauri::command]
pub fn link_suggestions(state: State<'_, AppState>) -> Result<Vec<LinkSuggestion>, ApiError> {
    let conn = state.db()?;
    access::signed_in(&state, &conn)?;
    links::link_suggestions(&conn)
}

#[tauri::command]
pub fn successor_links(state: State<'_, AppState>) -> Result<Vec<LinkView>, ApiError> {
    let conn = state.db()?;
    access::signed_in(&state, &conn)?;
    links::successor_links(&conn)
}

#[tauri::command]
pub fn save_link(state: State<'_, AppState>, input: LinkInput) -> Result<LinkView, ApiError> {
    let s = state.session()?;
    links::save_link(&mut *state.db()?, &s, &input)
}

#[tauri::command]
pub fn remove_link(state: State<'_, AppState>, successor_id: i64) -> Result<bool, ApiError> {
    let s = state.session()?;
    links::remove_link(&mut *state.db()?, &s, successor_id)
}

#[tauri::command]
pub fn indicator_lineage(
    state: State<'_, AppState>,
    indicator_id: i64,
) -> Result<Lineage, ApiError> {
    let conn = state.db()?;
    access::signed_in(&state, &conn)?;
    links::lineage(&conn, indicator_id)
}

#[tauri::command]
pub fn target_feasibility(
    state: State<'_, AppState>,
    plan_id: Option<i64>,
) -> Result<Vec<FeasibilityRow>, ApiError> {
    let conn = state.db()?;
    access::signed_in(&state, &conn)?;
    feasibility::feasibility(&conn, plan_id)
}

#[tauri::command]
pub fn save_annual_targets(
    state: State<'_, AppState>,
    indicator_id: i64,
    values: Vec<(i32, f64)>,
) -> Result<usize, ApiError> {
    let s = state.session()?;
    feasibility::save_annual_targets(&mut *state.db()?, &s, indicator_id, &values)
}

/// Debug builds only: a directory named by `ZHIBIAO_E2E_OUTPUT_DIR` where 保存 PDF writes
/// without the native save dialog, which WebDriver cannot drive.
#[tauri::command]
pub fn report_output_dir() -> Option<String> {
    if cfg!(debug_assertions) {
        std::env::var("ZHIBIAO_E2E_OUTPUT_DIR")
            .ok()
            .filter(|d| !d.trim().is_empty())
    } else {
        None
    }
}
