//! Finds table blocks: a header row, then body rows until the text goes back to prose.
//! Blank lines, page numbers and a header repeated after a page break stay inside the block.

use std::sync::LazyLock;

use regex::Regex;

use super::content::refine;
use super::grid::Grid;
use super::header::{detect, detect_rows, Header};
use super::lines::{filled, is_blank, is_tab_row, split_cells, strip_tags};
use super::name::is_unit;
use super::rows::BodyLine;

static NOTE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:注[:：\s]|注\d|说明[:：]|资料来源|数据来源|备注[:：])").unwrap()
});
static NOTE_MORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-\s]*(?:\d{1,2}[.、．]|[①②③④⑤⑥⑦⑧⑨])").unwrap());
static TABLE_UNIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[（(]?单位[:：]\s*([^，,；;。)）\s]{1,12})").unwrap());
static PAGE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-—–\s]*(?:第\s*)?\d{1,4}\s*(?:页)?[-—–\s]*$").unwrap());

/// Stands for a line whose cells were moved onto an earlier line.
const ABSORBED: &str = "\u{1}";

/// A table block before its rows are assembled.
#[derive(Debug, Clone)]
pub struct RawTable {
    pub header: Header,
    /// 1-based first header line.
    pub start_line: usize,
    /// A unit stated once for the whole table (`单位：%`), above or in the header.
    pub unit: Option<String>,
    /// 0-based line of the first header row.
    pub header_idx: usize,
    pub body: Vec<BodyLine>,
    pub notes: Vec<String>,
}

fn cells_of(line: &str) -> Option<Vec<String>> {
    is_tab_row(line).then(|| split_cells(line))
}

fn is_note(line: &str) -> bool {
    let t = strip_tags(line);
    NOTE_START.is_match(t.trim_start())
}

fn note_text(line: &str) -> String {
    strip_tags(line)
        .trim()
        .trim_end_matches('\t')
        .trim()
        .to_string()
}

/// The TAB rows on the two lines after `i`, while there are such rows.
fn rows_after(lines: &[&str], i: usize) -> Vec<Vec<String>> {
    lines
        .iter()
        .skip(i + 1)
        .take(2)
        .map_while(|l| cells_of(l))
        .collect()
}

/// Finds every table block in the grid's lines.
pub fn find_tables(grid: &Grid) -> Vec<RawTable> {
    let lines: Vec<&str> = grid
        .lines
        .iter()
        .zip(&grid.absorbed)
        .map(|(l, a)| if *a { ABSORBED } else { l.as_str() })
        .collect();
    let mut tables = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(first) = cells_of(lines[i]) else {
            i += 1;
            continue;
        };
        let below = rows_after(&lines, i);
        let more: Vec<&[String]> = below.iter().map(Vec::as_slice).collect();
        let Some((header, used)) = detect_rows(&first, &more) else {
            i += 1;
            continue;
        };
        let (table, next) = read_block(&lines, grid, i, header, used);
        if !table.body.is_empty() {
            tables.push(table);
        }
        i = next.max(i + 1);
    }
    tables
}

/// Reads the body after a header; returns the block and the index to resume scanning at.
fn read_block(
    lines: &[&str],
    grid: &Grid,
    start: usize,
    header: Header,
    used: usize,
) -> (RawTable, usize) {
    let mut body: Vec<BodyLine> = Vec::new();
    let mut after_break = false;
    let mut j = start + used;
    let mut notes = Vec::new();
    while j < lines.len() {
        let line = lines[j];
        if line == ABSORBED {
            j += 1;
            continue;
        }
        if is_blank(line) {
            after_break = true;
            j += 1;
            continue;
        }
        if is_note(line) {
            j = read_notes(lines, j, &mut notes);
            break;
        }
        let Some(cells) = cells_of(line) else {
            if PAGE_NUMBER.is_match(line) {
                after_break = true;
                j += 1;
                continue;
            }
            break;
        };
        if filled(&cells) == 0 {
            j += 1;
            continue;
        }
        if header.repeats(&cells, 0) {
            after_break = true;
            j += 1;
            for row in 1..header.row_keys.len() {
                let next = lines.get(j).and_then(|l| cells_of(l));
                if !next.is_some_and(|n| header.repeats(&n, row)) {
                    break;
                }
                j += 1;
            }
            continue;
        }
        let next = lines.get(j + 1).and_then(|l| cells_of(l));
        if detect(&cells, next.as_deref()).is_some() {
            break; // another table starts here
        }
        body.push(BodyLine {
            line: j + 1,
            lines: grid.source_lines(j),
            cells,
            after_break,
        });
        after_break = false;
        j += 1;
    }
    let mut header = header;
    let cells: Vec<&[String]> = body.iter().map(|b| b.cells.as_slice()).collect();
    refine(&mut header, &cells);
    let unit = table_unit(lines, start, &header);
    let table = RawTable {
        header,
        start_line: start + 1,
        unit,
        header_idx: start,
        body,
        notes,
    };
    (table, j)
}

/// `单位：%` in a header cell or on one of the three lines above the header.
fn table_unit(lines: &[&str], header_idx: usize, header: &Header) -> Option<String> {
    let above = lines[header_idx.saturating_sub(3)..header_idx]
        .iter()
        .copied();
    header
        .columns
        .iter()
        .map(String::as_str)
        .chain(above)
        .filter(|l| l.len() < 400)
        .find_map(|l| TABLE_UNIT.captures(l).map(|c| c[1].to_string()))
        .filter(|u| is_unit(u))
}

/// Collects a note line and the numbered lines that continue it; returns the next index.
fn read_notes(lines: &[&str], start: usize, notes: &mut Vec<String>) -> usize {
    notes.push(note_text(lines[start]));
    let mut j = start + 1;
    let mut last = j;
    while j < lines.len() && j - last <= 2 {
        let line = lines[j];
        if is_blank(line) {
            j += 1;
            continue;
        }
        if !NOTE_MORE.is_match(line) || line.len() > 2000 {
            break;
        }
        notes.push(note_text(line));
        j += 1;
        last = j;
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "表 1 主要指标\n\n指标类别\t指标\t2020年\t2025年\t指标性质\n环境质量\t1.PM2.5浓度（微克/立方米）\t53\t< 42.5\t约束性\n\n指标类别\t指标\t2020年\t2025年\t指标性质\n生态保护\t2.森林覆盖率(%)\t—\t按省下达目标\t约束性\n\n注：1.说明。\n2.[]内为五年累计数。\n\n第三章 正文";

    #[test]
    fn reads_a_table_across_a_page_break() {
        let lines: Vec<&str> = TEXT.lines().collect();
        let tables = find_tables(&crate::import::grid::build(&lines));
        assert_eq!(tables.len(), 1);
        let t = &tables[0];
        assert_eq!(t.header_idx, 2);
        assert_eq!(
            t.body.iter().map(|b| b.line).collect::<Vec<_>>(),
            vec![4, 7]
        );
        assert!(t.body[1].after_break);
        assert_eq!(t.notes, vec!["注：1.说明。", "2.[]内为五年累计数。"]);
    }

    #[test]
    fn ignores_text_without_tables() {
        let lines = vec![
            "第一章\t3",
            "序号\t项目名称\t建设内容",
            "1\t某工程\t建设污水管网",
        ];
        assert!(find_tables(&crate::import::grid::build(&lines)).is_empty());
    }
}
