//! Indicators: insert on import, read, edit with a per-field audit trail, lead and
//! supporting departments.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::audit::{self, Actor, Change};
use super::{departments, Result, StoreError};
use crate::model::{Attribute, Department, Direction, Indicator, IndicatorDraft, Value};

/// An indicator ready to be stored (as extracted, or as edited in the import wizard).
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorToSave {
    pub draft: IndicatorDraft,
    /// Chosen in the wizard; when absent, `draft.lead_department` (a name) is looked up or
    /// created.
    pub lead_department_id: Option<i64>,
    pub flow: bool,
}

/// The fields a user may edit after import. Every field is sent; only changed ones are
/// written and audited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct IndicatorUpdate {
    pub name: String,
    pub unit: Option<String>,
    pub attribute: Option<Attribute>,
    pub direction: Direction,
    pub category: Option<String>,
    pub flow: bool,
    pub note: Option<String>,
    #[ts(type = "number | null")]
    pub lead_department_id: Option<i64>,
}

const COLUMNS: &str =
    "i.id, i.plan_id, i.table_id, i.position, i.seq, i.category, i.grp, i.parent, i.name, i.unit,
     i.region, i.attribute, i.direction, i.baseline_json, i.target_json, i.actual_json, i.note,
     i.flow, i.lead_department_id,
     (SELECT d.name FROM departments d WHERE d.id = i.lead_department_id)";

fn json_value(r: &Row, i: usize) -> rusqlite::Result<Option<Value>> {
    let s: Option<String> = r.get(i)?;
    s.map(|s| {
        serde_json::from_str(&s).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
        })
    })
    .transpose()
}

fn from_row(r: &Row) -> rusqlite::Result<Indicator> {
    let attribute: Option<String> = r.get(11)?;
    let direction: String = r.get(12)?;
    Ok(Indicator {
        id: r.get(0)?,
        plan_id: r.get(1)?,
        table_id: r.get(2)?,
        position: r.get(3)?,
        draft: IndicatorDraft {
            seq: r.get(4)?,
            category: r.get(5)?,
            group: r.get(6)?,
            parent: r.get(7)?,
            name: r.get(8)?,
            unit: r.get(9)?,
            region: r.get(10)?,
            attribute: attribute.as_deref().and_then(Attribute::parse),
            direction: Direction::parse(&direction).unwrap_or(Direction::Unknown),
            baseline: json_value(r, 13)?,
            target: json_value(r, 14)?,
            actual: json_value(r, 15)?,
            note: r.get(16)?,
            lead_department: r.get(19)?,
        },
        flow: r.get(17)?,
        lead_department_id: r.get(18)?,
    })
}

fn to_json(v: &Option<Value>) -> Result<Option<String>> {
    Ok(v.as_ref().map(serde_json::to_string).transpose()?)
}

fn non_blank(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Inserts one imported row at `position` of its table. Import itself is audited per plan
/// by the caller; a department created here on the way is audited by `departments`.
pub fn insert(
    tx: &Transaction,
    actor: &Actor,
    plan_id: i64,
    table_id: i64,
    position: usize,
    ind: &IndicatorToSave,
) -> Result<i64> {
    let d = &ind.draft;
    if d.name.trim().is_empty() {
        return Err(StoreError::Invalid(format!(
            "第 {} 行指标名称为空，请填写或删除该行",
            position + 1
        )));
    }
    let lead = match (ind.lead_department_id, non_blank(&d.lead_department)) {
        (Some(id), _) => Some(departments::get(tx, id)?.id),
        (None, Some(name)) => Some(departments::find_or_create(tx, actor, &name)?.id),
        (None, None) => None,
    };
    tx.execute(
        "INSERT INTO indicators(plan_id, table_id, position, seq, category, grp, parent, name, unit, region,
             attribute, direction, baseline_json, target_json, actual_json, note, flow, lead_department_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
        params![
            plan_id,
            table_id,
            position as i64,
            d.seq,
            d.category,
            d.group,
            d.parent,
            d.name.trim(),
            d.unit,
            d.region,
            d.attribute.map(Attribute::as_str),
            d.direction.as_str(),
            to_json(&d.baseline)?,
            to_json(&d.target)?,
            to_json(&d.actual)?,
            d.note,
            ind.flow,
            lead
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn get(conn: &Connection, id: i64) -> Result<Indicator> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM indicators i WHERE i.id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound { what: "指标", id })
}

/// A plan's indicators in table order, then row order.
pub fn of_plan(conn: &Connection, plan_id: i64) -> Result<Vec<Indicator>> {
    of_plans(conn, Some(plan_id))
}

/// The indicators of one plan, or of every plan when `plan_id` is `None`, in one query:
/// by plan, then table order, then row order (evaluating a province's 50 000 indicators
/// plan by plan cost a query per plan).
pub fn of_plans(conn: &Connection, plan_id: Option<i64>) -> Result<Vec<Indicator>> {
    let mut st = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM indicators i JOIN plan_tables t ON t.id = i.table_id
         WHERE ?1 IS NULL OR i.plan_id = ?1
         ORDER BY i.plan_id, t.position, i.position"
    ))?;
    let rows = st.query_map([plan_id], from_row)?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}

/// Supporting departments of an indicator, by name.
pub fn supporting(conn: &Connection, indicator_id: i64) -> Result<Vec<Department>> {
    let mut st = conn.prepare(
        "SELECT d.id, d.name FROM indicator_support s JOIN departments d ON d.id = s.department_id
         WHERE s.indicator_id = ?1 ORDER BY d.name",
    )?;
    let rows = st.query_map([indicator_id], |r| {
        Ok(Department {
            id: r.get(0)?,
            name: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}

fn department_name(conn: &Connection, id: Option<i64>) -> Result<Option<String>> {
    id.map(|id| departments::get(conn, id).map(|d| d.name))
        .transpose()
}

/// Applies `u` to indicator `id`, one audit entry per changed field (old → new).
pub fn update(tx: &Transaction, actor: &Actor, id: i64, u: &IndicatorUpdate) -> Result<Indicator> {
    let old = get(tx, id)?;
    let name = u.name.trim().to_string();
    if name.is_empty() {
        return Err(StoreError::Invalid("指标名称不能为空".into()));
    }
    let new_lead_name = department_name(tx, u.lead_department_id)?;
    let text = |s: &Option<String>| non_blank(s);
    let changes: Vec<(&str, Option<String>, Option<String>)> = vec![
        ("name", Some(old.draft.name.clone()), Some(name.clone())),
        ("unit", old.draft.unit.clone(), text(&u.unit)),
        (
            "attribute",
            old.draft.attribute.map(|a| a.as_str().to_string()),
            u.attribute.map(|a| a.as_str().to_string()),
        ),
        (
            "direction",
            Some(old.draft.direction.as_str().to_string()),
            Some(u.direction.as_str().to_string()),
        ),
        ("category", old.draft.category.clone(), text(&u.category)),
        ("flow", Some(old.flow.to_string()), Some(u.flow.to_string())),
        ("note", old.draft.note.clone(), text(&u.note)),
        (
            "lead_department",
            department_name(tx, old.lead_department_id)?,
            new_lead_name,
        ),
    ];
    tx.execute(
        "UPDATE indicators SET name = ?1, unit = ?2, attribute = ?3, direction = ?4, category = ?5,
             flow = ?6, note = ?7, lead_department_id = ?8 WHERE id = ?9",
        params![
            name,
            text(&u.unit),
            u.attribute.map(Attribute::as_str),
            u.direction.as_str(),
            text(&u.category),
            u.flow,
            text(&u.note),
            u.lead_department_id,
            id
        ],
    )?;
    for (field, old_value, new_value) in changes.into_iter().filter(|(_, o, n)| o != n) {
        audit::append(
            tx,
            actor,
            &Change {
                action: "update",
                entity: "indicator",
                entity_id: Some(id),
                field: Some(field),
                old_value,
                new_value,
                ..Change::default()
            },
        )?;
    }
    get(tx, id)
}

/// Sets the one lead department (or none).
pub fn set_lead(
    tx: &Transaction,
    actor: &Actor,
    id: i64,
    department_id: Option<i64>,
) -> Result<()> {
    let old = get(tx, id)?;
    if old.lead_department_id == department_id {
        return Ok(());
    }
    let old_name = department_name(tx, old.lead_department_id)?;
    let new_name = department_name(tx, department_id)?;
    tx.execute(
        "UPDATE indicators SET lead_department_id = ?1 WHERE id = ?2",
        params![department_id, id],
    )?;
    audit::append(
        tx,
        actor,
        &Change {
            action: "update",
            entity: "indicator",
            entity_id: Some(id),
            field: Some("lead_department"),
            old_value: old_name,
            new_value: new_name,
            ..Change::default()
        },
    )
}

/// Replaces the supporting (配合) departments of an indicator.
pub fn set_supporting(
    tx: &Transaction,
    actor: &Actor,
    id: i64,
    department_ids: &[i64],
) -> Result<()> {
    get(tx, id)?;
    let names = |ds: &[Department]| {
        ds.iter()
            .map(|d| d.name.as_str())
            .collect::<Vec<_>>()
            .join("、")
    };
    let old = supporting(tx, id)?;
    tx.execute(
        "DELETE FROM indicator_support WHERE indicator_id = ?1",
        [id],
    )?;
    for &d in department_ids {
        departments::get(tx, d)?;
        tx.execute(
            "INSERT OR IGNORE INTO indicator_support(indicator_id, department_id) VALUES (?1, ?2)",
            params![id, d],
        )?;
    }
    let new = supporting(tx, id)?;
    if old != new {
        audit::append(
            tx,
            actor,
            &Change {
                action: "update",
                entity: "indicator",
                entity_id: Some(id),
                field: Some("supporting_departments"),
                old_value: Some(names(&old)),
                new_value: Some(names(&new)),
                ..Change::default()
            },
        )?;
    }
    Ok(())
}
