//! Plan lifecycle, successor links and target feasibility through the IPC layer, on the demo
//! database (示范市's ended 十四五 and running 十五五 outlines): reads need a sign-in, writes
//! need 审核员 or 管理员 (checked by the engine), and every call's arguments and reply
//! survive the trip through JSON (the loopback double).

use crate::ipc_support;

use ipc_support::TestApp;
use serde_json::{json, Value};

/// Fixes "today" in the database (unless the environment fixes it for the whole run) and
/// returns it.
fn fix_today(app: &TestApp) -> String {
    let mut s = app.invoke("get_settings", json!({})).unwrap();
    s["fixed_today"] = json!("2026-11-30");
    app.invoke("update_settings", json!({ "settings": s }))
        .unwrap();
    let t = app.invoke("today", json!({})).unwrap();
    t["date"].as_str().unwrap().to_string()
}

fn plan<'a>(lifecycles: &'a Value, title_part: &str) -> &'a Value {
    lifecycles
        .as_array()
        .unwrap()
        .iter()
        .find(|l| {
            let t = l["title"].as_str().unwrap();
            t.starts_with("示范市") && t.contains(title_part)
        })
        .unwrap_or_else(|| panic!("no 示范市 plan with {title_part}: {lifecycles}"))
}

#[test]
fn lifecycle_reads_need_a_sign_in_and_follow_the_fixed_today() {
    let (app, double) = TestApp::with_loopback();
    let e = app.invoke("plan_lifecycles", json!({})).unwrap_err();
    assert_eq!(e["code"], "unauthenticated");
    app.sign_in_admin();
    if fix_today(&app) != "2026-11-30" {
        return; // ZHIBIAO_TODAY fixes another date for the whole run
    }
    let life = app.invoke("plan_lifecycles", json!({})).unwrap();
    let old = plan(&life, "第十四个五年");
    let new = plan(&life, "第十五个五年");
    assert_eq!(old["phase"], "已结束");
    assert_eq!(old["note"], "已结束：按2025年完成情况评估");
    assert_eq!(new["phase"], "执行中");
    assert_eq!(
        (new["first_year"].clone(), new["last_year"].clone()),
        (json!(2026), json!(2030))
    );

    let d = app
        .invoke(
            "default_period",
            json!({"selection": {"plan_id": new["plan_id"], "department_id": null, "granularity": "quarter"}}),
        )
        .unwrap();
    assert_eq!(
        d["period"], "2026Q3",
        "a running plan opens on the reporting quarter"
    );
    let d = app
        .invoke(
            "default_period",
            json!({"selection": {"plan_id": old["plan_id"], "department_id": null, "granularity": "year"}}),
        )
        .unwrap();
    assert_eq!(
        d["period"], "2025",
        "an ended plan opens on its last year with data"
    );

    // A quarterly report of the ended plan at 2019Q4 has nothing; the nearest period has.
    let nearest = app
        .invoke(
            "nearest_report_period",
            json!({"kind": "quarterly", "period": "2019Q4", "planId": old["plan_id"], "departmentId": null}),
        )
        .unwrap();
    // The plan's first annual value (2021) is nearest; a quarterly picker shows it as 2021Q4.
    assert_eq!(nearest, "2021Q4");

    let calls = double.calls.lock().unwrap();
    let (name, args) = calls.iter().find(|(n, _)| n == "default_period").unwrap();
    assert_eq!(name, "default_period");
    assert_eq!(
        args["selection"]["granularity"], "quarter",
        "arguments as a server would see them"
    );
}

#[test]
fn links_are_read_by_anyone_signed_in_and_changed_by_managers_only() {
    let app = TestApp::new();
    app.invoke("login", json!({"name": "staff1", "password": "demo1234"}))
        .unwrap();
    let links = app.invoke("successor_links", json!({})).unwrap();
    let gdp = links
        .as_array()
        .unwrap()
        .iter()
        .find(|l| {
            l["successor"]["name"] == "常住人口城镇化率"
                && l["successor"]["plan_title"]
                    .as_str()
                    .unwrap()
                    .starts_with("示范市")
        })
        .unwrap_or_else(|| panic!("the demo links 常住人口城镇化率: {links}"))
        .clone();
    let successor = gdp["successor"]["id"].as_i64().unwrap();
    let predecessor = gdp["predecessor"]["id"].as_i64().unwrap();
    let lineage = app
        .invoke("indicator_lineage", json!({ "indicatorId": successor }))
        .unwrap();
    assert_eq!(lineage["predecessor"]["predecessor"]["id"], predecessor);
    let years: Vec<&str> = lineage["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["period"].as_str().unwrap())
        .collect();
    assert!(
        years.contains(&"2021") && years.contains(&"2025"),
        "{years:?}"
    );
    assert!(
        years.iter().any(|p| p.starts_with("2026")),
        "one trajectory into 十五五: {years:?}"
    );

    let e = app
        .invoke("remove_link", json!({ "successorId": successor }))
        .unwrap_err();
    assert_eq!(e["code"], "forbidden");

    app.invoke("logout", json!({})).unwrap();
    app.invoke("login", json!({"name": "manager", "password": "demo1234"}))
        .unwrap();
    assert_eq!(
        app.invoke("remove_link", json!({ "successorId": successor }))
            .unwrap(),
        true
    );
    let suggestions = app.invoke("link_suggestions", json!({})).unwrap();
    assert!(
        suggestions
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["successor"]["id"] == successor && s["predecessor"]["id"] == predecessor),
        "an unlinked continuing indicator is proposed again"
    );
    let input = json!({"successor_id": successor, "predecessor_id": predecessor, "factor": null, "note": "人工确认"});
    let saved = app.invoke("save_link", json!({ "input": input })).unwrap();
    assert_eq!(saved["note"], "人工确认");
    assert_eq!(saved["factor"], 1.0);
}

#[test]
fn feasibility_lists_the_new_plan_and_annual_targets_need_a_manager() {
    let app = TestApp::new();
    app.invoke("login", json!({"name": "manager", "password": "demo1234"}))
        .unwrap();
    let rows = app
        .invoke("target_feasibility", json!({ "planId": null }))
        .unwrap();
    let gdp = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r["indicator"]["name"] == "地区生产总值"
                && r["indicator"]["plan_title"]
                    .as_str()
                    .unwrap()
                    .contains("第十五个五年")
        })
        .unwrap_or_else(|| panic!("十五五 GDP not assessed: {rows}"))
        .clone();
    assert!(gdp["predecessor"].is_object(), "{gdp}");
    let id = gdp["indicator"]["id"].as_i64().unwrap();
    let saved = app
        .invoke(
            "save_annual_targets",
            json!({"indicatorId": id, "values": [[2026, 4400.0], [2027, 4650.0]]}),
        )
        .unwrap();
    assert_eq!(saved, 2);
    let rows = app
        .invoke(
            "target_feasibility",
            json!({ "planId": gdp["indicator"]["plan_id"] }),
        )
        .unwrap();
    let again = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["indicator"]["id"] == id)
        .unwrap();
    assert_eq!(again["saved"], json!([[2026, 4400.0], [2027, 4650.0]]));

    app.invoke("logout", json!({})).unwrap();
    app.invoke("login", json!({"name": "staff1", "password": "demo1234"}))
        .unwrap();
    let e = app
        .invoke(
            "save_annual_targets",
            json!({"indicatorId": id, "values": [[2026, 1.0]]}),
        )
        .unwrap_err();
    assert_eq!(e["code"], "forbidden");
}

#[test]
fn without_the_e2e_variable_reports_use_the_save_dialog() {
    let app = TestApp::new();
    if std::env::var_os("ZHIBIAO_E2E_OUTPUT_DIR").is_some() {
        return;
    }
    assert_eq!(
        app.invoke("report_output_dir", json!({})).unwrap(),
        Value::Null
    );
}
