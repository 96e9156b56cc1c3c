//! Helper of `scripts/scale-db.sh`: grows a demo database (made by `zhibiao demo`) to a
//! province's volume — the demo plans copied until every year and quarter of every plan
//! filled gives the number of observations asked for (1 000 000 by default).
//!
//! scale_db DB [OBSERVATIONS]
//!
//! Plain SQL on the SQLite file, in one transaction: the store's own writes (one audit row
//! per value) would take minutes for a million values, and this database only has to look
//! like a grown one to the code under measurement. A PostgreSQL copy is made from it with
//! `zhibiao migrate`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use rusqlite::{params, Connection};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(db) = args.next().map(PathBuf::from) else {
        eprintln!("用法：scale_db 数据库文件 [观测值个数，默认 1000000]");
        return ExitCode::from(2);
    };
    let wanted: i64 = match args.next().map(|s| s.parse()) {
        None => 1_000_000,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("观测值个数须为正整数");
            return ExitCode::from(2);
        }
    };
    match grow(&db, wanted) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("扩充失败：{e}");
            ExitCode::FAILURE
        }
    }
}

fn count(conn: &Connection, table: &str) -> rusqlite::Result<i64> {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
}

fn max_id(conn: &Connection, table: &str) -> rusqlite::Result<i64> {
    conn.query_row(
        &format!("SELECT coalesce(max(id), 0) FROM {table}"),
        [],
        |r| r.get(0),
    )
}

fn grow(db: &std::path::Path, wanted: i64) -> rusqlite::Result<()> {
    let started = Instant::now();
    let mut conn = Connection::open(db)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    if count(&conn, "indicators")? == 0 {
        eprintln!("数据库中没有指标：先运行 zhibiao demo --db 文件");
        return Ok(());
    }
    // Values one copy of the demo gets: five per year of its plan (the year and 4 quarters).
    let per_copy: i64 = conn.query_row(
        "SELECT coalesce(sum((coalesce(p.period_end, p.target_year)
                     - coalesce(p.period_start, p.baseline_year + 1) + 1) * 5), 0)
         FROM indicators i JOIN plans p ON p.id = i.plan_id
         WHERE p.baseline_year IS NOT NULL AND p.target_year IS NOT NULL",
        [],
        |r| r.get(0),
    )?;
    let copies = (wanted + per_copy - 1) / per_copy.max(1) - 1;
    let (plans, tables, inds) = (
        max_id(&conn, "plans")?,
        max_id(&conn, "plan_tables")?,
        max_id(&conn, "indicators")?,
    );
    let tx = conn.transaction()?;
    // Copy k of row id n gets id n + k * (largest id): no clash with the originals.
    for k in 1..=copies {
        tx.execute(
            "INSERT INTO plans (id, document_id, title, issuer, doc_number, issue_date,
                 period_start, period_end, baseline_year, target_year)
             SELECT id + ?1 * ?2, document_id, title || '（副本' || ?1 || '）', issuer, doc_number,
                 issue_date, period_start, period_end, baseline_year, target_year
             FROM plans WHERE id <= ?2",
            params![k, plans],
        )?;
        tx.execute(
            "INSERT INTO plan_tables (id, plan_id, position, title, kind, baseline_year,
                 target_year, start_line, end_line)
             SELECT id + ?1 * ?3, plan_id + ?1 * ?2, position, title, kind, baseline_year,
                 target_year, start_line, end_line
             FROM plan_tables WHERE id <= ?3",
            params![k, plans, tables],
        )?;
        tx.execute(
            "INSERT INTO indicators (id, plan_id, table_id, position, seq, category, grp, parent,
                 name, unit, region, attribute, direction, baseline_json, target_json,
                 actual_json, note, flow, lead_department_id)
             SELECT id + ?1 * ?4, plan_id + ?1 * ?2, table_id + ?1 * ?3, position, seq,
                 category, grp, parent, name, unit, region, attribute, direction, baseline_json,
                 target_json, actual_json, note, flow, lead_department_id
             FROM indicators WHERE id <= ?4",
            params![k, plans, tables, inds],
        )?;
    }
    // Every year and quarter of each plan: numbers move from baseline to target at a pace
    // that differs per indicator (some ahead, some lagging); other cells get a status.
    tx.execute_batch(
        "DELETE FROM observations;
         CREATE TEMP TABLE quarters (q INTEGER);
         INSERT INTO quarters VALUES (0), (1), (2), (3), (4);
         INSERT INTO observations (indicator_id, period, value, status, source, vintage)
         SELECT i.id,
                CASE WHEN q.q = 0 THEN CAST(y.year AS TEXT) ELSE y.year || 'Q' || q.q END,
                CASE WHEN json_extract(i.baseline_json, '$.value') IS NOT NULL
                      AND json_extract(i.target_json, '$.value') IS NOT NULL
                     THEN round(json_extract(i.baseline_json, '$.value')
                          + (json_extract(i.target_json, '$.value')
                             - json_extract(i.baseline_json, '$.value'))
                            * ((y.year - p.baseline_year) * 1.0 - (4 - coalesce(nullif(q.q, 0), 4)) / 4.0)
                            / max(p.target_year - p.baseline_year, 1)
                            * (0.7 + ((i.id * 2654435761) % 600) / 1000.0), 2)
                END,
                CASE WHEN json_extract(i.baseline_json, '$.value') IS NULL
                       OR json_extract(i.target_json, '$.value') IS NULL
                     THEN '基本达到' END,
                '规模测试', '年报'
         FROM indicators i
         JOIN plans p ON p.id = i.plan_id
         JOIN (WITH RECURSIVE years(year) AS (SELECT 1990 UNION ALL SELECT year + 1 FROM years WHERE year < 2100)
               SELECT year FROM years) y
           ON y.year BETWEEN coalesce(p.period_start, p.baseline_year + 1) AND coalesce(p.period_end, p.target_year)
         CROSS JOIN quarters q
         WHERE p.baseline_year IS NOT NULL AND p.target_year IS NOT NULL;
         DROP TABLE quarters;",
    )?;
    tx.commit()?;
    conn.execute_batch("ANALYZE; VACUUM;")?;
    println!(
        "规模数据库：{} 个规划，{} 个指标，{} 个观测值（用时 {:.1} 秒）",
        count(&conn, "plans")?,
        count(&conn, "indicators")?,
        count(&conn, "observations")?,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
