//! Scale benchmark: prints figures, asserts nothing about time.
//!
//! `cargo bench --workspace --bench scale` measures the demo database and, when
//! `ZHIBIAO_SCALE_DB` names one (built by `scripts/scale-db.sh`), the province-scale
//! database beside it:
//! - the dashboard's first screen: the answers the window asks for when the dashboard opens
//!   (plans, departments, opening period, the page with its gap chart), one after the other as
//!   the backend serves them, with each answer's size as JSON over IPC — the first time
//!   (nothing evaluated yet), again (from memory), and after the program is opened again on
//!   unchanged data (every plan's statuses read from the file the app keeps);
//! - the first screen after a value is saved through the API (on a copy of the file): the
//!   statuses in memory brought forward by that value's plan;
//! - `status` for every plan (what `zhibiao status` computes);
//! - the quarterly report (PDF) of one plan.
//!
//! With `ZHIBIAO_SCALE_PG=postgres://…` (a copy of the same file made by `zhibiao migrate`)
//! the same figures are measured on PostgreSQL and printed beside SQLite's at the end.
//!
//! Goals (issue 15): first screen < 300 ms, every answer < 1 MB, status < 1 s; on
//! PostgreSQL on loopback within 2× of SQLite (issue 16).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde::Serialize;
use zhibiao::api::charts;
use zhibiao::api::dashboard::{dashboard, DashboardQuery};
use zhibiao::api::evaluation_cache;
use zhibiao::api::lifecycle::{default_period, PeriodGranularity, PeriodSelection};
use zhibiao::api::progress::{save_observation, ObservationInput};
use zhibiao::api::report::{report_pdf, ReportRequest};
use zhibiao::api::status::{status, StatusFilter};
use zhibiao::api::{departments, plans};
use zhibiao::model::Period;
use zhibiao::store::db::{Db, Location, Sql};

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
fn first_screen(conn: &Db) -> (Period, Vec<Answer>) {
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

/// Min and median of the runs' totals, and each step's median time with its answer's size.
fn medians(runs: &[Vec<Answer>]) -> (f64, f64, Vec<(&'static str, f64, usize)>) {
    let mut totals: Vec<f64> = runs.iter().map(|r| r.iter().map(|a| a.ms).sum()).collect();
    totals.sort_by(f64::total_cmp);
    let steps = runs[0]
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut t: Vec<f64> = runs.iter().map(|r| r[i].ms).collect();
            t.sort_by(f64::total_cmp);
            (a.name, t[t.len() / 2], a.bytes)
        })
        .collect();
    (totals[0], totals[totals.len() / 2], steps)
}

/// This process's resident memory (Linux), for what the evaluation cache holds.
fn resident_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

/// The figures printed side by side at the end (milliseconds; medians unless "cold").
#[derive(Default)]
struct Figures {
    label: String,
    cold_screen: f64,
    reopened_screen: f64,
    screen: f64,
    answers: Vec<(&'static str, f64)>,
    series: f64,
    status: f64,
    report: f64,
    largest_answer: usize,
}

fn measure(label: &str, conn: &Db) -> Figures {
    let mut f = Figures {
        label: label.to_string(),
        ..Figures::default()
    };
    let observations: i64 = conn
        .query_scalar("SELECT count(*) FROM observations", &[])
        .unwrap();
    let indicators: i64 = conn
        .query_scalar("SELECT count(*) FROM indicators", &[])
        .unwrap();
    println!("\n== {label}: {indicators} indicators, {observations} observations");

    // As the app does: every plan's statuses kept on disk, here in a directory of this run.
    let snapshots = tempfile::tempdir().unwrap();
    evaluation_cache::on_disk::keep_in(Some(snapshots.path().to_path_buf()));
    evaluation_cache::forget();
    let (period, cold) = first_screen(conn);
    f.cold_screen = cold.iter().map(|a| a.ms).sum();
    println!(
        "dashboard first screen at {period} (first time after opening): {:.0} ms",
        f.cold_screen
    );
    for a in &cold {
        println!("  {:<18} {:>8.1} ms", a.name, a.ms);
    }
    if let Some(mb) = resident_mb() {
        println!(
            "  resident memory of this process after it (evaluation cache filled): {mb:.0} MB"
        );
    }
    let reopened: Vec<Vec<Answer>> = (0..RUNS)
        .map(|_| {
            evaluation_cache::on_disk::wait_for_writer();
            evaluation_cache::forget();
            first_screen(conn).1
        })
        .collect();
    let (min, median, steps) = medians(&reopened);
    f.reopened_screen = median;
    println!(
        "dashboard first screen after opening again, data unchanged (statuses from disk): min {min:.0} ms, median {median:.0} ms"
    );
    for (name, ms, _) in &steps {
        println!("  {name:<18} {ms:>8.1} ms");
    }
    let token = zhibiao::store::data_version::current(conn).unwrap();
    let (min, median) = timed(|| {
        let t = Instant::now();
        std::hint::black_box(evaluation_cache::on_disk::load(token).expect("a snapshot"));
        t.elapsed()
    });
    let file_bytes: u64 = std::fs::read_dir(snapshots.path())
        .unwrap()
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .max()
        .unwrap_or(0);
    println!(
        "  of which reading the statuses file ({}): min {min:.0} ms, median {median:.0} ms",
        kib(file_bytes as usize)
    );
    let snapshot = evaluation_cache::on_disk::load(token).expect("a snapshot");
    let today = zhibiao::api::lifecycle::today(conn).unwrap();
    let mut rows = Vec::new();
    let (min, median) = timed(|| {
        let t = Instant::now();
        rows = snapshot.rows(&StatusFilter::default(), today);
        t.elapsed()
    });
    println!("  of which every row made from the file's: min {min:.1} ms, median {median:.1} ms");
    let (min, median) = timed(|| {
        let t = Instant::now();
        let chart = charts::gap_of_rows(&rows, "全部规划", period);
        std::hint::black_box(charts::svg(&zhibiao::chart::Chart::Gap(chart)).unwrap());
        t.elapsed()
    });
    println!("  of which the gap chart drawn: min {min:.1} ms, median {median:.1} ms");
    let runs: Vec<Vec<Answer>> = (0..RUNS).map(|_| first_screen(conn).1).collect();
    let (min, median, steps) = medians(&runs);
    f.screen = median;
    println!(
        "dashboard first screen (again, data unchanged): min {min:.0} ms, median {median:.0} ms"
    );
    for (name, ms, bytes) in steps {
        f.answers.push((name, ms));
        f.largest_answer = f.largest_answer.max(bytes);
        println!("  {name:<18} {ms:>8.1} ms  answer {:>10}", kib(bytes));
    }

    let (min, median) = timed(|| {
        let t = Instant::now();
        std::hint::black_box(zhibiao::store::series::load(conn, None).unwrap());
        t.elapsed()
    });
    f.series = median;
    println!("reading every plan's series (a cold first screen's part): min {min:.0} ms, median {median:.0} ms");

    let mut status_bytes = 0;
    let (min, median) = timed(|| {
        let t = Instant::now();
        let report = status(conn, period, &StatusFilter::default()).unwrap();
        let elapsed = t.elapsed();
        status_bytes = size(&report);
        elapsed
    });
    f.status = median;
    println!(
        "status, every plan: min {min:.0} ms, median {median:.0} ms (JSON {})",
        kib(status_bytes)
    );

    let plan_id: i64 = conn
        .query_scalar(
            "SELECT plan_id FROM indicators GROUP BY plan_id ORDER BY count(*) DESC, plan_id LIMIT 1",
            &[],
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
        pdf_bytes = report_pdf(conn, &req).unwrap().len();
        t.elapsed()
    });
    f.report = median;
    println!(
        "quarterly report ({quarter}) of the largest plan: min {min:.0} ms, median {median:.0} ms ({})",
        kib(pdf_bytes)
    );
    f
}

/// A cell of a running plan at `period` that its department's staff may still change: an
/// indicator with a number there, its department, and that number.
fn editable_cell(conn: &Db, period: Period) -> Option<(i64, i64, f64)> {
    conn.query_opt(
        "SELECT i.id, i.lead_department_id, o.value
         FROM indicators i
         JOIN plans p ON p.id = i.plan_id AND ?2 BETWEEN p.period_start AND p.period_end
         JOIN observations o ON o.indicator_id = i.id AND o.period = ?1
         WHERE o.value IS NOT NULL AND i.lead_department_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM submissions s
                           WHERE s.department_id = i.lead_department_id AND s.period = ?1
                             AND s.state != 'draft')
         ORDER BY i.id LIMIT 1",
        zhibiao::args![period.to_string(), period.year()],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .unwrap()
}

/// A value saved through the API while the first screen is in memory (on a copy of the
/// file), then the first screen again: the statuses are brought forward by the saved value's
/// plan, not read and evaluated again.
fn after_a_save(file: &std::path::Path) {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.db");
    std::fs::copy(file, &copy).unwrap();
    let mut conn = Db::from(zhibiao::store::open(&copy).unwrap());
    evaluation_cache::forget();
    let (period, _) = first_screen(&conn);
    evaluation_cache::load_series(&conn).unwrap();
    let Some((indicator, department, value)) = editable_cell(&conn, period) else {
        println!("after a value saved: no cell of {period} to change");
        return;
    };
    let who = zhibiao::api::session::login(
        &conn,
        &zhibiao::demo::progress::demo_staff_name(department),
        zhibiao::demo::progress::DEMO_PASSWORD,
    )
    .unwrap();
    let before = evaluation_cache::sources();
    let mut saves = Vec::new();
    let mut screens = Vec::new();
    for i in 0..RUNS {
        let input = ObservationInput {
            indicator_id: indicator,
            period,
            value: Some(value.to_string()),
            status: None,
            evidence: None,
            note: Some(format!("基准测试{i}")),
            source: None,
            vintage: None,
            expected_version: None,
        };
        let t = Instant::now();
        save_observation(&mut conn, &who, &input).unwrap();
        saves.push(ms(t.elapsed()));
        screens.push(first_screen(&conn).1.iter().map(|a| a.ms).sum::<f64>());
    }
    let now = evaluation_cache::sources();
    saves.sort_by(f64::total_cmp);
    screens.sort_by(f64::total_cmp);
    println!(
        "after a value saved (staff, through the API): save min {:.0} ms, median {:.0} ms; then the first screen min {:.0} ms, median {:.0} ms ({} of {RUNS} saves brought forward, {} evaluated anew)",
        saves[0],
        saves[RUNS / 2],
        screens[0],
        screens[RUNS / 2],
        now.patched - before.patched,
        now.evaluated - before.evaluated,
    );
}

/// SQLite's and PostgreSQL's figures in two columns, with the ratio.
fn side_by_side(a: &Figures, b: &Figures) {
    println!("\n== side by side (medians, ms)");
    println!("{:<34} {:>12} {:>12} {:>7}", "", a.label, b.label, "ratio");
    let line = |name: &str, x: f64, y: f64| {
        println!("{name:<34} {x:>12.1} {y:>12.1} {:>6.2}×", y / x.max(0.001));
    };
    line("first screen, first time", a.cold_screen, b.cold_screen);
    line(
        "first screen, reopened",
        a.reopened_screen,
        b.reopened_screen,
    );
    line("first screen, again", a.screen, b.screen);
    for ((name, x), (_, y)) in a.answers.iter().zip(&b.answers) {
        line(&format!("  {name}"), *x, *y);
    }
    line("reading every plan's series", a.series, b.series);
    line("status, every plan", a.status, b.status);
    line("quarterly report, largest plan", a.report, b.report);
    println!(
        "{:<34} {:>12} {:>12}",
        "largest answer",
        kib(a.largest_answer),
        kib(b.largest_answer)
    );
}

fn open(location: &str) -> Db {
    Db::open(&Location::parse(location)).expect("database opens")
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let demo: PathBuf = dir.path().join("demo.db");
    {
        let mut conn = zhibiao::store::open(&demo).unwrap();
        zhibiao::demo::ensure_demo(&mut conn).unwrap();
    }
    measure(
        "demo database",
        &Db::from(zhibiao::store::open(&demo).unwrap()),
    );
    after_a_save(&demo);
    let Some(path) = std::env::var_os("ZHIBIAO_SCALE_DB") else {
        println!(
            "\n(no ZHIBIAO_SCALE_DB: build one with scripts/scale-db.sh target/scale.db, then\n ZHIBIAO_SCALE_DB=target/scale.db cargo bench --workspace --bench scale)"
        );
        return;
    };
    let sqlite = measure("SQLite", &open(&path.to_string_lossy()));
    after_a_save(std::path::Path::new(&path));
    if let Ok(url) = std::env::var("ZHIBIAO_SCALE_PG") {
        let pg = measure("PostgreSQL", &open(&url));
        side_by_side(&sqlite, &pg);
    } else {
        println!("\n(ZHIBIAO_SCALE_PG=postgres://… measures a copy on PostgreSQL beside it)");
    }
}
