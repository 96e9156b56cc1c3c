//! What the running app holds: the backend every command goes through.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Instant;

use zhibiao::api::machine_settings::{self, MachineSettings};
use zhibiao::api::ApiError;
use zhibiao::client::Server;

use crate::backend::{self, Backend, Call, Local, Remote};

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

    /// Where this computer's settings say to work: the shared server when one was chosen
    /// (no network is touched until the first command), else the database at `path`.
    pub fn open_chosen(path: &Path, demo: bool, settings_path: PathBuf) -> Result<Self, ApiError> {
        let settings = machine_settings::load(&settings_path).unwrap_or_else(|e| {
            tracing::warn!(error = %e.message, "machine settings unreadable; using the local database");
            MachineSettings::default()
        });
        let remote = match (&settings.server_url, demo) {
            (Some(url), false) => match Server::new(url)
                .and_then(|s| s.connect(settings.server_cert_sha256.as_deref()))
            {
                Ok(conn) => Some(Remote::new(conn)),
                Err(e) => {
                    tracing::warn!(error = %e.message, "server setting unusable; using the local database");
                    None
                }
            },
            _ => None,
        };
        let state = match remote {
            Some(remote) => {
                tracing::info!(server = %remote.address(), "working on the shared server");
                Self::with_backend(Arc::new(remote)).with_db_path(path.to_path_buf())
            }
            None => Self::open(path, demo)?,
        };
        Ok(state.with_machine_settings_path(settings_path))
    }

    /// This computer's own database file (also when working on a server).
    pub fn local_path(&self) -> Result<PathBuf, ApiError> {
        self.db_path.clone().ok_or_else(|| {
            ApiError::new(
                zhibiao::api::ErrorCode::InvalidInput,
                "没有本机数据库的位置",
            )
        })
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

    /// Every later call goes to `backend` (the demo database chosen at first run, the
    /// shared server, or this computer's database again), shown in the log as `where_to`.
    pub fn replace_backend(&self, backend: Arc<dyn Backend>, where_to: &str) {
        *self.backend.write().unwrap_or_else(|p| p.into_inner()) = backend;
        tracing::info!(to = where_to, "switched backend");
    }
}
