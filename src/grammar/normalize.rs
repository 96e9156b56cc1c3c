//! Text normalisation shared by the grammar and the importer: gazette text mixes full-width
//! and half-width forms freely, and PDF conversion scatters spaces between CJK characters.

/// Maps full-width ASCII forms (digits, letters, `＜` `％` `：` `（`…) to ASCII, the ideographic
/// space to a plain space, and the comparison and dash look-alikes to one spelling each.
/// CJK brackets (`〔〕` `【】`) and Chinese punctuation without an ASCII twin are kept.
pub fn normalize(s: &str) -> String {
    s.chars().map(normalize_char).collect()
}

fn normalize_char(c: char) -> char {
    match c {
        // Full-width ASCII block FF01..FF5E maps 1:1 onto 21..7E.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' => ' ',
        '≦' | '⩽' => '≤',
        '≧' | '⩾' => '≥',
        '\u{2212}' | '\u{2010}' | '\u{2011}' => '-',
        '﹤' => '<',
        '﹥' => '>',
        _ => c,
    }
}

/// `12。5` → `12.5`: an ideographic full stop between digits was meant as a decimal point.
pub fn decimal_points(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let digit = |i: Option<&char>| i.is_some_and(|c| c.is_ascii_digit());
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let between = i > 0 && digit(chars.get(i - 1)) && digit(chars.get(i + 1));
            if c == '。' && between {
                '.'
            } else {
                c
            }
        })
        .collect()
}

/// Whether `c` is a CJK ideograph or CJK punctuation (anything that is not spaced in Chinese).
pub fn is_wide(c: char) -> bool {
    !c.is_ascii()
}

/// Removes whitespace next to a non-ASCII character (`基本建 立` → `基本建立`,
/// `与 GDP 增长` → `与GDP增长`) and collapses other whitespace runs to one space.
/// Keeps the original character forms: this is how text values are shown to users.
pub fn strip_stray_spaces(s: &str) -> String {
    let chars: Vec<char> = s.trim().chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            let start = i;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            let before = start.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i).copied();
            let wide_neighbour = before.is_some_and(is_wide) || after.is_some_and(is_wide);
            if !wide_neighbour {
                out.push(' ');
            }
            continue;
        }
        if !c.is_control() {
            out.push(c);
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_forms_become_ascii() {
        assert_eq!(normalize("＜５.５％"), "<5.5%");
        assert_eq!(normalize("１：１．０１"), "1:1.01");
        assert_eq!(normalize("（万人）"), "(万人)");
        assert_eq!(normalize("≧60"), "≥60");
        assert_eq!(normalize("〔17〕"), "〔17〕");
    }

    #[test]
    fn ideographic_full_stops_between_digits_are_decimal_points() {
        assert_eq!(decimal_points(&normalize("１２。５")), "12.5");
        assert_eq!(decimal_points("达到12。"), "达到12。");
    }

    #[test]
    fn stray_spaces_between_cjk_are_removed() {
        assert_eq!(strip_stray_spaces("基本建 立"), "基本建立");
        assert_eq!(
            strip_stray_spaces("与 GDP 增长基本同步"),
            "与GDP增长基本同步"
        );
        assert_eq!(strip_stray_spaces(" a   b "), "a b");
    }
}
