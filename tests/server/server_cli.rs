//! `zhibiao serve` from the console: the first administrator is created only by
//! `--init-admin` with a typed password (here given as ZHIBIAO_PASSWORD, as the CLI allows for
//! scripts); without TLS the server refuses to listen beyond this machine.

use std::process::{Command, Output};

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
