//! Moving a city onto the server: copies a whole SQLite database into an empty (freshly
//! migrated) PostgreSQL database in one transaction, and proves the copy with row counts and
//! a checksum per table computed over the decoded rows on both sides (so column types —
//! `TEXT` times here, `TIMESTAMPTZ` there — do not change it).

use sha2::{Digest, Sha256};

use super::db::{parse_time, time_text, Database, PgClient, Row, Sql, Value, Write};
use super::{Result, StoreError};
use crate::args;

/// Every table of the schema, parents before children (foreign keys hold at each insert).
pub const TABLES: &[&str] = &[
    "departments",
    "documents",
    "plans",
    "plan_tables",
    "indicators",
    "indicator_support",
    "users",
    "observations",
    "target_revisions",
    "annual_targets",
    "submissions",
    "audit_log",
    "measures",
    "settings",
    "indicator_links",
];

/// Tables whose `id` the database numbers: the counter continues after the copied ids.
const NUMBERED: &[&str] = &[
    "departments",
    "documents",
    "plans",
    "plan_tables",
    "indicators",
    "users",
    "observations",
    "target_revisions",
    "audit_log",
];

/// One table's figures on one side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableSum {
    pub table: &'static str,
    pub rows: u64,
    /// SHA-256 (hex, first 16 digits) over the table's rows, each decoded and sorted.
    pub checksum: String,
}

/// What was copied: the figures of the source and of the target, table by table.
#[derive(Debug, Clone)]
pub struct Transfer {
    pub source: Vec<TableSum>,
    pub target: Vec<TableSum>,
}

fn columns(from: &rusqlite::Connection, table: &str) -> Result<Vec<String>> {
    let mut st = from.prepare(&format!(
        "SELECT name FROM pragma_table_info('{table}') ORDER BY cid"
    ))?;
    let names = st
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(names)
}

/// A value as the checksum sees it: a time is the same instant whether stored as text or as
/// a timestamp; a whole number the same whether stored as an integer or a real.
fn canonical(v: &Value) -> String {
    match v {
        Value::Null => "n".into(),
        Value::Int(i) => format!("i{i}"),
        Value::Real(x) => format!("r{x:?}"),
        Value::Text(s) => match parse_time(s).filter(|_| s.len() >= 19) {
            Some(t) => format!("d{}", time_text(&t)),
            None => format!("t{}:{s}", s.len()),
        },
        Value::Blob(b) => format!("b{}", hex::encode(b)),
        Value::Time(t) => format!("d{}", time_text(t)),
    }
}

/// Counts and checksum of `table` (its `columns`, in this order) on any database.
pub fn table_sum(db: &impl Sql, table: &'static str, columns: &[String]) -> Result<TableSum> {
    let rows = db.query_rows(
        &format!("SELECT {} FROM {table}", columns.join(", ")),
        args![],
    )?;
    let mut lines: Vec<String> = rows
        .iter()
        .map(|r: &Row| {
            r.values()
                .iter()
                .map(canonical)
                .collect::<Vec<_>>()
                .join("\u{1f}")
        })
        .collect();
    lines.sort_unstable();
    let mut h = Sha256::new();
    for l in &lines {
        h.update(l.as_bytes());
        h.update([0x1e]);
    }
    Ok(TableSum {
        table,
        rows: lines.len() as u64,
        checksum: hex::encode(h.finalize())[..16].to_string(),
    })
}

/// Parameters per INSERT: PostgreSQL takes at most 65 535; a few thousand rows per statement
/// copy a million observations in seconds where one statement per row took minutes.
const PARAMS_PER_INSERT: usize = 30_000;

fn value_of(v: rusqlite::types::ValueRef) -> Value {
    use rusqlite::types::ValueRef as V;
    match v {
        V::Null => Value::Null,
        V::Integer(i) => Value::Int(i),
        V::Real(x) => Value::Real(x),
        V::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        V::Blob(b) => Value::Blob(b.to_vec()),
    }
}

/// `INSERT INTO table (cols) VALUES (…), (…)` for `rows` rows.
fn insert_sql(table: &str, cols: &[String], rows: usize) -> String {
    let n = cols.len();
    let tuples: Vec<String> = (0..rows)
        .map(|r| {
            let marks: Vec<String> = (1..=n).map(|c| format!("?{}", r * n + c)).collect();
            format!("({})", marks.join(", "))
        })
        .collect();
    format!(
        "INSERT INTO {table} ({}) VALUES {}",
        cols.join(", "),
        tuples.join(", ")
    )
}

/// Streams `table` out of SQLite into the transaction, many rows per statement.
fn copy_rows(
    from: &rusqlite::Connection,
    to: &impl Write,
    table: &str,
    cols: &[String],
) -> Result<()> {
    let per_insert = (PARAMS_PER_INSERT / cols.len().max(1)).max(1);
    let full = insert_sql(table, cols, per_insert);
    let mut st = from.prepare(&format!("SELECT {} FROM {table}", cols.join(", ")))?;
    let mut rows = st.query([])?;
    let mut batch: Vec<Value> = Vec::with_capacity(per_insert * cols.len());
    let mut in_batch = 0;
    let flush = |batch: &mut Vec<Value>, n: usize| -> Result<()> {
        if n > 0 {
            let tail;
            let sql = if n == per_insert {
                full.as_str()
            } else {
                tail = insert_sql(table, cols, n);
                tail.as_str()
            };
            to.execute(sql, batch)?;
            batch.clear();
        }
        Ok(())
    };
    while let Some(r) = rows.next()? {
        for i in 0..cols.len() {
            batch.push(value_of(r.get_ref(i)?));
        }
        in_batch += 1;
        if in_batch == per_insert {
            flush(&mut batch, in_batch)?;
            in_batch = 0;
        }
    }
    flush(&mut batch, in_batch)
}

/// Copies every table of `from` into `to` (migrated to the same version, holding no data) in
/// one transaction; refuses a target with any Zhibiao data and rolls back when a table's
/// figures differ after the copy.
pub fn copy_sqlite_to_postgres(from: &rusqlite::Connection, to: &mut PgClient) -> Result<Transfer> {
    let tx = to.transaction()?;
    for table in TABLES {
        let n: i64 = tx.query_scalar(&format!("SELECT count(*) FROM {table}"), args![])?;
        if n > 0 {
            return Err(StoreError::Conflict(format!(
                "目标数据库已有规划指标监测的数据（表 {table} 有 {n} 行），没有写入任何数据。请换用一个空数据库。"
            )));
        }
    }
    let mut source = Vec::new();
    let mut target = Vec::new();
    for table in TABLES {
        let cols = columns(from, table)?;
        copy_rows(from, &tx, table, &cols)?;
        if NUMBERED.contains(table) {
            tx.execute(
                &format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 0) + 1, false) FROM {table}"
                ),
                args![],
            )?;
        }
        let s = table_sum(from, table, &cols)?;
        let t = table_sum(&tx, table, &cols)?;
        if s != t {
            return Err(StoreError::Conflict(format!(
                "表 {table} 复制后不一致（源 {} 行 {}，目标 {} 行 {}），已撤销，没有写入任何数据。",
                s.rows, s.checksum, t.rows, t.checksum
            )));
        }
        source.push(s);
        target.push(t);
    }
    tx.commit()?;
    // A bulk copy leaves PostgreSQL without statistics: until autovacuum gets round to it the
    // planner guesses, and per-row subqueries (counts per department) go badly wrong.
    for table in TABLES {
        if let Err(e) = to.batch_execute(&format!("ANALYZE {table}")) {
            tracing::warn!(table, error = %e, "ANALYZE after the copy");
        }
    }
    Ok(Transfer { source, target })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checksum_sees_values_not_column_types() {
        let at = parse_time("2026-11-30T08:00:00Z").unwrap();
        assert_eq!(
            canonical(&Value::Text("2026-11-30T08:00:00Z".into())),
            canonical(&Value::Time(at))
        );
        assert_ne!(
            canonical(&Value::Text("2026".into())),
            canonical(&Value::Int(2026))
        );
        let db = crate::store::open_in_memory().unwrap();
        let cols = vec!["key".to_string(), "value_json".to_string()];
        let empty = table_sum(&db, "settings", &cols).unwrap();
        Sql::execute(&db, "INSERT INTO settings VALUES ('a', '1')", args![]).unwrap();
        let one = table_sum(&db, "settings", &cols).unwrap();
        Sql::execute(&db, "UPDATE settings SET value_json = '2'", args![]).unwrap();
        let changed = table_sum(&db, "settings", &cols).unwrap();
        assert_eq!((empty.rows, one.rows), (0, 1));
        assert_ne!(
            one.checksum, changed.checksum,
            "one changed value changes the sum"
        );
        assert_ne!(empty.checksum, one.checksum);
    }
}
