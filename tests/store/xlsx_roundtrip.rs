//! Excel export → import round trip, and a malformed workbook: per-row Chinese reasons,
//! nothing stored until confirmed.

use rusqlite::Connection;
use rust_xlsxwriter::Workbook;
use zhibiao::api::export::{export_csv, export_table, export_xlsx, ExportRequest};
use zhibiao::api::session::login;
use zhibiao::api::xlsx_import::{confirm_xlsx_import, preview_xlsx_import};
use zhibiao::api::ErrorCode;
use zhibiao::auth::{hash_password, Role, Session};
use zhibiao::model::Period;
use zhibiao::store::observations::ObservationWrite;
use zhibiao::store::{self, observations, series, users, Actor};
use zhibiao::xlsx::{layout, CellValue};

const PERIOD: Period = Period::Quarter(2025, 3);

/// The demo database; the department leading the most numeric indicators, and its staff.
fn demo() -> (Connection, i64, Session) {
    let mut conn = store::open_in_memory().unwrap();
    zhibiao::demo::ensure_demo(&mut conn).unwrap();
    let dept: i64 = conn
        .query_row(
            "SELECT lead_department_id FROM indicators WHERE lead_department_id IS NOT NULL
             GROUP BY lead_department_id ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let hash = hash_password("填报员密码123").unwrap();
    let tx = conn.transaction().unwrap();
    let new = users::NewUser {
        name: "张三",
        password_hash: &hash,
        role: Role::Staff,
        department_id: Some(dept),
        must_change_password: false,
    };
    users::insert(&tx, &Actor::system(), &new).unwrap();
    tx.commit().unwrap();
    let session = login(&conn, "张三", "填报员密码123").unwrap();
    (conn, dept, session)
}

/// Numeric values for the department's indicators that have a numeric baseline, in the plans
/// whose period holds `PERIOD` (the demo's 十五五 plan starts in 2026: a 2025 value is not
/// one of its values and the export of 2025Q3 leaves it out).
fn fill(conn: &mut Connection, dept: i64) -> Vec<(i64, f64)> {
    let mut stored = Vec::new();
    let tx = conn.transaction().unwrap();
    let holds_period = |p: &series::PlanSeries| {
        p.plan
            .years()
            .is_some_and(|(first, last)| (first..=last).contains(&PERIOD.year()))
    };
    for p in series::load(&tx, None)
        .unwrap()
        .into_iter()
        .filter(holds_period)
    {
        for s in p
            .indicators
            .iter()
            .filter(|s| s.indicator.lead_department_id == Some(dept))
        {
            let Some(b) = s.indicator.draft.baseline.as_ref().and_then(|v| v.value) else {
                continue;
            };
            // Slightly below the baseline: never over 100 % for shares.
            let value = (b * 0.987 * 100.0).round() / 100.0;
            observations::upsert(
                &tx,
                &Actor::system(),
                s.indicator.id,
                PERIOD,
                &ObservationWrite {
                    value: Some(value),
                    ..Default::default()
                },
            )
            .unwrap();
            stored.push((s.indicator.id, value));
        }
    }
    tx.commit().unwrap();
    stored
}

fn count_observations(conn: &Connection) -> i64 {
    conn.query_row("SELECT count(*) FROM observations", [], |r| r.get(0))
        .unwrap()
}

fn request(dept: i64) -> ExportRequest {
    ExportRequest {
        period: PERIOD,
        plan_id: None,
        department_id: Some(dept),
    }
}

#[test]
fn export_then_import_gives_the_same_values() {
    let (mut source, dept, _) = demo();
    let stored = fill(&mut source, dept);
    assert!(stored.len() >= 3, "the department has numeric indicators");
    let table = export_table(&source, &request(dept)).unwrap();
    // Numbers are numbers in the sheet, not text.
    let row = table.rows.iter().find(|r| r.id == stored[0].0).unwrap();
    assert_eq!(row.current, CellValue::Number(stored[0].1));
    let bytes = export_xlsx(&source, &request(dept)).unwrap();

    let (mut target, dept2, session) = demo();
    assert_eq!(dept, dept2);
    let before = count_observations(&target);
    let preview = preview_xlsx_import(&target, &session, &bytes, PERIOD).unwrap();
    assert!(
        preview.rejected.is_empty(),
        "rejected: {:?}",
        preview.rejected
    );
    assert_eq!(preview.accepted.len(), stored.len());
    assert_eq!(
        count_observations(&target),
        before,
        "the preview stores nothing"
    );

    let outcome = confirm_xlsx_import(&mut target, &session, &bytes, PERIOD).unwrap();
    assert!(outcome.committed);
    assert_eq!(outcome.saved as usize, stored.len());
    for (id, value) in stored {
        let o = observations::get(&target, id, PERIOD)
            .unwrap()
            .expect("imported");
        assert_eq!(o.value, Some(value), "indicator {id}");
    }
}

#[test]
fn csv_has_a_bom_and_the_same_rows() {
    let (mut conn, dept, _) = demo();
    let stored = fill(&mut conn, dept);
    let csv = export_csv(&conn, &request(dept)).unwrap();
    assert_eq!(&csv[..3], &[0xEF, 0xBB, 0xBF]);
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        layout::HEADINGS.to_vec()
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(
        rows.len(),
        export_table(&conn, &request(dept)).unwrap().rows.len()
    );
    for (id, value) in stored {
        let r = rows.iter().find(|r| r[0] == id.to_string()).unwrap();
        assert_eq!(r[8].parse::<f64>().unwrap(), value);
    }
}

/// A workbook with the template's sheet name and headings and the given data rows.
fn workbook(sheet: &str, headings: &[&str], rows: &[Vec<CellValue>]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet).unwrap();
    ws.write_string(0, 0, format!("{}{PERIOD}", layout::PERIOD_PREFIX))
        .unwrap();
    for (c, h) in headings.iter().enumerate() {
        ws.write_string(layout::HEADER_ROW, c as u16, *h).unwrap();
    }
    for (i, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let r = layout::FIRST_DATA_ROW + i as u32;
            match v {
                CellValue::Empty => {}
                CellValue::Number(n) => {
                    ws.write_number(r, c as u16, *n).unwrap();
                }
                CellValue::Text(t) => {
                    ws.write_string(r, c as u16, t).unwrap();
                }
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

fn template_row(id: f64, name: &str, value: CellValue) -> Vec<CellValue> {
    let mut row = vec![CellValue::Empty; layout::HEADINGS.len()];
    row[0] = CellValue::Number(id);
    row[1] = CellValue::Text("1".into());
    row[layout::COL_NAME as usize] = CellValue::Text(name.into());
    row[layout::COL_CURRENT as usize] = value;
    row
}

#[test]
fn malformed_workbook_gives_per_row_reasons_and_stores_nothing_until_confirmed() {
    let (mut conn, dept, session) = demo();
    let table = export_table(&conn, &request(dept)).unwrap();
    let numeric: Vec<_> = table
        .rows
        .iter()
        .filter(|r| matches!(r.baseline, CellValue::Number(_)))
        .collect();
    let (good, text_cell, shifted) = (numeric[0], numeric[1], numeric[2]);

    // Wrong sheet: a file-level error naming the expected sheet.
    let wrong = workbook(
        "Sheet1",
        &layout::HEADINGS,
        &[template_row(
            good.id as f64,
            &good.name,
            CellValue::Number(1.0),
        )],
    );
    let err = preview_xlsx_import(&conn, &session, &wrong, PERIOD).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(
        err.message.contains("指标监测") && err.message.contains("Sheet1"),
        "{}",
        err.message
    );

    // A heading removed: the missing column is named.
    let mut headings = layout::HEADINGS.to_vec();
    headings[layout::COL_CURRENT as usize] = "备注";
    let missing = workbook(layout::SHEET_NAME, &headings, &[]);
    let err = preview_xlsx_import(&conn, &session, &missing, PERIOD).unwrap_err();
    assert!(err.message.contains("本期值"), "{}", err.message);

    // Rows: one good, text in a number cell, a row shifted one column left, an unknown id,
    // an extra row without id.
    let good_value = match good.baseline {
        CellValue::Number(b) => b,
        _ => unreachable!(),
    };
    let mut shifted_row = template_row(shifted.id as f64, &shifted.name, CellValue::Number(5.0));
    shifted_row.remove(0);
    shifted_row.push(CellValue::Empty);
    let mut extra = vec![CellValue::Empty; layout::HEADINGS.len()];
    extra[layout::COL_NAME as usize] = CellValue::Text("合计".into());
    extra[layout::COL_CURRENT as usize] = CellValue::Number(100.0);
    let rows = vec![
        template_row(good.id as f64, &good.name, CellValue::Number(good_value)),
        template_row(
            text_cell.id as f64,
            &text_cell.name,
            CellValue::Text("待统计".into()),
        ),
        shifted_row,
        template_row(987_654.0, "不存在的指标", CellValue::Number(3.0)),
        extra,
    ];
    let bytes = workbook(layout::SHEET_NAME, &layout::HEADINGS, &rows);
    let before = count_observations(&conn);
    let preview = preview_xlsx_import(&conn, &session, &bytes, PERIOD).unwrap();
    assert_eq!(preview.accepted.len(), 1);
    assert_eq!(preview.accepted[0].indicator_id, good.id);
    let rejected_rows: Vec<u32> = preview.rejected.iter().map(|r| r.row).collect();
    let first = layout::FIRST_DATA_ROW + 1;
    assert_eq!(
        rejected_rows,
        vec![first + 1, first + 2, first + 3, first + 4]
    );
    for r in &preview.rejected {
        assert!(
            r.reason
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "reason not in Chinese: {}",
            r.reason
        );
    }
    assert!(preview.rejected[0].reason.contains("不是数字"));
    assert!(preview.rejected[3].reason.contains("没有编号"));
    assert!(preview.rejected[2].reason.contains("987654"));
    assert_eq!(
        count_observations(&conn),
        before,
        "nothing stored by the preview"
    );

    let outcome = confirm_xlsx_import(&mut conn, &session, &bytes, PERIOD).unwrap();
    assert!(outcome.committed);
    assert_eq!(outcome.saved, 1);
    assert_eq!(count_observations(&conn), before + 1);
    assert_eq!(
        observations::get(&conn, good.id, PERIOD)
            .unwrap()
            .unwrap()
            .value,
        Some(good_value)
    );
}
