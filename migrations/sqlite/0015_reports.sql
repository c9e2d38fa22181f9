-- Reports, the signalenbundel publication and the public page.

-- When each signal first reached each phase, and how long after it was
-- submitted: the dashboard's lead times are percentiles of `seconds`.
CREATE TABLE signal_arrivals (
    tenant_id INTEGER NOT NULL,
    signal_id INTEGER NOT NULL,
    phase TEXT NOT NULL,
    at TEXT NOT NULL,
    seconds INTEGER NOT NULL,
    PRIMARY KEY (signal_id, phase),
    FOREIGN KEY (tenant_id, signal_id) REFERENCES signals (tenant_id, id)
);
CREATE INDEX signal_arrivals_by_phase ON signal_arrivals (tenant_id, phase, at);
INSERT OR IGNORE INTO signal_arrivals (tenant_id, signal_id, phase, at, seconds)
SELECT e.tenant_id, e.signal_id, e.to_phase, MIN(e.at),
       CAST(ROUND((julianday(MIN(e.at)) - julianday(s.created_at)) * 86400) AS INTEGER)
FROM signal_events e JOIN signals s ON s.id = e.signal_id
WHERE e.to_phase IS NOT NULL AND e.to_phase <> 'submitted'
GROUP BY e.tenant_id, e.signal_id, e.to_phase;

-- The dashboard filters received signals by tenant and day.
CREATE INDEX signals_by_tenant_created ON signals (tenant_id, created_at, phase, policy_domain_id);

-- The tenant's own targets, per year.
CREATE TABLE report_targets (
    tenant_id INTEGER NOT NULL REFERENCES tenants (id),
    metric TEXT NOT NULL,
    per_year INTEGER NOT NULL CHECK (per_year >= 0),
    PRIMARY KEY (tenant_id, metric)
);

-- The public page: the tenant's own text, and public summaries written by
-- the hoofdsignaalverwerker (empty: not public).
ALTER TABLE tenants ADD COLUMN public_text TEXT NOT NULL DEFAULT '';
ALTER TABLE signals ADD COLUMN public_summary TEXT NOT NULL DEFAULT '';
ALTER TABLE campaigns ADD COLUMN public_summary TEXT NOT NULL DEFAULT '';
ALTER TABLE agenda_items ADD COLUMN public_summary TEXT NOT NULL DEFAULT '';
-- Where a partner organisation is asked to approve a publication.
ALTER TABLE organisations ADD COLUMN contact_email TEXT NOT NULL DEFAULT '';

-- A signalenbundel. `doc` is the frozen publication (JSON) once published.
CREATE TABLE publications (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants (id),
    title TEXT NOT NULL,
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    intro TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    doc TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    published_at TEXT,
    UNIQUE (tenant_id, id)
);
CREATE TABLE publication_subjects (
    tenant_id INTEGER NOT NULL,
    publication_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    bundle_id INTEGER,
    signal_id INTEGER,
    CHECK ((signal_id IS NULL) <> (bundle_id IS NULL)),
    UNIQUE (publication_id, bundle_id, signal_id),
    FOREIGN KEY (tenant_id, publication_id) REFERENCES publications (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, bundle_id) REFERENCES bundles (tenant_id, id),
    FOREIGN KEY (tenant_id, signal_id) REFERENCES signals (tenant_id, id)
);
-- A partner's approval: a link by mail that works once and expires. The row
-- keeps a nonce and the token's SHA-256, never the token.
CREATE TABLE publication_approvals (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL,
    publication_id INTEGER NOT NULL,
    organisation_id INTEGER NOT NULL,
    contact TEXT NOT NULL,
    link_nonce TEXT,
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TEXT NOT NULL,
    answered_at TEXT,
    approved INTEGER,
    remark TEXT NOT NULL DEFAULT '',
    UNIQUE (publication_id, organisation_id),
    FOREIGN KEY (tenant_id, publication_id) REFERENCES publications (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)
);
