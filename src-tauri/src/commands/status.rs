//! Evaluation status and charts for the dashboard and the indicator page. Reading needs a
//! signed-in user; a PNG is rasterised after the database is released.

use std::path::PathBuf;
use zhibiao::api::changes::Changes;
use zhibiao::api::commands::status::{
    ChartPng, ChartSvg, GetDashboardPage, IndicatorStatus, LastChange,
};

use tauri::State;
use zhibiao::api::charts::{ChartKind, ChartRequest};
use zhibiao::api::dashboard::{DashboardPage, DashboardQuery};
use zhibiao::api::status::{StatusFilter, StatusRow};
use zhibiao::api::ApiError;
use zhibiao::model::Period;

use super::files::{require_extension, write_file};
use crate::state::AppState;

fn filter(plan_id: Option<i64>, department_id: Option<i64>) -> StatusFilter {
    StatusFilter {
        plan_id,
        department_id,
        ..StatusFilter::default()
    }
}

/// The dashboard: counts, warnings and one page of the list (never every row at once).
#[tauri::command]
pub async fn dashboard_page(
    state: State<'_, AppState>,
    query: DashboardQuery,
) -> Result<DashboardPage, ApiError> {
    state.call(GetDashboardPage { query }).await
}

/// The latest recorded change: the window polls it and reloads lists when it grows.
#[tauri::command]
pub async fn changes(state: State<'_, AppState>) -> Result<Changes, ApiError> {
    state.call(LastChange {}).await
}

/// One indicator's row (evaluated within its plan).
#[tauri::command]
pub async fn indicator_status(
    state: State<'_, AppState>,
    indicator_id: i64,
    period: Period,
) -> Result<StatusRow, ApiError> {
    state
        .call(IndicatorStatus {
            indicator_id,
            period,
        })
        .await
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
pub async fn chart_svg(
    state: State<'_, AppState>,
    kind: ChartKind,
    period: Period,
    plan_id: Option<i64>,
    department_id: Option<i64>,
    indicator_id: Option<i64>,
) -> Result<String, ApiError> {
    let request = request(kind, period, plan_id, department_id, indicator_id);
    state.call(ChartSvg { request }).await
}

/// 保存图片: renders the PNG and writes it where the user chose in the save dialog.
#[tauri::command]
pub async fn save_chart_png(
    state: State<'_, AppState>,
    kind: ChartKind,
    period: Period,
    plan_id: Option<i64>,
    department_id: Option<i64>,
    indicator_id: Option<i64>,
    path: PathBuf,
) -> Result<(), ApiError> {
    require_extension(&path, &["png"])?;
    let request = request(kind, period, plan_id, department_id, indicator_id);
    write_file(&path, &state.call(ChartPng { request }).await?)
}
