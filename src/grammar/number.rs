//! Numbers inside a cell and the words around them: the qualifier before (`≥`, 不低于, 约),
//! and the unit and qualifier after (`2.49万张`, `10%以上`, `6 左右`).
//! Works on normalised text with all whitespace removed, as a `&[char]`.

use super::lexicon::{PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS};
use crate::model::Qualifier;

/// A number with its qualifier and unit, and whether other words surround it.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberReading {
    pub value: f64,
    pub qualifier: Option<Qualifier>,
    pub unit: Option<String>,
    /// Words before the number that are not a qualifier (达到, 年均, 力争).
    pub prefix_words: bool,
    /// Words after unit and qualifier (（国家级）, ，年均增速…).
    pub suffix_words: bool,
}

impl NumberReading {
    pub fn has_words(&self) -> bool {
        self.prefix_words || self.suffix_words
    }
}

/// Reads the first value number in `s` with the words around it.
pub fn read_number(s: &[char]) -> Option<NumberReading> {
    let found = find_value_number(s, 0)?;
    let (prefix_qualifier, words_before) = read_prefix(&s[..found.start]);
    let suffix = read_suffix(&s[found.end..]);
    // `约6左右` says approx twice; a bound before the number wins over 左右 after it.
    let qualifier = match (prefix_qualifier, suffix.qualifier) {
        (Some(Qualifier::Approx), Some(q)) => Some(q),
        (Some(q), _) => Some(q),
        (None, q) => q,
    };
    Some(NumberReading {
        value: found.value,
        qualifier,
        unit: suffix.unit,
        prefix_words: words_before > 0,
        suffix_words: suffix.rest_len > 0,
    })
}

/// A number found at `start..end` of the scanned characters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Found {
    pub value: f64,
    pub start: usize,
    pub end: usize,
}

/// What follows a number: its unit, its qualifier and whatever words remain.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Suffix {
    pub unit: Option<String>,
    pub qualifier: Option<Qualifier>,
    /// Characters left over after unit and qualifier (words, notes in parentheses).
    pub rest_len: usize,
}

/// Longest unit written inside a cell (万吨标准煤, 个百分点); longer CJK runs are words.
const MAX_UNIT_CHARS: usize = 6;

/// Reads the number starting at `start` (`-2.5`, `1,000`, `37.3`), if there is one.
pub fn scan_number(s: &[char], start: usize) -> Option<Found> {
    let mut i = start;
    let mut text = String::new();
    if s.get(i) == Some(&'-') {
        let prev_is_digit = start > 0 && s[start - 1].is_ascii_digit();
        if prev_is_digit || !s.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        text.push('-');
        i += 1;
    }
    if !s.get(i).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut seen_point = false;
    while i < s.len() {
        let c = s[i];
        if c.is_ascii_digit() {
            text.push(c);
            i += 1;
        } else if c == ',' && !seen_point && is_thousands_group(s, i + 1) {
            i += 1;
        } else if c == '.' && !seen_point && s.get(i + 1).is_some_and(|d| d.is_ascii_digit()) {
            seen_point = true;
            text.push('.');
            i += 1;
        } else {
            break;
        }
    }
    let value: f64 = text.parse().ok()?;
    value.is_finite().then_some(Found {
        value,
        start,
        end: i,
    })
}

/// `1,000`: exactly three digits follow the comma and no fourth.
fn is_thousands_group(s: &[char], at: usize) -> bool {
    (0..3).all(|k| s.get(at + k).is_some_and(|c| c.is_ascii_digit()))
        && !s.get(at + 3).is_some_and(|c| c.is_ascii_digit())
}

/// The first number in `s[from..]` that states a value, skipping years written as dates
/// (`比2020年`, `到2025年`): those are references, not amounts.
pub fn find_value_number(s: &[char], from: usize) -> Option<Found> {
    let mut i = from;
    while i < s.len() {
        let prev_is_digit = i > 0 && (s[i - 1].is_ascii_digit() || s[i - 1] == '.');
        if !prev_is_digit {
            if let Some(found) = scan_number(s, i) {
                if !is_year(s, &found) {
                    return Some(found);
                }
                i = found.end;
                continue;
            }
        }
        i += 1;
    }
    None
}

fn is_year(s: &[char], found: &Found) -> bool {
    let plausible = found.end - found.start == 4 && could_be_year(found.value);
    let before = found.start.checked_sub(1).map(|j| s[j]);
    let after = s.get(found.end).copied();
    plausible && (matches!(after, Some('年')) || matches!(before, Some('比' | '较' | '于')))
}

/// A whole number a plan could mean as a year.
pub fn could_be_year(v: f64) -> bool {
    v.fract() == 0.0 && (1900.0..=2100.0).contains(&v)
}

/// A qualifier that `prefix` ends with, and the length of what precedes it.
pub fn read_prefix(prefix: &[char]) -> (Option<Qualifier>, usize) {
    let mut end = prefix.len();
    // A leading `+` carries no meaning of its own.
    if end > 0 && prefix[end - 1] == '+' {
        end -= 1;
    }
    let mut qualifier = None;
    for (word, q) in PREFIX_QUALIFIERS {
        let w: Vec<char> = word.chars().collect();
        if end >= w.len() && prefix[end - w.len()..end] == w[..] {
            qualifier = Some(*q);
            end -= w.len();
            break;
        }
    }
    (qualifier, end)
}

/// Reads unit, qualifier and leftovers after a number.
pub fn read_suffix(rest: &[char]) -> Suffix {
    let (unit, mut i) = read_unit(rest, |_| false);
    let mut qualifier = None;
    if let Some((len, q)) = suffix_qualifier_at(rest, i) {
        qualifier = Some(q);
        i += len;
    }
    Suffix {
        unit,
        qualifier,
        rest_len: rest.len() - i,
    }
}

/// The unit at the start of `rest` and its length: `%`, `‰`, or a word of CJK ideographs or
/// Latin letters up to a suffix qualifier, punctuation or a character `stop` names.
pub fn read_unit(rest: &[char], stop: impl Fn(char) -> bool) -> (Option<String>, usize) {
    match rest.first() {
        Some(&c) if c == '%' || c == '‰' => (Some(c.to_string()), 1),
        _ => {
            let mut run = 0;
            while run < rest.len() {
                let c = rest[run];
                let unit_char = is_ideograph(c) || c.is_ascii_alphabetic();
                if !unit_char || stop(c) || suffix_qualifier_at(rest, run).is_some() {
                    break;
                }
                run += 1;
            }
            if run == 0 || run > MAX_UNIT_CHARS {
                (None, 0)
            } else {
                (Some(rest[..run].iter().collect()), run)
            }
        }
    }
}

fn suffix_qualifier_at(s: &[char], at: usize) -> Option<(usize, Qualifier)> {
    SUFFIX_QUALIFIERS.iter().find_map(|(word, q)| {
        let w: Vec<char> = word.chars().collect();
        (s.len() >= at + w.len() && s[at..at + w.len()] == w[..]).then_some((w.len(), *q))
    })
}

/// CJK unified ideographs (the basic block and extension A).
pub fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}
