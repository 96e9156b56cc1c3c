//! Statuses in memory brought forward after values are saved (`ValuesWritten`): the next
//! read answers from memory, by the saved values' plans read again, exactly as a fresh
//! evaluation of every plan; a write by anyone else, or a save refused, is never mistaken for
//! one of ours.
//!
//! The cache belongs to the process, so these tests take turns.

use crate::cache_support;

use cache_support::{same, since};
use chrono::NaiveDate;
use rusqlite::Connection;
use zhibiao::api::evaluation_cache::{self, sources, Sources};
use zhibiao::api::progress::{self, ObservationInput};
use zhibiao::api::session;
use zhibiao::api::status::{evaluate_rows, StatusFilter, StatusRow};
use zhibiao::model::Period;
use zhibiao::store::{self, series};

const TODAY: &str = "2026-11-30";

fn today() -> NaiveDate {
    TODAY.parse().unwrap()
}

fn period() -> Period {
    "2026Q3".parse().unwrap()
}

struct Setup {
    _turn: std::sync::MutexGuard<'static, ()>,
    _dir: tempfile::TempDir,
    db: std::path::PathBuf,
    conn: Connection,
}

/// This test's turn and a demo database file, with nothing in memory.
fn setup() -> Setup {
    let turn = cache_support::turn();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let mut conn = store::open(&db).unwrap();
    zhibiao::demo::ensure_demo(&mut conn).unwrap();
    evaluation_cache::forget();
    Setup {
        _turn: turn,
        _dir: dir,
        db,
        conn,
    }
}

/// A numeric indicator of a running plan with no 2026Q3 value yet but a Q2 one: its
/// department's staff may fill it in, and the value changes its status.
fn empty_cell(conn: &Connection) -> (i64, i64, i64, f64) {
    conn.query_row(
        "SELECT i.id, i.plan_id, i.lead_department_id, q2.value
         FROM indicators i
         JOIN plans p ON p.id = i.plan_id
         JOIN observations q2 ON q2.indicator_id = i.id AND q2.period = '2026Q2'
         WHERE p.period_end >= 2026 AND i.lead_department_id IS NOT NULL
           AND q2.value IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM observations o
                           WHERE o.indicator_id = i.id AND o.period = '2026Q3')
         ORDER BY i.id LIMIT 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )
    .unwrap()
}

fn staff(conn: &Connection, department: i64) -> zhibiao::auth::Session {
    session::login(
        conn,
        &zhibiao::demo::progress::demo_staff_name(department),
        zhibiao::demo::progress::DEMO_PASSWORD,
    )
    .unwrap()
}

fn input(indicator: i64, value: Option<String>) -> ObservationInput {
    ObservationInput {
        indicator_id: indicator,
        period: period(),
        value,
        status: None,
        evidence: None,
        note: Some("测试".into()),
        source: None,
        vintage: None,
        expected_version: None,
    }
}

fn scope(conn: &Connection, filter: &StatusFilter) -> Vec<StatusRow> {
    evaluation_cache::evaluated_scope(conn, period(), filter, today())
        .unwrap()
        .rows
        .clone()
}

fn fresh(conn: &Connection, filter: &StatusFilter) -> Vec<StatusRow> {
    evaluate_rows(conn, period(), filter, today()).unwrap()
}

fn row_of(rows: &[StatusRow], indicator: i64) -> &StatusRow {
    rows.iter()
        .find(|r| r.status.indicator_id == indicator)
        .unwrap()
}

#[test]
fn a_saved_value_brings_every_scope_forward_by_its_plan_alone() {
    let mut s = setup();
    let (indicator, plan, department, q2) = empty_cell(&s.conn);
    let every = StatusFilter::default();
    let one_plan = StatusFilter {
        plan_id: Some(plan),
        ..StatusFilter::default()
    };
    evaluation_cache::load_series(&s.conn).unwrap();
    let old = scope(&s.conn, &every);
    scope(&s.conn, &one_plan);
    assert_eq!(
        row_of(&old, indicator).status.actual_period,
        Some("2026Q2".parse().unwrap())
    );

    let who = staff(&s.conn, department);
    let before = sources();
    let value = format!("{q2}");
    progress::save_observation(&mut s.conn, &who, &input(indicator, Some(value))).unwrap();
    assert_eq!(since(before).patched, 1, "brought forward, not dropped");

    let before = sources();
    let every_now = scope(&s.conn, &every);
    let plan_now = scope(&s.conn, &one_plan);
    assert_eq!(
        since(before),
        Sources {
            memory: 2,
            ..Sources::default()
        },
        "both scopes from memory"
    );
    assert_eq!(
        row_of(&every_now, indicator).status.actual_period,
        Some(period()),
        "the saved value is judged"
    );
    same(&every_now, &fresh(&s.conn, &every));
    same(&plan_now, &fresh(&s.conn, &one_plan));
    // The periods that hold data, as the database says them.
    let periods = |p: Vec<series::PlanPeriods>| -> Vec<(i64, Vec<Period>)> {
        p.into_iter().map(|p| (p.plan.id, p.periods)).collect()
    };
    assert_eq!(
        periods(evaluation_cache::periods_with_data(&s.conn, None, None).unwrap()),
        periods(series::periods_with_data(&s.conn, None, None).unwrap())
    );

    // Cleared again: the cell is gone, and so is its status.
    let before = sources();
    progress::save_observation(&mut s.conn, &who, &input(indicator, None)).unwrap();
    assert_eq!(since(before).patched, 1);
    let cleared = scope(&s.conn, &every);
    assert_eq!(since(before).evaluated, 0);
    same(&cleared, &fresh(&s.conn, &every));
    same(&cleared, &old);
}

#[test]
fn a_write_by_anyone_else_is_never_taken_for_ours() {
    let mut s = setup();
    let (indicator, _, department, q2) = empty_cell(&s.conn);
    let every = StatusFilter::default();
    evaluation_cache::load_series(&s.conn).unwrap();
    scope(&s.conn, &every);

    // Another program on the same file changes a value of another plan.
    let other = store::open(&s.db).unwrap();
    let changed = other
        .execute(
            "UPDATE observations SET value = value + 1
             WHERE id = (SELECT o.id FROM observations o JOIN indicators i ON i.id = o.indicator_id
                         WHERE o.value IS NOT NULL AND i.plan_id != (SELECT plan_id FROM indicators WHERE id = ?1)
                         ORDER BY o.id LIMIT 1)",
            [indicator],
        )
        .unwrap();
    assert_eq!(changed, 1);

    let who = staff(&s.conn, department);
    let before = sources();
    let value = format!("{q2}");
    progress::save_observation(&mut s.conn, &who, &input(indicator, Some(value))).unwrap();
    let now = scope(&s.conn, &every);
    assert_eq!(
        since(before),
        Sources {
            evaluated: 1,
            ..Sources::default()
        },
        "the memory was behind the token before the save: evaluated anew"
    );
    same(&now, &fresh(&s.conn, &every));
}

#[test]
fn a_refused_block_leaves_the_memory_as_it_was() {
    let mut s = setup();
    let (indicator, _, department, q2) = empty_cell(&s.conn);
    let every = StatusFilter::default();
    evaluation_cache::load_series(&s.conn).unwrap();
    let old = scope(&s.conn, &every);

    let who = staff(&s.conn, department);
    let before = sources();
    let block = [
        input(indicator, Some(format!("{q2}"))),
        input(indicator, Some("不是数字".into())),
    ];
    let out = progress::save_observations(&mut s.conn, &who, &block).unwrap();
    assert!(!out.committed);
    let now = scope(&s.conn, &every);
    assert_eq!(
        since(before),
        Sources {
            memory: 1,
            ..Sources::default()
        }
    );
    same(&now, &old);
    same(&now, &fresh(&s.conn, &every));
}

#[test]
fn statuses_read_from_the_file_alone_are_evaluated_anew_after_a_save() {
    let mut s = setup();
    let dir = tempfile::tempdir().unwrap();
    evaluation_cache::on_disk::keep_in(Some(dir.path().to_path_buf()));
    let (indicator, _, department, q2) = empty_cell(&s.conn);
    let every = StatusFilter::default();
    scope(&s.conn, &every);
    evaluation_cache::on_disk::wait_for_writer();
    evaluation_cache::forget();
    scope(&s.conn, &every); // from the file: no series in memory

    let who = staff(&s.conn, department);
    let before = sources();
    let value = format!("{q2}");
    progress::save_observation(&mut s.conn, &who, &input(indicator, Some(value))).unwrap();
    let now = scope(&s.conn, &every);
    evaluation_cache::on_disk::keep_in(None);
    assert_eq!(
        since(before),
        Sources {
            evaluated: 1,
            ..Sources::default()
        }
    );
    same(&now, &fresh(&s.conn, &every));
}

#[test]
fn after_a_save_a_new_run_reads_the_statuses_as_saved_from_the_file() {
    let mut s = setup();
    let dir = tempfile::tempdir().unwrap();
    evaluation_cache::on_disk::keep_in(Some(dir.path().to_path_buf()));
    let (indicator, _, department, q2) = empty_cell(&s.conn);
    let every = StatusFilter::default();
    evaluation_cache::load_series(&s.conn).unwrap();
    scope(&s.conn, &every);

    let who = staff(&s.conn, department);
    let before = sources();
    let value = format!("{q2}");
    progress::save_observation(&mut s.conn, &who, &input(indicator, Some(value))).unwrap();
    assert_eq!(since(before).patched, 1);

    // The program ends (the snapshot still waits out its delay) and runs again.
    evaluation_cache::on_disk::write_pending();
    evaluation_cache::forget();
    let before = sources();
    let read = scope(&s.conn, &every);
    evaluation_cache::on_disk::keep_in(None);
    assert_eq!(
        since(before),
        Sources {
            disk: 1,
            ..Sources::default()
        },
        "the file written after the save is the one read"
    );
    assert_eq!(
        row_of(&read, indicator).status.actual_period,
        Some(period())
    );
    same(&read, &fresh(&s.conn, &every));
}
