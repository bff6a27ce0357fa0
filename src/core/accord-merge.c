/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-merge.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "accord-store-private.h"
#include "accord-validate.h"

/* Merging is one transaction, and so is undoing it: the undo record keeps
 * exactly what the merge changed (the rows it moved, the figures it
 * dropped, the agreement it ended, the primary flag it cleared, the kept
 * partner's fields before) and puts each back. The merged-away partner
 * is only trashed, so it still exists to move the rows back to. */

/* The tables whose rows belong to a partner and move with a merge. */
static const struct
{
  const char *select_sql;
  const char *move_sql;
  const char *back_sql;
} tables[] = {
#define TABLE(t) \
  { "SELECT id FROM " t " WHERE partner_id = ?1", \
    "UPDATE " t " SET partner_id = ?2 WHERE partner_id = ?1", \
    "UPDATE " t " SET partner_id = ?2 WHERE id = ?1" }
  TABLE ("contact"),
  TABLE ("activity"),
  TABLE ("agreement"),
  TABLE ("playbook_run"),
  TABLE ("task"),
  TABLE ("stage_change"),
  TABLE ("referral"),
  TABLE ("review"),
  TABLE ("figures"),
  TABLE ("ledger_entry"),
#undef TABLE
};

#define N_FIGURES_COLUMNS 10

struct _AccordMergeUndo
{
  gint64         keep_id;
  gint64         other_id;
  AccordPartner *keep_before;        /* the kept partner's fields before */
  char          *keep_updated_at;
  GArray        *moved[G_N_ELEMENTS (tables)];  /* gint64 ids */
  GPtrArray     *dropped_figures;    /* sqlite3_value *[N_FIGURES_COLUMNS] */
  gint64         cleared_primary;    /* contact id, or 0 */
  gint64         demoted_agreement;  /* agreement id, or 0 */
  char          *demoted_status_since;
  char          *demoted_ended_on;
};

static void
figures_row_free (gpointer data)
{
  sqlite3_value **values = data;

  for (guint i = 0; i < N_FIGURES_COLUMNS; i++)
    sqlite3_value_free (values[i]);
  g_free (values);
}

/**
 * accord_merge_undo_free:
 * @undo: (nullable): an undo record
 */
void
accord_merge_undo_free (AccordMergeUndo *undo)
{
  if (undo == NULL)
    return;
  g_clear_object (&undo->keep_before);
  g_free (undo->keep_updated_at);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_clear_pointer (&undo->moved[i], g_array_unref);
  g_clear_pointer (&undo->dropped_figures, g_ptr_array_unref);
  g_free (undo->demoted_status_since);
  g_free (undo->demoted_ended_on);
  g_free (undo);
}

static AccordPartner *
copy_partner (AccordPartner *partner)
{
  AccordPartner *copy = accord_partner_new ("");

  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    {
      g_autofree char *text = accord_partner_dup_field_text (partner, f);

      accord_partner_set_field_text (copy, f, text);
    }
  return copy;
}

static gboolean
is_rating_field (AccordPartnerField field)
{
  return field >= ACCORD_PARTNER_FIELD_STRATEGIC_ALIGNMENT &&
         field <= ACCORD_PARTNER_FIELD_READINESS;
}

/* Writes every stored field of @fields (and its tags) to partner @id. */
static gboolean
write_fields (AccordStore    *store,
              gint64          id,
              AccordPartner  *fields,
              const char     *updated_at,
              GError        **error)
{
  const char * const *tags = accord_partner_get_tags (fields);
  sqlite3_stmt *stmt =
    _accord_store_get_stmt (store,
                            "UPDATE partner SET name = ?1, website = ?2, description = ?3, "
                            "notes = ?4, owner = ?5, source = ?6, position = ?7, "
                            "partnership_type = ?8, why_fit = ?9, tier = ?10, "
                            "strategic_alignment = ?11, value_exchange = ?12, reach = ?13, "
                            "operational_fit = ?14, readiness = ?15, priority_override = ?16, "
                            "their_gains = ?17, our_offerings = ?18, their_pains = ?19, "
                            "our_pain_relievers = ?20, value_proposition = ?21, "
                            "updated_at = ?22 WHERE id = ?23", error);
  int col = 1;

  if (stmt == NULL)
    return FALSE;
  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    {
      char *text;

      if (f == ACCORD_PARTNER_FIELD_TAGS)
        continue;
      text = accord_partner_dup_field_text (fields, f);
      if (is_rating_field (f))
        {
          if (*text == '\0')
            sqlite3_bind_null (stmt, col);
          else
            sqlite3_bind_int (stmt, col, atoi (text));
          g_free (text);
        }
      else
        sqlite3_bind_text (stmt, col, text, -1, g_free);
      col++;
    }
  sqlite3_bind_text (stmt, 22, updated_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 23, id);
  if (!_accord_store_step_done (store, stmt, _("Could not save the partner"), error))
    return FALSE;

  stmt = _accord_store_get_stmt (store, "DELETE FROM partner_tag WHERE partner_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_accord_store_step_done (store, stmt, _("Could not save"), error))
    return FALSE;
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      stmt = _accord_store_get_stmt (store,
                                     "INSERT INTO partner_tag (partner_id, position, tag) "
                                     "VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, tags[i], -1, SQLITE_TRANSIENT);
      if (!_accord_store_step_done (store, stmt, _("Could not save"), error))
        return FALSE;
    }
  return TRUE;
}

/* Runs a prepared query and returns the first column of the first row as
 * an id (0 when none). */
static gboolean
query_id (AccordStore   *store,
          sqlite3_stmt  *stmt,
          gint64        *id_out,
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  *id_out = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _accord_store_set_error (store, rc, _("Could not read the workspace"), error);
  return TRUE;
}

static gboolean
get_active_agreement (AccordStore  *store,
                      gint64        partner_id,
                      gint64       *id_out,
                      GError      **error)
{
  sqlite3_stmt *stmt =
    _accord_store_get_stmt (store,
                            "SELECT id FROM agreement WHERE partner_id = ?1 AND status = 'active'",
                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  return query_id (store, stmt, id_out, error);
}

/* Ends @other's active agreement when @keep has one too, or refuses. */
static gboolean
settle_agreements (AccordStore      *store,
                   AccordMergeUndo  *undo,
                   AccordMergeFlags  flags,
                   const char       *other_name,
                   GError          **error)
{
  gint64 keep_active, other_active;
  sqlite3_stmt *stmt;
  int rc;

  if (!get_active_agreement (store, undo->keep_id, &keep_active, error) ||
      !get_active_agreement (store, undo->other_id, &other_active, error))
    return FALSE;
  if (keep_active == 0 || other_active == 0)
    return TRUE;

  if (!(flags & ACCORD_MERGE_DEMOTE_AGREEMENT))
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                   _("Both partners have an active agreement, and a partner can have only "
                     "one; end the agreement with “%s” first, or let the merge end it"),
                   other_name);
      return FALSE;
    }

  stmt = _accord_store_get_stmt (store,
                                 "SELECT status_since, ended_on FROM agreement WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, other_active);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      undo->demoted_status_since = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      undo->demoted_ended_on = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _accord_store_set_error (store, rc, _("Could not read the agreement"), error);

  stmt = _accord_store_get_stmt (store,
                                 "UPDATE agreement SET status = 'terminated', status_since = ?2, "
                                 "ended_on = COALESCE (ended_on, ?2), updated_at = ?3 "
                                 "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  {
    g_autofree char *now = _accord_store_now_utc ();

    sqlite3_bind_int64 (stmt, 1, other_active);
    sqlite3_bind_text (stmt, 2, accord_store_get_today (store), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
    if (!_accord_store_step_done (store, stmt, _("Could not end the agreement"), error))
      return FALSE;
  }
  undo->demoted_agreement = other_active;
  return TRUE;
}

/* Drops the losing side's figures for months both partners have. */
static gboolean
settle_figures (AccordStore      *store,
                AccordMergeUndo  *undo,
                AccordMergeFlags  flags,
                GError          **error)
{
  gint64 loser = flags & ACCORD_MERGE_FIGURES_OTHER ? undo->keep_id : undo->other_id;
  gint64 winner = loser == undo->keep_id ? undo->other_id : undo->keep_id;
  sqlite3_stmt *stmt =
    _accord_store_get_stmt (store,
                            "SELECT id, partner_id, month, revenue_minor, referrals, conversions, "
                            "nps, response_hours, joint_initiatives, updated_at FROM figures "
                            "WHERE partner_id = ?1 AND month IN (SELECT month FROM figures "
                            "WHERE partner_id = ?2)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, loser);
  sqlite3_bind_int64 (stmt, 2, winner);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sqlite3_value **values = g_new0 (sqlite3_value *, N_FIGURES_COLUMNS);

      for (guint i = 0; i < N_FIGURES_COLUMNS; i++)
        values[i] = sqlite3_value_dup (sqlite3_column_value (stmt, i));
      g_ptr_array_add (undo->dropped_figures, values);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _accord_store_set_error (store, rc, _("Could not read the figures"), error);

  for (guint i = 0; i < undo->dropped_figures->len; i++)
    {
      sqlite3_value **values = undo->dropped_figures->pdata[i];

      stmt = _accord_store_get_stmt (store, "DELETE FROM figures WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_value (stmt, 1, values[0]);
      if (!_accord_store_step_done (store, stmt, _("Could not save the figures"), error))
        return FALSE;
    }
  return TRUE;
}

/* The kept partner's primary contact stays the only primary one. */
static gboolean
settle_primary (AccordStore      *store,
                AccordMergeUndo  *undo,
                GError          **error)
{
  gint64 keep_primary, other_primary;
  sqlite3_stmt *stmt;

  stmt = _accord_store_get_stmt (store,
                                 "SELECT id FROM contact WHERE partner_id = ?1 AND is_primary = 1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, undo->keep_id);
  if (!query_id (store, stmt, &keep_primary, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, undo->other_id);
  if (!query_id (store, stmt, &other_primary, error))
    return FALSE;
  if (keep_primary == 0 || other_primary == 0)
    return TRUE;

  stmt = _accord_store_get_stmt (store, "UPDATE contact SET is_primary = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, other_primary);
  sqlite3_bind_int (stmt, 2, 0);
  if (!_accord_store_step_done (store, stmt, _("Could not save the contact"), error))
    return FALSE;
  undo->cleared_primary = other_primary;
  return TRUE;
}

static gboolean
move_rows (AccordStore      *store,
           AccordMergeUndo  *undo,
           GError          **error)
{
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      sqlite3_stmt *stmt = _accord_store_get_stmt (store, tables[t].select_sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      undo->moved[t] = g_array_new (FALSE, FALSE, sizeof (gint64));
      sqlite3_bind_int64 (stmt, 1, undo->other_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (undo->moved[t], id);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return _accord_store_set_error (store, rc, _("Could not read the workspace"), error);

      stmt = _accord_store_get_stmt (store, tables[t].move_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, undo->other_id);
      sqlite3_bind_int64 (stmt, 2, undo->keep_id);
      if (!_accord_store_step_done (store, stmt, _("Could not merge the partners"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
set_trashed (AccordStore  *store,
             gint64        id,
             const char   *trashed_at,
             GError      **error)
{
  sqlite3_stmt *stmt = _accord_store_get_stmt (store,
                                               "UPDATE partner SET trashed_at = ?1 WHERE id = ?2",
                                               error);

  if (stmt == NULL)
    return FALSE;
  if (trashed_at != NULL)
    sqlite3_bind_text (stmt, 1, trashed_at, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, id);
  return _accord_store_step_done (store, stmt, _("Could not move the partner"), error);
}

/* After a commit: the objects catch up and every view of the two
 * partners hears of it. */
static gboolean
announce (AccordStore  *store,
          gint64        keep_id,
          gint64        other_id,
          GError      **error)
{
  if (!accord_store_reload_partners (store, error))
    return FALSE;

  for (guint i = 0; i < 2; i++)
    {
      AccordPartner *partner = accord_store_lookup_partner (store, i == 0 ? keep_id : other_id);

      if (partner == NULL)
        continue;
      _accord_store_emit_agreements_changed (store, partner);
      _accord_store_emit_work_changed (store, partner);
      _accord_store_emit_results_changed (store, partner);
    }
  return TRUE;
}

/**
 * accord_merge_partners:
 * @store: the workspace
 * @keep: the partner that stays
 * @other: its duplicate, trashed by the merge
 * @take_other: (array fixed-size=ACCORD_N_PARTNER_FIELDS) (nullable): per
 *   #AccordPartnerField, %TRUE to take @other's value; NULL keeps all of
 *   @keep's
 * @flags: how to settle two active agreements and figures for one month
 * @undo_out: (out) (optional) (transfer full): what accord_merge_undo()
 *   needs to reverse the merge
 * @error: return location for a #GError
 *
 * Merges @other into @keep in one transaction: @keep takes the chosen
 * fields; @other's contacts (@keep's primary contact stays primary),
 * activities, agreements, tasks, playbook runs, stage history, referrals,
 * reviews, figures and ledger entries move to @keep; for months both
 * have figures for, one side's are kept (%ACCORD_MERGE_FIGURES_OTHER). A
 * partner has at most one active agreement: when both have one, the merge
 * is refused, or with %ACCORD_MERGE_DEMOTE_AGREEMENT @other's is ended
 * (terminated today). @keep's stage stays. Then @other goes to the trash.
 *
 * Returns: %TRUE when merged; on failure nothing changed
 */
gboolean
accord_merge_partners (AccordStore       *store,
                       AccordPartner     *keep,
                       AccordPartner     *other,
                       const gboolean    *take_other,
                       AccordMergeFlags   flags,
                       AccordMergeUndo  **undo_out,
                       GError           **error)
{
  g_autoptr(AccordMergeUndo) undo = NULL;
  g_autoptr(AccordPartner) merged = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (ACCORD_IS_PARTNER (keep), FALSE);
  g_return_val_if_fail (ACCORD_IS_PARTNER (other), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (keep == other || accord_partner_get_id (keep) == accord_partner_get_id (other))
    {
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                           _("A partner cannot be merged with itself"));
      return FALSE;
    }
  if (accord_partner_get_id (keep) == 0 || accord_partner_get_id (other) == 0 ||
      accord_partner_get_trashed_at (keep) != NULL ||
      accord_partner_get_trashed_at (other) != NULL)
    {
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                           _("Only partners that are not in the trash can be merged"));
      return FALSE;
    }

  merged = copy_partner (keep);
  for (guint f = 0; take_other != NULL && f < ACCORD_N_PARTNER_FIELDS; f++)
    if (take_other[f])
      {
        g_autofree char *text = accord_partner_dup_field_text (other, f);

        accord_partner_set_field_text (merged, f, text);
      }
  if (!accord_validate_partner (merged, error))
    return FALSE;

  undo = g_new0 (AccordMergeUndo, 1);
  undo->keep_id = accord_partner_get_id (keep);
  undo->other_id = accord_partner_get_id (other);
  undo->keep_before = copy_partner (keep);
  undo->keep_updated_at = g_strdup (accord_partner_get_updated_at (keep));
  undo->dropped_figures = g_ptr_array_new_with_free_func (figures_row_free);
  now = _accord_store_now_utc ();

  if (!_accord_store_begin (store, error))
    return FALSE;
  if (!settle_agreements (store, undo, flags, accord_partner_get_name (other), error) ||
      !settle_figures (store, undo, flags, error) ||
      !settle_primary (store, undo, error) ||
      !move_rows (store, undo, error) ||
      !write_fields (store, undo->keep_id, merged, now, error) ||
      !set_trashed (store, undo->other_id, now, error) ||
      !_accord_store_commit (store, error))
    {
      _accord_store_rollback (store);
      return FALSE;
    }

  if (!announce (store, undo->keep_id, undo->other_id, error))
    return FALSE;

  if (undo_out != NULL)
    *undo_out = g_steal_pointer (&undo);
  return TRUE;
}

/**
 * accord_merge_undo:
 * @store: the workspace the merge happened in
 * @undo: what accord_merge_partners() returned
 * @error: return location for a #GError
 *
 * Reverses a merge in one transaction: the merged-away partner leaves the
 * trash and gets back every row that moved, its dropped figures and its
 * agreement's status; the kept partner gets its fields back. Changes made
 * since to the moved rows stay with them.
 *
 * Returns: %TRUE when undone; on failure nothing changed
 */
gboolean
accord_merge_undo (AccordStore      *store,
                   AccordMergeUndo  *undo,
                   GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  if (!_accord_store_begin (store, error))
    return FALSE;

  if (!set_trashed (store, undo->other_id, NULL, error))
    goto fail;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (guint i = 0; undo->moved[t] != NULL && i < undo->moved[t]->len; i++)
      {
        stmt = _accord_store_get_stmt (store, tables[t].back_sql, error);
        if (stmt == NULL)
          goto fail;
        sqlite3_bind_int64 (stmt, 1, g_array_index (undo->moved[t], gint64, i));
        sqlite3_bind_int64 (stmt, 2, undo->other_id);
        if (!_accord_store_step_done (store, stmt, _("Could not undo the merge"), error))
          goto fail;
      }

  if (undo->cleared_primary != 0)
    {
      stmt = _accord_store_get_stmt (store, "UPDATE contact SET is_primary = ?2 WHERE id = ?1",
                                     error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, undo->cleared_primary);
      sqlite3_bind_int (stmt, 2, 1);
      if (!_accord_store_step_done (store, stmt, _("Could not undo the merge"), error))
        goto fail;
    }

  for (guint i = 0; i < undo->dropped_figures->len; i++)
    {
      sqlite3_value **values = undo->dropped_figures->pdata[i];

      stmt = _accord_store_get_stmt (store,
                                     "INSERT INTO figures (id, partner_id, month, revenue_minor, "
                                     "referrals, conversions, nps, response_hours, "
                                     "joint_initiatives, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, "
                                     "?6, ?7, ?8, ?9, ?10)", error);
      if (stmt == NULL)
        goto fail;
      for (guint c = 0; c < N_FIGURES_COLUMNS; c++)
        sqlite3_bind_value (stmt, c + 1, values[c]);
      if (!_accord_store_step_done (store, stmt, _("Could not undo the merge"), error))
        goto fail;
    }

  if (undo->demoted_agreement != 0)
    {
      stmt = _accord_store_get_stmt (store,
                                     "UPDATE agreement SET status = 'active', status_since = ?2, "
                                     "ended_on = ?3 WHERE id = ?1", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, undo->demoted_agreement);
      if (undo->demoted_status_since != NULL)
        sqlite3_bind_text (stmt, 2, undo->demoted_status_since, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 2);
      if (undo->demoted_ended_on != NULL)
        sqlite3_bind_text (stmt, 3, undo->demoted_ended_on, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 3);
      if (!_accord_store_step_done (store, stmt, _("Could not undo the merge"), error))
        goto fail;
    }

  if (!write_fields (store, undo->keep_id, undo->keep_before, undo->keep_updated_at, error) ||
      !_accord_store_commit (store, error))
    goto fail;

  return announce (store, undo->keep_id, undo->other_id, error);

fail:
  _accord_store_rollback (store);
  return FALSE;
}
