//! Both plan generations in the demo database, as a newcomer meets them late in 2026: the
//! 示范市 十四五 outline has ended and the 十五五 outline runs; the report with default
//! choices produces a PDF; the 总结评估 of the ended plan lists base, target, actual,
//! 完成情况 and the successor's target, binding indicators first; the annual report of the
//! new plan has its 目标可行性 section.

use chrono::NaiveDate;
use rusqlite::Connection;
use zhibiao::api::lifecycle::{
    default_period, plan_lifecycles, PeriodGranularity, PeriodSelection,
};
use zhibiao::api::report::{report_data, report_source, ReportRequest};
use zhibiao::model::{Period, PlanPhase};
use zhibiao::store::{self, Actor};

const OLD_DOC: &str = "示政〔2021〕5号";
const NEW_DOC: &str = "示政〔2026〕3号";

/// The demo as created on 2026-11-30 (the date is fixed in the database, as a training
/// database would fix it, so the test does not depend on the clock).
fn demo() -> Connection {
    let mut conn = store::open_in_memory().unwrap();
    let tx = conn.transaction().unwrap();
    store::settings::set(&tx, &Actor::system(), "fixed_today", "\"2026-11-30\"").unwrap();
    tx.commit().unwrap();
    assert!(zhibiao::demo::ensure_demo(&mut conn).unwrap());
    conn
}

fn today(conn: &Connection) -> NaiveDate {
    zhibiao::api::lifecycle::today(conn).unwrap()
}

fn plan_id(conn: &Connection, doc: &str) -> i64 {
    conn.query_row("SELECT id FROM plans WHERE doc_number = ?1", [doc], |r| {
        r.get(0)
    })
    .unwrap()
}

fn request(period: &str, kind: &str, plan: Option<i64>) -> ReportRequest {
    let mut r = ReportRequest::new(period.parse().unwrap());
    r.kind = Some(kind.to_string());
    r.plan_id = plan;
    r
}

#[test]
fn the_demo_holds_an_ended_and_a_running_generation() {
    let conn = demo();
    if today(&conn) != NaiveDate::from_ymd_opt(2026, 11, 30).unwrap() {
        return; // ZHIBIAO_TODAY fixes another date for this run
    }
    let life = plan_lifecycles(&conn, today(&conn)).unwrap();
    let of = |doc: &str| {
        let id = plan_id(&conn, doc);
        life.iter().find(|l| l.plan_id == id).unwrap().clone()
    };
    assert_eq!(of(OLD_DOC).phase, PlanPhase::Ended);
    assert_eq!(of(OLD_DOC).note, "已结束：按2025年完成情况评估");
    assert_eq!(of(NEW_DOC).phase, PlanPhase::Running);
    assert_eq!(of(NEW_DOC).note, "执行中（2026—2030年）");
}

#[test]
fn the_report_with_default_choices_is_a_pdf_of_the_running_plan() {
    let conn = demo();
    if today(&conn) != NaiveDate::from_ymd_opt(2026, 11, 30).unwrap() {
        return;
    }
    // 报告 opens on 季度报告, 全部, and the picker's default for quarters.
    let sel = PeriodSelection {
        plan_id: None,
        department_id: None,
        granularity: PeriodGranularity::Quarter,
    };
    let period = default_period(&conn, &sel, today(&conn)).unwrap().period;
    assert_eq!(period, Period::Quarter(2026, 3));
    let mut req = request("2026Q3", "quarterly", None);
    req.without_charts = true; // the charts have tests of their own; this is about the scope
    let source = report_source(&conn, &req).unwrap();
    let data = source.data();
    assert!(
        data.rows().any(|r| r.name == "农村黑臭水体治理"),
        "the 十五五 plan is in the report"
    );
    // What the end-to-end test reads on the first page.
    assert!(
        data.summary[0].contains("《示范市国民经济和社会发展第十五个五年规划纲要》"),
        "{:?}",
        data.summary
    );
    let pdf = source.pdf().unwrap();
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
}

#[test]
fn the_completion_review_of_the_ended_plan_lists_base_target_actual_and_successor() {
    let conn = demo();
    let old = plan_id(&conn, OLD_DOC);
    let data = report_data(&conn, &request("2025", "completion", Some(old))).unwrap();
    assert!(data.title.contains("总结评估"), "{}", data.title);
    // Years from the plan: 2020 base, 2025 target.
    assert_eq!(data.baseline_title, "基期值（2020年）");
    assert_eq!(data.target_title, "规划目标（2025年）");
    assert_eq!(data.current_title, "实际值（2025年）");
    assert_eq!(data.successor_title.as_deref(), Some("接续指标目标"));
    let row = |name: &str| {
        data.rows()
            .find(|r| r.name == name)
            .unwrap_or_else(|| panic!("{name} missing"))
    };
    // 地区生产总值: 3000 → 4200 planned, 4100 reached = 91.7 % of the planned change
    // ((4100 − 3000) / (4200 − 3000)), above the 90 % threshold of 基本完成.
    let gdp = row("地区生产总值");
    assert_eq!(
        (gdp.baseline.as_str(), gdp.target.as_str()),
        ("3000", "4200")
    );
    assert_eq!(gdp.current, "4100");
    assert_eq!(gdp.status, "基本完成");
    assert_eq!(gdp.successor, "5500（2030年）");
    // Every row is judged with one of the three words (or says why it cannot be).
    assert!(data.rows().any(|r| r.status == "已完成"));
    // Binding indicators first.
    let attrs: Vec<&str> = data.rows().map(|r| r.attribute.as_str()).collect();
    let last_binding = attrs.iter().rposition(|a| *a == "约束性").unwrap();
    let first_expected = attrs.iter().position(|a| *a == "预期性").unwrap();
    assert!(last_binding < first_expected, "{attrs:?}");
}

#[test]
fn the_annual_report_of_the_new_plan_has_its_feasibility_section() {
    let conn = demo();
    let new = plan_id(&conn, NEW_DOC);
    let mut req = request("2026", "annual", Some(new));
    req.without_charts = true;
    let data = report_data(&conn, &req).unwrap();
    let gdp = data
        .feasibility
        .iter()
        .find(|l| l.name == "地区生产总值")
        .expect("GDP in the feasibility section");
    assert_eq!(
        (gdp.baseline.as_str(), gdp.target.as_str()),
        ("4150", "5500")
    );
    // (5500 / 4150)^(1/5) − 1 = 5.79 % a year.
    assert_eq!(gdp.required, "5.79%");
    assert!(["偏高", "合理", "偏低"].contains(&gdp.judgement.as_str()));
    let qualitative = data
        .feasibility
        .iter()
        .find(|l| l.name == "农村黑臭水体治理")
        .expect("qualitative rows are listed");
    assert_eq!(qualitative.judgement, "无法评估");
}

#[test]
fn a_clerk_opens_on_a_draft_quarter_of_the_running_plan_with_values_to_enter() {
    use zhibiao::demo::progress::{demo_staff_name, DEMO_PASSWORD};
    let conn = demo();
    if today(&conn) != NaiveDate::from_ymd_opt(2026, 11, 30).unwrap() {
        return;
    }
    // What the end-to-end test's 填报员 (department 1) meets: the picker's default, a draft
    // grid, only the running plan's indicators (ended plans take no 2026 values), at least
    // three numeric rows to type into.
    let staff = zhibiao::api::session::login(&conn, &demo_staff_name(1), DEMO_PASSWORD).unwrap();
    let sel = PeriodSelection {
        plan_id: None,
        department_id: Some(1),
        granularity: PeriodGranularity::Any,
    };
    let period = default_period(&conn, &sel, today(&conn)).unwrap().period;
    assert_eq!(period, Period::Quarter(2026, 3));
    let grid = zhibiao::api::progress::entry_grid(&conn, &staff, 1, period).unwrap();
    assert_eq!(grid.submission.state, zhibiao::progress::State::Draft);
    assert!(grid.can_edit);
    assert!(
        grid.rows
            .iter()
            .all(|r| r.plan_title.contains("第十五个五年")),
        "only the running plan"
    );
    let numeric = grid.rows.iter().filter(|r| !r.qualitative).count();
    assert!(numeric >= 3, "{numeric} numeric rows");
}

#[test]
fn a_completion_review_row_is_headed_with_its_own_name() {
    let conn = demo();
    // A 上期完成情况 row of a real city's 十四五 outline: history, not monitored.
    let (id, name): (i64, String) = conn
        .query_row(
            "SELECT i.id, i.name FROM indicators i JOIN plan_tables t ON t.id = i.table_id
             WHERE t.kind = 'completion_review' ORDER BY i.id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let h = zhibiao::api::lifecycle::indicator_heading(&conn, id, day).unwrap();
    assert_eq!(h.name, name);
    assert!(h.review_row);
    assert_eq!(h.phase, PlanPhase::Ended);
    assert_eq!(h.phase_note, "已结束：按2025年完成情况评估");
    assert_eq!(h.last_year, Some(2025));
    // The monitored rows of the running plan are not review rows.
    let gdp: i64 = conn
        .query_row(
            "SELECT i.id FROM indicators i JOIN plans p ON p.id = i.plan_id
             WHERE p.doc_number = ?1 AND i.name = '地区生产总值'",
            [NEW_DOC],
            |r| r.get(0),
        )
        .unwrap();
    let h = zhibiao::api::lifecycle::indicator_heading(&conn, gdp, day).unwrap();
    assert!(!h.review_row);
    assert_eq!(h.phase, PlanPhase::Running);
}
