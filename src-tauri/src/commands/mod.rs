//! IPC commands, one module per concept. Each is a few lines over `zhibiao::api`; they live
//! in modules because `#[tauri::command]` at the top of lib.rs collides (E0255).

pub mod app_info;
pub mod backup;
pub mod connection;
pub mod departments;
pub mod feasibility;
mod files;
pub mod import_wizard;
pub mod imports;
pub mod lifecycle;
pub mod links;
pub mod plans;
pub mod progress;
pub mod report;
pub mod session;
pub mod settings;
pub mod status;
pub mod users;
