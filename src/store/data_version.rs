//! The token that every write to what evaluation reads replaces (migration 008's triggers):
//! equal tokens mean the same data, so whatever was computed from it still holds.

use crate::args;
use crate::store::db::Sql;

use super::Result;

/// The current token. Random per write, so tokens of two different databases do not meet
/// either (copies of one file do, and hold the same data).
pub fn current(conn: &impl Sql) -> Result<i64> {
    conn.query_scalar("SELECT version FROM data_version WHERE id = 1", args![])
}
