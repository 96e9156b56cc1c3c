//! Hand-computed figures beside the label: relative targets made absolute, the CAGR ratio R,
//! forecasts, the required rate and the Chinese reason sentences.

use crate::eval_support;

use eval_support::*;
use zhibiao::eval::{CagrBand, Label};

#[test]
fn relative_target_becomes_absolute() {
    // 下降16% from 0.5 → 0.5 × 0.84 = 0.42.
    let c = case("t", "0.5", "下降16%", "2023", Label::Lagging).obs(vec![num("2023", 0.46)]);
    let st = c.run();
    assert!(close(st.target, Some(0.42)));
    // 提高1.4岁 from 77.8 → 79.2.
    let st = case("t", "77.8", "提高1.4岁", "2023", Label::Lagging)
        .obs(vec![num("2023", 78.4)])
        .run();
    assert!(close(st.target, Some(79.2)));
}

#[test]
fn cagr_ratio_and_band() {
    // b = 100 → t = 200 over 5 years; 150 after 3 years.
    // actual = 1.5^(1/3) − 1 = 0.144714; required = 2^(1/5) − 1 = 0.148698; R = 0.973207 → 进展显著.
    let st = case("r", "100", "200", "2023", Label::Ahead)
        .obs(vec![num("2023", 150.0)])
        .run();
    assert!(
        close(st.cagr_ratio, Some(0.9732067483612534)),
        "{:?}",
        st.cagr_ratio
    );
    assert_eq!(st.cagr_band, Some(CagrBand::Substantial));
    // 110 after 3 years: actual = 1.1^(1/3) − 1 = 0.032280; R = 0.217085 → 进展有限.
    let st = case("r", "100", "200", "2023", Label::Lagging)
        .obs(vec![num("2023", 110.0)])
        .run();
    assert!(close(
        st.cagr_ratio,
        Some((1.1f64.powf(1.0 / 3.0) - 1.0) / (2f64.powf(0.2) - 1.0))
    ));
    assert_eq!(st.cagr_band, Some(CagrBand::Limited));
    // 90: moving away → R < 0 → 倒退.
    let st = case("r", "100", "200", "2023", Label::Lagging)
        .obs(vec![num("2023", 90.0)])
        .run();
    assert_eq!(st.cagr_band, Some(CagrBand::Deteriorating));
    // Cumulative targets have no CAGR ratio.
    let st = case("r", "—", "[19.5]", "2021", Label::Lagging)
        .obs(vec![num("2021", 4.0)])
        .run();
    assert_eq!(st.cagr_ratio, None);
}

#[test]
fn forecast_and_required_rate() {
    // b = 100 (2020), 110 (2021), 120 (2022): the straight line y = 100 + 10x gives 150 in 2025.
    // Log-linear fit through ln 100, ln 110, ln 120: slope 0.091161 → 157.962 in 2025.
    let st = case("f", "100", "200", "2022", Label::Lagging)
        .obs(vec![num("2021", 110.0), num("2022", 120.0)])
        .run();
    let f = st.forecast.expect("forecast");
    assert_eq!(f.year, 2025);
    assert!(close(f.linear, Some(150.0)), "{:?}", f.linear);
    assert!(
        (f.compound.unwrap() - 157.96242871005924).abs() < 1e-6,
        "{:?}",
        f.compound
    );
    assert_eq!(f.linear_meets, Some(false));
    // Still required from 120 to 200 in 3 years: 80/3 = 26.667 a year; (200/120)^(1/3) − 1 = 18.56 %.
    assert!(close(st.required_annual_change, Some(80.0 / 3.0)));
    assert!(close(st.required_rate, Some(0.1856311014966876)));
    // Cumulative: 11.7 in 3 years → 3.9 a year → 11.7 + 3.9 × 2 = 19.5 by the end; needs (19.5 − 11.7)/2 = 3.9 a year.
    let st = case("f", "—", "[19.5]", "2023", Label::OnTrack)
        .obs(vec![num("2021", 4.0), num("2022", 4.2), num("2023", 3.5)])
        .run();
    let f = st.forecast.expect("forecast");
    assert!(close(f.linear, Some(19.5)));
    assert_eq!(f.linear_meets, Some(true));
    assert!(close(st.required_annual_change, Some(3.9)));
    // At the target year there is nothing left to forecast.
    let st = case("f", "100", "200", "2025", Label::Lagging)
        .obs(vec![num("2025", 150.0)])
        .run();
    assert_eq!(st.forecast, None);
}

#[test]
fn reasons_are_chinese_sentences() {
    let st = case("r", "100", "200", "2023", Label::Lagging)
        .obs(vec![num("2023", 140.0)])
        .run();
    // c = 40 %, e = 60 %.
    assert_eq!(st.reason_zh(), "完成进度40.0%，序时进度60.0%");
    let st = case("r", "—", "下降16%", "2023", Label::NotEvaluable)
        .obs(vec![num("2023", 1.0)])
        .run();
    assert!(st.reason_zh().contains("基期值"));
}
