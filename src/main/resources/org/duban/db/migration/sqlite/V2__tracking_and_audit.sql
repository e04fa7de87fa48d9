-- 督办台 schema, version 2: following each assignment to close-out, and the audit trail.
-- Statuses, lights and "overdue" are not stored as facts: the program derives them at any date from the dated
-- rows below (assignment.status keeps the status as of the last change, for readers of the file).

-- The task a 举一反三 task was found by analogy to; the day a task was issued when it is not its meeting's day
-- (a task made from an inspection finding).
ALTER TABLE task ADD COLUMN origin_task_id INTEGER REFERENCES task (id) ON DELETE SET NULL;
ALTER TABLE task ADD COLUMN issued_on TEXT
    CHECK (issued_on IS NULL OR issued_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');

CREATE TABLE progress_report (
    id            INTEGER PRIMARY KEY,
    assignment_id INTEGER NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
    reported_on   TEXT    NOT NULL CHECK (reported_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    percent       INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
    text          TEXT    NOT NULL CHECK (length(trim(text)) > 0),
    reporter      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX progress_report_by_assignment ON progress_report (assignment_id, reported_on);

CREATE TABLE milestone (
    id            INTEGER PRIMARY KEY,
    assignment_id INTEGER NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
    name          TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    due_on        TEXT    NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    done_on       TEXT    CHECK (done_on IS NULL OR done_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
CREATE INDEX milestone_by_assignment ON milestone (assignment_id, due_on);

-- One row per application; a rejected or reopened one stays as history and a new application gets a new row.
CREATE TABLE close_out (
    id                  INTEGER PRIMARY KEY,
    assignment_id       INTEGER NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
    applied_on          TEXT    NOT NULL,
    explanation         TEXT    NOT NULL CHECK (length(trim(explanation)) > 0),
    verification_level  TEXT    CHECK (verification_level IN ('COUNTY', 'CITY', 'PROVINCE')),
    verifiers           TEXT,
    verified_on         TEXT,
    verification_passed INTEGER CHECK (verification_passed IN (0, 1)),
    verification_note   TEXT    NOT NULL DEFAULT '',
    notice_from         TEXT,
    notice_to           TEXT,
    closed_on           TEXT,
    reopened_on         TEXT,
    reopen_reason       TEXT    NOT NULL DEFAULT '',
    CHECK ((verified_on IS NULL) = (verification_passed IS NULL)),
    CHECK (notice_to IS NULL OR notice_to >= notice_from),
    CHECK (closed_on IS NULL OR verification_passed = 1),
    CHECK (reopened_on IS NULL OR (closed_on IS NOT NULL AND length(trim(reopen_reason)) > 0))
);
CREATE INDEX close_out_by_assignment ON close_out (assignment_id, applied_on);

-- 佐证材料: the file itself is kept here (BLOB), so that one backup of the database holds everything.
CREATE TABLE evidence (
    id            INTEGER PRIMARY KEY,
    assignment_id INTEGER NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
    report_id     INTEGER REFERENCES progress_report (id) ON DELETE CASCADE,
    close_out_id  INTEGER REFERENCES close_out (id) ON DELETE CASCADE,
    file_name     TEXT    NOT NULL,
    media_type    TEXT    NOT NULL,
    size_bytes    INTEGER NOT NULL CHECK (size_bytes >= 0),
    sha256        TEXT    NOT NULL,
    content       BLOB    NOT NULL,
    added_at      TEXT    NOT NULL
);
CREATE INDEX evidence_by_assignment ON evidence (assignment_id);

-- 挂牌督办
CREATE TABLE supervision (
    task_id INTEGER PRIMARY KEY REFERENCES task (id) ON DELETE CASCADE,
    leader  TEXT NOT NULL CHECK (length(trim(leader)) > 0),
    since   TEXT NOT NULL CHECK (since GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    cycle   TEXT NOT NULL CHECK (cycle IN ('WEEKLY', 'HALF_MONTHLY', 'MONTHLY')),
    note    TEXT NOT NULL DEFAULT ''
);

-- 下沉督察
CREATE TABLE inspection (
    id         INTEGER PRIMARY KEY,
    held_on    TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    inspectors TEXT NOT NULL CHECK (length(trim(inspectors)) > 0),
    notes      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE inspection_unit (
    inspection_id INTEGER NOT NULL REFERENCES inspection (id) ON DELETE CASCADE,
    unit_id       INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
    PRIMARY KEY (inspection_id, unit_id)
);

CREATE TABLE inspection_finding (
    id            INTEGER PRIMARY KEY,
    inspection_id INTEGER NOT NULL REFERENCES inspection (id) ON DELETE CASCADE,
    unit_id       INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
    text          TEXT    NOT NULL CHECK (length(trim(text)) > 0),
    task_id       INTEGER REFERENCES task (id) ON DELETE SET NULL
);

-- 留痕: append-only. No foreign keys, so that deleting a task (which cascades to its assignments, reports ...)
-- never takes its history with it; the triggers refuse any UPDATE or DELETE, whoever sends it.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT    NOT NULL,
    operator  TEXT    NOT NULL,
    entity    TEXT    NOT NULL,
    entity_id INTEGER NOT NULL,
    task_id   INTEGER,
    unit_id   INTEGER,
    action    TEXT    NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'DELETE')),
    field     TEXT    NOT NULL DEFAULT '',
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX audit_log_by_task ON audit_log (task_id, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: its rows cannot be changed');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: its rows cannot be deleted');
END;
