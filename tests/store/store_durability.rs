//! A full disk and a read-only database: a clear Chinese message, and nothing half-written
//! (no value without its audit row, no part of a pasted block).

use rusqlite::{params, Connection, OpenFlags};
use zhibiao::api::progress::{save_observation, save_observations, ObservationInput};
use zhibiao::api::{session, ErrorCode};
use zhibiao::auth::{hash_password, Role, Session};
use zhibiao::model::Period;
use zhibiao::store::users::{self, NewUser};
use zhibiao::store::{self, Actor};

const INDICATORS: i64 = 400;

fn setup(path: &std::path::Path) -> (Connection, Session) {
    let mut conn = store::open(path).unwrap();
    let tx = conn.transaction().unwrap();
    tx.execute_batch(
        "INSERT INTO departments (id, name) VALUES (1, '市统计局');
         INSERT INTO plans (id, title, period_start, period_end, baseline_year, target_year)
           VALUES (1, '规划', 2021, 2025, 2020, 2025);
         INSERT INTO plan_tables (id, plan_id, position, title, kind) VALUES (1, 1, 0, '指标', 'targets');",
    )
    .unwrap();
    for i in 0..INDICATORS {
        tx.execute(
            "INSERT INTO indicators (plan_id, table_id, position, name, unit, flow, lead_department_id)
             VALUES (1, 1, ?1, ?2, '万人', 0, 1)",
            params![i, format!("指标{i}")],
        )
        .unwrap();
    }
    let hash = hash_password("pass-word-1").unwrap();
    let user = NewUser {
        name: "staff",
        password_hash: &hash,
        role: Role::Staff,
        department_id: Some(1),
        must_change_password: false,
    };
    users::insert(&tx, &Actor::system(), &user).unwrap();
    tx.commit().unwrap();
    let s = session::login(&conn, "staff", "pass-word-1").unwrap();
    (conn, s)
}

fn input(k: i64, note_len: usize) -> ObservationInput {
    ObservationInput {
        indicator_id: k,
        period: Period::Year(2025),
        value: Some(format!("{}.5", 100 + k)),
        status: None,
        evidence: None,
        note: Some("说明".repeat(note_len)),
        source: None,
        vintage: None,
        expected_version: None,
    }
}

fn counts(conn: &Connection) -> (i64, i64) {
    let n = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    (
        n("SELECT count(*) FROM observations"),
        n("SELECT count(*) FROM audit_log"),
    )
}

fn no_room(conn: &Connection) {
    let pages: i64 = conn
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    let _: i64 = conn
        .query_row(&format!("PRAGMA max_page_count = {pages}"), [], |r| {
            r.get(0)
        })
        .unwrap();
}

#[test]
fn a_full_disk_stores_nothing_and_says_so_in_chinese() {
    let d = tempfile::tempdir().unwrap();
    let (mut conn, s) = setup(&d.path().join("full.db"));
    save_observation(&mut conn, &s, &input(1, 1)).unwrap();
    let before = counts(&conn);
    no_room(&conn);

    // A pasted block: none of it, not even the rows that would still have fitted.
    let block: Vec<_> = (2..=INDICATORS).map(|k| input(k, 200)).collect();
    let e = save_observations(&mut conn, &s, &block).unwrap_err();
    assert_eq!(e.code, ErrorCode::Storage, "{e:?}");
    assert!(e.message.contains("磁盘空间已满"), "{}", e.message);
    assert!(e.message.contains("没有保存"), "{}", e.message);
    assert_eq!(counts(&conn), before, "nothing half-written");

    // One value with a long note.
    let e = save_observation(&mut conn, &s, &input(2, 20_000)).unwrap_err();
    assert_eq!(e.code, ErrorCode::Storage);
    assert_eq!(counts(&conn), before);

    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    // With room again the same save goes through.
    let _: i64 = conn
        .query_row("PRAGMA max_page_count = 1073741823", [], |r| r.get(0))
        .unwrap();
    save_observation(&mut conn, &s, &input(2, 20_000)).unwrap();
}

#[test]
fn a_read_only_database_refuses_the_save_with_a_clear_message() {
    let d = tempfile::tempdir().unwrap();
    let path = d.path().join("ro.db");
    let (conn, _) = setup(&path);
    let before = counts(&conn);
    drop(conn);
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut ro = Connection::open_with_flags(&path, flags).unwrap();
    let s = session::login(&ro, "staff", "pass-word-1").unwrap();
    let e = save_observation(&mut ro, &s, &input(1, 1)).unwrap_err();
    assert_eq!(e.code, ErrorCode::Storage, "{e:?}");
    assert!(e.message.contains("只读"), "{}", e.message);
    let e = save_observations(&mut ro, &s, &[input(1, 1), input(2, 1)]).unwrap_err();
    assert_eq!(e.code, ErrorCode::Storage);
    assert_eq!(counts(&ro), before);
}

#[test]
fn commits_are_synced_in_full() {
    let d = tempfile::tempdir().unwrap();
    let conn = store::open(&d.path().join("sync.db")).unwrap();
    let level: i64 = conn
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .unwrap();
    assert_eq!(level, 2, "synchronous = FULL");
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}
