//! Use cases shared by the CLI and the Tauri commands. Each function opens no connection of
//! its own: callers pass the database they hold. Errors cross the IPC boundary as
//! [`ApiError`]: a stable `code` and a Chinese `message`.

pub mod backup;
pub mod changes;
pub mod charts;
pub mod commands;
pub mod dashboard;
pub mod db_path;
pub mod departments;
mod error;
pub mod evaluation_cache;
pub mod export;
pub mod feasibility;
pub mod import_corrections;
pub mod import_wizard;
pub mod lifecycle;
pub mod links;
pub mod machine_settings;
pub mod plan_import;
pub mod plans;
pub mod progress;
pub mod report;
pub mod session;
pub mod settings;
pub mod status;
pub mod targets;
pub mod users;
pub mod xlsx_import;

pub use error::{ApiError, ErrorCode};
