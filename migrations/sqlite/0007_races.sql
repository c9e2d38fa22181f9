-- Safe under concurrency (several server instances on one PostgreSQL).

-- One open invitation per address and tenant: older duplicates are closed first.
UPDATE invitations SET revoked_at = created_at
WHERE accepted_at IS NULL AND revoked_at IS NULL
  AND id NOT IN (SELECT MAX(id) FROM invitations WHERE accepted_at IS NULL AND revoked_at IS NULL GROUP BY tenant_id, email);
CREATE UNIQUE INDEX invitations_one_open_per_address ON invitations (tenant_id, email)
WHERE accepted_at IS NULL AND revoked_at IS NULL;

-- Log-in back-off: an attempt claims its turn (and the wait after it) in one
-- statement, so concurrent guesses cannot all pass one check.
ALTER TABLE login_failures ADD COLUMN locked_until TEXT;
