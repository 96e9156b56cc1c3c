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
    let i = layout.cell_index(header, col)?;
    cells.get(i).map(|s| s.as_str()).filter(|s| !s.is_empty())
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
    for bl in body {
        let cells = &bl.cells;
        let layout = Layout::of(header, cells);
        let zone: Vec<&str> = layout
            .name_zone(header)
            .filter_map(|i| cells.get(i).map(|s| s.as_str()))
            .filter(|s| !s.is_empty())
            .collect();
        let slots = [Slot::Baseline, Slot::Target, Slot::Actual];
        let [baseline_raw, target_raw, actual_raw] =
            slots.map(|s| value_raw(header, &layout, cells, s));
        let attribute = cell(header, &layout, cells, Role::Attribute).and_then(Attribute::parse);
        let category_cell = cell(header, &layout, cells, Role::Category);
        let seq_cell = cell(header, &layout, cells, Role::Seq);
        let has_values = baseline_raw.is_some() || target_raw.is_some() || actual_raw.is_some();

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
            if bl.after_break && only_name && !is_heading(&joined) && !rows.is_empty() {
                // A name split across a page break continues the previous row.
                let prev = rows.last_mut().expect("checked non-empty");
                prev.name_raw.push_str(&joined);
                prev.lines.push(bl.line);
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
        if let Some(r) = cell(header, &layout, cells, Role::Region) {
            carry.region = Some(despace(r));
        }
        let mut zone = zone;
        let mut seq = seq_cell.map(seq_of);
        if zone.len() >= 2 && is_seq_cell(zone[0]) && seq.is_none() {
            seq = Some(seq_of(zone[0]));
            zone.remove(0);
        }
        let Some(name_raw) = zone.last().map(|s| s.to_string()) else {
            continue;
        };
        let group_raw: Vec<&str> = zone[..zone.len() - 1].to_vec();
        let parts = split_name(&name_raw);
        seq = seq.or(parts.seq);
        let prev = rows.last();
        let continuation = seq.is_none() && prev.is_some_and(|p| p.seq.is_some());
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
        let unit = parts
            .unit
            .or_else(|| {
                cell(header, &layout, cells, Role::Unit)
                    .filter(|u| !is_placeholder(u))
                    .map(despace)
            })
            .or_else(|| {
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
            lines: vec![bl.line],
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
            remark: cell(header, &layout, cells, Role::Remark).map(str::to_string),
            department: cell(header, &layout, cells, Role::Department).map(despace),
        });
    }
    rows
}

#[cfg(test)]
#[path = "rows_tests.rs"]
mod tests;
