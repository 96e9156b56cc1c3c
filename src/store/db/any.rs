//! One type for either database, chosen by where the database is: a file path or a
//! `postgres://` URL.

use std::path::{Path, PathBuf};

use super::{Database, Dialect, EachRow, PgClient, PgTx, Row, Sql, Value, Write};
use crate::store::Result;

/// Where a database is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    File(PathBuf),
    /// `postgres://user[:password]@host[:port]/database`
    Postgres(String),
}

impl Location {
    pub fn parse(s: &str) -> Location {
        let lower = s.trim().to_ascii_lowercase();
        if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
            Location::Postgres(s.trim().to_string())
        } else {
            Location::File(PathBuf::from(s))
        }
    }

    pub fn file(&self) -> Option<&Path> {
        match self {
            Location::File(p) => Some(p),
            Location::Postgres(_) => None,
        }
    }

    /// For messages: the URL without its password.
    pub fn shown(&self) -> String {
        match self {
            Location::File(p) => p.display().to_string(),
            Location::Postgres(url) => hide_password(url),
        }
    }
}

fn hide_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((user, host)) => {
            let user = user.split(':').next().unwrap_or("");
            format!("{scheme}://{user}@{host}")
        }
        None => url.to_string(),
    }
}

/// A connection to the store on SQLite or PostgreSQL.
pub enum Db {
    Sqlite(rusqlite::Connection),
    /// Boxed: a client is three times the size of a SQLite connection.
    Postgres(Box<PgClient>),
}

/// A transaction on a [`Db`].
pub enum DbTx<'a> {
    Sqlite(rusqlite::Transaction<'a>),
    Postgres(PgTx<'a>),
}

impl Db {
    /// Opens the store at `location`: a database file (created if missing), or a PostgreSQL
    /// database (empty or Zhibiao's); both are upgraded to the current version.
    pub fn open(location: &Location) -> Result<Db> {
        Ok(match location {
            Location::File(p) => Db::Sqlite(crate::store::open(p)?),
            Location::Postgres(url) => {
                Db::Postgres(Box::new(crate::store::postgres_open::open_postgres(url)?))
            }
        })
    }
}

impl From<rusqlite::Connection> for Db {
    fn from(c: rusqlite::Connection) -> Self {
        Db::Sqlite(c)
    }
}

impl Sql for Db {
    fn dialect(&self) -> Dialect {
        match self {
            Db::Sqlite(c) => c.dialect(),
            Db::Postgres(c) => c.dialect(),
        }
    }
    fn as_sqlite(&self) -> Option<&rusqlite::Connection> {
        match self {
            Db::Sqlite(c) => Some(c),
            Db::Postgres(_) => None,
        }
    }
    fn query_rows(&self, sql: &str, args: &[Value]) -> Result<Vec<Row>> {
        match self {
            Db::Sqlite(c) => c.query_rows(sql, args),
            Db::Postgres(c) => c.query_rows(sql, args),
        }
    }
    fn for_each_row(&self, sql: &str, args: &[Value], f: EachRow) -> Result<()> {
        match self {
            Db::Sqlite(c) => c.for_each_row(sql, args, f),
            Db::Postgres(c) => c.for_each_row(sql, args, f),
        }
    }
    fn execute(&self, sql: &str, args: &[Value]) -> Result<u64> {
        match self {
            Db::Sqlite(c) => Sql::execute(c, sql, args),
            Db::Postgres(c) => c.execute(sql, args),
        }
    }
}

impl Database for Db {
    type Tx<'a> = DbTx<'a>;

    fn transaction(&mut self) -> Result<DbTx<'_>> {
        Ok(match self {
            Db::Sqlite(c) => DbTx::Sqlite(Database::transaction(c)?),
            Db::Postgres(c) => DbTx::Postgres(c.transaction()?),
        })
    }
}

impl Sql for DbTx<'_> {
    fn dialect(&self) -> Dialect {
        match self {
            DbTx::Sqlite(t) => t.dialect(),
            DbTx::Postgres(t) => t.dialect(),
        }
    }
    fn as_sqlite(&self) -> Option<&rusqlite::Connection> {
        match self {
            DbTx::Sqlite(t) => Some(t),
            DbTx::Postgres(_) => None,
        }
    }
    fn in_transaction(&self) -> bool {
        true
    }
    fn query_rows(&self, sql: &str, args: &[Value]) -> Result<Vec<Row>> {
        match self {
            DbTx::Sqlite(t) => t.query_rows(sql, args),
            DbTx::Postgres(t) => t.query_rows(sql, args),
        }
    }
    fn for_each_row(&self, sql: &str, args: &[Value], f: EachRow) -> Result<()> {
        match self {
            DbTx::Sqlite(t) => t.for_each_row(sql, args, f),
            DbTx::Postgres(t) => t.for_each_row(sql, args, f),
        }
    }
    fn execute(&self, sql: &str, args: &[Value]) -> Result<u64> {
        match self {
            DbTx::Sqlite(t) => Sql::execute(t, sql, args),
            DbTx::Postgres(t) => t.execute(sql, args),
        }
    }
}

impl Write for DbTx<'_> {
    fn commit(self) -> Result<()> {
        match self {
            DbTx::Sqlite(t) => Write::commit(t),
            DbTx::Postgres(t) => t.commit(),
        }
    }
    fn rollback(self) -> Result<()> {
        match self {
            DbTx::Sqlite(t) => Write::rollback(t),
            DbTx::Postgres(t) => t.rollback(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_is_postgres_anything_else_a_file() {
        assert!(matches!(
            Location::parse("postgres://zb@127.0.0.1:5432/city"),
            Location::Postgres(_)
        ));
        assert!(matches!(
            Location::parse("PostgreSQL://h/db"),
            Location::Postgres(_)
        ));
        assert_eq!(
            Location::parse("data/zhibiao.db").file(),
            Some(Path::new("data/zhibiao.db"))
        );
        assert_eq!(
            Location::parse("postgres://zb:secret@h:5432/db").shown(),
            "postgres://zb@h:5432/db"
        );
    }
}
