//! `zhibiao extract` and `zhibiao import` read Word and PDF files.

use crate::cli::zhibiao;
use std::path::PathBuf;

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
