use super::*;

const JOBS: Facts = Facts {
    name: "城镇新增就业人数",
    unit: Some("万人"),
    flow: true,
    qualitative: false,
};
const URBAN: Facts = Facts {
    name: "常住人口城镇化率",
    unit: Some("%"),
    flow: false,
    qualitative: false,
};
const GROWTH: Facts = Facts {
    name: "地区生产总值年均增长",
    unit: Some("%"),
    flow: false,
    qualitative: false,
};
const QUALITATIVE: Facts = Facts {
    name: "耕地保有量",
    unit: None,
    flow: false,
    qualitative: true,
};

fn num(v: &str) -> Entry<'_> {
    Entry {
        value: Some(v),
        ..Entry::default()
    }
}

fn rules(c: &Checked) -> Vec<Rule> {
    c.issues.iter().map(|i| i.rule).collect()
}

fn y(n: i32) -> Period {
    Period::Year(n)
}

fn q(n: i32, k: u8) -> Period {
    Period::Quarter(n, k)
}

#[test]
fn a_plain_number_passes() {
    let c = check(&URBAN, y(2025), &num("65.2"), &[(y(2024), 63.0)]);
    assert_eq!(c.value, Some(65.2));
    assert!(c.issues.is_empty(), "{:?}", c.issues);
}

#[test]
fn not_a_number_is_an_error() {
    let c = check(&URBAN, y(2025), &num("六十五"), &[]);
    assert_eq!(rules(&c), vec![Rule::NotANumber]);
    assert!(c.has_errors());
    assert!(c.issues[0].message.contains("六十五"));
    let empty = check(&URBAN, y(2025), &Entry::default(), &[]);
    assert_eq!(rules(&empty), vec![Rule::NotANumber]);
}

#[test]
fn negative_counts_and_rates_are_errors_but_growth_may_be_negative() {
    let c = check(&JOBS, y(2025), &num("-1"), &[]);
    assert_eq!(rules(&c), vec![Rule::Negative]);
    assert_eq!(c.issues[0].severity, Severity::Error);
    assert!(check(&URBAN, y(2025), &num("-0.5"), &[]).has_errors());
    let g = check(&GROWTH, y(2025), &num("-2.1"), &[]);
    assert!(!g.has_errors(), "{:?}", g.issues);
    assert!(may_be_negative("年平均气温", Some("℃")));
}

#[test]
fn a_share_over_100_percent_is_an_error() {
    let c = check(&URBAN, y(2025), &num("100.5"), &[]);
    assert_eq!(rules(&c), vec![Rule::ShareOver100]);
    assert!(!check(&URBAN, y(2025), &num("100"), &[]).has_errors());
    // A growth rate in % is not a share.
    assert!(!check(&GROWTH, y(2025), &num("120"), &[]).has_errors());
    // Nor is a count.
    assert!(!check(&JOBS, y(2025), &num("120"), &[]).has_errors());
}

#[test]
fn a_large_change_needs_a_note() {
    let others = [(y(2024), 10.0)];
    let c = check(&JOBS, y(2025), &num("13.5"), &others);
    assert_eq!(rules(&c), vec![Rule::LargeChange]);
    let issue = &c.issues[0];
    assert_eq!(issue.severity, Severity::NeedsNote);
    assert!(!issue.resolved && issue.blocks_submit());
    assert!(issue.message.contains("35.0%"), "{}", issue.message);
    // Just within the threshold.
    assert!(check(&JOBS, y(2025), &num("12.9"), &others)
        .issues
        .is_empty());
    assert!(check(&JOBS, y(2025), &num("7.1"), &others)
        .issues
        .is_empty());
    // A note resolves it.
    let noted = Entry {
        value: Some("13.5"),
        note: Some("新开发区投产"),
        ..Entry::default()
    };
    let c = check(&JOBS, y(2025), &noted, &others);
    assert!(c.issues[0].resolved && !c.issues[0].blocks_submit());
}

#[test]
fn quarterly_changes_compare_like_with_like() {
    // Flow: Q2 year-to-date is compared with Q2 of last year, not with Q1.
    let flow_others = [(q(2025, 1), 3.0), (q(2024, 2), 6.2)];
    assert!(check(&JOBS, q(2025, 2), &num("6.5"), &flow_others)
        .issues
        .is_empty());
    // Stock: Q2 is compared with Q1.
    let stock_others = [(q(2025, 1), 40.0)];
    assert_eq!(
        rules(&check(&URBAN, q(2025, 2), &num("60"), &stock_others)),
        vec![Rule::LargeChange]
    );
    // Stock Q1 falls back to last year's annual value.
    let c = check(&URBAN, q(2025, 1), &num("30"), &[(y(2024), 60.0)]);
    assert_eq!(rules(&c), vec![Rule::LargeChange]);
}

#[test]
fn a_cumulative_value_lower_than_the_previous_quarter_is_an_error() {
    let c = check(&JOBS, q(2025, 3), &num("5.0"), &[(q(2025, 2), 6.0)]);
    assert_eq!(rules(&c), vec![Rule::CumulativeDecrease]);
    assert!(c.issues[0].message.contains("第2季度"));
    // Higher than an already recorded later quarter is the same mistake.
    let c = check(&JOBS, q(2025, 2), &num("7.0"), &[(q(2025, 3), 6.5)]);
    assert_eq!(rules(&c), vec![Rule::CumulativeDecrease]);
    // A stock may fall.
    assert!(check(&URBAN, q(2025, 3), &num("59"), &[(q(2025, 2), 60.0)])
        .issues
        .is_empty());
    // A new year starts from zero.
    assert!(check(&JOBS, q(2026, 1), &num("1.0"), &[(q(2025, 4), 9.0)])
        .issues
        .is_empty());
}

#[test]
fn q4_of_a_flow_must_match_the_annual_value() {
    let c = check(
        &JOBS,
        q(2025, 4),
        &num("9.0"),
        &[(y(2025), 9.4), (q(2025, 3), 7.0)],
    );
    assert_eq!(rules(&c), vec![Rule::Q4DiffersFromAnnual]);
    assert_eq!(c.issues[0].severity, Severity::NeedsNote);
    let c = check(&JOBS, y(2025), &num("9.4"), &[(q(2025, 4), 9.0)]);
    assert_eq!(rules(&c), vec![Rule::Q4DiffersFromAnnual]);
    assert!(check(&JOBS, y(2025), &num("9.0"), &[(q(2025, 4), 9.0)])
        .issues
        .is_empty());
    // Stocks have no such rule.
    assert!(check(&URBAN, y(2025), &num("60"), &[(q(2025, 4), 59.5)])
        .issues
        .is_empty());
}

#[test]
fn qualitative_indicators_take_a_status_and_evidence() {
    let none = check(&QUALITATIVE, y(2025), &Entry::default(), &[]);
    assert_eq!(rules(&none), vec![Rule::MissingStatus]);
    let typed = check(&QUALITATIVE, y(2025), &num("基本达到"), &[]);
    assert_eq!(typed.status, Some(QualStatus::MostlyAchieved));
    assert_eq!(rules(&typed), vec![Rule::MissingEvidence]);
    assert!(typed.issues[0].blocks_submit() && !typed.has_errors());
    let full = Entry {
        status: Some(QualStatus::Achieved),
        evidence: Some("2025年土地变更调查"),
        ..Entry::default()
    };
    let c = check(&QUALITATIVE, y(2025), &full, &[]);
    assert!(c.issues.iter().all(|i| !i.blocks_submit()));
}

#[test]
fn the_period_itself_is_not_its_own_previous_value() {
    // Re-saving a value: the stored old value for the same period must not count.
    let c = check(
        &JOBS,
        q(2025, 2),
        &num("5.0"),
        &[(q(2025, 2), 8.0), (q(2025, 1), 2.0)],
    );
    assert!(c.issues.is_empty(), "{:?}", c.issues);
}

const CAPACITY: Facts = Facts {
    name: "能源综合生产能力",
    unit: Some("万吨标准煤"),
    flow: false,
    qualitative: false,
};

#[test]
fn a_value_far_from_the_history_needs_a_note_even_without_the_period_just_before() {
    // Issue 13: 2025Q4 of a growth rate recorded as 6.44 for 2025; no 2025Q3.
    let c = check(
        &GROWTH,
        q(2025, 4),
        &num("60.5"),
        &[(y(2025), 6.44), (y(2024), 6.1)],
    );
    assert_eq!(rules(&c), vec![Rule::LargeChange]);
    assert!(
        c.issues[0].message.contains("2025"),
        "{}",
        c.issues[0].message
    );
    assert!(
        c.issues[0].message.contains("6.44"),
        "{}",
        c.issues[0].message
    );
    // About 1000 every year, annual values only: 60.5 for 2025Q4 is questioned.
    let years: Vec<(Period, f64)> = (2020..=2024)
        .map(|n| (y(n), 1000.0 + (n - 2020) as f64))
        .collect();
    let c = check(&CAPACITY, q(2025, 4), &num("60.5"), &years);
    assert_eq!(rules(&c), vec![Rule::LargeChange]);
    assert!(
        c.issues[0].message.contains("2024"),
        "{}",
        c.issues[0].message
    );
    // A plausible value passes with the same history.
    assert!(check(&CAPACITY, q(2025, 4), &num("1010"), &years)
        .issues
        .is_empty());
    // The same for a flow: compared with the same point of the latest earlier year.
    let jobs = [(y(2022), 10.0), (q(2022, 4), 10.0)];
    assert_eq!(
        rules(&check(&JOBS, q(2025, 4), &num("60.5"), &jobs)),
        vec![Rule::LargeChange]
    );
    assert!(check(&JOBS, q(2025, 4), &num("10.5"), &jobs)
        .issues
        .is_empty());
}

#[test]
fn the_same_period_a_year_before_is_compared_too() {
    // Close to last quarter, far from the same quarter last year: questioned.
    let others = [(q(2025, 2), 50.0), (q(2024, 3), 20.0)];
    let c = check(&URBAN, q(2025, 3), &num("52"), &others);
    assert_eq!(rules(&c), vec![Rule::LargeChange]);
    assert!(
        c.issues[0].message.contains("2024年第三季度"),
        "{}",
        c.issues[0].message
    );
    // Far from both: two questions, one per comparison.
    let c = check(&URBAN, q(2025, 3), &num("90"), &others);
    assert_eq!(rules(&c), vec![Rule::LargeChange, Rule::LargeChange]);
    // Later values are not "earlier": entering an old year compares with older ones only.
    let c = check(
        &URBAN,
        y(2022),
        &num("50"),
        &[(y(2021), 49.0), (y(2024), 80.0)],
    );
    assert!(c.issues.is_empty(), "{:?}", c.issues);
}
