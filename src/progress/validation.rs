//! Checks a careful reviewer makes on one entered value. Pure: the caller passes the
//! indicator's facts and the values already recorded for its other periods.
//!
//! Errors refuse the save. "Needs note" issues let the value be saved as a draft but block
//! submission until a note (or, for qualitative indicators, evidence) explains it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{parse_number, QualStatus};
use crate::model::Period;

/// A change from an earlier comparable value larger than this share (30 %) needs a note.
pub const CHANGE_THRESHOLD: f64 = 0.30;
/// Q4 year-to-date and the annual value of a flow indicator may differ by rounding only.
const Q4_TOLERANCE: f64 = 1e-4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    NeedsNote,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    NotANumber,
    MissingStatus,
    MissingEvidence,
    Negative,
    ShareOver100,
    LargeChange,
    CumulativeDecrease,
    Q4DiffersFromAnnual,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Issue {
    pub rule: Rule,
    pub severity: Severity,
    /// Chinese, shown next to the cell.
    pub message: String,
    /// For needs-note issues: the note (or evidence) has been given.
    pub resolved: bool,
}

impl Issue {
    fn error(rule: Rule, message: String) -> Self {
        Issue {
            rule,
            severity: Severity::Error,
            message,
            resolved: false,
        }
    }

    fn needs_note(rule: Rule, message: String, resolved: bool) -> Self {
        Issue {
            rule,
            severity: Severity::NeedsNote,
            message,
            resolved,
        }
    }

    /// Blocks submission: an error, or a needs-note issue without its note.
    pub fn blocks_submit(&self) -> bool {
        self.severity == Severity::Error || !self.resolved
    }
}

/// What the rules need to know about the indicator.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub name: &'a str,
    pub unit: Option<&'a str>,
    /// Year-to-date cumulative within a year (see [`super::suggest_flow`]).
    pub flow: bool,
    /// Recorded as 达到 / 基本达到 / 未达到 rather than a number.
    pub qualitative: bool,
}

/// One cell as entered.
#[derive(Debug, Clone, Copy, Default)]
pub struct Entry<'a> {
    pub value: Option<&'a str>,
    pub status: Option<QualStatus>,
    pub evidence: Option<&'a str>,
    pub note: Option<&'a str>,
}

/// The outcome: the number or status read from the entry, and every issue found.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub value: Option<f64>,
    pub status: Option<QualStatus>,
    pub issues: Vec<Issue>,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity == Severity::Error)
    }
}

fn filled(s: Option<&str>) -> bool {
    s.is_some_and(|t| !t.trim().is_empty())
}

/// Words that mark a change or a balance, which may legitimately be negative or exceed 100 %.
fn is_change_measure(name: &str) -> bool {
    [
        "增长",
        "增速",
        "增幅",
        "变化",
        "变动",
        "下降",
        "降低",
        "减少",
        "提高",
        "比上年",
        "差额",
        "净",
        "年均",
    ]
    .iter()
    .any(|w| name.contains(w))
}

/// Counts, amounts, rates and levels cannot be negative; changes and temperatures can.
pub fn may_be_negative(name: &str, unit: Option<&str>) -> bool {
    is_change_measure(name) || unit.is_some_and(|u| u.contains('℃'))
}

/// A share or rate in per cent (城镇化率, 森林覆盖率, 占比): at most 100.
pub fn is_share(name: &str, unit: Option<&str>) -> bool {
    let percent = unit.is_some_and(|u| matches!(u.trim(), "%" | "％"));
    percent && !is_change_measure(name)
}

/// Where a period ends, as (year, quarter): a year ends with its fourth quarter.
fn end(p: Period) -> (i32, u8) {
    match p {
        Period::Year(y) => (y, 4),
        Period::Quarter(y, q) => (y, q),
    }
}

/// The same period one year before.
fn year_before(p: Period) -> Period {
    match p {
        Period::Year(y) => Period::Year(y - 1),
        Period::Quarter(y, q) => Period::Quarter(y - 1, q),
    }
}

/// The values a new value is measured against: the latest earlier comparable value, however
/// long ago (the period just before may have none), and the same period a year before.
/// A stock compares with any earlier value (an annual value is its fourth quarter). A flow's
/// year-to-date sum grows through the year, so only the same point of an earlier year
/// compares (a fourth quarter and a year are the same point; within one year that pair has
/// its own rule, [`Rule::Q4DiffersFromAnnual`]).
fn comparable_earlier(period: Period, flow: bool, others: &[(Period, f64)]) -> Vec<(Period, f64)> {
    let same_point = |p: Period| match (period, p) {
        (Period::Quarter(_, a), Period::Quarter(_, b)) => a == b,
        (Period::Year(_), Period::Quarter(_, q)) | (Period::Quarter(_, q), Period::Year(_)) => {
            q == 4
        }
        (Period::Year(_), Period::Year(_)) => true,
    };
    let comparable = |p: Period| {
        p != period
            && end(p) <= end(period)
            && (!flow || (same_point(p) && p.year() < period.year()))
    };
    // Same end: prefer a value of the same kind (annual for annual, quarter for quarter).
    let same_kind = |p: Period| matches!(p, Period::Year(_)) == matches!(period, Period::Year(_));
    let latest = others
        .iter()
        .filter(|(p, _)| comparable(*p))
        .max_by_key(|(p, _)| (end(*p), same_kind(*p)))
        .copied();
    let a_year_before = others
        .iter()
        .find(|(p, _)| *p == year_before(period))
        .copied();
    let mut out: Vec<(Period, f64)> = latest.into_iter().collect();
    if let Some(y) = a_year_before.filter(|y| Some(*y) != latest) {
        out.push(y);
    }
    out
}

fn fmt(v: f64) -> String {
    let s = format!("{v:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Applies every rule to `entry` for `period`. `others` holds the indicator's recorded
/// numeric values for other periods (the period itself is ignored if present).
pub fn check(facts: &Facts, period: Period, entry: &Entry, others: &[(Period, f64)]) -> Checked {
    let mut issues = Vec::new();
    let noted = filled(entry.note);
    let raw = entry.value.map(str::trim).filter(|t| !t.is_empty());

    if facts.qualitative {
        let status = entry.status.or_else(|| raw.and_then(QualStatus::parse));
        match status {
            None => issues.push(Issue::error(
                Rule::MissingStatus,
                "定性指标请选择“达到”“基本达到”或“未达到”".into(),
            )),
            Some(_) => issues.push(Issue::needs_note(
                Rule::MissingEvidence,
                "定性指标需填写佐证材料说明".into(),
                filled(entry.evidence),
            )),
        }
        return Checked {
            value: None,
            status,
            issues,
        };
    }

    let Some(raw) = raw else {
        issues.push(Issue::error(Rule::NotANumber, "请填写数值".into()));
        return Checked {
            value: None,
            status: None,
            issues,
        };
    };
    let Some(v) = parse_number(raw, facts.unit) else {
        issues.push(Issue::error(
            Rule::NotANumber,
            format!("“{raw}”不是有效的数字"),
        ));
        return Checked {
            value: None,
            status: None,
            issues,
        };
    };
    let others: Vec<(Period, f64)> = others
        .iter()
        .copied()
        .filter(|(p, _)| *p != period)
        .collect();

    if v < 0.0 && !may_be_negative(facts.name, facts.unit) {
        issues.push(Issue::error(
            Rule::Negative,
            format!("“{}”不能为负数", facts.name),
        ));
    }
    if v > 100.0 && is_share(facts.name, facts.unit) {
        issues.push(Issue::error(
            Rule::ShareOver100,
            format!("比率或占比不能超过100%（填写的是 {}）", fmt(v)),
        ));
    }
    for (p, prev) in comparable_earlier(period, facts.flow, &others) {
        if prev != 0.0 && ((v - prev) / prev).abs() > CHANGE_THRESHOLD {
            issues.push(Issue::needs_note(
                Rule::LargeChange,
                format!(
                    "与{}（{}）相比变化 {:.1}%，超过 {:.0}%，请在备注中说明原因",
                    p.label_zh(),
                    fmt(prev),
                    (v - prev) / prev.abs() * 100.0,
                    CHANGE_THRESHOLD * 100.0
                ),
                noted,
            ));
        }
    }
    if facts.flow {
        check_cumulative(period, v, &others, noted, &mut issues);
    }
    Checked {
        value: Some(v),
        status: None,
        issues,
    }
}

/// Year-to-date sums never fall within a year, and the fourth quarter is the year.
fn check_cumulative(
    period: Period,
    v: f64,
    others: &[(Period, f64)],
    noted: bool,
    issues: &mut Vec<Issue>,
) {
    let find = |p: Period| others.iter().find(|(q, _)| *q == p).map(|(_, x)| *x);
    let q4_differs = |q4: f64, year: f64| (q4 - year).abs() > Q4_TOLERANCE * year.abs().max(1.0);
    match period {
        Period::Quarter(y, q) => {
            let earlier = (1..q)
                .rev()
                .find_map(|k| find(Period::Quarter(y, k)).map(|x| (k, x)));
            if let Some((k, x)) = earlier.filter(|(_, x)| v < *x) {
                issues.push(Issue::error(
                    Rule::CumulativeDecrease,
                    format!(
                        "累计值 {} 低于第{k}季度的 {}，累计数不应减少",
                        fmt(v),
                        fmt(x)
                    ),
                ));
            }
            let later = (q + 1..=4).find_map(|k| find(Period::Quarter(y, k)).map(|x| (k, x)));
            if let Some((k, x)) = later.filter(|(_, x)| v > *x) {
                issues.push(Issue::error(
                    Rule::CumulativeDecrease,
                    format!(
                        "累计值 {} 高于已填的第{k}季度 {}，累计数不应减少",
                        fmt(v),
                        fmt(x)
                    ),
                ));
            }
            if q == 4 {
                if let Some(year) = find(Period::Year(y)).filter(|&a| q4_differs(v, a)) {
                    issues.push(Issue::needs_note(
                        Rule::Q4DiffersFromAnnual,
                        format!(
                            "第四季度累计值 {} 与全年值 {} 不一致，请核对或在备注中说明",
                            fmt(v),
                            fmt(year)
                        ),
                        noted,
                    ));
                }
            }
        }
        Period::Year(y) => {
            if let Some(q4) = find(Period::Quarter(y, 4)).filter(|&q4| q4_differs(q4, v)) {
                issues.push(Issue::needs_note(
                    Rule::Q4DiffersFromAnnual,
                    format!(
                        "全年值 {} 与第四季度累计值 {} 不一致，请核对或在备注中说明",
                        fmt(v),
                        fmt(q4)
                    ),
                    noted,
                ));
            }
        }
    }
}

#[cfg(test)]
#[path = "validation_tests.rs"]
mod tests;
