//! Reading the observations: the plan clock, the latest value at a period, annual values
//! and running sums. Linear scans: an indicator has a few dozen observations at most.

use super::label::EPS;
use super::{EvalInput, ObservedValue};
use crate::model::Period;

/// The plan period on the continuous year axis (end of year Y = Y).
pub(crate) struct Clock {
    pub baseline_year: i32,
    pub t0: f64,
    pub tt: f64,
    pub span: f64,
}

impl Clock {
    pub fn new(baseline_year: i32, target_year: i32) -> Self {
        let (t0, tt) = (baseline_year as f64, target_year as f64);
        Clock {
            baseline_year,
            t0,
            tt,
            span: tt - t0,
        }
    }

    pub fn at_end(&self, time: f64) -> bool {
        time >= self.tt - EPS
    }
}

/// Elapsed share of the plan period at `time` (序时进度), clamped to [0, 1].
pub(crate) fn share(clock: &Clock, time: f64) -> f64 {
    ((time - clock.t0) / clock.span).clamp(0.0, 1.0)
}

/// The value to compare with a level target. A flow's quarterly value is a year-to-date sum:
/// annualised as ytd × 4 / q.
pub(crate) fn level_value(o: &ObservedValue, flow: bool) -> Option<f64> {
    let v = o.value?;
    Some(match o.period {
        Period::Quarter(_, q) if flow && q > 0 => v * 4.0 / q as f64,
        _ => v,
    })
}

/// The value of year `y`: its annual observation, else its fourth quarter.
pub(crate) fn annual_value(obs: &[ObservedValue], y: i32) -> Option<f64> {
    let mut q4 = None;
    for o in obs {
        match o.period {
            Period::Year(oy) if oy == y && o.value.is_some() => return o.value,
            Period::Quarter(oy, 4) if oy == y => q4 = q4.or(o.value),
            _ => {}
        }
    }
    q4
}

/// The latest year-to-date quarter of year `y` at or before `period`.
fn latest_quarter(obs: &[ObservedValue], y: i32, period: Period) -> Option<(Period, f64)> {
    let mut best: Option<(Period, f64)> = None;
    for o in obs {
        if let (Period::Quarter(oy, _), Some(v)) = (o.period, o.value) {
            if oy == y && o.period <= period && best.is_none_or(|(bp, _)| o.period > bp) {
                best = Some((o.period, v));
            }
        }
    }
    best
}

pub(crate) struct RunningSum {
    pub sum: f64,
    /// The period the sum reaches.
    pub last: Option<Period>,
    /// A year without data although later years have some: the sum cannot be trusted.
    pub gap_before_later_data: Option<i32>,
}

/// Sum of annual values from the year after the baseline up to `period`; in the period's own
/// year a quarter's year-to-date value counts when the year is not complete.
pub(crate) fn running_sum(input: &EvalInput, clock: &Clock, period: Period) -> RunningSum {
    let obs = input.observations;
    let mut run = RunningSum {
        sum: 0.0,
        last: None,
        gap_before_later_data: None,
    };
    for y in (clock.baseline_year + 1)..=period.year() {
        let whole_year = Period::Year(y) <= period;
        if whole_year {
            if let Some(v) = annual_value(obs, y) {
                run.sum += v;
                run.last = Some(Period::Year(y));
                continue;
            }
        }
        if let Some((p, v)) = latest_quarter(obs, y, period) {
            run.sum += v;
            run.last = Some(p);
        } else if obs
            .iter()
            .any(|o| o.value.is_some() && o.period.year() > y && o.period <= period)
        {
            run.gap_before_later_data = Some(y);
        }
        break;
    }
    run
}
