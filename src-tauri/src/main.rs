// Keeps a console window from appearing on Windows release builds; no effect on Linux.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    zhibiao_app::run();
}
