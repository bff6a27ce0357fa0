-- Accord workspace schema, version 4: agreements. A partner has any number
-- of agreements, at most one active (enforced by the store and by the
-- partial unique index below). Money in minor units, rates in basis points,
-- dates as YYYY-MM-DD text; NULL means "not set".

CREATE TABLE agreement (
  id                      INTEGER PRIMARY KEY,
  partner_id              INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
  title                   TEXT NOT NULL DEFAULT '',
  status                  TEXT NOT NULL DEFAULT 'draft',
  status_since            TEXT,
  start                   TEXT,
  term_months             INTEGER CHECK (term_months BETWEEN 1 AND 600),
  renewal                 TEXT NOT NULL DEFAULT 'mutual',
  notice_days             INTEGER CHECK (notice_days BETWEEN 0 AND 3650),
  termination_notice_days INTEGER CHECK (termination_notice_days BETWEEN 0 AND 3650),
  termination_effect      TEXT NOT NULL DEFAULT '',
  ended_on                TEXT,
  revenue_model           TEXT NOT NULL DEFAULT 'none',
  payer                   TEXT NOT NULL DEFAULT 'us',
  currency                TEXT,
  rate_bp                 INTEGER CHECK (rate_bp BETWEEN 0 AND 10000),
  share_months            INTEGER CHECK (share_months BETWEEN 1 AND 600),
  amount_minor            INTEGER CHECK (amount_minor >= 0),
  period                  TEXT NOT NULL DEFAULT 'month',
  tiers                   TEXT NOT NULL DEFAULT '',  -- "threshold:rate_bp;..." rising
  exclusivity             TEXT NOT NULL DEFAULT 'none',
  exclusivity_scope       TEXT NOT NULL DEFAULT '',
  exclusivity_until       TEXT,
  ip_terms                TEXT NOT NULL DEFAULT '',
  brand_usage             TEXT NOT NULL DEFAULT '',
  confidential            INTEGER NOT NULL DEFAULT 0,
  confidentiality_months  INTEGER,
  review_cadence          TEXT NOT NULL DEFAULT 'none',
  legal_review_needed     INTEGER NOT NULL DEFAULT 0,
  legal_requested_on      TEXT,
  legal_done_on           TEXT,
  created_at              TEXT NOT NULL,
  updated_at              TEXT NOT NULL
);

CREATE INDEX agreement_partner ON agreement (partner_id);
CREATE UNIQUE INDEX agreement_one_active ON agreement (partner_id) WHERE status = 'active';

CREATE TABLE agreement_kpi (
  id           INTEGER PRIMARY KEY,
  agreement_id INTEGER NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  metric       TEXT NOT NULL DEFAULT '',
  target       TEXT NOT NULL DEFAULT '',
  date         TEXT
);

CREATE TABLE agreement_deliverable (
  id           INTEGER PRIMARY KEY,
  agreement_id INTEGER NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  side         TEXT NOT NULL DEFAULT 'us',
  title        TEXT NOT NULL DEFAULT '',
  due          TEXT,
  done         INTEGER NOT NULL DEFAULT 0
);

-- Dated changes: status changes and amendments (what changed, in words).
CREATE TABLE agreement_change (
  id           INTEGER PRIMARY KEY,
  agreement_id INTEGER NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
  date         TEXT NOT NULL,
  kind         TEXT NOT NULL,          -- 'created', 'status', 'amendment'
  status       TEXT,                   -- the new status, for 'status'
  summary      TEXT NOT NULL DEFAULT ''
);

CREATE INDEX agreement_kpi_agreement ON agreement_kpi (agreement_id, position);
CREATE INDEX agreement_deliverable_agreement ON agreement_deliverable (agreement_id, position);
CREATE INDEX agreement_change_agreement ON agreement_change (agreement_id, id);
