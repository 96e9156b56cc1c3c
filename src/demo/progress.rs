//! Demo users and progress values, so that the entry grid, charts and reports have something
//! to show on first start. Runs after the demo plans are stored (see [`super`]).
//!
//! Demo accounts (password [`DEMO_PASSWORD`], no forced change): `manager` (审核员) and one
//! 填报员 per department, named `staff<部门编号>` (e.g. `staff1` for department 1). The admin
//! account is the usual first-run `admin` / `admin` with a forced change.
//!
//! Values are derived from each indicator's baseline and target: annual values for the plan's
//! completed years, and year-to-date quarterly values for the current year (Q1 and Q2 for
//! every numeric indicator, Q3 for about half, leaving cells to fill in). The pace differs per
//! indicator, so some are ahead and some lag. Completed years and the first two quarters are
//! approved; the current quarter stays a draft. Plans that already hold values (the demo
//! city's, from its own file: see [`super::city`]) are left as they are.

use chrono::Datelike;
use rusqlite::Transaction;

use crate::api::ApiError;
use crate::auth::{self, Role};
use crate::model::{Period, Value, ValueKind};
use crate::progress::validation::{self, Entry, Facts};
use crate::progress::{is_qualitative, suggest_flow, QualStatus, State, Vintage};
use crate::store::indicators::{self, IndicatorUpdate};
use crate::store::observations::{self, ObservationWrite};
use crate::store::users::{self, NewUser};
use crate::store::{submissions, Actor};

/// Password of every demo account.
pub const DEMO_PASSWORD: &str = "demo1234";
pub const DEMO_MANAGER: &str = "manager";

/// Name of the demo 填报员 of a department.
pub fn demo_staff_name(department_id: i64) -> String {
    format!("staff{department_id}")
}

/// Deterministic pseudo-random number in [0, 1) from a few integers (no RNG crate needed,
/// and the demo is the same on every machine).
fn jitter(a: i64, b: i64, c: i64) -> f64 {
    let mut x = (a as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ (b as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
        ^ (c as u64);
    x ^= x >> 33;
    x = x.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    x ^= x >> 33;
    (x >> 11) as f64 / (1u64 << 53) as f64
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

struct DemoIndicator {
    id: i64,
    name: String,
    unit: Option<String>,
    flow: bool,
    department_id: i64,
    baseline_year: i32,
    target_year: i32,
    baseline: Option<Value>,
    target: Option<Value>,
}

fn demo_indicators(tx: &Transaction) -> Result<Vec<DemoIndicator>, ApiError> {
    let mut st = tx.prepare(
        "SELECT i.id, i.name, i.unit, i.flow, i.lead_department_id, p.baseline_year, p.target_year,
                i.baseline_json, i.target_json
         FROM indicators i JOIN plans p ON p.id = i.plan_id JOIN plan_tables t ON t.id = i.table_id
         WHERE i.lead_department_id IS NOT NULL AND t.kind = 'targets'
           AND p.baseline_year IS NOT NULL AND p.target_year > p.baseline_year
           AND NOT EXISTS (SELECT 1 FROM observations o JOIN indicators j ON j.id = o.indicator_id
                           WHERE j.plan_id = i.plan_id)
         ORDER BY i.id",
    )?;
    let rows = st.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, bool>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, i32>(5)?,
            r.get::<_, i32>(6)?,
            r.get::<_, Option<String>>(7)?,
            r.get::<_, Option<String>>(8)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, name, unit, flow, department_id, baseline_year, target_year, b, t) = row?;
        let parse = |j: Option<String>| j.and_then(|j| serde_json::from_str::<Value>(&j).ok());
        out.push(DemoIndicator {
            id,
            name,
            unit,
            flow,
            department_id,
            baseline_year,
            target_year,
            baseline: parse(b),
            target: parse(t),
        });
    }
    Ok(out)
}

/// Marks flows by their name and unit, as an official would when setting up the plan.
fn mark_flows(tx: &Transaction, actor: &Actor) -> Result<(), ApiError> {
    let ids: Vec<i64> = tx
        .prepare("SELECT id FROM indicators WHERE flow = 0")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for id in ids {
        let ind = indicators::get(tx, id)?;
        if suggest_flow(&ind.draft.name, ind.draft.unit.as_deref()) {
            let update = IndicatorUpdate {
                name: ind.draft.name.clone(),
                unit: ind.draft.unit.clone(),
                attribute: ind.draft.attribute,
                direction: ind.draft.direction,
                category: ind.draft.category.clone(),
                flow: true,
                note: ind.draft.note.clone(),
                lead_department_id: ind.lead_department_id,
            };
            indicators::update(tx, actor, id, &update)?;
        }
    }
    Ok(())
}

/// Creates the demo accounts; returns the manager's actor.
pub fn create_users(tx: &Transaction) -> Result<Actor, ApiError> {
    // Same password for every demo account: hash it once.
    let hash = auth::hash_password(DEMO_PASSWORD)?;
    let system = Actor::system();
    let has_admin: bool = tx.query_row(
        "SELECT EXISTS(SELECT 1 FROM users WHERE role = 'admin')",
        [],
        |r| r.get(0),
    )?;
    if !has_admin {
        let admin_hash = auth::hash_password(crate::api::session::INITIAL_ADMIN_PASSWORD)?;
        users::insert(
            tx,
            &system,
            &NewUser {
                name: crate::api::session::INITIAL_ADMIN_NAME,
                password_hash: &admin_hash,
                role: Role::Admin,
                department_id: None,
                must_change_password: true,
            },
        )?;
    }
    let departments: Vec<i64> = tx
        .prepare("SELECT id FROM departments ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for id in departments {
        let name = demo_staff_name(id);
        if users::find_by_name(tx, &name)?.is_none() {
            users::insert(
                tx,
                &system,
                &NewUser {
                    name: &name,
                    password_hash: &hash,
                    role: Role::Staff,
                    department_id: Some(id),
                    must_change_password: false,
                },
            )?;
        }
    }
    let manager = match users::find_by_name(tx, DEMO_MANAGER)? {
        Some((u, _)) => u.id,
        None => users::insert(
            tx,
            &system,
            &NewUser {
                name: DEMO_MANAGER,
                password_hash: &hash,
                role: Role::Manager,
                department_id: None,
                must_change_password: false,
            },
        )?,
    };
    Ok(Actor::user(manager, DEMO_MANAGER))
}

/// The demo value of a numeric indicator at `period`, or `None` where it has none.
fn demo_value(ind: &DemoIndicator, period: Period, b: f64, t: f64) -> f64 {
    // Pace relative to the straight line to the target: 0.55 … 1.2.
    let pace = 0.55 + 0.65 * jitter(ind.id, 0, 0);
    let span = (ind.target_year - ind.baseline_year) as f64;
    let at = |year_fraction: f64| {
        let share = (year_fraction - ind.baseline_year as f64) / span;
        let noise = 1.0 + 0.02 * (jitter(ind.id, (year_fraction * 4.0) as i64, 1) - 0.5);
        (b + (t - b) * share * pace) * noise
    };
    let v = match period {
        Period::Year(y) => at(y as f64),
        // A flow's quarter is the year-to-date share of the year's amount.
        Period::Quarter(y, q) if ind.flow => {
            at(y as f64) * (q as f64 / 4.0) * (0.9 + 0.1 * jitter(ind.id, y as i64, 2))
        }
        Period::Quarter(y, q) => at((y - 1) as f64 + q as f64 / 4.0),
    };
    let v = if validation::is_share(&ind.name, ind.unit.as_deref()) {
        v.min(100.0)
    } else {
        v
    };
    round2(
        if validation::may_be_negative(&ind.name, ind.unit.as_deref()) {
            v
        } else {
            v.max(0.0)
        },
    )
}

/// Adds demo users, flow flags, observations and workflow states as of today. Call after
/// the demo plans and their lead departments are stored.
pub fn seed(tx: &Transaction) -> Result<(), ApiError> {
    seed_as_of(tx, crate::api::settings::today(tx)?.date)
}

/// [`seed`] as if today were `today`: values for the years completed by then and the
/// quarters of `today`'s year completed by then.
pub fn seed_as_of(tx: &Transaction, today: chrono::NaiveDate) -> Result<(), ApiError> {
    mark_flows(tx, &Actor::system())?;
    let manager = create_users(tx)?;
    let this_year = today.year();
    let done_quarters = ((today.month() - 1) / 3) as u8;
    let mut periods_used: std::collections::BTreeSet<(i64, Period)> = Default::default();
    for ind in demo_indicators(tx)? {
        let staff_name = demo_staff_name(ind.department_id);
        let Some((staff, _)) = users::find_by_name(tx, &staff_name)? else {
            continue;
        };
        let actor = Actor::user(staff.id, staff_name);
        let last_year = ind.target_year.min(this_year - 1);
        let mut periods: Vec<Period> = (ind.baseline_year + 1..=last_year)
            .map(Period::Year)
            .collect();
        // Quarters of the year after a plan's end, as databases of the previous version hold
        // them (it monitored the year until the successor took over): the demo keeps them so
        // that 规划期外数据 can be seen — shown, never judged, and no longer enterable.
        if this_year <= ind.target_year + 1 {
            let quarters = if ind.id % 2 == 0 {
                done_quarters
            } else {
                done_quarters.min(2)
            };
            periods.extend((1..=quarters).map(|q| Period::Quarter(this_year, q)));
        }
        let qualitative = is_qualitative(ind.baseline.as_ref(), ind.target.as_ref());
        // Five-year cumulative targets ([19.5]) are sums, not levels: no straight line to them.
        let numbers = |v: &Option<Value>| {
            v.as_ref()
                .filter(|v| v.kind == ValueKind::Number && !v.cumulative)
                .and_then(|v| v.value)
        };
        let (b, t) = (numbers(&ind.baseline), numbers(&ind.target));
        for period in periods {
            let write = if qualitative {
                ObservationWrite {
                    status: Some(if jitter(ind.id, 9, 9) < 0.8 {
                        QualStatus::Achieved
                    } else {
                        QualStatus::MostlyAchieved
                    }),
                    evidence: Some("演示数据：部门年度工作总结"),
                    source: Some("部门统计"),
                    vintage: Some(Vintage::Annual),
                    ..ObservationWrite::default()
                }
            } else if let (Some(b), Some(t)) = (b, t) {
                let v = demo_value(&ind, period, b, t);
                let others = observations::numbers_around(tx, ind.id, period.year())?;
                let facts = Facts {
                    name: &ind.name,
                    unit: ind.unit.as_deref(),
                    flow: ind.flow,
                    qualitative: false,
                };
                let shown = v.to_string();
                let entry = Entry {
                    value: Some(&shown),
                    ..Entry::default()
                };
                let checked = validation::check(&facts, period, &entry, &others);
                if checked.has_errors() {
                    continue;
                }
                let explained = !checked.issues.is_empty();
                ObservationWrite {
                    value: Some(v),
                    note: explained.then_some("演示数据：按规划目标推算"),
                    source: Some(if period.quarter().is_some() {
                        "部门统计"
                    } else {
                        "统计公报"
                    }),
                    vintage: Some(if period.quarter().is_some() {
                        Vintage::Preliminary
                    } else {
                        Vintage::Annual
                    }),
                    ..ObservationWrite::default()
                }
            } else {
                continue;
            };
            observations::upsert(tx, &actor, ind.id, period, &write)?;
            periods_used.insert((ind.department_id, period));
        }
    }
    // Everything but the current quarter has been reviewed.
    let current = Period::Quarter(this_year, done_quarters.max(1));
    for (department_id, period) in periods_used {
        if period == current {
            continue;
        }
        let p = period.to_string();
        let staff_name = demo_staff_name(department_id);
        let staff = match users::find_by_name(tx, &staff_name)? {
            Some((u, _)) => Actor::user(u.id, staff_name),
            None => Actor::system(),
        };
        submissions::set_state(tx, &staff, department_id, &p, State::Submitted, None)?;
        submissions::set_state(tx, &manager, department_id, &p, State::Approved, None)?;
    }
    Ok(())
}
