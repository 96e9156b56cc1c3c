//! Departments through the IPC layer: create, rename, assign one lead and supporting ones;
//! only an administrator may change them.

use crate::ipc_support;

use ipc_support::TestApp;
use serde_json::{json, Value};

fn first_indicator(app: &TestApp) -> i64 {
    let plans = app.invoke("list_plans", json!({})).unwrap();
    let plan_id = plans[0]["id"].as_i64().unwrap();
    let detail = app.invoke("get_plan", json!({"id": plan_id})).unwrap();
    detail["tables"][0]["categories"][0]["indicators"][0]["id"]
        .as_i64()
        .unwrap()
}

fn department_named(app: &TestApp, name: &str) -> Option<Value> {
    let list = app.invoke("list_departments", json!({})).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == name)
        .cloned()
}

#[test]
fn admin_creates_renames_and_assigns_departments() {
    let app = TestApp::new();
    app.sign_in_admin();
    let created = app
        .invoke("create_department", json!({"name": "  市体育局 "}))
        .unwrap();
    let id = created["id"].as_i64().unwrap();
    assert_eq!(created["name"], "市体育局");
    app.invoke(
        "rename_department",
        json!({"id": id, "name": "市文化广电和旅游局"}),
    )
    .unwrap();
    assert!(department_named(&app, "市体育局").is_none());
    let helper = app
        .invoke("create_department", json!({"name": "市体育总会"}))
        .unwrap();
    let helper_id = helper["id"].as_i64().unwrap();

    let indicator = first_indicator(&app);
    let view = app
        .invoke(
            "assign_indicator",
            json!({"indicatorId": indicator, "leadId": id, "supportingIds": [helper_id, id]}),
        )
        .unwrap();
    assert_eq!(view["lead_department"], "市文化广电和旅游局");
    // The lead is never also listed as supporting.
    let supporting: Vec<i64> = view["supporting_departments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_i64().unwrap())
        .collect();
    assert_eq!(supporting, vec![helper_id]);
    let renamed = department_named(&app, "市文化广电和旅游局").unwrap();
    assert_eq!(renamed["lead_count"], 1);

    let err = app
        .invoke("create_department", json!({"name": "   "}))
        .unwrap_err();
    assert_eq!(err["code"], "invalid_input", "{err}");
}

#[test]
fn staff_cannot_change_departments_through_ipc() {
    let app = TestApp::new();
    app.invoke("login", json!({"name": "staff1", "password": "demo1234"}))
        .expect("demo staff user");
    let err = app
        .invoke("create_department", json!({"name": "市体育局"}))
        .unwrap_err();
    assert_eq!(err["code"], "forbidden", "{err}");
    assert!(department_named(&app, "市体育局").is_none());
}
