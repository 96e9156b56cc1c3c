//! The body of a wrapped layout table: words into columns, lines into rows.

use super::super::super::header::Role;
use super::super::super::name::{is_heading, is_unit};
use super::anchors::anchors;
use super::categories::{blocks, fragments};
use super::narrow::wrapped_left;
use super::parts::{least_crossed, line_bounds};
use super::pieces::{assign, Piece};
use super::subnames::sub_name_starts;
use super::{join, spans_of, Column, Word};
use crate::model::Attribute;

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
    let name = roles.iter().position(|r| *r == Role::Name);
    // The name column's words on each line, for a column of sub-names beside it.
    let mut names: Vec<Vec<Word>> = vec![Vec::new(); body.len()];
    // Where each cell's first word starts.
    let mut starts: Vec<Vec<Option<usize>>> = vec![vec![None; ncols]; body.len()];
    // Where each cell's words start and end.
    let mut spans: Vec<Vec<Option<(usize, usize)>>> = vec![vec![None; ncols]; body.len()];
    for (y, line) in body.iter().enumerate() {
        if heading[y].is_some() {
            continue;
        }
        let line = &spaced_out(line, |w| Some(column_of(w, &bounds[y], roles)) == category);
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
        // The attribute cell holds its word alone: text set there before it on its line is
        // the value cell's before it, pushed over the boundary (`与 GDP 增长基 预期性`).
        for k in (0..line.len()).rev() {
            let c = placed[k];
            let attribute_after = (k + 1..line.len())
                .any(|j| placed[j] == c && Attribute::parse(&line[j].text).is_some());
            if roles[c] == Role::Attribute
                && c > 0
                && matches!(roles[c - 1], Role::Value(..) | Role::Unslotted(_))
                && Attribute::parse(&line[k].text).is_none()
                && attribute_after
            {
                placed[k] = c - 1;
            }
        }
        for (w, &c) in line.iter().zip(&placed) {
            if Some(c) == name {
                names[y].push(w.clone());
            }
            let cell = cells[y][c].get_or_insert_with(String::new);
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(&w.text);
            starts[y][c].get_or_insert(w.start);
            let span = spans[y][c].get_or_insert((w.start, w.end));
            span.1 = span.1.max(w.end);
        }
    }
    slid_left(&mut cells, &starts, roles);
    let numbered: Vec<bool> = (0..body.len())
        .map(|y| seq.is_some_and(|s| cells[y][s].as_deref().is_some_and(is_seq)))
        .collect();
    wrapped_left(&mut cells, &spans, &numbered, roles);
    // Sub-names: an extra cell after the name, kept apart from the header's columns.
    let sub_starts = sub_name_starts(&names, &numbered, &bounds);
    let mut subs: Vec<Option<String>> = vec![None; body.len()];
    if let Some(nc) = name {
        for y in 0..body.len() {
            let Some(from) = sub_starts[y] else { continue };
            let (main, sub): (Vec<&Word>, Vec<&Word>) =
                names[y].iter().partition(|w| w.start < from);
            let text = |v: &[&Word]| {
                (!v.is_empty()).then(|| {
                    v.iter()
                        .map(|w| w.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
            };
            if !sub.is_empty() {
                cells[y][nc] = text(&main);
                subs[y] = text(&sub);
            }
        }
    }
    let with_subs: Vec<Vec<Option<String>>> = cells
        .iter()
        .zip(&subs)
        .map(|(l, s)| {
            let mut l = l.clone();
            l.push(s.clone());
            l
        })
        .collect();
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
    let mut rows: Vec<Vec<String>> = vec![vec![String::new(); ncols + 1]; anchors.len()];
    let mut top: Vec<f64> = anchors.clone();
    let mut bottom: Vec<f64> = anchors.clone();
    let mut wrapped = wrapped_header;
    // The name column first: the lines its wrapped names take are their rows' lines, and a
    // one-line cell on one of them (a `—` beside a name's first line) belongs to that row.
    let mut order: Vec<usize> = (0..=ncols).filter(|&c| Some(c) != category).collect();
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
        let pieces: Vec<Piece> = with_subs
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
        let first = usize::from(rest);
        for (text, from, to) in blocks(&fragments, &top, &bottom, &row_pages, continues, first) {
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
        .map(|(mut r, &a)| {
            // A sub-name goes after the name; rows without one keep the header's columns.
            let sub = r.pop().unwrap_or_default();
            if let (Some(nc), false) = (name, sub.is_empty()) {
                r.insert(nc + 1, sub);
            }
            (a, r.join("\t"))
        })
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

fn is_letter(w: &Word) -> bool {
    let mut chars = w.text.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c > '\u{2e7f}')
}

/// A cell's text spread over its narrow width, letter by letter (`群 众 获 得`): single
/// CJK letters one space apart, starting where `starts_cell` says such text stands (the
/// category column), are one word; pdftotext sets the last ones past the column's boundary.
fn spaced_out(line: &[Word], starts_cell: impl Fn(&Word) -> bool) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(line.len());
    let mut k = 0;
    while k < line.len() {
        let end = (k + 1..line.len())
            .find(|&j| !(is_letter(&line[j]) && line[j].gap == 1))
            .unwrap_or(line.len());
        if is_letter(&line[k]) && end - k >= 2 && starts_cell(&line[k]) {
            let mut w = line[k].clone();
            for l in &line[k + 1..end] {
                w.text.push_str(&l.text);
                w.end = l.end;
            }
            out.push(w);
            k = end;
        } else {
            out.push(line[k].clone());
            k += 1;
        }
    }
    out
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
