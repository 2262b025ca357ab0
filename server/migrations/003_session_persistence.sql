-- Sessions opened without "keep me signed in" live only as long as the browser session (the cookie
-- has no Max-Age) and at most 12 hours; /me reports which kind a session is.
ALTER TABLE sessions ADD COLUMN persistent INTEGER NOT NULL DEFAULT 1 CHECK (persistent IN (0, 1));
