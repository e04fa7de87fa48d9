-- 督办台 schema, version 4: no import deletes a tracking record; the roster and the names of sources and
-- categories are the office's own to manage.
-- Runs with foreign keys off (Database.migrate), as SQLite's procedure for rebuilding a table asks; the
-- migration's transaction checks PRAGMA foreign_key_check before it commits.

-- Each import of a task list or of return forms: which file, into which meeting, the backup taken before it,
-- and the audit rows it wrote (first_audit_id .. last_audit_id), so that it can be named and undone.
CREATE TABLE import_run (
    id             INTEGER PRIMARY KEY,
    kind           TEXT    NOT NULL CHECK (kind IN ('TASKS', 'RETURNS')),
    file_name      TEXT    NOT NULL,
    meeting_id     INTEGER REFERENCES meeting (id) ON DELETE SET NULL,
    imported_at    TEXT    NOT NULL,
    operator       TEXT    NOT NULL,
    backup_file    TEXT    NOT NULL DEFAULT '',
    first_audit_id INTEGER,
    last_audit_id  INTEGER
);

-- A unit taken off a task (by a revised list or in the form) keeps its share and every record of it: the share
-- is withdrawn (已撤出) on a day, by an import or by hand (withdrawn_by NULL), and can be restored.
ALTER TABLE assignment ADD COLUMN withdrawn_on TEXT
    CHECK (withdrawn_on IS NULL OR withdrawn_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE assignment ADD COLUMN withdrawn_by INTEGER REFERENCES import_run (id) ON DELETE SET NULL;

-- The roster gains the kind 其他, a retirement day (a retired unit keeps its history and leaves new pick-lists)
-- and the unit another was merged into. SQLite cannot change a CHECK in place: the table is rebuilt.
CREATE TABLE unit_v4 (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    short_name  TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('DISTRICT', 'COUNTY_CITY', 'COUNTY', 'DEVELOPMENT_ZONE',
                                                 'CITY_DEPARTMENT', 'OTHER')),
    sort_order  INTEGER NOT NULL DEFAULT 0,
    retired_on  TEXT    CHECK (retired_on IS NULL OR retired_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    merged_into INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
    CHECK (merged_into IS NULL OR retired_on IS NOT NULL)
);
INSERT INTO unit_v4 (id, name, short_name, kind, sort_order)
    SELECT id, name, short_name, kind, sort_order FROM unit;
DROP TABLE unit;
ALTER TABLE unit_v4 RENAME TO unit;

-- Sources (来源) and categories (问题类别) as one vocabulary each, in the office's order (handouts and charts
-- follow it), with the other spellings met in lists. Tasks keep the name as text; renaming or merging a name
-- re-points its tasks (audited). Seeded from the tasks, in the order the names were first used.
CREATE TABLE vocabulary (
    id         INTEGER PRIMARY KEY,
    kind       TEXT    NOT NULL CHECK (kind IN ('SOURCE', 'CATEGORY')),
    name       TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    sort_order INTEGER NOT NULL,
    UNIQUE (kind, name)
);

CREATE TABLE vocabulary_alias (
    vocabulary_id INTEGER NOT NULL REFERENCES vocabulary (id) ON DELETE CASCADE,
    alias         TEXT    NOT NULL,
    PRIMARY KEY (vocabulary_id, alias)
);

INSERT INTO vocabulary (kind, name, sort_order)
    SELECT 'SOURCE', source, row_number() OVER (ORDER BY min(id))
    FROM task WHERE length(trim(source)) > 0 GROUP BY source;
INSERT INTO vocabulary (kind, name, sort_order)
    SELECT 'CATEGORY', category, row_number() OVER (ORDER BY min(id))
    FROM task WHERE length(trim(category)) > 0 GROUP BY category;
