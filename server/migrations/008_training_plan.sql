-- The yearly training plan of an employer: one per year, kept as the core's JSON (lines per target
-- group, evaluation, advice and filing dates); `version` guards against two HR people editing at once.
CREATE TABLE training_plans (
  employer_id  TEXT NOT NULL REFERENCES employers(id),
  year         INTEGER NOT NULL,
  plan_json    TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  updated_by   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (employer_id, year)
);
