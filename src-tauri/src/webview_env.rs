//! WebKitGTK settings that are read from the environment when the webview starts.
//!
//! Accelerated compositing keeps extra off-screen buffers in the web process: measured on
//! the demo database 10 s after start (scripts/measure.sh, debug build, Xvfb), the web
//! process took 211 MB PSS with it and 132 MB without, and the first paint came sooner. The
//! app draws tables, forms and SVG charts, which need no GPU layers.
//!
//! The DMA-BUF renderer (how the web process hands frames to the app process) makes the app
//! process set up EGL and the GPU driver besides; without GPU layers it is not needed, and
//! off it the app process took 2.3 MB PSS less (release build, same measure). A value the
//! user or the desktop already set (e.g. `WEBKIT_DISABLE_COMPOSITING_MODE=0` to turn
//! compositing back on) wins.

const DEFAULTS: &[(&str, &str)] = &[
    ("WEBKIT_DISABLE_COMPOSITING_MODE", "1"),
    ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
];

/// Sets each default that is not already in the environment. Call first thing in `main`,
/// before any thread exists.
pub fn apply_defaults() {
    for (name, value) in DEFAULTS {
        if std::env::var_os(name).is_none() {
            std::env::set_var(name, value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_already_set_is_kept() {
        // One test touches this variable, so no other test races with it.
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "0");
        apply_defaults();
        assert_eq!(
            std::env::var("WEBKIT_DISABLE_COMPOSITING_MODE").unwrap(),
            "0"
        );
        std::env::remove_var("WEBKIT_DISABLE_COMPOSITING_MODE");
        apply_defaults();
        assert_eq!(
            std::env::var("WEBKIT_DISABLE_COMPOSITING_MODE").unwrap(),
            "1"
        );
    }
}
