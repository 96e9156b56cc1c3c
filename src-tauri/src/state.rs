//! What the running app holds: the backend every command goes through.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use zhibiao::api::machine_settings;
use zhibiao::api::ApiError;

use crate::backend::{self, Backend, Call, Local};

pub struct AppState {
    backend: Arc<dyn Backend>,
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
        Ok(Self::with_backend(Arc::new(Local::open(path, demo)?)))
    }

    pub fn with_backend(backend: Arc<dyn Backend>) -> Self {
        AppState {
            backend,
            machine_settings_path: machine_settings::default_path(),
            started: Instant::now(),
        }
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
        backend::call(self.backend.clone(), call).await
    }
}
