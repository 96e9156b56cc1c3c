//! Puts the pipeline together for one document: plans, table blocks, rows, values, years.

use super::column::{ColumnRead, ColumnRole};
use super::direction::infer_direction;
use super::doubt::{doubts, RowFacts};
use super::grid::build as build_grid;
use super::header::Header;
use super::header::Slot;
use super::plan_meta::{find_plans, PlanMeta};
use super::regional::assemble_wide;
use super::rows::{assemble, Row};
use super::scan::{find_tables, RawTable};
use super::title::{find_title, five_year_period, kind_of, subject_of};
use super::{
    ExtractedAnnualTarget, ExtractedDocument, ExtractedIndicator, ExtractedPlan, ExtractedTable,
};
use crate::grammar::parse_value;
use crate::model::{IndicatorDraft, PlanDraft, TableKind};

/// Title used when nothing above a table reads like one.
const UNTITLED: &str = "指标表";

pub fn read(text: &str) -> ExtractedDocument {
    let lines: Vec<&str> = text.lines().collect();
    let plans = find_plans(&lines);
    let grid = build_grid(&lines);
    let mut tables = Vec::new();
    let mut used_plans = vec![false; plans.len()];
    for raw in find_tables(&grid) {
        let rows = assemble_wide(&raw.header, &raw.body)
            .unwrap_or_else(|| assemble(&raw.header, &raw.body));
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
    let parts = TableParts {
        header: &raw.header,
        start_line: raw.start_line,
        unit: raw.unit.clone(),
        notes: raw.notes.clone(),
    };
    build_table(parts, rows, title, plan)
}

/// A table a person marked: no plan, no notes.
pub fn table_of(
    header: &Header,
    start_line: usize,
    rows: Vec<Row>,
    title: String,
) -> ExtractedTable {
    let parts = TableParts {
        header,
        start_line,
        unit: None,
        notes: Vec::new(),
    };
    build_table(parts, rows, title, None)
}

struct TableParts<'a> {
    header: &'a Header,
    start_line: usize,
    unit: Option<String>,
    notes: Vec<String>,
}

fn build_table(
    raw: TableParts,
    rows: Vec<Row>,
    title: String,
    plan: Option<&PlanMeta>,
) -> ExtractedTable {
    let header = raw.header;
    let named = five_year_period(&title).or_else(|| five_year_period(&header.labels.join(" ")));
    let plan_period = plan.and_then(|p| p.period);
    let kind = kind_of(&title, header);
    // `（2025—2030年）`: a title's last year is the one the targets are set for.
    let title_year = title_years(&title.replace(' ', "")).into_iter().max();
    let target_year = header
        .target_year
        .or(named.map(|p| p.1))
        .or(title_year)
        .or(match kind {
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
        .unwrap_or(raw.start_line);
    let unit = raw.unit.clone();
    let subject = subject_of(&title);
    let mut rows = rows;
    for r in rows.iter_mut().filter(|r| r.name.is_empty()) {
        r.name = subject.clone().unwrap_or_default();
    }
    let expects_target = header.has_slot(Slot::Target);
    ExtractedTable {
        title,
        plan: plan.map(|p| p.title.clone()),
        kind,
        baseline_year,
        target_year,
        start_line: raw.start_line,
        end_line,
        columns: header.columns.clone(),
        column_roles: column_reads(header),
        unit: unit.clone(),
        notes: raw.notes.clone(),
        indicators: rows
            .into_iter()
            .map(|r| indicator(r, header, unit.as_deref(), expects_target))
            .collect(),
    }
}

/// The public reading of each column.
pub fn column_reads(header: &Header) -> Vec<ColumnRead> {
    header
        .roles
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let label = header.labels.get(i).cloned().unwrap_or_default();
            ColumnRead {
                index: i,
                year: super::header::year_of(&label),
                label,
                role: ColumnRole::from(*r),
                reason: header.reasons.get(i).cloned().unwrap_or_default(),
            }
        })
        .collect()
}

/// Which column each field of a row came from, in words.
fn reasons(r: &Row, header: &Header) -> Vec<String> {
    let label = |role: ColumnRole| {
        header
            .roles
            .iter()
            .position(|x| ColumnRole::from(*x) == role)
            .and_then(|c| header.labels.get(c))
            .filter(|l| !l.is_empty())
            .map_or_else(|| role.label().to_string(), |l| format!("“{l}”列"))
    };
    let mut out = vec![format!("名称取自{}", label(ColumnRole::Name))];
    let growth_gave_target = r.target_raw.is_some() && r.target_raw == r.growth_raw;
    if growth_gave_target
        && header
            .col(super::header::Role::Value(
                Slot::Target,
                super::header::Sub::Absolute,
            ))
            .is_some()
    {
        out.push(format!(
            "目标值取自{}：目标年一栏为空",
            label(ColumnRole::TargetGrowth)
        ));
    } else if r.target_raw.is_some() {
        out.push(format!("目标值取自{}", label(ColumnRole::Target)));
    }
    if r.baseline_raw.is_some() {
        out.push(format!("基期值取自{}", label(ColumnRole::Baseline)));
    }
    if r.actual_raw.is_some() {
        out.push(format!("完成值取自{}", label(ColumnRole::Actual)));
    }
    if !r.annual.is_empty() {
        let years: Vec<String> = r.annual.iter().map(|(y, _)| y.to_string()).collect();
        out.push(format!("年度目标：{}年", years.join("、")));
    }
    out
}

fn indicator(
    r: Row,
    header: &Header,
    table_unit: Option<&str>,
    expects_target: bool,
) -> ExtractedIndicator {
    let parse = |raw: &Option<String>| raw.as_deref().map(parse_value);
    let baseline = parse(&r.baseline_raw);
    let target = parse(&r.target_raw);
    let actual = parse(&r.actual_raw);
    let unit = r.unit.clone().or_else(|| table_unit.map(str::to_string));
    let direction = infer_direction(&r.name, unit.as_deref(), baseline.as_ref(), target.as_ref());
    let doubts = doubts(&RowFacts {
        name: &r.name,
        unit: r.unit.as_deref(),
        column_unit: r.unit_cell.as_deref().or(table_unit),
        values: [
            ("基期值", baseline.as_ref()),
            ("目标值", target.as_ref()),
            ("完成值", actual.as_ref()),
        ],
        expects_target,
    });
    let reasons = reasons(&r, header);
    let annual_targets = r
        .annual
        .iter()
        .map(|(year, raw)| ExtractedAnnualTarget {
            year: *year,
            raw: raw.clone(),
            value: parse_value(raw),
        })
        .collect();
    ExtractedIndicator {
        draft: IndicatorDraft {
            seq: r.seq,
            category: r.category,
            group: r.group,
            parent: r.parent,
            name: r.name,
            unit,
            region: r.region,
            attribute: r.attribute,
            direction,
            baseline,
            target,
            actual,
            note: r.remark,
            lead_department: r.department,
        },
        line: r.line,
        lines: r.lines,
        cells: r.cells,
        baseline_raw: r.baseline_raw,
        target_raw: r.target_raw,
        actual_raw: r.actual_raw,
        growth_raw: r.growth_raw,
        done_raw: r.done_raw,
        annual_targets,
        reasons,
        doubts,
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

fn title_years(title: &str) -> Vec<i32> {
    static YEAR: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"(19[5-9]\d|20\d\d)").unwrap());
    YEAR.find_iter(title)
        .filter_map(|m| m.as_str().parse().ok())
        .collect()
}
