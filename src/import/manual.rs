//! A table a person points at: lines the importer did not read as a table, marked in the
//! wizard as “这是一张指标表”, read with column roles the person gives. The importer's guess
//! prefills the wizard's drop-downs; every change of a role reads the block again.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::column::{ColumnRead, ColumnRole};
use super::content::refine;
use super::document::{column_reads, table_of};
use super::grid;
use super::header::{detect, Header, Role};
use super::lines::{is_blank, split_cells};
use super::rows::{assemble, BodyLine};
use super::{ExtractedTable, ImportError};

/// A role chosen for one column (with the year, for annual target columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ColumnChoice {
    pub role: ColumnRole,
    pub year: Option<i32>,
}

/// The importer's guess for a block of lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TableGuess {
    /// How many of the block's first rows are header rows (0: none was found).
    pub header_rows: usize,
    pub columns: Vec<ColumnRead>,
    /// The block read with the guessed roles.
    pub table: ExtractedTable,
}

/// The rows of lines `first..=last` (1-based) as cells, each with its source lines.
fn block_rows(text: &str, first: usize, last: usize) -> Result<Vec<BodyLine>, ImportError> {
    let all: Vec<&str> = text.lines().collect();
    if first == 0 || first > last || last > all.len() {
        return Err(ImportError::Selection);
    }
    let g = grid::build(&all[first - 1..last]);
    let rows: Vec<BodyLine> = g
        .lines
        .iter()
        .enumerate()
        .filter(|(i, l)| !g.absorbed[*i] && !is_blank(l))
        .map(|(i, l)| BodyLine {
            line: first + i,
            lines: g.source_lines(i).iter().map(|n| n + first - 1).collect(),
            cells: if l.contains('\t') {
                split_cells(l)
            } else {
                grid::split_spaced(l)
            },
            after_break: false,
        })
        .collect();
    if rows.is_empty() {
        return Err(ImportError::Selection);
    }
    Ok(rows)
}

fn width(rows: &[BodyLine]) -> usize {
    rows.iter().map(|r| r.cells.len()).max().unwrap_or(0)
}

/// A header made of chosen roles; labels come from the header rows, when there are some.
fn header_of(rows: &[BodyLine], header_rows: usize, roles: Vec<Role>) -> Header {
    let labels: Vec<String> = (0..roles.len())
        .map(|c| {
            rows[..header_rows]
                .iter()
                .filter_map(|r| r.cells.get(c).filter(|s| !s.is_empty()).cloned())
                .collect::<Vec<_>>()
                .join("/")
        })
        .collect();
    Header::from_roles(
        labels,
        roles,
        rows.first().map(|r| r.cells.clone()).unwrap_or_default(),
    )
}

/// Guesses the roles of the block's columns: from its header rows when it has some, else
/// from the cells alone.
pub fn guess_table(text: &str, first: usize, last: usize) -> Result<TableGuess, ImportError> {
    let rows = block_rows(text, first, last)?;
    let second = rows.get(1).map(|r| r.cells.as_slice());
    let (mut header, used) = match detect(&rows[0].cells, second) {
        Some(found) => found,
        None => (header_of(&rows, 0, vec![Role::Other; width(&rows)]), 0),
    };
    let body = &rows[used..];
    let cells: Vec<&[String]> = body.iter().map(|b| b.cells.as_slice()).collect();
    refine(&mut header, &cells);
    if used == 0 {
        guess_values(&mut header, &cells);
    }
    let table = read_with(&rows, used, header.clone());
    Ok(TableGuess {
        header_rows: used,
        columns: column_reads(&header),
        table,
    })
}

/// Without a header, the first column of texts is the name and the columns of numbers are
/// baseline then target, in reading order; the person corrects what is wrong.
fn guess_values(header: &mut Header, cells: &[&[String]]) {
    let stats: Vec<_> = (0..header.roles.len())
        .map(|c| super::content::stats(cells, c))
        .collect();
    if header.col(Role::Name).is_none() {
        let name = (0..stats.len())
            .filter(|&c| header.roles[c] == Role::Other && stats[c].texts > 0)
            .max_by_key(|&c| stats[c].text_chars);
        if let Some(c) = name {
            header.roles[c] = Role::Name;
            header.reasons[c] = "内容为最长的文字".to_string();
        }
    }
    let numeric: Vec<usize> = (0..stats.len())
        .filter(|&c| {
            // Small whole numbers (25, 80) look like sequence cells: they count as numbers.
            let numbers = stats[c].numbers + stats[c].seqs;
            header.roles[c] == Role::Other && numbers * 2 >= stats[c].filled.max(1)
        })
        .collect();
    let slots = [super::header::Slot::Baseline, super::header::Slot::Target];
    let picks: Vec<(usize, super::header::Slot)> = match numeric.as_slice() {
        [] => vec![],
        [t] => vec![(*t, slots[1])],
        [b, .., t] => vec![(*b, slots[0]), (*t, slots[1])],
    };
    for (c, slot) in picks {
        header.roles[c] = Role::Value(slot, super::header::Sub::Absolute);
        header.reasons[c] = "内容为数值".to_string();
    }
}

/// Reads the block with the roles a person chose. `header_rows` first rows are skipped.
pub fn read_table_as(
    text: &str,
    first: usize,
    last: usize,
    header_rows: usize,
    columns: &[ColumnChoice],
) -> Result<ExtractedTable, ImportError> {
    let rows = block_rows(text, first, last)?;
    if header_rows >= rows.len() || !columns.iter().any(|c| c.role == ColumnRole::Name) {
        return Err(ImportError::Selection);
    }
    let roles = columns.iter().map(|c| c.role.to_role(c.year)).collect();
    let mut header = header_of(&rows, header_rows, roles);
    for (i, c) in columns.iter().enumerate() {
        header.reasons[i] = format!("由用户指定为{}", c.role.label());
    }
    Ok(read_with(&rows, header_rows, header))
}

fn read_with(rows: &[BodyLine], header_rows: usize, header: Header) -> ExtractedTable {
    let body = &rows[header_rows..];
    let start = rows[0].line;
    let read = assemble(&header, body);
    table_of(&header, start, read, "指标表".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "正文。\n森林覆盖率  %  25  26  约束性\n人均预期寿命  岁  80  81  预期性\n后文。";

    #[test]
    fn guesses_roles_without_a_header() {
        let g = guess_table(TEXT, 2, 3).unwrap();
        assert_eq!(g.header_rows, 0);
        let roles: Vec<ColumnRole> = g.columns.iter().map(|c| c.role).collect();
        assert_eq!(
            roles,
            [
                ColumnRole::Name,
                ColumnRole::Unit,
                ColumnRole::Baseline,
                ColumnRole::Target,
                ColumnRole::Attribute
            ]
        );
        assert_eq!(g.table.indicators.len(), 2);
        assert_eq!(g.table.indicators[1].target_raw.as_deref(), Some("81"));
    }

    #[test]
    fn reads_with_the_roles_a_person_gives() {
        let choice = |role| ColumnChoice { role, year: None };
        let cols = [
            choice(ColumnRole::Name),
            choice(ColumnRole::Unit),
            choice(ColumnRole::Ignore),
            choice(ColumnRole::Target),
            choice(ColumnRole::Attribute),
        ];
        let t = read_table_as(TEXT, 2, 3, 0, &cols).unwrap();
        let r = &t.indicators[0];
        assert_eq!(
            (r.name.as_str(), r.unit.as_deref()),
            ("森林覆盖率", Some("%"))
        );
        assert_eq!(r.baseline_raw, None);
        assert_eq!(r.target.as_ref().and_then(|v| v.value), Some(26.0));
        assert_eq!(r.lines, vec![2]);
        assert!(read_table_as(TEXT, 3, 2, 0, &cols).is_err());
    }
}
