//! Evaluated scope → the report's content, worded in Chinese.

use std::collections::HashMap;

use super::format::{number, percent, plan_period_name};
use super::scope::{review_period, Scope, ScopedPlan, ScopedRow};
use crate::eval::{lagging_first, Label};
use crate::model::{Attribute, Period};
use crate::report::{
    CountRow, CountTable, ReportData, ReportKind, ReportRow, RowGroup, Tone, WarningItem,
};
use crate::store::measures::Measures;

const DASH: &str = "—";

pub fn tone(label: Label) -> Tone {
    match label {
        Label::Completed | Label::Ahead | Label::OnTrack => Tone::Good,
        Label::Lagging => Tone::Warn,
        Label::SeverelyLagging => Tone::Bad,
        _ => Tone::Neutral,
    }
}

/// 已完成 / 基本完成 / 未完成 in a completion review (see `docs/evaluation.md`): at the
/// target year the expected share is 1, so 基本符合预期 (and 快于预期 short of the target)
/// means at least 90 % of the planned change, or within the tolerance band — 基本完成.
/// Labels that say nothing was judged stay as they are.
pub fn review_word(label: Label) -> (&'static str, Tone) {
    match label {
        Label::Completed => ("已完成", Tone::Good),
        Label::Ahead | Label::OnTrack => ("基本完成", Tone::Warn),
        Label::Lagging | Label::SeverelyLagging => ("未完成", Tone::Bad),
        other => (other.as_zh(), Tone::Neutral),
    }
}

/// The value recorded for the row's period as shown in a cell; falls back to the latest
/// earlier value, marked with its period.
pub fn current_text(row: &ScopedRow, period: Period) -> String {
    let shown = |o: &crate::eval::ObservedValue| match (o.value, o.status) {
        (Some(v), _) => Some(number(v)),
        (None, Some(s)) => Some(s.as_str().to_string()),
        _ => None,
    };
    if let Some(text) = row.observed_at(period).and_then(shown) {
        return text;
    }
    row.series
        .observations
        .iter()
        .filter(|o| o.period < period)
        .max_by_key(|o| o.period)
        .and_then(|o| shown(o).map(|t| format!("{t}（{}）", o.period.label_zh())))
        .unwrap_or_else(|| DASH.to_string())
}

fn or_dash(s: Option<&str>) -> String {
    s.map(str::trim)
        .filter(|t| !t.is_empty())
        .unwrap_or(DASH)
        .to_string()
}

fn report_row(row: &ScopedRow, index: usize, kind: ReportKind, period: Period) -> ReportRow {
    let ind = &row.series.indicator;
    let target = row
        .series
        .revised_target
        .as_ref()
        .or(ind.draft.target.as_ref());
    let label = row.status.label;
    let (status, tone) = match kind {
        ReportKind::Completion => review_word(label),
        _ => (label.as_zh(), tone(label)),
    };
    ReportRow {
        seq: ind
            .draft
            .seq
            .clone()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| (index + 1).to_string()),
        name: ind.draft.name.clone(),
        unit: or_dash(ind.draft.unit.as_deref()),
        baseline: or_dash(ind.draft.baseline.as_ref().map(|v| v.raw.as_str())),
        target: or_dash(target.map(|v| v.raw.as_str())),
        current: current_text(row, period),
        completion: percent(row.status.completion),
        schedule: percent(row.status.expected),
        status: status.to_string(),
        tone,
        attribute: ind
            .draft
            .attribute
            .map_or(DASH, Attribute::as_str)
            .to_string(),
        department: or_dash(row.series.department.as_deref()),
        successor: or_dash(row.successor_target.as_deref()),
    }
}

fn groups(plans: &[ScopedPlan], scope: &Scope) -> Vec<RowGroup> {
    let many = plans.len() > 1;
    let mut out: Vec<RowGroup> = Vec::new();
    for p in plans {
        let period = p.period;
        let key = |r: &ScopedRow| -> String {
            let base = match scope.kind {
                ReportKind::Completion => match r.series.indicator.draft.attribute {
                    Some(a) => format!("{}指标", a.as_str()),
                    None => "未标注属性的指标".to_string(),
                },
                _ => r
                    .series
                    .indicator
                    .draft
                    .category
                    .clone()
                    .unwrap_or_default(),
            };
            match (many, base.is_empty()) {
                (true, true) => p.plan.title.clone(),
                (true, false) => format!("{}　{}", p.plan.title, base),
                _ => base,
            }
        };
        let mut rows: Vec<&ScopedRow> = p.rows.iter().collect();
        if scope.kind == ReportKind::Completion {
            // Binding first; the stable sort keeps table order within each attribute.
            rows.sort_by_key(|r| match r.series.indicator.draft.attribute {
                Some(Attribute::Binding) => 0,
                Some(Attribute::Expected) => 1,
                None => 2,
            });
        }
        let start = out.len();
        let mut index: HashMap<String, usize> = HashMap::new();
        for (i, r) in rows.into_iter().enumerate() {
            let k = key(r);
            let g = *index.entry(k.clone()).or_insert_with(|| {
                out.push(RowGroup {
                    category: k,
                    rows: Vec::new(),
                });
                out.len() - 1
            });
            debug_assert!(g >= start);
            out[g].rows.push(report_row(r, i, scope.kind, period));
        }
    }
    out
}

fn counts(plans: &[ScopedPlan], kind: ReportKind) -> CountTable {
    let attrs = [Some(Attribute::Binding), Some(Attribute::Expected), None];
    let all: Vec<&ScopedRow> = plans.iter().flat_map(|p| p.rows.iter()).collect();
    let used: Vec<Option<Attribute>> = attrs
        .into_iter()
        .filter(|a| all.iter().any(|r| r.series.indicator.draft.attribute == *a))
        .collect();
    let word = |l: Label| match kind {
        ReportKind::Completion => review_word(l).0,
        _ => l.as_zh(),
    };
    let mut words: Vec<&str> = Vec::new();
    for l in Label::ALL {
        if !words.contains(&word(l)) {
            words.push(word(l));
        }
    }
    let rows = words
        .into_iter()
        .filter_map(|w| {
            let counts: Vec<usize> = used
                .iter()
                .map(|a| {
                    all.iter()
                        .filter(|r| {
                            r.series.indicator.draft.attribute == *a && word(r.status.label) == w
                        })
                        .count()
                })
                .collect();
            let total: usize = counts.iter().sum();
            (total > 0).then(|| CountRow {
                label: w.to_string(),
                counts,
                total,
            })
        })
        .collect();
    CountTable {
        columns: used
            .iter()
            .map(|a| a.map_or("未标注", Attribute::as_str).to_string())
            .collect(),
        rows,
    }
}

fn summary(
    plans: &[ScopedPlan],
    table: &CountTable,
    kind: ReportKind,
    period_label: &str,
) -> Vec<String> {
    let total: usize = table.rows.iter().map(|r| r.total).sum();
    let by_attr: Vec<String> = table
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            format!(
                "{c} {} 项",
                table.rows.iter().map(|r| r.counts[i]).sum::<usize>()
            )
        })
        .collect();
    let by_label: Vec<String> = table
        .rows
        .iter()
        .map(|r| format!("{} {} 项", r.label, r.total))
        .collect();
    let titles: Vec<&str> = plans.iter().map(|p| p.plan.title.as_str()).collect();
    let lagging_binding = plans
        .iter()
        .flat_map(|p| p.rows.iter())
        .filter(|r| {
            r.status.label.is_lagging()
                && r.series.indicator.draft.attribute == Some(Attribute::Binding)
        })
        .count();
    let verb = if kind == ReportKind::Completion {
        "评估"
    } else {
        "监测"
    };
    let mut out = vec![format!(
        "{period_label}，本报告{verb}《{}》的主要指标共 {total} 项，其中{}。按评估结果，{}。",
        titles.join("》《"),
        by_attr.join("、"),
        by_label.join("，")
    )];
    if kind != ReportKind::Completion {
        out.push(if lagging_binding > 0 {
            format!("约束性指标中有 {lagging_binding} 项进度滞后，列入预警，详见第二部分。")
        } else {
            "约束性指标均未出现进度滞后。".to_string()
        });
    }
    out
}

fn warnings(plans: &[ScopedPlan], notes: &[Measures], scope: &Scope) -> Vec<WarningItem> {
    let mut rows: Vec<&ScopedRow> = plans
        .iter()
        .flat_map(|p| p.rows.iter())
        .filter(|r| {
            r.status.label.is_lagging()
                && r.series.indicator.draft.attribute == Some(Attribute::Binding)
        })
        .collect();
    rows.sort_by_key(|r| lagging_first(r.series.indicator.draft.attribute, r.status.label));
    rows.into_iter()
        .map(|r| {
            let ind = &r.series.indicator;
            let note = notes.iter().find(|m| m.indicator_id == ind.id);
            let unit = ind.draft.unit.clone().unwrap_or_default();
            let target = r
                .series
                .revised_target
                .as_ref()
                .or(ind.draft.target.as_ref());
            WarningItem {
                name: ind.draft.name.clone(),
                department: or_dash(r.series.department.as_deref()),
                situation: format!(
                    "{}：本期值 {}{unit}，目标 {}，完成进度 {}，序时进度 {}。{}",
                    r.status.label.as_zh(),
                    current_text(r, scope.period),
                    or_dash(target.map(|v| v.raw.as_str())),
                    percent(r.status.completion),
                    percent(r.status.expected),
                    r.status.reason_zh()
                ),
                cause: note.and_then(|m| m.cause.clone()),
                measures: note.and_then(|m| m.measures.clone()),
            }
        })
        .collect()
}

/// Names the report after the plans' five-year period (十四五 for 2021–2025).
pub fn title(plans: &[ScopedPlan], kind: ReportKind) -> String {
    let mut names: Vec<String> = plans
        .iter()
        .filter_map(|p| plan_period_name(&p.plan))
        .collect();
    names.dedup();
    match names.is_empty() {
        true => format!("规划{}", kind.title_word()),
        false => format!("“{}”规划{}", names.join("”“"), kind.title_word()),
    }
}

/// Everything but the charts.
pub fn report_data(
    plans: &[ScopedPlan],
    notes: &[Measures],
    scope: &Scope,
    department: Option<&str>,
    date: chrono::NaiveDate,
) -> ReportData {
    let period_label = match scope.kind {
        ReportKind::Completion => {
            let years: Vec<String> = plans
                .iter()
                .map(|p| review_period(&p.plan, scope.period).label_zh())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            format!("（截至{}）", years.join("、"))
        }
        _ => format!("（{}）", scope.period.label_zh()),
    };
    let issuer = department
        .map(str::to_string)
        .or_else(|| plans.iter().find_map(|p| p.plan.issuer.clone()))
        .unwrap_or_else(|| "规划指标监测".to_string());
    let header = match (plans.len(), department) {
        (1, _) => plans[0].plan.title.clone(),
        (_, Some(d)) => format!("{d}牵头指标"),
        _ => "全部规划".to_string(),
    };
    let target_year = plans.iter().find_map(|p| p.plan.target_year);
    let year_note = |w: &str| target_year.map_or(w.to_string(), |y| format!("{w}（{y}年）"));
    let base_year = plans.iter().find_map(|p| p.plan.baseline_year);
    let table = counts(plans, scope.kind);
    let mut summary = summary(
        plans,
        &table,
        scope.kind,
        period_label.trim_matches(['（', '）']),
    );
    // Ended plans in a later period's report: say at which year they were judged.
    summary.extend(
        plans
            .iter()
            .filter_map(|p| Some(format!("《{}》{}。", p.plan.title, p.note.as_ref()?))),
    );
    ReportData {
        kind: scope.kind,
        title: title(plans, scope.kind),
        summary,
        period_label,
        issuer,
        date: format!("{}", date.format("%Y年%-m月%-d日")),
        header,
        baseline_title: base_year.map_or("基期值".to_string(), |y| format!("基期值（{y}年）")),
        target_title: year_note("规划目标"),
        current_title: year_note("实际值"),
        successor_title: plans
            .iter()
            .flat_map(|p| p.rows.iter())
            .any(|r| r.successor_target.is_some())
            .then(|| "接续指标目标".to_string()),
        counts: table,
        warnings: if scope.kind == ReportKind::Completion {
            Vec::new()
        } else {
            warnings(plans, notes, scope)
        },
        groups: groups(plans, scope),
        feasibility: Vec::new(),
        charts: Vec::new(),
    }
}
