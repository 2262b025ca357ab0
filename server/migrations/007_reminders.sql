-- Reminders: the last day a training's certificate is valid (certificates about to expire), and the
-- notifications sent in the app and by e-mail, each occasion once per account (UNIQUE key).
ALTER TABLE entries ADD COLUMN certificate_valid_until TEXT;

CREATE TABLE notifications (
  id           INTEGER PRIMARY KEY,
  employer_id  TEXT NOT NULL REFERENCES employers(id),
  account_id   TEXT NOT NULL REFERENCES accounts(id),
  key          TEXT NOT NULL,           -- the occasion ("deadline:training_plan@2026-01-01:7")
  kind         TEXT NOT NULL,
  subject      TEXT NOT NULL,
  body         TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  read_at      TEXT,
  emailed_at   TEXT,
  email_error  TEXT,
  UNIQUE (account_id, key)
);
CREATE INDEX notifications_by_account ON notifications(account_id, id);
