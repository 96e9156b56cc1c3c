//! Gap chart: one horizontal bar per indicator (completion, coloured by label) with a black
//! tick at the expected share, grouped under category headings; binding indicators are
//! marked ★. Indicators without a completion figure show their label as text instead.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{draw_err, font::FAMILY, number, Result};
use crate::eval::Label;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GapItem {
    pub name: String,
    pub category: Option<String>,
    pub label: Label,
    pub completion: Option<f64>,
    pub expected: Option<f64>,
    pub binding: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GapChart {
    pub title: String,
    pub items: Vec<GapItem>,
}

const WIDTH: u32 = 960;
const NAME_WIDTH: u32 = 320;
const ROW: u32 = 24;
const TOP: u32 = 76;
const BOTTOM: u32 = 44;
/// Bars are clipped to this completion range (in %); the value is still written.
const X_MIN: f64 = -50.0;
const X_MAX: f64 = 150.0;

enum Row<'a> {
    Category(&'a str),
    Item(&'a GapItem),
}

/// Category headings in order of first appearance, each followed by its indicators.
fn rows(items: &[GapItem]) -> Vec<Row<'_>> {
    let mut categories: Vec<&str> = Vec::new();
    for it in items {
        let c = it.category.as_deref().unwrap_or("其他");
        if !categories.contains(&c) {
            categories.push(c);
        }
    }
    let mut out = Vec::with_capacity(items.len() + categories.len());
    for c in categories {
        out.push(Row::Category(c));
        out.extend(
            items
                .iter()
                .filter(|it| it.category.as_deref().unwrap_or("其他") == c)
                .map(Row::Item),
        );
    }
    out
}

pub(crate) fn colour(label: Label) -> RGBColor {
    let hex = label.colour().trim_start_matches('#');
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
    RGBColor(byte(0), byte(2), byte(4))
}

pub(super) fn draw(c: &GapChart) -> Result<String> {
    if c.items.is_empty() {
        return Err(super::ChartError::Empty("没有指标"));
    }
    let rows = rows(&c.items);
    let n = rows.len();
    let height = TOP + BOTTOM + ROW * n as u32;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_err)?;
        let centre_top = Pos::new(HPos::Center, VPos::Top);
        let title = (FAMILY, 22)
            .into_font()
            .style(FontStyle::Bold)
            .color(&BLACK)
            .pos(centre_top);
        root.draw(&Text::new(c.title.as_str(), (WIDTH as i32 / 2, 10), title))
            .map_err(draw_err)?;
        draw_legend(&root, &c.items)?;

        let area = root.margin(TOP, 0, NAME_WIDTH, 60);
        let mut chart = ChartBuilder::on(&area)
            .x_label_area_size(BOTTOM)
            .build_cartesian_2d(X_MIN..X_MAX, 0f64..n as f64)
            .map_err(draw_err)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .disable_y_axis()
            .x_labels(9)
            .x_label_formatter(&|v| format!("{v:.0}%"))
            .x_desc("完成进度（竖线为序时进度或年度目标进度）")
            .label_style((FAMILY, 13))
            .axis_desc_style((FAMILY, 14))
            .light_line_style(RGBColor(240, 240, 240))
            .draw()
            .map_err(draw_err)?;
        let grey = RGBColor(120, 120, 120);
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(0.0, 0.0), (0.0, n as f64)],
                grey,
            )))
            .map_err(draw_err)?;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(100.0, 0.0), (100.0, n as f64)],
                grey,
            )))
            .map_err(draw_err)?;

        let name_style = (FAMILY, 13)
            .into_font()
            .color(&BLACK)
            .pos(Pos::new(HPos::Right, VPos::Center));
        let heading = (FAMILY, 14)
            .into_font()
            .style(FontStyle::Bold)
            .color(&BLACK)
            .pos(Pos::new(HPos::Left, VPos::Center));
        let value_style = |col: RGBColor| {
            (FAMILY, 12)
                .into_font()
                .color(&col)
                .pos(Pos::new(HPos::Left, VPos::Center))
        };
        for (i, row) in rows.iter().enumerate() {
            let yc = n as f64 - i as f64 - 0.5;
            let (_, py) = chart.backend_coord(&(X_MIN, yc));
            match row {
                Row::Category(name) => {
                    root.draw(&Text::new(*name, (10, py), heading.clone()))
                        .map_err(draw_err)?;
                }
                Row::Item(it) => {
                    let name = if it.binding {
                        format!("★{}", it.name)
                    } else {
                        it.name.clone()
                    };
                    let name = shorten(&name, 22);
                    root.draw(&Text::new(
                        name,
                        (NAME_WIDTH as i32 - 8, py),
                        name_style.clone(),
                    ))
                    .map_err(draw_err)?;
                    draw_item(&mut chart, it, yc, &value_style)?;
                }
            }
        }
        root.present().map_err(draw_err)?;
    }
    Ok(out)
}

type Chart2d<'a, 'b> = ChartContext<
    'a,
    SVGBackend<'b>,
    Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
>;

fn draw_item<'s>(
    chart: &mut Chart2d,
    it: &GapItem,
    yc: f64,
    value_style: &dyn Fn(RGBColor) -> TextStyle<'s>,
) -> Result<()> {
    let col = colour(it.label);
    match it.completion {
        Some(c) => {
            let end = (c * 100.0).clamp(X_MIN, X_MAX);
            let bar = Rectangle::new([(0.0, yc - 0.34), (end, yc + 0.34)], col.filled());
            chart.draw_series(std::iter::once(bar)).map_err(draw_err)?;
            let text = format!("{}% {}", number(c * 100.0), it.label.as_zh());
            let at = end.max(0.0) + 1.5;
            chart
                .draw_series(std::iter::once(Text::new(text, (at, yc), value_style(col))))
                .map_err(draw_err)?;
        }
        None => {
            let text = it.label.as_zh().to_string();
            chart
                .draw_series(std::iter::once(Text::new(
                    text,
                    (1.5, yc),
                    value_style(col),
                )))
                .map_err(draw_err)?;
        }
    }
    if let Some(e) = it.expected {
        let x = (e * 100.0).clamp(X_MIN, X_MAX);
        let tick = PathElement::new(vec![(x, yc - 0.45), (x, yc + 0.45)], BLACK.stroke_width(2));
        chart.draw_series(std::iter::once(tick)).map_err(draw_err)?;
    }
    Ok(())
}

/// Labels present, as coloured dots (circles, so that bars stay the only coloured rects).
fn draw_legend(
    root: &DrawingArea<SVGBackend, plotters::coord::Shift>,
    items: &[GapItem],
) -> Result<()> {
    let style = (FAMILY, 13)
        .into_font()
        .color(&BLACK)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let mut x = 20;
    let y = 52;
    for label in Label::ALL {
        if !items.iter().any(|it| it.label == label) {
            continue;
        }
        root.draw(&Circle::new((x, y), 6, colour(label).filled()))
            .map_err(draw_err)?;
        root.draw(&Text::new(label.as_zh(), (x + 10, y), style.clone()))
            .map_err(draw_err)?;
        x += 24 + 14 * label.as_zh().chars().count() as i32;
    }
    if items.iter().any(|it| it.binding) {
        root.draw(&Text::new("★ 约束性指标", (x + 10, y), style.clone()))
            .map_err(draw_err)?;
    }
    Ok(())
}

/// Long names are cut with an ellipsis so that they fit the name column.
fn shorten(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max_chars - 1).collect();
        t.push('…');
        t
    }
}
