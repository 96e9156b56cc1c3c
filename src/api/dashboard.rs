//! The dashboard's first screen as one small answer: label counts, the warning list and one
//! page of the status list, filtered, ordered and counted here so that a province's 50 000
//! indicators never cross the IPC boundary at once (a page is a few kilobytes).

use crate::store::Sql;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::charts;
use super::evaluation_cache::{self, EvaluatedScope};
use super::status::{StatusFilter, StatusRow};
use super::ApiError;
use crate::eval::{Label, RollUp};
use crate::model::{Attribute, Period};

/// Warnings shown on the first screen; the rest are one click away (filter 滞后 + 约束性).
pub const WARNINGS_SHOWN: usize = 50;
/// Largest page a client may ask for.
pub const MAX_PAGE: u32 = 500;

/// Which indicators, and which page of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DashboardQuery {
    pub period: Period,
    #[ts(type = "number | null")]
    pub plan_id: Option<i64>,
    #[ts(type = "number | null")]
    pub department_id: Option<i64>,
    /// Narrows the counts and the list (not the warnings).
    pub attribute: Option<Attribute>,
    /// Narrows the list only; empty: every label.
    pub labels: Vec<Label>,
    pub offset: u32,
    pub limit: u32,
    /// Draw the gap chart of the scope too (same evaluation: one pass over every indicator).
    pub with_gap_chart: bool,
}

impl DashboardQuery {
    /// Every indicator at `period`, first page of `limit` rows.
    pub fn new(period: Period, limit: u32) -> Self {
        DashboardQuery {
            period,
            plan_id: None,
            department_id: None,
            attribute: None,
            labels: Vec::new(),
            offset: 0,
            limit,
            with_gap_chart: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DashboardPage {
    pub period: Period,
    /// Counts by label of the indicators in scope (plan, department, attribute).
    pub counts: RollUp,
    /// Binding indicators labelled 滞后 or 严重滞后, worst first; at most [`WARNINGS_SHOWN`].
    pub warnings: Vec<StatusRow>,
    pub warnings_total: u32,
    /// One page of the list: binding lagging first, then other lagging, then table order.
    pub rows: Vec<StatusRow>,
    pub rows_total: u32,
    pub offset: u32,
    /// Ended plans in scope that are judged at their target year: 《title》已结束：….
    pub ended_plans: Vec<String>,
    /// The gap chart (SVG) of the scope, when asked for; `None` also when it cannot be drawn.
    pub gap_svg: Option<String>,
}

/// The dashboard page for `query`.
pub fn dashboard(conn: &impl Sql, query: &DashboardQuery) -> Result<DashboardPage, ApiError> {
    dashboard_on(conn, query, super::lifecycle::today(conn)?)
}

/// Evaluates the dashboard's opening screen (every plan, the opening period) once on a
/// connection of its own, so that the first visit is answered from the evaluation
/// cache: at a province's scale reading and evaluating a million values takes about a second,
/// which a thread started with the app spends while the user signs in. Failures only log: the
/// dashboard then evaluates on its first visit, as without this.
pub fn warm_up(db: &std::path::Path) {
    let started = std::time::Instant::now();
    let run = || -> Result<(), ApiError> {
        let conn = crate::store::open_existing(db)?;
        let today = super::lifecycle::today(&conn)?;
        let sel = super::lifecycle::PeriodSelection {
            plan_id: None,
            department_id: None,
            granularity: super::lifecycle::PeriodGranularity::Any,
        };
        let period = super::lifecycle::default_period(&conn, &sel, today)?.period;
        // Not the gap chart: drawing it loads the bundled CJK font, megabytes held from the
        // start whether the dashboard is opened or not; the first visit draws it in ms.
        let q = DashboardQuery::new(period, 1);
        dashboard_on(&conn, &q, today)?;
        // Then every plan's values, so that a value saved later brings the statuses forward
        // by its plan alone (the first screen may have come from the statuses file).
        evaluation_cache::load_series(&conn)?;
        Ok(())
    };
    match run() {
        Ok(()) => tracing::info!(
            ms = started.elapsed().as_millis() as u64,
            "dashboard warmed up"
        ),
        Err(e) => tracing::warn!(error = %e.message, "dashboard warm-up failed"),
    }
}

/// [`dashboard`] on a given day. The scope's statuses come from the evaluation cache: paging,
/// filtering by label or attribute and coming back re-evaluate nothing while the data and the
/// day are unchanged.
pub fn dashboard_on(
    conn: &impl Sql,
    query: &DashboardQuery,
    today: NaiveDate,
) -> Result<DashboardPage, ApiError> {
    let filter = StatusFilter {
        plan_id: query.plan_id,
        department_id: query.department_id,
        ..StatusFilter::default()
    };
    let scope = evaluation_cache::evaluated_scope(conn, query.period, &filter, today)?;
    let gap_svg = if query.with_gap_chart {
        let title = charts::scope_title(conn, &filter)?;
        scope.gap_svg(|rows| {
            let chart = charts::gap_of_rows(rows, &title, query.period);
            charts::svg(&crate::chart::Chart::Gap(chart)).ok()
        })
    } else {
        None
    };
    let mut page = page_of(&scope, query);
    page.gap_svg = gap_svg;
    Ok(page)
}

/// Counts, warnings and the page from every row in scope; only the rows shown are copied.
fn page_of(scope: &EvaluatedScope, query: &DashboardQuery) -> DashboardPage {
    let mut ended_plans: Vec<String> = Vec::new();
    for r in scope.listed() {
        if let Some(note) = &r.lifecycle_note {
            let line = format!("《{}》{note}", r.plan_title);
            if !ended_plans.contains(&line) {
                ended_plans.push(line);
            }
        }
    }
    let binding_lagging =
        |r: &StatusRow| r.status.label.is_lagging() && r.attribute == Some(Attribute::Binding);
    let warnings_total = scope.listed().filter(|r| binding_lagging(r)).count();
    let warnings: Vec<StatusRow> = scope
        .listed()
        .filter(|r| binding_lagging(r))
        .take(WARNINGS_SHOWN)
        .cloned()
        .collect();
    let in_scope = |r: &StatusRow| query.attribute.is_none() || r.attribute == query.attribute;
    let mut counts = RollUp::empty();
    for r in scope.listed().filter(|r| in_scope(r)) {
        counts.add(r.status.label, r.attribute);
    }
    let listed = || {
        scope.listed().filter(|r| {
            in_scope(r) && (query.labels.is_empty() || query.labels.contains(&r.status.label))
        })
    };
    let rows_total = listed().count();
    let limit = query.limit.clamp(1, MAX_PAGE) as usize;
    let offset = (query.offset as usize).min(rows_total.saturating_sub(1) / limit * limit);
    let page = listed().skip(offset).take(limit).cloned().collect();
    DashboardPage {
        period: query.period,
        counts,
        warnings,
        warnings_total: warnings_total as u32,
        rows: page,
        rows_total: rows_total as u32,
        offset: offset as u32,
        ended_plans,
        gap_svg: None,
    }
}
