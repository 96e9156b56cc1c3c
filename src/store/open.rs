use std::path::Path;

use rusqlite::Connection;

use super::{migrate, Result};

/// Connection settings that are not part of the schema: they apply to every connection
/// and so live outside the migrations.
fn set_pragmas(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "busy_timeout", 5000)?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(())
}

/// Opens (creating if needed) the database at `path`, in WAL mode, migrated to the
/// current version.
pub fn open(path: &Path) -> Result<Connection> {
    if let Some(dir) = path.parent() {
        if !dir.as_os_str().is_empty() {
            let _ = std::fs::create_dir_all(dir);
        }
    }
    let mut conn = Connection::open(path)?;
    // WAL keeps readers (the UI) going while a write (an import) is under way.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    set_pragmas(&conn)?;
    migrate(&mut conn)?;
    Ok(conn)
}

pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    set_pragmas(&conn)?;
    migrate(&mut conn)?;
    Ok(conn)
}
