//! The dashboard, one indicator's status, charts, and the latest change (polled).

use crate::api::changes::{self, Changes};
use crate::api::charts::{self, ChartRequest};
use crate::api::dashboard::{self, DashboardPage, DashboardQuery};
use crate::api::status::{self, StatusRow};
use crate::command;
use crate::model::Period;

command!(GetDashboardPage = "dashboard_page" { query: DashboardQuery } -> DashboardPage, |e, c| {
    e.signed_in(|conn, _| dashboard::dashboard(conn, &c.query))
});

command!(IndicatorStatus = "indicator_status" { indicator_id: i64, period: Period } -> StatusRow, |e, c| {
    e.signed_in(|conn, _| status::indicator_status(conn, c.indicator_id, c.period))
});

command!(ChartSvg = "chart_svg" { request: ChartRequest } -> String, |e, c| {
    let chart = e.signed_in(|conn, _| charts::chart_data(conn, &c.request))?;
    charts::svg(&chart)
});

command!(ChartPng = "save_chart_png" { request: ChartRequest } -> Vec<u8>, |e, c| {
    let chart = e.signed_in(|conn, _| charts::chart_data(conn, &c.request))?;
    charts::svg_to_png(&charts::svg(&chart)?)
});

// Polled by windows to reload their lists when others' work arrives.
command!(LastChange = "changes" {} -> Changes, |e, c| {
    e.signed_in(changes::changes)
});
