-- Bundles as the domain README's "Bundles" rules say: a bundle has its own
-- phase (all its signals share it), version and lead policy domain, and every
-- step (made, edited, signals added or split out, merged, moved) is an event
-- in its history. A bundle merged into another keeps its history and points
-- at the bundle it went into.
ALTER TABLE bundles ADD COLUMN phase TEXT NOT NULL DEFAULT 'bundled';
ALTER TABLE bundles ADD COLUMN lead_domain_id BIGINT;
ALTER TABLE bundles ADD COLUMN merged_into BIGINT;
ALTER TABLE bundles ADD COLUMN updated_at TIMESTAMPTZ;
ALTER TABLE bundles ADD FOREIGN KEY (tenant_id, lead_domain_id) REFERENCES policy_domains (tenant_id, id);
ALTER TABLE bundles ADD FOREIGN KEY (tenant_id, merged_into) REFERENCES bundles (tenant_id, id);
UPDATE bundles SET
    phase = COALESCE((SELECT s.phase FROM signals s WHERE s.bundle_id = bundles.id ORDER BY s.id LIMIT 1), 'bundled'),
    lead_domain_id = (SELECT s.policy_domain_id FROM signals s
                      WHERE s.bundle_id = bundles.id AND s.policy_domain_id IS NOT NULL ORDER BY s.id LIMIT 1),
    updated_at = created_at;
CREATE INDEX bundles_by_tenant_phase ON bundles (tenant_id, phase);

-- Append-only, like signal_events; a note may only be redacted.
CREATE TABLE bundle_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id BIGINT NOT NULL,
    bundle_id BIGINT NOT NULL,
    at TIMESTAMPTZ NOT NULL,
    actor_id BIGINT REFERENCES people (id),
    kind TEXT NOT NULL,
    signal_id BIGINT,
    other_bundle_id BIGINT,
    from_phase TEXT,
    to_phase TEXT,
    note TEXT,
    FOREIGN KEY (tenant_id, bundle_id) REFERENCES bundles (tenant_id, id)
);
CREATE INDEX bundle_events_by_bundle ON bundle_events (bundle_id, id);
CREATE FUNCTION refuse_bundle_event_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'bundle events are append-only';
    END IF;
    IF (NEW.id, NEW.tenant_id, NEW.bundle_id, NEW.at, NEW.actor_id, NEW.kind, NEW.signal_id, NEW.other_bundle_id,
        NEW.from_phase, NEW.to_phase)
       IS DISTINCT FROM
       (OLD.id, OLD.tenant_id, OLD.bundle_id, OLD.at, OLD.actor_id, OLD.kind, OLD.signal_id, OLD.other_bundle_id,
        OLD.from_phase, OLD.to_phase)
       OR (NEW.note IS DISTINCT FROM OLD.note AND strpos(COALESCE(NEW.note, ''), '[verwijderd]') = 0) THEN
        RAISE EXCEPTION 'bundle events are append-only';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER bundle_events_are_append_only BEFORE UPDATE OR DELETE ON bundle_events
FOR EACH ROW EXECUTE FUNCTION refuse_bundle_event_rewrite();
