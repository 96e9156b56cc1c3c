//! A database file as version 3 of the program left it (before the file's mark and the
//! later migrations), for tests of upgrading one.

use std::path::Path;

use rusqlite::Connection;

/// Creates `path` with the schema of version 3, then runs `extra` (rows of that time) in the
/// same transaction.
pub fn create_v3(path: &Path, extra: &str) {
    let mut c = Connection::open(path).unwrap();
    let tx = c.transaction().unwrap();
    for sql in [
        include_str!("../../src/store/migrations/sqlite/001_plans.sql"),
        include_str!("../../src/store/migrations/sqlite/002_progress.sql"),
        include_str!("../../src/store/migrations/sqlite/003_reports.sql"),
    ] {
        tx.execute_batch(sql).unwrap();
    }
    tx.pragma_update(None, "user_version", 3).unwrap();
    tx.execute_batch(extra).unwrap();
    tx.commit().unwrap();
}
