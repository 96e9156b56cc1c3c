//! Target feasibility (目标可行性): the pace a new plan's target asks for beside the pace its
//! predecessor realised, the predecessor's trend continued to the new target year, a
//! judgement 偏高 / 合理 / 偏低, and proposed annual targets (年度目标分解) along the path.
//! The rule is written in `docs/evaluation.md`; the thresholds are the constants below.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::label::{APPROX_TOLERANCE, EPS};
use super::target::{read_goal, Goal, Path, TargetForm};
use super::ObservedValue;
use crate::model::{Indicator, Period, Value, ValueKind};

/// Required pace / realised pace above which a target is 偏高.
pub const FEASIBILITY_HIGH: f64 = 1.5;
/// Required pace / realised pace below which a target is 偏低.
pub const FEASIBILITY_LOW: f64 = 0.5;

/// 偏高 / 合理 / 偏低, or why not assessable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum Feasibility {
    #[serde(rename = "偏高")]
    High,
    #[serde(rename = "合理")]
    Reasonable,
    #[serde(rename = "偏低")]
    Low,
    #[serde(rename = "无法评估")]
    NotAssessable,
}

/// What the pace measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PaceKind {
    /// Compound average annual rate (0.05 = 5 % a year).
    Rate,
    /// Average change per year in the unit (values not all positive).
    Change,
    /// Average annual amount of a cumulative target.
    Amount,
}

/// The predecessor's history, already in the successor's unit is not required: `factor`
/// converts (predecessor value × factor = successor unit).
#[derive(Debug, Clone, Copy)]
pub struct History<'a> {
    pub baseline_year: i32,
    pub baseline: Option<f64>,
    pub end_year: i32,
    pub observations: &'a [ObservedValue],
    /// The table's own 完成情况 at the end year, used when no annual value was recorded.
    pub table_actual: Option<f64>,
    pub factor: f64,
}

/// Everything the assessment of one new-plan indicator needs.
#[derive(Debug, Clone, Copy)]
pub struct FeasibilityInput<'a> {
    pub indicator: &'a Indicator,
    pub revised_target: Option<&'a Value>,
    pub baseline_year: i32,
    pub target_year: i32,
    pub history: Option<History<'a>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FeasibilityResult {
    pub form: TargetForm,
    pub baseline: Option<f64>,
    /// The target as an absolute number (for cumulative targets: the total).
    pub target: Option<f64>,
    pub pace_kind: Option<PaceKind>,
    /// Pace the target asks for, baseline year → target year.
    pub required: Option<f64>,
    /// Pace realised by the predecessor over its plan period.
    pub realised: Option<f64>,
    /// required / realised.
    pub ratio: Option<f64>,
    /// The predecessor's trend continued to the target year (cumulative: total at that pace).
    pub forecast: Option<f64>,
    pub forecast_meets: Option<bool>,
    pub judgement: Feasibility,
    /// Why, in Chinese.
    pub reason: String,
    /// Proposed annual targets (年度目标分解): (year, value); for cumulative targets the
    /// year's amount.
    pub proposed: Vec<(i32, f64)>,
}

fn numeric(v: Option<&Value>) -> Option<f64> {
    v.filter(|b| matches!(b.kind, ValueKind::Number | ValueKind::Ratio))
        .and_then(|b| b.value)
}

fn annual(obs: &[ObservedValue], year: i32) -> Option<f64> {
    obs.iter()
        .find(|o| o.period == Period::Year(year))
        .and_then(|o| o.value)
}

fn round4(v: f64) -> f64 {
    (v * 1e4).round() / 1e4
}

/// The predecessor's start and end values (converted) with their years.
fn span_of(h: &History) -> Option<((i32, f64), (i32, f64))> {
    let start = h
        .baseline
        .or_else(|| annual(h.observations, h.baseline_year))?;
    let end = annual(h.observations, h.end_year)
        .map(|v| (h.end_year, v))
        .or(h.table_actual.map(|v| (h.end_year, v)))
        .or_else(|| {
            h.observations
                .iter()
                .filter_map(|o| match (o.period, o.value) {
                    (Period::Year(y), Some(v)) if y > h.baseline_year && y <= h.end_year => {
                        Some((y, v))
                    }
                    _ => None,
                })
                .max_by_key(|&(y, _)| y)
        })?;
    (end.0 > h.baseline_year).then_some((
        (h.baseline_year, start * h.factor),
        (end.0, end.1 * h.factor),
    ))
}

fn pace(kind: PaceKind, from: f64, to: f64, years: f64) -> f64 {
    match kind {
        PaceKind::Rate => (to / from).powf(1.0 / years) - 1.0,
        _ => (to - from) / years,
    }
}

/// Least squares through (year, value) — through the logarithms for a rate — at `x`.
fn trend_at(points: &[(f64, f64)], x: f64, log: bool) -> Option<f64> {
    let pts: Vec<(f64, f64)> = points
        .iter()
        .map(|&(a, b)| (a, if log { b.ln() } else { b }))
        .collect();
    let n = pts.len() as f64;
    if n < 2.0 {
        return None;
    }
    let (sx, sy) = pts.iter().fold((0.0, 0.0), |s, p| (s.0 + p.0, s.1 + p.1));
    let (mx, my) = (sx / n, sy / n);
    let sxx: f64 = pts.iter().map(|p| (p.0 - mx).powi(2)).sum();
    if sxx < 1e-12 {
        return None;
    }
    let slope = pts.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum::<f64>() / sxx;
    let y = my + slope * (x - mx);
    Some(if log { y.exp() } else { y })
}

/// The judgement from the two paces.
fn judge(required: f64, realised: f64) -> (Feasibility, Option<f64>, String) {
    if realised.abs() < EPS {
        return if required.abs() < EPS {
            (
                Feasibility::Reasonable,
                None,
                "上期基本持平，本期目标也基本持平".into(),
            )
        } else {
            (
                Feasibility::High,
                None,
                "上期基本没有变化，本期目标要求明显变化".into(),
            )
        };
    }
    let k = required / realised;
    let (j, why) = if k < 0.0 {
        (
            Feasibility::High,
            "本期目标要求扭转上期的变化方向".to_string(),
        )
    } else if k > FEASIBILITY_HIGH + EPS {
        (
            Feasibility::High,
            format!("所需速度是上期实际的 {k:.2} 倍（高于 {FEASIBILITY_HIGH}）"),
        )
    } else if k < FEASIBILITY_LOW - EPS {
        (
            Feasibility::Low,
            format!("所需速度仅为上期实际的 {k:.2} 倍（低于 {FEASIBILITY_LOW}）"),
        )
    } else {
        (
            Feasibility::Reasonable,
            format!("所需速度是上期实际的 {k:.2} 倍"),
        )
    };
    (j, Some(k), why)
}

/// Assesses one new-plan indicator's target.
pub fn assess_feasibility(input: &FeasibilityInput) -> FeasibilityResult {
    let ind = input.indicator;
    let baseline = numeric(ind.draft.baseline.as_ref());
    let target_cell = input.revised_target.or(ind.draft.target.as_ref());
    let (form, goal) = read_goal(
        target_cell,
        baseline,
        input.baseline_year,
        ind.draft.direction,
    );
    let span = (input.target_year - input.baseline_year) as f64;
    let mut out = FeasibilityResult {
        form,
        baseline,
        target: None,
        pace_kind: None,
        required: None,
        realised: None,
        ratio: None,
        forecast: None,
        forecast_meets: None,
        judgement: Feasibility::NotAssessable,
        reason: String::new(),
        proposed: Vec::new(),
    };
    let years = (input.baseline_year + 1)..=input.target_year;
    if span < 1.0 {
        out.reason = "规划缺少基期年或目标年".into();
        return out;
    }
    match goal {
        Goal::Absolute {
            target, side, path, ..
        } => {
            out.target = Some(target);
            let Some(b) = baseline else {
                out.reason = "规划未给出基期值，无法计算所需速度".into();
                return out;
            };
            let kind = if b > 0.0 && target > 0.0 {
                PaceKind::Rate
            } else {
                PaceKind::Change
            };
            out.pace_kind = Some(kind);
            out.required = Some(pace(kind, b, target, span));
            out.proposed = years
                .map(|y| {
                    let s = (y - input.baseline_year) as f64 / span;
                    let v = match path {
                        Path::Compound if kind == PaceKind::Rate => b * (target / b).powf(s),
                        _ => b + (target - b) * s,
                    };
                    (y, round4(v))
                })
                .collect();
            let Some(h) = input.history else {
                out.reason = "未关联上期指标，无法与上期比较".into();
                return out;
            };
            let Some(((y0, v0), (y1, v1))) = span_of(&h) else {
                out.reason = "上期指标缺少基期值或实际值".into();
                return out;
            };
            let kind = if v0 > 0.0 && v1 > 0.0 {
                kind
            } else {
                PaceKind::Change
            };
            out.pace_kind = Some(kind);
            out.required = Some(pace(kind, b, target, span));
            let realised = pace(kind, v0, v1, (y1 - y0) as f64);
            out.realised = Some(realised);
            let mut points = vec![(y0 as f64, v0)];
            points.extend(
                h.observations
                    .iter()
                    .filter_map(|o| match (o.period, o.value) {
                        (Period::Year(y), Some(v)) if y > y0 && y <= h.end_year => {
                            Some((y as f64, v * h.factor))
                        }
                        _ => None,
                    }),
            );
            if !points.iter().any(|p| p.0 as i32 == y1) {
                points.push((y1 as f64, v1));
            }
            let log = kind == PaceKind::Rate && points.iter().all(|p| p.1 > 0.0);
            out.forecast = trend_at(&points, input.target_year as f64, log);
            out.forecast_meets = out.forecast.map(|f| side.met(f, target, APPROX_TOLERANCE));
            let (j, k, why) = judge(out.required.unwrap_or(0.0), realised);
            (out.judgement, out.ratio, out.reason) = (j, k, why);
        }
        Goal::Cumulative { total, .. } => {
            out.target = Some(total);
            out.pace_kind = Some(PaceKind::Amount);
            let per_year = total / span;
            out.required = Some(per_year);
            out.proposed = years.map(|y| (y, round4(per_year))).collect();
            let Some(h) = input.history else {
                out.reason = "未关联上期指标，无法与上期比较".into();
                return out;
            };
            let values: Vec<f64> = ((h.baseline_year + 1)..=h.end_year)
                .filter_map(|y| annual(h.observations, y))
                .map(|v| v * h.factor)
                .collect();
            if values.is_empty() {
                out.reason = "上期指标没有年度数值".into();
                return out;
            }
            let realised = values.iter().sum::<f64>() / values.len() as f64;
            out.realised = Some(realised);
            out.forecast = Some(realised * span);
            out.forecast_meets = Some(realised * span >= total - EPS * total.abs().max(1.0));
            let (j, k, why) = judge(per_year, realised);
            (out.judgement, out.ratio, out.reason) = (j, k, why);
        }
        Goal::Pending => out.reason = "目标待下达，无法评估".into(),
        Goal::Qualitative => out.reason = "定性目标，无法评估".into(),
        Goal::Maintain(_) => out.reason = "保持类目标，不要求增长，无法评估".into(),
        Goal::Unjudgeable(r) => out.reason = format!("{r}"),
    }
    out
}
