//! Many staff saving at once through the server: a city of N departments, each with one
//! indicator of a 2026–2030 plan and one staff user, and N clients each saving its own cell
//! again and again (every save based on the version the previous one returned).
#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use serde_json::json;
use zhibiao::auth::{hash_password, Role};
use zhibiao::store::users::{self, NewUser};
use zhibiao::store::{self, Actor};

use super::http_support::post;
use super::pg_support;
use super::shared_city::Place;

pub const PASSWORD: &str = "load-pass-2026";
pub const PERIOD: &str = "2026Q4";

/// Who saves what: a staff user and the indicator of their department.
#[derive(Clone)]
pub struct Client {
    pub user: String,
    pub indicator: i64,
}

/// The city as a SQLite file and, when PostgreSQL is at hand, copied onto it.
pub fn city(test: &str, clients: usize) -> (Vec<Place>, Vec<Client>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("city.db");
    let mut conn = store::open(&path).unwrap();
    let hash = hash_password(PASSWORD).unwrap();
    let tx = conn.transaction().unwrap();
    tx.execute_batch(
        "INSERT INTO plans (id, title, period_start, period_end, baseline_year, target_year)
           VALUES (1, '测试市“十五五”规划', 2026, 2030, 2025, 2030);
         INSERT INTO plan_tables (id, plan_id, position, title, kind, baseline_year, target_year)
           VALUES (1, 1, 0, '主要指标', 'targets', 2025, 2030);",
    )
    .unwrap();
    let mut out = Vec::new();
    for i in 0..clients {
        tx.execute(
            "INSERT INTO departments (id, name) VALUES (?1, ?2)",
            rusqlite::params![i as i64 + 1, format!("第{}局", i + 1)],
        )
        .unwrap();
        tx.execute(
            "INSERT INTO indicators (plan_id, table_id, position, name, unit, flow, lead_department_id)
             VALUES (1, 1, ?1, ?2, '亿元', 0, ?3)",
            rusqlite::params![i as i64, format!("指标{}", i + 1), i as i64 + 1],
        )
        .unwrap();
        let indicator = tx.last_insert_rowid();
        let user = format!("staff{i}");
        users::insert(
            &tx,
            &Actor::system(),
            &NewUser {
                name: &user,
                password_hash: &hash,
                role: Role::Staff,
                department_id: Some(i as i64 + 1),
                must_change_password: false,
            },
        )
        .unwrap();
        out.push(Client { user, indicator });
    }
    tx.commit().unwrap();
    let mut places = Vec::new();
    if let Some((mut pg, url, schema)) = pg_support::empty_schema(test) {
        store::postgres_open::migrate_postgres(&mut pg, &schema).unwrap();
        store::transfer::copy_sqlite_to_postgres(&conn, &mut pg).unwrap();
        places.push(Place::Postgres { url, schema });
    }
    places.insert(0, Place::File(path, dir));
    (places, out)
}

#[derive(Default)]
pub struct Outcome {
    /// Saves the server confirmed (committed).
    pub saved: u64,
    /// Saves refused (conflict, error) or failed on the wire.
    pub refused: u64,
    pub latencies_ms: Vec<f64>,
    /// Per indicator, the last value the server confirmed.
    pub last: Vec<(i64, f64)>,
}

fn sign_in(addr: SocketAddr, c: &Client) -> String {
    let login = post(
        addr,
        "/api/login",
        None,
        json!({"name": c.user, "password": PASSWORD}),
    );
    assert_eq!(login.status, 200, "{}", login.body);
    login.body["token"].as_str().unwrap().to_string()
}

fn one_client(
    addr: SocketAddr,
    c: Client,
    token: String,
    start: &Barrier,
    time: Duration,
) -> Outcome {
    start.wait();
    let until = Instant::now() + time;
    let mut out = Outcome::default();
    let mut version = 0;
    let mut k = 0u64;
    while Instant::now() < until {
        k += 1;
        let value = k as f64 + 0.5;
        let started = Instant::now();
        let r = post(
            addr,
            "/api/save_observations",
            Some(&token),
            json!({"inputs": [{"indicator_id": c.indicator, "period": PERIOD,
                               "value": value.to_string(), "expected_version": version}]}),
        );
        out.latencies_ms
            .push(started.elapsed().as_secs_f64() * 1000.0);
        if r.status == 200 && r.body["committed"] == true {
            out.saved += 1;
            version = r.body["rows"][0]["observation"]["version"]
                .as_i64()
                .unwrap();
            out.last = vec![(c.indicator, value)];
        } else {
            out.refused += 1;
        }
    }
    out
}

/// Every client signs in, then all save for `time` at once; the outcomes summed.
pub fn run(addr: SocketAddr, clients: &[Client], time: Duration) -> Outcome {
    let start = Arc::new(Barrier::new(clients.len()));
    let handles: Vec<_> = clients
        .iter()
        .cloned()
        .map(|c| {
            let start = start.clone();
            std::thread::spawn(move || {
                let token = sign_in(addr, &c);
                one_client(addr, c, token, &start, time)
            })
        })
        .collect();
    let mut total = Outcome::default();
    for h in handles {
        let o = h.join().unwrap();
        total.saved += o.saved;
        total.refused += o.refused;
        total.latencies_ms.extend(o.latencies_ms);
        total.last.extend(o.last);
    }
    total
}

/// Audit rows of saved values: one per confirmed save when nothing is lost or doubled.
pub fn audited_saves(place: &Place) -> u64 {
    use zhibiao::store::db::Sql;
    let n: i64 = place
        .connect()
        .query_scalar(
            "SELECT count(*) FROM audit_log WHERE entity = 'observation'",
            zhibiao::args![],
        )
        .unwrap();
    n as u64
}
