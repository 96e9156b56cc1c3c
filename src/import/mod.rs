//! Gazette table importer: finds every indicator table in a document's text and reads its
//! rows as a careful person would. Pure: text in, model out; never touches SQLite.
//!
//! The types below are the contract used by the store, the CLI and the app. The pipeline:
//! [`lines`] (cells, stray spaces) → [`scan`] (table blocks) → [`header`] (column roles,
//! years) → [`rows`] (row assembly, carry-down) → [`name`] (names, units) → [`title`]
//! (titles, kinds) and [`plan_meta`] (plans, 文号, dates); [`document`] puts them together.

mod decode;
pub mod direction;
mod document;
mod header;
mod lines;
mod name;
mod plan_meta;
mod rows;
mod scan;
mod title;

pub use decode::{decode, DecodeError};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Attribute, Direction, PlanDraft, TableKind, Value};

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error("文档为空")]
    Empty,
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
    pub notes: Vec<String>,
    pub indicators: Vec<ExtractedIndicator>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExtractedIndicator {
    /// 1-based line of the row (first line when it spans several).
    pub line: usize,
    pub seq: Option<String>,
    pub category: Option<String>,
    pub group: Option<String>,
    pub parent: Option<String>,
    pub name: String,
    pub unit: Option<String>,
    pub region: Option<String>,
    pub attribute: Option<Attribute>,
    pub baseline_raw: Option<String>,
    pub target_raw: Option<String>,
    pub actual_raw: Option<String>,
    pub baseline: Option<Value>,
    pub target: Option<Value>,
    pub actual: Option<Value>,
    pub direction: Direction,
    pub note: Option<String>,
    pub lead_department: Option<String>,
}

/// Finds every indicator table in `text`, and the plans they belong to.
pub fn extract(text: &str) -> Result<ExtractedDocument, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(document::read(text))
}
