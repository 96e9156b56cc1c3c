//! SQLite store. Reads take `&Connection`, writes take a `&Transaction`; every write that
//! changes user data appends to the audit log through [`audit::append`].

pub mod audit;
pub mod departments;
pub mod documents;
pub mod indicators;
pub mod measures;
mod migrations;
pub mod observations;
mod open;
pub mod plans;
pub mod series;
pub mod settings;
pub mod submissions;
pub mod targets;
pub mod users;

pub use audit::{Actor, AuditEntry, Change};
pub use migrations::{migrate, CURRENT_VERSION};
pub use open::{open, open_in_memory};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("数据库错误：{0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("数据库版本 {found} 比本程序支持的版本 {supported} 更新，请升级程序")]
    TooNew { found: i64, supported: i64 },
    #[error("数据格式错误：{0}")]
    Json(#[from] serde_json::Error),
    #[error("未找到{what}（编号 {id}）")]
    NotFound { what: &'static str, id: i64 },
    #[error("{0}")]
    Conflict(String),
    /// Data the user supplied breaks a rule (empty name …); the message says which.
    #[error("{0}")]
    Invalid(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;
