//! Targets that change after the plan: assigning a pending target (按省下达目标) with its
//! revision history, and annual targets (年度目标).

use crate::store::{Database, Sql, Write};
use chrono::NaiveDate;

use super::session::{actor, authorize};
use super::{ApiError, ErrorCode};
use crate::auth::{permission, Session};
use crate::model::ValueKind;
use crate::store::submissions;
use crate::store::targets::{self, AnnualTarget, TargetRevision};

fn parse_date(raw: &str) -> Result<NaiveDate, ApiError> {
    let t = raw.trim();
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%Y/%m/%d"))
        .or_else(|_| NaiveDate::parse_from_str(t, "%Y年%m月%d日"))
        .map_err(|_| {
            ApiError::new(
                ErrorCode::InvalidInput,
                format!("无法识别的生效日期“{t}”，应为 2026-03-31 这样的日期"),
            )
        })
}

/// Assigns (or revises) an indicator's target from the document that set it. Earlier
/// targets stay in the revision history; the latest effective one applies.
pub fn assign_target(
    conn: &mut impl Database,
    s: &Session,
    indicator_id: i64,
    target_raw: &str,
    effective_date: &str,
    document: Option<&str>,
) -> Result<TargetRevision, ApiError> {
    let s = authorize(conn, s)?;
    permission::can_set_targets(&s)?;
    let ind = submissions::scope_indicator(conn, indicator_id)?;
    let target = crate::grammar::parse_value(target_raw);
    match target.kind {
        ValueKind::Empty | ValueKind::Placeholder => {
            return Err(ApiError::new(ErrorCode::InvalidInput, "目标值不能为空"));
        }
        ValueKind::Pending => {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "请填写下达的具体目标值，而不是“待下达”",
            ));
        }
        _ => {}
    }
    let date = parse_date(effective_date)?.format("%Y-%m-%d").to_string();
    let document = document.map(str::trim).filter(|d| !d.is_empty());
    let previous = targets::current_revision(conn, indicator_id)?.or(ind.target);
    let tx = conn.transaction()?;
    let id = targets::add_revision(
        &tx,
        &actor(&s),
        indicator_id,
        &target,
        &date,
        document,
        previous.as_ref(),
    )?;
    tx.commit()?;
    target_revisions(conn, indicator_id)?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| ApiError::new(ErrorCode::Internal, "目标修订未能保存"))
}

pub fn target_revisions(
    conn: &impl Sql,
    indicator_id: i64,
) -> Result<Vec<TargetRevision>, ApiError> {
    Ok(targets::revisions(conn, indicator_id)?)
}

/// Sets the 年度目标 of an indicator for a year.
pub fn set_annual_target(
    conn: &mut impl Database,
    s: &Session,
    indicator_id: i64,
    year: i32,
    value: f64,
    note: Option<&str>,
) -> Result<AnnualTarget, ApiError> {
    let s = authorize(conn, s)?;
    permission::can_set_targets(&s)?;
    submissions::scope_indicator(conn, indicator_id)?;
    if !value.is_finite() {
        return Err(ApiError::new(ErrorCode::InvalidInput, "年度目标必须是数字"));
    }
    if !(1900..=2200).contains(&year) {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!("年份 {year} 不合理"),
        ));
    }
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    let tx = conn.transaction()?;
    targets::set_annual(&tx, &actor(&s), indicator_id, year, value, note)?;
    tx.commit()?;
    Ok(AnnualTarget {
        indicator_id,
        year,
        value,
        note: note.map(str::to_string),
    })
}

pub fn annual_targets(conn: &impl Sql, indicator_id: i64) -> Result<Vec<AnnualTarget>, ApiError> {
    Ok(targets::annual_targets(conn, indicator_id)?)
}
