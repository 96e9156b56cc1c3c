//! The token that every write to what evaluation reads replaces (migration 008's triggers):
//! equal tokens mean the same data, so whatever was computed from it still holds.

use crate::args;
use crate::store::db::{Dialect, Sql, Write};

use super::Result;

/// The current token. Random per write, so tokens of two different databases do not meet
/// either (copies of one file do, and hold the same data).
pub fn current(conn: &impl Sql) -> Result<i64> {
    conn.query_scalar("SELECT version FROM data_version WHERE id = 1", args![])
}

/// The current token inside a write transaction, before its first write, held until it ends:
/// no other writer's change can come between it and the token read at the end, so the two
/// tokens bound this transaction's changes alone. SQLite's write transactions hold the file's
/// write lock from their start already; PostgreSQL locks the token's row.
pub fn current_for_write(tx: &impl Write) -> Result<i64> {
    match tx.dialect() {
        Dialect::Sqlite => current(tx),
        Dialect::Postgres => tx.query_scalar(
            "SELECT version FROM data_version WHERE id = 1 FOR UPDATE",
            args![],
        ),
    }
}
