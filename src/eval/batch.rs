//! Many indicators at many periods: the roll-up at each period (the status summary over
//! time). The indicators are split across the machine's cores; each one's target and
//! observations are read once (an [`Evaluator`]) and judged at every period.

use std::num::NonZero;
use std::thread;

use super::{EvalInput, Evaluator, RollUp};
use crate::model::Period;

/// Below this many indicators per thread, spawning costs more than it saves.
const MIN_PER_THREAD: usize = 2_000;

/// One roll-up per period, in the order of `periods`.
pub fn roll_up_by_period(inputs: &[EvalInput], periods: &[Period]) -> Vec<RollUp> {
    let threads = thread::available_parallelism().map_or(1, NonZero::get);
    let chunk = inputs.len().div_ceil(threads).max(MIN_PER_THREAD);
    let mut parts = inputs.chunks(chunk);
    let first = parts.next().unwrap_or(&[]);
    thread::scope(|scope| {
        let others: Vec<_> = parts
            .map(|part| scope.spawn(move || roll_up_part(part, periods)))
            .collect();
        let mut total = roll_up_part(first, periods);
        for handle in others {
            let part = handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            for (t, p) in total.iter_mut().zip(&part) {
                t.merge(p);
            }
        }
        total
    })
}

fn roll_up_part(inputs: &[EvalInput], periods: &[Period]) -> Vec<RollUp> {
    let mut out = vec![RollUp::empty(); periods.len()];
    for input in inputs {
        let evaluator = Evaluator::new(input);
        for (rollup, &period) in out.iter_mut().zip(periods) {
            rollup.add(evaluator.at(period).label, input.indicator.draft.attribute);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::{evaluate, ObservedValue};
    use crate::grammar::parse_value;
    use crate::model::{Attribute, Indicator, IndicatorDraft};

    const TARGETS: [&str; 6] = ["120", "< 42.5", "[30]", "下降16%", "保持稳定", "按省下达"];

    fn indicator(i: usize) -> Indicator {
        Indicator {
            id: i as i64,
            plan_id: 1,
            table_id: 1,
            position: i as i32,
            draft: IndicatorDraft {
                name: format!("指标{i}"),
                attribute: Some(if i.is_multiple_of(3) {
                    Attribute::Binding
                } else {
                    Attribute::Expected
                }),
                baseline: Some(parse_value(&format!("{}", 40 + i % 60))),
                target: Some(parse_value(TARGETS[i % TARGETS.len()])),
                ..IndicatorDraft::default()
            },
            ..Indicator::default()
        }
    }

    fn observations(i: usize) -> Vec<ObservedValue> {
        (2021..=2023)
            .filter(|y| !(i + *y as usize).is_multiple_of(4))
            .map(|y| ObservedValue {
                period: Period::Year(y),
                value: Some(40.0 + (i % 60) as f64 + (y - 2020) as f64 * (i % 7) as f64),
                status: None,
            })
            .collect()
    }

    #[test]
    fn the_split_roll_ups_equal_one_pass_over_every_indicator() {
        // Enough indicators for more than one part on a machine with two or more cores.
        let n = 3 * MIN_PER_THREAD + 17;
        let indicators: Vec<Indicator> = (0..n).map(indicator).collect();
        let observations: Vec<Vec<ObservedValue>> = (0..n).map(observations).collect();
        let inputs: Vec<EvalInput> = indicators
            .iter()
            .zip(&observations)
            .map(|(indicator, obs)| EvalInput {
                indicator,
                observations: obs,
                annual_targets: &[],
                revised_target: None,
                baseline_year: 2020,
                target_year: 2025,
            })
            .collect();
        let periods: Vec<Period> = ["2021Q2", "2022", "2023Q4", "2025"]
            .iter()
            .map(|p| p.parse().unwrap())
            .collect();

        let got = roll_up_by_period(&inputs, &periods);

        assert_eq!(got.len(), periods.len());
        for (rollup, &period) in got.iter().zip(&periods) {
            let mut want = RollUp::empty();
            for input in &inputs {
                want.add(
                    evaluate(input, period).label,
                    input.indicator.draft.attribute,
                );
            }
            assert_eq!(rollup, &want, "{period}");
            assert_eq!(rollup.total as usize, n);
        }
        // The data spreads over several labels, so a wrong merge would show.
        let used = got[2].counts.iter().filter(|c| c.count > 0).count();
        assert!(used >= 3, "{:?}", got[2].counts);
    }
}
