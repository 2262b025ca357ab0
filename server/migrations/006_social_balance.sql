-- The social balance sheet's training section: workers' gender (the sheet splits men and women;
-- '' when not recorded) and the cost of each training split as the sheet asks: gross cost (already
-- cost_cents), contributions to collective training funds, and subsidies received.
ALTER TABLE workers ADD COLUMN gender TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', 'female', 'male'));
ALTER TABLE entries ADD COLUMN fund_cents INTEGER NOT NULL DEFAULT 0 CHECK (fund_cents >= 0);
ALTER TABLE entries ADD COLUMN subsidy_cents INTEGER NOT NULL DEFAULT 0 CHECK (subsidy_cents >= 0);
