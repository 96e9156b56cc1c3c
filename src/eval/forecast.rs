//! Trend forecasts to the target year, the CAGR ratio and the rate still required.

use super::label::EPS;
use super::observed::Clock;
use super::Forecast;
use crate::model::Period;

/// The required CAGR of the Statistics Canada ratio: (t / b)^(1 / span) − 1. Depends on
/// the indicator only, so an evaluator computes it once. `None` where the ratio is not
/// defined: a non-positive baseline or target, or no change asked for.
pub(crate) fn required_cagr(b: f64, t: f64, span: f64) -> Option<f64> {
    if b <= 0.0 || t <= 0.0 || span <= EPS {
        return None;
    }
    let required = (t / b).powf(1.0 / span) - 1.0;
    (required.abs() >= 1e-12).then_some(required)
}

/// R = actual CAGR / required CAGR (Statistics Canada, as used by open-sdg), the actual
/// CAGR being (a / b)^(1 / years_done) − 1. Defined for a positive value once time has
/// passed.
pub(crate) fn cagr_ratio(a: f64, b: f64, required: f64, years_done: f64) -> Option<f64> {
    if a <= 0.0 || b <= 0.0 || years_done <= EPS {
        return None;
    }
    let actual = (a / b).powf(1.0 / years_done) - 1.0;
    Some(actual / required)
}

/// Change per year and compound rate per year still needed to go from `a` to `t`.
pub(crate) fn required(a: f64, t: f64, remaining: f64) -> (Option<f64>, Option<f64>) {
    if remaining <= EPS {
        return (None, None);
    }
    let rate = (a > 0.0 && t > 0.0).then(|| (t / a).powf(1.0 / remaining) - 1.0);
    (Some((t - a) / remaining), rate)
}

/// Least-squares sums over (x, y) points, x measured from the baseline year.
#[derive(Debug, Clone, Copy, Default)]
struct Fit {
    n: f64,
    sx: f64,
    sy: f64,
    sxx: f64,
    sxy: f64,
}

impl Fit {
    fn add(&mut self, x: f64, y: f64) {
        self.n += 1.0;
        self.sx += x;
        self.sy += y;
        self.sxx += x * x;
        self.sxy += x * y;
    }

    fn at(&self, x: f64) -> Option<f64> {
        let d = self.n * self.sxx - self.sx * self.sx;
        if self.n < 2.0 || d.abs() < 1e-12 {
            return None;
        }
        let slope = (self.n * self.sxy - self.sx * self.sy) / d;
        let intercept = (self.sy - slope * self.sx) / self.n;
        Some(intercept + slope * x)
    }
}

/// The sums of a linear and a compound (log-linear) trend. Copy: a timeline keeps one per
/// annual value, and a quarter's value is added to a copy.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Trend {
    lin: Fit,
    log: Fit,
    /// Every point positive: only then is the compound trend defined.
    positive: bool,
}

impl Trend {
    pub fn through(x: f64, y: f64) -> Self {
        let mut t = Trend {
            lin: Fit::default(),
            log: Fit::default(),
            positive: true,
        };
        t.add(x, y);
        t
    }

    pub fn add(&mut self, x: f64, y: f64) {
        self.lin.add(x, y);
        self.positive &= y > 0.0;
        if y > 0.0 {
            self.log.add(x, y.ln());
        }
    }
}

/// Linear and compound trend through the baseline and the annual observations up to `p`
/// (`trend`), plus the value judged at `p` when it is a quarter; evaluated at the target
/// year.
pub(crate) fn trend_forecast(
    mut trend: Trend,
    clock: &Clock,
    p: Period,
    a: f64,
    met: impl Fn(f64) -> bool,
) -> Option<Forecast> {
    if !matches!(p, Period::Year(_)) {
        trend.add(p.as_year_fraction() - clock.t0, a);
    }
    let x = clock.tt - clock.t0;
    let linear = trend.lin.at(x);
    let compound = if trend.positive {
        trend.log.at(x).map(f64::exp)
    } else {
        None
    };
    if linear.is_none() && compound.is_none() {
        return None;
    }
    Some(Forecast {
        year: clock.tt as i32,
        linear,
        compound,
        linear_meets: linear.map(&met),
        compound_meets: compound.map(&met),
    })
}

/// A running sum continued at its average pace so far.
pub(crate) fn cumulative_forecast(
    clock: &Clock,
    sum: f64,
    years_done: f64,
    remaining: f64,
    total: f64,
    cap: bool,
) -> Forecast {
    let linear = (years_done > EPS).then(|| sum + sum / years_done * remaining);
    let meets = |v: f64| {
        if cap {
            v <= total + EPS
        } else {
            v >= total - EPS
        }
    };
    Forecast {
        year: clock.tt as i32,
        linear,
        compound: None,
        linear_meets: linear.map(meets),
        compound_meets: None,
    }
}
