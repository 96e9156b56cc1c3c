//! Target feasibility of new plans (目标可行性): for each indicator, the pace its target asks
//! for beside the pace its linked predecessor realised, the predecessor's trend at the new
//! target year, 偏高 / 合理 / 偏低, and proposed annual targets a manager may save.

use crate::store::{Database, Sql, Write};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::links::{lineage, LinkedIndicator};
use super::session::{actor, authorize};
use super::{ApiError, ErrorCode};
use crate::auth::{permission, Session};
use crate::eval::{assess_feasibility, FeasibilityInput, FeasibilityResult, History};
use crate::model::{Attribute, PlanPhase};
use crate::store::series::{self, PlanSeries};
use crate::store::{links, submissions, targets};
use crate::succession::{plans_meet, BaselineShift};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FeasibilityRow {
    pub indicator: LinkedIndicator,
    pub category: Option<String>,
    pub attribute: Option<Attribute>,
    pub baseline_raw: Option<String>,
    pub baseline_year: Option<i32>,
    pub predecessor: Option<LinkedIndicator>,
    pub baseline_shift: Option<BaselineShift>,
    pub result: FeasibilityResult,
    /// Annual targets already saved: (year, value).
    pub saved: Vec<(i32, f64)>,
}

/// The plans a feasibility review covers: the one asked for, else every plan that follows
/// another (a successor plan), else every plan not yet ended.
fn plans_in(conn: &impl Sql, plan_id: Option<i64>) -> Result<Vec<PlanSeries>, ApiError> {
    let all = series::load(conn, plan_id)?;
    if plan_id.is_some() {
        return Ok(all);
    }
    let every = crate::store::plans::list(conn)?;
    let follows = |p: &PlanSeries| every.iter().any(|e| plans_meet(&e.plan, &p.plan));
    let today = super::lifecycle::today(conn)?;
    let (successors, others): (Vec<_>, Vec<_>) = all.into_iter().partition(follows);
    Ok(match successors.is_empty() {
        false => successors,
        true => others
            .into_iter()
            .filter(|p| p.plan.phase(today) != PlanPhase::Ended)
            .collect(),
    })
}

/// The feasibility of every indicator of the covered plans, binding first.
pub fn feasibility(conn: &impl Sql, plan_id: Option<i64>) -> Result<Vec<FeasibilityRow>, ApiError> {
    let mut rows = Vec::new();
    for plan in plans_in(conn, plan_id)? {
        for s in &plan.indicators {
            let (Some(base), Some(target_year)) = (s.baseline_year, s.target_year) else {
                continue;
            };
            let lin = lineage(conn, s.indicator.id)?;
            let link = links::of_successor(conn, s.indicator.id)?;
            let pred = match &link {
                Some(l) => series::load(
                    conn,
                    lin.predecessor.as_ref().map(|p| p.predecessor.plan_id),
                )?
                .into_iter()
                .flat_map(|p| p.indicators)
                .find(|x| x.indicator.id == l.predecessor_id),
                None => None,
            };
            let history = match (&link, &pred) {
                (Some(l), Some(p)) => Some(History {
                    baseline_year: p.baseline_year.unwrap_or(base - 5),
                    baseline: p.indicator.draft.baseline.as_ref().and_then(|b| b.value),
                    end_year: p.target_year.unwrap_or(base),
                    observations: &p.observations,
                    table_actual: p.indicator.draft.actual.as_ref().and_then(|a| a.value),
                    factor: l.factor,
                }),
                _ => None,
            };
            let result = assess_feasibility(&FeasibilityInput {
                indicator: &s.indicator,
                revised_target: s.revised_target.as_ref(),
                baseline_year: base,
                target_year,
                history,
            });
            rows.push(FeasibilityRow {
                indicator: lin.indicator,
                category: s.indicator.draft.category.clone(),
                attribute: s.indicator.draft.attribute,
                baseline_raw: s.indicator.draft.baseline.as_ref().map(|b| b.raw.clone()),
                baseline_year: Some(base),
                predecessor: lin.predecessor.map(|p| p.predecessor),
                baseline_shift: lin.baseline_shift,
                result,
                saved: s.annual_targets.clone(),
            });
        }
    }
    // Binding first; the stable sort keeps table order.
    rows.sort_by_key(|r| match r.attribute {
        Some(Attribute::Binding) => 0,
        Some(Attribute::Expected) => 1,
        None => 2,
    });
    Ok(rows)
}

/// Saves edited annual targets (年度目标分解) of one indicator, all or none (审核员 or 管理员).
pub fn save_annual_targets(
    conn: &mut impl Database,
    s: &Session,
    indicator_id: i64,
    values: &[(i32, f64)],
) -> Result<usize, ApiError> {
    let s = authorize(conn, s)?;
    permission::can_set_targets(&s)?;
    submissions::scope_indicator(conn, indicator_id)?;
    if let Some((y, v)) = values
        .iter()
        .find(|(y, v)| !v.is_finite() || !(1900..=2200).contains(y))
    {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!("{y}年的年度目标 {v} 无效"),
        ));
    }
    let who = actor(&s);
    let tx = conn.transaction()?;
    for (year, value) in values {
        targets::set_annual(&tx, &who, indicator_id, *year, *value, Some("年度目标分解"))?;
    }
    tx.commit()?;
    Ok(values.len())
}
