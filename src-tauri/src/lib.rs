//! Tauri shell (scaffold).
