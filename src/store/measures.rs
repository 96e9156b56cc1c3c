//! 原因分析 / 下一步措施 per indicator and period, printed in reports.

use crate::args;
use crate::store::db::{Row, Sql, Write};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::audit::{self, Actor, Change};
use super::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Measures {
    #[ts(type = "number")]
    pub indicator_id: i64,
    pub period: String,
    /// 原因分析.
    pub cause: Option<String>,
    /// 下一步措施.
    pub measures: Option<String>,
    pub updated_by: Option<String>,
    pub updated_at: String,
}

const SELECT: &str = "SELECT m.indicator_id, m.period, m.cause, m.measures, u.name, m.updated_at
     FROM measures m LEFT JOIN users u ON u.id = m.updated_by";

fn from_row(r: &Row) -> Result<Measures> {
    Ok(Measures {
        indicator_id: r.get(0)?,
        period: r.get(1)?,
        cause: r.get(2)?,
        measures: r.get(3)?,
        updated_by: r.get(4)?,
        updated_at: r.get(5)?,
    })
}

pub fn get(conn: &impl Sql, indicator_id: i64, period: &str) -> Result<Option<Measures>> {
    let sql = format!("{SELECT} WHERE m.indicator_id = ?1 AND m.period = ?2");
    conn.query_opt(&sql, args![indicator_id, period], from_row)
}

/// All notes recorded for a period (a report's 预警 list picks the ones it needs).
pub fn for_period(conn: &impl Sql, period: &str) -> Result<Vec<Measures>> {
    let sql = format!("{SELECT} WHERE m.period = ?1 ORDER BY m.indicator_id");
    let rows = conn.query_map(&sql, args![period], from_row)?;
    Ok(rows)
}

fn clean(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|t| !t.is_empty())
}

pub fn save(
    tx: &impl Write,
    actor: &Actor,
    indicator_id: i64,
    period: &str,
    cause: Option<&str>,
    measures: Option<&str>,
) -> Result<()> {
    let (cause, measures) = (clean(cause), clean(measures));
    let old = get(tx, indicator_id, period)?;
    tx.execute(
        "INSERT INTO measures (indicator_id, period, cause, measures, updated_by, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (indicator_id, period) DO UPDATE SET cause = excluded.cause,
            measures = excluded.measures, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        args![indicator_id, period, cause, measures, actor.user_id, chrono::Utc::now()],
    )?;
    let old_cause = old.as_ref().and_then(|m| m.cause.clone());
    let old_measures = old.as_ref().and_then(|m| m.measures.clone());
    for (field, before, after) in [
        ("cause", old_cause, cause),
        ("measures", old_measures, measures),
    ] {
        if before.as_deref() != after {
            audit::append(
                tx,
                actor,
                &Change {
                    action: if before.is_some() { "update" } else { "create" },
                    entity: "measures",
                    entity_id: Some(indicator_id),
                    period: Some(period),
                    field: Some(field),
                    old_value: before,
                    new_value: after.map(str::to_string),
                    reason: None,
                },
            )?;
        }
    }
    Ok(())
}
