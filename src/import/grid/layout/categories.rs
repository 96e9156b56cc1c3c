//! A merged category cell's rows: its pieces joined, then the rows each category covers.

use super::join;

/// A category column's cells: pieces at most one line apart are one cell.
/// `(text, middle, page)`.
pub(super) fn fragments(cells: &[Vec<Option<String>>], c: usize, pages: &[usize]) -> Vec<Fragment> {
    let mut out: Vec<(String, usize, usize)> = Vec::new();
    for (y, l) in cells.iter().enumerate() {
        let Some(t) = &l[c] else { continue };
        match out.last_mut() {
            Some((text, _, last)) if y - *last <= 2 => {
                join(text, t);
                *last = y;
            }
            _ => out.push((t.clone(), y, y)),
        }
    }
    out.into_iter()
        .map(|(t, a, b)| (t, (a + b) as f64 / 2.0, pages[a]))
        .collect()
}

pub(super) type Fragment = (String, f64, usize);

/// What leaving a row out of every category block costs (in lines off centre): rows before
/// the first block or after the last on another page than its category belong to a merged
/// cell printed on that other page; rows between two blocks, to a table split in two whose
/// second part leaves the category cell empty.
const UNCOVERED: f64 = 0.3;
/// Rows before the first category or after the last on its own page are in its cell.
const UNCOVERED_ON_PAGE: f64 = 2.0;

/// What each row at the top of a table going on under a repeated header, before its first
/// category, gains by being left out of it (lines off centre): such a row's empty cell may be
/// the category above going on, as the text reads it, and is when centring on the category
/// below does not need it.
const CONTINUED: f64 = 0.01;

/// Pages whose categories stand at the top of their blocks: the page's (or the table's) first
/// row holds a category of its own. Merged cells centred on their rows leave that row's cell
/// empty (the upper half of a block, or the rest of a cell begun on the page before); a
/// category on it starts its block, as a cell set at the top of its rows, or a category cell
/// not merged at all whose rows below leave it empty, does. `first`: the first row that is a
/// row of this table part (not the rest of a row cut by the page before).
fn top_pages(
    frags: &[Fragment],
    top: &[f64],
    bottom: &[f64],
    pages: &[usize],
    first: usize,
) -> Vec<usize> {
    let mut out = Vec::new();
    for r in first..top.len() {
        if r > first && pages[r] == pages[r - 1] {
            continue;
        }
        let middle = (top[r] + bottom[r]) / 2.0;
        let on_it = frags
            .iter()
            .any(|(_, m, p)| *p == pages[r] && (m - middle).abs() <= 0.5);
        if on_it {
            out.push(pages[r]);
        }
    }
    out
}

/// The rows each category covers: consecutive blocks, each centred on its category as
/// nearly as can be, or starting at it on pages whose categories stand at the top of their
/// blocks (`top_pages`). `continues`: the table goes on from one above it under a repeated
/// header. `first`: as in `top_pages`. `(text, first row, last row)`.
pub(super) fn blocks(
    frags: &[Fragment],
    top: &[f64],
    bottom: &[f64],
    pages: &[usize],
    continues: bool,
    first: usize,
) -> Vec<(String, usize, usize)> {
    let (k, r) = (frags.len(), top.len());
    if k == 0 {
        return Vec::new();
    }
    let tops = top_pages(frags, top, bottom, pages, first);
    if k > r {
        // More category cells than rows: each to the row nearest it.
        return frags
            .iter()
            .map(|(t, m, _)| {
                let row = (0..r)
                    .min_by(|&a, &b| {
                        let d = |x: usize| ((top[x] + bottom[x]) / 2.0 - m).abs();
                        d(a).total_cmp(&d(b))
                    })
                    .unwrap_or(0);
                (t.clone(), row, row)
            })
            .collect();
    }
    // A cell split by a page is printed on the page where it starts, centred on the rows of
    // the block there or at the top of them (renderers differ: LibreOffice sets it at the top).
    let cost = |s: usize, e: usize, f: usize| {
        if pages[s] < frags[f].2 {
            // It would have been printed on the earlier page.
            return f64::INFINITY;
        }
        if tops.contains(&frags[f].2) {
            // At the top of its block: on the block's first row.
            return if pages[s] == frags[f].2 {
                ((top[s] + bottom[s]) / 2.0 - frags[f].1).abs()
            } else {
                f64::INFINITY
            };
        }
        let on_page: Vec<usize> = (s..=e).filter(|&x| pages[x] == frags[f].2).collect();
        match (on_page.first(), on_page.last()) {
            (Some(&a), Some(&b)) => {
                let centred = ((top[a] + bottom[b]) / 2.0 - frags[f].1).abs();
                let at_top = ((top[a] + bottom[a]) / 2.0 - frags[f].1).abs();
                if pages[e] > frags[f].2 {
                    centred.min(at_top)
                } else {
                    centred
                }
            }
            _ => f64::INFINITY,
        }
    };
    let outside = |row: usize, f: usize| {
        if pages[row] == frags[f].2 {
            UNCOVERED_ON_PAGE
        } else {
            UNCOVERED
        }
    };
    const NONE: f64 = f64::INFINITY;
    // best[f][e]: categories 0..=f placed, category f's block ending at row e; start of it.
    let mut best = vec![vec![NONE; r]; k];
    let mut start = vec![vec![0usize; r]; k];
    let mut prev_end = vec![vec![0usize; r]; k];
    for f in 0..k {
        for e in f..r {
            for s in f..=e {
                // Rows between two blocks are left to the category above (a table split in
                // two, its second part's category cell empty), at a cost.
                let before = if f == 0 && continues {
                    -CONTINUED * s as f64
                } else if f == 0 {
                    (0..s).map(|x| outside(x, 0)).sum()
                } else {
                    (0..s)
                        .map(|p| best[f - 1][p] + UNCOVERED * (s - 1 - p) as f64)
                        .fold(NONE, f64::min)
                };
                let c = before + cost(s, e, f);
                if c < best[f][e] {
                    best[f][e] = c;
                    start[f][e] = s;
                    prev_end[f][e] = if f == 0 {
                        0
                    } else {
                        (0..s)
                            .min_by(|&a, &b| {
                                let v = |p: usize| best[f - 1][p] + UNCOVERED * (s - 1 - p) as f64;
                                v(a).total_cmp(&v(b))
                            })
                            .unwrap_or(0)
                    };
                }
            }
        }
    }
    let total = |e: usize| best[k - 1][e] + (e + 1..r).map(|x| outside(x, k - 1)).sum::<f64>();
    let mut e = (0..r)
        .min_by(|&a, &b| total(a).total_cmp(&total(b)))
        .unwrap_or(0);
    let mut out = Vec::new();
    for f in (0..k).rev() {
        out.push((frags[f].0.clone(), start[f][e], e));
        e = prev_end[f][e];
    }
    out.reverse();
    out
}
