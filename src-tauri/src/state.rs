//! What the running app holds: the backend every command goes through.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Instant;

use zhibiao::api::machine_settings;
use zhibiao::api::ApiError;

use crate::backend::{self, Backend, Call, Local};

pub struct AppState {
    /// Replaced once at most: when a new, empty database is set aside for the demo at first
    /// run (「打开演示数据」).
    backend: RwLock<Arc<dyn Backend>>,
    /// The local database file, when the backend is the local engine.
    db_path: Option<PathBuf>,
    /// This computer's settings file (`zhibiao::api::machine_settings`).
    machine_settings_path: PathBuf,
    /// When the process began opening the database: the base of the cold-start figure.
    started: Instant,
}

impl AppState {
    /// The local engine on the database at `path` (created and migrated if needed). Only with
    /// `demo` — a database created as a demo (`--demo`) — are the demo plans, users and
    /// values added.
    pub fn open(path: &Path, demo: bool) -> Result<Self, ApiError> {
        let mut state = Self::with_backend(Arc::new(Local::open(path, demo)?));
        state.db_path = Some(path.to_path_buf());
        Ok(state)
    }

    pub fn with_backend(backend: Arc<dyn Backend>) -> Self {
        AppState {
            backend: RwLock::new(backend),
            db_path: None,
            machine_settings_path: machine_settings::default_path(),
            started: Instant::now(),
        }
    }

    /// The local database file behind the backend (the demo database goes beside it).
    pub fn with_db_path(mut self, path: PathBuf) -> Self {
        self.db_path = Some(path);
        self
    }

    /// Keeps this computer's settings in `path` instead of the user's config directory.
    pub fn with_machine_settings_path(mut self, path: PathBuf) -> Self {
        self.machine_settings_path = path;
        self
    }

    pub fn machine_settings_path(&self) -> &Path {
        &self.machine_settings_path
    }

    pub fn started(&self) -> Instant {
        self.started
    }

    /// Runs `call` on the backend, off the main thread.
    pub async fn call<C: Call>(&self, call: C) -> Result<C::Output, ApiError> {
        backend::call(self.current(), call).await
    }

    fn current(&self) -> Arc<dyn Backend> {
        // Only a whole Arc is ever stored: a poisoned lock still holds a usable one.
        self.backend
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// The demo database beside the local one (`demo.db`).
    pub fn demo_path(&self) -> Result<PathBuf, ApiError> {
        match &self.db_path {
            Some(path) => Ok(path.with_file_name("demo.db")),
            None => Err(ApiError::new(
                zhibiao::api::ErrorCode::InvalidInput,
                "只有本机数据库可以改为打开演示数据",
            )),
        }
    }

    /// Every later call goes to `backend` (the demo database chosen at first run).
    pub fn replace_backend(&self, backend: Arc<dyn Backend>, db_path: PathBuf) {
        *self.backend.write().unwrap_or_else(|p| p.into_inner()) = backend;
        tracing::info!(db = %db_path.display(), "switched database");
    }
}
