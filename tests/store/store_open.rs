//! Opening a database path: our file or no touch. Another program's SQLite file, a newer
//! Zhibiao database and a damaged one are refused with a Chinese message naming the file,
//! and not one byte of them changes; a new path still gets a new database.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use zhibiao::store::{self, FileKind, StoreError, APPLICATION_ID, CURRENT_VERSION};

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// The file and whatever SQLite keeps beside it, so that a refused open is seen to create
/// no `-wal` / `-shm` / `-journal` either.
fn snapshot(path: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = path.parent().unwrap();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let b = std::fs::read(&p).unwrap();
            (p, b)
        })
        .collect();
    files.sort();
    files
}

fn refused(path: &Path) -> StoreError {
    match store::open(path) {
        Ok(_) => panic!("{} was opened", path.display()),
        Err(e) => e,
    }
}

fn assert_names_file(e: &StoreError, path: &Path) {
    let msg = e.to_string();
    assert!(msg.contains(&path.display().to_string()), "{msg}");
    assert!(!msg.is_ascii(), "Chinese message expected: {msg}");
}

fn other_app_db(path: &Path, application_id: i32, wal: bool) {
    let c = Connection::open(path).unwrap();
    if wal {
        let _: String = c
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .unwrap();
    }
    c.pragma_update(None, "application_id", application_id)
        .unwrap();
    c.execute_batch(
        "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT);
         INSERT INTO notes(body) VALUES ('别人的数据'), ('second');",
    )
    .unwrap();
}

#[test]
fn another_programs_sqlite_file_is_refused_and_left_untouched() {
    for (id, wal) in [(0x1234_5678, false), (0, false), (0, true)] {
        let d = tmp();
        let path = d.path().join("other.db");
        other_app_db(&path, id, wal);
        let before = snapshot(&path);
        let e = refused(&path);
        assert!(matches!(e, StoreError::Foreign { .. }), "{e:?}");
        assert!(e.to_string().contains("不是规划指标监测的数据库"), "{e}");
        assert_names_file(&e, &path);
        assert_eq!(
            snapshot(&path),
            before,
            "id {id:#x}, wal {wal}: files changed"
        );
        let c = Connection::open(&path).unwrap();
        let n: i64 = c
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'plans'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 0, "none of our tables added");
    }
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_untouched() {
    let d = tmp();
    let path = d.path().join("notes.txt");
    std::fs::write(&path, "十四五规划 notes, not a database\n".repeat(20)).unwrap();
    let before = snapshot(&path);
    let e = refused(&path);
    assert!(matches!(e, StoreError::Foreign { .. }), "{e:?}");
    assert_names_file(&e, &path);
    assert_eq!(snapshot(&path), before);
}

#[test]
fn a_newer_zhibiao_database_is_refused_and_left_untouched() {
    let d = tmp();
    let path = d.path().join("newer.db");
    drop(store::open(&path).unwrap());
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", CURRENT_VERSION + 1)
        .unwrap();
    let before = snapshot(&path);
    let e = refused(&path);
    assert!(matches!(e, StoreError::TooNew { .. }), "{e:?}");
    assert!(e.to_string().contains("请升级程序"), "{e}");
    assert_names_file(&e, &path);
    assert_eq!(snapshot(&path), before);
}

#[test]
fn a_new_or_empty_path_gets_a_new_marked_database() {
    let d = tmp();
    let missing = d.path().join("sub").join("dir").join("new.db");
    let empty = d.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    for path in [missing, empty] {
        assert_eq!(store::inspect(&path).unwrap(), FileKind::New);
        let c = store::open(&path).unwrap();
        let id: i32 = c
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap();
        assert_eq!(id, APPLICATION_ID);
        drop(c);
        assert_eq!(
            store::inspect(&path).unwrap(),
            FileKind::Ours {
                version: CURRENT_VERSION
            }
        );
        drop(store::open(&path).expect("reopened"));
    }
}

#[test]
fn a_database_from_before_the_mark_is_recognised_and_upgraded() {
    let d = tmp();
    let path = d.path().join("v3.db");
    crate::old_schema::create_v3(&path, "INSERT INTO plans(title) VALUES ('旧规划')");
    assert_eq!(
        store::inspect(&path).unwrap(),
        FileKind::Ours { version: 3 }
    );
    let c = store::open(&path).unwrap();
    let id: i32 = c
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(id, APPLICATION_ID);
    let n: i64 = c
        .query_row("SELECT count(*) FROM plans", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
}

/// A Zhibiao database with enough rows to span many pages.
fn filled_db(path: &Path) {
    let c = store::open(path).unwrap();
    let tx = c.unchecked_transaction().unwrap();
    for i in 0..3000 {
        tx.execute(
            "INSERT INTO departments(name) VALUES (?1)",
            [format!("部门{i:05}-{}", "很长的名称".repeat(8))],
        )
        .unwrap();
    }
    tx.commit().unwrap();
    // Everything into the main file, so that cutting it loses committed pages.
    c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
}

#[test]
fn a_truncated_database_is_reported_damaged_in_chinese() {
    let d = tmp();
    let path = d.path().join("cut.db");
    filled_db(&path);
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let before = snapshot(&path);
    let e = refused(&path);
    assert!(matches!(e, StoreError::Damaged { .. }), "{e:?}");
    assert!(e.to_string().contains("数据库文件已损坏"), "{e}");
    assert!(!e.to_string().contains("malformed"), "{e}");
    assert_names_file(&e, &path);
    assert_eq!(snapshot(&path), before);
}

#[test]
fn overwritten_pages_are_reported_damaged() {
    let d = tmp();
    let path = d.path().join("garbled.db");
    filled_db(&path);
    let mut bytes = std::fs::read(&path).unwrap();
    let page = 4096;
    for b in &mut bytes[page * 3..page * 6] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    let e = refused(&path);
    assert!(matches!(e, StoreError::Damaged { .. }), "{e:?}");
    assert_names_file(&e, &path);
}

#[test]
fn a_file_cut_inside_the_header_is_damaged_not_foreign() {
    let d = tmp();
    let path = d.path().join("stub.db");
    filled_db(&path);
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..40]).unwrap();
    let e = refused(&path);
    assert!(matches!(e, StoreError::Damaged { .. }), "{e:?}");
}

#[test]
fn background_work_on_a_database_removed_meanwhile_makes_no_new_one() {
    let d = tmp();
    let dir = d.path().join("city");
    let path = dir.join("city.db");
    drop(store::open(&path).unwrap());
    drop(store::open_existing(&path).unwrap());
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(store::open_existing(&path).is_err());
    // The app's warm-up, started as it opened the file, runs after the file was moved away.
    zhibiao::api::dashboard::warm_up(&path);
    assert!(
        !dir.exists(),
        "no directory and no empty database made in its place"
    );
}
