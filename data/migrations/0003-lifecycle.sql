-- Accord workspace schema, version 3: the fit scorecard, the priority
-- override, the value proposition canvas, and the lifecycle with its
-- history of stage changes. Ratings are 1..5 or NULL (unrated).

ALTER TABLE partner ADD COLUMN strategic_alignment INTEGER CHECK (strategic_alignment BETWEEN 1 AND 5);
ALTER TABLE partner ADD COLUMN value_exchange INTEGER CHECK (value_exchange BETWEEN 1 AND 5);
ALTER TABLE partner ADD COLUMN reach INTEGER CHECK (reach BETWEEN 1 AND 5);
ALTER TABLE partner ADD COLUMN operational_fit INTEGER CHECK (operational_fit BETWEEN 1 AND 5);
ALTER TABLE partner ADD COLUMN readiness INTEGER CHECK (readiness BETWEEN 1 AND 5);
ALTER TABLE partner ADD COLUMN priority_override TEXT NOT NULL DEFAULT '';
ALTER TABLE partner ADD COLUMN their_gains TEXT NOT NULL DEFAULT '';
ALTER TABLE partner ADD COLUMN our_offerings TEXT NOT NULL DEFAULT '';
ALTER TABLE partner ADD COLUMN their_pains TEXT NOT NULL DEFAULT '';
ALTER TABLE partner ADD COLUMN our_pain_relievers TEXT NOT NULL DEFAULT '';
ALTER TABLE partner ADD COLUMN value_proposition TEXT NOT NULL DEFAULT '';

-- The current stage is kept on the partner for fast lists and filters;
-- stage_change is the history it comes from.
ALTER TABLE partner ADD COLUMN stage TEXT NOT NULL DEFAULT 'identified';
ALTER TABLE partner ADD COLUMN stage_since TEXT;
ALTER TABLE partner ADD COLUMN held_from TEXT;
ALTER TABLE partner ADD COLUMN revisit_on TEXT;

UPDATE partner SET stage_since = substr (created_at, 1, 10);

CREATE TABLE stage_change (
  id         INTEGER PRIMARY KEY,
  partner_id INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
  stage      TEXT NOT NULL,
  date       TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  revisit_on TEXT
);

CREATE INDEX stage_change_partner ON stage_change (partner_id, id);
CREATE INDEX partner_stage ON partner (stage);

INSERT INTO stage_change (partner_id, stage, date)
  SELECT id, 'identified', substr (created_at, 1, 10) FROM partner;
