-- Bundles as the domain README's "Bundles" rules say: a bundle has its own
-- phase (all its signals share it), version and lead policy domain, and every
-- step (made, edited, signals added or split out, merged, moved) is an event
-- in its history. A bundle merged into another keeps its history and points
-- at the bundle it went into.
ALTER TABLE bundles ADD COLUMN phase TEXT NOT NULL DEFAULT 'bundled';
ALTER TABLE bundles ADD COLUMN lead_domain_id INTEGER REFERENCES policy_domains (id);
ALTER TABLE bundles ADD COLUMN merged_into INTEGER REFERENCES bundles (id);
ALTER TABLE bundles ADD COLUMN updated_at TEXT;
UPDATE bundles SET
    phase = COALESCE((SELECT s.phase FROM signals s WHERE s.bundle_id = bundles.id ORDER BY s.id LIMIT 1), 'bundled'),
    lead_domain_id = (SELECT s.policy_domain_id FROM signals s
                      WHERE s.bundle_id = bundles.id AND s.policy_domain_id IS NOT NULL ORDER BY s.id LIMIT 1),
    updated_at = created_at;
CREATE INDEX bundles_by_tenant_phase ON bundles (tenant_id, phase);

-- Append-only, like signal_events; a note may only be redacted.
CREATE TABLE bundle_events (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL,
    bundle_id INTEGER NOT NULL,
    at TEXT NOT NULL,
    actor_id INTEGER REFERENCES people (id),
    kind TEXT NOT NULL,
    signal_id INTEGER,
    other_bundle_id INTEGER,
    from_phase TEXT,
    to_phase TEXT,
    note TEXT,
    FOREIGN KEY (tenant_id, bundle_id) REFERENCES bundles (tenant_id, id)
);
CREATE INDEX bundle_events_by_bundle ON bundle_events (bundle_id, id);
CREATE TRIGGER bundle_events_are_never_deleted BEFORE DELETE ON bundle_events
BEGIN SELECT RAISE(ABORT, 'bundle events are append-only'); END;
CREATE TRIGGER bundle_events_are_never_updated
BEFORE UPDATE OF id, tenant_id, bundle_id, at, actor_id, kind, signal_id, other_bundle_id, from_phase, to_phase ON bundle_events
BEGIN SELECT RAISE(ABORT, 'bundle events are append-only'); END;
CREATE TRIGGER bundle_events_are_only_redacted
BEFORE UPDATE OF note ON bundle_events
WHEN NEW.note IS NOT OLD.note AND instr(COALESCE(NEW.note, ''), '[verwijderd]') = 0
BEGIN SELECT RAISE(ABORT, 'bundle events are append-only'); END;
