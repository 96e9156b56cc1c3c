//! A column of sub-indicator names that the header lacks (`每千人口卫生技术人员数` with
//! `每千人拥有执业（助理）医师数` / `每千人口注册护士数` beside it): the header prints one
//! name column over two, and rows with sub-names fill both.

use super::Word;

/// Where a column of sub-names starts on each body line, if it has one. Evidence: a
/// numbered line's name, and on a line just above or below it, in the same block, text under
/// the name column that starts clearly after that name ends (pieces of one centred cell
/// overlap; text side by side is two cells). The column then holds, on every line set out
/// as those lines are (the same boundaries), the name column's text from there on.
pub(super) fn sub_name_starts(
    names: &[Vec<Word>],
    numbered: &[bool],
    bounds: &[Vec<usize>],
) -> Vec<Option<usize>> {
    let n = names.len();
    let mut out: Vec<Option<usize>> = vec![None; n];
    for y in (0..n).filter(|&y| numbered[y]) {
        let Some(end) = names[y].iter().map(|w| w.end).max() else {
            continue;
        };
        let beside = [y.checked_sub(1), Some(y + 1)]
            .into_iter()
            .flatten()
            .filter(|&k| k < n && bounds[k] == bounds[y])
            .flat_map(|k| names[k].iter())
            .filter(|w| w.start >= end + 2)
            .map(|w| w.start)
            .min();
        let Some(start) = beside else { continue };
        for k in (0..n).filter(|&k| bounds[k] == bounds[y]) {
            out[k] = Some(out[k].map_or(start, |s| s.min(start)));
        }
    }
    out
}
