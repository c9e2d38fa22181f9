-- Rate limits shared by every server instance: per door (log-in, password
-- reset, invitation, citizen report) and per hashed key (a client address or
-- an e-mail address, SHA-256, never in the clear), the theoretical arrival
-- time of the next attempt in Unix milliseconds (the generic cell rate
-- algorithm: a key is refused while it would lie more than one period ahead).
-- Rows whose time has passed are deleted periodically.
CREATE TABLE rate_limits (
    door TEXT NOT NULL,
    key_hash TEXT NOT NULL,
    tat INTEGER NOT NULL,
    PRIMARY KEY (door, key_hash)
);
CREATE INDEX rate_limits_by_tat ON rate_limits (tat);
