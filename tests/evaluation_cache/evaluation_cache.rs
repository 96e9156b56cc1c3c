//! The evaluation cache (`api::evaluation_cache`) behind the dashboard and the period pickers
//! never answers with what the data or the day no longer say: after a value, a target, a
//! plan or "today" changes — through this program, through another connection, or by plain
//! SQL — the page equals the uncached status report of the same day.
//!
//! The cache belongs to the process, so these tests take turns: one test's database must not
//! push another's out of it in the middle of what that one checks.

use crate::cache_support;
use chrono::NaiveDate;
use zhibiao::api::dashboard::{dashboard_on, DashboardPage, DashboardQuery, MAX_PAGE};
use zhibiao::api::lifecycle::{default_period, PeriodGranularity, PeriodSelection};
use zhibiao::api::status::{status_on, StatusFilter};
use zhibiao::model::{Attribute, Period};
use zhibiao::store::{self, Actor, Sql};
use zhibiao::{api, args};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

fn demo_in_memory() -> rusqlite::Connection {
    let mut conn = store::open_in_memory().unwrap();
    zhibiao::demo::ensure_demo(&mut conn).unwrap();
    conn
}

fn demo_file(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("demo.db");
    let mut conn = store::open(&path).unwrap();
    zhibiao::demo::ensure_demo(&mut conn).unwrap();
    path
}

fn page(conn: &impl Sql, period: Period, day: NaiveDate) -> DashboardPage {
    let mut q = DashboardQuery::new(period, MAX_PAGE);
    q.with_gap_chart = true;
    dashboard_on(conn, &q, day).unwrap()
}

/// The page agrees with the status report computed without any cache.
fn assert_fresh(conn: &impl Sql, period: Period, day: NaiveDate) -> DashboardPage {
    let p = page(conn, period, day);
    let report = status_on(conn, period, &StatusFilter::default(), day).unwrap();
    assert_eq!(p.counts, report.overall, "counts are the report's");
    assert_eq!(p.rows_total as usize, report.rows.len());
    let shown = p.rows.len();
    let key =
        |r: &api::status::StatusRow| (r.status.indicator_id, r.status.label, r.reason.clone());
    assert_eq!(
        p.rows.iter().map(key).collect::<Vec<_>>(),
        report.rows.iter().take(shown).map(key).collect::<Vec<_>>(),
        "the page is the head of the report's list"
    );
    p
}

/// A binding indicator with values at `period` in the demo, and its label there.
fn lagging_binding(conn: &impl Sql, period: Period) -> i64 {
    let report = status_on(conn, period, &StatusFilter::default(), today()).unwrap();
    report
        .rows
        .iter()
        .find(|r| r.attribute == Some(Attribute::Binding) && r.status.label.is_lagging())
        .expect("the demo has lagging binding indicators")
        .status
        .indicator_id
}

#[test]
fn a_value_removed_by_plain_sql_on_another_connection_shows_at_once() {
    let _turn = cache_support::turn();
    let dir = tempfile::tempdir().unwrap();
    let path = demo_file(&dir);
    let app = store::open(&path).unwrap();
    let period: Period = "2026Q3".parse().unwrap();
    let before = assert_fresh(&app, period, today());
    let id = lagging_binding(&app, period);
    // Another program on the same file: no call of ours knows about it, the triggers do.
    let other = rusqlite::Connection::open(&path).unwrap();
    let n = other
        .execute("DELETE FROM observations WHERE indicator_id = ?1", [id])
        .unwrap();
    assert!(n > 0);
    let after = assert_fresh(&app, period, today());
    assert_ne!(before.counts, after.counts, "the indicator left 滞后");
    assert!(after.warnings.iter().all(|r| r.status.indicator_id != id));
}

#[test]
fn a_revised_target_changes_the_next_page() {
    let _turn = cache_support::turn();
    let mut conn = demo_in_memory();
    let period: Period = "2026Q3".parse().unwrap();
    let before = assert_fresh(&conn, period, today());
    let id = lagging_binding(&conn, period);
    let row = before
        .rows
        .iter()
        .find(|r| r.status.indicator_id == id)
        .unwrap()
        .clone();
    // A target that is already met: whatever the direction, the label leaves 滞后.
    let reached = row
        .status
        .actual
        .or(row.status.baseline)
        .expect("a lagging indicator has a figure");
    let target = zhibiao::grammar::parse_value(&format!("{reached}"));
    let tx = conn.transaction().unwrap();
    store::targets::add_revision(&tx, &Actor::system(), id, &target, "2026-01-01", None, None)
        .unwrap();
    tx.commit().unwrap();
    let after = assert_fresh(&conn, period, today());
    let now = after
        .rows
        .iter()
        .find(|r| r.status.indicator_id == id)
        .unwrap();
    assert_eq!(now.target_raw.as_deref(), Some(target.raw.as_str()));
    assert_ne!(before.counts, after.counts);
}

#[test]
fn another_day_is_evaluated_for_that_day() {
    let _turn = cache_support::turn();
    let conn = demo_in_memory();
    let period: Period = "2025".parse().unwrap();
    let in_2026 = assert_fresh(&conn, period, today());
    let in_2025 = assert_fresh(&conn, period, NaiveDate::from_ymd_opt(2025, 6, 30).unwrap());
    // On 2026-11-30 the 十四五 plans have ended; in mid-2025 they were running.
    let phases = |p: &DashboardPage| p.rows.iter().map(|r| r.phase).collect::<Vec<_>>();
    assert_ne!(phases(&in_2026), phases(&in_2025));
    let sel = PeriodSelection {
        plan_id: None,
        department_id: None,
        granularity: PeriodGranularity::Any,
    };
    let d1 = default_period(&conn, &sel, today()).unwrap();
    let d2 = default_period(&conn, &sel, NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()).unwrap();
    assert_ne!(d1.period, d2.period);
}

#[test]
fn a_transaction_sees_its_own_writes_and_a_rollback_leaves_the_old_page() {
    let _turn = cache_support::turn();
    let mut conn = demo_in_memory();
    let period: Period = "2026Q3".parse().unwrap();
    let before = assert_fresh(&conn, period, today());
    let id = lagging_binding(&conn, period);
    let tx = conn.transaction().unwrap();
    tx.execute(
        "DELETE FROM observations WHERE indicator_id = ?1",
        args![id],
    )
    .unwrap();
    let inside = assert_fresh(&tx, period, today());
    assert_ne!(
        before.counts, inside.counts,
        "the transaction's own write shows inside it"
    );
    tx.rollback().unwrap();
    let after = assert_fresh(&conn, period, today());
    assert_eq!(before, after);
}

#[test]
fn the_opening_period_follows_new_values() {
    let _turn = cache_support::turn();
    let conn = demo_in_memory();
    let sel = PeriodSelection {
        plan_id: None,
        department_id: None,
        granularity: PeriodGranularity::Year,
    };
    let uncached = |c: &rusqlite::Connection| {
        // Inside a transaction nothing is cached: the reference answer.
        let tx = c.unchecked_transaction().unwrap();
        let d = default_period(&tx, &sel, today()).unwrap();
        tx.rollback().unwrap();
        d
    };
    let before = default_period(&conn, &sel, today()).unwrap();
    assert_eq!(before, uncached(&conn));
    // Every value of the latest year with data removed: the picker opens on an earlier one.
    let year = match before.period {
        Period::Year(y) => y,
        Period::Quarter(y, _) => y,
    };
    let n = Sql::execute(
        &conn,
        "DELETE FROM observations WHERE period LIKE ?1",
        args![format!("{year}%")],
    )
    .unwrap();
    assert!(n > 0);
    let after = default_period(&conn, &sel, today()).unwrap();
    assert_eq!(after, uncached(&conn));
    assert_ne!(before.period, after.period);
}

#[test]
fn a_plans_or_a_departments_rows_cut_from_every_plans_are_their_own_evaluation() {
    let _turn = cache_support::turn();
    let conn = demo_in_memory();
    let period: Period = "2026Q3".parse().unwrap();
    let every =
        api::evaluation_cache::evaluated_scope(&conn, period, &StatusFilter::default(), today())
            .unwrap();
    let plans: std::collections::BTreeSet<i64> = every.rows.iter().map(|r| r.plan_id).collect();
    let departments: std::collections::BTreeSet<Option<i64>> =
        every.rows.iter().map(|r| r.department_id).collect();
    assert!(plans.len() > 1 && departments.len() > 1);
    let mut scopes: Vec<StatusFilter> = plans
        .iter()
        .map(|&id| StatusFilter {
            plan_id: Some(id),
            ..StatusFilter::default()
        })
        .collect();
    scopes.extend(departments.iter().flatten().map(|&id| StatusFilter {
        department_id: Some(id),
        ..StatusFilter::default()
    }));
    for scope in &scopes {
        let before = api::evaluation_cache::sources();
        let cut = api::evaluation_cache::evaluated_scope(&conn, period, scope, today()).unwrap();
        let now = api::evaluation_cache::sources();
        assert_eq!(
            (now.memory - before.memory, now.evaluated - before.evaluated),
            (1, 0),
            "cut from every plan's, not evaluated: {scope:?}"
        );
        let own = api::status::evaluate_rows(&conn, period, scope, today()).unwrap();
        assert!(!own.is_empty());
        assert_eq!(cut.rows, own, "{scope:?}");
    }
    let unknown = StatusFilter {
        plan_id: Some(999_999),
        ..StatusFilter::default()
    };
    let e = api::evaluation_cache::evaluated_scope(&conn, period, &unknown, today()).unwrap_err();
    assert_eq!(e.code, api::ErrorCode::NotFound);
}

#[test]
fn the_plan_list_follows_a_plan_renamed_and_an_indicator_removed() {
    let _turn = cache_support::turn();
    let conn = demo_in_memory();
    let first = api::plans::list_plans(&conn).unwrap();
    assert_eq!(api::plans::list_plans(&conn).unwrap(), first);
    let plan = &first[0];
    Sql::execute(
        &conn,
        "UPDATE plans SET title = '改名后的规划' WHERE id = ?1",
        args![plan.plan.id],
    )
    .unwrap();
    Sql::execute(
        &conn,
        "DELETE FROM indicators WHERE id = (SELECT min(id) FROM indicators WHERE plan_id = ?1)",
        args![plan.plan.id],
    )
    .unwrap();
    let after = api::plans::list_plans(&conn).unwrap();
    assert_eq!(after, store::plans::list(&conn).unwrap());
    let renamed = after.iter().find(|p| p.plan.id == plan.plan.id).unwrap();
    assert_eq!(renamed.plan.title, "改名后的规划");
    assert_eq!(renamed.table_count, plan.table_count, "no table removed");
    assert_eq!(
        renamed.indicator_count + renamed.review_count + 1,
        plan.indicator_count + plan.review_count
    );
}
