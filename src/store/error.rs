//! The store's errors. SQLite's own messages are English internals ("file is not a
//! database", "database or disk is full"); the conditions a user can act on get a variant
//! with a Chinese message of their own.

use rusqlite::ErrorCode as Code;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("数据库错误：{0}")]
    Sqlite(rusqlite::Error),
    /// An existing SQLite file or PostgreSQL database that belongs to another program:
    /// refused, left untouched. `path` is the file or the URL (without its password).
    #[error(
        "{path} 不是规划指标监测的数据库（{why}），程序没有改动它。请检查数据库位置（--db）。"
    )]
    Foreign { path: String, why: String },
    #[error("数据库版本 {found} 比本程序支持的版本 {supported} 更新，请升级程序{}", file_note(.path))]
    TooNew {
        found: i64,
        supported: i64,
        path: Option<String>,
    },
    #[error("数据库文件已损坏{}：无法完整读取其中的数据，程序没有改动它。请从最近一次完好的备份恢复。", file_note(.path))]
    Damaged { path: Option<String> },
    #[error("磁盘空间已满（或数据库已达大小上限）：本次修改没有保存，已有数据未受影响。请腾出空间后重试。")]
    DiskFull,
    #[error("数据库文件是只读的：本次修改没有保存，已有数据未受影响。请检查文件权限或所在磁盘。")]
    ReadOnly,
    #[error("数据库正被其他操作占用，请稍后重试。")]
    Busy,
    #[error("数据格式错误：{0}")]
    Json(#[from] serde_json::Error),
    #[error("未找到{what}（编号 {id}）")]
    NotFound { what: &'static str, id: i64 },
    #[error("{0}")]
    Conflict(String),
    #[error("数据库错误：{}", pg_message(.0))]
    Postgres(postgres::Error),
    /// The PostgreSQL server cannot be reached or refuses the login.
    #[error("无法连接数据库 {at}：{why}。没有写入任何数据。")]
    Connect { at: String, why: String },
    /// A column holds another type than the program reads from it.
    #[error("数据库错误：第 {} 列应为{expected}，实为{found}", .column + 1)]
    Decode {
        column: usize,
        expected: &'static str,
        found: &'static str,
    },
    /// A statement expected to return a row (an aggregate, `RETURNING`) returned none.
    #[error("数据库错误：查询没有返回结果")]
    NoRow,
    /// Data the user supplied breaks a rule (empty name …); the message says which.
    #[error("{0}")]
    Invalid(String),
}

/// The server's own message ("db error" alone says nothing).
fn pg_message(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(d) => format!("{}（{}）", d.message(), d.code().code()),
        None => e.to_string(),
    }
}

fn file_note(path: &Option<String>) -> String {
    match path {
        Some(p) => format!("（文件 {p}）"),
        None => String::new(),
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(Code::DatabaseCorrupt | Code::NotADatabase) => StoreError::Damaged { path: None },
            Some(Code::DiskFull) => StoreError::DiskFull,
            Some(Code::ReadOnly) => StoreError::ReadOnly,
            Some(Code::DatabaseBusy | Code::DatabaseLocked) => StoreError::Busy,
            _ => StoreError::Sqlite(e),
        }
    }
}

impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> Self {
        use postgres::error::SqlState;
        match e.code() {
            Some(c) if *c == SqlState::DISK_FULL => StoreError::DiskFull,
            Some(c) if *c == SqlState::READ_ONLY_SQL_TRANSACTION => StoreError::ReadOnly,
            Some(c)
                if *c == SqlState::LOCK_NOT_AVAILABLE || *c == SqlState::T_R_DEADLOCK_DETECTED =>
            {
                StoreError::Busy
            }
            _ => StoreError::Postgres(e),
        }
    }
}

impl StoreError {
    /// The same error, naming the database file where the message can.
    pub fn in_file(self, path: &std::path::Path) -> Self {
        let p = Some(path.display().to_string());
        match self {
            StoreError::Damaged { path: None } => StoreError::Damaged { path: p },
            StoreError::TooNew {
                found,
                supported,
                path: None,
            } => StoreError::TooNew {
                found,
                supported,
                path: p,
            },
            other => other,
        }
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_internals_become_chinese_messages() {
        let full = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL),
            None,
        );
        let e = StoreError::from(full);
        assert!(matches!(e, StoreError::DiskFull));
        assert!(e.to_string().contains("磁盘空间已满"));
        let notadb = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_NOTADB),
            Some("file is not a database".into()),
        );
        let e = StoreError::from(notadb).in_file(std::path::Path::new("a.db"));
        assert!(e.to_string().contains("数据库文件已损坏"), "{e}");
        assert!(e.to_string().contains("a.db"), "{e}");
        assert!(!e.to_string().contains("file is not"), "{e}");
    }
}
