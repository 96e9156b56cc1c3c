//! HTML as WPS, Word, LibreOffice and browsers put it on the clipboard (and Word's 另存为网页):
//! block elements become lines, tables become TAB lines with `rowspan`/`colspan` resolved.
//! Parsed with `dom_query` (html5ever underneath), which mends the loose markup Office writes.

use dom_query::{Document, NodeRef};

use super::table::{self, Cell, Merge, Row};

/// Deeper nesting is not a real document; its text is taken flat.
const MAX_DEPTH: usize = 200;
const MAX_SPAN: usize = 256;
const MAX_ROWSPAN: usize = 10_000;

/// The text of an HTML document or fragment.
pub fn read(html: &str) -> String {
    let doc = Document::from(strip_clipboard_header(html));
    let mut w = Lines::default();
    w.walk(&doc.root(), 0);
    w.flush();
    let mut out = w.lines.join("\n");
    out.push('\n');
    out
}

/// Windows' CF_HTML format starts with `Version:0.9 StartHTML:…` before the markup.
fn strip_clipboard_header(html: &str) -> &str {
    if html.trim_start().starts_with("Version:") {
        if let Some(i) = html.find('<') {
            return &html[i..];
        }
    }
    html
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "blockquote"
            | "pre"
            | "caption"
            | "body"
            | "center"
            | "address"
            | "hr"
            | "figure"
            | "figcaption"
    )
}

#[derive(Default)]
struct Lines {
    lines: Vec<String>,
    current: String,
}

impl Lines {
    fn flush(&mut self) {
        let line = normalize_space(&std::mem::take(&mut self.current));
        if !line.is_empty() {
            self.lines.push(line);
        }
    }

    fn walk(&mut self, node: &NodeRef<'_>, depth: usize) {
        if node.is_text() {
            self.current.push_str(&node.text());
            return;
        }
        if !(node.is_element() || node.is_document() || node.is_fragment()) {
            return;
        }
        let name = node.node_name().map(|n| n.to_ascii_lowercase());
        let name = name.as_deref().unwrap_or("");
        match name {
            "head" | "script" | "style" | "template" | "noscript" | "title" => return,
            "br" => {
                self.flush();
                return;
            }
            "table" => {
                self.flush();
                let rows = table_rows(node, depth);
                self.lines.extend(table::to_lines(&rows));
                return;
            }
            _ => {}
        }
        if depth > MAX_DEPTH {
            self.current.push_str(&node.text());
            return;
        }
        let block = is_block(name);
        if block {
            self.flush();
        }
        for child in node.children_it(false) {
            self.walk(&child, depth + 1);
        }
        if block {
            self.flush();
        }
    }
}

/// Collapses HTML white space. A line break in the source between Chinese characters is
/// Word wrapping its HTML, not a space in the text, so it disappears.
fn normalize_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    for c in s.chars() {
        if c.is_whitespace() {
            run.push(c);
            continue;
        }
        if !run.is_empty() {
            let wrapped = run.contains(['\n', '\r']) && !run.contains('\u{a0}');
            let cjk_join = out.chars().last().is_some_and(|p| !p.is_ascii()) || !c.is_ascii();
            let dropped = out.is_empty() || (wrapped && cjk_join);
            if !dropped {
                out.push(' ');
            }
            run.clear();
        }
        out.push(c);
    }
    out
}

fn element_children<'a>(node: &NodeRef<'a>) -> impl Iterator<Item = (String, NodeRef<'a>)> {
    node.children_it(false).filter_map(|c| {
        let name = c.node_name()?.to_ascii_lowercase();
        Some((name, c))
    })
}

/// The rows of a table (not of tables nested in its cells), with `thead` rows marked.
fn table_rows(table: &NodeRef<'_>, depth: usize) -> Vec<Row> {
    let mut trs: Vec<(NodeRef<'_>, bool)> = Vec::new();
    for (name, child) in element_children(table) {
        match name.as_str() {
            "tr" => trs.push((child, false)),
            "thead" | "tbody" | "tfoot" => {
                for (n, tr) in element_children(&child) {
                    if n == "tr" {
                        trs.push((tr, name == "thead"));
                    }
                }
            }
            _ => {}
        }
    }
    let mut grid = RowSpans::default();
    trs.iter()
        .map(|(tr, in_head)| {
            let cells: Vec<(String, NodeRef<'_>)> = element_children(tr)
                .filter(|(n, _)| n == "td" || n == "th")
                .collect();
            let all_th = !cells.is_empty() && cells.iter().all(|(n, _)| n == "th");
            let row = grid.place(cells.iter().map(|(_, c)| c), depth);
            Row {
                cells: row,
                header: *in_head || all_th,
            }
        })
        .collect()
}

/// Cells still covered by a `rowspan` from a row above: grid column → rows left, width.
#[derive(Default)]
struct RowSpans {
    pending: Vec<Option<(usize, usize)>>,
}

impl RowSpans {
    /// Inserts a continuation cell if column `col` is covered from above; returns its width.
    fn cover(&mut self, col: usize, cells: &mut Vec<Cell>) -> Option<usize> {
        let (left, span) = self.pending.get(col).copied().flatten()?;
        cells.push(Cell {
            text: String::new(),
            span,
            merge: Merge::Continue,
        });
        self.pending[col] = (left > 1).then_some((left - 1, span));
        Some(span)
    }

    fn place<'a>(&mut self, tds: impl Iterator<Item = &'a NodeRef<'a>>, depth: usize) -> Vec<Cell> {
        let mut cells = Vec::new();
        let mut col = 0;
        for td in tds {
            while let Some(span) = self.cover(col, &mut cells) {
                col += span;
            }
            let number = |attr: &str, max: usize| {
                td.attr(attr)
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .map_or(1, |n| n.clamp(1, max))
            };
            let span = number("colspan", MAX_SPAN);
            let rows = number("rowspan", MAX_ROWSPAN);
            let mut inner = Lines::default();
            for child in td.children_it(false) {
                inner.walk(&child, depth + 1);
            }
            inner.flush();
            cells.push(Cell {
                text: table::join_cell_text(&inner.lines),
                span,
                merge: if rows > 1 {
                    Merge::Restart
                } else {
                    Merge::None
                },
            });
            if rows > 1 {
                if self.pending.len() < col + 1 {
                    self.pending.resize(col + 1, None);
                }
                self.pending[col] = Some((rows - 1, span));
            }
            col += span;
            if col >= MAX_SPAN {
                return cells;
            }
        }
        // Covered cells after the row's last cell.
        while col < self.pending.len() {
            match self.cover(col, &mut cells) {
                Some(span) => col += span,
                None => {
                    let Some(next) = (col..self.pending.len()).find(|&c| self.pending[c].is_some())
                    else {
                        break;
                    };
                    cells.push(Cell {
                        text: String::new(),
                        span: next - col,
                        merge: Merge::None,
                    });
                    col = next;
                }
            }
        }
        cells
    }
}

#[cfg(test)]
#[path = "html_tests.rs"]
mod tests;
