//! A signed-in conversation with one server: the token, the pinned certificate, and the
//! commands sent as `POST /api/{name}` with their arguments as JSON.

use std::sync::{Arc, Mutex};

use rand_core::{OsRng, RngCore};
use serde::Deserialize;
use serde_json::{json, Value};

use super::address::Server;
use super::errors;
use super::fingerprint::{tls_config, Watched};
use super::{CertificateChange, CONNECT_TIME, REQUEST_TIME};
use crate::api::changes::Changes;
use crate::api::{ApiError, ErrorCode};
use crate::auth::Session;

/// The HTTP agent: our timeouts, no redirects (a token must not follow one elsewhere), no
/// proxy from the environment (an intranet server is reached directly).
pub(super) fn agent(tls: Option<Arc<rustls::ClientConfig>>) -> ureq::Agent {
    let mut b = ureq::AgentBuilder::new()
        .timeout_connect(CONNECT_TIME)
        .timeout(REQUEST_TIME)
        .redirects(0)
        .try_proxy_from_env(false)
        // The shell sends commands from several threads at once.
        .max_idle_connections_per_host(4)
        .user_agent(concat!("zhibiao/", env!("CARGO_PKG_VERSION")));
    if let Some(config) = tls {
        b = b.tls_config(config);
    }
    b.build()
}

/// A fresh random key (UUID v4 form) for one save attempt: sent as `Idempotency-Key` and
/// reused when the same save is retried, so the server applies it at most once.
pub fn idempotency_key() -> String {
    let mut b = [0u8; 16];
    OsRng.fill_bytes(&mut b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex::encode(b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// One server, its accepted certificate and (after [`Connection::login`]) a token. Shared by
/// the shell's threads.
pub struct Connection {
    server: Server,
    agent: ureq::Agent,
    pin: Option<Arc<Watched>>,
    token: Mutex<Option<String>>,
}

/// The token stays out of logs.
impl std::fmt::Debug for Connection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Connection")
            .field("server", &self.server.address())
            .field("fingerprint", &self.fingerprint())
            .field("signed_in", &self.token().is_some())
            .finish()
    }
}

#[derive(Deserialize)]
struct SignedIn {
    token: String,
    session: Session,
}

fn is_command_name(name: &str) -> bool {
    !name.is_empty()
        && name.split('/').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        })
}

impl Connection {
    pub(super) fn new(server: Server, pin: Option<String>) -> Connection {
        let pin = pin.map(|p| Arc::new(Watched::new(p)));
        let tls = pin
            .as_ref()
            .map(|w| tls_config(w.clone() as Arc<dyn rustls::client::danger::ServerCertVerifier>));
        Connection {
            agent: agent(tls),
            server,
            pin,
            token: Mutex::new(None),
        }
    }

    pub fn server(&self) -> &Server {
        &self.server
    }

    /// The accepted certificate's fingerprint (`None` over plain HTTP to this machine).
    pub fn fingerprint(&self) -> Option<&str> {
        self.pin.as_deref().map(Watched::expected)
    }

    /// After a refused handshake: the accepted and the presented fingerprints.
    pub fn refused_certificate(&self) -> Option<CertificateChange> {
        self.pin.as_deref().and_then(Watched::change)
    }

    pub fn token(&self) -> Option<String> {
        self.token.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Resumes with a token kept from an earlier [`Connection::login`] (or forgets it).
    pub fn set_token(&self, token: Option<String>) {
        *self.token.lock().unwrap_or_else(|p| p.into_inner()) = token;
    }

    fn send(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
        idempotency_key: Option<&str>,
    ) -> Result<Value, ApiError> {
        let address = self.server.address();
        let mut request = self
            .agent
            .request(method, &format!("{address}{path}"))
            .set("Accept", "application/json");
        if let Some(token) = self.token() {
            request = request.set("Authorization", &format!("Bearer {token}"));
        }
        if let Some(key) = idempotency_key {
            request = request.set("Idempotency-Key", key);
        }
        let answer = match body {
            Some(b) => {
                // Refused here, not sent: a server refusing a body it is still receiving may
                // close the connection before the client reads its answer, which would then
                // look like the network failing.
                let bytes = serde_json::to_vec(b).map_err(|e| {
                    ApiError::new(ErrorCode::Internal, format!("请求无法编码：{e}"))
                })?;
                if bytes.len() > crate::server::BODY_LIMIT {
                    return Err(crate::server::body_too_large());
                }
                request
                    .set("Content-Type", "application/json")
                    .send_bytes(&bytes)
            }
            None => request.call(),
        }
        .map_err(|e| errors::from_ureq(e, address, self.pin.as_deref()))?;
        answer.into_json().map_err(|e| errors::reading(e, address))
    }

    /// Is the server there (`GET /health`, no sign-in needed)?
    pub fn health(&self) -> Result<(), ApiError> {
        self.send("GET", "/health", None, None).map(drop)
    }

    /// Signs in; the token is kept for the following calls and returned (the shell may keep
    /// it to resume).
    pub fn login(&self, name: &str, password: &str) -> Result<(String, Session), ApiError> {
        let body = json!({ "name": name, "password": password });
        let answer = self.send("POST", "/api/login", Some(&body), None)?;
        let signed: SignedIn = serde_json::from_value(answer).map_err(|e| {
            ApiError::new(
                ErrorCode::Internal,
                format!("服务器的登录回答无法识别：{e}"),
            )
        })?;
        self.set_token(Some(signed.token.clone()));
        Ok((signed.token, signed.session))
    }

    /// Signs out: the token is forgotten here first, then revoked on the server (if that
    /// fails, the token expires there by itself).
    pub fn logout(&self) -> Result<(), ApiError> {
        let Some(token) = self.token.lock().unwrap_or_else(|p| p.into_inner()).take() else {
            return Ok(());
        };
        let address = self.server.address();
        self.agent
            .post(&format!("{address}/api/logout"))
            .set("Authorization", &format!("Bearer {token}"))
            .call()
            .map(drop)
            .map_err(|e| errors::from_ureq(e, address, self.pin.as_deref()))
    }

    /// The command `name` with its arguments object; its output as JSON.
    pub fn call(&self, name: &str, args: Value) -> Result<Value, ApiError> {
        self.call_with_key(name, args, None)
    }

    /// [`Connection::call`] with an `Idempotency-Key` (see [`idempotency_key`]): give the same
    /// key when retrying the same save.
    pub fn call_with_key(
        &self,
        name: &str,
        args: Value,
        idempotency_key: Option<&str>,
    ) -> Result<Value, ApiError> {
        if !is_command_name(name) {
            return Err(ApiError::new(
                ErrorCode::Internal,
                format!("命令名无效：{name}"),
            ));
        }
        self.send(
            "POST",
            &format!("/api/{name}"),
            Some(&args),
            idempotency_key,
        )
    }

    /// The latest change on the server, polled to reload lists when others' work arrives.
    pub fn changes(&self) -> Result<Changes, ApiError> {
        let answer = self.send("GET", "/api/changes", None, None)?;
        serde_json::from_value(answer)
            .map_err(|e| ApiError::new(ErrorCode::Internal, format!("服务器的回答无法识别：{e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_connection_is_shared_by_the_shells_threads() {
        fn shared<T: Send + Sync>() {}
        shared::<Connection>();
    }

    #[test]
    fn keys_are_random_uuids_and_command_names_stay_in_the_api() {
        let (a, b) = (idempotency_key(), idempotency_key());
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(a.as_bytes()[14], b'4');
        assert!(a.split('-').map(str::len).eq([8, 4, 4, 4, 12]));
        for good in ["entry_grid", "save_observations", "admin/unlock", "v2"] {
            assert!(is_command_name(good), "{good}");
        }
        for bad in [
            "",
            "../health",
            "a//b",
            "/a",
            "a/",
            "Entry",
            "a?b=1",
            "a b",
            "a.b",
        ] {
            assert!(!is_command_name(bad), "{bad}");
        }
    }
}
