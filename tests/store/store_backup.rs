//! Backups and restore: a backup is a checked, consistent copy; a restore checks the backup,
//! sets the current database aside, and brings back exactly what was backed up (row counts
//! and a checksum of every table).

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::types::ValueRef;
use rusqlite::Connection;
use sha2::{Digest, Sha256};
use zhibiao::api::backup::{explain_open_error, restore_file};
use zhibiao::api::ErrorCode;
use zhibiao::store::backup::{self, BackupKind, Retention};
use zhibiao::store::{self, StoreError, CURRENT_VERSION};

/// Per table: (row count, SHA-256 of every row in rowid order).
type Fingerprint = BTreeMap<String, (i64, String)>;

fn fingerprint(conn: &Connection) -> Fingerprint {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut out = Fingerprint::new();
    for t in tables {
        let mut st = conn
            .prepare(&format!("SELECT * FROM \"{t}\" ORDER BY rowid"))
            .unwrap();
        let cols = st.column_count();
        let mut rows = st.query([]).unwrap();
        let (mut n, mut h) = (0i64, Sha256::new());
        while let Some(row) = rows.next().unwrap() {
            n += 1;
            for i in 0..cols {
                let cell = match row.get_ref(i).unwrap() {
                    ValueRef::Null => "∅".to_string(),
                    ValueRef::Integer(v) => format!("i{v}"),
                    ValueRef::Real(v) => format!("r{v:?}"),
                    ValueRef::Text(v) => format!("t{}", String::from_utf8_lossy(v)),
                    ValueRef::Blob(v) => format!("b{}", hex::encode(v)),
                };
                h.update(cell.as_bytes());
                h.update([0x1f]);
            }
            h.update([0x1e]);
        }
        out.insert(t, (n, hex::encode(h.finalize())));
    }
    out
}

fn fingerprint_of(path: &Path) -> Fingerprint {
    fingerprint(&Connection::open(path).unwrap())
}

/// Writes rows into several tables, the audit log included.
fn add_rows(conn: &Connection, tag: &str, n: usize) {
    let tx = conn.unchecked_transaction().unwrap();
    for i in 0..n {
        tx.execute(
            "INSERT INTO departments(name) VALUES (?1)",
            [format!("{tag}部门{i}")],
        )
        .unwrap();
        tx.execute(
            "INSERT INTO plans(title, period_start, period_end) VALUES (?1, 2026, 2030)",
            [format!("{tag}规划{i}")],
        )
        .unwrap();
        tx.execute(
            "INSERT INTO audit_log(at, user_name, action, entity) VALUES ('2026-11-30', ?1, 'create', 'plan')",
            [tag],
        )
        .unwrap();
    }
    tx.commit().unwrap();
}

fn without_audit(mut f: Fingerprint) -> Fingerprint {
    f.remove("audit_log");
    f
}

#[test]
fn restore_brings_back_exactly_what_was_backed_up() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("city.db");
    let conn = store::open(&db).unwrap();
    add_rows(&conn, "备份前", 50);
    let made = backup::create(&db, BackupKind::Manual, Retention::default()).unwrap();
    let backed_up = fingerprint(&conn);
    assert_eq!(
        fingerprint_of(&made.path),
        backed_up,
        "the backup is the database"
    );
    assert!(made.size > 0);

    add_rows(&conn, "备份后", 30);
    let changed = fingerprint(&conn);
    assert_ne!(changed, backed_up);
    drop(conn);

    let out = restore_file(&db, &made.path).unwrap();
    let restored = fingerprint_of(&db);
    assert_eq!(
        without_audit(restored.clone()),
        without_audit(backed_up.clone())
    );
    // The audit log is the backed-up one plus the record of the restore.
    let (n_before, _) = backed_up["audit_log"];
    let (n_after, _) = restored["audit_log"];
    assert_eq!(n_after, n_before + 1);
    let c = Connection::open(&db).unwrap();
    let last: String = c
        .query_row(
            "SELECT action FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(last, "restore");
    // The database as it was before the restore was set aside, checked, complete.
    let aside = out.set_aside.expect("set aside");
    assert_eq!(fingerprint_of(Path::new(&aside)), changed);
    assert!(out.message.contains("已从备份"), "{}", out.message);
}

#[test]
fn restore_into_an_open_connection_is_seen_by_it() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("app.db");
    let mut live = store::open(&db).unwrap();
    add_rows(&live, "旧", 10);
    let made = backup::create(&db, BackupKind::Manual, Retention::default()).unwrap();
    let backed_up = fingerprint(&live);
    add_rows(&live, "新", 10);
    let reader = Connection::open(&db).unwrap();
    backup::restore(&db, Some(&mut live), &made.path).unwrap();
    assert_eq!(fingerprint(&live), backed_up);
    assert_eq!(
        fingerprint(&reader),
        backed_up,
        "other connections see it too"
    );
    let check: String = live
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn a_foreign_newer_or_damaged_backup_is_refused_and_nothing_changes() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("city.db");
    add_rows(&store::open(&db).unwrap(), "现有", 5);
    let before = fingerprint_of(&db);

    let foreign = d.path().join("foreign.db");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE x(a); INSERT INTO x VALUES (1);")
        .unwrap();
    let newer = d.path().join("newer.db");
    drop(store::open(&newer).unwrap());
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", CURRENT_VERSION + 1)
        .unwrap();
    let damaged = d.path().join("damaged.db");
    let good = backup::create(&db, BackupKind::Manual, Retention::default()).unwrap();
    let bytes = std::fs::read(&good.path).unwrap();
    std::fs::write(&damaged, &bytes[..bytes.len() * 2 / 3]).unwrap();

    for (bad, code_word) in [
        (&foreign, "不是规划指标监测"),
        (&newer, "请升级程序"),
        (&damaged, "已损坏"),
    ] {
        let e = restore_file(&db, bad).unwrap_err();
        assert_eq!(e.code, ErrorCode::Storage, "{e:?}");
        assert!(e.message.contains(code_word), "{}", e.message);
        assert_eq!(fingerprint_of(&db), before, "{}", bad.display());
    }
}

#[test]
fn a_damaged_database_is_restored_and_its_bytes_kept_aside() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("city.db");
    let conn = store::open(&db).unwrap();
    add_rows(&conn, "好", 400);
    let made = backup::create(&db, BackupKind::Daily, Retention::default()).unwrap();
    let backed_up = fingerprint(&conn);
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    drop(conn);
    let bytes = std::fs::read(&db).unwrap();
    std::fs::write(&db, &bytes[..bytes.len() / 2]).unwrap();

    // Opening names the damage and the latest good backup.
    let e = match store::open(&db) {
        Err(e) => e,
        Ok(_) => panic!("damaged database opened"),
    };
    assert!(matches!(e, StoreError::Damaged { .. }));
    let shown = explain_open_error(&db, e);
    assert!(
        shown.message.contains("数据库文件已损坏"),
        "{}",
        shown.message
    );
    let name = made.path.file_name().unwrap().to_str().unwrap();
    assert!(shown.message.contains(name), "{}", shown.message);
    assert!(
        shown.message.contains("zhibiao restore"),
        "{}",
        shown.message
    );

    let out = restore_file(&db, &made.path).unwrap();
    assert_eq!(without_audit(fingerprint_of(&db)), without_audit(backed_up));
    let aside = out.set_aside.unwrap();
    assert_eq!(std::fs::read(&aside).unwrap(), bytes[..bytes.len() / 2]);
    drop(store::open(&db).expect("opens again"));
}

#[test]
fn backups_made_while_another_connection_writes_are_each_intact() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("busy.db");
    add_rows(&store::open(&db).unwrap(), "起始", 20);
    let writer_db = db.clone();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stop_w = stop.clone();
    let writer = std::thread::spawn(move || {
        let conn = store::open(&writer_db).unwrap();
        let mut rounds = 0;
        while !stop_w.load(std::sync::atomic::Ordering::Relaxed) {
            add_rows(&conn, &format!("写{rounds}"), 5);
            rounds += 1;
        }
        rounds
    });
    let mut made = Vec::new();
    for i in 0..5 {
        let out = d.path().join(format!("copy{i}.db"));
        backup::copy_to(&db, &out).unwrap();
        made.push(out);
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    assert!(writer.join().unwrap() > 0);
    for p in made {
        assert_eq!(backup::verify(&p).unwrap(), CURRENT_VERSION);
        // Consistent: each transaction wrote one department, one plan, one audit row per row.
        let f = fingerprint_of(&p);
        assert_eq!(f["departments"].0, f["plans"].0, "{}", p.display());
        assert_eq!(f["departments"].0, f["audit_log"].0, "{}", p.display());
    }
}

#[test]
fn one_daily_backup_a_day_and_an_upgrade_keeps_the_old_version() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("old.db");
    crate::old_schema::create_v3(&db, "");
    drop(store::open(&db).unwrap());
    let all = backup::list(&db).unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].kind, BackupKind::Upgrade);
    assert_eq!(
        backup::verify(&all[0].path).unwrap(),
        3,
        "the pre-upgrade version"
    );

    let first = backup::daily_if_due(&db, Retention::default()).unwrap();
    assert!(first.is_some());
    assert!(backup::daily_if_due(&db, Retention::default())
        .unwrap()
        .is_none());
    assert_eq!(backup::list(&db).unwrap().len(), 2);
}

#[test]
fn only_the_last_n_other_backups_are_kept() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("many.db");
    drop(store::open(&db).unwrap());
    let rule = Retention {
        daily_days: 31,
        others: 3,
    };
    for _ in 0..5 {
        backup::create(&db, BackupKind::Import, rule).unwrap();
    }
    let left = backup::list(&db).unwrap();
    assert_eq!(left.len(), 3);
    assert!(left.iter().all(|b| b.kind == BackupKind::Import));
}
