use std::cell::RefCell;

use super::*;
use crate::auth::Session;
use crate::store::db::Db;

fn signed_in_admin(db: &mut Db) -> Session {
    crate::api::session::ensure_admin(db).unwrap();
    crate::api::session::set_first_password(db, "Admin-pass-2026").unwrap()
}

#[test]
fn every_command_has_its_own_name() {
    let mut names = NAMES.to_vec();
    names.sort_unstable();
    names.dedup();
    assert_eq!(
        names.len(),
        NAMES.len(),
        "a name appears twice in the table"
    );
}

#[test]
fn every_write_is_a_command_and_every_command_that_changes_data_is_a_write() {
    for w in WRITES {
        assert!(NAMES.contains(w), "{w} is not in the table");
    }
    // Names that say they read; every other command must be listed as a write.
    let reads = [
        "list_",
        "get_",
        "preview_",
        "guess_",
        "read_",
        "cell_",
        "indicator_",
        "target_",
        "annual_",
        "dashboard_",
        "chart_",
        "changes",
        "generate_",
        "export_",
        "today",
        "require_",
        "plan_",
        "default_",
        "nearest_",
        "link_",
        "successor_",
        "current_",
        "save_chart_png",
        "import_xlsx_preview",
        "entry_grid",
    ];
    for name in NAMES {
        let read = reads.iter().any(|r| name.starts_with(r)) && !WRITES.contains(name);
        assert!(read || WRITES.contains(name), "{name}: a read or a write?");
    }
}

#[test]
fn a_command_run_by_name_gives_what_the_use_case_gives() {
    let mut db = Db::from(crate::store::open_in_memory().unwrap());
    let s = signed_in_admin(&mut db);
    let engine = OnConnection::new(&mut db, s.clone(), |_| {});
    let created = dispatch(
        &engine,
        "create_department",
        serde_json::json!({ "name": "市统计局" }),
    )
    .unwrap();
    assert_eq!(created["name"], "市统计局");
    let listed = dispatch(&engine, "list_departments", serde_json::json!({})).unwrap();
    let direct = crate::api::departments::list_departments(&*engine.db().unwrap()).unwrap();
    assert_eq!(listed, serde_json::to_value(direct).unwrap());
    assert!(listed
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["name"] == "市统计局"));
}

#[test]
fn unknown_names_and_wrong_arguments_are_refused_with_their_codes() {
    let mut db = Db::from(crate::store::open_in_memory().unwrap());
    let s = signed_in_admin(&mut db);
    let engine = OnConnection::new(&mut db, s, |_| {});
    let e = dispatch(&engine, "drop_everything", serde_json::json!({})).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
    let e = dispatch(&engine, "get_plan", serde_json::json!({ "id": "seven" })).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert!(e.message.contains("get_plan"), "{}", e.message);
}

#[test]
fn a_changed_password_is_remembered_by_the_engine_that_ran_it() {
    let mut db = Db::from(crate::store::open_in_memory().unwrap());
    let s = signed_in_admin(&mut db);
    let kept = RefCell::new(None);
    let engine = OnConnection::new(&mut db, s, |s| *kept.borrow_mut() = Some(s));
    dispatch(
        &engine,
        "change_password",
        serde_json::json!({ "old_password": "Admin-pass-2026", "new_password": "Other-pass-2027" }),
    )
    .unwrap();
    let kept = kept.into_inner().expect("the new session was handed back");
    assert_eq!(kept.map(|s| s.name), Some("admin".to_string()));
}

#[test]
fn the_rules_hold_when_a_command_is_run_by_name() {
    let mut db = Db::from(crate::store::open_in_memory().unwrap());
    let admin = signed_in_admin(&mut db);
    let engine = OnConnection::new(&mut db, admin.clone(), |_| {});
    let mut staff = admin;
    staff.role = crate::auth::Role::Staff;
    drop(engine);
    // A session object that claims less than the database says is re-read; one whose user
    // does not exist is refused.
    staff.user_id = 9999;
    let engine = OnConnection::new(&mut db, staff, |_| {});
    let e = dispatch(&engine, "list_plans", serde_json::json!({})).unwrap_err();
    assert_eq!(e.code, ErrorCode::Unauthenticated);
}
