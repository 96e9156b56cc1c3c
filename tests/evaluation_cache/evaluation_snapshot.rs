//! Every plan's statuses kept on disk between runs (`api::evaluation_cache::on_disk`): a new
//! run with unchanged data reads them instead of evaluating, and what it answers equals a
//! fresh evaluation — on another day too; after any write, or with a damaged file, the
//! statuses are evaluated again.
//!
//! The cache and its directory belong to the process, so these tests take turns.

use crate::cache_support;

use cache_support::{same, since};
use chrono::NaiveDate;
use zhibiao::api::evaluation_cache::{self, on_disk, sources, Sources};
use zhibiao::api::lifecycle::{default_period, PeriodGranularity, PeriodSelection};
use zhibiao::api::status::{evaluate_rows, StatusFilter, StatusRow};
use zhibiao::model::Period;
use zhibiao::store::{self, series, Sql};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

struct Setup {
    _turn: std::sync::MutexGuard<'static, ()>,
    _dir: tempfile::TempDir,
    db: std::path::PathBuf,
    snapshots: std::path::PathBuf,
}

/// This test's turn, a demo database file, and snapshots kept in a directory of its own.
fn setup() -> Setup {
    let turn = cache_support::turn();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let mut conn = store::open(&db).unwrap();
    zhibiao::demo::ensure_demo(&mut conn).unwrap();
    let snapshots = dir.path().join("evaluation");
    on_disk::keep_in(Some(snapshots.clone()));
    Setup {
        _turn: turn,
        _dir: dir,
        db,
        snapshots,
    }
}

fn every_plan(conn: &impl Sql, period: Period, today: NaiveDate) -> Vec<StatusRow> {
    let scope =
        evaluation_cache::evaluated_scope(conn, period, &StatusFilter::default(), today).unwrap();
    scope.rows.clone()
}

/// As a new run of the program finds things: nothing in memory, the files written.
fn new_run() {
    on_disk::wait_for_writer();
    evaluation_cache::forget();
}

fn snapshot_files(s: &Setup) -> usize {
    std::fs::read_dir(&s.snapshots).map_or(0, |d| d.count())
}

#[test]
fn a_new_run_with_unchanged_data_reads_every_plan_from_disk_as_evaluated() {
    let s = setup();
    let conn = store::open(&s.db).unwrap();
    let period: Period = "2026Q3".parse().unwrap();
    let today = day("2026-11-30");
    let sel = PeriodSelection {
        plan_id: None,
        department_id: None,
        granularity: PeriodGranularity::Any,
    };
    let first = every_plan(&conn, period, today);
    let opening = default_period(&conn, &sel, today).unwrap();
    new_run();
    assert_eq!(snapshot_files(&s), 1);

    let before = sources();
    let again = every_plan(&conn, period, today);
    assert_eq!(
        since(before),
        Sources {
            disk: 1,
            ..Sources::default()
        }
    );
    same(&again, &first);
    same(
        &again,
        &evaluate_rows(&conn, period, &StatusFilter::default(), today).unwrap(),
    );
    // The period pickers too: the same opening period, read from the file.
    assert_eq!(default_period(&conn, &sel, today).unwrap(), opening);
    assert_eq!(since(before).evaluated, 0);

    // One department's scope from the same file.
    let department = again.iter().find_map(|r| r.department_id).unwrap();
    let scope = StatusFilter {
        department_id: Some(department),
        ..StatusFilter::default()
    };
    let theirs = evaluation_cache::evaluated_scope(&conn, period, &scope, today).unwrap();
    same(
        &theirs.rows,
        &evaluate_rows(&conn, period, &scope, today).unwrap(),
    );
    assert_eq!(since(before).evaluated, 0);
}

#[test]
fn rows_read_on_another_day_carry_that_days_phase_and_note() {
    let s = setup();
    let conn = store::open(&s.db).unwrap();
    // After the 十四五 plans' end: judged at 2025, with a note that depends on the day.
    let period: Period = "2026Q3".parse().unwrap();
    let (then, now) = (day("2025-06-30"), day("2026-11-30"));
    let written = every_plan(&conn, period, then);
    new_run();
    let before = sources();
    let read = every_plan(&conn, period, now);
    assert_eq!(since(before).disk, 1);
    let fresh = evaluate_rows(&conn, period, &StatusFilter::default(), now).unwrap();
    same(&read, &fresh);
    let notes = |rows: &[StatusRow]| {
        rows.iter()
            .map(|r| (r.phase, r.lifecycle_note.clone()))
            .collect::<Vec<_>>()
    };
    assert_ne!(
        notes(&written),
        notes(&read),
        "the day changed phases and notes"
    );
}

#[test]
fn a_write_since_the_file_or_a_damaged_file_is_evaluated_again() {
    let s = setup();
    let conn = store::open(&s.db).unwrap();
    let period: Period = "2026Q3".parse().unwrap();
    let today = day("2026-11-30");
    let first = every_plan(&conn, period, today);
    new_run();

    // Another program changes a value by plain SQL while this one is closed.
    let id = first
        .iter()
        .find(|r| r.status.actual.is_some())
        .unwrap()
        .status
        .indicator_id;
    let other = rusqlite::Connection::open(&s.db).unwrap();
    let changed = other
        .execute(
            "UPDATE observations SET value = value * 3 + 7 WHERE indicator_id = ?1",
            [id],
        )
        .unwrap();
    assert!(changed > 0);
    let before = sources();
    let after = every_plan(&conn, period, today);
    assert_eq!(since(before).evaluated, 1);
    assert_eq!(since(before).disk, 0);
    assert_ne!(after, first);
    same(
        &after,
        &evaluate_rows(&conn, period, &StatusFilter::default(), today).unwrap(),
    );

    // The new file, damaged: ignored, evaluated again, same answer.
    new_run();
    for entry in std::fs::read_dir(&s.snapshots).unwrap() {
        std::fs::write(entry.unwrap().path(), b"{\"format\":1,\"tok").unwrap();
    }
    let before = sources();
    same(&every_plan(&conn, period, today), &after);
    assert_eq!(since(before).evaluated, 1);
}

#[test]
fn periods_from_a_snapshot_are_those_of_the_loaded_values() {
    let s = setup();
    let conn = store::open(&s.db).unwrap();
    let plans = series::load(&conn, None).unwrap();
    let period: Period = "2026Q3".parse().unwrap();
    let snapshot = on_disk::Snapshot::new(1, period, &plans, &[]);
    let departments: Vec<Option<i64>> = std::iter::once(None)
        .chain(
            conn.query_map("SELECT id FROM departments", zhibiao::args![], |r| {
                r.get::<i64>(0)
            })
            .unwrap()
            .into_iter()
            .map(Some),
        )
        .collect();
    assert!(departments.len() > 2);
    let key = |p: Vec<series::PlanPeriods>| {
        p.into_iter()
            .map(|p| (p.plan.id, p.periods))
            .collect::<Vec<_>>()
    };
    for d in departments {
        let want = key(series::periods_of_loaded(&plans, d));
        assert!(d.is_some() || want.iter().any(|(_, p)| !p.is_empty()));
        assert_eq!(key(snapshot.periods(d)), want, "department {d:?}");
    }
}

#[test]
fn snapshots_asked_for_one_after_another_are_written_once_after_the_last() {
    let s = setup();
    let period: Period = "2026Q3".parse().unwrap();
    let built = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    for token in [1_i64, 2, 3] {
        let built = built.clone();
        on_disk::save_after(std::time::Duration::from_millis(300), move || {
            built.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            Some(on_disk::Snapshot::new(token, period, &[], &[]))
        });
    }
    on_disk::wait_for_writer();
    assert_eq!(built.load(std::sync::atomic::Ordering::SeqCst), 1);
    let names: Vec<String> = std::fs::read_dir(&s.snapshots)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, [format!("evaluation-{:016x}.json", 3)]);
}

#[test]
fn a_snapshot_waiting_out_its_delay_is_written_when_the_program_ends() {
    let s = setup();
    let period: Period = "2026Q3".parse().unwrap();
    on_disk::save_after(std::time::Duration::from_secs(3600), move || {
        Some(on_disk::Snapshot::new(7, period, &[], &[]))
    });
    assert_eq!(snapshot_files(&s), 0, "not before its moment");
    // An hour's delay, brought forward: the call returns long before it would have passed.
    let (done, ended) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        on_disk::write_pending();
        let _ = done.send(());
    });
    ended
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("the pending snapshot written at once");
    assert_eq!(snapshot_files(&s), 1);
    assert!(on_disk::load(7).is_some());
}
