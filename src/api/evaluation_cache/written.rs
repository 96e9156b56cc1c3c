//! Statuses kept in memory brought up to date after a write of values, by reading again only
//! the plans whose values changed: after one value is saved, the dashboard answers from memory
//! instead of reading a province's million values again.
//!
//! It stays correct because it applies only when exact: the transaction reads the data token
//! before its first write and after its last one, holding the write lock in between
//! ([`data_version::current_for_write`]), so these two tokens bound its own changes and no one
//! else's; and the memory is brought forward only when it holds the first of them. A write
//! by anyone else, a target or a plan changed, or a change to what this transaction did not
//! name, leaves the memory behind its key, and the next read evaluates everything anew.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use super::on_disk;
use super::{count, snapshot_of, with_entry_if, EvaluatedScope, ScopeKey};
use crate::api::status::{rows_of_series, StatusFilter};
use crate::api::ApiError;
use crate::store::db::{Sql, Write};
use crate::store::{data_version, series};

/// How long the statuses file waits after a save for the next one: someone entering values
/// saves every few seconds, and a province's file is tens of megabytes.
const SAVE_DELAY: Duration = Duration::from_secs(3);

/// The values one transaction writes, by plan; see the module.
#[derive(Debug, Default)]
pub struct ValuesWritten {
    before: Option<i64>,
    after: Option<i64>,
    plans: BTreeSet<i64>,
}

impl ValuesWritten {
    /// For a transaction that writes values (observations) and nothing else that evaluation
    /// reads.
    pub fn new() -> Self {
        Self::default()
    }

    /// Right before a value of an indicator of `plan_id` is written or removed. The first
    /// call reads the token and holds it; it comes after the transaction's other locks, so
    /// that a writer holding one of those while it waits for the token cannot deadlock.
    pub fn plan(&mut self, tx: &impl Write, plan_id: i64) -> Result<(), ApiError> {
        if self.before.is_none() {
            self.before = Some(data_version::current_for_write(tx)?);
        }
        self.plans.insert(plan_id);
        Ok(())
    }

    /// Last thing in the transaction, before its commit.
    pub fn end(&mut self, tx: &impl Write) -> Result<(), ApiError> {
        if self.before.is_some() {
            self.after = Some(data_version::current(tx)?);
        }
        Ok(())
    }

    /// After the commit: brings the statuses in memory from the token before to the token
    /// after, reading the plans named again. Never fails the write that is already
    /// committed: what cannot be brought forward is evaluated anew on the next read.
    pub fn apply(self, conn: &impl Sql) {
        let (Some(before), Some(after)) = (self.before, self.after) else {
            return;
        };
        if after == before || conn.in_transaction() {
            return;
        }
        if let Err(e) = bring_forward(conn, before, after, &self.plans) {
            tracing::warn!(error = %e.message, "statuses in memory not brought forward");
        }
    }
}

fn bring_forward(
    conn: &impl Sql,
    before: i64,
    after: i64,
    plans: &BTreeSet<i64>,
) -> Result<(), ApiError> {
    // Taken out of the memory, so that they are changed in place rather than copied. Statuses
    // read from the file alone, without the series, cannot follow: they are left behind.
    let Some((mut all, scopes)) = with_entry_if(before, |e| {
        let series = e.series.take()?;
        Some((series, std::mem::take(&mut e.scopes)))
    }) else {
        return Ok(());
    };
    let mut fresh = Vec::with_capacity(plans.len());
    for id in plans {
        fresh.extend(series::load(conn, Some(*id))?);
    }
    // In place unless the snapshot's writer still holds them.
    let all_plans = Arc::make_mut(&mut all);
    for p in &fresh {
        match all_plans.iter_mut().find(|s| s.plan.id == p.plan.id) {
            Some(s) => *s = p.clone(),
            None => return Ok(()), // a plan the memory did not know: evaluated anew
        }
    }
    let mut patched = Vec::with_capacity(scopes.len());
    for (key, scope) in scopes {
        if let Some(scope) = patch_scope(key, scope, &fresh) {
            patched.push((key, scope));
        }
    }
    let saved = patched
        .iter()
        .find(|(k, _)| k.plan_id.is_none() && k.department_id.is_none())
        .map(|(k, s)| (k.period, s.clone()));
    let moved = with_entry_if(before, |e| {
        e.token = after;
        e.series = Some(all.clone());
        e.scopes = patched;
        e.stored = Some(None);
        Some(())
    });
    if moved.is_some() {
        count(|s| s.patched += 1);
        if let Some((period, every)) = saved {
            on_disk::save_after(SAVE_DELAY, snapshot_of(after, period, &all, &every));
        }
    }
    Ok(())
}

/// The scope with the rows of the plans in `fresh` evaluated again; `None` when its rows of
/// a plan are not one block of the same length (then it is evaluated anew when asked for).
fn patch_scope(
    key: ScopeKey,
    scope: Arc<EvaluatedScope>,
    fresh: &[series::PlanSeries],
) -> Option<Arc<EvaluatedScope>> {
    let filter = StatusFilter {
        plan_id: key.plan_id,
        department_id: key.department_id,
        ..StatusFilter::default()
    };
    let mut rows = match Arc::try_unwrap(scope) {
        Ok(s) => s.rows,
        Err(shared) => shared.rows.clone(), // a reader still holds it
    };
    for p in fresh {
        let new_rows = rows_of_series(std::slice::from_ref(p), key.period, &filter, key.today);
        let Some(start) = rows.iter().position(|r| r.plan_id == p.plan.id) else {
            if new_rows.is_empty() {
                continue;
            }
            return None;
        };
        let len = rows[start..]
            .iter()
            .take_while(|r| r.plan_id == p.plan.id)
            .count();
        if len != new_rows.len() || rows[start + len..].iter().any(|r| r.plan_id == p.plan.id) {
            return None;
        }
        rows.splice(start..start + len, new_rows);
    }
    Some(Arc::new(EvaluatedScope::new(rows)))
}
