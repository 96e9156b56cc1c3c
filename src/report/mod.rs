//! PDF reports (Typst as a library, embedded fonts). The renderer takes a plain
//! [`ReportData`], already worded and formatted; `api::report` builds it from the store.

mod data;
pub mod fonts;
mod render;
mod typst_world;

pub use data::{
    ChartImage, CountRow, CountTable, FeasibilityLine, ReportData, ReportKind, ReportRow, RowGroup,
    Tone, WarningItem,
};
pub use render::{page_count, render_pdf};

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("报告排版失败：{0}")]
    Typst(String),
}
