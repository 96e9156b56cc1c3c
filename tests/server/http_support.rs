//! Speaking to `zhibiao serve` in tests and benchmarks: a server on its own runtime, and
//! requests as raw HTTP/1.1 bytes (what any client, or one that skips the UI, can send).
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use serde_json::Value;
use zhibiao::server::{self, AppState};
use zhibiao::store::db::Location;

use super::shared_city::Place;

/// A server on an ephemeral loopback port, on its own runtime with one async worker.
pub fn start(place: &Place) -> SocketAddr {
    start_with(place, 1, 4)
}

/// A server with `workers` async threads and `connections` database connections.
pub fn start_with(place: &Place, workers: usize, connections: u32) -> SocketAddr {
    let location = match place {
        Place::File(path, _) => Location::File(path.clone()),
        Place::Postgres { url, schema } => {
            // Every pooled connection works in the test's schema.
            let sep = if url.contains('?') { '&' } else { '?' };
            Location::Postgres(format!("{url}{sep}options=-csearch_path%3D{schema}"))
        }
    };
    let state = AppState::open(location, connections).unwrap();
    super::serve_thread::serve_on_thread(workers, |listener| async move {
        server::serve(listener, state, std::future::pending())
            .await
            .unwrap();
    })
}

pub struct Reply {
    pub status: u16,
    pub body: Value,
}

/// One request over a fresh connection, as bytes on the wire.
pub fn http(addr: SocketAddr, method: &str, path: &str, token: Option<&str>, body: &[u8]) -> Reply {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let auth = token.map_or(String::new(), |t| format!("Authorization: Bearer {t}\r\n"));
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).unwrap();
    // A refused large body may be answered before it was all sent.
    let _ = s.write_all(body);
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("an answer within 30 s");
    let text = String::from_utf8_lossy(&raw);
    let status = text[9..12].parse().unwrap();
    let body = text.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    Reply {
        status,
        body: serde_json::from_str(body).unwrap_or(Value::Null),
    }
}

pub fn post(addr: SocketAddr, path: &str, token: Option<&str>, body: Value) -> Reply {
    http(addr, "POST", path, token, body.to_string().as_bytes())
}

/// Signs in as `name` (with the fixture's password); the session's token.
pub fn login(addr: SocketAddr, name: &str) -> String {
    let r = post(
        addr,
        "/api/login",
        None,
        serde_json::json!({"name": name, "password": super::progress_fixture::PASSWORD}),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    r.body["token"].as_str().unwrap().to_string()
}
