//! Value grammar: one parser turns any baseline / target / actual cell into a typed
//! [`Value`] that keeps its raw text. Pure; no I/O; never fails and never panics.
//!
//! The cell is read in layers, outside in: placeholder → footnote mark → cumulative brackets
//! → pending wording → ratio → change against a reference → range → number with qualifier
//! and unit → qualitative text.

mod lexicon;
pub mod normalize;
mod number;
mod range;
mod relative;

#[cfg(test)]
mod tests;

pub use normalize::normalize;

use crate::model::{NumberRange, Ratio, Value, ValueKind};
use lexicon::{
    footnote_mark, is_placeholder_char, CUMULATIVE_BRACKETS, PENDING_MARKERS, PLACEHOLDER_WORDS,
};
use normalize::strip_stray_spaces;
use number::{read_number, scan_number};

/// Parses one cell. Text that holds no number becomes a qualitative (or pending) value.
pub fn parse_value(raw: &str) -> Value {
    let raw = raw.trim();
    let mut value = Value {
        raw: raw.to_string(),
        ..Value::empty()
    };
    // Reading works on normalised text without whitespace: `< 42.5`, `6.0 左右`, `77.8 ¹`.
    let work: Vec<char> = normalize::decimal_points(&normalize(raw))
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    if work.is_empty() {
        return value;
    }
    if is_placeholder(&work) {
        value.kind = ValueKind::Placeholder;
        return value;
    }
    let (body, footnote) = split_footnote(&work);
    value.footnote = footnote;
    if body.is_empty() {
        // Only a footnote mark: there is still no value.
        return value;
    }
    let (inner, cumulative) = strip_cumulative(body);
    value.cumulative = cumulative;
    let (inner, inner_footnote) = split_footnote(inner);
    if value.footnote.is_none() {
        value.footnote = inner_footnote;
    }
    if inner.is_empty() || is_placeholder(inner) {
        value.kind = ValueKind::Placeholder;
        return value;
    }
    read_statement(inner, value, strip_stray_spaces(raw))
}

/// Reads what the cell states once marks and brackets are removed.
fn read_statement(s: &[char], mut value: Value, shown: String) -> Value {
    if let Some(ratio) = read_ratio(s) {
        value.kind = ValueKind::Ratio;
        value.value = (ratio.left != 0.0).then(|| ratio.right / ratio.left);
        value.ratio = Some(ratio);
        return value;
    }
    if let Some(reading) = relative::read_change(s) {
        value.kind = ValueKind::Relative;
        value.value = Some(reading.amount.value);
        value.qualifier = reading.amount.qualifier;
        value.unit_in_cell = reading.amount.unit;
        value.relative = Some(reading.change);
        value.text = Some(shown);
        return value;
    }
    if let Some(reading) = range::read_range(s) {
        value.kind = ValueKind::Number;
        // The first number, as before ranges were read: `extract` output stays the same.
        value.value = Some(reading.low);
        value.range = Some(NumberRange {
            low: reading.low,
            high: reading.high,
        });
        value.unit_in_cell = reading.unit;
        value.text = Some(shown);
        return value;
    }
    if let Some(reading) = read_number(s) {
        value.kind = ValueKind::Number;
        value.value = Some(reading.value);
        value.qualifier = reading.qualifier;
        value.text = reading.has_words().then_some(shown);
        value.unit_in_cell = reading.unit;
        return value;
    }
    let text: String = s.iter().collect();
    value.kind = if PENDING_MARKERS.iter().any(|m| text.contains(m)) {
        ValueKind::Pending
    } else {
        ValueKind::Qualitative
    };
    value.text = Some(shown);
    value
}

/// Dashes, slashes or 无 alone: no data in this cell.
fn is_placeholder(s: &[char]) -> bool {
    if s.iter().all(|&c| is_placeholder_char(c)) {
        return true;
    }
    let text: String = s.iter().collect();
    PLACEHOLDER_WORDS.contains(&text.as_str())
}

/// Splits trailing footnote marks (`77.8¹`, `56.09*`) from the body.
fn split_footnote(s: &[char]) -> (&[char], Option<String>) {
    let mut end = s.len();
    let mut marks = Vec::new();
    while end > 0 {
        match footnote_mark(s[end - 1]) {
            Some(mark) => {
                marks.push(mark);
                end -= 1;
            }
            None => break,
        }
    }
    if marks.is_empty() {
        return (s, None);
    }
    marks.reverse();
    (&s[..end], Some(marks.concat()))
}

/// Removes the five-year cumulative brackets around the whole cell: `[19.5]`, `〔17〕`, `【3】`.
fn strip_cumulative(s: &[char]) -> (&[char], bool) {
    for &(open, close) in CUMULATIVE_BRACKETS {
        if s.len() >= 2 && s[0] == open && s[s.len() - 1] == close {
            return (&s[1..s.len() - 1], true);
        }
    }
    (s, false)
}

/// `1:1.01` — exactly two numbers around a colon.
fn read_ratio(s: &[char]) -> Option<Ratio> {
    let left = scan_number(s, 0)?;
    if s.get(left.end) != Some(&':') {
        return None;
    }
    let right = scan_number(s, left.end + 1)?;
    (right.end == s.len()).then_some(Ratio {
        left: left.value,
        right: right.value,
    })
}
