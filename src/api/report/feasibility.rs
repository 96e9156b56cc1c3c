//! The 目标可行性 section of an annual report: the feasibility rows of the scoped plans that
//! continue an earlier plan, worded for the PDF.

use crate::store::Sql;

use super::format::number;
use super::scope::ScopedPlan;
use crate::api::feasibility::{feasibility, FeasibilityRow};
use crate::api::ApiError;
use crate::eval::{Feasibility, PaceKind};
use crate::report::FeasibilityLine;

fn pace(kind: Option<PaceKind>, v: Option<f64>) -> String {
    match (kind, v) {
        (Some(PaceKind::Rate), Some(v)) => format!("{:.2}%", v * 100.0),
        (Some(_), Some(v)) => number(v),
        _ => "—".to_string(),
    }
}

fn line(r: &FeasibilityRow) -> FeasibilityLine {
    let res = &r.result;
    let mut reason = res.reason.clone();
    if let Some(s) = r.baseline_shift.filter(|s| s.adjusted) {
        reason.push_str(&format!(
            "；基数口径调整：上期{}年实际 {}，本期基数 {}",
            s.year,
            number(s.predecessor_actual),
            number(s.successor_baseline)
        ));
    }
    FeasibilityLine {
        name: r.indicator.name.clone(),
        unit: r.indicator.unit.clone().unwrap_or_else(|| "—".into()),
        baseline: r.baseline_raw.clone().unwrap_or_else(|| "—".into()),
        target: r.indicator.target_raw.clone().unwrap_or_else(|| "—".into()),
        required: pace(res.pace_kind, res.required),
        realised: pace(res.pace_kind, res.realised),
        forecast: res.forecast.map_or("—".into(), number),
        judgement: match res.judgement {
            Feasibility::NotAssessable => "无法评估".into(),
            j => serde_json::to_value(j)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
        },
        reason,
    }
}

/// Feasibility lines of the scoped plans that follow an earlier plan (linked history).
pub fn lines(conn: &impl Sql, plans: &[ScopedPlan]) -> Result<Vec<FeasibilityLine>, ApiError> {
    let mut out = Vec::new();
    for p in plans {
        let rows = feasibility(conn, Some(p.plan.id))?;
        if rows.iter().any(|r| r.predecessor.is_some()) {
            out.extend(rows.iter().map(line));
        }
    }
    Ok(out)
}
