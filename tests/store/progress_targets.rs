//! Targets assigned later, annual targets, and cause-and-measures notes.

use crate::progress_fixture;

use progress_fixture::build;
use zhibiao::api::{progress, targets, ErrorCode};
use zhibiao::model::{Period, ValueKind};

fn p(s: &str) -> Period {
    s.parse().unwrap()
}

#[test]
fn a_pending_target_is_assigned_and_revised_with_history() {
    let mut f = build();
    let boss = f.login("boss");
    let staff = f.login("staff_a");
    let grid = progress::entry_grid(&f.conn, &staff, f.dept_a, p("2025")).unwrap();
    let row = grid
        .rows
        .iter()
        .find(|r| r.indicator_id == f.energy)
        .unwrap();
    assert!(row.target_pending, "{:?}", row.target_raw);

    let err =
        targets::assign_target(&mut f.conn, &boss, f.energy, "", "2022-03-01", None).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let err =
        targets::assign_target(&mut f.conn, &boss, f.energy, "13.5", "去年", None).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let first = targets::assign_target(
        &mut f.conn,
        &boss,
        f.energy,
        "13.5",
        "2022-03-01",
        Some("豫政〔2022〕18号"),
    )
    .unwrap();
    assert_eq!(first.target.value, Some(13.5));
    targets::assign_target(
        &mut f.conn,
        &boss,
        f.energy,
        "14",
        "2023/06/30",
        Some("豫政〔2023〕9号"),
    )
    .unwrap();

    let revisions = targets::target_revisions(&f.conn, f.energy).unwrap();
    assert_eq!(revisions.len(), 2);
    assert_eq!(revisions[1].effective_date, "2023-06-30");
    assert_eq!(revisions[1].entered_by.as_deref(), Some("boss"));
    let grid = progress::entry_grid(&f.conn, &staff, f.dept_a, p("2025")).unwrap();
    let row = grid
        .rows
        .iter()
        .find(|r| r.indicator_id == f.energy)
        .unwrap();
    assert_eq!(row.target_raw.as_deref(), Some("14"));
    assert!(!row.target_pending);

    let history = progress::indicator_history(&f.conn, f.energy).unwrap();
    let targets_audit: Vec<_> = history.iter().filter(|e| e.entity == "target").collect();
    assert_eq!(targets_audit.len(), 2);
    assert_eq!(targets_audit[0].old_value.as_deref(), Some("按省下达目标"));
    assert_eq!(targets_audit[1].old_value.as_deref(), Some("13.5"));
    assert_eq!(targets_audit[1].reason.as_deref(), Some("豫政〔2023〕9号"));
    assert_eq!(first.target.kind, ValueKind::Number);
}

#[test]
fn annual_targets_are_set_per_year_and_shown_in_the_grid() {
    let mut f = build();
    let boss = f.login("boss");
    targets::set_annual_target(&mut f.conn, &boss, f.jobs, 2025, 5.6, Some("年度计划")).unwrap();
    targets::set_annual_target(&mut f.conn, &boss, f.jobs, 2025, 5.8, None).unwrap();
    targets::set_annual_target(&mut f.conn, &boss, f.jobs, 2024, 5.4, None).unwrap();
    let all = targets::annual_targets(&f.conn, f.jobs).unwrap();
    assert_eq!(
        all.iter().map(|t| (t.year, t.value)).collect::<Vec<_>>(),
        vec![(2024, 5.4), (2025, 5.8)]
    );
    let err =
        targets::set_annual_target(&mut f.conn, &boss, f.jobs, 2025, f64::NAN, None).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let grid = progress::entry_grid(&f.conn, &boss, f.dept_a, p("2025Q2")).unwrap();
    let row = grid.rows.iter().find(|r| r.indicator_id == f.jobs).unwrap();
    assert_eq!(row.annual_target, Some(5.8));
    assert_eq!(f.audit_count("annual_target"), 3);
}

#[test]
fn cause_and_measures_notes_are_saved_and_audited() {
    let mut f = build();
    let staff = f.login("staff_a");
    let saved = progress::save_measures(
        &mut f.conn,
        &staff,
        f.urban,
        p("2025Q3"),
        Some("外出务工人员回流放缓"),
        Some("加快新型城镇化试点"),
    )
    .unwrap();
    assert_eq!(saved.updated_by.as_deref(), Some("staff_a"));
    let boss = f.login("boss");
    progress::save_measures(
        &mut f.conn,
        &boss,
        f.urban,
        p("2025Q3"),
        Some("外出务工人员回流放缓"),
        Some("落实户籍制度改革"),
    )
    .unwrap();
    let read = progress::measures(&f.conn, f.urban, p("2025Q3"))
        .unwrap()
        .unwrap();
    assert_eq!(read.measures.as_deref(), Some("落实户籍制度改革"));
    assert_eq!(
        progress::measures_for_period(&f.conn, p("2025Q3"))
            .unwrap()
            .len(),
        1
    );
    // Two fields created, then one changed.
    assert_eq!(f.audit_count("measures"), 3);
}
