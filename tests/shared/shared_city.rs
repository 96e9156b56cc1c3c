//! The progress fixture as a city shares it: a SQLite file and, when PostgreSQL is at hand, a
//! copy on it; tests open as many connections to either as they need.
#![allow(dead_code)]

use std::path::PathBuf;

use zhibiao::auth::Role;
use zhibiao::store;
use zhibiao::store::db::Db;

use super::pg_support;
use super::progress_fixture;

/// Where a test's database lives: threads open their own connections to it.
pub enum Place {
    File(PathBuf, #[allow(dead_code)] tempfile::TempDir),
    Postgres { url: String, schema: String },
}

impl Place {
    pub fn connect(&self) -> Db {
        match self {
            Place::File(path, _) => Db::Sqlite(store::open(path).unwrap()),
            Place::Postgres { url, schema } => {
                Db::Postgres(Box::new(pg_support::connect(url, schema)))
            }
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Place::File(..) => "SQLite",
            Place::Postgres { .. } => "PostgreSQL",
        }
    }
}

pub struct Setup {
    pub place: Place,
    pub dept_a: i64,
    pub dept_b: i64,
    pub jobs: i64,
    pub urban: i64,
    pub forest: i64,
}

/// The progress fixture with a second staff user of department A (`staff_a2`) and a second
/// reviewer (`boss2`), as a SQLite file and copied onto PostgreSQL.
pub fn places(test: &str) -> Vec<Setup> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("city.db");
    let mut f = progress_fixture::build_in(store::open(&path).unwrap());
    progress_fixture::add_users(
        &mut f.conn,
        &[
            ("staff_a2", Role::Staff, Some(f.dept_a)),
            ("boss2", Role::Manager, None),
        ],
    );
    let mut out = Vec::new();
    if let Some((mut pg, url, schema)) = pg_support::empty_schema(test) {
        zhibiao::store::postgres_open::migrate_postgres(&mut pg, &schema).unwrap();
        store::transfer::copy_sqlite_to_postgres(&f.conn, &mut pg).unwrap();
        out.push(Setup {
            place: Place::Postgres { url, schema },
            dept_a: f.dept_a,
            dept_b: f.dept_b,
            jobs: f.jobs,
            urban: f.urban,
            forest: f.forest,
        });
    }
    out.insert(
        0,
        Setup {
            place: Place::File(path, dir),
            dept_a: f.dept_a,
            dept_b: f.dept_b,
            jobs: f.jobs,
            urban: f.urban,
            forest: f.forest,
        },
    );
    out
}
