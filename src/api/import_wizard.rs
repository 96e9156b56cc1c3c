//! The wizard's help for tables the importer missed: a person selects lines of the source
//! text, the importer guesses the columns' roles, the person corrects them and the block is
//! read again. Each answer is a [`PreviewTable`] like the ones the preview already holds, so
//! the rest of the wizard treats a table made by hand like any other. Nothing is stored.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::plan_import::{
    preview_table, to_preview, ImportPreview, PreviewPlan, PreviewTable, MAX_TEXT_BYTES,
};
use super::{ApiError, ErrorCode};
use crate::import::{self, ColumnChoice, ColumnRole, ExtractedTable};
use crate::model::PlanDraft;

/// The importer's guess for selected lines: the table as read, its columns' roles (with
/// reasons) in `table.column_roles`, and how many header rows it skipped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ManualTable {
    pub header_rows: usize,
    pub table: PreviewTable,
    /// The first row's cells, one per column: under a block without a header they are what
    /// tells the person which drop-down is which column.
    pub sample: Vec<String>,
}

fn checked(text: &str) -> Result<(), ApiError> {
    if text.trim().is_empty() {
        return Err(ApiError::new(ErrorCode::InvalidInput, "原文为空"));
    }
    if text.len() > MAX_TEXT_BYTES {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            "原文超过 10 MB；请只粘贴包含指标表的部分",
        ));
    }
    Ok(())
}

/// A person's table is named after the lines it came from, so that it can be found again.
fn titled(mut t: ExtractedTable, first: usize, last: usize) -> ExtractedTable {
    t.title = format!("人工指定的指标表（第 {first}–{last} 行）");
    t
}

/// Guesses how to read lines `first..=last` (1-based) of `text` as a table; `key` is the
/// table's key in the preview (`p0/m1`), its rows' keys are `key/rN`.
pub fn guess_manual_table(
    text: &str,
    first: usize,
    last: usize,
    key: &str,
) -> Result<ManualTable, ApiError> {
    checked(text)?;
    let guess = import::guess_table(text, first, last)?;
    let sample = guess
        .table
        .indicators
        .first()
        .map(|r| r.cells.clone())
        .unwrap_or_default();
    let mut table = preview_table(key, &titled(guess.table, first, last));
    // The guess's own reasons (header words, contents) are what the drop-downs start from.
    table.column_roles = guess.columns;
    Ok(ManualTable {
        header_rows: guess.header_rows,
        table,
        sample,
    })
}

/// Reads lines `first..=last` with the roles a person chose; the first `header_rows` rows are
/// the header. A year given with 基期值 or 目标值 becomes the table's baseline or target year.
pub fn read_manual_table(
    text: &str,
    first: usize,
    last: usize,
    header_rows: usize,
    columns: &[ColumnChoice],
    key: &str,
) -> Result<PreviewTable, ApiError> {
    checked(text)?;
    let read = import::read_table_as(text, first, last, header_rows, columns)?;
    let mut table = preview_table(key, &titled(read, first, last));
    let year_of = |role| columns.iter().find(|c| c.role == role).and_then(|c| c.year);
    if let Some(y) = year_of(ColumnRole::Baseline) {
        table.baseline_year = Some(y);
    }
    if let Some(y) = year_of(ColumnRole::Target) {
        table.target_year = Some(y);
    }
    Ok(table)
}

/// The preview of a text in which the importer found no table: the plan named in it (or a
/// plan without a title, for the person to name) and no tables, so that the person can point
/// at the tables themselves.
pub fn preview_or_blank(text: &str, file_name: Option<String>) -> Result<ImportPreview, ApiError> {
    checked(text)?;
    let doc = import::extract(text)?;
    let mut preview = to_preview(text, file_name, &doc);
    if preview.plans.is_empty() {
        let draft = doc
            .plans
            .first()
            .map(|p| p.draft.clone())
            .unwrap_or_else(blank_plan);
        preview.plans.push(PreviewPlan {
            key: "p0".to_string(),
            draft,
            tables: Vec::new(),
        });
    }
    Ok(preview)
}

/// [`preview_or_blank`] for a file's bytes (any kind the importer reads), so that a file in
/// which no table was found still opens in the wizard.
pub fn preview_or_blank_bytes(
    bytes: &[u8],
    file_name: Option<&str>,
) -> Result<ImportPreview, ApiError> {
    let text = crate::document::read_bytes(bytes, file_name)?;
    preview_or_blank(&text, file_name.map(str::to_string))
}

fn blank_plan() -> PlanDraft {
    PlanDraft {
        title: String::new(),
        issuer: None,
        doc_number: None,
        issue_date: None,
        period_start: None,
        period_end: None,
        baseline_year: None,
        target_year: None,
    }
}
