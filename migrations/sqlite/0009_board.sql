-- The board pages each column in SQL: the oldest signals of one phase first.
CREATE INDEX signals_board_column ON signals (tenant_id, phase, created_at, id);
-- Its counts per column for a signaalverwerker (domains, own organisation)
-- are read from the index alone.
CREATE INDEX signals_board_scope ON signals (tenant_id, phase, policy_domain_id, organisation_id);
