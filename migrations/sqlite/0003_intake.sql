-- Intake: sightings ("ik zie dit ook"), districts, notification choices,
-- and citizen reports waiting for their e-mail confirmation.

CREATE TABLE sightings (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL,
    signal_id INTEGER NOT NULL,
    organisation_id INTEGER,
    person_id INTEGER REFERENCES people (id),
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    FOREIGN KEY (tenant_id, signal_id) REFERENCES signals (tenant_id, id),
    FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)
);
CREATE INDEX sightings_by_signal ON sightings (signal_id);

-- The districts a tenant defines, one per line.
ALTER TABLE tenants ADD COLUMN districts TEXT NOT NULL DEFAULT '';
-- Mail me when my signal changes phase.
ALTER TABLE people ADD COLUMN notify_phase_changes INTEGER NOT NULL DEFAULT 1;

CREATE TABLE citizen_reports (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants (id),
    email TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    area TEXT NOT NULL DEFAULT '',
    confirm_hash TEXT NOT NULL UNIQUE,
    follow_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    confirmed_at TEXT,
    signal_id INTEGER,
    FOREIGN KEY (tenant_id, signal_id) REFERENCES signals (tenant_id, id)
);
