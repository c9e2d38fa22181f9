-- The live board. Every transaction that changes what a board shows takes the
-- next number of its tenant's counter row (one number per transaction, in
-- commit order: the row stays locked until the commit) and writes it with the
-- signals it changed. The number is the event id of the board's stream.
CREATE TABLE change_counters (
    tenant_id INTEGER PRIMARY KEY REFERENCES tenants (id),
    seq INTEGER NOT NULL
);

-- Which signals a numbered change touched, with what decides who may see
-- them, as JSON: [{"id":…,"domain":…,"organisation":…}]. Kept a day.
CREATE TABLE changes (
    tenant_id INTEGER NOT NULL REFERENCES tenants (id),
    seq INTEGER NOT NULL,
    signals TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX changes_by_time ON changes (at);
