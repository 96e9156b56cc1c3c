//! Sign-in, forced password change and errors through the IPC layer.

use crate::ipc_support;

use ipc_support::TestApp;
use serde_json::{json, Value};

#[test]
fn login_errors_cross_ipc_as_code_and_chinese_message() {
    let app = TestApp::new();
    let err = app
        .invoke("login", json!({"name": "admin", "password": "wrong"}))
        .unwrap_err();
    assert_eq!(err["code"], "unauthenticated");
    let message = err["message"].as_str().unwrap();
    assert!(
        message
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{message}"
    );
    assert_eq!(app.invoke("current_user", json!({})).unwrap(), Value::Null);
}

#[test]
fn first_run_admin_must_change_password_then_session_is_kept() {
    let app = TestApp::new();
    let s = app
        .invoke("login", json!({"name": "admin", "password": "admin"}))
        .unwrap();
    assert_eq!(s["role"], "admin");
    assert_eq!(s["must_change_password"], true);
    app.invoke(
        "change_password",
        json!({"oldPassword": "admin", "newPassword": "Zhibiao-2026!"}),
    )
    .unwrap();
    let current = app.invoke("current_user", json!({})).unwrap();
    assert_eq!(current["name"], "admin");
    assert_eq!(current["must_change_password"], false);
    app.invoke("logout", json!({})).unwrap();
    assert_eq!(app.invoke("current_user", json!({})).unwrap(), Value::Null);
}

#[test]
fn app_info_names_the_open_database() {
    let app = TestApp::new();
    let info = app.invoke("app_info", json!({})).unwrap();
    let path = info["db_path"].as_str().unwrap();
    if ipc_support::on_server() {
        assert!(
            path.starts_with("http://127.0.0.1:"),
            "the server's address: {path}"
        );
        return;
    }
    assert!(path.starts_with(app.db_path().to_str().unwrap()), "{path}");
}

#[test]
fn a_new_real_database_asks_for_the_admin_password_before_anyone_signs_in() {
    let app = TestApp::real();
    if ipc_support::on_server() {
        // The server's first administrator is made on the server (`serve --init-admin`).
        let e = app
            .invoke("set_first_password", json!({"password": "Shifan-2026!"}))
            .unwrap_err();
        assert_eq!(e["code"], "invalid_input");
        assert!(e["message"].as_str().unwrap().contains("服务器"), "{e}");
        return;
    }
    let first = app.invoke("first_run", json!({})).unwrap();
    assert_eq!(first["admin_needs_password"], true);
    assert_eq!(first["admin_name"], "admin");
    let err = app
        .invoke("login", json!({"name": "admin", "password": "admin"}))
        .unwrap_err();
    assert_eq!(err["code"], "unauthenticated");
    let weak = app
        .invoke("set_first_password", json!({"password": "123"}))
        .unwrap_err();
    assert_eq!(weak["code"], "invalid_input");
    let s = app
        .invoke("set_first_password", json!({"password": "Shifan-2026!"}))
        .unwrap();
    assert_eq!(s["role"], "admin");
    assert_eq!(s["must_change_password"], false);
    // Signed in: the administrator's pages answer; the demo plans are not there.
    let plans = app.invoke("list_plans", json!({})).unwrap();
    assert_eq!(plans.as_array().unwrap().len(), 0);
    let again = app
        .invoke("set_first_password", json!({"password": "Other-2026!x"}))
        .unwrap_err();
    assert_eq!(again["code"], "forbidden");
    assert_eq!(
        app.invoke("first_run", json!({})).unwrap()["admin_needs_password"],
        false
    );
}

#[test]
fn a_demo_database_has_no_first_password_step() {
    let app = TestApp::new();
    let first = app.invoke("first_run", json!({})).unwrap();
    assert_eq!(first["admin_needs_password"], false);
}

#[test]
fn at_first_run_the_demo_can_be_opened_instead_and_the_new_database_stays_empty() {
    let app = TestApp::real();
    if ipc_support::on_server() {
        let e = app.invoke("open_demo_database", json!({})).unwrap_err();
        assert_eq!(
            e["code"], "forbidden",
            "a server's database is never swapped for a demo"
        );
        return;
    }
    let path = app.invoke("open_demo_database", json!({})).unwrap();
    assert!(path.as_str().unwrap().ends_with("demo.db"), "{path}");
    assert_eq!(
        app.invoke("first_run", json!({})).unwrap()["admin_needs_password"],
        false
    );
    app.sign_in_admin();
    let plans = app.invoke("list_plans", json!({})).unwrap();
    assert!(!plans.as_array().unwrap().is_empty(), "the demo plans");
    let info = app.invoke("app_info", json!({})).unwrap();
    assert!(info["db_path"].as_str().unwrap().ends_with("demo.db"));
    // The new database was left as it was: no plans, admin still without a password.
    let conn = rusqlite::Connection::open(app.db_path().join("test.db")).unwrap();
    let plans: i64 = conn
        .query_row("SELECT count(*) FROM plans", [], |r| r.get(0))
        .unwrap();
    assert_eq!(plans, 0);
}

#[test]
fn once_a_database_is_in_use_the_demo_is_not_offered() {
    let app = TestApp::real();
    if ipc_support::on_server() {
        let err = app.invoke("open_demo_database", json!({})).unwrap_err();
        assert_eq!(err["code"], "forbidden");
        return;
    }
    app.invoke("set_first_password", json!({"password": "Shifan-2026!"}))
        .unwrap();
    let err = app.invoke("open_demo_database", json!({})).unwrap_err();
    assert_eq!(err["code"], "forbidden");
}
