//! Plans and the import wizard through the IPC layer on a temporary database.

use crate::ipc_support;

use ipc_support::TestApp;
use serde_json::{json, Value};

const PASTE: &str = include_str!("../../../e2e/fixtures/paste-plan.txt");

fn plan_titles(app: &TestApp) -> Vec<String> {
    let plans = app.invoke("list_plans", json!({})).expect("list_plans");
    plans
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap().to_string())
        .collect()
}

fn all_rows(preview: &mut Value) -> Vec<&mut Value> {
    let mut out = Vec::new();
    for plan in preview["plans"].as_array_mut().unwrap() {
        for table in plan["tables"].as_array_mut().unwrap() {
            for row in table["rows"].as_array_mut().unwrap() {
                out.push(row);
            }
        }
    }
    out
}

#[test]
fn reads_need_a_signed_in_user() {
    let app = TestApp::new();
    let err = app.invoke("list_plans", json!({})).unwrap_err();
    assert_eq!(err["code"], "unauthenticated");
    // Signed in but the initial password not yet changed: still refused.
    app.invoke("login", json!({"name": "admin", "password": "admin"}))
        .unwrap();
    let err = app.invoke("list_plans", json!({})).unwrap_err();
    assert_eq!(err["code"], "forbidden");
}

#[test]
fn first_start_lists_the_demo_plans_with_counts_by_attribute() {
    let app = TestApp::new();
    app.sign_in_admin();
    let plans = app.invoke("list_plans", json!({})).unwrap();
    let plans = plans.as_array().unwrap();
    assert!(
        !plans.is_empty(),
        "the demo plans are imported on first start"
    );
    for p in plans {
        let n = |k: &str| p[k].as_u64().unwrap();
        assert_eq!(
            n("indicator_count"),
            n("binding_count") + n("expected_count") + n("unmarked_count"),
            "{p}"
        );
    }
    let total: u64 = plans
        .iter()
        .map(|p| p["indicator_count"].as_u64().unwrap())
        .sum();
    assert!(total > 0);
    let first = plans[0]["id"].as_i64().unwrap();
    let detail = app.invoke("get_plan", json!({"id": first})).unwrap();
    assert_eq!(detail["summary"]["id"], first);
    assert!(!detail["tables"].as_array().unwrap().is_empty());
}

#[test]
fn preview_stores_nothing_and_commit_stores_the_edited_rows() {
    let app = TestApp::new();
    app.sign_in_admin();
    let before = plan_titles(&app);

    let mut preview = app
        .invoke("preview_import", json!({"text": PASTE}))
        .unwrap();
    assert_eq!(plan_titles(&app), before, "a preview stores nothing");
    let names: Vec<String> = all_rows(&mut preview)
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect();
    assert!(names.len() >= 4, "{names:?}");

    // Correct one cell and drop one row, as in the wizard.
    let corrected = "经常参加体育锻炼人数占比";
    let dropped = names[names.len() - 1].clone();
    {
        let mut rows = all_rows(&mut preview);
        rows[0]["name"] = json!(corrected);
        let last = rows.len() - 1;
        rows[last]["keep"] = json!(false);
    }
    let summary = app
        .invoke("commit_import", json!({"preview": preview}))
        .unwrap();
    assert_eq!(summary["already_imported"], false);
    assert_eq!(
        summary["indicators_added"].as_u64().unwrap() as usize,
        names.len() - 1
    );

    let after = plan_titles(&app);
    assert_eq!(after.len(), before.len() + 1);
    let plan_id = summary["plans"][0]["plan_id"].as_i64().unwrap();
    let detail = app
        .invoke("get_plan", json!({"id": plan_id}))
        .unwrap()
        .to_string();
    assert!(detail.contains(corrected));
    assert!(!detail.contains(&format!("\"name\":\"{dropped}\"")));

    // The same document again adds nothing.
    let again = app
        .invoke("preview_import", json!({"text": PASTE}))
        .unwrap();
    let summary = app
        .invoke("commit_import", json!({"preview": again}))
        .unwrap();
    assert_eq!(summary["already_imported"], true);
    assert_eq!(plan_titles(&app).len(), after.len());
}

#[test]
fn bad_input_comes_back_as_a_chinese_error_and_stores_nothing() {
    let app = TestApp::new();
    app.sign_in_admin();
    let before = plan_titles(&app);
    for text in ["", "   \n", "这是一段没有任何表格的文字。\n第二行。"] {
        let err = app
            .invoke("preview_import", json!({"text": text}))
            .unwrap_err();
        assert!(err["code"].is_string(), "{err}");
        let message = err["message"].as_str().unwrap();
        assert!(
            message
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{message}"
        );
    }
    let huge = "规".repeat(4_000_000); // 12 MB of UTF-8
    let err = app
        .invoke("preview_import", json!({"text": huge}))
        .unwrap_err();
    assert_eq!(err["code"], "invalid_input", "{err}");

    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("binary.txt");
    std::fs::write(
        &binary,
        (0u8..=255).cycle().take(64 * 1024).collect::<Vec<u8>>(),
    )
    .unwrap();
    let err = app
        .invoke("preview_import_file", json!({"path": binary}))
        .unwrap_err();
    assert_eq!(err["code"], "unreadable_document", "{err}");
    assert_eq!(plan_titles(&app), before);
}

#[test]
fn a_file_in_gb18030_is_decoded_in_rust() {
    let app = TestApp::new();
    app.sign_in_admin();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan-gbk.txt");
    let (bytes, _, _) = encoding_rs::GB18030.encode(PASTE);
    std::fs::write(&path, &bytes).unwrap();
    let preview = app
        .invoke("preview_import_file", json!({"path": path}))
        .unwrap();
    assert_eq!(preview["file_name"], "plan-gbk.txt");
    assert!(preview.to_string().contains("体育产业总规模"));
}

#[test]
fn a_corrected_gazette_shows_its_changes_before_the_commit_and_updates_the_plan() {
    let app = TestApp::new();
    app.sign_in_admin();
    let preview = app
        .invoke("preview_import", json!({"text": PASTE}))
        .unwrap();
    app.invoke("commit_import", json!({"preview": preview}))
        .unwrap();
    let plans_before = plan_titles(&app).len();
    // The same gazette with its first target corrected.
    let mut corrected = app
        .invoke("preview_import", json!({"text": format!("{PASTE}\n")}))
        .unwrap();
    let first = &mut all_rows(&mut corrected)[0];
    let old_target = first["target_raw"].as_str().unwrap().to_string();
    first["target_raw"] = json!("999");
    let changes = app
        .invoke("preview_import_changes", json!({"preview": corrected}))
        .unwrap();
    assert_eq!(changes["same_document"], false);
    let change = &changes["plans"][0]["revisions"][0]["changed"][0]["changes"][0];
    assert_eq!(change["field"], "目标值");
    assert_eq!(change["old"], old_target.as_str());
    assert_eq!(change["new"], "999");
    let summary = app
        .invoke("commit_import", json!({"preview": corrected}))
        .unwrap();
    assert!(
        summary["message"]
            .as_str()
            .unwrap()
            .contains("更新指标 1 项"),
        "{summary}"
    );
    assert_eq!(plan_titles(&app).len(), plans_before, "no second plan");
}
