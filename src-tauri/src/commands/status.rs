//! Evaluation status and charts for the dashboard and the indicator page. Reading needs a
//! signed-in user; a PNG is rasterised after the database is released.

use std::path::PathBuf;

use tauri::State;
use zhibiao::api::charts::{self, ChartKind, ChartRequest};
use zhibiao::api::dashboard::{self, DashboardPage, DashboardQuery};
use zhibiao::api::status::{self, StatusFilter, StatusRow};
use zhibiao::api::ApiError;
use zhibiao::model::Period;

use super::files::{require_extension, write_file};
use crate::call;
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

call!(GetDashboardPage = "dashboard_page" { query: DashboardQuery } -> DashboardPage, |e, c| {
    e.signed_in(|conn, _| dashboard::dashboard(conn, &c.query))
});

call!(IndicatorStatus = "indicator_status" { indicator_id: i64, period: Period } -> StatusRow, |e, c| {
    e.signed_in(|conn, _| status::indicator_status(conn, c.indicator_id, c.period))
});

call!(ChartSvg = "chart_svg" { request: ChartRequest } -> String, |e, c| {
    let chart = e.signed_in(|conn, _| charts::chart_data(conn, &c.request))?;
    charts::svg(&chart)
});

call!(ChartPng = "save_chart_png" { request: ChartRequest } -> Vec<u8>, |e, c| {
    let chart = e.signed_in(|conn, _| charts::chart_data(conn, &c.request))?;
    charts::svg_to_png(&charts::svg(&chart)?)
});
