-- 原因分析 / 下一步措施 per indicator and period, shown in reports.
CREATE TABLE measures (
    indicator_id  BIGINT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    period        TEXT NOT NULL,
    cause         TEXT,
    measures      TEXT,
    updated_by    BIGINT REFERENCES users(id),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (indicator_id, period)
);
