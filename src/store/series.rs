//! Read-only loading of what evaluation needs: the monitored indicators of a plan (or of
//! every plan) with their observations, annual targets, latest target revision and the
//! plan period that applies to them. Completion-review tables (完成情况 of the previous plan)
//! are not monitored and are left out.

use std::collections::HashMap;

use crate::args;
use crate::store::db::Sql;

use super::{indicators, plans, Result};
use crate::eval::ObservedValue;
use crate::model::{Indicator, Period, Plan, TableKind, Value};
use crate::progress::QualStatus;

/// One indicator with everything needed to evaluate it.
#[derive(Debug, Clone)]
pub struct IndicatorSeries {
    pub indicator: Indicator,
    pub plan_id: i64,
    pub department: Option<String>,
    /// Baseline and target years: the table's when it states them, else the plan's.
    pub baseline_year: Option<i32>,
    pub target_year: Option<i32>,
    pub observations: Vec<ObservedValue>,
    pub annual_targets: Vec<(i32, f64)>,
    pub revised_target: Option<Value>,
}

/// A plan with its monitored indicators.
#[derive(Debug, Clone)]
pub struct PlanSeries {
    pub plan: Plan,
    pub indicators: Vec<IndicatorSeries>,
}

/// Loads one plan, or every plan when `plan_id` is `None` (newest first).
pub fn load(conn: &impl Sql, plan_id: Option<i64>) -> Result<Vec<PlanSeries>> {
    let plan_list: Vec<Plan> = match plan_id {
        Some(id) => vec![plans::get(conn, id)?],
        None => plans::list(conn)?.into_iter().map(|s| s.plan).collect(),
    };
    let departments = department_names(conn)?;
    let mut out = Vec::with_capacity(plan_list.len());
    for plan in plan_list {
        let tables = plans::tables(conn, plan.id)?;
        let mut observations = observations_of_plan(conn, plan.id)?;
        let mut annual = annual_targets_of_plan(conn, plan.id)?;
        let mut revised = revisions_of_plan(conn, plan.id)?;
        let mut list = Vec::new();
        for ind in indicators::of_plan(conn, plan.id)? {
            let Some(table) = tables.iter().find(|t| t.id == ind.table_id) else {
                continue;
            };
            if table.kind == TableKind::CompletionReview {
                continue;
            }
            list.push(IndicatorSeries {
                plan_id: plan.id,
                department: ind
                    .lead_department_id
                    .and_then(|d| departments.get(&d).cloned()),
                baseline_year: table.baseline_year.or(plan.baseline_year),
                target_year: table.target_year.or(plan.target_year),
                observations: observations.remove(&ind.id).unwrap_or_default(),
                annual_targets: annual.remove(&ind.id).unwrap_or_default(),
                revised_target: revised.remove(&ind.id),
                indicator: ind,
            });
        }
        out.push(PlanSeries {
            plan,
            indicators: list,
        });
    }
    Ok(out)
}

fn department_names(conn: &impl Sql) -> Result<HashMap<i64, String>> {
    let rows = conn.query_map("SELECT id, name FROM departments", args![], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    Ok(rows.into_iter().collect())
}

fn observations_of_plan(conn: &impl Sql, plan_id: i64) -> Result<HashMap<i64, Vec<ObservedValue>>> {
    let rows = conn.query_map(
        "SELECT o.indicator_id, o.period, o.value, o.status FROM observations o
         JOIN indicators i ON i.id = o.indicator_id WHERE i.plan_id = ?1",
        args![plan_id],
        |r| {
            Ok((
                r.get::<i64>(0)?,
                r.get::<String>(1)?,
                r.get::<Option<f64>>(2)?,
                r.get::<Option<String>>(3)?,
            ))
        },
    )?;
    let mut out: HashMap<i64, Vec<ObservedValue>> = HashMap::new();
    for row in rows {
        let (id, period, value, status) = row;
        // The CHECK constraint admits only well-formed periods.
        let Ok(period) = period.parse::<Period>() else {
            continue;
        };
        let status = status.as_deref().and_then(QualStatus::parse);
        out.entry(id).or_default().push(ObservedValue {
            period,
            value,
            status,
        });
    }
    Ok(out)
}

fn annual_targets_of_plan(conn: &impl Sql, plan_id: i64) -> Result<HashMap<i64, Vec<(i32, f64)>>> {
    let rows = conn.query_map(
        "SELECT a.indicator_id, a.year, a.value FROM annual_targets a
         JOIN indicators i ON i.id = a.indicator_id WHERE i.plan_id = ?1 ORDER BY a.year",
        args![plan_id],
        |r| Ok((r.get::<i64>(0)?, r.get::<i32>(1)?, r.get::<f64>(2)?)),
    )?;
    let mut out: HashMap<i64, Vec<(i32, f64)>> = HashMap::new();
    for row in rows {
        let (id, year, value) = row;
        out.entry(id).or_default().push((year, value));
    }
    Ok(out)
}

/// The latest revision per indicator (latest effective date, then latest entry).
fn revisions_of_plan(conn: &impl Sql, plan_id: i64) -> Result<HashMap<i64, Value>> {
    let rows = conn.query_map(
        "SELECT t.indicator_id, t.target_json FROM target_revisions t
         JOIN indicators i ON i.id = t.indicator_id WHERE i.plan_id = ?1
         ORDER BY t.indicator_id, t.effective_date, t.id",
        args![plan_id],
        |r| Ok((r.get::<i64>(0)?, r.get::<String>(1)?)),
    )?;
    let mut out = HashMap::new();
    for row in rows {
        let (id, json) = row;
        out.insert(id, serde_json::from_str(&json)?);
    }
    Ok(out)
}
