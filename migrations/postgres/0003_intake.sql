-- Intake: sightings ("ik zie dit ook"), districts, notification choices,
-- and citizen reports waiting for their e-mail confirmation.

CREATE TABLE sightings (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id BIGINT NOT NULL,
    signal_id BIGINT NOT NULL,
    organisation_id BIGINT,
    person_id BIGINT REFERENCES people (id),
    note TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    FOREIGN KEY (tenant_id, signal_id) REFERENCES signals (tenant_id, id),
    FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)
);
CREATE INDEX sightings_by_signal ON sightings (signal_id);

-- The districts a tenant defines, one per line.
ALTER TABLE tenants ADD COLUMN districts TEXT NOT NULL DEFAULT '';
-- Mail me when my signal changes phase.
ALTER TABLE people ADD COLUMN notify_phase_changes BOOLEAN NOT NULL DEFAULT TRUE;

CREATE TABLE citizen_reports (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    email TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    area TEXT NOT NULL DEFAULT '',
    confirm_hash TEXT NOT NULL UNIQUE,
    follow_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    confirmed_at TIMESTAMPTZ,
    signal_id BIGINT,
    FOREIGN KEY (tenant_id, signal_id) REFERENCES signals (tenant_id, id)
);
