//! TLS in tests, as an administrator sets it up: a self-signed certificate made by `openssl`,
//! its fingerprint as `openssl x509 -fingerprint` prints it, and `zhibiao serve` over TLS on an
//! ephemeral loopback port. Shared by the engine's tests and the shell's (by path).
#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Command;

use zhibiao::server::{self, AppState, Tls, TlsListener};
use zhibiao::store::db::Location;

/// A self-signed certificate for 127.0.0.1 and its key, in `dir`.
pub fn certificate(dir: &Path, name: &str) -> (PathBuf, PathBuf) {
    let (cert, key) = (
        dir.join(format!("{name}.crt")),
        dir.join(format!("{name}.key")),
    );
    let ok = Command::new("openssl")
        .args(["req", "-x509", "-newkey", "ec"])
        .args(["-pkeyopt", "ec_paramgen_curve:prime256v1"])
        .args(["-nodes", "-days", "2", "-subj", "/CN=zhibiao-test"])
        .args(["-addext", "subjectAltName=IP:127.0.0.1"])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .expect("openssl");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    (cert, key)
}

/// The certificate's SHA-256 fingerprint as openssl prints it (`AB:CD:…`).
pub fn openssl_fingerprint(cert: &Path) -> String {
    let out = Command::new("openssl")
        .args(["x509", "-noout", "-fingerprint", "-sha256", "-in"])
        .arg(cert)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    text.trim().rsplit('=').next().unwrap().to_string()
}

/// `zhibiao serve` over TLS with `cert` on `location`, on its own runtime with one async
/// worker and `connections` database connections.
pub fn start_tls(location: Location, connections: u32, cert: &Path, key: &Path) -> SocketAddr {
    let tls = Tls::from_pem_files(cert, key).unwrap();
    let state = AppState::open(location, connections).unwrap();
    super::serve_thread::serve_on_thread(1, |tcp| async move {
        let listener = TlsListener {
            tcp,
            acceptor: tls.acceptor,
        };
        server::serve_tls(listener, state, std::future::pending())
            .await
            .unwrap();
    })
}
