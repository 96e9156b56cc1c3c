//! Columns found again on each part of a table body. `pdftotext -layout` sets a column after
//! the widest text to its left on that page (or on that part of a page), so a table's columns
//! stand elsewhere on each page while its header is printed once. Each line's words are
//! matched to the header's columns by order and by what they hold (a 序号, a number, a
//! unit, 约束性, text); the lines that fill most columns say where the columns stand, and
//! two such lines that disagree on several columns start a new part. Each part's boundaries
//! lie in the gaps of its own lines. On the header's page without such a line the header's
//! labels stand in for one; a page without one (rows of wrapped cells only) moves the nearest
//! part's columns as far as its numbers, units and 约束性 stand from theirs.

use super::super::super::header::Role;
use super::super::super::name::is_unit;
use super::rows::is_seq;
use super::Word;
use crate::model::Attribute;

/// What a word holds, as far as it says which column it is in.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Seq,
    Num,
    Unit,
    Attr,
    Text,
}

fn kind(t: &str) -> Kind {
    let placeholder = matches!(t, "—" | "/" | "-" | "－" | "——" | "–");
    let first = t.chars().next().unwrap_or(' ');
    if Attribute::parse(t).is_some() || matches!(t, "约束" | "预期") {
        Kind::Attr
    } else if is_seq(t) {
        Kind::Seq
    } else if placeholder || first.is_ascii_digit() || "<>≤≥＜＞[〔【+-±~～".contains(first)
    {
        Kind::Num
    } else if is_unit(t) {
        Kind::Unit
    } else {
        Kind::Text
    }
}

/// Columns that hold the same kinds of words.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Group {
    Seq,
    Category,
    Name,
    Unit,
    Value,
    Attribute,
    Other,
}

fn group(r: &Role) -> Group {
    match r {
        Role::Seq => Group::Seq,
        Role::Category => Group::Category,
        Role::Name => Group::Name,
        Role::Unit => Group::Unit,
        Role::Value(..) | Role::Unslotted(_) | Role::Annual(_) | Role::Done => Group::Value,
        Role::Attribute => Group::Attribute,
        _ => Group::Other,
    }
}

/// How unlikely a word of this kind is in a column of this group.
fn cost(k: Kind, g: Group, text: &str) -> f64 {
    use Group as G;
    let placeholder = matches!(text, "—" | "/" | "-" | "－" | "——" | "–");
    match (k, g) {
        (Kind::Attr, G::Attribute) => 0.0,
        (Kind::Attr, G::Other) => 3.0,
        (Kind::Attr, _) => 8.0,
        (Kind::Seq, G::Seq) => 0.0,
        (Kind::Seq, G::Value) => 1.0,
        (Kind::Seq, G::Other) => 2.0,
        (Kind::Seq, G::Name) => 3.0,
        (Kind::Seq, G::Category) => 4.0,
        (Kind::Seq, _) => 8.0,
        (Kind::Num, G::Value) => 0.0,
        (Kind::Num, G::Unit) if placeholder => 1.0,
        (Kind::Num, G::Other) => 2.0,
        (Kind::Num, G::Name) => 3.0,
        (Kind::Num, G::Seq) => 4.0,
        (Kind::Num, G::Category) => 5.0,
        (Kind::Num, _) => 8.0,
        (Kind::Unit, G::Unit) => 0.0,
        (Kind::Unit, G::Other) => 1.0,
        (Kind::Unit, G::Name | G::Value) => 1.5,
        (Kind::Unit, G::Category) => 3.0,
        (Kind::Unit, _) => 8.0,
        (Kind::Text, G::Name) => 0.0,
        (Kind::Text, G::Category) => 0.3,
        (Kind::Text, G::Value | G::Other) => 1.0,
        (Kind::Text, G::Unit) => 3.0,
        (Kind::Text, G::Attribute) => 6.0,
        (Kind::Text, G::Seq) => 8.0,
    }
}

/// Two words one space apart in different columns: likely for numbers set close together,
/// unlikely for two pieces of text (`PM _{2.5} 浓度`).
const SPLIT_TEXT: f64 = 1.5;
/// Two numbers in one cell: rarer than two cells' numbers set one space apart.
const TWO_NUMBERS: f64 = 0.5;
/// Two words far apart in one column.
const JOIN_FAR: f64 = 0.5;

/// Fewest numbers, units and 约束性 on a page without a full line to move its columns by.
const MIN_OFFSETS: usize = 4;

/// Least move, in characters, of a page without a full line from the part nearest to it.
const MIN_SHIFT: i64 = 3;

/// The column of each word of a line, matched by order and kind, and the match's cost.
fn align(line: &[Word], groups: &[Group]) -> (Vec<usize>, f64) {
    let (m, n) = (line.len(), groups.len());
    let kinds: Vec<Kind> = line.iter().map(|w| kind(&w.text)).collect();
    const NONE: f64 = f64::INFINITY;
    let mut best = vec![vec![NONE; n]; m];
    let mut from = vec![vec![0usize; n]; m];
    for i in 0..m {
        for c in 0..n {
            let own = cost(kinds[i], groups[c], &line[i].text);
            if i == 0 {
                best[i][c] = own;
                continue;
            }
            let close = line[i].gap < 2;
            let both_text = kinds[i - 1] == Kind::Text && kinds[i] == Kind::Text;
            let numeric = |k: Kind| matches!(k, Kind::Num | Kind::Seq);
            let both_numbers = numeric(kinds[i - 1]) && numeric(kinds[i]);
            for p in 0..=c {
                let step = if p == c {
                    if both_numbers {
                        TWO_NUMBERS
                    } else if close {
                        0.0
                    } else {
                        JOIN_FAR
                    }
                } else if close && both_text {
                    SPLIT_TEXT
                } else {
                    0.0
                };
                let v = best[i - 1][p] + own + step;
                if v < best[i][c] {
                    best[i][c] = v;
                    from[i][c] = p;
                }
            }
        }
    }
    let Some((mut c, total)) = (0..n)
        .map(|c| (c, best[m - 1][c]))
        .min_by(|a, b| a.1.total_cmp(&b.1))
    else {
        return (Vec::new(), NONE);
    };
    let mut out = vec![0; m];
    for i in (0..m).rev() {
        out[i] = c;
        c = from[i][c];
    }
    (out, total)
}

/// Where each column stands on a line that fills most of them: `(start, end)` per column.
type Spread = Vec<Option<(usize, usize)>>;

fn spread(line: &[Word], placed: &[usize], n: usize) -> Spread {
    let mut out: Spread = vec![None; n];
    for (w, &c) in line.iter().zip(placed) {
        let s = out[c].get_or_insert((w.start, w.end));
        s.0 = s.0.min(w.start);
        s.1 = s.1.max(w.end);
    }
    out
}

/// Do two lines set their shared columns at different places? The first column stands at
/// the margin on every line: that they agree there says nothing.
fn disagree(a: &Spread, b: &Spread) -> bool {
    let (mut differ, mut agree) = (0, 0);
    for (x, y) in a.iter().zip(b).skip(1) {
        if let (Some(x), Some(y)) = (x, y) {
            if x.0.abs_diff(y.0) > 2 {
                differ += 1;
            } else {
                agree += 1;
            }
        }
    }
    differ >= 2 && differ > agree
}

fn median(v: &mut [usize]) -> usize {
    v.sort_unstable();
    v[v.len() / 2]
}

/// The position in `lo..=hi` that the fewest words cross (the middle of the widest such
/// stretch).
pub(super) fn least_crossed(lo: usize, hi: usize, words: &[&Word]) -> usize {
    let crossing = |x: usize| words.iter().filter(|w| w.start < x && x < w.end).count();
    let counts: Vec<usize> = (lo..=hi).map(crossing).collect();
    let least = *counts.iter().min().unwrap_or(&0);
    let (mut best, mut run_start, mut best_len) = (lo, None, 0);
    for (k, &c) in counts.iter().enumerate() {
        if c == least {
            let s = *run_start.get_or_insert(k);
            if k + 1 - s > best_len {
                best_len = k + 1 - s;
                best = lo + (s + k) / 2;
            }
        } else {
            run_start = None;
        }
    }
    best
}

/// Where each column stands in one part: the middle start and end of its full lines'.
fn seen_of(spreads: &[&Spread], n: usize) -> Spread {
    (0..n)
        .map(|c| {
            let mut starts: Vec<usize> = spreads.iter().filter_map(|s| s[c]).map(|s| s.0).collect();
            let mut ends: Vec<usize> = spreads.iter().filter_map(|s| s[c]).map(|s| s.1).collect();
            (!starts.is_empty()).then(|| (median(&mut starts), median(&mut ends)))
        })
        .collect()
}

/// The boundaries of one part from the columns its full lines show. A column none of them
/// shows lies between its neighbours that are shown: its boundaries next to theirs.
fn part_bounds(seen: &Spread, words: &[&Word], n: usize) -> Vec<usize> {
    let right = words.iter().map(|w| w.end).max().unwrap_or(0);
    let mut bounds: Vec<usize> = Vec::with_capacity(n.saturating_sub(1));
    let mut c = 0;
    while c + 1 < n {
        // The next column shown after c, and the last shown up to c.
        let next = (c + 1..n).find(|&k| seen[k].is_some());
        let prev = (0..=c).rev().find(|&k| seen[k].is_some());
        let lo = prev.map_or(0, |p| seen[p].unwrap().1 + 1);
        let hi = next.map_or(right + 1, |k| seen[k].unwrap().0.saturating_sub(1));
        let k = next.unwrap_or(n);
        // Boundaries c|c+1 … k-1|k: one when both sides are shown, spread over the gap else.
        let count = k - c;
        if prev == Some(c) && next == Some(c + 1) {
            let (a, b) = (seen[c].unwrap(), seen[c + 1].unwrap());
            bounds.push(if b.0 > a.1 {
                least_crossed(a.1, b.0, words)
            } else {
                (a.0 + a.1 + b.0 + b.1) / 4
            });
            c += 1;
            continue;
        }
        for j in 0..count.min(n - 1 - c) {
            let at = if hi > lo && count > 1 {
                lo + (hi - lo) * j / (count - 1)
            } else {
                lo.max(hi)
            };
            bounds.push(at);
        }
        c += count;
    }
    // Boundaries never go back.
    for k in 1..bounds.len() {
        bounds[k] = bounds[k].max(bounds[k - 1]);
    }
    bounds
}

/// The boundaries between the columns on each body line, or `None` when no line fills
/// enough columns to say where they stand. `skip` marks lines in no column (headings).
pub(super) fn line_bounds(
    roles: &[Role],
    body: &[&[Word]],
    pages: &[usize],
    skip: &[bool],
    header: &[(usize, usize)],
) -> Option<Vec<Vec<usize>>> {
    let n = roles.len();
    if body.is_empty() {
        return None;
    }
    let groups: Vec<Group> = roles.iter().map(group).collect();
    let data = n - usize::from(groups.contains(&Group::Category));
    let enough = 3.max(data.saturating_sub(1));
    // Full lines: (line, its spread).
    let mut full: Vec<(usize, Spread)> = Vec::new();
    for (y, line) in body.iter().enumerate() {
        if skip[y] || line.len() < enough {
            continue;
        }
        let (placed, total) = align(line, &groups);
        let mut cols = placed.clone();
        cols.dedup();
        if cols.len() >= enough && total <= line.len() as f64 {
            full.push((y, spread(line, &placed, n)));
        }
    }
    // Without a full line on the header's page, the header's labels say where its columns
    // stand there.
    if full.first().is_none_or(|(y, _)| pages[*y] != pages[0]) {
        full.insert(0, (0, header.iter().map(|&h| Some(h)).collect()));
    }
    // Parts: a new one at each page and where a full line disagrees with the one before and
    // the next one agrees with it. A line that disagrees with both its neighbours, which
    // agree, is misread (`100 第 9 %`: a name's `9` taken for a number) and says nothing.
    let same_page = |a: usize, b: usize| pages[full[a].0] == pages[full[b].0];
    let mut kept: Vec<usize> = Vec::new();
    let mut part_of_full: Vec<usize> = Vec::new();
    for k in 0..full.len() {
        let Some(&last) = kept.last() else {
            kept.push(k);
            part_of_full.push(0);
            continue;
        };
        let part = part_of_full[part_of_full.len() - 1];
        if !same_page(k, last) || !disagree(&full[k].1, &full[last].1) {
            kept.push(k);
            part_of_full.push(part + usize::from(!same_page(k, last)));
            continue;
        }
        let next = (k + 1 < full.len() && same_page(k, k + 1)).then_some(k + 1);
        match next {
            Some(n) if disagree(&full[n].1, &full[k].1) && !disagree(&full[n].1, &full[last].1) => {
            }
            _ => {
                kept.push(k);
                part_of_full.push(part + 1);
            }
        }
    }
    let full: Vec<(usize, Spread)> = kept.into_iter().map(|k| full[k].clone()).collect();
    // Every line joins the part of the nearest full line, one on its own page first.
    let part_of_line: Vec<usize> = (0..body.len())
        .map(|y| {
            let k = (0..full.len())
                .min_by_key(|&k| (pages[full[k].0] != pages[y], full[k].0.abs_diff(y)))
                .unwrap_or(0);
            part_of_full[k]
        })
        .collect();
    let parts = part_of_full.last().map_or(0, |p| p + 1);
    let seen: Vec<Spread> = (0..parts)
        .map(|p| {
            let spreads: Vec<&Spread> = full
                .iter()
                .zip(&part_of_full)
                .filter(|(_, &q)| q == p)
                .map(|((_, s), _)| s)
                .collect();
            seen_of(&spreads, n)
        })
        .collect();
    let has_full = |page: usize| full.iter().any(|(k, _)| pages[*k] == page);
    // The words of lines in no column, on lines `lines`.
    let words_of = |lines: &mut dyn Iterator<Item = usize>| -> Vec<&Word> {
        lines
            .filter(|&y| !skip[y])
            .flat_map(|y| body[y].iter())
            .collect()
    };
    let bounds: Vec<Vec<usize>> = (0..parts)
        .map(|p| {
            let mut lines = (0..body.len()).filter(|&y| part_of_line[y] == p && has_full(pages[y]));
            part_bounds(&seen[p], &words_of(&mut lines), n)
        })
        .collect();
    let mut out: Vec<Vec<usize>> = part_of_line.iter().map(|&p| bounds[p].clone()).collect();
    // A page without a full line (the rest of a cut row, rows of wrapped cells only) takes
    // the columns of the part nearest to it, moved as far as its own words stand from them.
    let mut y = 0;
    while y < body.len() {
        let end = (y..body.len())
            .find(|&k| pages[k] != pages[y])
            .unwrap_or(body.len());
        if !has_full(pages[y]) {
            let p = part_of_line[y];
            // How far the words of some lines stand from the part's columns, per column and
            // in all (middle offsets: a label is set otherwise than the values under it).
            let offsets = |lines: &mut dyn Iterator<Item = usize>| {
                let mut per: Vec<Vec<i64>> = vec![Vec::new(); n];
                // Lines of one word are read by order alone (`11`, the rest of a name, is no
                // 序号), and text wraps anywhere in its cell: numbers, units and 约束性 on
                // lines of several words say where their columns start.
                for k in lines.filter(|&k| !skip[k] && body[k].len() >= 2) {
                    let (placed, _) = align(body[k], &groups);
                    for (w, &c) in body[k].iter().zip(&placed) {
                        if kind(&w.text) == Kind::Text {
                            continue;
                        }
                        if let Some((start, _)) = seen[p][c] {
                            per[c].push(w.start as i64 - start as i64);
                        }
                    }
                }
                let mut all: Vec<i64> = per.concat();
                // A few words say nothing (`12`, the rest of a name at the top of a page).
                if all.len() < MIN_OFFSETS {
                    return None;
                }
                let mid = |v: &mut Vec<i64>| {
                    v.sort_unstable();
                    (v.len() >= 2).then(|| v[v.len() / 2])
                };
                let cols: Vec<Option<i64>> = per.iter_mut().map(mid).collect();
                Some((cols, mid(&mut all).unwrap_or(0)))
            };
            let own = offsets(&mut (y..end));
            let part_pages: Vec<usize> = full
                .iter()
                .zip(&part_of_full)
                .filter(|(_, &q)| q == p)
                .map(|((k, _), _)| pages[*k])
                .collect();
            let mut in_part =
                (0..body.len()).filter(|&k| part_of_line[k] == p && part_pages.contains(&pages[k]));
            let base = offsets(&mut in_part);
            // pdftotext moves a line's words by a character or two anyway: the part's own
            // boundaries hold unless the page stands clearly elsewhere.
            let pair = own
                .zip(base)
                .filter(|(o, b)| (o.1 - b.1).abs() >= MIN_SHIFT);
            if let Some((own, base)) = pair {
                // Each column moved as far as its own words stand, or as the page's do; the
                // boundaries then in the gaps of this page's lines.
                // The first column has no text to its left to move it: it stays unless its
                // own words say otherwise.
                let moved: Spread = (0..n)
                    .map(|c| {
                        let d = match (own.0[c], base.0[c]) {
                            (Some(a), Some(b)) => a - b,
                            _ if c == 0 => 0,
                            _ => own.1 - base.1,
                        };
                        let at = |x: usize| (x as i64 + d).max(0) as usize;
                        seen[p][c].map(|(s, e)| (at(s), at(e)))
                    })
                    .collect();
                // Columns keep their order: one moved over the column before it (text moved
                // left against the unmoved first column) starts after it.
                let mut moved = moved;
                let mut last_end: Option<usize> = None;
                for col in moved.iter_mut().flatten() {
                    if let Some(e) = last_end {
                        let shift = (e + 1).saturating_sub(col.0);
                        *col = (col.0 + shift, col.1 + shift);
                    }
                    last_end = Some(col.1);
                }
                let b = part_bounds(&moved, &words_of(&mut (y..end)), n);
                for line in &mut out[y..end] {
                    line.clone_from(&b);
                }
            }
        }
        y = end;
    }
    Some(out)
}
