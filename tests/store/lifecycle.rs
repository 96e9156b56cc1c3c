//! Plan lifecycle on the demo city's two outlines: an ended plan is judged at its target
//! year and says so, values outside a plan's period are refused (a late 2025 value is not),
//! values stored after the end are kept but never judged, pickers open on the latest period
//! with data, and an empty report offers the nearest period that has one.

use crate::progress_fixture::input;
use chrono::NaiveDate;
use rusqlite::Connection;
use zhibiao::api::lifecycle::{
    default_period, nearest_report_period, plan_lifecycles, PeriodGranularity, PeriodSelection,
};
use zhibiao::api::plan_import::import_file_bytes;
use zhibiao::api::progress::save_observation;
use zhibiao::api::report::ReportRequest;
use zhibiao::api::status::{status_on, StatusFilter};
use zhibiao::api::{session, ErrorCode};
use zhibiao::auth::{hash_password, Role};
use zhibiao::model::{Period, PlanPhase};
use zhibiao::store::observations::{self, ObservationWrite};
use zhibiao::store::users::{self, NewUser};
use zhibiao::store::Actor;

const FOURTEENTH: &[u8] = include_bytes!("../../assets/demo/shifanshi-14th-outline-2021.txt");
const FIFTEENTH: &[u8] = include_bytes!("../../assets/demo/shifanshi-15th-outline-2026.txt");

fn today() -> NaiveDate {
    "2026-11-30".parse().unwrap()
}

fn p(s: &str) -> Period {
    s.parse().unwrap()
}

struct Demo {
    conn: Connection,
    old_plan: i64,
    new_plan: i64,
}

fn demo() -> Demo {
    let mut conn = zhibiao::store::open_in_memory().unwrap();
    for bytes in [FOURTEENTH, FIFTEENTH] {
        import_file_bytes(&mut conn, &Actor::system(), bytes, None).unwrap();
    }
    conn.execute_batch(
        "INSERT INTO departments (id, name) VALUES (1, '市发展改革委');
         UPDATE indicators SET lead_department_id = 1;",
    )
    .unwrap();
    let hash = hash_password("pw-123456").unwrap();
    let tx = conn.transaction().unwrap();
    users::insert(
        &tx,
        &Actor::system(),
        &NewUser {
            name: "staff",
            password_hash: &hash,
            role: Role::Staff,
            department_id: Some(1),
            must_change_password: false,
        },
    )
    .unwrap();
    tx.commit().unwrap();
    let id = |end: i32| -> i64 {
        conn.query_row("SELECT id FROM plans WHERE target_year = ?1", [end], |r| {
            r.get(0)
        })
        .unwrap()
    };
    let (old_plan, new_plan) = (id(2025), id(2030));
    Demo {
        conn,
        old_plan,
        new_plan,
    }
}

fn indicator(conn: &Connection, plan: i64, name: &str) -> i64 {
    conn.query_row(
        "SELECT id FROM indicators WHERE plan_id = ?1 AND name = ?2",
        rusqlite::params![plan, name],
        |r| r.get(0),
    )
    .unwrap_or_else(|_| panic!("{name} not imported"))
}

fn put(conn: &mut Connection, id: i64, period: &str, v: f64) {
    let tx = conn.transaction().unwrap();
    let w = ObservationWrite {
        value: Some(v),
        ..ObservationWrite::default()
    };
    observations::upsert(&tx, &Actor::system(), id, p(period), &w).unwrap();
    tx.commit().unwrap();
}

#[test]
fn phases_come_from_each_plans_years() {
    let d = demo();
    let life = plan_lifecycles(&d.conn, today()).unwrap();
    let of = |id: i64| life.iter().find(|l| l.plan_id == id).unwrap();
    assert_eq!(of(d.old_plan).phase, PlanPhase::Ended);
    assert_eq!(of(d.old_plan).note, "已结束：按2025年完成情况评估");
    assert_eq!(of(d.new_plan).phase, PlanPhase::Running);
    assert_eq!(of(d.new_plan).last_year, Some(2030));
    let before = plan_lifecycles(&d.conn, "2025-06-30".parse().unwrap()).unwrap();
    let new = before.iter().find(|l| l.plan_id == d.new_plan).unwrap();
    assert_eq!(new.phase, PlanPhase::NotStarted);
}

#[test]
fn an_ended_plan_is_judged_at_its_target_year_and_later_values_are_not_judged() {
    let mut d = demo();
    let gdp = indicator(&d.conn, d.old_plan, "地区生产总值");
    put(&mut d.conn, gdp, "2025", 4100.0);
    // Stored earlier for a period after the end: kept, never judged.
    put(&mut d.conn, gdp, "2026Q2", 9999.0);
    let filter = StatusFilter {
        plan_id: Some(d.old_plan),
        ..StatusFilter::default()
    };
    let report = status_on(&d.conn, p("2026Q3"), &filter, today()).unwrap();
    let row = report
        .rows
        .iter()
        .find(|r| r.name == "地区生产总值")
        .unwrap();
    assert_eq!(row.status.period, Period::Year(2025));
    assert_eq!(row.status.actual, Some(4100.0));
    assert_eq!(row.status.actual_period, Some(Period::Year(2025)));
    assert_eq!(row.phase, PlanPhase::Ended);
    assert_eq!(
        row.lifecycle_note.as_deref(),
        Some("已结束：按2025年完成情况评估")
    );
    assert!(observations::get(&d.conn, gdp, p("2026Q2"))
        .unwrap()
        .is_some());
    // Inside its period the plan is judged at the period asked for.
    let inside = status_on(&d.conn, p("2024"), &filter, today()).unwrap();
    assert!(inside.rows.iter().all(|r| r.lifecycle_note.is_none()));
    assert!(inside.rows.iter().all(|r| r.status.period == p("2024")));
}

#[test]
fn entry_outside_the_plan_period_is_refused_but_a_late_2025_value_is_accepted() {
    let mut d = demo();
    let s = session::login(&d.conn, "staff", "pw-123456").unwrap();
    let old = indicator(&d.conn, d.old_plan, "森林覆盖率");
    let new = indicator(&d.conn, d.new_plan, "森林覆盖率");
    let e = save_observation(&mut d.conn, &s, &input(old, "2026Q1", "31.1")).unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    assert!(
        e.message.contains("2021—2025年") && e.message.contains("2026年第一季度"),
        "{}",
        e.message
    );
    assert!(observations::get(&d.conn, old, p("2026Q1"))
        .unwrap()
        .is_none());
    // The 2025 year-end value arrives in 2026 and counts for 2025.
    save_observation(&mut d.conn, &s, &input(old, "2025", "31.0")).unwrap();
    assert_eq!(
        observations::get(&d.conn, old, p("2025"))
            .unwrap()
            .unwrap()
            .value,
        Some(31.0)
    );
    // The new plan takes 2026; it does not take 2031.
    save_observation(&mut d.conn, &s, &input(new, "2026Q1", "31.1")).unwrap();
    assert!(save_observation(&mut d.conn, &s, &input(new, "2031", "33")).is_err());
}

#[test]
fn pickers_open_on_the_latest_period_with_data() {
    let mut d = demo();
    let sel = |plan_id: Option<i64>, g: PeriodGranularity| PeriodSelection {
        plan_id,
        department_id: None,
        granularity: g,
    };
    // A running plan: the current reporting quarter.
    let any = default_period(&d.conn, &sel(None, PeriodGranularity::Any), today()).unwrap();
    assert_eq!(any.period, p("2026Q3"));
    // The ended plan alone: its target year (no data yet), then its latest period with data.
    let old = sel(Some(d.old_plan), PeriodGranularity::Any);
    assert_eq!(
        default_period(&d.conn, &old, today()).unwrap().period,
        p("2025")
    );
    let gdp = indicator(&d.conn, d.old_plan, "地区生产总值");
    put(&mut d.conn, gdp, "2024Q2", 3800.0);
    put(&mut d.conn, gdp, "2026Q1", 1.0); // after the end: does not count
    let q = sel(Some(d.old_plan), PeriodGranularity::Quarter);
    assert_eq!(
        default_period(&d.conn, &q, today()).unwrap().period,
        p("2024Q2")
    );
    // Annual pickers of the running plan: the latest year with data.
    let new_gdp = indicator(&d.conn, d.new_plan, "地区生产总值");
    put(&mut d.conn, new_gdp, "2026Q2", 4300.0);
    let y = sel(Some(d.new_plan), PeriodGranularity::Year);
    assert_eq!(
        default_period(&d.conn, &y, today()).unwrap().period,
        p("2026")
    );
}

#[test]
fn an_empty_report_names_the_nearest_period_that_has_one() {
    let d = demo();
    // No plan's period includes 2019.
    let mut req = ReportRequest::new(p("2019Q4"));
    req.kind = Some("quarterly".into());
    let e = zhibiao::api::report::report_data(&d.conn, &req).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
    assert!(
        e.message.contains("没有规划期包含2019年的规划"),
        "{}",
        e.message
    );
    let nearest = nearest_report_period(&d.conn, &req, today())
        .unwrap()
        .unwrap();
    assert!(zhibiao::api::report::report_data(&d.conn, &{
        let mut r = req.clone();
        r.period = nearest;
        r
    })
    .is_ok());
    assert_eq!(
        nearest,
        p("2025Q4"),
        "the ended plan's last quarter is nearest to 2019Q4"
    );
}
