//! The access layer on PostgreSQL (the synchronous `postgres` crate). Its calls block the
//! thread: async code (the server) calls them through `spawn_blocking`. Parameters are bound
//! by the type PostgreSQL expects for each placeholder, so an integer may fill a `BIGINT`,
//! an `INTEGER` or a `BOOLEAN` column alike, as it does in SQLite.

use std::cell::RefCell;
use std::collections::HashMap;
use std::error::Error as StdError;

use bytes::BytesMut;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use postgres::types::{to_sql_checked, IsNull, ToSql, Type};
use postgres::{Client, Statement, Transaction};

use super::{time_text, Database, Dialect, EachRow, Row, Sql, Value, Write};
use crate::store::{Result, StoreError};

type BoxError = Box<dyn StdError + Sync + Send>;

impl ToSql for Value {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> std::result::Result<IsNull, BoxError> {
        let text = matches!(*ty, Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME);
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(i) => match *ty {
                Type::INT8 => i.to_sql(ty, out),
                Type::INT4 => i32::try_from(*i)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*i)?.to_sql(ty, out),
                Type::BOOL => (*i != 0).to_sql(ty, out),
                Type::FLOAT8 => (*i as f64).to_sql(ty, out),
                Type::FLOAT4 => (*i as f32).to_sql(ty, out),
                _ if text => i.to_string().to_sql(ty, out),
                _ => Err(mismatch("整数", ty)),
            },
            Value::Real(x) => match *ty {
                Type::FLOAT8 => x.to_sql(ty, out),
                Type::FLOAT4 => (*x as f32).to_sql(ty, out),
                Type::INT8 if x.fract() == 0.0 => (*x as i64).to_sql(ty, out),
                _ if text => x.to_string().to_sql(ty, out),
                _ => Err(mismatch("小数", ty)),
            },
            Value::Text(s) => match *ty {
                _ if text => s.to_sql(ty, out),
                Type::TIMESTAMPTZ => super::parse_time(s)
                    .ok_or_else(|| mismatch("文本", ty))?
                    .to_sql(ty, out),
                Type::DATE => NaiveDate::parse_from_str(s, "%Y-%m-%d")?.to_sql(ty, out),
                Type::INT8 => s.parse::<i64>()?.to_sql(ty, out),
                Type::FLOAT8 => s.parse::<f64>()?.to_sql(ty, out),
                _ => Err(mismatch("文本", ty)),
            },
            Value::Blob(b) => match *ty {
                Type::BYTEA => b.to_sql(ty, out),
                _ => Err(mismatch("二进制", ty)),
            },
            Value::Time(t) => match *ty {
                Type::TIMESTAMPTZ => t.to_sql(ty, out),
                Type::TIMESTAMP => t.naive_utc().to_sql(ty, out),
                _ if text => time_text(t).to_sql(ty, out),
                _ => Err(mismatch("时间", ty)),
            },
        }
    }

    /// Every type: the match above decides, and says what did not fit.
    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

fn mismatch(what: &str, ty: &Type) -> BoxError {
    format!("{what}不能写入 {ty} 类型的列").into()
}

fn decode(row: &postgres::Row, i: usize) -> Result<Value> {
    fn get<'a, T: postgres::types::FromSql<'a>>(
        row: &'a postgres::Row,
        i: usize,
    ) -> Result<Option<T>> {
        Ok(row.try_get::<_, Option<T>>(i)?)
    }
    let ty = row.columns()[i].type_();
    let v = match *ty {
        // What a function called for its effect returns (pg_advisory_xact_lock).
        Type::VOID => None,
        Type::BOOL => get::<bool>(row, i)?.map(|b| Value::Int(b as i64)),
        Type::INT2 => get::<i16>(row, i)?.map(|x| Value::Int(x.into())),
        Type::INT4 => get::<i32>(row, i)?.map(|x| Value::Int(x.into())),
        Type::INT8 => get::<i64>(row, i)?.map(Value::Int),
        Type::FLOAT4 => get::<f32>(row, i)?.map(|x| Value::Real(x.into())),
        Type::FLOAT8 => get::<f64>(row, i)?.map(Value::Real),
        Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME => {
            get::<String>(row, i)?.map(Value::Text)
        }
        Type::BYTEA => get::<Vec<u8>>(row, i)?.map(Value::Blob),
        Type::TIMESTAMPTZ => get::<DateTime<Utc>>(row, i)?.map(Value::Time),
        Type::TIMESTAMP => get::<NaiveDateTime>(row, i)?.map(|t| Value::Time(t.and_utc())),
        Type::DATE => {
            get::<NaiveDate>(row, i)?.map(|d| Value::Text(d.format("%Y-%m-%d").to_string()))
        }
        _ => {
            return Err(StoreError::Decode {
                column: i,
                expected: "整数、小数、文本、二进制或时间",
                found: "其他类型（如 NUMERIC：请在 SQL 中转换类型）",
            })
        }
    };
    Ok(v.unwrap_or(Value::Null))
}

/// `?N` and `?` placeholders (as SQLite reads them) → `$N`, outside string literals, quoted
/// names and comments. SQL is written once, in SQLite's spelling of placeholders.
pub fn placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut chars = sql.chars().peekable();
    let mut next = 0;
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' => {
                out.push(c);
                for d in chars.by_ref() {
                    out.push(d);
                    // A doubled quote closes and reopens: same result.
                    if d == c {
                        break;
                    }
                }
            }
            '-' if chars.peek() == Some(&'-') => {
                out.push(c);
                for d in chars.by_ref() {
                    out.push(d);
                    if d == '\n' {
                        break;
                    }
                }
            }
            '?' => {
                let mut digits = String::new();
                while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    digits.push(*d);
                    chars.next();
                }
                if digits.is_empty() {
                    next += 1;
                    digits = next.to_string();
                } else {
                    next = digits.parse().unwrap_or(next);
                }
                out.push('$');
                out.push_str(&digits);
            }
            c => out.push(c),
        }
    }
    out
}

/// Prepared statements by SQL text, per connection (a transaction uses its client's).
#[derive(Default)]
struct Statements(RefCell<HashMap<String, Statement>>);

impl Statements {
    fn get(&self, prepare: impl FnOnce(&str) -> Result<Statement>, sql: &str) -> Result<Statement> {
        if let Some(st) = self.0.borrow().get(sql) {
            return Ok(st.clone());
        }
        let st = prepare(&placeholders(sql))?;
        self.0.borrow_mut().insert(sql.to_string(), st.clone());
        Ok(st)
    }
}

fn params(args: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
    args.iter().map(|a| a as &(dyn ToSql + Sync)).collect()
}

fn rows(found: Vec<postgres::Row>) -> Result<Vec<Row>> {
    found
        .iter()
        .map(|r| {
            (0..r.len())
                .map(|i| decode(r, i))
                .collect::<Result<_>>()
                .map(Row)
        })
        .collect()
}

/// Decodes rows as the server sends them, one at a time (see [`Sql::for_each_row`]).
fn stream(mut found: postgres::RowIter<'_>, f: EachRow) -> Result<()> {
    use postgres::fallible_iterator::FallibleIterator;
    while let Some(r) = found.next()? {
        let row = (0..r.len())
            .map(|i| decode(&r, i))
            .collect::<Result<_>>()
            .map(Row)?;
        f(&row)?;
    }
    Ok(())
}

/// A connection to a PostgreSQL database.
pub struct PgClient {
    client: RefCell<Client>,
    statements: Statements,
}

impl PgClient {
    pub fn new(client: Client) -> Self {
        PgClient {
            client: RefCell::new(client),
            statements: Statements::default(),
        }
    }

    /// Runs several statements separated by `;` (migrations).
    pub fn batch_execute(&mut self, sql: &str) -> Result<()> {
        Ok(self.client.get_mut().batch_execute(sql)?)
    }

    pub fn client(&mut self) -> &mut Client {
        self.client.get_mut()
    }
}

impl Sql for PgClient {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }
    fn query_rows(&self, sql: &str, args: &[Value]) -> Result<Vec<Row>> {
        let mut c = self.client.borrow_mut();
        let st = self.statements.get(|s| Ok(c.prepare(s)?), sql)?;
        rows(c.query(&st, &params(args))?)
    }
    fn for_each_row(&self, sql: &str, args: &[Value], f: EachRow) -> Result<()> {
        let mut c = self.client.borrow_mut();
        let st = self.statements.get(|s| Ok(c.prepare(s)?), sql)?;
        let found = c.query_raw(&st, params(args))?;
        stream(found, f)
    }
    fn execute(&self, sql: &str, args: &[Value]) -> Result<u64> {
        let mut c = self.client.borrow_mut();
        let st = self.statements.get(|s| Ok(c.prepare(s)?), sql)?;
        Ok(c.execute(&st, &params(args))?)
    }
}

/// A transaction on a [`PgClient`]; dropped without commit, it rolls back.
pub struct PgTx<'a> {
    tx: RefCell<Transaction<'a>>,
    statements: &'a Statements,
}

impl PgTx<'_> {
    pub fn batch_execute(&self, sql: &str) -> Result<()> {
        Ok(self.tx.borrow_mut().batch_execute(sql)?)
    }
}

impl Sql for PgTx<'_> {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }
    fn in_transaction(&self) -> bool {
        true
    }
    fn query_rows(&self, sql: &str, args: &[Value]) -> Result<Vec<Row>> {
        let mut t = self.tx.borrow_mut();
        let st = self.statements.get(|s| Ok(t.prepare(s)?), sql)?;
        rows(t.query(&st, &params(args))?)
    }
    fn for_each_row(&self, sql: &str, args: &[Value], f: EachRow) -> Result<()> {
        let mut t = self.tx.borrow_mut();
        let st = self.statements.get(|s| Ok(t.prepare(s)?), sql)?;
        let found = t.query_raw(&st, params(args))?;
        stream(found, f)
    }
    fn execute(&self, sql: &str, args: &[Value]) -> Result<u64> {
        let mut t = self.tx.borrow_mut();
        let st = self.statements.get(|s| Ok(t.prepare(s)?), sql)?;
        Ok(t.execute(&st, &params(args))?)
    }
}

impl Write for PgTx<'_> {
    fn commit(self) -> Result<()> {
        Ok(self.tx.into_inner().commit()?)
    }
    fn rollback(self) -> Result<()> {
        Ok(self.tx.into_inner().rollback()?)
    }
}

impl Database for PgClient {
    type Tx<'a> = PgTx<'a>;

    fn transaction(&mut self) -> Result<PgTx<'_>> {
        let tx = self.client.get_mut().transaction()?;
        Ok(PgTx {
            tx: RefCell::new(tx),
            statements: &self.statements,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_numbered_outside_literals() {
        assert_eq!(
            placeholders("SELECT '?1', \"a?\" FROM t WHERE a = ?1 AND b = ?12 -- ?3\n AND c = ?"),
            "SELECT '?1', \"a?\" FROM t WHERE a = $1 AND b = $12 -- ?3\n AND c = $13"
        );
        assert_eq!(
            placeholders("VALUES (?, ?, 'it''s ?')"),
            "VALUES ($1, $2, 'it''s ?')"
        );
    }
}
