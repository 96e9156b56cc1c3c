//! One indicator's observations read once, for evaluation at many periods (trend tables,
//! dashboards over every quarter): the numeric values in time order and the trend's
//! least-squares sums through the baseline and each annual value, so that the latest value
//! and the forecast at a period cost a binary search instead of a pass with logarithms.

use super::forecast::Trend;
use super::label::EPS;
use super::observed::Clock;
use super::{EvalInput, ObservedValue};
use crate::model::Period;

pub(crate) struct Timeline {
    /// Numeric observations after the baseline year, in time order; of two observations of
    /// the same period the first given counts.
    numeric: Vec<(Period, f64)>,
    /// Annual observations after the baseline year in time order, each with the trend sums
    /// through the baseline and every annual value up to and including it.
    annual: Vec<(Period, Trend)>,
    /// The trend sums through the baseline alone; `None` without a numeric baseline.
    base: Option<Trend>,
}

impl Timeline {
    pub fn new(obs: &[ObservedValue], baseline: Option<f64>, clock: &Clock) -> Self {
        let mut numeric: Vec<(Period, f64)> = obs
            .iter()
            .filter(|o| o.period.as_year_fraction() > clock.t0 + EPS)
            .filter_map(|o| Some((o.period, o.value?)))
            .collect();
        numeric.sort_by_key(|&(p, _)| p);
        numeric.dedup_by_key(|&mut (p, _)| p);
        let base = baseline.map(|b| Trend::through(0.0, b));
        let mut annual = Vec::new();
        if let Some(mut trend) = base {
            let mut years: Vec<(i32, f64)> = obs
                .iter()
                .filter_map(|o| match (o.period, o.value) {
                    (Period::Year(y), Some(v)) if y > clock.baseline_year => Some((y, v)),
                    _ => None,
                })
                .collect();
            years.sort_by_key(|&(y, _)| y);
            for (y, v) in years {
                trend.add(y as f64 - clock.t0, v);
                annual.push((Period::Year(y), trend));
            }
        }
        Timeline {
            numeric,
            annual,
            base,
        }
    }

    /// The latest numeric observation after the baseline year and at or before `period`;
    /// for a finished plan with no observations, the table's own actual (完成情况) at the
    /// target year.
    pub fn latest(&self, input: &EvalInput, period: Period) -> Option<ObservedValue> {
        let upto = self.numeric.partition_point(|&(p, _)| p <= period);
        if let Some(&(p, v)) = upto.checked_sub(1).and_then(|i| self.numeric.get(i)) {
            return Some(ObservedValue {
                period: p,
                value: Some(v),
                status: None,
            });
        }
        if period.year() < input.target_year {
            return None;
        }
        let actual = input
            .indicator
            .draft
            .actual
            .as_ref()
            .and_then(|v| v.value)?;
        Some(ObservedValue {
            period: Period::Year(input.target_year),
            value: Some(actual),
            status: None,
        })
    }

    /// The trend sums through the baseline and the annual values up to `period`.
    pub fn trend_at(&self, period: Period) -> Option<Trend> {
        let upto = self.annual.partition_point(|&(p, _)| p <= period);
        match upto.checked_sub(1) {
            Some(i) => Some(self.annual[i].1),
            None => self.base,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::forecast::trend_forecast;
    use crate::model::{Direction, Indicator, IndicatorDraft};

    fn obs(period: &str, v: f64) -> ObservedValue {
        ObservedValue {
            period: period.parse().unwrap(),
            value: Some(v),
            status: None,
        }
    }

    fn indicator() -> Indicator {
        Indicator {
            id: 1,
            plan_id: 1,
            table_id: 1,
            draft: IndicatorDraft {
                name: "测试".into(),
                direction: Direction::Increase,
                ..IndicatorDraft::default()
            },
            ..Indicator::default()
        }
    }

    /// Out of order, with a baseline-year value and a repeated quarter.
    fn observations() -> Vec<ObservedValue> {
        vec![
            obs("2022", 120.0),
            obs("2021Q2", 105.0),
            obs("2021", 110.0),
            obs("2020", 100.0),
            obs("2021Q2", 999.0),
        ]
    }

    fn input<'a>(ind: &'a Indicator, o: &'a [ObservedValue]) -> EvalInput<'a> {
        EvalInput {
            indicator: ind,
            observations: o,
            annual_targets: &[],
            revised_target: None,
            baseline_year: 2020,
            target_year: 2025,
        }
    }

    #[test]
    fn latest_is_the_last_value_at_or_before_the_period_after_the_baseline_year() {
        let (ind, o) = (indicator(), observations());
        let clock = Clock::new(2020, 2025);
        let tl = Timeline::new(&o, Some(100.0), &clock);
        let inp = input(&ind, &o);
        let at = |p: &str| {
            tl.latest(&inp, p.parse().unwrap())
                .map(|o| (o.period.to_string(), o.value.unwrap()))
        };
        assert_eq!(
            at("2021Q1"),
            None,
            "the baseline year's value is not progress"
        );
        assert_eq!(
            at("2021Q3"),
            Some(("2021Q2".into(), 105.0)),
            "first of duplicates"
        );
        assert_eq!(at("2021Q4"), Some(("2021Q2".into(), 105.0)));
        assert_eq!(at("2021"), Some(("2021".into(), 110.0)));
        assert_eq!(at("2024Q2"), Some(("2022".into(), 120.0)));
    }

    #[test]
    fn without_observations_a_finished_plan_falls_back_to_the_tables_actual() {
        let mut ind = indicator();
        ind.draft.actual = Some(crate::grammar::parse_value("130"));
        let clock = Clock::new(2020, 2025);
        let tl = Timeline::new(&[], Some(100.0), &clock);
        let inp = input(&ind, &[]);
        assert_eq!(tl.latest(&inp, "2024".parse().unwrap()), None);
        let end = tl.latest(&inp, "2025".parse().unwrap()).unwrap();
        assert_eq!(
            (end.period.to_string(), end.value),
            ("2025".into(), Some(130.0))
        );
    }

    #[test]
    fn the_trend_at_a_period_goes_through_the_baseline_and_the_years_before_it() {
        let o = observations();
        let clock = Clock::new(2020, 2025);
        let tl = Timeline::new(&o, Some(100.0), &clock);
        let linear = |p: &str, a: f64| {
            let p = p.parse().unwrap();
            trend_forecast(tl.trend_at(p).unwrap(), &clock, p, a, |_| true)
                .unwrap()
                .linear
                .unwrap()
        };
        // (0, 100), (1, 110), (2, 120): 10 a year, 150 in 2025.
        assert!((linear("2022", 120.0) - 150.0).abs() < 1e-9);
        // 2021 is not yet complete at 2021Q4: (0, 100) and the quarter (1, 110).
        assert!((linear("2021Q4", 110.0) - 150.0).abs() < 1e-9);
        // (0, 100), (1, 110) and 2022Q2 at (1.5, 130): slope 130/7, intercept 4110/42,
        // so 8010/42 in 2025.
        assert!((linear("2022Q2", 130.0) - 8010.0 / 42.0).abs() < 1e-9);
    }

    #[test]
    fn no_baseline_means_no_trend() {
        let o = observations();
        let tl = Timeline::new(&o, None, &Clock::new(2020, 2025));
        assert!(tl.trend_at("2023".parse().unwrap()).is_none());
    }
}
