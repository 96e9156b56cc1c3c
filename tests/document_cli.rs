//! `zhibiao extract` and `zhibiao import` read Word and PDF files.

use std::path::PathBuf;
use std::process::{Command, Output};

fn zhibiao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhibiao"))
        .args(args)
        .env_remove("ZHIBIAO_DB")
        .output()
        .unwrap()
}

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/documents")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn extract_reads_docx_and_pdf() {
    for file in ["xuchang-2022-talent.docx", "xuchang-2022-talent.pdf"] {
        let o = zhibiao(&["extract", &fixture(file)]);
        assert!(
            o.status.success(),
            "{file}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let tables: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
        let names: Vec<&str> = tables
            .iter()
            .flat_map(|t| t["indicators"].as_array().unwrap())
            .map(|r| r["name"].as_str().unwrap())
            .collect();
        assert!(
            names.iter().any(|n| n.contains("专业技术人才")),
            "{file}: {names:?}"
        );
    }
}

#[test]
fn import_of_the_word_draft_and_the_pdf_of_one_plan_stores_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("docs.db");
    let db = db.to_str().unwrap();
    let first = zhibiao(&["import", &fixture("own-merged-category.docx"), "--db", db]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(String::from_utf8_lossy(&first.stdout).contains("新建"));
    let issued = zhibiao(&["import", &fixture("own-merged-category.pdf"), "--db", db]);
    assert!(
        issued.status.success(),
        "{}",
        String::from_utf8_lossy(&issued.stderr)
    );
    assert!(String::from_utf8_lossy(&issued.stdout).contains("已存在"));
    let list = zhibiao(&["list", "--db", db]);
    let listed = String::from_utf8_lossy(&list.stdout).into_owned();
    assert_eq!(
        listed.matches("某市“十五五”生态环境保护规划").count(),
        1,
        "{listed}"
    );

    let old = zhibiao(&["import", &fixture("scanned.pdf"), "--db", db]);
    assert!(!old.status.success());
    assert!(String::from_utf8_lossy(&old.stderr).contains("扫描件"));
}
