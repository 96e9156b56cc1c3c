//! Several people on one database at once (issue 16, point 3), on a SQLite file and on
//! PostgreSQL: a save based on an older version of a cell is a conflict that carries both
//! values and who changed the cell when — never a silent overwrite; saves, submissions and
//! reviews of one department × period take turns, so exactly one of two racing decisions
//! wins and no value slips into a period after it was submitted. The racing tests use
//! threads, each with its own connection.

use crate::progress_fixture;
use crate::shared_city;

use std::sync::{Arc, Barrier};

use zhibiao::api::progress::{self, ObservationInput};
use zhibiao::api::{session, ApiError, ErrorCode};
use zhibiao::auth::Session;
use zhibiao::model::Period;
use zhibiao::progress::State;
use zhibiao::store::db::{Db, Sql};
use zhibiao::store::observations;

use progress_fixture::{input, PASSWORD};
use shared_city::{places, Place};

fn login(db: &Db, name: &str) -> Session {
    session::login(db, name, PASSWORD).unwrap()
}

fn based_on(mut i: ObservationInput, version: i64) -> ObservationInput {
    i.expected_version = Some(version);
    i
}

fn cleared(indicator: i64, period: &str, version: i64) -> ObservationInput {
    ObservationInput {
        value: None,
        ..based_on(input(indicator, period, ""), version)
    }
}

fn stored(db: &Db, indicator: i64, period: &str) -> Option<observations::Observation> {
    observations::get(db, indicator, period.parse().unwrap()).unwrap()
}

fn conflict_of(e: &ApiError) -> &progress::CellConflict {
    assert_eq!(e.code, ErrorCode::Conflict, "{e}");
    e.conflict
        .as_deref()
        .expect("a conflict carries both values")
}

#[test]
fn a_save_based_on_an_older_version_is_refused_with_both_values_on_both() {
    for setup in places("conflict") {
        let which = setup.place.name();
        let mut db = setup.place.connect();
        let (a, a2) = (login(&db, "staff_a"), login(&db, "staff_a2"));
        let (jobs, q) = (setup.jobs, "2025Q3");
        let grid = progress::entry_grid(&db, &a2, setup.dept_a, q.parse().unwrap()).unwrap();
        let row = grid.rows.iter().find(|r| r.indicator_id == jobs).unwrap();
        assert!(
            row.current.is_none(),
            "{which}: an empty cell to start with"
        );

        // Both saw the empty cell; the first save wins.
        let first =
            progress::save_observation(&mut db, &a, &based_on(input(jobs, q, "1.2"), 0)).unwrap();
        let v1 = first.observation.unwrap().version;
        assert!(v1 > 0, "{which}");
        let e = progress::save_observation(&mut db, &a2, &based_on(input(jobs, q, "1.3"), 0))
            .unwrap_err();
        let c = conflict_of(&e);
        assert_eq!(
            c.theirs.as_ref().and_then(|o| o.value),
            Some(1.2),
            "{which}"
        );
        assert_eq!(c.yours.value.as_deref(), Some("1.3"), "{which}");
        assert_eq!(c.changed_by.as_deref(), Some("staff_a"), "{which}");
        assert!(c.changed_at.is_some(), "{which}");
        assert_eq!((c.expected_version, c.current_version()), (0, v1));
        for part in ["staff_a", "1.2", "1.3", "城镇新增就业人数"] {
            assert!(e.message.contains(part), "{which}: {part} in {}", e.message);
        }
        assert_eq!(stored(&db, jobs, q).unwrap().value, Some(1.2), "{which}");

        // Typing what is stored already is no conflict and changes nothing.
        let same =
            progress::save_observation(&mut db, &a2, &based_on(input(jobs, q, "1.2"), 0)).unwrap();
        assert_eq!(same.observation.unwrap().version, v1, "{which}");

        // Knowing the newer version, the second person may keep their own value.
        let kept =
            progress::save_observation(&mut db, &a2, &based_on(input(jobs, q, "1.3"), v1)).unwrap();
        let v2 = kept.observation.unwrap().version;
        assert!(v2 > v1, "{which}");

        // A clearing is a change too: who cleared it, and when, comes from the audit log.
        progress::save_observation(&mut db, &a, &cleared(jobs, q, v2)).unwrap();
        let e = progress::save_observation(&mut db, &a2, &based_on(input(jobs, q, "1.4"), v2))
            .unwrap_err();
        let c = conflict_of(&e);
        assert!(c.theirs.is_none(), "{which}");
        assert_eq!(c.changed_by.as_deref(), Some("staff_a"), "{which}");
        assert!(e.message.contains("清空"), "{which}: {}", e.message);

        // Entered again, the cell never gets back a version someone may still hold.
        let again =
            progress::save_observation(&mut db, &a2, &based_on(input(jobs, q, "1.4"), 0)).unwrap();
        assert!(again.observation.unwrap().version > v2, "{which}");

        // In a pasted block the row says why, with both values, and nothing is stored.
        let block = [
            based_on(input(setup.urban, q, "52.1"), 0),
            based_on(input(jobs, q, "1.5"), v1),
        ];
        let out = progress::save_observations(&mut db, &a, &block).unwrap();
        assert!(!out.committed, "{which}");
        assert!(out.rows[0].conflict.is_none() && out.rows[0].error.is_none());
        let c = out.rows[1]
            .conflict
            .as_ref()
            .expect("the stale row's conflict");
        assert_eq!(c.theirs.as_ref().and_then(|o| o.value), Some(1.4));
        assert!(
            stored(&db, setup.urban, q).is_none(),
            "{which}: all or nothing"
        );

        // Without a version (the administrator's CLI) the save replaces what is stored.
        progress::save_observation(&mut db, &a, &input(jobs, q, "1.6")).unwrap();
        assert_eq!(stored(&db, jobs, q).unwrap().value, Some(1.6), "{which}");
    }
}

/// Runs `work(i, db)` on `n` threads at once, each with its own connection.
fn race<T: Send + 'static>(
    place: &Place,
    n: usize,
    work: impl Fn(usize, &mut Db) -> T + Send + Sync + 'static,
) -> Vec<T> {
    let work = Arc::new(work);
    let barrier = Arc::new(Barrier::new(n));
    let handles: Vec<_> = (0..n)
        .map(|i| {
            let mut db = place.connect();
            let (work, barrier) = (work.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                work(i, &mut db)
            })
        })
        .collect();
    handles.into_iter().map(|h| h.join().unwrap()).collect()
}

#[test]
fn of_several_saves_of_one_empty_cell_at_once_exactly_one_wins_on_both() {
    for setup in places("race_cell") {
        let which = setup.place.name();
        let jobs = setup.jobs;
        let results = race(&setup.place, 6, move |i, db| {
            let who = if i % 2 == 0 { "staff_a" } else { "staff_a2" };
            let s = login(db, who);
            let value = format!("{i}.5");
            let out =
                progress::save_observation(db, &s, &based_on(input(jobs, "2025Q2", &value), 0));
            (value, out)
        });
        let won: Vec<&String> = results
            .iter()
            .filter(|(_, r)| r.is_ok())
            .map(|(v, _)| v)
            .collect();
        assert_eq!(won.len(), 1, "{which}: {results:?}");
        let winner: f64 = won[0].parse().unwrap();
        for (_, r) in &results {
            if let Err(e) = r {
                let c = conflict_of(e);
                assert_eq!(
                    c.theirs.as_ref().and_then(|o| o.value),
                    Some(winner),
                    "{which}"
                );
            }
        }
        let db = setup.place.connect();
        assert_eq!(stored(&db, jobs, "2025Q2").unwrap().value, Some(winner));
        let history = observations::cell_history(&db, jobs, "2025Q2".parse().unwrap()).unwrap();
        assert_eq!(
            history.len(),
            1,
            "{which}: one write, no overwrite: {history:?}"
        );
    }
}

/// Audit ids of a department × period's submission rows, by action.
fn workflow_ids(db: &Db, dept: i64, period: &str, action: &str) -> Vec<i64> {
    db.query_map(
        "SELECT id FROM audit_log WHERE entity = 'submission' AND entity_id = ?1 AND period = ?2 AND action = ?3 ORDER BY id",
        zhibiao::args![dept, period, action],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn saves_racing_a_submission_and_its_approval_land_before_it_or_not_at_all_on_both() {
    for setup in places("race_submit") {
        let which = setup.place.name();
        let (urban, dept, q) = (setup.urban, setup.dept_a, "2025Q1");
        {
            let mut db = setup.place.connect();
            let a = login(&db, "staff_a");
            progress::save_observation(&mut db, &a, &input(urban, q, "52.0")).unwrap();
        }
        let results = race(&setup.place, 2, move |i, db| {
            let period: Period = q.parse().unwrap();
            if i == 0 {
                // Staff keep correcting the value while the period is submitted and approved.
                let s = login(db, "staff_a2");
                (0..40)
                    .map(|k| {
                        let v = format!("52.{}", k + 1);
                        progress::save_observation(db, &s, &input(urban, q, &v)).map(|_| ())
                    })
                    .collect::<Vec<_>>()
            } else {
                let staff = login(db, "staff_a");
                let boss = login(db, "boss");
                let submitted = progress::submit(db, &staff, dept, period).map(|_| ());
                let approved = progress::approve(db, &boss, dept, period).map(|_| ());
                vec![submitted, approved]
            }
        });
        let (saves, decisions) = (&results[0], &results[1]);
        assert!(
            decisions.iter().all(Result::is_ok),
            "{which}: {decisions:?}"
        );
        for r in saves {
            if let Err(e) = r {
                assert_eq!(e.code, ErrorCode::Locked, "{which}: {e}");
            }
        }
        let db = setup.place.connect();
        let submit = workflow_ids(&db, dept, q, "submit");
        assert_eq!(submit.len(), 1, "{which}");
        let writes: Vec<i64> = observations::cell_history(&db, urban, q.parse().unwrap())
            .unwrap()
            .iter()
            .map(|e| e.id)
            .collect();
        assert!(
            writes.iter().all(|&id| id < submit[0]),
            "{which}: a value written after the submission: {writes:?} vs {submit:?}"
        );
        let saved = saves.iter().filter(|r| r.is_ok()).count();
        assert_eq!(
            writes.len(),
            1 + saved,
            "{which}: every accepted save, once"
        );
        let state = zhibiao::store::submissions::get(&db, dept, q)
            .unwrap()
            .state;
        assert_eq!(state, State::Approved, "{which}");
    }
}

#[test]
fn of_two_reviewers_deciding_at_once_exactly_one_wins_on_both() {
    for setup in places("race_review") {
        let which = setup.place.name();
        let (urban, dept) = (setup.urban, setup.dept_a);
        // Several rounds, one period each: the window between reading the state and writing
        // the decision is short.
        for q in [
            "2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4",
        ] {
            {
                let mut db = setup.place.connect();
                let a = login(&db, "staff_a");
                progress::save_observation(&mut db, &a, &input(urban, q, "53.0")).unwrap();
                progress::submit(&mut db, &a, dept, q.parse().unwrap()).unwrap();
            }
            let results = race(&setup.place, 2, move |i, db| {
                let period: Period = q.parse().unwrap();
                if i == 0 {
                    let s = login(db, "boss");
                    progress::approve(db, &s, dept, period).map(|s| s.state)
                } else {
                    let s = login(db, "boss2");
                    progress::return_with_reason(db, &s, dept, period, "数据来源需补充")
                        .map(|s| s.state)
                }
            });
            let won: Vec<State> = results.iter().filter_map(|r| r.clone().ok()).collect();
            assert_eq!(won.len(), 1, "{which} {q}: {results:?}");
            let db = setup.place.connect();
            let state = zhibiao::store::submissions::get(&db, dept, q)
                .unwrap()
                .state;
            assert_eq!(state, won[0], "{which} {q}");
            let decided = workflow_ids(&db, dept, q, "approve").len()
                + workflow_ids(&db, dept, q, "return").len();
            assert_eq!(decided, 1, "{which} {q}: one decision in the log");
        }
    }
}
