//! `zhibiao import` and `zhibiao list` against a temporary database.

use std::path::Path;
use std::process::{Command, Output};

use crate::cli::zhibiao;

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn seed(name: &str) -> String {
    format!("{}/assets/demo/{name}.txt", env!("CARGO_MANIFEST_DIR"))
}

fn golden_plans(name: &str) -> Vec<String> {
    let path = format!(
        "{}/tests/fixtures/golden/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let tables: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut plans: Vec<String> = tables
        .iter()
        .map(|t| t["plan"].as_str().unwrap().to_string())
        .collect();
    plans.dedup();
    plans
}

#[test]
fn import_twice_then_list() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.db");
    let db = db.to_str().unwrap();
    let name = "xuchang-gazette-2022-04";

    let first = zhibiao(&["import", &seed(name), "--db", db]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let out = stdout(&first);
    assert!(out.contains("导入完成"), "{out}");
    for plan in golden_plans(name) {
        assert!(out.contains(&plan), "summary lacks {plan}: {out}");
    }

    let second = zhibiao(&["import", &seed(name), "--db", db]);
    assert!(second.status.success());
    assert!(
        stdout(&second).contains("已导入，无新增"),
        "{}",
        stdout(&second)
    );

    let list = zhibiao(&["list", "--db", db]);
    assert!(list.status.success());
    let out = stdout(&list);
    let plans = golden_plans(name);
    assert!(out.contains(&format!("规划 {} 个", plans.len())), "{out}");
    for plan in &plans {
        let line = out
            .lines()
            .find(|l| l.ends_with(plan.as_str()))
            .unwrap_or_else(|| panic!("{plan} not listed: {out}"));
        assert!(
            line.contains("2021—2025") || line.contains("2022—2025"),
            "period missing: {line}"
        );
        assert!(line.contains('〔'), "文号 missing: {line}");
    }
}

#[test]
fn list_on_an_empty_database_and_import_errors_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("empty.db");
    let list = zhibiao(&["list", "--db", db.to_str().unwrap()]);
    assert!(list.status.success());
    assert!(stdout(&list).contains("尚无规划"));

    let no_tables = dir.path().join("notice.txt");
    std::fs::write(&no_tables, "关于召开会议的通知\n请各单位准时参加。\n").unwrap();
    let o = zhibiao(&[
        "import",
        no_tables.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("未找到指标表"));

    let missing = zhibiao(&[
        "import",
        "/nonexistent/规划.txt",
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("无法读取文件"));
}

#[test]
fn the_database_defaults_to_zhibiao_db() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("env.db");
    let o = Command::new(env!("CARGO_BIN_EXE_zhibiao"))
        .args(["import", &seed("pingdingshan-eco-plan-2022")])
        .env("ZHIBIAO_DB", &db)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(Path::new(&db).exists());
}
