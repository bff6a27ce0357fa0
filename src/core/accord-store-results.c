/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accord-lifecycle.h"
#include "accord-results.h"
#include "accord-store-private.h"

/* Results: referrals, reviews, monthly figures and ledger entries, each
 * in a table of its own (data/migrations/0006-results.sql), and what is
 * computed from them against the store's today: health, the suggested
 * tier and the commission balances. The computations are the pure
 * functions of accord-results.c; this file only loads their inputs, for
 * every partner in a fixed number of queries. */

static void
replace_trimmed (char **text)
{
  char *old = *text;

  *text = g_strstrip (g_strdup (old != NULL ? old : ""));
  g_free (old);
}

static gboolean
read_done (AccordStore  *self,
           int           rc,
           GError      **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  return _accord_store_set_error (self, rc, _("Could not read the results"), error);
}

/* Each partner in @partner_ids (gint64, any repeats) hears once. */
static void
emit_changed (AccordStore *self,
              GArray      *partner_ids)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < partner_ids->len; i++)
    {
      gint64 *id = &g_array_index (partner_ids, gint64, i);
      AccordPartner *partner;

      if (!g_hash_table_add (seen, id))
        continue;
      partner = accord_store_lookup_partner (self, *id);
      if (partner != NULL)
        _accord_store_emit_results_changed (self, partner);
    }
}

/* Saving records of any of the kinds below: each kind gives a copy
 * function, a check-and-write function (inside the transaction) and a
 * way to hand the saved copy back to the caller's record. */
typedef struct
{
  gpointer (*copy)       (gconstpointer record);
  void     (*free)       (gpointer record);
  gint64   (*partner_of) (gconstpointer record);
  gboolean (*write)      (AccordStore *self, gpointer record, const char *now, GError **error);
  gsize      size;       /* of the record struct, to swap contents */
} RecordKind;

static gboolean
save_records (AccordStore      *self,
              const RecordKind *kind,
              GPtrArray        *records,
              guint            *failed_index,
              GError          **error)
{
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GArray) partner_ids = NULL;
  g_autofree char *now = NULL;
  g_autofree guint8 *swap = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  saved = g_ptr_array_new_full (records->len, kind->free);
  partner_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), records->len);
  now = _accord_store_now_utc ();
  if (!_accord_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    {
      gpointer copy = kind->copy (records->pdata[i]);
      gint64 partner_id = kind->partner_of (copy);

      g_ptr_array_add (saved, copy);
      if (_accord_store_live_partner (self, partner_id, error) == NULL ||
          !kind->write (self, copy, now, error))
        {
          _accord_store_rollback (self);
          if (failed_index != NULL)
            *failed_index = i;
          return FALSE;
        }
      g_array_append_val (partner_ids, partner_id);
    }

  if (!_accord_store_commit (self, error))
    {
      _accord_store_rollback (self);
      if (failed_index != NULL)
        *failed_index = records->len;
      return FALSE;
    }

  /* Saved: the caller's records take what was written (trimmed, with
   * their ids); their old contents go with the copies. */
  swap = g_malloc (kind->size);
  for (guint i = 0; i < records->len; i++)
    {
      memcpy (swap, records->pdata[i], kind->size);
      memcpy (records->pdata[i], saved->pdata[i], kind->size);
      memcpy (saved->pdata[i], swap, kind->size);
    }

  emit_changed (self, partner_ids);
  return TRUE;
}

static gboolean
save_one_record (AccordStore      *self,
                 const RecordKind *kind,
                 gpointer          record,
                 GError          **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_ptr_array_add (one, record);
  return save_records (self, kind, one, NULL, error);
}

/* Deletes row @id of a table, found with @select_sql (its partner_id) and
 * removed with @delete_sql; @gone says the record no longer exists. */
static gboolean
delete_row (AccordStore  *self,
            const char   *select_sql,
            const char   *delete_sql,
            gint64        id,
            const char   *gone,
            const char   *doing,
            GError      **error)
{
  g_autoptr(GArray) partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gint64 partner_id = 0;
  int rc;

  stmt = _accord_store_get_stmt (self, select_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    partner_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND, gone);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return read_done (self, rc, error);

  if (!_accord_store_begin (self, error))
    return FALSE;
  stmt = _accord_store_get_stmt (self, delete_sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_accord_store_step_done (self, stmt, doing, error) ||
      !_accord_store_commit (self, error))
    goto fail;

  g_array_append_val (partner_ids, partner_id);
  emit_changed (self, partner_ids);
  return TRUE;

fail:
  _accord_store_rollback (self);
  return FALSE;
}

/* An update that changed no row: the record was deleted meanwhile, or
 * belongs to another partner. */
static gboolean
check_updated (AccordStore  *self,
               const char   *gone,
               GError      **error)
{
  if (sqlite3_changes (_accord_store_get_db (self)) > 0)
    return TRUE;
  g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND, gone);
  return FALSE;
}

/* Referrals */

#define REFERRAL_COLUMNS \
  "id, partner_id, date, customer, status, revenue_minor, code, converted_on"

static AccordReferral *
referral_from_row (sqlite3_stmt *stmt)
{
  AccordReferral *r = accord_referral_new (sqlite3_column_int64 (stmt, 1), NULL);
  const char *status = (const char *) sqlite3_column_text (stmt, 4);

  r->id = sqlite3_column_int64 (stmt, 0);
  r->date = _accord_store_column_text (stmt, 2);
  g_free (r->customer);
  r->customer = _accord_store_column_text (stmt, 3);
  if (status != NULL)
    accord_referral_status_from_key (status, &r->status);
  r->revenue_minor = sqlite3_column_int64 (stmt, 5);
  g_free (r->code);
  r->code = _accord_store_column_text (stmt, 6);
  r->converted_on = _accord_store_column_dup (stmt, 7);
  return r;
}

static gpointer
referral_copy (gconstpointer record)
{
  return accord_referral_copy (record);
}

static gint64
referral_partner (gconstpointer record)
{
  return ((const AccordReferral *) record)->partner_id;
}

static gboolean
referral_write (AccordStore  *self,
                gpointer      record,
                const char   *now,
                GError      **error)
{
  AccordReferral *r = record;
  sqlite3_stmt *stmt;

  accord_referral_normalize (r);
  if (!accord_referral_validate (r, error))
    return FALSE;

  if (r->id == 0)
    stmt = _accord_store_get_stmt (self,
                                   "INSERT INTO referral (partner_id, date, customer, status, "
                                   "revenue_minor, code, converted_on, created_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                   error);
  else
    stmt = _accord_store_get_stmt (self,
                                   "UPDATE referral SET date = ?2, customer = ?3, status = ?4, "
                                   "revenue_minor = ?5, code = ?6, converted_on = ?7 "
                                   "WHERE id = ?9 AND partner_id = ?1",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->partner_id);
  sqlite3_bind_text (stmt, 2, r->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, r->customer, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, accord_referral_status_to_key (r->status), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, r->revenue_minor);
  sqlite3_bind_text (stmt, 6, r->code, -1, SQLITE_TRANSIENT);
  if (r->converted_on != NULL)
    sqlite3_bind_text (stmt, 7, r->converted_on, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 7);
  if (r->id == 0)
    sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 9, r->id);
  if (!_accord_store_step_done (self, stmt, _("Could not save the referral"), error))
    return FALSE;

  if (r->id == 0)
    r->id = sqlite3_last_insert_rowid (_accord_store_get_db (self));
  else if (!check_updated (self, _("This referral no longer exists"), error))
    return FALSE;
  return TRUE;
}

static const RecordKind referral_kind = {
  referral_copy, (void (*) (gpointer)) accord_referral_free, referral_partner, referral_write,
  sizeof (AccordReferral),
};

gboolean
accord_store_save_referral (AccordStore     *self,
                            AccordReferral  *referral,
                            GError         **error)
{
  g_return_val_if_fail (referral != NULL, FALSE);
  return save_one_record (self, &referral_kind, referral, error);
}

gboolean
accord_store_save_referrals (AccordStore  *self,
                             GPtrArray    *referrals,
                             guint        *failed_index,
                             GError      **error)
{
  return save_records (self, &referral_kind, referrals, failed_index, error);
}

gboolean
accord_store_delete_referral (AccordStore  *self,
                              gint64        referral_id,
                              GError      **error)
{
  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);

  return delete_row (self, "SELECT partner_id FROM referral WHERE id = ?1",
                     "DELETE FROM referral WHERE id = ?1", referral_id,
                     _("This referral no longer exists"), _("Could not delete the referral"),
                     error);
}

GPtrArray *
accord_store_list_referrals (AccordStore    *self,
                             AccordPartner  *partner,
                             GError        **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  stmt = _accord_store_get_stmt (self,
                                 "SELECT " REFERRAL_COLUMNS " FROM referral WHERE partner_id = ?1 "
                                 "ORDER BY date DESC, id DESC",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, accord_partner_get_id (partner));

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_referral_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, referral_from_row (stmt));
  sqlite3_reset (stmt);
  if (!read_done (self, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* Reviews */

#define REVIEW_COLUMNS \
  "id, partner_id, date, communication, alignment, trust, ease, future_potential, red_flags, notes"

static AccordReview *
review_from_row (sqlite3_stmt *stmt)
{
  AccordReview *r = accord_review_new (sqlite3_column_int64 (stmt, 1), NULL);

  r->id = sqlite3_column_int64 (stmt, 0);
  r->date = _accord_store_column_text (stmt, 2);
  for (guint i = 0; i < ACCORD_N_REVIEW_RATINGS; i++)
    r->ratings[i] = sqlite3_column_int (stmt, 3 + i);
  /* Codes this build does not know (from a newer one) are left out
   * rather than making the review unreadable. */
  {
    g_auto(GStrv) codes = g_strsplit ((const char *) sqlite3_column_text (stmt, 8), ";", -1);

    for (guint i = 0; codes[i] != NULL; i++)
      {
        AccordRedFlags one;

        if (accord_red_flag_from_key (codes[i], &one))
          r->red_flags |= one;
      }
  }
  g_free (r->notes);
  r->notes = _accord_store_column_text (stmt, 9);
  return r;
}

static gpointer
review_copy (gconstpointer record)
{
  return accord_review_copy (record);
}

static gint64
review_partner (gconstpointer record)
{
  return ((const AccordReview *) record)->partner_id;
}

static gboolean
review_write (AccordStore  *self,
              gpointer      record,
              const char   *now,
              GError      **error)
{
  AccordReview *r = record;
  g_autofree char *flags = NULL;
  sqlite3_stmt *stmt;

  replace_trimmed (&r->date);
  replace_trimmed (&r->notes);
  if (!accord_review_validate (r, error))
    return FALSE;
  flags = accord_red_flags_to_text (r->red_flags);

  if (r->id == 0)
    stmt = _accord_store_get_stmt (self,
                                   "INSERT INTO review (partner_id, date, communication, "
                                   "alignment, trust, ease, future_potential, red_flags, notes, "
                                   "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                   error);
  else
    stmt = _accord_store_get_stmt (self,
                                   "UPDATE review SET date = ?2, communication = ?3, "
                                   "alignment = ?4, trust = ?5, ease = ?6, "
                                   "future_potential = ?7, red_flags = ?8, notes = ?9 "
                                   "WHERE id = ?11 AND partner_id = ?1",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->partner_id);
  sqlite3_bind_text (stmt, 2, r->date, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < ACCORD_N_REVIEW_RATINGS; i++)
    sqlite3_bind_int (stmt, 3 + i, r->ratings[i]);
  sqlite3_bind_text (stmt, 8, flags, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, r->notes, -1, SQLITE_TRANSIENT);
  if (r->id == 0)
    sqlite3_bind_text (stmt, 10, now, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 11, r->id);
  if (!_accord_store_step_done (self, stmt, _("Could not save the review"), error))
    return FALSE;

  if (r->id == 0)
    r->id = sqlite3_last_insert_rowid (_accord_store_get_db (self));
  else if (!check_updated (self, _("This review no longer exists"), error))
    return FALSE;
  return TRUE;
}

static const RecordKind review_kind = {
  review_copy, (void (*) (gpointer)) accord_review_free, review_partner, review_write,
  sizeof (AccordReview),
};

gboolean
accord_store_save_review (AccordStore   *self,
                          AccordReview  *review,
                          GError       **error)
{
  g_return_val_if_fail (review != NULL, FALSE);
  return save_one_record (self, &review_kind, review, error);
}

gboolean
accord_store_save_reviews (AccordStore  *self,
                           GPtrArray    *reviews,
                           guint        *failed_index,
                           GError      **error)
{
  return save_records (self, &review_kind, reviews, failed_index, error);
}

gboolean
accord_store_delete_review (AccordStore  *self,
                            gint64        review_id,
                            GError      **error)
{
  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);

  return delete_row (self, "SELECT partner_id FROM review WHERE id = ?1",
                     "DELETE FROM review WHERE id = ?1", review_id,
                     _("This review no longer exists"), _("Could not delete the review"), error);
}

GPtrArray *
accord_store_list_reviews (AccordStore    *self,
                           AccordPartner  *partner,
                           GError        **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  stmt = _accord_store_get_stmt (self,
                                 "SELECT " REVIEW_COLUMNS " FROM review WHERE partner_id = ?1 "
                                 "ORDER BY date DESC, id DESC",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, accord_partner_get_id (partner));

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_review_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, review_from_row (stmt));
  sqlite3_reset (stmt);
  if (!read_done (self, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

AccordReview *
accord_store_get_latest_review (AccordStore    *self,
                                AccordPartner  *partner,
                                GError        **error)
{
  AccordReview *review = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  stmt = _accord_store_get_stmt (self,
                                 "SELECT " REVIEW_COLUMNS " FROM review WHERE partner_id = ?1 "
                                 "AND date <= ?2 ORDER BY date DESC, id DESC LIMIT 1",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, accord_partner_get_id (partner));
  sqlite3_bind_text (stmt, 2, accord_store_get_today (self), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      review = review_from_row (stmt);
      rc = SQLITE_DONE;
    }
  sqlite3_reset (stmt);
  read_done (self, rc, error);
  return review;
}

/* Monthly figures */

#define FIGURES_COLUMNS \
  "partner_id, month, revenue_minor, referrals, conversions, nps, response_hours, " \
  "joint_initiatives"

static AccordFigures *
figures_from_row (sqlite3_stmt *stmt)
{
  AccordFigures *f = accord_figures_new (sqlite3_column_int64 (stmt, 0), NULL);

  f->month = _accord_store_column_text (stmt, 1);
  f->revenue_minor = sqlite3_column_int64 (stmt, 2);
  f->referrals = sqlite3_column_int (stmt, 3);
  f->conversions = sqlite3_column_int (stmt, 4);
  f->has_nps = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
  f->nps = f->has_nps ? sqlite3_column_int (stmt, 5) : 0;
  if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
    f->response_hours = sqlite3_column_int (stmt, 6);
  f->joint_initiatives = sqlite3_column_int (stmt, 7);
  return f;
}

static gpointer
figures_copy (gconstpointer record)
{
  return accord_figures_copy (record);
}

static gint64
figures_partner (gconstpointer record)
{
  return ((const AccordFigures *) record)->partner_id;
}

static gboolean
figures_write (AccordStore  *self,
               gpointer      record,
               const char   *now,
               GError      **error)
{
  AccordFigures *f = record;
  sqlite3_stmt *stmt;

  if (f->month != NULL)
    g_strstrip (f->month);
  if (!accord_figures_validate (f, error))
    return FALSE;

  stmt = _accord_store_get_stmt (self,
                                 "INSERT INTO figures (" FIGURES_COLUMNS ", updated_at) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                                 "ON CONFLICT (partner_id, month) DO UPDATE SET "
                                 "revenue_minor = ?3, referrals = ?4, conversions = ?5, "
                                 "nps = ?6, response_hours = ?7, joint_initiatives = ?8, "
                                 "updated_at = ?9",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, f->partner_id);
  sqlite3_bind_text (stmt, 2, f->month, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, f->revenue_minor);
  sqlite3_bind_int (stmt, 4, f->referrals);
  sqlite3_bind_int (stmt, 5, f->conversions);
  if (f->has_nps)
    sqlite3_bind_int (stmt, 6, f->nps);
  else
    sqlite3_bind_null (stmt, 6);
  if (f->response_hours != ACCORD_UNSET)
    sqlite3_bind_int (stmt, 7, f->response_hours);
  else
    sqlite3_bind_null (stmt, 7);
  sqlite3_bind_int (stmt, 8, f->joint_initiatives);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_TRANSIENT);
  return _accord_store_step_done (self, stmt, _("Could not save the figures"), error);
}

static const RecordKind figures_kind = {
  figures_copy, (void (*) (gpointer)) accord_figures_free, figures_partner, figures_write,
  sizeof (AccordFigures),
};

gboolean
accord_store_set_figures (AccordStore    *self,
                          AccordFigures  *figures,
                          GError        **error)
{
  g_return_val_if_fail (figures != NULL, FALSE);
  return save_one_record (self, &figures_kind, figures, error);
}

gboolean
accord_store_set_figures_many (AccordStore  *self,
                               GPtrArray    *figures,
                               guint        *failed_index,
                               GError      **error)
{
  return save_records (self, &figures_kind, figures, failed_index, error);
}

gboolean
accord_store_delete_figures (AccordStore    *self,
                             AccordPartner  *partner,
                             const char     *month,
                             GError        **error)
{
  g_autoptr(GArray) partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gint64 partner_id;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), FALSE);
  g_return_val_if_fail (month != NULL, FALSE);

  partner_id = accord_partner_get_id (partner);
  if (!_accord_store_begin (self, error))
    return FALSE;
  stmt = _accord_store_get_stmt (self,
                                 "DELETE FROM figures WHERE partner_id = ?1 AND month = ?2",
                                 error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, month, -1, SQLITE_TRANSIENT);
  if (!_accord_store_step_done (self, stmt, _("Could not delete the figures"), error))
    goto fail;
  if (sqlite3_changes (_accord_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND,
                           _("There are no figures for this month"));
      goto fail;
    }
  if (!_accord_store_commit (self, error))
    goto fail;

  g_array_append_val (partner_ids, partner_id);
  emit_changed (self, partner_ids);
  return TRUE;

fail:
  _accord_store_rollback (self);
  return FALSE;
}

GPtrArray *
accord_store_list_figures (AccordStore    *self,
                           AccordPartner  *partner,
                           GError        **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  stmt = _accord_store_get_stmt (self,
                                 "SELECT " FIGURES_COLUMNS " FROM figures WHERE partner_id = ?1 "
                                 "ORDER BY month",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, accord_partner_get_id (partner));

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_figures_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, figures_from_row (stmt));
  sqlite3_reset (stmt);
  if (!read_done (self, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* The ledger */

gboolean
accord_store_add_ledger_entry (AccordStore        *self,
                               AccordLedgerEntry  *entry,
                               GError            **error)
{
  g_autoptr(GArray) partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *date = NULL;
  g_autofree char *note = NULL;
  g_autofree char *now = NULL;
  g_autoptr(AccordLedgerEntry) copy = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (entry->id == 0, FALSE);

  copy = accord_ledger_entry_copy (entry);
  replace_trimmed (&copy->date);
  replace_trimmed (&copy->note);
  if (_accord_store_live_partner (self, copy->partner_id, error) == NULL ||
      !accord_ledger_entry_validate (copy, error))
    return FALSE;

  now = _accord_store_now_utc ();
  if (!_accord_store_begin (self, error))
    return FALSE;
  stmt = _accord_store_get_stmt (self,
                                 "INSERT INTO ledger_entry (partner_id, side, kind, date, "
                                 "amount_minor, note, created_at) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                 error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, copy->partner_id);
  sqlite3_bind_text (stmt, 2, accord_ledger_side_to_key (copy->side), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, accord_ledger_kind_to_key (copy->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, copy->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, copy->amount_minor);
  sqlite3_bind_text (stmt, 6, copy->note, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  if (!_accord_store_step_done (self, stmt, _("Could not save the ledger entry"), error))
    goto fail;
  copy->id = sqlite3_last_insert_rowid (_accord_store_get_db (self));
  if (!_accord_store_commit (self, error))
    goto fail;

  /* The caller's record takes the trimmed texts and the id. */
  g_free (entry->date);
  entry->date = g_steal_pointer (&copy->date);
  g_free (entry->note);
  entry->note = g_steal_pointer (&copy->note);
  entry->id = copy->id;

  g_array_append_val (partner_ids, entry->partner_id);
  emit_changed (self, partner_ids);
  return TRUE;

fail:
  _accord_store_rollback (self);
  return FALSE;
}

gboolean
accord_store_delete_ledger_entry (AccordStore  *self,
                                  gint64        entry_id,
                                  GError      **error)
{
  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);

  return delete_row (self, "SELECT partner_id FROM ledger_entry WHERE id = ?1",
                     "DELETE FROM ledger_entry WHERE id = ?1", entry_id,
                     _("This ledger entry no longer exists"),
                     _("Could not delete the ledger entry"), error);
}

GPtrArray *
accord_store_list_ledger_entries (AccordStore    *self,
                                  AccordPartner  *partner,
                                  GError        **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  stmt = _accord_store_get_stmt (self,
                                 "SELECT id, partner_id, side, kind, date, amount_minor, note "
                                 "FROM ledger_entry WHERE partner_id = ?1 "
                                 "ORDER BY date DESC, id DESC",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, accord_partner_get_id (partner));

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_ledger_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordLedgerSide side = ACCORD_LEDGER_OWED_TO_PARTNER;
      AccordLedgerKind kind = ACCORD_LEDGER_PAID;
      g_autofree char *date = _accord_store_column_text (stmt, 4);
      AccordLedgerEntry *entry;

      accord_ledger_side_from_key ((const char *) sqlite3_column_text (stmt, 2), &side);
      accord_ledger_kind_from_key ((const char *) sqlite3_column_text (stmt, 3), &kind);
      entry = accord_ledger_entry_new (sqlite3_column_int64 (stmt, 1), side, kind, date,
                                       sqlite3_column_int64 (stmt, 5));
      entry->id = sqlite3_column_int64 (stmt, 0);
      g_free (entry->note);
      entry->note = _accord_store_column_text (stmt, 6);
      g_ptr_array_add (list, entry);
    }
  sqlite3_reset (stmt);
  if (!read_done (self, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* Computed results */

/* What one partner's results are computed from, gathered by the queries
 * below for one partner or for all of them. */
typedef struct
{
  AccordPartner       *partner;
  AccordReview        *latest;      /* owned */
  AccordAgreement     *active;      /* in @agreements */
  GPtrArray           *agreements;  /* AccordAgreement, not owned */
  GPtrArray           *referrals;   /* AccordReferral, converted only, owned */
  AccordFiguresTotals  totals;
  char                *last_contact;
  gint64               settled[ACCORD_N_LEDGER_SIDES][ACCORD_N_LEDGER_KINDS];
} Inputs;

static void
inputs_free (Inputs *inputs)
{
  accord_review_free (inputs->latest);
  g_clear_pointer (&inputs->agreements, g_ptr_array_unref);
  g_clear_pointer (&inputs->referrals, g_ptr_array_unref);
  g_free (inputs->last_contact);
  g_free (inputs);
}

typedef struct
{
  AccordStore *store;
  const char  *today;
  gint64       only;        /* one partner's id, or 0 for all */
  gboolean     health_only; /* no referrals nor ledger: the health needs neither */
  GHashTable  *inputs;      /* partner id -> Inputs */
  GPtrArray   *agreements;  /* owns every agreement loaded */
} Gather;

static Inputs *
lookup_inputs (Gather *gather,
               gint64  partner_id)
{
  return g_hash_table_lookup (gather->inputs, &partner_id);
}

static void
add_inputs (Gather        *gather,
            AccordPartner *partner)
{
  Inputs *inputs = g_new0 (Inputs, 1);
  gint64 *key = g_new (gint64, 1);

  *key = accord_partner_get_id (partner);
  inputs->partner = partner;
  inputs->agreements = g_ptr_array_new ();
  inputs->referrals = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_referral_free);
  g_hash_table_insert (gather->inputs, key, inputs);
}

/* Picks the statement for all partners or for one (bound as ?2), with
 * today bound as ?1. */
static sqlite3_stmt *
prepare (Gather      *gather,
         const char  *sql_all,
         const char  *sql_one,
         GError     **error)
{
  sqlite3_stmt *stmt = _accord_store_get_stmt (gather->store,
                                               gather->only != 0 ? sql_one : sql_all, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, gather->today, -1, SQLITE_TRANSIENT);
  if (gather->only != 0)
    sqlite3_bind_int64 (stmt, 2, gather->only);
  return stmt;
}

/* Both variants of a query: for every partner, and for partner ?2. */
#define ALL_AND_ONE(select, where, tail) \
  select " WHERE " where " " tail, select " WHERE " where " AND partner_id = ?2 " tail

static gboolean
gather_agreements (Gather  *gather,
                   GError **error)
{
  if (gather->only != 0)
    {
      Inputs *only = lookup_inputs (gather, gather->only);

      gather->agreements = accord_store_list_agreements (gather->store, only->partner, error);
    }
  else
    gather->agreements = accord_store_list_all_agreements (gather->store, error);
  if (gather->agreements == NULL)
    return FALSE;

  for (guint i = 0; i < gather->agreements->len; i++)
    {
      AccordAgreement *a = gather->agreements->pdata[i];
      Inputs *inputs = lookup_inputs (gather, a->partner_id);

      if (inputs == NULL)
        continue;
      g_ptr_array_add (inputs->agreements, a);
      if (a->status == ACCORD_AGREEMENT_ACTIVE)
        inputs->active = a;
    }
  return TRUE;
}

static gboolean
gather_referrals (Gather  *gather,
                  GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (gather,
                  ALL_AND_ONE ("SELECT " REFERRAL_COLUMNS " FROM referral",
                               "status = 'converted' AND converted_on <= ?1", ""),
                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Inputs *inputs = lookup_inputs (gather, sqlite3_column_int64 (stmt, 1));

      if (inputs != NULL)
        g_ptr_array_add (inputs->referrals, referral_from_row (stmt));
    }
  sqlite3_reset (stmt);
  return read_done (gather->store, rc, error);
}

static gboolean
gather_reviews (Gather  *gather,
                GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* The latest of each partner on or before today: its newest by date,
   * then the last entered. */
  stmt = prepare (gather,
                  ALL_AND_ONE ("SELECT " REVIEW_COLUMNS " FROM (SELECT *, row_number() OVER "
                               "(PARTITION BY partner_id ORDER BY date DESC, id DESC) AS n "
                               "FROM review",
                               "date <= ?1", ") WHERE n = 1"),
                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Inputs *inputs = lookup_inputs (gather, sqlite3_column_int64 (stmt, 1));

      if (inputs != NULL && inputs->latest == NULL)
        inputs->latest = review_from_row (stmt);
    }
  sqlite3_reset (stmt);
  return read_done (gather->store, rc, error);
}

static gboolean
gather_figures (Gather  *gather,
                GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* The months from the active agreement's start (the day it became
   * active, without a start: accord_agreement_earns_from()) to today's. */
  stmt = prepare (gather,
                  ALL_AND_ONE ("SELECT " FIGURES_COLUMNS " FROM figures f JOIN agreement a "
                               "USING (partner_id)",
                               "a.status = 'active' AND "
                               "f.month >= substr(coalesce(a.start, a.status_since), 1, 7) AND "
                               "f.month <= substr(?1, 1, 7)", ""),
                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Inputs *inputs = lookup_inputs (gather, sqlite3_column_int64 (stmt, 0));
      g_autoptr(AccordFigures) figures = NULL;

      if (inputs == NULL)
        continue;
      figures = figures_from_row (stmt);
      accord_figures_totals_add (&inputs->totals, figures);
    }
  sqlite3_reset (stmt);
  return read_done (gather->store, rc, error);
}

static gboolean
gather_contacts (Gather  *gather,
                 GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (gather,
                  ALL_AND_ONE ("SELECT partner_id, max(date) FROM activity", "date <= ?1",
                               "GROUP BY partner_id"),
                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Inputs *inputs = lookup_inputs (gather, sqlite3_column_int64 (stmt, 0));

      if (inputs != NULL)
        inputs->last_contact = _accord_store_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  return read_done (gather->store, rc, error);
}

static gboolean
gather_ledger (Gather  *gather,
               GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (gather,
                  ALL_AND_ONE ("SELECT partner_id, side, kind, sum(amount_minor) "
                               "FROM ledger_entry", "date <= ?1",
                               "GROUP BY partner_id, side, kind"),
                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Inputs *inputs = lookup_inputs (gather, sqlite3_column_int64 (stmt, 0));
      AccordLedgerSide side;
      AccordLedgerKind kind;

      if (inputs != NULL &&
          accord_ledger_side_from_key ((const char *) sqlite3_column_text (stmt, 1), &side) &&
          accord_ledger_kind_from_key ((const char *) sqlite3_column_text (stmt, 2), &kind))
        inputs->settled[side][kind] += sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_reset (stmt);
  return read_done (gather->store, rc, error);
}

static void
compute (const Inputs         *inputs,
         const char           *today,
         AccordPartnerResults *out)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  AccordLedgerEntry sums[ACCORD_N_LEDGER_SIDES * ACCORD_N_LEDGER_KINDS];
  gint64 earned[ACCORD_N_LEDGER_SIDES];
  gboolean strategic;

  memset (out, 0, sizeof *out);
  out->partner_id = accord_partner_get_id (inputs->partner);

  accord_health_compute (inputs->latest, inputs->active, &inputs->totals, inputs->last_contact,
                         today, &out->health);

  strategic = accord_partner_get_tier (inputs->partner) == ACCORD_TIER_STRATEGIC;
  out->converted_last_year = accord_referrals_count_last_year (inputs->referrals, today);
  out->suggested_tier = accord_tier_suggest (out->converted_last_year, strategic);

  /* The ledger's sums as one entry per side and kind, so the balance
   * follows accord_ledger_balances() exactly. */
  accord_commission_total (inputs->agreements, inputs->referrals, today, earned);
  for (guint side = 0; side < ACCORD_N_LEDGER_SIDES; side++)
    for (guint kind = 0; kind < ACCORD_N_LEDGER_KINDS; kind++)
      {
        AccordLedgerEntry *sum = &sums[side * ACCORD_N_LEDGER_KINDS + kind];

        if (inputs->settled[side][kind] == 0)
          continue;
        *sum = (AccordLedgerEntry) {
          .partner_id = out->partner_id,
          .side = side,
          .kind = kind,
          .amount_minor = inputs->settled[side][kind],
        };
        g_ptr_array_add (entries, sum);
      }
  accord_ledger_balances (earned, entries, NULL, out->ledger);
}

static void
gather_clear (Gather *gather)
{
  g_clear_pointer (&gather->inputs, g_hash_table_unref);
  g_clear_pointer (&gather->agreements, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Gather, gather_clear)

/* Gathers the inputs of @partner (NULL: every partner not in the trash)
 * in seven queries however many partners there are. */
static gboolean
gather_all (Gather         *gather,
            AccordStore    *self,
            AccordPartner  *partner,
            GError        **error)
{
  gather->store = self;
  gather->today = accord_store_get_today (self);
  gather->inputs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                          (GDestroyNotify) inputs_free);
  if (partner != NULL)
    {
      gather->only = accord_partner_get_id (partner);
      add_inputs (gather, partner);
    }
  else
    {
      GListModel *partners = accord_store_get_partners (self);
      guint n = g_list_model_get_n_items (partners);

      gather->only = 0;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AccordPartner) p = g_list_model_get_item (partners, i);

          add_inputs (gather, p);
        }
    }

  return gather_agreements (gather, error) &&
         (gather->health_only || gather_referrals (gather, error)) &&
         gather_reviews (gather, error) &&
         gather_figures (gather, error) &&
         gather_contacts (gather, error) &&
         (gather->health_only || gather_ledger (gather, error));
}

gboolean
accord_store_get_results (AccordStore           *self,
                          AccordPartner         *partner,
                          AccordPartnerResults  *out,
                          GError               **error)
{
  g_auto(Gather) gather = { NULL, };

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!gather_all (&gather, self, partner, error))
    return FALSE;
  compute (lookup_inputs (&gather, accord_partner_get_id (partner)), gather.today, out);
  return TRUE;
}

gboolean
accord_store_get_health (AccordStore    *self,
                         AccordPartner  *partner,
                         AccordHealth   *out,
                         GError        **error)
{
  AccordPartnerResults results;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!accord_store_get_results (self, partner, &results, error))
    return FALSE;
  *out = results.health;
  return TRUE;
}

GHashTable *
accord_store_list_results (AccordStore  *self,
                           GError      **error)
{
  g_auto(Gather) gather = { NULL, };
  g_autoptr(GHashTable) table = NULL;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  if (!gather_all (&gather, self, NULL, error))
    return NULL;

  table = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  g_hash_table_iter_init (&iter, gather.inputs);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      AccordPartnerResults *results = g_new (AccordPartnerResults, 1);

      compute (value, gather.today, results);
      g_hash_table_insert (table, &results->partner_id, results);
    }
  return g_steal_pointer (&table);
}

GHashTable *
accord_store_list_health (AccordStore  *self,
                          GError      **error)
{
  g_auto(Gather) gather = { NULL, };
  g_autoptr(GHashTable) table = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  gather.health_only = TRUE;
  if (!gather_all (&gather, self, NULL, error))
    return NULL;

  /* The same call as compute() makes, on the same inputs. */
  table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, gather.inputs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const Inputs *inputs = value;
      AccordHealth *health = g_new (AccordHealth, 1);

      accord_health_compute (inputs->latest, inputs->active, &inputs->totals,
                             inputs->last_contact, gather.today, health);
      g_hash_table_insert (table, g_memdup2 (key, sizeof (gint64)), health);
    }
  return g_steal_pointer (&table);
}

GArray *
accord_store_list_health_history (AccordStore    *self,
                                  AccordPartner  *partner,
                                  GError        **error)
{
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(AccordAgreement) active = NULL;
  g_autoptr(GArray) points = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *today;
  const char *from;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  today = accord_store_get_today (self);
  if ((reviews = accord_store_list_reviews (self, partner, error)) == NULL ||
      (figures = accord_store_list_figures (self, partner, error)) == NULL)
    return NULL;
  active = accord_store_get_active_agreement (self, partner, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  stmt = _accord_store_get_stmt (self,
                                 "SELECT date FROM activity WHERE partner_id = ?1 ORDER BY date",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, accord_partner_get_id (partner));
  contacts = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (contacts, _accord_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (!read_done (self, rc, error))
    return NULL;

  from = active != NULL ? accord_agreement_earns_from (active) : NULL;
  points = g_array_new (FALSE, TRUE, sizeof (AccordHealthPoint));

  /* The reviews come newest first; the points go oldest first. */
  for (guint i = reviews->len; i-- > 0;)
    {
      const AccordReview *review = reviews->pdata[i];
      AccordFiguresTotals totals = { 0, };
      AccordHealthPoint point = { { 0 }, 0, 0 };
      const char *last_contact = NULL;
      AccordHealth health;
      char month[8];

      if (strcmp (review->date, today) > 0)
        continue;

      g_strlcpy (month, review->date, sizeof month);
      for (guint j = 0; from != NULL && j < figures->len; j++)
        {
          const AccordFigures *f = figures->pdata[j];

          if (strncmp (f->month, from, 7) >= 0 && strcmp (f->month, month) <= 0)
            accord_figures_totals_add (&totals, f);
        }
      for (guint j = 0; j < contacts->len && strcmp (contacts->pdata[j], review->date) <= 0; j++)
        last_contact = contacts->pdata[j];

      accord_health_compute (review, active, &totals, last_contact, review->date, &health);
      g_strlcpy (point.date, review->date, sizeof point.date);
      point.score = health.score;
      point.band = health.band;
      g_array_append_val (points, point);
    }
  return g_steal_pointer (&points);
}
