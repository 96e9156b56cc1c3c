//! Shared by the evaluation case tests: an indicator built from cell text, and a
//! builder for one hand-computed case.
#![allow(dead_code)] // each test crate uses a different part

use zhibiao::eval::{evaluate, EvalInput, IndicatorStatus, Label, ObservedValue};
use zhibiao::grammar::parse_value;
use zhibiao::model::{Attribute, Direction, Indicator, IndicatorDraft, Period};
use zhibiao::progress::QualStatus;

pub fn indicator(baseline: &str, target: &str, direction: Direction, flow: bool) -> Indicator {
    Indicator {
        id: 1,
        plan_id: 1,
        table_id: 1,
        draft: IndicatorDraft {
            category: Some("经济发展".into()),
            name: "测试指标".into(),
            attribute: Some(Attribute::Binding),
            direction,
            baseline: Some(parse_value(baseline)),
            target: Some(parse_value(target)),
            ..IndicatorDraft::default()
        },
        flow,
        ..Indicator::default()
    }
}

pub fn p(s: &str) -> Period {
    s.parse().unwrap()
}

pub fn num(period: &str, v: f64) -> ObservedValue {
    ObservedValue {
        period: p(period),
        value: Some(v),
        status: None,
    }
}

pub fn status(period: &str, s: QualStatus) -> ObservedValue {
    ObservedValue {
        period: p(period),
        value: None,
        status: Some(s),
    }
}

/// One case: the inputs and what a person computed by hand.
pub struct Case {
    pub name: &'static str,
    pub baseline: &'static str,
    pub target: &'static str,
    pub direction: Direction,
    pub flow: bool,
    pub years: (i32, i32),
    pub obs: Vec<ObservedValue>,
    pub annual: Vec<(i32, f64)>,
    pub revised: Option<&'static str>,
    pub period: &'static str,
    pub label: Label,
    pub completion: Option<f64>,
    pub expected: Option<f64>,
}

pub fn case(
    name: &'static str,
    baseline: &'static str,
    target: &'static str,
    period: &'static str,
    label: Label,
) -> Case {
    Case {
        name,
        baseline,
        target,
        direction: Direction::Unknown,
        flow: false,
        years: (2020, 2025),
        obs: Vec::new(),
        annual: Vec::new(),
        revised: None,
        period,
        label,
        completion: None,
        expected: None,
    }
}

impl Case {
    pub fn obs(mut self, o: Vec<ObservedValue>) -> Self {
        self.obs = o;
        self
    }
    pub fn dir(mut self, d: Direction) -> Self {
        self.direction = d;
        self
    }
    pub fn flow(mut self) -> Self {
        self.flow = true;
        self
    }
    pub fn years(mut self, b: i32, t: i32) -> Self {
        self.years = (b, t);
        self
    }
    pub fn annual(mut self, a: Vec<(i32, f64)>) -> Self {
        self.annual = a;
        self
    }
    pub fn revised(mut self, r: &'static str) -> Self {
        self.revised = Some(r);
        self
    }
    pub fn progress(mut self, completion: f64, expected: f64) -> Self {
        self.completion = Some(completion);
        self.expected = Some(expected);
        self
    }

    pub fn run(&self) -> IndicatorStatus {
        let ind = indicator(self.baseline, self.target, self.direction, self.flow);
        let revised = self.revised.map(parse_value);
        let input = EvalInput {
            indicator: &ind,
            observations: &self.obs,
            annual_targets: &self.annual,
            revised_target: revised.as_ref(),
            baseline_year: self.years.0,
            target_year: self.years.1,
        };
        evaluate(&input, p(self.period))
    }
}

pub fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-6,
        (None, None) => true,
        _ => false,
    }
}
