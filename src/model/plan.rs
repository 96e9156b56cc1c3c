use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What an indicator table is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// The plan's own targets (baseline → target).
    Targets,
    /// A review of the previous plan (十三五 完成情况): target vs actual.
    CompletionReview,
    /// Targets broken down per county / district.
    RegionalBreakdown,
}

impl TableKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TableKind::Targets => "targets",
            TableKind::CompletionReview => "completion_review",
            TableKind::RegionalBreakdown => "regional_breakdown",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "targets" => TableKind::Targets,
            "completion_review" => TableKind::CompletionReview,
            "regional_breakdown" => TableKind::RegionalBreakdown,
            _ => return None,
        })
    }
}

/// A plan as read from a document, before it is stored. Years are data: a plan may run
/// 2020→2025, 2023→2025 or 2025→2030.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanDraft {
    pub title: String,
    /// 发文机关, e.g. 许昌市人民政府.
    pub issuer: Option<String>,
    /// 文号, e.g. 许政〔2022〕30号.
    pub doc_number: Option<String>,
    #[ts(type = "string | null")]
    pub issue_date: Option<NaiveDate>,
    pub period_start: Option<i32>,
    pub period_end: Option<i32>,
    pub baseline_year: Option<i32>,
    pub target_year: Option<i32>,
}

/// A stored plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Plan {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub issuer: Option<String>,
    pub doc_number: Option<String>,
    #[ts(type = "string | null")]
    pub issue_date: Option<NaiveDate>,
    pub period_start: Option<i32>,
    pub period_end: Option<i32>,
    pub baseline_year: Option<i32>,
    pub target_year: Option<i32>,
}

/// One indicator table of a stored plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanTable {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub plan_id: i64,
    pub title: String,
    pub kind: TableKind,
    pub baseline_year: Option<i32>,
    pub target_year: Option<i32>,
}
