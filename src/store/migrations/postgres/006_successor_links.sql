-- Successor indicators: a later plan's indicator continues an earlier plan's one (renamed,
-- split, or in another unit: predecessor value × factor = successor unit). One predecessor
-- per successor; a split gives one predecessor several successors.
CREATE TABLE indicator_links (
    successor_id    BIGINT PRIMARY KEY REFERENCES indicators(id) ON DELETE CASCADE,
    predecessor_id  BIGINT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    factor          DOUBLE PRECISION NOT NULL DEFAULT 1 CHECK (factor > 0),
    note            TEXT,
    confirmed_by    BIGINT REFERENCES users(id),
    confirmed_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (successor_id != predecessor_id)
);
CREATE INDEX indicator_links_predecessor ON indicator_links(predecessor_id);
