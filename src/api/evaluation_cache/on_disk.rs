//! Every plan's statuses at one period, kept in a file between runs of the program, so that
//! the first screen after opening reads them instead of a province's million values.
//!
//! A file is named after the database's data token and used only while the token is the
//! same: any write to what evaluation reads, by anyone, replaces the token (see the parent
//! module), so a value or a target changed since the file was written makes it unused. "Today"
//! is not part of the key: a status depends on the period judged, which depends only on the
//! plan's years; the day only sets each row's phase and the ended plan's note, which
//! [`restamp`] sets again for the day asked. A file that is damaged, of another format or of
//! another token is ignored and the statuses are evaluated as without it.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::api::status::{restamp, StatusFilter, StatusRow};
use crate::eval::IndicatorStatus;
use crate::model::{Attribute, Period, Plan, PlanPhase};
use crate::store::series::{PlanPeriods, PlanSeries};

/// Changed whenever a stored type changes shape: files of another format are not read.
const FORMAT: u32 = 2;
/// Files kept in the directory: a few databases (this computer's file, a server's) or days.
const FILES_KEPT: usize = 4;
const PREFIX: &str = "evaluation-";

/// Where files are kept; `None` (the default: tests, the CLI) keeps nothing on disk.
static DIR: Mutex<Option<PathBuf>> = Mutex::new(None);

type Build = Box<dyn FnOnce() -> Option<Snapshot> + Send>;

/// The newest snapshot not yet written, and the writer running, if any. Snapshots asked for
/// while one is being written replace each other: only the newest is written next.
struct Writer {
    /// With the moment before which it is not written, and where.
    next: Option<(Build, Instant, PathBuf)>,
    /// A writer thread is running and will take `next` before it ends.
    active: bool,
    running: Option<std::thread::JoinHandle<()>>,
}

static WRITER: Mutex<Writer> = Mutex::new(Writer {
    next: None,
    active: false,
    running: None,
});

/// Wakes the writer waiting for a snapshot's moment when that moment is brought forward.
static WAKE: Condvar = Condvar::new();

fn writer() -> std::sync::MutexGuard<'static, Writer> {
    WRITER.lock().unwrap_or_else(|e| e.into_inner())
}

/// Keeps the statuses of every plan in `dir` from now on (`None`: nowhere), making it if
/// missing. Writes never make it: a directory removed while the program runs (a test's, or a
/// cache cleared) is not brought back by a late write.
pub fn keep_in(dir: Option<PathBuf>) {
    if let Some(d) = &dir {
        if let Err(e) = std::fs::create_dir_all(d) {
            tracing::warn!(error = %e, dir = %d.display(), "evaluation snapshots not kept");
        }
    }
    *DIR.lock().unwrap_or_else(|e| e.into_inner()) = dir;
}

fn dir() -> Option<PathBuf> {
    DIR.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

/// Waits until every snapshot asked for is written.
pub fn wait_for_writer() {
    loop {
        let handle = writer().running.take();
        match handle {
            Some(h) => {
                let _ = h.join();
            }
            None => return,
        }
    }
}

/// Writes the snapshot still waiting out its delay now and waits until it is written: the
/// program calls it as it ends, so that the next run starts from the statuses of the last
/// save instead of evaluating once.
pub fn write_pending() {
    if let Some(next) = writer().next.as_mut() {
        next.1 = Instant::now();
    }
    WAKE.notify_all();
    wait_for_writer();
}

/// The periods holding data of one plan's indicators led by one department (or by none).
#[derive(Debug, Serialize, Deserialize)]
struct GroupPeriods {
    plan_id: i64,
    department_id: Option<i64>,
    periods: Vec<Period>,
}

/// One row as kept on disk: what the plans, the department names and the status do not
/// already say. The plan's title, the department's name and the reason's sentence are set
/// again on reading, the phase and the note for the day asked ([`restamp`]): a third of the
/// file, and of the time to read it.
#[derive(Debug, Serialize, Deserialize)]
struct StoredRow {
    plan_id: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    seq: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    category: Option<String>,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    attribute: Option<Attribute>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    department_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    baseline_raw: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    target_raw: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    baseline_year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    target_year: Option<i32>,
    status: IndicatorStatus,
}

impl StoredRow {
    fn of(r: &StatusRow) -> Self {
        StoredRow {
            plan_id: r.plan_id,
            seq: r.seq.clone(),
            category: r.category.clone(),
            name: r.name.clone(),
            unit: r.unit.clone(),
            attribute: r.attribute,
            department_id: r.department_id,
            baseline_raw: r.baseline_raw.clone(),
            target_raw: r.target_raw.clone(),
            baseline_year: r.baseline_year,
            target_year: r.target_year,
            status: r.status.clone(),
        }
    }

    fn row(&self, plan: &Plan, department: Option<&String>) -> StatusRow {
        StatusRow {
            plan_id: self.plan_id,
            plan_title: plan.title.clone(),
            seq: self.seq.clone(),
            category: self.category.clone(),
            name: self.name.clone(),
            unit: self.unit.clone(),
            attribute: self.attribute,
            department_id: self.department_id,
            department: department.cloned(),
            baseline_raw: self.baseline_raw.clone(),
            target_raw: self.target_raw.clone(),
            baseline_year: self.baseline_year,
            target_year: self.target_year,
            reason: self.status.reason_zh(),
            status: self.status.clone(),
            phase: PlanPhase::Running,
            lifecycle_note: None,
        }
    }
}

/// What the first screen needs of every plan at one period.
#[derive(Debug, Serialize, Deserialize)]
pub struct Snapshot {
    format: u32,
    token: i64,
    pub period: Period,
    /// Every plan with monitored indicators, newest first (as [`crate::store::series::load`]).
    plans: Vec<Plan>,
    /// The name of every department leading a row.
    departments: Vec<(i64, String)>,
    /// Every monitored indicator at `period`, in table order.
    rows: Vec<StoredRow>,
    groups: Vec<GroupPeriods>,
}

impl Snapshot {
    /// The snapshot of `rows`, every plan's statuses at `period` evaluated from `plans`.
    pub fn new(token: i64, period: Period, plans: &[PlanSeries], rows: &[StatusRow]) -> Self {
        let mut groups: Vec<GroupPeriods> = Vec::new();
        for p in plans {
            let mut by_department: HashMap<Option<i64>, BTreeSet<Period>> = HashMap::new();
            for s in &p.indicators {
                by_department
                    .entry(s.indicator.lead_department_id)
                    .or_default()
                    .extend(
                        s.observations
                            .iter()
                            .filter(|o| o.value.is_some() || o.status.is_some())
                            .map(|o| o.period),
                    );
            }
            let mut plan_groups: Vec<GroupPeriods> = by_department
                .into_iter()
                .map(|(department_id, periods)| GroupPeriods {
                    plan_id: p.plan.id,
                    department_id,
                    periods: periods.into_iter().collect(),
                })
                .collect();
            plan_groups.sort_by_key(|g| g.department_id);
            groups.extend(plan_groups);
        }
        let departments: BTreeMap<i64, String> = rows
            .iter()
            .filter_map(|r| Some((r.department_id?, r.department.clone()?)))
            .collect();
        Snapshot {
            format: FORMAT,
            token,
            period,
            plans: plans.iter().map(|p| p.plan.clone()).collect(),
            departments: departments.into_iter().collect(),
            rows: rows.iter().map(StoredRow::of).collect(),
            groups,
        }
    }

    pub fn has_plan(&self, plan_id: i64) -> bool {
        self.plans.iter().any(|p| p.id == plan_id)
    }

    /// The rows of the plan and department of `scope` (its attribute and label are
    /// ignored), in table order, with phase and note for `today`.
    pub fn rows(&self, scope: &StatusFilter, today: NaiveDate) -> Vec<StatusRow> {
        let plans: HashMap<i64, &Plan> = self.plans.iter().map(|p| (p.id, p)).collect();
        let departments: HashMap<i64, &String> =
            self.departments.iter().map(|(id, n)| (*id, n)).collect();
        self.rows
            .iter()
            .filter(|r| {
                scope.plan_id.is_none_or(|id| r.plan_id == id)
                    && (scope.department_id.is_none() || r.department_id == scope.department_id)
            })
            .filter_map(|r| {
                let plan = plans.get(&r.plan_id)?;
                let department = r.department_id.and_then(|d| departments.get(&d).copied());
                let mut r = r.row(plan, department);
                restamp(&mut r, plan, self.period, today);
                Some(r)
            })
            .collect()
    }

    /// [`crate::store::series::periods_of_loaded`] from the snapshot: the same plans and
    /// periods.
    pub fn periods(&self, department_id: Option<i64>) -> Vec<PlanPeriods> {
        self.plans
            .iter()
            .filter_map(|plan| {
                let mut found = false;
                let mut periods = BTreeSet::new();
                for g in self.groups.iter().filter(|g| g.plan_id == plan.id) {
                    if department_id.is_some() && g.department_id != department_id {
                        continue;
                    }
                    found = true;
                    periods.extend(g.periods.iter().copied());
                }
                found.then(|| PlanPeriods {
                    plan: plan.clone(),
                    periods: periods.into_iter().collect(),
                })
            })
            .collect()
    }
}

fn file_of(dir: &Path, token: i64) -> PathBuf {
    dir.join(format!("{PREFIX}{token:016x}.json"))
}

/// The snapshot kept for `token`, if there is a readable one.
pub fn load(token: i64) -> Option<Snapshot> {
    let path = file_of(&dir()?, token);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => {
            tracing::warn!(error = %e, "evaluation snapshot unreadable");
            return None;
        }
    };
    match serde_json::from_slice::<Snapshot>(&bytes) {
        Ok(s) if s.format == FORMAT && s.token == token => Some(s),
        Ok(_) => None,
        Err(e) => {
            tracing::warn!(error = %e, "evaluation snapshot damaged; evaluating instead");
            None
        }
    }
}

/// Builds the snapshot with `build` and writes it on a thread of its own (the caller holds
/// the database, and a snapshot is tens of megabytes at a province's scale), replacing the
/// file atomically, and removes all but the newest few files. `build` gives nothing when what
/// it was to be built from is gone (replaced by newer statuses, which are saved in turn).
pub fn save(build: impl FnOnce() -> Option<Snapshot> + Send + 'static) {
    save_after(Duration::ZERO, build);
}

/// [`save`], not before `delay` has passed without another snapshot asked for: values saved
/// one after another are written once, after the last (a province's file is tens of
/// megabytes). One still waiting when the program ends is written by [`write_pending`].
pub fn save_after(delay: Duration, build: impl FnOnce() -> Option<Snapshot> + Send + 'static) {
    let Some(dir) = dir() else { return };
    let mut w = writer();
    w.next = Some((Box::new(build), Instant::now() + delay, dir));
    if w.active {
        return; // the running writer takes it when due
    }
    w.active = true;
    if let Some(done) = w.running.take() {
        let _ = done.join(); // it has ended, or is ending: it set `active` false
    }
    w.running = Some(std::thread::spawn(move || loop {
        let (build, dir) = {
            let mut w = writer();
            match w.next.take() {
                Some((b, due, dir)) if due <= Instant::now() => (b, dir),
                Some((b, due, dir)) => {
                    // Not yet: wait, then look again (a newer one may have taken its place,
                    // or the moment been brought forward).
                    w.next = Some((b, due, dir));
                    let wait = due.saturating_duration_since(Instant::now());
                    drop(
                        WAKE.wait_timeout(w, wait)
                            .unwrap_or_else(|e| e.into_inner()),
                    );
                    continue;
                }
                None => {
                    w.active = false;
                    return;
                }
            }
        };
        // A panic must not leave `active` set with no writer left to clear it.
        let written = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            build().map_or(Ok(()), |snapshot| write(&dir, &snapshot))
        }));
        match written {
            Ok(Ok(())) => {}
            Ok(Err(e)) => tracing::warn!(error = %e, "evaluation snapshot not written"),
            Err(_) => tracing::error!("evaluation snapshot not written: the writer panicked"),
        }
    }));
}

fn write(dir: &Path, snapshot: &Snapshot) -> std::io::Result<()> {
    let path = file_of(dir, snapshot.token);
    let tmp = path.with_extension("json.tmp");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
    serde_json::to_writer(&mut file, snapshot)?;
    file.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    std::fs::rename(&tmp, &path)?;
    prune(dir)
}

fn prune(dir: &Path) -> std::io::Result<()> {
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(PREFIX))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    for (_, path) in files.into_iter().skip(FILES_KEPT) {
        let _ = std::fs::remove_file(path);
    }
    Ok(())
}
