//! What the running app holds: the open database and who is signed in.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use rusqlite::Connection;
use zhibiao::api::{ApiError, ErrorCode};
use zhibiao::auth::Session;

pub struct AppState {
    db: Mutex<Connection>,
    db_path: PathBuf,
    /// Who is signed in. Only a hint for the backend: use cases re-read the user.
    session: Mutex<Option<Session>>,
    /// When the process began opening the database: the base of the cold-start figure.
    started: Instant,
}

impl AppState {
    /// Opens (creating and migrating if needed) the database at `path` and creates the
    /// first-run `admin` (password set at first sign-in). Only with `demo` — a database
    /// created as a demo (`--demo`) — are the demo plans, users and values added, and only
    /// into a database without plans.
    pub fn open(path: &Path, demo: bool) -> Result<Self, ApiError> {
        let mut conn = zhibiao::api::backup::open(path)?;
        // The day's backup through a connection of its own, off the start-up path.
        let db = path.to_path_buf();
        std::thread::spawn(move || zhibiao::api::backup::daily_backup(&db));
        if zhibiao::api::session::ensure_admin(&mut conn)? {
            tracing::info!("created the first-run admin (password change forced)");
        }
        if demo && zhibiao::demo::ensure_demo(&mut conn)? {
            tracing::info!("imported the demo plans");
        }
        Ok(Self::with_connection(conn, path.to_path_buf()))
    }

    pub fn with_connection(conn: Connection, db_path: PathBuf) -> Self {
        AppState {
            db: Mutex::new(conn),
            db_path,
            session: Mutex::new(None),
            started: Instant::now(),
        }
    }

    pub fn started(&self) -> Instant {
        self.started
    }

    pub fn db_path(&self) -> &Path {
        &self.db_path
    }

    /// The connection; a poisoned lock (a panic mid-command) is reported, not propagated.
    pub fn db(&self) -> Result<MutexGuard<'_, Connection>, ApiError> {
        self.db
            .lock()
            .map_err(|_| ApiError::new(ErrorCode::Internal, "数据库连接不可用，请重新启动程序"))
    }

    /// The signed-in user, or `Unauthenticated`.
    pub fn session(&self) -> Result<Session, ApiError> {
        self.current_session()?
            .ok_or_else(|| ApiError::new(ErrorCode::Unauthenticated, "请先登录"))
    }

    pub fn current_session(&self) -> Result<Option<Session>, ApiError> {
        Ok(self.session_slot()?.clone())
    }

    pub fn set_session(&self, session: Option<Session>) -> Result<(), ApiError> {
        *self.session_slot()? = session;
        Ok(())
    }

    fn session_slot(&self) -> Result<MutexGuard<'_, Option<Session>>, ApiError> {
        self.session
            .lock()
            .map_err(|_| ApiError::new(ErrorCode::Internal, "会话状态不可用，请重新启动程序"))
    }
}
