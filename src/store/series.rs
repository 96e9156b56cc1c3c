//! Read-only loading of what evaluation needs: the monitored indicators of a plan (or of
//! every plan) with their observations, annual targets, latest target revision and the
//! plan period that applies to them. Completion-review tables (完成情况 of the previous plan)
//! are not monitored and are left out.

use std::collections::HashMap;

use crate::args;
use crate::store::db::{Sql, Value as DbValue};

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

/// Loads one plan, or every plan when `plan_id` is `None` (newest first). One query per
/// kind of row for all the plans: a province's 1 400 plans plan by plan took a second.
pub fn load(conn: &impl Sql, plan_id: Option<i64>) -> Result<Vec<PlanSeries>> {
    let plan_list: Vec<Plan> = match plan_id {
        Some(id) => vec![plans::get(conn, id)?],
        None => plans::all(conn)?,
    };
    let departments = department_names(conn)?;
    let tables = tables_of(conn, plan_id)?;
    let mut observations = observations_of(conn, plan_id)?;
    let mut annual = annual_targets_of(conn, plan_id)?;
    let mut revised = revisions_of(conn, plan_id)?;
    let mut by_plan: HashMap<i64, Vec<IndicatorSeries>> = HashMap::new();
    let plan_years: HashMap<i64, (Option<i32>, Option<i32>)> = plan_list
        .iter()
        .map(|p| (p.id, (p.baseline_year, p.target_year)))
        .collect();
    for ind in indicators::of_plans(conn, plan_id)? {
        let Some(table) = tables.get(&ind.table_id) else {
            continue;
        };
        if table.kind == TableKind::CompletionReview {
            continue;
        }
        let (plan_baseline, plan_target) =
            plan_years.get(&ind.plan_id).copied().unwrap_or_default();
        by_plan
            .entry(ind.plan_id)
            .or_default()
            .push(IndicatorSeries {
                plan_id: ind.plan_id,
                department: ind
                    .lead_department_id
                    .and_then(|d| departments.get(&d).cloned()),
                baseline_year: table.baseline_year.or(plan_baseline),
                target_year: table.target_year.or(plan_target),
                observations: observations.remove(&ind.id).unwrap_or_default(),
                annual_targets: annual.remove(&ind.id).unwrap_or_default(),
                revised_target: revised.remove(&ind.id),
                indicator: ind,
            });
    }
    Ok(plan_list
        .into_iter()
        .map(|plan| PlanSeries {
            indicators: by_plan.remove(&plan.id).unwrap_or_default(),
            plan,
        })
        .collect())
}

/// A plan of a selection and the periods that hold a value or a status for its monitored
/// indicators (of the department, when one is given).
#[derive(Debug, Clone)]
pub struct PlanPeriods {
    pub plan: Plan,
    pub periods: Vec<Period>,
}

/// The plans that have monitored indicators in the selection, with their periods that hold
/// data: what a period picker needs, without reading every value (a province's million).
pub fn periods_with_data(
    conn: &impl Sql,
    plan_id: Option<i64>,
    department_id: Option<i64>,
) -> Result<Vec<PlanPeriods>> {
    let plan_list: Vec<Plan> = match plan_id {
        Some(id) => vec![plans::get(conn, id)?],
        None => plans::all(conn)?,
    };
    // The department's monitored indicators (completion-review tables are not monitored).
    let selection = "JOIN plan_tables t ON t.id = i.table_id
         WHERE t.kind != 'completion_review'
           AND (CAST(?1 AS BIGINT) IS NULL OR i.plan_id = ?1)
           AND (CAST(?2 AS BIGINT) IS NULL OR i.lead_department_id = ?2)";
    let mut with_indicators = std::collections::HashSet::new();
    for id in conn.query_map(
        &format!("SELECT DISTINCT i.plan_id FROM indicators i {selection}"),
        args![plan_id, department_id],
        |r| r.get::<i64>(0),
    )? {
        with_indicators.insert(id);
    }
    let mut periods: HashMap<i64, Vec<Period>> = HashMap::new();
    let rows = conn.query_rows(
        &format!(
            "SELECT DISTINCT i.plan_id, o.period FROM indicators i
         JOIN observations o ON o.indicator_id = i.id
             AND (o.value IS NOT NULL OR o.status IS NOT NULL)
         {selection}"
        ),
        args![plan_id, department_id],
    )?;
    for r in &rows {
        if let Ok(p) = r.text(1).unwrap_or("").parse::<Period>() {
            periods.entry(r.get(0)?).or_default().push(p);
        }
    }
    Ok(plan_list
        .into_iter()
        .filter(|p| with_indicators.contains(&p.id))
        .map(|plan| PlanPeriods {
            periods: periods.remove(&plan.id).unwrap_or_default(),
            plan,
        })
        .collect())
}

/// [`periods_with_data`] of every plan (and of the department, when one is given) from series
/// already loaded with [`load`]`(conn, None)`: the same plans, the same periods (sorted).
pub fn periods_of_loaded(plans: &[PlanSeries], department_id: Option<i64>) -> Vec<PlanPeriods> {
    plans
        .iter()
        .filter_map(|p| {
            let mut with_indicators = false;
            let mut periods = std::collections::BTreeSet::new();
            for s in &p.indicators {
                if department_id.is_some() && s.indicator.lead_department_id != department_id {
                    continue;
                }
                with_indicators = true;
                periods.extend(
                    s.observations
                        .iter()
                        .filter(|o| o.value.is_some() || o.status.is_some())
                        .map(|o| o.period),
                );
            }
            with_indicators.then(|| PlanPeriods {
                plan: p.plan.clone(),
                periods: periods.into_iter().collect(),
            })
        })
        .collect()
}

fn department_names(conn: &impl Sql) -> Result<HashMap<i64, String>> {
    let rows = conn.query_map("SELECT id, name FROM departments", args![], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    Ok(rows.into_iter().collect())
}

/// The plan as the only parameter, or none (every plan).
fn plan_arg(plan_id: Option<i64>) -> Vec<DbValue> {
    plan_id.into_iter().map(DbValue::Int).collect()
}

struct TableYears {
    kind: TableKind,
    baseline_year: Option<i32>,
    target_year: Option<i32>,
}

fn tables_of(conn: &impl Sql, plan_id: Option<i64>) -> Result<HashMap<i64, TableYears>> {
    let sql = match plan_id {
        None => "SELECT id, kind, baseline_year, target_year FROM plan_tables",
        Some(_) => {
            "SELECT id, kind, baseline_year, target_year FROM plan_tables WHERE plan_id = ?1"
        }
    };
    let rows = conn.query_map(sql, &plan_arg(plan_id), |r| {
        let kind: String = r.get(1)?;
        Ok((
            r.get::<i64>(0)?,
            TableYears {
                kind: TableKind::parse(&kind).unwrap_or(TableKind::Targets),
                baseline_year: r.get(2)?,
                target_year: r.get(3)?,
            },
        ))
    })?;
    Ok(rows.into_iter().collect())
}

/// `sql` for every plan, or narrowed to one plan's indicators by joining them (a `?1 IS NULL
/// OR …` condition would keep SQLite from using the plan index: a full scan for one plan).
fn of_plans_sql(
    select: &str,
    table: &str,
    alias: &str,
    order: &str,
    plan_id: Option<i64>,
) -> String {
    match plan_id {
        None => format!("{select} FROM {table} {alias} {order}"),
        Some(_) => format!(
            "{select} FROM indicators i JOIN {table} {alias} ON {alias}.indicator_id = i.id
             WHERE i.plan_id = ?1 {order}"
        ),
    }
}

fn observations_of(
    conn: &impl Sql,
    plan_id: Option<i64>,
) -> Result<HashMap<i64, Vec<ObservedValue>>> {
    let sql = of_plans_sql(
        "SELECT o.indicator_id, o.period, o.value, o.status",
        "observations",
        "o",
        "",
        plan_id,
    );
    let mut out: HashMap<i64, Vec<ObservedValue>> = HashMap::new();
    // Streamed: a million rows are never held decoded at once.
    conn.for_each_row(&sql, &plan_arg(plan_id), &mut |r| {
        // Read in place: a million periods need no string of their own.
        let Ok(period) = r.text(1).unwrap_or("").parse::<Period>() else {
            return Ok(()); // the CHECK constraint admits only well-formed periods
        };
        let status = r.text(3).and_then(QualStatus::parse);
        out.entry(r.get(0)?).or_default().push(ObservedValue {
            period,
            value: r.get(2)?,
            status,
        });
        Ok(())
    })?;
    Ok(out)
}

fn annual_targets_of(
    conn: &impl Sql,
    plan_id: Option<i64>,
) -> Result<HashMap<i64, Vec<(i32, f64)>>> {
    let sql = of_plans_sql(
        "SELECT a.indicator_id, a.year, a.value",
        "annual_targets",
        "a",
        "ORDER BY a.indicator_id, a.year",
        plan_id,
    );
    let rows = conn.query_map(&sql, &plan_arg(plan_id), |r| {
        Ok((r.get::<i64>(0)?, r.get::<i32>(1)?, r.get::<f64>(2)?))
    })?;
    let mut out: HashMap<i64, Vec<(i32, f64)>> = HashMap::new();
    for row in rows {
        let (id, year, value) = row;
        out.entry(id).or_default().push((year, value));
    }
    Ok(out)
}

/// The latest revision per indicator (latest effective date, then latest entry).
fn revisions_of(conn: &impl Sql, plan_id: Option<i64>) -> Result<HashMap<i64, Value>> {
    let sql = of_plans_sql(
        "SELECT t.indicator_id, t.target_json",
        "target_revisions",
        "t",
        "ORDER BY t.indicator_id, t.effective_date, t.id",
        plan_id,
    );
    let rows = conn.query_map(&sql, &plan_arg(plan_id), |r| {
        Ok((r.get::<i64>(0)?, r.get::<String>(1)?))
    })?;
    let mut out = HashMap::new();
    for row in rows {
        let (id, json) = row;
        out.insert(id, serde_json::from_str(&json)?);
    }
    Ok(out)
}
