-- Tenants, organisations, people and the signal lifecycle.
-- Child tables carry tenant_id and reference (tenant_id, id) of their parent,
-- so a row can never point into another tenant.

CREATE TABLE tenants (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'gemeente',
    citizen_intake BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE organisations (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    processes_own_signals BOOLEAN NOT NULL DEFAULT FALSE,
    territory_mandate BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (tenant_id, name),
    UNIQUE (tenant_id, id)
);

CREATE TABLE policy_domains (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    UNIQUE (tenant_id, code),
    UNIQUE (tenant_id, id)
);

CREATE TABLE people (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT,
    platform_admin BOOLEAN NOT NULL DEFAULT FALSE,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE memberships (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    person_id BIGINT NOT NULL REFERENCES people (id),
    organisation_id BIGINT,
    UNIQUE (tenant_id, person_id),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)
);

CREATE TABLE membership_roles (
    membership_id BIGINT NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    PRIMARY KEY (membership_id, role)
);

CREATE TABLE membership_policy_domains (
    tenant_id BIGINT NOT NULL,
    membership_id BIGINT NOT NULL,
    policy_domain_id BIGINT NOT NULL,
    PRIMARY KEY (membership_id, policy_domain_id),
    FOREIGN KEY (tenant_id, membership_id) REFERENCES memberships (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, policy_domain_id) REFERENCES policy_domains (tenant_id, id)
);

CREATE TABLE bundles (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    title TEXT NOT NULL,
    problem TEXT NOT NULL DEFAULT '',
    analysis TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (tenant_id, id)
);

CREATE TABLE signals (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    policy_domain_id BIGINT,
    area TEXT NOT NULL DEFAULT '',
    frequency TEXT NOT NULL DEFAULT '',
    since TEXT NOT NULL DEFAULT '',
    people_estimate BIGINT,
    tried TEXT NOT NULL DEFAULT '',
    idea TEXT NOT NULL DEFAULT '',
    may_contact BOOLEAN NOT NULL DEFAULT FALSE,
    source TEXT NOT NULL DEFAULT 'worker',
    reporter_id BIGINT REFERENCES people (id),
    organisation_id BIGINT,
    phase TEXT NOT NULL,
    bundle_id BIGINT,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, policy_domain_id) REFERENCES policy_domains (tenant_id, id),
    FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id),
    FOREIGN KEY (tenant_id, bundle_id) REFERENCES bundles (tenant_id, id)
);
CREATE INDEX signals_by_tenant_phase ON signals (tenant_id, phase);
CREATE INDEX signals_by_bundle ON signals (bundle_id);
CREATE INDEX signals_by_reporter ON signals (reporter_id);

CREATE TABLE signal_target_groups (
    signal_id BIGINT NOT NULL REFERENCES signals (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    PRIMARY KEY (signal_id, code)
);

CREATE TABLE signal_life_domains (
    signal_id BIGINT NOT NULL REFERENCES signals (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    PRIMARY KEY (signal_id, code)
);

-- Append-only: the history and the signaalgever's timeline.
CREATE TABLE signal_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id BIGINT NOT NULL,
    signal_id BIGINT NOT NULL,
    at TIMESTAMPTZ NOT NULL,
    actor_id BIGINT REFERENCES people (id),
    kind TEXT NOT NULL,
    from_phase TEXT,
    to_phase TEXT,
    reason TEXT,
    duplicate_of BIGINT,
    outcome TEXT,
    message TEXT,
    note TEXT,
    FOREIGN KEY (tenant_id, signal_id) REFERENCES signals (tenant_id, id)
);
CREATE INDEX signal_events_by_signal ON signal_events (signal_id, id);

CREATE FUNCTION refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'signal events are append-only';
END;
$$;
CREATE TRIGGER signal_events_are_append_only BEFORE UPDATE OR DELETE ON signal_events
FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
