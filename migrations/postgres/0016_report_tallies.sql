-- The dashboard's pre-counted figures (see domain/reports/tally.rs).
--
-- Triggers note every signal whose counted state may have changed in
-- `report_dirty`; Seinhuis then recomputes that signal's marks, keeps them
-- in `report_facts`, and adds the difference to `report_tallies`. Readers
-- add the tallies of a period and correct them for signals still noted, so
-- a figure is never stale.

-- Per tenant, scope (0: all policy domains, else one domain's id), grain
-- (0: day, 1: month), bucket (days or months since the common era), tally
-- and key: how many marks.
CREATE TABLE report_tallies (
    tenant_id BIGINT NOT NULL,
    scope BIGINT NOT NULL,
    grain BIGINT NOT NULL,
    bucket BIGINT NOT NULL,
    tally TEXT NOT NULL,
    key TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, scope, grain, bucket, tally, key)
);

-- Each signal's marks as counted now (JSON), and what the most-seen list reads.
CREATE TABLE report_facts (
    signal_id BIGINT PRIMARY KEY,
    tenant_id BIGINT NOT NULL,
    day BIGINT NOT NULL,
    policy_domain_id BIGINT,
    seen_by BIGINT NOT NULL,
    marks TEXT NOT NULL
);
CREATE INDEX report_facts_most_seen ON report_facts (tenant_id, seen_by DESC, signal_id);

CREATE TABLE report_dirty (
    tenant_id BIGINT NOT NULL,
    signal_id BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, signal_id)
);

-- The row's own signal (signals) or the signal it belongs to (the others).
CREATE FUNCTION note_report_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'signals' THEN
        IF TG_OP = 'DELETE' THEN
            INSERT INTO report_dirty (tenant_id, signal_id) VALUES (OLD.tenant_id, OLD.id) ON CONFLICT DO NOTHING;
        ELSE
            INSERT INTO report_dirty (tenant_id, signal_id) VALUES (NEW.tenant_id, NEW.id) ON CONFLICT DO NOTHING;
        END IF;
    ELSIF TG_TABLE_NAME = 'organisations' THEN
        INSERT INTO report_dirty (tenant_id, signal_id)
        SELECT tenant_id, id FROM signals WHERE organisation_id = NEW.id ON CONFLICT DO NOTHING;
    ELSE
        IF TG_OP <> 'INSERT' THEN
            INSERT INTO report_dirty (tenant_id, signal_id)
            SELECT tenant_id, id FROM signals WHERE id = OLD.signal_id ON CONFLICT DO NOTHING;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            INSERT INTO report_dirty (tenant_id, signal_id)
            SELECT tenant_id, id FROM signals WHERE id = NEW.signal_id ON CONFLICT DO NOTHING;
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER report_signal_added AFTER INSERT OR DELETE ON signals
FOR EACH ROW EXECUTE FUNCTION note_report_dirty();
CREATE TRIGGER report_signal_changed
AFTER UPDATE OF phase, policy_domain_id, organisation_id, area, source, created_at ON signals
FOR EACH ROW EXECUTE FUNCTION note_report_dirty();
CREATE TRIGGER report_life_domain AFTER INSERT OR DELETE ON signal_life_domains
FOR EACH ROW EXECUTE FUNCTION note_report_dirty();
CREATE TRIGGER report_target_group AFTER INSERT OR DELETE ON signal_target_groups
FOR EACH ROW EXECUTE FUNCTION note_report_dirty();
CREATE TRIGGER report_event_added AFTER INSERT ON signal_events
FOR EACH ROW WHEN (NEW.to_phase IS NOT NULL) EXECUTE FUNCTION note_report_dirty();
CREATE TRIGGER report_arrival_added AFTER INSERT ON signal_arrivals
FOR EACH ROW EXECUTE FUNCTION note_report_dirty();
CREATE TRIGGER report_sighting AFTER INSERT OR UPDATE OR DELETE ON sightings
FOR EACH ROW EXECUTE FUNCTION note_report_dirty();
CREATE TRIGGER report_organisation_kind AFTER UPDATE OF kind ON organisations
FOR EACH ROW EXECUTE FUNCTION note_report_dirty();

-- Every signal there is gets counted.
INSERT INTO report_dirty (tenant_id, signal_id) SELECT tenant_id, id FROM signals ON CONFLICT DO NOTHING;
