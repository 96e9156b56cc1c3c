//! Scale benchmark: prints figures, asserts nothing about time.
//!
//! `cargo bench --workspace --bench scale` measures the demo database and, when
//! `ZHIBIAO_SCALE_DB` names one (built by `scripts/scale-db.sh`), the province-scale
//! database beside it:
//! - the dashboard's first screen: the answers the window asks for when the dashboard opens
//!   (plans, departments, opening period, the page with its gap chart), one after the other as
//!   the backend serves them, with each answer's size as JSON over IPC;
//! - `status` for every plan (what `zhibiao status` computes);
//! - the quarterly report (PDF) of one plan.
//!
//! Goals (issue 15): first screen < 300 ms, every answer < 1 MB, status < 1 s.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::Connection;
use serde::Serialize;
use zhibiao::api::dashboard::{dashboard, DashboardQuery};
use zhibiao::api::lifecycle::{default_period, PeriodGranularity, PeriodSelection};
use zhibiao::api::report::{report_pdf, ReportRequest};
use zhibiao::api::status::{status, StatusFilter};
use zhibiao::api::{departments, plans};
use zhibiao::model::Period;

const RUNS: usize = 5;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn size<T: Serialize>(answer: &T) -> usize {
    serde_json::to_vec(answer).expect("answer serialises").len()
}

fn kib(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.2} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    }
}

/// Min and median of [`RUNS`] runs (after one warm-up run) of `f`, which returns its time.
fn timed(mut f: impl FnMut() -> Duration) -> (f64, f64) {
    f();
    let mut t: Vec<Duration> = (0..RUNS).map(|_| f()).collect();
    t.sort();
    (ms(t[0]), ms(t[RUNS / 2]))
}

struct Answer {
    name: &'static str,
    ms: f64,
    bytes: usize,
}

/// One pass over the dashboard's first screen: each answer's time and size.
fn first_screen(conn: &Connection) -> (Period, Vec<Answer>) {
    let mut answers = Vec::new();
    let mut step = |name, f: &mut dyn FnMut() -> usize| {
        let t = Instant::now();
        let bytes = f();
        answers.push(Answer {
            name,
            ms: ms(t.elapsed()),
            bytes,
        });
    };
    step("list_plans", &mut || {
        size(&plans::list_plans(conn).unwrap())
    });
    step("list_departments", &mut || {
        size(&departments::list_departments(conn).unwrap())
    });
    let mut period = None;
    step("default_period", &mut || {
        let sel = PeriodSelection {
            plan_id: None,
            department_id: None,
            granularity: PeriodGranularity::Any,
        };
        let today = zhibiao::api::lifecycle::today(conn).unwrap();
        let d = default_period(conn, &sel, today).unwrap();
        period = Some(d.period);
        size(&d)
    });
    let period = period.expect("a period");
    step("dashboard_page", &mut || {
        let mut q = DashboardQuery::new(period, 50);
        q.with_gap_chart = true;
        size(&dashboard(conn, &q).unwrap())
    });
    (period, answers)
}

fn measure(label: &str, db: &Path) {
    let conn = zhibiao::store::open(db).expect("database opens");
    let observations: i64 = conn
        .query_row("SELECT count(*) FROM observations", [], |r| r.get(0))
        .unwrap();
    let indicators: i64 = conn
        .query_row("SELECT count(*) FROM indicators", [], |r| r.get(0))
        .unwrap();
    println!("\n== {label}: {indicators} indicators, {observations} observations");

    let (period, cold) = first_screen(&conn);
    let cold_total: f64 = cold.iter().map(|a| a.ms).sum();
    println!("dashboard first screen at {period} (first time after opening): {cold_total:.0} ms");
    let mut totals = Vec::new();
    let mut last = Vec::new();
    for _ in 0..RUNS {
        let (_, answers) = first_screen(&conn);
        totals.push(answers.iter().map(|a| a.ms).sum::<f64>());
        last = answers;
    }
    totals.sort_by(f64::total_cmp);
    println!(
        "dashboard first screen (again): min {:.0} ms, median {:.0} ms",
        totals[0],
        totals[RUNS / 2]
    );
    for a in &last {
        println!(
            "  {:<18} {:>8.1} ms  answer {:>10}",
            a.name,
            a.ms,
            kib(a.bytes)
        );
    }

    let (min, median) = timed(|| {
        let t = Instant::now();
        std::hint::black_box(zhibiao::store::series::load(&conn, None).unwrap());
        t.elapsed()
    });
    println!("  of which reading every plan's series: min {min:.0} ms, median {median:.0} ms");

    let mut status_bytes = 0;
    let (min, median) = timed(|| {
        let t = Instant::now();
        let report = status(&conn, period, &StatusFilter::default()).unwrap();
        let elapsed = t.elapsed();
        status_bytes = size(&report);
        elapsed
    });
    println!(
        "status, every plan: min {min:.0} ms, median {median:.0} ms (JSON {})",
        kib(status_bytes)
    );

    let plan_id: i64 = conn
        .query_row(
            "SELECT plan_id FROM indicators GROUP BY plan_id ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let quarter = match period {
        Period::Quarter(..) => period,
        Period::Year(y) => Period::Quarter(y, 4),
    };
    let mut pdf_bytes = 0;
    let (min, median) = timed(|| {
        let mut req = ReportRequest::new(quarter);
        req.plan_id = Some(plan_id);
        let t = Instant::now();
        pdf_bytes = report_pdf(&conn, &req).unwrap().len();
        t.elapsed()
    });
    println!(
        "quarterly report ({quarter}) of the largest plan: min {min:.0} ms, median {median:.0} ms ({})",
        kib(pdf_bytes)
    );
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let demo: PathBuf = dir.path().join("demo.db");
    {
        let mut conn = zhibiao::store::open(&demo).unwrap();
        zhibiao::demo::ensure_demo(&mut conn).unwrap();
    }
    measure("demo database", &demo);
    match std::env::var_os("ZHIBIAO_SCALE_DB") {
        Some(path) => measure("scale database", Path::new(&path)),
        None => println!(
            "\n(no ZHIBIAO_SCALE_DB: build one with scripts/scale-db.sh target/scale.db, then\n ZHIBIAO_SCALE_DB=target/scale.db cargo bench --workspace --bench scale)"
        ),
    }
}
