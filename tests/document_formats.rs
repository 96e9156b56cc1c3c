//! The same plan as text, Word, PDF and clipboard HTML gives the same indicator rows.
//! Fixtures: `scripts/make-document-fixtures.sh` (seed excerpts from assets/demo and small
//! tables of our own, converted by LibreOffice).
//!
//! Compared per row: category, name, unit, attribute, raw baseline / target / actual and
//! their parsed values. Line numbers and TAB cells differ by nature. White space inside text
//! is not compared: a PDF's glyph runs put spaces into `2025 年`, and the seed text itself
//! carries spaces from the PDFs it was taken from (`城镇 化率`).

use std::path::PathBuf;

use zhibiao::import::{extract, ExtractedIndicator};
use zhibiao::model::{Attribute, Value};

const SEED_CASES: &[&str] = &[
    "xuchang-2021-outline",
    "xuchang-2022-talent",
    "xuchang-2022-wufei",
    "pingdingshan-eco",
    "own-merged-category",
];

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/documents")
        .join(name)
}

#[derive(Debug, PartialEq)]
struct Compared {
    category: Option<String>,
    name: String,
    unit: Option<String>,
    attribute: Option<Attribute>,
    raw: [Option<String>; 3],
    values: [Option<Value>; 3],
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn compared(r: &ExtractedIndicator) -> Compared {
    let raw = |s: &Option<String>| s.as_deref().map(squeeze).filter(|s| !s.is_empty());
    Compared {
        category: r.category.as_deref().map(squeeze),
        name: squeeze(&r.name),
        unit: r.unit.as_deref().map(squeeze),
        attribute: r.attribute,
        raw: [raw(&r.baseline_raw), raw(&r.target_raw), raw(&r.actual_raw)],
        values: [r.baseline.clone(), r.target.clone(), r.actual.clone()],
    }
}

/// Each table's rows, tables in document order.
fn rows_of_text(text: &str) -> Vec<Vec<Compared>> {
    extract(text)
        .expect("text extracts")
        .tables
        .iter()
        .map(|t| t.indicators.iter().map(compared).collect())
        .collect()
}

fn rows_of(file: &str) -> Vec<Vec<Compared>> {
    let text =
        zhibiao::document::read_file(&fixture(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    rows_of_text(&text)
}

/// Differences between a case's text and one of its documents, one line each.
fn differences(case: &str, ext: &str) -> Vec<String> {
    let text = std::fs::read_to_string(fixture(&format!("{case}.txt"))).unwrap();
    let want = rows_of_text(&text);
    let rows: usize = want.iter().map(Vec::len).sum();
    assert!(rows >= 5, "{case}.txt: only {rows} rows read from the text");
    let got = rows_of(&format!("{case}.{ext}"));
    let mut out = Vec::new();
    if got.len() != want.len() {
        out.push(format!(
            "{case}.{ext}: {} tables, text has {}",
            got.len(),
            want.len()
        ));
    }
    let (want, got) = (flat(&want), flat(&got));
    for i in 0..want.len().max(got.len()) {
        if want.get(i) != got.get(i) {
            out.push(format!(
                "{case}.{ext} row {i}:\n    text: {:?}\n    file: {:?}",
                want.get(i),
                got.get(i)
            ));
        }
    }
    out
}

fn flat(tables: &[Vec<Compared>]) -> Vec<&Compared> {
    tables.iter().flatten().collect()
}

fn assert_same_rows(ext: &str) {
    let diffs: Vec<String> = SEED_CASES
        .iter()
        .flat_map(|case| differences(case, ext))
        .collect();
    assert!(
        diffs.is_empty(),
        "{} differences:\n{}",
        diffs.len(),
        diffs.join("\n")
    );
}

#[test]
fn word_documents_give_the_same_rows_as_the_text() {
    assert_same_rows("docx");
}

#[test]
fn html_tables_with_rowspan_and_colspan_give_the_same_rows_as_the_text() {
    assert_same_rows("html");
}

#[test]
fn title_document_number_and_date_come_through_as_paragraphs() {
    for ext in ["docx", "pdf", "clip.html"] {
        let text =
            zhibiao::document::read_file(&fixture(&format!("xuchang-2022-talent.{ext}"))).unwrap();
        let doc = extract(&text).unwrap();
        let from_text =
            extract(&std::fs::read_to_string(fixture("xuchang-2022-talent.txt")).unwrap()).unwrap();
        let meta = |d: &zhibiao::import::ExtractedDocument| {
            d.plans
                .iter()
                .map(|p| {
                    (
                        squeeze(&p.draft.title),
                        p.draft.doc_number.clone(),
                        p.draft.issue_date,
                    )
                })
                .collect::<Vec<_>>()
        };
        assert!(!meta(&from_text).is_empty());
        assert_eq!(meta(&doc), meta(&from_text), "{ext}");
    }
}
