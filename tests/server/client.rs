//! The engine's HTTP client (`zhibiao::client`, what the desktop app's remote backend wraps)
//! against a real `zhibiao serve` on loopback: first contact shows the certificate's
//! fingerprint, a connection pinned to it signs in and runs commands, a changed certificate
//! is refused with both fingerprints, the server's JSON errors come back as the same
//! `ApiError`, an unreachable server is `offline` — on a SQLite file and on PostgreSQL.

use crate::http_support;
use crate::progress_fixture;
use crate::shared_city;
use crate::tls_support;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::path::Path;

use serde_json::{json, Value};
use shared_city::{places, Place};
use tls_support::{certificate, openssl_fingerprint};
use zhibiao::api::{progress, session, ApiError, ErrorCode};
use zhibiao::client::{self, CertificateChange, Server};
use zhibiao::store::db::Location;

fn location(place: &Place) -> Location {
    match place {
        Place::File(path, _) => Location::File(path.clone()),
        Place::Postgres { url, schema } => {
            let sep = if url.contains('?') { '&' } else { '?' };
            Location::Postgres(format!("{url}{sep}options=-csearch_path%3D{schema}"))
        }
    }
}

/// `zhibiao serve` over TLS with `cert` on `place`.
fn start_tls(place: &Place, cert: &Path, key: &Path) -> SocketAddr {
    tls_support::start_tls(location(place), 4, cert, key)
}

/// A stand-in server that answers one request with `status` and `body`, and hands back the
/// request as received.
fn canned(status: u16, body: String) -> (SocketAddr, std::thread::JoinHandle<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let served = std::thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        let mut raw = Vec::new();
        let mut buf = [0u8; 4096];
        // Headers, then as many body bytes as announced.
        loop {
            let n = s.read(&mut buf).unwrap();
            raw.extend_from_slice(&buf[..n]);
            let text = String::from_utf8_lossy(&raw).to_string();
            if let Some((head, rest)) = text.split_once("\r\n\r\n") {
                let length = head
                    .lines()
                    .find_map(|l| {
                        let (k, v) = l.split_once(':')?;
                        k.eq_ignore_ascii_case("content-length")
                            .then(|| v.trim().parse::<usize>().unwrap())
                    })
                    .unwrap_or(0);
                if rest.len() >= length || n == 0 {
                    break;
                }
            }
            assert!(n > 0, "the request ended early");
        }
        let answer = format!(
            "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        s.write_all(answer.as_bytes()).unwrap();
        String::from_utf8(raw).unwrap()
    });
    (addr, served)
}

fn cell(indicator: i64, value: &str, version: i64) -> Value {
    json!({"indicator_id": indicator, "period": "2025Q3", "value": value, "expected_version": version})
}

/// A port nobody listens on.
fn closed_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn first_contact_shows_the_fingerprint_and_a_pinned_connection_works_on_both() {
    let dir = tempfile::tempdir().unwrap();
    let (cert, key) = certificate(dir.path(), "server");
    let expected = openssl_fingerprint(&cert);
    for setup in places("client_tls") {
        let which = setup.place.name();
        let addr = start_tls(&setup.place, &cert, &key);
        let server = Server::new(&format!("127.0.0.1:{}", addr.port())).unwrap();
        assert_eq!(
            server.address(),
            format!("https://127.0.0.1:{}", addr.port())
        );
        let probe = server.probe().unwrap();
        assert_eq!(
            probe.fingerprint.as_deref(),
            Some(expected.as_str()),
            "{which}"
        );
        assert_eq!(probe.address, server.address());

        // As the person might paste it: lower case.
        let c = server.connect(Some(&expected.to_lowercase())).unwrap();
        assert_eq!(c.fingerprint(), Some(expected.as_str()));
        c.health().unwrap();
        let e = c
            .call(
                "entry_grid",
                json!({"department_id": setup.dept_a, "period": "2025Q3"}),
            )
            .unwrap_err();
        assert_eq!(
            e.code,
            ErrorCode::Unauthenticated,
            "{which}: not signed in yet"
        );
        let bad = c.login("staff_a", "nope").unwrap_err();
        assert_eq!(bad.code, ErrorCode::Unauthenticated, "{which}");
        assert!(bad.message.contains("密码"), "{}", bad.message);

        let (token, s) = c.login("staff_a", progress_fixture::PASSWORD).unwrap();
        assert_eq!(
            (s.name.as_str(), s.department_id),
            ("staff_a", Some(setup.dept_a))
        );
        assert_eq!(c.token().as_deref(), Some(token.as_str()));
        let before = c.changes().unwrap().last_change;
        let grid = c
            .call(
                "entry_grid",
                json!({"department_id": setup.dept_a, "period": "2025Q3"}),
            )
            .unwrap();
        assert!(
            grid["rows"].as_array().unwrap().len() >= 2,
            "{which}: {grid}"
        );
        let key = client::idempotency_key();
        let saved = c
            .call_with_key(
                "save_observations",
                json!({"inputs": [cell(setup.urban, "55.1", 0)]}),
                Some(&key),
            )
            .unwrap();
        assert_eq!(saved["committed"], true, "{which}: {saved}");
        assert!(c.changes().unwrap().last_change > before, "{which}");

        // Another department's grid: the server's 403 with its code and message.
        let foreign = c
            .call(
                "entry_grid",
                json!({"department_id": setup.dept_b, "period": "2025Q3"}),
            )
            .unwrap_err();
        assert_eq!(foreign.code, ErrorCode::Forbidden, "{which}");
        // Arguments that are not what the command takes: the server's 400.
        let malformed = c.call("entry_grid", json!({"period": 5})).unwrap_err();
        assert_eq!(malformed.code, ErrorCode::InvalidInput, "{which}");

        // A second connection of another person, concurrently on the same server.
        let other = server.connect(Some(&expected)).unwrap();
        other.login("staff_a2", progress_fixture::PASSWORD).unwrap();
        let late = other
            .call(
                "save_observations",
                json!({"inputs": [cell(setup.urban, "55.4", 0)]}),
            )
            .unwrap();
        assert_eq!(late["committed"], false, "{which}");
        assert_eq!(late["rows"][0]["conflict"]["changed_by"], "staff_a");

        // A made-up token, then signing out: 401 with the server's message.
        other.set_token(Some("0123abcd".into()));
        let e = other.changes().unwrap_err();
        assert_eq!(e.code, ErrorCode::Unauthenticated, "{which}");
        assert!(e.message.contains("重新登录"), "{}", e.message);
        c.logout().unwrap();
        assert_eq!(c.token(), None);
        c.set_token(Some(token));
        let e = c.changes().unwrap_err();
        assert_eq!(
            e.code,
            ErrorCode::Unauthenticated,
            "{which}: the token was revoked"
        );
    }
}

#[test]
fn a_changed_certificate_is_refused_with_both_fingerprints() {
    let dir = tempfile::tempdir().unwrap();
    let (cert, key) = certificate(dir.path(), "renewed");
    let (old, _) = certificate(dir.path(), "old");
    let (presented, accepted) = (openssl_fingerprint(&cert), openssl_fingerprint(&old));
    let setup = places("client_renewed").remove(0);
    let addr = start_tls(&setup.place, &cert, &key);
    let server = Server::new(&format!("https://127.0.0.1:{}", addr.port())).unwrap();

    let c = server.connect(Some(&accepted)).unwrap();
    assert_eq!(c.refused_certificate(), None);
    let e = c.login("staff_a", progress_fixture::PASSWORD).unwrap_err();
    assert_eq!(e.code, ErrorCode::CertificateChanged);
    assert!(e.message.contains("证书已更换"), "{}", e.message);
    assert!(
        e.message.contains(&accepted) && e.message.contains(&presented),
        "{}",
        e.message
    );
    assert_eq!(
        c.refused_certificate(),
        Some(CertificateChange {
            expected: accepted.clone(),
            presented: presented.clone(),
        })
    );
    assert_eq!(c.token(), None, "no password was sent to the stranger");
    assert_eq!(
        c.call("entry_grid", json!({})).unwrap_err().code,
        ErrorCode::CertificateChanged
    );

    // An administrator compares, accepts the renewed certificate, and work goes on.
    assert_eq!(server.probe().unwrap().fingerprint, Some(presented.clone()));
    let renewed = server.connect(Some(&presented)).unwrap();
    renewed
        .login("staff_a", progress_fixture::PASSWORD)
        .unwrap();
    assert!(renewed.changes().is_ok());
}

#[test]
fn plain_http_works_on_this_machine_only_and_an_unreachable_server_is_offline() {
    let setup = places("client_http").remove(0);
    let addr = http_support::start(&setup.place);
    let server = Server::new(&format!("http://127.0.0.1:{}", addr.port())).unwrap();
    let probe = server.probe().unwrap();
    assert_eq!(probe.fingerprint, None);
    let c = server.connect(None).unwrap();
    c.login("boss", progress_fixture::PASSWORD).unwrap();
    assert!(c.changes().unwrap().last_change >= 0);

    // HTTPS to a server without TLS: a clear message, not "offline".
    let e = Server::new(&format!("https://127.0.0.1:{}", addr.port()))
        .unwrap()
        .probe()
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput, "{}", e.message);
    assert!(e.message.contains("加密连接"), "{}", e.message);

    // Plain HTTP to a TLS server: the same.
    let dir = tempfile::tempdir().unwrap();
    let (cert, key) = certificate(dir.path(), "server");
    let tls = start_tls(&setup.place, &cert, &key);
    let e = Server::new(&format!("http://127.0.0.1:{}", tls.port()))
        .unwrap()
        .probe()
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput, "{}", e.message);
    assert!(e.message.contains("https://"), "{}", e.message);

    let e = Server::new("http://192.168.1.10:8080").unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert!(e.message.contains("明文"), "{}", e.message);

    // A host name that cannot exist (RFC 6761): offline too.
    let e = Server::new("https://no-such-host.invalid:8443")
        .unwrap()
        .probe()
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Offline, "{}", e.message);

    // Nobody listening: offline, for probe and for a signed-in connection alike.
    let port = closed_port();
    for address in [
        format!("https://127.0.0.1:{port}"),
        format!("http://127.0.0.1:{port}"),
    ] {
        let server = Server::new(&address).unwrap();
        let e = server.probe().unwrap_err();
        assert_eq!(e.code, ErrorCode::Offline, "{address}: {}", e.message);
        assert!(e.message.contains("无法连接服务器"), "{}", e.message);
        let c = server
            .connect(Some(&format!("{}AB", "AB:".repeat(31))))
            .unwrap();
        c.set_token(Some("kept-from-before".into()));
        let e = c
            .call_with_key("save_observations", json!({"inputs": []}), Some("k"))
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::Offline, "{address}: {}", e.message);
        assert_eq!(c.refused_certificate(), None);
    }
}

#[test]
fn a_servers_conflict_error_comes_back_whole_and_the_idempotency_key_is_sent() {
    // A real conflict, as the use case refuses a save based on an older version.
    let setup = places("client_conflict").remove(0);
    let mut db = setup.place.connect();
    let who = |name: &str| session::login(&db, name, progress_fixture::PASSWORD).unwrap();
    let (a, a2) = (who("staff_a"), who("staff_a2"));
    let input = |v: &str| serde_json::from_value(cell(setup.jobs, v, 0)).unwrap();
    progress::save_observation(&mut db, &a, &input("1.2")).unwrap();
    let refused: ApiError = progress::save_observation(&mut db, &a2, &input("1.3")).unwrap_err();
    assert!(refused.conflict.is_some());

    // Served as `zhibiao serve` serves errors: its status, the error as JSON.
    let status = zhibiao::server::status_of(refused.code).as_u16();
    let (addr, request) = canned(status, serde_json::to_string(&refused).unwrap());
    let c = Server::new(&format!("http://127.0.0.1:{}", addr.port()))
        .unwrap()
        .connect(None)
        .unwrap();
    c.set_token(Some("tok-123".into()));
    let key = client::idempotency_key();
    let e = c
        .call_with_key(
            "save_observation",
            json!({"input": cell(setup.jobs, "1.3", 0)}),
            Some(&key),
        )
        .unwrap_err();
    assert_eq!(
        e, refused,
        "code, message and both values as the server sent them"
    );

    let request = request.join().unwrap();
    let head = request.to_ascii_lowercase();
    assert!(
        request.starts_with("POST /api/save_observation HTTP/1.1\r\n"),
        "{request}"
    );
    assert!(
        head.contains(&format!("idempotency-key: {key}\r\n")),
        "{request}"
    );
    assert!(
        head.contains("authorization: bearer tok-123\r\n"),
        "{request}"
    );
    let body: Value = serde_json::from_str(request.split_once("\r\n\r\n").unwrap().1).unwrap();
    assert_eq!(body["input"]["value"], "1.3");

    // Without a key, no header.
    let (addr, request) = canned(200, "{\"ok\":true}".into());
    let c = Server::new(&format!("http://127.0.0.1:{}", addr.port()))
        .unwrap()
        .connect(None)
        .unwrap();
    assert_eq!(c.call("plans", json!({})).unwrap(), json!({"ok": true}));
    let request = request.join().unwrap().to_ascii_lowercase();
    assert!(!request.contains("idempotency-key"), "{request}");
    assert!(!request.contains("authorization"), "{request}");

    // Some other web server at the address: said so on first contact.
    let (addr, request) = canned(404, "{}".into());
    let e = Server::new(&format!("http://127.0.0.1:{}", addr.port()))
        .unwrap()
        .probe()
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert!(e.message.contains("不是规划指标监测服务"), "{}", e.message);
    assert!(request.join().unwrap().starts_with("GET /health "));
}

/// A save whose answer was lost is sent again with the same idempotency key: the server
/// answers it from its record and applies it once; without a key, or with a new key, a
/// request runs as usual (and meets the version check).
#[test]
fn a_save_retried_with_the_same_key_is_applied_once_on_both() {
    for setup in places("client_retry") {
        let which = setup.place.name();
        let addr = http_support::start(&setup.place);
        let server = Server::new(&format!("http://{addr}")).unwrap();
        let c = server.connect(None).unwrap();
        c.login("staff_a", progress_fixture::PASSWORD).unwrap();
        let audited = || {
            use zhibiao::store::db::Sql;
            setup
                .place
                .connect()
                .query_scalar::<i64>(
                    "SELECT count(*) FROM audit_log WHERE entity = 'observation'",
                    zhibiao::args![],
                )
                .unwrap()
        };
        let before = audited();
        let key = client::idempotency_key();
        let save = json!({"inputs": [cell(setup.urban, "61.5", 0)]});
        let first = c
            .call_with_key("save_observations", save.clone(), Some(&key))
            .unwrap();
        assert_eq!(first["committed"], true, "{which}: {first}");
        let again = c
            .call_with_key("save_observations", save.clone(), Some(&key))
            .unwrap();
        assert_eq!(again, first, "{which}: the first answer, not a second run");
        assert_eq!(audited(), before + 1, "{which}: applied once");

        // A key is one save: a different body under it still gets the first answer.
        let other = json!({"inputs": [cell(setup.urban, "70", 0)]});
        let reused = c
            .call_with_key("save_observations", other.clone(), Some(&key))
            .unwrap();
        assert_eq!(reused, first, "{which}");
        assert_eq!(audited(), before + 1, "{which}");

        // A new key runs: based on the empty cell, it now meets the stored value.
        let fresh = c
            .call_with_key("save_observations", other, Some(&client::idempotency_key()))
            .unwrap();
        assert_eq!(fresh["committed"], false, "{which}: {fresh}");
        assert_eq!(fresh["rows"][0]["conflict"]["theirs"]["value"], 61.5);

        // Another user's request under the same key is that user's own.
        c.logout().unwrap();
        let a2 = server.connect(None).unwrap();
        a2.login("staff_a2", progress_fixture::PASSWORD).unwrap();
        let theirs = a2
            .call_with_key(
                "save_observations",
                json!({"inputs": [cell(setup.urban, "80", 0)]}),
                Some(&key),
            )
            .unwrap();
        assert_eq!(
            theirs["committed"], false,
            "{which}: ran (not the other user's answer) and met the version: {theirs}"
        );
    }
}

#[test]
fn a_body_over_the_servers_limit_is_refused_before_it_is_sent() {
    // Nothing listens on this port: anything sent would come back as offline.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let c = Server::new(&format!("http://127.0.0.1:{port}"))
        .unwrap()
        .connect(None)
        .unwrap();
    let huge = "规".repeat(zhibiao::server::BODY_LIMIT / 3 + 1);
    let e = c
        .call("preview_import", serde_json::json!({"text": huge}))
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput, "{}", e.message);
    assert!(e.message.contains("10 MB"), "{}", e.message);
    let e = c
        .call("preview_import", serde_json::json!({"text": "规"}))
        .unwrap_err();
    assert_eq!(
        e.code,
        ErrorCode::Offline,
        "a small one is sent: {}",
        e.message
    );
}
