//! The shared server as the backend: every command of the engine's table goes to
//! `POST /api/{name}` with the same arguments and comes back as the same output or
//! `ApiError`. The few calls about this machine (first-run password, backups of the local
//! file) are answered here, since on a server they are the server administrator's.

use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use serde::Deserialize;
use serde_json::{json, Value};
use zhibiao::api::commands::WRITES;
use zhibiao::api::settings;
use zhibiao::api::{ApiError, ErrorCode};
use zhibiao::auth::Session;
use zhibiao::client::{idempotency_key, Connection};

use super::{AnyCall, Backend};

/// A lost answer to a save is retried once after this pause, with the same key.
const RETRY_AFTER: Duration = Duration::from_secs(1);

pub struct Remote {
    conn: Connection,
    /// Who signed in through this app (the server knows it by the token).
    session: Mutex<Option<Session>>,
}

#[derive(Deserialize)]
struct Credentials {
    name: String,
    password: String,
}

fn args<T: serde::de::DeserializeOwned>(call: &dyn AnyCall) -> Result<T, ApiError> {
    serde_json::from_value(call.args()?)
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("参数无法解析：{e}")))
}

fn on_server(what: &str) -> ApiError {
    ApiError::new(
        ErrorCode::InvalidInput,
        format!("已连接服务器：{what}由服务器管理员在服务器上进行"),
    )
}

impl Remote {
    pub fn new(conn: Connection) -> Remote {
        Remote {
            conn,
            session: Mutex::new(None),
        }
    }

    pub fn address(&self) -> &str {
        self.conn.server().address()
    }

    /// The accepted certificate's fingerprint (none over plain HTTP to this machine).
    pub fn fingerprint(&self) -> Option<&str> {
        self.conn.fingerprint()
    }

    fn session_slot(&self) -> MutexGuard<'_, Option<Session>> {
        self.session.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A command of the table. A save whose answer was lost (the network failed after
    /// sending) is sent once more with the same idempotency key: the server answers it
    /// from its record instead of applying it twice.
    fn command(&self, name: &str, args: Value) -> Result<Value, ApiError> {
        if !WRITES.contains(&name) {
            return self.conn.call(name, args);
        }
        let key = idempotency_key();
        match self.conn.call_with_key(name, args.clone(), Some(&key)) {
            Err(e) if e.code == ErrorCode::Offline => {
                std::thread::sleep(RETRY_AFTER);
                self.conn.call_with_key(name, args, Some(&key))
            }
            answer => answer,
        }
    }

    fn answer(&self, call: &dyn AnyCall) -> Result<Value, ApiError> {
        Ok(match call.name() {
            "login" => {
                let c: Credentials = args(call)?;
                let (_, s) = self.conn.login(&c.name, &c.password)?;
                *self.session_slot() = Some(s.clone());
                json!(s)
            }
            "logout" => {
                *self.session_slot() = None;
                // The token is forgotten here at once; the server lets it expire if unreachable.
                if let Err(e) = self.conn.logout() {
                    tracing::warn!(error = %e.message, "sign-out not confirmed by the server");
                }
                Value::Null
            }
            "current_user" => {
                if self.conn.token().is_none() {
                    return Ok(Value::Null);
                }
                match self.conn.call("current_user", json!({})) {
                    Err(e) if e.code == ErrorCode::Unauthenticated => {
                        *self.session_slot() = None;
                        Value::Null
                    }
                    answer => answer?,
                }
            }
            // The server's first administrator is created on the server (`serve --init-admin`).
            "first_run" => json!({ "admin_needs_password": false, "admin_name": "admin" }),
            "is_first_run" => json!(false),
            // Before signing in, the server's settings are not readable: this computer's clock.
            "today" if self.conn.token().is_none() => json!(settings::today_without_database()?),
            "set_first_password" => return Err(on_server("设置首个管理员密码")),
            "app_info" => json!({
                "version": env!("CARGO_PKG_VERSION"),
                "db_path": self.address(),
            }),
            "list_backups" | "backup_now" | "restore_backup" => {
                return Err(on_server("备份与恢复"))
            }
            name => self.command(name, call.args()?)?,
        })
    }
}

impl Backend for Remote {
    fn run(&self, call: &mut dyn AnyCall) -> Result<(), ApiError> {
        let out = self.answer(call)?;
        call.set_output_json(out)
    }
}
