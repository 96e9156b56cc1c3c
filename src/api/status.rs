//! Status of every indicator at a period, with roll-ups by plan, category, attribute and
//! department; binding lagging indicators first.

use crate::store::Sql;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ApiError, ErrorCode};
use crate::eval::{
    self, lagging_first, roll_up, EvalInput, GroupRollUp, IndicatorStatus, Label, Reason, RollUp,
};
use crate::model::{Attribute, Period, Plan, PlanPhase};
use crate::store::series::{self, IndicatorSeries, PlanSeries};

/// Which indicators to show.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct StatusFilter {
    #[ts(type = "number | null")]
    pub plan_id: Option<i64>,
    #[ts(type = "number | null")]
    pub department_id: Option<i64>,
    pub attribute: Option<Attribute>,
    /// Rows with this label only (roll-ups still count every label).
    pub label: Option<Label>,
}

/// One indicator's row: what it is, and its status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StatusRow {
    #[ts(type = "number")]
    pub plan_id: i64,
    pub plan_title: String,
    pub seq: Option<String>,
    pub category: Option<String>,
    pub name: String,
    pub unit: Option<String>,
    pub attribute: Option<Attribute>,
    #[ts(type = "number | null")]
    pub department_id: Option<i64>,
    pub department: Option<String>,
    /// The cells as written in the plan (or the latest revision for the target).
    pub baseline_raw: Option<String>,
    pub target_raw: Option<String>,
    pub baseline_year: Option<i32>,
    pub target_year: Option<i32>,
    pub status: IndicatorStatus,
    /// The reason as a Chinese sentence.
    pub reason: String,
    /// 未开始 / 执行中 / 已结束 on the day the report was asked for.
    pub phase: PlanPhase,
    /// Set when the plan ended before the period asked for and is judged at its target year
    /// instead: "已结束：按2025年完成情况评估".
    pub lifecycle_note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StatusReport {
    pub period: Period,
    /// Binding lagging indicators first, then other lagging ones, then table order.
    pub rows: Vec<StatusRow>,
    pub overall: RollUp,
    pub by_plan: Vec<GroupRollUp>,
    pub by_category: Vec<GroupRollUp>,
    pub by_attribute: Vec<GroupRollUp>,
    pub by_department: Vec<GroupRollUp>,
}

/// Evaluates one loaded indicator at `period`.
pub fn evaluate_series(s: &IndicatorSeries, period: Period) -> IndicatorStatus {
    let (Some(baseline_year), Some(target_year)) = (s.baseline_year, s.target_year) else {
        return IndicatorStatus::not_evaluable(s.indicator.id, period, Reason::PlanYearsMissing);
    };
    let input = EvalInput {
        indicator: &s.indicator,
        observations: &s.observations,
        annual_targets: &s.annual_targets,
        revised_target: s.revised_target.as_ref(),
        baseline_year,
        target_year,
    };
    eval::evaluate(&input, period)
}

/// One indicator's row at `period`, judged at the plan's target year when the plan ended
/// before `period`.
fn row(plan: &PlanSeries, s: &IndicatorSeries, period: Period, today: NaiveDate) -> StatusRow {
    let judged = plan.plan.judged_period(period, today).period;
    let status = evaluate_series(s, judged);
    let ind = &s.indicator;
    let target = s.revised_target.as_ref().or(ind.draft.target.as_ref());
    let mut row = StatusRow {
        plan_id: plan.plan.id,
        plan_title: plan.plan.title.clone(),
        seq: ind.draft.seq.clone(),
        category: ind.draft.category.clone(),
        name: ind.draft.name.clone(),
        unit: ind.draft.unit.clone(),
        attribute: ind.draft.attribute,
        department_id: ind.lead_department_id,
        department: s.department.clone(),
        baseline_raw: ind.draft.baseline.as_ref().map(|v| v.raw.clone()),
        target_raw: target.map(|v| v.raw.clone()),
        baseline_year: s.baseline_year,
        target_year: s.target_year,
        reason: status.reason_zh(),
        status,
        phase: PlanPhase::Running,
        lifecycle_note: None,
    };
    restamp(&mut row, &plan.plan, period, today);
    row
}

/// Sets what of `row` depends on the day: the plan's phase and the ended plan's note. The
/// status itself does not (the period judged depends only on the plan's years), so rows
/// evaluated on another day are brought to `today` with this alone.
pub(crate) fn restamp(row: &mut StatusRow, plan: &Plan, period: Period, today: NaiveDate) {
    row.phase = plan.phase(today);
    row.lifecycle_note = plan.judged_period(period, today).note;
}

/// One indicator's row at `period`. Completion-review rows are not monitored: not found.
pub fn indicator_status(
    conn: &impl Sql,
    indicator_id: i64,
    period: Period,
) -> Result<StatusRow, ApiError> {
    indicator_status_on(conn, indicator_id, period, super::lifecycle::today(conn)?)
}

/// [`indicator_status`] on a given day.
pub fn indicator_status_on(
    conn: &impl Sql,
    indicator_id: i64,
    period: Period,
    today: NaiveDate,
) -> Result<StatusRow, ApiError> {
    let plan_id = crate::store::indicators::get(conn, indicator_id)?.plan_id;
    let plans = series::load(conn, Some(plan_id))?;
    plans
        .iter()
        .find_map(|plan| {
            let s = plan
                .indicators
                .iter()
                .find(|s| s.indicator.id == indicator_id)?;
            Some(row(plan, s, period, today))
        })
        .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "该指标不参与监测评估"))
}

/// The status report for `period` under `filter`; ended plans are judged at their target
/// year (see [`crate::model::Plan::judged_period`]).
pub fn status(
    conn: &impl Sql,
    period: Period,
    filter: &StatusFilter,
) -> Result<StatusReport, ApiError> {
    status_on(conn, period, filter, super::lifecycle::today(conn)?)
}

/// [`status`] on a given day.
pub fn status_on(
    conn: &impl Sql,
    period: Period,
    filter: &StatusFilter,
    today: NaiveDate,
) -> Result<StatusReport, ApiError> {
    let mut rows = evaluate_rows(conn, period, filter, today)?;
    let mut overall = RollUp::empty();
    for r in &rows {
        overall.add(r.status.label, r.attribute);
    }
    let group = |key: fn(&StatusRow) -> &str| {
        roll_up(rows.iter().map(|r| (key(r), r.status.label, r.attribute)))
    };
    let by_plan = group(|r| r.plan_title.as_str());
    let by_category = group(|r| r.category.as_deref().unwrap_or("未分类"));
    let by_attribute = group(|r| r.attribute.map_or("未标注", Attribute::as_str));
    let by_department = group(|r| r.department.as_deref().unwrap_or("未指定责任单位"));
    if let Some(label) = filter.label {
        rows.retain(|r| r.status.label == label);
    }
    rows.sort_by_key(|r| lagging_first(r.attribute, r.status.label));
    Ok(StatusReport {
        period,
        rows,
        overall,
        by_plan,
        by_category,
        by_attribute,
        by_department,
    })
}

/// Every monitored indicator in scope of `filter` (plan, department, attribute; not the
/// label) evaluated at `period`, in table order.
pub fn evaluate_rows(
    conn: &impl Sql,
    period: Period,
    filter: &StatusFilter,
    today: NaiveDate,
) -> Result<Vec<StatusRow>, ApiError> {
    let plans = series::load(conn, filter.plan_id)?;
    Ok(rows_of_series(&plans, period, filter, today))
}

/// [`evaluate_rows`] over series already loaded (of every plan, or of the filter's plan).
pub fn rows_of_series(
    plans: &[PlanSeries],
    period: Period,
    filter: &StatusFilter,
    today: NaiveDate,
) -> Vec<StatusRow> {
    let mut rows = Vec::new();
    for plan in plans {
        if filter.plan_id.is_some_and(|id| id != plan.plan.id) {
            continue;
        }
        for s in &plan.indicators {
            let ind = &s.indicator;
            if filter.department_id.is_some() && ind.lead_department_id != filter.department_id {
                continue;
            }
            if filter.attribute.is_some() && ind.draft.attribute != filter.attribute {
                continue;
            }
            rows.push(row(plan, s, period, today));
        }
    }
    rows
}
