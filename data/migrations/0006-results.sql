-- Accord workspace schema, version 6: results. Referrals, reviews with
-- their ratings and red flags, monthly figures (one row per partner and
-- month) and the two-way commission ledger. Money in minor units, dates
-- as YYYY-MM-DD text, months as YYYY-MM; NULL means "not set".

CREATE TABLE referral (
  id            INTEGER PRIMARY KEY,
  partner_id    INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
  date          TEXT NOT NULL,
  customer      TEXT NOT NULL DEFAULT '',
  status        TEXT NOT NULL DEFAULT 'lead',   -- lead, converted, lost
  revenue_minor INTEGER NOT NULL DEFAULT 0 CHECK (revenue_minor >= 0),
  code          TEXT NOT NULL DEFAULT '',       -- the tracking code or link
  converted_on  TEXT,                           -- converted only
  created_at    TEXT NOT NULL
);

CREATE INDEX referral_partner ON referral (partner_id, date);
CREATE INDEX referral_converted ON referral (partner_id, converted_on) WHERE status = 'converted';

CREATE TABLE review (
  id               INTEGER PRIMARY KEY,
  partner_id       INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
  date             TEXT NOT NULL,
  communication    INTEGER NOT NULL CHECK (communication BETWEEN 1 AND 5),
  alignment        INTEGER NOT NULL CHECK (alignment BETWEEN 1 AND 5),
  trust            INTEGER NOT NULL CHECK (trust BETWEEN 1 AND 5),
  ease             INTEGER NOT NULL CHECK (ease BETWEEN 1 AND 5),
  future_potential INTEGER NOT NULL CHECK (future_potential BETWEEN 1 AND 5),
  red_flags        TEXT NOT NULL DEFAULT '',    -- codes separated by ';'
  notes            TEXT NOT NULL DEFAULT '',
  created_at       TEXT NOT NULL
);

CREATE INDEX review_partner ON review (partner_id, date, id);

CREATE TABLE figures (
  id                INTEGER PRIMARY KEY,
  partner_id        INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
  month             TEXT NOT NULL,
  revenue_minor     INTEGER NOT NULL DEFAULT 0 CHECK (revenue_minor >= 0),
  referrals         INTEGER NOT NULL DEFAULT 0 CHECK (referrals >= 0),
  conversions       INTEGER NOT NULL DEFAULT 0 CHECK (conversions >= 0),
  nps               INTEGER CHECK (nps BETWEEN -100 AND 100),
  response_hours    INTEGER CHECK (response_hours >= 0),
  joint_initiatives INTEGER NOT NULL DEFAULT 0 CHECK (joint_initiatives >= 0),
  updated_at        TEXT NOT NULL,
  UNIQUE (partner_id, month)
);

CREATE TABLE ledger_entry (
  id           INTEGER PRIMARY KEY,
  partner_id   INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
  side         TEXT NOT NULL,                   -- owed_to_partner, owed_by_partner
  kind         TEXT NOT NULL,                   -- paid, received
  date         TEXT NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  note         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL
);

CREATE INDEX ledger_entry_partner ON ledger_entry (partner_id, date);
