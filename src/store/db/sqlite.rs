//! The access layer on SQLite (rusqlite). Statements are cached per connection; `?N`
//! placeholders are SQLite's own.

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, Transaction};

use super::{time_text, Database, Dialect, EachRow, Row, Sql, Value, Write};
use crate::store::Result;

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Int(i) => ToSqlOutput::Borrowed(ValueRef::Integer(*i)),
            Value::Real(x) => ToSqlOutput::Borrowed(ValueRef::Real(*x)),
            Value::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Value::Blob(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
            Value::Time(t) => ToSqlOutput::Owned(rusqlite::types::Value::Text(time_text(t))),
        })
    }
}

fn decode(v: ValueRef) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Int(i),
        ValueRef::Real(x) => Value::Real(x),
        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    }
}

/// Decodes `v` into `into`, reusing the text or blob it held: a streamed row costs no
/// allocation once its buffers are large enough.
fn decode_into(into: &mut Value, v: ValueRef) {
    match (into, v) {
        (Value::Text(s), ValueRef::Text(t)) => {
            s.clear();
            s.push_str(&String::from_utf8_lossy(t));
        }
        (Value::Blob(b), ValueRef::Blob(x)) => {
            b.clear();
            b.extend_from_slice(x);
        }
        (into, v) => *into = decode(v),
    }
}

fn for_each_row(conn: &Connection, sql: &str, args: &[Value], f: EachRow) -> Result<()> {
    let mut st = conn.prepare_cached(sql)?;
    let mut row = Row(vec![Value::Null; st.column_count()]);
    let mut rows = st.query(rusqlite::params_from_iter(args))?;
    while let Some(r) = rows.next()? {
        for (i, v) in row.0.iter_mut().enumerate() {
            decode_into(v, r.get_ref(i)?);
        }
        f(&row)?;
    }
    Ok(())
}

fn query_rows(conn: &Connection, sql: &str, args: &[Value]) -> Result<Vec<Row>> {
    let mut st = conn.prepare_cached(sql)?;
    let n = st.column_count();
    let mut rows = st.query(rusqlite::params_from_iter(args))?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let mut row = Vec::with_capacity(n);
        for i in 0..n {
            row.push(decode(r.get_ref(i)?));
        }
        out.push(Row(row));
    }
    Ok(out)
}

fn execute(conn: &Connection, sql: &str, args: &[Value]) -> Result<u64> {
    let mut st = conn.prepare_cached(sql)?;
    Ok(st.execute(rusqlite::params_from_iter(args))? as u64)
}

/// A connection and a transaction (which derefs to its connection) read and write alike.
macro_rules! sqlite_sql {
    ($($t:ty),+) => {$(
        impl Sql for $t {
            fn dialect(&self) -> Dialect {
                Dialect::Sqlite
            }
            fn as_sqlite(&self) -> Option<&Connection> {
                Some(self)
            }
            fn query_rows(&self, sql: &str, args: &[Value]) -> Result<Vec<Row>> {
                query_rows(self, sql, args)
            }
            fn for_each_row(&self, sql: &str, args: &[Value], f: EachRow) -> Result<()> {
                for_each_row(self, sql, args, f)
            }
            fn execute(&self, sql: &str, args: &[Value]) -> Result<u64> {
                execute(self, sql, args)
            }
        }
    )+};
}

sqlite_sql!(Connection, Transaction<'_>);

impl Write for Transaction<'_> {
    fn commit(self) -> Result<()> {
        Ok(Transaction::commit(self)?)
    }
    fn rollback(self) -> Result<()> {
        Ok(Transaction::rollback(self)?)
    }
}

impl Database for Connection {
    type Tx<'a> = Transaction<'a>;

    /// IMMEDIATE: a write transaction takes the write lock when it begins, so two connections
    /// to one file take turns (waiting up to the busy timeout) instead of both reading a state
    /// and the later one failing, or deciding on a stale read, when it writes.
    fn transaction(&mut self) -> Result<Transaction<'_>> {
        Ok(Connection::transaction_with_behavior(
            self,
            rusqlite::TransactionBehavior::Immediate,
        )?)
    }
}
