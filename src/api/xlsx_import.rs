//! Import of progress values from a filled-in export template: a dry-run preview first,
//! nothing stored until confirmed, and then through the same path as the entry grid.

use crate::store::{Database, Sql};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::progress::{save_observations, ObservationInput};
use super::report::format::number;
use super::session::authorize;
use super::{ApiError, ErrorCode};
use crate::auth::{permission, Session};
use crate::model::Period;
use crate::progress::is_qualitative;
use crate::progress::validation::{self, Entry, Facts, Severity};
use crate::store::{observations, submissions};
use crate::xlsx::{self, ImportedValue};

/// A row that will be stored on confirmation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AcceptedRow {
    /// Row number as Excel shows it.
    pub row: u32,
    #[ts(type = "number")]
    pub indicator_id: i64,
    pub name: String,
    /// The value stored now, if any.
    pub old_value: Option<String>,
    pub new_value: String,
    /// Needs-note issues (saved, but a note is needed before submission).
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RejectedRow {
    pub row: u32,
    #[ts(type = "number | null")]
    pub indicator_id: Option<i64>,
    pub name: String,
    /// Chinese, for the user.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct XlsxImportPreview {
    pub period: Period,
    pub accepted: Vec<AcceptedRow>,
    pub rejected: Vec<RejectedRow>,
    /// Indicator rows left empty (nothing to store).
    pub blank: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct XlsxImportOutcome {
    /// Whether the accepted rows were stored (all of them, or none).
    pub committed: bool,
    pub saved: u32,
    pub preview: XlsxImportPreview,
}

fn value_text(v: &ImportedValue) -> String {
    match v {
        ImportedValue::Number(t) => t.clone(),
        ImportedValue::Status(s) => s.as_str().to_string(),
    }
}

fn input(indicator_id: i64, period: Period, v: &ImportedValue) -> ObservationInput {
    ObservationInput {
        indicator_id,
        period,
        value: match v {
            ImportedValue::Number(t) => Some(t.clone()),
            ImportedValue::Status(_) => None,
        },
        status: match v {
            ImportedValue::Status(s) => Some(*s),
            ImportedValue::Number(_) => None,
        },
        evidence: None,
        note: None,
        source: Some("Excel 导入".to_string()),
        vintage: None,
        expected_version: None,
    }
}

/// Dry run: reads the file and checks every row as the entry grid would, storing nothing.
pub fn preview_xlsx_import(
    conn: &impl Sql,
    s: &Session,
    bytes: &[u8],
    period: Period,
) -> Result<XlsxImportPreview, ApiError> {
    let s = authorize(conn, s)?;
    let sheet = xlsx::read_filled_template(bytes)?;
    if let Some(p) = sheet.period.filter(|p| *p != period) {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!(
                "该文件是{}的填报模板，与所选期间{}不符",
                p.label_zh(),
                period.label_zh()
            ),
        ));
    }
    let mut preview = XlsxImportPreview {
        period,
        accepted: Vec::new(),
        rejected: sheet
            .rejected
            .into_iter()
            .map(|r| RejectedRow {
                row: r.row,
                indicator_id: r.indicator_id,
                name: r.name,
                reason: r.reason,
            })
            .collect(),
        blank: 0,
    };
    for row in sheet.rows {
        let reject = |reason: String| RejectedRow {
            row: row.row,
            indicator_id: Some(row.indicator_id),
            name: row.name.clone(),
            reason,
        };
        let ind = match submissions::scope_indicator(conn, row.indicator_id) {
            Ok(ind) => ind,
            Err(crate::store::StoreError::NotFound { .. }) => {
                preview.rejected.push(reject(format!(
                    "编号 {} 不是本数据库中的指标（模板可能来自其他数据库）",
                    row.indicator_id
                )));
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        if ind.name.trim() != row.name.trim() {
            preview.rejected.push(reject(format!(
                "指标名称“{}”与编号 {} 的指标“{}”不符：行可能错位或被改动",
                row.name, row.indicator_id, ind.name
            )));
            continue;
        }
        if let Err(denied) = permission::can_edit_values(&s, ind.lead_department_id) {
            preview.rejected.push(reject(denied.to_string()));
            continue;
        }
        let Some(value) = &row.value else {
            preview.blank += 1;
            continue;
        };
        let facts = Facts {
            name: &ind.name,
            unit: ind.unit.as_deref(),
            flow: ind.flow,
            qualitative: is_qualitative(ind.baseline.as_ref(), ind.target.as_ref()),
        };
        let text = value_text(value);
        let entry = Entry {
            value: matches!(value, ImportedValue::Number(_)).then_some(text.as_str()),
            status: match *value {
                ImportedValue::Status(st) => Some(st),
                ImportedValue::Number(_) => None,
            },
            evidence: None,
            note: None,
        };
        let others = observations::numbers_around(conn, ind.id, period.year())?;
        let checked = validation::check(&facts, period, &entry, &others);
        let (errors, warnings): (Vec<_>, Vec<_>) = checked
            .issues
            .into_iter()
            .partition(|i| i.severity == Severity::Error);
        if !errors.is_empty() {
            let msgs: Vec<String> = errors.into_iter().map(|i| i.message).collect();
            preview.rejected.push(reject(msgs.join("；")));
            continue;
        }
        let old_value =
            observations::get(conn, ind.id, period)?.and_then(|o| match (o.value, o.status) {
                (Some(v), _) => Some(number(v)),
                (None, Some(st)) => Some(st.as_str().to_string()),
                _ => None,
            });
        preview.accepted.push(AcceptedRow {
            row: row.row,
            indicator_id: ind.id,
            name: ind.name.clone(),
            old_value,
            new_value: text,
            warnings: warnings.into_iter().map(|i| i.message).collect(),
        });
    }
    preview.rejected.sort_by_key(|r| r.row);
    Ok(preview)
}

/// Stores the accepted rows of the preview through the entry grid's save (same rules,
/// same audit trail): all of them, or none if any is refused at that point.
pub fn confirm_xlsx_import(
    conn: &mut impl Database,
    s: &Session,
    bytes: &[u8],
    period: Period,
) -> Result<XlsxImportOutcome, ApiError> {
    let mut preview = preview_xlsx_import(conn, s, bytes, period)?;
    if preview.accepted.is_empty() {
        return Ok(XlsxImportOutcome {
            committed: false,
            saved: 0,
            preview,
        });
    }
    let sheet = xlsx::read_filled_template(bytes)?;
    let inputs: Vec<ObservationInput> = preview
        .accepted
        .iter()
        .filter_map(|a| sheet.rows.iter().find(|r| r.row == a.row))
        .filter_map(|r| r.value.as_ref().map(|v| input(r.indicator_id, period, v)))
        .collect();
    super::backup::before_import(conn)?;
    let outcome = save_observations(conn, s, &inputs)?;
    if !outcome.committed {
        for r in outcome.rows.iter().filter(|r| r.error.is_some()) {
            if let Some(a) = preview.accepted.get(r.index as usize) {
                preview.rejected.push(RejectedRow {
                    row: a.row,
                    indicator_id: Some(a.indicator_id),
                    name: a.name.clone(),
                    reason: r.error.clone().unwrap_or_default(),
                });
            }
        }
        preview.rejected.sort_by_key(|r| r.row);
    }
    let saved = if outcome.committed {
        inputs.len() as u32
    } else {
        0
    };
    Ok(XlsxImportOutcome {
        committed: outcome.committed,
        saved,
        preview,
    })
}
