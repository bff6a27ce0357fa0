-- Accord workspace schema, version 1: partners, their tags and contacts.
-- Enums are stored as stable text keys; moments as UTC ISO-8601 text.

CREATE TABLE partner (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL CHECK (length (trim (name)) > 0),
  website          TEXT NOT NULL DEFAULT '',
  description      TEXT NOT NULL DEFAULT '',
  notes            TEXT NOT NULL DEFAULT '',
  owner            TEXT NOT NULL DEFAULT '',
  source           TEXT NOT NULL DEFAULT '',
  position         TEXT NOT NULL DEFAULT '',
  partnership_type TEXT NOT NULL DEFAULT '',
  why_fit          TEXT NOT NULL DEFAULT '',
  tier             TEXT NOT NULL DEFAULT '',
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  trashed_at       TEXT
);

CREATE INDEX partner_trashed_at ON partner (trashed_at);

CREATE TABLE partner_tag (
  partner_id INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  tag        TEXT NOT NULL,
  PRIMARY KEY (partner_id, tag)
);

CREATE INDEX partner_tag_tag ON partner_tag (tag);

CREATE TABLE contact (
  id          INTEGER PRIMARY KEY,
  partner_id  INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),
  role        TEXT NOT NULL DEFAULT '',
  email       TEXT NOT NULL DEFAULT '',
  phone       TEXT NOT NULL DEFAULT '',
  profile_url TEXT NOT NULL DEFAULT '',
  is_primary  INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1))
);

CREATE INDEX contact_partner ON contact (partner_id);
-- At most one primary contact per partner.
CREATE UNIQUE INDEX contact_one_primary ON contact (partner_id) WHERE is_primary = 1;
