//! Use cases shared by the CLI and the Tauri commands. Each function opens no connection of
//! its own: callers pass the database they hold. Errors cross the IPC boundary as
//! [`ApiError`]: a stable `code` and a Chinese `message`.

mod error;

pub use error::{ApiError, ErrorCode};
