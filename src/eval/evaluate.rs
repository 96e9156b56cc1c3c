//! The evaluation of one indicator at one period. No allocation on the hot path: the
//! benchmark evaluates millions of (indicator, period) pairs.

use super::forecast::{cagr_ratio, cumulative_forecast, required, required_cagr, trend_forecast};
use super::label::{Label, AHEAD_RATIO, APPROX_TOLERANCE, EPS, SEVERE_FACTOR, STABLE_TOLERANCE};
use super::observed::{annual_value, level_value, share, Clock};
use super::target::{read_goal, Goal, MaintainRule, Path, Side, TargetForm};
use super::timeline::Timeline;
use super::{CagrBand, EvalInput, IndicatorStatus, Reason};
use crate::model::{Direction, Period, ValueKind};
use crate::progress::QualStatus;

/// Evaluates one indicator at `period` (a year or a quarter).
pub fn evaluate(input: &EvalInput, period: Period) -> IndicatorStatus {
    Evaluator::new(input).at(period)
}

/// One indicator's target read once, to be judged at many periods (trend tables, the
/// benchmark): the baseline and the target form do not depend on the period.
pub struct Evaluator<'a> {
    input: &'a EvalInput<'a>,
    baseline: Option<f64>,
    form: TargetForm,
    goal: Goal,
    clock: Clock,
    timeline: Timeline,
    /// (target / baseline)^(1 / span) − 1, for the CAGR ratio of absolute goals.
    required_cagr: Option<f64>,
}

impl<'a> Evaluator<'a> {
    pub fn new(input: &'a EvalInput<'a>) -> Self {
        let ind = input.indicator;
        let baseline = numeric_baseline(input);
        let target = input.revised_target.or(ind.draft.target.as_ref());
        let (form, goal) = read_goal(target, baseline, input.baseline_year, ind.draft.direction);
        let clock = Clock::new(input.baseline_year, input.target_year);
        let timeline = Timeline::new(input.observations, baseline, &clock);
        let required_cagr = match (goal, baseline) {
            (Goal::Absolute { target, .. }, Some(b)) => required_cagr(b, target, clock.span),
            _ => None,
        };
        Evaluator {
            input,
            baseline,
            form,
            goal,
            clock,
            timeline,
            required_cagr,
        }
    }

    pub fn at(&self, period: Period) -> IndicatorStatus {
        judge(self, period)
    }
}

fn judge(ev: &Evaluator, period: Period) -> IndicatorStatus {
    let (input, clock, goal) = (ev.input, &ev.clock, ev.goal);
    let mut st =
        IndicatorStatus::not_evaluable(input.indicator.id, period, Reason::PlanYearsMissing);
    if input.target_year <= input.baseline_year {
        return st;
    }
    st.baseline = ev.baseline;
    st.form = ev.form;
    match goal {
        Goal::Pending => return st.judged(Label::TargetPending, Reason::TargetPending),
        Goal::Unjudgeable(reason) => return st.judged(Label::NotEvaluable, reason),
        _ => {}
    }
    if period.as_year_fraction() <= clock.t0 + EPS {
        return st.judged(Label::NotYetDue, Reason::NotYetDue);
    }
    match goal {
        Goal::Absolute {
            target,
            side,
            explicit,
            path,
        } => absolute(
            ev,
            period,
            st,
            Absolute {
                target,
                side,
                explicit,
                path,
            },
        ),
        Goal::Cumulative { total, cap } => cumulative(input, clock, period, st, total, cap),
        Goal::Maintain(rule) => maintain(ev, period, st, rule),
        _ => qualitative(input, clock, period, st, false),
    }
}

/// The baseline as a number: the table's cell, else an observation of the baseline year.
fn numeric_baseline(input: &EvalInput) -> Option<f64> {
    let cell = input
        .indicator
        .draft
        .baseline
        .as_ref()
        .filter(|b| matches!(b.kind, ValueKind::Number | ValueKind::Ratio))
        .and_then(|b| b.value);
    cell.or_else(|| annual_value(input.observations, input.baseline_year))
}

impl IndicatorStatus {
    /// A status that says only why the indicator cannot be judged.
    pub fn not_evaluable(indicator_id: i64, period: Period, reason: Reason) -> Self {
        IndicatorStatus {
            indicator_id,
            period,
            label: Label::NotEvaluable,
            form: TargetForm::Missing,
            actual_period: None,
            actual: None,
            baseline: None,
            target: None,
            completion: None,
            expected: None,
            annual_target: None,
            cagr_ratio: None,
            cagr_band: None,
            forecast: None,
            required_rate: None,
            required_annual_change: None,
            reason,
        }
    }

    fn judged(mut self, label: Label, reason: Reason) -> Self {
        self.label = label;
        self.reason = reason;
        self
    }
}

struct Absolute {
    target: f64,
    side: Side,
    explicit: bool,
    path: Path,
}

fn absolute(
    ev: &Evaluator,
    period: Period,
    mut st: IndicatorStatus,
    g: Absolute,
) -> IndicatorStatus {
    let (input, clock) = (ev.input, &ev.clock);
    let t = g.target;
    st.target = Some(t);
    let Some((p, a)) = ev
        .timeline
        .latest(input, period)
        .and_then(|o| Some((o.period, level_value(&o, input.indicator.flow)?)))
    else {
        return st.judged(Label::NoData, Reason::NoData);
    };
    st.actual = Some(a);
    st.actual_period = Some(p);
    let tau = p.as_year_fraction();
    let at_end = clock.at_end(tau);
    let met = g.side.met(a, t, APPROX_TOLERANCE);
    let near = matches!(g.side, Side::Near { .. });
    let Some(b) = st.baseline else {
        return if met {
            let reason = if g.explicit {
                Reason::ThresholdOnly { met: true }
            } else {
                Reason::Reached
            };
            st.judged(Label::Completed, reason)
        } else if g.explicit {
            st.judged(Label::Lagging, Reason::ThresholdOnly { met: false })
        } else if near {
            level_judgement(st, a, t, g.side, at_end)
        } else if at_end {
            st.judged(Label::Lagging, Reason::BaselineMissing)
        } else {
            st.judged(Label::NotEvaluable, Reason::BaselineMissing)
        };
    };
    let base_met = g.side.met(b, t, APPROX_TOLERANCE);
    if near && base_met {
        // A 左右 target the baseline already sits at (growth rates): judge the level only,
        // the good side being the indicator's direction (not baseline → target).
        let toward = matches!(
            ind_direction(input),
            Direction::Increase | Direction::Decrease
        )
        .then(|| ind_direction(input));
        return level_judgement(st, a, t, Side::Near { toward }, at_end);
    }
    let denom = t - b;
    let measurable = denom.abs() > EPS * t.abs().max(1.0);
    let (expected, annual) = expected_share(input, clock, p, b, t, g.path);
    st.annual_target = annual;
    // When the baseline already met the bound, progress towards it means nothing.
    if measurable && !base_met {
        st.completion = Some((a - b) / denom);
        st.expected = Some(expected);
        if let Some(r) = ev
            .required_cagr
            .and_then(|req| cagr_ratio(a, b, req, tau - clock.t0))
        {
            st.cagr_ratio = Some(r);
            st.cagr_band = Some(CagrBand::from_ratio(r));
        }
    }
    if !at_end {
        st.forecast = ev.timeline.trend_at(p).and_then(|trend| {
            trend_forecast(trend, clock, p, a, |v| g.side.met(v, t, APPROX_TOLERANCE))
        });
        if !met {
            (st.required_annual_change, st.required_rate) = required(a, t, clock.tt - tau);
        }
    }
    if base_met {
        if met {
            return st.judged(
                if at_end {
                    Label::Completed
                } else {
                    Label::OnTrack
                },
                Reason::Kept,
            );
        }
        // The bound held at the baseline and is now broken: lagging at best.
        let deviation = if t.abs() > EPS {
            (a - t) / t.abs()
        } else {
            a - t
        };
        let tolerance = APPROX_TOLERANCE;
        let label = if deviation.abs() <= tolerance + EPS {
            Label::Lagging
        } else {
            Label::SeverelyLagging
        };
        return st.judged(
            label,
            Reason::Deviation {
                deviation,
                tolerance,
            },
        );
    }
    if met {
        return st.judged(Label::Completed, Reason::Reached);
    }
    let Some(c) = st.completion else {
        return st.judged(Label::Lagging, Reason::NoRoomToMeasure);
    };
    let label = if expected <= EPS {
        if c >= 0.0 {
            Label::OnTrack
        } else {
            Label::Lagging
        }
    } else {
        Label::from_progress_ratio(c / expected)
    };
    if c >= 1.0 - EPS {
        // Full completion yet not met: exactly on a strict bound.
        return st.judged(label.min(Label::OnTrack), Reason::OnBound);
    }
    let reason = Reason::Progress {
        completion: c,
        expected,
        annual_target: annual.is_some(),
    };
    st.judged(label, reason)
}

fn ind_direction(input: &EvalInput) -> Direction {
    input.indicator.draft.direction
}

/// Expected completion share at period `p`, and the annual target used if one is set.
fn expected_share(
    input: &EvalInput,
    clock: &Clock,
    p: Period,
    b: f64,
    t: f64,
    path: Path,
) -> (f64, Option<f64>) {
    let along = |s: f64| match path {
        Path::Linear => s,
        Path::Compound => {
            let r = t / b;
            if (r - 1.0).abs() < 1e-12 {
                s
            } else {
                (r.powf(s) - 1.0) / (r - 1.0)
            }
        }
    };
    let year = p.year();
    let annual = |y: i32| {
        input
            .annual_targets
            .iter()
            .find(|(ay, _)| *ay == y)
            .map(|&(_, v)| v)
    };
    let denom = t - b;
    match annual(year) {
        Some(ay) if denom.abs() > EPS => {
            let e_year = (ay - b) / denom;
            let e = match p {
                Period::Quarter(_, q) if !input.indicator.flow => {
                    let prev = annual(year - 1)
                        .map(|v| (v - b) / denom)
                        .unwrap_or_else(|| along(share(clock, (year - 1) as f64)));
                    prev + (e_year - prev) * q as f64 / 4.0
                }
                _ => e_year,
            };
            (e, Some(ay))
        }
        _ => (along(share(clock, p.as_year_fraction())), None),
    }
}

/// Judges a level against a band around the target (左右, or a bound the baseline met but
/// the value left): inside → on track; beyond on the good side → ahead; outside within twice
/// the band → lagging; further → severely lagging.
fn level_judgement(
    st: IndicatorStatus,
    a: f64,
    t: f64,
    side: Side,
    at_end: bool,
) -> IndicatorStatus {
    let deviation = if t.abs() > EPS {
        (a - t) / t.abs()
    } else {
        a - t
    };
    let tolerance = APPROX_TOLERANCE;
    let good_side = match side {
        Side::Near {
            toward: Some(Direction::Increase),
        } => deviation > 0.0,
        Side::Near {
            toward: Some(Direction::Decrease),
        } => deviation < 0.0,
        _ => false,
    };
    let label = if deviation.abs() <= tolerance + EPS {
        if at_end {
            Label::Completed
        } else {
            Label::OnTrack
        }
    } else if good_side {
        if at_end {
            Label::Completed
        } else {
            Label::Ahead
        }
    } else if deviation.abs() <= tolerance * SEVERE_FACTOR + EPS {
        Label::Lagging
    } else {
        Label::SeverelyLagging
    };
    st.judged(
        label,
        Reason::Deviation {
            deviation,
            tolerance,
        },
    )
}

fn cumulative(
    input: &EvalInput,
    clock: &Clock,
    period: Period,
    mut st: IndicatorStatus,
    total: f64,
    cap: bool,
) -> IndicatorStatus {
    st.target = Some(total);
    let run = super::observed::running_sum(input, clock, period);
    if let Some(year) = run.gap_before_later_data {
        return st.judged(Label::NoData, Reason::CumulativeGap { year });
    }
    let Some(p) = run.last else {
        return st.judged(Label::NoData, Reason::NoData);
    };
    let sum = run.sum;
    let tau = p.as_year_fraction();
    let at_end = clock.at_end(tau);
    st.actual = Some(sum);
    st.actual_period = Some(p);
    // Expected running sum: annual targets where set, else an even share per year.
    let per_year = total / clock.span;
    let annual = |y: i32| {
        input
            .annual_targets
            .iter()
            .find(|(ay, _)| *ay == y)
            .map(|&(_, v)| v)
    };
    let mut expected_sum = 0.0;
    for y in (clock.baseline_year + 1)..p.year() {
        expected_sum += annual(y).unwrap_or(per_year);
    }
    let fraction = p.quarter().map_or(1.0, |q| q as f64 / 4.0);
    expected_sum += annual(p.year()).unwrap_or(per_year) * fraction;
    st.annual_target = annual(p.year());
    if total.abs() <= EPS {
        return st.judged(Label::NotEvaluable, Reason::TargetUnreadable);
    }
    let c = sum / total;
    let e = expected_sum / total;
    st.completion = Some(c);
    st.expected = Some(e);
    if !at_end {
        let years_done = tau - clock.t0;
        let remaining = clock.tt - tau;
        st.forecast = Some(cumulative_forecast(
            clock, sum, years_done, remaining, total, cap,
        ));
        if !cap && c < 1.0 {
            st.required_annual_change = Some((total - sum) / remaining);
        }
    }
    let reason = Reason::CumulativeProgress {
        sum,
        total,
        expected: e,
    };
    if cap {
        if sum > total + EPS * total.abs().max(1.0) {
            return st.judged(
                Label::SeverelyLagging,
                Reason::CumulativeCapExceeded { sum, total },
            );
        }
        let label = if at_end {
            Label::Completed
        } else if e <= EPS || c / e <= AHEAD_RATIO + EPS {
            Label::OnTrack
        } else {
            Label::Lagging
        };
        return st.judged(label, reason);
    }
    let label = if c >= 1.0 - EPS {
        Label::Completed
    } else if e <= EPS {
        Label::OnTrack
    } else {
        Label::from_progress_ratio(c / e)
    };
    st.judged(label, reason)
}

fn maintain(
    ev: &Evaluator,
    period: Period,
    mut st: IndicatorStatus,
    rule: MaintainRule,
) -> IndicatorStatus {
    let (input, clock) = (ev.input, &ev.clock);
    let numeric = ev
        .timeline
        .latest(input, period)
        .and_then(|o| Some((o.period, level_value(&o, input.indicator.flow)?)));
    let (Some(b), Some((p, a))) = (st.baseline, numeric) else {
        return qualitative(input, clock, period, st, true);
    };
    st.actual = Some(a);
    st.actual_period = Some(p);
    st.target = Some(b);
    let at_end = clock.at_end(p.as_year_fraction());
    let change = if b.abs() > EPS {
        (a - b) / b.abs()
    } else {
        a - b
    };
    let tolerance = STABLE_TOLERANCE;
    let eps = EPS * b.abs().max(1.0);
    let (kept, off) = match rule {
        MaintainRule::Stable => (change.abs() <= tolerance + EPS, change.abs()),
        MaintainRule::NotBelow => (a >= b - eps, -change),
        MaintainRule::NotAbove => (a <= b + eps, change),
    };
    let improving = match input.indicator.draft.direction {
        Direction::Increase => change > 0.0,
        Direction::Decrease => change < 0.0,
        _ => false,
    };
    let label = if kept || (rule == MaintainRule::Stable && improving) {
        match (at_end, kept) {
            (true, _) => Label::Completed,
            (false, true) => Label::OnTrack,
            (false, false) => Label::Ahead,
        }
    } else if off
        <= tolerance
            * if rule == MaintainRule::Stable {
                SEVERE_FACTOR
            } else {
                1.0
            }
            + EPS
    {
        Label::Lagging
    } else {
        Label::SeverelyLagging
    };
    st.judged(label, Reason::AgainstBaseline { change, tolerance })
}

/// Judges by the recorded status (达到 / 基本达到 / 未达到). `maintain`: 达到 before the
/// target year means "kept so far", not "done".
fn qualitative(
    input: &EvalInput,
    clock: &Clock,
    period: Period,
    mut st: IndicatorStatus,
    maintain: bool,
) -> IndicatorStatus {
    let mut best: Option<(Period, QualStatus)> = None;
    let mut any_value = false;
    for o in input.observations {
        if o.period > period || o.period.as_year_fraction() <= clock.t0 + EPS {
            continue;
        }
        any_value |= o.value.is_some();
        if let Some(s) = o.status {
            if best.is_none_or(|(bp, _)| o.period > bp) {
                best = Some((o.period, s));
            }
        }
    }
    let Some((p, status)) = best else {
        let label = if any_value {
            Label::NotEvaluable
        } else {
            Label::NoData
        };
        return st.judged(label, Reason::Qualitative { status: None });
    };
    st.actual_period = Some(p);
    let at_end = clock.at_end(p.as_year_fraction());
    let label = match status {
        QualStatus::Achieved if maintain && !at_end => Label::OnTrack,
        QualStatus::Achieved => Label::Completed,
        QualStatus::MostlyAchieved => Label::OnTrack,
        QualStatus::NotAchieved => Label::Lagging,
    };
    st.judged(
        label,
        Reason::Qualitative {
            status: Some(status),
        },
    )
}
