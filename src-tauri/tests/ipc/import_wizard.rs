//! The wizard's manual tables through the IPC layer: a text the importer misses still opens,
//! selected lines are guessed and re-read with chosen roles, nothing is stored before the
//! commit, and the commit carries the corrections.

use crate::ipc_support;

use ipc_support::TestApp;
use serde_json::{json, Value};

const MISSED: &str = "某县“十五五”生态环境保护规划\n\
到2030年，主要指标如下。\n\
森林覆盖率  %  25.1  26  约束性\n\
人均预期寿命  岁  80  81  预期性\n\
以上指标按年度分解落实。";

fn plan_count(app: &TestApp) -> usize {
    app.invoke("list_plans", json!({}))
        .unwrap()
        .as_array()
        .unwrap()
        .len()
}

fn roles(table: &Value) -> Vec<String> {
    table["column_roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["role"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn manual_table_calls_need_a_signed_in_user() {
    let app = TestApp::new();
    let args = json!({"text": MISSED, "first": 3, "last": 4, "key": "p0/m0"});
    let err = app.invoke("guess_manual_table", args).unwrap_err();
    assert_eq!(err["code"], "unauthenticated");
}

#[test]
fn a_missed_table_is_pointed_at_read_with_chosen_roles_and_committed() {
    let app = TestApp::new();
    app.sign_in_admin();
    let before = plan_count(&app);

    let err = app
        .invoke("preview_import", json!({"text": MISSED}))
        .unwrap_err();
    assert_eq!(err["code"], "no_tables");
    let mut preview = app
        .invoke("preview_or_blank", json!({"text": MISSED}))
        .unwrap();
    assert_eq!(preview["text"], MISSED);
    assert_eq!(preview["plans"][0]["tables"], json!([]));

    let guess = app
        .invoke(
            "guess_manual_table",
            json!({"text": MISSED, "first": 3, "last": 4, "key": "p0/m0"}),
        )
        .unwrap();
    assert_eq!(
        roles(&guess["table"]),
        ["name", "unit", "baseline", "target", "attribute"]
    );
    assert_eq!(guess["table"]["rows"][1]["name"], "人均预期寿命");
    assert!(!guess["table"]["rows"][1]["reasons"]
        .as_array()
        .unwrap()
        .is_empty());

    // The person makes the baseline column 不读取 and names the target year.
    let mut columns: Vec<Value> = guess["table"]["column_roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| json!({"role": c["role"], "year": c["year"]}))
        .collect();
    columns[2] = json!({"role": "ignore", "year": null});
    columns[3] = json!({"role": "target", "year": 2030});
    let table = app
        .invoke(
            "read_manual_table",
            json!({"text": MISSED, "first": 3, "last": 4, "headerRows": 0, "columns": columns, "key": "p0/m0"}),
        )
        .unwrap();
    assert_eq!(table["rows"][0]["baseline_raw"], Value::Null);
    assert_eq!(table["rows"][0]["target_raw"], "26");
    assert_eq!(table["target_year"], 2030);
    assert_eq!(plan_count(&app), before, "reading stores nothing");

    preview["plans"][0]["title"] = json!("某县“十五五”生态环境保护规划");
    preview["plans"][0]["tables"] = json!([table]);
    preview["corrections"] = json!([{
        "kind": "manual_table", "table_key": "p0/m0", "first": 3, "last": 4,
        "header_rows": 0, "columns": columns
    }]);
    let summary = app
        .invoke("commit_import", json!({"preview": preview}))
        .unwrap();
    assert_eq!(summary["indicators_added"], 2);
    assert_eq!(plan_count(&app), before + 1);
    let id = summary["plans"][0]["plan_id"].as_i64().unwrap();
    let detail = app
        .invoke("get_plan", json!({"id": id}))
        .unwrap()
        .to_string();
    assert!(detail.contains("森林覆盖率"));
}

#[test]
fn a_selection_without_a_name_column_is_a_chinese_error() {
    let app = TestApp::new();
    app.sign_in_admin();
    let err = app
        .invoke(
            "read_manual_table",
            json!({"text": MISSED, "first": 3, "last": 4, "headerRows": 0,
                   "columns": [{"role": "unit", "year": null}], "key": "p0/m0"}),
        )
        .unwrap_err();
    assert_eq!(err["code"], "invalid_input");
    assert!(err["message"].as_str().unwrap().contains("指标名称"));
    let err = app
        .invoke(
            "guess_manual_table",
            json!({"text": MISSED, "first": 9, "last": 12, "key": "p0/m0"}),
        )
        .unwrap_err();
    assert_eq!(err["code"], "invalid_input");
}

#[test]
fn a_file_without_a_table_found_still_opens_on_its_text() {
    let app = TestApp::new();
    app.sign_in_admin();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("县规划.txt");
    std::fs::write(&path, MISSED).unwrap();
    let err = app
        .invoke("preview_import_file", json!({"path": path}))
        .unwrap_err();
    assert_eq!(err["code"], "no_tables");
    let p = app
        .invoke("preview_file_or_blank", json!({"path": path}))
        .unwrap();
    assert_eq!(p["text"], MISSED);
    assert_eq!(p["file_name"], "县规划.txt");
    assert_eq!(p["plans"][0]["tables"], json!([]));
}
