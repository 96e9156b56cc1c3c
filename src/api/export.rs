//! Excel / CSV export of the indicator table with values and labels. Importing a filled-in
//! template lives in [`super::xlsx_import`].

use crate::store::Sql;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::report::scope::{self, Scope, ScopedRow};
use super::{ApiError, ErrorCode};
use crate::model::{Attribute, Period, Value, ValueKind};
use crate::report::ReportKind;
use crate::xlsx::{self, CellValue, ExportRow, ExportTable, XlsxError};

/// Which indicators to export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportRequest {
    pub period: Period,
    #[ts(type = "number | null")]
    pub plan_id: Option<i64>,
    #[ts(type = "number | null")]
    pub department_id: Option<i64>,
}

impl From<XlsxError> for ApiError {
    fn from(e: XlsxError) -> Self {
        let code = match e {
            XlsxError::Write(_) | XlsxError::Csv(_) => ErrorCode::Internal,
            _ => ErrorCode::InvalidInput,
        };
        ApiError::new(code, e.to_string())
    }
}

/// A plain number stays a number in Excel; anything with a qualifier or words stays text.
fn cell(v: Option<&Value>) -> CellValue {
    match v {
        None => CellValue::Empty,
        Some(v) if v.is_missing() => CellValue::Empty,
        Some(v) => match (v.kind, v.value, v.qualifier, v.cumulative) {
            (ValueKind::Number, Some(n), None, false) => CellValue::Number(n),
            _ => CellValue::Text(v.raw.clone()),
        },
    }
}

fn export_row(r: &ScopedRow, period: Period) -> ExportRow {
    let ind = &r.series.indicator;
    let current = match r.observed_at(period) {
        Some(o) => match (o.value, o.status) {
            (Some(v), _) => CellValue::Number(v),
            (None, Some(s)) => CellValue::Text(s.as_str().to_string()),
            _ => CellValue::Empty,
        },
        None => CellValue::Empty,
    };
    ExportRow {
        id: ind.id,
        seq: ind.draft.seq.clone().unwrap_or_default(),
        category: ind.draft.category.clone().unwrap_or_default(),
        name: ind.draft.name.clone(),
        unit: ind.draft.unit.clone().unwrap_or_default(),
        attribute: ind
            .draft
            .attribute
            .map_or("", Attribute::as_str)
            .to_string(),
        baseline: cell(ind.draft.baseline.as_ref()),
        target: cell(
            r.series
                .revised_target
                .as_ref()
                .or(ind.draft.target.as_ref()),
        ),
        current,
        completion: r.status.completion,
        schedule: r.status.expected,
        status: r.status.label.as_zh().to_string(),
        department: r.series.department.clone().unwrap_or_default(),
    }
}

/// The table to export: the monitored indicators of the scope at the period.
pub fn export_table(conn: &impl Sql, req: &ExportRequest) -> Result<ExportTable, ApiError> {
    let kind = match req.period {
        Period::Quarter(..) => ReportKind::Quarterly,
        Period::Year(_) => ReportKind::Annual,
    };
    let scope = Scope {
        period: req.period,
        plan_id: req.plan_id,
        department_id: req.department_id,
        kind,
    };
    let plans = scope::load(conn, &scope)?;
    let names: Vec<String> = plans
        .iter()
        .filter_map(|p| super::report::format::plan_period_name(&p.plan))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let prefix = if names.is_empty() {
        String::new()
    } else {
        format!("“{}”", names.join("”“"))
    };
    Ok(ExportTable {
        title: format!("{prefix}规划主要指标监测表（{}）", req.period.label_zh()),
        period: req.period,
        rows: plans
            .iter()
            .flat_map(|p| p.rows.iter())
            .map(|r| export_row(r, req.period))
            .collect(),
    })
}

pub fn export_xlsx(conn: &impl Sql, req: &ExportRequest) -> Result<Vec<u8>, ApiError> {
    Ok(xlsx::write_xlsx(&export_table(conn, req)?)?)
}

pub fn export_csv(conn: &impl Sql, req: &ExportRequest) -> Result<Vec<u8>, ApiError> {
    Ok(xlsx::write_csv(&export_table(conn, req)?)?)
}
