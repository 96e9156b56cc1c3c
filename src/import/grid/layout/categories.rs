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

/// The rows each category covers: consecutive blocks, each centred on its category as
/// nearly as can be. `(text, first row, last row)`.
pub(super) fn blocks(
    frags: &[Fragment],
    top: &[f64],
    bottom: &[f64],
    pages: &[usize],
) -> Vec<(String, usize, usize)> {
    let (k, r) = (frags.len(), top.len());
    if k == 0 {
        return Vec::new();
    }
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
    // A cell split by a page is printed, centred, on the page where it starts: the rows
    // of the block on the category's page are what it is centred on.
    let cost = |s: usize, e: usize, f: usize| {
        if pages[s] < frags[f].2 {
            // It would have been printed on the earlier page.
            return f64::INFINITY;
        }
        let on_page: Vec<usize> = (s..=e).filter(|&x| pages[x] == frags[f].2).collect();
        match (on_page.first(), on_page.last()) {
            (Some(&a), Some(&b)) => ((top[a] + bottom[b]) / 2.0 - frags[f].1).abs(),
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
                let before = if f == 0 {
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
