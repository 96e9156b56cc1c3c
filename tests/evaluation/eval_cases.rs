//! Hand-computed evaluation cases: every target form and direction, boundaries, missing data.
//! The expected numbers are worked out in the comments, never by calling the code.
//! Most cases use a plan with baseline year B and target year B+5 (B = 2020 or 2025: the
//! plan years are data).

use crate::eval_support;

use eval_support::*;
use zhibiao::eval::{Label, TargetForm};
use zhibiao::model::Direction;
use zhibiao::progress::QualStatus;

fn cases() -> Vec<Case> {
    use Direction::*;
    use Label::*;
    vec![
        // Plain level, increase. b=100, t=200, 2023: elapsed 3/5 = 0.6.
        // 160: c = 60/100 = 0.6, q = 0.6/0.6 = 1.0 → 基本符合预期.
        case("level on track", "100", "200", "2023", OnTrack)
            .obs(vec![num("2023", 160.0)])
            .progress(0.6, 0.6),
        // 170: c = 0.7, q = 1.167 ≥ 1.1 → 快于预期.
        case("level ahead", "100", "200", "2023", Ahead)
            .obs(vec![num("2023", 170.0)])
            .progress(0.7, 0.6),
        // 166: c = 0.66, q = 1.1 exactly → 快于预期 (boundary is inclusive).
        case("level q = 1.1", "100", "200", "2023", Ahead)
            .obs(vec![num("2023", 166.0)])
            .progress(0.66, 0.6),
        // 154: c = 0.54, q = 0.9 exactly → 基本符合预期.
        case("level q = 0.9", "100", "200", "2023", OnTrack)
            .obs(vec![num("2023", 154.0)])
            .progress(0.54, 0.6),
        // 140: c = 0.4, q = 0.667 → 滞后.
        case("level lagging", "100", "200", "2023", Lagging)
            .obs(vec![num("2023", 140.0)])
            .progress(0.4, 0.6),
        // 136: c = 0.36, q = 0.6 exactly → 滞后.
        case("level q = 0.6", "100", "200", "2023", Lagging)
            .obs(vec![num("2023", 136.0)])
            .progress(0.36, 0.6),
        // 130: c = 0.3, q = 0.5 → 严重滞后.
        case("level severe", "100", "200", "2023", SeverelyLagging)
            .obs(vec![num("2023", 130.0)])
            .progress(0.3, 0.6),
        // 90: moved away, c = −0.1 → 严重滞后.
        case("level wrong way", "100", "200", "2023", SeverelyLagging)
            .obs(vec![num("2023", 90.0)])
            .progress(-0.1, 0.6),
        // 200 in 2023: target reached → 已完成 (c = 1.0).
        case("level reached early", "100", "200", "2023", Completed)
            .obs(vec![num("2023", 200.0)])
            .progress(1.0, 0.6),
        // Decrease: b=50, t=40, 2022 (share 0.4): 46 → c = (46−50)/(40−50) = 0.4, q = 1 → 基本符合预期.
        case("decrease on track", "50", "40", "2022", OnTrack)
            .obs(vec![num("2022", 46.0)])
            .progress(0.4, 0.4),
        // 49 → c = 0.1, q = 0.25 → 严重滞后.
        case("decrease severe", "50", "40", "2022", SeverelyLagging)
            .obs(vec![num("2022", 49.0)])
            .progress(0.1, 0.4),
        // Quarter of a stock: 2023Q2 ends at 2022.5 → share 2.5/5 = 0.5; 150 → c = 0.5 → q = 1.
        case("stock quarter", "100", "200", "2023Q2", OnTrack)
            .obs(vec![num("2023Q2", 150.0)])
            .progress(0.5, 0.5),
        // Flow quarter: YTD 80 at Q2 → annualised 80 × 4/2 = 160 → c = 0.6, e = 0.5, q = 1.2 → 快于预期.
        case("flow quarter annualised", "100", "200", "2023Q2", Ahead)
            .flow()
            .obs(vec![num("2023Q2", 80.0)])
            .progress(0.6, 0.5),
        // Growth-rate floor: b = 7.1, t = 6.5 on an increase indicator: the target is a floor the
        // baseline already meets. 6.8 ≥ 6.5 → kept → 基本符合预期 (no completion figure);
        // 6.2 is (6.2−6.5)/6.5 = −4.6 % → 滞后; 6.0 is −7.7 % → 严重滞后.
        case("growth floor kept", "7.1", "6.5", "2023", OnTrack)
            .dir(Increase)
            .obs(vec![num("2023", 6.8)]),
        case("growth floor slipped", "7.1", "6.5", "2023", Lagging)
            .dir(Increase)
            .obs(vec![num("2023", 6.2)]),
        case("growth floor broken", "7.1", "6.5", "2023", SeverelyLagging)
            .dir(Increase)
            .obs(vec![num("2023", 6.0)]),
        // The same numbers on an indicator without a direction: a planned fall from 7.1 to 6.5;
        // 6.8 → c = 0.3/0.6 = 0.5, e = 0.6, q = 0.833 → 滞后.
        case("planned fall", "7.1", "6.5", "2023", Lagging)
            .obs(vec![num("2023", 6.8)])
            .progress(0.5, 0.6),
        // Threshold `< 42.5`, b = 45: 42.4 at the end → met → 已完成.
        case("lt met by 42.4", "45", "< 42.5", "2025", Completed).obs(vec![num("2025", 42.4)]),
        // 42.5 is not below 42.5: c = (42.5−45)/(42.5−45) = 1 but the bound is not passed → 基本符合预期.
        case("lt not met by 42.5", "45", "< 42.5", "2025", OnTrack)
            .obs(vec![num("2025", 42.5)])
            .progress(1.0, 1.0),
        // `≥60`, b = 55: 60 meets → 已完成.
        case("ge met by 60", "55", "≥60", "2025", Completed).obs(vec![num("2025", 60.0)]),
        // 59 at the end: c = 4/5 = 0.8, e = 1, q = 0.8 → 滞后.
        case("ge missed at end", "55", "≥60", "2025", Lagging)
            .obs(vec![num("2025", 59.0)])
            .progress(0.8, 1.0),
        // `>60`, b = 50: 60 is not above 60 → c = 1 on the bound → 基本符合预期; 60.1 → 已完成.
        case("gt not met by 60", "50", ">60", "2025", OnTrack).obs(vec![num("2025", 60.0)]),
        case("gt met by 60.1", "50", ">60", "2025", Completed).obs(vec![num("2025", 60.1)]),
        // `≤45`, b = 50, decrease: 45 → met → 已完成.
        case("le met by 45", "50", "≤45", "2025", Completed).obs(vec![num("2025", 45.0)]),
        // b = 40 already below `< 42.5`: kept in 2023 → 基本符合预期 (not done before the end) …
        case("bound kept mid-plan", "40", "< 42.5", "2023", OnTrack).obs(vec![num("2023", 41.0)]),
        // … and kept at the end → 已完成.
        case("bound kept at end", "40", "< 42.5", "2025", Completed).obs(vec![num("2025", 41.0)]),
        // … broken: 43 is (43−42.5)/42.5 = 1.2 % over (within 5 %) → 滞后; 46 is 8.2 % over → 严重滞后.
        case("bound broken slightly", "40", "< 42.5", "2023", Lagging).obs(vec![num("2023", 43.0)]),
        case(
            "bound broken badly",
            "40",
            "< 42.5",
            "2023",
            SeverelyLagging,
        )
        .obs(vec![num("2023", 46.0)]),
        // Range `3~5家`, b = 1, no direction: the baseline lies below → floor 3 (≥).
        // 2023: 2 → c = (2−1)/(3−1) = 0.5, e = 0.6, q = 0.833 → 滞后.
        case("range floor lagging", "1", "3~5家", "2023", Lagging)
            .obs(vec![num("2023", 2.0)])
            .progress(0.5, 0.6),
        // 6 at the end: past the far bound still meets the floor → 已完成.
        case("range past the far bound", "1", "3~5家", "2025", Completed)
            .obs(vec![num("2025", 6.0)]),
        // Range `35~40`, b = 50, direction decrease → ceiling 40 (≤); 41 at the end:
        // c = (41−50)/(40−50) = 0.9, e = 1, q = 0.9 → 基本符合预期 (not yet at or under 40).
        case("range ceiling on decrease", "50", "35~40", "2025", OnTrack)
            .dir(Decrease)
            .obs(vec![num("2025", 41.0)])
            .progress(0.9, 1.0),
        // 40 → at the ceiling → 已完成.
        case("range ceiling met", "50", "35~40", "2025", Completed)
            .dir(Decrease)
            .obs(vec![num("2025", 40.0)]),
        // Cumulative range `[10~12]`, increase: total 10. 2021 + 2022 = 2 + 3 = 5 by 2022:
        // c = 5/10 = 0.5, e = 2/5 = 0.4, q = 1.25 → 快于预期.
        case("cumulative range", "—", "[10~12]", "2022", Ahead)
            .dir(Increase)
            .obs(vec![num("2021", 2.0), num("2022", 3.0)])
            .progress(0.5, 0.4),
        // No baseline, `≥60`: 61 → threshold-only 已完成; 59 → 滞后.
        case("no baseline threshold met", "—", "≥60", "2023", Completed)
            .obs(vec![num("2023", 61.0)]),
        case("no baseline threshold missed", "—", "≥60", "2023", Lagging)
            .obs(vec![num("2023", 59.0)]),
        // No baseline, plain 200 with direction increase: 150 mid-plan → progress unknown → 无法评估;
        case(
            "no baseline plain mid-plan",
            "—",
            "200",
            "2023",
            NotEvaluable,
        )
        .dir(Increase)
        .obs(vec![num("2023", 150.0)]),
        // 210 → reached → 已完成.
        case("no baseline plain reached", "—", "200", "2023", Completed)
            .dir(Increase)
            .obs(vec![num("2023", 210.0)]),
        // 左右 with b = 52, t = 60 (band ±5 % = ±3): 57.5 ≥ 57 at the end → 已完成.
        case("approx reached", "52", "60左右", "2025", Completed).obs(vec![num("2025", 57.5)]),
        // 56 in 2023: below the band; c = (56−52)/8 = 0.5, e = 0.6, q = 0.833 → 滞后.
        case("approx lagging", "52", "60左右", "2023", Lagging)
            .obs(vec![num("2023", 56.0)])
            .progress(0.5, 0.6),
        // 左右 growth rate, b = 6.1 already within 6.0 ± 0.3: level judgement.
        // 5.8 → (5.8−6)/6 = −3.3 % within 5 % → 基本符合预期.
        case("approx level in band", "6.1", "6.0左右", "2023", OnTrack)
            .dir(Increase)
            .obs(vec![num("2023", 5.8)]),
        // 5.5 → −8.3 %, within 2 × 5 % → 滞后.
        case("approx level below", "6.1", "6.0左右", "2023", Lagging)
            .dir(Increase)
            .obs(vec![num("2023", 5.5)]),
        // 7.0 → +16.7 %, above on the good side (increase) → 快于预期.
        case("approx level above", "6.1", "6.0左右", "2023", Ahead)
            .dir(Increase)
            .obs(vec![num("2023", 7.0)]),
        // Direction unknown: 7.0 is 16.7 % off → beyond 10 % → 严重滞后.
        case(
            "approx level off",
            "6.1",
            "6.0左右",
            "2023",
            SeverelyLagging,
        )
        .obs(vec![num("2023", 7.0)]),
        // Cumulative [19.5]: 4 + 4.2 + 3.5 = 11.7 by 2023; c = 11.7/19.5 = 0.6, e = 0.6 → 基本符合预期.
        case("cumulative on track", "—", "[19.5]", "2023", OnTrack)
            .obs(vec![num("2021", 4.0), num("2022", 4.2), num("2023", 3.5)])
            .progress(0.6, 0.6),
        // 2022 missing while 2023 is there: the sum cannot be trusted → 无数据.
        case("cumulative gap", "—", "[19.5]", "2023", NoData)
            .obs(vec![num("2021", 4.0), num("2023", 3.5)]),
        // 5 + 5 + 5 + 5 = 20 ≥ 19.5 by 2024 → 已完成 (c = 20/19.5 = 1.025641).
        case("cumulative reached", "—", "[19.5]", "2024", Completed)
            .obs(vec![
                num("2021", 5.0),
                num("2022", 5.0),
                num("2023", 5.0),
                num("2024", 5.0),
            ])
            .progress(20.0 / 19.5, 0.8),
        // 2023Q2: 4 + 4 + 1.5 (YTD) = 9.5; expected 3.9 × 2.5 = 9.75 → e = 0.5; c = 9.5/19.5 = 0.487179, q = 0.974 → 基本符合预期.
        case("cumulative quarter", "—", "[19.5]", "2023Q2", OnTrack)
            .obs(vec![num("2021", 4.0), num("2022", 4.0), num("2023Q2", 1.5)])
            .progress(9.5 / 19.5, 0.5),
        // Annual targets 3 and 5: expected sum by 2022 = 8, actual 3 + 4 = 7; q = 7/8 = 0.875 → 滞后.
        case(
            "cumulative with annual targets",
            "—",
            "[19.5]",
            "2022",
            Lagging,
        )
        .obs(vec![num("2021", 3.0), num("2022", 4.0)])
        .annual(vec![(2021, 3.0), (2022, 5.0)])
        .progress(7.0 / 19.5, 8.0 / 19.5),
        // 下降16%, b = 0.5 → target 0.42; 0.42 at the end → 已完成.
        case(
            "relative percent reached",
            "0.5",
            "下降16%",
            "2025",
            Completed,
        )
        .obs(vec![num("2025", 0.42)]),
        // 0.46 in 2023: c = (0.46−0.5)/(0.42−0.5) = 0.5. Compound path: r = 0.84, s = 0.6,
        // e = (0.84^0.6 − 1)/(0.84 − 1) = 0.620788; q = 0.805 → 滞后.
        case(
            "relative percent compound path",
            "0.5",
            "下降16%",
            "2023",
            Lagging,
        )
        .obs(vec![num("2023", 0.46)])
        .progress(0.5, 0.6207882050057246),
        // 比2020年下降10%以上, b = 100 → at most 90: 90 → 已完成.
        case(
            "relative vs baseline year met",
            "100",
            "比2020年下降10%以上",
            "2025",
            Completed,
        )
        .obs(vec![num("2025", 90.0)]),
        // 90.5 → c = 9.5/10 = 0.95, e = 1 → q = 0.95 → 基本符合预期.
        case(
            "relative vs baseline year near",
            "100",
            "比2020年下降10%以上",
            "2025",
            OnTrack,
        )
        .obs(vec![num("2025", 90.5)])
        .progress(0.95, 1.0),
        // A 2025→2030 plan whose target is against 2020: no value for 2020 → 无法评估.
        case(
            "relative other reference year",
            "100",
            "比2020年下降10%",
            "2028",
            NotEvaluable,
        )
        .years(2025, 2030)
        .obs(vec![num("2028", 95.0)]),
        // 提高1.4岁, b = 77.8 → 79.2; 78.4 in 2023: c = 0.6/1.4 = 0.428571, e = 0.6, q = 0.714 → 滞后.
        case(
            "relative absolute amount",
            "77.8",
            "提高1.4岁",
            "2023",
            Lagging,
        )
        .obs(vec![num("2023", 78.4)])
        .progress(0.6 / 1.4, 0.6),
        // Relative target without a baseline → 无法评估.
        case(
            "relative without baseline",
            "—",
            "下降16%",
            "2023",
            NotEvaluable,
        )
        .obs(vec![num("2023", 0.46)]),
        // Ratio 1:1.05 → 1:1.1 (values 1.05 → 1.1); 1.08 in 2023: c = 0.03/0.05 = 0.6, e = 0.6 → 基本符合预期.
        case("ratio", "1:1.05", "1:1.1", "2023", OnTrack)
            .obs(vec![num("2023", 1.08)])
            .progress(0.6, 0.6),
        // 保持稳定, b = 100 (±5 %): 103 → 基本符合预期; 108 → 滞后 (≤ 10 %); 115 → 严重滞后; 101 at end → 已完成.
        case("stable kept", "100", "保持稳定", "2023", OnTrack).obs(vec![num("2023", 103.0)]),
        case("stable drift", "100", "保持稳定", "2023", Lagging).obs(vec![num("2023", 108.0)]),
        case("stable broken", "100", "保持稳定", "2023", SeverelyLagging)
            .obs(vec![num("2023", 115.0)]),
        case("stable at end", "100", "保持稳定", "2025", Completed).obs(vec![num("2025", 101.0)]),
        // 不减少, b = 100: 100 → kept → 基本符合预期; 99 (−1 %) → 滞后; 90 (−10 %) → 严重滞后.
        case("not below kept", "100", "不减少", "2023", OnTrack).obs(vec![num("2023", 100.0)]),
        case("not below slipped", "100", "不减少", "2023", Lagging).obs(vec![num("2023", 99.0)]),
        case(
            "not below dropped",
            "100",
            "不减少",
            "2023",
            SeverelyLagging,
        )
        .obs(vec![num("2023", 90.0)]),
        // Qualitative 基本消除: the recorded status decides.
        case("qualitative achieved", "—", "基本消除", "2023", Completed)
            .obs(vec![status("2023", QualStatus::Achieved)]),
        case("qualitative mostly", "—", "基本消除", "2023", OnTrack)
            .obs(vec![status("2023", QualStatus::MostlyAchieved)]),
        case("qualitative not", "—", "基本消除", "2023", Lagging)
            .obs(vec![status("2023", QualStatus::NotAchieved)]),
        case(
            "qualitative nothing recorded",
            "—",
            "基本消除",
            "2023",
            NoData,
        ),
        // 保持稳定 without a baseline: 达到 mid-plan means "kept so far" → 基本符合预期; at the end → 已完成.
        case("maintain status mid-plan", "—", "保持稳定", "2023", OnTrack)
            .obs(vec![status("2023", QualStatus::Achieved)]),
        case("maintain status at end", "—", "保持稳定", "2025", Completed)
            .obs(vec![status("2025", QualStatus::Achieved)]),
        // Pending: 目标待下达 until a revision exists; then `≥60` from b = 55 with 60 → 已完成.
        case("pending", "55", "按省下达目标", "2023", TargetPending).obs(vec![num("2023", 60.0)]),
        case("pending assigned", "55", "按省下达目标", "2023", Completed)
            .revised("≥60")
            .obs(vec![num("2023", 60.0)]),
        // No target → 无法评估; no observation → 无数据; at or before the baseline → 待评估.
        case("no target", "100", "—", "2023", NotEvaluable).obs(vec![num("2023", 150.0)]),
        case("no data", "100", "200", "2023", NoData),
        case("baseline year", "100", "200", "2020", NotYetDue).obs(vec![num("2020", 100.0)]),
        case("baseline year quarter", "100", "200", "2020Q4", NotYetDue),
        // The latest value before the period is used: 2024 asked, 2023 known (150) → c = 0.5, e = 0.6, q = 0.833 → 滞后.
        case("latest earlier value", "100", "200", "2024", Lagging)
            .obs(vec![num("2023", 150.0)])
            .progress(0.5, 0.6),
        // Annual target 150 for 2023: e = (150−100)/(200−100) = 0.5; 150 → q = 1 → 基本符合预期.
        case("annual target", "100", "200", "2023", OnTrack)
            .obs(vec![num("2023", 150.0)])
            .annual(vec![(2023, 150.0)])
            .progress(0.5, 0.5),
        // 十五五: b = 100 (2025), t = 150 (2030); 2027: e = 2/5 = 0.4, 120 → c = 0.4 → 基本符合预期.
        case("2025 baseline plan", "100", "150", "2027", OnTrack)
            .years(2025, 2030)
            .obs(vec![num("2027", 120.0)])
            .progress(0.4, 0.4),
        // 2027Q2 of that plan ends at 2026.5: e = 1.5/5 = 0.3; 115 → c = 0.3 → 基本符合预期.
        case(
            "2025 baseline plan quarter",
            "100",
            "150",
            "2027Q2",
            OnTrack,
        )
        .years(2025, 2030)
        .obs(vec![num("2027Q2", 115.0)])
        .progress(0.3, 0.3),
    ]
}

#[test]
fn hand_computed_cases() {
    let all = cases();
    assert!(all.len() >= 40, "the table must hold at least 40 cases");
    let mut failures = Vec::new();
    for c in &all {
        let st = c.run();
        let ok_label = st.label == c.label;
        let ok_completion = c.completion.is_none() || close(st.completion, c.completion);
        let ok_expected = c.expected.is_none() || close(st.expected, c.expected);
        if !(ok_label && ok_completion && ok_expected) {
            failures.push(format!(
                "{}: got {:?} c={:?} e={:?} ({}); want {:?} c={:?} e={:?}",
                c.name,
                st.label,
                st.completion,
                st.expected,
                st.reason,
                c.label,
                c.completion,
                c.expected
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_range_is_judged_against_the_bound_on_the_indicators_side() {
    // Baseline below the range, no direction: the floor.
    let up = case("range up", "1", "3~5家", "2023", Label::Lagging)
        .obs(vec![num("2023", 2.0)])
        .run();
    assert_eq!(up.form, TargetForm::Range);
    assert_eq!(up.target, Some(3.0));
    // Decrease: the ceiling.
    let down = case("range down", "50", "35~40", "2025", Label::OnTrack)
        .dir(Direction::Decrease)
        .obs(vec![num("2025", 41.0)])
        .run();
    assert_eq!(down.form, TargetForm::Range);
    assert_eq!(down.target, Some(40.0));
}
