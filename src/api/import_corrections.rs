//! What a person corrected in the import wizard, carried with the commit and written to the
//! audit log as the import's provenance: a reader of the log can tell which rows the importer
//! read and which a person made, and from which lines of the document.

use crate::store::Write;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ApiError;
use crate::import::ColumnChoice;
use crate::store::audit::{self, Actor, Change};

/// One correction. Keys are the preview's (`p0/t1`, `p0/t1/r5`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportCorrection {
    /// Lines `first..=last` marked as a table the importer missed, read with these roles.
    ManualTable {
        table_key: String,
        first: usize,
        last: usize,
        header_rows: usize,
        columns: Vec<ColumnChoice>,
    },
    /// A row typed in by hand.
    RowAdded { table_key: String, row_key: String },
    /// Rows a page break had split, joined into the first.
    RowsMerged {
        table_key: String,
        row_keys: Vec<String>,
    },
    /// A row holding several indicators (`≤0.7/≤1.8`), split into `into`.
    RowSplit {
        table_key: String,
        row_key: String,
        into: Vec<String>,
    },
    /// The category set for a block of rows at once.
    CategorySet {
        table_key: String,
        row_keys: Vec<String>,
        category: String,
    },
}

impl ImportCorrection {
    /// One Chinese line for the log's reason column.
    pub fn describe(&self) -> String {
        match self {
            ImportCorrection::ManualTable {
                table_key,
                first,
                last,
                columns,
                ..
            } => {
                let roles: Vec<&str> = columns.iter().map(|c| c.role.label()).collect();
                format!(
                    "{table_key}：第 {first}–{last} 行由人工指定为指标表（列：{}）",
                    roles.join("、")
                )
            }
            ImportCorrection::RowAdded { row_key, .. } => format!("{row_key}：人工添加一行"),
            ImportCorrection::RowsMerged { row_keys, .. } => {
                format!("{}：人工合并为一行", row_keys.join("+"))
            }
            ImportCorrection::RowSplit { row_key, into, .. } => {
                format!("{row_key}：人工拆分为 {} 行", into.len())
            }
            ImportCorrection::CategorySet {
                row_keys, category, ..
            } => format!("{} 行的类别人工设为“{category}”", row_keys.len()),
        }
    }
}

/// Appends one audit entry for the document: the corrections as JSON (for a program) and as
/// Chinese lines (for a person). Nothing is written when there were none.
pub fn record(
    tx: &impl Write,
    actor: &Actor,
    document_id: i64,
    corrections: &[ImportCorrection],
) -> Result<(), ApiError> {
    if corrections.is_empty() {
        return Ok(());
    }
    let json = serde_json::to_string(corrections)
        .map_err(|e| ApiError::new(super::ErrorCode::Internal, e.to_string()))?;
    let lines: Vec<String> = corrections.iter().map(ImportCorrection::describe).collect();
    let reason = format!("导入时人工修正 {} 处：{}", lines.len(), lines.join("；"));
    audit::append(
        tx,
        actor,
        &Change {
            action: "import",
            entity: "document",
            entity_id: Some(document_id),
            field: Some("corrections"),
            new_value: Some(json),
            reason: Some(&reason),
            ..Change::default()
        },
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::ColumnRole;

    #[test]
    fn every_correction_reads_as_one_chinese_line() {
        let t = || "p0/m0".to_string();
        let lines: Vec<String> = [
            ImportCorrection::ManualTable {
                table_key: t(),
                first: 3,
                last: 9,
                header_rows: 1,
                columns: vec![ColumnChoice {
                    role: ColumnRole::Name,
                    year: None,
                }],
            },
            ImportCorrection::RowAdded {
                table_key: t(),
                row_key: "p0/m0/a0".into(),
            },
            ImportCorrection::RowsMerged {
                table_key: t(),
                row_keys: vec!["p0/m0/r1".into(), "p0/m0/r2".into()],
            },
            ImportCorrection::RowSplit {
                table_key: t(),
                row_key: "p0/m0/r3".into(),
                into: vec!["p0/m0/r3".into(), "p0/m0/s0".into()],
            },
            ImportCorrection::CategorySet {
                table_key: t(),
                row_keys: vec!["p0/m0/r1".into()],
                category: "经济发展".into(),
            },
        ]
        .iter()
        .map(ImportCorrection::describe)
        .collect();
        assert_eq!(
            lines,
            [
                "p0/m0：第 3–9 行由人工指定为指标表（列：指标名称）",
                "p0/m0/a0：人工添加一行",
                "p0/m0/r1+p0/m0/r2：人工合并为一行",
                "p0/m0/r3：人工拆分为 2 行",
                "1 行的类别人工设为“经济发展”",
            ]
        );
    }
}
