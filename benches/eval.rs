//! Evaluation and chart benchmark: prints figures, asserts nothing about time.
//! `cargo bench --bench eval` (goal: 100k indicators × 20 periods under 200 ms).
//! Two figures: one thread judging every (indicator, period) pair, and the roll-up by
//! period (the status summary over time) with the indicators split across the cores.

use std::hint::black_box;
use std::time::Instant;

use zhibiao::chart::{self, Chart, GapChart, GapItem};
use zhibiao::eval::{roll_up_by_period, EvalInput, Evaluator, Label, ObservedValue};
use zhibiao::grammar::parse_value;
use zhibiao::model::{Attribute, Direction, Indicator, IndicatorDraft, Period};

const BASELINE_YEAR: i32 = 2020;
const TARGET_YEAR: i32 = 2025;

/// Target cells of every form, cycled over the synthetic indicators.
const TARGETS: [&str; 10] = [
    "200",
    "< 42.5",
    "≥60",
    "60左右",
    "[19.5]",
    "下降16%",
    "比2020年下降10%以上",
    "保持稳定",
    "不减少",
    "1:1.1",
];

fn indicator(i: usize) -> Indicator {
    let target = TARGETS[i % TARGETS.len()];
    let baseline = if target.starts_with('[') {
        "—".to_string()
    } else {
        format!("{}", 40 + i % 50)
    };
    Indicator {
        id: i as i64,
        plan_id: 1,
        table_id: 1,
        position: i as i32,
        draft: IndicatorDraft {
            category: Some(["经济发展", "创新驱动", "民生福祉", "绿色生态"][i % 4].into()),
            name: format!("指标{i}"),
            attribute: Some(if i.is_multiple_of(3) {
                Attribute::Binding
            } else {
                Attribute::Expected
            }),
            direction: if i.is_multiple_of(2) {
                Direction::Increase
            } else {
                Direction::Unknown
            },
            baseline: Some(parse_value(&baseline)),
            target: Some(parse_value(target)),
            ..IndicatorDraft::default()
        },
        flow: i.is_multiple_of(7),
        ..Indicator::default()
    }
}

/// Five years of annual values plus their quarters: 25 observations.
fn observations(i: usize) -> Vec<ObservedValue> {
    let mut out = Vec::new();
    for y in (BASELINE_YEAR + 1)..=TARGET_YEAR {
        let base =
            40.0 + (i % 50) as f64 + (y - BASELINE_YEAR) as f64 * (1.0 + (i % 5) as f64 * 0.3);
        for q in 1..=4u8 {
            out.push(ObservedValue {
                period: Period::Quarter(y, q),
                value: Some(base - 1.0 + q as f64 * 0.25),
                status: None,
            });
        }
        out.push(ObservedValue {
            period: Period::Year(y),
            value: Some(base),
            status: None,
        });
    }
    out
}

fn main() {
    let n = 100_000;
    let indicators: Vec<Indicator> = (0..n).map(indicator).collect();
    let obs: Vec<Vec<ObservedValue>> = (0..n).map(observations).collect();
    let annual: Vec<(i32, f64)> = Vec::new();
    let periods: Vec<Period> = ((BASELINE_YEAR + 1)..=TARGET_YEAR)
        .flat_map(|y| (1..=4u8).map(move |q| Period::Quarter(y, q)))
        .collect();
    assert_eq!(periods.len(), 20);

    let inputs: Vec<EvalInput> = indicators
        .iter()
        .zip(&obs)
        .map(|(ind, o)| EvalInput {
            indicator: ind,
            observations: o,
            annual_targets: &annual,
            revised_target: None,
            baseline_year: BASELINE_YEAR,
            target_year: TARGET_YEAR,
        })
        .collect();
    let evals = n * periods.len();

    let mut best = f64::INFINITY;
    let mut counts = [0usize; 9];
    for round in 0..3 {
        let start = Instant::now();
        for input in &inputs {
            let evaluator = Evaluator::new(input);
            for &p in &periods {
                let st = black_box(evaluator.at(p));
                if round == 0 {
                    counts[st.label.index()] += 1;
                }
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "evaluate, one thread: {n} indicators × {} periods = {evals} evaluations in {:.1} ms (best of 3; {:.0} ns each)",
        periods.len(),
        best * 1e3,
        best * 1e9 / evals as f64
    );
    let spread: Vec<String> = Label::ALL
        .iter()
        .map(|l| format!("{} {}", l.as_zh(), counts[l.index()]))
        .collect();
    println!("labels: {}", spread.join("，"));

    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let start = Instant::now();
        let rollups = black_box(roll_up_by_period(&inputs, &periods));
        best = best.min(start.elapsed().as_secs_f64());
        let total: usize = rollups.iter().map(|r| r.total as usize).sum();
        assert_eq!(total, evals);
        for l in Label::ALL {
            let c: usize = rollups.iter().map(|r| r.count(l) as usize).sum();
            assert_eq!(c, counts[l.index()], "{}", l.as_zh());
        }
    }
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    println!(
        "roll-up by period, {cores} threads: {evals} evaluations in {:.1} ms (best of 3; goal < 200 ms)",
        best * 1e3
    );

    let items: Vec<GapItem> = (0..300)
        .map(|i| GapItem {
            name: format!("第{i}项指标名称较长的情况"),
            category: Some(
                ["经济发展", "创新驱动", "民生福祉", "绿色生态", "安全保障"][i % 5].into(),
            ),
            label: Label::ALL[i % 5],
            completion: Some((i % 13) as f64 / 10.0),
            expected: Some(0.6),
            binding: i % 3 == 0,
        })
        .collect();
    let gap = Chart::Gap(GapChart {
        title: "300项指标完成进度（2025年第三季度）".into(),
        items,
    });
    let _ = chart::svg(&gap).expect("warm-up");
    let start = Instant::now();
    let svg = chart::svg(&gap).expect("gap chart");
    let svg_ms = start.elapsed().as_secs_f64() * 1e3;
    let start = Instant::now();
    let png = chart::png(&svg).expect("png");
    let png_ms = start.elapsed().as_secs_f64() * 1e3;
    println!(
        "gap chart, 300 indicators: SVG {svg_ms:.1} ms ({} KB), PNG {png_ms:.1} ms ({} KB)",
        svg.len() / 1024,
        png.len() / 1024
    );
}
