//! TLS for the server (rustls): the certificate and key files an administrator names with
//! `--tls-cert/--tls-key` (PEM), and a listener that hands axum decrypted connections.
//! A handshake has 10 s: a client that opens a connection and stays silent cannot hold up
//! the others for long.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use sha2::{Digest, Sha256};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::server::TlsStream;
use tokio_rustls::TlsAcceptor;

use crate::api::{ApiError, ErrorCode};

const HANDSHAKE_TIME: Duration = Duration::from_secs(10);

fn bad(what: &Path, e: impl std::fmt::Display) -> ApiError {
    ApiError::new(
        ErrorCode::InvalidInput,
        format!("无法读取 TLS 文件 {}：{e}", what.display()),
    )
}

/// The server's TLS setup, and the certificate's SHA-256 fingerprint (what a client shows
/// for its person to compare on first connection).
pub struct Tls {
    pub acceptor: TlsAcceptor,
    pub fingerprint: String,
}

impl Tls {
    pub fn from_pem_files(cert: &Path, key: &Path) -> Result<Tls, ApiError> {
        let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(cert)
            .map_err(|e| bad(cert, e))?
            .collect::<Result<_, _>>()
            .map_err(|e| bad(cert, e))?;
        let Some(leaf) = chain.first() else {
            return Err(bad(cert, "文件中没有证书"));
        };
        let fingerprint = fingerprint(leaf);
        let key = PrivateKeyDer::from_pem_file(key).map_err(|e| bad(key, e))?;
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| bad(cert, e))?
            .with_no_client_auth()
            .with_single_cert(chain, key)
            .map_err(|e| bad(cert, format!("证书与私钥不匹配或格式不支持（{e}）")))?;
        Ok(Tls {
            acceptor: TlsAcceptor::from(Arc::new(config)),
            fingerprint,
        })
    }
}

/// SHA-256 of a certificate, as `AB:CD:…` (the form browsers and `openssl x509 -fingerprint`
/// show).
pub fn fingerprint(cert: &CertificateDer<'_>) -> String {
    let digest = Sha256::digest(cert.as_ref());
    digest
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// Accepts TCP connections and completes their TLS handshakes; failed handshakes are logged
/// and skipped.
pub struct TlsListener {
    pub tcp: TcpListener,
    pub acceptor: TlsAcceptor,
}

impl axum::serve::Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            let (stream, addr) = match self.tcp.accept().await {
                Ok(c) => c,
                Err(e) => {
                    // Out of file descriptors and the like: wait instead of spinning.
                    tracing::warn!(error = %e, "accept");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            };
            match tokio::time::timeout(HANDSHAKE_TIME, self.acceptor.accept(stream)).await {
                Ok(Ok(tls)) => return (tls, addr),
                Ok(Err(e)) => tracing::info!(%addr, error = %e, "TLS handshake failed"),
                Err(_) => tracing::info!(%addr, "TLS handshake timed out"),
            }
        }
    }

    fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.tcp.local_addr()
    }
}
