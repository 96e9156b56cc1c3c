//! Progress entry through the IPC layer with the demo users: the backend enforces roles,
//! departments and the workflow whatever the UI shows.

use crate::ipc_support;

use ipc_support::TestApp;
use serde_json::{json, Value};

// The demo accounts of src/demo/progress.rs.
const PASSWORD: &str = "demo1234";

fn sign_in(app: &TestApp, name: &str) -> Value {
    app.invoke("login", json!({"name": name, "password": PASSWORD}))
        .unwrap_or_else(|e| panic!("{name} login: {e}"))
}

/// A quarter inside the earliest plan, derived from the data (never a fixed year).
fn quarter_in_a_plan(app: &TestApp) -> String {
    let plans = app.invoke("list_plans", json!({})).unwrap();
    let first = plans
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["baseline_year"].as_i64())
        .min()
        .expect("a plan with a baseline year");
    // The second year, so each indicator has the first year's value before it.
    format!("{}Q2", first + 2)
}

fn grid(app: &TestApp, department_id: i64, period: &str) -> Value {
    app.invoke(
        "entry_grid",
        json!({"departmentId": department_id, "period": period}),
    )
    .unwrap_or_else(|e| panic!("entry_grid {department_id} {period}: {e}"))
}

/// A numeric row and a value that passes the checks (its latest value, or its baseline).
fn numeric_row(g: &Value) -> (i64, String) {
    let row = g["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["qualitative"] == false && r["last"]["value"].is_number())
        .expect("a numeric row with an earlier value");
    (
        row["indicator_id"].as_i64().unwrap(),
        row["last"]["value"].as_f64().unwrap().to_string(),
    )
}

fn save(app: &TestApp, indicator_id: i64, period: &str, value: &str) -> Result<Value, Value> {
    app.invoke(
        "save_observation",
        json!({"input": {"indicator_id": indicator_id, "period": period, "value": value, "note": "测试"}}),
    )
}

fn code(e: Value) -> String {
    e["code"].as_str().unwrap_or_default().to_string()
}

#[test]
fn staff_edit_only_their_department_and_approval_locks_the_period() {
    let app = TestApp::new();
    let staff = sign_in(&app, "staff1");
    let own = staff["department_id"]
        .as_i64()
        .expect("staff has a department");
    let period = quarter_in_a_plan(&app);

    let g = grid(&app, own, &period);
    assert_eq!(g["can_edit"], true, "{}", g["submission"]);
    let (mine, value) = numeric_row(&g);
    let saved = save(&app, mine, &period, &value).expect("staff saves own value");
    assert_eq!(saved["state"], "draft");

    // Another department's indicator, found as the manager sees it.
    sign_in(&app, "manager");
    let departments = app.invoke("list_departments", json!({})).unwrap();
    let (other_dept, theirs) = departments
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["id"].as_i64())
        .filter(|&d| d != own)
        .find_map(|d| {
            let rows = grid(&app, d, &period)["rows"].clone();
            rows.as_array()?
                .first()
                .map(|r| (d, r["indicator_id"].as_i64().unwrap()))
        })
        .expect("another department with indicators");
    // A manager reviews but never enters values.
    assert_eq!(
        code(save(&app, mine, &period, &value).unwrap_err()),
        "forbidden"
    );

    sign_in(&app, "staff1");
    assert_eq!(
        code(save(&app, theirs, &period, "1").unwrap_err()),
        "forbidden"
    );
    let denied = app
        .invoke(
            "entry_grid",
            json!({"departmentId": other_dept, "period": period}),
        )
        .unwrap_err();
    assert_eq!(code(denied), "forbidden");
    let not_staff_review = app
        .invoke(
            "approve_period",
            json!({"departmentId": own, "period": period}),
        )
        .unwrap_err();
    assert_eq!(code(not_staff_review), "forbidden");

    let submitted = app
        .invoke(
            "submit_period",
            json!({"departmentId": own, "period": period}),
        )
        .unwrap();
    assert_eq!(submitted["state"], "submitted");
    assert_eq!(
        code(save(&app, mine, &period, &value).unwrap_err()),
        "locked"
    );

    sign_in(&app, "manager");
    let approved = app
        .invoke(
            "approve_period",
            json!({"departmentId": own, "period": period}),
        )
        .unwrap();
    assert_eq!(approved["state"], "approved");

    sign_in(&app, "staff1");
    assert_eq!(
        code(save(&app, mine, &period, &value).unwrap_err()),
        "locked"
    );
    assert_eq!(grid(&app, own, &period)["can_edit"], false);

    // Reopening needs a reason, and is recorded.
    sign_in(&app, "manager");
    let no_reason = app
        .invoke(
            "reopen_period",
            json!({"departmentId": own, "period": period, "reason": " "}),
        )
        .unwrap_err();
    assert_eq!(code(no_reason), "invalid_input");
    let reopened = app
        .invoke(
            "reopen_period",
            json!({"departmentId": own, "period": period, "reason": "统计局修订数据"}),
        )
        .unwrap();
    assert_eq!(reopened["state"], "draft");
    assert_eq!(reopened["reason"], "统计局修订数据");

    sign_in(&app, "staff1");
    save(&app, mine, &period, &value).expect("editable again after reopening");
    let history = app
        .invoke(
            "cell_history",
            json!({"indicatorId": mine, "period": period}),
        )
        .unwrap();
    let entries = history.as_array().unwrap();
    assert!(
        entries.iter().any(|e| e["user_name"] == "staff1"
            && e["new_value"]
                .as_str()
                .is_some_and(|v| v.contains(value.trim_end_matches(".0")))),
        "{history}"
    );
}

#[test]
fn reading_status_and_charts_needs_a_signed_in_user() {
    let app = TestApp::new();
    let period = {
        sign_in(&app, "manager");
        quarter_in_a_plan(&app)
    };
    let query = json!({"query": {"period": period, "plan_id": null, "department_id": null,
        "attribute": null, "labels": [], "offset": 0, "limit": 20, "with_gap_chart": true}});
    let page = app.invoke("dashboard_page", query.clone()).unwrap();
    let rows = page["rows"].as_array().unwrap();
    assert!(!rows.is_empty() && rows.len() <= 20, "{page}");
    assert!(page["rows_total"].as_u64().unwrap() >= rows.len() as u64);
    assert!(page["gap_svg"].as_str().unwrap().contains("<svg"));
    let svg = app
        .invoke("chart_svg", json!({"kind": "gap", "period": period}))
        .unwrap();
    assert!(svg.as_str().unwrap().contains("<svg"));

    app.invoke("logout", json!({})).unwrap();
    let err = app.invoke("dashboard_page", query).unwrap_err();
    assert_eq!(code(err), "unauthenticated");
    let err = app
        .invoke(
            "save_chart_png",
            json!({"kind": "gap", "period": period, "path": "/tmp/x.txt"}),
        )
        .unwrap_err();
    assert_eq!(code(err), "invalid_input");
}
