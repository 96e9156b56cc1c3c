//! Status and charts through the api and the CLI, on a temporary database filled with plain
//! SQL (the progress-entry code that normally writes observations is not used here).

use std::process::Command;

use rusqlite::{params, Connection};
use zhibiao::api::charts::{chart_png, chart_svg, ChartKind, ChartRequest};
use zhibiao::api::status::{indicator_status, status, StatusFilter};
use zhibiao::api::ErrorCode;
use zhibiao::eval::Label;
use zhibiao::grammar::parse_value;
use zhibiao::model::{Attribute, Period};

struct Row {
    name: &'static str,
    category: &'static str,
    attribute: &'static str,
    baseline: &'static str,
    target: &'static str,
    department: i64,
    observations: &'static [(&'static str, f64)],
}

/// A 2020→2025 plan (years as data) with a completion-review table that must be left out.
fn fill(conn: &Connection) {
    conn.execute_batch(
        "INSERT INTO departments (id, name) VALUES (1, '市发展改革委'), (2, '市生态环境局');
         INSERT INTO plans (id, title, baseline_year, target_year, period_start, period_end)
             VALUES (1, '测试市“十四五”规划纲要', 2020, 2025, 2021, 2025);
         INSERT INTO plan_tables (id, plan_id, position, title, kind) VALUES
             (1, 1, 0, '主要指标', 'targets'),
             (2, 1, 1, '“十三五”完成情况', 'completion_review');",
    )
    .unwrap();
    let rows = [
        // b=100, t=200, 2023: 160 → c = 0.6 = e → 基本符合预期.
        Row {
            name: "地区生产总值",
            category: "经济发展",
            attribute: "预期性",
            baseline: "100",
            target: "200",
            department: 1,
            observations: &[("2023", 160.0)],
        },
        // b=50, t=40 (decrease), 2023: 49 → c = 0.1, e = 0.6 → 严重滞后; binding.
        Row {
            name: "单位地区生产总值能耗",
            category: "绿色生态",
            attribute: "约束性",
            baseline: "50",
            target: "40",
            department: 2,
            observations: &[("2023", 49.0)],
        },
        // b=45, `< 42.5`: 44 in 2023 → c = 1/2.5 = 0.4, e = 0.6, q = 0.667 → 滞后; binding.
        Row {
            name: "细颗粒物浓度",
            category: "绿色生态",
            attribute: "约束性",
            baseline: "45",
            target: "< 42.5",
            department: 2,
            observations: &[("2023", 44.0)],
        },
        // b=100, t=150, 2023: 170 → reached → 已完成.
        Row {
            name: "研发经费",
            category: "创新驱动",
            attribute: "预期性",
            baseline: "100",
            target: "150",
            department: 1,
            observations: &[("2023", 170.0)],
        },
        // b=100, t=200, 2023: 130 → c = 0.3 → 严重滞后; expected (not binding).
        Row {
            name: "社会消费品零售总额",
            category: "经济发展",
            attribute: "预期性",
            baseline: "100",
            target: "200",
            department: 1,
            observations: &[("2023", 130.0)],
        },
        // No observations → 无数据.
        Row {
            name: "森林覆盖率",
            category: "绿色生态",
            attribute: "约束性",
            baseline: "30",
            target: "32",
            department: 2,
            observations: &[],
        },
    ];
    for (i, r) in rows.iter().enumerate() {
        let id = i as i64 + 1;
        conn.execute(
            "INSERT INTO indicators (id, plan_id, table_id, position, category, name, attribute, baseline_json, target_json, lead_department_id)
             VALUES (?1, 1, 1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                id,
                i as i64,
                r.category,
                r.name,
                r.attribute,
                serde_json::to_string(&parse_value(r.baseline)).unwrap(),
                serde_json::to_string(&parse_value(r.target)).unwrap(),
                r.department
            ],
        )
        .unwrap();
        for (period, value) in r.observations {
            conn.execute(
                "INSERT INTO observations (indicator_id, period, value) VALUES (?1, ?2, ?3)",
                params![id, period, value],
            )
            .unwrap();
        }
    }
    // A review row (十三五 完成情况) that status must not list.
    conn.execute(
        "INSERT INTO indicators (id, plan_id, table_id, position, name, baseline_json, target_json)
         VALUES (100, 1, 2, 0, '十三五回顾指标', ?1, ?2)",
        params![
            serde_json::to_string(&parse_value("1")).unwrap(),
            serde_json::to_string(&parse_value("2")).unwrap()
        ],
    )
    .unwrap();
}

fn db() -> (tempfile::TempDir, std::path::PathBuf, Connection) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let conn = zhibiao::store::open(&path).unwrap();
    fill(&conn);
    (dir, path, conn)
}

#[test]
fn status_lists_binding_lagging_first_and_rolls_up() {
    let (_d, _p, conn) = db();
    let report = status(&conn, Period::Year(2023), &StatusFilter::default()).unwrap();
    let names: Vec<&str> = report.rows.iter().map(|r| r.name.as_str()).collect();
    // Binding lagging (severe first), then other lagging, then table order.
    assert_eq!(
        names,
        [
            "单位地区生产总值能耗",
            "细颗粒物浓度",
            "社会消费品零售总额",
            "地区生产总值",
            "研发经费",
            "森林覆盖率"
        ]
    );
    let labels: Vec<Label> = report.rows.iter().map(|r| r.status.label).collect();
    use Label::*;
    assert_eq!(
        labels,
        [
            SeverelyLagging,
            Lagging,
            SeverelyLagging,
            OnTrack,
            Completed,
            NoData
        ]
    );
    assert_eq!(report.overall.total, 6);
    assert_eq!(report.overall.count(SeverelyLagging), 2);
    assert_eq!(report.overall.binding_lagging, 2);
    let green = report
        .by_category
        .iter()
        .find(|g| g.key == "绿色生态")
        .unwrap();
    assert_eq!((green.rollup.total, green.rollup.count(NoData)), (3, 1));
    let binding = report
        .by_attribute
        .iter()
        .find(|g| g.key == "约束性")
        .unwrap();
    assert_eq!(binding.rollup.total, 3);
    let dept = report
        .by_department
        .iter()
        .find(|g| g.key == "市发展改革委")
        .unwrap();
    assert_eq!(dept.rollup.total, 3);
    assert_eq!(report.rows[0].reason, "完成进度10.0%，序时进度60.0%");
}

#[test]
fn one_indicators_status_is_its_row_in_the_plans_report() {
    let (_d, _p, conn) = db();
    let row = indicator_status(&conn, 2, Period::Year(2023)).unwrap();
    assert_eq!(row.name, "单位地区生产总值能耗");
    assert_eq!(row.status.label, Label::SeverelyLagging);
    assert_eq!(row.department.as_deref(), Some("市生态环境局"));
    // A review row is not monitored; an unknown id does not exist.
    let review = indicator_status(&conn, 100, Period::Year(2023)).unwrap_err();
    assert_eq!(review.code, ErrorCode::NotFound);
    assert!(
        review.message.contains("不参与监测评估"),
        "{}",
        review.message
    );
    let missing = indicator_status(&conn, 999, Period::Year(2023)).unwrap_err();
    assert_eq!(missing.code, ErrorCode::NotFound);
}

#[test]
fn status_filters_by_department_attribute_and_label() {
    let (_d, _p, conn) = db();
    let by_dept = status(
        &conn,
        Period::Year(2023),
        &StatusFilter {
            department_id: Some(2),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(by_dept
        .rows
        .iter()
        .all(|r| r.department.as_deref() == Some("市生态环境局")));
    assert_eq!(by_dept.rows.len(), 3);
    let expected = StatusFilter {
        attribute: Some(Attribute::Expected),
        ..Default::default()
    };
    assert_eq!(
        status(&conn, Period::Year(2023), &expected)
            .unwrap()
            .rows
            .len(),
        3
    );
    let lagging = StatusFilter {
        label: Some(Label::SeverelyLagging),
        ..Default::default()
    };
    let r = status(&conn, Period::Year(2023), &lagging).unwrap();
    assert_eq!(r.rows.len(), 2);
    // Roll-ups still count every label.
    assert_eq!(r.overall.total, 6);
}

#[test]
fn charts_through_the_api() {
    let (_d, _p, conn) = db();
    let req = |kind, indicator_id| ChartRequest {
        kind,
        period: "2023".parse().unwrap(),
        filter: StatusFilter {
            plan_id: Some(1),
            ..Default::default()
        },
        indicator_id,
    };
    let gap = chart_svg(&conn, &req(ChartKind::Gap, None)).unwrap();
    assert!(gap.contains("测试市“十四五”规划纲要 指标完成进度（2023年）"));
    assert!(gap.contains("★细颗粒物浓度"));
    assert!(!gap.contains("十三五回顾指标"));
    let traj = chart_svg(&conn, &req(ChartKind::Trajectory, Some(1))).unwrap();
    assert!(traj.contains("地区生产总值（2023年）"));
    assert!(chart_svg(&conn, &req(ChartKind::Trajectory, None)).is_err());
    let png = chart_png(&conn, &req(ChartKind::Summary, None)).unwrap();
    assert_eq!(&png[..4], b"\x89PNG");
}

#[test]
fn cli_status_json_and_chart_files() {
    let (dir, path, conn) = db();
    drop(conn);
    let out = Command::new(env!("CARGO_BIN_EXE_zhibiao"))
        .args([
            "status",
            "--db",
            path.to_str().unwrap(),
            "--period",
            "2023",
            "--plan",
            "1",
            "--json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = json["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 6);
    let gdp = rows.iter().find(|r| r["name"] == "地区生产总值").unwrap();
    assert_eq!(gdp["status"]["label"], "基本符合预期");
    assert!((gdp["status"]["completion"].as_f64().unwrap() - 0.6).abs() < 1e-9);
    assert!((gdp["status"]["expected"].as_f64().unwrap() - 0.6).abs() < 1e-9);
    assert!(gdp["status"]["cagr_ratio"].is_number());
    assert!(gdp["status"]["forecast"]["linear"].is_number());

    for (kind, file) in [
        ("gap", "gap.svg"),
        ("summary", "summary.png"),
        ("trajectory", "traj.svg"),
    ] {
        let target = dir.path().join(file);
        let out = Command::new(env!("CARGO_BIN_EXE_zhibiao"))
            .args([
                "chart",
                "--db",
                path.to_str().unwrap(),
                "--kind",
                kind,
                "--plan",
                "1",
                "--indicator",
                "2",
                "--period",
                "2023Q3",
            ])
            .arg("--out")
            .arg(&target)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{kind}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let bytes = std::fs::read(&target).unwrap();
        if file.ends_with(".png") {
            assert_eq!(&bytes[..4], b"\x89PNG");
        } else {
            assert!(String::from_utf8(bytes).unwrap().starts_with("<svg"));
        }
    }
    let bad = Command::new(env!("CARGO_BIN_EXE_zhibiao"))
        .args([
            "status",
            "--db",
            path.to_str().unwrap(),
            "--period",
            "2023Q5",
        ])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("无法识别的期间"));
}

/// `report` and `export` take the same `--db/--period/--plan/--department` as `status`.
#[test]
fn cli_report_and_export_files() {
    let (dir, path, conn) = db();
    drop(conn);
    let zhibiao = |args: &[&str], out: &std::path::Path| {
        Command::new(env!("CARGO_BIN_EXE_zhibiao"))
            .args(args)
            .args(["--db", path.to_str().unwrap(), "--plan", "1", "--out"])
            .arg(out)
            .output()
            .unwrap()
    };
    // Runs a command that must succeed and returns the file it wrote.
    let written = |args: &[&str], file: &str| {
        let target = dir.path().join(file);
        let out = zhibiao(args, &target);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {stderr}");
        std::fs::read(&target).unwrap()
    };
    let report = ["report", "--period", "2023", "--date", "2024-01-15"];
    assert!(written(&report, "r.pdf").starts_with(b"%PDF"));
    assert!(written(&["export", "--period", "2023Q3"], "e.xlsx").starts_with(b"PK"));
    let csv = written(&["export", "--period", "2023"], "e.csv");
    assert!(String::from_utf8(csv).unwrap().contains("地区生产总值"));

    let bad = dir.path().join("bad.csv");
    let out = zhibiao(&["export", "--period", "2023Q5"], &bad);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("无法识别的期间"));
    assert!(!bad.exists());
    let out = zhibiao(&["export", "--period", "2023"], &dir.path().join("e.txt"));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains(".xlsx 或 .csv"));
}
