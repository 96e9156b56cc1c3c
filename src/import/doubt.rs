//! 待核对: rows whose reading is doubtful, each with the reason a person should look at it.

use crate::model::{Value, ValueKind};

/// A name longer than this is more likely a paragraph or two cells run together.
const MAX_NAME_CHARS: usize = 40;

fn digit_share(s: &str) -> f64 {
    let n = s.chars().count().max(1);
    let d = s
        .chars()
        .filter(|c| c.is_ascii_digit() || c.is_ascii_punctuation() || c.is_whitespace())
        .count();
    d as f64 / n as f64
}

/// A value cell that holds digits but gave no number (`12.3.4`, `1O0`).
fn unreadable(value: &Value) -> bool {
    let raw = crate::grammar::normalize(&value.raw);
    let has_digit = raw.chars().any(|c| c.is_ascii_digit());
    // `12.3.4`: the grammar reads 12.3, but no careful reader would.
    let malformed = raw
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .any(|t| t.matches('.').count() >= 2 && t.chars().any(|c| c.is_ascii_digit()));
    malformed
        || has_digit
            && value.value.is_none()
            && !matches!(
                value.kind,
                ValueKind::Pending | ValueKind::Placeholder | ValueKind::Empty
            )
}

/// What a person should check in a row; empty when nothing is doubtful.
pub struct RowFacts<'a> {
    pub name: &'a str,
    pub unit: Option<&'a str>,
    /// The unit column's cell, or the table's 单位：…
    pub column_unit: Option<&'a str>,
    pub values: [(&'a str, Option<&'a Value>); 3],
    pub expects_target: bool,
}

pub fn doubts(f: &RowFacts) -> Vec<String> {
    let mut out = Vec::new();
    let name = f.name.trim();
    if name.is_empty() {
        out.push("指标名称为空".to_string());
    } else if digit_share(name) > 0.5 {
        out.push(format!("指标名称“{name}”多为数字，可能是数值错位"));
    } else if name.chars().count() > MAX_NAME_CHARS {
        out.push("指标名称过长，可能把两格或一段正文读成了名称".to_string());
    }
    for (label, v) in f.values {
        if let Some(v) = v.filter(|v| unreadable(v)) {
            out.push(format!("{label}“{}”读不出数值", v.raw));
        }
    }
    if let (Some(u), Some(c)) = (f.unit, f.column_unit) {
        if squeeze(u) != squeeze(c) {
            out.push(format!("名称中的单位“{u}”与单位列的“{c}”不同"));
        }
    }
    if f.expects_target && f.values[1].1.is_none() && f.values[2].1.is_none() {
        out.push("没有读到目标值".to_string());
    }
    out
}

fn squeeze(s: &str) -> String {
    crate::grammar::normalize(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::parse_value;

    fn facts<'a>(name: &'a str, t: Option<&'a Value>) -> RowFacts<'a> {
        RowFacts {
            name,
            unit: None,
            column_unit: None,
            values: [("基期值", None), ("目标值", t), ("完成值", None)],
            expects_target: true,
        }
    }

    #[test]
    fn clean_rows_have_no_doubt() {
        let v = parse_value("≥60%");
        assert!(doubts(&facts("森林覆盖率", Some(&v))).is_empty());
        let q = parse_value("保持稳定");
        assert!(doubts(&facts("森林覆盖率", Some(&q))).is_empty());
    }

    #[test]
    fn flags_what_does_not_read() {
        let v = parse_value("12.3.4");
        let d = doubts(&facts("森林覆盖率", Some(&v)));
        assert!(d.iter().any(|d| d.contains("读不出数值")), "{d:?}");
        let v = parse_value("60");
        assert!(doubts(&facts("2025 56.3", Some(&v)))[0].contains("多为数字"));
        assert!(doubts(&facts("森林覆盖率", None))[0].contains("目标值"));
        let mut f = facts("森林覆盖率", Some(&v));
        f.unit = Some("%");
        f.column_unit = Some("万亩");
        assert!(doubts(&f)[0].contains("单位"));
        f.column_unit = Some("％");
        assert!(doubts(&f).is_empty());
    }
}
