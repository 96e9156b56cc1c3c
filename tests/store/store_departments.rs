//! Department use cases: create, rename, delete only when unused, assign lead and
//! supporting departments; every change audited.

use zhibiao::api::departments::{
    assign_departments, assign_lead, create_department, delete_department, list_departments,
    rename_department,
};
use zhibiao::api::ErrorCode;
use zhibiao::grammar::parse_value;
use zhibiao::model::{Direction, IndicatorDraft, PlanDraft, TableKind};
use zhibiao::store::documents::{self, DocumentToSave, PlanToSave};
use zhibiao::store::indicators::IndicatorToSave;
use zhibiao::store::plans::TableToSave;
use zhibiao::store::{audit, indicators, open_in_memory, Actor};

/// Stores one plan with `names` as indicators; returns their ids.
fn store_plan(conn: &mut rusqlite::Connection, names: &[&str]) -> Vec<i64> {
    let doc = DocumentToSave {
        sha256: documents::sha256_hex("部门测试"),
        file_name: None,
        plans: vec![PlanToSave {
            draft: PlanDraft {
                title: "某市“十五五”民政事业发展规划".into(),
                issuer: None,
                doc_number: None,
                issue_date: None,
                period_start: Some(2026),
                period_end: Some(2030),
                baseline_year: Some(2025),
                target_year: Some(2030),
            },
            tables: vec![TableToSave {
                title: "主要指标".into(),
                kind: TableKind::Targets,
                baseline_year: Some(2025),
                target_year: Some(2030),
                start_line: None,
                end_line: None,
                indicators: names
                    .iter()
                    .map(|n| IndicatorToSave {
                        draft: IndicatorDraft {
                            name: n.to_string(),
                            unit: Some("%".into()),
                            direction: Direction::Increase,
                            baseline: Some(parse_value("50")),
                            target: Some(parse_value("60")),
                            ..IndicatorDraft::default()
                        },
                        lead_department_id: None,
                        flow: false,
                    })
                    .collect(),
            }],
        }],
    };
    let tx = conn.transaction().unwrap();
    let out = documents::save(&tx, &Actor::system(), &doc).unwrap();
    tx.commit().unwrap();
    let plan_id = out.plans[0].plan_id;
    indicators::of_plan(conn, plan_id)
        .unwrap()
        .into_iter()
        .map(|i| i.id)
        .collect()
}

#[test]
fn create_rename_and_list_with_counts() {
    let mut conn = open_in_memory().unwrap();
    let a = Actor::user(1, "管理员");
    let ids = store_plan(
        &mut conn,
        &[
            "养老机构护理型床位占比",
            "特殊困难老年人月探访率",
            "社区养老服务覆盖率",
        ],
    );
    let mz = create_department(&mut conn, &a, "市民政局").unwrap();
    let wj = create_department(&mut conn, &a, "市卫生健康委").unwrap();
    let e = create_department(&mut conn, &a, "市民政局").unwrap_err();
    assert_eq!(e.code, ErrorCode::Conflict);
    assert!(e.message.contains("已存在"));
    assert_eq!(
        create_department(&mut conn, &a, "").unwrap_err().code,
        ErrorCode::InvalidInput
    );

    assign_lead(&mut conn, &a, Some(mz.id), &ids[..2]).unwrap();
    let v = assign_departments(&mut conn, &a, ids[2], Some(wj.id), &[mz.id, wj.id]).unwrap();
    assert_eq!(
        v.indicator.draft.lead_department.as_deref(),
        Some("市卫生健康委")
    );
    let support: Vec<_> = v
        .supporting_departments
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    assert_eq!(
        support,
        ["市民政局"],
        "the lead department is not also supporting"
    );

    let list = list_departments(&conn).unwrap();
    let get = |id: i64| list.iter().find(|d| d.id == id).unwrap();
    assert_eq!((get(mz.id).lead_count, get(mz.id).support_count), (2, 1));
    assert_eq!((get(wj.id).lead_count, get(wj.id).support_count), (1, 0));

    let r = rename_department(&mut conn, &a, mz.id, "市民政局（市老龄办）").unwrap();
    assert_eq!(r.name, "市民政局（市老龄办）");
    let h = audit::history(&conn, "department", mz.id).unwrap();
    let last = h.last().unwrap();
    assert_eq!(
        (last.action.as_str(), last.old_value.as_deref()),
        ("update", Some("市民政局"))
    );
    assert_eq!(last.new_value.as_deref(), Some("市民政局（市老龄办）"));
    assert_eq!(last.user_name, "管理员");

    // Lead changes are in the indicator's history with department names.
    let ih = audit::history(&conn, "indicator", ids[2]).unwrap();
    let lead = ih
        .iter()
        .find(|e| e.field.as_deref() == Some("lead_department"))
        .unwrap();
    assert_eq!(
        (lead.old_value.as_deref(), lead.new_value.as_deref()),
        (None, Some("市卫生健康委"))
    );
    assert!(ih
        .iter()
        .any(|e| e.field.as_deref() == Some("supporting_departments")));
}

#[test]
fn a_department_in_use_cannot_be_deleted() {
    let mut conn = open_in_memory().unwrap();
    let a = Actor::system();
    let ids = store_plan(&mut conn, &["城乡低保标准"]);
    let d = create_department(&mut conn, &a, "市民政局").unwrap();
    assign_lead(&mut conn, &a, Some(d.id), &ids).unwrap();
    let e = delete_department(&mut conn, &a, d.id).unwrap_err();
    assert_eq!(e.code, ErrorCode::Conflict);
    assert_eq!(list_departments(&conn).unwrap().len(), 1);

    assign_lead(&mut conn, &a, None, &ids).unwrap();
    delete_department(&mut conn, &a, d.id).unwrap();
    assert!(list_departments(&conn).unwrap().is_empty());
    let h = audit::history(&conn, "department", d.id).unwrap();
    assert_eq!(h.last().unwrap().action, "delete");
    assert_eq!(
        delete_department(&mut conn, &a, d.id).unwrap_err().code,
        ErrorCode::NotFound
    );
}

#[test]
fn assigning_an_unknown_department_changes_nothing() {
    let mut conn = open_in_memory().unwrap();
    let a = Actor::system();
    let ids = store_plan(&mut conn, &["甲", "乙"]);
    let d = create_department(&mut conn, &a, "市民政局").unwrap();
    // The second indicator id does not exist: the first must not keep the new lead.
    let e = assign_lead(&mut conn, &a, Some(d.id), &[ids[0], 9999]).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
    assert_eq!(
        indicators::get(&conn, ids[0]).unwrap().lead_department_id,
        None
    );
    let e = assign_departments(&mut conn, &a, ids[0], Some(4242), &[]).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
}
