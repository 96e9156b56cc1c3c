//! The report's charts: gap charts of the whole scope (split so each fits a page) and
//! trajectory charts of the lagging indicators, binding ones first.

use super::scope::{ScopedPlan, ScopedRow};
use crate::chart::{self, Chart, GapChart, GapItem, TrajectoryChart, TrajectoryPoint};
use crate::eval::lagging_first;
use crate::model::{Attribute, Period};
use crate::report::ChartImage;

/// Bars per gap chart: about one A4 page at full width.
const GAP_ROWS_PER_CHART: usize = 40;
/// Trajectory charts at most; the table lists every lagging indicator anyway.
const MAX_TRAJECTORIES: usize = 12;

fn gap_item(r: &ScopedRow) -> GapItem {
    let ind = &r.series.indicator;
    GapItem {
        name: ind.draft.name.clone(),
        category: ind.draft.category.clone(),
        label: r.status.label,
        completion: r.status.completion,
        expected: r.status.expected,
        binding: ind.draft.attribute == Some(Attribute::Binding),
    }
}

fn trajectory(r: &ScopedRow, period: Period) -> Option<TrajectoryChart> {
    let s = &r.series;
    // Quarterly values of a flow indicator are year-to-date sums: only annual values are
    // comparable on one line; a stock indicator's current quarter is shown too.
    let actuals = s
        .observations
        .iter()
        .filter(|o| o.period <= period)
        .filter(|o| o.period.quarter().is_none() || (o.period == period && !s.indicator.flow))
        .filter_map(|o| {
            o.value.map(|value| TrajectoryPoint {
                period: o.period,
                value,
            })
        })
        .collect();
    Some(TrajectoryChart {
        title: format!("{}（{}）", s.indicator.draft.name, r.status.label.as_zh()),
        unit: s.indicator.draft.unit.clone(),
        baseline_year: s.baseline_year?,
        target_year: s.target_year?,
        baseline: r.status.baseline,
        target: r.status.target,
        actuals,
        annual_targets: s.annual_targets.clone(),
        forecast_linear: r.status.forecast.and_then(|f| f.linear),
        forecast_compound: r.status.forecast.and_then(|f| f.compound),
        earlier: r.earlier.clone(),
    })
}

/// Draws the charts. A chart that cannot be drawn (no numbers at all) is left out rather
/// than failing the whole report.
pub fn charts(plans: &[ScopedPlan], period: Period) -> Vec<ChartImage> {
    let rows: Vec<&ScopedRow> = plans.iter().flat_map(|p| p.rows.iter()).collect();
    let mut out = Vec::new();
    let chunks: Vec<&[&ScopedRow]> = rows.chunks(GAP_ROWS_PER_CHART).collect();
    for (i, chunk) in chunks.iter().enumerate() {
        let part = if chunks.len() > 1 {
            format!("（{}/{}）", i + 1, chunks.len())
        } else {
            String::new()
        };
        let title = format!("指标完成进度与序时进度{part}");
        let gap = GapChart {
            title: title.clone(),
            items: chunk.iter().map(|r| gap_item(r)).collect(),
        };
        if let Ok(svg) = chart::svg(&Chart::Gap(gap)) {
            out.push(ChartImage {
                title: format!("图：{title}"),
                wide: true,
                svg,
            });
        }
    }
    let mut lagging: Vec<&ScopedRow> = rows
        .into_iter()
        .filter(|r| r.status.label.is_lagging())
        .collect();
    lagging.sort_by_key(|r| lagging_first(r.series.indicator.draft.attribute, r.status.label));
    for r in lagging.into_iter().take(MAX_TRAJECTORIES) {
        let Some(c) = trajectory(r, period) else {
            continue;
        };
        let title = format!("图：{}变化趋势", r.series.indicator.draft.name);
        if let Ok(svg) = chart::svg(&Chart::Trajectory(c)) {
            out.push(ChartImage {
                title,
                wide: false,
                svg,
            });
        }
    }
    out
}
