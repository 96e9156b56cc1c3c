//! Which row each piece of a wrapped cell belongs to.

/// A piece of one cell on one line.
#[derive(Debug, Clone)]
pub(super) struct Piece {
    /// Line within the body.
    pub(super) y: usize,
    pub(super) text: String,
}

/// Most pieces one cell takes: bounds the work per piece.
const MAX_CELL_PIECES: usize = 12;

/// The row of each piece of one column: consecutive pieces go to one row or to later ones,
/// each cell taking in its row's middle line and centred on it as nearly as can be. Dynamic
/// programming over pieces × rows.
pub(super) fn assign(
    pieces: &[Piece],
    anchors: &[f64],
    owner: &[Option<usize>],
    pages: &[usize],
    blank: &[bool],
    walls: &[bool],
) -> Vec<usize> {
    let (m, r) = (pieces.len(), anchors.len());
    if m == 0 {
        return Vec::new();
    }
    // A cell never reaches over another row's middle line, nor onto the lines of another
    // row's wrapped name.
    let cost = |j: usize, i: usize, row: usize| {
        let (a, b) = (pieces[j].y as f64, pieces[i].y as f64);
        let over = anchors
            .iter()
            .enumerate()
            .filter(|&(k, &y)| k != row && a <= y && y <= b)
            .count()
            + pieces[j..=i]
                .iter()
                .filter(|p| owner[p.y].is_some_and(|o| o != row))
                .count()
            + (pieces[j].y..pieces[i].y).filter(|&y| walls[y]).count();
        // A piece nearer another row's middle line than its own's is likelier that row's,
        // unless a blank line parts it from that one and none from its own.
        let blank_between = |y: f64, a: f64| {
            let (lo, hi) = (y.min(a), y.max(a));
            (lo.floor() as usize + 1..hi.ceil() as usize).any(|k| blank[k] && (k as f64) < hi)
        };
        let nearer: f64 = pieces[j..=i]
            .iter()
            .map(|p| {
                let y = p.y as f64;
                let own = (y - anchors[row]).abs();
                let own_joined = !blank_between(y, anchors[row]);
                let other = [row.checked_sub(1), Some(row + 1)]
                    .into_iter()
                    .flatten()
                    .filter_map(|k| anchors.get(k))
                    .filter(|&&a| !(own_joined && blank_between(y, a)))
                    .map(|a| (y - a).abs())
                    .fold(f64::INFINITY, f64::min);
                (own - other).max(0.0)
            })
            .sum();
        // Equally far from two rows, a piece continues the row above.
        let reaches_up = if (a + b) / 2.0 < anchors[row] {
            0.05
        } else {
            0.0
        };
        // Of two equally centred readings, the one with fewer pieces per cell.
        let pieces_more = (i - j) as f64;
        // A cell takes in its row's middle line (a cell set at the top of its row as well as
        // a centred one); centring decides between equals.
        let y = anchors[row];
        let apart = (a - y).max(y - b).max(0.0);
        // A cell cut by a page is centred on neither part.
        let cut = pages[pieces[j].y] != pages[pieces[i].y];
        let off_centre = if cut { 0.0 } else { ((a + b) / 2.0 - y).abs() };
        2.0 * apart + 0.5 * off_centre + 4.0 * over as f64 + nearer + 0.1 * pieces_more + reaches_up
    };
    const NONE: f64 = f64::INFINITY;
    // best[i][row]: pieces 0..=i placed, the last group ending at i in `row`.
    let mut best = vec![vec![NONE; r]; m];
    let mut from: Vec<Vec<(usize, usize)>> = vec![vec![(0, 0); r]; m];
    // upto[i][row]: least best[i][0..=row] and where.
    let mut upto = vec![vec![(NONE, 0usize); r]; m];
    for i in 0..m {
        for row in 0..r {
            for j in i.saturating_sub(MAX_CELL_PIECES - 1)..=i {
                let before = if j == 0 {
                    (0.0, 0)
                } else if row == 0 {
                    (NONE, 0)
                } else {
                    upto[j - 1][row - 1]
                };
                let c = before.0 + cost(j, i, row);
                if c < best[i][row] {
                    best[i][row] = c;
                    from[i][row] = (j, before.1);
                }
            }
            let prev = if row == 0 {
                (NONE, 0)
            } else {
                upto[i][row - 1]
            };
            upto[i][row] = if best[i][row] < prev.0 {
                (best[i][row], row)
            } else {
                prev
            };
        }
    }
    let mut out = vec![0; m];
    let (mut i, mut row) = (m - 1, upto[m - 1][r - 1].1);
    loop {
        let (j, prev_row) = from[i][row];
        for o in &mut out[j..=i] {
            *o = row;
        }
        if j == 0 {
            break;
        }
        i = j - 1;
        row = prev_row;
    }
    out
}
