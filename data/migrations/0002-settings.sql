-- Accord workspace schema, version 2: workspace-wide settings (goal
-- statement, default currency, ...) as key -> value, and a faster
-- lookup of partners by name for import matching.

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE INDEX partner_name ON partner (name COLLATE NOCASE);
