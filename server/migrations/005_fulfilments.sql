-- The compliance cockpit: obligations recorded as done, one row per occurrence (the obligation,
-- its trigger day) and, for worker duties, per worker; who recorded it and when it was done.
CREATE TABLE obligation_fulfilments (
  employer_id   TEXT NOT NULL REFERENCES employers(id),
  obligation_id TEXT NOT NULL,
  trigger_date  TEXT NOT NULL,
  worker_id     TEXT NOT NULL DEFAULT '',          -- '' for employer duties
  done_on       TEXT NOT NULL,
  recorded_by   TEXT NOT NULL,
  recorded_at   TEXT NOT NULL,
  PRIMARY KEY (employer_id, obligation_id, trigger_date, worker_id)
);
