//! Reading a plan (text, file bytes, HTML paste, a table marked by hand) and importing it.

use crate::api::import_wizard::{self, ManualTable};
use crate::api::plans::{self, ImportChanges, ImportPreview, ImportSummary, PreviewTable};
use crate::command;
use crate::import::ColumnChoice;

command!(PreviewImport = "preview_import" { text: String } -> ImportPreview, |e, c| {
    e.signed_in(|_, _| Ok(()))?;
    plans::preview_import(&c.text)
});

command!(PreviewImportFile = "preview_import_file" { bytes: Vec<u8>, file_name: Option<String> } -> ImportPreview, |e, c| {
    e.signed_in(|_, _| Ok(()))?;
    plans::preview_import_bytes(&c.bytes, c.file_name.as_deref())
});

command!(PreviewImportHtml = "preview_import_html" { html: String, text: Option<String> } -> ImportPreview, |e, c| {
    e.signed_in(|_, _| Ok(()))?;
    plans::preview_import_html(&c.html, c.text.as_deref())
});

command!(CommitImport = "commit_import" { preview: ImportPreview } -> ImportSummary, |e, c| {
    e.administrator(|conn, actor| plans::commit_import(conn, actor, c.preview))
});

command!(PreviewImportChanges = "preview_import_changes" { preview: ImportPreview } -> ImportChanges, |e, c| {
    e.administrator(|conn, _| plans::preview_changes(conn, &c.preview))
});

command!(GuessManualTable = "guess_manual_table" { text: String, first: usize, last: usize, key: String } -> ManualTable, |e, c| {
    e.signed_in(|_, _| Ok(()))?;
    import_wizard::guess_manual_table(&c.text, c.first, c.last, &c.key)
});

command!(ReadManualTable = "read_manual_table" {
    text: String, first: usize, last: usize, header_rows: usize, columns: Vec<ColumnChoice>, key: String
} -> PreviewTable, |e, c| {
    e.signed_in(|_, _| Ok(()))?;
    import_wizard::read_manual_table(&c.text, c.first, c.last, c.header_rows, &c.columns, &c.key)
});

command!(PreviewOrBlank = "preview_or_blank" { text: String } -> ImportPreview, |e, c| {
    e.signed_in(|_, _| Ok(()))?;
    import_wizard::preview_or_blank(&c.text, None)
});

command!(PreviewFileOrBlank = "preview_file_or_blank" { bytes: Vec<u8>, file_name: Option<String> } -> ImportPreview, |e, c| {
    e.signed_in(|_, _| Ok(()))?;
    import_wizard::preview_or_blank_bytes(&c.bytes, c.file_name.as_deref())
});
