//! Opening a PostgreSQL database: connect, make sure it is Zhibiao's (or empty), upgrade it.
//! The mark is the `zhibiao_schema` table (PostgreSQL has no `application_id`): a database
//! holding other tables and no mark, or a newer schema, is refused with nothing written.

use super::db::{Database, PgClient, PgTx, Sql};
use super::{Result, StoreError, CURRENT_VERSION};
use crate::args;

/// Upgrade steps, numbered as SQLite's (`migrations/`): step `i` takes version `i` to `i + 1`.
const STEPS: &[&str] = &[
    include_str!("migrations/postgres/001_plans.sql"),
    include_str!("migrations/postgres/002_progress.sql"),
    include_str!("migrations/postgres/003_reports.sql"),
    include_str!("migrations/postgres/004_settings.sql"),
    include_str!("migrations/postgres/005_application_id.sql"),
    include_str!("migrations/postgres/006_successor_links.sql"),
    include_str!("migrations/postgres/007_observation_versions.sql"),
    include_str!("migrations/postgres/008_data_version.sql"),
];

/// Serialises two servers upgrading the same database at once (any constant of ours).
const UPGRADE_LOCK: i64 = 0x5A68_6942;

/// Connects to `url` and upgrades the database to the current version.
pub fn open_postgres(url: &str) -> Result<PgClient> {
    let shown = super::db::Location::Postgres(url.to_string()).shown();
    let client =
        postgres::Client::connect(url, postgres::NoTls).map_err(|e| connect_error(&shown, &e))?;
    let mut pg = PgClient::new(client);
    migrate_postgres(&mut pg, &shown)?;
    Ok(pg)
}

fn connect_error(shown: &str, e: &postgres::Error) -> StoreError {
    use postgres::error::SqlState;
    let why = match e.code() {
        Some(c) if *c == SqlState::INVALID_PASSWORD => "用户名或密码错误".to_string(),
        Some(c) if *c == SqlState::INVALID_AUTHORIZATION_SPECIFICATION => {
            "服务器拒绝了这个用户的登录".to_string()
        }
        Some(c) if *c == SqlState::INVALID_CATALOG_NAME => "服务器上没有这个数据库".to_string(),
        Some(_) => e
            .as_db_error()
            .map_or_else(|| e.to_string(), |d| d.message().to_string()),
        None => "服务器无法连接（请检查地址、端口、网络与防火墙）".to_string(),
    };
    StoreError::Connect {
        at: shown.to_string(),
        why,
    }
}

/// Upgrades to the current version in one transaction (used on open and by tests).
pub fn migrate_postgres(pg: &mut PgClient, shown: &str) -> Result<()> {
    migrate_postgres_to(pg, shown, CURRENT_VERSION)
}

pub fn migrate_postgres_to(pg: &mut PgClient, shown: &str, target: i64) -> Result<()> {
    let tx = pg.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock(?1)", args![UPGRADE_LOCK])?;
    let found = version(&tx, shown)?;
    if found > CURRENT_VERSION {
        return Err(StoreError::TooNew {
            found,
            supported: CURRENT_VERSION,
            path: Some(shown.to_string()),
        });
    }
    if found >= target {
        return Ok(());
    }
    for (i, step) in super::migrations::pending(STEPS, found, target) {
        tracing::info!(from = i, to = i + 1, "upgrading PostgreSQL schema");
        tx.batch_execute(step)?;
    }
    tx.execute("UPDATE zhibiao_schema SET version = ?1", args![target])?;
    super::db::Write::commit(tx)
}

/// The schema version; an empty database is marked as ours at version 0.
fn version(tx: &PgTx, shown: &str) -> Result<i64> {
    let tables: Vec<String> = tx.query_map(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()",
        args![],
        |r| r.get(0),
    )?;
    if tables.iter().any(|t| t == "zhibiao_schema") {
        return tx.query_scalar("SELECT version FROM zhibiao_schema", args![]);
    }
    if !tables.is_empty() {
        return Err(StoreError::Foreign {
            path: shown.to_string(),
            why: format!("其中已有其他程序的表，如 {}", tables[0]),
        });
    }
    tx.batch_execute(
        "CREATE TABLE zhibiao_schema (
             application TEXT NOT NULL CHECK (application = 'zhibiao'),
             version BIGINT NOT NULL);
         INSERT INTO zhibiao_schema VALUES ('zhibiao', 0);",
    )?;
    Ok(0)
}
