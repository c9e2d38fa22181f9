-- Forum preparation: policy bottlenecks, meetings and their agendas, minutes,
-- and campaigns with action lines. Ids of signals, bundles and meetings are
-- scoped to their tenant by composite foreign keys, as elsewhere.

-- A policy domain's own consultation body (overlegorgaan).
ALTER TABLE policy_domains ADD COLUMN body TEXT NOT NULL DEFAULT '';

-- A policy bottleneck (beleidsknelpunt) owned by a regisseur of its domain.
CREATE TABLE bottlenecks (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    policy_domain_id BIGINT NOT NULL,
    owner_id BIGINT REFERENCES people (id),
    question TEXT NOT NULL,
    status TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, policy_domain_id) REFERENCES policy_domains (tenant_id, id)
);
-- The other domains whose help a bottleneck needs.
CREATE TABLE bottleneck_help (
    tenant_id BIGINT NOT NULL,
    bottleneck_id BIGINT NOT NULL,
    policy_domain_id BIGINT NOT NULL,
    PRIMARY KEY (bottleneck_id, policy_domain_id),
    FOREIGN KEY (tenant_id, bottleneck_id) REFERENCES bottlenecks (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, policy_domain_id) REFERENCES policy_domains (tenant_id, id)
);
-- A signal or a bundle proving a bottleneck (a bundle's link counts for its signals).
CREATE TABLE bottleneck_links (
    tenant_id BIGINT NOT NULL,
    bottleneck_id BIGINT NOT NULL,
    signal_id BIGINT,
    bundle_id BIGINT,
    created_at TIMESTAMPTZ NOT NULL,
    CHECK ((signal_id IS NULL) <> (bundle_id IS NULL)),
    UNIQUE (bottleneck_id, signal_id, bundle_id),
    FOREIGN KEY (tenant_id, bottleneck_id) REFERENCES bottlenecks (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, signal_id) REFERENCES signals (tenant_id, id),
    FOREIGN KEY (tenant_id, bundle_id) REFERENCES bundles (tenant_id, id)
);
CREATE INDEX bottleneck_links_by_signal ON bottleneck_links (signal_id);
CREATE INDEX bottleneck_links_by_bundle ON bottleneck_links (bundle_id);

-- A forum, round table, cluster meeting or regisseurs' meeting. `sequence`
-- counts the calendar updates sent (iCalendar SEQUENCE).
CREATE TABLE meetings (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    starts_at TIMESTAMPTZ NOT NULL,
    length_minutes BIGINT NOT NULL,
    place TEXT NOT NULL,
    status TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    sequence BIGINT NOT NULL DEFAULT 0,
    created_by BIGINT REFERENCES people (id),
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (tenant_id, id)
);
CREATE INDEX meetings_by_tenant ON meetings (tenant_id, starts_at);

-- Who is invited: a person with an account, an organisation, or an outside
-- expert or speaker by name and role (with an address for the invitation).
CREATE TABLE meeting_invitees (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id BIGINT NOT NULL,
    meeting_id BIGINT NOT NULL,
    person_id BIGINT REFERENCES people (id),
    organisation_id BIGINT,
    name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)
);
CREATE INDEX meeting_invitees_by_meeting ON meeting_invitees (meeting_id);
CREATE INDEX meeting_invitees_by_person ON meeting_invitees (person_id);

-- One item of a meeting's agenda: a bundle, a signal or a bottleneck. Each
-- item has its own version, so reordering leaves others' edits valid. The
-- minutes of the item live here too.
CREATE TABLE agenda_items (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id BIGINT NOT NULL,
    meeting_id BIGINT NOT NULL,
    position BIGINT NOT NULL,
    bundle_id BIGINT,
    signal_id BIGINT,
    bottleneck_id BIGINT,
    duration_minutes BIGINT NOT NULL DEFAULT 15,
    presenter TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL DEFAULT '',
    for_information BOOLEAN NOT NULL DEFAULT FALSE,
    version BIGINT NOT NULL DEFAULT 1,
    conclusions TEXT NOT NULL DEFAULT '',
    problem_definition TEXT NOT NULL DEFAULT '',
    commitments TEXT NOT NULL DEFAULT '',
    decision TEXT,
    decided_at TIMESTAMPTZ,
    UNIQUE (tenant_id, id),
    CHECK (num_nonnulls(bundle_id, signal_id, bottleneck_id) = 1),
    FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, bundle_id) REFERENCES bundles (tenant_id, id),
    FOREIGN KEY (tenant_id, signal_id) REFERENCES signals (tenant_id, id),
    FOREIGN KEY (tenant_id, bottleneck_id) REFERENCES bottlenecks (tenant_id, id)
);
CREATE INDEX agenda_items_by_meeting ON agenda_items (meeting_id, position);
CREATE INDEX agenda_items_by_bundle ON agenda_items (bundle_id);
CREATE INDEX agenda_items_by_signal ON agenda_items (signal_id);

-- A campaign or action plan: partners commit to work a problem out together.
CREATE TABLE campaigns (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    title TEXT NOT NULL,
    problem TEXT NOT NULL DEFAULT '',
    analysis TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    outcome TEXT,
    agenda_item_id BIGINT,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    closed_at TIMESTAMPTZ,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, agenda_item_id) REFERENCES agenda_items (tenant_id, id)
);
-- The bundles and signals a campaign carries.
CREATE TABLE campaign_subjects (
    tenant_id BIGINT NOT NULL,
    campaign_id BIGINT NOT NULL,
    bundle_id BIGINT,
    signal_id BIGINT,
    CHECK ((signal_id IS NULL) <> (bundle_id IS NULL)),
    UNIQUE (campaign_id, bundle_id, signal_id),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, bundle_id) REFERENCES bundles (tenant_id, id),
    FOREIGN KEY (tenant_id, signal_id) REFERENCES signals (tenant_id, id)
);
CREATE INDEX campaign_subjects_by_bundle ON campaign_subjects (bundle_id);
CREATE INDEX campaign_subjects_by_signal ON campaign_subjects (signal_id);
-- The organisations taking part, with what they engage to do.
CREATE TABLE campaign_actors (
    tenant_id BIGINT NOT NULL,
    campaign_id BIGINT NOT NULL,
    organisation_id BIGINT NOT NULL,
    engagement TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (campaign_id, organisation_id),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)
);
-- An action line (piste) with its lead (trekker).
CREATE TABLE action_lines (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id BIGINT NOT NULL,
    campaign_id BIGINT NOT NULL,
    title TEXT NOT NULL,
    lead_id BIGINT REFERENCES people (id),
    due_on TEXT,
    status TEXT NOT NULL,
    progress BIGINT NOT NULL DEFAULT 0,
    weight BIGINT NOT NULL DEFAULT 1,
    reminded_at TIMESTAMPTZ,
    version BIGINT NOT NULL DEFAULT 1,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX action_lines_by_lead ON action_lines (lead_id);

-- The meeting a Geagendeerd event names, the campaign an In actie event names.
ALTER TABLE signal_events ADD COLUMN meeting_id BIGINT;
ALTER TABLE signal_events ADD COLUMN campaign_id BIGINT;

-- A numbered change names the meetings whose agenda it changed.
ALTER TABLE changes ADD COLUMN meetings TEXT NOT NULL DEFAULT '[]';

-- A mail may carry one attachment (a calendar invitation).
ALTER TABLE outbox ADD COLUMN attachment_name TEXT;
ALTER TABLE outbox ADD COLUMN attachment_type TEXT;
ALTER TABLE outbox ADD COLUMN attachment TEXT;
