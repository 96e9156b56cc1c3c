//! PostgreSQL for the tests that run on both databases: `ZHIBIAO_TEST_PG` names a server
//! (scripts/pg-test-cluster.sh starts a throw-away cluster and sets it). Without it the tests
//! run on SQLite only, except in CI, where a missing PostgreSQL fails the run instead of
//! skipping silently.
#![allow(dead_code)]

use zhibiao::store::db::PgClient;

/// The server's URL, or `None` outside CI when none is given.
pub fn url(test: &str) -> Option<String> {
    match std::env::var("ZHIBIAO_TEST_PG") {
        Ok(u) if !u.is_empty() => Some(u),
        _ if std::env::var_os("CI").is_some() => {
            panic!("CI 中必须提供 PostgreSQL：请经 scripts/pg-test-cluster.sh 运行测试（ZHIBIAO_TEST_PG 未设置）")
        }
        _ => {
            eprintln!("ZHIBIAO_TEST_PG 未设置：{test} 只在 SQLite 上运行");
            None
        }
    }
}

/// The schema a test works in (tests run in parallel on one server, in processes of their
/// own).
pub fn schema_of(test: &str) -> String {
    format!("t_{test}_{}", std::process::id())
}

/// Another connection to `schema` of the server at `url`.
pub fn connect(url: &str, schema: &str) -> PgClient {
    let mut client = postgres::Client::connect(url, postgres::NoTls).expect("PostgreSQL");
    client
        .batch_execute(&format!("SET search_path TO {schema}"))
        .unwrap();
    PgClient::new(client)
}

/// A fresh, empty schema of its own for `test`, not yet migrated.
pub fn empty_schema(test: &str) -> Option<(PgClient, String, String)> {
    let url = url(test)?;
    let schema = schema_of(test);
    let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("PostgreSQL");
    client
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}; SET search_path TO {schema}"
        ))
        .unwrap();
    Some((PgClient::new(client), url, schema))
}

/// A fresh schema of its own for `test`, migrated to the current version.
pub fn postgres_in_schema(test: &str) -> Option<PgClient> {
    let (mut pg, _, schema) = empty_schema(test)?;
    zhibiao::store::postgres_open::migrate_postgres(&mut pg, &schema).unwrap();
    Some(pg)
}
