//! One trajectory across a linked pair: the predecessor's annual values (in the successor's
//! unit) up to its target year, then the successor's values; and the 基数口径调整 check
//! where the successor's gazette baseline differs from the predecessor's actual.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::eval::ObservedValue;
use crate::model::Period;

/// Relative difference between the successor's baseline and the predecessor's actual of the
/// same year above which the base is flagged as adjusted (基数口径调整).
pub const BASELINE_SHIFT_TOLERANCE: f64 = 0.005;

/// One point of the joined trajectory.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct JoinedPoint {
    pub period: Period,
    pub value: f64,
    /// From the earlier plan (converted by the link's factor).
    pub from_predecessor: bool,
}

/// The successor's gazette baseline beside the predecessor's actual of that year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct BaselineShift {
    pub year: i32,
    /// The predecessor's value of the year, converted to the successor's unit.
    pub predecessor_actual: f64,
    pub successor_baseline: f64,
    /// The two differ by more than [`BASELINE_SHIFT_TOLERANCE`]: 基数口径调整.
    pub adjusted: bool,
}

fn annual(obs: &[ObservedValue], year: i32) -> Option<f64> {
    obs.iter()
        .find(|o| o.period == Period::Year(year))
        .and_then(|o| o.value)
}

/// The joined trajectory: predecessor annual values up to `predecessor_end` (× `factor`),
/// then the successor's values after `successor_base_year` (annual, and quarters of years
/// without an annual value yet), oldest first; and the baseline check.
pub fn joined_trajectory(
    predecessor: &[ObservedValue],
    predecessor_end: i32,
    factor: f64,
    successor: &[ObservedValue],
    successor_base_year: i32,
    successor_baseline: Option<f64>,
) -> (Vec<JoinedPoint>, Option<BaselineShift>) {
    let mut points: Vec<JoinedPoint> = predecessor
        .iter()
        .filter(|o| matches!(o.period, Period::Year(y) if y <= predecessor_end))
        .filter_map(|o| {
            Some(JoinedPoint {
                period: o.period,
                value: o.value? * factor,
                from_predecessor: true,
            })
        })
        .collect();
    points.extend(
        successor
            .iter()
            .filter(|o| o.period.year() > successor_base_year)
            .filter(|o| match o.period {
                Period::Year(_) => true,
                Period::Quarter(y, _) => annual(successor, y).is_none(),
            })
            .filter_map(|o| {
                Some(JoinedPoint {
                    period: o.period,
                    value: o.value?,
                    from_predecessor: false,
                })
            }),
    );
    points.sort_by_key(|p| p.period);
    points.dedup_by_key(|p| p.period);
    let shift = match (annual(predecessor, successor_base_year), successor_baseline) {
        (Some(a), Some(b)) => {
            let a = a * factor;
            let rel = (b - a).abs() / a.abs().max(f64::MIN_POSITIVE);
            Some(BaselineShift {
                year: successor_base_year,
                predecessor_actual: a,
                successor_baseline: b,
                adjusted: rel > BASELINE_SHIFT_TOLERANCE,
            })
        }
        _ => None,
    };
    (points, shift)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn o(p: &str, v: f64) -> ObservedValue {
        ObservedValue {
            period: p.parse().unwrap(),
            value: Some(v),
            status: None,
        }
    }

    #[test]
    fn joins_both_plans_in_the_successors_unit_and_flags_an_adjusted_base() {
        let before = [
            o("2021", 33000.0),
            o("2025", 45500.0),
            o("2026Q1", 1.0),
            o("2024Q2", 9.0),
        ];
        let after = [o("2026Q1", 1.2), o("2026Q2", 2.4), o("2025", 4.6)];
        let (points, shift) = joined_trajectory(&before, 2025, 1e-4, &after, 2025, Some(4.55));
        let got: Vec<(String, f64, bool)> = points
            .iter()
            .map(|p| {
                (
                    p.period.to_string(),
                    (p.value * 1e4).round() / 1e4,
                    p.from_predecessor,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("2021".into(), 3.3, true),
                ("2025".into(), 4.55, true),
                ("2026Q1".into(), 1.2, false),
                ("2026Q2".into(), 2.4, false),
            ]
        );
        let s = shift.unwrap();
        assert!(!s.adjusted, "4.55 = 45500 元 in 万元");
        let (_, s) = joined_trajectory(&before, 2025, 1e-4, &after, 2025, Some(4.4));
        assert!(s.unwrap().adjusted, "4.4 vs 4.55 differs by 3.3 %");
    }
}
