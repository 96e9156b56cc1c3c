//! Test harness: the shell's commands through the real IPC layer, headless (mock runtime),
//! on a temporary database, with requests as the webview sends them.
//!
//! `ZHIBIAO_TEST_BACKEND=server` runs every IPC test through the remote backend against
//! `zhibiao serve` on loopback, on the same database file (`make test` does);
//! `ZHIBIAO_TEST_BACKEND=loopback` runs them through [`Loopback`], an in-process double of
//! the backend seam (by hand, when a test fails only on the server). Tests of what only this machine does (first-run password, backups of the
//! local file) ask [`on_server`] and check the server's refusal instead.
#![allow(dead_code)]

use std::path::Path;
use std::sync::{Arc, Mutex};

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};
use zhibiao::api::ApiError;
use zhibiao_app::backend::{AnyCall, Backend, Local};
use zhibiao_app::AppState;

/// A test double of the backend, shaped like a remote one: it records each call's name and
/// its arguments as JSON (what would go over the wire), runs it on an engine of its own and
/// hands the output back through JSON (what would come back).
pub struct Loopback {
    engine: Local,
    pub calls: Mutex<Vec<(String, Value)>>,
}

impl Loopback {
    pub fn new(engine: Local) -> Self {
        Loopback {
            engine,
            calls: Mutex::new(Vec::new()),
        }
    }

    pub fn names(&self) -> Vec<String> {
        self.calls
            .lock()
            .unwrap()
            .iter()
            .map(|(n, _)| n.clone())
            .collect()
    }
}

impl Backend for Loopback {
    fn run(&self, call: &mut dyn AnyCall) -> Result<(), ApiError> {
        let args = call.args()?;
        self.calls
            .lock()
            .unwrap()
            .push((call.name().to_string(), args));
        call.run_on(&self.engine)?;
        let reply = call.output_json()?;
        call.set_output_json(reply)
    }
}

pub struct TestApp {
    _app: App<MockRuntime>,
    pub window: WebviewWindow<MockRuntime>,
    _dir: tempfile::TempDir,
}

impl TestApp {
    /// The local engine, or the loopback double when `ZHIBIAO_TEST_BACKEND=loopback`.
    pub fn new() -> Self {
        if std::env::var("ZHIBIAO_TEST_BACKEND").as_deref() == Ok("loopback") {
            Self::with_loopback().0
        } else {
            Self::with(true, |local| Arc::new(local))
        }
    }

    /// The app on a new, real (not demo) database.
    pub fn real() -> Self {
        if std::env::var("ZHIBIAO_TEST_BACKEND").as_deref() == Ok("loopback") {
            Self::with(false, |local| Arc::new(Loopback::new(local)))
        } else {
            Self::with(false, |local| Arc::new(local))
        }
    }

    /// The app over the loopback double, and the double to inspect.
    pub fn with_loopback() -> (Self, Arc<Loopback>) {
        let mut double = None;
        let app = Self::with_backend(true, |local| {
            let d = Arc::new(Loopback::new(local));
            double = Some(d.clone());
            d
        });
        (app, double.unwrap())
    }

    /// The app on the local engine whatever the environment says: for tests of what only
    /// the in-process engine does.
    pub fn local() -> Self {
        Self::with_backend(true, |local| Arc::new(local))
    }

    /// `backend` around the local engine, or the server when the environment asks for it.
    fn with(demo: bool, backend: impl FnOnce(Local) -> Arc<dyn Backend>) -> Self {
        if on_server() {
            Self::with_backend(demo, |local| {
                let db = local.db_path().to_path_buf();
                drop(local);
                server_backend(&db)
            })
        } else {
            Self::with_backend(demo, backend)
        }
    }

    fn with_backend(demo: bool, backend: impl FnOnce(Local) -> Arc<dyn Backend>) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("test.db");
        let local = Local::open(&db, demo).expect("open db");
        let backend = backend(local);
        let state = AppState::with_backend(backend)
            .with_db_path(db)
            .with_machine_settings_path(dir.path().join("settings.json"));
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

    pub fn state(&self) -> tauri::State<'_, AppState> {
        self.window.state::<AppState>()
    }

    /// Invokes `cmd` with JSON `args`; `Err` holds the serialised IPC error.
    pub fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        invoke(&self.window, cmd, args)
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

/// Whether the IPC tests run through the remote backend against a server.
pub fn on_server() -> bool {
    std::env::var("ZHIBIAO_TEST_BACKEND").as_deref() == Ok("server")
}

/// `zhibiao serve` on an ephemeral loopback port over the database file `db` (plain HTTP,
/// allowed on loopback), and the remote backend connected to it.
fn server_backend(db: &Path) -> Arc<dyn Backend> {
    let location = zhibiao::store::db::Location::File(db.to_path_buf());
    let state = zhibiao::server::AppState::open(location, 1).expect("server state");
    let addr = crate::serve_thread::serve_on_thread(1, |listener| async move {
        zhibiao::server::serve(listener, state, std::future::pending())
            .await
            .unwrap();
    });
    let server = zhibiao::client::Server::new(&format!("http://{addr}")).unwrap();
    Arc::new(zhibiao_app::backend::Remote::new(
        server.connect(None).unwrap(),
    ))
}

/// [`TestApp::invoke`] on a window, for calls from other threads.
pub fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
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
    get_ipc_response(window, request)
        .map(|body| body.deserialize::<Value>().expect("json response"))
}
