//! Compares an importer reading with a hand-checked golden reading (the JSON shape of
//! `tests/fixtures/golden/`, see `tests/fixtures/layouts/README.md`). The importer's reading is
//! taken through its serialised form so that the comparison names the same fields as the
//! golden files.

pub mod shuffle;

use serde_json::Value as Json;

/// How one document fared.
#[derive(Default)]
pub struct Score {
    pub rows: usize,
    pub right: usize,
    /// Rows the importer read that the golden reading does not have.
    pub extra: usize,
    /// Differences that make a row or a table wrong.
    pub differences: Vec<String>,
}

impl Score {
    pub fn perfect(&self) -> bool {
        self.right == self.rows && self.differences.is_empty()
    }
}

/// Options of one comparison.
#[derive(Clone, Copy)]
pub struct Compare {
    /// Compare the row's cells as a multiset (the columns were shuffled).
    pub cells_in_any_order: bool,
}

fn s(j: &Json, key: &str) -> Option<String> {
    j.get(key).and_then(Json::as_str).map(str::to_string)
}

fn i(j: &Json, key: &str) -> Option<i64> {
    j.get(key).and_then(Json::as_i64)
}

fn arr<'a>(j: &'a Json, key: &str) -> &'a [Json] {
    j.get(key)
        .and_then(Json::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

fn squeeze(t: &str) -> String {
    t.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Lines of the rows of a table (ours or golden).
fn row_lines(t: &Json) -> Vec<i64> {
    arr(t, "indicators")
        .iter()
        .filter_map(|r| i(r, "line"))
        .collect()
}

/// The importer's table that shares most row lines with the golden table.
fn matching_table<'a>(ours: &'a [Json], golden: &Json) -> Option<&'a Json> {
    let want = row_lines(golden);
    ours.iter()
        .map(|t| {
            let lines = row_lines(t);
            (want.iter().filter(|l| lines.contains(l)).count(), t)
        })
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, _)| *n)
        .map(|(_, t)| t)
        .or_else(|| {
            ours.iter()
                .find(|t| i(t, "start_line") == i(golden, "start_line"))
        })
}

/// The importer's row for a golden row: same line, and same region and name where a line
/// holds several indicators (a regional table with one column per indicator).
fn matching_row<'a>(candidates: &[&'a Json], g: &Json) -> Option<&'a Json> {
    let line = i(g, "line");
    let on_line: Vec<&Json> = candidates
        .iter()
        .copied()
        .filter(|r| i(r, "line") == line)
        .collect();
    if on_line.len() <= 1 {
        return on_line.first().copied();
    }
    let same = |r: &&Json, key: &str| s(r, key) == s(g, key);
    on_line
        .iter()
        .find(|r| same(r, "name") && same(r, "region"))
        .or_else(|| on_line.iter().find(|r| same(r, "name")))
        .or_else(|| on_line.iter().find(|r| same(r, "region")))
        .copied()
}

fn trimmed_cells(j: &Json, any_order: bool) -> Vec<String> {
    let mut cells: Vec<String> = arr(j, "cells")
        .iter()
        .map(|c| c.as_str().unwrap_or_default().trim().to_string())
        .collect();
    // An empty cell says nothing but where it stands, and a space-separated row cannot show
    // it: the cells that hold text are compared, in order unless the columns were shuffled.
    cells.retain(|c| !c.is_empty());
    if any_order {
        cells.sort();
    }
    cells
}

/// (value, qualifier, cumulative) of a parsed cell, whether the value object is the
/// importer's `Value` or the golden `{value, qualifier, cumulative}`.
fn parsed(j: Option<&Json>) -> (Option<f64>, Option<String>, bool) {
    match j.filter(|v| v.is_object()) {
        None => (None, None, false),
        Some(v) => (
            v.get("value").and_then(Json::as_f64),
            s(v, "qualifier"),
            v.get("cumulative").and_then(Json::as_bool).unwrap_or(false),
        ),
    }
}

fn same_parsed(
    a: &(Option<f64>, Option<String>, bool),
    b: &(Option<f64>, Option<String>, bool),
) -> bool {
    let values = match (a.0, b.0) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        (x, y) => x.is_none() && y.is_none(),
    };
    values && a.1 == b.1 && a.2 == b.2
}

/// Differences between one importer row and its golden row, as `field: ours ≠ golden`.
pub fn row_differences(ours: &Json, g: &Json, opt: Compare) -> Vec<String> {
    let mut out = Vec::new();
    let mut text = |field: &str, a: Option<String>, b: Option<String>| {
        if a != b {
            out.push(format!("{field}: ours {a:?} ≠ golden {b:?}"));
        }
    };
    for field in [
        "seq",
        "category",
        "parent",
        "region",
        "name",
        "unit",
        "attribute",
        "baseline_raw",
        "target_raw",
        "actual_raw",
    ] {
        text(field, s(ours, field), s(g, field));
    }
    for field in ["growth_raw", "done_raw"] {
        if g.get(field).is_some() {
            text(field, s(ours, field), s(g, field));
        }
    }
    let (a, b) = (
        trimmed_cells(ours, opt.cells_in_any_order),
        trimmed_cells(g, opt.cells_in_any_order),
    );
    if a != b {
        out.push(format!("cells: ours {a:?} ≠ golden {b:?}"));
    }
    for slot in ["baseline", "target", "actual"] {
        let (a, b) = (parsed(ours.get(slot)), parsed(g.get(slot)));
        if !same_parsed(&a, &b) {
            out.push(format!("{slot}: ours {a:?} ≠ golden {b:?}"));
        }
    }
    if let Some(want) = g.get("annual_targets").and_then(Json::as_array) {
        let have = arr(ours, "annual_targets");
        for w in want {
            let year = i(w, "year");
            let found = have.iter().find(|h| i(h, "year") == year);
            let ok = found.is_some_and(|h| {
                s(h, "raw") == s(w, "raw") && {
                    // The importer nests the parsed cell under `value`.
                    let inner = h.get("value").filter(|v| v.is_object()).unwrap_or(h);
                    same_parsed(&parsed(Some(inner)), &parsed(Some(w)))
                }
            });
            if !ok {
                out.push(format!(
                    "annual {}: ours {:?} ≠ golden {:?}",
                    year.unwrap_or_default(),
                    found.map(|h| h.to_string()),
                    s(w, "raw")
                ));
            }
        }
        if have.len() != want.len() {
            out.push(format!(
                "annual targets: ours {} ≠ golden {}",
                have.len(),
                want.len()
            ));
        }
    }
    out
}

/// Compares the importer's tables of one document with the golden tables.
pub fn score_document(ours: &[Json], golden: &[Json], opt: Compare) -> Score {
    let mut score = Score::default();
    let all_rows: Vec<&Json> = ours.iter().flat_map(|t| arr(t, "indicators")).collect();
    let mut used: Vec<*const Json> = Vec::new();
    for g in golden {
        let rows = arr(g, "indicators");
        score.rows += rows.len();
        let start = i(g, "start_line").unwrap_or_default();
        let Some(t) = matching_table(ours, g) else {
            score.differences.push(format!(
                "table at line {start} ({}): not found",
                s(g, "table_title").unwrap_or_default()
            ));
            continue;
        };
        for field in ["kind", "baseline_year", "target_year"] {
            if t.get(field) != g.get(field) {
                score.differences.push(format!(
                    "table at line {start}: {field}: ours {} ≠ golden {}",
                    t.get(field).unwrap_or(&Json::Null),
                    g.get(field).unwrap_or(&Json::Null)
                ));
            }
        }
        let in_table: Vec<&Json> = arr(t, "indicators").iter().collect();
        for gr in rows {
            let line = i(gr, "line").unwrap_or_default();
            let found = matching_row(&in_table, gr).or_else(|| matching_row(&all_rows, gr));
            let Some(r) = found else {
                score.differences.push(format!(
                    "line {line} {}: row not read",
                    s(gr, "name").unwrap_or_default()
                ));
                continue;
            };
            used.push(r as *const Json);
            let diffs = row_differences(r, gr, opt);
            if diffs.is_empty() {
                score.right += 1;
            }
            for d in diffs {
                score.differences.push(format!(
                    "line {line} {}: {d}",
                    s(gr, "name").unwrap_or_default()
                ));
            }
        }
    }
    for r in &all_rows {
        if !used.contains(&(*r as *const Json)) {
            score.extra += 1;
            score.differences.push(format!(
                "line {} {}: read as a row, the golden reading has none",
                i(r, "line").unwrap_or_default(),
                s(r, "name").unwrap_or_default()
            ));
        }
    }
    score
}

/// Table titles and spans that differ (reported, not scored: the issue scores rows).
pub fn table_notes(ours: &[Json], golden: &[Json]) -> Vec<String> {
    let mut out = Vec::new();
    for g in golden {
        let Some(t) = matching_table(ours, g) else {
            continue;
        };
        let start = i(g, "start_line").unwrap_or_default();
        let pairs = [
            (
                "start_line",
                i(t, "start_line").map(|v| v.to_string()),
                i(g, "start_line").map(|v| v.to_string()),
            ),
            (
                "end_line",
                i(t, "end_line").map(|v| v.to_string()),
                i(g, "end_line").map(|v| v.to_string()),
            ),
            (
                "title",
                s(t, "title").map(|v| squeeze(&v)),
                s(g, "table_title").map(|v| squeeze(&v)),
            ),
            (
                "plan",
                s(t, "plan").map(|v| squeeze(&v)),
                s(g, "plan").map(|v| squeeze(&v)),
            ),
        ];
        for (field, a, b) in pairs {
            if a != b {
                out.push(format!(
                    "table at line {start}: {field}: ours {a:?} ≠ golden {b:?}"
                ));
            }
        }
    }
    out
}
