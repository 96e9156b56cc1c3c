//! Evaluation: how far each indicator is from its target at a period. Pure; never touches
//! SQLite. The method (formulas, thresholds, tolerance bands) is written down in
//! `docs/evaluation.md`; the constants live in [`label`].
//!
//! Input: an indicator, its observations, its annual targets, the effective (latest revised)
//! target and the plan's baseline and target years. Output: an [`IndicatorStatus`] with a
//! [`Label`], the completion against the expected share (序时进度), the CAGR ratio, a forecast
//! to the target year and the annual rate still required.

mod batch;
mod evaluate;
mod feasibility;
mod forecast;
pub mod label;
mod observed;
mod reason;
mod rollup;
mod target;
mod timeline;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Indicator, Period, Value};
use crate::progress::QualStatus;

pub use batch::roll_up_by_period;
pub use evaluate::{evaluate, Evaluator};
pub use feasibility::{
    assess_feasibility, Feasibility, FeasibilityInput, FeasibilityResult, History, PaceKind,
    FEASIBILITY_HIGH, FEASIBILITY_LOW,
};
pub use label::{CagrBand, Label};
pub use reason::Reason;
pub use rollup::{lagging_first, roll_up, GroupRollUp, LabelCount, RollUp};
pub use target::TargetForm;

/// One observed value of an indicator (annual or quarterly). Quarterly values of a flow
/// indicator are year-to-date sums.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct ObservedValue {
    pub period: Period,
    pub value: Option<f64>,
    pub status: Option<QualStatus>,
}

/// Everything the evaluation of one indicator needs. Observations may come in any order.
#[derive(Debug, Clone, Copy)]
pub struct EvalInput<'a> {
    pub indicator: &'a Indicator,
    pub observations: &'a [ObservedValue],
    /// 年度目标: (year, value).
    pub annual_targets: &'a [(i32, f64)],
    /// The latest target revision (按省下达目标 once assigned); overrides the plan's target.
    pub revised_target: Option<&'a Value>,
    /// The plan's baseline year (基期), e.g. 2020 for 十四五, 2025 for 十五五.
    pub baseline_year: i32,
    /// The plan's target year.
    pub target_year: i32,
}

/// Trend forecast of the value (or, for cumulative targets, of the running sum) at the
/// plan's target year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct Forecast {
    pub year: i32,
    /// Least-squares straight line through the baseline and the annual values.
    pub linear: Option<f64>,
    /// Least-squares line through the logarithms (constant annual growth rate).
    pub compound: Option<f64>,
    /// Whether the linear forecast reaches the target.
    pub linear_meets: Option<bool>,
    pub compound_meets: Option<bool>,
}

/// The status of one indicator at one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct IndicatorStatus {
    #[ts(type = "number")]
    pub indicator_id: i64,
    pub period: Period,
    pub label: Label,
    /// How the target was read (threshold, cumulative, relative …).
    pub form: TargetForm,
    /// The period of the value judged: the latest observation at or before `period`.
    pub actual_period: Option<Period>,
    /// The value judged (for cumulative targets: the running sum).
    pub actual: Option<f64>,
    /// The numeric baseline used.
    pub baseline: Option<f64>,
    /// The target as an absolute number (relative targets converted from the baseline).
    pub target: Option<f64>,
    /// Share of the planned change achieved: (actual − baseline) / (target − baseline);
    /// for cumulative targets running sum / total. 1.0 = target reached.
    pub completion: Option<f64>,
    /// Share expected by now: elapsed share of the plan period (序时进度), or the share the
    /// annual target asks for when one is set.
    pub expected: Option<f64>,
    /// The annual target that applied, if any.
    pub annual_target: Option<f64>,
    /// R = actual annual growth / required annual growth (Statistics Canada / open-sdg).
    pub cagr_ratio: Option<f64>,
    pub cagr_band: Option<CagrBand>,
    pub forecast: Option<Forecast>,
    /// Compound annual growth rate still required from the actual value to the target
    /// (0.05 = 5 % a year).
    pub required_rate: Option<f64>,
    /// Change per year still required (in the indicator's unit; for cumulative targets the
    /// amount still to accumulate per year).
    pub required_annual_change: Option<f64>,
    /// Why the label was given; `reason.to_string()` is the Chinese sentence.
    pub reason: Reason,
}

impl IndicatorStatus {
    /// The reason as a Chinese sentence.
    pub fn reason_zh(&self) -> String {
        self.reason.to_string()
    }
}
