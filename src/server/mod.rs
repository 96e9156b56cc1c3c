//! `zhibiao serve`: the same use cases over HTTP/JSON for a city's departments on many
//! machines (axum on tokio). What is here: sign-in tokens, failed sign-ins throttled per
//! account and address, every command of the engine's table by name (saves retried with an
//! `Idempotency-Key` not applied twice),
//! JSON errors with the `ApiError` codes, a 10 MB body limit, one log line per request, and
//! every store call on a blocking pool, TLS (rustls) — required for any address beyond
//! loopback, since passwords and tokens must not cross the network in clear text.

mod error;
mod log;
mod pinned;
mod pool;
mod replies;
mod routes;
mod sessions;
mod sign_in;
mod throttle;
mod tls;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use crate::api::{ApiError, ErrorCode};
use crate::store::db::Location;

pub use error::{body_too_large, status_of};
pub use pinned::Pinned;
pub use pool::Pool;
pub use sessions::{Sessions, TOKEN_LIFETIME};
pub use sign_in::SignedIn;
pub use throttle::{Throttle, LOCK_TIME, MAX_FAILURES};
pub use tls::{fingerprint, Tls, TlsListener};

/// Request bodies above this are refused with 413.
pub const BODY_LIMIT: usize = 10 * 1024 * 1024;

#[derive(Clone)]
pub struct AppState {
    pub pool: Pool,
    pub sessions: Arc<Sessions>,
    pub throttle: Arc<Mutex<Throttle>>,
    /// Password checks running at once (each holds argon2's memory).
    pub password_checks: Arc<tokio::sync::Semaphore>,
    /// Answers kept for retried saves (`Idempotency-Key`).
    pub replies: Arc<replies::Replies>,
}

/// At most this many password checks at once.
pub const PASSWORD_CHECKS: usize = 4;

impl AppState {
    pub fn open(location: Location, connections: u32) -> Result<AppState, ApiError> {
        Ok(AppState {
            pool: Pool::open(location, connections)?,
            sessions: Arc::new(Sessions::default()),
            throttle: Arc::default(),
            password_checks: Arc::new(tokio::sync::Semaphore::new(PASSWORD_CHECKS)),
            replies: Arc::default(),
        })
    }
}

/// The whole service: routes, body limit, request log.
pub fn app(state: AppState) -> axum::Router {
    routes::router(state)
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn(log::log_request))
}

/// The client's address, for throttling sign-ins: the same over TCP and over TLS.
#[derive(Clone, Copy, Debug)]
pub struct Peer(pub SocketAddr);

impl
    axum::extract::connect_info::Connected<axum::serve::IncomingStream<'_, tokio::net::TcpListener>>
    for Peer
{
    fn connect_info(s: axum::serve::IncomingStream<'_, tokio::net::TcpListener>) -> Peer {
        Peer(*s.remote_addr())
    }
}

impl axum::extract::connect_info::Connected<axum::serve::IncomingStream<'_, TlsListener>> for Peer {
    fn connect_info(s: axum::serve::IncomingStream<'_, TlsListener>) -> Peer {
        Peer(*s.remote_addr())
    }
}

/// Passwords and tokens travel in clear text without TLS: then only a loopback address.
pub fn check_listen(addr: SocketAddr, tls: bool) -> Result<(), ApiError> {
    if tls || addr.ip().is_loopback() {
        Ok(())
    } else {
        Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!("{addr} 不是本机地址：未配置 TLS（--tls-cert/--tls-key）时密码和令牌会以明文在网络上传输，只能监听 127.0.0.1"),
        ))
    }
}

/// Serves plain HTTP on `listener` (loopback) until `stop` completes (or the task is
/// dropped); requests under way when it does are answered first, none is cut off.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    stop: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<Peer>(),
    )
    .with_graceful_shutdown(stop)
    .await
}

/// [`serve`] over HTTPS.
pub async fn serve_tls(
    listener: TlsListener,
    state: AppState,
    stop: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<Peer>(),
    )
    .with_graceful_shutdown(stop)
    .await
}
