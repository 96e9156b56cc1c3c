//! Header bands: `pdftotext -layout` prints a header whose cells wrap inside them over
//! several lines (`序` / `号`, `2020 年绝` / `对值`, `指标属` / `性`), with the one-line cells
//! on a middle line. The lines of such a band are one header row: pieces that stand over one
//! another are one cell, read top to bottom; a piece standing over several cells (`“十三五”基数`
//! over `2020年` and `年均增长`) is a spanning label and is left out, as the years under it say
//! which column is which.

use super::super::header::detect;
use super::super::lines::{is_blank, MAX_ROW_CHARS};
use super::{is_structure, spaced_cells, split_header_span, texts, Grid, Span};

/// Most lines a wrapped header takes.
const MAX_BAND: usize = 6;

/// The header row read from the band of lines starting at `start`, and how many lines it took.
pub(super) fn header_band(g: &Grid, start: usize) -> Option<(Vec<Span>, usize)> {
    let run = g.lines[start..]
        .iter()
        .take(MAX_BAND)
        .take_while(|l| {
            !is_blank(l) && !l.contains('\t') && l.len() <= MAX_ROW_CHARS && !holds_values(l)
        })
        .count();
    (2..=run).rev().find_map(|k| {
        let cells = merge(&g.lines[start..start + k]);
        let (_, used) = detect(&texts(&cells), None)?;
        (used == 1 && cells.len() >= 3).then_some((cells, k))
    })
}

/// A line with a number that is not a year, or a table title: not part of a header.
fn holds_values(line: &str) -> bool {
    let spans = spaced_cells(line);
    spans.first().is_some_and(|s| is_structure(&s.text))
        || spans.iter().any(|s| {
            let t = s.text.trim();
            let number = t.chars().all(|c| c.is_ascii_digit() || c == '.');
            number && !(t.len() == 4 && !t.contains('.'))
        })
}

/// The band's pieces as one row of cells.
fn merge(lines: &[String]) -> Vec<Span> {
    let mut pieces: Vec<(usize, Span)> = lines
        .iter()
        .enumerate()
        .flat_map(|(i, l)| {
            spaced_cells(l)
                .into_iter()
                .flat_map(split_header_span)
                .map(move |s| (i, s))
        })
        .collect();
    // A wrapped cell is centred in the band: its first and last lines stand as far from the
    // band's middle as its height reaches, so the outer lines pair up first and a one-line
    // cell on the middle line comes last. Narrow pieces first: the columns exist before a
    // spanning label is met.
    let last = lines.len() - 1;
    pieces.sort_by_key(|(i, s)| {
        let from_middle = (2 * i).abs_diff(last);
        (usize::MAX - from_middle, s.end - s.start, *i, s.start)
    });
    let mut columns: Vec<(usize, usize, Vec<(usize, String)>)> = Vec::new();
    for (line, s) in pieces {
        // Positions are approximate: a piece is under a column when the middle of the
        // narrower of the two lies inside the wider.
        let over: Vec<usize> = (0..columns.len())
            .filter(|&c| {
                let (a, b) = (columns[c].0, columns[c].1);
                let inside = |x0: usize, x1: usize, y0: usize, y1: usize| {
                    2 * y0 <= x0 + x1 && x0 + x1 < 2 * y1
                };
                if s.end - s.start <= b - a {
                    inside(s.start, s.end, a, b)
                } else {
                    inside(a, b, s.start, s.end)
                }
            })
            .collect();
        match over.as_slice() {
            [] => columns.push((s.start, s.end, vec![(line, s.text)])),
            [c] => {
                let col = &mut columns[*c];
                col.0 = col.0.min(s.start);
                col.1 = col.1.max(s.end);
                col.2.push((line, s.text));
            }
            _ => {}
        }
    }
    columns.sort_by_key(|c| c.0);
    columns
        .into_iter()
        .map(|(start, end, mut parts)| {
            parts.sort_by_key(|(line, _)| *line);
            let mut text = String::new();
            for (_, p) in parts {
                let spaced = text.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && p.starts_with(|c: char| c.is_ascii_alphanumeric() && !c.is_ascii_digit());
                if spaced {
                    text.push(' ');
                }
                text.push_str(&p);
            }
            Span {
                start,
                end,
                text,
                before: String::new(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_wrapped_over_three_lines_is_one_row() {
        let lines = [
            "        序                              2020 年 (基准                     指标性",
            " 指标分类                  指标名称                                 2025 年",
            "        号                                   值)                         质",
        ];
        let lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(
            texts(&merge(&lines)),
            [
                "指标分类",
                "序号",
                "指标名称",
                "2020 年 (基准值)",
                "2025 年",
                "指标性质"
            ]
        );
        let g = Grid {
            lines: lines.to_vec(),
            absorbed: vec![false; 3],
            spans: Default::default(),
        };
        assert_eq!(header_band(&g, 0).map(|(_, k)| k), Some(3));
    }
}
