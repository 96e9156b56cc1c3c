//! Where the database lives: `--db PATH`, else `ZHIBIAO_DB`, else the user's data directory
//! (`zhibiao::api::db_path`).

use std::ffi::OsString;
use std::path::PathBuf;

/// Reads `--db PATH` / `--db=PATH` from the arguments, then `ZHIBIAO_DB`, then the default.
pub fn resolve(args: impl IntoIterator<Item = OsString>, env: Option<OsString>) -> PathBuf {
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--db" {
            if let Some(path) = args.next() {
                return PathBuf::from(path);
            }
        } else if let Some(path) = arg.to_str().and_then(|a| a.strip_prefix("--db=")) {
            return PathBuf::from(path);
        }
    }
    match env {
        Some(path) if !path.is_empty() => PathBuf::from(path),
        _ => default_path(),
    }
}

/// The user's data directory (XDG), e.g. `~/.local/share/zhibiao/zhibiao.db`.
fn default_path() -> PathBuf {
    zhibiao::api::db_path::default_db_path()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(v: &[&str]) -> Vec<OsString> {
        v.iter().map(OsString::from).collect()
    }

    #[test]
    fn argument_wins_over_environment() {
        let p = resolve(os(&["app", "--db", "/tmp/a.db"]), Some("/tmp/b.db".into()));
        assert_eq!(p, PathBuf::from("/tmp/a.db"));
        let p = resolve(os(&["app", "--db=/tmp/c.db"]), None);
        assert_eq!(p, PathBuf::from("/tmp/c.db"));
    }

    #[test]
    fn environment_then_default() {
        let p = resolve(os(&["app"]), Some("/tmp/b.db".into()));
        assert_eq!(p, PathBuf::from("/tmp/b.db"));
        if std::env::var_os("ZHIBIAO_DB").is_none() {
            let p = resolve(os(&["app"]), None);
            assert!(p.ends_with("zhibiao/zhibiao.db"), "{}", p.display());
        }
    }
}
