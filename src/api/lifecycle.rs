//! Plan lifecycle use cases: each plan's phase today, the period a picker opens on, and the
//! nearest period that has something to report when the one asked for has nothing.

use crate::store::Sql;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::report::{scope, ReportRequest};
use super::ApiError;
use crate::model::{reporting_quarter, Period, PlanPhase};
use crate::report::ReportKind;
use crate::store::series::PlanPeriods;

/// "Today" for lifecycle decisions: the settings store's (`ZHIBIAO_TODAY`, the database's
/// fixed date, the clock). A malformed `ZHIBIAO_TODAY` is an error, never silently the clock.
pub fn today(conn: &impl Sql) -> Result<NaiveDate, ApiError> {
    Ok(super::settings::today(conn)?.date)
}

/// One plan's lifecycle on a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanLifecycle {
    #[ts(type = "number")]
    pub plan_id: i64,
    pub title: String,
    pub phase: PlanPhase,
    pub first_year: Option<i32>,
    pub last_year: Option<i32>,
    /// The year an ended plan is judged at (总结评估).
    pub review_year: Option<i32>,
    /// e.g. 已结束：按2025年完成情况评估; 执行中（2026—2030年）.
    pub note: String,
}

/// Every plan's lifecycle on `today`.
pub fn plan_lifecycles(conn: &impl Sql, today: NaiveDate) -> Result<Vec<PlanLifecycle>, ApiError> {
    let plans = crate::store::plans::list(conn)?;
    Ok(plans
        .into_iter()
        .map(|s| {
            let p = s.plan;
            let phase = p.phase(today);
            let years = p.years();
            let note = match (phase, p.review_year(), years) {
                (PlanPhase::Ended, Some(y), _) => format!("已结束：按{y}年完成情况评估"),
                (_, _, Some((f, l))) => format!("{}（{f}—{l}年）", phase.as_zh()),
                _ => phase.as_zh().to_string(),
            };
            PlanLifecycle {
                plan_id: p.id,
                title: p.title.clone(),
                phase,
                first_year: years.map(|y| y.0),
                last_year: years.map(|y| y.1),
                review_year: p.review_year(),
                note,
            }
        })
        .collect())
}

/// Which periods a picker offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PeriodGranularity {
    Quarter,
    Year,
    /// Either; a year sorts after its own fourth quarter.
    Any,
}

impl PeriodGranularity {
    fn fit(self, p: Period) -> Period {
        match (self, p) {
            (PeriodGranularity::Quarter, Period::Year(y)) => Period::Quarter(y, 4),
            (PeriodGranularity::Year, Period::Quarter(y, _)) => Period::Year(y),
            _ => p,
        }
    }
}

/// The selection a picker belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PeriodSelection {
    #[ts(type = "number | null")]
    pub plan_id: Option<i64>,
    #[ts(type = "number | null")]
    pub department_id: Option<i64>,
    pub granularity: PeriodGranularity,
}

/// The period a picker opens on, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DefaultPeriod {
    pub period: Period,
    pub reason: String,
}

/// Plans of the selection that have indicators in it, with their periods that hold data.
fn selected(
    conn: &impl Sql,
    plan_id: Option<i64>,
    department_id: Option<i64>,
) -> Result<Vec<PlanPeriods>, ApiError> {
    super::evaluation_cache::periods_with_data(conn, plan_id, department_id)
}

/// Periods that hold a value for the plan, within its years (values after its end are
/// 规划期外数据 and do not count).
fn observed_periods(plan: &PlanPeriods) -> impl Iterator<Item = Period> + '_ {
    plan.periods
        .iter()
        .copied()
        .filter(|p| !plan.plan.is_after_end(*p))
}

/// The latest period with something to show for one plan: a running plan's current
/// reporting quarter (its year for annual pickers: the last full year with data), an ended
/// plan's latest period with data (else its review year).
fn plan_candidate(plan: &PlanPeriods, g: PeriodGranularity, today: NaiveDate) -> Option<Period> {
    let latest = observed_periods(plan)
        .filter(|p| p.year() <= today.year())
        .max();
    match plan.plan.phase(today) {
        PlanPhase::NotStarted => None,
        PlanPhase::Running => match g {
            PeriodGranularity::Year => latest.map(|p| g.fit(p)),
            _ => Some(reporting_quarter(today)),
        },
        PlanPhase::Ended => latest
            .or(plan.plan.review_year().map(Period::Year))
            .map(|p| g.fit(p)),
    }
}

/// The period a picker opens on: the latest period that has data for the selection (for
/// running plans, the current reporting quarter).
pub fn default_period(
    conn: &impl Sql,
    sel: &PeriodSelection,
    today: NaiveDate,
) -> Result<DefaultPeriod, ApiError> {
    let plans = selected(conn, sel.plan_id, sel.department_id)?;
    let g = sel.granularity;
    let best = plans
        .iter()
        .filter_map(|p| Some((plan_candidate(p, g, today)?, p)))
        .max_by_key(|(period, _)| *period);
    Ok(match best {
        Some((period, p))
            if p.plan.phase(today) == PlanPhase::Running && g != PeriodGranularity::Year =>
        {
            DefaultPeriod {
                period,
                reason: format!("《{}》执行中：当前报告期", p.plan.title),
            }
        }
        Some((period, p)) => DefaultPeriod {
            period,
            reason: format!("《{}》有数据的最近期间", p.plan.title),
        },
        None => DefaultPeriod {
            period: g.fit(reporting_quarter(today)),
            reason: "所选范围内没有数据：当前报告期".to_string(),
        },
    })
}

/// The period nearest to the request's that would produce a report, when the requested one
/// has nothing to report; `None` when none does.
pub fn nearest_report_period(
    conn: &impl Sql,
    req: &ReportRequest,
    today: NaiveDate,
) -> Result<Option<Period>, ApiError> {
    let wanted = req.scope()?;
    let g = match wanted.kind {
        ReportKind::Quarterly => PeriodGranularity::Quarter,
        _ => PeriodGranularity::Year,
    };
    let plans = selected(conn, req.plan_id, req.department_id)?;
    let mut candidates: Vec<Period> = plans
        .iter()
        .flat_map(|p| {
            let running =
                (p.plan.phase(today) == PlanPhase::Running).then(|| reporting_quarter(today));
            observed_periods(p)
                .chain(running)
                .chain(p.plan.review_year().map(Period::Year))
        })
        .map(|p| g.fit(p))
        .filter(|p| *p != req.period)
        .collect();
    candidates.sort();
    candidates.dedup();
    let at = req.period.as_year_fraction();
    candidates.sort_by(|a, b| {
        let (da, db) = (
            (a.as_year_fraction() - at).abs(),
            (b.as_year_fraction() - at).abs(),
        );
        // Nearest first; of two as near, the later.
        da.total_cmp(&db).then(b.cmp(a))
    });
    for period in candidates {
        let mut s = wanted.clone();
        s.period = period;
        if scope::load(conn, &s).is_ok() {
            return Ok(Some(period));
        }
    }
    Ok(None)
}

/// What an indicator page shows in its title, for any indicator (completion-review rows
/// included, which are not monitored).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct IndicatorHeading {
    #[ts(type = "number")]
    pub indicator_id: i64,
    pub name: String,
    pub unit: Option<String>,
    #[ts(type = "number")]
    pub plan_id: i64,
    pub plan_title: String,
    pub phase: PlanPhase,
    /// e.g. 已结束：按2025年完成情况评估.
    pub phase_note: String,
    /// The plan's last year: values of later periods are 规划期外数据.
    pub last_year: Option<i32>,
    /// A row of a completion review (上期完成情况): history, not monitored.
    pub review_row: bool,
}

pub fn indicator_heading(
    conn: &impl Sql,
    indicator_id: i64,
    today: NaiveDate,
) -> Result<IndicatorHeading, ApiError> {
    let ind = crate::store::indicators::get(conn, indicator_id)?;
    let plan = crate::store::plans::get(conn, ind.plan_id)?;
    let review_row = crate::store::plans::tables(conn, plan.id)?
        .iter()
        .any(|t| t.id == ind.table_id && t.kind == crate::model::TableKind::CompletionReview);
    let life = plan_lifecycles(conn, today)?
        .into_iter()
        .find(|l| l.plan_id == plan.id);
    Ok(IndicatorHeading {
        indicator_id,
        name: ind.draft.name,
        unit: ind.draft.unit,
        plan_id: plan.id,
        plan_title: plan.title.clone(),
        phase: plan.phase(today),
        last_year: plan.years().map(|y| y.1),
        phase_note: life.map(|l| l.note).unwrap_or_default(),
        review_row,
    })
}
