//! Shuffles the columns of every TAB- or space-separated table of a corpus document: one
//! deterministic permutation per table, applied to its header rows and body rows alike. Lines
//! outside the tables, and lines inside without cells (page numbers, category lines that are
//! not cells, blank lines), stay as they are.

use serde_json::Value as Json;

/// How a table's rows are written.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Layout {
    Tabs,
    Spaces,
}

fn layout_of(header: &str) -> Option<Layout> {
    if header.contains('\t') {
        Some(Layout::Tabs)
    } else if header.trim_start().starts_with('|') {
        None
    } else if split_spaces(header).len() >= 3 {
        Some(Layout::Spaces)
    } else {
        None
    }
}

/// Cells of a `pdftotext -layout` line: runs of two or more spaces separate them.
fn split_spaces(line: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut spaces = 0;
    for c in line.trim().chars() {
        if c == ' ' {
            spaces += 1;
            continue;
        }
        if spaces >= 2 {
            cells.push(std::mem::take(&mut cell));
        } else if spaces == 1 {
            cell.push(' ');
        }
        spaces = 0;
        cell.push(c);
    }
    if !cell.is_empty() {
        cells.push(cell);
    }
    cells
}

/// Display width: CJK characters take two columns, as `pdftotext -layout` lays them out.
/// Display width as `pdftotext -layout` lays text: CJK and full-width forms take two
/// columns; other characters (“”, ≥, №) one.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let wide = matches!(c as u32,
                0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
                | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
                | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6);
            if wide {
                2
            } else {
                1
            }
        })
        .sum()
}

/// Display column where each cell of `line` starts.
fn cell_starts(line: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut col = 0;
    let mut prev_spaces = 2;
    for c in line.chars() {
        if c == ' ' {
            prev_spaces += 1;
        } else {
            if prev_spaces >= 2 {
                starts.push(col);
            }
            prev_spaces = 0;
        }
        col += width(&c.to_string());
    }
    starts
}

/// A permutation of `n` columns from `seed`, never the identity when `n > 1`.
pub fn permutation(n: usize, seed: u64) -> Vec<usize> {
    let mut p: Vec<usize> = (0..n).collect();
    let mut state = seed | 1;
    for k in (1..n).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = (state >> 33) as usize % (k + 1);
        p.swap(k, j);
    }
    if n > 1 && p.iter().enumerate().all(|(i, &v)| i == v) {
        p.rotate_left(1);
    }
    p
}

fn seed_of(name: &str, table: usize) -> u64 {
    name.bytes()
        .fold(1_469_598_103_934_665_603u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(1_099_511_628_211)
        })
        .wrapping_add(table as u64)
}

/// The 1-based line numbers a golden table lists under `key`.
fn line_numbers(table: &Json, key: &str) -> Vec<usize> {
    table[key]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Json::as_u64)
        .map(|l| l as usize)
        .collect()
}

/// Lines (1-based) of a table's header rows and indicator rows.
fn table_row_lines(table: &Json) -> Vec<usize> {
    let mut lines = line_numbers(table, "header_lines");
    lines.extend(line_numbers(table, "repeated_header_lines"));
    for r in table["indicators"].as_array().into_iter().flatten() {
        match r["lines"].as_array() {
            Some(span) => lines.extend(span.iter().filter_map(Json::as_u64).map(|l| l as usize)),
            None => lines.extend(r["line"].as_u64().map(|l| l as usize)),
        }
    }
    lines
}

/// The document with every TAB- or space-separated table's columns shuffled, or `None`
/// when it has no such table.
pub fn shuffle_document(name: &str, text: &str, golden: &[Json]) -> Option<String> {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut shuffled_any = false;
    for (k, table) in golden.iter().enumerate() {
        let start = table["start_line"].as_u64()? as usize;
        let end = table["end_line"].as_u64()? as usize;
        let Some(layout) = layout_of(&lines[start - 1]) else {
            continue;
        };
        let span = start - 1..end.min(lines.len());
        shuffled_any |= match layout {
            Layout::Tabs => shuffle_tabs(
                &mut lines[span],
                start,
                &line_numbers(table, "category_lines"),
                line_numbers(table, "header_lines").len(),
                seed_of(name, k),
            ),
            Layout::Spaces => shuffle_spaces(
                &mut lines[span],
                start,
                &table_row_lines(table),
                seed_of(name, k),
            ),
        };
    }
    shuffled_any.then(|| lines.join("\n") + "\n")
}

/// Columns that move together: under a header of several rows, a cell of the top row that
/// spans the columns after it (empty cells to its right: 主要指标值 over 基期 | 目标) keeps
/// them beside it, as merged cells do in any real document.
fn column_groups(top: &str, n: usize, header_rows: usize) -> Vec<Vec<usize>> {
    if header_rows < 2 {
        return (0..n).map(|c| vec![c]).collect();
    }
    let cells: Vec<&str> = top.split('\t').collect();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for c in 0..n {
        let empty = cells.get(c).is_none_or(|t| t.trim().is_empty());
        match groups.last_mut() {
            Some(g) if empty && c > 0 && !cells[g[0]].trim().is_empty() => g.push(c),
            _ => groups.push(vec![c]),
        }
    }
    groups
}

/// A category line spans the whole table (a merged row): it keeps its text first.
fn shuffle_tabs(
    lines: &mut [String],
    first: usize,
    spanning: &[usize],
    header_rows: usize,
    seed: u64,
) -> bool {
    let n = lines
        .iter()
        .filter(|l| l.contains('\t'))
        .map(|l| l.split('\t').count())
        .max()
        .unwrap_or(0);
    if n < 2 {
        return false;
    }
    let groups = column_groups(&lines[0], n, header_rows);
    let p: Vec<usize> = permutation(groups.len(), seed)
        .into_iter()
        .flat_map(|g| groups[g].clone())
        .collect();
    for (i, line) in lines.iter_mut().enumerate() {
        if !line.contains('\t') || spanning.contains(&(first + i)) {
            continue;
        }
        let mut cells: Vec<&str> = line.split('\t').collect();
        cells.resize(n, "");
        *line = p.iter().map(|&j| cells[j]).collect::<Vec<_>>().join("\t");
    }
    true
}

/// Cells of a line with the display column each starts at.
fn positioned_cells(line: &str) -> Vec<(usize, String)> {
    let starts = cell_starts(line);
    starts.into_iter().zip(split_spaces(line)).collect()
}

/// Re-lays the rows with their columns permuted. Each cell belongs to the header column it
/// stands under, so rows with an empty cell and the parts of a wrapped name move with their
/// column.
fn shuffle_spaces(lines: &mut [String], first: usize, row_lines: &[usize], seed: u64) -> bool {
    // Each header cell's extent; a row's cell belongs to the header cell it overlaps most,
    // else the nearest (as a person reading the page would place it).
    let header: Vec<(usize, usize)> = positioned_cells(&lines[0])
        .into_iter()
        .map(|(at, c)| (at, at + width(&c)))
        .collect();
    let n = header.len();
    let p = permutation(n, seed);
    let column_of = |at: usize, w: usize| -> usize {
        let end = at + w;
        let overlap = |&(a, b): &(usize, usize)| end.min(b).saturating_sub(at.max(a));
        let gap = |&(a, b): &(usize, usize)| a.saturating_sub(end).max(at.saturating_sub(b));
        let best = (0..n).max_by_key(|&i| (overlap(&header[i]), usize::MAX - i));
        match best {
            Some(i) if overlap(&header[i]) > 0 => i,
            _ => (0..n).min_by_key(|&i| (gap(&header[i]), i)).unwrap_or(0),
        }
    };
    let placed: Vec<Option<Vec<(usize, String)>>> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            row_lines.contains(&(first + i)).then(|| {
                positioned_cells(l)
                    .into_iter()
                    .map(|(at, c)| (column_of(at, width(&c)), c))
                    .collect()
            })
        })
        .collect();
    // Width of each new column: its widest cell and four spaces.
    let widths: Vec<usize> = p
        .iter()
        .map(|&j| {
            placed
                .iter()
                .flatten()
                .flatten()
                .filter(|(k, _)| *k == j)
                .map(|(_, c)| width(c))
                .max()
                .unwrap_or(0)
                + 4
        })
        .collect();
    let mut offsets = Vec::with_capacity(n);
    let mut at = 2;
    for w in &widths {
        offsets.push(at);
        at += w;
    }
    for (line, cells) in lines.iter_mut().zip(&placed) {
        let Some(cells) = cells else { continue };
        let mut out = String::new();
        for (new, &old) in p.iter().enumerate() {
            let text: Vec<&str> = cells
                .iter()
                .filter(|(k, _)| *k == old)
                .map(|(_, c)| c.as_str())
                .collect();
            if text.is_empty() {
                continue;
            }
            let pad = offsets[new].saturating_sub(width(&out));
            out.push_str(&" ".repeat(pad.max(if out.is_empty() { 0 } else { 2 })));
            out.push_str(&text.join("  "));
        }
        *line = out;
    }
    true
}
