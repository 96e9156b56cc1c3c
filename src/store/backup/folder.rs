//! Where backups live and what they are called: a folder beside the database,
//! `<file>-backups/`, one file per backup named `<stem>-<YYYYMMDD-HHMMSS>-<kind>.db` in local
//! time, so that the list sorts by name and a person reading the folder sees what each is.

use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDateTime};

/// Why a backup was made; the daily ones and the others are kept by different rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BackupKind {
    /// The first open of a day.
    Daily,
    /// Before a schema upgrade.
    Upgrade,
    /// Before an import (plans from a gazette, values from Excel).
    Import,
    /// Asked for (备份 in the app, `zhibiao backup`).
    Manual,
    /// The current database, set aside before a restore replaced it.
    BeforeRestore,
}

impl BackupKind {
    pub const ALL: [BackupKind; 5] = [
        BackupKind::Daily,
        BackupKind::Upgrade,
        BackupKind::Import,
        BackupKind::Manual,
        BackupKind::BeforeRestore,
    ];

    pub fn tag(self) -> &'static str {
        match self {
            BackupKind::Daily => "daily",
            BackupKind::Upgrade => "upgrade",
            BackupKind::Import => "import",
            BackupKind::Manual => "manual",
            BackupKind::BeforeRestore => "before-restore",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            BackupKind::Daily => "每日自动备份",
            BackupKind::Upgrade => "升级前备份",
            BackupKind::Import => "导入前备份",
            BackupKind::Manual => "手动备份",
            BackupKind::BeforeRestore => "恢复前的数据库",
        }
    }
}

/// One backup file in the folder.
#[derive(Debug, Clone, PartialEq)]
pub struct BackupFile {
    pub path: PathBuf,
    pub kind: BackupKind,
    /// Local time the backup was taken (from its name).
    pub taken_at: NaiveDateTime,
    pub size: u64,
}

/// How many backups to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    /// Daily backups younger than this many days are kept.
    pub daily_days: i64,
    /// Of the other backups, the newest this many are kept.
    pub others: usize,
}

impl Default for Retention {
    fn default() -> Self {
        Retention {
            daily_days: 31,
            others: 10,
        }
    }
}

const STAMP: &str = "%Y%m%d-%H%M%S";

/// `<dir>/<file>-backups` for the database `<dir>/<file>`.
pub fn folder(db: &Path) -> PathBuf {
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "zhibiao.db".into());
    db.with_file_name(format!("{name}-backups"))
}

fn stem(db: &Path) -> String {
    db.file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "zhibiao".into())
}

/// A free name for a backup of `db` taken at `at`.
pub fn new_name(db: &Path, kind: BackupKind, at: NaiveDateTime) -> PathBuf {
    let dir = folder(db);
    let base = format!("{}-{}-{}", stem(db), at.format(STAMP), kind.tag());
    let mut path = dir.join(format!("{base}.db"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{base}-{n}.db"));
        n += 1;
    }
    path
}

/// Reads time, kind and same-second counter from a backup's file name; `None` for anything
/// else in the folder.
fn parse_name(stem_of_db: &str, file: &str) -> Option<(NaiveDateTime, BackupKind, u32)> {
    let rest = file.strip_suffix(".db")?.strip_prefix(stem_of_db)?;
    let rest = rest.strip_prefix('-')?;
    let (stamp, tail) = (rest.get(..15)?, rest.get(15..)?);
    let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
    let tail = tail.strip_prefix('-')?;
    BackupKind::ALL.into_iter().find_map(|k| {
        let rest = tail.strip_prefix(k.tag())?;
        if rest.is_empty() {
            return Some((at, k, 1));
        }
        let n = rest.strip_prefix('-')?;
        n.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| n.parse().ok())
            .flatten()
            .map(|n| (at, k, n))
    })
}

/// The backups of `db`, newest first.
pub fn list(db: &Path) -> std::io::Result<Vec<BackupFile>> {
    let dir = folder(db);
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let stem = stem(db);
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((taken_at, kind, seq)) = parse_name(&stem, &name) else {
            continue;
        };
        let meta = entry.metadata()?;
        if !meta.is_file() {
            continue;
        }
        let file = BackupFile {
            path: entry.path(),
            kind,
            taken_at,
            size: meta.len(),
        };
        out.push((seq, file));
    }
    out.sort_by(|(sa, a), (sb, b)| b.taken_at.cmp(&a.taken_at).then(sb.cmp(sa)));
    Ok(out.into_iter().map(|(_, f)| f).collect())
}

/// The backups that `rule` no longer keeps at `now`; `list` is newest first.
pub fn expired(list: &[BackupFile], rule: Retention, now: NaiveDateTime) -> Vec<PathBuf> {
    let oldest_daily = now - Duration::days(rule.daily_days);
    let mut others = 0;
    let mut out = Vec::new();
    for b in list {
        let keep = if b.kind == BackupKind::Daily {
            b.taken_at >= oldest_daily
        } else {
            others += 1;
            others <= rule.others
        };
        if !keep {
            out.push(b.path.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn names_round_trip_and_other_files_are_ignored() {
        let db = Path::new("/data/city.db");
        let p = new_name(db, BackupKind::BeforeRestore, at("2026-11-30 09:05"));
        assert_eq!(
            p,
            Path::new("/data/city.db-backups/city-20261130-090500-before-restore.db")
        );
        let name = p.file_name().unwrap().to_str().unwrap();
        assert_eq!(
            parse_name("city", name),
            Some((at("2026-11-30 09:05"), BackupKind::BeforeRestore, 1))
        );
        assert_eq!(
            parse_name("city", "city-20261130-090500-import-2.db"),
            Some((at("2026-11-30 09:05"), BackupKind::Import, 2))
        );
        for other in [
            "notes.txt",
            "city-2026-daily.db",
            "other-20261130-090500-daily.db",
        ] {
            assert_eq!(parse_name("city", other), None, "{other}");
        }
    }

    fn file(kind: BackupKind, when: &str) -> BackupFile {
        BackupFile {
            path: PathBuf::from(format!("{when}-{}", kind.tag())),
            kind,
            taken_at: at(when),
            size: 1,
        }
    }

    #[test]
    fn dailies_kept_a_month_others_the_last_n() {
        let list = vec![
            file(BackupKind::Manual, "2026-11-30 10:00"),
            file(BackupKind::Daily, "2026-11-30 08:00"),
            file(BackupKind::Import, "2026-11-20 10:00"),
            file(BackupKind::Daily, "2026-11-01 08:00"),
            file(BackupKind::Upgrade, "2026-10-30 10:00"),
            file(BackupKind::Daily, "2026-10-29 08:00"),
        ];
        let rule = Retention {
            daily_days: 31,
            others: 2,
        };
        let gone = expired(&list, rule, at("2026-11-30 12:00"));
        assert_eq!(
            gone,
            vec![
                PathBuf::from("2026-10-30 10:00-upgrade"),
                PathBuf::from("2026-10-29 08:00-daily"),
            ]
        );
    }
}
