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

/// `--demo` among the arguments, or `ZHIBIAO_DEMO` set to something other than `0`.
pub fn demo_requested(args: impl IntoIterator<Item = OsString>, env: Option<OsString>) -> bool {
    args.into_iter().any(|a| a == "--demo") || env.is_some_and(|v| !v.is_empty() && v != "0")
}

/// [`resolve`], except that a demo without a path of its own gets `demo.db` beside the
/// default database, so that demo data never lands in the real one.
pub fn resolve_for(
    args: impl IntoIterator<Item = OsString>,
    env: Option<OsString>,
    demo: bool,
) -> PathBuf {
    let args: Vec<OsString> = args.into_iter().collect();
    let explicit = args
        .iter()
        .any(|a| a == "--db" || a.to_str().is_some_and(|a| a.starts_with("--db=")))
        || env.as_ref().is_some_and(|e| !e.is_empty());
    let path = resolve(args, env);
    if demo && !explicit {
        path.with_file_name("demo.db")
    } else {
        path
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
    fn a_demo_without_a_path_gets_its_own_file() {
        assert!(demo_requested(os(&["app", "--demo"]), None));
        assert!(demo_requested(os(&["app"]), Some("1".into())));
        assert!(!demo_requested(os(&["app"]), Some("0".into())));
        assert!(!demo_requested(os(&["app", "--db", "x.db"]), None));
        let p = resolve_for(os(&["app", "--demo"]), None, true);
        assert!(p.ends_with("zhibiao/demo.db"), "{}", p.display());
        let p = resolve_for(os(&["app", "--demo", "--db", "/tmp/d.db"]), None, true);
        assert_eq!(p, PathBuf::from("/tmp/d.db"));
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
