//! Plans: list, detail, edit an indicator.

use tauri::State;
use zhibiao::api::plans::{self, IndicatorUpdate, IndicatorView, PlanDetail, PlanSummary};
use zhibiao::api::ApiError;

use crate::access;
use crate::state::AppState;

#[tauri::command]
pub fn list_plans(state: State<'_, AppState>) -> Result<Vec<PlanSummary>, ApiError> {
    let conn = state.db()?;
    access::signed_in(&state, &conn)?;
    plans::list_plans(&conn)
}

#[tauri::command]
pub fn get_plan(state: State<'_, AppState>, id: i64) -> Result<PlanDetail, ApiError> {
    let conn = state.db()?;
    access::signed_in(&state, &conn)?;
    plans::plan_detail(&conn, id)
}

#[tauri::command]
pub fn update_indicator(
    state: State<'_, AppState>,
    id: i64,
    update: IndicatorUpdate,
) -> Result<IndicatorView, ApiError> {
    let mut conn = state.db()?;
    let actor = access::administrator(&state, &conn)?;
    plans::update_indicator(&mut conn, &actor, id, update)
}
