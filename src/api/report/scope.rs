//! Which indicators a report or export covers, evaluated at its period.

use rusqlite::Connection;

use crate::api::status::evaluate_series;
use crate::api::{ApiError, ErrorCode};
use crate::eval::{IndicatorStatus, ObservedValue};
use crate::model::{Period, Plan};
use crate::report::ReportKind;
use crate::store::series::{self, IndicatorSeries};

/// What to report on.
#[derive(Debug, Clone, PartialEq)]
pub struct Scope {
    pub period: Period,
    pub plan_id: Option<i64>,
    pub department_id: Option<i64>,
    pub kind: ReportKind,
}

/// One indicator of the scope with its status.
#[derive(Debug, Clone)]
pub struct ScopedRow {
    pub series: IndicatorSeries,
    pub status: IndicatorStatus,
}

#[derive(Debug, Clone)]
pub struct ScopedPlan {
    pub plan: Plan,
    pub rows: Vec<ScopedRow>,
}

impl ScopedRow {
    /// The observation of exactly `period`, if one was recorded.
    pub fn observed_at(&self, period: Period) -> Option<&ObservedValue> {
        self.series.observations.iter().find(|o| o.period == period)
    }
}

/// Whether a plan's period covers `year` (plans without a stated period always do).
fn covers(plan: &Plan, year: i32) -> bool {
    plan.period_start.is_none_or(|s| s <= year) && plan.period_end.is_none_or(|e| e >= year)
}

/// The period a completion review judges: the plan's target year.
pub fn review_period(plan: &Plan, requested: Period) -> Period {
    plan.target_year
        .or(plan.period_end)
        .map(Period::Year)
        .unwrap_or(Period::Year(requested.year()))
}

/// Loads and evaluates the scope. Quarterly and annual reports cover the plans running in
/// the period; a completion review covers the plans ending in the period's year (or the
/// plan asked for) and judges each at its target year.
pub fn load(conn: &Connection, scope: &Scope) -> Result<Vec<ScopedPlan>, ApiError> {
    let year = scope.period.year();
    let mut out = Vec::new();
    for plan in series::load(conn, scope.plan_id)? {
        let included = match scope.kind {
            _ if scope.plan_id.is_some() => true,
            ReportKind::Completion => plan.plan.target_year.or(plan.plan.period_end) == Some(year),
            _ => covers(&plan.plan, year),
        };
        if !included {
            continue;
        }
        let period = match scope.kind {
            ReportKind::Completion => review_period(&plan.plan, scope.period),
            _ => scope.period,
        };
        let rows: Vec<ScopedRow> = plan
            .indicators
            .into_iter()
            .filter(|s| {
                scope.department_id.is_none()
                    || s.indicator.lead_department_id == scope.department_id
            })
            .map(|s| ScopedRow {
                status: evaluate_series(&s, period),
                series: s,
            })
            .collect();
        if !rows.is_empty() {
            out.push(ScopedPlan {
                plan: plan.plan,
                rows,
            });
        }
    }
    if out.is_empty() {
        return Err(ApiError::new(
            ErrorCode::NotFound,
            format!(
                "{}没有可报告的指标：请检查所选规划、部门和期间",
                scope.period.label_zh()
            ),
        ));
    }
    Ok(out)
}
