//! Word `.docx`: the paragraphs and tables of `word/document.xml`, read with `zip` and
//! `quick-xml`. Only the handful of elements that carry text or table structure are looked
//! at; everything else is skipped, so documents from Word, WPS and LibreOffice all read.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::table::{self, Cell, Merge, Row};
use super::DocumentError;

/// The document's XML is read up to this size: a limit on memory, and on zip bombs (the
/// declared size may lie, so the bytes are counted too).
pub const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;

/// The text of a `.docx`: paragraphs as lines, each table row a line of TAB-separated cells.
pub fn read(bytes: &[u8]) -> Result<String, DocumentError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| DocumentError::NotDocx)?;
    let entry = zip.by_name("word/document.xml").map_err(|e| match e {
        zip::result::ZipError::FileNotFound => DocumentError::NotDocx,
        e => DocumentError::BrokenDocx(e.to_string()),
    })?;
    let too_large = DocumentError::DocxTooLarge {
        limit_mb: MAX_XML_BYTES / 1024 / 1024,
    };
    if entry.size() > MAX_XML_BYTES {
        return Err(too_large);
    }
    let mut xml = Vec::with_capacity(entry.size() as usize);
    entry
        .take(MAX_XML_BYTES + 1)
        .read_to_end(&mut xml)
        .map_err(|e| DocumentError::BrokenDocx(e.to_string()))?;
    if xml.len() as u64 > MAX_XML_BYTES {
        return Err(too_large);
    }
    let xml = String::from_utf8(xml)
        .map_err(|_| DocumentError::BrokenDocx("document.xml 不是 UTF-8".into()))?;
    text_of_xml(&xml)
}

#[derive(Default)]
struct OpenCell {
    paragraphs: Vec<String>,
    span: usize,
    merge: Option<Merge>,
}

#[derive(Default)]
struct OpenTable {
    rows: Vec<Row>,
    row: Option<Row>,
    /// `w:gridBefore`: grid columns skipped at the start of the open row.
    grid_before: usize,
    cell: Option<OpenCell>,
}

/// Where text goes while walking the XML.
#[derive(Default)]
struct Walker {
    lines: Vec<String>,
    paragraphs: Vec<String>,
    tables: Vec<OpenTable>,
    /// Inside `w:t`.
    in_text: usize,
    /// Inside `w:r` (a `w:tab` elsewhere is a tab stop, not a tab).
    in_run: usize,
    /// Inside `mc:Fallback`: a copy of content already read from `mc:Choice`.
    skipping: usize,
}

/// Elements of WordprocessingML by local name; DrawingML (`a:`) has its own `p` and `t`.
fn local<'a>(e: &'a BytesStart<'_>) -> Option<&'a str> {
    let name = e.name();
    match name.prefix() {
        Some(p) if p.as_ref() == "a" => None,
        _ => Some(e.local_name().into_inner()),
    }
}

fn attr_val(e: &BytesStart<'_>) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == "val")
        .map(|a| a.value.into_owned())
}

fn is_on(val: Option<String>) -> bool {
    !matches!(val.as_deref(), Some("0" | "false" | "off"))
}

impl Walker {
    fn push_text(&mut self, s: &str) {
        if let Some(p) = self.paragraphs.last_mut() {
            p.push_str(s);
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        let Some(name) = local(e) else { return };
        if name == "Fallback" && !empty {
            self.skipping += 1;
        }
        if self.skipping > 0 {
            return;
        }
        match name {
            "p" if !empty => self.paragraphs.push(String::new()),
            "p" => self.end_paragraph_with(String::new()),
            "r" if !empty => self.in_run += 1,
            "t" if !empty => self.in_text += 1,
            "tab" if self.in_run > 0 => self.push_text("\t"),
            "br" | "cr" if self.in_run > 0 => self.push_text("\n"),
            "noBreakHyphen" if self.in_run > 0 => self.push_text("-"),
            "tbl" if !empty => self.tables.push(OpenTable::default()),
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.row = Some(Row::default());
                    t.grid_before = 0;
                }
                if empty {
                    self.end_row();
                }
            }
            "tblHeader" => {
                let on = is_on(attr_val(e));
                if let Some(row) = self.tables.last_mut().and_then(|t| t.row.as_mut()) {
                    row.header = on;
                }
            }
            "gridBefore" => {
                let n = attr_val(e).and_then(|v| v.parse().ok()).unwrap_or(0);
                if let Some(t) = self.tables.last_mut() {
                    t.grid_before = n;
                }
            }
            "tc" => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell = Some(OpenCell {
                        span: 1,
                        ..OpenCell::default()
                    });
                }
                if empty {
                    self.end_cell();
                }
            }
            "gridSpan" => {
                let n = attr_val(e).and_then(|v| v.parse().ok()).unwrap_or(1);
                if let Some(c) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    c.span = n;
                }
            }
            "vMerge" => {
                let merge = match attr_val(e).as_deref() {
                    Some("restart") => Merge::Restart,
                    _ => Merge::Continue,
                };
                if let Some(c) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    c.merge = Some(merge);
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        if name == "Fallback" {
            self.skipping = self.skipping.saturating_sub(1);
            return;
        }
        if self.skipping > 0 {
            return;
        }
        match name {
            "p" => {
                if let Some(text) = self.paragraphs.pop() {
                    self.end_paragraph_with(text);
                }
            }
            "r" => self.in_run = self.in_run.saturating_sub(1),
            "t" => self.in_text = self.in_text.saturating_sub(1),
            "tc" => self.end_cell(),
            "tr" => self.end_row(),
            "tbl" => self.end_table(),
            _ => {}
        }
    }

    /// A paragraph goes into the open cell, or is a line of the document.
    fn end_paragraph_with(&mut self, text: String) {
        match self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            Some(cell) => cell.paragraphs.push(text),
            None => self.lines.push(text),
        }
    }

    fn end_cell(&mut self) {
        let Some(t) = self.tables.last_mut() else {
            return;
        };
        let Some(open) = t.cell.take() else { return };
        let row = t.row.get_or_insert_with(Row::default);
        if t.grid_before > 0 {
            row.cells.push(Cell {
                text: String::new(),
                span: t.grid_before,
                merge: Merge::None,
            });
            t.grid_before = 0;
        }
        row.cells.push(Cell {
            text: table::join_cell_text(&open.paragraphs),
            span: open.span.max(1),
            merge: open.merge.unwrap_or(Merge::None),
        });
    }

    fn end_row(&mut self) {
        if let Some(t) = self.tables.last_mut() {
            if let Some(row) = t.row.take() {
                t.rows.push(row);
            }
        }
    }

    fn end_table(&mut self) {
        let Some(t) = self.tables.pop() else { return };
        let lines = table::to_lines(&t.rows);
        match self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            // A table inside a cell: its text becomes part of that cell.
            Some(cell) => cell.paragraphs.extend(lines),
            None => self.lines.extend(lines),
        }
    }
}

/// Walks `word/document.xml`.
pub(crate) fn text_of_xml(xml: &str) -> Result<String, DocumentError> {
    let mut reader = Reader::from_str(xml);
    let mut w = Walker::default();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| DocumentError::BrokenDocx(e.to_string()))?;
        match event {
            Event::Start(e) => w.start(&e, false),
            Event::Empty(e) => w.start(&e, true),
            Event::End(e) => {
                let name = e.name();
                if name.prefix().is_none_or(|p| p.as_ref() != "a") {
                    w.end(e.local_name().into_inner());
                }
            }
            Event::Text(t) if w.in_text > 0 && w.skipping == 0 => {
                w.push_text(&t.xml10_content());
            }
            Event::CData(t) if w.in_text > 0 && w.skipping == 0 => {
                w.push_text(&t.xml10_content());
            }
            Event::GeneralRef(r) if w.in_text > 0 && w.skipping == 0 => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    w.push_text(c.encode_utf8(&mut [0; 4]));
                } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&r) {
                    w.push_text(s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(collapse_blank_lines(&w.lines))
}

/// One line per paragraph; runs of empty paragraphs (Word's spacing) become one blank line.
fn collapse_blank_lines(lines: &[String]) -> String {
    let mut out = String::new();
    let mut blank = true;
    for line in lines.iter().flat_map(|l| l.split('\n')) {
        let is_blank = line.trim().is_empty();
        if is_blank && blank {
            continue;
        }
        out.push_str(if is_blank { "" } else { line });
        out.push('\n');
        blank = is_blank;
    }
    out
}

#[cfg(test)]
#[path = "docx_tests.rs"]
mod tests;
