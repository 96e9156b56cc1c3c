//! Successor links: proposals between plans of the same issuer whose periods meet, a
//! person's confirmation or correction, and one indicator's lineage (its predecessor and
//! successors, the joined trajectory, the 基数口径调整 check).

use std::collections::HashMap;

use crate::store::{Database, Sql, Write};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::session::{actor, authorize};
use super::{ApiError, ErrorCode};
use crate::auth::{permission, Session};
use crate::model::{Indicator, Plan};
use crate::store::series::{self, IndicatorSeries, PlanSeries};
use crate::store::{self, links};
use crate::succession::{
    self, joined_trajectory, plans_meet, BaselineShift, Candidate, JoinedPoint, SuccessorLink,
};

/// An indicator named with its plan, for lists and pickers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LinkedIndicator {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub unit: Option<String>,
    #[ts(type = "number")]
    pub plan_id: i64,
    pub plan_title: String,
    pub target_raw: Option<String>,
    pub target_year: Option<i32>,
}

/// A proposed link, named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LinkSuggestion {
    pub predecessor: LinkedIndicator,
    pub successor: LinkedIndicator,
    pub factor: f64,
    pub similarity: f64,
    pub reason: String,
}

/// A confirmed link, named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LinkView {
    pub predecessor: LinkedIndicator,
    pub successor: LinkedIndicator,
    pub factor: f64,
    pub note: Option<String>,
}

/// What a person confirms or corrects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LinkInput {
    #[ts(type = "number")]
    pub successor_id: i64,
    #[ts(type = "number")]
    pub predecessor_id: i64,
    /// 1 when absent.
    pub factor: Option<f64>,
    pub note: Option<String>,
}

/// One indicator's place across plans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Lineage {
    pub indicator: LinkedIndicator,
    pub predecessor: Option<LinkView>,
    pub successors: Vec<LinkView>,
    /// Predecessor values (converted) then this indicator's, oldest first; empty without a
    /// predecessor.
    pub points: Vec<JoinedPoint>,
    pub baseline_shift: Option<BaselineShift>,
    /// Proposals for this indicator as successor, when it has no link yet.
    pub suggestions: Vec<LinkSuggestion>,
    /// Indicators it may be linked to (plans of the same issuer whose periods meet).
    pub candidates: Vec<LinkedIndicator>,
}

fn named(plan: &Plan, ind: &Indicator, target_year: Option<i32>) -> LinkedIndicator {
    LinkedIndicator {
        id: ind.id,
        name: ind.draft.name.clone(),
        unit: ind.draft.unit.clone(),
        plan_id: plan.id,
        plan_title: plan.title.clone(),
        target_raw: ind.draft.target.as_ref().map(|v| v.raw.clone()),
        target_year,
    }
}

fn candidate(s: &IndicatorSeries) -> Candidate<'_> {
    Candidate {
        id: s.indicator.id,
        name: &s.indicator.draft.name,
        unit: s.indicator.draft.unit.as_deref(),
        department_id: s.indicator.lead_department_id,
    }
}

/// Every monitored indicator by id, with its plan.
struct Catalogue {
    plans: Vec<PlanSeries>,
    index: HashMap<i64, (usize, usize)>,
}

impl Catalogue {
    fn load(conn: &impl Sql) -> Result<Self, ApiError> {
        let plans = series::load(conn, None)?;
        let mut index = HashMap::new();
        for (i, p) in plans.iter().enumerate() {
            for (j, s) in p.indicators.iter().enumerate() {
                index.insert(s.indicator.id, (i, j));
            }
        }
        Ok(Catalogue { plans, index })
    }

    fn get(&self, id: i64) -> Option<(&PlanSeries, &IndicatorSeries)> {
        let &(i, j) = self.index.get(&id)?;
        Some((&self.plans[i], &self.plans[i].indicators[j]))
    }

    fn named(&self, id: i64) -> Result<LinkedIndicator, ApiError> {
        let (p, s) = self.get(id).ok_or_else(|| not_monitored(id))?;
        Ok(named(&p.plan, &s.indicator, s.target_year))
    }

    fn view(&self, l: &SuccessorLink) -> Result<LinkView, ApiError> {
        Ok(LinkView {
            predecessor: self.named(l.predecessor_id)?,
            successor: self.named(l.successor_id)?,
            factor: l.factor,
            note: l.note.clone(),
        })
    }

    /// Pairs of plans (earlier, later) that meet.
    fn meeting(&self) -> Vec<(&PlanSeries, &PlanSeries)> {
        let mut out = Vec::new();
        for a in &self.plans {
            for b in &self.plans {
                if plans_meet(&a.plan, &b.plan) {
                    out.push((a, b));
                }
            }
        }
        out
    }
}

fn not_monitored(id: i64) -> ApiError {
    ApiError::new(
        ErrorCode::NotFound,
        format!("未找到指标（编号 {id}），或该指标属于完成情况表，不参与接续"),
    )
}

/// Proposals for every successor not yet linked, between plans that meet; never across
/// issuers.
pub fn link_suggestions(conn: &impl Sql) -> Result<Vec<LinkSuggestion>, ApiError> {
    let cat = Catalogue::load(conn)?;
    let linked: Vec<i64> = links::all(conn)?.iter().map(|l| l.successor_id).collect();
    let mut out = Vec::new();
    for (earlier, later) in cat.meeting() {
        let before: Vec<Candidate> = earlier.indicators.iter().map(candidate).collect();
        let after: Vec<Candidate> = later
            .indicators
            .iter()
            .filter(|s| !linked.contains(&s.indicator.id))
            .map(candidate)
            .collect();
        for s in succession::suggest(&before, &after) {
            out.push(LinkSuggestion {
                predecessor: cat.named(s.predecessor_id)?,
                successor: cat.named(s.successor_id)?,
                factor: s.factor,
                similarity: s.similarity,
                reason: s.reason,
            });
        }
    }
    Ok(out)
}

/// Every confirmed link.
pub fn successor_links(conn: &impl Sql) -> Result<Vec<LinkView>, ApiError> {
    let cat = Catalogue::load(conn)?;
    links::all(conn)?.iter().map(|l| cat.view(l)).collect()
}

/// Confirms or corrects a link (审核员 or 管理员). The two plans must meet.
pub fn save_link(
    conn: &mut impl Database,
    s: &Session,
    input: &LinkInput,
) -> Result<LinkView, ApiError> {
    let s = authorize(conn, s)?;
    permission::can_set_targets(&s)?;
    let link = checked_link(conn, input)?;
    let tx = conn.transaction()?;
    links::save(&tx, &actor(&s), &link)?;
    tx.commit()?;
    Catalogue::load(conn)?.view(&link)
}

/// The link as stored, after the rules: monitored indicators, plans that meet, a positive
/// factor.
pub fn checked_link(conn: &impl Sql, input: &LinkInput) -> Result<SuccessorLink, ApiError> {
    let invalid = |m: String| ApiError::new(ErrorCode::InvalidInput, m);
    let factor = input.factor.unwrap_or(1.0);
    if !(factor.is_finite() && factor > 0.0) {
        return Err(invalid(format!("换算系数应为正数，而不是 {factor}")));
    }
    let cat = Catalogue::load(conn)?;
    let (pp, pi) = cat
        .get(input.predecessor_id)
        .ok_or_else(|| not_monitored(input.predecessor_id))?;
    let (sp, si) = cat
        .get(input.successor_id)
        .ok_or_else(|| not_monitored(input.successor_id))?;
    if !plans_meet(&pp.plan, &sp.plan) {
        return Err(invalid(format!(
            "“{}”（《{}》）不能接续“{}”（《{}》）：只有同一发文机关、规划期前后衔接的规划之间才能建立接续关系",
            si.indicator.draft.name, sp.plan.title, pi.indicator.draft.name, pp.plan.title
        )));
    }
    Ok(SuccessorLink {
        predecessor_id: input.predecessor_id,
        successor_id: input.successor_id,
        factor,
        note: input
            .note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string),
    })
}

/// Removes a successor's link (审核员 or 管理员).
pub fn remove_link(
    conn: &mut impl Database,
    s: &Session,
    successor_id: i64,
) -> Result<bool, ApiError> {
    let s = authorize(conn, s)?;
    permission::can_set_targets(&s)?;
    let tx = conn.transaction()?;
    let removed = links::remove(&tx, &actor(&s), successor_id)?;
    tx.commit()?;
    Ok(removed)
}

/// One indicator's predecessor, successors, joined trajectory and proposals.
pub fn lineage(conn: &impl Sql, indicator_id: i64) -> Result<Lineage, ApiError> {
    let cat = Catalogue::load(conn)?;
    let (plan, me) = cat
        .get(indicator_id)
        .ok_or_else(|| not_monitored(indicator_id))?;
    let link = links::of_successor(conn, indicator_id)?;
    let predecessor = link.as_ref().map(|l| cat.view(l)).transpose()?;
    let successors = links::of_predecessor(conn, indicator_id)?
        .iter()
        .map(|l| cat.view(l))
        .collect::<Result<Vec<_>, _>>()?;
    let (points, baseline_shift) = match (&link, me.baseline_year) {
        (Some(l), Some(base)) => {
            let (pp, ps) = cat
                .get(l.predecessor_id)
                .ok_or_else(|| not_monitored(l.predecessor_id))?;
            let end = ps
                .target_year
                .or(pp.plan.years().map(|y| y.1))
                .unwrap_or(base);
            let baseline = me.indicator.draft.baseline.as_ref().and_then(|b| b.value);
            joined_trajectory(
                &ps.observations,
                end,
                l.factor,
                &me.observations,
                base,
                baseline,
            )
        }
        _ => (Vec::new(), None),
    };
    let mut candidates = Vec::new();
    for (earlier, later) in cat.meeting() {
        if later.plan.id == plan.plan.id {
            candidates.extend(
                earlier
                    .indicators
                    .iter()
                    .map(|s| named(&earlier.plan, &s.indicator, s.target_year)),
            );
        }
    }
    let suggestions = match link {
        Some(_) => Vec::new(),
        None => link_suggestions(conn)?
            .into_iter()
            .filter(|s| s.successor.id == indicator_id)
            .collect(),
    };
    Ok(Lineage {
        indicator: named(&plan.plan, &me.indicator, me.target_year),
        predecessor,
        successors,
        points,
        baseline_shift,
        suggestions,
        candidates,
    })
}

/// Stores every proposal as a confirmed link (used for the demo, where the proposals were
/// checked by hand; the app always asks a person). Returns how many were stored.
pub fn confirm_all_suggestions(tx: &impl Write, who: &store::Actor) -> Result<usize, ApiError> {
    let proposals = link_suggestions(tx)?;
    for p in &proposals {
        links::save(
            tx,
            who,
            &SuccessorLink {
                predecessor_id: p.predecessor.id,
                successor_id: p.successor.id,
                factor: p.factor,
                note: Some(p.reason.clone()),
            },
        )?;
    }
    Ok(proposals.len())
}

/// The values of the indicator `successor_id` continues, converted to its unit, from the
/// predecessor's baseline to its last year (the earlier part of one trajectory); empty
/// without a link.
pub fn earlier_points(
    conn: &impl Sql,
    successor_id: i64,
) -> Result<Vec<crate::chart::TrajectoryPoint>, ApiError> {
    use crate::chart::TrajectoryPoint;
    use crate::model::Period;
    let Some(link) = links::of_successor(conn, successor_id)? else {
        return Ok(Vec::new());
    };
    let pred = store::indicators::get(conn, link.predecessor_id)?;
    let plan = store::plans::get(conn, pred.plan_id)?;
    let end = plan.years().map(|y| y.1).unwrap_or(i32::MAX);
    let mut out: Vec<TrajectoryPoint> = Vec::new();
    if let (Some(b), Some(y)) = (
        pred.draft.baseline.as_ref().and_then(|v| v.value),
        plan.baseline_year,
    ) {
        out.push(TrajectoryPoint {
            period: Period::Year(y),
            value: b * link.factor,
        });
    }
    for o in store::observations::for_indicator(conn, link.predecessor_id)? {
        match (o.period, o.value) {
            (Period::Year(y), Some(v)) if y <= end && !out.iter().any(|p| p.period == o.period) => {
                out.push(TrajectoryPoint {
                    period: o.period,
                    value: v * link.factor,
                })
            }
            _ => {}
        }
    }
    out.sort_by_key(|p| p.period);
    Ok(out)
}
