//! Departments: list, create, rename, delete while unused; assign an indicator's lead and
//! supporting departments.

use tauri::State;
use zhibiao::api::departments::{self, DepartmentSummary};
use zhibiao::api::plans::IndicatorView;
use zhibiao::api::ApiError;
use zhibiao::model::Department;

use crate::access;
use crate::state::AppState;

#[tauri::command]
pub fn list_departments(state: State<'_, AppState>) -> Result<Vec<DepartmentSummary>, ApiError> {
    let conn = state.db()?;
    access::signed_in(&state, &conn)?;
    departments::list_departments(&conn)
}

#[tauri::command]
pub fn create_department(state: State<'_, AppState>, name: String) -> Result<Department, ApiError> {
    let mut conn = state.db()?;
    let actor = access::administrator(&state, &conn)?;
    departments::create_department(&mut conn, &actor, &name)
}

#[tauri::command]
pub fn rename_department(
    state: State<'_, AppState>,
    id: i64,
    name: String,
) -> Result<Department, ApiError> {
    let mut conn = state.db()?;
    let actor = access::administrator(&state, &conn)?;
    departments::rename_department(&mut conn, &actor, id, &name)
}

#[tauri::command]
pub fn delete_department(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    let mut conn = state.db()?;
    let actor = access::administrator(&state, &conn)?;
    departments::delete_department(&mut conn, &actor, id)
}

#[tauri::command]
pub fn assign_indicator(
    state: State<'_, AppState>,
    indicator_id: i64,
    lead_id: Option<i64>,
    supporting_ids: Vec<i64>,
) -> Result<IndicatorView, ApiError> {
    let mut conn = state.db()?;
    let actor = access::administrator(&state, &conn)?;
    departments::assign_departments(&mut conn, &actor, indicator_id, lead_id, &supporting_ids)
}
