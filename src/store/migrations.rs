//! Versioned schema. `PRAGMA user_version` holds the version; all pending upgrades run in
//! one transaction, so a crash mid-upgrade leaves the previous version intact.

use rusqlite::Connection;

use super::{Result, StoreError};

/// Upgrade steps; step `i` takes the schema from version `i` to `i + 1`.
const STEPS: &[&str] = &[
    include_str!("migrations/sqlite/001_plans.sql"),
    include_str!("migrations/sqlite/002_progress.sql"),
    include_str!("migrations/sqlite/003_reports.sql"),
    include_str!("migrations/sqlite/004_settings.sql"),
    include_str!("migrations/sqlite/005_application_id.sql"),
    include_str!("migrations/sqlite/006_successor_links.sql"),
    include_str!("migrations/sqlite/007_observation_versions.sql"),
    include_str!("migrations/sqlite/008_data_version.sql"),
];

pub const CURRENT_VERSION: i64 = STEPS.len() as i64;

/// `PRAGMA application_id` of a Zhibiao database: the ASCII bytes "ZhiB". SQLite asks every
/// application file format for its own 32-bit number; readable letters make the mark easy to
/// spot in a hex dump, and they collide with no id in SQLite's registry (`magic.txt`).
/// Step 4 writes it (SQL files cannot read this constant; a test keeps the two equal).
pub const APPLICATION_ID: i32 = i32::from_be_bytes(*b"ZhiB");

pub fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_to(conn, CURRENT_VERSION)
}

/// Upgrades to `target` (used by the per-step tests).
pub(crate) fn migrate_to(conn: &mut Connection, target: i64) -> Result<()> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > CURRENT_VERSION {
        return Err(StoreError::TooNew {
            found,
            supported: CURRENT_VERSION,
            path: None,
        });
    }
    if found >= target {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for (i, step) in pending(STEPS, found, target) {
        tracing::info!(from = i, to = i + 1, "upgrading database schema");
        tx.execute_batch(step)?;
    }
    tx.pragma_update(None, "user_version", target)?;
    tx.commit()?;
    Ok(())
}

/// The steps that take a schema from version `found` to `target`, each with the version it
/// starts from (both databases number their steps alike).
pub(super) fn pending<'a>(
    steps: &'a [&'a str],
    found: i64,
    target: i64,
) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    steps
        .iter()
        .copied()
        .enumerate()
        .take(target.max(0) as usize)
        .skip(found.max(0) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(conn: &Connection) -> Vec<String> {
        let mut st = conn
            .prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    }

    fn version(conn: &Connection) -> i64 {
        conn.query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn step_1_creates_plans_and_indicators() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate_to(&mut c, 1).unwrap();
        assert_eq!(version(&c), 1);
        let t = tables(&c);
        for name in [
            "departments",
            "documents",
            "plans",
            "plan_tables",
            "indicators",
        ] {
            assert!(t.contains(&name.to_string()), "{name} missing: {t:?}");
        }
        assert!(!t.contains(&"observations".to_string()));
    }

    #[test]
    fn step_2_adds_progress_tables_and_keeps_plans() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate_to(&mut c, 1).unwrap();
        c.execute("INSERT INTO plans(title) VALUES ('旧规划')", [])
            .unwrap();
        migrate_to(&mut c, 2).unwrap();
        assert_eq!(version(&c), 2);
        let t = tables(&c);
        for name in [
            "users",
            "observations",
            "annual_targets",
            "target_revisions",
            "submissions",
            "audit_log",
        ] {
            assert!(t.contains(&name.to_string()), "{name} missing: {t:?}");
        }
        let n: i64 = c
            .query_row("SELECT count(*) FROM plans", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1, "data survives the upgrade");
    }

    #[test]
    fn step_3_adds_measures() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate_to(&mut c, 2).unwrap();
        migrate_to(&mut c, 3).unwrap();
        assert!(tables(&c).contains(&"measures".to_string()));
    }

    #[test]
    fn step_4_adds_settings_and_keeps_data() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate_to(&mut c, 3).unwrap();
        c.execute("INSERT INTO plans(title) VALUES ('旧规划')", [])
            .unwrap();
        migrate_to(&mut c, 4).unwrap();
        assert_eq!(version(&c), 4);
        assert!(tables(&c).contains(&"settings".to_string()));
        let n: i64 = c
            .query_row("SELECT count(*) FROM plans", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1, "data survives the upgrade");
    }

    #[test]
    fn step_5_marks_the_file_as_ours() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate_to(&mut c, 4).unwrap();
        let id = |c: &Connection| -> i32 {
            c.query_row("PRAGMA application_id", [], |r| r.get(0))
                .unwrap()
        };
        assert_eq!(id(&c), 0, "versions 1-4 carried no mark");
        c.execute("INSERT INTO plans(title) VALUES ('旧规划')", [])
            .unwrap();
        migrate_to(&mut c, 5).unwrap();
        assert_eq!(id(&c), APPLICATION_ID);
        let n: i64 = c
            .query_row("SELECT count(*) FROM plans", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
        let mut fresh = Connection::open_in_memory().unwrap();
        migrate(&mut fresh).unwrap();
        assert_eq!(id(&fresh), APPLICATION_ID, "a new database is marked too");
    }

    #[test]
    fn step_6_adds_successor_links_and_keeps_data() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate_to(&mut c, 5).unwrap();
        c.execute("INSERT INTO plans(title) VALUES ('旧规划')", [])
            .unwrap();
        assert!(!tables(&c).contains(&"indicator_links".to_string()));
        migrate_to(&mut c, 6).unwrap();
        assert_eq!(version(&c), 6);
        assert!(tables(&c).contains(&"indicator_links".to_string()));
        let n: i64 = c
            .query_row("SELECT count(*) FROM plans", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1, "data survives the upgrade");
    }

    /// The step that adds `data_version` (file 008).
    const DATA_VERSION_STEP: i64 = 8;

    #[test]
    fn step_data_version_changes_the_token_on_every_write_that_evaluation_reads() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate_to(&mut c, DATA_VERSION_STEP - 1).unwrap();
        c.execute("INSERT INTO plans(title) VALUES ('旧规划')", [])
            .unwrap();
        migrate_to(&mut c, DATA_VERSION_STEP).unwrap();
        assert_eq!(version(&c), DATA_VERSION_STEP);
        let token = |c: &Connection| -> i64 {
            c.query_row("SELECT version FROM data_version", [], |r| r.get(0))
                .unwrap()
        };
        let n: i64 = c
            .query_row("SELECT count(*) FROM plans", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1, "data survives the upgrade");
        let before = token(&c);
        c.execute("UPDATE plans SET title = '新规划'", []).unwrap();
        let after_update = token(&c);
        assert_ne!(before, after_update);
        c.execute("INSERT INTO departments(name) VALUES ('统计局')", [])
            .unwrap();
        assert_ne!(after_update, token(&c));
        let kept = token(&c);
        c.execute(
            "INSERT INTO audit_log(at, user_name, action, entity) VALUES ('2026-01-01', 'a', 'create', 'plan')",
            [],
        )
        .unwrap();
        assert_eq!(kept, token(&c), "the audit log is not read by evaluation");
        let tx = c.transaction().unwrap();
        tx.execute("DELETE FROM plans", []).unwrap();
        tx.rollback().unwrap();
        assert_eq!(kept, token(&c), "a rolled-back write leaves the token");
    }

    #[test]
    fn step_7_gives_every_cell_a_version_and_keeps_values() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate_to(&mut c, 6).unwrap();
        c.execute_batch(
            "INSERT INTO plans(id, title) VALUES (1, '旧规划');
             INSERT INTO plan_tables(id, plan_id, position, title, kind) VALUES (1, 1, 0, '指标', 'targets');
             INSERT INTO indicators(id, plan_id, table_id, position, name) VALUES (1, 1, 1, 0, '森林覆盖率');
             INSERT INTO observations(indicator_id, period, value) VALUES (1, '2025', 35.5);",
        )
        .unwrap();
        migrate_to(&mut c, 7).unwrap();
        assert_eq!(version(&c), 7);
        let (value, v): (f64, i64) = c
            .query_row("SELECT value, version FROM observations", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!((value, v), (35.5, 1), "old cells start at version 1");
        assert!(
            c.execute("UPDATE observations SET version = 0", [])
                .is_err(),
            "a version is positive"
        );
    }

    #[test]
    fn audit_log_rejects_update_and_delete_in_sqlite() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate(&mut c).unwrap();
        c.execute(
            "INSERT INTO audit_log(at, user_name, action, entity) VALUES ('2026-01-01', 'a', 'create', 'plan')",
            [],
        )
        .unwrap();
        assert!(c.execute("UPDATE audit_log SET action = 'x'", []).is_err());
        assert!(c.execute("DELETE FROM audit_log", []).is_err());
    }

    #[test]
    fn refuses_a_newer_database() {
        let mut c = Connection::open_in_memory().unwrap();
        c.pragma_update(None, "user_version", CURRENT_VERSION + 1)
            .unwrap();
        assert!(matches!(migrate(&mut c), Err(StoreError::TooNew { .. })));
    }

    #[test]
    fn a_failed_step_leaves_the_previous_version() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate_to(&mut c, 1).unwrap();
        // Make step 2 fail half-way: a table it creates already exists.
        c.execute_batch("CREATE TABLE audit_log(x)").unwrap();
        assert!(migrate(&mut c).is_err());
        assert_eq!(version(&c), 1);
        assert!(!tables(&c).contains(&"users".to_string()));
    }
}
