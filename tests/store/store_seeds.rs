//! The shipped seed documents through import → store → read back, and the demo database.

use std::collections::BTreeSet;

use zhibiao::api::plans::{import_file_bytes, list_plans, plan_detail};
use zhibiao::demo::ensure_demo;
use zhibiao::import::{decode, extract};
use zhibiao::store::{open, open_in_memory, Actor};

const SEEDS: &[&str] = &[
    "xuchang-gazette-2021-03",
    "xuchang-gazette-2022-04",
    "pingdingshan-eco-plan-2022",
];

fn seed_bytes(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/assets/demo/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// Plan titles the hand-checked goldens name for a seed.
fn golden_plans(name: &str) -> BTreeSet<String> {
    let path = format!(
        "{}/tests/fixtures/golden/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let tables: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    tables
        .iter()
        .map(|t| t["plan"].as_str().unwrap().to_string())
        .collect()
}

fn count(conn: &rusqlite::Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn every_seed_is_stored_as_extracted_and_only_once() {
    let mut conn = open_in_memory().unwrap();
    let actor = Actor::system();
    for name in SEEDS {
        let bytes = seed_bytes(name);
        let doc = extract(&decode(&bytes).unwrap()).unwrap();
        let extracted: usize = doc.tables.iter().map(|t| t.indicators.len()).sum();
        assert!(extracted > 0, "{name}: the importer finds no rows");

        let s = import_file_bytes(&mut conn, &actor, &bytes, Some(name)).unwrap();
        assert!(!s.already_imported, "{name}");
        assert_eq!(s.indicators_added as usize, extracted, "{name}");
        assert_eq!(s.tables_added as usize, doc.tables.len(), "{name}");

        let stored: BTreeSet<String> = list_plans(&conn)
            .unwrap()
            .into_iter()
            .map(|p| p.plan.title)
            .collect();
        for title in golden_plans(name) {
            assert!(
                stored.contains(&title),
                "{name}: plan {title} not stored; have {stored:?}"
            );
        }

        // Every stored row reads back with the values the importer parsed.
        for p in &s.plans {
            let detail = plan_detail(&conn, p.plan_id).unwrap();
            for view in detail
                .tables
                .iter()
                .flat_map(|t| &t.categories)
                .flat_map(|c| &c.indicators)
            {
                let i = &view.indicator;
                let found = doc.tables.iter().flat_map(|t| &t.indicators).any(|x| {
                    x.name == i.draft.name
                        && x.target == i.draft.target
                        && x.baseline == i.draft.baseline
                        && x.attribute == i.draft.attribute
                });
                assert!(
                    found,
                    "{name}: stored row {} differs from the extracted one",
                    i.draft.name
                );
            }
        }

        let before = ["plans", "plan_tables", "indicators"].map(|t| count(&conn, t));
        let again = import_file_bytes(&mut conn, &actor, &bytes, Some(name)).unwrap();
        assert!(again.already_imported, "{name}");
        assert_eq!(again.message, "已导入，无新增");
        assert_eq!(
            ["plans", "plan_tables", "indicators"].map(|t| count(&conn, t)),
            before
        );
    }
}

#[test]
fn a_gb18030_copy_is_the_same_document() {
    let mut conn = open_in_memory().unwrap();
    let actor = Actor::system();
    let bytes = seed_bytes("pingdingshan-eco-plan-2022");
    let text = decode(&bytes).unwrap();
    let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
    let first = import_file_bytes(&mut conn, &actor, &gbk, Some("gbk.txt")).unwrap();
    assert!(first.indicators_added > 0);
    let second = import_file_bytes(&mut conn, &actor, &bytes, Some("utf8.txt")).unwrap();
    assert!(second.already_imported);
    assert_eq!(
        count(&conn, "documents"),
        1,
        "same decoded text, same document"
    );
}

#[test]
fn demo_database_is_filled_once_with_a_lead_for_every_indicator() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let mut expected_plans = BTreeSet::new();
    for name in SEEDS {
        expected_plans.extend(golden_plans(name));
    }
    {
        let mut conn = open(&path).unwrap();
        assert!(ensure_demo(&mut conn).unwrap());
        let titles: BTreeSet<String> = list_plans(&conn)
            .unwrap()
            .into_iter()
            .map(|p| p.plan.title)
            .collect();
        assert!(
            expected_plans.is_subset(&titles),
            "missing {:?}",
            expected_plans.difference(&titles)
        );
        let unassigned: i64 = conn
            .query_row(
                "SELECT count(*) FROM indicators WHERE lead_department_id IS NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(unassigned, 0);
        // Departments really used: more than one, chosen by the indicators' wording.
        let leads: i64 = conn
            .query_row(
                "SELECT count(DISTINCT lead_department_id) FROM indicators",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(leads >= 8, "only {leads} lead departments used");
    }
    let mut conn = open(&path).unwrap();
    let before = ["plans", "indicators", "departments", "audit_log"].map(|t| count(&conn, t));
    assert!(
        !ensure_demo(&mut conn).unwrap(),
        "a second start reuses the database"
    );
    assert_eq!(
        ["plans", "indicators", "departments", "audit_log"].map(|t| count(&conn, t)),
        before
    );
}
