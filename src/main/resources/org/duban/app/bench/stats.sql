SELECT u.name, count(m.id), coalesce(sum(m.light = 'RED'), 0), coalesce(sum(m.light = 'YELLOW'), 0),
       coalesce(sum(m.light = 'GREEN'), 0), coalesce(sum(m.overdue), 0),
       coalesce(sum(m.status = 'NOT_STARTED'), 0), coalesce(sum(m.status = 'BEHIND_SCHEDULE'), 0),
       coalesce(sum(m.status = 'ON_SCHEDULE'), 0), coalesce(sum(m.status = 'COMPLETED'), 0),
       coalesce(sum(m.status = 'ACCEPTED'), 0), coalesce(sum(m.status = 'CLOSED'), 0)
FROM unit u LEFT JOIN m ON m.unit_id = u.id GROUP BY u.id
UNION ALL
SELECT '*', count(*), coalesce(sum(worst = 2), 0), coalesce(sum(worst = 1), 0), coalesce(sum(worst = 0), 0),
       coalesce(sum(late), 0), 0, 0, 0, 0, 0, 0
FROM (SELECT task_id, max(CASE light WHEN 'RED' THEN 2 WHEN 'YELLOW' THEN 1 ELSE 0 END) AS worst,
             max(overdue) AS late FROM m GROUP BY task_id);
