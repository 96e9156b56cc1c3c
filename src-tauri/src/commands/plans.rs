//! Plans: list, detail, edit an indicator.

use tauri::State;
use zhibiao::api::plans::{self, IndicatorUpdate, IndicatorView, PlanDetail, PlanSummary};
use zhibiao::api::ApiError;

use crate::call;
use crate::state::AppState;

#[tauri::command]
pub async fn list_plans(state: State<'_, AppState>) -> Result<Vec<PlanSummary>, ApiError> {
    state.call(ListPlans {}).await
}

#[tauri::command]
pub async fn get_plan(state: State<'_, AppState>, id: i64) -> Result<PlanDetail, ApiError> {
    state.call(GetPlan { id }).await
}

#[tauri::command]
pub async fn update_indicator(
    state: State<'_, AppState>,
    id: i64,
    update: IndicatorUpdate,
) -> Result<IndicatorView, ApiError> {
    state.call(UpdateIndicator { id, update }).await
}

call!(ListPlans = "list_plans" {} -> Vec<PlanSummary>, |e, c| {
    e.signed_in(|conn, _| plans::list_plans(conn))
});

call!(GetPlan = "get_plan" { id: i64 } -> PlanDetail, |e, c| {
    e.signed_in(|conn, _| plans::plan_detail(conn, c.id))
});

call!(UpdateIndicator = "update_indicator" { id: i64, update: IndicatorUpdate } -> IndicatorView, |e, c| {
    e.administrator(|conn, actor| plans::update_indicator(conn, actor, c.id, c.update))
});
