//! Backups and restore. A backup is a consistent snapshot taken with `VACUUM INTO` through a
//! connection of its own, so it runs while the app keeps working; it is written under a
//! temporary name, synced, checked (`integrity_check`, our mark, version) and only then
//! given its name. A restore checks the backup, sets the current database aside, and copies
//! the backup in through SQLite's backup API — files are never swapped under a connection.

mod folder;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::open::{inspect, open_read_only, FileKind};
use super::{migrate, Result, StoreError};

pub use folder::{expired, folder, list, new_name, BackupFile, BackupKind, Retention};

fn io_error(what: &str, path: &Path, e: std::io::Error) -> StoreError {
    StoreError::Invalid(format!("{what}失败（{}）：{e}", path.display()))
}

fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// Checks that `path` is an intact Zhibiao database this program can open; returns its
/// schema version.
pub fn verify(path: &Path) -> Result<i64> {
    let version = match inspect(path)? {
        FileKind::Ours { version } => version,
        FileKind::New => {
            return Err(StoreError::Invalid(format!(
                "{} 不是规划指标监测的数据库或备份（文件不存在或是空的）",
                path.display()
            )))
        }
    };
    let damaged = || StoreError::Damaged {
        path: Some(path.display().to_string()),
    };
    let conn = open_read_only(path).map_err(|_| damaged())?;
    let first: String = conn
        .query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))
        .map_err(|_| damaged())?;
    if first != "ok" {
        return Err(damaged());
    }
    Ok(version)
}

/// Writes a consistent, checked copy of the database `db` to `out` (which must not exist).
pub fn copy_to(db: &Path, out: &Path) -> Result<u64> {
    if !matches!(inspect(db)?, FileKind::Ours { .. }) {
        return Err(StoreError::Invalid(format!(
            "数据库 {} 不存在，无可备份",
            db.display()
        )));
    }
    if out.exists() {
        return Err(StoreError::Invalid(format!(
            "{} 已存在，备份不会覆盖已有文件",
            out.display()
        )));
    }
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| io_error("创建备份目录", dir, e))?;
    }
    let mut part = out.as_os_str().to_owned();
    part.push(".part");
    let part = PathBuf::from(part);
    let _ = std::fs::remove_file(&part);
    let result = snapshot(db, &part).and_then(|()| {
        verify(&part)?;
        std::fs::rename(&part, out).map_err(|e| io_error("保存备份", out, e))?;
        sync_dir(out);
        Ok(std::fs::metadata(out).map(|m| m.len()).unwrap_or(0))
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&part);
    }
    result
}

/// `VACUUM INTO` through a read-only connection of its own: one read transaction, so the
/// copy is one consistent state even while another connection writes.
fn snapshot(db: &Path, part: &Path) -> Result<()> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let src = Connection::open_with_flags(db, flags)?;
    src.pragma_update(None, "busy_timeout", 5000)?;
    let target = part.to_str().ok_or_else(|| {
        StoreError::Invalid(format!("备份路径 {} 含有无法处理的字符", part.display()))
    })?;
    src.execute("VACUUM INTO ?1", [target])?;
    drop(src);
    // VACUUM INTO does not sync its output: a backup must survive a power cut too.
    std::fs::File::open(part)
        .and_then(|f| f.sync_all())
        .map_err(|e| io_error("写入备份", part, e))?;
    Ok(())
}

fn sync_dir(file: &Path) {
    if let Some(dir) = file.parent() {
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
}

/// Makes a backup of `db` into its backup folder, then drops the ones `rule` no longer keeps.
pub fn create(db: &Path, kind: BackupKind, rule: Retention) -> Result<BackupFile> {
    let taken_at = now();
    let path = new_name(db, kind, taken_at);
    let size = copy_to(db, &path)?;
    prune(db, rule);
    Ok(BackupFile {
        path,
        kind,
        taken_at,
        size,
    })
}

/// Deletes expired backups; a failure here costs disk space, not data, so it is only logged.
pub fn prune(db: &Path, rule: Retention) {
    match list(db) {
        Ok(all) => {
            for p in expired(&all, rule, now()) {
                if let Err(e) = std::fs::remove_file(&p) {
                    tracing::warn!(file = %p.display(), error = %e, "cannot delete old backup");
                }
            }
        }
        Err(e) => tracing::warn!(error = %e, "cannot list backups"),
    }
}

/// The day's automatic backup, unless one was made today already.
pub fn daily_if_due(db: &Path, rule: Retention) -> Result<Option<BackupFile>> {
    let today = now().date();
    let done = list(db)
        .unwrap_or_default()
        .iter()
        .any(|b| b.kind == BackupKind::Daily && b.taken_at.date() == today);
    if done || !matches!(inspect(db)?, FileKind::Ours { .. }) {
        return Ok(None);
    }
    create(db, BackupKind::Daily, rule).map(Some)
}

/// A backup before changing data in bulk, for the database `conn` is connected to; nothing
/// for an in-memory database.
pub fn before_bulk_change(conn: &Connection, kind: BackupKind, rule: Retention) -> Result<()> {
    match conn.path().filter(|p| !p.is_empty()) {
        Some(p) => create(Path::new(p), kind, rule).map(|_| ()),
        None => Ok(()),
    }
}

/// The newest backup of `db` that passes [`verify`].
pub fn latest_good(db: &Path) -> Option<BackupFile> {
    list(db)
        .ok()?
        .into_iter()
        .find(|b| b.kind != BackupKind::BeforeRestore && verify(&b.path).is_ok())
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    /// Where the database that was replaced was set aside (`None`: there was none).
    pub set_aside: Option<PathBuf>,
    /// Schema version of the backup (upgraded to the current one after the copy).
    pub backup_version: i64,
}

/// Replaces the content of the database `db` by the backup `backup`. `live` is the
/// connection the caller already holds on `db` (the app's), else one is opened here.
pub fn restore(db: &Path, live: Option<&mut Connection>, backup: &Path) -> Result<Restored> {
    let backup_version = verify(backup)?;
    let (set_aside, damaged) = match inspect(db) {
        Ok(FileKind::Ours { .. }) => {
            let aside = create(db, BackupKind::BeforeRestore, Retention::default())?;
            (Some(aside.path), false)
        }
        Ok(FileKind::New) => (None, false),
        Err(StoreError::Damaged { .. }) => (Some(copy_damaged_aside(db)?), true),
        Err(e) => return Err(e),
    };
    let mut own;
    let conn = match live {
        Some(c) => c,
        None => {
            if damaged {
                // No connection of ours is open on it (a damaged file is never opened) and
                // its bytes are set aside: start from an empty file, as SQLite may not even
                // read the damaged one's header.
                remove_with_sidecars(db)?;
            }
            own = Connection::open(db)?;
            let _: String = own.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
            own.pragma_update(None, "busy_timeout", 5000)?;
            &mut own
        }
    };
    copy_in(conn, backup)?;
    Ok(Restored {
        set_aside,
        backup_version,
    })
}

/// SQLite's backup API copies every page of `backup` into the database `conn` is connected
/// to, under its write lock; other connections see the restored data on their next read.
fn copy_in(conn: &mut Connection, backup: &Path) -> Result<()> {
    let src = open_read_only(backup)?;
    {
        let job = rusqlite::backup::Backup::new(&src, conn)?;
        job.run_to_completion(256, std::time::Duration::ZERO, None)?;
    }
    conn.pragma_update(None, "foreign_keys", "ON")?;
    migrate(conn)?;
    Ok(())
}

fn sidecar(db: &Path, suffix: &str) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

fn remove_with_sidecars(db: &Path) -> Result<()> {
    for p in [db.to_path_buf(), sidecar(db, "-wal"), sidecar(db, "-shm")] {
        match std::fs::remove_file(&p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_error("移走损坏的数据库", &p, e)),
        }
    }
    Ok(())
}

/// A damaged database cannot be read by `VACUUM INTO`: its bytes (and its WAL) are copied
/// aside as they are, for whoever wants to rescue something from them.
fn copy_damaged_aside(db: &Path) -> Result<PathBuf> {
    let dir = folder(db);
    std::fs::create_dir_all(&dir).map_err(|e| io_error("创建备份目录", &dir, e))?;
    let stem = db.file_stem().map(|s| s.to_string_lossy().into_owned());
    let name = format!(
        "{}-{}-damaged.db",
        stem.unwrap_or_else(|| "zhibiao".into()),
        now().format("%Y%m%d-%H%M%S")
    );
    let aside = dir.join(name);
    std::fs::copy(db, &aside).map_err(|e| io_error("保存损坏的数据库", &aside, e))?;
    for suffix in ["-wal", "-shm"] {
        let (from, to) = (sidecar(db, suffix), sidecar(&aside, suffix));
        if from.exists() {
            std::fs::copy(&from, &to).map_err(|e| io_error("保存损坏的数据库", &aside, e))?;
        }
    }
    Ok(aside)
}
