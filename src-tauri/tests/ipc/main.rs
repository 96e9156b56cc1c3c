//! The shell's commands through the real IPC layer on Tauri's mock runtime: locally, or
//! through `zhibiao serve` when `ZHIBIAO_TEST_BACKEND=server` (scripts/shell-tests-again.sh).

mod ipc_support;
#[path = "../../../tests/shared/serve_thread.rs"]
mod serve_thread;
#[path = "../../../tests/shared/tls_support.rs"]
mod tls_support;

mod backend_seam;
mod connection;
mod departments;
mod import;
mod import_wizard;
mod lifecycle;
mod progress_commands;
mod session;
mod settings;
mod users;
