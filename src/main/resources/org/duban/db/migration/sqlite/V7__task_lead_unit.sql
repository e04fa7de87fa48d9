-- 督办台 schema: the lead unit (牵头单位) of a task (issue 14). Task lists name a lead unit, usually a city
-- department that leads and coordinates, beside the 责任单位 that carry the work; it gets no share by leading.
-- NULL for none: every task of an older ledger has none until a list naming one is imported again.
ALTER TABLE task ADD COLUMN lead_unit_id INTEGER REFERENCES unit (id);
CREATE INDEX task_lead_unit ON task (lead_unit_id) WHERE lead_unit_id IS NOT NULL;
