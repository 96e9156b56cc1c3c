//! Tables of a PDF's `pdftotext -layout` text whose header or cells wrap over several printed
//! lines, rewritten as TAB rows (one per table row) before the importer reads them.
//!
//! In layout text every cell is centred in its row: a row is a band of lines with its
//! one-line cells on the middle line (the anchor) and the pieces of wrapped cells above and
//! below it; a merged category cell stands once, in the middle of its block of rows. The
//! reading here: the header band gives the columns (pieces standing over one another are one
//! cell's label; a piece over several columns is part of each one's label); the body's words
//! go to the columns between the gaps that the fewest words cross; the rows are the anchor
//! lines; each column's pieces go to the rows they are centred on, and each category to the
//! block of rows it is centred on, or starts where categories stand at the top of their rows
//! (`categories`). `pdftotext` counts one column per character, wide or not,
//! and sets a table's columns elsewhere on each page (or part of a page): the boundaries are
//! found again on each part from its own lines (`parts`). A column of sub-names that the
//! header lacks becomes an extra cell after the name (`subnames`); values wrapped in narrow
//! cells go by their order in the row (`narrow`).
//!
//! Tables that need none of this (a one-line header, one line per row) are left as they are
//! for the space-aligned reader.

mod anchors;
mod categories;
mod narrow;
mod parts;
mod pieces;
mod rows;
mod subnames;

use super::super::header::{classify, detect, is_header_word, Role};
use super::super::lines::header_key;
use super::super::name::is_heading;
use super::{is_note, is_page_number, is_structure};

/// Most lines a wrapped header takes.
const MAX_HEADER_LINES: usize = 7;

/// A run of non-space characters of a line, in character columns `[start, end)`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Word {
    pub line: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Spaces between this word and the previous one on its line (0 for the first).
    pub gap: usize,
}

impl Word {
    fn width(&self) -> usize {
        self.end - self.start
    }
}

fn words_of(line_no: usize, line: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut gap = 0;
    for (col, c) in line.chars().enumerate() {
        if c.is_whitespace() {
            gap += if c == '\u{3000}' { 2 } else { 1 };
            continue;
        }
        match out.last_mut() {
            Some(w) if w.end == col => {
                w.text.push(c);
                w.end = col + 1;
            }
            _ => out.push(Word {
                line: line_no,
                start: col,
                end: col + 1,
                text: c.to_string(),
                gap: if out.is_empty() { 0 } else { gap },
            }),
        }
        gap = 0;
    }
    out
}

/// Words one space apart are one span; two or more spaces part spans.
fn spans_of(words: &[Word]) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    for w in words {
        match out.last_mut() {
            Some(s) if w.gap < 2 => {
                s.text.push(' ');
                s.text.push_str(&w.text);
                s.end = w.end;
            }
            _ => out.push(w.clone()),
        }
    }
    out
}

/// Joins pieces of one cell read top to bottom or left to right: CJK text wraps without a
/// space, Latin words and numbers keep one.
pub(super) fn join(a: &mut String, b: &str) {
    let last = a.chars().last();
    let first = b.chars().next();
    if let (Some(l), Some(f)) = (last, first) {
        if l.is_ascii_alphanumeric() && f.is_ascii_alphanumeric() {
            a.push(' ');
        }
    }
    a.push_str(b);
}

fn is_year(t: &str) -> bool {
    t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()) && header_key(t).starts_with(['1', '2'])
}

/// A header span's column words (`2025 年 2030 年`, `2020 年绝 年均增长`): a year or a
/// header word starts one; a year keeps the words after it that are not column words.
fn header_groups(span: &Word) -> Vec<Word> {
    let words = words_of(
        span.line,
        &format!("{}{}", " ".repeat(span.start), span.text),
    );
    let mut groups: Vec<Word> = Vec::new();
    for w in words {
        let starts = is_year(&w.text) || is_header_word(&w.text);
        let after_year = groups.last().is_some_and(|g| is_year(&g.text));
        let keeps = after_year && w.text.starts_with('年') && !is_header_word(&w.text);
        match groups.last_mut() {
            Some(g) if !starts || keeps => {
                g.text.push(' ');
                g.text.push_str(&w.text);
                g.end = w.end;
            }
            _ => groups.push(w),
        }
    }
    groups
}

/// A header span holding column words of different kinds one space apart (`序号 2020 年`,
/// `2025 年 2030 年`) is that many pieces; `2020 年 (基准` stays one.
fn header_pieces(span: &Word) -> Vec<Word> {
    let groups = header_groups(span);
    let role = |g: &Word| classify(&header_key(&g.text));
    let year = |g: &Word| g.text.split(' ').next().is_some_and(is_year);
    let distinct = groups
        .windows(2)
        .all(|w| (year(&w[0]) && year(&w[1])) || role(&w[0]) != role(&w[1]));
    if groups.len() >= 2
        && distinct
        && groups
            .iter()
            .all(|g| is_header_word(&g.text) || is_year(&g.text))
    {
        groups
    } else {
        vec![span.clone()]
    }
}

/// A word that holds a value, not a header word: a number other than a year, a placeholder.
fn is_value_word(t: &str) -> bool {
    let digits: String = t.chars().filter(|c| c.is_ascii_digit()).collect();
    let placeholder = matches!(t, "—" | "/" | "-" | "－" | "——" | "/ ");
    let year = digits.len() == 4 && t.contains(digits.as_str());
    placeholder || (!digits.is_empty() && !year)
}

/// A column of the table: its span on the page and its label's pieces `(line, start, text)`.
#[derive(Debug, Clone)]
pub(super) struct Column {
    pub start: usize,
    pub end: usize,
    parts: Vec<(usize, usize, String)>,
}

impl Column {
    fn label(&self) -> String {
        let mut parts = self.parts.clone();
        parts.sort();
        let mut out = String::new();
        for (_, _, t) in parts {
            join(&mut out, &t);
        }
        out
    }
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Columns from the header band's pieces: narrow pieces first, so the columns exist before a
/// label spanning several of them is met.
fn columns_of(band: &[Vec<Word>]) -> Vec<Column> {
    let mut pieces: Vec<Word> = band
        .iter()
        .flat_map(|l| {
            spans_of(l)
                .iter()
                .flat_map(header_pieces)
                .collect::<Vec<_>>()
        })
        .collect();
    pieces.sort_by_key(|p| (p.width(), p.line, p.start));
    let mut cols: Vec<Column> = Vec::new();
    let mut spanning: Vec<Word> = Vec::new();
    for p in pieces {
        let over: Vec<usize> = (0..cols.len())
            .filter(|&c| overlap((p.start, p.end), (cols[c].start, cols[c].end)) > 0)
            .collect();
        match over.as_slice() {
            [] => cols.push(Column {
                start: p.start,
                end: p.end,
                parts: vec![(p.line, p.start, p.text.clone())],
            }),
            [c] => {
                let col = &mut cols[*c];
                col.start = col.start.min(p.start);
                col.end = col.end.max(p.end);
                col.parts.push((p.line, p.start, p.text.clone()));
            }
            _ => spanning.push(p),
        }
    }
    cols.sort_by_key(|c| c.start);
    for p in spanning {
        let over: Vec<usize> = (0..cols.len())
            .filter(|&c| overlap((p.start, p.end), (cols[c].start, cols[c].end)) > 0)
            .collect();
        let groups = header_groups(&p);
        let words = words_of(p.line, &format!("{}{}", " ".repeat(p.start), p.text));
        if groups.len() == over.len() || words.len() == over.len() {
            // `2020 年绝 年均增长` over two columns, `年 年` under `2025 | 2030`: one piece
            // for each column.
            let pieces = if groups.len() == over.len() {
                groups
            } else {
                words
            };
            for (w, c) in pieces.into_iter().zip(over) {
                cols[c].parts.push((w.line, w.start, w.text));
            }
        } else {
            for c in over {
                cols[c].parts.push((p.line, p.start, p.text.clone()));
            }
        }
    }
    cols
}

/// A line that may belong to a header: no value in it, not a heading or a title.
fn header_like(words: &[Word]) -> bool {
    let text: String = words.iter().map(|w| w.text.as_str()).collect();
    !words.is_empty()
        && !is_heading(&text)
        && !is_structure(&text)
        && !words.iter().any(|w| is_value_word(&w.text))
}

/// Number of header words on a line (pieces as the header reads them).
fn header_words(words: &[Word]) -> usize {
    spans_of(words)
        .iter()
        .flat_map(header_pieces)
        .filter(|p| is_header_word(&p.text))
        .count()
}

/// A header band starting at `start`: its lines' count and its columns.
fn header_band(
    lines: &[Vec<Word>],
    pages: &[usize],
    start: usize,
) -> Option<(usize, Vec<Column>, Vec<Role>)> {
    if header_words(&lines[start]) == 0 || !header_like(&lines[start]) {
        return None;
    }
    // A header goes on over a page break (the blank line a form feed leaves).
    let page_break = |k: usize| lines[k].is_empty() && pages.get(k + 1) > pages.get(k);
    let n = (start..lines.len().min(start + MAX_HEADER_LINES))
        .take_while(|&k| header_like(&lines[k]) || page_break(k))
        .count();
    // A last line none of whose pieces stands under a label above it is the body's: a name
    // wrapped across a header repeated on the next page (`量占比`).
    let mut n = n;
    while n > 1 && !lines[start + n - 1].is_empty() {
        let above = columns_of(&lines[start..start + n - 1]);
        let under = spans_of(&lines[start + n - 1])
            .iter()
            .flat_map(header_pieces)
            .any(|p| {
                above
                    .iter()
                    .any(|c| overlap((p.start, p.end), (c.start, c.end)) > 0)
            });
        if under {
            break;
        }
        n -= 1;
    }
    let words: usize = lines[start..start + n]
        .iter()
        .map(|l| header_words(l))
        .sum();
    if words < 3 {
        return None;
    }
    let cols = columns_of(&lines[start..start + n]);
    let labels: Vec<String> = cols.iter().map(Column::label).collect();
    if cols.len() < 3 {
        return None;
    }
    detect(&labels, None)?;
    let roles = labels.iter().map(|l| classify(&header_key(l))).collect();
    Some((n, cols, roles))
}

/// Is this line past the end of a table body?
fn ends_body(words: &[Word]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    let spans = spans_of(words);
    let text = spans
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    is_note(&text)
        || is_structure(&text.replace(' ', ""))
        || (spans.len() == 1
            && first.start == 0
            && text.chars().count() >= 15
            && !is_heading(&text))
}

/// Rewrites the wrapped tables of a layout text as TAB rows; other lines stay as they are.
/// The line count is kept: a table's rows come first in its place, blank lines after them.
pub fn tables_as_rows(text: &str) -> String {
    // Form feeds (pdftotext's page ends) become line breaks; each line keeps its page.
    let (mut src, mut page): (Vec<&str>, Vec<usize>) = (Vec::new(), Vec::new());
    let body = text.strip_suffix('\n').unwrap_or(text);
    let mut p = 0;
    for line in body.split('\n') {
        for (k, part) in line.trim_end_matches('\r').split('\u{c}').enumerate() {
            p += usize::from(k > 0);
            src.push(part);
            page.push(p);
        }
    }
    let words: Vec<Vec<Word>> = src
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if l.contains('\t') {
                Vec::new()
            } else {
                words_of(i, l)
            }
        })
        .collect();
    let mut out: Vec<String> = src.iter().map(|l| l.to_string()).collect();
    // Where the last table read ended, and its columns' roles.
    let mut previous: Option<(usize, Vec<Role>)> = None;
    let mut i = 0;
    while i < src.len() {
        let Some((n, cols, roles)) = header_band(&words, &page, i) else {
            i += 1;
            continue;
        };
        let body_start = i + n;
        let mut end = body_start;
        while end < src.len() {
            let w = &words[end];
            if ends_body(w) || (end > body_start && header_band(&words, &page, end).is_some()) {
                break;
            }
            end += 1;
        }
        // The first or last line with words on its page.
        let page_edge = |k: usize| {
            let empty = |m: &usize| words[*m].is_empty();
            (k + 1..src.len())
                .take_while(|&m| page[m] == page[k])
                .all(|m| empty(&m))
                || (0..k)
                    .rev()
                    .take_while(|&m| page[m] == page[k])
                    .all(|m| empty(&m))
        };
        let body: Vec<&[Word]> = words[body_start..end]
            .iter()
            .enumerate()
            .map(|(j, l)| {
                // `- 3 -`, `第3页` or a bare number at a page's foot or head, set apart from
                // the columns where a table's numbers stand (`第1` / `类指` / `标1` is a
                // wrapped name; a `3` under `20292` is the rest of a wrapped number).
                let page_no = l.len() == 1
                    && is_page_number(&l[0].text)
                    && (l[0].text.contains(['页', '-', '—', '–'])
                        || (l[0].start >= 20 && page_edge(body_start + j)));
                if page_no {
                    &l[..0]
                } else {
                    l.as_slice()
                }
            })
            .collect();
        let wrapped_header = n > 1;
        // The same header right after the table before: the table goes on after a page break.
        let continues = previous
            .as_ref()
            .is_some_and(|(e, r)| *e == i && *r == roles);
        let read = rows::read(
            &cols,
            &roles,
            &body,
            &page[body_start..end],
            wrapped_header,
            continues,
        );
        previous = Some((end, roles));
        if let Some(table) = read {
            let header: Vec<String> = cols.iter().map(Column::label).collect();
            let mut lines = vec![header.join("\t")];
            lines.extend(table);
            let blank = (end - i).saturating_sub(lines.len());
            lines.extend(std::iter::repeat_n(String::new(), blank));
            for (k, l) in lines.into_iter().take(end - i).enumerate() {
                out[i + k] = l;
            }
        }
        i = end.max(i + 1);
    }
    let mut s = out.join("\n");
    if text.ends_with('\n') {
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod category_tests;
#[cfg(test)]
mod column_tests;
#[cfg(test)]
mod tests;
