-- Accord workspace schema, version 7: account overlap. What is kept of
-- comparing our customer list with a partner's, and nothing more: the
-- counts and the names that matched. The lists themselves are never
-- stored. One row per partner: the latest comparison replaces the one
-- before. Names are separated by newlines (a name never holds one).

CREATE TABLE overlap (
  partner_id           INTEGER PRIMARY KEY REFERENCES partner (id) ON DELETE CASCADE,
  computed_on          TEXT NOT NULL,                 -- YYYY-MM-DD
  n_ours               INTEGER NOT NULL CHECK (n_ours >= 0),
  n_theirs             INTEGER NOT NULL CHECK (n_theirs >= 0),
  n_overlap            INTEGER NOT NULL CHECK (n_overlap >= 0),
  n_our_prospects      INTEGER NOT NULL CHECK (n_our_prospects >= 0),
  n_their_prospects    INTEGER NOT NULL CHECK (n_their_prospects >= 0),
  overlap_names        TEXT NOT NULL DEFAULT '',
  our_prospect_names   TEXT NOT NULL DEFAULT '',
  their_prospect_names TEXT NOT NULL DEFAULT ''
);
