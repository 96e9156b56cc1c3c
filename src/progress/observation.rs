//! Parts of an observation that carry rules of their own.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Status of a qualitative indicator (保持稳定, 基本消除 …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum QualStatus {
    #[serde(rename = "达到")]
    Achieved,
    #[serde(rename = "基本达到")]
    MostlyAchieved,
    #[serde(rename = "未达到")]
    NotAchieved,
}

impl QualStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            QualStatus::Achieved => "达到",
            QualStatus::MostlyAchieved => "基本达到",
            QualStatus::NotAchieved => "未达到",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.trim() {
            "达到" | "已达到" | "完成" => QualStatus::Achieved,
            "基本达到" | "基本完成" => QualStatus::MostlyAchieved,
            "未达到" | "未完成" => QualStatus::NotAchieved,
            _ => return None,
        })
    }
}

/// Which release a value comes from: preliminary, annual yearbook, or a later revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum Vintage {
    #[serde(rename = "快报")]
    Preliminary,
    #[serde(rename = "年报")]
    Annual,
    #[serde(rename = "修订")]
    Revised,
}

impl Vintage {
    pub fn as_str(self) -> &'static str {
        match self {
            Vintage::Preliminary => "快报",
            Vintage::Annual => "年报",
            Vintage::Revised => "修订",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.trim() {
            "快报" => Vintage::Preliminary,
            "年报" => Vintage::Annual,
            "修订" => Vintage::Revised,
            _ => return None,
        })
    }
}

/// Reads a number as typed or pasted from Excel/WPS: full-width digits, thousands
/// separators, surrounding spaces and a trailing % (or the indicator's own unit) are
/// accepted. `None` when the text is not a number.
pub fn parse_number(raw: &str, unit: Option<&str>) -> Option<f64> {
    let mut t: String = raw
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            '－' | '−' => '-',
            '＋' => '+',
            '％' => '%',
            _ => c,
        })
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{3000}' | '\u{a0}'))
        .collect();
    if let Some(u) = unit.map(str::trim).filter(|u| !u.is_empty()) {
        if let Some(stripped) = t.strip_suffix(u) {
            t = stripped.to_string();
        }
    }
    if let Some(stripped) = t.strip_suffix('%') {
        t = stripped.to_string();
    }
    if t.is_empty() || !t.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // Rust accepts "inf" and "NaN"; a value cell never means those.
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Whether an indicator is recorded as a status (达到 / 基本达到 / 未达到) rather than a number:
/// its target is a statement (保持稳定, 基本消除) and it has no numeric baseline to measure from.
pub fn is_qualitative(
    baseline: Option<&crate::model::Value>,
    target: Option<&crate::model::Value>,
) -> bool {
    let numeric_baseline = baseline.is_some_and(|b| b.value.is_some());
    let statement = target.is_some_and(|t| t.kind == crate::model::ValueKind::Qualitative);
    statement && !numeric_baseline
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_pasted_from_spreadsheets() {
        assert_eq!(parse_number(" 1,234.5 ", None), Some(1234.5));
        assert_eq!(parse_number("６５．２", None), Some(65.2));
        assert_eq!(parse_number("65.2%", Some("%")), Some(65.2));
        assert_eq!(parse_number("2.49万张", Some("万张")), Some(2.49));
        assert_eq!(parse_number("-3", None), Some(-3.0));
        assert_eq!(parse_number("abc", None), None);
        assert_eq!(parse_number("", None), None);
        assert_eq!(parse_number("inf", None), None);
        assert_eq!(parse_number("1.2.3", None), None);
    }

    #[test]
    fn statuses_and_vintages_round_trip() {
        for s in [
            QualStatus::Achieved,
            QualStatus::MostlyAchieved,
            QualStatus::NotAchieved,
        ] {
            assert_eq!(QualStatus::parse(s.as_str()), Some(s));
        }
        for v in [Vintage::Preliminary, Vintage::Annual, Vintage::Revised] {
            assert_eq!(Vintage::parse(v.as_str()), Some(v));
        }
        assert_eq!(QualStatus::parse("差不多"), None);
    }
}
