-- GDPR erasure: audit records name the worker they concern, and the hash chain covers a digest of
-- their before/after content (filled in by the server right after this file), so erasing a departed
-- worker's personal data keeps the chain verifiable. Workers record when they were erased.
ALTER TABLE audit_log ADD COLUMN worker_id TEXT;
ALTER TABLE audit_log ADD COLUMN content_sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN erased INTEGER NOT NULL DEFAULT 0 CHECK (erased IN (0, 1));
UPDATE audit_log SET worker_id = CASE
  WHEN target LIKE 'worker:%' THEN substr(target, 8)
  WHEN target LIKE 'entry:%' THEN (SELECT e.worker_id FROM entries e WHERE e.id = substr(audit_log.target, 7))
  WHEN target LIKE 'certificate:%' THEN (SELECT c.worker_id FROM certificates c WHERE c.id = substr(audit_log.target, 13))
END;
CREATE INDEX audit_by_worker ON audit_log(employer_id, worker_id);
ALTER TABLE workers ADD COLUMN erased_at TEXT;
