//! The seam between commands and engine: every command goes through the backend, a test
//! double can stand in for the local engine, long rendering leaves other commands
//! answering, and a panic inside a call leaves the app usable.

use crate::ipc_support;

use std::time::Instant;

use ipc_support::{invoke, TestApp};
use serde_json::json;
use zhibiao::store::db::Sql;

#[test]
fn commands_go_through_the_backend_with_arguments_that_serialise() {
    let (app, double) = TestApp::with_loopback();
    app.sign_in_admin();
    let plans = app.invoke("list_plans", json!({})).unwrap();
    let id = plans[0]["id"].as_i64().unwrap();
    let detail = app.invoke("get_plan", json!({ "id": id })).unwrap();
    assert_eq!(
        detail["summary"]["id"], id,
        "the reply came back through JSON intact"
    );
    let e = app.invoke("get_plan", json!({ "id": 987654 })).unwrap_err();
    assert_eq!(e["code"], "not_found");
    assert_eq!(
        double.names(),
        [
            "login",
            "change_password",
            "list_plans",
            "get_plan",
            "get_plan"
        ]
    );
    let calls = double.calls.lock().unwrap();
    assert_eq!(
        calls[3].1,
        json!({ "id": id }),
        "arguments as a server would receive them"
    );
}

#[test]
fn a_quick_command_answers_while_a_report_renders() {
    let app = TestApp::new();
    app.sign_in_admin();
    let plans = app.invoke("list_plans", json!({})).unwrap();
    let year = plans[0]["baseline_year"].as_i64().unwrap() + 1;
    let path = app.db_path().join("report.pdf");
    let window = app.window.clone();
    let start = Instant::now();
    let report = std::thread::spawn(move || {
        let args = json!({"kind": "annual", "period": year.to_string(), "planId": null,
                          "departmentId": null, "path": path});
        let r = invoke(&window, "save_report", args);
        (r, Instant::now())
    });
    let mut answers = Vec::new();
    while !report.is_finished() {
        app.invoke("list_departments", json!({})).unwrap();
        answers.push(Instant::now());
    }
    let (r, done) = report.join().unwrap();
    r.expect("report rendered");
    let half = start + (done - start) / 2;
    // With the database held while Typst lays out and renders, no answer could arrive in the
    // second half of the report's time.
    assert!(
        answers.iter().any(|t| *t > half && *t < done),
        "{} answers, none in the second half of {:?}",
        answers.len(),
        done - start
    );
}

zhibiao_app::call!(HalfWriteThenPanic = "half_write_then_panic" {} -> (), |e, c| {
    let conn = e.db()?;
    let conn = conn.as_sqlite().expect("the local database is a file");
    conn.execute_batch("BEGIN; INSERT INTO departments(name) VALUES ('写了一半的部门');")?;
    panic!("a bug in the middle of a command");
});

#[test]
fn a_panic_inside_a_call_rolls_back_and_the_app_stays_usable() {
    let app = TestApp::local();
    app.sign_in_admin();
    let before = app.invoke("list_departments", json!({})).unwrap();
    let e = tauri::async_runtime::block_on(app.state().call(HalfWriteThenPanic {})).unwrap_err();
    assert_eq!(e.code, zhibiao::api::ErrorCode::Internal);
    let after = app.invoke("list_departments", json!({})).unwrap();
    assert_eq!(after, before, "the half-done write was rolled back");
    app.invoke("create_department", json!({"name": "新部门"}))
        .expect("writes work again");
}
