//! Where each plan stands in its period, and the periods to show by default.

use crate::api::lifecycle::{
    self, DefaultPeriod, IndicatorHeading, PeriodSelection, PlanLifecycle,
};
use crate::api::report::ReportRequest;
use crate::command;
use crate::model::Period;

command!(PlanLifecycles = "plan_lifecycles" {} -> Vec<PlanLifecycle>, |e, c| {
    e.signed_in(|conn, _| lifecycle::plan_lifecycles(conn, lifecycle::today(conn)?))
});

command!(GetDefaultPeriod = "default_period" { selection: PeriodSelection } -> DefaultPeriod, |e, c| {
    e.signed_in(|conn, _| lifecycle::default_period(conn, &c.selection, lifecycle::today(conn)?))
});

command!(NearestReportPeriod = "nearest_report_period" { request: ReportRequest } -> Option<Period>, |e, c| {
    e.signed_in(|conn, _| lifecycle::nearest_report_period(conn, &c.request, lifecycle::today(conn)?))
});

command!(GetIndicatorHeading = "indicator_heading" { indicator_id: i64 } -> IndicatorHeading, |e, c| {
    e.signed_in(|conn, _| lifecycle::indicator_heading(conn, c.indicator_id, lifecycle::today(conn)?))
});
