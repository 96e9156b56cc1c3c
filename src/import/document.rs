//! Puts the pipeline together for one document: plans, table blocks, rows, values, years.

use super::direction::infer_direction;
use super::header::Slot;
use super::plan_meta::{find_plans, PlanMeta};
use super::rows::{assemble, Row};
use super::scan::{find_tables, RawTable};
use super::title::{find_title, five_year_period, kind_of};
use super::{ExtractedDocument, ExtractedIndicator, ExtractedPlan, ExtractedTable};
use crate::grammar::parse_value;
use crate::model::{PlanDraft, TableKind};

/// Title used when nothing above a table reads like one.
const UNTITLED: &str = "指标表";

pub fn read(text: &str) -> ExtractedDocument {
    let lines: Vec<&str> = text.lines().collect();
    let plans = find_plans(&lines);
    let mut tables = Vec::new();
    let mut used_plans = vec![false; plans.len()];
    for raw in find_tables(&lines) {
        let rows = assemble(&raw.header, &raw.body);
        // A block whose rows state no value at all is a list (of projects, say), not a table.
        if !rows.iter().any(has_value) {
            continue;
        }
        let found = find_title(&lines, raw.header_idx);
        let title_idx = found.as_ref().map_or(raw.header_idx, |t| t.1);
        let plan_idx = plans
            .iter()
            .rposition(|p| p.line <= title_idx.min(raw.header_idx));
        if let Some(i) = plan_idx {
            used_plans[i] = true;
        }
        let plan = plan_idx.map(|i| &plans[i]);
        let title = match (found, plan) {
            (Some((t, _)), _) => t,
            (None, Some(p)) => format!("{}主要指标", p.title),
            (None, None) => UNTITLED.to_string(),
        };
        tables.push(table(&raw, rows, title, plan));
    }
    let plans = plans
        .iter()
        .zip(used_plans)
        .filter(|(p, used)| *used || ["规划", "纲要", "计划"].iter().any(|w| p.title.contains(w)))
        .map(|(p, _)| plan(p, &tables))
        .collect();
    ExtractedDocument { plans, tables }
}

fn has_value(r: &Row) -> bool {
    r.baseline_raw.is_some() || r.target_raw.is_some() || r.actual_raw.is_some()
}

fn table(raw: &RawTable, rows: Vec<Row>, title: String, plan: Option<&PlanMeta>) -> ExtractedTable {
    let header = &raw.header;
    let named = five_year_period(&title).or_else(|| five_year_period(&header.labels.join(" ")));
    let plan_period = plan.and_then(|p| p.period);
    let kind = kind_of(&title, header);
    let target_year = header.target_year.or(named.map(|p| p.1)).or(match kind {
        TableKind::CompletionReview => None,
        _ => plan_period.map(|p| p.1),
    });
    // A baseline column without a year (现值, 基期) is the year before the period starts.
    let baseline_year = header.baseline_year.or_else(|| {
        header
            .has_slot(Slot::Baseline)
            .then(|| named.or(plan_period).map(|p| p.0 - 1))
            .flatten()
    });
    let end_line = rows
        .iter()
        .flat_map(|r| r.lines.iter().copied())
        .max()
        .unwrap_or(raw.header_idx + 1);
    ExtractedTable {
        title,
        plan: plan.map(|p| p.title.clone()),
        kind,
        baseline_year,
        target_year,
        start_line: raw.header_idx + 1,
        end_line,
        columns: header.columns.clone(),
        notes: raw.notes.clone(),
        indicators: rows.into_iter().map(indicator).collect(),
    }
}

fn indicator(r: Row) -> ExtractedIndicator {
    let parse = |raw: &Option<String>| raw.as_deref().map(parse_value);
    let baseline = parse(&r.baseline_raw);
    let target = parse(&r.target_raw);
    let actual = parse(&r.actual_raw);
    let direction = infer_direction(
        &r.name,
        r.unit.as_deref(),
        baseline.as_ref(),
        target.as_ref(),
    );
    ExtractedIndicator {
        line: r.line,
        seq: r.seq,
        category: r.category,
        group: r.group,
        parent: r.parent,
        name: r.name,
        unit: r.unit,
        region: r.region,
        attribute: r.attribute,
        baseline_raw: r.baseline_raw,
        target_raw: r.target_raw,
        actual_raw: r.actual_raw,
        baseline,
        target,
        actual,
        direction,
        note: r.remark,
        lead_department: r.department,
    }
}

fn plan(p: &PlanMeta, tables: &[ExtractedTable]) -> ExtractedPlan {
    let own = tables
        .iter()
        .filter(|t| t.plan.as_deref() == Some(p.title.as_str()) && t.kind == TableKind::Targets)
        .find(|t| t.target_year.is_some());
    let baseline_year = own
        .and_then(|t| t.baseline_year)
        .or(p.period.map(|(s, _)| s - 1));
    let target_year = own.and_then(|t| t.target_year).or(p.period.map(|(_, e)| e));
    ExtractedPlan {
        draft: PlanDraft {
            title: p.title.clone(),
            issuer: p.issuer.clone(),
            doc_number: p.doc_number.clone(),
            issue_date: p.issue_date,
            period_start: p.period.map(|(s, _)| s),
            period_end: p.period.map(|(_, e)| e),
            baseline_year,
            target_year,
        },
        line: p.line + 1,
    }
}
