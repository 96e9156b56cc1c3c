-- Optimistic versions: a save names the version of the cell it was based on, and a cell that
-- changed since then is a conflict, never a silent overwrite. The version is the id of the
-- audit row of the cell's latest change, so it never repeats, not even after the cell was
-- cleared and entered again. Cells from before this step start at 1 (below every later id).
ALTER TABLE observations ADD COLUMN version BIGINT NOT NULL DEFAULT 1 CHECK (version > 0);

-- The audit log stays append-only for the role that owns the tables (the application's,
-- when it ran the upgrade) beside the trigger: no UPDATE, DELETE or TRUNCATE right on it.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM CURRENT_USER, PUBLIC;
