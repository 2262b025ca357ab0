-- learnledger schema, version 2: people and their accounts, departments and managers, the ledger
-- entries with certificates and comments, delegations, idempotency, the hash-chained audit log,
-- the change feed for sync, kiosk devices and provider keys. Every row carries its employer id.

CREATE TABLE departments (
  id          TEXT PRIMARY KEY,
  employer_id TEXT NOT NULL REFERENCES employers(id),
  name        TEXT NOT NULL,
  manager_id  TEXT REFERENCES workers(id),
  UNIQUE (employer_id, name)
);

ALTER TABLE workers ADD COLUMN department_id TEXT REFERENCES departments(id);
ALTER TABLE workers ADD COLUMN national_number TEXT;
ALTER TABLE workers ADD COLUMN joint_committee TEXT NOT NULL DEFAULT '';
ALTER TABLE workers ADD COLUMN language TEXT NOT NULL DEFAULT 'nl';
ALTER TABLE workers ADD COLUMN termination_date TEXT;
ALTER TABLE workers ADD COLUMN termination_reason TEXT;
ALTER TABLE workers ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE UNIQUE INDEX workers_national_number ON workers(employer_id, national_number) WHERE national_number IS NOT NULL;

INSERT INTO departments (id, employer_id, name)
  SELECT DISTINCT employer_id || ':' || department, employer_id, department FROM workers WHERE department <> '';
UPDATE workers SET department_id = employer_id || ':' || department WHERE department <> '';

CREATE TABLE accounts (
  id            TEXT PRIMARY KEY,
  employer_id   TEXT REFERENCES employers(id),      -- NULL for operators (mandates below)
  worker_id     TEXT REFERENCES workers(id),        -- the person's own worker record, if any
  email         TEXT NOT NULL UNIQUE,               -- lower case
  password_hash TEXT NOT NULL,                      -- argon2id (libsodium crypto_pwhash_str)
  role          TEXT NOT NULL CHECK (role IN ('worker', 'manager', 'hr', 'operator')),
  language      TEXT NOT NULL DEFAULT 'nl',
  created_at    TEXT NOT NULL
);

CREATE TABLE operator_mandates (
  account_id  TEXT NOT NULL REFERENCES accounts(id),
  employer_id TEXT NOT NULL REFERENCES employers(id),
  PRIMARY KEY (account_id, employer_id)
);

CREATE TABLE sessions (
  token_hash   TEXT PRIMARY KEY,                    -- SHA-256 of the 256-bit token; the token itself is never stored
  account_id   TEXT NOT NULL REFERENCES accounts(id),
  csrf_token   TEXT NOT NULL,
  created_at   INTEGER NOT NULL,                    -- unix seconds
  last_seen_at INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL
);
CREATE INDEX sessions_by_account ON sessions(account_id);

CREATE TABLE certificates (
  id           TEXT PRIMARY KEY,
  employer_id  TEXT NOT NULL REFERENCES employers(id),
  worker_id    TEXT NOT NULL REFERENCES workers(id),
  content_type TEXT NOT NULL,
  sha256       TEXT NOT NULL,
  size         INTEGER NOT NULL,
  data         BLOB NOT NULL,
  uploaded_by  TEXT NOT NULL,
  created_at   TEXT NOT NULL
);

CREATE TABLE entries (
  id               TEXT PRIMARY KEY,
  employer_id      TEXT NOT NULL REFERENCES employers(id),
  worker_id        TEXT NOT NULL REFERENCES workers(id),
  kind             TEXT NOT NULL,
  status           TEXT NOT NULL,
  date             TEXT NOT NULL,
  end_date         TEXT,
  minutes          INTEGER NOT NULL,
  title            TEXT NOT NULL DEFAULT '',
  provider         TEXT NOT NULL DEFAULT '',
  training_type    TEXT NOT NULL DEFAULT 'formal',
  counts_for_right INTEGER NOT NULL DEFAULT 1,
  cost_cents       INTEGER NOT NULL DEFAULT 0,
  origin_year      INTEGER,
  certificate_id   TEXT REFERENCES certificates(id),
  created_by       TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  decided_by       TEXT,
  decided_at       TEXT,
  decision_reason  TEXT,
  version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX entries_by_worker ON entries(employer_id, worker_id, date);
CREATE INDEX entries_by_status ON entries(employer_id, status);

CREATE TABLE comments (
  id          INTEGER PRIMARY KEY,
  employer_id TEXT NOT NULL REFERENCES employers(id),
  entry_id    TEXT NOT NULL REFERENCES entries(id),
  author_id   TEXT NOT NULL,                        -- the person (worker id, or account id for HR-only accounts)
  text        TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX comments_by_entry ON comments(employer_id, entry_id);

CREATE TABLE delegations (
  id          TEXT PRIMARY KEY,
  employer_id TEXT NOT NULL REFERENCES employers(id),
  approver_id TEXT NOT NULL REFERENCES workers(id),
  delegate_id TEXT NOT NULL REFERENCES workers(id),
  from_date   TEXT NOT NULL,
  to_date     TEXT NOT NULL
);

CREATE TABLE idempotency (
  account_id    TEXT NOT NULL,
  key           TEXT NOT NULL,
  employer_id   TEXT NOT NULL,
  request_hash  TEXT NOT NULL,
  status        INTEGER NOT NULL,
  response_body TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  PRIMARY KEY (account_id, key)
);

CREATE TABLE audit_log (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  employer_id TEXT NOT NULL,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  target      TEXT NOT NULL,
  before_json TEXT NOT NULL,
  after_json  TEXT NOT NULL,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
);
CREATE INDEX audit_by_employer ON audit_log(employer_id, seq);

CREATE TABLE changes (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  employer_id TEXT NOT NULL,
  kind        TEXT NOT NULL,      -- 'entry' or 'worker'
  object_id   TEXT NOT NULL,
  worker_id   TEXT NOT NULL       -- whose data changed, for scoping the feed
);
CREATE INDEX changes_by_employer ON changes(employer_id, seq);

CREATE TABLE kiosk_devices (
  id          TEXT PRIMARY KEY,
  employer_id TEXT NOT NULL REFERENCES employers(id),
  site        TEXT NOT NULL,
  token_hash  TEXT NOT NULL UNIQUE,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  revoked_at  TEXT
);

CREATE TABLE provider_keys (
  id          TEXT PRIMARY KEY,
  employer_id TEXT NOT NULL REFERENCES employers(id),
  name        TEXT NOT NULL,
  key_hash    TEXT NOT NULL UNIQUE,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  revoked_at  TEXT
);
