//! Where a wrapped table's rows are: the middle line of each.

use super::rows::is_seq;

/// The middle line of each row. With a 序号 column, the lines with a number under it, and a
/// line of several cells in a block of lines (between blank lines) that has no number; without
/// one, the lines of several cells, two neighbouring lines that fill different columns being
/// the two halves of one row.
pub(super) fn anchors(
    cells: &[Vec<Option<String>>],
    category: Option<usize>,
    seq: Option<usize>,
) -> Vec<f64> {
    let data_cols = cells.first().map_or(0, |l| l.len()) - usize::from(category.is_some());
    let enough = data_cols.min(3.max((data_cols * 2).div_ceil(5)));
    let filled = |y: usize| -> Vec<usize> {
        (0..cells[y].len())
            .filter(|&c| Some(c) != category && cells[y][c].is_some())
            .collect()
    };
    let n = cells.len();
    let blank = |y: usize| cells[y].iter().all(Option::is_none);
    let mut out: Vec<f64> = Vec::new();
    if let Some(s) = seq {
        let numbered: Vec<bool> = (0..n)
            .map(|y| cells[y][s].as_deref().is_some_and(is_seq))
            .collect();
        let mut y = 0;
        while y < n {
            if blank(y) {
                y += 1;
                continue;
            }
            let end = (y..n).find(|&k| blank(k)).unwrap_or(n);
            if (y..end).any(|k| numbered[k]) {
                out.extend((y..end).filter(|&k| numbered[k]).map(|k| k as f64));
            } else if let Some(k) = (y..end).find(|&k| filled(k).len() >= enough) {
                out.push(k as f64);
            }
            y = end;
        }
        return out;
    }
    let mut y = 0;
    while y < n {
        let f = filled(y);
        if f.len() < enough {
            y += 1;
            continue;
        }
        let next = (y + 1 < n).then(|| filled(y + 1));
        match next {
            Some(g) if g.len() >= enough && g.iter().all(|c| !f.contains(c)) => {
                out.push(y as f64 + 0.5);
                y += 2;
            }
            _ => {
                out.push(y as f64);
                y += 1;
            }
        }
    }
    out
}
