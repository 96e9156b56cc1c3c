-- Settings of this database, one row per setting: the value is JSON so a new setting needs
-- no new column, and a setting never written keeps the program's default.
CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value_json  TEXT NOT NULL
);
