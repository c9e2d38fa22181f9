-- A person's policy domains belong to each role they hold: a signaalverwerker
-- for wonen who is also regisseur for welzijn processes wonen and steers
-- welzijn, never the other way round. Existing domains go to every role of
-- the membership that holds domains.
CREATE TABLE membership_role_domains (
    tenant_id INTEGER NOT NULL,
    membership_id INTEGER NOT NULL,
    role TEXT NOT NULL,
    policy_domain_id INTEGER NOT NULL,
    PRIMARY KEY (membership_id, role, policy_domain_id),
    FOREIGN KEY (tenant_id, membership_id) REFERENCES memberships (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, policy_domain_id) REFERENCES policy_domains (tenant_id, id)
);
INSERT INTO membership_role_domains (tenant_id, membership_id, role, policy_domain_id)
SELECT d.tenant_id, d.membership_id, r.role, d.policy_domain_id
FROM membership_policy_domains d JOIN membership_roles r ON r.membership_id = d.membership_id
WHERE r.role IN ('signaalverwerker', 'regisseur');
DROP TABLE membership_policy_domains;

-- Redaction: events stay append-only, except that personal data that slipped
-- into their public message or internal note may be replaced by "[verwijderd]"
-- (a changed text must carry that mark).
DROP TRIGGER signal_events_are_never_updated;
CREATE TRIGGER signal_events_are_never_updated
BEFORE UPDATE OF id, tenant_id, signal_id, at, actor_id, kind, from_phase, to_phase, reason, duplicate_of, outcome ON signal_events
BEGIN SELECT RAISE(ABORT, 'signal events are append-only'); END;
CREATE TRIGGER signal_events_are_only_redacted
BEFORE UPDATE OF message, note ON signal_events
WHEN (NEW.message IS NOT OLD.message AND instr(COALESCE(NEW.message, ''), '[verwijderd]') = 0)
  OR (NEW.note IS NOT OLD.note AND instr(COALESCE(NEW.note, ''), '[verwijderd]') = 0)
BEGIN SELECT RAISE(ABORT, 'signal events are append-only'); END;
