-- Column limits and the screening deadline of a tenant's board. A soft limit
-- per phase (a column holding more is marked on the board, nothing refused);
-- no row: no limit.
CREATE TABLE column_limits (
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    phase TEXT NOT NULL,
    soft_limit INTEGER NOT NULL CHECK (soft_limit > 0),
    PRIMARY KEY (tenant_id, phase)
);

-- Days a signal may stay Ingediend; NULL: no deadline.
ALTER TABLE tenants ADD COLUMN screening_days INTEGER CHECK (screening_days > 0);

-- The one reminder an overdue signal causes, ever: claimed (inserted) in the
-- same transaction that queues the mails, so two server instances never both
-- remind of one signal.
CREATE TABLE screening_reminders (
    signal_id BIGINT PRIMARY KEY REFERENCES signals (id),
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    sent_at TIMESTAMPTZ NOT NULL
);
