-- The live board. Every transaction that changes what a board shows takes the
-- next number of its tenant's counter row (one number per transaction, in
-- commit order: the row stays locked until the commit; a SEQUENCE would hand
-- out numbers that commit out of order) and writes it with the signals it
-- changed. The number is the event id of the board's stream; the transaction
-- also sends pg_notify('seinhuis_changes', '{"tenant":…,"seq":…}'), delivered
-- at commit to every server instance's listener.
CREATE TABLE change_counters (
    tenant_id BIGINT PRIMARY KEY REFERENCES tenants (id),
    seq BIGINT NOT NULL
);

-- Which signals a numbered change touched, with what decides who may see
-- them, as JSON: [{"id":…,"domain":…,"organisation":…}]. Kept a day.
CREATE TABLE changes (
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    seq BIGINT NOT NULL,
    signals TEXT NOT NULL,
    at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX changes_by_time ON changes (at);
