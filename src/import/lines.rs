//! Line-level clean-up of PDF-converted gazette text: TAB cells, stray spaces, markup.

/// Lines longer than this are prose (or garbage), never table rows; scanning them cell by
/// cell would only waste time on absurd input.
pub const MAX_ROW_CHARS: usize = 4000;

/// Splits a TAB row into trimmed cells. Trailing empty cells are kept: their count matters
/// when a row carries an extra column.
pub fn split_cells(line: &str) -> Vec<String> {
    line.split('\t').map(|c| c.trim().to_string()).collect()
}

/// A line that can be part of a table: it has a TAB and is not absurdly long.
pub fn is_tab_row(line: &str) -> bool {
    line.contains('\t') && line.len() <= MAX_ROW_CHARS * 4
}

pub fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// Number of non-empty cells.
pub fn filled(cells: &[String]) -> usize {
    cells.iter().filter(|c| !c.is_empty()).count()
}

/// Cells without the trailing empty ones.
pub fn trimmed_len(cells: &[String]) -> usize {
    cells
        .iter()
        .rposition(|c| !c.is_empty())
        .map_or(0, |i| i + 1)
}

/// Removes `<p>`-style tags left over from HTML conversion.
pub fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' if !in_tag => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    if in_tag {
        // An unclosed `<` is a comparator, not a tag.
        return s.to_string();
    }
    out
}

/// Removes sub/superscript markup: `PM _{2.5}` → `PM2.5`.
fn strip_script_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find(['_', '^']) {
        let after = &rest[pos + 1..];
        if let (true, Some(end)) = (after.starts_with('{'), after.find('}')) {
            out.push_str(rest[..pos].trim_end());
            out.push_str(after[1..end].trim());
            rest = &after[end + 1..];
        } else {
            out.push_str(&rest[..pos + 1]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

fn is_ascii_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Removes the spaces PDF conversion puts between characters (`生 态 保 护` → `生态保护`,
/// `III 类` → `III类`) but keeps a space between two Latin words or numbers.
pub fn despace(s: &str) -> String {
    let s = strip_script_markup(s);
    let chars: Vec<char> = s.trim().chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            let mut j = i;
            while j < chars.len() && chars[j].is_whitespace() {
                j += 1;
            }
            let prev = out.chars().last();
            let next = chars.get(j).copied();
            if let (Some(p), Some(n)) = (prev, next) {
                if is_ascii_word(p)
                    && is_ascii_word(n)
                    && !(p.is_ascii_digit() && n.is_ascii_digit())
                {
                    out.push(' ');
                }
            }
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Normalises a header cell for matching: no spaces, no markup.
pub fn header_key(s: &str) -> String {
    crate::grammar::normalize(&despace(s)).replace(' ', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_trims_cells() {
        assert_eq!(split_cells(" a \tb\t"), vec!["a", "b", ""]);
        assert_eq!(trimmed_len(&split_cells("a\t\tb\t\t")), 3);
        assert_eq!(filled(&split_cells("\t\tx\t")), 1);
    }

    #[test]
    fn removes_stray_spaces() {
        assert_eq!(despace("生 态 保 护"), "生态保护");
        assert_eq!(
            despace("地表水达到或好于 III 类水体比例"),
            "地表水达到或好于III类水体比例"
        );
        assert_eq!(despace("单位 GDP 二氧化碳"), "单位GDP二氧化碳");
        assert_eq!(despace("Hello World"), "Hello World");
    }

    #[test]
    fn removes_script_markup() {
        assert_eq!(despace("PM _{2.5} 浓度"), "PM2.5浓度");
        assert_eq!(
            despace("细颗粒物（PM _{2.5} ）浓度"),
            "细颗粒物（PM2.5）浓度"
        );
        assert_eq!(despace("a_b"), "a_b");
    }

    #[test]
    fn strips_tags_but_not_comparators() {
        assert_eq!(strip_tags("<p>注：1.x</p> <p>2.y</p>"), "注：1.x 2.y");
        assert_eq!(strip_tags("<1.3"), "<1.3");
    }
}
