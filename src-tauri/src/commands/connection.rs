//! Where this computer works: its own database (the default) or a city's shared server.
//! Chosen on the sign-in screen and kept in this computer's settings. A server with a
//! self-signed certificate is trusted by fingerprint: shown on first connection for the
//! person to accept; a changed certificate is refused until a server administrator accepts
//! the renewed one.

use std::sync::Arc;

use tauri::State;
use zhibiao::api::machine_settings::{self, MachineSettings};
use zhibiao::api::{ApiError, ErrorCode};
use zhibiao::client::{confirm_administrator, refuse_other_certificate, Probe, Server};

use crate::backend::{Local, Remote};
use crate::state::AppState;

/// Network and password work off the main thread.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("后台任务意外中止：{e}")))?
}

/// First contact: the server's canonical address and its certificate's fingerprint.
#[tauri::command]
pub async fn probe_server(address: String) -> Result<Probe, ApiError> {
    blocking(move || Server::new(&address)?.probe()).await
}

/// Works on the server from now on, trusting the certificate with `fingerprint`.
#[tauri::command]
pub async fn connect_server(
    state: State<'_, AppState>,
    address: String,
    fingerprint: Option<String>,
) -> Result<MachineSettings, ApiError> {
    let kept = machine_settings::load(state.machine_settings_path())?;
    let remote = blocking(move || {
        let server = Server::new(&address)?;
        refuse_other_certificate(&kept, server.address(), fingerprint.as_deref())?;
        let conn = server.connect(fingerprint.as_deref())?;
        conn.health()?;
        Ok(Remote::new(conn))
    })
    .await?;
    use_remote(&state, remote)
}

/// A renewed certificate, accepted by a server administrator who signs in through it.
#[tauri::command]
pub async fn accept_renewed_certificate(
    state: State<'_, AppState>,
    address: String,
    fingerprint: String,
    name: String,
    password: String,
) -> Result<MachineSettings, ApiError> {
    let remote = blocking(move || {
        let conn = Server::new(&address)?.connect(Some(&fingerprint))?;
        confirm_administrator(&conn, &name, &password)?;
        Ok(Remote::new(conn))
    })
    .await?;
    use_remote(&state, remote)
}

fn use_remote(state: &AppState, remote: Remote) -> Result<MachineSettings, ApiError> {
    let settings = MachineSettings {
        server_url: Some(remote.address().to_string()),
        server_cert_sha256: remote.fingerprint().map(str::to_string),
    };
    machine_settings::save(state.machine_settings_path(), &settings)?;
    state.replace_backend(
        Arc::new(remote),
        settings.server_url.as_deref().unwrap_or(""),
    );
    Ok(settings)
}

/// Back to this computer's own database.
#[tauri::command]
pub async fn use_local_database(state: State<'_, AppState>) -> Result<MachineSettings, ApiError> {
    let path = state.local_path()?;
    let at = path.clone();
    let local = blocking(move || Local::open(&at, false)).await?;
    let settings = MachineSettings::default();
    machine_settings::save(state.machine_settings_path(), &settings)?;
    state.replace_backend(Arc::new(local), &path.display().to_string());
    Ok(settings)
}
