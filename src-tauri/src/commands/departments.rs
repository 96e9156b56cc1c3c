//! Departments: list, create, rename, delete while unused; assign an indicator's lead and
//! supporting departments.

use tauri::State;
use zhibiao::api::commands::departments::{
    AssignIndicator, CreateDepartment, DeleteDepartment, ListDepartments, RenameDepartment,
};
use zhibiao::api::departments::DepartmentSummary;
use zhibiao::api::plans::IndicatorView;
use zhibiao::api::ApiError;
use zhibiao::model::Department;

use crate::state::AppState;

#[tauri::command]
pub async fn list_departments(
    state: State<'_, AppState>,
) -> Result<Vec<DepartmentSummary>, ApiError> {
    state.call(ListDepartments {}).await
}

#[tauri::command]
pub async fn create_department(
    state: State<'_, AppState>,
    name: String,
) -> Result<Department, ApiError> {
    state.call(CreateDepartment { name }).await
}

#[tauri::command]
pub async fn rename_department(
    state: State<'_, AppState>,
    id: i64,
    name: String,
) -> Result<Department, ApiError> {
    state.call(RenameDepartment { id, name }).await
}

#[tauri::command]
pub async fn delete_department(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.call(DeleteDepartment { id }).await
}

#[tauri::command]
pub async fn assign_indicator(
    state: State<'_, AppState>,
    indicator_id: i64,
    lead_id: Option<i64>,
    supporting_ids: Vec<i64>,
) -> Result<IndicatorView, ApiError> {
    let call = AssignIndicator {
        indicator_id,
        lead_id,
        supporting_ids,
    };
    state.call(call).await
}
