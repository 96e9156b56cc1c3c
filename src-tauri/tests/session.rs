//! Sign-in, forced password change and errors through the IPC layer.

mod ipc_support;

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
    assert!(path.starts_with(app.db_path().to_str().unwrap()), "{path}");
}
