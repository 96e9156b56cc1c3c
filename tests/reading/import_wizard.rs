//! The wizard's manual tables and corrections: a table the importer misses is read from the
//! lines a person selects, with the roles they choose; nothing is stored before the commit,
//! and the corrections end up in the audit log as the import's provenance.

use zhibiao::api::import_corrections::ImportCorrection;
use zhibiao::api::import_wizard::{guess_manual_table, preview_or_blank, read_manual_table};
use zhibiao::api::plans::{commit_import, list_plans, plan_detail, preview_import};
use zhibiao::api::ErrorCode;
use zhibiao::import::{ColumnChoice, ColumnRole};
use zhibiao::store::{audit, open_in_memory, Actor};

/// A table without a header between prose: the importer finds no table in it.
const MISSED: &str = "某县“十五五”生态环境保护规划\n\
一、主要目标\n\
到2030年，主要指标如下。\n\
森林覆盖率  %  25.1  26  约束性\n\
人均预期寿命  岁  80  81  预期性\n\
空气质量优良天数比率  %  88.2  ≥90  约束性\n\
以上指标按年度分解落实。";

fn choice(role: ColumnRole, year: Option<i32>) -> ColumnChoice {
    ColumnChoice { role, year }
}

fn roles_of(t: &zhibiao::api::plans::PreviewTable) -> Vec<ColumnRole> {
    t.column_roles.iter().map(|c| c.role).collect()
}

#[test]
fn a_text_the_importer_misses_gives_a_blank_preview_with_its_text() {
    let e = preview_import(MISSED).unwrap_err();
    assert_eq!(e.code, ErrorCode::NoTables);
    let p = preview_or_blank(MISSED, None).unwrap();
    assert_eq!(p.plans.len(), 1);
    assert!(p.plans[0].tables.is_empty());
    assert_eq!(
        p.text, MISSED,
        "the wizard shows the text to select lines in"
    );
    assert!(p.corrections.is_empty());
    assert_eq!(
        preview_or_blank(" \n", None).unwrap_err().code,
        ErrorCode::InvalidInput
    );
}

#[test]
fn selected_lines_are_guessed_then_read_with_the_chosen_roles() {
    let g = guess_manual_table(MISSED, 4, 6, "p0/m0").unwrap();
    assert_eq!(g.header_rows, 0);
    assert_eq!(g.table.key, "p0/m0");
    assert_eq!(g.sample, ["森林覆盖率", "%", "25.1", "26", "约束性"]);
    assert_eq!(
        roles_of(&g.table),
        [
            ColumnRole::Name,
            ColumnRole::Unit,
            ColumnRole::Baseline,
            ColumnRole::Target,
            ColumnRole::Attribute
        ]
    );
    assert!(g.table.column_roles.iter().all(|c| !c.reason.is_empty()));
    let names: Vec<&str> = g.table.rows.iter().map(|r| r.draft.name.as_str()).collect();
    assert_eq!(
        names,
        ["森林覆盖率", "人均预期寿命", "空气质量优良天数比率"]
    );
    assert_eq!(g.table.rows[2].key, "p0/m0/r2");
    assert_eq!(g.table.rows[2].line, 6);
    assert!(g.table.rows.iter().all(|r| !r.reasons.is_empty()));

    // The person says the third column is not read and gives the years.
    let cols = [
        choice(ColumnRole::Name, None),
        choice(ColumnRole::Unit, None),
        choice(ColumnRole::Ignore, None),
        choice(ColumnRole::Target, Some(2030)),
        choice(ColumnRole::Attribute, None),
    ];
    let t = read_manual_table(MISSED, 4, 6, 0, &cols, "p0/m0").unwrap();
    assert_eq!(t.rows.len(), 3);
    assert_eq!(t.rows[0].baseline_raw, None);
    assert_eq!(t.rows[2].target_raw.as_deref(), Some("≥90"));
    assert_eq!(t.target_year, Some(2030));
    assert!(t.column_roles[2].reason.contains("不读取"));
    assert!(t.column_roles[0].reason.contains("用户"));

    // No name column, or lines outside the text: a clear error, no table.
    let no_name = [choice(ColumnRole::Unit, None)];
    let e = read_manual_table(MISSED, 4, 6, 0, &no_name, "p0/m0").unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert!(e.message.contains("指标名称"));
    let e = guess_manual_table(MISSED, 6, 99, "p0/m0").unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
}

#[test]
fn nothing_is_stored_before_the_commit_and_the_corrections_are_its_provenance() {
    let mut conn = open_in_memory().unwrap();
    let mut p = preview_or_blank(MISSED, None).unwrap();
    let g = guess_manual_table(MISSED, 4, 6, "p0/m0").unwrap();
    assert!(
        list_plans(&conn).unwrap().is_empty(),
        "guessing stores nothing"
    );
    let columns: Vec<ColumnChoice> = g
        .table
        .column_roles
        .iter()
        .map(|c| choice(c.role, c.year))
        .collect();
    let mut table = read_manual_table(MISSED, 4, 6, 0, &columns, "p0/m0").unwrap();
    table.rows[1].draft.category = Some("民生福祉".into());
    p.plans[0].tables.push(table);
    p.plans[0].draft.title = "某县“十五五”生态环境保护规划".into();
    p.corrections = vec![
        ImportCorrection::ManualTable {
            table_key: "p0/m0".into(),
            first: 4,
            last: 6,
            header_rows: 0,
            columns,
        },
        ImportCorrection::CategorySet {
            table_key: "p0/m0".into(),
            row_keys: vec!["p0/m0/r1".into()],
            category: "民生福祉".into(),
        },
    ];
    assert!(list_plans(&conn).unwrap().is_empty());

    let again = p.clone();
    let s = commit_import(&mut conn, &Actor::user(1, "admin"), p).unwrap();
    assert_eq!(s.indicators_added, 3);
    let plan_id = s.plans[0].plan_id;
    let detail = serde_json::to_string(&plan_detail(&conn, plan_id).unwrap()).unwrap();
    assert!(detail.contains("空气质量优良天数比率"));
    assert!(detail.contains("民生福祉"));

    let doc_id: i64 = conn
        .query_row("SELECT id FROM documents", [], |r| r.get(0))
        .unwrap();
    let log = audit::history(&conn, "document", doc_id).unwrap();
    assert_eq!(log.len(), 1, "{log:?}");
    let e = &log[0];
    assert_eq!(
        (e.action.as_str(), e.field.as_deref()),
        ("import", Some("corrections"))
    );
    assert_eq!(e.user_name, "admin");
    let back: Vec<ImportCorrection> =
        serde_json::from_str(e.new_value.as_deref().unwrap()).unwrap();
    assert!(matches!(
        &back[0],
        ImportCorrection::ManualTable {
            first: 4,
            last: 6,
            ..
        }
    ));
    let reason = e.reason.as_deref().unwrap();
    assert!(reason.contains("人工修正 2 处"), "{reason}");
    assert!(reason.contains("第 4–6 行"), "{reason}");
    assert!(reason.contains("民生福祉"), "{reason}");

    // The same document again adds nothing, and records no second provenance.
    let s = commit_import(&mut conn, &Actor::user(1, "admin"), again).unwrap();
    assert!(s.already_imported);
    assert_eq!(audit::history(&conn, "document", doc_id).unwrap().len(), 1);
}

#[test]
fn a_preview_carries_reasons_and_doubts_and_no_corrections_means_no_provenance_entry() {
    let text = "序号\t指标名称\t单位\t2025年\t2030年\t属性\n1\t森林覆盖率\t%\t25\t26\t约束性\n2\t人均预期寿命\t岁\t80\t\t预期性\n";
    let mut conn = open_in_memory().unwrap();
    let p = preview_import(text).unwrap();
    assert_eq!(p.text, text);
    let t = &p.plans[0].tables[0];
    assert!(t
        .column_roles
        .iter()
        .any(|c| c.role == ColumnRole::Attribute));
    assert!(!t.rows[0].reasons.is_empty());
    // Confidence: a row without a target under a target column is 待核对, with its doubt.
    assert!(t.rows[0].doubts.is_empty(), "{:?}", t.rows[0].doubts);
    assert!(!t.rows[1].doubts.is_empty());
    commit_import(&mut conn, &Actor::system(), p).unwrap();
    let n: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit_log WHERE entity = 'document'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 0);
}
