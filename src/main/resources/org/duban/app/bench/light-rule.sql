-- The default 红黄绿灯 rule (LightRule.DEFAULT) and the derived status (AssignmentFacts.stageOn) in plain SQL, for
-- the `sqlite3` command-line tool: the floor of the bench's "lights" and "dashboard statistics". The bench puts the
-- day in place of :day and the meeting id in place of :meeting, then appends one final SELECT over `m`.
WITH a AS (
  SELECT a.id, a.unit_id, a.task_id, a.status AS stored,
         coalesce(t.issued_on, mt.held_on) AS issued,
         CASE WHEN t.ongoing = 1 THEN NULL
              WHEN t.due_date IS NOT NULL THEN t.due_date
              WHEN instr(t.deadline, '立行立改') > 0 OR instr(t.deadline, '立即整改') > 0
                   OR instr(t.deadline, '立查立改') > 0 THEN coalesce(t.issued_on, mt.held_on)
         END AS due
  FROM assignment a JOIN task t ON t.id = a.task_id JOIN meeting mt ON mt.id = t.meeting_id
  WHERE t.meeting_id = :meeting AND a.withdrawn_on IS NULL
),
f AS (
  SELECT a.*,
    (SELECT r.id FROM progress_report r WHERE r.assignment_id = a.id AND r.reported_on <= :day
      ORDER BY r.reported_on DESC, r.id DESC LIMIT 1) AS rid,
    (SELECT count(*) FROM milestone ms WHERE ms.assignment_id = a.id AND ms.due_on < :day
      AND (ms.done_on IS NULL OR ms.done_on > :day)) AS late,
    (SELECT co.id FROM close_out co WHERE co.assignment_id = a.id AND co.applied_on <= :day
      ORDER BY co.applied_on DESC, co.id DESC LIMIT 1) AS cid,
    EXISTS (SELECT 1 FROM progress_report r WHERE r.assignment_id = a.id)
      OR EXISTS (SELECT 1 FROM close_out co WHERE co.assignment_id = a.id) AS facts
  FROM a
),
g AS (
  SELECT f.*, r.percent AS pct, r.reported_on AS last_on,
    CASE WHEN f.cid IS NULL THEN NULL
         WHEN co.reopened_on IS NOT NULL AND co.reopened_on <= :day THEN 'REOPENED'
         WHEN co.closed_on IS NOT NULL AND co.closed_on <= :day THEN 'CLOSED'
         WHEN co.verified_on IS NULL OR co.verified_on > :day THEN 'APPLIED'
         WHEN co.verification_passed = 0 THEN 'REJECTED'
         ELSE 'ACCEPTED' END AS co_stage,
    CASE WHEN co.reopened_on IS NOT NULL AND co.reopened_on <= :day THEN co.reopened_on
         WHEN co.closed_on IS NOT NULL AND co.closed_on <= :day THEN NULL
         WHEN co.verified_on IS NOT NULL AND co.verified_on <= :day AND co.verification_passed = 0
              THEN co.verified_on END AS reset
  FROM f LEFT JOIN progress_report r ON r.id = f.rid LEFT JOIN close_out co ON co.id = f.cid
),
s AS (
  SELECT g.*, CASE
     WHEN co_stage = 'CLOSED' THEN 'CLOSED'
     WHEN co_stage = 'ACCEPTED' THEN 'ACCEPTED'
     WHEN co_stage = 'APPLIED' THEN 'COMPLETED'
     WHEN pct IS NOT NULL THEN
       CASE WHEN pct = 100 AND (reset IS NULL OR last_on > reset) THEN 'COMPLETED' ELSE 'ON_SCHEDULE' END
     WHEN reset IS NOT NULL THEN 'ON_SCHEDULE'
     WHEN NOT facts THEN CASE WHEN stored = 'BEHIND_SCHEDULE' THEN 'ON_SCHEDULE' ELSE stored END
     ELSE 'NOT_STARTED' END AS stage
  FROM g
),
k AS (
  SELECT s.*, stage IN ('COMPLETED', 'ACCEPTED', 'CLOSED') AS done,
    CASE WHEN stage IN ('COMPLETED', 'ACCEPTED', 'CLOSED') THEN 100 ELSE min(99, coalesce(pct, 0)) END AS percent,
    julianday(due) - julianday(issued) AS total,
    julianday(due) - julianday(:day) AS days_left
  FROM s
),
l AS (
  SELECT k.*,
    CASE WHEN due IS NULL THEN 0 ELSE
      (CASE WHEN total <= 0 THEN (CASE WHEN :day < issued THEN 0 ELSE 100 END)
            ELSE 100.0 * max(0, min(total, julianday(:day) - julianday(issued))) / total END) - percent
    END AS lag,
    (NOT done AND due IS NOT NULL AND days_left < 0) AS overdue
  FROM k
),
m AS (
  SELECT l.*,
    CASE WHEN done THEN 'GREEN'
         WHEN overdue OR lag > 30 THEN 'RED'
         WHEN (days_left >= 0 AND days_left <= 15) OR lag >= 10 OR late > 0
              OR julianday(:day) - julianday(coalesce(last_on, issued)) >= 30 THEN 'YELLOW'
         ELSE 'GREEN' END AS light,
    CASE WHEN done OR stage = 'NOT_STARTED' THEN stage
         WHEN overdue OR lag >= 10 THEN 'BEHIND_SCHEDULE' ELSE 'ON_SCHEDULE' END AS status
  FROM l
)
