-- Rate limits shared by every server instance: attempts per door (log-in,
-- password reset, invitation, citizen report), per hashed key (a client
-- address or an e-mail address, SHA-256, never in the clear) and per fixed
-- window (its start in Unix seconds). Old windows are deleted periodically.
CREATE TABLE rate_limits (
    door TEXT NOT NULL,
    key_hash TEXT NOT NULL,
    window_start INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (door, key_hash, window_start)
);
CREATE INDEX rate_limits_by_window ON rate_limits (door, window_start);
