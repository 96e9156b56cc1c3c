//! The PDF report: every row of the scope with its values and labels, page numbering,
//! repeated table header, CJK glyphs actually drawn, determinism, completion review.
//! Needs poppler-utils (pdftotext, pdfinfo, pdftoppm).

use std::process::Command;

use rusqlite::Connection;
use zhibiao::api::report::{report_data, ReportRequest};
use zhibiao::model::{Attribute, Period};
use zhibiao::report::{page_count, render_pdf, ReportData, ReportKind};
use zhibiao::store::observations::ObservationWrite;
use zhibiao::store::{self, measures, observations, series, Actor};

const TODAY: (i32, u8, u8) = (2026, 11, 23);

/// The demo plans with values that give a mix of labels: for every indicator with numeric
/// baseline and target, annual values for the years before `year` and a value at `period`
/// that has covered a varying share of the way.
fn demo_with_values(period: Period) -> Connection {
    let mut conn = store::open_in_memory().unwrap();
    zhibiao::demo::ensure_demo(&mut conn).unwrap();
    let plans = series::load(&conn, None).unwrap();
    let tx = conn.transaction().unwrap();
    let actor = Actor::system();
    let shares = [0.15, 0.45, 0.75, 1.05, 0.3];
    let mut n = 0;
    for p in &plans {
        for s in &p.indicators {
            let ind = &s.indicator;
            let (Some(b), Some(t)) = (
                ind.draft.baseline.as_ref().and_then(|v| v.value),
                ind.draft.target.as_ref().and_then(|v| v.value),
            ) else {
                continue;
            };
            if ind
                .draft
                .target
                .as_ref()
                .is_some_and(|v| v.cumulative || v.relative.is_some())
            {
                continue;
            }
            let f = shares[n % shares.len()];
            n += 1;
            let value = ((b + (t - b) * f) * 100.0).round() / 100.0;
            let write = ObservationWrite {
                value: Some(value),
                ..Default::default()
            };
            observations::upsert(&tx, &actor, ind.id, period, &write).unwrap();
            if f < 0.5 && ind.draft.attribute == Some(Attribute::Binding) {
                measures::save(
                    &tx,
                    &actor,
                    ind.id,
                    &period.to_string(),
                    Some("受项目进度影响，数据偏低"),
                    Some("加快项目建设，按月调度"),
                )
                .unwrap();
            }
        }
    }
    tx.commit().unwrap();
    conn
}

fn request(period: Period, kind: Option<&str>) -> ReportRequest {
    let mut req = ReportRequest::new(period);
    req.kind = kind.map(str::to_string);
    req.date = chrono::NaiveDate::from_ymd_opt(TODAY.0, TODAY.1 as u32, TODAY.2 as u32);
    req
}

fn write_pdf(data: &ReportData) -> (tempfile::TempDir, std::path::PathBuf, Vec<u8>) {
    let pdf = render_pdf(data, TODAY).expect("renders");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, &pdf).unwrap();
    (dir, path, pdf)
}

fn run(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} (poppler-utils) not runnable: {e}"));
    assert!(
        out.status.success(),
        "{cmd} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Text of each page (pdftotext separates pages with form feeds), whitespace removed.
fn pages(path: &std::path::Path) -> Vec<String> {
    let text = run("pdftotext", &["-raw", path.to_str().unwrap(), "-"]);
    let mut pages: Vec<String> = text.split('\u{c}').map(squeeze).collect();
    if pages.last().is_some_and(|p| p.is_empty()) {
        pages.pop();
    }
    pages
}

fn pdfinfo_pages(path: &std::path::Path) -> usize {
    let info = run("pdfinfo", &[path.to_str().unwrap()]);
    let line = info
        .lines()
        .find(|l| l.starts_with("Pages:"))
        .expect("pdfinfo prints Pages");
    line["Pages:".len()..].trim().parse().unwrap()
}

#[test]
fn quarterly_report_lists_every_row_with_values_and_labels() {
    let period = Period::Quarter(2025, 3);
    let conn = demo_with_values(period);
    let data = report_data(&conn, &request(period, None)).unwrap();
    assert_eq!(data.kind, ReportKind::Quarterly);
    assert!(
        data.title.contains("十四五"),
        "title names the plan period: {}",
        data.title
    );
    assert!(data.period_label.contains("2025年第三季度"));
    let rows: Vec<_> = data.rows().collect();
    assert!(rows.len() > 100, "the demo scope has many rows");
    assert!(rows
        .iter()
        .any(|r| r.status == "滞后" || r.status == "严重滞后"));
    let (_dir, path, _) = write_pdf(&data);
    let text: String = pages(&path).concat();
    // Rows in table order, each after the previous one (names also appear in the 预警 list).
    let mut cursor = text.find("三、指标监测情况").expect("table heading");
    for r in rows {
        let name = squeeze(&r.name);
        let at = cursor
            + text[cursor..]
                .find(&name)
                .unwrap_or_else(|| panic!("row {} missing from the PDF", r.name));
        // The row's cells follow its name, in column order.
        let mut pos = at + name.len();
        for cell in [
            &r.unit,
            &r.baseline,
            &r.target,
            &r.current,
            &r.completion,
            &r.schedule,
            &r.status,
        ] {
            let cell = squeeze(cell);
            let found = text[pos..]
                .find(&cell)
                .unwrap_or_else(|| panic!("{}: cell {cell} missing after the name", r.name));
            assert!(found < 400, "{}: cell {cell} is not in the row", r.name);
            pos += found + cell.len();
        }
        cursor = pos;
    }
    // The 预警 list carries the recorded cause and measures.
    assert!(!data.warnings.is_empty());
    assert!(text.contains("受项目进度影响，数据偏低") && text.contains("加快项目建设，按月调度"));
}

#[test]
fn page_numbers_match_pdfinfo_and_the_header_repeats() {
    let period = Period::Quarter(2025, 3);
    let conn = demo_with_values(period);
    let data = report_data(&conn, &request(period, None)).unwrap();
    let (_dir, path, _) = write_pdf(&data);
    let pages = pages(&path);
    let count = pdfinfo_pages(&path);
    assert!(count > 2);
    assert_eq!(pages.len(), count);
    assert_eq!(page_count(&data, TODAY).unwrap(), count);
    for (i, p) in pages.iter().enumerate() {
        let footer = format!("第{}页/共{count}页", i + 1);
        assert!(p.contains(&footer), "page {} lacks footer {footer}", i + 1);
    }
    // Every page the table runs over starts with its header.
    let first = pages
        .iter()
        .position(|p| p.contains("三、指标监测情况"))
        .expect("table heading");
    let last_row = squeeze(&data.rows().last().unwrap().name);
    // Names reappear in the charts: only the text before the charts heading counts.
    let table_part = |p: &str| p.split("四、图表").next().unwrap_or_default().to_string();
    let charts = pages
        .iter()
        .position(|p| p.contains("四、图表"))
        .unwrap_or(count - 1);
    let last = (first..=charts)
        .rev()
        .find(|&i| table_part(&pages[i]).contains(last_row.as_str()))
        .expect("last row");
    assert!(last > first, "the table spans several pages");
    for (i, page) in pages.iter().enumerate().take(last + 1).skip(first) {
        assert!(
            page.contains("指标名称") && page.contains("序时进度"),
            "page {} lacks the table header",
            i + 1
        );
    }
}

#[test]
fn title_area_shows_cjk_glyphs() {
    let period = Period::Quarter(2025, 3);
    let conn = demo_with_values(period);
    let data = report_data(&conn, &request(period, None)).unwrap();
    let (dir, path, _) = write_pdf(&data);
    let prefix = dir.path().join("page");
    run(
        "pdftoppm",
        &[
            "-r",
            "40",
            "-f",
            "1",
            "-l",
            "1",
            "-gray",
            path.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let pgm = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "pgm"))
        .expect("pdftoppm wrote a page");
    let bytes = std::fs::read(pgm).unwrap();
    // Binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
    let header: Vec<&[u8]> = bytes
        .splitn(4, |b| b.is_ascii_whitespace())
        .take(3)
        .collect();
    let (w, h): (usize, usize) = (
        std::str::from_utf8(header[1]).unwrap().parse().unwrap(),
        std::str::from_utf8(header[2]).unwrap().parse().unwrap(),
    );
    let pixels = &bytes[bytes.len() - w * h..];
    // The title sits between 6 % and 14 % of the page height.
    let band = &pixels[w * (h * 6 / 100)..w * (h * 14 / 100)];
    let dark = band.iter().filter(|&&p| p < 128).count();
    assert!(
        dark > 300,
        "title area has only {dark} dark pixels: CJK glyphs not drawn"
    );
    // And the text layer holds the Chinese title, quotes included.
    assert!(
        squeeze(&run("pdftotext", &[path.to_str().unwrap(), "-"])).contains(&squeeze(&data.title))
    );
}

#[test]
fn same_data_gives_identical_pdf() {
    let period = Period::Quarter(2025, 3);
    let conn = demo_with_values(period);
    let mut req = request(period, None);
    req.without_charts = false;
    let a = render_pdf(&report_data(&conn, &req).unwrap(), TODAY).unwrap();
    let b = render_pdf(&report_data(&conn, &req).unwrap(), TODAY).unwrap();
    assert!(a == b, "two renders of the same data differ");
}

#[test]
fn completion_review_judges_every_indicator_binding_first() {
    let period = Period::Year(2025);
    let conn = demo_with_values(period);
    let data = report_data(&conn, &request(period, Some("completion"))).unwrap();
    assert_eq!(data.kind, ReportKind::Completion);
    assert!(data.title.contains("总结评估"));
    let plans = series::load(&conn, None).unwrap();
    let monitored: usize = plans
        .iter()
        .filter(|p| p.plan.target_year == Some(2025))
        .map(|p| p.indicators.len())
        .sum();
    assert_eq!(data.rows().count(), monitored);
    assert!(data.rows().any(|r| r.status == "已完成") && data.rows().any(|r| r.status == "未完成"));
    // Within each plan, binding groups come before expected ones.
    let first_expected = data
        .groups
        .iter()
        .position(|g| g.category.ends_with("预期性指标"));
    let first_binding = data
        .groups
        .iter()
        .position(|g| g.category.ends_with("约束性指标"));
    assert!(first_binding < first_expected || first_expected.is_none());
    let (_dir, path, _) = write_pdf(&data);
    let text = pages(&path).concat();
    assert!(text.contains("规划目标") && text.contains("完成情况") && text.contains("属性"));
    for r in data.rows() {
        assert!(text.contains(&squeeze(&r.name)), "{} missing", r.name);
    }
}
