-- 督办台 schema, version 5: the audit trail proves itself (留痕校验).
-- Each audit row gets the SHA-256 that chains it to the row before (hash), and, for a row about a tracked record
-- (task, share, report, milestone, close-out, evidence, supervision, inspection, finding), the digest of that
-- record's values after the change (state). The program's Java step of this migration (AuditChain.sealExisting)
-- chains the existing rows and puts the triggers back: the two that refuse UPDATE and DELETE, and one that refuses
-- a row without its hash. They are dropped here so that the existing rows can be given their hash once.
ALTER TABLE audit_log ADD COLUMN state TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
-- The head of the trail when a bulletin was issued (printed on it): check finds a trail rewritten since.
ALTER TABLE bulletin ADD COLUMN audit_row INTEGER;
ALTER TABLE bulletin ADD COLUMN audit_hash TEXT;
DROP TRIGGER IF EXISTS audit_log_no_update;
DROP TRIGGER IF EXISTS audit_log_no_delete;
