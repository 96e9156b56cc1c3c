//! Plans and their tables.

use crate::args;
use crate::store::db::{Row, Sql, Write};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::indicators::IndicatorToSave;
use super::{Result, StoreError};
use crate::model::{Plan, PlanDraft, PlanTable, TableKind};

/// A table ready to be stored in its plan, with its rows in document order.
#[derive(Debug, Clone, PartialEq)]
pub struct TableToSave {
    pub title: String,
    pub kind: TableKind,
    pub baseline_year: Option<i32>,
    pub target_year: Option<i32>,
    pub start_line: Option<usize>,
    pub end_line: Option<usize>,
    pub indicators: Vec<IndicatorToSave>,
}

/// A plan with how many indicators it holds, by attribute. Counts cover the tables the plan
/// monitors (targets and regional breakdowns); rows of a completion review of the previous
/// plan are counted apart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanSummary {
    #[serde(flatten)]
    pub plan: Plan,
    pub table_count: u32,
    pub indicator_count: u32,
    /// 约束性
    pub binding_count: u32,
    /// 预期性
    pub expected_count: u32,
    /// 未标注
    pub unmarked_count: u32,
    /// Rows of 完成情况 (completion review) tables.
    pub review_count: u32,
}

const PLAN_COLUMNS: &str =
    "p.id, p.title, p.issuer, p.doc_number, p.issue_date, p.period_start, p.period_end, p.baseline_year, p.target_year";

fn plan_from_row(r: &Row) -> Result<Plan> {
    let date: Option<String> = r.get(4)?;
    Ok(Plan {
        id: r.get(0)?,
        title: r.get(1)?,
        issuer: r.get(2)?,
        doc_number: r.get(3)?,
        issue_date: date.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
        period_start: r.get(5)?,
        period_end: r.get(6)?,
        baseline_year: r.get(7)?,
        target_year: r.get(8)?,
    })
}

pub fn find_by_key(conn: &impl Sql, d: &PlanDraft) -> Result<Option<i64>> {
    conn.query_opt(
        "SELECT id FROM plans WHERE title = ?1 AND coalesce(doc_number, '') = coalesce(?2, '')",
        args![d.title, d.doc_number],
        |r| r.get(0),
    )
}

pub fn insert(tx: &impl Write, d: &PlanDraft, document_id: i64) -> Result<i64> {
    if d.title.trim().is_empty() {
        return Err(StoreError::Invalid("规划名称不能为空".into()));
    }
    let id: i64 = tx.query_scalar(
        "INSERT INTO plans(document_id, title, issuer, doc_number, issue_date, period_start, period_end, baseline_year, target_year)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
        args![
            document_id,
            d.title.trim(),
            d.issuer,
            d.doc_number,
            d.issue_date.map(|x| x.format("%Y-%m-%d").to_string()),
            d.period_start,
            d.period_end,
            d.baseline_year,
            d.target_year
        ],
    )?;
    Ok(id)
}

pub fn find_table(conn: &impl Sql, plan_id: i64, t: &TableToSave) -> Result<Option<i64>> {
    conn
        .query_opt(
            "SELECT id FROM plan_tables WHERE plan_id = ?1 AND title = ?2 AND kind = ?3
               AND coalesce(baseline_year, 0) = coalesce(?4, 0) AND coalesce(target_year, 0) = coalesce(?5, 0)",
            args![plan_id, t.title, t.kind.as_str(), t.baseline_year, t.target_year],
            |r| r.get(0),
        )
}

pub fn insert_table(tx: &impl Write, plan_id: i64, t: &TableToSave) -> Result<i64> {
    let id: i64 = tx.query_scalar(
        "INSERT INTO plan_tables(plan_id, position, title, kind, baseline_year, target_year, start_line, end_line)
         VALUES (?1, (SELECT coalesce(max(position), -1) + 1 FROM plan_tables WHERE plan_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
        args![
            plan_id,
            t.title,
            t.kind.as_str(),
            t.baseline_year,
            t.target_year,
            t.start_line.map(|x| x as i64),
            t.end_line.map(|x| x as i64)
        ],
    )?;
    Ok(id)
}

pub fn get(conn: &impl Sql, id: i64) -> Result<Plan> {
    conn.query_opt(
        &format!("SELECT {PLAN_COLUMNS} FROM plans p WHERE p.id = ?1"),
        args![id],
        plan_from_row,
    )?
    .ok_or(StoreError::NotFound { what: "规划", id })
}

/// The order of every plan list: newest period first.
const PLAN_ORDER: &str =
    "ORDER BY coalesce(p.target_year, 0) DESC, coalesce(p.issue_date, '') DESC, p.id";

/// All plans in [`list`]'s order, without the counts (which cost a pass over every
/// indicator).
pub fn all(conn: &impl Sql) -> Result<Vec<Plan>> {
    conn.query_map(
        &format!("SELECT {PLAN_COLUMNS} FROM plans p {PLAN_ORDER}"),
        args![],
        plan_from_row,
    )
}

/// All plans, newest period first, with indicator counts.
pub fn list(conn: &impl Sql) -> Result<Vec<PlanSummary>> {
    let sql = format!(
        "SELECT {PLAN_COLUMNS},
            (SELECT count(*) FROM plan_tables t WHERE t.plan_id = p.id),
            sum(CASE WHEN t.kind != 'completion_review' THEN 1 ELSE 0 END),
            sum(CASE WHEN t.kind != 'completion_review' AND i.attribute = '约束性' THEN 1 ELSE 0 END),
            sum(CASE WHEN t.kind != 'completion_review' AND i.attribute = '预期性' THEN 1 ELSE 0 END),
            sum(CASE WHEN t.kind != 'completion_review' AND i.attribute IS NULL THEN 1 ELSE 0 END),
            sum(CASE WHEN t.kind = 'completion_review' THEN 1 ELSE 0 END)
         FROM plans p
         LEFT JOIN indicators i ON i.plan_id = p.id
         LEFT JOIN plan_tables t ON t.id = i.table_id
         GROUP BY p.id
         {PLAN_ORDER}"
    );
    let rows = conn.query_map(&sql, args![], |r| {
        let n = |i: usize| -> Result<u32> { Ok(r.get::<Option<u32>>(i)?.unwrap_or(0)) };
        Ok(PlanSummary {
            plan: plan_from_row(r)?,
            table_count: n(9)?,
            indicator_count: n(10)?,
            binding_count: n(11)?,
            expected_count: n(12)?,
            unmarked_count: n(13)?,
            review_count: n(14)?,
        })
    })?;
    Ok(rows)
}

pub fn summary(conn: &impl Sql, id: i64) -> Result<PlanSummary> {
    list(conn)?
        .into_iter()
        .find(|s| s.plan.id == id)
        .ok_or(StoreError::NotFound { what: "规划", id })
}

/// The plan's tables in document order.
pub fn tables(conn: &impl Sql, plan_id: i64) -> Result<Vec<PlanTable>> {
    let rows = conn.query_map(
        "SELECT id, plan_id, title, kind, baseline_year, target_year FROM plan_tables
         WHERE plan_id = ?1 ORDER BY position",
        args![plan_id],
        |r| {
            let kind: String = r.get(3)?;
            Ok(PlanTable {
                id: r.get(0)?,
                plan_id: r.get(1)?,
                title: r.get(2)?,
                kind: TableKind::parse(&kind).unwrap_or(TableKind::Targets),
                baseline_year: r.get(4)?,
                target_year: r.get(5)?,
            })
        },
    )?;
    Ok(rows)
}
