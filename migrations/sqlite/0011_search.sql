-- The board's free-text search: the Dutch stems of each signal's title and
-- description (the same stemmer as similar signals), one row per stem, so
-- both databases search the same way. Filled when a signal is made or its
-- texts change (redaction); signals without stems are indexed at start.
CREATE TABLE signal_stems (
    tenant_id INTEGER NOT NULL,
    signal_id INTEGER NOT NULL,
    stem TEXT NOT NULL,
    PRIMARY KEY (signal_id, stem),
    FOREIGN KEY (tenant_id, signal_id) REFERENCES signals (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX signal_stems_by_stem ON signal_stems (tenant_id, stem);
