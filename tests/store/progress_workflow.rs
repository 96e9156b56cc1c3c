//! Progress entry through the api: saving, validation, the workflow and its audit trail.

use crate::progress_fixture;

use progress_fixture::{build, input};
use zhibiao::api::progress::{self, ObservationInput};
use zhibiao::api::ErrorCode;
use zhibiao::model::Period;
use zhibiao::progress::{QualStatus, Rule, State};

fn p(s: &str) -> Period {
    s.parse().unwrap()
}

#[test]
fn staff_save_a_value_and_it_is_audited() {
    let mut f = build();
    let staff = f.login("staff_a");
    let out =
        progress::save_observation(&mut f.conn, &staff, &input(f.urban, "2025", "61.3%")).unwrap();
    assert_eq!(out.observation.as_ref().and_then(|o| o.value), Some(61.3));
    assert_eq!(
        out.observation.unwrap().entered_by.as_deref(),
        Some("staff_a")
    );
    assert_eq!(out.state, State::Draft);
    let history = progress::cell_history(&f.conn, f.urban, p("2025")).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].action, "create");
    assert_eq!(history[0].new_value.as_deref(), Some("61.3"));
    assert_eq!(history[0].user_name, "staff_a");

    // A correction keeps the old value in the history.
    progress::save_observation(&mut f.conn, &staff, &input(f.urban, "2025", "61.5")).unwrap();
    let history = progress::cell_history(&f.conn, f.urban, p("2025")).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1].old_value.as_deref(), Some("61.3"));
    assert_eq!(history[1].new_value.as_deref(), Some("61.5"));
    // Saving the same again changes nothing and records nothing.
    progress::save_observation(&mut f.conn, &staff, &input(f.urban, "2025", "61.5")).unwrap();
    assert_eq!(
        progress::cell_history(&f.conn, f.urban, p("2025"))
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn validation_errors_refuse_the_save_and_store_nothing() {
    let mut f = build();
    let staff = f.login("staff_a");
    for (ind, value) in [(f.urban, "六十"), (f.urban, "101"), (f.jobs, "-2")] {
        let err = progress::save_observation(&mut f.conn, &staff, &input(ind, "2025", value))
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Validation, "{value}: {err:?}");
        assert_eq!(f.stored_value(ind, "2025"), None);
    }
    assert_eq!(f.audit_count("observation"), 0);
}

#[test]
fn a_cumulative_quarter_below_the_previous_one_is_refused() {
    let mut f = build();
    let staff = f.login("staff_a");
    progress::save_observation(&mut f.conn, &staff, &input(f.jobs, "2025Q2", "3.1")).unwrap();
    let err = progress::save_observation(&mut f.conn, &staff, &input(f.jobs, "2025Q3", "2.9"))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(err.message.contains("累计"), "{}", err.message);
}

#[test]
fn a_large_change_needs_a_note_before_submit() {
    let mut f = build();
    let staff = f.login("staff_a");
    progress::save_observation(&mut f.conn, &staff, &input(f.jobs, "2024", "5.0")).unwrap();
    let out =
        progress::save_observation(&mut f.conn, &staff, &input(f.jobs, "2025", "8.0")).unwrap();
    assert_eq!(out.issues.len(), 1);
    assert_eq!(out.issues[0].rule, Rule::LargeChange);
    assert_eq!(
        f.stored_value(f.jobs, "2025"),
        Some(8.0),
        "saved as a draft"
    );
    let err = progress::submit(&mut f.conn, &staff, f.dept_a, p("2025")).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(err.message.contains("城镇新增就业人数"), "{}", err.message);

    let mut noted = input(f.jobs, "2025", "8.0");
    noted.note = Some("新增产业园区集中招工".into());
    let out = progress::save_observation(&mut f.conn, &staff, &noted).unwrap();
    assert!(out.issues[0].resolved);
    let sub = progress::submit(&mut f.conn, &staff, f.dept_a, p("2025")).unwrap();
    assert_eq!(sub.state, State::Submitted);
}

#[test]
fn submit_needs_at_least_one_value() {
    let mut f = build();
    let staff = f.login("staff_a");
    let err = progress::submit(&mut f.conn, &staff, f.dept_a, p("2025Q1")).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
}

#[test]
fn the_whole_workflow_with_its_locks_and_reasons() {
    let mut f = build();
    let staff = f.login("staff_a");
    let boss = f.login("boss");
    let period = p("2025Q3");
    progress::save_observation(&mut f.conn, &staff, &input(f.urban, "2025Q3", "57.1")).unwrap();
    progress::submit(&mut f.conn, &staff, f.dept_a, period).unwrap();

    // Submitted: staff cannot change values, nor submit twice.
    let err = progress::save_observation(&mut f.conn, &staff, &input(f.urban, "2025Q3", "57.2"))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Locked);
    assert_eq!(
        progress::submit(&mut f.conn, &staff, f.dept_a, period)
            .unwrap_err()
            .code,
        ErrorCode::Conflict
    );

    // Returned with a reason: editable again, back to draft on the first edit.
    let err = progress::return_with_reason(&mut f.conn, &boss, f.dept_a, period, " ").unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let sub = progress::return_with_reason(&mut f.conn, &boss, f.dept_a, period, "请核对统计口径")
        .unwrap();
    assert_eq!(sub.state, State::Returned);
    assert_eq!(sub.reason.as_deref(), Some("请核对统计口径"));
    let out =
        progress::save_observation(&mut f.conn, &staff, &input(f.urban, "2025Q3", "57.2")).unwrap();
    assert_eq!(out.state, State::Draft);

    // Approved: locked for everyone until a manager reopens it with a reason.
    assert_eq!(
        progress::approve(&mut f.conn, &boss, f.dept_a, period)
            .unwrap_err()
            .code,
        ErrorCode::Conflict
    );
    progress::submit(&mut f.conn, &staff, f.dept_a, period).unwrap();
    let sub = progress::approve(&mut f.conn, &boss, f.dept_a, period).unwrap();
    assert_eq!(sub.state, State::Approved);
    let err = progress::save_observation(&mut f.conn, &staff, &input(f.urban, "2025Q3", "57.3"))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Locked);
    assert_eq!(f.stored_value(f.urban, "2025Q3"), Some(57.2));
    let err =
        progress::return_with_reason(&mut f.conn, &boss, f.dept_a, period, "晚了").unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert_eq!(
        progress::reopen(&mut f.conn, &boss, f.dept_a, period, "")
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );
    let sub = progress::reopen(&mut f.conn, &boss, f.dept_a, period, "统计局修订数据").unwrap();
    assert_eq!(sub.state, State::Draft);
    progress::save_observation(&mut f.conn, &staff, &input(f.urban, "2025Q3", "57.3")).unwrap();

    // Every transition is in the audit log, with who and why.
    let mut st = f
        .conn
        .prepare("SELECT action, user_name, reason FROM audit_log WHERE entity = 'submission' ORDER BY id")
        .unwrap();
    let rows: Vec<(String, String, Option<String>)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let actions: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(
        actions,
        ["submit", "return", "edit", "submit", "approve", "reopen"]
    );
    assert_eq!(rows[1].1, "boss");
    assert_eq!(rows[1].2.as_deref(), Some("请核对统计口径"));
    assert_eq!(rows[5].2.as_deref(), Some("统计局修订数据"));
}

#[test]
fn a_pasted_block_is_stored_whole_or_not_at_all() {
    let mut f = build();
    let staff = f.login("staff_a");
    let good = vec![
        input(f.jobs, "2025Q1", "1.2"),
        input(f.jobs, "2025Q2", "2.6"),
        input(f.urban, "2025Q2", "57"),
    ];
    let out = progress::save_observations(&mut f.conn, &staff, &good).unwrap();
    assert!(out.committed);
    assert!(out.rows.iter().all(|r| r.error.is_none()));
    assert_eq!(f.stored_value(f.jobs, "2025Q2"), Some(2.6));

    // The second row is not a number and the third lowers a cumulative value: nothing is stored.
    let bad = vec![
        input(f.urban, "2025Q3", "57.5"),
        input(f.jobs, "2025Q3", "x"),
        input(f.jobs, "2025Q4", "2.0"),
    ];
    let before = f.audit_count("observation");
    let out = progress::save_observations(&mut f.conn, &staff, &bad).unwrap();
    assert!(!out.committed);
    assert!(out.rows[0].error.is_none());
    assert!(out.rows[1].error.as_deref().unwrap().contains("x"));
    assert!(out.rows[2].error.is_some());
    assert_eq!(f.stored_value(f.urban, "2025Q3"), None);
    assert_eq!(f.audit_count("observation"), before);

    // A block that is partly another department's is refused whole too.
    let mixed = vec![
        input(f.urban, "2025Q3", "57.5"),
        input(f.forest, "2025Q3", "34"),
    ];
    let out = progress::save_observations(&mut f.conn, &staff, &mixed).unwrap();
    assert!(!out.committed);
    assert!(out.rows[1].error.as_deref().unwrap().contains("本部门"));
}

#[test]
fn clearing_a_cell_deletes_it_and_keeps_the_history() {
    let mut f = build();
    let staff = f.login("staff_a");
    progress::save_observation(&mut f.conn, &staff, &input(f.urban, "2025", "60")).unwrap();
    let out =
        progress::save_observation(&mut f.conn, &staff, &input(f.urban, "2025", "  ")).unwrap();
    assert!(out.observation.is_none());
    assert_eq!(f.stored_value(f.urban, "2025"), None);
    let history = progress::cell_history(&f.conn, f.urban, p("2025")).unwrap();
    assert_eq!(history.last().unwrap().action, "delete");
    assert_eq!(history.last().unwrap().old_value.as_deref(), Some("60"));
}

#[test]
fn qualitative_indicators_take_a_status() {
    let mut f = build();
    let staff = f.login("staff_a");
    let err = progress::save_observation(&mut f.conn, &staff, &input(f.farmland, "2025", "12"))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    let status = ObservationInput {
        status: Some(QualStatus::Achieved),
        evidence: Some("2025年度国土变更调查".into()),
        value: None,
        ..input(f.farmland, "2025", "")
    };
    let out = progress::save_observation(&mut f.conn, &staff, &status).unwrap();
    assert_eq!(out.observation.unwrap().status, Some(QualStatus::Achieved));
    let grid = progress::entry_grid(&f.conn, &staff, f.dept_a, p("2025")).unwrap();
    let row = grid
        .rows
        .iter()
        .find(|r| r.indicator_id == f.farmland)
        .unwrap();
    assert!(row.qualitative);
    assert!(row.issues.iter().all(|i| !i.blocks_submit()));
}

#[test]
fn the_entry_grid_shows_the_department_and_its_state() {
    let mut f = build();
    let staff = f.login("staff_a");
    progress::save_observation(&mut f.conn, &staff, &input(f.urban, "2024", "55")).unwrap();
    progress::save_observation(&mut f.conn, &staff, &input(f.urban, "2025Q1", "56")).unwrap();
    let grid = progress::entry_grid(&f.conn, &staff, f.dept_a, p("2025Q1")).unwrap();
    assert_eq!(grid.department_name, "市人力资源社会保障局");
    let ids: Vec<i64> = grid.rows.iter().map(|r| r.indicator_id).collect();
    assert_eq!(
        ids,
        vec![f.jobs, f.urban, f.farmland, f.energy],
        "department A's indicators in table order"
    );
    let urban = grid
        .rows
        .iter()
        .find(|r| r.indicator_id == f.urban)
        .unwrap();
    assert_eq!(urban.baseline_raw.as_deref(), Some("51.2"));
    assert_eq!(urban.target_raw.as_deref(), Some("58"));
    assert_eq!(urban.last.as_ref().map(|o| o.period), Some(p("2024")));
    assert_eq!(urban.current.as_ref().and_then(|o| o.value), Some(56.0));
    assert!(grid.can_edit && grid.can_submit && !grid.can_review);
    assert_eq!(grid.submission.state, State::Draft);
    let jobs = grid.rows.iter().find(|r| r.indicator_id == f.jobs).unwrap();
    assert!(jobs.flow && jobs.current.is_none());
}
