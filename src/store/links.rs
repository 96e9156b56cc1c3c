//! Confirmed successor links (a later plan's indicator continues an earlier plan's one).

use crate::args;
use crate::store::db::{Row, Sql, Write};

use super::audit::{self, Actor, Change};
use super::Result;
use crate::succession::SuccessorLink;

fn link_from_row(r: &Row) -> Result<SuccessorLink> {
    Ok(SuccessorLink {
        successor_id: r.get(0)?,
        predecessor_id: r.get(1)?,
        factor: r.get(2)?,
        note: r.get(3)?,
    })
}

const COLUMNS: &str = "successor_id, predecessor_id, factor, note";

pub fn all(conn: &impl Sql) -> Result<Vec<SuccessorLink>> {
    let rows = conn.query_map(
        &format!("SELECT {COLUMNS} FROM indicator_links ORDER BY successor_id"),
        args![],
        link_from_row,
    )?;
    Ok(rows)
}

/// The link of a successor, if it has one.
pub fn of_successor(conn: &impl Sql, successor_id: i64) -> Result<Option<SuccessorLink>> {
    conn.query_opt(
        &format!("SELECT {COLUMNS} FROM indicator_links WHERE successor_id = ?1"),
        args![successor_id],
        link_from_row,
    )
}

/// The links that continue a predecessor (several for a split).
pub fn of_predecessor(conn: &impl Sql, predecessor_id: i64) -> Result<Vec<SuccessorLink>> {
    let rows = conn.query_map(
        &format!(
            "SELECT {COLUMNS} FROM indicator_links WHERE predecessor_id = ?1 ORDER BY successor_id"
        ),
        args![predecessor_id],
        link_from_row,
    )?;
    Ok(rows)
}

fn describe(l: &SuccessorLink) -> String {
    format!("接续指标{}（系数 {}）", l.predecessor_id, l.factor)
}

/// Stores (or corrects) a successor's link; the caller has checked the plans meet.
pub fn save(tx: &impl Write, actor: &Actor, link: &SuccessorLink) -> Result<()> {
    let old = of_successor(tx, link.successor_id)?;
    tx.execute(
        "INSERT INTO indicator_links (successor_id, predecessor_id, factor, note, confirmed_by, confirmed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (successor_id) DO UPDATE SET predecessor_id = excluded.predecessor_id,
            factor = excluded.factor, note = excluded.note, confirmed_by = excluded.confirmed_by,
            confirmed_at = excluded.confirmed_at",
        args![
            link.successor_id,
            link.predecessor_id,
            link.factor,
            link.note,
            actor.user_id,
            chrono::Utc::now()
        ],
    )?;
    audit::append(
        tx,
        actor,
        &Change {
            action: if old.is_some() { "update" } else { "create" },
            entity: "indicator_link",
            entity_id: Some(link.successor_id),
            period: None,
            field: Some("predecessor"),
            old_value: old.as_ref().map(describe),
            new_value: Some(describe(link)),
            reason: link.note.as_deref(),
        },
    )
}

/// Removes a successor's link; `false` when it had none.
pub fn remove(tx: &impl Write, actor: &Actor, successor_id: i64) -> Result<bool> {
    let Some(old) = of_successor(tx, successor_id)? else {
        return Ok(false);
    };
    tx.execute(
        "DELETE FROM indicator_links WHERE successor_id = ?1",
        args![successor_id],
    )?;
    audit::append(
        tx,
        actor,
        &Change {
            action: "delete",
            entity: "indicator_link",
            entity_id: Some(successor_id),
            period: None,
            field: Some("predecessor"),
            old_value: Some(describe(&old)),
            new_value: None,
            reason: None,
        },
    )?;
    Ok(true)
}

/// A successor's name, plan target and target year.
#[derive(Debug, Clone, PartialEq)]
pub struct SuccessorTarget {
    pub name: String,
    pub target: Option<crate::model::Value>,
    pub target_year: Option<i32>,
}

/// The successors of a predecessor with their plan targets and target years (for the
/// 总结评估 report's 接续目标 column).
pub fn successor_targets(conn: &impl Sql, predecessor_id: i64) -> Result<Vec<SuccessorTarget>> {
    let rows = conn.query_map(
        "SELECT i.name, i.target_json, coalesce(t.target_year, p.target_year)
         FROM indicator_links l JOIN indicators i ON i.id = l.successor_id
         JOIN plan_tables t ON t.id = i.table_id JOIN plans p ON p.id = i.plan_id
         WHERE l.predecessor_id = ?1 ORDER BY i.id",
        args![predecessor_id],
        |r| {
            Ok((
                r.get::<String>(0)?,
                r.get::<Option<String>>(1)?,
                r.get::<Option<i32>>(2)?,
            ))
        },
    )?;
    let mut out = Vec::new();
    for row in rows {
        let (name, json, target_year) = row;
        let target = json.map(|j| serde_json::from_str(&j)).transpose()?;
        out.push(SuccessorTarget {
            name,
            target,
            target_year,
        });
    }
    Ok(out)
}
