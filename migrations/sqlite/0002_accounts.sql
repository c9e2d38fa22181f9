-- Accounts: invitations, password resets, log-in failures, the mail outbox,
-- the audit log, and supra-local tenants with their members.

ALTER TABLE people ADD COLUMN deactivated_at TEXT;
-- A coordinator deactivates a person in their tenant only.
ALTER TABLE memberships ADD COLUMN active INTEGER NOT NULL DEFAULT 1;

CREATE TABLE tenant_members (
    parent_id INTEGER NOT NULL REFERENCES tenants (id),
    member_id INTEGER NOT NULL REFERENCES tenants (id),
    PRIMARY KEY (parent_id, member_id)
);

CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants (id),
    email TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL,
    organisation_id INTEGER,
    policy_domains TEXT NOT NULL DEFAULT '',
    token_hash TEXT NOT NULL UNIQUE,
    invited_by INTEGER REFERENCES people (id),
    created_at TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    accepted_at TEXT,
    revoked_at TEXT,
    FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)
);
CREATE INDEX invitations_by_tenant ON invitations (tenant_id, created_at);

-- Organisations asking the coordinator to invite their staff.
CREATE TABLE invitation_requests (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants (id),
    organisation_id INTEGER NOT NULL,
    requested_by INTEGER NOT NULL REFERENCES people (id),
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    handled_at TEXT,
    FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)
);

CREATE TABLE password_resets (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);

-- Failed log-ins per e-mail address (known or not, so delays reveal nothing).
CREATE TABLE login_failures (
    email TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure_at TEXT NOT NULL
);

-- Every mail is written here in the same transaction as what caused it;
-- a sender delivers it over SMTP when one is configured.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER REFERENCES tenants (id),
    to_email TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    claimed_at TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX outbox_unsent ON outbox (sent_at, id);
CREATE INDEX outbox_by_tenant ON outbox (tenant_id, id);

-- Append-only: who did what to which object, when, from where.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER REFERENCES tenants (id),
    person_id INTEGER REFERENCES people (id),
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    ip TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE INDEX audit_log_by_tenant ON audit_log (tenant_id, id);

CREATE TRIGGER audit_log_is_never_updated BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_is_never_deleted BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
