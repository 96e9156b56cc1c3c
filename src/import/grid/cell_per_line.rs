//! One cell per line: a web page's table copied as text. A run of header words each on its
//! own line, then the rows' cells in the same order; the header's length is the one under
//! which the first rows' cells fit their columns best.

use super::{is_heading, is_note, is_seq_cell, is_structure, is_unit, Grid};
use crate::import::header::{detect, Header, Role};
use crate::import::lines::{is_blank, MAX_ROW_CHARS};
use crate::model::Attribute;

/// Longest run of one-cell lines read as a header.
const MAX_HEADER_CELLS: usize = 12;
/// A header cell on its own line (`基期值（2025年）`); a longer line is a title or prose.
const MAX_HEADER_CELL_CHARS: usize = 16;
/// A cell on its own line is short; longer lines are prose.
const MAX_LINE_CELL_CHARS: usize = 40;

/// How well `cells` read as a body row under `header`: cells that fit their column's role
/// count for it, cells that cannot be in that column count against it.
fn fit(header: &Header, cells: &[String]) -> i32 {
    header
        .roles
        .iter()
        .zip(cells)
        .map(|(r, c)| {
            let c = c.trim();
            let numeric = c
                .chars()
                .any(|ch| ch.is_ascii_digit() || ('０'..='９').contains(&ch));
            let placeholder =
                !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | '—' | '–' | '/'));
            match r {
                Role::Attribute => {
                    if Attribute::parse(c).is_some() {
                        2
                    } else {
                        -2
                    }
                }
                Role::Value(..) | Role::Annual(_) => i32::from(numeric || placeholder),
                Role::Unit => {
                    if is_unit(c) || placeholder {
                        1
                    } else {
                        -1
                    }
                }
                Role::Seq => {
                    if is_seq_cell(c) {
                        1
                    } else {
                        -1
                    }
                }
                Role::Name => {
                    if numeric && c.chars().count() <= 6 || Attribute::parse(c).is_some() {
                        -2
                    } else {
                        1
                    }
                }
                _ => 0,
            }
        })
        .sum()
}

/// The non-blank lines from `from` on, as trimmed texts with their indices.
fn cell_lines(g: &Grid, from: usize, max: usize) -> Vec<(usize, String)> {
    (from..g.lines.len())
        .filter(|&k| !is_blank(&g.lines[k]))
        .take(max)
        .take_while(|&k| g.lines[k].len() <= MAX_ROW_CHARS)
        .map(|k| (k, g.lines[k].trim().to_string()))
        .collect()
}

fn fits_one_line(c: &str) -> bool {
    !c.contains('\t')
        && !c.trim().contains("  ")
        && c.chars().count() <= MAX_LINE_CELL_CHARS
        && !is_note(c)
}

/// A header cell on a line of its own: a few words, not a sentence.
pub(super) fn is_header_line(c: &str) -> bool {
    c.chars().count() <= MAX_HEADER_CELL_CHARS
        && !c.contains(['。', '，', '；', '：', ':'])
        && !is_structure(c)
        && !is_heading(c)
}

/// One cell per line: a run of header words each on its own line, then the rows' cells in
/// the same order, as many per row as there are header cells. The header's length is the
/// one under which the first rows' cells fit their columns best.
pub(super) fn cell_per_line_table(g: &mut Grid, start: usize) -> Option<usize> {
    let run: Vec<(usize, String)> = cell_lines(g, start, 3 * MAX_HEADER_CELLS)
        .into_iter()
        .take_while(|(_, c)| fits_one_line(c))
        .collect();
    // The header lines follow each other without blank lines.
    let mut best: Option<(i32, usize, Header)> = None;
    for k in 3..=MAX_HEADER_CELLS.min(run.len()) {
        if run[k - 1].0 != start + k - 1 {
            break;
        }
        if !is_header_line(&run[k - 1].1) {
            break;
        }
        let heads: Vec<String> = run[..k].iter().map(|(_, c)| c.clone()).collect();
        let Some((h, 1)) = detect(&heads, None) else {
            continue;
        };
        let rows: Vec<Vec<String>> = run[k..]
            .chunks(k)
            .take(2)
            .filter(|c| c.len() == k)
            .map(|c| c.iter().map(|(_, t)| t.clone()).collect())
            .collect();
        if rows.is_empty() {
            continue;
        }
        let score = rows.iter().map(|r| fit(&h, r)).sum::<i32>() * 10 / rows.len() as i32;
        if score > 0 && best.as_ref().is_none_or(|(s, _, _)| score > *s) {
            best = Some((score, k, h));
        }
    }
    let (_, width, header) = best?;
    let header_end = start + width;
    g.lines[start] = run[..width]
        .iter()
        .map(|(_, c)| c.as_str())
        .collect::<Vec<_>>()
        .join("\t");
    for k in start + 1..header_end {
        g.absorbed[k] = true;
    }
    g.spans.insert(start, (start + 1..=header_end).collect());
    let mut j = header_end;
    loop {
        let group = cell_lines(g, j, width);
        if group.len() < width || !group.iter().all(|(_, c)| fits_one_line(c)) {
            break;
        }
        let cells: Vec<String> = group.iter().map(|(_, c)| c.clone()).collect();
        if fit(&header, &cells) < 0 {
            break;
        }
        let first = group[0].0;
        g.lines[first] = cells.join("\t");
        for (k, _) in &group[1..] {
            g.absorbed[*k] = true;
        }
        g.spans
            .insert(first, group.iter().map(|(k, _)| k + 1).collect());
        j = group[width - 1].0 + 1;
    }
    Some(j)
}
