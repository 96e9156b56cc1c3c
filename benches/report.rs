//! Report benchmark: prints figures, asserts nothing about time.
//!
//! `cargo bench --bench report`: a 300-indicator quarterly report with its charts (gap
//! charts and trajectory charts of lagging indicators), from the database to PDF bytes;
//! min and median over several runs, split into data + charts and layout + PDF.
//! Goal (issue 6): under 1 s in a release build.
//! With `REPORT_BENCH_OUT=DIR` it also writes `report.pdf` and the same scope exported as
//! `indicators.xlsx` (used by `scripts/bench-report-vs-libreoffice.sh`).

use std::time::{Duration, Instant};

use rusqlite::{params, Connection};
use zhibiao::api::export::{export_xlsx, ExportRequest};
use zhibiao::api::report::{report_data, ReportRequest};
use zhibiao::model::{Attribute, Period, Value};
use zhibiao::report::render_pdf;
use zhibiao::store::open_in_memory;

const INDICATORS: usize = 300;
const RUNS: usize = 7;
const PERIOD: Period = Period::Quarter(2025, 3);

/// A 2021–2025 plan with 300 numeric indicators in 10 categories, 5 departments, annual
/// values for 2021–2024 and a 2025Q3 value at varying progress (some lagging).
fn database() -> Connection {
    let conn = open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO plans (id, title, issuer, period_start, period_end, baseline_year, target_year)
         VALUES (1, '某市“十四五”国民经济和社会发展规划', '某市人民政府', 2021, 2025, 2020, 2025);
         INSERT INTO plan_tables (id, plan_id, position, title, kind, baseline_year, target_year)
         VALUES (1, 1, 0, '主要指标', 'targets', 2020, 2025);",
    )
    .unwrap();
    for d in 1..=5 {
        conn.execute(
            "INSERT INTO departments (id, name) VALUES (?1, ?2)",
            params![d, format!("市第{d}局")],
        )
        .unwrap();
    }
    let json = |v: f64| serde_json::to_string(&Value::number(format!("{v}"), v)).unwrap();
    for i in 0..INDICATORS {
        let id = i as i64 + 1;
        let baseline = 50.0 + (i % 17) as f64;
        let target = baseline * 1.2;
        let attribute = if i % 3 == 0 {
            Attribute::Binding
        } else {
            Attribute::Expected
        };
        conn.execute(
            "INSERT INTO indicators (id, plan_id, table_id, position, seq, category, name, unit, attribute,
                direction, baseline_json, target_json, lead_department_id)
             VALUES (?1, 1, 1, ?2, ?3, ?4, ?5, '%', ?6, 'increase', ?7, ?8, ?9)",
            params![
                id,
                i as i64,
                (i + 1).to_string(),
                format!("第{}类发展指标", i / 30 + 1),
                format!("监测指标{}（郟县、潁川片区）", i + 1),
                attribute.as_str(),
                json(baseline),
                json(target),
                (i % 5) as i64 + 1
            ],
        )
        .unwrap();
        let pace = [0.3, 0.6, 0.85, 1.0, 1.2][i % 5];
        for (period, elapsed) in [
            ("2021", 0.2),
            ("2022", 0.4),
            ("2023", 0.6),
            ("2024", 0.8),
            ("2025Q3", 0.95),
        ] {
            let v = baseline + (target - baseline) * elapsed * pace;
            conn.execute(
                "INSERT INTO observations (indicator_id, period, value) VALUES (?1, ?2, ?3)",
                params![id, period, (v * 100.0).round() / 100.0],
            )
            .unwrap();
        }
    }
    conn
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn summary(mut xs: Vec<f64>) -> String {
    xs.sort_by(f64::total_cmp);
    format!("min {:7.1} ms   median {:7.1} ms", xs[0], xs[xs.len() / 2])
}

fn main() {
    let conn = database();
    let mut req = ReportRequest::new(PERIOD);
    req.date = chrono::NaiveDate::from_ymd_opt(2026, 11, 23);
    let (mut data_ms, mut pdf_ms, mut total_ms) = (Vec::new(), Vec::new(), Vec::new());
    let mut last = (Vec::new(), 0, 0);
    for _ in 0..RUNS {
        // Typst memoises layout across compilations in one process; a real report is
        // produced once, so every run starts from an empty cache.
        typst::comemo::evict(0);
        let t0 = Instant::now();
        let data = report_data(&conn, &req).unwrap();
        let t1 = Instant::now();
        let pdf = render_pdf(&data, (2026, 11, 23)).unwrap();
        let t2 = Instant::now();
        data_ms.push(ms(t1 - t0));
        pdf_ms.push(ms(t2 - t1));
        total_ms.push(ms(t2 - t0));
        last = (pdf, data.rows().count(), data.charts.len());
    }
    let (pdf, rows, charts) = last;
    println!(
        "report bench: quarterly report, {rows} indicator rows, {charts} charts, PDF {} KB",
        pdf.len() / 1024
    );
    println!("  store + evaluation + charts (SVG) {}", summary(data_ms));
    println!("  layout + PDF (Typst)              {}", summary(pdf_ms));
    println!(
        "  total                             {}   (goal < 1000 ms, release)",
        summary(total_ms)
    );
    if let Ok(dir) = std::env::var("REPORT_BENCH_OUT") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("report.pdf"), &pdf).unwrap();
        let xlsx = export_xlsx(
            &conn,
            &ExportRequest {
                period: PERIOD,
                plan_id: None,
                department_id: None,
            },
        )
        .unwrap();
        std::fs::write(dir.join("indicators.xlsx"), xlsx).unwrap();
        println!("  wrote {}/report.pdf and indicators.xlsx", dir.display());
    }
}
