//! What a report shows, already worded and formatted: the renderer lays it out and does
//! no arithmetic, so numbers look the same in the PDF, the Excel file and the app.

use serde::{Deserialize, Serialize};

/// Which report layout to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// 季度监测报告: one quarter.
    Quarterly,
    /// 年度监测报告: one year.
    Annual,
    /// 总结评估: a finished plan, final value against target.
    Completion,
}

impl ReportKind {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "quarterly" => ReportKind::Quarterly,
            "annual" => ReportKind::Annual,
            "completion" => ReportKind::Completion,
            _ => return None,
        })
    }

    /// 季度报告 / 年度报告 / 总结评估报告, as it appears in the title.
    pub fn title_word(self) -> &'static str {
        match self {
            ReportKind::Quarterly => "主要指标监测季度报告",
            ReportKind::Annual => "主要指标监测年度报告",
            ReportKind::Completion => "主要指标完成情况总结评估报告",
        }
    }
}

/// Tone of a status cell: the template colours it, the words carry the meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    Good,
    Warn,
    Bad,
    Neutral,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportData {
    pub kind: ReportKind,
    /// e.g. “十四五”规划主要指标监测季度报告
    pub title: String,
    /// e.g. （2025年第三季度）
    pub period_label: String,
    /// 编制单位.
    pub issuer: String,
    /// 2026年11月23日.
    pub date: String,
    /// Page header line (left side).
    pub header: String,
    /// Column titles of the target and current-value columns in a completion review,
    /// e.g. 规划目标（2025年） / 完成情况（2025年）.
    pub baseline_title: String,
    pub target_title: String,
    pub current_title: String,
    /// Title of the 接续目标 column of a completion review; `None` when no row is linked.
    pub successor_title: Option<String>,
    /// The summary paragraph(s).
    pub summary: Vec<String>,
    /// Counts by label (rows) and attribute (columns).
    pub counts: CountTable,
    /// 预警: lagging binding indicators.
    pub warnings: Vec<WarningItem>,
    pub groups: Vec<RowGroup>,
    /// 目标可行性 (annual reports of plans that continue an earlier one); empty otherwise.
    #[serde(default)]
    pub feasibility: Vec<FeasibilityLine>,
    pub charts: Vec<ChartImage>,
}

/// One row of the 目标可行性 section, formatted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeasibilityLine {
    pub name: String,
    pub unit: String,
    pub baseline: String,
    pub target: String,
    /// Required average annual rate (or amount).
    pub required: String,
    /// Realised in the previous plan.
    pub realised: String,
    /// The previous plan's trend at the target year.
    pub forecast: String,
    /// 偏高 / 合理 / 偏低 / 无法评估.
    pub judgement: String,
    pub reason: String,
}

/// Counts by label and attribute; `columns` are attribute names, each row is one label.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CountTable {
    pub columns: Vec<String>,
    pub rows: Vec<CountRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountRow {
    pub label: String,
    /// One count per column, then the total.
    pub counts: Vec<usize>,
    pub total: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WarningItem {
    pub name: String,
    pub department: String,
    /// One line: current value, target, progress against schedule.
    pub situation: String,
    /// 原因分析, if recorded.
    pub cause: Option<String>,
    /// 下一步措施, if recorded.
    pub measures: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowGroup {
    /// 类别; empty when the table has none.
    pub category: String,
    pub rows: Vec<ReportRow>,
}

/// One indicator row, every cell already formatted ("—" for nothing).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportRow {
    pub seq: String,
    pub name: String,
    pub unit: String,
    pub baseline: String,
    pub target: String,
    /// 本期值 (or the final value in a completion review).
    pub current: String,
    /// 完成进度.
    pub completion: String,
    /// 序时进度.
    pub schedule: String,
    /// 状态 (label), or 已完成 / 未完成 in a completion review.
    pub status: String,
    pub tone: Tone,
    pub attribute: String,
    pub department: String,
    /// The linked successors' targets (completion review), "—" without.
    pub successor: String,
}

/// A chart drawn as SVG, embedded as vector graphics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartImage {
    pub title: String,
    /// Full page width (gap charts); others go two to a row.
    pub wide: bool,
    #[serde(skip)]
    pub svg: String,
}

impl ReportData {
    /// Every row, in table order.
    pub fn rows(&self) -> impl Iterator<Item = &ReportRow> {
        self.groups.iter().flat_map(|g| g.rows.iter())
    }
}
