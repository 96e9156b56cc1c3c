//! Why an indicator got its label. Kept as data (no allocation while evaluating); rendered
//! as a Chinese sentence by `Display`.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::progress::QualStatus;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    TargetMissing,
    TargetUnreadable,
    TargetPending,
    PlanYearsMissing,
    /// The period is at or before the baseline year.
    NotYetDue,
    /// No observation after the baseline year and at or before the period.
    NoData,
    /// A year of a cumulative target has no value.
    CumulativeGap {
        year: i32,
    },
    RelativeNeedsBaseline,
    /// 比2015年下降…: the reference year is not the plan's baseline year.
    ReferenceYear {
        year: i32,
    },
    /// Plain target, no baseline, not reached: progress cannot be measured.
    BaselineMissing,
    /// No baseline: judged against the bound only.
    ThresholdOnly {
        met: bool,
    },
    /// Target level reached (bounds respected).
    Reached,
    /// The baseline already satisfied the bound; the value still does.
    Kept,
    /// Judged by completion against expected progress.
    Progress {
        completion: f64,
        expected: f64,
        annual_target: bool,
    },
    /// Completion is full but a strict bound is not yet passed (42.5 for `< 42.5`).
    OnBound,
    /// 左右 / level judgement: deviation from the target as a share of it.
    Deviation {
        deviation: f64,
        tolerance: f64,
    },
    /// Maintain rules: change against the baseline as a share of it.
    AgainstBaseline {
        change: f64,
        tolerance: f64,
    },
    /// Maintain rule without numbers: recorded status used, or none recorded.
    Qualitative {
        status: Option<QualStatus>,
    },
    /// The baseline equals the target and a strict bound is not met.
    NoRoomToMeasure,
    CumulativeProgress {
        sum: f64,
        total: f64,
        expected: f64,
    },
    CumulativeCapExceeded {
        sum: f64,
        total: f64,
    },
}

fn pct(x: f64) -> f64 {
    x * 100.0
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Reason::TargetMissing => write!(f, "规划未设目标值"),
            Reason::TargetUnreadable => write!(f, "目标值无法解读为可评估的形式"),
            Reason::TargetPending => write!(f, "目标待上级下达，下达后按新目标评估"),
            Reason::PlanYearsMissing => write!(f, "规划缺少基期年或目标年"),
            Reason::NotYetDue => write!(f, "评估期不晚于基期，尚无进度可评"),
            Reason::NoData => write!(f, "基期后至本期无监测数据"),
            Reason::CumulativeGap { year } => write!(f, "缺少{year}年数据，无法计算累计值"),
            Reason::RelativeNeedsBaseline => write!(f, "相对目标需要基期值，基期值缺失"),
            Reason::ReferenceYear { year } => {
                write!(f, "目标相对于{year}年设定，与规划基期年不同，缺少该年数值")
            }
            Reason::BaselineMissing => write!(f, "缺少基期值，无法计算完成进度；尚未达到目标值"),
            Reason::ThresholdOnly { met: true } => {
                write!(f, "缺少基期值，仅按目标界限判断：已达到")
            }
            Reason::ThresholdOnly { met: false } => {
                write!(f, "缺少基期值，仅按目标界限判断：尚未达到")
            }
            Reason::Reached => write!(f, "已达到目标值"),
            Reason::Kept => write!(f, "基期已达到目标界限，本期仍保持"),
            Reason::Progress {
                completion,
                expected,
                annual_target,
            } => {
                let basis = if annual_target {
                    "年度目标进度"
                } else {
                    "序时进度"
                };
                write!(
                    f,
                    "完成进度{:.1}%，{basis}{:.1}%",
                    pct(completion),
                    pct(expected)
                )
            }
            Reason::OnBound => write!(f, "恰在目标界限上，尚未越过（严格不等式）"),
            Reason::Deviation {
                deviation,
                tolerance,
            } => {
                write!(
                    f,
                    "与目标值偏差{:+.1}%（容差±{:.0}%）",
                    pct(deviation),
                    pct(tolerance)
                )
            }
            Reason::AgainstBaseline { change, tolerance } => {
                write!(
                    f,
                    "较基期值变化{:+.1}%（容差±{:.0}%）",
                    pct(change),
                    pct(tolerance)
                )
            }
            Reason::Qualitative { status: Some(s) } => write!(f, "填报的达到情况：{}", s.as_str()),
            Reason::Qualitative { status: None } => write!(f, "定性目标，未填报达到情况"),
            Reason::NoRoomToMeasure => {
                write!(f, "基期值等于目标界限，无法计算完成进度；尚未越过界限")
            }
            Reason::CumulativeProgress {
                sum,
                total,
                expected,
            } => write!(
                f,
                "累计{}，为目标{}的{:.1}%，序时进度{:.1}%",
                number(sum),
                number(total),
                pct(sum / total),
                pct(expected)
            ),
            Reason::CumulativeCapExceeded { sum, total } => {
                write!(f, "累计{}，已超过上限{}", number(sum), number(total))
            }
        }
    }
}

/// Numbers in sentences: up to 2 decimals, trailing zeros dropped.
fn number(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
