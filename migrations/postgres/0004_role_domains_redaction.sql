-- A person's policy domains belong to each role they hold: a signaalverwerker
-- for wonen who is also regisseur for welzijn processes wonen and steers
-- welzijn, never the other way round. Existing domains go to every role of
-- the membership that holds domains.
CREATE TABLE membership_role_domains (
    tenant_id BIGINT NOT NULL,
    membership_id BIGINT NOT NULL,
    role TEXT NOT NULL,
    policy_domain_id BIGINT NOT NULL,
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
DROP TRIGGER signal_events_are_append_only ON signal_events;
CREATE FUNCTION refuse_event_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'signal events are append-only';
    END IF;
    IF (NEW.id, NEW.tenant_id, NEW.signal_id, NEW.at, NEW.actor_id, NEW.kind, NEW.from_phase, NEW.to_phase,
        NEW.reason, NEW.duplicate_of, NEW.outcome)
       IS DISTINCT FROM
       (OLD.id, OLD.tenant_id, OLD.signal_id, OLD.at, OLD.actor_id, OLD.kind, OLD.from_phase, OLD.to_phase,
        OLD.reason, OLD.duplicate_of, OLD.outcome) THEN
        RAISE EXCEPTION 'signal events are append-only';
    END IF;
    -- A changed text must carry the redaction mark.
    IF (NEW.message IS DISTINCT FROM OLD.message AND strpos(COALESCE(NEW.message, ''), '[verwijderd]') = 0)
       OR (NEW.note IS DISTINCT FROM OLD.note AND strpos(COALESCE(NEW.note, ''), '[verwijderd]') = 0) THEN
        RAISE EXCEPTION 'signal events are append-only';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER signal_events_are_append_only BEFORE UPDATE OR DELETE ON signal_events
FOR EACH ROW EXECUTE FUNCTION refuse_event_rewrite();
