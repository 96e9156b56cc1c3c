//! Two people saving the same cell: the later save names the version it was based on, meets
//! a newer one, and is refused with both values, who made the change it did not know of and
//! when — never a silent overwrite. The client shows both and lets the person choose (keep
//! theirs, or save again based on the version it now knows).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::super::{ApiError, ErrorCode};
use super::ObservationInput;
use crate::store::observations::{self, Observation, ObservationWrite};
use crate::store::{Sql, StoreError};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CellConflict {
    #[ts(type = "number")]
    pub indicator_id: i64,
    pub indicator_name: String,
    pub period: crate::model::Period,
    /// The version the refused save was based on.
    #[ts(type = "number")]
    pub expected_version: i64,
    /// What the refused save would have written, as typed.
    pub yours: ObservationInput,
    /// The cell as stored now; `None` when it was cleared.
    pub theirs: Option<Observation>,
    /// Who made the change the save did not know of, and when (UTC, RFC 3339).
    pub changed_by: Option<String>,
    pub changed_at: Option<String>,
}

impl CellConflict {
    /// The version to name when saving again to keep one's own value.
    pub fn current_version(&self) -> i64 {
        observations::version_of(self.theirs.as_ref())
    }
}

/// Whether the stored cell already holds what the save would write (two people typed the
/// same: nothing to choose between).
pub(super) fn same_content(stored: Option<&Observation>, w: Option<&ObservationWrite>) -> bool {
    match (stored, w) {
        (None, None) => true,
        (Some(o), Some(w)) => {
            o.value == w.value
                && o.status == w.status
                && o.evidence.as_deref() == w.evidence
                && o.note.as_deref() == w.note
                && o.source.as_deref() == w.source
                && o.vintage == w.vintage
        }
        _ => false,
    }
}

fn shown(o: Option<&Observation>) -> String {
    match o {
        None => "空".to_string(),
        Some(o) => match (o.value, o.status) {
            (Some(v), _) => v.to_string(),
            (None, Some(s)) => s.as_str().to_string(),
            (None, None) => "空".to_string(),
        },
    }
}

fn typed(input: &ObservationInput) -> String {
    let value = input
        .value
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    match (value, input.status) {
        (Some(v), _) => v.to_string(),
        (None, Some(s)) => s.as_str().to_string(),
        (None, None) => "空".to_string(),
    }
}

/// Minutes in the machine's time zone, as the person reads a clock.
fn local_minutes(utc: &str) -> String {
    match crate::store::db::parse_time(utc) {
        Some(t) => t
            .with_timezone(&chrono::Local)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        None => utc.to_string(),
    }
}

/// The refusal of a save based on `expected` when the cell is at another version now.
pub(super) fn refuse(
    conn: &impl Sql,
    indicator_name: &str,
    input: &ObservationInput,
    expected: i64,
    stored: Option<Observation>,
) -> Result<ApiError, StoreError> {
    let (changed_by, changed_at) = match &stored {
        Some(o) => (o.entered_by.clone(), Some(o.entered_at.clone())),
        None => match observations::last_change(conn, input.indicator_id, input.period)? {
            Some(e) => (Some(e.user_name), Some(e.at)),
            None => (None, None),
        },
    };
    let who = changed_by.as_deref().unwrap_or("他人");
    let when = changed_at
        .as_deref()
        .map(|t| format!("于 {} ", local_minutes(t)))
        .unwrap_or_default();
    let what = match &stored {
        Some(_) => format!("改为 {}", shown(stored.as_ref())),
        None => "清空".to_string(),
    };
    let message = format!(
        "「{indicator_name}」{} 的数据已被 {who} {when}{what}（您填写的是 {}）。请核对后选择保留哪一个",
        input.period,
        typed(input)
    );
    let conflict = CellConflict {
        indicator_id: input.indicator_id,
        indicator_name: indicator_name.to_string(),
        period: input.period,
        expected_version: expected,
        yours: input.clone(),
        theirs: stored,
        changed_by,
        changed_at,
    };
    Ok(ApiError::new(ErrorCode::Conflict, message).with_conflict(conflict))
}
