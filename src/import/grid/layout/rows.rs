//! The body of a wrapped layout table: words into columns, lines into rows.

use super::super::super::header::Role;
use super::super::super::name::{is_heading, is_unit};
use super::parts::{least_crossed, line_bounds};
use super::{join, spans_of, Column, Word};
use crate::model::Attribute;

/// A piece of one cell on one line.
#[derive(Debug, Clone)]
struct Piece {
    /// Line within the body.
    y: usize,
    text: String,
}

/// Where column `i` ends and `i + 1` begins: the position in the gap between their header
/// labels that the fewest body words cross (the middle of the widest such stretch).
fn boundaries(cols: &[Column], words: &[&Word]) -> Vec<usize> {
    cols.windows(2)
        .map(|w| {
            let (lo, hi) = (w[0].end, w[1].start);
            if hi <= lo {
                return (w[0].start + w[0].end + w[1].start + w[1].end) / 4;
            }
            least_crossed(lo, hi, words)
        })
        .collect()
}

/// A number, or a number with a note (`1（国家级）`).
fn starts_number(t: &str) -> bool {
    is_number_like(t) || t.chars().next().is_some_and(|c| c.is_ascii_digit())
}

fn is_number_like(t: &str) -> bool {
    t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || ".%[]<>≤≥～~+-".contains(c))
}

pub(super) fn is_seq(t: &str) -> bool {
    let t = t.trim_end_matches(['.', '．', '、']);
    !t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit())
}

/// Column of a word: between the boundaries its middle falls in. pdftotext moves a line's
/// words left over an empty cell, so the words that say their column do: 约束性/预期性 is
/// the attribute, and a number is never a unit (under the unit column it is the value
/// pushed against the unit).
fn column_of(w: &Word, bounds: &[usize], roles: &[Role]) -> usize {
    // `约束` / `性`: the attribute wrapped in a narrow column.
    if Attribute::parse(&w.text).is_some() || w.text == "性" {
        if let Some(c) = roles.iter().position(|r| *r == Role::Attribute) {
            return c;
        }
    }
    let mid2 = w.start + w.end;
    let c = bounds.iter().filter(|&&b| mid2 >= 2 * b).count();
    let pushed = match roles[c] {
        Role::Unit => is_number_like(&w.text),
        // `—` set one space after a long name is the next cell, never the name's end.
        Role::Name => {
            matches!(w.text.as_str(), "—" | "－" | "/" | "——")
                // `%` set apart after a name's wrapped line, before an empty unit cell.
                || (w.gap >= 2 && is_unit(&w.text) && roles.get(c + 1) == Some(&Role::Unit))
        }
        _ => false,
    };
    if pushed && c + 1 < roles.len() {
        return c + 1;
    }
    c
}

/// The rows of a table body, as TAB lines with heading lines
/// between them; `None` when the body holds no rows or needs no band reading.
pub(super) fn read(
    cols: &[Column],
    roles: &[Role],
    body: &[&[Word]],
    pages: &[usize],
    wrapped_header: bool,
    continues: bool,
) -> Option<Vec<String>> {
    let ncols = cols.len();
    let category = roles.iter().position(|r| *r == Role::Category);
    let seq = roles.iter().position(|r| *r == Role::Seq);
    // Heading lines (一、经济发展) stand between rows, in no column.
    let heading: Vec<Option<String>> = body
        .iter()
        .map(|l| {
            let spans = spans_of(l);
            (spans.len() == 1 && is_heading(&spans[0].text)).then(|| spans[0].text.clone())
        })
        .collect();
    let all: Vec<&Word> = body
        .iter()
        .zip(&heading)
        .filter(|(_, h)| h.is_none())
        .flat_map(|(l, _)| l.iter())
        .collect();
    // The header's columns where the body shows none of its own.
    let skip: Vec<bool> = heading.iter().map(Option::is_some).collect();
    let header: Vec<(usize, usize)> = cols.iter().map(|c| (c.start, c.end)).collect();
    let bounds = line_bounds(roles, body, pages, &skip, &header)
        .unwrap_or_else(|| vec![boundaries(cols, &all); body.len()]);
    // cells[y][c]: the text of column c on body line y.
    let mut cells: Vec<Vec<Option<String>>> = vec![vec![None; ncols]; body.len()];
    // Where each cell's first word starts.
    let mut starts: Vec<Vec<Option<usize>>> = vec![vec![None; ncols]; body.len()];
    for (y, line) in body.iter().enumerate() {
        if heading[y].is_some() {
            continue;
        }
        let mut placed: Vec<usize> = line
            .iter()
            .map(|w| column_of(w, &bounds[y], roles))
            .collect();
        // Two numbers in one value cell and none in the next (or the one before): pdftotext
        // set the two cells' numbers one space apart.
        for k in (1..line.len()).rev() {
            let c = placed[k];
            let next_free = c + 1 < ncols && !placed.contains(&(c + 1));
            let value_col = |c: usize| matches!(roles[c], Role::Value(..) | Role::Unslotted(_));
            if placed[k - 1] == c
                && next_free
                && value_col(c)
                && value_col(c + 1)
                && is_number_like(&line[k].text)
                && starts_number(&line[k - 1].text)
            {
                placed[k] = c + 1;
            }
        }
        for k in 1..line.len() {
            let c = placed[k];
            let value_col = |c: usize| matches!(roles[c], Role::Value(..) | Role::Unslotted(_));
            if placed[k - 1] == c
                && c > 0
                && !placed.contains(&(c - 1))
                && value_col(c)
                && value_col(c - 1)
                && is_number_like(&line[k].text)
                && is_number_like(&line[k - 1].text)
            {
                placed[k - 1] = c - 1;
            }
        }
        for (w, &c) in line.iter().zip(&placed) {
            let cell = cells[y][c].get_or_insert_with(String::new);
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(&w.text);
            starts[y][c].get_or_insert(w.start);
        }
    }
    slid_left(&mut cells, &starts, roles);
    let mut anchors = anchors(&cells, category, seq);
    if anchors.is_empty() {
        return None;
    }
    // Under a header repeated after a page break, the lines before the first row may be the
    // rest of the row the page cut (`量占比`): they get a row of their own if they are not
    // the first row's, which the importer joins to the row above as it joins a row holding
    // only the rest of a name.
    let first_line = (0..body.len()).find(|&y| heading[y].is_none() && !body[y].is_empty());
    let rest = match first_line {
        Some(y) if continues && (y as f64) < anchors[0] => {
            anchors.insert(0, y as f64);
            true
        }
        _ => false,
    };
    let mut rows: Vec<Vec<String>> = vec![vec![String::new(); ncols]; anchors.len()];
    let mut top: Vec<f64> = anchors.clone();
    let mut bottom: Vec<f64> = anchors.clone();
    let mut wrapped = wrapped_header;
    // The name column first: the lines its wrapped names take are their rows' lines, and a
    // one-line cell on one of them (a `—` beside a name's first line) belongs to that row.
    let name = roles.iter().position(|r| *r == Role::Name);
    let mut order: Vec<usize> = (0..ncols).filter(|&c| Some(c) != category).collect();
    order.sort_by_key(|&c| Some(c) != name);
    let mut owner: Vec<Option<usize>> = vec![None; body.len()];
    // Blank lines between rows; one beside a page break is the page's margin.
    let blank: Vec<bool> = (0..body.len())
        .map(|y| {
            let same =
                |k: Option<usize>| k.and_then(|k| pages.get(k)).is_none_or(|&p| p == pages[y]);
            body[y].is_empty() && same(y.checked_sub(1)) && same(Some(y + 1))
        })
        .collect();
    // When every line off a row's middle line touches another line, blank lines part rows
    // and no cell goes over one.
    let is_anchor = |y: usize| anchors.contains(&(y as f64));
    let filled = |y: Option<usize>| y.and_then(|y| body.get(y)).is_some_and(|l| !l.is_empty());
    let parted = (0..body.len())
        .filter(|&y| !body[y].is_empty() && heading[y].is_none() && !is_anchor(y))
        .all(|y| {
            // A line beside a page break is joined to the other page's.
            let page_near =
                (y.saturating_sub(2)..(y + 3).min(body.len())).any(|k| pages[k] != pages[y]);
            page_near || filled(y.checked_sub(1)) || filled(Some(y + 1))
        });
    let walls: Vec<bool> = blank.iter().map(|&b| b && parted).collect();
    for c in order {
        let pieces: Vec<Piece> = cells
            .iter()
            .enumerate()
            .filter_map(|(y, l)| l[c].clone().map(|text| Piece { y, text }))
            .collect();
        // The rest of a cut row is read in the name column only: other columns' pieces
        // above the first row are that row's wrapped values.
        let skip = usize::from(rest && Some(c) != name);
        let owner_c: Vec<Option<usize>> = owner
            .iter()
            .map(|o| o.and_then(|o| o.checked_sub(skip)))
            .collect();
        let rows_of: Vec<usize> =
            assign(&pieces, &anchors[skip..], &owner_c, pages, &blank, &walls)
                .into_iter()
                .map(|r| r + skip)
                .collect();
        if Some(c) == name {
            for (k, (piece, &r)) in pieces.iter().zip(&rows_of).enumerate() {
                let next_same = rows_of.get(k + 1) == Some(&r);
                if next_same {
                    for o in &mut owner[piece.y..=pieces[k + 1].y] {
                        *o = Some(r);
                    }
                }
            }
        }
        for (piece, r) in pieces.iter().zip(rows_of) {
            join(&mut rows[r][c], &piece.text);
            top[r] = top[r].min(piece.y as f64);
            bottom[r] = bottom[r].max(piece.y as f64);
            wrapped |= piece.y as f64 != anchors[r];
        }
    }
    if let Some(c) = category {
        let fragments = fragments(&cells, c, pages);
        wrapped |= !fragments.is_empty();
        let row_pages: Vec<usize> = anchors.iter().map(|&a| pages[a as usize]).collect();
        for (text, from, to) in blocks(&fragments, &top, &bottom, &row_pages) {
            for row in &mut rows[from..=to] {
                row[c] = text.clone();
            }
        }
    }
    if !wrapped {
        return None;
    }
    if rest {
        if let Some(c) = category {
            rows[0][c].clear();
        }
        if rows[0].iter().all(String::is_empty) {
            rows.remove(0);
            anchors.remove(0);
        }
    }
    let mut out: Vec<(f64, String)> = rows
        .into_iter()
        .zip(&anchors)
        .map(|(r, &a)| (a, r.join("\t")))
        .collect();
    out.extend(
        heading
            .into_iter()
            .enumerate()
            .filter_map(|(y, h)| h.map(|h| (y as f64, format!("{h}\t")))),
    );
    out.sort_by(|a, b| a.0.total_cmp(&b.0));
    Some(out.into_iter().map(|(_, l)| l).collect())
}

/// A value wrapped above and below its row's line, whose own middle line pdftotext filled
/// with the next cell's one-line value moved left over the gap (`基本制` / `推动执行` /
/// `定`): the lines of one cell start at one column, the moved value elsewhere.
fn slid_left(cells: &mut [Vec<Option<String>>], starts: &[Vec<Option<usize>>], roles: &[Role]) {
    let value = |c: usize| matches!(roles[c], Role::Value(..) | Role::Unslotted(_));
    for y in 1..cells.len().saturating_sub(1) {
        for c in 0..roles.len().saturating_sub(1) {
            let (up, here, down) = (starts[y - 1][c], starts[y][c], starts[y + 1][c]);
            let (Some(up), Some(here), Some(down)) = (up, here, down) else {
                continue;
            };
            let next_empty = (y - 1..=y + 1).all(|k| cells[k][c + 1].is_none());
            if value(c)
                && value(c + 1)
                && next_empty
                && up.abs_diff(down) <= 1
                && here.abs_diff(up) >= 2
                && here.abs_diff(down) >= 2
            {
                cells[y][c + 1] = cells[y][c].take();
            }
        }
    }
}

/// The middle line of each row. With a 序号 column, the lines with a number under it, and a
/// line of several cells in a block of lines (between blank lines) that has no number; without
/// one, the lines of several cells, two neighbouring lines that fill different columns being
/// the two halves of one row.
fn anchors(cells: &[Vec<Option<String>>], category: Option<usize>, seq: Option<usize>) -> Vec<f64> {
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

/// Most pieces one cell takes: bounds the work per piece.
const MAX_CELL_PIECES: usize = 12;

/// The row of each piece of one column: consecutive pieces go to one row or to later ones,
/// each cell taking in its row's middle line and centred on it as nearly as can be. Dynamic
/// programming over pieces × rows.
fn assign(
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

/// A category column's cells: pieces at most one line apart are one cell.
/// `(text, middle, page)`.
fn fragments(cells: &[Vec<Option<String>>], c: usize, pages: &[usize]) -> Vec<Fragment> {
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

type Fragment = (String, f64, usize);

/// What leaving a row out of every category block costs (in lines off centre): rows before
/// the first block or after the last on another page than its category belong to a merged
/// cell printed on that other page; rows between two blocks, to a table split in two whose
/// second part leaves the category cell empty.
const UNCOVERED: f64 = 0.3;
/// Rows before the first category or after the last on its own page are in its cell.
const UNCOVERED_ON_PAGE: f64 = 2.0;

/// The rows each category covers: consecutive blocks, each centred on its category as
/// nearly as can be. `(text, first row, last row)`.
fn blocks(
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
