//! Target feasibility (目标可行性), cases computed by hand (docs/evaluation.md): a level
//! target, a relative 下降13.5%, a cumulative total, one 偏高, one 偏低, a unit conversion,
//! and the targets that cannot be assessed.

use crate::eval_support;

use eval_support::{indicator, num};
use zhibiao::eval::{
    assess_feasibility, Feasibility, FeasibilityInput, FeasibilityResult, History, ObservedValue,
    PaceKind,
};
use zhibiao::model::Direction;

fn close(a: Option<f64>, b: f64, tol: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() <= tol)
}

/// A 2025 → 2030 indicator with a 2020 → 2025 predecessor (`history`: baseline, annual values).
fn assess(
    baseline: &str,
    target: &str,
    direction: Direction,
    history: Option<(f64, &[ObservedValue], f64)>,
) -> FeasibilityResult {
    let ind = indicator(baseline, target, direction, false);
    assess_feasibility(&FeasibilityInput {
        indicator: &ind,
        revised_target: None,
        baseline_year: 2025,
        target_year: 2030,
        history: history.map(|(b, obs, factor)| History {
            baseline_year: 2020,
            baseline: Some(b),
            end_year: 2025,
            observations: obs,
            table_actual: None,
            factor,
        }),
    })
}

#[test]
fn level_target_against_the_realised_rate() {
    let obs = [
        num("2021", 3250.0),
        num("2022", 3500.0),
        num("2023", 3700.0),
        num("2024", 3900.0),
        num("2025", 4100.0),
    ];
    let r = assess(
        "4150",
        "5500",
        Direction::Increase,
        Some((3000.0, &obs, 1.0)),
    );
    // (5500/4150)^(1/5) − 1 = 5.7945 %; (4100/3000)^(1/5) − 1 = 6.4468 %; k = 0.8988.
    assert_eq!(r.pace_kind, Some(PaceKind::Rate));
    assert!(close(r.required, 0.057_944_6, 1e-6), "{:?}", r.required);
    assert!(close(r.realised, 0.064_467_8, 1e-6), "{:?}", r.realised);
    assert!(close(r.ratio, 0.898_81, 1e-5));
    assert_eq!(r.judgement, Feasibility::Reasonable);
    // Log-linear least squares through 2020–2025 at 2030: 5653.02.
    assert!(close(r.forecast, 5653.017, 1e-2), "{:?}", r.forecast);
    assert_eq!(r.forecast_meets, Some(true));
    // Linear path: 1350 over five years, 270 a year.
    assert_eq!(
        r.proposed,
        vec![
            (2026, 4420.0),
            (2027, 4690.0),
            (2028, 4960.0),
            (2029, 5230.0),
            (2030, 5500.0)
        ]
    );
}

#[test]
fn relative_target_down_13_5_percent() {
    let obs = [num("2025", 0.51)];
    let r = assess(
        "0.52",
        "下降13.5%",
        Direction::Decrease,
        Some((0.60, &obs, 1.0)),
    );
    // t = 0.52 × 0.865 = 0.4498; 0.865^(1/5) − 1 = −2.8589 %; 0.85^(1/5) − 1 = −3.1981 %.
    assert!(close(r.target, 0.4498, 1e-12));
    assert!(close(r.required, -0.028_588_5, 1e-6), "{:?}", r.required);
    assert!(close(r.realised, -0.031_981_2, 1e-6), "{:?}", r.realised);
    assert!(close(r.ratio, 0.893_92, 1e-5));
    assert_eq!(r.judgement, Feasibility::Reasonable);
    // Two points: 0.60 × 0.85² = 0.4335 in 2030, below the cap 0.4498.
    assert!(close(r.forecast, 0.4335, 1e-9));
    assert_eq!(r.forecast_meets, Some(true));
    // Constant-rate path 0.52 × 0.865^(k/5).
    let path: Vec<f64> = r.proposed.iter().map(|p| p.1).collect();
    assert_eq!(path, vec![0.5051, 0.4907, 0.4767, 0.463, 0.4498]);
}

#[test]
fn cumulative_target_against_the_realised_annual_amount() {
    let obs = [
        num("2021", 8.5),
        num("2022", 8.2),
        num("2023", 8.8),
        num("2024", 8.6),
        num("2025", 8.9),
    ];
    let r = assess("—", "[42]", Direction::Increase, Some((0.0, &obs, 1.0)));
    // 42 / 5 = 8.4 a year against 43 / 5 = 8.6: k = 0.9767.
    assert_eq!(r.pace_kind, Some(PaceKind::Amount));
    assert!(close(r.required, 8.4, 1e-12));
    assert!(close(r.realised, 8.6, 1e-12));
    assert!(close(r.ratio, 0.976_744, 1e-6));
    assert_eq!(r.judgement, Feasibility::Reasonable);
    assert!(close(r.forecast, 43.0, 1e-9));
    assert_eq!(
        r.proposed,
        vec![
            (2026, 8.4),
            (2027, 8.4),
            (2028, 8.4),
            (2029, 8.4),
            (2030, 8.4)
        ]
    );
}

#[test]
fn too_high_too_low_and_converted_units() {
    let high = [num("2025", 3.9)];
    let r = assess("3.9", "12", Direction::Increase, Some((2.0, &high, 1.0)));
    // (12/3.9)^(1/5) − 1 = 25.205 % against (3.9/2)^(1/5) − 1 = 14.290 %: k = 1.764.
    assert!(close(r.ratio, 1.763_90, 1e-5), "{:?}", r.ratio);
    assert_eq!(r.judgement, Feasibility::High);

    let low = [num("2025", 63.8)];
    let r = assess("63.5", "65", Direction::Increase, Some((58.2, &low, 1.0)));
    // (65/63.5)^(1/5) − 1 = 0.468 % against (63.8/58.2)^(1/5) − 1 = 1.854 %: k = 0.252.
    assert!(close(r.ratio, 0.252_40, 1e-5), "{:?}", r.ratio);
    assert_eq!(r.judgement, Feasibility::Low);

    // 元 → 万元: 32000 → 45500 元 is 3.2 → 4.55 万元, 7.293 % a year; 4.55 → 6.0 asks 5.689 %.
    let income = [num("2025", 45500.0)];
    let r = assess(
        "4.55",
        "6.0",
        Direction::Increase,
        Some((32000.0, &income, 1e-4)),
    );
    assert!(close(r.realised, 0.072_932_2, 1e-6), "{:?}", r.realised);
    assert!(close(r.ratio, 0.779_98, 1e-5));
    assert_eq!(r.judgement, Feasibility::Reasonable);
}

#[test]
fn a_target_reversing_the_realised_direction_is_too_high() {
    // Energy use per unit rose 0.60 → 0.62; the new plan asks for a fall.
    let obs = [num("2025", 0.62)];
    let r = assess(
        "0.62",
        "下降10%",
        Direction::Decrease,
        Some((0.60, &obs, 1.0)),
    );
    assert!(r.ratio.unwrap() < 0.0);
    assert_eq!(r.judgement, Feasibility::High);
}

#[test]
fn pending_qualitative_and_maintain_targets_are_not_assessable() {
    let obs = [num("2025", 85.0)];
    for (target, why) in [
        ("按省下达目标", "待下达"),
        ("基本消除", "定性"),
        ("保持稳定", "保持"),
    ] {
        let r = assess("84.6", target, Direction::Increase, Some((80.0, &obs, 1.0)));
        assert_eq!(r.judgement, Feasibility::NotAssessable, "{target}");
        assert!(r.reason.contains(why), "{target}: {}", r.reason);
        assert!(r.required.is_none() && r.proposed.is_empty(), "{target}");
    }
}

#[test]
fn without_history_the_required_pace_and_path_are_still_given() {
    let r = assess("9", "13", Direction::Increase, None);
    assert_eq!(r.judgement, Feasibility::NotAssessable);
    assert!(r.reason.contains("未关联"));
    assert!(close(r.required, (13.0f64 / 9.0).powf(0.2) - 1.0, 1e-12));
    assert_eq!(r.proposed.len(), 5);
}
