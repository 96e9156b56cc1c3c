//! Whether the remaining years can still reach a target; annual targets.

use crate::api::feasibility::{self, FeasibilityRow};
use crate::command;

command!(TargetFeasibility = "target_feasibility" { plan_id: Option<i64> } -> Vec<FeasibilityRow>, |e, c| {
    e.signed_in(|conn, _| feasibility::feasibility(conn, c.plan_id))
});

command!(SaveAnnualTargets = "save_annual_targets" { indicator_id: i64, values: Vec<(i32, f64)> } -> usize, |e, c| {
    e.with_session(|conn, s| feasibility::save_annual_targets(conn, s, c.indicator_id, &c.values))
});
