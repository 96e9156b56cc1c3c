//! Which indicators a report or export covers, evaluated at its period.

use crate::store::Sql;
use chrono::NaiveDate;

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
    /// The linked successors' targets, e.g. 5500（2030年）; `None` without a successor.
    pub successor_target: Option<String>,
    /// The linked predecessor's values in this indicator's unit (one trajectory across
    /// both plans in the charts); empty without a predecessor.
    pub earlier: Vec<crate::chart::TrajectoryPoint>,
}

#[derive(Debug, Clone)]
pub struct ScopedPlan {
    pub plan: Plan,
    /// The period the plan was judged at: the report's, or the target year of a plan that
    /// ended before it (and of a completion review).
    pub period: Period,
    /// "已结束：按2025年完成情况评估" when that differs from the report's period.
    pub note: Option<String>,
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
/// plan asked for) and judges each at its target year. A plan asked for by id that ended
/// before the period is judged at its target year, never later.
pub fn load(conn: &impl Sql, scope: &Scope) -> Result<Vec<ScopedPlan>, ApiError> {
    load_on(conn, scope, crate::api::lifecycle::today(conn)?)
}

/// [`load`] on a given day.
pub fn load_on(
    conn: &impl Sql,
    scope: &Scope,
    today: NaiveDate,
) -> Result<Vec<ScopedPlan>, ApiError> {
    let year = scope.period.year();
    let mut out = Vec::new();
    let mut seen: Vec<Looked> = Vec::new();
    for plan in series::load(conn, scope.plan_id)? {
        let included = match scope.kind {
            _ if scope.plan_id.is_some() => true,
            ReportKind::Completion => plan.plan.target_year.or(plan.plan.period_end) == Some(year),
            _ => covers(&plan.plan, year),
        };
        seen.push(Looked {
            title: plan.plan.title.clone(),
            years: plan.plan.years(),
            department_filtered: included && scope.department_id.is_some(),
        });
        if !included {
            continue;
        }
        let (period, note) = match scope.kind {
            ReportKind::Completion => (review_period(&plan.plan, scope.period), None),
            _ => {
                let j = plan.plan.judged_period(scope.period, today);
                (j.period, j.note)
            }
        };
        let rows: Vec<ScopedRow> = plan
            .indicators
            .into_iter()
            .filter(|s| {
                scope.department_id.is_none()
                    || s.indicator.lead_department_id == scope.department_id
            })
            .map(|s| {
                Ok(ScopedRow {
                    status: evaluate_series(&s, period),
                    successor_target: successor_target(conn, s.indicator.id)?,
                    earlier: crate::api::links::earlier_points(conn, s.indicator.id)?,
                    series: s,
                })
            })
            .collect::<Result<_, ApiError>>()?;
        if !rows.is_empty() {
            out.push(ScopedPlan {
                plan: plan.plan,
                period,
                note,
                rows,
            });
        }
    }
    if out.is_empty() {
        return Err(ApiError::new(
            ErrorCode::NotFound,
            format!(
                "{}没有可报告的指标：{}",
                scope.period.label_zh(),
                why_empty(scope, &seen)
            ),
        ));
    }
    Ok(out)
}

/// A plan a scope looked at, to say why the scope holds nothing.
struct Looked {
    title: String,
    years: Option<(i32, i32)>,
    /// Included, but only the department's indicators were kept (and it leads none).
    department_filtered: bool,
}

/// Why a scope holds nothing, from the plans looked at.
fn why_empty(scope: &Scope, seen: &[Looked]) -> String {
    if seen.is_empty() {
        return "数据库中还没有规划".to_string();
    }
    if seen.iter().any(|s| s.department_filtered) {
        return "所选部门在这些规划中没有牵头的指标".to_string();
    }
    let year = scope.period.year();
    let periods: Vec<String> = seen
        .iter()
        .filter_map(|s| s.years.map(|(f, l)| format!("《{}》{f}—{l}年", s.title)))
        .take(4)
        .collect();
    let what = match scope.kind {
        ReportKind::Completion => format!("没有在{year}年到期的规划"),
        _ => format!("没有规划期包含{year}年的规划"),
    };
    match periods.is_empty() {
        true => what,
        false => format!("{what}（{}）", periods.join("，")),
    }
}

/// The successors' targets as one cell: 5500（2030年）, or the successors named for a split.
fn successor_target(conn: &impl Sql, indicator_id: i64) -> Result<Option<String>, ApiError> {
    let list = crate::store::links::successor_targets(conn, indicator_id)?;
    let cell = |s: &crate::store::links::SuccessorTarget| {
        let t = s.target.as_ref().map_or("—", |v| v.raw.as_str());
        let y = s
            .target_year
            .map(|y| format!("（{y}年）"))
            .unwrap_or_default();
        match list.len() {
            1 => format!("{t}{y}"),
            _ => format!("{}：{t}{y}", s.name),
        }
    };
    Ok((!list.is_empty()).then(|| list.iter().map(cell).collect::<Vec<_>>().join("；")))
}
