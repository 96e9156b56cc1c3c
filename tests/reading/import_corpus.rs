//! The layout corpus (`tests/fixtures/layouts/`): gazette excerpts in layouts the seeds do not
//! have, each with a hand-checked golden reading (`<stem>.json`, the shape of
//! `tests/fixtures/golden/`). Prints rows right / rows total per document and fails when any
//! document is under 100 %; then reads every TAB- or space-separated table again with its
//! columns shuffled and expects the same reading.

use crate::corpus_support;

use std::path::PathBuf;

use corpus_support::shuffle::shuffle_document;
use corpus_support::{score_document, table_notes, Compare, Score};
use serde_json::Value as Json;
use zhibiao::import::{decode, extract};

struct Document {
    name: String,
    text: String,
    golden: Vec<Json>,
}

fn corpus() -> Vec<Document> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/layouts");
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/layouts")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    texts
        .into_iter()
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            let text = decode(&std::fs::read(&path).expect("read")).expect("decodes");
            let golden_path = path.with_extension("json");
            let golden: Json = serde_json::from_str(
                &std::fs::read_to_string(&golden_path)
                    .unwrap_or_else(|_| panic!("{name}: no golden reading {golden_path:?}")),
            )
            .unwrap_or_else(|e| panic!("{name}: golden JSON: {e}"));
            let golden = golden.as_array().expect("golden array").clone();
            Document { name, text, golden }
        })
        .collect()
}

/// The importer's tables in their serialised form.
fn read_tables(text: &str) -> Vec<Json> {
    let doc = extract(text).expect("extracts");
    let json = serde_json::to_value(&doc).expect("serialises");
    json["tables"].as_array().cloned().unwrap_or_default()
}

fn percent(s: &Score) -> f64 {
    if s.rows == 0 {
        100.0
    } else {
        100.0 * s.right as f64 / s.rows as f64
    }
}

/// Prints one line per document and its first differences; returns the documents under 100 %.
fn report(label: &str, scores: &[(String, Score)]) -> Vec<String> {
    let (mut rows, mut right) = (0, 0);
    let mut failing = Vec::new();
    for (name, s) in scores {
        rows += s.rows;
        right += s.right;
        let extra = if s.extra > 0 {
            format!(", {} extra", s.extra)
        } else {
            String::new()
        };
        println!(
            "{label} {name}: {} / {} rows right ({:.0} %){extra}",
            s.right,
            s.rows,
            percent(s)
        );
        for d in s.differences.iter().take(6) {
            println!("    {d}");
        }
        if s.differences.len() > 6 {
            println!("    … {} more differences", s.differences.len() - 6);
        }
        if !s.perfect() {
            failing.push(name.clone());
        }
    }
    println!(
        "{label} total: {right} / {rows} rows right in {} documents, {} under 100 %",
        scores.len(),
        failing.len()
    );
    failing
}

#[test]
fn corpus_documents_are_read_as_their_golden_readings() {
    let docs = corpus();
    assert!(
        docs.len() >= 25,
        "the layout corpus has {} documents",
        docs.len()
    );
    let opt = Compare {
        cells_in_any_order: false,
    };
    let mut scores = Vec::new();
    for d in &docs {
        let ours = read_tables(&d.text);
        for note in table_notes(&ours, &d.golden) {
            println!("note {}: {note}", d.name);
        }
        scores.push((d.name.clone(), score_document(&ours, &d.golden, opt)));
    }
    let failing = report("corpus", &scores);
    assert!(failing.is_empty(), "under 100 %: {failing:?}");
}

#[test]
fn shuffled_columns_give_the_same_reading() {
    let opt = Compare {
        cells_in_any_order: true,
    };
    let mut scores = Vec::new();
    for d in corpus() {
        let Some(text) = shuffle_document(&d.name, &d.text, &d.golden) else {
            continue;
        };
        assert_ne!(text, d.text, "{}: shuffling changed nothing", d.name);
        let ours = read_tables(&text);
        scores.push((d.name.clone(), score_document(&ours, &d.golden, opt)));
    }
    assert!(
        scores.len() >= 20,
        "only {} shuffled documents",
        scores.len()
    );
    let failing = report("shuffled", &scores);
    assert!(
        failing.is_empty(),
        "under 100 % with shuffled columns: {failing:?}"
    );
}

/// The golden readings stay true to their text when a document is edited: every cell stands
/// on the row's lines and every raw value is one of the row's cells.
#[test]
fn golden_readings_quote_their_documents() {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    for d in corpus() {
        let lines: Vec<&str> = d.text.lines().collect();
        for t in &d.golden {
            for r in t["indicators"].as_array().expect("indicators") {
                let line = r["line"].as_u64().expect("line") as usize;
                let span: Vec<usize> = match r["lines"].as_array() {
                    Some(v) => v
                        .iter()
                        .filter_map(|l| l.as_u64())
                        .map(|l| l as usize)
                        .collect(),
                    None => vec![line],
                };
                let text = squeeze(&span.iter().map(|&l| lines[l - 1]).collect::<String>());
                let cells: Vec<String> = r["cells"]
                    .as_array()
                    .expect("cells")
                    .iter()
                    .map(|c| squeeze(c.as_str().unwrap_or_default()))
                    .collect();
                // A name wrapped inside its cell continues on the next line, after the
                // other cells of the first: its characters come in order, not contiguous.
                let quoted = |c: &str| {
                    if span.len() == 1 {
                        return text.contains(c);
                    }
                    let mut rest = text.chars();
                    c.chars().all(|ch| rest.any(|t| t == ch))
                };
                for c in &cells {
                    assert!(quoted(c), "{}:{line}: cell {c} not in the text", d.name);
                }
                for key in [
                    "baseline_raw",
                    "target_raw",
                    "actual_raw",
                    "growth_raw",
                    "done_raw",
                ] {
                    if let Some(raw) = r[key].as_str() {
                        assert!(
                            cells.contains(&squeeze(raw)),
                            "{}:{line}: {key} {raw} is not a cell of the row",
                            d.name
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn shuffling_moves_every_cell_of_a_row_together() {
    let text = "标题\n指标\t2025年\t2030年\t属性\n甲（%）\t1\t2\t约束性\n乙（个）\t3\t4\t预期性\n";
    let golden: Json = serde_json::json!([{ "start_line": 2, "end_line": 4, "indicators": [] }]);
    let out = shuffle_document("t", text, golden.as_array().unwrap()).expect("shuffled");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "标题");
    let header: Vec<&str> = lines[1].split('\t').collect();
    let row: Vec<&str> = lines[2].split('\t').collect();
    assert_ne!(header, ["指标", "2025年", "2030年", "属性"]);
    let at = |cells: &[&str], c: &str| cells.iter().position(|x| *x == c).unwrap();
    assert_eq!(at(&header, "2030年"), at(&row, "2"));
    assert_eq!(at(&header, "属性"), at(&row, "约束性"));
}
