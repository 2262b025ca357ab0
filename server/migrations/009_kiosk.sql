-- learnledger schema, version 9: kiosks. Workers have a site, a kiosk device shows its site in one
-- or more languages, badges with a hashed PIN open a personal lookup, scheduled trainings have places.

ALTER TABLE workers ADD COLUMN site TEXT NOT NULL DEFAULT '';
ALTER TABLE kiosk_devices ADD COLUMN languages TEXT NOT NULL DEFAULT 'nl';  -- "nl,fr": alternated in this order

CREATE TABLE kiosk_badges (
  employer_id  TEXT NOT NULL REFERENCES employers(id),
  badge        TEXT NOT NULL,                      -- as printed on the card
  worker_id    TEXT NOT NULL REFERENCES workers(id),
  pin_hash     TEXT NOT NULL DEFAULT '',           -- argon2id (libsodium crypto_pwhash_str); '' until the worker sets one
  wrong_pins   INTEGER NOT NULL DEFAULT 0,         -- in a row
  locked_until INTEGER NOT NULL DEFAULT 0,         -- unix seconds
  PRIMARY KEY (employer_id, badge),
  UNIQUE (employer_id, worker_id)
);

CREATE TABLE training_sessions (
  id           TEXT PRIMARY KEY,
  employer_id  TEXT NOT NULL REFERENCES employers(id),
  site         TEXT NOT NULL,
  title        TEXT NOT NULL,
  provider     TEXT NOT NULL DEFAULT '',
  date         TEXT NOT NULL,
  start_minute INTEGER NOT NULL,
  minutes      INTEGER NOT NULL,
  places       INTEGER NOT NULL,
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL
);
CREATE INDEX training_sessions_by_site ON training_sessions(employer_id, site, date);

CREATE TABLE session_enrolments (
  session_id  TEXT NOT NULL REFERENCES training_sessions(id),
  employer_id TEXT NOT NULL REFERENCES employers(id),
  worker_id   TEXT NOT NULL REFERENCES workers(id),
  created_at  TEXT NOT NULL,
  PRIMARY KEY (session_id, worker_id)
);
CREATE INDEX session_enrolments_by_worker ON session_enrolments(employer_id, worker_id);
