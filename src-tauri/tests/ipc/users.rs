//! User administration through the IPC layer: an admin creates users, staff may not, and
//! the last active administrator cannot be disabled.

use crate::ipc_support;

use ipc_support::TestApp;
use serde_json::{json, Value};

fn user_named(app: &TestApp, name: &str) -> Option<Value> {
    let list = app.invoke("list_users", json!({})).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == name)
        .cloned()
}

#[test]
fn admin_creates_a_user_that_appears_in_the_list() {
    let app = TestApp::new();
    app.sign_in_admin();
    let departments = app.invoke("list_departments", json!({})).unwrap();
    let department = departments[0]["id"].as_i64().unwrap();
    let created = app
        .invoke(
            "create_user",
            json!({"input": {"name": "zhangsan", "password": "Chushi-2026!",
                             "role": "staff", "department_id": department}}),
        )
        .unwrap();
    let listed = user_named(&app, "zhangsan").expect("new user listed");
    assert_eq!(listed["id"], created["id"]);
    assert_eq!(listed["role"], "staff");
    assert_eq!(listed["department_id"], department);
    assert_eq!(listed["active"], true);
    assert_eq!(listed["must_change_password"], true);

    let promoted = app
        .invoke(
            "set_user_role",
            json!({"userId": created["id"], "role": "manager", "departmentId": null}),
        )
        .unwrap();
    assert_eq!(promoted["role"], "manager");
    let disabled = app
        .invoke(
            "set_user_active",
            json!({"userId": created["id"], "active": false}),
        )
        .unwrap();
    assert_eq!(disabled["active"], false);
}

#[test]
fn staff_cannot_create_users() {
    let app = TestApp::new();
    app.invoke("login", json!({"name": "staff1", "password": "demo1234"}))
        .expect("demo staff user");
    let err = app
        .invoke(
            "create_user",
            json!({"input": {"name": "lisi", "password": "Chushi-2026!",
                             "role": "admin", "department_id": null}}),
        )
        .unwrap_err();
    assert_eq!(err["code"], "forbidden", "{err}");
}

#[test]
fn the_last_admin_cannot_be_disabled() {
    let app = TestApp::new();
    app.sign_in_admin();
    let admins: Vec<Value> = app
        .invoke("list_users", json!({}))
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["role"] == "admin" && u["active"] == true)
        .cloned()
        .collect();
    assert_eq!(admins.len(), 1, "demo data has one admin: {admins:?}");
    let err = app
        .invoke(
            "set_user_active",
            json!({"userId": admins[0]["id"], "active": false}),
        )
        .unwrap_err();
    assert_eq!(err["code"], "conflict", "{err}");
    assert_eq!(user_named(&app, "admin").unwrap()["active"], true);
}
