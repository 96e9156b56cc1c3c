//! `zhibiao check`: SQLite's own integrity and foreign-key checks on a database file,
//! through a read-only connection, so that even a damaged file is looked at without
//! being touched.

use std::path::Path;

use super::open::{inspect, open_read_only, FileKind};
use super::{Result, StoreError};

/// A row whose reference points at nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DanglingReference {
    pub table: String,
    pub rowid: Option<i64>,
    /// The table the reference should point into.
    pub parent: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    /// What `inspect` said, or why it refused (Chinese).
    pub kind: std::result::Result<FileKind, String>,
    /// `None`: the file could not be read at all. `Some(empty)`: integrity ok. Else
    /// SQLite's own descriptions of what is wrong (technical, in English).
    pub integrity: Option<Vec<String>>,
    pub foreign_keys: Option<Vec<DanglingReference>>,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        matches!(self.kind, Ok(FileKind::Ours { .. }))
            && self.integrity.as_ref().is_some_and(Vec::is_empty)
            && self.foreign_keys.as_ref().is_some_and(Vec::is_empty)
    }
}

/// At most this many problems are listed: a badly damaged file has thousands.
const MAX_PROBLEMS: usize = 100;

pub fn check(path: &Path) -> Result<CheckReport> {
    if !path.exists() {
        return Err(StoreError::Invalid(format!(
            "数据库文件 {} 不存在",
            path.display()
        )));
    }
    let kind = inspect(path).map_err(|e| e.to_string());
    let Ok(conn) = open_read_only(path) else {
        return Ok(CheckReport {
            kind,
            integrity: None,
            foreign_keys: None,
        });
    };
    let integrity = (|| -> rusqlite::Result<Vec<String>> {
        let mut st = conn.prepare(&format!("PRAGMA integrity_check({MAX_PROBLEMS})"))?;
        let rows = st
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows.into_iter().filter(|r| r != "ok").collect())
    })()
    .ok();
    let foreign_keys = (|| -> rusqlite::Result<Vec<DanglingReference>> {
        let mut st = conn.prepare("PRAGMA foreign_key_check")?;
        let rows = st
            .query_map([], |r| {
                Ok(DanglingReference {
                    table: r.get(0)?,
                    rowid: r.get(1)?,
                    parent: r.get(2)?,
                })
            })?
            .take(MAX_PROBLEMS)
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    })()
    .ok();
    Ok(CheckReport {
        kind,
        integrity,
        foreign_keys,
    })
}
