-- No usable link rests in the database, and abuse limits.
--
-- Links in mails: each row a link opens gets a random nonce; its token is
-- HMAC(link key, kind:nonce), computed by the server from its configured key,
-- and the row keeps only the token's SHA-256. The outbox keeps a placeholder
-- where the token goes; `links` lists the rows whose links the sender fills in.
ALTER TABLE invitations ADD COLUMN link_nonce TEXT;
ALTER TABLE password_resets ADD COLUMN link_nonce TEXT;
ALTER TABLE citizen_reports ADD COLUMN link_nonce TEXT;
ALTER TABLE outbox ADD COLUMN links TEXT NOT NULL DEFAULT '';

-- Mails written before this version hold whole links: wipe those bodies and
-- never send them. Their links keep working until they expire; whoever still
-- needs one sends the invitation again or asks for a new reset link.
UPDATE outbox
SET body = 'Deze mail bevatte een persoonlijke link en werd gewist bij een update van Seinhuis.',
    attempts = 10,
    last_error = COALESCE(last_error, 'gewist: bevatte een persoonlijke link')
WHERE body LIKE '%/uitnodiging/%' OR body LIKE '%sleutel=%'
   OR body LIKE '%/signaleren/bevestigen/%' OR body LIKE '%/volgen/%';

-- A password reset ends the person's sessions that started before it.
ALTER TABLE people ADD COLUMN sessions_valid_after TIMESTAMPTZ;

-- The daily limits count recent rows.
CREATE INDEX password_resets_by_person ON password_resets (person_id, created_at);
CREATE INDEX invitation_requests_by_organisation ON invitation_requests (tenant_id, organisation_id, created_at);
CREATE INDEX citizen_reports_unconfirmed ON citizen_reports (created_at) WHERE confirmed_at IS NULL;

-- The audit log stays append-only, except that client addresses are blanked
-- after a while: an update may set `ip` to '' and change nothing else.
DROP TRIGGER audit_log_is_append_only ON audit_log;
CREATE FUNCTION refuse_audit_change_but_blanking() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.ip = ''
       AND (NEW.id, NEW.tenant_id, NEW.person_id, NEW.action, NEW.object_type, NEW.object_id, NEW.detail, NEW.at)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.tenant_id, OLD.person_id, OLD.action, OLD.object_type, OLD.object_id, OLD.detail, OLD.at) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only: only client addresses may be blanked';
END $$;
CREATE TRIGGER audit_log_is_append_only BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION refuse_audit_change_but_blanking();
CREATE INDEX audit_log_with_address ON audit_log (at) WHERE ip <> '';
