//! Saving one value (JSON decode as over IPC + permission + validation + write + audit) in a
//! database that already holds 100 000 observations. Prints p50 / p99 / max; goal p99 < 20 ms.
//!
//! Runs on SQLite, and on PostgreSQL too when `ZHIBIAO_TEST_PG` names one (a schema of its
//! own is created there): `bash scripts/pg-test-cluster.sh cargo bench --bench save_value`.
//!
//! `cargo bench --bench save_value`

use std::time::{Duration, Instant};

use zhibiao::api::progress::{save_observation, ObservationInput};
use zhibiao::api::session;
use zhibiao::args;
use zhibiao::auth::{hash_password, Role};
use zhibiao::store::db::{Database, Db, PgClient, Sql, Write};
use zhibiao::store::users::{self, NewUser};
use zhibiao::store::Actor;

const INDICATORS: i64 = 1_000;
const YEARS: std::ops::Range<i32> = 2006..2026;
const SAVES: usize = 2_000;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    let mut sqlite = Db::Sqlite(zhibiao::store::open(&path).expect("open"));
    run("SQLite", &mut sqlite);
    match std::env::var("ZHIBIAO_TEST_PG") {
        Ok(url) if !url.is_empty() => {
            let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("PostgreSQL");
            client
                .batch_execute(
                    "DROP SCHEMA IF EXISTS bench_save CASCADE; CREATE SCHEMA bench_save;
                     SET search_path TO bench_save",
                )
                .unwrap();
            let mut pg = PgClient::new(client);
            zhibiao::store::postgres_open::migrate_postgres(&mut pg, "bench").unwrap();
            run("PostgreSQL（本机回环）", &mut Db::Postgres(Box::new(pg)));
        }
        _ => println!("PostgreSQL：未设置 ZHIBIAO_TEST_PG，未测"),
    }
}

fn run(label: &str, conn: &mut Db) {
    println!("== {label}");
    let t = Instant::now();
    let tx = conn.transaction().unwrap();
    for sql in [
        "INSERT INTO departments (id, name) VALUES (1, '市统计局')",
        "INSERT INTO plans (id, title, period_start, period_end, baseline_year, target_year)
           VALUES (1, '基准测试规划', 2000, 2030, 2005, 2030)",
        "INSERT INTO plan_tables (id, plan_id, position, title, kind) VALUES (1, 1, 0, '指标', 'targets')",
    ] {
        tx.execute(sql, args![]).unwrap();
    }
    for i in 0..INDICATORS {
        tx.execute(
            "INSERT INTO indicators (plan_id, table_id, position, name, unit, flow, lead_department_id)
             VALUES (1, 1, ?1, ?2, '%', 0, 1)",
            args![i, format!("测试比率{i}")],
        )
        .unwrap();
    }
    let first: i64 = tx
        .query_scalar("SELECT min(id) FROM indicators", args![])
        .unwrap();
    {
        let st = "INSERT INTO observations (indicator_id, period, value) VALUES (?1, ?2, ?3)";
        for i in first..first + INDICATORS {
            for y in YEARS {
                tx.execute(st, args![i, y.to_string(), 50.0]).unwrap();
                for q in 1..=4 {
                    tx.execute(st, args![i, format!("{y}Q{q}"), 50.0]).unwrap();
                }
            }
        }
    }
    let hash = hash_password("bench-pass").unwrap();
    users::insert(
        &tx,
        &Actor::system(),
        &NewUser {
            name: "bench",
            password_hash: &hash,
            role: Role::Staff,
            department_id: Some(1),
            must_change_password: false,
        },
    )
    .unwrap();
    tx.commit().unwrap();
    let n: i64 = conn
        .query_scalar("SELECT count(*) FROM observations", args![])
        .unwrap();
    println!(
        "数据库：{n} 条观测值，准备用时 {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );

    let s = session::login(&*conn, "bench", "bench-pass").unwrap();
    let mut times: Vec<Duration> = Vec::with_capacity(SAVES);
    for k in 0..SAVES {
        let indicator = (k as i64 * 7919) % INDICATORS + first;
        let year = YEARS.start + (k as i32 % (YEARS.end - YEARS.start));
        // Alternate between two values so every save changes the cell and writes audit rows.
        let value = if (k / INDICATORS as usize).is_multiple_of(2) {
            "51.5"
        } else {
            "50.5"
        };
        let json = serde_json::json!({
            "indicator_id": indicator,
            "period": format!("{year}Q{}", k % 4 + 1),
            "value": value,
        })
        .to_string();
        let start = Instant::now();
        let input: ObservationInput = serde_json::from_str(&json).unwrap();
        let out = save_observation(conn, &s, &input).expect("save");
        let reply = serde_json::to_string(&out).unwrap();
        times.push(start.elapsed());
        std::hint::black_box(reply);
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let pct = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    let audit: i64 = conn
        .query_scalar("SELECT count(*) FROM audit_log", args![])
        .unwrap();
    println!(
        "save_observation × {SAVES}: p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms（目标 p99 < 20 ms）；审计日志 {audit} 行",
        ms(pct(0.50)),
        ms(pct(0.99)),
        ms(*times.last().unwrap())
    );
}
