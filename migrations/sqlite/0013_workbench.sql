-- The board as a workbench: who works a signal, links between signals,
-- questions to the reporter, and notifications in Seinhuis.

-- The colleague a signal is assigned to; NULL: nobody yet.
ALTER TABLE signals ADD COLUMN assignee_id INTEGER REFERENCES people (id);
CREATE INDEX signals_by_assignee ON signals (assignee_id);

-- What an event is about beside its signal: the person assigned, the signal linked.
ALTER TABLE signal_events ADD COLUMN subject_id INTEGER REFERENCES people (id);
ALTER TABLE signal_events ADD COLUMN linked_signal_id INTEGER;

-- Two signals about the same problem, kept apart (a bundle joins them; a link
-- only points). Stored once, lowest id first.
CREATE TABLE signal_links (
    tenant_id INTEGER NOT NULL REFERENCES tenants (id),
    signal_a INTEGER NOT NULL,
    signal_b INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (signal_a, signal_b),
    CHECK (signal_a < signal_b),
    FOREIGN KEY (tenant_id, signal_a) REFERENCES signals (tenant_id, id),
    FOREIGN KEY (tenant_id, signal_b) REFERENCES signals (tenant_id, id)
);
CREATE INDEX signal_links_by_b ON signal_links (signal_b);

-- A processor's question to the reporter, and the reporter's answer. The
-- reporter reads it from "de signaalverwerker"; the asker never needs the
-- reporter's address.
CREATE TABLE signal_questions (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants (id),
    signal_id INTEGER NOT NULL,
    asked_by INTEGER NOT NULL REFERENCES people (id),
    question TEXT NOT NULL,
    asked_at TEXT NOT NULL,
    answer TEXT,
    answered_at TEXT,
    FOREIGN KEY (tenant_id, signal_id) REFERENCES signals (tenant_id, id)
);
CREATE INDEX signal_questions_by_signal ON signal_questions (signal_id);

-- What Seinhuis tells a person on their home: a mention, an assignment, an answer.
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants (id),
    person_id INTEGER NOT NULL REFERENCES people (id),
    kind TEXT NOT NULL,
    signal_id INTEGER NOT NULL,
    actor_id INTEGER REFERENCES people (id),
    at TEXT NOT NULL,
    read_at TEXT,
    FOREIGN KEY (tenant_id, signal_id) REFERENCES signals (tenant_id, id)
);
CREATE INDEX notifications_by_person ON notifications (person_id, tenant_id, at);
