//! Column roles from what the cells hold: a column of 约束性/预期性 is the attribute wherever
//! it stands, a column of 1, 2, 3 … is the sequence, of %, 万人 … the unit, of short texts
//! repeated down the rows (or given once over a block) the category. Header words come
//! first; contents settle columns the header leaves open and overrule it for the attribute.

use super::header::{is_indicator_label, Header, Role};
use super::lines::despace;
use super::name::{is_seq_cell, is_unit};
use crate::model::Attribute;

/// Share of a column's filled cells above which the column is read as that kind.
const MOSTLY: f64 = 0.8;

/// What one column's cells look like.
#[derive(Debug, Default, Clone)]
pub struct ColumnStats {
    pub rows: usize,
    pub filled: usize,
    pub attributes: usize,
    pub seqs: usize,
    pub units: usize,
    pub numbers: usize,
    pub texts: usize,
    pub distinct_texts: usize,
    pub text_chars: usize,
    /// Neighbouring sequence cells that count on by one (1, 2, 3 …).
    pub seq_steps: usize,
    /// Sequence cells holding 1: a count starts (or starts again for a new category).
    pub seq_ones: usize,
}

fn is_placeholder(s: &str) -> bool {
    s.chars()
        .all(|c| matches!(c, '-' | '—' | '–' | '－' | '/' | '／' | ' '))
}

fn has_digit(s: &str) -> bool {
    s.chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

pub fn stats(rows: &[&[String]], col: usize) -> ColumnStats {
    let mut st = ColumnStats {
        rows: rows.len(),
        ..Default::default()
    };
    let mut seen: Vec<&str> = Vec::new();
    let mut last_seq: Option<u32> = None;
    for r in rows {
        let Some(c) = r.get(col).map(|c| c.trim()).filter(|c| !c.is_empty()) else {
            continue;
        };
        st.filled += 1;
        if is_placeholder(c) {
            continue;
        }
        if Attribute::parse(c).is_some() {
            st.attributes += 1;
        } else if is_seq_cell(c) {
            st.seqs += 1;
            let n: Option<u32> = super::name::seq_of(c).parse().ok();
            st.seq_ones += usize::from(n == Some(1));
            if let (Some(p), Some(n)) = (last_seq, n) {
                if n == p + 1 {
                    st.seq_steps += 1;
                }
            }
            last_seq = n;
        } else if is_unit(&despace(c)) {
            st.units += 1;
        } else if has_digit(c) {
            st.numbers += 1;
        } else {
            st.texts += 1;
            st.text_chars += c.chars().count();
            if !seen.contains(&c) {
                seen.push(c);
            }
        }
    }
    st.distinct_texts = seen.len();
    st
}

impl ColumnStats {
    fn share(&self, n: usize) -> f64 {
        if self.filled == 0 {
            0.0
        } else {
            n as f64 / self.filled as f64
        }
    }

    pub fn is_attribute(&self) -> bool {
        self.attributes >= 2 && self.share(self.attributes) >= 0.6
    }

    /// Numbers that count on (1, 2, 3; a count that restarts or skips a row is fine):
    /// small values such as 74, 75, 78 are a value column, not a sequence.
    fn is_seq(&self) -> bool {
        self.seqs >= 2
            && self.share(self.seqs) >= MOSTLY
            && self.seq_ones > 0
            && self.seq_steps * 2 >= self.seqs.saturating_sub(1)
    }

    fn is_unit(&self) -> bool {
        self.units >= 2 && self.share(self.units + self.seqs.min(1)) >= MOSTLY
    }

    /// Short texts that repeat down the column, or a few texts over blocks of empty cells
    /// (a merged first column).
    fn is_category(&self) -> bool {
        if self.texts < 2 || self.share(self.texts) < MOSTLY {
            return false;
        }
        let short = self.text_chars <= self.texts * 8;
        let repeated = self.distinct_texts * 2 <= self.texts;
        let sparse = self.filled * 2 <= self.rows;
        short && (repeated || sparse)
    }

    /// Names: texts that do not repeat.
    fn is_names(&self) -> bool {
        self.texts >= 2
            && self.share(self.texts) >= 0.6
            && self.distinct_texts * 10 >= self.texts * 9
    }
}

/// Settles roles from the body's cells; records why in the header's reasons.
pub fn refine(header: &mut Header, rows: &[&[String]]) {
    if rows.is_empty() {
        return;
    }
    let width = header.roles.len();
    let all: Vec<ColumnStats> = (0..width).map(|c| stats(rows, c)).collect();
    // The attribute: wherever 约束性/预期性 stand. A header's attribute column that holds
    // some of them stays: rows with an extra cell after the name (a merged name cell in
    // Word) carry theirs one column further, and each row's layout finds it there.
    let header_attribute_holds_some = header
        .col(Role::Attribute)
        .is_some_and(|a| all[a].attributes > 0);
    let found = (0..width).find(|&c| all[c].is_attribute());
    if let Some(c) = found.filter(|_| !header_attribute_holds_some) {
        if header.roles[c] != Role::Attribute {
            for r in header.roles.iter_mut().filter(|r| **r == Role::Attribute) {
                *r = Role::Other;
            }
            header.roles[c] = Role::Attribute;
        }
        add_reason(header, c, "内容为约束性/预期性");
    }
    // A name column holding only numbers 1, 2, 3 is the sequence; the names stand beside it
    // under an empty header cell.
    if let Some(n) = header.col(Role::Name) {
        if all[n].is_seq() && header.col(Role::Seq).is_none() {
            let names = (0..width).find(|&c| header.roles[c] == Role::Other && all[c].is_names());
            if let Some(m) = names {
                header.roles[n] = Role::Seq;
                header.roles[m] = Role::Name;
                header.labels.swap(n, m);
                add_reason(header, n, "内容为序号");
                add_reason(header, m, "内容为指标名称");
            }
        }
    }
    for (c, st) in all.iter().enumerate() {
        // A regional table's column per indicator (`耕地保有量（万亩）`) holds values.
        if header.roles[c] != Role::Other || is_indicator_label(&header.labels[c]) {
            continue;
        }
        let (role, why) = if st.is_seq() {
            (Role::Seq, "内容为序号")
        } else if st.is_unit() {
            (Role::Unit, "内容为计量单位")
        } else if st.is_category() && header.labels[c].is_empty() {
            (Role::Category, "内容为重复的短文字（类别）")
        } else {
            continue;
        };
        if header.col(role).is_none() {
            header.roles[c] = role;
            add_reason(header, c, why);
        }
    }
}

fn add_reason(header: &mut Header, c: usize, why: &str) {
    if let Some(r) = header.reasons.get_mut(c) {
        if !r.is_empty() {
            r.push('；');
        }
        r.push_str(why);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::header::detect;
    use crate::import::lines::split_cells;

    fn rows(lines: &[&str]) -> Vec<Vec<String>> {
        lines.iter().map(|l| split_cells(l)).collect()
    }

    #[test]
    fn the_attribute_is_read_wherever_it_stands() {
        let (mut h, _) = detect(&split_cells("指标\t\t2025年\t2030年"), None).unwrap();
        let body = rows(&["森林覆盖率\t约束性\t25\t26", "人均寿命\t预期性\t80\t81"]);
        let refs: Vec<&[String]> = body.iter().map(|r| r.as_slice()).collect();
        refine(&mut h, &refs);
        assert_eq!(h.roles[1], Role::Attribute);
        assert!(h.reasons[1].contains("约束性"));
    }

    #[test]
    fn sequence_unit_and_category_come_from_contents() {
        let (mut h, _) = detect(&split_cells("\t指标\t\t\t2025年\t2030年"), None).unwrap();
        let body = rows(&[
            "经济\t地区生产总值\t1\t亿元\t1\t2",
            "经济\t人均收入\t2\t元\t1\t2",
            "民生\t人均寿命\t3\t岁\t1\t2",
            "民生\t失业率\t4\t%\t1\t2",
        ]);
        let refs: Vec<&[String]> = body.iter().map(|r| r.as_slice()).collect();
        refine(&mut h, &refs);
        assert_eq!(
            h.roles[..4],
            [Role::Category, Role::Name, Role::Seq, Role::Unit]
        );
    }
}
