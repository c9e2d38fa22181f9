-- Tenants, organisations, people and the signal lifecycle.
-- Child tables carry tenant_id and reference (tenant_id, id) of their parent,
-- so a row can never point into another tenant.

CREATE TABLE tenants (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'gemeente',
    citizen_intake INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants (id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    processes_own_signals INTEGER NOT NULL DEFAULT 0,
    territory_mandate INTEGER NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, name),
    UNIQUE (tenant_id, id)
);

CREATE TABLE policy_domains (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants (id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    UNIQUE (tenant_id, code),
    UNIQUE (tenant_id, id)
);

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT,
    platform_admin INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);

CREATE TABLE memberships (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants (id),
    person_id INTEGER NOT NULL REFERENCES people (id),
    organisation_id INTEGER,
    UNIQUE (tenant_id, person_id),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)
);

CREATE TABLE membership_roles (
    membership_id INTEGER NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    PRIMARY KEY (membership_id, role)
);

CREATE TABLE membership_policy_domains (
    tenant_id INTEGER NOT NULL,
    membership_id INTEGER NOT NULL,
    policy_domain_id INTEGER NOT NULL,
    PRIMARY KEY (membership_id, policy_domain_id),
    FOREIGN KEY (tenant_id, membership_id) REFERENCES memberships (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, policy_domain_id) REFERENCES policy_domains (tenant_id, id)
);

CREATE TABLE bundles (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants (id),
    title TEXT NOT NULL,
    problem TEXT NOT NULL DEFAULT '',
    analysis TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    UNIQUE (tenant_id, id)
);

CREATE TABLE signals (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    policy_domain_id INTEGER,
    area TEXT NOT NULL DEFAULT '',
    frequency TEXT NOT NULL DEFAULT '',
    since TEXT NOT NULL DEFAULT '',
    people_estimate INTEGER,
    tried TEXT NOT NULL DEFAULT '',
    idea TEXT NOT NULL DEFAULT '',
    may_contact INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL DEFAULT 'worker',
    reporter_id INTEGER REFERENCES people (id),
    organisation_id INTEGER,
    phase TEXT NOT NULL,
    bundle_id INTEGER,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, policy_domain_id) REFERENCES policy_domains (tenant_id, id),
    FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id),
    FOREIGN KEY (tenant_id, bundle_id) REFERENCES bundles (tenant_id, id)
);
CREATE INDEX signals_by_tenant_phase ON signals (tenant_id, phase);
CREATE INDEX signals_by_bundle ON signals (bundle_id);
CREATE INDEX signals_by_reporter ON signals (reporter_id);

CREATE TABLE signal_target_groups (
    signal_id INTEGER NOT NULL REFERENCES signals (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    PRIMARY KEY (signal_id, code)
);

CREATE TABLE signal_life_domains (
    signal_id INTEGER NOT NULL REFERENCES signals (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    PRIMARY KEY (signal_id, code)
);

-- Append-only: the history and the signaalgever's timeline.
CREATE TABLE signal_events (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL,
    signal_id INTEGER NOT NULL,
    at TEXT NOT NULL,
    actor_id INTEGER REFERENCES people (id),
    kind TEXT NOT NULL,
    from_phase TEXT,
    to_phase TEXT,
    reason TEXT,
    duplicate_of INTEGER,
    outcome TEXT,
    message TEXT,
    note TEXT,
    FOREIGN KEY (tenant_id, signal_id) REFERENCES signals (tenant_id, id)
);
CREATE INDEX signal_events_by_signal ON signal_events (signal_id, id);

CREATE TRIGGER signal_events_are_never_updated BEFORE UPDATE ON signal_events
BEGIN SELECT RAISE(ABORT, 'signal events are append-only'); END;
CREATE TRIGGER signal_events_are_never_deleted BEFORE DELETE ON signal_events
BEGIN SELECT RAISE(ABORT, 'signal events are append-only'); END;
