-- Accord workspace schema, version 5: guided work. The activity log, the
-- playbooks started on a partner (runs, with their anchor date) and the
-- dated tasks they made. A task keeps its own title and offset, so editing
-- a playbook later never changes history. Dates are YYYY-MM-DD text.

CREATE TABLE activity (
  id         INTEGER PRIMARY KEY,
  partner_id INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
  date       TEXT NOT NULL,
  kind       TEXT NOT NULL,            -- email, call, meeting, event, intro, note
  contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
  summary    TEXT NOT NULL DEFAULT '',
  outcome    TEXT NOT NULL DEFAULT '',
  is_reply   INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

CREATE INDEX activity_partner ON activity (partner_id, date);

CREATE TABLE playbook_run (
  id          INTEGER PRIMARY KEY,
  partner_id  INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
  playbook    TEXT NOT NULL,            -- outreach, launch, reviews, exit
  anchor_date TEXT NOT NULL,            -- first email, L, agreement start...
  name        TEXT NOT NULL DEFAULT '', -- the launch's name (UTM campaign)
  stopped_on  TEXT,                     -- a reply stopped the sequence
  created_at  TEXT NOT NULL
);

CREATE INDEX playbook_run_partner ON playbook_run (partner_id);

CREATE TABLE task (
  id            INTEGER PRIMARY KEY,
  partner_id    INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
  run_id        INTEGER REFERENCES playbook_run (id) ON DELETE SET NULL,
  playbook      TEXT NOT NULL DEFAULT '', -- '' for a task the user added
  step          TEXT NOT NULL DEFAULT '', -- the playbook item's key
  phase         TEXT NOT NULL DEFAULT '',
  title         TEXT NOT NULL,
  anchor        TEXT NOT NULL DEFAULT '', -- what it was dated from, in words
  offset_days   INTEGER NOT NULL DEFAULT 0,
  due           TEXT NOT NULL,
  done_on       TEXT,
  snoozed_until TEXT,
  cancelled_on  TEXT,                     -- stopped by a reply, or replaced
  notes         TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL
);

CREATE INDEX task_partner ON task (partner_id, due);
CREATE INDEX task_open ON task (due) WHERE done_on IS NULL AND cancelled_on IS NULL;

-- Each partner's tracking code (UTM source), unique in the workspace.
ALTER TABLE partner ADD COLUMN tracking_code TEXT;
CREATE UNIQUE INDEX partner_tracking_code ON partner (tracking_code) WHERE tracking_code IS NOT NULL;
