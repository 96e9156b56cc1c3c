//! Importing again: a corrected or re-issued gazette of a stored plan (same title and 文号)
//! revises its tables in place, shows what changes before the commit, and keeps every
//! recorded value of the indicators that continue.

use rusqlite::Connection;
use zhibiao::api::plans::{commit_import, list_plans, preview_changes, preview_import};
use zhibiao::model::Period;
use zhibiao::store::observations::{self, ObservationWrite};
use zhibiao::store::{open_in_memory, Actor};

const FIRST: &str = "示范市“十五五”生态环境保护规划
示环〔2026〕3号
表1 主要指标
指标名称\t单位\t2025年\t2030年\t属性
森林覆盖率\t%\t35.2\t36\t约束性
空气质量优良天数比率\t%\t82.1\t85\t约束性
地表水优良比例\t%\t90\t92\t约束性
城市污水处理率\t%\t95\t97\t预期性
";

/// The corrected gazette: a target corrected, a unit fixed, one row gone (with values
/// recorded), one row gone (without), one row new.
const CORRECTED: &str = "示范市“十五五”生态环境保护规划
示环〔2026〕3号
表1 主要指标
指标名称\t单位\t2025年\t2030年\t属性
森林覆盖率\t%\t35.2\t36.5\t约束性
空气质量优良天数比率\t%\t82.1\t85\t约束性
单位地区生产总值二氧化碳排放降低\t%\t—\t〔18〕\t约束性
";

fn indicator_id(conn: &Connection, name: &str) -> Option<i64> {
    conn.query_row("SELECT id FROM indicators WHERE name = ?1", [name], |r| {
        r.get(0)
    })
    .ok()
}

fn record(conn: &mut Connection, name: &str, value: f64) {
    let id = indicator_id(conn, name).expect("indicator");
    let tx = conn.transaction().unwrap();
    let write = ObservationWrite {
        value: Some(value),
        ..ObservationWrite::default()
    };
    observations::upsert(&tx, &Actor::system(), id, Period::Year(2026), &write).unwrap();
    tx.commit().unwrap();
}

fn imported() -> Connection {
    let mut conn = open_in_memory().unwrap();
    let summary =
        commit_import(&mut conn, &Actor::system(), preview_import(FIRST).unwrap()).unwrap();
    assert_eq!(summary.indicators_added, 4);
    record(&mut conn, "森林覆盖率", 35.4);
    record(&mut conn, "地表水优良比例", 91.0);
    conn
}

#[test]
fn the_changes_are_shown_before_the_commit_and_nothing_is_stored_by_showing_them() {
    let conn = imported();
    let preview = preview_import(CORRECTED).unwrap();
    let changes = preview_changes(&conn, &preview).unwrap();
    assert!(!changes.same_document);
    assert_eq!(changes.plans.len(), 1);
    let plan = &changes.plans[0];
    assert!(plan.plan_id.is_some(), "matched by title and 文号");
    assert!(plan.new_tables.is_empty());
    let rev = &plan.revisions[0];
    assert_eq!(rev.added, ["单位地区生产总值二氧化碳排放降低"]);
    assert_eq!(rev.changed.len(), 1);
    assert_eq!(rev.changed[0].name, "森林覆盖率");
    let target = &rev.changed[0].changes[0];
    assert_eq!(
        (
            target.field.as_str(),
            target.old.as_deref(),
            target.new.as_deref()
        ),
        ("目标值", Some("36"), Some("36.5"))
    );
    assert_eq!(rev.unchanged, 1);
    let mut dropped: Vec<(&str, bool)> = rev
        .dropped
        .iter()
        .map(|d| (d.name.as_str(), d.kept_for_values))
        .collect();
    dropped.sort();
    assert_eq!(
        dropped,
        [("地表水优良比例", true), ("城市污水处理率", false)]
    );
    // Showing changes stored nothing.
    let target_json: String = conn
        .query_row(
            "SELECT target_json FROM indicators WHERE name = '森林覆盖率'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(target_json.contains("\"36\""), "{target_json}");
}

#[test]
fn the_commit_revises_the_plan_in_place_and_keeps_every_recorded_value() {
    let mut conn = imported();
    let forest = indicator_id(&conn, "森林覆盖率").unwrap();
    let summary = commit_import(
        &mut conn,
        &Actor::system(),
        preview_import(CORRECTED).unwrap(),
    )
    .unwrap();
    assert!(!summary.already_imported);
    assert!(
        summary.message.contains("更新指标 1 项"),
        "{}",
        summary.message
    );
    assert_eq!(list_plans(&conn).unwrap().len(), 1, "no second plan");
    // The corrected indicator is the same indicator, with its value.
    assert_eq!(indicator_id(&conn, "森林覆盖率"), Some(forest));
    let values = observations::for_indicator(&conn, forest).unwrap();
    assert_eq!(values.len(), 1);
    assert_eq!(values[0].value, Some(35.4));
    let target_json: String = conn
        .query_row(
            "SELECT target_json FROM indicators WHERE id = ?1",
            [forest],
            |r| r.get(0),
        )
        .unwrap();
    assert!(target_json.contains("36.5"), "{target_json}");
    // Gone from the document: removed without values, kept with them.
    assert_eq!(indicator_id(&conn, "城市污水处理率"), None);
    let kept = indicator_id(&conn, "地表水优良比例").expect("kept for its values");
    assert_eq!(observations::for_indicator(&conn, kept).unwrap().len(), 1);
    assert!(indicator_id(&conn, "单位地区生产总值二氧化碳排放降低").is_some());
    // New rows first in the document's order, kept ones after them.
    let order: Vec<String> = conn
        .prepare("SELECT name FROM indicators ORDER BY position")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        order,
        [
            "森林覆盖率",
            "空气质量优良天数比率",
            "单位地区生产总值二氧化碳排放降低",
            "地表水优良比例"
        ]
    );
    // Every change is in the audit log, old → new.
    let (old, new): (String, String) = conn
        .query_row(
            "SELECT old_value, new_value FROM audit_log
             WHERE action = 'reimport' AND entity_id = ?1 AND field = '目标值'",
            [forest],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((old.as_str(), new.as_str()), ("36", "36.5"));
}

#[test]
fn the_same_text_again_changes_nothing_and_keeps_edits_made_since() {
    let mut conn = imported();
    conn.execute(
        "UPDATE indicators SET unit = '百分比' WHERE name = '森林覆盖率'",
        [],
    )
    .unwrap();
    let preview = preview_import(FIRST).unwrap();
    let changes = preview_changes(&conn, &preview).unwrap();
    assert!(changes.same_document);
    assert!(changes.plans[0].revisions.is_empty());
    let summary = commit_import(&mut conn, &Actor::system(), preview).unwrap();
    assert!(summary.already_imported, "{}", summary.message);
    let unit: String = conn
        .query_row(
            "SELECT unit FROM indicators WHERE name = '森林覆盖率'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(unit, "百分比");
}
