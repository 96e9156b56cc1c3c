//! Plans: list, detail, edit an indicator.

use tauri::State;
use zhibiao::api::commands::plans::{GetPlan, ListPlans, UpdateIndicator};
use zhibiao::api::plans::{IndicatorUpdate, IndicatorView, PlanDetail, PlanSummary};
use zhibiao::api::ApiError;

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
