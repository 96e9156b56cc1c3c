//! The words the grammar recognises. All spellings are in normalised form (see
//! [`super::normalize`]): half-width `<` `%` `:`; CJK words unchanged.

use crate::model::{Direction, Qualifier};

/// Bounds written before the number, longest first so `<=` wins over `<`.
pub const PREFIX_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("不低于", Qualifier::Ge),
    ("不少于", Qualifier::Ge),
    ("不小于", Qualifier::Ge),
    ("不高于", Qualifier::Le),
    ("不超过", Qualifier::Le),
    ("不大于", Qualifier::Le),
    ("不多于", Qualifier::Le),
    ("大约", Qualifier::Approx),
    ("<=", Qualifier::Le),
    (">=", Qualifier::Ge),
    ("低于", Qualifier::Lt),
    ("小于", Qualifier::Lt),
    ("少于", Qualifier::Lt),
    ("高于", Qualifier::Gt),
    ("大于", Qualifier::Gt),
    ("超过", Qualifier::Gt),
    ("多于", Qualifier::Gt),
    ("≤", Qualifier::Le),
    ("≥", Qualifier::Ge),
    ("<", Qualifier::Lt),
    (">", Qualifier::Gt),
    ("约", Qualifier::Approx),
    ("≈", Qualifier::Approx),
];

/// Bounds written after the number (and after its unit).
pub const SUFFIX_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("及以上", Qualifier::Ge),
    ("及以下", Qualifier::Le),
    ("以上", Qualifier::Ge),
    ("以下", Qualifier::Le),
    ("以内", Qualifier::Le),
    ("左右", Qualifier::Approx),
    ("上下", Qualifier::Approx),
];

/// Verbs of a change against a reference: 下降16%, 提高1.4岁. Only a verb directly followed
/// by a number counts; 降至 / 提高到 name a level and are read as plain numbers.
pub const CHANGE_VERBS: &[(&str, Direction)] = &[
    ("下降", Direction::Decrease),
    ("降低", Direction::Decrease),
    ("减少", Direction::Decrease),
    ("削减", Direction::Decrease),
    ("压减", Direction::Decrease),
    ("缩减", Direction::Decrease),
    ("减小", Direction::Decrease),
    ("提高", Direction::Increase),
    ("增长", Direction::Increase),
    ("上升", Direction::Increase),
    ("增加", Direction::Increase),
    ("提升", Direction::Increase),
    ("增多", Direction::Increase),
    ("扩大", Direction::Increase),
];

/// Wording of a target that a higher authority sets later (按省下达目标, 完成省定目标).
pub const PENDING_MARKERS: &[&str] = &[
    "下达",
    "省定",
    "待定",
    "按国家",
    "按省",
    "按市",
    "国家要求",
    "省要求",
    "另行确定",
    "上级确定",
];

/// Whole-cell words meaning "no data".
pub const PLACEHOLDER_WORDS: &[&str] = &["无", "暂无", "空", "不适用", "N/A", "n/a", "NA"];

/// Characters that on their own (any number of them) mean "no data": dashes, slashes, dots.
pub fn is_placeholder_char(c: char) -> bool {
    matches!(
        c,
        '-' | '—' | '–' | '―' | '─' | '━' | '一' | '/' | '\\' | '…' | '·' | '.' | '~'
    )
}

/// Footnote marks that may trail a number: superscript digits, `*`, circled digits.
/// Returns the mark as it should be reported (`¹` → `1`, `②` → `2`, `*` → `*`).
pub fn footnote_mark(c: char) -> Option<String> {
    let digit = match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴'..='⁹' => Some(c as u32 - '⁴' as u32 + 4),
        '\u{2460}'..='\u{2473}' => Some(c as u32 - 0x2460 + 1),
        _ => None,
    };
    if let Some(d) = digit {
        return Some(d.to_string());
    }
    matches!(c, '*' | '※' | '†' | '‡' | '#' | '△' | '▲').then(|| c.to_string())
}

/// Cumulative-value brackets: `[..]` (also full-width, normalised to ASCII), `〔..〕`, `【..】`.
pub const CUMULATIVE_BRACKETS: &[(char, char)] =
    &[('[', ']'), ('〔', '〕'), ('【', '】'), ('〖', '〗')];
