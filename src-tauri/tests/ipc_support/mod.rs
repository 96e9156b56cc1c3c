//! Test harness: the shell's commands through the real IPC layer, headless (mock runtime),
//! on a temporary database, with requests as the webview sends them.
#![allow(dead_code)]

use std::path::Path;

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};
use zhibiao_app::AppState;

pub struct TestApp {
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    _dir: tempfile::TempDir,
}

impl TestApp {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = AppState::open(&dir.path().join("test.db"), true).expect("open db");
        Self::with_state(state, dir)
    }

    fn with_state(state: AppState, dir: tempfile::TempDir) -> Self {
        let app = zhibiao_app::setup(mock_builder())
            .manage(state)
            .build(mock_context(noop_assets()))
            .expect("build app");
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("window");
        TestApp {
            _app: app,
            window,
            _dir: dir,
        }
    }

    pub fn db_path(&self) -> &Path {
        self._dir.path()
    }

    /// Invokes `cmd` with JSON `args`; `Err` holds the serialised IPC error.
    pub fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            // The webview's origin on Linux.
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request)
            .map(|body| body.deserialize::<Value>().expect("json response"))
    }

    /// Signs in as the first-run admin and clears the forced password change.
    pub fn sign_in_admin(&self) {
        let s = self
            .invoke("login", json!({"name": "admin", "password": "admin"}))
            .expect("admin login");
        assert_eq!(s["must_change_password"], true);
        self.invoke(
            "change_password",
            json!({"oldPassword": "admin", "newPassword": "Zhibiao-2026!"}),
        )
        .expect("change password");
    }
}
