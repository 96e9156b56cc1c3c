//! 备份与恢复: list, make and restore backups (administrators only in the app), the daily
//! automatic backup, and the Chinese explanation of a database that cannot be opened.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::session::authorize;
use super::{ApiError, ErrorCode};
use crate::auth::{permission, Session};
use crate::store::backup::{self, BackupFile, BackupKind, Retention};
use crate::store::{audit, Actor, Change, StoreError};

/// One backup as the 备份与恢复 page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupEntry {
    /// File name inside the backup folder; what a restore asks for.
    pub file_name: String,
    /// daily / upgrade / import / manual / before-restore
    pub kind: String,
    /// 每日自动备份, 手动备份 …
    pub kind_label: String,
    /// Local time, `YYYY-MM-DD HH:MM:SS`.
    pub taken_at: String,
    #[ts(type = "number")]
    pub size: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupList {
    /// The folder beside the database where the backups are.
    pub folder: String,
    pub backups: Vec<BackupEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RestoreOutcome {
    pub restored_from: String,
    /// Where the database as it was before the restore was kept.
    pub set_aside: Option<String>,
    /// Chinese summary for the user.
    pub message: String,
}

impl From<&BackupFile> for BackupEntry {
    fn from(b: &BackupFile) -> Self {
        BackupEntry {
            file_name: file_name(&b.path),
            kind: b.kind.tag().to_string(),
            kind_label: b.kind.label_zh().to_string(),
            taken_at: b.taken_at.format("%Y-%m-%d %H:%M:%S").to_string(),
            size: b.size,
        }
    }
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn admin(conn: &Connection, s: &Session) -> Result<Session, ApiError> {
    let s = authorize(conn, s)?;
    permission::can_administer(&s)?;
    Ok(s)
}

fn io(e: std::io::Error) -> ApiError {
    ApiError::new(ErrorCode::Storage, format!("无法读取备份目录：{e}"))
}

/// What is kept: daily backups for a month and the last `backups_kept` others (the
/// database's settings; the defaults when they cannot be read).
pub fn retention(conn: &Connection) -> Retention {
    match super::settings::database_settings(conn) {
        Ok(s) => Retention {
            others: s.backups_kept as usize,
            ..Retention::default()
        },
        Err(_) => Retention::default(),
    }
}

/// [`retention`] of the database at `db`, read through a read-only connection of its own.
fn retention_at(db: &Path) -> Retention {
    rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map(|c| retention(&c))
        .unwrap_or_default()
}

/// The backups of the database at `db`, newest first (no permission check: for the CLI).
pub fn backups_of(db: &Path) -> Result<BackupList, ApiError> {
    Ok(BackupList {
        folder: backup::folder(db).display().to_string(),
        backups: backup::list(db)
            .map_err(io)?
            .iter()
            .map(BackupEntry::from)
            .collect(),
    })
}

pub fn list_backups(conn: &Connection, s: &Session, db: &Path) -> Result<BackupList, ApiError> {
    admin(conn, s)?;
    backups_of(db)
}

/// 立即备份. Takes a connection of its own, so the caller need not hold its lock meanwhile:
/// check permission with [`authorize_backup`] first.
pub fn backup_now(db: &Path) -> Result<BackupEntry, ApiError> {
    let made = backup::create(db, BackupKind::Manual, retention_at(db))?;
    Ok(BackupEntry::from(&made))
}

pub fn authorize_backup(conn: &Connection, s: &Session) -> Result<(), ApiError> {
    admin(conn, s).map(|_| ())
}

/// `zhibiao backup --out FILE`: a checked copy at a place of the user's choosing.
pub fn backup_to(db: &Path, out: &Path) -> Result<u64, ApiError> {
    Ok(backup::copy_to(db, out)?)
}

/// The daily backup when the app opens; a failure is logged, never stops the app.
pub fn daily_backup(db: &Path) {
    match backup::daily_if_due(db, retention_at(db)) {
        Ok(Some(b)) => tracing::info!(file = %b.path.display(), "daily backup made"),
        Ok(None) => {}
        Err(e) => tracing::warn!(error = %e, "daily backup failed"),
    }
}

/// A backup before an import changes data in bulk. Refuses the import if it cannot be made:
/// an import is the kind of change a user wants to be able to undo.
/// Only a database file is backed up here; a PostgreSQL server is backed up by its own
/// tools (pg_dump, base backups) run by the city's IT.
pub fn before_import(conn: &impl crate::store::Sql) -> Result<(), ApiError> {
    let Some(conn) = conn.as_sqlite() else {
        return Ok(());
    };
    backup::before_bulk_change(conn, BackupKind::Import, retention(conn)).map_err(|e| {
        ApiError::new(
            ErrorCode::Storage,
            format!("导入前的自动备份没有成功，未导入任何数据：{e}"),
        )
    })
}

/// 从备份恢复 in the app: `file_name` must be one of the listed backups of `db`; `conn` is the
/// app's connection to `db`, held (under its lock) while the pages are copied in.
pub fn restore_backup(
    conn: &mut Connection,
    s: &Session,
    db: &Path,
    file_name: &str,
) -> Result<RestoreOutcome, ApiError> {
    let s = admin(conn, s)?;
    let chosen = backup::list(db)
        .map_err(io)?
        .into_iter()
        .find(|b| file_name_matches(&b.path, file_name))
        .ok_or_else(|| {
            ApiError::new(ErrorCode::NotFound, format!("没有名为 {file_name} 的备份"))
        })?;
    let outcome = restore(db, Some(conn), &chosen.path)?;
    let tx = conn.transaction()?;
    audit::append(
        &tx,
        &Actor::user(s.user_id, s.name),
        &Change {
            action: "restore",
            entity: "database",
            new_value: Some(file_name.to_string()),
            old_value: outcome.set_aside.clone(),
            ..Default::default()
        },
    )?;
    tx.commit()?;
    Ok(outcome)
}

fn file_name_matches(p: &Path, name: &str) -> bool {
    p.file_name().is_some_and(|n| n == name)
}

/// `zhibiao restore`: restores `backup` (any path) into the database at `db`.
pub fn restore_file(db: &Path, backup_path: &Path) -> Result<RestoreOutcome, ApiError> {
    let outcome = restore(db, None, backup_path)?;
    let mut conn = crate::store::open(db)?;
    let tx = conn.transaction()?;
    audit::append(
        &tx,
        &Actor::system(),
        &Change {
            action: "restore",
            entity: "database",
            new_value: Some(backup_path.display().to_string()),
            old_value: outcome.set_aside.clone(),
            ..Default::default()
        },
    )?;
    tx.commit()?;
    Ok(outcome)
}

fn restore(
    db: &Path,
    live: Option<&mut Connection>,
    from: &Path,
) -> Result<RestoreOutcome, ApiError> {
    if same_file(db, from) {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            "备份文件就是当前数据库本身",
        ));
    }
    let done = backup::restore(db, live, from)?;
    let set_aside = done.set_aside.map(|p| p.display().to_string());
    let mut message = format!("已从备份 {} 恢复数据库。", from.display());
    if let Some(p) = &set_aside {
        message.push_str(&format!("恢复前的数据库已另存为 {p}。"));
    }
    Ok(RestoreOutcome {
        restored_from: from.display().to_string(),
        set_aside,
        message,
    })
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// The error of opening `db`, in words a user can act on: a damaged database names the
/// latest backup that passes its check and how to restore it.
pub fn explain_open_error(db: &Path, e: StoreError) -> ApiError {
    if !matches!(e, StoreError::Damaged { .. }) {
        return e.into();
    }
    let e = e.in_file(db);
    let advice = match backup::latest_good(db) {
        Some(b) => format!(
            "最近一次完好的备份是 {}（{}，{}）。恢复它：zhibiao restore --db {} {}，或在程序的「备份与恢复」页面选择它。",
            b.path.display(),
            b.kind.label_zh(),
            b.taken_at.format("%Y-%m-%d %H:%M"),
            db.display(),
            b.path.display()
        ),
        None => format!(
            "在 {} 中没有找到完好的备份。",
            backup::folder(db).display()
        ),
    };
    ApiError::new(ErrorCode::Storage, format!("{e}{advice}"))
}

/// Opens the database at `db` as the CLI and the app do, explaining a refusal.
pub fn open(db: &Path) -> Result<Connection, ApiError> {
    crate::store::open(db).map_err(|e| explain_open_error(db, e))
}

/// Where `zhibiao check` prints; lines in Chinese.
pub fn check_report(db: &Path) -> Result<(bool, Vec<String>), ApiError> {
    let r = crate::store::check::check(db)?;
    let mut lines = vec![format!("数据库文件：{}", db.display())];
    match &r.kind {
        Ok(crate::store::FileKind::Ours { version }) => {
            lines.push(format!("文件类型：规划指标监测数据库，结构版本 {version}"))
        }
        Ok(crate::store::FileKind::New) => lines.push("文件类型：空数据库".into()),
        Err(why) => lines.push(format!("打开检查：{why}")),
    }
    match &r.integrity {
        None => lines.push("完整性检查（integrity_check）：无法读取文件，检查未能进行".into()),
        Some(p) if p.is_empty() => lines.push("完整性检查（integrity_check）：通过".into()),
        Some(p) => {
            lines.push(format!(
                "完整性检查（integrity_check）：发现 {} 处问题（以下为 SQLite 原文）",
                p.len()
            ));
            lines.extend(p.iter().map(|l| format!("  {l}")));
        }
    }
    match &r.foreign_keys {
        None => lines.push("外键检查（foreign_key_check）：未能进行".into()),
        Some(p) if p.is_empty() => lines.push("外键检查（foreign_key_check）：通过".into()),
        Some(p) => {
            lines.push(format!(
                "外键检查（foreign_key_check）：{} 行引用了不存在的记录",
                p.len()
            ));
            lines.extend(p.iter().map(|d| {
                format!(
                    "  表 {} 第 {} 行 → 表 {} 中没有对应记录",
                    d.table,
                    d.rowid.map_or("?".into(), |r| r.to_string()),
                    d.parent
                )
            }));
        }
    }
    if !r.is_ok() {
        if let Some(b) = backup::latest_good(db) {
            lines.push(format!(
                "最近一次完好的备份：{}（{}）",
                b.path.display(),
                b.taken_at.format("%Y-%m-%d %H:%M")
            ));
        }
    }
    lines.push(if r.is_ok() {
        "结论：数据库完好".into()
    } else {
        "结论：数据库有问题".into()
    });
    Ok((r.is_ok(), lines))
}

/// Path of a backup in the folder of `db`, for the CLI's `restore --backup NAME`.
pub fn backup_path(db: &Path, name_or_path: &Path) -> PathBuf {
    if name_or_path.components().count() == 1 && !name_or_path.exists() {
        backup::folder(db).join(name_or_path)
    } else {
        name_or_path.to_path_buf()
    }
}
