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
    tenant_id INTEGER NOT NULL,
    scope INTEGER NOT NULL,
    grain INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    tally TEXT NOT NULL,
    key TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, scope, grain, bucket, tally, key)
) WITHOUT ROWID;

-- Each signal's marks as counted now (JSON), and what the most-seen list reads.
CREATE TABLE report_facts (
    signal_id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL,
    day INTEGER NOT NULL,
    policy_domain_id INTEGER,
    seen_by INTEGER NOT NULL,
    marks TEXT NOT NULL
);
CREATE INDEX report_facts_most_seen ON report_facts (tenant_id, seen_by DESC, signal_id);

CREATE TABLE report_dirty (
    tenant_id INTEGER NOT NULL,
    signal_id INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, signal_id)
) WITHOUT ROWID;

CREATE TRIGGER report_signal_added AFTER INSERT ON signals
BEGIN INSERT OR IGNORE INTO report_dirty (tenant_id, signal_id) VALUES (NEW.tenant_id, NEW.id); END;
CREATE TRIGGER report_signal_changed
AFTER UPDATE OF phase, policy_domain_id, organisation_id, area, source, created_at ON signals
BEGIN INSERT OR IGNORE INTO report_dirty (tenant_id, signal_id) VALUES (NEW.tenant_id, NEW.id); END;
CREATE TRIGGER report_signal_removed AFTER DELETE ON signals
BEGIN INSERT OR IGNORE INTO report_dirty (tenant_id, signal_id) VALUES (OLD.tenant_id, OLD.id); END;

CREATE TRIGGER report_life_domain_added AFTER INSERT ON signal_life_domains
BEGIN INSERT OR IGNORE INTO report_dirty (tenant_id, signal_id) SELECT tenant_id, id FROM signals WHERE id = NEW.signal_id; END;
CREATE TRIGGER report_life_domain_removed AFTER DELETE ON signal_life_domains
BEGIN INSERT OR IGNORE INTO report_dirty (tenant_id, signal_id) SELECT tenant_id, id FROM signals WHERE id = OLD.signal_id; END;
CREATE TRIGGER report_target_group_added AFTER INSERT ON signal_target_groups
BEGIN INSERT OR IGNORE INTO report_dirty (tenant_id, signal_id) SELECT tenant_id, id FROM signals WHERE id = NEW.signal_id; END;
CREATE TRIGGER report_target_group_removed AFTER DELETE ON signal_target_groups
BEGIN INSERT OR IGNORE INTO report_dirty (tenant_id, signal_id) SELECT tenant_id, id FROM signals WHERE id = OLD.signal_id; END;

CREATE TRIGGER report_event_added AFTER INSERT ON signal_events WHEN NEW.to_phase IS NOT NULL
BEGIN INSERT OR IGNORE INTO report_dirty (tenant_id, signal_id) VALUES (NEW.tenant_id, NEW.signal_id); END;
CREATE TRIGGER report_arrival_added AFTER INSERT ON signal_arrivals
BEGIN INSERT OR IGNORE INTO report_dirty (tenant_id, signal_id) VALUES (NEW.tenant_id, NEW.signal_id); END;

CREATE TRIGGER report_sighting_added AFTER INSERT ON sightings
BEGIN INSERT OR IGNORE INTO report_dirty (tenant_id, signal_id) VALUES (NEW.tenant_id, NEW.signal_id); END;
CREATE TRIGGER report_sighting_changed AFTER UPDATE ON sightings
BEGIN
    INSERT OR IGNORE INTO report_dirty (tenant_id, signal_id) VALUES (OLD.tenant_id, OLD.signal_id);
    INSERT OR IGNORE INTO report_dirty (tenant_id, signal_id) VALUES (NEW.tenant_id, NEW.signal_id);
END;
CREATE TRIGGER report_sighting_removed AFTER DELETE ON sightings
BEGIN INSERT OR IGNORE INTO report_dirty (tenant_id, signal_id) VALUES (OLD.tenant_id, OLD.signal_id); END;

CREATE TRIGGER report_organisation_kind AFTER UPDATE OF kind ON organisations
BEGIN INSERT OR IGNORE INTO report_dirty (tenant_id, signal_id) SELECT tenant_id, id FROM signals WHERE organisation_id = NEW.id; END;

-- Every signal there is gets counted.
INSERT OR IGNORE INTO report_dirty (tenant_id, signal_id) SELECT tenant_id, id FROM signals;
