//! Roles, departments and the forced password change, enforced by the api whatever the
//! caller sends.

use crate::progress_fixture;

use progress_fixture::{build, input, PASSWORD};
use zhibiao::api::progress;
use zhibiao::api::session::{self, INITIAL_ADMIN_NAME, INITIAL_ADMIN_PASSWORD};
use zhibiao::api::users::{self, NewUserInput};
use zhibiao::api::{targets, ErrorCode};
use zhibiao::auth::Role;
use zhibiao::model::Period;

fn p(s: &str) -> Period {
    s.parse().unwrap()
}

#[test]
fn staff_cannot_touch_another_departments_indicators() {
    let mut f = build();
    let staff_a = f.login("staff_a");
    let err = progress::save_observation(&mut f.conn, &staff_a, &input(f.forest, "2025", "34"))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden);
    assert_eq!(f.stored_value(f.forest, "2025"), None);
    let err = progress::submit(&mut f.conn, &staff_a, f.dept_b, p("2025")).unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden);
    let err = progress::entry_grid(&f.conn, &staff_a, f.dept_b, p("2025")).unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden);
    let err = progress::save_measures(
        &mut f.conn,
        &staff_a,
        f.forest,
        p("2025"),
        Some("原因"),
        None,
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden);
    // Staff B can.
    let staff_b = f.login("staff_b");
    progress::save_observation(&mut f.conn, &staff_b, &input(f.forest, "2025", "34")).unwrap();
}

#[test]
fn staff_cannot_review_and_managers_cannot_enter_values() {
    let mut f = build();
    let staff = f.login("staff_a");
    let boss = f.login("boss");
    progress::save_observation(&mut f.conn, &staff, &input(f.urban, "2025", "57")).unwrap();
    progress::submit(&mut f.conn, &staff, f.dept_a, p("2025")).unwrap();
    for err in [
        progress::approve(&mut f.conn, &staff, f.dept_a, p("2025")).unwrap_err(),
        progress::return_with_reason(&mut f.conn, &staff, f.dept_a, p("2025"), "x").unwrap_err(),
        progress::reopen(&mut f.conn, &staff, f.dept_a, p("2025"), "x").unwrap_err(),
        targets::assign_target(
            &mut f.conn,
            &staff,
            f.energy,
            "下降13.5%",
            "2022-03-01",
            None,
        )
        .unwrap_err(),
        users::list_users(&f.conn, &staff).unwrap_err(),
    ] {
        assert_eq!(err.code, ErrorCode::Forbidden, "{err:?}");
    }
    let err =
        progress::save_observation(&mut f.conn, &boss, &input(f.jobs, "2024", "5")).unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden);
    // Managers see every department.
    assert!(progress::entry_grid(&f.conn, &boss, f.dept_b, p("2025")).is_ok());
    assert_eq!(
        users::list_users(&f.conn, &boss).unwrap_err().code,
        ErrorCode::Forbidden
    );
}

#[test]
fn a_hand_made_session_gains_nothing() {
    let mut f = build();
    let mut forged = f.login("staff_a");
    forged.role = Role::Manager;
    forged.department_id = Some(f.dept_b);
    // The api re-reads the user: still staff of department A.
    let err = progress::save_observation(&mut f.conn, &forged, &input(f.forest, "2025", "34"))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden);
    progress::save_observation(&mut f.conn, &forged, &input(f.urban, "2025", "57")).unwrap();
    progress::submit(&mut f.conn, &forged, f.dept_a, p("2025")).unwrap();
    assert_eq!(
        progress::approve(&mut f.conn, &forged, f.dept_a, p("2025"))
            .unwrap_err()
            .code,
        ErrorCode::Forbidden
    );
    forged.user_id = 999;
    assert_eq!(
        progress::entry_grid(&f.conn, &forged, f.dept_a, p("2025"))
            .unwrap_err()
            .code,
        ErrorCode::Unauthenticated
    );
}

#[test]
fn wrong_passwords_and_unknown_users_are_refused_alike() {
    let f = build();
    let a = session::login(&f.conn, "staff_a", "wrong").unwrap_err();
    let b = session::login(&f.conn, "nobody", PASSWORD).unwrap_err();
    assert_eq!(a.code, ErrorCode::Unauthenticated);
    assert_eq!(a, b);
}

#[test]
fn a_new_databases_admin_sets_its_first_password_on_first_use() {
    let mut conn = zhibiao::store::open_in_memory().unwrap();
    assert!(session::ensure_admin(&mut conn).unwrap());
    assert!(!session::ensure_admin(&mut conn).unwrap(), "only once");
    let first = session::first_run(&conn).unwrap();
    assert!(first.admin_needs_password);
    assert_eq!(first.admin_name, INITIAL_ADMIN_NAME);
    // No published password opens a real database.
    for guess in [INITIAL_ADMIN_PASSWORD, ""] {
        let err = session::login(&conn, INITIAL_ADMIN_NAME, guess).unwrap_err();
        assert_eq!(err.code, ErrorCode::Unauthenticated);
        assert!(err.message.contains("尚未设置密码"), "{}", err.message);
    }
    let weak = session::set_first_password(&mut conn, "123").unwrap_err();
    assert_eq!(weak.code, ErrorCode::InvalidInput);
    let s = session::set_first_password(&mut conn, "Shifan-2026!").unwrap();
    assert_eq!(s.role, Role::Admin);
    assert!(!s.must_change_password);
    assert_eq!(users::list_users(&conn, &s).unwrap().len(), 1);
    assert!(!session::first_run(&conn).unwrap().admin_needs_password);
    // Once set, nobody sets it again this way.
    let again = session::set_first_password(&mut conn, "Another-2026!").unwrap_err();
    assert_eq!(again.code, ErrorCode::Forbidden);
    assert!(session::login(&conn, INITIAL_ADMIN_NAME, "Shifan-2026!").is_ok());
    assert!(session::login(&conn, INITIAL_ADMIN_NAME, "Another-2026!").is_err());
}

/// A demo database's admin has the published demo password and must change it first.
#[test]
fn an_admin_with_the_published_demo_password_must_change_it_first() {
    let mut conn = zhibiao::store::open_in_memory().unwrap();
    assert!(zhibiao::demo::ensure_demo(&mut conn).unwrap());
    assert!(
        !session::ensure_admin(&mut conn).unwrap(),
        "the demo has its admin"
    );
    assert!(!session::first_run(&conn).unwrap().admin_needs_password);
    let s = session::login(&conn, INITIAL_ADMIN_NAME, INITIAL_ADMIN_PASSWORD).unwrap();
    assert!(s.must_change_password);
    assert_eq!(s.role, Role::Admin);
    let err = users::list_users(&conn, &s).unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden);
    assert_eq!(err.message, "请先修改初始密码");

    let weak = session::change_password(&mut conn, &s, INITIAL_ADMIN_PASSWORD, "123").unwrap_err();
    assert_eq!(weak.code, ErrorCode::InvalidInput);
    let wrong_old = session::change_password(&mut conn, &s, "nope", "better-password").unwrap_err();
    assert_eq!(wrong_old.code, ErrorCode::Unauthenticated);
    let s =
        session::change_password(&mut conn, &s, INITIAL_ADMIN_PASSWORD, "better-password").unwrap();
    assert!(!s.must_change_password);
    assert!(!users::list_users(&conn, &s).unwrap().is_empty());
    assert!(session::login(&conn, INITIAL_ADMIN_NAME, INITIAL_ADMIN_PASSWORD).is_err());
    assert!(session::login(&conn, INITIAL_ADMIN_NAME, "better-password").is_ok());
    let audit: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit_log WHERE entity = 'user' AND field = 'password'
             AND action = 'change_password'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audit, 1);
}

#[test]
fn admins_manage_users_and_keep_one_admin() {
    let mut f = build();
    let root = f.login("root");
    let new = NewUserInput {
        name: "li".into(),
        password: "initial-1".into(),
        role: Role::Staff,
        department_id: None,
    };
    assert_eq!(
        users::create_user(&mut f.conn, &root, &new)
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );
    let u = users::create_user(
        &mut f.conn,
        &root,
        &NewUserInput {
            department_id: Some(f.dept_b),
            ..new.clone()
        },
    )
    .unwrap();
    assert!(u.must_change_password);
    assert_eq!(
        users::create_user(
            &mut f.conn,
            &root,
            &NewUserInput {
                department_id: Some(1),
                ..new
            }
        )
        .unwrap_err()
        .code,
        ErrorCode::Conflict
    );

    // A new user must change the password before entering anything.
    let li = session::login(&f.conn, "li", "initial-1").unwrap();
    let err =
        progress::save_observation(&mut f.conn, &li, &input(f.forest, "2025", "34")).unwrap_err();
    assert_eq!(err.message, "请先修改初始密码");

    let moved =
        users::set_role_department(&mut f.conn, &root, u.id, Role::Staff, Some(f.dept_a)).unwrap();
    assert_eq!(moved.department_id, Some(f.dept_a));
    users::set_active(&mut f.conn, &root, u.id, false).unwrap();
    assert_eq!(
        session::login(&f.conn, "li", "initial-1").unwrap_err().code,
        ErrorCode::Unauthenticated
    );

    let me = f.login("root");
    let err = users::set_role_department(&mut f.conn, &root, me.user_id, Role::Manager, None)
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    let staff_a = f.login("staff_a").user_id;
    let reset = users::reset_password(&mut f.conn, &root, staff_a, "temp-pass-9").unwrap();
    assert!(reset.must_change_password);
    let user_changes: i64 = f
        .conn
        .query_row(
            "SELECT count(*) FROM audit_log WHERE entity = 'user' AND user_name = 'root'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(user_changes, 4, "create, move, deactivate, reset");
}
