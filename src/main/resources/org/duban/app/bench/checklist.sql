-- What the checklist shows per task, read by the sqlite3 tool: the task, its units, its latest report.
SELECT t.seq, t.problem, t.target, t.measures, t.deadline, t.source, t.category,
       (SELECT group_concat(u.name, '、') FROM assignment a JOIN unit u ON u.id = a.unit_id
         WHERE a.task_id = t.id AND a.withdrawn_on IS NULL),
       (SELECT r.reported_on || ' ' || r.percent || '%：' || r.text FROM progress_report r
         JOIN assignment a ON a.id = r.assignment_id WHERE a.task_id = t.id AND a.withdrawn_on IS NULL
         AND r.reported_on <= :day
         ORDER BY r.reported_on DESC, r.id DESC LIMIT 1),
       (SELECT s.leader FROM supervision s WHERE s.task_id = t.id)
FROM task t WHERE t.meeting_id = :meeting ORDER BY t.seq;
