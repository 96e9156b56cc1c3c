//! ReportData → PDF bytes through Typst.

use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use super::typst_world::ReportWorld;
use super::{fonts, ReportData, ReportError};

const TEMPLATE: &str = include_str!("../../assets/report/report.typ");

/// Renders the report. `today` fixes Typst's notion of the date, so the same data always
/// gives byte-identical output.
pub fn render_pdf(data: &ReportData, today: (i32, u8, u8)) -> Result<Vec<u8>, ReportError> {
    let document = layout(data, today)?;
    let options = PdfOptions {
        // A stable identifier: the PDF's /ID derives from it instead of from a clock.
        ident: Smart::Custom(format!("zhibiao-{}{}", data.title, data.period_label)),
        // Untagged: a third of the size, and poppler reads it without complaint.
        tagged: false,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errs| ReportError::Typst(describe(&errs)))
}

/// Number of pages the report takes.
pub fn page_count(data: &ReportData, today: (i32, u8, u8)) -> Result<usize, ReportError> {
    Ok(layout(data, today)?.pages().len())
}

fn layout(data: &ReportData, today: (i32, u8, u8)) -> Result<PagedDocument, ReportError> {
    let json = serde_json::to_vec(data).map_err(|e| ReportError::Typst(e.to_string()))?;
    let mut files = vec![("/data.json".to_string(), json)];
    for (i, chart) in data.charts.iter().enumerate() {
        files.push((format!("/charts/{i}.svg"), chart.svg.clone().into_bytes()));
    }
    let world = ReportWorld::new(TEMPLATE, files, &[fonts::REGULAR, fonts::BOLD], today);
    let result = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errs| ReportError::Typst(describe(&errs)));
    // Typst memoises layouts process-wide; in the long-running app that cache would only
    // grow, so drop entries not used in the last few renders.
    typst::comemo::evict(10);
    result
}

fn describe(errs: &[typst::diag::SourceDiagnostic]) -> String {
    errs.iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("；")
}
