//! A table read from a document (Word or HTML), turned into the text the importer reads: one
//! line per row, cells separated by TAB.
//!
//! Merged cells: a cell spanning several columns gives its text in its first column and
//! empty cells after it, as gazette text has it (`“十三五”规划目标⇥⇥`), so that two-row headers
//! read the same as pasted text. A cell continuing a vertical merge gets the text of the cell
//! it continues (a merged category cell gives the category on every row), except under a
//! header cell: a `序号` spanning both header rows stays empty in the second, as in text.

/// How a cell takes part in a vertical merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Merge {
    None,
    /// First cell of a vertical merge.
    Restart,
    /// Covered by the cell above.
    Continue,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cell {
    pub text: String,
    /// Columns covered (≥ 1).
    pub span: usize,
    pub merge: Merge,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Row {
    pub cells: Vec<Cell>,
    /// Marked as a header row (`w:tblHeader`, `<thead>`, all `<th>`).
    pub header: bool,
}

/// Widest table we lay out; wider grids are broken documents, not indicator tables.
const MAX_COLUMNS: usize = 256;

/// The TAB lines of a table; rows without any text are left out.
///
/// A row with as many cells as the first row is laid out like the first row: tables glued
/// together (or pasted from two) have grids that differ slightly, and the `n`-th cell then
/// still belongs under the `n`-th heading.
///
/// The table's columns are its header's columns: the grid boundaries where header cells
/// start and end (LibreOffice's HTML adds grid columns for every cell edge of any row). A
/// row whose cells all start and end on those boundaries gets one cell per header column it
/// covers; a row that does not fit them (a table of another grid glued under the header)
/// gives its cells in order, one each, as text does.
pub(crate) fn to_lines(rows: &[Row]) -> Vec<String> {
    let layout: Vec<usize> = rows
        .first()
        .map(|r| r.cells.iter().map(|c| c.span).collect())
        .unwrap_or_default();
    let any_marked = rows.iter().any(|r| r.header);
    let is_header = |r: usize| {
        if any_marked {
            rows[r].header
        } else {
            r == 0
        }
    };
    // Each row's cells with their grid columns [start, end) and their text.
    let mut above: Vec<Option<(String, bool)>> = Vec::new();
    let placed: Vec<Vec<(usize, usize, String)>> = rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let like_first = row.cells.len() == layout.len();
            let mut col = 0;
            let mut cells = Vec::with_capacity(row.cells.len());
            for (i, cell) in row.cells.iter().enumerate() {
                if col >= MAX_COLUMNS {
                    break;
                }
                if above.len() <= col {
                    above.resize(col + 1, None);
                }
                let text = match cell.merge {
                    Merge::Continue => match &above[col] {
                        Some((t, false)) => t.clone(),
                        _ => String::new(),
                    },
                    Merge::Restart => {
                        above[col] = Some((cell.text.clone(), is_header(r)));
                        cell.text.clone()
                    }
                    Merge::None => {
                        above[col] = None;
                        cell.text.clone()
                    }
                };
                let span = if like_first { layout[i] } else { cell.span };
                let span = span.clamp(1, MAX_COLUMNS - col);
                cells.push((col, col + span, text));
                col += span;
            }
            cells
        })
        .collect();
    // The header is the run of header rows at the top: a row marked later (the first row of
    // a table glued underneath, a repeated header) does not define the columns.
    let lead = (0..rows.len()).take_while(|&r| is_header(r)).count().max(1);
    let mut header: Vec<usize> = (0..lead.min(rows.len()))
        .flat_map(|r| placed[r].iter().flat_map(|&(a, b, _)| [a, b]))
        .collect();
    header.sort_unstable();
    header.dedup();
    // A cell fits the header when it lies inside one header column or starts and ends on
    // the header's boundaries.
    let fits_cell = |a: usize, b: usize| {
        let on = |g: usize| header.binary_search(&g).is_ok();
        let inside = header.windows(2).any(|w| w[0] <= a && b <= w[1]);
        inside || (on(a) && on(b))
    };
    let fits: Vec<bool> = placed
        .iter()
        .map(|row| header.len() < 2 || row.iter().all(|&(a, b, _)| fits_cell(a, b)))
        .collect();
    // The table's columns: boundaries of the header and of every row that fits it.
    let mut bounds: Vec<usize> = placed
        .iter()
        .zip(&fits)
        .filter(|(_, &f)| f)
        .flat_map(|(row, _)| row.iter().flat_map(|&(a, b, _)| [a, b]))
        .collect();
    bounds.sort_unstable();
    bounds.dedup();
    let column = |g: usize| bounds.binary_search(&g).unwrap_or(0);
    let mut lines = Vec::with_capacity(rows.len());
    for (row, &fit) in placed.iter().zip(&fits) {
        let mut cells: Vec<String> = Vec::with_capacity(row.len());
        for (a, b, text) in row {
            cells.push(text.clone());
            let width = if fit { column(*b) - column(*a) } else { 1 };
            cells.extend(std::iter::repeat_n(String::new(), width.saturating_sub(1)));
        }
        if cells.iter().any(|c| !c.trim().is_empty()) {
            lines.push(cells.join("\t"));
        }
    }
    lines
}

/// Joins the paragraphs of one cell: Chinese text runs on, Latin words and numbers keep a
/// space between them. TABs and line breaks inside a cell would split it, so they become spaces.
pub(crate) fn join_cell_text(parts: &[String]) -> String {
    let mut out = String::new();
    for part in parts {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let needs_space = matches!(
            (out.chars().last(), part.chars().next()),
            (Some(a), Some(b)) if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric()
        );
        if needs_space {
            out.push(' ');
        }
        out.push_str(part);
    }
    out.replace(['\t', '\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str, span: usize, merge: Merge) -> Cell {
        Cell {
            text: text.into(),
            span,
            merge,
        }
    }

    fn row(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            header: false,
        }
    }

    #[test]
    fn spanning_cells_leave_empty_cells_after_their_text() {
        let rows = vec![
            row(vec![
                cell("序号", 1, Merge::None),
                cell("目标", 2, Merge::None),
                cell("属性", 1, Merge::None),
            ]),
            row(vec![
                cell("1", 1, Merge::None),
                cell("6", 1, Merge::None),
                cell("7", 1, Merge::None),
                cell("约束性", 1, Merge::None),
            ]),
        ];
        assert_eq!(
            to_lines(&rows),
            vec!["序号\t目标\t\t属性", "1\t6\t7\t约束性"]
        );
    }

    #[test]
    fn columns_are_the_headers_and_rows_of_another_grid_keep_their_cells_in_order() {
        // LibreOffice's HTML of two tables glued together: grid columns for every edge.
        let rows = vec![
            row(vec![
                cell("序号", 2, Merge::None),
                cell("指标", 2, Merge::None),
                cell("2025年", 3, Merge::None),
            ]),
            row(vec![
                cell("1", 2, Merge::None),
                cell("甲", 2, Merge::None),
                cell("5", 3, Merge::None),
            ]),
            // Straddles the header's boundaries: another table's grid.
            row(vec![
                cell("2", 1, Merge::None),
                cell("乙", 2, Merge::None),
                cell("", 2, Merge::None),
                cell("6", 2, Merge::None),
            ]),
        ];
        assert_eq!(
            to_lines(&rows),
            vec!["序号\t指标\t2025年", "1\t甲\t5", "2\t乙\t\t6"]
        );
    }

    #[test]
    fn continued_body_cells_repeat_the_category_but_header_cells_stay_empty() {
        let rows = vec![
            row(vec![
                cell("类别", 1, Merge::Restart),
                cell("目标", 2, Merge::None),
            ]),
            row(vec![
                cell("", 1, Merge::Continue),
                cell("2025年", 1, Merge::None),
                cell("年均", 1, Merge::None),
            ]),
            row(vec![
                cell("经济发展", 1, Merge::Restart),
                cell("6", 1, Merge::None),
                cell("7", 1, Merge::None),
            ]),
            row(vec![
                cell("", 1, Merge::Continue),
                cell("8", 1, Merge::None),
                cell("9", 1, Merge::None),
            ]),
            row(vec![
                cell("民生", 1, Merge::None),
                cell("1", 1, Merge::None),
                cell("2", 1, Merge::None),
            ]),
            row(vec![
                cell("", 1, Merge::Continue),
                cell("3", 1, Merge::None),
                cell("4", 1, Merge::None),
            ]),
        ];
        assert_eq!(
            to_lines(&rows),
            vec![
                "类别\t目标\t",
                "\t2025年\t年均",
                "经济发展\t6\t7",
                "经济发展\t8\t9",
                "民生\t1\t2",
                // A continuation with no merge started above has nothing to repeat.
                "\t3\t4",
            ]
        );
    }

    #[test]
    fn marked_header_rows_decide_which_merges_are_headers() {
        let mut first = row(vec![
            cell("经济", 1, Merge::Restart),
            cell("1", 1, Merge::None),
        ]);
        first.header = false;
        let mut head = row(vec![
            cell("类别", 1, Merge::None),
            cell("值", 1, Merge::None),
        ]);
        head.header = true;
        let rows = vec![
            head,
            first,
            row(vec![
                cell("", 1, Merge::Continue),
                cell("2", 1, Merge::None),
            ]),
        ];
        assert_eq!(to_lines(&rows), vec!["类别\t值", "经济\t1", "经济\t2"]);
    }

    #[test]
    fn rows_with_as_many_cells_as_the_first_follow_its_layout() {
        let rows = vec![
            row(vec![
                cell("序号", 2, Merge::None),
                cell("名称", 1, Merge::None),
            ]),
            row(vec![cell("1", 1, Merge::None), cell("甲", 2, Merge::None)]),
            row(vec![
                cell("经济", 1, Merge::None),
                cell("2", 1, Merge::None),
                cell("乙", 1, Merge::None),
            ]),
        ];
        assert_eq!(
            to_lines(&rows),
            vec!["序号\t\t名称", "1\t\t甲", "经济\t2\t乙"]
        );
    }

    #[test]
    fn empty_rows_are_dropped_and_absurd_spans_are_capped() {
        let rows = vec![
            row(vec![cell(" ", 1, Merge::None), cell("", 3, Merge::None)]),
            row(vec![cell("名称", usize::MAX, Merge::None)]),
        ];
        let lines = to_lines(&rows);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].split('\t').count() <= MAX_COLUMNS);
    }

    #[test]
    fn cell_paragraphs_join_without_spaces_between_chinese() {
        let parts = [
            "细颗粒物".to_string(),
            "（PM2.5）".into(),
            "年均浓度".into(),
        ];
        assert_eq!(join_cell_text(&parts), "细颗粒物（PM2.5）年均浓度");
        assert_eq!(join_cell_text(&["GDP".into(), "2025".into()]), "GDP 2025");
        assert_eq!(join_cell_text(&["a\tb".into()]), "a b");
    }
}
