-- 督办台 schema, version 8: the default roster names five more city departments that ecological task lists
-- often name (issue 14): 市交通运输局, 市林业局, 市公安局, 市财政局, 市发展和改革委员会. A new ledger gets them from
-- assets/roster; a ledger that started with the default (Ningde) roster gets them here, at the end of its roster.
-- The roster is the office's own: nothing is added to a ledger without 市生态环境局 (not the default roster, or
-- renamed), and a department is left out when any of its names (name, short name, alias) is already a name of
-- some unit (the office added it itself, perhaps through an import's unknown-units step, or uses the name).
-- No task or share changes.

CREATE TABLE roster_v8_unit (
    n          INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    short_name TEXT NOT NULL
);
CREATE TABLE roster_v8_alias (
    n     INTEGER NOT NULL,
    alias TEXT    NOT NULL
);
INSERT INTO roster_v8_unit (n, name, short_name) VALUES
    (1, '市交通运输局', '交通运输局'),
    (2, '市林业局', '林业局'),
    (3, '市公安局', '公安局'),
    (4, '市财政局', '财政局'),
    (5, '市发展和改革委员会', '发改委');
INSERT INTO roster_v8_alias (n, alias) VALUES
    (1, '市交通局'), (1, '宁德市交通运输局'),
    (2, '宁德市林业局'),
    (3, '宁德市公安局'),
    (4, '宁德市财政局'),
    (5, '市发改委'), (5, '市发展改革委'), (5, '宁德市发展和改革委员会');

-- Every name the ledger's roster already answers to.
CREATE TABLE roster_v8_taken AS
    SELECT name AS spelling FROM unit
    UNION SELECT short_name FROM unit
    UNION SELECT alias FROM unit_alias;

DELETE FROM roster_v8_unit
WHERE NOT EXISTS (SELECT 1 FROM unit WHERE name = '市生态环境局')
   OR name IN (SELECT spelling FROM roster_v8_taken)
   OR short_name IN (SELECT spelling FROM roster_v8_taken)
   OR n IN (SELECT a.n FROM roster_v8_alias a WHERE a.alias IN (SELECT spelling FROM roster_v8_taken));

INSERT INTO unit (name, short_name, kind, sort_order)
    SELECT name, short_name, 'CITY_DEPARTMENT',
           (SELECT coalesce(max(sort_order), 0) FROM unit) + row_number() OVER (ORDER BY n)
    FROM roster_v8_unit ORDER BY n;
INSERT INTO unit_alias (unit_id, alias)
    SELECT u.id, a.alias FROM roster_v8_alias a
    JOIN roster_v8_unit r ON r.n = a.n
    JOIN unit u ON u.name = r.name
    ORDER BY a.rowid;

DROP TABLE roster_v8_taken;
DROP TABLE roster_v8_alias;
DROP TABLE roster_v8_unit;
