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
//!
//! With both off, the app process draws the web process's frames with cairo and needs no GL
//! at all, yet two things still load the GL driver into it (Mesa's llvmpipe here: libLLVM's
//! relocated data alone is 8 MB per process): GTK probes GLX when it opens the X display,
//! to pick visuals for GL widgets the app has none of (`GDK_GL=disable` skips that), and
//! WebKit starts EGL to ask which GPU device the web process should render on, which only
//! the DMA-BUF renderer uses (naming the device skips the question; the kernel's first
//! render node is the one WebKit falls back to). Both together: app process 93 → 68 MB
//! PSS, total 250.7 → 232 MB (release, demo database; either alone had no effect, as the
//! other still loads the driver). Set only while both WebKit defaults above are in effect.

use std::ffi::OsString;

const DEFAULTS: &[(&str, &str)] = &[
    ("WEBKIT_DISABLE_COMPOSITING_MODE", "1"),
    ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
];

/// Defaults for when WebKit uses neither GPU layers nor the DMA-BUF renderer.
const WITHOUT_GPU: &[(&str, &str)] = &[
    ("GDK_GL", "disable"),
    ("WEBKIT_WEB_RENDER_DEVICE_FILE", "/dev/dri/renderD128"),
];

/// Sets each default that is not already in the environment. Call first thing in `main`,
/// before any thread exists.
pub fn apply_defaults() {
    for (name, value) in defaults_to_set(|name| std::env::var_os(name)) {
        std::env::set_var(name, value);
    }
}

/// The defaults to set, given how the environment reads each variable now.
fn defaults_to_set(get: impl Fn(&str) -> Option<OsString>) -> Vec<(&'static str, &'static str)> {
    let mut set: Vec<_> = DEFAULTS
        .iter()
        .copied()
        .filter(|(name, _)| get(name).is_none())
        .collect();
    let effective = |name: &str| {
        get(name).or_else(|| {
            set.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| OsString::from(v))
        })
    };
    // WebKit reads any value but "0" as "disable".
    let without_gpu = DEFAULTS
        .iter()
        .all(|(name, _)| effective(name).is_some_and(|v| v != "0"));
    if without_gpu {
        set.extend(
            WITHOUT_GPU
                .iter()
                .copied()
                .filter(|(name, _)| get(name).is_none()),
        );
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect();
        move |name| {
            vars.iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    fn names(set: &[(&str, &str)]) -> Vec<String> {
        set.iter().map(|(n, _)| n.to_string()).collect()
    }

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

    #[test]
    fn without_gpu_drawing_gl_is_kept_out_of_the_app_process() {
        let set = defaults_to_set(env(&[]));
        assert_eq!(
            names(&set),
            [
                "WEBKIT_DISABLE_COMPOSITING_MODE",
                "WEBKIT_DISABLE_DMABUF_RENDERER",
                "GDK_GL",
                "WEBKIT_WEB_RENDER_DEVICE_FILE"
            ]
        );
        // Also when the user disabled them (any value but "0").
        let set = defaults_to_set(env(&[
            ("WEBKIT_DISABLE_COMPOSITING_MODE", "1"),
            ("WEBKIT_DISABLE_DMABUF_RENDERER", "yes"),
        ]));
        assert_eq!(names(&set), ["GDK_GL", "WEBKIT_WEB_RENDER_DEVICE_FILE"]);
    }

    #[test]
    fn gl_stays_when_the_user_turns_gpu_drawing_back_on() {
        let set = defaults_to_set(env(&[("WEBKIT_DISABLE_COMPOSITING_MODE", "0")]));
        assert_eq!(names(&set), ["WEBKIT_DISABLE_DMABUF_RENDERER"]);
        let set = defaults_to_set(env(&[("WEBKIT_DISABLE_DMABUF_RENDERER", "0")]));
        assert_eq!(names(&set), ["WEBKIT_DISABLE_COMPOSITING_MODE"]);
    }

    #[test]
    fn the_users_gl_settings_win() {
        let set = defaults_to_set(env(&[
            ("GDK_GL", "always"),
            ("WEBKIT_WEB_RENDER_DEVICE_FILE", "/dev/dri/renderD129"),
        ]));
        assert_eq!(
            names(&set),
            [
                "WEBKIT_DISABLE_COMPOSITING_MODE",
                "WEBKIT_DISABLE_DMABUF_RENDERER"
            ]
        );
    }
}
