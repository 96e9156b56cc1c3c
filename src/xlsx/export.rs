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
            CellValue::Text(t) => csv_text(t),
        }
    }
}

/// A text cell as CSV writes it. Excel and WPS run a cell that starts with `=`, `+`, `-` or
/// `@` as a formula (`=HYPERLINK(…)`, DDE payloads), and strip a leading tab or CR before
/// looking; such text gets a leading `'`, which makes it plain text (OWASP's advice). A plain
/// number such as `-3.5` or `+2%` and the `-` placeholder are left alone: they cannot run,
/// and the file must read back as the same values.
pub fn csv_text(t: &str) -> String {
    let risky = t.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(t) && !is_placeholder(t) {
        format!("'{t}")
    } else {
        t.to_string()
    }
}

fn is_plain_number(t: &str) -> bool {
    let body = t.strip_prefix(['+', '-']).unwrap_or(t);
    let body = body.strip_suffix('%').unwrap_or(body);
    let mut parts = body.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

fn is_placeholder(t: &str) -> bool {
    matches!(t, "-" | "--" | "—" | "——")
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
                csv_text(&r.seq),
                csv_text(&r.category),
                csv_text(&r.name),
                csv_text(&r.unit),
                csv_text(&r.attribute),
                r.baseline.as_csv(),
                r.target.as_csv(),
                r.current.as_csv(),
                share(r.completion),
                share(r.schedule),
                csv_text(&r.status),
                csv_text(&r.department),
            ])?;
        }
        w.flush().map_err(|e| XlsxError::Csv(e.to_string()))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::csv_text;

    #[test]
    fn formula_starts_are_neutralised_numbers_and_placeholders_kept() {
        for (input, out) in [
            (
                "=HYPERLINK(\"http://x\",\"点我\")",
                "'=HYPERLINK(\"http://x\",\"点我\")",
            ),
            ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
            ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
            ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
            ("\t=1+1", "'\t=1+1"),
            ("\r=1+1", "'\r=1+1"),
            ("-", "-"),
            ("—", "—"),
            ("-3.5", "-3.5"),
            ("+2%", "+2%"),
            ("-16%", "-16%"),
            ("-.5", "'-.5"),
            ("地区生产总值", "地区生产总值"),
            ("≥60%", "≥60%"),
            ("", ""),
        ] {
            assert_eq!(csv_text(input), out, "{input:?}");
        }
    }
}
