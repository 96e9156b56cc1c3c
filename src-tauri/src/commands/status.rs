//! Evaluation status and charts for the dashboard and the indicator page. A few lines each
//! over `zhibiao::api::{status, charts}`; reading needs a signed-in user.

use std::path::PathBuf;

use tauri::State;
use zhibiao::api::charts::{self, ChartKind, ChartRequest};
use zhibiao::api::status::{self, StatusFilter, StatusReport, StatusRow};
use zhibiao::api::ApiError;
use zhibiao::model::Period;

use crate::access;
use crate::state::AppState;

fn filter(plan_id: Option<i64>, department_id: Option<i64>) -> StatusFilter {
    StatusFilter {
        plan_id,
        department_id,
        ..StatusFilter::default()
    }
}

#[tauri::command]
pub fn status_report(
    state: State<'_, AppState>,
    period: Period,
    plan_id: Option<i64>,
    department_id: Option<i64>,
) -> Result<StatusReport, ApiError> {
    let conn = state.db()?;
    access::signed_in(&state, &conn)?;
    status::status(&conn, period, &filter(plan_id, department_id))
}

/// One indicator's row (evaluated within its plan).
#[tauri::command]
pub fn indicator_status(
    state: State<'_, AppState>,
    indicator_id: i64,
    period: Period,
) -> Result<StatusRow, ApiError> {
    let conn = state.db()?;
    access::signed_in(&state, &conn)?;
    status::indicator_status(&conn, indicator_id, period)
}

fn request(
    kind: ChartKind,
    period: Period,
    plan_id: Option<i64>,
    department_id: Option<i64>,
    indicator_id: Option<i64>,
) -> ChartRequest {
    ChartRequest {
        kind,
        period,
        filter: filter(plan_id, department_id),
        indicator_id,
    }
}

#[tauri::command]
pub fn chart_svg(
    state: State<'_, AppState>,
    kind: ChartKind,
    period: Period,
    plan_id: Option<i64>,
    department_id: Option<i64>,
    indicator_id: Option<i64>,
) -> Result<String, ApiError> {
    let conn = state.db()?;
    access::signed_in(&state, &conn)?;
    charts::chart_svg(
        &conn,
        &request(kind, period, plan_id, department_id, indicator_id),
    )
}

/// 保存图片: renders the PNG and writes it where the user chose in the save dialog.
#[tauri::command]
pub fn save_chart_png(
    state: State<'_, AppState>,
    kind: ChartKind,
    period: Period,
    plan_id: Option<i64>,
    department_id: Option<i64>,
    indicator_id: Option<i64>,
    path: PathBuf,
) -> Result<(), ApiError> {
    super::report::require_extension(&path, &["png"])?;
    let conn = state.db()?;
    access::signed_in(&state, &conn)?;
    let png = charts::chart_png(
        &conn,
        &request(kind, period, plan_id, department_id, indicator_id),
    )?;
    super::report::write_file(&path, &png)
}
