//! Plans and their indicators.

use crate::api::plans::{self, IndicatorUpdate, IndicatorView, PlanDetail, PlanSummary};
use crate::command;

command!(ListPlans = "list_plans" {} -> Vec<PlanSummary>, |e, c| {
    e.signed_in(|conn, _| plans::list_plans(conn))
});

command!(GetPlan = "get_plan" { id: i64 } -> PlanDetail, |e, c| {
    e.signed_in(|conn, _| plans::plan_detail(conn, c.id))
});

command!(UpdateIndicator = "update_indicator" { id: i64, update: IndicatorUpdate } -> IndicatorView, |e, c| {
    e.administrator(|conn, actor| plans::update_indicator(conn, actor, c.id, c.update))
});
