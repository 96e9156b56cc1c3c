//! Progress entry: the entry grid, saving values, the submit / approve workflow, cell
//! history, cause-and-measures notes, assigned and annual targets.

use crate::api::progress::{self, BatchOutcome, EntryGrid, ObservationInput, SaveOutcome};
use crate::api::targets;
use crate::command;
use crate::model::Period;
use crate::store::measures::Measures;
use crate::store::observations::Observation;
use crate::store::submissions::Submission;
use crate::store::targets::{AnnualTarget, TargetRevision};
use crate::store::AuditEntry;

command!(GetEntryGrid = "entry_grid" { department_id: i64, period: Period } -> EntryGrid, |e, c| {
    e.with_session(|conn, s| progress::entry_grid(conn, s, c.department_id, c.period))
});

command!(SaveObservation = "save_observation" { input: ObservationInput } -> SaveOutcome, |e, c| {
    e.with_session(|conn, s| progress::save_observation(conn, s, &c.input))
});

command!(SaveObservations = "save_observations" { inputs: Vec<ObservationInput> } -> BatchOutcome, |e, c| {
    e.with_session(|conn, s| progress::save_observations(conn, s, &c.inputs))
});

command!(SubmitPeriod = "submit_period" { department_id: i64, period: Period } -> Submission, |e, c| {
    e.with_session(|conn, s| progress::submit(conn, s, c.department_id, c.period))
});

command!(ApprovePeriod = "approve_period" { department_id: i64, period: Period } -> Submission, |e, c| {
    e.with_session(|conn, s| progress::approve(conn, s, c.department_id, c.period))
});

command!(ReturnPeriod = "return_period" { department_id: i64, period: Period, reason: String } -> Submission, |e, c| {
    e.with_session(|conn, s| {
        progress::return_with_reason(conn, s, c.department_id, c.period, &c.reason)
    })
});

command!(ReopenPeriod = "reopen_period" { department_id: i64, period: Period, reason: String } -> Submission, |e, c| {
    e.with_session(|conn, s| progress::reopen(conn, s, c.department_id, c.period, &c.reason))
});

command!(CellHistory = "cell_history" { indicator_id: i64, period: Period } -> Vec<AuditEntry>, |e, c| {
    e.signed_in(|conn, _| progress::cell_history(conn, c.indicator_id, c.period))
});

command!(IndicatorHistory = "indicator_history" { indicator_id: i64 } -> Vec<AuditEntry>, |e, c| {
    e.signed_in(|conn, _| progress::indicator_history(conn, c.indicator_id))
});

command!(GetMeasures = "get_measures" { indicator_id: i64, period: Period } -> Option<Measures>, |e, c| {
    e.signed_in(|conn, _| progress::measures(conn, c.indicator_id, c.period))
});

command!(SaveMeasures = "save_measures" {
    indicator_id: i64,
    period: Period,
    cause: Option<String>,
    measures: Option<String>,
} -> Measures, |e, c| {
    e.with_session(|conn, s| {
        progress::save_measures(
            conn,
            s,
            c.indicator_id,
            c.period,
            c.cause.as_deref(),
            c.measures.as_deref(),
        )
    })
});

command!(AssignTarget = "assign_target" {
    indicator_id: i64,
    target: String,
    effective_date: String,
    document: Option<String>,
} -> TargetRevision, |e, c| {
    e.with_session(|conn, s| {
        targets::assign_target(
            conn,
            s,
            c.indicator_id,
            &c.target,
            &c.effective_date,
            c.document.as_deref(),
        )
    })
});

command!(TargetRevisions = "target_revisions" { indicator_id: i64 } -> Vec<TargetRevision>, |e, c| {
    e.signed_in(|conn, _| targets::target_revisions(conn, c.indicator_id))
});

command!(SetAnnualTarget = "set_annual_target" {
    indicator_id: i64,
    year: i32,
    value: f64,
    note: Option<String>,
} -> AnnualTarget, |e, c| {
    e.with_session(|conn, s| {
        targets::set_annual_target(conn, s, c.indicator_id, c.year, c.value, c.note.as_deref())
    })
});

command!(AnnualTargets = "annual_targets" { indicator_id: i64 } -> Vec<AnnualTarget>, |e, c| {
    e.signed_in(|conn, _| targets::annual_targets(conn, c.indicator_id))
});

command!(IndicatorValues = "indicator_values" { indicator_id: i64 } -> Vec<Observation>, |e, c| {
    e.signed_in(|conn, _| progress::indicator_values(conn, c.indicator_id))
});
