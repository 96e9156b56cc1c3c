//! Values wrapped in narrow cells, whose pieces `pdftotext` sets against the next column.

use super::super::super::header::Role;

/// Cells of a row stand side by side. A one-word piece wrapped just above or below a
/// numbered line, set wholly left of that line's cell in the same column while the column
/// before is empty on both lines, is the column before's (`[25` / `]` in a narrow cell
/// before `—`): one cell's pieces are centred on one another and overlap.
pub(super) fn wrapped_left(
    cells: &mut [Vec<Option<String>>],
    spans: &[Vec<Option<(usize, usize)>>],
    numbered: &[bool],
    roles: &[Role],
) {
    let value = |c: usize| matches!(roles[c], Role::Value(..) | Role::Unslotted(_));
    let n = cells.len();
    for y in 0..n {
        for c in 1..roles.len() {
            if !(value(c) && value(c - 1)) || cells[y][c - 1].is_some() {
                continue;
            }
            let Some((_, end)) = spans[y][c] else {
                continue;
            };
            if cells[y][c].as_deref().is_some_and(|t| t.contains(' ')) {
                continue;
            }
            let beside = [y.checked_sub(1), Some(y + 1)]
                .into_iter()
                .flatten()
                .filter(|&k| k < n && numbered[k] && !numbered[y])
                .any(|k| {
                    cells[k][c - 1].is_none() && spans[k][c].is_some_and(|(start, _)| end < start)
                });
            if beside {
                cells[y][c - 1] = cells[y][c].take();
            }
        }
    }
}
