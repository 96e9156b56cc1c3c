-- 原因分析 / 下一步措施 per indicator and period, shown in reports.
CREATE TABLE measures (
    indicator_id  INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    period        TEXT NOT NULL,
    cause         TEXT,
    measures      TEXT,
    updated_by    INTEGER REFERENCES users(id),
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (indicator_id, period)
);
