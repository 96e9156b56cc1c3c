//! Charts for the UI (SVG strings) and for "保存图片" (PNG bytes).

use crate::store::Sql;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::status::{evaluate_series, status, StatusFilter, StatusRow};
use super::{ApiError, ErrorCode};
use crate::chart::{
    self, Chart, ChartError, GapChart, GapItem, SummaryChart, TrajectoryChart, TrajectoryPoint,
};
use crate::eval::TargetForm;
use crate::model::{Attribute, Period};
use crate::store::series;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    Gap,
    Trajectory,
    Summary,
}

impl ChartKind {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "gap" => ChartKind::Gap,
            "trajectory" => ChartKind::Trajectory,
            "summary" => ChartKind::Summary,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ChartRequest {
    pub kind: ChartKind,
    pub period: Period,
    pub filter: StatusFilter,
    /// Required for the trajectory chart.
    #[ts(type = "number | null")]
    pub indicator_id: Option<i64>,
}

fn chart_error(e: ChartError) -> ApiError {
    let code = match e {
        ChartError::Empty(_) => ErrorCode::InvalidInput,
        _ => ErrorCode::Internal,
    };
    ApiError::new(code, e.to_string())
}

/// The chart as an SVG document.
pub fn chart_svg(conn: &impl Sql, req: &ChartRequest) -> Result<String, ApiError> {
    svg(&chart_data(conn, req)?)
}

/// What the chart shows, read from the database; drawing it ([`svg`]) needs no database, so
/// callers can release it first.
pub fn chart_data(conn: &impl Sql, req: &ChartRequest) -> Result<Chart, ApiError> {
    Ok(match req.kind {
        ChartKind::Gap => Chart::Gap(gap(conn, req.period, &req.filter)?),
        ChartKind::Summary => Chart::Summary(summary(conn, req.period, &req.filter)?),
        ChartKind::Trajectory => {
            let id = req
                .indicator_id
                .ok_or_else(|| ApiError::new(ErrorCode::InvalidInput, "轨迹图需要指定指标"))?;
            Chart::Trajectory(trajectory(conn, id, req.period)?)
        }
    })
}

pub fn svg(chart: &Chart) -> Result<String, ApiError> {
    chart::svg(chart).map_err(chart_error)
}

/// The chart as PNG bytes (保存图片).
pub fn chart_png(conn: &impl Sql, req: &ChartRequest) -> Result<Vec<u8>, ApiError> {
    svg_to_png(&chart_svg(conn, req)?)
}

pub fn svg_to_png(svg: &str) -> Result<Vec<u8>, ApiError> {
    chart::png(svg).map_err(chart_error)
}

/// 全部规划, or the plan, department and attribute of the filter.
pub fn scope_title(conn: &impl Sql, filter: &StatusFilter) -> Result<String, ApiError> {
    let mut parts = Vec::new();
    if let Some(id) = filter.plan_id {
        parts.push(crate::store::plans::get(conn, id)?.title);
    }
    if let Some(id) = filter.department_id {
        parts.push(crate::store::departments::get(conn, id)?.name);
    }
    if let Some(a) = filter.attribute {
        parts.push(format!("{}指标", a.as_str()));
    }
    Ok(if parts.is_empty() {
        "全部规划".to_string()
    } else {
        parts.join(" · ")
    })
}

/// Most bars a gap chart draws: a city's or a province's every indicator would make a chart
/// nobody can read (and an SVG of megabytes); beyond this the largest shortfalls are shown.
pub const GAP_CHART_MAX_ITEMS: usize = 120;

/// Gap chart data for the UI and reports.
pub fn gap(conn: &impl Sql, period: Period, filter: &StatusFilter) -> Result<GapChart, ApiError> {
    let rows = status(conn, period, filter)?.rows;
    Ok(gap_of_rows(&rows, &scope_title(conn, filter)?, period))
}

/// The gap chart of evaluated rows (any order) under the scope's title. Only the rows drawn
/// are copied: a province's scope is tens of thousands.
pub fn gap_of_rows(rows: &[StatusRow], scope: &str, period: Period) -> GapChart {
    let total = rows.len();
    let mut drawn: Vec<&StatusRow> = rows.iter().collect();
    if total > GAP_CHART_MAX_ITEMS {
        // Largest shortfall (expected − completion) first; rows without both figures last.
        let shortfall = |r: &StatusRow| match (r.status.expected, r.status.completion) {
            (Some(e), Some(c)) => e - c,
            _ => f64::NEG_INFINITY,
        };
        drawn.sort_by(|a, b| shortfall(b).total_cmp(&shortfall(a)));
        drawn.truncate(GAP_CHART_MAX_ITEMS);
    }
    // The chart keeps table order inside each category; the lagging-first order is the list's.
    drawn.sort_by_key(|r| (r.plan_id, r.status.indicator_id));
    let items = drawn
        .into_iter()
        .map(|r| GapItem {
            name: r.name.clone(),
            category: r.category.clone(),
            label: r.status.label,
            completion: r.status.completion,
            expected: r.status.expected,
            binding: r.attribute == Some(Attribute::Binding),
        })
        .collect();
    let shown = if total > GAP_CHART_MAX_ITEMS {
        format!("，差距最大的{GAP_CHART_MAX_ITEMS}项，共{total}项")
    } else {
        String::new()
    };
    let title = format!("{scope} 指标完成进度（{}{shown}）", period.label_zh());
    GapChart { title, items }
}

pub fn summary(
    conn: &impl Sql,
    period: Period,
    filter: &StatusFilter,
) -> Result<SummaryChart, ApiError> {
    let report = status(
        conn,
        period,
        &StatusFilter {
            label: None,
            ..filter.clone()
        },
    )?;
    let title = format!(
        "{} 指标状态分布（{}）",
        scope_title(conn, filter)?,
        period.label_zh()
    );
    Ok(SummaryChart {
        title,
        counts: report.overall.counts,
    })
}

/// Trajectory of one indicator up to `period`. Cumulative targets plot the running sum.
pub fn trajectory(
    conn: &impl Sql,
    indicator_id: i64,
    period: Period,
) -> Result<TrajectoryChart, ApiError> {
    let ind = crate::store::indicators::get(conn, indicator_id)?;
    let plans = series::load(conn, Some(ind.plan_id))?;
    // An ended plan is drawn up to its target year, never at a later period.
    let judged = match plans.first() {
        Some(p) => p.plan.judged_period(period, super::lifecycle::today(conn)?),
        None => crate::model::JudgedPeriod { period, note: None },
    };
    let period = judged.period;
    let s = plans
        .iter()
        .flat_map(|p| p.indicators.iter())
        .find(|s| s.indicator.id == indicator_id)
        .ok_or_else(|| ApiError::new(ErrorCode::InvalidInput, "该指标属于完成情况表，不做监测"))?;
    let (Some(baseline_year), Some(target_year)) = (s.baseline_year, s.target_year) else {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            "规划缺少基期年或目标年，无法绘制轨迹",
        ));
    };
    let st = evaluate_series(s, period);
    let cumulative = st.form == TargetForm::Cumulative;
    let mut points: Vec<TrajectoryPoint> = s
        .observations
        .iter()
        .filter(|o| o.period <= period && o.period.year() > baseline_year)
        // Year-to-date quarters of a flow would zig-zag: annual values only.
        .filter(|o| !(ind.flow || cumulative) || o.period.quarter().is_none())
        .filter_map(|o| {
            Some(TrajectoryPoint {
                period: o.period,
                value: o.value?,
            })
        })
        .collect();
    points.sort_by_key(|p| p.period);
    let mut annual_targets = s.annual_targets.clone();
    let baseline = if cumulative {
        let mut sum = 0.0;
        for p in &mut points {
            sum += p.value;
            p.value = sum;
        }
        let mut run = 0.0;
        for a in &mut annual_targets {
            run += a.1;
            a.1 = run;
        }
        Some(0.0)
    } else {
        st.baseline
    };
    let forecast = st.forecast;
    Ok(TrajectoryChart {
        title: match judged.note {
            Some(note) => format!("{}（{note}）", ind.draft.name),
            None => format!("{}（{}）", ind.draft.name, period.label_zh()),
        },
        unit: ind.draft.unit.clone(),
        baseline_year,
        target_year,
        baseline,
        target: st.target,
        actuals: points,
        annual_targets,
        forecast_linear: forecast.and_then(|f| f.linear),
        forecast_compound: forecast.and_then(|f| f.compound),
        // One trajectory across plans: the predecessor's values before the baseline.
        earlier: if cumulative {
            Vec::new()
        } else {
            super::links::earlier_points(conn, indicator_id)?
        },
    })
}
