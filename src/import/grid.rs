//! Cells of every line, whatever the separator: TABs (Word/HTML conversions), `|` (tables
//! copied from web pages or Markdown), runs of spaces aligned under a header (`pdftotext
//! -layout`), or one cell per line (a web page's table copied as text). Every table becomes
//! TAB rows on the line where it starts, so the rest of the importer reads one form.

use std::collections::HashMap;

use super::header::{detect, is_header_word};
use super::lines::{header_key, is_blank, MAX_ROW_CHARS};
use super::name::{is_heading, is_seq_cell, is_unit};

/// The document's lines with their cells TAB-separated.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    /// One entry per source line.
    pub lines: Vec<String>,
    /// Lines whose cells were moved onto an earlier line; the scanner skips them.
    pub absorbed: Vec<bool>,
    /// 0-based line → every 1-based source line its row was read from, when more than one.
    pub spans: HashMap<usize, Vec<usize>>,
}

impl Grid {
    pub fn source_lines(&self, idx: usize) -> Vec<usize> {
        self.spans
            .get(&idx)
            .cloned()
            .unwrap_or_else(|| vec![idx + 1])
    }
}

mod cell_per_line;
mod layout;

pub use layout::tables_as_rows;

use cell_per_line::{cell_per_line_table, is_header_line};

pub fn build(text_lines: &[&str]) -> Grid {
    let n = text_lines.len();
    let mut g = Grid {
        lines: text_lines.iter().map(|l| l.to_string()).collect(),
        absorbed: vec![false; n],
        spans: HashMap::new(),
    };
    for (i, l) in text_lines.iter().enumerate() {
        if let Some(cells) = pipe_cells(l) {
            if cells.iter().all(|c| is_rule(c)) {
                g.absorbed[i] = true;
            } else {
                g.lines[i] = cells.join("\t");
            }
        }
    }
    let mut i = 0;
    while i < n {
        if g.lines[i].contains('\t') || g.absorbed[i] || g.lines[i].len() > MAX_ROW_CHARS {
            i += 1;
            continue;
        }
        let line = g.lines[i].trim();
        let spaced = line.contains("  ") || line.contains('\u{3000}');
        let one_cell = is_header_line(line) && is_header_word(line);
        let next = if let Some(end) = spaced.then(|| spaced_table(&mut g, i)).flatten() {
            end
        } else if let Some(end) = one_cell.then(|| cell_per_line_table(&mut g, i)).flatten() {
            end
        } else {
            i + 1
        };
        i = next.max(i + 1);
    }
    g
}

/// `| a | b |` or `a ｜ b ｜ c`: cells between bars.
fn pipe_cells(line: &str) -> Option<Vec<String>> {
    if line.contains('\t') || line.len() > MAX_ROW_CHARS {
        return None;
    }
    let l = line.replace('｜', "|");
    if l.matches('|').count() < 2 {
        return None;
    }
    let t = l.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    Some(t.split('|').map(|c| c.trim().to_string()).collect())
}

/// `---`, `:--:`: a Markdown rule row.
fn is_rule(c: &str) -> bool {
    !c.is_empty() && c.chars().all(|c| matches!(c, '-' | ':' | '—' | ' '))
}

/// Display width: CJK and full-width forms take two columns, as in `pdftotext -layout`.
fn width(c: char) -> usize {
    let u = c as u32;
    let wide = matches!(u,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6);
    if wide {
        2
    } else {
        1
    }
}

/// A cell of a space-aligned line with its display columns `[start, end)`.
#[derive(Debug, Clone)]
struct Span {
    start: usize,
    end: usize,
    text: String,
    /// The spaces before it as written, to join the pieces of one cell as they stood.
    before: String,
}

/// Splits a line at runs of two or more spaces (an ideographic space counts as two).
fn spaced_cells(line: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut col = 0;
    let mut cur: Option<Span> = None;
    let mut gap = 0;
    let mut spaces = String::new();
    for c in line.chars() {
        let w = width(c);
        if c == ' ' || c == '\u{3000}' {
            gap += w;
            spaces.push(c);
        } else {
            if gap >= 2 {
                if let Some(s) = cur.take() {
                    out.push(s);
                }
            }
            match cur.as_mut() {
                Some(s) => {
                    s.text.push_str(&spaces);
                    s.text.push(c);
                    s.end = col + w;
                }
                None => {
                    cur = Some(Span {
                        start: col,
                        end: col + w,
                        text: c.to_string(),
                        before: std::mem::take(&mut spaces),
                    })
                }
            }
            gap = 0;
            spaces.clear();
        }
        col += w;
    }
    out.extend(cur);
    out
}

/// Cells of a line split at runs of two or more spaces.
pub fn split_spaced(line: &str) -> Vec<String> {
    texts(&spaced_cells(line))
}

fn texts(spans: &[Span]) -> Vec<String> {
    spans.iter().map(|s| s.text.clone()).collect()
}

/// Index of the header column a cell belongs to: the header cell whose text it overlaps
/// most, else the nearest one. Header texts, not the gaps between them, decide: a converter
/// often sets a row's cells a column or two off their header.
fn column_of(anchors: &[(usize, usize)], s: &Span) -> usize {
    let overlap = |&(a, b): &(usize, usize)| s.end.min(b).saturating_sub(s.start.max(a));
    let gap = |&(a, b): &(usize, usize)| a.saturating_sub(s.end).max(s.start.saturating_sub(b));
    let best = (0..anchors.len()).max_by_key(|&i| (overlap(&anchors[i]), usize::MAX - i));
    match best {
        Some(i) if overlap(&anchors[i]) > 0 => i,
        _ => (0..anchors.len())
            .min_by_key(|&i| (gap(&anchors[i]), i))
            .unwrap_or(0),
    }
}

/// Column spans from the header cells' texts.
fn anchors_of(header: &[Span]) -> Vec<(usize, usize)> {
    header.iter().map(|h| (h.start, h.end)).collect()
}

/// A space-aligned table starting at `start`: rewrites its lines as TAB rows and returns the
/// index after it.
fn spaced_table(g: &mut Grid, start: usize) -> Option<usize> {
    let head: Vec<Span> = spaced_cells(&g.lines[start])
        .into_iter()
        .flat_map(split_header_span)
        .collect();
    if head.len() < 3 {
        return None;
    }
    let first = texts(&head);
    let (header, used) = detect(&first, None)?;
    if used != 1 {
        return None;
    }
    let anchors = anchors_of(&head);
    let name_col = header.name_col();
    let header_keys: Vec<String> = first.iter().map(|c| header_key(c)).collect();
    g.lines[start] = first.join("\t");
    let mut last_row: Option<usize> = None;
    // A blank line or page number since the last row: text under the name column is then a
    // category line, not the rest of a wrapped name.
    let mut broke = false;
    let mut pending: Option<(usize, String)> = None;
    let mut j = start + 1;
    while j < g.lines.len() {
        let line = g.lines[j].clone();
        if line.contains('\t') {
            break;
        }
        if is_blank(&line) {
            broke = true;
            j += 1;
            continue;
        }
        let spans = spaced_cells(&line);
        if spans.len() == 1 && is_page_number(&spans[0].text) {
            broke = true;
            j += 1;
            continue;
        }
        let keys: Vec<String> = spans.iter().map(|s| header_key(&s.text)).collect();
        if keys == header_keys {
            g.lines[j] = texts(&spans).join("\t");
            broke = true;
            j += 1;
            continue;
        }
        if spans.len() >= 2 && ends_table(&spans) {
            break;
        }
        // Cells that all fall under one column are one text (a heading, a wrapped name).
        let placed = place(&anchors, &spans);
        let one_text = placed.iter().filter(|c| !c.is_empty()).count() < 2;
        if spans.len() >= 2 && !one_text {
            let mut cells = placed;
            let mut at = j;
            if let Some((p, text)) = pending.take() {
                // The first part of the name stood on the line above the values.
                cells[name_col] = format!("{text}{}", cells[name_col]);
                g.absorbed[j] = true;
                g.spans.insert(p, vec![p + 1, j + 1]);
                at = p;
            }
            g.lines[at] = cells.join("\t");
            last_row = Some(at);
            broke = false;
            j += 1;
            continue;
        }
        let Some(s) = spans.first() else { break };
        let col = column_of(&anchors, s);
        let joined = texts(&spans).join(" ");
        let text = joined.trim();
        if is_note(text) {
            break;
        }
        if col == name_col && !is_heading(text) && next_lacks_name(g, j + 1, &anchors, name_col) {
            // A name centred over its row: this part stands above the row's values.
            pending = Some((j, text.to_string()));
            j += 1;
            continue;
        }
        // Under the name column a short text before more rows is more likely a category
        // line than the end of a wrapped name, unless it carries the name's unit (`重（%）`).
        // Categories are short noun phrases (经济发展, 民生福祉); a fragment such as
        // `乡镇为单位）` or `制度的企业比例` ends a name.
        let open_name = last_row.is_some_and(|r| {
            let cells: Vec<&str> = g.lines[r].split('\t').collect();
            let name = cells.get(name_col).copied().unwrap_or_default();
            name.matches(['(', '（']).count() > name.matches([')', '）']).count()
        });
        let category_like = text.chars().count() <= 6
            && !text
                .chars()
                .any(|c| c.is_ascii_digit() || "()（）的、和及与".contains(c))
            && !open_name
            && next_is_row(g, j + 1);
        if col == name_col && !is_heading(text) && !broke && !category_like {
            if let Some(r) = last_row {
                // A long name wrapped inside its cell: join it to the row above.
                let mut cells: Vec<String> = g.lines[r].split('\t').map(str::to_string).collect();
                cells[name_col].push_str(text);
                g.lines[r] = cells.join("\t");
                g.absorbed[j] = true;
                let mut lines = g.source_lines(r);
                lines.push(j + 1);
                g.spans.insert(r, lines);
                j += 1;
                continue;
            }
        }
        if text.chars().count() <= 16 && next_is_row(g, j + 1) {
            // A category line inside the table.
            g.lines[j] = format!("{text}\t");
            last_row = None;
            j += 1;
            continue;
        }
        break;
    }
    Some(j)
}

/// A header cell that holds several header words set one space apart (`2020 年 2025 年 属性`:
/// a PDF converter narrowed the gaps) is that many cells; a year keeps its `年` (`2025 年基础`).
fn split_header_span(span: Span) -> Vec<Span> {
    let mut groups: Vec<Span> = Vec::new();
    let mut col = span.start;
    for token in span.text.split(' ') {
        let w: usize = token.chars().map(width).sum();
        let year_before = groups
            .last()
            .is_some_and(|g| g.text.len() == 4 && g.text.chars().all(|c| c.is_ascii_digit()));
        let continues = token.starts_with('年') && year_before;
        let starts = !continues
            && (is_header_word(token)
                || (token.len() == 4 && token.chars().all(|c| c.is_ascii_digit())));
        match groups.last_mut() {
            Some(g) if !starts => {
                g.text.push(' ');
                g.text.push_str(token);
                g.end = col + w;
            }
            _ => groups.push(Span {
                start: col,
                end: col + w,
                text: token.to_string(),
                before: String::new(),
            }),
        }
        col += w + 1;
    }
    let all_headers = groups.len() >= 2 && groups.iter().all(|g| is_header_word(&g.text));
    // `指标 名称` is one cell with a stray space: neighbours of one kind (not years) stay one.
    let role = |g: &Span| super::header::classify(&header_key(&g.text));
    let has_year = |g: &Span| g.text.chars().take(4).all(|c| c.is_ascii_digit());
    let distinct = groups
        .windows(2)
        .all(|w| has_year(&w[0]) && has_year(&w[1]) || role(&w[0]) != role(&w[1]));
    if all_headers && distinct {
        groups
    } else {
        vec![span]
    }
}

/// A line that cannot be a row of the table above: another table's header, a chapter
/// heading (第二章), a table title (表 2, 附表3, 专栏1).
fn ends_table(spans: &[Span]) -> bool {
    is_structure(&spans[0].text) || detect(&texts(spans), None).is_some()
}

/// A chapter heading or a table title: never a cell.
fn is_structure(text: &str) -> bool {
    static STRUCTURE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^(?:第[一二三四五六七八九十百\d]+[章节篇部]|附?表\s*[\d一二三四五六七八九十]+|专栏\s*\d)")
            .unwrap()
    });
    STRUCTURE.is_match(text.trim())
}

/// The cells of a space-aligned row under the header's columns. With no more cells than
/// columns, each cell gets its own column, in order, as near its header as can be (a
/// converter shifts cells, never swaps them); with more, pieces of one cell share the
/// column they overlap most.
fn place(anchors: &[(usize, usize)], spans: &[Span]) -> Vec<String> {
    let mut cells = vec![String::new(); anchors.len()];
    if spans.len() <= anchors.len() {
        for (s, c) in spans.iter().zip(align(anchors, spans)) {
            cells[c] = s.text.clone();
        }
        return cells;
    }
    let mut last: Option<usize> = None;
    for s in spans {
        let c = column_of(anchors, s);
        if !cells[c].is_empty() {
            // The next piece of the same cell: joined by the spaces that stood between.
            let sep = if last == Some(c) {
                s.before.as_str()
            } else {
                " "
            };
            cells[c].push_str(sep);
        }
        cells[c].push_str(&s.text);
        last = Some(c);
    }
    cells
}

/// The column of each span, strictly increasing, at the least total distance from the
/// header cells (overlap counts as closeness). Dynamic programming over spans × columns.
fn align(anchors: &[(usize, usize)], spans: &[Span]) -> Vec<usize> {
    let (n, m) = (spans.len(), anchors.len());
    let cost = |i: usize, c: usize| -> i64 {
        let (a, b) = anchors[c];
        let s = &spans[i];
        let overlap = s.end.min(b).saturating_sub(s.start.max(a)) as i64;
        let gap = a.saturating_sub(s.end).max(s.start.saturating_sub(b)) as i64;
        gap - overlap
    };
    const NONE: i64 = i64::MAX / 4;
    // best[i][c]: least cost of spans 0..=i with span i in column c.
    let mut best = vec![vec![NONE; m]; n];
    let mut from = vec![vec![0usize; m]; n];
    best[0] = (0..m).map(|c| cost(0, c)).collect();
    for i in 1..n {
        let (mut run, mut arg) = (NONE, 0);
        for c in 1..m {
            if best[i - 1][c - 1] < run {
                run = best[i - 1][c - 1];
                arg = c - 1;
            }
            if run < NONE {
                best[i][c] = run + cost(i, c);
                from[i][c] = arg;
            }
        }
    }
    let mut c = (0..m).min_by_key(|&c| best[n - 1][c]).unwrap_or(0);
    let mut out = vec![0; n];
    for i in (0..n).rev() {
        out[i] = c;
        c = from[i][c];
    }
    out
}

/// Is line `k` a row of values with nothing under the name column?
fn next_lacks_name(g: &Grid, k: usize, anchors: &[(usize, usize)], name_col: usize) -> bool {
    let Some(line) = g.lines.get(k) else {
        return false;
    };
    let spans = spaced_cells(line);
    spans.len() >= 2 && place(anchors, &spans)[name_col].is_empty()
}

fn is_note(text: &str) -> bool {
    text.starts_with("注") || text.starts_with("说明") || text.starts_with("资料来源")
}

fn is_page_number(text: &str) -> bool {
    let t: String = text
        .chars()
        .filter(|c| !matches!(c, '-' | '—' | '–' | ' ' | '第' | '页'))
        .collect();
    !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit())
}

/// Is the next non-blank line a row of several aligned cells?
fn next_is_row(g: &Grid, from: usize) -> bool {
    g.lines[from.min(g.lines.len())..]
        .iter()
        .find(|l| !is_blank(l))
        .is_some_and(|l| spaced_cells(l).len() >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(text: &str) -> Grid {
        let lines: Vec<&str> = text.lines().collect();
        build(&lines)
    }

    #[test]
    fn header_words_one_space_apart_are_separate_cells() {
        // pdftotext narrowed the gaps between the header cells to one space.
        let g = grid("          指标    2020 年 2025 年 属性\n1. 专业技术人才（万人）    17.3    19     预期性\n");
        assert_eq!(g.lines[0], "指标\t2020 年\t2025 年\t属性");
        assert_eq!(g.lines[1], "1. 专业技术人才（万人）\t17.3\t19\t预期性");
        // A stray space inside one header word is not a cell boundary.
        let g = grid("指标 名称    2025年    2030年\n森林覆盖率（%）    25    26\n");
        assert_eq!(g.lines[0], "指标 名称\t2025年\t2030年");
    }

    #[test]
    fn reads_pipe_rows() {
        let g = grid("| 指标 | 2025年 | 属性 |\n|---|---|---|\n| 森林覆盖率 | 25 | 约束性 |");
        assert_eq!(g.lines[0], "指标\t2025年\t属性");
        assert!(g.absorbed[1]);
        assert_eq!(g.lines[2], "森林覆盖率\t25\t约束性");
    }

    #[test]
    fn reads_space_aligned_rows_and_joins_wrapped_names() {
        let text = "  序号  指标名称            2025年   2030年   属性\n  \
                    1     森林覆盖率          25       26       约束性\n  \
                    2     县域义务教育优质    —        100      约束性\n        \
                    均衡发展通过率\n\n正文。";
        let g = grid(text);
        assert_eq!(g.lines[0], "序号\t指标名称\t2025年\t2030年\t属性");
        assert_eq!(g.lines[1], "1\t森林覆盖率\t25\t26\t约束性");
        assert_eq!(
            g.lines[2],
            "2\t县域义务教育优质均衡发展通过率\t—\t100\t约束性"
        );
        assert!(g.absorbed[3]);
        assert_eq!(g.source_lines(2), vec![3, 4]);
        assert_eq!(g.lines[5], "正文。");
    }

    #[test]
    fn reads_one_cell_per_line() {
        let text =
            "指标名称\n单位\n属性\n2025年\n2030年\n森林覆盖率\n%\n约束性\n25\n26\n注：说明。";
        let g = grid(text);
        assert_eq!(g.lines[0], "指标名称\t单位\t属性\t2025年\t2030年");
        assert_eq!(g.lines[5], "森林覆盖率\t%\t约束性\t25\t26");
        assert_eq!(g.source_lines(5), vec![6, 7, 8, 9, 10]);
        assert!(g.absorbed[9] && !g.absorbed[10]);
    }
}
