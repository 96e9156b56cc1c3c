//! Store and plan use cases with hand-built documents: round trip, no duplicates on
//! re-import, one transaction per import, audited edits.

use zhibiao::api::plan_import::{group_by_plan, to_preview};
use zhibiao::api::plans::{
    commit_import, list_plans, plan_detail, preview_import, preview_import_bytes, update_indicator,
    ImportPreview, IndicatorUpdate,
};
use zhibiao::api::ErrorCode;
use zhibiao::grammar::parse_value;
use zhibiao::import::{ExtractedDocument, ExtractedIndicator, ExtractedPlan, ExtractedTable};
use zhibiao::model::{Attribute, Direction, IndicatorDraft, PlanDraft, TableKind};
use zhibiao::store::documents::{self, DocumentToSave, PlanToSave};
use zhibiao::store::indicators::IndicatorToSave;
use zhibiao::store::plans::TableToSave;
use zhibiao::store::{audit, open_in_memory, Actor};

fn count(conn: &rusqlite::Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn row(
    line: usize,
    category: &str,
    name: &str,
    unit: &str,
    attr: Option<Attribute>,
    base: &str,
    target: &str,
) -> ExtractedIndicator {
    ExtractedIndicator {
        draft: IndicatorDraft {
            seq: Some(line.to_string()),
            category: Some(category.to_string()),
            name: name.to_string(),
            unit: Some(unit.to_string()),
            attribute: attr,
            baseline: Some(parse_value(base)),
            target: Some(parse_value(target)),
            direction: Direction::Increase,
            ..IndicatorDraft::default()
        },
        line,
        lines: vec![line],
        cells: vec![],
        baseline_raw: Some(base.to_string()),
        target_raw: Some(target.to_string()),
        actual_raw: None,
        growth_raw: None,
        done_raw: None,
        annual_targets: vec![],
        reasons: vec![],
        doubts: vec![],
    }
}

fn table(
    title: &str,
    plan: &str,
    kind: TableKind,
    start: usize,
    rows: Vec<ExtractedIndicator>,
) -> ExtractedTable {
    ExtractedTable {
        title: title.to_string(),
        plan: Some(plan.to_string()),
        kind,
        baseline_year: Some(2025),
        target_year: Some(2030),
        start_line: start,
        end_line: start + rows.len(),
        columns: vec![
            "指标".into(),
            "单位".into(),
            "2025年".into(),
            "2030年".into(),
            "属性".into(),
        ],
        column_roles: vec![],
        unit: None,
        notes: vec![],
        indicators: rows,
    }
}

fn plan(title: &str, doc_number: &str, line: usize) -> ExtractedPlan {
    ExtractedPlan {
        draft: PlanDraft {
            title: title.to_string(),
            issuer: Some("某市人民政府".into()),
            doc_number: Some(doc_number.to_string()),
            issue_date: None,
            period_start: None,
            period_end: None,
            baseline_year: None,
            target_year: None,
        },
        line,
    }
}

const ECO: &str = "某市“十五五”生态环境保护规划";
const JOBS: &str = "某市“十五五”就业促进规划";

/// Two plans; the first has two tables, the second one.
fn sample() -> ExtractedDocument {
    let b = Some(Attribute::Binding);
    let e = Some(Attribute::Expected);
    ExtractedDocument {
        plans: vec![
            plan(ECO, "某政〔2026〕1号", 1),
            plan(JOBS, "某政〔2026〕2号", 100),
        ],
        tables: vec![
            table(
                "表1 主要指标",
                ECO,
                TableKind::Targets,
                10,
                vec![
                    row(
                        11,
                        "环境质量",
                        "细颗粒物浓度",
                        "微克/立方米",
                        b,
                        "35",
                        "<30",
                    ),
                    row(12, "环境质量", "空气质量优良天数比率", "%", b, "85", "≥88"),
                    row(13, "生态保护", "森林覆盖率", "%", e, "30", "32左右"),
                    row(
                        14,
                        "环境质量",
                        "地表水优良比例",
                        "%",
                        None,
                        "80",
                        "保持稳定",
                    ),
                ],
            ),
            table(
                "表2 “十四五”完成情况",
                ECO,
                TableKind::CompletionReview,
                30,
                vec![row(
                    31,
                    "环境质量",
                    "细颗粒物浓度",
                    "微克/立方米",
                    b,
                    "40",
                    "35",
                )],
            ),
            table(
                "表1 就业指标",
                JOBS,
                TableKind::Targets,
                110,
                vec![
                    row(111, "就业", "城镇新增就业人数", "万人", e, "5", "[25]"),
                    row(112, "就业", "城镇调查失业率", "%", e, "5.5", "<5.5"),
                ],
            ),
        ],
    }
}

const TEXT: &str = "某市“十五五”规划汇编（测试文本）";

/// The preview the wizard receives for `sample()`, as the app builds it from extracted text.
fn sample_preview(text: &str) -> ImportPreview {
    to_preview(text, Some("测试.txt".into()), &sample())
}

#[test]
fn groups_tables_under_their_plans_and_fills_years_from_headers() {
    let doc = sample();
    let groups = group_by_plan(&doc);
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].0.title, ECO);
    assert_eq!(groups[0].1, vec![0, 1]);
    assert_eq!(groups[1].1, vec![2]);
    let eco = &groups[0].0;
    assert_eq!(
        (eco.baseline_year, eco.target_year),
        (Some(2025), Some(2030))
    );
    assert_eq!((eco.period_start, eco.period_end), (Some(2026), Some(2030)));
}

#[test]
fn a_table_without_a_named_plan_belongs_to_the_plan_titled_before_it() {
    let mut doc = sample();
    doc.tables[2].plan = None;
    let groups = group_by_plan(&doc);
    assert_eq!(
        groups[1].0.title, JOBS,
        "plan title at line 100 precedes the table at 110"
    );
}

#[test]
fn round_trip_list_and_detail() {
    let mut conn = open_in_memory().unwrap();
    let doc = sample();
    let s = commit_import(&mut conn, &Actor::system(), sample_preview(TEXT)).unwrap();
    assert!(!s.already_imported);
    assert_eq!(s.plans.len(), 2);
    let total: usize = doc.tables.iter().map(|t| t.indicators.len()).sum();
    assert_eq!(s.indicators_added as usize, total);
    assert_eq!(s.tables_added as usize, doc.tables.len());

    let plans = list_plans(&conn).unwrap();
    assert_eq!(plans.len(), 2);
    let eco = plans.iter().find(|p| p.plan.title == ECO).unwrap();
    assert_eq!(eco.plan.doc_number.as_deref(), Some("某政〔2026〕1号"));
    assert_eq!(
        (eco.plan.period_start, eco.plan.period_end),
        (Some(2026), Some(2030))
    );
    let monitored: Vec<_> = doc
        .tables
        .iter()
        .filter(|t| t.plan.as_deref() == Some(ECO) && t.kind != TableKind::CompletionReview)
        .flat_map(|t| &t.indicators)
        .collect();
    let by = |a: Option<Attribute>| monitored.iter().filter(|i| i.attribute == a).count() as u32;
    assert_eq!(eco.indicator_count as usize, monitored.len());
    assert_eq!(eco.binding_count, by(Some(Attribute::Binding)));
    assert_eq!(eco.expected_count, by(Some(Attribute::Expected)));
    assert_eq!(eco.unmarked_count, by(None));
    assert_eq!(eco.review_count, 1);
    assert_eq!(eco.table_count, 2);

    let d = plan_detail(&conn, eco.plan.id).unwrap();
    assert_eq!(d.tables.len(), 2);
    assert_eq!(d.tables[0].table.title, "表1 主要指标");
    let cats: Vec<_> = d.tables[0]
        .categories
        .iter()
        .map(|c| c.category.clone().unwrap())
        .collect();
    assert_eq!(
        cats,
        ["环境质量", "生态保护"],
        "categories in first-appearance order"
    );
    let env: Vec<_> = d.tables[0].categories[0]
        .indicators
        .iter()
        .map(|i| i.indicator.draft.name.as_str())
        .collect();
    assert_eq!(
        env,
        ["细颗粒物浓度", "空气质量优良天数比率", "地表水优良比例"]
    );
    // Values come back exactly as parsed, raw text included.
    let pm = &d.tables[0].categories[0].indicators[0].indicator;
    assert_eq!(pm.draft.target, doc.tables[0].indicators[0].target);
    assert_eq!(pm.draft.target.as_ref().unwrap().raw, "<30");
    assert_eq!(pm.draft.attribute, Some(Attribute::Binding));
}

#[test]
fn importing_the_same_document_twice_adds_nothing() {
    let mut conn = open_in_memory().unwrap();
    let first = commit_import(&mut conn, &Actor::system(), sample_preview(TEXT)).unwrap();
    let counts = |c: &rusqlite::Connection| {
        [
            "documents",
            "plans",
            "plan_tables",
            "indicators",
            "audit_log",
        ]
        .map(|t| count(c, t))
    };
    let before = counts(&conn);
    let second = commit_import(&mut conn, &Actor::system(), sample_preview(TEXT)).unwrap();
    assert!(second.already_imported);
    assert_eq!(second.message, "已导入，无新增");
    assert_eq!(second.indicators_added, 0);
    assert_eq!(counts(&conn), before);
    // The same plans under another text (e.g. re-saved file) are recognised by title + 文号.
    let third = commit_import(&mut conn, &Actor::system(), sample_preview("另一份文本")).unwrap();
    assert!(third.already_imported);
    assert_eq!(count(&conn, "plans"), first.plans.len() as i64);
    assert_eq!(count(&conn, "indicators"), first.indicators_added as i64);
}

#[test]
fn a_new_table_is_added_to_an_existing_plan() {
    let mut conn = open_in_memory().unwrap();
    commit_import(&mut conn, &Actor::system(), sample_preview(TEXT)).unwrap();
    let mut p = sample_preview("修订文本");
    let mut extra = p.plans[1].tables[0].clone();
    extra.title = "表2 分县（市、区）目标".into();
    extra.kind = TableKind::RegionalBreakdown;
    p.plans[1].tables.push(extra);
    let s = commit_import(&mut conn, &Actor::system(), p).unwrap();
    assert!(!s.already_imported);
    let jobs = s.plans.iter().find(|x| x.title == JOBS).unwrap();
    assert!(!jobs.created);
    assert_eq!((jobs.tables_added, jobs.tables_existing), (1, 1));
}

#[test]
fn wizard_edits_are_stored_and_dropped_rows_are_not() {
    let mut conn = open_in_memory().unwrap();
    let mut p = sample_preview(TEXT);
    let t = &mut p.plans[0].tables[0];
    t.rows[0].draft.name = "细颗粒物（PM2.5）平均浓度".into();
    t.rows[1].keep = false;
    t.rows[2].target_raw = Some("≥33".into());
    t.rows[2].draft.attribute = Some(Attribute::Binding);
    t.rows[3].draft.lead_department = Some("市生态环境局".into());
    p.plans[0].tables[1].keep = false;
    commit_import(&mut conn, &Actor::system(), p).unwrap();
    let eco = list_plans(&conn)
        .unwrap()
        .into_iter()
        .find(|p| p.plan.title == ECO)
        .unwrap();
    let d = plan_detail(&conn, eco.plan.id).unwrap();
    assert_eq!(d.tables.len(), 1, "the dropped table is not stored");
    let all: Vec<_> = d.tables[0]
        .categories
        .iter()
        .flat_map(|c| &c.indicators)
        .collect();
    let names: Vec<_> = all
        .iter()
        .map(|i| i.indicator.draft.name.as_str())
        .collect();
    assert!(names.contains(&"细颗粒物（PM2.5）平均浓度"));
    assert!(!names.contains(&"空气质量优良天数比率"));
    let forest = all
        .iter()
        .find(|i| i.indicator.draft.name == "森林覆盖率")
        .unwrap();
    assert_eq!(
        forest.indicator.draft.target,
        Some(parse_value("≥33")),
        "edited cell is read again"
    );
    assert_eq!(forest.indicator.draft.attribute, Some(Attribute::Binding));
    let water = all
        .iter()
        .find(|i| i.indicator.draft.name == "地表水优良比例")
        .unwrap();
    assert_eq!(
        water.indicator.draft.lead_department.as_deref(),
        Some("市生态环境局")
    );
}

#[test]
fn a_failing_commit_stores_nothing() {
    let mut conn = open_in_memory().unwrap();
    let mut p = sample_preview(TEXT);
    // The last row of the last table names a department that does not exist: the first
    // plan and its tables are written before the failure and must be rolled back.
    p.plans[1].tables[0].rows[1].lead_department_id = Some(9999);
    p.plans[0].tables[0].rows[0].draft.lead_department = Some("市生态环境局".into());
    let err = commit_import(&mut conn, &Actor::system(), p).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    for t in [
        "documents",
        "plans",
        "plan_tables",
        "indicators",
        "departments",
        "audit_log",
    ] {
        assert_eq!(
            count(&conn, t),
            0,
            "{t} must be empty after a failed commit"
        );
    }
}

#[test]
fn an_invalid_row_in_the_store_rolls_back_the_whole_document() {
    // The wizard refuses blank names before the store sees them; the store refuses them too,
    // and a refusal in a later table undoes the earlier tables of the same save.
    let mut conn = open_in_memory().unwrap();
    let row = |name: &str| IndicatorToSave {
        draft: IndicatorDraft {
            name: name.to_string(),
            ..IndicatorDraft::default()
        },
        lead_department_id: None,
        flow: false,
    };
    let table = |title: &str, rows: Vec<IndicatorToSave>| TableToSave {
        title: title.to_string(),
        kind: TableKind::Targets,
        baseline_year: Some(2025),
        target_year: Some(2030),
        start_line: None,
        end_line: None,
        indicators: rows,
    };
    let to_save = DocumentToSave {
        sha256: documents::sha256_hex(TEXT),
        file_name: None,
        plans: vec![PlanToSave {
            draft: plan(ECO, "某政〔2026〕1号", 1).draft,
            tables: vec![
                table("表1", vec![row("森林覆盖率")]),
                table("表2", vec![row("城镇调查失业率"), row("  ")]),
            ],
        }],
    };
    {
        let tx = conn.transaction().unwrap();
        let r = documents::save(&tx, &Actor::system(), &to_save);
        assert!(
            matches!(r, Err(zhibiao::store::StoreError::Invalid(_))),
            "{r:?}"
        );
        // Dropped without commit.
    }
    assert_eq!(count(&conn, "plans"), 0);
    assert_eq!(count(&conn, "indicators"), 0);
}

#[test]
fn empty_names_and_all_rows_dropped_are_refused_in_chinese() {
    let mut conn = open_in_memory().unwrap();
    let mut p = sample_preview(TEXT);
    p.plans[0].tables[0].rows[2].draft.name = " ".into();
    let e = commit_import(&mut conn, &Actor::system(), p).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert!(e.message.contains("名称为空"), "{}", e.message);

    let mut p = sample_preview(TEXT);
    for plan in &mut p.plans {
        for t in &mut plan.tables {
            t.keep = false;
        }
    }
    let e = commit_import(&mut conn, &Actor::system(), p).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert_eq!(count(&conn, "plans"), 0);
}

#[test]
fn bad_input_gives_typed_chinese_errors() {
    let e = preview_import(" \n\t ").unwrap_err();
    assert_eq!(
        (e.code, e.message.as_str()),
        (ErrorCode::InvalidInput, "粘贴内容为空")
    );
    let big = "甲".repeat(4 * 1024 * 1024);
    let e = preview_import(&big).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert!(e.message.contains("10 MB"));
    let e = preview_import("今天开会，讨论了工作安排。\n没有任何表格。\n").unwrap_err();
    assert_eq!(e.code, ErrorCode::NoTables);
    assert!(e.message.starts_with("未找到指标表"));
    let e = preview_import_bytes(&[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff], Some("a.png"))
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::UnreadableDocument);
}

#[test]
fn indicator_edits_are_audited_field_by_field() {
    let mut conn = open_in_memory().unwrap();
    commit_import(&mut conn, &Actor::system(), sample_preview(TEXT)).unwrap();
    let eco = list_plans(&conn)
        .unwrap()
        .into_iter()
        .find(|p| p.plan.title == ECO)
        .unwrap();
    let d = plan_detail(&conn, eco.plan.id).unwrap();
    let ind = d.tables[0].categories[0].indicators[0].indicator.clone();
    let actor = Actor::system();
    let dept =
        zhibiao::api::departments::create_department(&mut conn, &actor, "市生态环境局").unwrap();
    let upd = IndicatorUpdate {
        name: ind.draft.name.clone(),
        unit: ind.draft.unit.clone(),
        attribute: Some(Attribute::Expected),
        direction: Direction::Decrease,
        category: ind.draft.category.clone(),
        flow: ind.flow,
        note: Some("按省考核口径".into()),
        lead_department_id: Some(dept.id),
    };
    let user = Actor::user(7, "张三");
    let v = update_indicator(&mut conn, &user, ind.id, upd.clone()).unwrap();
    assert_eq!(v.indicator.draft.attribute, Some(Attribute::Expected));
    assert_eq!(
        v.indicator.draft.lead_department.as_deref(),
        Some("市生态环境局")
    );
    let h = audit::history(&conn, "indicator", ind.id).unwrap();
    let mut fields: Vec<_> = h.iter().map(|e| e.field.clone().unwrap()).collect();
    fields.sort();
    assert_eq!(
        fields,
        ["attribute", "direction", "lead_department", "note"]
    );
    let attr = h
        .iter()
        .find(|e| e.field.as_deref() == Some("attribute"))
        .unwrap();
    assert_eq!(attr.old_value.as_deref(), Some("约束性"));
    assert_eq!(attr.new_value.as_deref(), Some("预期性"));
    assert_eq!(attr.user_name, "张三");
    // Saving the same values again records nothing.
    update_indicator(&mut conn, &user, ind.id, upd).unwrap();
    assert_eq!(
        audit::history(&conn, "indicator", ind.id).unwrap().len(),
        h.len()
    );
    let mut blank = IndicatorUpdate {
        name: " ".into(),
        ..v_update(&v.indicator)
    };
    blank.note = None;
    let e = update_indicator(&mut conn, &user, ind.id, blank).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    let e = update_indicator(&mut conn, &user, 424242, v_update(&v.indicator)).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
}

fn v_update(i: &zhibiao::model::Indicator) -> IndicatorUpdate {
    IndicatorUpdate {
        name: i.draft.name.clone(),
        unit: i.draft.unit.clone(),
        attribute: i.draft.attribute,
        direction: i.draft.direction,
        category: i.draft.category.clone(),
        flow: i.flow,
        note: i.draft.note.clone(),
        lead_department_id: i.lead_department_id,
    }
}
