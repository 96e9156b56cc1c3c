-- Plans as read from gazette documents.
CREATE TABLE departments (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- A source document, identified by the SHA-256 of its decoded text, so that importing the
-- same document twice is recognised.
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    sha256       TEXT NOT NULL UNIQUE,
    file_name    TEXT,
    imported_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE plans (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    title          TEXT NOT NULL,
    issuer         TEXT,
    doc_number     TEXT,
    issue_date     TEXT,
    period_start   INTEGER,
    period_end     INTEGER,
    baseline_year  INTEGER,
    target_year    INTEGER
);
CREATE UNIQUE INDEX plans_natural_key ON plans(title, coalesce(doc_number, ''));

CREATE TABLE plan_tables (
    id             INTEGER PRIMARY KEY,
    plan_id        INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    title          TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('targets', 'completion_review', 'regional_breakdown')),
    baseline_year  INTEGER,
    target_year    INTEGER,
    start_line     INTEGER,
    end_line       INTEGER,
    UNIQUE (plan_id, position)
);

CREATE TABLE indicators (
    id                  INTEGER PRIMARY KEY,
    plan_id             INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    table_id            INTEGER NOT NULL REFERENCES plan_tables(id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    seq                 TEXT,
    category            TEXT,
    grp                 TEXT,
    parent              TEXT,
    name                TEXT NOT NULL CHECK (length(trim(name)) > 0),
    unit                TEXT,
    region              TEXT,
    attribute           TEXT CHECK (attribute IN ('约束性', '预期性')),
    direction           TEXT NOT NULL DEFAULT 'unknown'
                        CHECK (direction IN ('increase', 'decrease', 'maintain', 'unknown')),
    -- Parsed values as JSON (model::Value), raw text included.
    baseline_json       TEXT,
    target_json         TEXT,
    actual_json         TEXT,
    note                TEXT,
    -- 1: a flow (quarterly values are year-to-date sums); 0: a stock (rates, shares).
    flow                INTEGER NOT NULL DEFAULT 0 CHECK (flow IN (0, 1)),
    lead_department_id  INTEGER REFERENCES departments(id) ON DELETE SET NULL,
    UNIQUE (table_id, position)
);
CREATE INDEX indicators_plan ON indicators(plan_id);
CREATE INDEX indicators_lead ON indicators(lead_department_id);

-- Supporting (配合) departments.
CREATE TABLE indicator_support (
    indicator_id   INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    department_id  INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
    PRIMARY KEY (indicator_id, department_id)
);
