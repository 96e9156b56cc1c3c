//! SQLite store. Reads take `&Connection`, writes take a `&Transaction`; every write that
//! changes user data appends to the audit log through [`audit::append`].

pub mod audit;
pub mod backup;
pub mod check;
pub mod data_version;
pub mod db;
pub mod departments;
pub mod documents;
mod error;
pub mod indicators;
pub mod links;
pub mod measures;
mod migrations;
pub mod observations;
mod open;
pub mod plans;
pub mod postgres_open;
pub mod reissue;
pub mod series;
pub mod settings;
pub mod submissions;
pub mod targets;
pub mod transfer;
pub mod users;

pub use audit::{Actor, AuditEntry, Change};
pub use db::{Database, Db, Sql, Write};
pub use error::{Result, StoreError};
pub use migrations::{migrate, APPLICATION_ID, CURRENT_VERSION};
pub use open::{inspect, open, open_existing, open_in_memory, FileKind};
