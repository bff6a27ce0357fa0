/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "accord-store-private.h"

/* Agreements: rows in agreement, with their KPIs and deliverables in
 * tables of their own and their history in agreement_change. */

#define AGREEMENT_COLUMNS \
  "a.id, a.partner_id, a.title, a.status, a.status_since, a.start, a.term_months, " \
  "a.renewal, a.notice_days, a.termination_notice_days, a.termination_effect, " \
  "a.ended_on, a.revenue_model, a.payer, a.currency, a.rate_bp, a.share_months, " \
  "a.amount_minor, a.period, a.tiers, a.exclusivity, a.exclusivity_scope, " \
  "a.exclusivity_until, a.ip_terms, a.brand_usage, a.confidential, " \
  "a.confidentiality_months, a.review_cadence, a.legal_review_needed, " \
  "a.legal_requested_on, a.legal_done_on"

/* Newest start first; drafts without a start before everything. */
#define AGREEMENT_ORDER "(a.start IS NULL) DESC, a.start DESC, a.id DESC"

static int
column_int (sqlite3_stmt *stmt,
            int           col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return ACCORD_UNSET;
  return sqlite3_column_int (stmt, col);
}

static gint64
column_int64 (sqlite3_stmt *stmt,
              int           col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return ACCORD_UNSET;
  return sqlite3_column_int64 (stmt, col);
}

/* Keys in the file that this build does not know fall back to the
 * default, so a newer file's values never make the list fail. */
#define COLUMN_ENUM(stmt, col, from_key, out) \
  G_STMT_START { \
    const char *key_ = (const char *) sqlite3_column_text ((stmt), (col)); \
    if (key_ != NULL) \
      from_key (key_, (out)); \
  } G_STMT_END

/* "10:1500;50:2000" */
static void
parse_tiers (AccordAgreement *agreement,
             const char      *text)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL || *text == '\0')
    return;
  parts = g_strsplit (text, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *colon = strchr (parts[i], ':');

      if (colon == NULL)
        continue;
      accord_agreement_add_tier (agreement, g_ascii_strtoll (parts[i], NULL, 10),
                                 (int) g_ascii_strtoll (colon + 1, NULL, 10));
    }
}

static char *
format_tiers (const AccordAgreement *agreement)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; agreement->tiers != NULL && i < agreement->tiers->len; i++)
    {
      const AccordRateTier *tier = &g_array_index (agreement->tiers, AccordRateTier, i);

      if (i > 0)
        g_string_append_c (text, ';');
      g_string_append_printf (text, "%" G_GINT64_FORMAT ":%d", tier->threshold, tier->rate_bp);
    }
  return g_string_free (text, FALSE);
}

static AccordAgreement *
agreement_from_row (sqlite3_stmt *stmt)
{
  AccordAgreement *a = accord_agreement_new (sqlite3_column_int64 (stmt, 1));
  int col = 2;

  a->id = sqlite3_column_int64 (stmt, 0);
  g_free (a->title);
  a->title = _accord_store_column_text (stmt, col++);
  COLUMN_ENUM (stmt, col++, accord_agreement_status_from_key, &a->status);
  a->status_since = _accord_store_column_dup (stmt, col++);
  a->start = _accord_store_column_dup (stmt, col++);
  a->term_months = column_int (stmt, col++);
  COLUMN_ENUM (stmt, col++, accord_renewal_from_key, &a->renewal);
  a->notice_days = column_int (stmt, col++);
  a->termination_notice_days = column_int (stmt, col++);
  g_free (a->termination_effect);
  a->termination_effect = _accord_store_column_text (stmt, col++);
  a->ended_on = _accord_store_column_dup (stmt, col++);
  COLUMN_ENUM (stmt, col++, accord_revenue_model_from_key, &a->revenue_model);
  COLUMN_ENUM (stmt, col++, accord_payer_from_key, &a->payer);
  a->currency = _accord_store_column_dup (stmt, col++);
  a->rate_bp = column_int (stmt, col++);
  a->share_months = column_int (stmt, col++);
  a->amount_minor = column_int64 (stmt, col++);
  COLUMN_ENUM (stmt, col++, accord_period_from_key, &a->period);
  parse_tiers (a, (const char *) sqlite3_column_text (stmt, col++));
  COLUMN_ENUM (stmt, col++, accord_exclusivity_from_key, &a->exclusivity);
  g_free (a->exclusivity_scope);
  a->exclusivity_scope = _accord_store_column_text (stmt, col++);
  a->exclusivity_until = _accord_store_column_dup (stmt, col++);
  g_free (a->ip_terms);
  a->ip_terms = _accord_store_column_text (stmt, col++);
  g_free (a->brand_usage);
  a->brand_usage = _accord_store_column_text (stmt, col++);
  a->confidential = sqlite3_column_int (stmt, col++) != 0;
  a->confidentiality_months = column_int (stmt, col++);
  COLUMN_ENUM (stmt, col++, accord_cadence_from_key, &a->review_cadence);
  a->legal_review_needed = sqlite3_column_int (stmt, col++) != 0;
  a->legal_requested_on = _accord_store_column_dup (stmt, col++);
  a->legal_done_on = _accord_store_column_dup (stmt, col++);
  g_assert (col == 31);
  return a;
}

static gboolean
step_error (AccordStore  *self,
            int           rc,
            GError      **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  return _accord_store_set_error (self, rc, _("Could not read the agreements"), error);
}

/* Runs @agreements_stmt (rows of AGREEMENT_COLUMNS), then @kpi_stmt
 * (agreement_id, metric, target, date) and @deliverable_stmt
 * (agreement_id, side, title, due, done) and gives each agreement its
 * own. Three queries however many agreements there are. */
static GPtrArray *
load_agreements (AccordStore   *self,
                 sqlite3_stmt  *agreements_stmt,
                 sqlite3_stmt  *kpi_stmt,
                 sqlite3_stmt  *deliverable_stmt,
                 GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_agreement_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  while ((rc = sqlite3_step (agreements_stmt)) == SQLITE_ROW)
    {
      AccordAgreement *a = agreement_from_row (agreements_stmt);

      g_ptr_array_add (list, a);
      g_hash_table_insert (by_id, &a->id, a);
    }
  sqlite3_reset (agreements_stmt);
  if (!step_error (self, rc, error))
    return NULL;

  if (list->len == 0)
    return g_steal_pointer (&list);

  while ((rc = sqlite3_step (kpi_stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (kpi_stmt, 0);
      AccordAgreement *a = g_hash_table_lookup (by_id, &id);

      if (a != NULL)
        accord_agreement_add_kpi (a, (const char *) sqlite3_column_text (kpi_stmt, 1),
                                  (const char *) sqlite3_column_text (kpi_stmt, 2),
                                  (const char *) sqlite3_column_text (kpi_stmt, 3));
    }
  sqlite3_reset (kpi_stmt);
  if (!step_error (self, rc, error))
    return NULL;

  while ((rc = sqlite3_step (deliverable_stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (deliverable_stmt, 0);
      AccordAgreement *a = g_hash_table_lookup (by_id, &id);
      AccordSide side = ACCORD_SIDE_US;

      if (a == NULL)
        continue;
      COLUMN_ENUM (deliverable_stmt, 1, accord_side_from_key, &side);
      accord_agreement_add_deliverable (a, side,
                                        (const char *) sqlite3_column_text (deliverable_stmt, 2),
                                        (const char *) sqlite3_column_text (deliverable_stmt, 3),
                                        sqlite3_column_int (deliverable_stmt, 4) != 0);
    }
  sqlite3_reset (deliverable_stmt);
  if (!step_error (self, rc, error))
    return NULL;

  return g_steal_pointer (&list);
}

GPtrArray *
accord_store_list_agreements (AccordStore    *self,
                              AccordPartner  *partner,
                              GError        **error)
{
  sqlite3_stmt *agreements_stmt;
  sqlite3_stmt *kpi_stmt;
  sqlite3_stmt *deliverable_stmt;
  gint64 partner_id;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  partner_id = accord_partner_get_id (partner);
  if ((agreements_stmt = _accord_store_get_stmt (self,
                                                 "SELECT " AGREEMENT_COLUMNS " FROM agreement a "
                                                 "WHERE a.partner_id = ?1 ORDER BY " AGREEMENT_ORDER,
                                                 error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (agreements_stmt, 1, partner_id);
  if ((kpi_stmt = _accord_store_get_stmt (self,
                                          "SELECT k.agreement_id, k.metric, k.target, k.date "
                                          "FROM agreement_kpi k JOIN agreement a "
                                          "ON a.id = k.agreement_id WHERE a.partner_id = ?1 "
                                          "ORDER BY k.agreement_id, k.position",
                                          error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (kpi_stmt, 1, partner_id);
  if ((deliverable_stmt = _accord_store_get_stmt (self,
                                                  "SELECT d.agreement_id, d.side, d.title, d.due, "
                                                  "d.done FROM agreement_deliverable d JOIN "
                                                  "agreement a ON a.id = d.agreement_id "
                                                  "WHERE a.partner_id = ?1 "
                                                  "ORDER BY d.agreement_id, d.position",
                                                  error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (deliverable_stmt, 1, partner_id);

  return load_agreements (self, agreements_stmt, kpi_stmt, deliverable_stmt, error);
}

GPtrArray *
accord_store_list_all_agreements (AccordStore  *self,
                                  GError      **error)
{
  sqlite3_stmt *agreements_stmt;
  sqlite3_stmt *kpi_stmt;
  sqlite3_stmt *deliverable_stmt;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  if ((agreements_stmt = _accord_store_get_stmt (self,
                                                 "SELECT " AGREEMENT_COLUMNS " FROM agreement a "
                                                 "JOIN partner p ON p.id = a.partner_id "
                                                 "WHERE p.trashed_at IS NULL "
                                                 "ORDER BY a.partner_id, " AGREEMENT_ORDER,
                                                 error)) == NULL ||
      (kpi_stmt = _accord_store_get_stmt (self,
                                          "SELECT k.agreement_id, k.metric, k.target, k.date "
                                          "FROM agreement_kpi k JOIN agreement a "
                                          "ON a.id = k.agreement_id JOIN partner p "
                                          "ON p.id = a.partner_id WHERE p.trashed_at IS NULL "
                                          "ORDER BY k.agreement_id, k.position",
                                          error)) == NULL ||
      (deliverable_stmt = _accord_store_get_stmt (self,
                                                  "SELECT d.agreement_id, d.side, d.title, d.due, "
                                                  "d.done FROM agreement_deliverable d JOIN "
                                                  "agreement a ON a.id = d.agreement_id JOIN "
                                                  "partner p ON p.id = a.partner_id "
                                                  "WHERE p.trashed_at IS NULL "
                                                  "ORDER BY d.agreement_id, d.position",
                                                  error)) == NULL)
    return NULL;

  return load_agreements (self, agreements_stmt, kpi_stmt, deliverable_stmt, error);
}

/* One agreement by id, or NULL (no error) when there is none. */
static AccordAgreement *
load_agreement (AccordStore  *self,
                gint64        id,
                GError      **error)
{
  sqlite3_stmt *agreements_stmt;
  sqlite3_stmt *kpi_stmt;
  sqlite3_stmt *deliverable_stmt;
  g_autoptr(GPtrArray) list = NULL;

  if ((agreements_stmt = _accord_store_get_stmt (self,
                                                 "SELECT " AGREEMENT_COLUMNS " FROM agreement a "
                                                 "WHERE a.id = ?1",
                                                 error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (agreements_stmt, 1, id);
  if ((kpi_stmt = _accord_store_get_stmt (self,
                                          "SELECT agreement_id, metric, target, date "
                                          "FROM agreement_kpi WHERE agreement_id = ?1 "
                                          "ORDER BY position",
                                          error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (kpi_stmt, 1, id);
  if ((deliverable_stmt = _accord_store_get_stmt (self,
                                                  "SELECT agreement_id, side, title, due, done "
                                                  "FROM agreement_deliverable "
                                                  "WHERE agreement_id = ?1 ORDER BY position",
                                                  error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (deliverable_stmt, 1, id);

  list = load_agreements (self, agreements_stmt, kpi_stmt, deliverable_stmt, error);
  if (list == NULL || list->len == 0)
    return NULL;
  return g_ptr_array_steal_index (list, 0);
}

AccordAgreement *
accord_store_get_active_agreement (AccordStore    *self,
                                   AccordPartner  *partner,
                                   GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  stmt = _accord_store_get_stmt (self,
                                 "SELECT id FROM agreement WHERE partner_id = ?1 "
                                 "AND status = 'active'",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, accord_partner_get_id (partner));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      step_error (self, rc, error);
      return NULL;
    }
  return load_agreement (self, id, error);
}

/* Saving */

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           col,
                   const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, col);
}

static void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           col,
                  gint64        value)
{
  if (value == ACCORD_UNSET)
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_int64 (stmt, col, value);
}

/* Binds every term as ?2..?31 (in AGREEMENT_COLUMNS order, after the
 * partner id). */
static void
bind_terms (sqlite3_stmt          *stmt,
            const AccordAgreement *a)
{
  g_autofree char *tiers = format_tiers (a);
  int col = 2;

  sqlite3_bind_text (stmt, col++, a->title ? a->title : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, col++, accord_agreement_status_to_key (a->status), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, col++, a->status_since);
  bind_text_or_null (stmt, col++, a->start);
  bind_int_or_null (stmt, col++, a->term_months);
  sqlite3_bind_text (stmt, col++, accord_renewal_to_key (a->renewal), -1, SQLITE_STATIC);
  bind_int_or_null (stmt, col++, a->notice_days);
  bind_int_or_null (stmt, col++, a->termination_notice_days);
  sqlite3_bind_text (stmt, col++, a->termination_effect ? a->termination_effect : "", -1,
                     SQLITE_TRANSIENT);
  bind_text_or_null (stmt, col++, a->ended_on);
  sqlite3_bind_text (stmt, col++, accord_revenue_model_to_key (a->revenue_model), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, col++, accord_payer_to_key (a->payer), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, col++, a->currency);
  bind_int_or_null (stmt, col++, a->rate_bp);
  bind_int_or_null (stmt, col++, a->share_months);
  bind_int_or_null (stmt, col++, a->amount_minor);
  sqlite3_bind_text (stmt, col++, accord_period_to_key (a->period), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, col++, tiers, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, col++, accord_exclusivity_to_key (a->exclusivity), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, col++, a->exclusivity_scope ? a->exclusivity_scope : "", -1,
                     SQLITE_TRANSIENT);
  bind_text_or_null (stmt, col++, a->exclusivity_until);
  sqlite3_bind_text (stmt, col++, a->ip_terms ? a->ip_terms : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, col++, a->brand_usage ? a->brand_usage : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, col++, a->confidential ? 1 : 0);
  bind_int_or_null (stmt, col++, a->confidentiality_months);
  sqlite3_bind_text (stmt, col++, accord_cadence_to_key (a->review_cadence), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, col++, a->legal_review_needed ? 1 : 0);
  bind_text_or_null (stmt, col++, a->legal_requested_on);
  bind_text_or_null (stmt, col++, a->legal_done_on);
  g_assert (col == 31);
}

static gboolean
write_lists (AccordStore            *self,
             const AccordAgreement  *a,
             GError                **error)
{
  sqlite3_stmt *stmt;

  if ((stmt = _accord_store_get_stmt (self, "DELETE FROM agreement_kpi WHERE agreement_id = ?1",
                                      error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->id);
  if (!_accord_store_step_done (self, stmt, _("Could not save the agreement"), error))
    return FALSE;

  if ((stmt = _accord_store_get_stmt (self,
                                      "DELETE FROM agreement_deliverable WHERE agreement_id = ?1",
                                      error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->id);
  if (!_accord_store_step_done (self, stmt, _("Could not save the agreement"), error))
    return FALSE;

  for (guint i = 0; i < a->kpis->len; i++)
    {
      const AccordKpi *kpi = a->kpis->pdata[i];

      if ((stmt = _accord_store_get_stmt (self,
                                          "INSERT INTO agreement_kpi (agreement_id, position, "
                                          "metric, target, date) VALUES (?1, ?2, ?3, ?4, ?5)",
                                          error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, a->id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, kpi->metric ? kpi->metric : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, kpi->target ? kpi->target : "", -1, SQLITE_STATIC);
      bind_text_or_null (stmt, 5, kpi->date);
      if (!_accord_store_step_done (self, stmt, _("Could not save the agreement"), error))
        return FALSE;
    }

  for (guint i = 0; i < a->deliverables->len; i++)
    {
      const AccordDeliverable *d = a->deliverables->pdata[i];

      if ((stmt = _accord_store_get_stmt (self,
                                          "INSERT INTO agreement_deliverable (agreement_id, "
                                          "position, side, title, due, done) "
                                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                          error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, a->id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, accord_side_to_key (d->side), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, d->title ? d->title : "", -1, SQLITE_STATIC);
      bind_text_or_null (stmt, 5, d->due);
      sqlite3_bind_int (stmt, 6, d->done ? 1 : 0);
      if (!_accord_store_step_done (self, stmt, _("Could not save the agreement"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_change (AccordStore  *self,
               gint64        agreement_id,
               const char   *date,
               const char   *kind,
               const char   *status,
               const char   *summary,
               GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = _accord_store_get_stmt (self,
                                 "INSERT INTO agreement_change (agreement_id, date, kind, status, "
                                 "summary) VALUES (?1, ?2, ?3, ?4, ?5)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, agreement_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 4, status);
  sqlite3_bind_text (stmt, 5, summary ? summary : "", -1, SQLITE_STATIC);
  return _accord_store_step_done (self, stmt, _("Could not save the agreement’s history"), error);
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a && *a ? a : NULL, b && *b ? b : NULL) == 0;
}

static gboolean
same_tiers (const AccordAgreement *a,
            const AccordAgreement *b)
{
  if (a->tiers->len != b->tiers->len)
    return FALSE;
  /* Field by field: the struct has padding that memcmp() would read. */
  for (guint i = 0; i < a->tiers->len; i++)
    {
      const AccordRateTier *ta = &g_array_index (a->tiers, AccordRateTier, i);
      const AccordRateTier *tb = &g_array_index (b->tiers, AccordRateTier, i);

      if (ta->threshold != tb->threshold || ta->rate_bp != tb->rate_bp)
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_kpis (const AccordAgreement *a,
           const AccordAgreement *b)
{
  if (a->kpis->len != b->kpis->len)
    return FALSE;
  for (guint i = 0; i < a->kpis->len; i++)
    {
      const AccordKpi *x = a->kpis->pdata[i];
      const AccordKpi *y = b->kpis->pdata[i];

      if (!same_text (x->metric, y->metric) || !same_text (x->target, y->target) ||
          !same_text (x->date, y->date))
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_deliverables (const AccordAgreement *a,
                   const AccordAgreement *b)
{
  if (a->deliverables->len != b->deliverables->len)
    return FALSE;
  for (guint i = 0; i < a->deliverables->len; i++)
    {
      const AccordDeliverable *x = a->deliverables->pdata[i];
      const AccordDeliverable *y = b->deliverables->pdata[i];

      if (x->side != y->side || !same_text (x->title, y->title) || !same_text (x->due, y->due) ||
          !x->done != !y->done)
        return FALSE;
    }
  return TRUE;
}

/* "The start date, the notice period and the KPIs": the terms that differ
 * between @before and @after, in words; NULL when none do. */
static char *
describe_amendment (const AccordAgreement *before,
                    const AccordAgreement *after)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GString *text;

#define CHANGED(cond, name) \
  G_STMT_START { if (cond) g_ptr_array_add (names, (gpointer) (name)); } G_STMT_END

  CHANGED (!same_text (before->title, after->title), _("the title"));
  CHANGED (!same_text (before->start, after->start), _("the start date"));
  CHANGED (before->term_months != after->term_months, _("the initial term"));
  CHANGED (before->renewal != after->renewal, _("the renewal"));
  CHANGED (before->notice_days != after->notice_days, _("the notice period"));
  CHANGED (before->termination_notice_days != after->termination_notice_days,
           _("the termination notice"));
  CHANGED (!same_text (before->termination_effect, after->termination_effect),
           _("the effect of termination"));
  CHANGED (!same_text (before->ended_on, after->ended_on), _("the end date"));
  CHANGED (before->revenue_model != after->revenue_model, _("the revenue model"));
  CHANGED (before->payer != after->payer, _("who pays"));
  CHANGED (!same_text (before->currency, after->currency), _("the currency"));
  CHANGED (before->rate_bp != after->rate_bp, _("the rate"));
  CHANGED (before->share_months != after->share_months, _("the months of revenue share"));
  CHANGED (before->amount_minor != after->amount_minor, _("the amount"));
  CHANGED (before->period != after->period, _("the period"));
  CHANGED (!same_tiers (before, after), _("the tiers"));
  CHANGED (before->exclusivity != after->exclusivity, _("the exclusivity"));
  CHANGED (!same_text (before->exclusivity_scope, after->exclusivity_scope),
           _("the scope of exclusivity"));
  CHANGED (!same_text (before->exclusivity_until, after->exclusivity_until),
           _("the end of exclusivity"));
  CHANGED (!same_text (before->ip_terms, after->ip_terms), _("the IP terms"));
  CHANGED (!same_text (before->brand_usage, after->brand_usage), _("the brand usage"));
  CHANGED (!before->confidential != !after->confidential, _("confidentiality"));
  CHANGED (before->confidentiality_months != after->confidentiality_months,
           _("the confidentiality period"));
  CHANGED (before->review_cadence != after->review_cadence, _("the review cadence"));
  CHANGED (!before->legal_review_needed != !after->legal_review_needed,
           _("whether legal review is needed"));
  CHANGED (!same_text (before->legal_requested_on, after->legal_requested_on),
           _("the legal review request date"));
  CHANGED (!same_text (before->legal_done_on, after->legal_done_on),
           _("the legal review completion date"));
  CHANGED (!same_kpis (before, after), _("the KPIs"));
  CHANGED (!same_deliverables (before, after), _("the deliverables"));

#undef CHANGED

  if (names->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];

      if (i == 0)
        {
          /* Capitalise the first word of the sentence. */
          gunichar first = g_unichar_totitle (g_utf8_get_char (name));
          g_string_append_unichar (text, first);
          g_string_append (text, g_utf8_next_char (name));
          continue;
        }
      /* TRANSLATORS: between the names of changed terms, and before the last one */
      g_string_append (text, i + 1 == names->len ? _(" and ") : _(", "));
      g_string_append (text, name);
    }
  /* TRANSLATORS: %s lists the terms that changed, "The start date and the rate" */
  {
    g_autofree char *list = g_string_free (text, FALSE);
    return g_strdup_printf (_("%s changed"), list);
  }
}

/* Trims the texts and upper-cases the currency, as they are stored. */
static void
normalize (AccordAgreement *a)
{
  char **texts[] = {
    &a->title, &a->termination_effect, &a->exclusivity_scope, &a->ip_terms, &a->brand_usage,
    &a->currency,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (*texts[i] != NULL)
      g_strstrip (*texts[i]);
  if (a->title == NULL)
    a->title = g_strdup ("");
  if (a->currency != NULL && *a->currency == '\0')
    g_clear_pointer (&a->currency, g_free);
  if (a->currency != NULL)
    {
      char *upper = g_ascii_strup (a->currency, -1);
      g_free (a->currency);
      a->currency = upper;
    }
  for (guint i = 0; i < a->kpis->len; i++)
    {
      AccordKpi *kpi = a->kpis->pdata[i];
      if (kpi->metric != NULL)
        g_strstrip (kpi->metric);
      if (kpi->target != NULL)
        g_strstrip (kpi->target);
    }
  for (guint i = 0; i < a->deliverables->len; i++)
    {
      AccordDeliverable *d = a->deliverables->pdata[i];
      if (d->title != NULL)
        g_strstrip (d->title);
    }
}

/* The id of another active agreement of @partner_id, or 0. */
static gboolean
other_active (AccordStore  *self,
              gint64        partner_id,
              gint64        id,
              char        **title,
              gboolean     *found,
              GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _accord_store_get_stmt (self,
                                 "SELECT title FROM agreement WHERE partner_id = ?1 "
                                 "AND status = 'active' AND id != ?2",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_int64 (stmt, 2, id);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  if (*found)
    *title = _accord_store_column_text (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _accord_store_set_error (self, rc, _("Could not read the agreements"), error);
  return TRUE;
}

/* Checks @agreement and writes it, inside the caller's transaction. On
 * success *@saved_out is what was written (trimmed, dated, with its id),
 * to give the caller once the transaction commits. */
static gboolean
save_one (AccordStore            *self,
          const AccordAgreement  *agreement,
          const char             *now,
          AccordAgreement       **saved_out,
          GError                **error)
{
  g_autoptr(AccordAgreement) a = NULL;
  g_autoptr(AccordAgreement) before = NULL;
  g_autofree char *other_title = NULL;
  g_autofree char *summary = NULL;
  const char *today = accord_store_get_today (self);
  gboolean status_changed;
  gboolean found = FALSE;
  AccordPartner *partner;
  sqlite3_stmt *stmt;

  /* Work on a copy: the caller's record changes only once it is saved. */
  a = accord_agreement_copy (agreement);
  normalize (a);
  if (!accord_agreement_validate (a, error))
    return FALSE;

  partner = accord_store_lookup_partner (self, a->partner_id);
  if (partner == NULL)
    {
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND,
                           _("The agreement’s partner does not exist"));
      return FALSE;
    }

  if (a->id != 0)
    {
      g_autoptr(GError) local_error = NULL;

      before = load_agreement (self, a->id, &local_error);
      if (before == NULL)
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND,
                                 _("This agreement no longer exists"));
          return FALSE;
        }
      if (before->partner_id != a->partner_id)
        {
          g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                               _("An agreement cannot move to another partner"));
          return FALSE;
        }
    }

  if (a->status == ACCORD_AGREEMENT_ACTIVE)
    {
      if (!other_active (self, a->partner_id, a->id, &other_title, &found, error))
        return FALSE;
      if (found)
        {
          if (other_title != NULL && *other_title != '\0')
            g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                         _("%s already has an active agreement, “%s”. A partner can have only "
                           "one: mark that one expired or terminated first."),
                         accord_partner_get_name (partner), other_title);
          else
            g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                         _("%s already has an active agreement. A partner can have only one: "
                           "mark that one expired or terminated first."),
                         accord_partner_get_name (partner));
          return FALSE;
        }
    }

  /* A new status is dated today unless the caller dated it. */
  status_changed = before != NULL && before->status != a->status;
  if (before == NULL || status_changed)
    {
      if (a->status_since == NULL || *a->status_since == '\0' ||
          (before != NULL && same_text (a->status_since, before->status_since)))
        {
          g_free (a->status_since);
          a->status_since = g_strdup (today);
        }
    }
  else if (a->status_since == NULL || *a->status_since == '\0')
    {
      g_free (a->status_since);
      a->status_since = g_strdup (before->status_since);
    }
  if (before != NULL && before->status != ACCORD_AGREEMENT_DRAFT)
    summary = describe_amendment (before, a);

  if (before == NULL)
    {
      stmt = _accord_store_get_stmt (self,
                                     "INSERT INTO agreement (partner_id, title, status, "
                                     "status_since, start, term_months, renewal, notice_days, "
                                     "termination_notice_days, termination_effect, ended_on, "
                                     "revenue_model, payer, currency, rate_bp, share_months, "
                                     "amount_minor, period, tiers, exclusivity, "
                                     "exclusivity_scope, exclusivity_until, ip_terms, "
                                     "brand_usage, confidential, confidentiality_months, "
                                     "review_cadence, legal_review_needed, legal_requested_on, "
                                     "legal_done_on, created_at, updated_at) VALUES (?1, ?2, "
                                     "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                                     "?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, "
                                     "?27, ?28, ?29, ?30, ?31, ?31)",
                                     error);
    }
  else
    {
      stmt = _accord_store_get_stmt (self,
                                     "UPDATE agreement SET title = ?2, status = ?3, "
                                     "status_since = ?4, start = ?5, term_months = ?6, "
                                     "renewal = ?7, notice_days = ?8, "
                                     "termination_notice_days = ?9, termination_effect = ?10, "
                                     "ended_on = ?11, revenue_model = ?12, payer = ?13, "
                                     "currency = ?14, rate_bp = ?15, share_months = ?16, "
                                     "amount_minor = ?17, period = ?18, tiers = ?19, "
                                     "exclusivity = ?20, exclusivity_scope = ?21, "
                                     "exclusivity_until = ?22, ip_terms = ?23, "
                                     "brand_usage = ?24, confidential = ?25, "
                                     "confidentiality_months = ?26, review_cadence = ?27, "
                                     "legal_review_needed = ?28, legal_requested_on = ?29, "
                                     "legal_done_on = ?30, updated_at = ?31 "
                                     "WHERE id = ?32 AND partner_id = ?1",
                                     error);
    }
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->partner_id);
  bind_terms (stmt, a);
  sqlite3_bind_text (stmt, 31, now, -1, SQLITE_STATIC);
  if (before != NULL)
    sqlite3_bind_int64 (stmt, 32, a->id);
  if (!_accord_store_step_done (self, stmt, _("Could not save the agreement"), error))
    return FALSE;

  if (before == NULL)
    {
      g_autofree char *created = NULL;

      a->id = sqlite3_last_insert_rowid (_accord_store_get_db (self));
      /* TRANSLATORS: %s is an agreement status, "Draft" or "Active" */
      created = g_strdup_printf (_("Created as %s"), accord_agreement_status_label (a->status));
      if (!insert_change (self, a->id, today, "created", NULL, created, error))
        return FALSE;
    }
  else
    {
      if (status_changed &&
          !insert_change (self, a->id, a->status_since, "status",
                          accord_agreement_status_to_key (a->status), "", error))
        return FALSE;
      if (summary != NULL &&
          !insert_change (self, a->id, today, "amendment", NULL, summary, error))
        return FALSE;
    }

  if (!write_lists (self, a, error))
    return FALSE;

  *saved_out = g_steal_pointer (&a);
  return TRUE;
}

/* Gives @saved's contents to @agreement (and @agreement's old ones to
 * @saved, which the caller frees). */
static void
take_saved (AccordAgreement *agreement,
            AccordAgreement *saved)
{
  AccordAgreement old = *agreement;

  *agreement = *saved;
  *saved = old;
}

gboolean
accord_store_save_agreement (AccordStore      *self,
                             AccordAgreement  *agreement,
                             GError          **error)
{
  g_autoptr(GPtrArray) one = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (agreement != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  one = g_ptr_array_new ();
  g_ptr_array_add (one, agreement);
  return accord_store_save_agreements (self, one, NULL, error);
}

gboolean
accord_store_save_agreements (AccordStore  *self,
                              GPtrArray    *agreements,
                              guint        *failed_index,
                              GError      **error)
{
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (agreements != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  saved = g_ptr_array_new_full (agreements->len, (GDestroyNotify) accord_agreement_free);
  now = _accord_store_now_utc ();
  if (!_accord_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < agreements->len; i++)
    {
      AccordAgreement *a = NULL;

      if (!save_one (self, agreements->pdata[i], now, &a, error))
        {
          _accord_store_rollback (self);
          if (failed_index != NULL)
            *failed_index = i;
          return FALSE;
        }
      g_ptr_array_add (saved, a);
    }

  if (!_accord_store_commit (self, error))
    {
      _accord_store_rollback (self);
      if (failed_index != NULL)
        *failed_index = agreements->len;
      return FALSE;
    }

  /* Saved: the caller's records take what the store made of them, and
   * each partner concerned hears about it once. */
  partners = g_ptr_array_new ();
  for (guint i = 0; i < agreements->len; i++)
    {
      AccordAgreement *a = agreements->pdata[i];
      AccordPartner *partner;

      take_saved (a, saved->pdata[i]);
      partner = accord_store_lookup_partner (self, a->partner_id);
      if (partner != NULL && !g_ptr_array_find (partners, partner, NULL))
        g_ptr_array_add (partners, partner);
    }
  for (guint i = 0; i < partners->len; i++)
    _accord_store_emit_agreements_changed (self, partners->pdata[i]);
  return TRUE;
}

gboolean
accord_store_delete_agreement (AccordStore  *self,
                               gint64        agreement_id,
                               GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 partner_id = 0;
  AccordPartner *partner;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);

  stmt = _accord_store_get_stmt (self, "SELECT partner_id FROM agreement WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, agreement_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    partner_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND,
                           _("This agreement no longer exists"));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return _accord_store_set_error (self, rc, _("Could not read the agreements"), error);

  if (!_accord_store_begin (self, error))
    return FALSE;
  stmt = _accord_store_get_stmt (self, "DELETE FROM agreement WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, agreement_id);
  if (!_accord_store_step_done (self, stmt, _("Could not delete the agreement"), error) ||
      !_accord_store_commit (self, error))
    goto fail;

  partner = accord_store_lookup_partner (self, partner_id);
  if (partner != NULL)
    _accord_store_emit_agreements_changed (self, partner);
  return TRUE;

fail:
  _accord_store_rollback (self);
  return FALSE;
}

void
accord_agreement_change_free (AccordAgreementChange *change)
{
  if (change == NULL)
    return;
  g_free (change->date);
  g_free (change->kind);
  g_free (change->status);
  g_free (change->summary);
  g_free (change);
}

GPtrArray *
accord_store_list_agreement_changes (AccordStore  *self,
                                     gint64        agreement_id,
                                     GError      **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  stmt = _accord_store_get_stmt (self,
                                 "SELECT date, kind, status, summary FROM agreement_change "
                                 "WHERE agreement_id = ?1 ORDER BY id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, agreement_id);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_agreement_change_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordAgreementChange *change = g_new0 (AccordAgreementChange, 1);

      change->date = _accord_store_column_text (stmt, 0);
      change->kind = _accord_store_column_text (stmt, 1);
      change->status = _accord_store_column_dup (stmt, 2);
      change->summary = _accord_store_column_text (stmt, 3);
      g_ptr_array_add (list, change);
    }
  sqlite3_reset (stmt);
  if (!step_error (self, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
accord_store_partner_has_results (AccordStore   *self,
                                  AccordPartner *partner)
{
  sqlite3_stmt *stmt;
  AccordStage stage;
  gboolean found;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), FALSE);

  stage = accord_partner_get_stage (partner);
  if (stage == ACCORD_STAGE_GROWING || stage == ACCORD_STAGE_OPTIMIZING)
    return TRUE;

  /* Having been Growing or Optimizing, or a converted referral. */
  stmt = _accord_store_get_stmt (self,
                                 "SELECT 1 FROM stage_change WHERE partner_id = ?1 "
                                 "AND stage IN ('growing', 'optimizing') UNION ALL "
                                 "SELECT 1 FROM referral WHERE partner_id = ?1 "
                                 "AND status = 'converted' LIMIT 1",
                                 NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, accord_partner_get_id (partner));
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}
