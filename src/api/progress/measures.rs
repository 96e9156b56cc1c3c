//! 原因分析 / 下一步措施 for an indicator and period (shown in the reports' 预警 list).

use crate::store::{Database, Sql, Write};

use super::super::session::{actor, authorize};
use super::super::ApiError;
use crate::auth::{permission, Session};
use crate::model::Period;
use crate::store::measures::{self as store_measures, Measures};
use crate::store::submissions;

/// Records the notes: the indicator's department's staff, or a manager.
pub fn save_measures(
    conn: &mut impl Database,
    s: &Session,
    indicator_id: i64,
    period: Period,
    cause: Option<&str>,
    measures: Option<&str>,
) -> Result<Measures, ApiError> {
    let s = authorize(conn, s)?;
    let ind = submissions::scope_indicator(conn, indicator_id)?;
    permission::can_write_measures(&s, ind.lead_department_id)?;
    let p = period.to_string();
    let tx = conn.transaction()?;
    store_measures::save(&tx, &actor(&s), indicator_id, &p, cause, measures)?;
    let saved = store_measures::get(&tx, indicator_id, &p)?;
    tx.commit()?;
    saved.ok_or_else(|| {
        crate::store::StoreError::NotFound {
            what: "原因分析",
            id: indicator_id,
        }
        .into()
    })
}

pub fn measures(
    conn: &impl Sql,
    indicator_id: i64,
    period: Period,
) -> Result<Option<Measures>, ApiError> {
    Ok(store_measures::get(
        conn,
        indicator_id,
        &period.to_string(),
    )?)
}

pub fn measures_for_period(conn: &impl Sql, period: Period) -> Result<Vec<Measures>, ApiError> {
    Ok(store_measures::for_period(conn, &period.to_string())?)
}
