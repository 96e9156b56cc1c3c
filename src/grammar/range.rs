//! Ranges in a cell: `3~5`, `2%—3%`, `1至2所`, `5-6家`. Gazettes of other cities write
//! targets this way (the plan asks for a value inside the range); the evaluation judges
//! against the bound on the indicator's side.

use super::number::{
    could_be_year, find_value_number, read_prefix, read_suffix, read_unit, scan_number,
};

/// Between the two numbers. `—` is the em dash left as is by normalisation.
const SEPARATORS: &[char] = &['~', '-', '—', '–', '至', '到'];

#[derive(Debug, Clone, PartialEq)]
pub struct RangeReading {
    pub low: f64,
    pub high: f64,
    pub unit: Option<String>,
}

/// Reads a cell that is a range and nothing else (but leading words). A bound before it
/// (`≥3-5`), words after it, two different units, a first number not below the second or
/// two years (`2021-2025`) mean it is not read as a range.
pub fn read_range(s: &[char]) -> Option<RangeReading> {
    let low = find_value_number(s, 0)?;
    // Leading words (达到, 力争) are allowed; a bound is not.
    if read_prefix(&s[..low.start]).0.is_some() {
        return None;
    }
    // 至 and 到 are separators, not the end of a unit.
    let (left_unit, unit_len) = read_unit(&s[low.end..], |c| SEPARATORS.contains(&c));
    let sep = low.end + unit_len;
    if !s.get(sep).is_some_and(|c| SEPARATORS.contains(c)) {
        return None;
    }
    let high = scan_number(s, sep + 1)?;
    let suffix = read_suffix(&s[high.end..]);
    if suffix.qualifier.is_some() || suffix.rest_len > 0 {
        return None;
    }
    let unit = match (left_unit, suffix.unit) {
        (Some(a), Some(b)) if a != b => return None,
        (a, b) => a.or(b),
    };
    if low.value >= high.value || (could_be_year(low.value) && could_be_year(high.value)) {
        return None;
    }
    Some(RangeReading {
        low: low.value,
        high: high.value,
        unit,
    })
}
