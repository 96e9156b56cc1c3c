//! Charts drawn with plotters as SVG (Chinese text in the bundled Noto Sans CJK SC), and PNG
//! by rasterising that SVG with resvg, because plotters' own bitmap text renders CJK glyphs
//! poorly. The SVG goes to the UI and, as vectors, to reports.

pub mod font;
mod gap;
mod raster;
mod summary;
mod trajectory;

use std::sync::Once;

use plotters::style::FontStyle;

pub use gap::{GapChart, GapItem};
pub use raster::png;
pub use summary::SummaryChart;
pub use trajectory::{TrajectoryChart, TrajectoryPoint};

#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("绘制图表失败：{0}")]
    Draw(String),
    #[error("图表转换为图片失败：{0}")]
    Raster(String),
    #[error("没有可绘制的数据：{0}")]
    Empty(&'static str),
}

pub type Result<T> = std::result::Result<T, ChartError>;

/// A chart to draw.
#[derive(Debug, Clone)]
pub enum Chart {
    Gap(GapChart),
    Trajectory(TrajectoryChart),
    Summary(SummaryChart),
}

/// Draws a chart as an SVG document.
pub fn svg(chart: &Chart) -> Result<String> {
    register_fonts();
    let svg = match chart {
        Chart::Gap(c) => gap::draw(c),
        Chart::Trajectory(c) => trajectory::draw(c),
        Chart::Summary(c) => summary::draw(c),
    }?;
    Ok(xml_safe(svg))
}

/// Control characters (a name pasted from elsewhere may carry them) are not allowed in XML
/// at all, not even escaped: plotters writes them through and the SVG no longer parses.
/// They can only stem from text, so they are dropped there.
fn xml_safe(svg: String) -> String {
    let bad = |c: char| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    };
    if svg.contains(bad) {
        svg.replace(bad, "")
    } else {
        svg
    }
}

/// plotters measures text with the registered font (else CJK widths come out wrong).
fn register_fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The bundled font is known good; a failure would only make text measuring cruder.
        let _ = plotters::style::register_font(font::FAMILY, FontStyle::Normal, font::REGULAR);
        let _ = plotters::style::register_font(font::FAMILY, FontStyle::Bold, font::BOLD);
    });
}

fn draw_err<E: std::fmt::Debug>(e: E) -> ChartError {
    ChartError::Draw(format!("{e:?}"))
}

/// Numbers on charts: up to 2 decimals, trailing zeros dropped.
fn number(x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}
