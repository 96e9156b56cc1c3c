//! Trajectory chart of one indicator: baseline → actual values → target, the expected
//! (linear) path, annual targets, and the trend forecasts to the target year.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{draw_err, font::FAMILY, number, ChartError, Result};
use crate::model::Period;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct TrajectoryPoint {
    pub period: Period,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TrajectoryChart {
    pub title: String,
    pub unit: Option<String>,
    pub baseline_year: i32,
    pub target_year: i32,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub actuals: Vec<TrajectoryPoint>,
    /// 年度目标 (year, value).
    pub annual_targets: Vec<(i32, f64)>,
    pub forecast_linear: Option<f64>,
    pub forecast_compound: Option<f64>,
    /// Values of the indicator this one continues (an earlier plan's, in this indicator's
    /// unit), drawn before the baseline so that one trajectory spans both plans.
    #[serde(default)]
    pub earlier: Vec<TrajectoryPoint>,
}

const SIZE: (u32, u32) = (860, 480);

pub(super) fn draw(c: &TrajectoryChart) -> Result<String> {
    let t0 = c.baseline_year as f64;
    let tt = c.target_year as f64;
    let earlier: Vec<(f64, f64)> = c
        .earlier
        .iter()
        .map(|p| (p.period.as_year_fraction(), p.value))
        .collect();
    // The axis starts at the earliest point drawn: the earlier plan's first value, if any.
    let start = earlier.iter().map(|p| p.0.floor()).fold(t0, f64::min);
    let mut actual: Vec<(f64, f64)> = c
        .actuals
        .iter()
        .map(|p| (p.period.as_year_fraction(), p.value))
        .collect();
    actual.sort_by(|a, b| a.0.total_cmp(&b.0));
    if let Some(b) = c.baseline {
        actual.insert(0, (t0, b));
    }
    let mut ys: Vec<f64> = actual.iter().map(|p| p.1).collect();
    ys.extend(c.target);
    ys.extend(c.annual_targets.iter().map(|a| a.1));
    ys.extend(c.forecast_linear);
    ys.extend(c.forecast_compound);
    ys.extend(earlier.iter().map(|p| p.1));
    if ys.is_empty() || tt <= t0 {
        return Err(ChartError::Empty("没有基期值、目标值或监测值"));
    }
    let lo = ys.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = ys.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let pad = ((hi - lo) * 0.12).max(hi.abs().max(1.0) * 0.02);
    let (y0, y1) = (lo - pad, hi + pad);

    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(draw_err)?;
        let title = (FAMILY, 20).into_font().style(FontStyle::Bold);
        let mut chart = ChartBuilder::on(&root)
            .caption(c.title.as_str(), title)
            .margin(16)
            .x_label_area_size(40)
            .y_label_area_size(70)
            .build_cartesian_2d((start - 0.3)..(tt + 0.3), y0..y1)
            .map_err(draw_err)?;
        let y_desc = c.unit.clone().unwrap_or_default();
        chart
            .configure_mesh()
            .x_labels((tt - start) as usize + 1)
            .x_label_formatter(&|v| format!("{v:.0}年"))
            .y_label_formatter(&|v| number(*v))
            .y_desc(y_desc)
            .label_style((FAMILY, 13))
            .axis_desc_style((FAMILY, 14))
            .light_line_style(RGBColor(238, 238, 238))
            .draw()
            .map_err(draw_err)?;

        let grey = RGBColor(140, 140, 140);
        if let (Some(b), Some(t)) = (c.baseline, c.target) {
            chart
                .draw_series(DashedLineSeries::new(
                    vec![(t0, b), (tt, t)],
                    6,
                    4,
                    grey.stroke_width(2),
                ))
                .map_err(draw_err)?
                .label("序时进度路径")
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 18, y)], grey.stroke_width(2))
                });
        }
        let slate = RGBColor(110, 119, 129);
        if !earlier.is_empty() {
            chart
                .draw_series(LineSeries::new(earlier.clone(), slate.stroke_width(2)))
                .map_err(draw_err)?
                .label("上期规划实际值")
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 18, y)], slate.stroke_width(2))
                });
            chart
                .draw_series(earlier.iter().map(|&p| Circle::new(p, 3, slate.filled())))
                .map_err(draw_err)?;
        }
        let blue = RGBColor(47, 129, 247);
        if !actual.is_empty() {
            chart
                .draw_series(LineSeries::new(actual.clone(), blue.stroke_width(3)))
                .map_err(draw_err)?
                .label("实际值")
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 18, y)], blue.stroke_width(3))
                });
            chart
                .draw_series(actual.iter().map(|&p| Circle::new(p, 4, blue.filled())))
                .map_err(draw_err)?;
        }
        let orange = RGBColor(210, 153, 34);
        if !c.annual_targets.is_empty() {
            chart
                .draw_series(
                    c.annual_targets
                        .iter()
                        .map(|&(y, v)| TriangleMarker::new((y as f64, v), 6, orange.filled())),
                )
                .map_err(draw_err)?
                .label("年度目标")
                .legend(move |(x, y)| TriangleMarker::new((x + 9, y), 6, orange.filled()));
        }
        if let Some(&last) = actual.last().filter(|p| p.0 < tt) {
            let forecasts = [
                (c.forecast_linear, RGBColor(130, 80, 223), "线性趋势预测"),
                (c.forecast_compound, RGBColor(27, 124, 131), "复合增长预测"),
            ];
            for (value, col, name) in forecasts {
                let Some(f) = value else { continue };
                chart
                    .draw_series(DashedLineSeries::new(
                        vec![last, (tt, f)],
                        3,
                        3,
                        col.stroke_width(2),
                    ))
                    .map_err(draw_err)?
                    .label(name)
                    .legend(move |(x, y)| {
                        PathElement::new(vec![(x, y), (x + 18, y)], col.stroke_width(2))
                    });
            }
        }
        let red = RGBColor(207, 34, 46);
        if let Some(t) = c.target {
            let label_style = (FAMILY, 13).into_font().color(&red);
            chart
                .draw_series(std::iter::once(Cross::new((tt, t), 7, red.stroke_width(3))))
                .map_err(draw_err)?
                .label("规划目标")
                .legend(move |(x, y)| Cross::new((x + 9, y), 5, red.stroke_width(2)));
            chart
                .draw_series(std::iter::once(Text::new(
                    format!("目标 {}", number(t)),
                    (tt - 0.12, t),
                    label_style.pos(Pos::new(HPos::Right, VPos::Center)),
                )))
                .map_err(draw_err)?;
        }
        chart
            .configure_series_labels()
            .label_font((FAMILY, 13))
            .background_style(WHITE.mix(0.85))
            .border_style(RGBColor(200, 200, 200))
            .position(SeriesLabelPosition::UpperLeft)
            .draw()
            .map_err(draw_err)?;
        root.present().map_err(draw_err)?;
    }
    Ok(out)
}
