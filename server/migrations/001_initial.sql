-- learnledger schema, version 1: employers as tenants, workers, employment periods, company sizes.
-- Every row carries its employer id; exact fractions are stored as text ("4/5"), never as REAL.
CREATE TABLE employers (
  id                TEXT PRIMARY KEY,
  name              TEXT NOT NULL,
  enterprise_number TEXT NOT NULL,
  rule_set          TEXT NOT NULL
);

CREATE TABLE company_sizes (
  employer_id TEXT NOT NULL REFERENCES employers(id),
  year        INTEGER NOT NULL,
  fte         TEXT NOT NULL,
  PRIMARY KEY (employer_id, year)
);

CREATE TABLE workers (
  id           TEXT PRIMARY KEY,
  employer_id  TEXT NOT NULL REFERENCES employers(id),
  display_name TEXT NOT NULL,
  department   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX workers_by_employer ON workers(employer_id);

CREATE TABLE employment_periods (
  id          INTEGER PRIMARY KEY,
  employer_id TEXT NOT NULL REFERENCES employers(id),
  worker_id   TEXT NOT NULL REFERENCES workers(id),
  start_date  TEXT NOT NULL,
  end_date    TEXT,
  fraction    TEXT NOT NULL
);
CREATE INDEX periods_by_worker ON employment_periods(employer_id, worker_id);
