-- 督办台 schema, version 3: what happened at each meeting (venues, speakers, attending and pledging units, tasks
-- reviewed) and the figures of every issued bulletin (通报), so that the next one can show how the ranking moved.

-- A video conference has a main venue (主会场) and sub-venues (分会场, one row per unit in meeting_unit).
ALTER TABLE meeting ADD COLUMN video INTEGER NOT NULL DEFAULT 0 CHECK (video IN (0, 1));
ALTER TABLE meeting ADD COLUMN main_venue TEXT NOT NULL DEFAULT '';

-- Who chaired, spoke, deployed the work or reported, in the order of the meeting.
CREATE TABLE meeting_speaker (
    meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL CHECK (position > 0),
    role       TEXT    NOT NULL CHECK (role IN ('CHAIR', 'SPEECH', 'DEPLOY', 'REPORT', 'ATTEND')),
    name       TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    post       TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, position)
);

-- A unit's part in a meeting: a sub-venue of its own, attending, and its place among the pledges (表态发言).
CREATE TABLE meeting_unit (
    meeting_id      INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    unit_id         INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
    sub_venue       INTEGER NOT NULL DEFAULT 0 CHECK (sub_venue IN (0, 1)),
    attends         INTEGER NOT NULL DEFAULT 0 CHECK (attends IN (0, 1)),
    pledge_position INTEGER CHECK (pledge_position IS NULL OR pledge_position > 0),
    PRIMARY KEY (meeting_id, unit_id),
    UNIQUE (meeting_id, pledge_position)
);

-- The tasks a follow-up meeting (调度会, 推进会) reviewed. An assignment meeting's own tasks are task.meeting_id.
CREATE TABLE meeting_task (
    meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    task_id    INTEGER NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, task_id)
);
CREATE INDEX meeting_task_by_task ON meeting_task (task_id);

-- An issued bulletin: the day it counts to, which tasks (one meeting's, or every meeting's when meeting_id is
-- NULL) and its totals. Issuing again for the same day and scope replaces the earlier figures.
CREATE TABLE bulletin (
    id                     INTEGER PRIMARY KEY,
    meeting_id             INTEGER REFERENCES meeting (id) ON DELETE CASCADE,
    as_of                  TEXT    NOT NULL CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    issued_at              TEXT    NOT NULL,
    tasks                  INTEGER NOT NULL CHECK (tasks >= 0),
    assignments            INTEGER NOT NULL CHECK (assignments >= 0),
    completed_tasks        INTEGER NOT NULL CHECK (completed_tasks >= 0),
    completed_assignments  INTEGER NOT NULL CHECK (completed_assignments >= 0),
    closed_assignments     INTEGER NOT NULL CHECK (closed_assignments >= 0),
    overdue_tasks          INTEGER NOT NULL CHECK (overdue_tasks >= 0),
    overdue_assignments    INTEGER NOT NULL CHECK (overdue_assignments >= 0),
    supervised_tasks       INTEGER NOT NULL CHECK (supervised_tasks >= 0)
);
-- One bulletin per day and scope (NULL scope counted as 0).
CREATE UNIQUE INDEX bulletin_by_scope_and_day ON bulletin (coalesce(meeting_id, 0), as_of);

-- Each ranked unit's line of a bulletin, with its name as printed then.
CREATE TABLE bulletin_unit (
    bulletin_id INTEGER NOT NULL REFERENCES bulletin (id) ON DELETE CASCADE,
    unit_id     INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
    unit_name   TEXT    NOT NULL,
    assignments INTEGER NOT NULL CHECK (assignments >= 0),
    completed   INTEGER NOT NULL CHECK (completed >= 0),
    closed      INTEGER NOT NULL CHECK (closed >= 0),
    overdue     INTEGER NOT NULL CHECK (overdue >= 0),
    rate        REAL    NOT NULL CHECK (rate >= 0),
    rank        INTEGER NOT NULL CHECK (rank > 0),
    PRIMARY KEY (bulletin_id, unit_id)
);
