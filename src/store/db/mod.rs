//! The one access layer of the store: the same calls and the same SQL on SQLite and on
//! PostgreSQL. Reads take any [`Sql`] (a connection or a transaction), writes a [`Write`]
//! (a transaction only); use cases that open transactions take a [`Database`]. SQL is written
//! once with `?N` placeholders, `RETURNING`, `ON CONFLICT` and `coalesce`; the PostgreSQL side
//! rewrites the placeholders ([`postgres::placeholders`]). What truly differs goes through
//! [`Dialect`]. See `docs/storage.md`.

mod any;
pub mod postgres;
mod sqlite;
mod value;

pub use any::{Db, DbTx, Location};
pub use postgres::{PgClient, PgTx};
pub use value::{parse_time, time_text, FromValue, Row, ToValue, Value};

use super::Result;

/// Which database a connection talks to, for the few statements that differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    /// `group_concat(expr, sep)` / `string_agg(expr, sep)`: the items of a group joined.
    pub fn join_texts(self, expr: &str, sep: &str) -> String {
        match self {
            Dialect::Sqlite => format!("group_concat({expr}, '{sep}')"),
            Dialect::Postgres => format!("string_agg(CAST({expr} AS TEXT), '{sep}')"),
        }
    }
}

/// What [`Sql::for_each_row`] calls on each row; an error stops the reading and is returned.
pub type EachRow<'a> = &'a mut dyn FnMut(&Row) -> Result<()>;

/// Reads and writes on a connection or inside a transaction.
pub trait Sql {
    fn dialect(&self) -> Dialect;

    /// The SQLite connection underneath, for what only a database file has (backups,
    /// integrity checks); `None` on PostgreSQL, where the server's own tools do that.
    fn as_sqlite(&self) -> Option<&rusqlite::Connection> {
        None
    }

    /// Inside an open transaction, which sees its own writes before anyone else does:
    /// what is cached of committed data must not answer it.
    fn in_transaction(&self) -> bool {
        self.as_sqlite().is_some_and(|c| !c.is_autocommit())
    }

    /// Every row `sql` returns, decoded.
    fn query_rows(&self, sql: &str, args: &[Value]) -> Result<Vec<Row>>;

    /// Calls `f` on every row `sql` returns, one row at a time, without holding them all:
    /// what reads a province's million values. The row passed is reused between calls.
    fn for_each_row(&self, sql: &str, args: &[Value], f: EachRow) -> Result<()> {
        self.query_rows(sql, args)?.iter().try_for_each(f)
    }

    /// Runs a statement; returns how many rows it changed.
    fn execute(&self, sql: &str, args: &[Value]) -> Result<u64>;

    /// Every row, mapped.
    fn query_map<T>(
        &self,
        sql: &str,
        args: &[Value],
        f: impl FnMut(&Row) -> Result<T>,
    ) -> Result<Vec<T>> {
        self.query_rows(sql, args)?.iter().map(f).collect()
    }

    /// The first row, mapped, or `None` when there is none.
    fn query_opt<T>(
        &self,
        sql: &str,
        args: &[Value],
        f: impl FnOnce(&Row) -> Result<T>,
    ) -> Result<Option<T>> {
        self.query_rows(sql, args)?.first().map(f).transpose()
    }

    /// The first row, mapped; no row is an error (use for aggregates and `RETURNING`).
    fn query_row<T>(
        &self,
        sql: &str,
        args: &[Value],
        f: impl FnOnce(&Row) -> Result<T>,
    ) -> Result<T> {
        self.query_opt(sql, args, f)?
            .ok_or(super::StoreError::NoRow)
    }

    /// The first column of the first row.
    fn query_scalar<T: FromValue>(&self, sql: &str, args: &[Value]) -> Result<T> {
        self.query_row(sql, args, |r| r.get(0))
    }
}

/// Inside a transaction: what store functions that change data take. Dropping it without
/// [`Write::commit`] rolls back.
pub trait Write: Sql {
    fn commit(self) -> Result<()>;
    fn rollback(self) -> Result<()>;
}

/// A database on which transactions are opened (what use cases take).
pub trait Database: Sql {
    type Tx<'a>: Write
    where
        Self: 'a;

    fn transaction(&mut self) -> Result<Self::Tx<'_>>;
}

/// Parameters for [`Sql`] calls: `args![id, name, note]` (anything [`ToValue`], borrowed).
#[macro_export]
macro_rules! args {
    ($($x:expr),* $(,)?) => {
        &[$($crate::store::db::ToValue::to_value(&$x)),*] as &[$crate::store::db::Value]
    };
}
pub use crate::args;
