//! The demo database carries users, values and workflow states derived from the plans.

use crate::progress_fixture;
use zhibiao::demo::progress::{demo_staff_name, DEMO_MANAGER, DEMO_PASSWORD};

use zhibiao::api::{progress, session};
use zhibiao::auth::Role;
use zhibiao::demo;
use zhibiao::demo::progress::seed_as_of;
use zhibiao::model::Period;
use zhibiao::progress::validation::Severity;
use zhibiao::progress::State;

#[test]
fn demo_users_can_log_in_and_find_values_to_work_with() {
    let mut conn = zhibiao::store::open_in_memory().unwrap();
    assert!(demo::ensure_demo(&mut conn).unwrap());

    let manager = session::login(&conn, DEMO_MANAGER, DEMO_PASSWORD).unwrap();
    assert_eq!(manager.role, Role::Manager);
    assert!(!manager.must_change_password);
    let admin = session::login(
        &conn,
        session::INITIAL_ADMIN_NAME,
        session::INITIAL_ADMIN_PASSWORD,
    )
    .unwrap();
    assert!(admin.must_change_password);

    // The department with the most observations, and its latest annual period.
    let (department_id, year): (i64, i32) = conn
        .query_row(
            "SELECT i.lead_department_id, max(CAST(o.period AS INTEGER)) FROM observations o
             JOIN indicators i ON i.id = o.indicator_id WHERE length(o.period) = 4
             GROUP BY i.lead_department_id ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let staff = session::login(&conn, &demo_staff_name(department_id), DEMO_PASSWORD).unwrap();
    assert_eq!(staff.department_id, Some(department_id));
    let grid = progress::entry_grid(&conn, &staff, department_id, Period::Year(year)).unwrap();
    let filled: Vec<_> = grid.rows.iter().filter(|r| r.current.is_some()).collect();
    assert!(!filled.is_empty());
    assert_eq!(
        grid.submission.state,
        State::Approved,
        "completed years are approved"
    );
    assert!(!grid.can_edit);
    // Demo values respect the validation rules (needs-note issues carry their note).
    for row in &filled {
        assert!(
            row.issues.iter().all(|i| i.severity != Severity::Error),
            "{}: {:?}",
            row.name,
            row.issues
        );
        assert!(
            row.issues.iter().all(|i| i.resolved),
            "{}: {:?}",
            row.name,
            row.issues
        );
    }
    let flows: i64 = conn
        .query_row("SELECT count(*) FROM indicators WHERE flow = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(flows > 0, "flow indicators are marked");
}

#[test]
fn values_follow_the_plan_years_and_the_completed_quarters() {
    let mut f = progress_fixture::build();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 8, 15).unwrap();
    let tx = f.conn.transaction().unwrap();
    seed_as_of(&tx, today).unwrap();
    tx.commit().unwrap();
    let periods = |ind: i64| -> Vec<String> {
        let mut st = f
            .conn
            .prepare("SELECT period FROM observations WHERE indicator_id = ?1 ORDER BY period")
            .unwrap();
        st.query_map([ind], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    // The fixture plan runs 2020 → 2025: annual values 2021–2025, then 2026 Q1 and Q2 (Q3 is
    // not over on 15 August). Q2 of 2026 is the open quarter; earlier periods are approved.
    assert_eq!(
        periods(f.urban),
        ["2021", "2022", "2023", "2024", "2025", "2026Q1", "2026Q2"]
    );
    assert_eq!(
        periods(f.forest)[..5],
        ["2021", "2022", "2023", "2024", "2025"]
    );
    // Qualitative: a status; pending target: no line to draw, no values.
    assert!(
        zhibiao::store::observations::get(&f.conn, f.farmland, Period::Year(2023))
            .unwrap()
            .unwrap()
            .status
            .is_some()
    );
    assert!(periods(f.energy).is_empty());
    let manager = session::login(&f.conn, DEMO_MANAGER, DEMO_PASSWORD).unwrap();
    let state = |p: &str| {
        progress::submission(&f.conn, &manager, f.dept_a, p.parse().unwrap())
            .unwrap()
            .state
    };
    assert_eq!(state("2025"), State::Approved);
    assert_eq!(state("2026Q1"), State::Approved);
    assert_eq!(state("2026Q2"), State::Draft);
    // The values move from the baseline towards the target.
    let v = |p: &str| f.stored_value(f.urban, p).unwrap();
    assert!(v("2021") > 51.2 * 0.98 && v("2025") > v("2021") && v("2025") <= 58.0 * 1.02);
}
