//! The engine in this process: the open database and who is signed in.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use rusqlite::Connection;
use zhibiao::api::commands::Engine;
use zhibiao::api::{session, ApiError, ErrorCode};
use zhibiao::auth::Session;
use zhibiao::store::db::{Db, Sql};

use super::{AnyCall, Backend};

pub struct Local {
    db: Mutex<Db>,
    db_path: PathBuf,
    /// Who is signed in. Only a hint: every use case re-reads the user.
    session: Mutex<Option<Session>>,
}

impl Backend for Local {
    fn run(&self, call: &mut dyn AnyCall) -> Result<(), ApiError> {
        call.run_on(self)
    }
}

impl Local {
    /// Opens (creating and migrating if needed) the database at `path` and creates the
    /// first-run `admin`. Only with `demo` — a database created as a demo (`--demo`) — are
    /// the demo plans, users and values added, and only into a database without plans.
    pub fn open(path: &Path, demo: bool) -> Result<Self, ApiError> {
        let mut conn = zhibiao::api::backup::open(path)?;
        // The day's backup through a connection of its own, off the start-up path.
        let db = path.to_path_buf();
        std::thread::spawn(move || zhibiao::api::backup::daily_backup(&db));
        // The demo first: a demo database's admin has the published demo password; a real
        // one's admin sets its password on first use.
        if demo && zhibiao::demo::ensure_demo(&mut conn)? {
            tracing::info!("imported the demo plans");
        }
        if session::ensure_admin(&mut conn)? {
            tracing::info!("created the administrator; its password is set on first use");
        }
        // The dashboard's first screen evaluated while the user signs in (its own connection).
        let db = path.to_path_buf();
        std::thread::spawn(move || {
            zhibiao::api::dashboard::warm_up(&db);
            crate::memory::release_freed_heap();
        });
        Ok(Self::with_connection(conn, path.to_path_buf()))
    }

    pub fn with_connection(conn: Connection, db_path: PathBuf) -> Self {
        Local {
            db: Mutex::new(Db::from(conn)),
            db_path,
            session: Mutex::new(None),
        }
    }

    pub fn db_path(&self) -> &Path {
        &self.db_path
    }

    pub fn current_session(&self) -> Result<Option<Session>, ApiError> {
        Ok(self.session_slot().clone())
    }

    pub fn set_session(&self, session: Option<Session>) {
        *self.session_slot() = session;
    }

    /// The session holds plain data that is always consistent, so a poisoned lock is safe.
    fn session_slot(&self) -> MutexGuard<'_, Option<Session>> {
        self.session.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Engine for Local {
    type Conn<'a> = MutexGuard<'a, Db>;

    /// After a panic in a call that held the connection, the transaction that call left
    /// open is rolled back and the connection is used again: one failed command must not
    /// leave the app unusable.
    fn db(&self) -> Result<MutexGuard<'_, Db>, ApiError> {
        match self.db.lock() {
            Ok(conn) => Ok(conn),
            Err(poisoned) => {
                let conn = poisoned.into_inner();
                if let Some(c) = conn.as_sqlite() {
                    if !c.is_autocommit() {
                        c.execute_batch("ROLLBACK")?;
                    }
                }
                self.db.clear_poison();
                tracing::warn!("database connection recovered after a panic");
                Ok(conn)
            }
        }
    }

    fn session(&self) -> Result<Session, ApiError> {
        self.current_session()?
            .ok_or_else(|| ApiError::new(ErrorCode::Unauthenticated, "请先登录"))
    }

    fn remember(&self, session: Option<Session>) {
        self.set_session(session);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local() -> Local {
        let conn = zhibiao::store::open_in_memory().unwrap();
        Local::with_connection(conn, PathBuf::from(":memory:"))
    }

    #[test]
    fn a_panic_holding_the_connection_rolls_back_and_leaves_it_usable() {
        let local = local();
        let count = |l: &Local| -> i64 {
            l.db()
                .unwrap()
                .as_sqlite()
                .unwrap()
                .query_row("SELECT count(*) FROM departments", [], |r| r.get(0))
                .unwrap()
        };
        let before = count(&local);
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let conn = local.db().unwrap();
            let conn = conn.as_sqlite().unwrap();
            conn.execute_batch("BEGIN; INSERT INTO departments(name) VALUES ('半途部门');")
                .unwrap();
            panic!("a bug in the middle of a command");
        }));
        assert!(result.is_err());
        assert!(local.db.is_poisoned());
        assert_eq!(
            count(&local),
            before,
            "the open transaction was rolled back"
        );
        let guard = local.db().unwrap();
        let conn = guard.as_sqlite().unwrap();
        assert!(conn.is_autocommit());
        conn.execute("INSERT INTO departments(name) VALUES ('新部门')", [])
            .unwrap();
        drop(guard);
        assert_eq!(count(&local), before + 1, "the connection works again");
        assert!(!local.db.is_poisoned());
    }
}
