//! Reports and exports as bytes (the caller writes the file), and progress read from Excel.

use crate::api::export::{self, ExportRequest};
use crate::api::report::{self, ReportRequest};
use crate::api::xlsx_import::{self, XlsxImportOutcome, XlsxImportPreview};
use crate::command;
use crate::model::Period;

command!(RenderReport = "generate_report" { request: ReportRequest } -> Vec<u8>, |e, c| {
    let source = e.signed_in(|conn, _| report::report_source(conn, &c.request))?;
    source.pdf()
});

command!(ExportTable = "export_table" { request: ExportRequest, csv: bool } -> Vec<u8>, |e, c| {
    let table = e.signed_in(|conn, _| export::export_table(conn, &c.request))?;
    let bytes = if c.csv {
        crate::xlsx::write_csv(&table)?
    } else {
        crate::xlsx::write_xlsx(&table)?
    };
    Ok(bytes)
});

command!(ImportXlsxPreview = "import_xlsx_preview" { bytes: Vec<u8>, period: Period } -> XlsxImportPreview, |e, c| {
    e.with_session(|conn, s| xlsx_import::preview_xlsx_import(conn, s, &c.bytes, c.period))
});

command!(ImportXlsxConfirm = "import_xlsx_confirm" { bytes: Vec<u8>, period: Period } -> XlsxImportOutcome, |e, c| {
    e.with_session(|conn, s| xlsx_import::confirm_xlsx_import(conn, s, &c.bytes, c.period))
});
