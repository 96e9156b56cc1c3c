//! Reading progress values back from a filled-in export template. This layer only reads
//! cells: whether an id is a real indicator, and whether the value passes the entry rules,
//! is decided by `api::xlsx_import` against the database.

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Data, Range, Reader, Xlsx};

use super::export::format_number;
use super::layout::{HEADINGS, PERIOD_PREFIX, SHEET_NAME};
use super::XlsxError;
use crate::model::Period;
use crate::progress::{parse_number, QualStatus};

/// A value read from the 本期值 column.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportedValue {
    /// A number, as text the entry grid accepts ("65.2", "1,234").
    Number(String),
    /// 达到 / 基本达到 / 未达到 for qualitative indicators.
    Status(QualStatus),
}

#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    /// Row number as Excel shows it (from 1).
    pub row: u32,
    pub indicator_id: i64,
    /// 指标名称 as found in the row: checked against the indicator to catch shifted rows.
    pub name: String,
    /// `None` when 本期值 was left empty: the row is still checked (a shifted row often
    /// moves its value out of the column).
    pub value: Option<ImportedValue>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SheetRejection {
    pub row: u32,
    pub indicator_id: Option<i64>,
    pub name: String,
    /// Chinese, for the user.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SheetContents {
    /// The period the template was exported for (hidden cell A1), if present.
    pub period: Option<Period>,
    pub rows: Vec<SheetRow>,
    pub rejected: Vec<SheetRejection>,
}

fn text_of(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Float(f) => format_number(*f),
        Data::Int(i) => i.to_string(),
        other => other.to_string(),
    }
}

fn cell(range: &Range<Data>, row: u32, col: u32) -> &Data {
    range.get_value((row, col)).unwrap_or(&Data::Empty)
}

/// Finds the heading row among the first rows (the title row may have been deleted) and
/// maps each heading to its column.
fn find_headings(range: &Range<Data>) -> Option<(u32, HashMap<&'static str, u32>)> {
    let width = range.end().map(|(_, c)| c + 1).unwrap_or(0);
    (0..6).find_map(|row| {
        let map: HashMap<&'static str, u32> = (0..width)
            .filter_map(|c| {
                let t = text_of(cell(range, row, c));
                HEADINGS.iter().find(|h| **h == t).map(|h| (*h, c))
            })
            .collect();
        (map.contains_key("指标名称") && map.len() >= 3).then_some((row, map))
    })
}

fn read_id(d: &Data) -> Result<Option<i64>, String> {
    match d {
        Data::Empty => Ok(None),
        Data::Int(i) => Ok(Some(*i)),
        Data::Float(f) if f.fract() == 0.0 => Ok(Some(*f as i64)),
        Data::String(s) if s.trim().is_empty() => Ok(None),
        Data::String(s) => s
            .trim()
            .parse::<i64>()
            .map(Some)
            .map_err(|_| format!("编号“{}”不是整数：列可能错位", s.trim())),
        other => Err(format!("编号“{other}”不是整数：列可能错位")),
    }
}

fn read_value(d: &Data) -> Result<Option<ImportedValue>, String> {
    match d {
        Data::Empty => Ok(None),
        Data::Int(_) | Data::Float(_) => Ok(Some(ImportedValue::Number(text_of(d)))),
        Data::String(s) => {
            let t = s.trim();
            if t.is_empty() {
                Ok(None)
            } else if let Some(status) = QualStatus::parse(t) {
                Ok(Some(ImportedValue::Status(status)))
            } else if parse_number(t, None).is_some() || t.chars().any(|c| c.is_ascii_digit()) {
                // "2.49万张": the entry rules strip the indicator's unit and decide.
                Ok(Some(ImportedValue::Number(t.to_string())))
            } else {
                Err(format!(
                    "本期值“{t}”不是数字（定性指标请填 达到 / 基本达到 / 未达到）"
                ))
            }
        }
        Data::Bool(b) => Err(format!("本期值“{b}”是逻辑值，应为数字")),
        Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => {
            Err("本期值是日期或时间，应为数字（请把单元格格式改为“常规”或“数值”）".to_string())
        }
        Data::Error(e) => Err(format!("本期值是错误值 {e}，应为数字")),
    }
}

/// Reads the template's sheet. File-level problems (not an xlsx, wrong sheet, headings
/// missing) are errors; row-level problems are listed in `rejected`.
pub fn read_filled_template(bytes: &[u8]) -> Result<SheetContents, XlsxError> {
    // calamine's cell-reference arithmetic overflows on some damaged files (found by the
    // long property run: a debug build panics, a release build reads garbage). A damaged
    // file is an unreadable file, never a crash.
    std::panic::catch_unwind(|| read_template(bytes))
        .unwrap_or_else(|_| Err(XlsxError::Unreadable("文件已损坏".to_string())))
}

fn read_template(bytes: &[u8]) -> Result<SheetContents, XlsxError> {
    let mut wb: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| XlsxError::Unreadable(e.to_string()))?;
    let names = wb.sheet_names();
    if !names.iter().any(|n| n == SHEET_NAME) {
        return Err(XlsxError::WrongSheet(names.join("、")));
    }
    let range = wb
        .worksheet_range(SHEET_NAME)
        .map_err(|e| XlsxError::Unreadable(e.to_string()))?;
    let (header_row, cols) = find_headings(&range).ok_or(XlsxError::NoHeadings)?;
    let missing: Vec<&str> = ["编号", "指标名称", "本期值"]
        .into_iter()
        .filter(|h| !cols.contains_key(h))
        .collect();
    if !missing.is_empty() {
        return Err(XlsxError::MissingColumns(missing.join("、")));
    }
    let (c_id, c_name, c_value) = (cols["编号"], cols["指标名称"], cols["本期值"]);
    let mut out = SheetContents {
        period: text_of(cell(&range, 0, 0))
            .strip_prefix(PERIOD_PREFIX)
            .and_then(|p| p.parse().ok()),
        ..SheetContents::default()
    };
    let width = range.end().map(|(_, c)| c + 1).unwrap_or(0);
    let last_row = range.end().map(|(r, _)| r).unwrap_or(0);
    let mut seen: HashMap<i64, u32> = HashMap::new();
    for row in header_row + 1..=last_row {
        if (0..width).all(|c| text_of(cell(&range, row, c)).is_empty()) {
            continue;
        }
        let excel_row = row + 1;
        let name = text_of(cell(&range, row, c_name));
        let reject = |id: Option<i64>, reason: String| SheetRejection {
            row: excel_row,
            indicator_id: id,
            name: name.clone(),
            reason,
        };
        let id = match read_id(cell(&range, row, c_id)) {
            Ok(Some(id)) => id,
            Ok(None) => {
                let reason = "没有编号：不是导出模板中的指标行（请勿在模板中新增行）".to_string();
                out.rejected.push(reject(None, reason));
                continue;
            }
            Err(reason) => {
                out.rejected.push(reject(None, reason));
                continue;
            }
        };
        if let Some(first) = seen.insert(id, excel_row) {
            out.rejected.push(reject(
                Some(id),
                format!("编号 {id} 重复：第 {first} 行已有此指标"),
            ));
            continue;
        }
        match read_value(cell(&range, row, c_value)) {
            Ok(value) => out.rows.push(SheetRow {
                row: excel_row,
                indicator_id: id,
                name,
                value,
            }),
            Err(reason) => out.rejected.push(reject(Some(id), reason)),
        }
    }
    Ok(out)
}
