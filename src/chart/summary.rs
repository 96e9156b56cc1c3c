//! Status summary chart: indicators per label for a plan or a department, one bar per
//! label in the label's colour, the count above it.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{draw_err, font::FAMILY, gap::colour, ChartError, Result};
use crate::eval::LabelCount;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SummaryChart {
    pub title: String,
    /// Counts per label; labels with a zero count are left out of the chart.
    pub counts: Vec<LabelCount>,
}

const SIZE: (u32, u32) = (760, 420);

pub(super) fn draw(c: &SummaryChart) -> Result<String> {
    let shown: Vec<&LabelCount> = c.counts.iter().filter(|lc| lc.count > 0).collect();
    if shown.is_empty() {
        return Err(ChartError::Empty("没有指标"));
    }
    let k = shown.len() as f64;
    let max = shown.iter().map(|lc| lc.count).max().unwrap_or(1) as f64;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(draw_err)?;
        let title = (FAMILY, 20).into_font().style(FontStyle::Bold);
        let mut chart = ChartBuilder::on(&root)
            .caption(c.title.as_str(), title)
            .margin(16)
            .x_label_area_size(36)
            .y_label_area_size(50)
            .build_cartesian_2d(0f64..k, 0f64..(max * 1.18).max(1.0))
            .map_err(draw_err)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(0)
            .y_labels(6)
            .y_label_formatter(&|v| format!("{v:.0}"))
            .y_desc("指标数")
            .label_style((FAMILY, 13))
            .axis_desc_style((FAMILY, 14))
            .light_line_style(RGBColor(238, 238, 238))
            .draw()
            .map_err(draw_err)?;
        let above = |col: RGBColor| {
            (FAMILY, 14)
                .into_font()
                .color(&col)
                .pos(Pos::new(HPos::Center, VPos::Bottom))
        };
        let below = (FAMILY, 14)
            .into_font()
            .color(&BLACK)
            .pos(Pos::new(HPos::Center, VPos::Top));
        for (i, lc) in shown.iter().enumerate() {
            let x = i as f64;
            let col = colour(lc.label);
            let n = lc.count as f64;
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(x + 0.18, 0.0), (x + 0.82, n)],
                    col.filled(),
                )))
                .map_err(draw_err)?;
            chart
                .draw_series(std::iter::once(Text::new(
                    lc.count.to_string(),
                    (x + 0.5, n),
                    above(col),
                )))
                .map_err(draw_err)?;
            let (px, py) = chart.backend_coord(&(x + 0.5, 0.0));
            root.draw(&Text::new(lc.label.as_zh(), (px, py + 8), below.clone()))
                .map_err(draw_err)?;
        }
        root.present().map_err(draw_err)?;
    }
    Ok(out)
}
