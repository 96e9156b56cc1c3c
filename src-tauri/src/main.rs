// Keeps a console window from appearing on Windows release builds; no effect on Linux.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // Before any thread starts (setting the environment later is unsound).
    zhibiao_app::webview_env::apply_defaults();
    zhibiao_app::run();
}
