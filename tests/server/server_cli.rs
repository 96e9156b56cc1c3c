//! `zhibiao serve` from the console: the first administrator is created only by
//! `--init-admin` with a typed password (here given as ZHIBIAO_PASSWORD, as the CLI allows for
//! scripts); without TLS the server refuses to listen beyond this machine.

use std::io::{BufRead, BufReader, Read};
use std::net::SocketAddr;
use std::process::{Child, Command, Output, Stdio};

use serde_json::json;

use crate::http_support::{login, post};
use crate::progress_fixture;

fn serve(args: &[&str], password: Option<&str>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_zhibiao"));
    c.arg("serve").args(args).env_remove("ZHIBIAO_DB");
    match password {
        Some(p) => c.env("ZHIBIAO_PASSWORD", p),
        None => c.env_remove("ZHIBIAO_PASSWORD"),
    };
    c.output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn user_names(db: &std::path::Path) -> Vec<String> {
    let conn = zhibiao::store::open(db).unwrap();
    zhibiao::store::users::list(&conn)
        .unwrap()
        .into_iter()
        .map(|u| u.name)
        .collect()
}

#[test]
fn the_first_administrator_comes_from_init_admin_and_only_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("city.db");
    let db_arg = db.to_str().unwrap();
    let out = serve(&["--db", db_arg, "--init-admin"], Some("Serve-2026-pass"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("管理员 admin 已创建"));
    assert_eq!(user_names(&db), ["admin"], "one account, no demo data");
    let conn = zhibiao::store::open(&db).unwrap();
    let s = zhibiao::api::session::login(&conn, "admin", "Serve-2026-pass").unwrap();
    assert_eq!(s.role, zhibiao::auth::Role::Admin);

    let again = serve(&["--db", db_arg, "--init-admin"], Some("Other-2026-pass"));
    assert!(!again.status.success());
    assert!(
        text(&again.stderr).contains("已有设置了密码的管理员"),
        "{}",
        text(&again.stderr)
    );
    assert!(zhibiao::api::session::login(&conn, "admin", "Other-2026-pass").is_err());
}

#[test]
fn without_tls_only_this_machine_may_connect() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("city.db");
    let out = serve(
        &["--db", db.to_str().unwrap(), "--listen", "0.0.0.0:8787"],
        None,
    );
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("TLS") && err.contains("127.0.0.1"), "{err}");
    assert!(!db.exists(), "nothing created");
}

fn repo(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn the_administrators_first_steps_script_reaches_health_and_sign_in_over_tls() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = Command::new("bash")
        .arg(repo("scripts/server-try.sh"))
        .current_dir(repo(""))
        .env("ZHIBIAO_BIN", env!("CARGO_BIN_EXE_zhibiao"))
        .env("ZHIBIAO_TRY_PORT", port.to_string())
        .env_remove("ZHIBIAO_DB")
        .env_remove("ZHIBIAO_PASSWORD")
        .output()
        .unwrap();
    let said = text(&out.stdout);
    assert!(out.status.success(), "{said}\n{}", text(&out.stderr));
    assert!(said.contains("服务检查通过"), "{said}");
}

#[test]
fn systemd_accepts_the_service_unit() {
    // systemd does not run as init here; `verify` checks the unit file itself. ExecStart
    // must name an existing program, so it points at the one just built.
    let unit = std::fs::read_to_string(repo("packaging/server/zhibiao-server.service")).unwrap();
    assert!(unit.contains("ExecStart=/usr/bin/zhibiao serve"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zhibiao-server.service");
    std::fs::write(
        &path,
        unit.replace("/usr/bin/zhibiao", env!("CARGO_BIN_EXE_zhibiao")),
    )
    .unwrap();
    let out = Command::new("systemd-analyze")
        .arg("verify")
        .arg(&path)
        .output()
        .expect("systemd-analyze (package systemd)");
    let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(out.status.success() && said.trim().is_empty(), "{said}");
}

/// `zhibiao serve` running on a port of its own choosing, its statuses kept in a directory
/// of the test's.
struct Running {
    child: Child,
    addr: SocketAddr,
    /// What it says after its first line, read until it ends.
    said: std::thread::JoinHandle<String>,
}

fn serve_in_background(db: &std::path::Path, cache: &std::path::Path) -> Running {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhibiao"))
        .args([
            "serve",
            "--db",
            db.to_str().unwrap(),
            "--listen",
            "127.0.0.1:0",
        ])
        .env("CACHE_DIRECTORY", cache)
        .env_remove("ZHIBIAO_DB")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('（').next())
        .and_then(|a| a.trim().parse().ok())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    let said = std::thread::spawn(move || {
        let mut all = String::new();
        let _ = stderr.read_to_string(&mut all);
        all
    });
    Running { child, addr, said }
}

#[test]
fn stopped_by_systemd_the_server_ends_cleanly_and_keeps_the_statuses_of_the_last_save() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("city.db");
    let urban = progress_fixture::build_in(zhibiao::store::open(&db).unwrap()).urban;
    let cache = dir.path().join("cache");
    let mut server = serve_in_background(&db, &cache);
    let addr = server.addr;

    // The dashboard evaluates every plan; then a value saved brings those statuses forward,
    // to be written to the file after a few seconds' pause in saving.
    let boss = login(addr, "boss");
    let query = json!({"query": {"period": "2025Q3", "plan_id": null, "department_id": null,
        "attribute": null, "labels": [], "offset": 0, "limit": 20, "with_gap_chart": false}});
    let page = post(addr, "/api/dashboard_page", Some(&boss), query);
    assert_eq!(page.status, 200, "{}", page.body);
    let staff = login(addr, "staff_a");
    let cell =
        json!({"indicator_id": urban, "period": "2025Q3", "value": "55.1", "expected_version": 0});
    let saved = post(
        addr,
        "/api/save_observations",
        Some(&staff),
        json!({"inputs": [cell]}),
    );
    assert_eq!(saved.body["committed"], true, "{}", saved.body);

    // systemd stops the service with SIGTERM, well before that pause has passed.
    let term = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(term.success());
    let ended = server.child.wait().unwrap();
    let said = server.said.join().unwrap();
    assert!(ended.success(), "{ended:?}: {said}");
    assert!(said.contains("服务已停止"), "{said}");

    let conn = zhibiao::store::open(&db).unwrap();
    let token = zhibiao::store::data_version::current(&conn).unwrap();
    let file = cache
        .join("evaluation")
        .join(format!("evaluation-{token:016x}.json"));
    assert!(file.exists(), "the statuses after the save, kept: {file:?}");
}
