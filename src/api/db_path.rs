//! Where the database lives when the user does not say.

use std::path::PathBuf;

use rusqlite::Connection;

use crate::store::db::{Db, Location};

use super::ApiError;

/// `$ZHIBIAO_DB` if set, else `$XDG_DATA_HOME/zhibiao/zhibiao.db`, else
/// `~/.local/share/zhibiao/zhibiao.db` (the XDG default), else `./zhibiao.db`.
pub fn default_db_path() -> PathBuf {
    resolve(
        std::env::var_os("ZHIBIAO_DB").map(PathBuf::from),
        std::env::var_os("XDG_DATA_HOME").map(PathBuf::from),
        std::env::var_os("HOME").map(PathBuf::from),
    )
}

/// Opens `path`, or the default database, creating and migrating it as needed; returns it
/// with the path used.
pub fn open_db(path: Option<PathBuf>) -> Result<(Connection, PathBuf), ApiError> {
    let path = path.unwrap_or_else(default_db_path);
    let conn = super::backup::open(&path)?;
    Ok((conn, path))
}

/// Opens the store at `path` (or the default): a database file as [`open_db`] does, or a
/// PostgreSQL database when `path` is a `postgres://` URL. Returns it with the location as
/// shown to the user (no password).
pub fn open_store(path: Option<PathBuf>) -> Result<(Db, String), ApiError> {
    let path = path.unwrap_or_else(default_db_path);
    match Location::parse(&path.to_string_lossy()) {
        Location::File(_) => {
            let (conn, path) = open_db(Some(path))?;
            Ok((Db::Sqlite(conn), path.display().to_string()))
        }
        pg => Ok((Db::open(&pg)?, pg.shown())),
    }
}

/// This program's cache directory: `$XDG_CACHE_HOME/zhibiao`, else `~/.cache/zhibiao`; `None`
/// without either (nothing is cached on disk then).
pub fn cache_dir() -> Option<PathBuf> {
    cache_dir_of(
        std::env::var_os("XDG_CACHE_HOME").map(PathBuf::from),
        std::env::var_os("HOME").map(PathBuf::from),
    )
}

fn cache_dir_of(xdg_cache: Option<PathBuf>, home: Option<PathBuf>) -> Option<PathBuf> {
    let non_empty = |p: Option<PathBuf>| p.filter(|p| !p.as_os_str().is_empty());
    non_empty(xdg_cache)
        .filter(|p| p.is_absolute())
        .or_else(|| non_empty(home).map(|h| h.join(".cache")))
        .map(|d| d.join("zhibiao"))
}

fn resolve(db: Option<PathBuf>, xdg_data: Option<PathBuf>, home: Option<PathBuf>) -> PathBuf {
    let non_empty = |p: Option<PathBuf>| p.filter(|p| !p.as_os_str().is_empty());
    if let Some(p) = non_empty(db) {
        return p;
    }
    // The XDG spec says relative values are invalid and must be ignored.
    let data_dir = non_empty(xdg_data)
        .filter(|p| p.is_absolute())
        .or_else(|| non_empty(home).map(|h| h.join(".local").join("share")));
    match data_dir {
        Some(d) => d.join("zhibiao").join("zhibiao.db"),
        None => PathBuf::from("zhibiao.db"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<PathBuf> {
        Some(PathBuf::from(s))
    }

    #[test]
    fn env_var_wins_then_xdg_then_home() {
        assert_eq!(
            resolve(p("/tmp/a.db"), p("/x"), p("/h")),
            PathBuf::from("/tmp/a.db")
        );
        assert_eq!(
            resolve(None, p("/x"), p("/h")),
            PathBuf::from("/x/zhibiao/zhibiao.db")
        );
        assert_eq!(
            resolve(None, None, p("/h")),
            PathBuf::from("/h/.local/share/zhibiao/zhibiao.db")
        );
        assert_eq!(
            resolve(p(""), p("relative"), p("/h")),
            PathBuf::from("/h/.local/share/zhibiao/zhibiao.db")
        );
        assert_eq!(resolve(None, None, None), PathBuf::from("zhibiao.db"));
    }

    #[test]
    fn cache_dir_is_xdg_then_home() {
        assert_eq!(cache_dir_of(p("/c"), p("/h")), p("/c/zhibiao"));
        assert_eq!(cache_dir_of(p("rel"), p("/h")), p("/h/.cache/zhibiao"));
        assert_eq!(cache_dir_of(None, p("/h")), p("/h/.cache/zhibiao"));
        assert_eq!(cache_dir_of(None, None), None);
    }
}
