//! The server over TLS with a self-signed certificate made by `openssl` (as an administrator
//! would): the fingerprint the server prints is the one `openssl x509 -fingerprint` shows; a
//! client pinned to it gets answers; a client pinned to another certificate is refused in the
//! handshake; broken files give a Chinese message.

use crate::tls_support;

use std::sync::Arc;

use tls_support::{certificate, openssl_fingerprint};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use zhibiao::server::{self, AppState, Pinned, Tls, TlsListener};
use zhibiao::store::db::Location;

async fn get_health(addr: std::net::SocketAddr, pinned: &str) -> Result<String, String> {
    let config = Pinned::new(pinned).client_config();
    let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
    let tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
    let name = rustls::pki_types::ServerName::IpAddress(addr.ip().into());
    let mut tls = connector
        .connect(name, tcp)
        .await
        .map_err(|e| e.to_string())?;
    tls.write_all(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut answer = String::new();
    tls.read_to_string(&mut answer)
        .await
        .map_err(|e| e.to_string())?;
    Ok(answer)
}

#[test]
fn a_client_pinned_to_the_certificate_is_served_and_any_other_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (cert, key) = certificate(dir.path(), "server");
    let (other, _) = certificate(dir.path(), "other");
    let tls = Tls::from_pem_files(&cert, &key).unwrap();
    assert_eq!(tls.fingerprint, openssl_fingerprint(&cert));
    let state = AppState::open(Location::File(dir.path().join("city.db")), 2).unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async move {
        let tcp = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = tcp.local_addr().unwrap();
        let listener = TlsListener {
            tcp,
            acceptor: tls.acceptor,
        };
        tokio::spawn(server::serve_tls(listener, state, std::future::pending()));
        let answer = get_health(addr, &tls.fingerprint).await.unwrap();
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(answer.contains("\"ok\""), "{answer}");
        // Lower case is the same fingerprint.
        assert!(get_health(addr, &tls.fingerprint.to_lowercase())
            .await
            .is_ok());
        let refused = get_health(addr, &openssl_fingerprint(&other))
            .await
            .unwrap_err();
        assert!(refused.contains("指纹"), "{refused}");
        // The server goes on serving after a refused handshake.
        assert!(get_health(addr, &tls.fingerprint).await.is_ok());
    });
}

#[test]
fn broken_or_mismatched_files_are_a_chinese_message_and_tls_allows_any_address() {
    let dir = tempfile::tempdir().unwrap();
    let (cert, key) = certificate(dir.path(), "server");
    let (_, other_key) = certificate(dir.path(), "other");
    let junk = dir.path().join("junk.pem");
    std::fs::write(&junk, "不是证书").unwrap();
    let m = |r: Result<Tls, zhibiao::api::ApiError>| match r {
        Err(e) => e.message,
        Ok(_) => panic!("accepted"),
    };
    assert!(m(Tls::from_pem_files(&junk, &key)).contains("无法读取 TLS 文件"));
    assert!(m(Tls::from_pem_files(&cert, &junk)).contains("无法读取 TLS 文件"));
    assert!(m(Tls::from_pem_files(&cert, &other_key)).contains("不匹配"));
    let anywhere: std::net::SocketAddr = "0.0.0.0:8443".parse().unwrap();
    assert!(server::check_listen(anywhere, true).is_ok());
    assert!(server::check_listen(anywhere, false).is_err());
}
