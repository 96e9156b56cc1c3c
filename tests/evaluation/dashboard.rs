//! The dashboard page (`api::dashboard`) against the full status report of the same day: a
//! page is a window on the report's list, its counts and warnings are the report's.

use chrono::NaiveDate;
use rusqlite::Connection;
use zhibiao::api::charts::{gap, GAP_CHART_MAX_ITEMS};
use zhibiao::api::dashboard::{dashboard_on, DashboardQuery, MAX_PAGE, WARNINGS_SHOWN};
use zhibiao::api::status::{status_on, StatusFilter, StatusRow};
use zhibiao::eval::Label;
use zhibiao::model::{Attribute, Period};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

fn demo() -> Connection {
    let mut conn = zhibiao::store::open_in_memory().unwrap();
    zhibiao::demo::ensure_demo(&mut conn).unwrap();
    conn
}

fn query(period: &str) -> DashboardQuery {
    DashboardQuery::new(period.parse::<Period>().unwrap(), 50)
}

fn ids(rows: &[StatusRow]) -> Vec<i64> {
    rows.iter().map(|r| r.status.indicator_id).collect()
}

#[test]
fn pages_put_together_are_the_reports_list() {
    let conn = demo();
    let mut q = query("2026Q3");
    q.limit = 37;
    let report = status_on(&conn, q.period, &StatusFilter::default(), today()).unwrap();
    assert!(report.rows.len() > 2 * 37, "the demo has several pages");
    let mut joined = Vec::new();
    loop {
        let page = dashboard_on(&conn, &q, today()).unwrap();
        assert_eq!(page.rows_total as usize, report.rows.len());
        assert_eq!(page.offset, q.offset);
        assert!(page.rows.len() <= 37);
        joined.extend(ids(&page.rows));
        if joined.len() >= report.rows.len() {
            break;
        }
        q.offset += 37;
    }
    assert_eq!(joined, ids(&report.rows));
}

#[test]
fn counts_follow_the_attribute_and_the_list_also_the_labels() {
    let conn = demo();
    let mut q = query("2026Q3");
    q.attribute = Some(Attribute::Binding);
    q.labels = vec![Label::Lagging, Label::SeverelyLagging];
    q.limit = MAX_PAGE;
    let binding = StatusFilter {
        attribute: Some(Attribute::Binding),
        ..StatusFilter::default()
    };
    let report = status_on(&conn, q.period, &binding, today()).unwrap();
    let page = dashboard_on(&conn, &q, today()).unwrap();
    assert_eq!(page.counts, report.overall);
    let lagging =
        report.overall.count(Label::Lagging) + report.overall.count(Label::SeverelyLagging);
    assert!(lagging > 0, "the demo has lagging binding indicators");
    assert_eq!(page.rows_total, lagging);
    assert!(page
        .rows
        .iter()
        .all(|r| r.attribute == Some(Attribute::Binding) && r.status.label.is_lagging()));
    // Worst first.
    let first_lagging = page
        .rows
        .iter()
        .position(|r| r.status.label == Label::Lagging);
    let last_severe = page
        .rows
        .iter()
        .rposition(|r| r.status.label == Label::SeverelyLagging);
    if let (Some(first), Some(last)) = (first_lagging, last_severe) {
        assert!(last < first);
    }
}

#[test]
fn warnings_are_the_binding_lagging_rows_in_any_filter_of_the_list() {
    let conn = demo();
    let mut q = query("2026Q3");
    q.attribute = Some(Attribute::Expected); // narrows the list, not the warnings
    let report = status_on(&conn, q.period, &StatusFilter::default(), today()).unwrap();
    let page = dashboard_on(&conn, &q, today()).unwrap();
    assert_eq!(page.warnings_total, report.overall.binding_lagging);
    let expected: Vec<i64> = report
        .rows
        .iter()
        .filter(|r| r.attribute == Some(Attribute::Binding) && r.status.label.is_lagging())
        .take(WARNINGS_SHOWN)
        .map(|r| r.status.indicator_id)
        .collect();
    assert_eq!(ids(&page.warnings), expected);
    assert!(page
        .rows
        .iter()
        .all(|r| r.attribute == Some(Attribute::Expected)));
}

#[test]
fn a_page_past_the_end_is_the_last_page_and_sizes_are_bounded() {
    let conn = demo();
    let mut q = query("2026Q3");
    q.limit = 40;
    q.offset = 1_000_000;
    let page = dashboard_on(&conn, &q, today()).unwrap();
    let total = page.rows_total as usize;
    assert_eq!(page.offset as usize, (total - 1) / 40 * 40);
    assert_eq!(page.rows.len(), total - page.offset as usize);

    q.offset = 0;
    q.limit = 0;
    assert_eq!(dashboard_on(&conn, &q, today()).unwrap().rows.len(), 1);
    q.limit = u32::MAX;
    let big = dashboard_on(&conn, &q, today()).unwrap();
    assert_eq!(big.rows.len(), total.min(MAX_PAGE as usize));
}

#[test]
fn ended_plans_in_scope_are_named_once() {
    let conn = demo();
    let page = dashboard_on(&conn, &query("2026Q3"), today()).unwrap();
    let report = status_on(&conn, page.period, &StatusFilter::default(), today()).unwrap();
    let mut titles: Vec<&str> = report
        .rows
        .iter()
        .filter(|r| r.lifecycle_note.is_some())
        .map(|r| r.plan_title.as_str())
        .collect();
    titles.sort();
    titles.dedup();
    assert!(!titles.is_empty(), "the demo's 十四五 plans ended in 2025");
    assert_eq!(page.ended_plans.len(), titles.len());
    for t in titles {
        assert!(page
            .ended_plans
            .iter()
            .any(|line| line.starts_with(&format!("《{t}》"))));
    }
}

#[test]
fn a_gap_chart_of_many_indicators_shows_the_largest_shortfalls() {
    let conn = demo();
    let period: Period = "2026Q3".parse().unwrap();
    let report = status_on(&conn, period, &StatusFilter::default(), today()).unwrap();
    assert!(
        report.rows.len() > GAP_CHART_MAX_ITEMS,
        "the demo is larger than one chart"
    );
    let chart = gap(&conn, period, &StatusFilter::default()).unwrap();
    assert_eq!(chart.items.len(), GAP_CHART_MAX_ITEMS);
    assert!(
        chart.title.contains(&format!("共{}项", report.rows.len())),
        "{}",
        chart.title
    );
    let shortfall = |e: Option<f64>, c: Option<f64>| match (e, c) {
        (Some(e), Some(c)) => e - c,
        _ => f64::NEG_INFINITY,
    };
    let mut all: Vec<f64> = report
        .rows
        .iter()
        .map(|r| shortfall(r.status.expected, r.status.completion))
        .collect();
    all.sort_by(|a, b| b.total_cmp(a));
    let mut shown: Vec<f64> = chart
        .items
        .iter()
        .map(|i| shortfall(i.expected, i.completion))
        .collect();
    shown.sort_by(|a, b| b.total_cmp(a));
    assert_eq!(shown, all[..GAP_CHART_MAX_ITEMS]);
    // One plan of the demo fits in one chart: nothing left out, no note.
    let one = StatusFilter {
        plan_id: Some(report.rows[0].plan_id),
        ..StatusFilter::default()
    };
    let rows = status_on(&conn, period, &one, today()).unwrap().rows.len();
    if rows <= GAP_CHART_MAX_ITEMS {
        let chart = gap(&conn, period, &one).unwrap();
        assert_eq!(chart.items.len(), rows);
        assert!(!chart.title.contains("差距最大"));
    }
}
