//! Writing the indicator table to `.xlsx` (numbers as numbers, Chinese intact, frozen
//! header, hidden id column, only 本期值 editable) and to CSV (UTF-8 with BOM for Excel).

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, ProtectionOptions, Workbook};

use super::layout::*;
use super::XlsxError;
use crate::model::Period;

/// A cell value as exported: numbers stay numbers.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    Empty,
    Number(f64),
    Text(String),
}

impl CellValue {
    fn as_csv(&self) -> String {
        match self {
            CellValue::Empty => String::new(),
            CellValue::Number(n) => format_number(*n),
            CellValue::Text(t) => t.clone(),
        }
    }
}

/// Shortest decimal that reads back as the same f64 (no "65.19999999").
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExportRow {
    pub id: i64,
    pub seq: String,
    pub category: String,
    pub name: String,
    pub unit: String,
    pub attribute: String,
    pub baseline: CellValue,
    pub target: CellValue,
    pub current: CellValue,
    /// Shares: 0.85 = 85 %.
    pub completion: Option<f64>,
    pub schedule: Option<f64>,
    pub status: String,
    pub department: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExportTable {
    /// Shown in the first row, e.g. 许昌市“十四五”规划主要指标监测表（2025年第三季度）.
    pub title: String,
    pub period: Period,
    pub rows: Vec<ExportRow>,
}

fn write_value(
    ws: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    col: u16,
    v: &CellValue,
    fmt: &Format,
) -> Result<(), XlsxError> {
    match v {
        CellValue::Empty => ws.write_blank(row, col, fmt)?,
        CellValue::Number(n) => ws.write_number_with_format(row, col, *n, fmt)?,
        CellValue::Text(t) => ws.write_string_with_format(row, col, t, fmt)?,
    };
    Ok(())
}

pub fn write_xlsx(table: &ExportTable) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(SHEET_NAME)?;
    let border = |f: Format| {
        f.set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter)
    };
    let title = Format::new()
        .set_bold()
        .set_font_size(14)
        .set_align(FormatAlign::Center);
    let head = border(
        Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xDDE3EA)),
    )
    .set_align(FormatAlign::Center)
    .set_text_wrap();
    let text = border(Format::new()).set_text_wrap();
    let number = border(Format::new()).set_align(FormatAlign::Right);
    let percent = border(Format::new().set_num_format("0.0%"));
    let editable = border(
        Format::new()
            .set_unlocked()
            .set_background_color(Color::RGB(0xFFF8DC)),
    );

    ws.write_string(0, COL_ID, format!("{PERIOD_PREFIX}{}", table.period))?;
    ws.merge_range(0, 1, 0, (HEADINGS.len() - 1) as u16, &table.title, &title)?;
    ws.set_row_height(0, 24)?;
    for (c, (h, w)) in HEADINGS.iter().zip(WIDTHS).enumerate() {
        ws.write_string_with_format(HEADER_ROW, c as u16, *h, &head)?;
        ws.set_column_width(c as u16, w)?;
    }
    ws.set_column_hidden(COL_ID)?;
    for (i, r) in table.rows.iter().enumerate() {
        let row = FIRST_DATA_ROW + i as u32;
        ws.write_number_with_format(row, COL_ID, r.id as f64, &number)?;
        let texts = [&r.seq, &r.category, &r.name, &r.unit, &r.attribute];
        for (c, t) in texts.into_iter().enumerate() {
            ws.write_string_with_format(row, 1 + c as u16, t, &text)?;
        }
        write_value(ws, row, 6, &r.baseline, &number)?;
        write_value(ws, row, 7, &r.target, &number)?;
        write_value(ws, row, COL_CURRENT, &r.current, &editable)?;
        for (col, share) in [(COL_COMPLETION, r.completion), (COL_SCHEDULE, r.schedule)] {
            match share {
                Some(s) => ws.write_number_with_format(row, col, s, &percent)?,
                None => ws.write_blank(row, col, &percent)?,
            };
        }
        ws.write_string_with_format(row, 11, &r.status, &text)?;
        ws.write_string_with_format(row, 12, &r.department, &text)?;
    }
    ws.set_freeze_panes(FIRST_DATA_ROW, COL_NAME + 1)?;
    // Protection without a password: it guards against typing into the wrong column
    // (which would break re-import), not against a determined user.
    ws.protect_with_options(&ProtectionOptions {
        format_columns: true,
        format_rows: true,
        sort: true,
        use_autofilter: true,
        ..ProtectionOptions::default()
    });
    Ok(wb.save_to_buffer()?)
}

/// CSV with a UTF-8 byte-order mark: without it Excel reads UTF-8 as GBK and garbles it.
pub fn write_csv(table: &ExportTable) -> Result<Vec<u8>, XlsxError> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(HEADINGS)?;
        let share = |s: Option<f64>| s.map(|v| format!("{:.1}%", v * 100.0)).unwrap_or_default();
        for r in &table.rows {
            w.write_record([
                r.id.to_string(),
                r.seq.clone(),
                r.category.clone(),
                r.name.clone(),
                r.unit.clone(),
                r.attribute.clone(),
                r.baseline.as_csv(),
                r.target.as_csv(),
                r.current.as_csv(),
                share(r.completion),
                share(r.schedule),
                r.status.clone(),
                r.department.clone(),
            ])?;
        }
        w.flush().map_err(|e| XlsxError::Csv(e.to_string()))?;
    }
    Ok(out)
}
