//! Gazette table importer: finds every indicator table in a document's text and reads its
//! rows as a careful person would. Pure: text in, model out; never touches SQLite.
//!
//! The types below are the contract used by the store, the CLI and the app. The pipeline:
//! [`lines`] (cells, stray spaces) → [`scan`] (table blocks) → [`header`] (column roles,
//! years) → [`rows`] (row assembly, carry-down) → [`name`] (names, units) → [`title`]
//! (titles, kinds) and [`plan_meta`] (plans, 文号, dates); [`document`] puts them together.

mod column;
mod content;
mod decode;
pub mod direction;
mod document;
mod doubt;
mod grid;
mod header;
mod lines;
mod manual;
mod name;
mod plan_meta;
mod regional;
mod rows;
mod scan;
mod title;

pub use column::{ColumnRead, ColumnRole};
pub use decode::{decode, DecodeError};
pub use grid::tables_as_rows;
pub use manual::{guess_table, read_table_as, ColumnChoice, TableGuess};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{IndicatorDraft, PlanDraft, TableKind, Value};

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error("文档为空")]
    Empty,
    #[error("所选的行读不成指标表：请选择包含指标名称的行，并为一列指定“指标名称”")]
    Selection,
}

/// Everything found in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExtractedDocument {
    pub plans: Vec<ExtractedPlan>,
    pub tables: Vec<ExtractedTable>,
}

/// A plan named in the document, with the metadata found near its title.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExtractedPlan {
    #[serde(flatten)]
    pub draft: PlanDraft,
    /// 1-based line of the plan's title.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExtractedTable {
    pub title: String,
    /// Title of the plan the table belongs to.
    pub plan: Option<String>,
    pub kind: TableKind,
    pub baseline_year: Option<i32>,
    pub target_year: Option<i32>,
    /// 1-based first header line.
    pub start_line: usize,
    /// 1-based last indicator line.
    pub end_line: usize,
    pub columns: Vec<String>,
    /// The role read for each column and why (header words, cell contents).
    pub column_roles: Vec<ColumnRead>,
    /// A unit stated once for the whole table (`单位：%`).
    pub unit: Option<String>,
    pub notes: Vec<String>,
    pub indicators: Vec<ExtractedIndicator>,
}

/// One value of an annual target column (a year between the baseline and the target).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExtractedAnnualTarget {
    pub year: i32,
    pub raw: String,
    pub value: Value,
}

/// One indicator row: the model's draft plus what only extraction knows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExtractedIndicator {
    #[serde(flatten)]
    pub draft: IndicatorDraft,
    /// 1-based line of the row (first line when it spans several).
    pub line: usize,
    /// Every 1-based line the row was read from.
    pub lines: Vec<usize>,
    /// The row's cells as found (merged cells repeated, page-break parts joined).
    pub cells: Vec<String>,
    pub baseline_raw: Option<String>,
    pub target_raw: Option<String>,
    pub actual_raw: Option<String>,
    /// The 年均增速 / 累计 cell, kept whether or not it gave the target.
    pub growth_raw: Option<String>,
    /// 是否完成 as written in a completion review.
    pub done_raw: Option<String>,
    /// Year columns between the baseline and the target year (年度目标).
    pub annual_targets: Vec<ExtractedAnnualTarget>,
    /// Why the row was read so (which columns gave which field).
    pub reasons: Vec<String>,
    /// Why the reading is doubtful (待核对); empty when it is not.
    pub doubts: Vec<String>,
}

impl ExtractedIndicator {
    /// 待核对: something in the row did not read cleanly.
    pub fn is_doubtful(&self) -> bool {
        !self.doubts.is_empty()
    }
}

/// Field access reads through to the draft (`row.name`), as for the stored indicator.
impl std::ops::Deref for ExtractedIndicator {
    type Target = IndicatorDraft;
    fn deref(&self) -> &IndicatorDraft {
        &self.draft
    }
}

impl std::ops::DerefMut for ExtractedIndicator {
    fn deref_mut(&mut self) -> &mut IndicatorDraft {
        &mut self.draft
    }
}

/// Finds every indicator table in `text`, and the plans they belong to.
pub fn extract(text: &str) -> Result<ExtractedDocument, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(document::read(text))
}
