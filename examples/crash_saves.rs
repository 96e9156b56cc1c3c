//! Helper of `scripts/crash-trials.sh`: sets up a database, drives saves through the same
//! use case the app's `save_observation` command calls (JSON in, `api::progress`), printing
//! `ACK indicator value` after each save returns, and verifies a database after a `kill -9`.
//!
//! crash_saves setup DB | crash_saves drive DB | crash_saves verify DB ACKS

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use rusqlite::params;
use zhibiao::api::progress::{save_observation, ObservationInput};
use zhibiao::api::session;
use zhibiao::auth::{hash_password, Role};
use zhibiao::store::users::{self, NewUser};
use zhibiao::store::Actor;

pub const USER: &str = "crash";
pub const PASSWORD: &str = "crash-trial-1";
const INDICATORS: i64 = 2_000;
const PERIOD: &str = "2025";

fn setup(db: &Path) {
    let mut conn = zhibiao::store::open(db).expect("open");
    let tx = conn.transaction().unwrap();
    tx.execute_batch(
        "INSERT INTO departments (id, name) VALUES (1, '市统计局');
         INSERT INTO plans (id, title, period_start, period_end, baseline_year, target_year)
           VALUES (1, '试验规划', 2021, 2025, 2020, 2025);
         INSERT INTO plan_tables (id, plan_id, position, title, kind) VALUES (1, 1, 0, '指标', 'targets');",
    )
    .unwrap();
    for i in 0..INDICATORS {
        tx.execute(
            "INSERT INTO indicators (plan_id, table_id, position, name, unit, flow, lead_department_id)
             VALUES (1, 1, ?1, ?2, '万人', 0, 1)",
            params![i, format!("试验指标{i}")],
        )
        .unwrap();
    }
    let hash = hash_password(PASSWORD).unwrap();
    let user = NewUser {
        name: USER,
        password_hash: &hash,
        role: Role::Staff,
        department_id: Some(1),
        must_change_password: false,
    };
    users::insert(&tx, &Actor::system(), &user).unwrap();
    tx.commit().unwrap();
}

/// The value saved for the k-th indicator: distinct per indicator, so presence is checkable.
fn value_for(k: i64) -> String {
    format!("{}.{}", 100 + k, k % 10)
}

fn drive(db: &Path) {
    let mut conn = zhibiao::api::backup::open(db).expect("open");
    let s = session::login(&conn, USER, PASSWORD).expect("login");
    let out = std::io::stdout();
    for k in 1..=INDICATORS {
        let json = serde_json::json!({"indicator_id": k, "period": PERIOD, "value": value_for(k)});
        let input: ObservationInput = serde_json::from_value(json).unwrap();
        save_observation(&mut conn, &s, &input).expect("save");
        // Acknowledged only once the use case returned, as the window would show it.
        let mut o = out.lock();
        writeln!(o, "ACK {k} {}", value_for(k)).unwrap();
        o.flush().unwrap();
    }
}

fn verify(db: &Path, acks: &Path) -> ExitCode {
    let conn = match zhibiao::api::backup::open(db) {
        Ok(c) => c,
        Err(e) => {
            println!("FAIL open: {}", e.message);
            return ExitCode::FAILURE;
        }
    };
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    let text = std::fs::read_to_string(acks).unwrap_or_default();
    let (mut acked, mut missing, mut unaudited) = (0, 0, 0);
    for line in text.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        let [_, k, v] = parts[..] else { continue };
        acked += 1;
        let k: i64 = k.parse().unwrap();
        let v: f64 = v.parse().unwrap();
        let stored: Option<f64> = conn
            .query_row(
                "SELECT value FROM observations WHERE indicator_id = ?1 AND period = ?2",
                params![k, PERIOD],
                |r| r.get(0),
            )
            .ok();
        if stored != Some(v) {
            missing += 1;
        }
        let audited: i64 = conn
            .query_row(
                "SELECT count(*) FROM audit_log WHERE entity = 'observation' AND entity_id = ?1
                 AND period = ?2 AND field = 'value' AND CAST(new_value AS REAL) = ?3",
                params![k, PERIOD, v],
                |r| r.get(0),
            )
            .unwrap();
        if audited == 0 {
            unaudited += 1;
        }
    }
    let stored: i64 = conn
        .query_row("SELECT count(*) FROM observations", [], |r| r.get(0))
        .unwrap();
    let ok = check == "ok" && missing == 0 && unaudited == 0;
    println!(
        "{} integrity={check} acked={acked} stored={stored} missing={missing} unaudited={unaudited}",
        if ok { "OK" } else { "FAIL" }
    );
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[1..] {
        ["setup", db] => setup(Path::new(db)),
        ["drive", db] => drive(Path::new(db)),
        ["verify", db, acks] => return verify(Path::new(db), Path::new(acks)),
        _ => {
            eprintln!("usage: crash_saves setup DB | drive DB | verify DB ACKS");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
