//! The committed TypeScript bindings (`ui/src/bindings.ts` and `ui/src/bindings/*.ts`) must
//! equal what the Rust DTOs generate today. Regenerate with
//! `UPDATE_BINDINGS=1 cargo test --test interfaces ts_bindings::`.

use std::path::PathBuf;

#[test]
fn committed_typescript_bindings_are_current() {
    let ui = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ui/src");
    let files = zhibiao::bindings::typescript_files();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let dir = ui.join("bindings");
        // Files of concepts that no longer exist go too.
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (path, text) in &files {
            std::fs::write(ui.join(path), text).expect("write bindings");
        }
        return;
    }
    let mut stale = Vec::new();
    for (path, text) in &files {
        if std::fs::read_to_string(ui.join(path)).unwrap_or_default() != *text {
            stale.push(path.clone());
        }
    }
    let committed = std::fs::read_dir(ui.join("bindings")).map_or(0, |d| d.count());
    assert!(
        stale.is_empty() && committed == files.len() - 1,
        "stale TypeScript bindings {stale:?}: run `UPDATE_BINDINGS=1 cargo test --test interfaces ts_bindings::`"
    );
}
