//! A corrected or re-issued gazette of a table already stored: what changes, and applying it
//! without losing recorded values. Incoming rows are matched to the stored indicators of the
//! table by name (spaces ignored) and region; a matched indicator keeps its id, and with it
//! its recorded values, annual targets, departments and successor links.

use std::collections::HashSet;

use crate::args;
use crate::store::db::{Sql, Write};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::audit::{self, Actor, Change};
use super::indicators::{self, IndicatorToSave};
use super::plans::TableToSave;
use super::Result;
use crate::model::{Attribute, Indicator, IndicatorDraft, Value};

/// One field of an indicator that the new document states differently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldChange {
    /// Chinese field name (目标值, 单位 …).
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChangedIndicator {
    #[ts(type = "number")]
    pub indicator_id: i64,
    pub name: String,
    pub changes: Vec<FieldChange>,
}

/// A stored indicator the new document no longer lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DroppedIndicator {
    #[ts(type = "number")]
    pub indicator_id: i64,
    pub name: String,
    /// Recorded values exist: the indicator is kept (nothing is lost); otherwise it is
    /// removed with the new document.
    pub kept_for_values: bool,
}

/// What importing the table again changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TableRevision {
    #[ts(type = "number")]
    pub table_id: i64,
    pub title: String,
    /// Names of the rows that are new.
    pub added: Vec<String>,
    pub changed: Vec<ChangedIndicator>,
    pub dropped: Vec<DroppedIndicator>,
    pub unchanged: u32,
}

impl TableRevision {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.dropped.is_empty()
    }
}

fn key(name: &str, region: &Option<String>) -> (String, String) {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    (
        squeeze(name),
        squeeze(region.as_deref().unwrap_or_default()),
    )
}

fn raw(v: &Option<Value>) -> Option<String> {
    v.as_ref().map(|v| v.raw.clone())
}

/// The fields a gazette states, as text for comparison and for the audit log. Direction,
/// departments, flow and notes are the monitoring office's own and are not touched.
fn stated(d: &IndicatorDraft) -> [(&'static str, Option<String>); 9] {
    [
        ("名称", Some(d.name.trim().to_string())),
        ("序号", d.seq.clone()),
        ("类别", d.category.clone()),
        ("分组", d.group.clone()),
        ("单位", d.unit.clone()),
        ("属性", d.attribute.map(|a| a.as_str().to_string())),
        ("基期值", raw(&d.baseline)),
        ("目标值", raw(&d.target)),
        ("完成值", raw(&d.actual)),
    ]
}

fn differences(old: &IndicatorDraft, new: &IndicatorDraft) -> Vec<FieldChange> {
    stated(old)
        .into_iter()
        .zip(stated(new))
        .filter(|((_, o), (_, n))| o != n)
        .map(|((field, old), (_, new))| FieldChange {
            field: field.to_string(),
            old,
            new,
        })
        .collect()
}

fn has_values(conn: &impl Sql, indicator_id: i64) -> Result<bool> {
    conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM observations WHERE indicator_id = ?1)",
        args![indicator_id],
        |r| r.get(0),
    )
}

fn stored_rows(conn: &impl Sql, table_id: i64) -> Result<Vec<Indicator>> {
    let plan_id: i64 = conn.query_row(
        "SELECT plan_id FROM plan_tables WHERE id = ?1",
        args![table_id],
        |r| r.get(0),
    )?;
    Ok(indicators::of_plan(conn, plan_id)?
        .into_iter()
        .filter(|i| i.table_id == table_id)
        .collect())
}

/// For each incoming row, the stored indicator it continues (each matched at most once).
fn matches(stored: &[Indicator], incoming: &TableToSave) -> Vec<Option<usize>> {
    let mut used = HashSet::new();
    incoming
        .indicators
        .iter()
        .map(|ind| {
            let k = key(&ind.draft.name, &ind.draft.region);
            let found = stored
                .iter()
                .enumerate()
                .find(|(i, s)| !used.contains(i) && key(&s.draft.name, &s.draft.region) == k)
                .map(|(i, _)| i);
            if let Some(i) = found {
                used.insert(i);
            }
            found
        })
        .collect()
}

/// What importing `incoming` over stored table `table_id` would change. Reads only.
pub fn revise(conn: &impl Sql, table_id: i64, incoming: &TableToSave) -> Result<TableRevision> {
    let stored = stored_rows(conn, table_id)?;
    let matched = matches(&stored, incoming);
    let mut rev = TableRevision {
        table_id,
        title: incoming.title.clone(),
        added: Vec::new(),
        changed: Vec::new(),
        dropped: Vec::new(),
        unchanged: 0,
    };
    for (ind, m) in incoming.indicators.iter().zip(&matched) {
        match m {
            None => rev.added.push(ind.draft.name.trim().to_string()),
            Some(i) => {
                let changes = differences(&stored[*i].draft, &ind.draft);
                if changes.is_empty() {
                    rev.unchanged += 1;
                } else {
                    rev.changed.push(ChangedIndicator {
                        indicator_id: stored[*i].id,
                        name: ind.draft.name.trim().to_string(),
                        changes,
                    });
                }
            }
        }
    }
    let continued: HashSet<usize> = matched.iter().flatten().copied().collect();
    for (i, s) in stored.iter().enumerate() {
        if !continued.contains(&i) {
            rev.dropped.push(DroppedIndicator {
                indicator_id: s.id,
                name: s.draft.name.clone(),
                kept_for_values: has_values(conn, s.id)?,
            });
        }
    }
    Ok(rev)
}

fn to_json(v: &Option<Value>) -> Result<Option<String>> {
    Ok(v.as_ref().map(serde_json::to_string).transpose()?)
}

/// Applies the new document to the stored table: continued indicators take the new
/// document's statements (each changed field audited, old → new), new rows are added,
/// rows no longer listed are removed unless values were recorded for them. Rows end in the
/// new document's order; kept ones follow.
pub fn apply(
    tx: &impl Write,
    actor: &Actor,
    plan_id: i64,
    table_id: i64,
    incoming: &TableToSave,
) -> Result<TableRevision> {
    let rev = revise(tx, table_id, incoming)?;
    let stored = stored_rows(tx, table_id)?;
    let matched = matches(&stored, incoming);
    // Free every position first: UNIQUE (table_id, position) holds at each statement.
    tx.execute(
        "UPDATE indicators SET position = -1 - position WHERE table_id = ?1",
        args![table_id],
    )?;
    for (pos, (ind, m)) in incoming.indicators.iter().zip(&matched).enumerate() {
        match m {
            None => {
                indicators::insert(tx, actor, plan_id, table_id, pos, ind)?;
            }
            Some(i) => continue_indicator(tx, actor, &stored[*i], pos, ind)?,
        }
    }
    let mut next = incoming.indicators.len();
    for d in &rev.dropped {
        if d.kept_for_values {
            tx.execute(
                "UPDATE indicators SET position = ?1 WHERE id = ?2",
                args![next as i64, d.indicator_id],
            )?;
            next += 1;
            continue;
        }
        tx.execute(
            "DELETE FROM indicators WHERE id = ?1",
            args![d.indicator_id],
        )?;
        audit::append(
            tx,
            actor,
            &Change {
                action: "reimport",
                entity: "indicator",
                entity_id: Some(d.indicator_id),
                old_value: Some(d.name.clone()),
                reason: Some("重新导入的文件中已无此指标"),
                ..Change::default()
            },
        )?;
    }
    Ok(rev)
}

fn continue_indicator(
    tx: &impl Write,
    actor: &Actor,
    old: &Indicator,
    position: usize,
    ind: &IndicatorToSave,
) -> Result<()> {
    let d = &ind.draft;
    tx.execute(
        "UPDATE indicators SET position = ?1, seq = ?2, category = ?3, grp = ?4, parent = ?5,
             name = ?6, unit = ?7, attribute = ?8, baseline_json = ?9, target_json = ?10,
             actual_json = ?11 WHERE id = ?12",
        args![
            position as i64,
            d.seq,
            d.category,
            d.group,
            d.parent,
            d.name.trim(),
            d.unit,
            d.attribute.map(Attribute::as_str),
            to_json(&d.baseline)?,
            to_json(&d.target)?,
            to_json(&d.actual)?,
            old.id
        ],
    )?;
    for c in differences(&old.draft, d) {
        audit::append(
            tx,
            actor,
            &Change {
                action: "reimport",
                entity: "indicator",
                entity_id: Some(old.id),
                field: Some(&c.field),
                old_value: c.old,
                new_value: c.new,
                reason: Some("按重新导入的文件更新"),
                ..Change::default()
            },
        )?;
    }
    Ok(())
}
