-- The board pages each column in SQL: the oldest signals of one phase first.
CREATE INDEX signals_board_column ON signals (tenant_id, phase, created_at, id);
