//! Runs the importer on each seed gazette in `assets/demo/` and compares every table and row
//! with the hand-checked readings in `tests/fixtures/golden/<same stem>.json`.

use std::path::{Path, PathBuf};

use serde_json::Value as Json;
use zhibiao::import::{decode, extract, ExtractedIndicator, ExtractedTable};
use zhibiao::model::Value;

/// Golden readings we believe are wrong: (seed stem, line, field, reason). A difference on
/// one of these is reported but does not fail the test.
const GOLDEN_ERRORS: &[(&str, usize, &str, &str)] = &[];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn seeds() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("assets/demo"))
        .expect("assets/demo")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

struct Tally {
    tables: usize,
    tables_found: usize,
    rows: usize,
    rows_found: usize,
    differences: Vec<String>,
    tolerated: Vec<String>,
}

impl Tally {
    fn differ(&mut self, stem: &str, line: usize, field: &str, ours: String, golden: String) {
        let msg = format!("{stem}:{line} {field}: ours {ours}, golden {golden}");
        match GOLDEN_ERRORS
            .iter()
            .find(|(s, l, f, _)| *s == stem && *l == line && *f == field)
        {
            Some((.., reason)) => self
                .tolerated
                .push(format!("{msg} (golden error: {reason})")),
            None => self.differences.push(msg),
        }
    }
}

fn opt_str(j: &Json, key: &str) -> Option<String> {
    j.get(key).and_then(|v| v.as_str()).map(str::to_string)
}

fn opt_i64(j: &Json, key: &str) -> Option<i64> {
    j.get(key).and_then(|v| v.as_i64())
}

fn show<T: std::fmt::Debug>(v: T) -> String {
    format!("{v:?}")
}

fn find_table<'a>(tables: &'a [ExtractedTable], g: &Json) -> Option<&'a ExtractedTable> {
    let start = opt_i64(g, "start_line").unwrap_or(-1) as usize;
    let title = opt_str(g, "table_title");
    tables
        .iter()
        .find(|t| t.start_line == start)
        .or_else(|| tables.iter().find(|t| Some(&t.title) == title.as_ref()))
}

fn compare_value(
    t: &mut Tally,
    stem: &str,
    line: usize,
    slot: &str,
    ours: Option<&Value>,
    g: &Json,
) {
    let Some(gv) = g.get(slot).filter(|v| v.is_object()) else {
        return;
    };
    let value = ours.and_then(|v| v.value);
    let golden_value = gv.get("value").and_then(|v| v.as_f64());
    let same = match (value, golden_value) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
        (a, b) => a.is_none() && b.is_none(),
    };
    if !same {
        t.differ(
            stem,
            line,
            &format!("{slot}.value"),
            show(value),
            show(golden_value),
        );
    }
    let q = ours
        .and_then(|v| v.qualifier)
        .map(|q| q.as_str().to_string());
    let gq = opt_str(gv, "qualifier");
    if q != gq {
        t.differ(stem, line, &format!("{slot}.qualifier"), show(q), show(gq));
    }
    let c = ours.is_some_and(|v| v.cumulative);
    let gc = gv
        .get("cumulative")
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    if c != gc {
        t.differ(stem, line, &format!("{slot}.cumulative"), show(c), show(gc));
    }
}

fn compare_row(t: &mut Tally, stem: &str, ours: &ExtractedIndicator, g: &Json) {
    let line = ours.line;
    let text_fields: [(&str, Option<String>); 8] = [
        ("category", ours.category.clone()),
        ("seq", ours.seq.clone()),
        ("name", Some(ours.name.clone())),
        ("unit", ours.unit.clone()),
        ("baseline_raw", ours.baseline_raw.clone()),
        ("target_raw", ours.target_raw.clone()),
        ("actual_raw", ours.actual_raw.clone()),
        ("attribute", ours.attribute.map(|a| a.as_str().to_string())),
    ];
    for (field, value) in text_fields {
        let golden = opt_str(g, field);
        if value != golden {
            t.differ(stem, line, field, show(value), show(golden));
        }
    }
    compare_value(t, stem, line, "baseline", ours.baseline.as_ref(), g);
    compare_value(t, stem, line, "target", ours.target.as_ref(), g);
    compare_value(t, stem, line, "actual", ours.actual.as_ref(), g);
}

fn compare_table(t: &mut Tally, stem: &str, ours: &ExtractedTable, g: &Json) {
    let line = ours.start_line;
    let checks: [(&str, String, String); 7] = [
        (
            "start_line",
            show(Some(ours.start_line as i64)),
            show(opt_i64(g, "start_line")),
        ),
        (
            "title",
            show(Some(&ours.title)),
            show(opt_str(g, "table_title").as_ref()),
        ),
        (
            "kind",
            show(Some(ours.kind.as_str())),
            show(opt_str(g, "kind").as_deref()),
        ),
        (
            "baseline_year",
            show(ours.baseline_year.map(i64::from)),
            show(opt_i64(g, "baseline_year")),
        ),
        (
            "target_year",
            show(ours.target_year.map(i64::from)),
            show(opt_i64(g, "target_year")),
        ),
        (
            "end_line",
            show(Some(ours.end_line as i64)),
            show(opt_i64(g, "end_line")),
        ),
        (
            "plan",
            show(ours.plan.as_ref()),
            show(opt_str(g, "plan").as_ref()),
        ),
    ];
    for (field, a, b) in checks {
        if a != b {
            t.differ(stem, line, field, a, b);
        }
    }
    let golden_rows = g["indicators"].as_array().cloned().unwrap_or_default();
    t.rows += golden_rows.len();
    for gr in &golden_rows {
        let gline = opt_i64(gr, "line").unwrap_or(-1) as usize;
        match ours.indicators.iter().find(|r| r.line == gline) {
            Some(r) => {
                t.rows_found += 1;
                compare_row(t, stem, r, gr);
            }
            None => t.differ(
                stem,
                gline,
                "row",
                "missing".into(),
                show(opt_str(gr, "name")),
            ),
        }
    }
    if ours.indicators.len() != golden_rows.len() {
        t.differ(
            stem,
            line,
            "row count",
            ours.indicators.len().to_string(),
            golden_rows.len().to_string(),
        );
    }
}

fn check_seed(t: &mut Tally, path: &Path) {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("stem")
        .to_string();
    let golden_path = root()
        .join("tests/fixtures/golden")
        .join(format!("{stem}.json"));
    let golden: Json =
        serde_json::from_str(&std::fs::read_to_string(&golden_path).expect("golden file"))
            .expect("golden json");
    let text = decode(&std::fs::read(path).expect("seed")).expect("seed decodes");
    let doc = extract(&text).expect("seed extracts");
    for g in golden.as_array().expect("golden array") {
        t.tables += 1;
        match find_table(&doc.tables, g) {
            Some(ours) => {
                t.tables_found += 1;
                compare_table(t, &stem, ours, g);
            }
            None => {
                let start = opt_i64(g, "start_line").unwrap_or(-1) as usize;
                t.differ(
                    &stem,
                    start,
                    "table",
                    "missing".into(),
                    show(opt_str(g, "table_title")),
                );
                t.rows += g["indicators"].as_array().map_or(0, |a| a.len());
            }
        }
    }
}

#[test]
fn seeds_agree_with_the_golden_readings() {
    let mut t = Tally {
        tables: 0,
        tables_found: 0,
        rows: 0,
        rows_found: 0,
        differences: Vec::new(),
        tolerated: Vec::new(),
    };
    let seeds = seeds();
    assert!(!seeds.is_empty(), "no seed documents in assets/demo");
    for s in &seeds {
        check_seed(&mut t, s);
    }
    for d in &t.tolerated {
        println!("tolerated: {d}");
    }
    for d in &t.differences {
        println!("DIFFERENCE: {d}");
    }
    println!(
        "golden: {}/{} tables, {}/{} rows, {} differences ({} golden errors tolerated)",
        t.tables_found,
        t.tables,
        t.rows_found,
        t.rows,
        t.differences.len(),
        t.tolerated.len()
    );
    assert!(
        t.differences.is_empty(),
        "{} differences from the golden readings",
        t.differences.len()
    );
}

#[test]
fn seed_tables_belong_to_plans_with_metadata() {
    for path in seeds() {
        let text = decode(&std::fs::read(&path).expect("seed")).expect("decodes");
        let doc = extract(&text).expect("extracts");
        for p in &doc.plans {
            println!("{}: {:?} line {}", path.display(), p.draft, p.line);
        }
        for t in &doc.tables {
            let plan = t.plan.as_ref().expect("every seed table has a plan");
            let p = doc
                .plans
                .iter()
                .find(|p| &p.draft.title == plan)
                .expect("the table's plan is listed");
            assert!(p.line <= t.start_line, "plan {plan} starts after its table");
            let (start, end) = (
                p.draft.period_start.expect("period"),
                p.draft.period_end.expect("period"),
            );
            assert!(start < end && end - start <= 5, "period of {plan}");
            if t.kind == zhibiao::model::TableKind::Targets {
                assert_eq!(
                    p.draft.target_year,
                    t.target_year.or(Some(end)),
                    "target year of {plan}"
                );
            }
        }
    }
}
