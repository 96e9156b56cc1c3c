//! Labels and the thresholds that give them. The numbers here are the method; keep
//! `docs/evaluation.md` in step with them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Progress ratio q = completion / expected at or above which an indicator is 快于预期.
pub const AHEAD_RATIO: f64 = 1.1;
/// q at or above which it is 基本符合预期 (below: 滞后).
pub const ON_TRACK_RATIO: f64 = 0.9;
/// q at or above which it is 滞后 (below: 严重滞后).
pub const LAGGING_RATIO: f64 = 0.6;
/// 左右 targets: met within ± this share of the target.
pub const APPROX_TOLERANCE: f64 = 0.05;
/// 保持稳定: met within ± this share of the baseline.
pub const STABLE_TOLERANCE: f64 = 0.05;
/// Off-target beyond tolerance × this factor is 严重滞后 (within: 滞后).
pub const SEVERE_FACTOR: f64 = 2.0;
/// CAGR ratio bands (Statistics Canada, as in open-sdg).
pub const CAGR_ON_TRACK: f64 = 0.95;
pub const CAGR_MODERATE: f64 = 0.6;
/// Slack for comparing floats with a bound: 42.5 stored as f64 equals 42.5 written.
pub const EPS: f64 = 1e-9;

/// Status of an indicator, worded as in official mid-term reviews.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
pub enum Label {
    #[serde(rename = "严重滞后")]
    SeverelyLagging,
    #[serde(rename = "滞后")]
    Lagging,
    #[serde(rename = "基本符合预期")]
    OnTrack,
    #[serde(rename = "快于预期")]
    Ahead,
    #[serde(rename = "已完成")]
    Completed,
    #[serde(rename = "无数据")]
    NoData,
    /// The period lies at or before the baseline year: nothing to judge yet.
    #[serde(rename = "待评估")]
    NotYetDue,
    #[serde(rename = "目标待下达")]
    TargetPending,
    #[serde(rename = "无法评估")]
    NotEvaluable,
}

impl Label {
    /// Every label, worst first (the order of roll-ups and charts).
    pub const ALL: [Label; 9] = [
        Label::SeverelyLagging,
        Label::Lagging,
        Label::OnTrack,
        Label::Ahead,
        Label::Completed,
        Label::NoData,
        Label::NotYetDue,
        Label::TargetPending,
        Label::NotEvaluable,
    ];

    pub fn as_zh(self) -> &'static str {
        match self {
            Label::Completed => "已完成",
            Label::Ahead => "快于预期",
            Label::OnTrack => "基本符合预期",
            Label::Lagging => "滞后",
            Label::SeverelyLagging => "严重滞后",
            Label::NoData => "无数据",
            Label::NotYetDue => "待评估",
            Label::TargetPending => "目标待下达",
            Label::NotEvaluable => "无法评估",
        }
    }

    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_zh() == s.trim())
    }

    /// 滞后 or 严重滞后: listed first, binding ones before all.
    pub fn is_lagging(self) -> bool {
        matches!(self, Label::Lagging | Label::SeverelyLagging)
    }

    /// Index in [`Label::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Chart colour (hex) per label; the gap chart, summary chart and reports share it.
    pub fn colour(self) -> &'static str {
        match self {
            Label::Completed => "#1a7f37",
            Label::Ahead => "#2f81f7",
            Label::OnTrack => "#57ab5a",
            Label::Lagging => "#d29922",
            Label::SeverelyLagging => "#cf222e",
            Label::NoData => "#8c959f",
            Label::NotYetDue => "#a5b4c4",
            Label::TargetPending => "#8250df",
            Label::NotEvaluable => "#6e7781",
        }
    }

    /// The label for progress ratio q = completion / expected (the target not yet reached).
    pub fn from_progress_ratio(q: f64) -> Label {
        if q >= AHEAD_RATIO - EPS {
            Label::Ahead
        } else if q >= ON_TRACK_RATIO - EPS {
            Label::OnTrack
        } else if q >= LAGGING_RATIO - EPS {
            Label::Lagging
        } else {
            Label::SeverelyLagging
        }
    }
}

/// Band of the CAGR ratio R (Statistics Canada method used by open-sdg).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum CagrBand {
    /// R ≥ 0.95.
    #[serde(rename = "进展显著")]
    Substantial,
    /// 0.6 ≤ R < 0.95.
    #[serde(rename = "进展一般")]
    Moderate,
    /// 0 ≤ R < 0.6.
    #[serde(rename = "进展有限")]
    Limited,
    /// R < 0: moving away from the target.
    #[serde(rename = "倒退")]
    Deteriorating,
}

impl CagrBand {
    pub fn from_ratio(r: f64) -> CagrBand {
        if r >= CAGR_ON_TRACK - EPS {
            CagrBand::Substantial
        } else if r >= CAGR_MODERATE - EPS {
            CagrBand::Moderate
        } else if r >= 0.0 {
            CagrBand::Limited
        } else {
            CagrBand::Deteriorating
        }
    }

    pub fn as_zh(self) -> &'static str {
        match self {
            CagrBand::Substantial => "进展显著",
            CagrBand::Moderate => "进展一般",
            CagrBand::Limited => "进展有限",
            CagrBand::Deteriorating => "倒退",
        }
    }
}
