//! Long work (reading a 10 MB paste, storing an import) runs on a blocking thread so the
//! window stays responsive; synchronous commands would run on the main thread.

use tauri::{AppHandle, Manager, Runtime};
use zhibiao::api::{ApiError, ErrorCode};

use crate::state::AppState;

pub async fn run<R: Runtime, T: Send + 'static>(
    app: AppHandle<R>,
    work: impl FnOnce(&AppState) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tauri::async_runtime::spawn_blocking(move || work(&app.state::<AppState>()))
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "background task failed");
            ApiError::new(ErrorCode::Internal, "后台任务意外中止，请重试")
        })?
}
