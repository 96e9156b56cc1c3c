//! Choosing where to work, through the IPC layer: a city's server with a self-signed
//! certificate — its fingerprint shown first, then trusted; a changed certificate refused
//! with both fingerprints until a server administrator accepts it; back to this computer's
//! database. The choice is kept in this computer's settings file.

use crate::ipc_support;
use crate::tls_support;

use std::net::SocketAddr;
use std::path::Path;

use ipc_support::TestApp;
use serde_json::{json, Value};
use tls_support::certificate;
use zhibiao::store::db::Location;

/// `zhibiao serve` over TLS on the demo database at `db`; its address and fingerprint.
fn serve_tls(db: &Path, cert: &Path, key: &Path) -> (SocketAddr, String) {
    zhibiao_app::backend::Local::open(db, true).expect("demo database");
    let addr = tls_support::start_tls(Location::File(db.to_path_buf()), 1, cert, key);
    (addr, tls_support::openssl_fingerprint(cert))
}

fn settings(app: &TestApp) -> Value {
    app.invoke("get_machine_settings", json!({})).unwrap()
}

#[test]
fn a_server_is_trusted_by_the_fingerprint_shown_and_a_changed_certificate_needs_an_administrator() {
    let app = TestApp::local();
    let dir = tempfile::tempdir().unwrap();
    let (cert, key) = certificate(dir.path(), "server");
    let (renewed, renewed_key) = certificate(dir.path(), "renewed");
    let db = dir.path().join("city.db");
    let (addr, fingerprint) = serve_tls(&db, &cert, &key);
    let address = format!("https://{addr}");
    // Something only the server's database has.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "INSERT INTO departments(name) VALUES ('只在服务器上的部门')",
            [],
        )
        .unwrap();

    // First contact shows the certificate's fingerprint; nothing is kept yet.
    let probe = app
        .invoke("probe_server", json!({ "address": addr.to_string() }))
        .unwrap();
    assert_eq!(probe["address"], address.as_str());
    assert_eq!(probe["fingerprint"], fingerprint.as_str());
    assert!(settings(&app)["server_url"].is_null());

    // Accepted: every command now goes to the server, and the choice is kept.
    let kept = app
        .invoke(
            "connect_server",
            json!({ "address": address, "fingerprint": fingerprint }),
        )
        .unwrap();
    assert_eq!(kept, settings(&app));
    assert_eq!(kept["server_url"], address.as_str());
    assert_eq!(kept["server_cert_sha256"], fingerprint.as_str());
    let info = app.invoke("app_info", json!({})).unwrap();
    assert_eq!(info["db_path"], address.as_str());
    app.invoke(
        "login",
        json!({ "name": "manager", "password": zhibiao::demo::progress::DEMO_PASSWORD }),
    )
    .unwrap();
    let departments = app.invoke("list_departments", json!({})).unwrap();
    assert!(
        departments
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["name"] == "只在服务器上的部门"),
        "the server's departments: {departments}"
    );
    let grew = |before: &Value| {
        app.invoke("changes", json!({})).unwrap()["last_change"].as_i64() > before.as_i64()
    };
    let before = app.invoke("changes", json!({})).unwrap()["last_change"].clone();
    app.invoke("create_department", json!({ "name": "不该建成的部门" }))
        .unwrap_err();
    assert!(!grew(&before), "a refused command changes nothing");

    // The server's certificate is renewed (same database, new certificate): refused, with
    // both fingerprints.
    let (renewed_addr, renewed_fp) = serve_tls(&db, &renewed, &renewed_key);
    let renewed_address = format!("https://{renewed_addr}");
    let e = app
        .invoke(
            "connect_server",
            json!({ "address": renewed_address, "fingerprint": fingerprint }),
        )
        .unwrap_err();
    assert_eq!(e["code"], "certificate_changed");
    let m = e["message"].as_str().unwrap();
    assert!(m.contains(&fingerprint) && m.contains(&renewed_fp), "{m}");
    assert_eq!(
        settings(&app)["server_cert_sha256"],
        fingerprint.as_str(),
        "unchanged"
    );

    // Only a server administrator accepts the renewed certificate.
    let staff = app
        .invoke(
            "accept_renewed_certificate",
            json!({ "address": renewed_address, "fingerprint": renewed_fp,
                    "name": "manager", "password": zhibiao::demo::progress::DEMO_PASSWORD }),
        )
        .unwrap_err();
    assert_eq!(staff["code"], "forbidden");
    let wrong = app
        .invoke(
            "accept_renewed_certificate",
            json!({ "address": renewed_address, "fingerprint": renewed_fp,
                    "name": "admin", "password": "not-the-password" }),
        )
        .unwrap_err();
    assert_eq!(wrong["code"], "unauthenticated");
    let accepted = app
        .invoke(
            "accept_renewed_certificate",
            json!({ "address": renewed_address, "fingerprint": renewed_fp,
                    "name": "admin", "password": zhibiao::api::session::INITIAL_ADMIN_PASSWORD }),
        )
        .unwrap();
    assert_eq!(accepted["server_cert_sha256"], renewed_fp.as_str());
    assert_eq!(settings(&app), accepted);

    // Back to this computer's database.
    let local = app.invoke("use_local_database", json!({})).unwrap();
    assert!(local["server_url"].is_null());
    assert!(settings(&app)["server_url"].is_null());
    let info = app.invoke("app_info", json!({})).unwrap();
    assert!(
        info["db_path"]
            .as_str()
            .unwrap()
            .starts_with(app.db_path().to_str().unwrap()),
        "{info}"
    );
}

#[test]
fn an_unreachable_server_or_plain_http_beyond_this_machine_is_refused_with_a_reason() {
    let app = TestApp::local();
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let e = app
        .invoke(
            "probe_server",
            json!({ "address": format!("https://127.0.0.1:{port}") }),
        )
        .unwrap_err();
    assert_eq!(e["code"], "offline", "{e}");
    let e = app
        .invoke(
            "connect_server",
            json!({ "address": "http://192.0.2.7:8443", "fingerprint": null }),
        )
        .unwrap_err();
    assert_eq!(e["code"], "invalid_input", "{e}");
    assert!(settings(&app)["server_url"].is_null(), "nothing kept");
    let e = app
        .invoke(
            "connect_server",
            json!({ "address": format!("https://127.0.0.1:{port}"), "fingerprint": "AB:CD" }),
        )
        .unwrap_err();
    assert!(
        e["code"] == "offline" || e["code"] == "invalid_input",
        "{e}"
    );
    assert!(settings(&app)["server_url"].is_null(), "nothing kept");
}
