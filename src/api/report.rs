//! Reports: quarterly and annual monitoring reports and the completion review (总结评估)
//! of a finished plan, as A4 PDF. Built from the store, the evaluation and the charts;
//! laid out by [`crate::report`].

mod build;
mod charts;
mod feasibility;
pub(crate) mod format;
pub(crate) mod scope;

use crate::store::Sql;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{settings, ApiError, ErrorCode};
use crate::model::Period;
use crate::report::{self, ReportData, ReportKind};
use crate::store::departments;
use crate::store::measures::{self, Measures};

pub use build::current_text;
pub use scope::{Scope, ScopedPlan, ScopedRow};

/// A report to produce.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReportRequest {
    /// `2025Q3` for a quarter, `2025` for a year.
    pub period: Period,
    #[ts(type = "number | null")]
    pub plan_id: Option<i64>,
    #[ts(type = "number | null")]
    pub department_id: Option<i64>,
    /// `quarterly`, `annual` or `completion`; chosen from the period when absent.
    pub kind: Option<String>,
    /// Date printed on the report (YYYY-MM-DD); today when absent. Fixing it makes the PDF
    /// byte-identical for the same data.
    #[ts(type = "string | null")]
    pub date: Option<NaiveDate>,
    /// Leave the charts out (faster preview).
    #[serde(default)]
    pub without_charts: bool,
}

impl ReportRequest {
    pub fn new(period: Period) -> Self {
        ReportRequest {
            period,
            plan_id: None,
            department_id: None,
            kind: None,
            date: None,
            without_charts: false,
        }
    }

    pub fn scope(&self) -> Result<Scope, ApiError> {
        let kind = match self.kind.as_deref() {
            None | Some("") => match self.period {
                Period::Quarter(..) => ReportKind::Quarterly,
                Period::Year(_) => ReportKind::Annual,
            },
            Some(k) => ReportKind::parse(k).ok_or_else(|| {
                ApiError::new(
                    ErrorCode::InvalidInput,
                    format!("未知的报告类型“{k}”：应为 quarterly（季度）、annual（年度）或 completion（总结评估）"),
                )
            })?,
        };
        match (kind, self.period) {
            (ReportKind::Quarterly, Period::Year(y)) => Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!("季度报告需要季度期间（如 {y}Q3），而不是 {y}"),
            )),
            (ReportKind::Annual | ReportKind::Completion, Period::Quarter(y, _)) => {
                Err(ApiError::new(
                    ErrorCode::InvalidInput,
                    format!("年度报告和总结评估需要年份期间（如 {y}）"),
                ))
            }
            _ => Ok(Scope {
                period: self.period,
                plan_id: self.plan_id,
                department_id: self.department_id,
                kind,
            }),
        }
    }
}

/// What a report is made from, read from the database. Building and rendering it
/// ([`ReportSource::pdf`]) needs no database, so callers release the connection first.
pub struct ReportSource {
    scope: Scope,
    plans: Vec<ScopedPlan>,
    notes: Vec<Measures>,
    department: Option<String>,
    date: NaiveDate,
    without_charts: bool,
    /// 目标可行性 lines (annual reports of plans that continue an earlier one).
    feasibility: Vec<crate::report::FeasibilityLine>,
}

/// Reads what the report needs; the date is the request's, else [`settings::today`].
pub fn report_source(conn: &impl Sql, req: &ReportRequest) -> Result<ReportSource, ApiError> {
    let scope = req.scope()?;
    let plans = scope::load(conn, &scope)?;
    let notes = measures::for_period(conn, &scope.period.to_string())?;
    let department = match scope.department_id {
        Some(id) => Some(departments::get(conn, id)?.name),
        None => None,
    };
    let date = match req.date {
        Some(d) => d,
        None => settings::today(conn)?.date,
    };
    let feasibility = match scope.kind {
        ReportKind::Annual => feasibility::lines(conn, &plans)?,
        _ => Vec::new(),
    };
    Ok(ReportSource {
        scope,
        plans,
        notes,
        department,
        date,
        without_charts: req.without_charts,
        feasibility,
    })
}

impl ReportSource {
    /// The report's content, without laying it out.
    pub fn data(&self) -> ReportData {
        let mut data = build::report_data(
            &self.plans,
            &self.notes,
            &self.scope,
            self.department.as_deref(),
            self.date,
        );
        data.feasibility = self.feasibility.clone();
        if !self.without_charts {
            data.charts = charts::charts(&self.plans, self.scope.period);
        }
        data
    }

    /// The report as PDF bytes.
    pub fn pdf(&self) -> Result<Vec<u8>, ApiError> {
        report::render_pdf(&self.data(), ymd(self.date)).map_err(|e| {
            tracing::error!(error = %e, "report rendering failed");
            ApiError::new(ErrorCode::Internal, e.to_string())
        })
    }
}

/// The report's content, without laying it out.
pub fn report_data(conn: &impl Sql, req: &ReportRequest) -> Result<ReportData, ApiError> {
    Ok(report_source(conn, req)?.data())
}

fn ymd(date: NaiveDate) -> (i32, u8, u8) {
    (date.year(), date.month() as u8, date.day() as u8)
}

/// The report as PDF bytes.
pub fn report_pdf(conn: &impl Sql, req: &ReportRequest) -> Result<Vec<u8>, ApiError> {
    report_source(conn, req)?.pdf()
}
