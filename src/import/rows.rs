//! Row assembly: maps each body line's cells onto the header's columns (rows may carry an
//! extra column or miss their category cell), carries merged cells down, joins a name split
//! across a page break, and reads sub-items (其中).

use super::header::{Header, Role, Slot, Sub};
use super::lines::{despace, trimmed_len};
use super::name::{clean_category, is_heading, is_seq_cell, seq_of, split_name, unit_in_cell};
use crate::model::Attribute;

/// One line of a table body.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyLine {
    /// 1-based line number.
    pub line: usize,
    /// Every 1-based source line of the row (one-cell-per-line tables, wrapped names).
    pub lines: Vec<usize>,
    pub cells: Vec<String>,
    /// A blank line or a repeated header (page break) came before this line.
    pub after_break: bool,
}

/// One indicator row, cells mapped but values not yet parsed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    pub line: usize,
    pub lines: Vec<usize>,
    pub cells: Vec<String>,
    pub seq: Option<String>,
    pub category: Option<String>,
    pub group: Option<String>,
    pub parent: Option<String>,
    pub name_raw: String,
    pub name: String,
    pub unit: Option<String>,
    pub region: Option<String>,
    pub attribute: Option<Attribute>,
    pub baseline_raw: Option<String>,
    pub target_raw: Option<String>,
    pub actual_raw: Option<String>,
    /// The unit column's cell, to compare with a unit in the name.
    pub unit_cell: Option<String>,
    pub growth_raw: Option<String>,
    pub done_raw: Option<String>,
    /// (year, raw cell) of annual target columns.
    pub annual: Vec<(i32, String)>,
    pub remark: Option<String>,
    pub department: Option<String>,
}

fn is_placeholder(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| matches!(c, '-' | '—' | '–' | '－' | '/' | '／' | ' '))
}

/// Where a row's cells sit relative to the header's columns.
struct Layout {
    /// Extra cells (> 0) inserted after the name, or leading columns missing (< 0).
    shift: isize,
    dropped: Vec<usize>,
}

impl Layout {
    fn of(header: &Header, cells: &[String]) -> Layout {
        let n = trimmed_len(cells) as isize;
        let shift = match header.col(Role::Attribute) {
            Some(a) => match cells.iter().rposition(|c| Attribute::parse(c).is_some()) {
                Some(i) => i as isize - a as isize,
                None => ((n - 1) - (a as isize - 1)).max(0),
            },
            None => ((n - 1) - header.last_role_col() as isize).max(0),
        };
        let mut dropped = Vec::new();
        if shift < 0 {
            // A row missing its leading cells lost its category (or sequence) cell.
            dropped = (0..header.name_col())
                .filter(|&c| matches!(header.roles[c], Role::Category | Role::Seq | Role::Region))
                .take((-shift) as usize)
                .collect();
        }
        let shift = if shift < 0 {
            -(dropped.len() as isize)
        } else {
            shift
        };
        Layout { shift, dropped }
    }

    fn cell_index(&self, header: &Header, col: usize) -> Option<usize> {
        if self.shift >= 0 {
            if col <= header.name_end() {
                Some(col)
            } else {
                Some(col + self.shift as usize)
            }
        } else if self.dropped.contains(&col) {
            None
        } else {
            let before = self.dropped.iter().filter(|&&d| d < col).count();
            Some(col - before)
        }
    }

    fn name_zone(&self, header: &Header) -> std::ops::RangeInclusive<usize> {
        let start = self.cell_index(header, header.name_col()).unwrap_or(0);
        let end = if self.shift >= 0 {
            header.name_end() + self.shift as usize
        } else {
            self.cell_index(header, header.name_end()).unwrap_or(start)
        };
        start..=end
    }
}

fn cell<'a>(header: &Header, layout: &Layout, cells: &'a [String], role: Role) -> Option<&'a str> {
    let col = header.col(role)?;
    cell_at(header, layout, cells, col)
}

fn cell_at<'a>(
    header: &Header,
    layout: &Layout,
    cells: &'a [String],
    col: usize,
) -> Option<&'a str> {
    let i = layout.cell_index(header, col)?;
    cells.get(i).map(|s| s.as_str()).filter(|s| !s.is_empty())
}

/// (year, raw) of the annual target cells that hold something; a dash is kept as written
/// (the plan sets no target for that year), so the wizard shows the row as the document does.
fn annual_cells(header: &Header, layout: &Layout, cells: &[String]) -> Vec<(i32, String)> {
    let mut out: Vec<(i32, String)> = header
        .roles
        .iter()
        .enumerate()
        .filter_map(|(c, r)| match r {
            Role::Annual(y) => cell_at(header, layout, cells, c).map(|s| (*y, s.to_string())),
            _ => None,
        })
        .collect();
    out.sort_by_key(|(y, _)| *y);
    out
}

/// The 年均/累计 cell of the target (or, failing that, of the actual value).
fn growth_cell(header: &Header, layout: &Layout, cells: &[String]) -> Option<String> {
    [Slot::Target, Slot::Actual]
        .into_iter()
        .find_map(|s| cell(header, layout, cells, Role::Value(s, Sub::Growth)))
        .map(str::to_string)
}

/// The absolute cell, or the growth cell beside it when the absolute one is a dash.
fn value_raw(header: &Header, layout: &Layout, cells: &[String], slot: Slot) -> Option<String> {
    let abs = cell(header, layout, cells, Role::Value(slot, Sub::Absolute));
    let growth = cell(header, layout, cells, Role::Value(slot, Sub::Growth));
    let pick = match (abs, growth) {
        (Some(a), _) if !is_placeholder(a) => Some(a),
        (_, Some(g)) if !is_placeholder(g) => Some(g),
        (a, g) => a.or(g),
    };
    pick.map(str::to_string)
}

#[derive(Default)]
struct Carry {
    category: Option<String>,
    region: Option<String>,
    parent_candidate: Option<String>,
}

/// Assembles the rows of one table.
pub fn assemble(header: &Header, body: &[BodyLine]) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    let mut carry = Carry::default();
    // A regional table may name its one indicator only in its title.
    let has_name = header.col(Role::Name).is_some();
    for bl in body {
        let cells = &bl.cells;
        let layout = Layout::of(header, cells);
        let zone: Vec<&str> = layout
            .name_zone(header)
            .filter(|_| has_name)
            .filter_map(|i| cells.get(i).map(|s| s.as_str()))
            .filter(|s| !s.is_empty())
            .collect();
        // One text alone on a row, wherever it stands, is a category line (a merged row
        // whose text a converter put under any column).
        let filled: Vec<&str> = cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        if let [only] = filled.as_slice() {
            let digits = only.chars().any(|c| c.is_ascii_digit());
            if zone.is_empty()
                && !digits
                && Attribute::parse(only).is_none()
                && !is_placeholder(only)
            {
                carry.category = Some(clean_category(only));
                continue;
            }
        }
        let slots = [Slot::Baseline, Slot::Target, Slot::Actual];
        let [baseline_raw, target_raw, actual_raw] =
            slots.map(|s| value_raw(header, &layout, cells, s));
        let attribute = cell(header, &layout, cells, Role::Attribute).and_then(Attribute::parse);
        let category_cell = cell(header, &layout, cells, Role::Category);
        let seq_cell = cell(header, &layout, cells, Role::Seq);
        let annual = annual_cells(header, &layout, cells);
        let has_values = baseline_raw.is_some()
            || target_raw.is_some()
            || actual_raw.is_some()
            || !annual.is_empty();

        if !has_values && attribute.is_none() {
            let text: Vec<&str> = cells
                .iter()
                .map(|s| s.as_str())
                .filter(|s| !s.is_empty())
                .collect();
            if text.is_empty() {
                continue;
            }
            let joined = text.join("");
            let only_name =
                text.len() == zone.len() && category_cell.is_none() && seq_cell.is_none();
            // Text alone in the first cell spans the row: a category line, not a name's end.
            let spanning = text.len() == 1 && cells.first().is_some_and(|c| !c.is_empty());
            if bl.after_break && only_name && !spanning && !is_heading(&joined) && !rows.is_empty()
            {
                // A name split across a page break continues the previous row.
                let prev = rows.last_mut().expect("checked non-empty");
                prev.name_raw.push_str(&joined);
                prev.lines.extend(bl.lines.iter().copied());
                let parts = split_name(&prev.name_raw);
                prev.name = parts.name;
                prev.unit = prev.unit.take().or(parts.unit);
                continue;
            }
            carry.category = Some(clean_category(&joined));
            continue;
        }

        if let Some(c) = category_cell {
            carry.category = Some(clean_category(c));
        }
        let own_region = cell(header, &layout, cells, Role::Region);
        if let Some(r) = own_region {
            carry.region = Some(despace(r));
        }
        let mut zone = zone;
        let mut seq = seq_cell.map(seq_of);
        if zone.len() >= 2 && is_seq_cell(zone[0]) && seq.is_none() {
            seq = Some(seq_of(zone[0]));
            zone.remove(0);
        }
        let name_raw = match zone.last() {
            Some(s) => s.to_string(),
            None if !has_name => String::new(),
            None => continue,
        };
        let group_raw: Vec<&str> = zone[..zone.len().saturating_sub(1)].to_vec();
        let parts = split_name(&name_raw);
        seq = seq.or(parts.seq);
        let prev = rows.last();
        let sub_item = parts.name.starts_with("其中");
        // A row without a number continues the numbered one above (城镇化率: 常住 | 户籍),
        // unless it names a region of its own (全市 under 1–5 counties).
        let continuation = seq.is_none()
            && !sub_item
            && own_region.is_none()
            && prev.is_some_and(|p| p.seq.is_some());
        let group = if !group_raw.is_empty() {
            Some(split_name(&group_raw.join("")).name)
        } else if continuation {
            prev.and_then(|p| p.group.clone())
        } else {
            None
        };
        let attribute = match (attribute, continuation) {
            (None, true) => prev.and_then(|p| p.attribute),
            (a, _) => a,
        };
        if continuation {
            seq = prev.and_then(|p| p.seq.clone());
        }
        let unit_cell = cell(header, &layout, cells, Role::Unit)
            .filter(|u| !is_placeholder(u))
            .map(despace);
        let unit = parts.unit.or_else(|| unit_cell.clone()).or_else(|| {
            [&target_raw, &baseline_raw, &actual_raw]
                .into_iter()
                .flatten()
                .find_map(|r| unit_in_cell(r))
        });
        let parent = if parts.name.starts_with("其中") {
            carry.parent_candidate.clone()
        } else {
            carry.parent_candidate = Some(parts.name.clone());
            None
        };
        rows.push(Row {
            line: bl.line,
            lines: bl.lines.clone(),
            cells: cells.clone(),
            seq,
            category: carry.category.clone(),
            group,
            parent,
            name_raw,
            name: parts.name,
            unit,
            region: carry.region.clone(),
            attribute,
            baseline_raw,
            target_raw,
            actual_raw,
            unit_cell,
            growth_raw: growth_cell(header, &layout, cells),
            done_raw: cell(header, &layout, cells, Role::Done).map(str::to_string),
            annual,
            remark: cell(header, &layout, cells, Role::Remark).map(str::to_string),
            department: cell(header, &layout, cells, Role::Department).map(despace),
        });
    }
    rows
}

#[cfg(test)]
#[path = "rows_tests.rs"]
mod tests;
