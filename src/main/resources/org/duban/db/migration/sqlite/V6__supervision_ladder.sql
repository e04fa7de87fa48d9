-- 督办台 schema: the supervision ladder (issue 22). 催办单 and 督办通知书 sent to units, their 文号 counters, 约谈
-- records, and the office's scoring rule sets (考评). The ladder's and the desk's own settings live in `setting`.

-- A notice to one unit: level 1 = 催办单, level 2 = 督办通知书. A draft has no number (number_year, number_seq and
-- number_text NULL); issuing it takes the next number of its series and year. A number once given is never given
-- again, even when its notice is deleted (notice_counter only rises; the audit log keeps the deleted notice).
CREATE TABLE notice (
    id            INTEGER PRIMARY KEY,
    unit_id       INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
    level         INTEGER NOT NULL CHECK (level IN (1, 2)),
    issued_on     TEXT    NOT NULL CHECK (issued_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    response_due  TEXT    NOT NULL CHECK (response_due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    draft         INTEGER NOT NULL DEFAULT 0 CHECK (draft IN (0, 1)),
    number_year   INTEGER,
    number_seq    INTEGER CHECK (number_seq IS NULL OR number_seq > 0),
    number_text   TEXT,
    response_on   TEXT    CHECK (response_on IS NULL OR response_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    response_text TEXT    NOT NULL DEFAULT '',
    created_at    TEXT    NOT NULL,
    CHECK ((draft = 1) = (number_seq IS NULL)),
    CHECK ((number_seq IS NULL) = (number_year IS NULL) AND (number_seq IS NULL) = (number_text IS NULL)),
    UNIQUE (level, number_year, number_seq)
);
CREATE INDEX notice_by_unit ON notice (unit_id, issued_on);

-- The shares a notice lists, with what it printed of each (deadline, days overdue, last report) as of its day.
CREATE TABLE notice_share (
    notice_id     INTEGER NOT NULL REFERENCES notice (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL CHECK (position > 0),
    task_id       INTEGER REFERENCES task (id) ON DELETE SET NULL,
    assignment_id INTEGER REFERENCES assignment (id) ON DELETE SET NULL,
    task_label    TEXT    NOT NULL,
    deadline      TEXT    NOT NULL DEFAULT '',
    days_overdue  INTEGER,
    last_report   TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (notice_id, position)
);
CREATE INDEX notice_share_by_task ON notice_share (task_id);

-- The last number given per series (CHASE = 催办单, ORDER = 督办通知书, TALK = 约谈通知) and year. Only ever raised:
-- deleting or withdrawing a notice does not give its number back.
CREATE TABLE notice_counter (
    series TEXT    NOT NULL CHECK (series IN ('CHASE', 'ORDER', 'TALK')),
    year   INTEGER NOT NULL,
    last   INTEGER NOT NULL CHECK (last >= 0),
    PRIMARY KEY (series, year)
);

-- 约谈: a leader talks with a unit's leaders about its overdue work; follow-up due by a day.
CREATE TABLE interview (
    id            INTEGER PRIMARY KEY,
    unit_id       INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
    held_on       TEXT    NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    leader        TEXT    NOT NULL CHECK (length(trim(leader)) > 0),
    attendees     TEXT    NOT NULL DEFAULT '',
    minutes       TEXT    NOT NULL DEFAULT '',
    follow_up_due TEXT    CHECK (follow_up_due IS NULL OR follow_up_due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    number_text   TEXT,
    created_at    TEXT    NOT NULL
);
CREATE INDEX interview_by_unit ON interview (unit_id, held_on);

-- 考评 rule sets: each applies from its day until the next one's; the rules are the text form the manual shows.
CREATE TABLE score_rule_set (
    id             INTEGER PRIMARY KEY,
    effective_from TEXT NOT NULL UNIQUE CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    name           TEXT NOT NULL DEFAULT '',
    rules          TEXT NOT NULL,
    created_at     TEXT NOT NULL
);
