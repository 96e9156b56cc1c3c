//! 十五五 tables in layouts the seeds do not have (`tests/fixtures/extra-layouts/`): every
//! TAB row below the header must come out as an indicator, with 2025 → 2030 years.

use std::collections::BTreeSet;
use std::path::PathBuf;

use zhibiao::import::{decode, extract, ExtractedDocument};

fn layouts() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extra-layouts");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("extra-layouts")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            (
                name,
                decode(&std::fs::read(&p).expect("read")).expect("decodes"),
            )
        })
        .collect()
}

/// 1-based numbers of the TAB lines after the first (the header) in `text`.
fn body_lines(text: &str) -> BTreeSet<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.contains('\t'))
        .skip(1)
        .map(|(i, _)| i + 1)
        .collect()
}

fn read(text: &str) -> ExtractedDocument {
    extract(text).expect("extracts")
}

#[test]
fn every_layout_yields_all_its_rows() {
    let files = layouts();
    assert!(files.len() >= 5, "expected the extra-layout fixtures");
    for (name, text) in &files {
        let doc = read(text);
        assert!(!doc.tables.is_empty(), "{name}: no table found");
        let found: BTreeSet<usize> = doc
            .tables
            .iter()
            .flat_map(|t| t.indicators.iter().map(|r| r.line))
            .collect();
        assert_eq!(
            found,
            body_lines(text),
            "{name}: rows read differ from the TAB rows"
        );
    }
}

#[test]
fn layouts_read_2025_baselines_and_2030_targets() {
    for (name, text) in &layouts() {
        for t in read(text).tables {
            assert_eq!(
                t.target_year,
                Some(2030),
                "{name}: target year of {}",
                t.title
            );
            assert_eq!(
                t.baseline_year,
                Some(2025),
                "{name}: baseline year of {}",
                t.title
            );
        }
    }
}

#[test]
fn layout_rows_are_clean() {
    for (name, text) in &layouts() {
        for t in read(text).tables {
            for r in &t.indicators {
                let here = format!("{name}:{} {}", r.line, r.name);
                assert!(!r.name.is_empty(), "{here}: empty name");
                assert!(r.attribute.is_some(), "{here}: attribute not read");
                assert!(r.target_raw.is_some(), "{here}: no target");
                // The unit and sequence number are split off the name.
                assert!(
                    !r.name.ends_with("(%)") && !r.name.ends_with("（%）"),
                    "{here}"
                );
                if let Some(seq) = &r.seq {
                    assert!(
                        !r.name.starts_with(&format!("{seq}.")),
                        "{here}: sequence left in name"
                    );
                }
                if let (Some(raw), Some(v)) = (&r.target_raw, &r.target) {
                    assert_eq!(
                        &v.raw,
                        raw.trim(),
                        "{here}: parsed value keeps its raw text"
                    );
                }
            }
        }
    }
}

#[test]
fn layout_plans_carry_their_period() {
    for (name, text) in &layouts() {
        let doc = read(text);
        for t in &doc.tables {
            let Some(plan) = &t.plan else { continue };
            let p = doc
                .plans
                .iter()
                .find(|p| &p.draft.title == plan)
                .unwrap_or_else(|| panic!("{name}: table plan {plan} not among the plans"));
            assert_eq!(
                (p.draft.period_start, p.draft.period_end),
                (Some(2026), Some(2030)),
                "{name}"
            );
        }
    }
}
