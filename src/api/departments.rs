//! Department use cases: list, create, rename, delete while unused, and assigning
//! indicators (one lead department, any number of supporting ones).

use crate::store::{Database, Sql, Write};

use super::plans::{indicator_view, IndicatorView};
use super::ApiError;
use crate::model::Department;
use crate::store::{departments, indicators, Actor, StoreError};

pub use crate::store::departments::DepartmentSummary;

/// Runs `f` in one transaction, committed only when it succeeds.
fn write<D: Database, T>(
    conn: &mut D,
    f: impl FnOnce(&D::Tx<'_>) -> Result<T, StoreError>,
) -> Result<T, ApiError> {
    let tx = conn.transaction()?;
    let out = f(&tx)?;
    tx.commit()?;
    Ok(out)
}

pub fn list_departments(conn: &impl Sql) -> Result<Vec<DepartmentSummary>, ApiError> {
    Ok(departments::list(conn)?)
}

pub fn create_department(
    conn: &mut impl Database,
    actor: &Actor,
    name: &str,
) -> Result<Department, ApiError> {
    write(conn, |tx| departments::create(tx, actor, name))
}

pub fn rename_department(
    conn: &mut impl Database,
    actor: &Actor,
    department_id: i64,
    name: &str,
) -> Result<Department, ApiError> {
    write(conn, |tx| {
        departments::rename(tx, actor, department_id, name)
    })
}

/// Refused with `Conflict` while an indicator, user or submission still refers to it.
pub fn delete_department(
    conn: &mut impl Database,
    actor: &Actor,
    department_id: i64,
) -> Result<(), ApiError> {
    write(conn, |tx| departments::delete(tx, actor, department_id))
}

/// Sets the lead department (`None` clears it) and replaces the supporting ones. The lead
/// department is never also listed as supporting.
pub fn assign_departments(
    conn: &mut impl Database,
    actor: &Actor,
    indicator_id: i64,
    lead_department_id: Option<i64>,
    supporting_department_ids: &[i64],
) -> Result<IndicatorView, ApiError> {
    let supporting: Vec<i64> = supporting_department_ids
        .iter()
        .copied()
        .filter(|&d| Some(d) != lead_department_id)
        .collect();
    write(conn, |tx| {
        if let Some(d) = lead_department_id {
            departments::get(tx, d)?;
        }
        indicators::set_lead(tx, actor, indicator_id, lead_department_id)?;
        indicators::set_supporting(tx, actor, indicator_id, &supporting)
    })?;
    indicator_view(conn, indicators::get(conn, indicator_id)?)
}

/// Sets one lead department for many indicators at once (the department screen's
/// "assign indicators").
pub fn assign_lead(
    conn: &mut impl Database,
    actor: &Actor,
    department_id: Option<i64>,
    indicator_ids: &[i64],
) -> Result<(), ApiError> {
    write(conn, |tx| {
        if let Some(d) = department_id {
            departments::get(tx, d)?;
        }
        for &id in indicator_ids {
            indicators::set_lead(tx, actor, id, department_id)?;
        }
        Ok(())
    })
}
