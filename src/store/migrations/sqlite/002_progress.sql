-- Progress entry: users, observations, targets that change, workflow, audit log.
CREATE TABLE users (
    id                    INTEGER PRIMARY KEY,
    name                  TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    password_hash         TEXT NOT NULL,
    role                  TEXT NOT NULL CHECK (role IN ('staff', 'manager', 'admin')),
    department_id         INTEGER REFERENCES departments(id) ON DELETE SET NULL,
    must_change_password  INTEGER NOT NULL DEFAULT 0,
    active                INTEGER NOT NULL DEFAULT 1,
    created_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- One value per indicator and period ('2025' or '2025Q3'). Corrections overwrite the row;
-- the audit log keeps every previous value.
CREATE TABLE observations (
    id            INTEGER PRIMARY KEY,
    indicator_id  INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    period        TEXT NOT NULL CHECK (period GLOB '[12][0-9][0-9][0-9]' OR period GLOB '[12][0-9][0-9][0-9]Q[1-4]'),
    value         REAL,
    -- For qualitative indicators.
    status        TEXT CHECK (status IN ('达到', '基本达到', '未达到')),
    evidence      TEXT,
    note          TEXT,
    source        TEXT,
    vintage       TEXT CHECK (vintage IN ('快报', '年报', '修订')),
    entered_by    INTEGER REFERENCES users(id),
    entered_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    CHECK (value IS NOT NULL OR status IS NOT NULL),
    UNIQUE (indicator_id, period)
);

-- Targets assigned after the plan (按省下达目标) or revised; the latest effective one wins.
CREATE TABLE target_revisions (
    id              INTEGER PRIMARY KEY,
    indicator_id    INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    target_json     TEXT NOT NULL,
    effective_date  TEXT NOT NULL,
    document        TEXT,
    entered_by      INTEGER REFERENCES users(id),
    entered_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX target_revisions_indicator ON target_revisions(indicator_id, effective_date);

-- 年度目标.
CREATE TABLE annual_targets (
    indicator_id  INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    year          INTEGER NOT NULL,
    value         REAL NOT NULL,
    note          TEXT,
    PRIMARY KEY (indicator_id, year)
);

-- Workflow per department × period.
CREATE TABLE submissions (
    department_id  INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
    period         TEXT NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'approved', 'returned')),
    reason         TEXT,
    updated_by     INTEGER REFERENCES users(id),
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (department_id, period)
);

-- Append-only: who, when, what, old value, new value.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    user_id     INTEGER,
    user_name   TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   INTEGER,
    period      TEXT,
    field       TEXT,
    old_value   TEXT,
    new_value   TEXT,
    reason      TEXT
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

-- Enforced by SQLite, not only by code: the application cannot rewrite history.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, '审计日志只能追加，不能修改');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, '审计日志只能追加，不能删除');
END;
