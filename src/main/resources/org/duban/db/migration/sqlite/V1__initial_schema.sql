-- 督办台 schema, version 1: units, meetings, tasks and their assignments, settings.

CREATE TABLE unit (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    short_name  TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('DISTRICT', 'COUNTY_CITY', 'COUNTY', 'DEVELOPMENT_ZONE', 'CITY_DEPARTMENT')),
    sort_order  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE unit_alias (
    unit_id INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
    alias   TEXT    NOT NULL UNIQUE,
    PRIMARY KEY (unit_id, alias)
);

CREATE TABLE meeting (
    id      INTEGER PRIMARY KEY,
    kind    TEXT NOT NULL CHECK (kind IN ('ASSIGNMENT', 'REVIEW', 'PUSH')),
    held_on TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    title   TEXT NOT NULL,
    notes   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE task (
    id               INTEGER PRIMARY KEY,
    meeting_id       INTEGER NOT NULL REFERENCES meeting (id) ON DELETE RESTRICT,
    seq              INTEGER NOT NULL CHECK (seq > 0),
    source           TEXT    NOT NULL,
    category         TEXT    NOT NULL DEFAULT '',
    problem          TEXT    NOT NULL CHECK (length(trim(problem)) > 0),
    target           TEXT    NOT NULL DEFAULT '',
    measures         TEXT    NOT NULL DEFAULT '',
    leader           TEXT    NOT NULL DEFAULT '',
    supporting_units TEXT    NOT NULL DEFAULT '',
    deadline         TEXT    NOT NULL,
    -- What the deadline phrase means, kept beside it so that SQL (reports, benchmarks, other tools) can
    -- ask "what is due" without parsing Chinese phrases. Written by the repository from the same Deadline.
    due_date         TEXT,
    ongoing          INTEGER NOT NULL DEFAULT 0 CHECK (ongoing IN (0, 1)),
    remarks          TEXT    NOT NULL DEFAULT '',
    created_at       TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at       TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (meeting_id, seq)
);

CREATE TABLE assignment (
    id      INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
    status  TEXT    NOT NULL DEFAULT 'NOT_STARTED'
        CHECK (status IN ('NOT_STARTED', 'BEHIND_SCHEDULE', 'ON_SCHEDULE', 'COMPLETED', 'ACCEPTED', 'CLOSED')),
    UNIQUE (task_id, unit_id)
);

CREATE INDEX assignment_by_unit ON assignment (unit_id);
CREATE INDEX task_by_meeting ON task (meeting_id, seq);

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
