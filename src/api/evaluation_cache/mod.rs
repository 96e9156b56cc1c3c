//! Every plan's loaded series, and the statuses evaluated from them, kept between calls while
//! the data under them is unchanged: a province's million values are read once, and the
//! dashboard's later pages, filters and visits are answered from memory.
//!
//! Correctness rests on three keys, all read on every call:
//! - the database's data token (`store::data_version`): triggers replace it on every write to
//!   what evaluation reads (values, targets, plans, indicators, departments, settings, links),
//!   whoever writes — this program, another one on the same file, or a PostgreSQL client;
//! - "today" (a lifecycle phase, a reporting quarter and the ended plans' notes depend on it):
//!   part of every evaluated entry's key, so a new day or a changed fixed date evaluates anew;
//! - the period and the scope (plan, department).
//!
//! A read inside a transaction, which may see its own uncommitted writes, is never served or
//! stored here. The token is read before the data, so an entry is never older than its key.
//!
//! Every plan's statuses are also kept on disk when the program says where ([`on_disk`]), so
//! that a new run of the program with unchanged data starts from them. After values are saved
//! through this program, the memory is brought to the new token by reading those values'
//! plans again, not every plan ([`ValuesWritten`]); any other write is evaluated anew.

pub mod on_disk;
mod written;

pub use written::ValuesWritten;

use std::cell::Cell;
use std::sync::{Arc, Mutex, OnceLock};

use chrono::NaiveDate;

use super::status::{rows_of_series, StatusFilter, StatusRow};
use super::ApiError;
use crate::eval::lagging_first;
use crate::model::Period;
use crate::store::plans::{self, PlanSummary};
use crate::store::series::{self, PlanPeriods, PlanSeries};
use crate::store::{data_version, Sql};
use on_disk::Snapshot;

/// Evaluated scopes kept per data token: a plan or department filter switched back and forth,
/// a period compared with the previous one. Each is a few tens of MB at a province's scale.
const SCOPES_KEPT: usize = 3;

/// The statuses of one scope at one period, on one day.
#[derive(Debug)]
pub struct EvaluatedScope {
    /// Table order (what the gap chart is drawn from).
    pub rows: Vec<StatusRow>,
    /// Indexes into `rows` in list order: binding lagging first, then other lagging, then
    /// table order.
    pub order: Vec<usize>,
    gap_svg: OnceLock<Option<String>>,
}

impl EvaluatedScope {
    fn new(rows: Vec<StatusRow>) -> Self {
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by_key(|&i| lagging_first(rows[i].attribute, rows[i].status.label));
        EvaluatedScope {
            rows,
            order,
            gap_svg: OnceLock::new(),
        }
    }

    /// The rows in list order.
    pub fn listed(&self) -> impl Iterator<Item = &StatusRow> {
        self.order.iter().map(|&i| &self.rows[i])
    }

    /// The gap chart, drawn on first use with `draw` and kept with the statuses.
    pub fn gap_svg(&self, draw: impl FnOnce(&[StatusRow]) -> Option<String>) -> Option<String> {
        self.gap_svg.get_or_init(|| draw(&self.rows)).clone()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ScopeKey {
    today: NaiveDate,
    period: Period,
    plan_id: Option<i64>,
    department_id: Option<i64>,
}

struct Entry {
    token: i64,
    /// The plan list with its counts, asked for by every first screen.
    plan_list: Option<Arc<Vec<PlanSummary>>>,
    series: Option<Arc<Vec<PlanSeries>>>,
    /// Read from disk for this token (`None` inside: there was none to read).
    stored: Option<Option<Arc<Snapshot>>>,
    scopes: Vec<(ScopeKey, Arc<EvaluatedScope>)>,
}

static CACHE: Mutex<Option<Entry>> = Mutex::new(None);

fn with_entry<T>(token: i64, f: impl FnOnce(&mut Entry) -> T) -> T {
    let mut guard = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if guard.as_ref().is_none_or(|e| e.token != token) {
        *guard = Some(Entry {
            token,
            plan_list: None,
            series: None,
            stored: None,
            scopes: Vec::new(),
        });
    }
    f(guard.as_mut().expect("just set"))
}

/// `f` on the entry of `token`, if the memory holds that one.
fn with_entry_if<T>(token: i64, f: impl FnOnce(&mut Entry) -> Option<T>) -> Option<T> {
    let mut guard = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    guard.as_mut().filter(|e| e.token == token).and_then(f)
}

/// Empties the memory, as a new run of the program finds it (tests, the benchmark).
pub fn forget() {
    *CACHE.lock().unwrap_or_else(|e| e.into_inner()) = None;
}

/// Where the scopes asked for on this thread so far came from (tests, the benchmark).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sources {
    /// Kept in memory.
    pub memory: u64,
    /// Read from the snapshot on disk.
    pub disk: u64,
    /// Evaluated from the values.
    pub evaluated: u64,
    /// Brought forward after values were written ([`ValuesWritten`]), not counted in the
    /// others: each is one write after which nothing was read again but its plans.
    pub patched: u64,
}

thread_local! {
    /// Counted per thread (each call's own), so that tests running side by side count theirs.
    static COUNTED: Cell<Sources> = const { Cell::new(Sources { memory: 0, disk: 0, evaluated: 0, patched: 0 }) };
}

fn count(f: impl FnOnce(&mut Sources)) {
    COUNTED.with(|c| {
        let mut s = c.get();
        f(&mut s);
        c.set(s);
    });
}

pub fn sources() -> Sources {
    COUNTED.with(Cell::get)
}

/// The snapshot on disk for `token`, read once per token.
fn stored(token: i64) -> Option<Arc<Snapshot>> {
    if let Some(s) = with_entry(token, |e| e.stored.clone()) {
        return s;
    }
    let loaded = on_disk::load(token).map(Arc::new);
    with_entry(token, |e| e.stored = Some(loaded.clone()));
    loaded
}

/// The data token, or `None` when the cache must not serve `conn` (inside a transaction).
fn token(conn: &impl Sql) -> Result<Option<i64>, ApiError> {
    if conn.in_transaction() {
        return Ok(None);
    }
    Ok(Some(data_version::current(conn)?))
}

/// Every plan's series (newest plan first), from memory when the data is unchanged. Loaded
/// outside the lock: another caller waits for nothing but the lookup.
fn all_series(conn: &impl Sql, token: i64) -> Result<Arc<Vec<PlanSeries>>, ApiError> {
    if let Some(s) = with_entry(token, |e| e.series.clone()) {
        return Ok(s);
    }
    let loaded = Arc::new(series::load(conn, None)?);
    with_entry(token, |e| e.series = Some(loaded.clone()));
    Ok(loaded)
}

/// Every plan with its counts ([`crate::store::plans::list`]: a pass over every indicator),
/// from memory while the data is unchanged.
pub fn plan_list(conn: &impl Sql) -> Result<Vec<PlanSummary>, ApiError> {
    let Some(token) = token(conn)? else {
        return Ok(plans::list(conn)?);
    };
    if let Some(list) = with_entry(token, |e| e.plan_list.clone()) {
        return Ok(list.as_ref().clone());
    }
    let list = Arc::new(plans::list(conn)?);
    with_entry(token, |e| e.plan_list = Some(list.clone()));
    Ok(list.as_ref().clone())
}

/// Reads every plan's series into memory unless they are there (the warm-up does, after the
/// first screen): values written later then bring the statuses forward by their plans alone
/// ([`ValuesWritten`]), where statuses read from the file alone would be evaluated anew.
pub fn load_series(conn: &impl Sql) -> Result<(), ApiError> {
    if let Some(token) = token(conn)? {
        all_series(conn, token)?;
    }
    Ok(())
}

/// The statuses of every monitored indicator of the plan and department of `filter` (its
/// attribute and label are ignored) at `period` on `today`.
pub fn evaluated_scope(
    conn: &impl Sql,
    period: Period,
    filter: &StatusFilter,
    today: NaiveDate,
) -> Result<Arc<EvaluatedScope>, ApiError> {
    let scope = StatusFilter {
        plan_id: filter.plan_id,
        department_id: filter.department_id,
        ..StatusFilter::default()
    };
    let Some(token) = token(conn)? else {
        let rows = super::status::evaluate_rows(conn, period, &scope, today)?;
        return Ok(Arc::new(EvaluatedScope::new(rows)));
    };
    let key = ScopeKey {
        today,
        period,
        plan_id: scope.plan_id,
        department_id: scope.department_id,
    };
    let found = with_entry(token, |e| {
        e.scopes
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, s)| s.clone())
    });
    if let Some(s) = found {
        count(|s| s.memory += 1);
        return Ok(s);
    }
    let every = ScopeKey {
        plan_id: None,
        department_id: None,
        ..key
    };
    let all = (key != every)
        .then(|| {
            with_entry(token, |e| {
                e.scopes
                    .iter()
                    .find(|(k, _)| *k == every)
                    .map(|(_, s)| s.clone())
            })
        })
        .flatten();
    let loaded = with_entry(token, |e| e.series.clone());
    let snapshot = match loaded {
        Some(_) => None,
        None => stored(token).filter(|s| s.period == period),
    };
    let evaluated = if let Some(all) = all {
        // A plan's or a department's rows are those of every plan's, cut out.
        let rows: Vec<StatusRow> = all
            .rows
            .iter()
            .filter(|r| in_scope(&scope, r))
            .cloned()
            .collect();
        if let Some(id) = scope.plan_id.filter(|_| rows.is_empty()) {
            // Not found, as the store says it (or a plan with nothing monitored).
            crate::store::plans::get(conn, id)?;
        }
        count(|s| s.memory += 1);
        Arc::new(EvaluatedScope::new(rows))
    } else if let Some(snapshot) = snapshot {
        if let Some(id) = scope.plan_id.filter(|id| !snapshot.has_plan(*id)) {
            // Not found, as the store says it.
            crate::store::plans::get(conn, id)?;
        }
        count(|s| s.disk += 1);
        Arc::new(EvaluatedScope::new(snapshot.rows(&scope, today)))
    } else {
        let plans = all_series(conn, token)?;
        if let Some(id) = scope.plan_id {
            if !plans.iter().any(|p| p.plan.id == id) {
                crate::store::plans::get(conn, id)?;
            }
        }
        count(|s| s.evaluated += 1);
        let evaluated = Arc::new(EvaluatedScope::new(rows_of_series(
            &plans, period, &scope, today,
        )));
        if scope == StatusFilter::default() {
            on_disk::save(snapshot_of(token, period, &plans, &evaluated));
        }
        evaluated
    };
    with_entry(token, |e| {
        if e.scopes.len() >= SCOPES_KEPT {
            // The oldest, but every plan's last: the others are cut from it.
            let every = |k: &ScopeKey| k.plan_id.is_none() && k.department_id.is_none();
            let i = e.scopes.iter().position(|(k, _)| !every(k)).unwrap_or(0);
            e.scopes.remove(i);
        }
        e.scopes.push((key, evaluated.clone()));
    });
    Ok(evaluated)
}

/// What builds every plan's snapshot for the writer. It holds the series and the statuses
/// weakly: memory brought forward after a save changes them in place rather than copying a
/// province's values because a file is still to be written from them.
fn snapshot_of(
    token: i64,
    period: Period,
    plans: &Arc<Vec<PlanSeries>>,
    every: &Arc<EvaluatedScope>,
) -> impl FnOnce() -> Option<Snapshot> + Send + 'static {
    let (plans, every) = (Arc::downgrade(plans), Arc::downgrade(every));
    move || {
        let (plans, every) = (plans.upgrade()?, every.upgrade()?);
        Some(Snapshot::new(token, period, &plans, &every.rows))
    }
}

/// Whether `row` is of the plan and the department of `scope` (each when it names one).
pub(crate) fn in_scope(scope: &StatusFilter, row: &StatusRow) -> bool {
    scope.plan_id.is_none_or(|id| row.plan_id == id)
        && (scope.department_id.is_none() || row.department_id == scope.department_id)
}

/// [`series::periods_with_data`], from the loaded series of every plan when no plan is
/// chosen (one plan's periods are a quick indexed query; every plan's are a scan of every
/// value, which the series in memory already hold).
pub fn periods_with_data(
    conn: &impl Sql,
    plan_id: Option<i64>,
    department_id: Option<i64>,
) -> Result<Vec<PlanPeriods>, ApiError> {
    match (plan_id, token(conn)?) {
        (None, Some(token)) => {
            let loaded = with_entry(token, |e| e.series.clone());
            if loaded.is_none() {
                if let Some(snapshot) = stored(token) {
                    return Ok(snapshot.periods(department_id));
                }
            }
            let plans = all_series(conn, token)?;
            Ok(series::periods_of_loaded(&plans, department_id))
        }
        _ => Ok(series::periods_with_data(conn, plan_id, department_id)?),
    }
}
