//! The desktop app as a client of `zhibiao serve`: the same commands sent over HTTPS, with
//! the server's answers and errors (the same [`ApiError`] codes) as if the app had run them
//! itself. Blocking (ureq): the shell runs each command on a blocking thread.
//!
//! A city's server usually has a self-signed certificate, so trust is by fingerprint:
//! [`Server::probe`] shows the certificate's SHA-256 fingerprint for the person to compare
//! and accept on first connection; [`Server::connect`] then trusts exactly that certificate.
//! A changed certificate is refused with both fingerprints ([`CertificateChange`]) until an
//! administrator accepts the renewed one. Plain `http://` only to this machine: passwords and
//! tokens must not cross the network in clear text.
//!
//! A server out of reach is [`ErrorCode::Offline`](crate::api::ErrorCode::Offline): the UI
//! keeps the edits as drafts and sends them later; saves carry an idempotency key
//! ([`idempotency_key`]) reused on retry, so a save whose answer was lost is not applied twice.

mod address;
mod connection;
mod errors;
mod fingerprint;
mod trust;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use address::Server;
pub use connection::{idempotency_key, Connection};
pub use errors::certificate_changed;
pub use fingerprint::normalize_fingerprint;
pub use trust::{confirm_administrator, refuse_other_certificate};

/// Seconds to open a TCP connection (and to finish a TLS handshake on it).
pub const CONNECT_TIME: std::time::Duration = std::time::Duration::from_secs(5);
/// Seconds for a whole request, answer included.
pub const REQUEST_TIME: std::time::Duration = std::time::Duration::from_secs(30);

/// What a first contact with a server found: its canonical address and, over HTTPS, its
/// certificate's fingerprint for the person to compare with the one the administrator gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Probe {
    /// `https://host:port` (or `http://127.0.0.1:port`).
    pub address: String,
    /// SHA-256 of the server's certificate as `AB:CD:…`; `None` over plain HTTP (loopback).
    pub fingerprint: Option<String>,
}

/// The server presented another certificate than the accepted one: both fingerprints, for
/// the person (or an administrator accepting a renewed certificate) to compare side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CertificateChange {
    pub expected: String,
    pub presented: String,
}
