-- Optimistic versions: a save names the version of the cell it was based on, and a cell that
-- changed since then is a conflict, never a silent overwrite. The version is the id of the
-- audit row of the cell's latest change, so it never repeats, not even after the cell was
-- cleared and entered again. Cells from before this step start at 1 (below every later id).
ALTER TABLE observations ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version > 0);
-- (On PostgreSQL this step also takes UPDATE/DELETE rights on the audit log from its owner;
-- SQLite has no rights, its triggers refuse both.)
