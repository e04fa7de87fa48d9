-- 督办台 schema, version 9: several seats on one ledger (issue 16). The rows two seats can change in place carry a
-- version: every in-place UPDATE of such a row names the version its editor read (WHERE ... AND row_version = :seen)
-- and moves it on by one, so that the second of two edits made from the same reading changes nothing and is told
-- who changed the row first (optimistic versioning: no lock is held while a form is open).
--   task        the task form (every field), and what an import changes in a task
--   close_out   the 销号 steps (verification, 公示, closed, reopened) are written into the application's row
--   supervision 挂牌督办 is one row per task, changed in place from the task's detail
-- Not versioned: assignment.status is derived from reports and close-outs and rewritten after each; a share's
-- withdrawal is written with its task's change, which the task's version guards. Existing rows start at 0.
ALTER TABLE task ADD COLUMN row_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE close_out ADD COLUMN row_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE supervision ADD COLUMN row_version INTEGER NOT NULL DEFAULT 0;
