//! Target feasibility (目标可行性) of successor plans and saving the proposed annual targets
//! (年度目标分解; 审核员 or 管理员, checked by the engine).

use tauri::State;
use zhibiao::api::commands::feasibility::{SaveAnnualTargets, TargetFeasibility};
use zhibiao::api::feasibility::FeasibilityRow;
use zhibiao::api::ApiError;

use crate::state::AppState;

#[tauri::command]
pub async fn target_feasibility(
    state: State<'_, AppState>,
    plan_id: Option<i64>,
) -> Result<Vec<FeasibilityRow>, ApiError> {
    state.call(TargetFeasibility { plan_id }).await
}

/// `values`: (year, value) pairs, saved all or none.
#[tauri::command]
pub async fn save_annual_targets(
    state: State<'_, AppState>,
    indicator_id: i64,
    values: Vec<(i32, f64)>,
) -> Result<usize, ApiError> {
    state
        .call(SaveAnnualTargets {
            indicator_id,
            values,
        })
        .await
}
