//! Settings through the IPC layer: a fixed "today" set by an administrator reaches the UI's
//! `today`; other users may read but not change settings; this computer's settings file.

use crate::ipc_support;

use ipc_support::TestApp;
use serde_json::json;

#[test]
fn a_fixed_today_set_by_an_administrator_is_what_today_answers() {
    let app = TestApp::new();
    if std::env::var_os("ZHIBIAO_TODAY").is_some() {
        return; // the environment fixes the date for the whole run
    }
    let t = app.invoke("today", json!({})).unwrap();
    assert_eq!(t["source"], "clock");
    app.sign_in_admin();
    let mut s = app.invoke("get_settings", json!({})).unwrap();
    assert!(s["fixed_today"].is_null());
    s["fixed_today"] = json!("2025-10-15");
    let saved = app
        .invoke("update_settings", json!({ "settings": s }))
        .unwrap();
    assert_eq!(saved["fixed_today"], "2025-10-15");
    let t = app.invoke("today", json!({})).unwrap();
    assert_eq!(
        (t["date"].clone(), t["source"].clone()),
        (json!("2025-10-15"), json!("setting"))
    );
}

#[test]
fn only_administrators_change_settings() {
    let app = TestApp::new();
    let e = app.invoke("get_settings", json!({})).unwrap_err();
    assert_eq!(e["code"], "unauthenticated");
    app.invoke("login", json!({"name": "manager", "password": "demo1234"}))
        .unwrap();
    let s = app.invoke("get_settings", json!({})).unwrap();
    let e = app
        .invoke("update_settings", json!({ "settings": s }))
        .unwrap_err();
    assert_eq!(e["code"], "forbidden");
    let m = app.invoke("get_machine_settings", json!({})).unwrap();
    let e = app
        .invoke("update_machine_settings", json!({ "settings": m }))
        .unwrap_err();
    assert_eq!(e["code"], "forbidden");
}

#[test]
fn machine_settings_are_kept_in_this_computers_file() {
    let app = TestApp::new();
    app.sign_in_admin();
    let m = app.invoke("get_machine_settings", json!({})).unwrap();
    assert!(m["server_url"].is_null());
    let new = json!({"server_url": "https://zhibiao.example.gov.cn", "server_cert_sha256": "ab12"});
    app.invoke("update_machine_settings", json!({ "settings": new }))
        .unwrap();
    assert_eq!(app.invoke("get_machine_settings", json!({})).unwrap(), new);
    assert!(app.db_path().join("settings.json").exists());
}
