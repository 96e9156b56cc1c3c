//! A small database for the progress-entry tests: two departments, one 2021–2025 plan, a
//! flow, a share, a qualitative and a pending-target indicator, and one user per role.
#![allow(dead_code)]

use rusqlite::Connection;
use zhibiao::api::session;
use zhibiao::auth::{hash_password, Role, Session};
use zhibiao::model::Period;
use zhibiao::store::users::{self, NewUser};
use zhibiao::store::Actor;

pub const PASSWORD: &str = "test-pass-1";

pub struct Fixture {
    pub conn: Connection,
    pub dept_a: i64,
    pub dept_b: i64,
    /// 城镇新增就业人数 (万人, flow), department A.
    pub jobs: i64,
    /// 常住人口城镇化率 (%), department A.
    pub urban: i64,
    /// 耕地保有量 (保持稳定, qualitative), department A.
    pub farmland: i64,
    /// 单位GDP能耗降低 (按省下达目标), department A.
    pub energy: i64,
    /// 森林覆盖率 (%), department B.
    pub forest: i64,
}

fn value_json(raw: &str) -> Option<String> {
    if raw.is_empty() {
        return None;
    }
    Some(serde_json::to_string(&zhibiao::grammar::parse_value(raw)).unwrap())
}

/// `cells` = (name, unit, baseline, target) as written in a gazette table.
fn indicator(
    conn: &Connection,
    position: i64,
    cells: (&str, &str, &str, &str),
    flow: bool,
    dept: i64,
) -> i64 {
    let (name, unit, baseline, target) = cells;
    conn.execute(
        "INSERT INTO indicators (plan_id, table_id, position, seq, category, name, unit, attribute, direction,
             baseline_json, target_json, flow, lead_department_id)
         VALUES (1, 1, ?1, ?2, '经济发展', ?3, ?4, '约束性', 'increase', ?5, ?6, ?7, ?8)",
        rusqlite::params![position, (position + 1).to_string(), name, unit, value_json(baseline), value_json(target), flow, dept],
    )
    .unwrap();
    conn.last_insert_rowid()
}

pub fn build_in(mut conn: Connection) -> Fixture {
    conn.execute_batch(
        "INSERT INTO departments (id, name) VALUES (1, '市人力资源社会保障局'), (2, '市林业局');
         INSERT INTO plans (id, title, period_start, period_end, baseline_year, target_year)
           VALUES (1, '测试市“十四五”规划', 2021, 2025, 2020, 2025);
         INSERT INTO plan_tables (id, plan_id, position, title, kind, baseline_year, target_year)
           VALUES (1, 1, 0, '主要指标', 'targets', 2020, 2025);",
    )
    .unwrap();
    let jobs = indicator(
        &conn,
        0,
        ("城镇新增就业人数", "万人", "5.2", "5.5"),
        true,
        1,
    );
    let urban = indicator(&conn, 1, ("常住人口城镇化率", "%", "51.2", "58"), false, 1);
    let farmland = indicator(&conn, 2, ("耕地保有量", "", "", "保持稳定"), false, 1);
    let energy = indicator(
        &conn,
        3,
        ("单位GDP能耗降低", "%", "", "按省下达目标"),
        false,
        1,
    );
    let forest = indicator(&conn, 4, ("森林覆盖率", "%", "33.1", "35"), false, 2);
    add_users(
        &mut conn,
        &[
            ("staff_a", Role::Staff, Some(1)),
            ("staff_b", Role::Staff, Some(2)),
            ("boss", Role::Manager, None),
            ("root", Role::Admin, None),
        ],
    );
    Fixture {
        conn,
        dept_a: 1,
        dept_b: 2,
        jobs,
        urban,
        farmland,
        energy,
        forest,
    }
}

/// Users (name, role, department), all with [`PASSWORD`].
pub fn add_users(conn: &mut Connection, users: &[(&str, Role, Option<i64>)]) {
    let hash = hash_password(PASSWORD).unwrap();
    let tx = conn.transaction().unwrap();
    for &(name, role, department_id) in users {
        users::insert(
            &tx,
            &Actor::system(),
            &NewUser {
                name,
                password_hash: &hash,
                role,
                department_id,
                must_change_password: false,
            },
        )
        .unwrap();
    }
    tx.commit().unwrap();
}

pub fn build() -> Fixture {
    build_in(zhibiao::store::open_in_memory().unwrap())
}

impl Fixture {
    pub fn login(&self, name: &str) -> Session {
        session::login(&self.conn, name, PASSWORD).unwrap()
    }

    pub fn audit_count(&self, entity: &str) -> i64 {
        self.conn
            .query_row(
                "SELECT count(*) FROM audit_log WHERE entity = ?1",
                [entity],
                |r| r.get(0),
            )
            .unwrap()
    }

    pub fn stored_value(&self, indicator: i64, period: &str) -> Option<f64> {
        zhibiao::store::observations::get(&self.conn, indicator, period.parse().unwrap())
            .unwrap()
            .and_then(|o| o.value)
    }
}

pub fn input(
    indicator_id: i64,
    period: &str,
    value: &str,
) -> zhibiao::api::progress::ObservationInput {
    zhibiao::api::progress::ObservationInput {
        indicator_id,
        period: period.parse::<Period>().unwrap(),
        value: Some(value.to_string()),
        status: None,
        evidence: None,
        note: None,
        source: None,
        vintage: None,
        expected_version: None,
    }
}
