/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-dashboard.h"

#include "accord-lifecycle.h"
#include "accord-store-private.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

/* The dashboard reads each table once, with plain SQL that returns only
 * the columns it needs, and does the rest in C over an array with one
 * row per partner: six queries plus those of accord_store_list_results(),
 * whatever the number of partners. The rules are in accord-dashboard.h. */

/* The launch playbook's step "Tracking checked before go-live"
 * (accord-playbook.c). */
#define TRACKING_STEP "week-tracking-checked"

typedef struct
{
  AccordPartner *partner;              /* the model's reference */
  AccordStage    stage;
  AccordStage    stage_last_month;     /* ACCORD_N_STAGES: not there yet */
  char           identified_on[11];    /* first move to Identified */
  char           launching_on[11];     /* first move to Launching */
  char           live_on[11];          /* first move to a live stage */
  gboolean       ended_this_month;
  gboolean       ended_last_month;
  char           active_on[11];        /* the first agreement became active */
  char           agreement_start[11];  /* earliest start of an agreement that did */
  gboolean       pending_agreement;    /* one in negotiation or legal review */
  char           first_launch[11];     /* earliest launch date L up to today */
  char           launch_after_active[11];
  char           first_conversion[11]; /* on or after the partnership's start */
  guint          figures_months;       /* bit i: figures for months[i] */
  gint64         figures_revenue[ACCORD_DASHBOARD_MONTHS];
  gint64         figures_referrals[ACCORD_DASHBOARD_MONTHS];
  gint64         referral_revenue[ACCORD_DASHBOARD_MONTHS];
  gint64         referral_count[ACCORD_DASHBOARD_MONTHS];
  gint64         revenue[ACCORD_DASHBOARD_MONTHS];      /* by the rule */
  gint64         referrals[ACCORD_DASHBOARD_MONTHS];
  gint64         revenue_total;
  gint64         referrals_total;
} Row;

typedef struct
{
  AccordStore     *store;
  AccordDashboard *out;
  const char      *today;
  char             this_month[8];
  char             last_month[8];
  char             end_of_last_month[11];
  char             trend_from[11];       /* first day of months[0] */
  int              first_month_number;   /* of months[0] */
  Row             *rows;
  guint            n_rows;
  GHashTable      *by_id;                /* partner id -> Row */
  GArray          *samples[ACCORD_DASHBOARD_N_MEDIANS];
  GHashTable      *currencies;           /* currency -> count */
} Compute;

static void
compute_clear (Compute *c)
{
  g_clear_pointer (&c->rows, g_free);
  g_clear_pointer (&c->by_id, g_hash_table_unref);
  g_clear_pointer (&c->currencies, g_hash_table_unref);
  for (guint i = 0; i < ACCORD_DASHBOARD_N_MEDIANS; i++)
    g_clear_pointer (&c->samples[i], g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Compute, compute_clear)

static gboolean
is_live (AccordStage stage)
{
  return stage >= ACCORD_STAGE_LAUNCHING && stage <= ACCORD_STAGE_RENEWING;
}

/* Months since year 0 for "YYYY-MM..." (-1 if it is not one). */
static int
month_number (const char *text)
{
  if (text == NULL || strlen (text) < 7 || text[4] != '-')
    return -1;
  return (int) g_ascii_strtoll (text, NULL, 10) * 12 +
         (int) g_ascii_strtoll (text + 5, NULL, 10) - 1;
}

/* The trend's index of @date's month, or -1 outside it. */
static int
month_index (Compute    *c,
             const char *date)
{
  int index = month_number (date) - c->first_month_number;

  return index >= 0 && index < ACCORD_DASHBOARD_MONTHS ? index : -1;
}

static void
set_date (char       *field,
          const char *date)
{
  g_strlcpy (field, date, 11);
}

/* Keeps the earlier of @field and @date (an empty field has none). */
static void
keep_earlier (char       *field,
              const char *date)
{
  if (date == NULL || *date == '\0')
    return;
  if (*field == '\0' || strcmp (date, field) < 0)
    set_date (field, date);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

static Row *
lookup_row (Compute *c,
            gint64   partner_id)
{
  return g_hash_table_lookup (c->by_id, &partner_id);
}

static gboolean
read_done (Compute       *c,
           sqlite3_stmt  *stmt,
           int            rc,
           GError       **error)
{
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  return _accord_store_set_error (c->store, rc, _("Could not read the dashboard’s figures"), error);
}

static void
add_sample (Compute                   *c,
            AccordDashboardMedianKind  kind,
            const char                *from,
            const char                *to)
{
  int days;

  if (*from == '\0' || *to == '\0')
    return;
  days = accord_days_between (from, to);
  if (days != ACCORD_DAYS_INVALID && days >= 0)
    g_array_append_val (c->samples[kind], days);
}

/* The partners, from the live model: its order does not matter. */
static void
load_partners (Compute *c)
{
  GListModel *partners = accord_store_get_partners (c->store);

  c->n_rows = g_list_model_get_n_items (partners);
  c->rows = g_new0 (Row, MAX (c->n_rows, 1));
  c->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < c->n_rows; i++)
    {
      g_autoptr(AccordPartner) partner = g_list_model_get_item (partners, i);
      Row *row = &c->rows[i];

      /* The model keeps the partner alive while this runs. */
      row->partner = partner;
      row->stage = accord_partner_get_stage (partner);
      row->stage_last_month = ACCORD_N_STAGES;
      g_hash_table_insert (c->by_id, g_memdup2 (&(gint64) { accord_partner_get_id (partner) },
                                                sizeof (gint64)), row);
    }
}

static gboolean
load_stage_history (Compute  *c,
                    GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 last_id = 0;
  Row *row = NULL;
  int rc;

  stmt = _accord_store_get_stmt (c->store,
                                 "SELECT partner_id, stage, date FROM stage_change "
                                 "ORDER BY partner_id, id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *date = column_text (stmt, 2);
      AccordStage stage;

      if (id != last_id)
        {
          row = lookup_row (c, id);
          last_id = id;
        }
      if (row == NULL || date == NULL || !accord_stage_from_key (column_text (stmt, 1), &stage))
        continue;

      if (stage == ACCORD_STAGE_IDENTIFIED && row->identified_on[0] == '\0')
        set_date (row->identified_on, date);
      if (stage == ACCORD_STAGE_LAUNCHING && row->launching_on[0] == '\0')
        set_date (row->launching_on, date);
      if (is_live (stage) && row->live_on[0] == '\0')
        set_date (row->live_on, date);
      if (stage == ACCORD_STAGE_ENDED)
        {
          if (strncmp (date, c->this_month, 7) == 0)
            row->ended_this_month = TRUE;
          else if (strncmp (date, c->last_month, 7) == 0)
            row->ended_last_month = TRUE;
        }
      /* Moves come in the order they were made, never dated before the
       * one they follow: the last one by the end of last month holds. */
      if (strcmp (date, c->end_of_last_month) <= 0)
        row->stage_last_month = stage;
    }
  return read_done (c, stmt, rc, error);
}

static gboolean
load_agreements (Compute  *c,
                 GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* An agreement became active on its first status change to active;
   * one made active from the start has no such change (status_since
   * says when), and one imported expired or terminated was active from
   * its start. */
  stmt = _accord_store_get_stmt (c->store,
                                 "SELECT a.partner_id, a.status, a.status_since, a.start, "
                                 "a.legal_requested_on, a.legal_done_on, a.currency, "
                                 "(SELECT min(ch.date) FROM agreement_change ch "
                                 "WHERE ch.agreement_id = a.id AND ch.kind = 'status' "
                                 "AND ch.status = 'active') "
                                 "FROM agreement a",
                                 error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row *row = lookup_row (c, sqlite3_column_int64 (stmt, 0));
      AccordAgreementStatus status = ACCORD_AGREEMENT_DRAFT;
      const char *since = column_text (stmt, 2);
      const char *start = column_text (stmt, 3);
      const char *requested = column_text (stmt, 4);
      const char *done = column_text (stmt, 5);
      const char *currency = column_text (stmt, 6);
      const char *activated = column_text (stmt, 7);

      if (row == NULL)
        continue;
      accord_agreement_status_from_key (column_text (stmt, 1), &status);

      if (activated == NULL)
        {
          if (status == ACCORD_AGREEMENT_ACTIVE)
            activated = since != NULL ? since : start;
          else if (status == ACCORD_AGREEMENT_EXPIRED || status == ACCORD_AGREEMENT_TERMINATED)
            activated = start;
        }
      if (activated != NULL && strcmp (activated, c->today) <= 0)
        {
          keep_earlier (row->active_on, activated);
          keep_earlier (row->agreement_start, start != NULL ? start : activated);
        }
      if (status == ACCORD_AGREEMENT_NEGOTIATING || status == ACCORD_AGREEMENT_LEGAL_REVIEW)
        row->pending_agreement = TRUE;
      if (requested != NULL && done != NULL)
        add_sample (c, ACCORD_DASHBOARD_APPROVAL_CYCLE, requested, done);
      if (currency != NULL && *currency != '\0')
        {
          gpointer count = g_hash_table_lookup (c->currencies, currency);

          g_hash_table_insert (c->currencies, g_strdup (currency),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
        }
    }
  return read_done (c, stmt, rc, error);
}

static gboolean
load_launches (Compute  *c,
               GError  **error)
{
  g_autoptr(GHashTable) tracked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _accord_store_get_stmt (c->store,
                                 "SELECT DISTINCT run_id FROM task WHERE step = ?1 "
                                 "AND playbook = 'launch' AND run_id IS NOT NULL "
                                 "AND done_on IS NOT NULL AND cancelled_on IS NULL",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, TRACKING_STEP, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (tracked, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) },
                                          sizeof (gint64)));
  if (!read_done (c, stmt, rc, error))
    return FALSE;

  stmt = _accord_store_get_stmt (c->store,
                                 "SELECT id, partner_id, anchor_date FROM playbook_run "
                                 "WHERE playbook = 'launch' AND anchor_date <= ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, c->today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 run_id = sqlite3_column_int64 (stmt, 0);
      Row *row = lookup_row (c, sqlite3_column_int64 (stmt, 1));
      const char *launch = column_text (stmt, 2);

      if (row == NULL || launch == NULL)
        continue;
      c->out->launches_past++;
      if (g_hash_table_contains (tracked, &run_id))
        c->out->launches_tracked++;
      keep_earlier (row->first_launch, launch);
      if (row->active_on[0] != '\0' && strcmp (launch, row->active_on) >= 0)
        keep_earlier (row->launch_after_active, launch);
    }
  return read_done (c, stmt, rc, error);
}

/* Where time to first referral counts from (see the header). */
static const char *
partnership_start (const Row *row)
{
  if (row->agreement_start[0] != '\0')
    return row->agreement_start;
  return row->first_launch;
}

static gboolean
load_referrals (Compute  *c,
                GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 last_id = 0;
  Row *row = NULL;
  int rc;

  /* One pass over the table, in its own order (faster than any index
   * here): the referrals that came in each month of the trend, the
   * revenue converted in each, and each partner's first conversion on or
   * after its start. A conversion is never dated before its referral, so
   * "date <= today" keeps every one up to today. */
  stmt = _accord_store_get_stmt (c->store,
                                 "SELECT partner_id, date, status = 'converted', converted_on, "
                                 "revenue_minor FROM referral WHERE date <= ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, c->today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *date = column_text (stmt, 1);
      const char *converted_on;
      const char *start;
      int index;

      if (id != last_id)
        {
          row = lookup_row (c, id);
          last_id = id;
        }
      if (row == NULL || date == NULL)
        continue;
      if ((index = month_index (c, date)) >= 0)
        row->referral_count[index]++;

      converted_on = column_text (stmt, 3);
      if (!sqlite3_column_int (stmt, 2) || converted_on == NULL ||
          strcmp (converted_on, c->today) > 0)
        continue;
      if ((index = month_index (c, converted_on)) >= 0)
        row->referral_revenue[index] += sqlite3_column_int64 (stmt, 4);
      start = partnership_start (row);
      if (*start != '\0' && strcmp (converted_on, start) >= 0)
        keep_earlier (row->first_conversion, converted_on);
    }
  return read_done (c, stmt, rc, error);
}

static gboolean
load_figures (Compute  *c,
              GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _accord_store_get_stmt (c->store,
                                 "SELECT partner_id, month, revenue_minor, referrals FROM figures "
                                 "WHERE month >= ?1 AND month <= ?2",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, c->out->months[0], -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, c->this_month, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row *row = lookup_row (c, sqlite3_column_int64 (stmt, 0));
      int index = month_index (c, column_text (stmt, 1));

      if (row == NULL || index < 0)
        continue;
      row->figures_months |= 1u << index;
      row->figures_revenue[index] = sqlite3_column_int64 (stmt, 2);
      row->figures_referrals[index] = sqlite3_column_int64 (stmt, 3);
    }
  return read_done (c, stmt, rc, error);
}

static void
rank_free (AccordDashboardRank *rank)
{
  g_clear_object (&rank->partner);
  g_free (rank);
}

static void
alert_free (AccordDashboardAlert *alert)
{
  g_clear_object (&alert->partner);
  g_free (alert);
}

static int
compare_names (AccordPartner *a,
               AccordPartner *b)
{
  return g_utf8_collate (accord_partner_get_name (a), accord_partner_get_name (b));
}

/* Best first: the higher growth, then the higher value, then by name. */
static int
compare_ranks (const AccordDashboardRank *x,
               const AccordDashboardRank *y)
{
  if (x->growth_bp != y->growth_bp)
    return x->growth_bp > y->growth_bp ? -1 : 1;
  if (x->value != y->value)
    return x->value > y->value ? -1 : 1;
  return compare_names (x->partner, y->partner);
}

static int
compare_alerts (gconstpointer a,
                gconstpointer b)
{
  const AccordDashboardAlert *x = *(const AccordDashboardAlert * const *) a;
  const AccordDashboardAlert *y = *(const AccordDashboardAlert * const *) b;

  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  return compare_names (x->partner, y->partner);
}

/* The best ACCORD_DASHBOARD_TOP candidates seen so far, best first: a
 * partial selection, so ten thousand partners cost no sort. */
typedef struct
{
  AccordDashboardRank ranks[ACCORD_DASHBOARD_TOP];
  guint               n;
} Top;

static void
offer (Top                       *top,
       const AccordDashboardRank *candidate)
{
  guint at;

  if (top->n == ACCORD_DASHBOARD_TOP &&
      compare_ranks (candidate, &top->ranks[ACCORD_DASHBOARD_TOP - 1]) >= 0)
    return;
  at = MIN (top->n, ACCORD_DASHBOARD_TOP - 1);
  while (at > 0 && compare_ranks (candidate, &top->ranks[at - 1]) < 0)
    {
      top->ranks[at] = top->ranks[at - 1];
      at--;
    }
  top->ranks[at] = *candidate;
  top->n = MIN (top->n + 1, ACCORD_DASHBOARD_TOP);
}

static GPtrArray *
top_to_array (const Top *top)
{
  GPtrArray *array = g_ptr_array_new_with_free_func ((GDestroyNotify) rank_free);

  for (guint i = 0; i < top->n; i++)
    {
      AccordDashboardRank *rank = g_memdup2 (&top->ranks[i], sizeof *rank);

      g_object_ref (rank->partner);
      g_ptr_array_add (array, rank);
    }
  return array;
}

static void
compute_tops (Compute *c)
{
  Top tops[ACCORD_DASHBOARD_N_RANKINGS];
  /* The last three complete months and the three before them. */
  const int recent_from = ACCORD_DASHBOARD_MONTHS - 4;
  const int previous_from = ACCORD_DASHBOARD_MONTHS - 7;

  memset (tops, 0, sizeof tops);
  for (guint i = 0; i < c->n_rows; i++)
    {
      Row *row = &c->rows[i];
      AccordDashboardRank candidate = { row->partner, 0, 0, 0 };
      gint64 recent = 0, previous = 0, growth_bp;

      if (row->revenue_total > 0)
        {
          candidate.value = row->revenue_total;
          offer (&tops[ACCORD_DASHBOARD_BY_REVENUE], &candidate);
        }
      if (row->referrals_total > 0)
        {
          candidate.value = row->referrals_total;
          offer (&tops[ACCORD_DASHBOARD_BY_REFERRALS], &candidate);
        }

      for (int m = 0; m < 3; m++)
        {
          recent += row->revenue[recent_from + m];
          previous += row->revenue[previous_from + m];
        }
      if (recent > previous && accord_dashboard_change_bp (recent, previous, &growth_bp))
        {
          candidate.value = recent;
          candidate.previous = previous;
          candidate.growth_bp = growth_bp;
          offer (&tops[ACCORD_DASHBOARD_BY_GROWTH], &candidate);
        }
    }
  for (guint k = 0; k < ACCORD_DASHBOARD_N_RANKINGS; k++)
    c->out->top[k] = top_to_array (&tops[k]);
}

static void
pick_currency (Compute *c)
{
  GHashTableIter iter;
  gpointer key, value;
  guint best = 0;

  g_hash_table_iter_init (&iter, c->currencies);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint count = GPOINTER_TO_UINT (value);

      /* Ties go to the first in alphabetical order, so the pick is stable. */
      if (count > best || (count == best && g_strcmp0 (key, c->out->currency) < 0))
        {
          g_free (c->out->currency);
          c->out->currency = g_strdup (key);
          best = count;
        }
    }
  c->out->mixed_currencies = g_hash_table_size (c->currencies) > 1;
}

/* What results say: health alerts and commission balances. */
static gboolean
compute_results (Compute  *c,
                 GError  **error)
{
  g_autoptr(GHashTable) results = accord_store_list_results (c->store, error);
  AccordDashboard *out = c->out;

  if (results == NULL)
    return FALSE;

  out->alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) alert_free);
  for (guint i = 0; i < c->n_rows; i++)
    {
      Row *row = &c->rows[i];
      gint64 id = accord_partner_get_id (row->partner);
      const AccordPartnerResults *r = g_hash_table_lookup (results, &id);
      gint64 to, by;

      if (r == NULL)
        continue;
      to = r->ledger[ACCORD_LEDGER_OWED_TO_PARTNER].balance_minor;
      by = r->ledger[ACCORD_LEDGER_OWED_BY_PARTNER].balance_minor;
      if (to > 0)
        {
          out->owed_to_partners_minor += to;
          out->n_owed_to++;
        }
      if (by > 0)
        {
          out->owed_by_partners_minor += by;
          out->n_owed_by++;
        }

      if (is_live (row->stage) && r->health.band != ACCORD_HEALTH_HEALTHY)
        {
          AccordDashboardAlert *alert = g_new0 (AccordDashboardAlert, 1);

          alert->partner = g_object_ref (row->partner);
          alert->score = r->health.score;
          alert->band = r->health.band;
          alert->reason = r->health.reasons[0];
          for (guint k = 1; k < ACCORD_N_HEALTH_INPUTS; k++)
            if (r->health.reasons[k].points > alert->reason.points)
              alert->reason = r->health.reasons[k];
          if (alert->band == ACCORD_HEALTH_AT_RISK)
            out->n_at_risk++;
          else
            out->n_watch++;
          g_ptr_array_add (out->alerts, alert);
        }
    }
  g_ptr_array_sort (out->alerts, compare_alerts);
  return TRUE;
}

static void
compute_partners (Compute *c)
{
  AccordDashboard *out = c->out;

  out->n_partners = c->n_rows;
  for (guint i = 0; i < c->n_rows; i++)
    {
      Row *row = &c->rows[i];
      char started[11] = "";

      if (row->stage < ACCORD_N_STAGES)
        out->by_stage[row->stage]++;
      if (is_live (row->stage))
        out->active_now++;
      if (row->stage_last_month < ACCORD_N_STAGES && is_live (row->stage_last_month))
        out->active_last_month++;
      if (row->stage == ACCORD_STAGE_NEGOTIATING && row->pending_agreement)
        out->expected_to_close++;

      keep_earlier (started, row->live_on);
      keep_earlier (started, row->active_on);
      if (strncmp (started, c->this_month, 7) == 0)
        out->new_this_month++;
      else if (strncmp (started, c->last_month, 7) == 0)
        out->new_last_month++;
      if (row->ended_this_month)
        out->ended_this_month++;
      if (row->ended_last_month)
        out->ended_last_month++;

      for (guint m = 0; m < ACCORD_DASHBOARD_MONTHS; m++)
        {
          gboolean figures = (row->figures_months & (1u << m)) != 0;

          row->revenue[m] = figures ? row->figures_revenue[m] : row->referral_revenue[m];
          row->referrals[m] = figures ? row->figures_referrals[m] : row->referral_count[m];
          row->revenue_total += row->revenue[m];
          row->referrals_total += row->referrals[m];
          out->revenue_minor[m] += row->revenue[m];
          out->referrals[m] += row->referrals[m];
          if (figures || row->referral_revenue[m] > 0 || row->referral_count[m] > 0)
            out->has_results = TRUE;
        }

      add_sample (c, ACCORD_DASHBOARD_TIME_TO_ONBOARD, row->identified_on, row->launching_on);
      add_sample (c, ACCORD_DASHBOARD_AGREEMENT_TO_LAUNCH, row->active_on,
                  row->launch_after_active);
      add_sample (c, ACCORD_DASHBOARD_TIME_TO_FIRST_REFERRAL, partnership_start (row),
                  row->first_conversion);
    }
  out->in_discussion = out->by_stage[ACCORD_STAGE_OUTREACH] +
                       out->by_stage[ACCORD_STAGE_NEGOTIATING];

  for (guint k = 0; k < ACCORD_DASHBOARD_N_MEDIANS; k++)
    {
      GArray *samples = c->samples[k];

      out->medians[k].n = samples->len;
      accord_dashboard_median ((int *) (gpointer) samples->data, samples->len,
                               &out->medians[k].days);
    }
}

/* The months of the trend and the period boundaries, from today. */
static gboolean
set_up_periods (Compute  *c,
                GError  **error)
{
  g_autofree char *first_of_month = NULL;
  g_autofree char *end_of_last = NULL;

  if (!accord_date_is_valid (c->today))
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                   _("Today’s date is not a date: %s"), c->today);
      return FALSE;
    }
  g_strlcpy (c->out->today, c->today, sizeof c->out->today);
  first_of_month = g_strdup_printf ("%.7s-01", c->today);
  for (int m = 0; m < ACCORD_DASHBOARD_MONTHS; m++)
    {
      g_autofree char *month = accord_date_add_months (first_of_month,
                                                       m - (ACCORD_DASHBOARD_MONTHS - 1));

      g_strlcpy (c->out->months[m], month, sizeof c->out->months[m]);
    }
  g_strlcpy (c->this_month, c->out->months[ACCORD_DASHBOARD_MONTHS - 1], sizeof c->this_month);
  g_strlcpy (c->last_month, c->out->months[ACCORD_DASHBOARD_MONTHS - 2], sizeof c->last_month);
  end_of_last = accord_date_add_days (first_of_month, -1);
  g_strlcpy (c->end_of_last_month, end_of_last, sizeof c->end_of_last_month);
  g_snprintf (c->trend_from, sizeof c->trend_from, "%s-01", c->out->months[0]);
  c->first_month_number = month_number (c->out->months[0]);
  return TRUE;
}

AccordDashboard *
accord_dashboard_compute (AccordStore  *store,
                          GError      **error)
{
  g_autoptr(AccordDashboard) out = g_new0 (AccordDashboard, 1);
  g_auto(Compute) c = { NULL, };

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  c.store = store;
  c.out = out;
  c.today = accord_store_get_today (store);
  c.currencies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint k = 0; k < ACCORD_DASHBOARD_N_MEDIANS; k++)
    c.samples[k] = g_array_new (FALSE, FALSE, sizeof (int));

  if (!set_up_periods (&c, error))
    return NULL;
  load_partners (&c);
  /* The order matters: launches need the agreements' dates, referrals
   * the partnership's start from both. */
  if (!load_stage_history (&c, error) ||
      !load_agreements (&c, error) ||
      !load_launches (&c, error) ||
      !load_referrals (&c, error) ||
      !load_figures (&c, error))
    return NULL;

  compute_partners (&c);
  compute_tops (&c);
  pick_currency (&c);
  if (!compute_results (&c, error))
    return NULL;
  return g_steal_pointer (&out);
}

typedef struct
{
  char *path;
  char *today;
} ThreadData;

static void
thread_data_free (ThreadData *data)
{
  g_free (data->path);
  g_free (data->today);
  g_free (data);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ThreadData *data = task_data;
  g_autoptr(AccordStore) store = NULL;
  AccordDashboard *dashboard;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  store = accord_store_open (data->path, ACCORD_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  accord_store_set_today (store, data->today);
  dashboard = accord_dashboard_compute (store, &error);
  if (dashboard == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dashboard, (GDestroyNotify) accord_dashboard_free);
}

void
accord_dashboard_compute_async (AccordStore         *store,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ThreadData *data;
  const char *path;

  g_return_if_fail (ACCORD_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, accord_dashboard_compute_async);
  path = accord_store_get_path (store);
  if (path == NULL || *path == '\0' || strcmp (path, ":memory:") == 0)
    {
      /* Nothing another connection could open: here and now. */
      GError *error = NULL;
      AccordDashboard *dashboard = accord_dashboard_compute (store, &error);

      if (dashboard == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, dashboard, (GDestroyNotify) accord_dashboard_free);
      return;
    }
  data = g_new0 (ThreadData, 1);
  data->path = g_strdup (path);
  data->today = g_strdup (accord_store_get_today (store));
  g_task_set_task_data (task, data, (GDestroyNotify) thread_data_free);
  g_task_run_in_thread (task, compute_thread);
}

/* Swaps the worker's partner objects in @array for @store's; drops the
 * records of partners @store does not have. */
static void
adopt_partners (AccordStore *store,
                GPtrArray   *array,
                gsize        partner_offset)
{
  for (guint i = array->len; i-- > 0;)
    {
      AccordPartner **partner = G_STRUCT_MEMBER_P (array->pdata[i], partner_offset);
      AccordPartner *own = accord_store_lookup_partner (store, accord_partner_get_id (*partner));

      if (own == NULL)
        g_ptr_array_remove_index (array, i);
      else
        g_set_object (partner, own);
    }
}

AccordDashboard *
accord_dashboard_compute_finish (AccordStore   *store,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  AccordDashboard *dashboard;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  dashboard = g_task_propagate_pointer (G_TASK (result), error);
  if (dashboard == NULL)
    return NULL;
  for (guint k = 0; k < ACCORD_DASHBOARD_N_RANKINGS; k++)
    adopt_partners (store, dashboard->top[k], G_STRUCT_OFFSET (AccordDashboardRank, partner));
  adopt_partners (store, dashboard->alerts, G_STRUCT_OFFSET (AccordDashboardAlert, partner));
  return dashboard;
}

void
accord_dashboard_free (AccordDashboard *self)
{
  if (self == NULL)
    return;
  for (guint k = 0; k < ACCORD_DASHBOARD_N_RANKINGS; k++)
    g_clear_pointer (&self->top[k], g_ptr_array_unref);
  g_clear_pointer (&self->alerts, g_ptr_array_unref);
  g_free (self->currency);
  g_free (self);
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  int x = *(const int *) a;
  int y = *(const int *) b;

  return x < y ? -1 : x > y;
}

gboolean
accord_dashboard_median (int   *days,
                         guint  n,
                         int   *median)
{
  gint64 sum;

  g_return_val_if_fail (n == 0 || days != NULL, FALSE);
  g_return_val_if_fail (median != NULL, FALSE);

  *median = 0;
  if (n == 0)
    return FALSE;
  qsort (days, n, sizeof (int), compare_ints);
  if (n % 2 == 1)
    {
      *median = days[n / 2];
      return TRUE;
    }
  /* Half up: floor ((a + b + 1) / 2), for negative sums too. */
  sum = (gint64) days[n / 2 - 1] + days[n / 2] + 1;
  *median = (int) (sum >= 0 ? sum / 2 : -((-sum + 1) / 2));
  return TRUE;
}

gboolean
accord_dashboard_change_bp (gint64  now,
                            gint64  before,
                            gint64 *change_bp)
{
  gint64 diff;

  g_return_val_if_fail (change_bp != NULL, FALSE);

  *change_bp = 0;
  if (before <= 0 || now < 0)
    return FALSE;
  /* Scale huge amounts down so "x 10000" cannot overflow; the precision
   * lost there does not show in a percentage. */
  while (now > G_MAXINT64 / 20000 || before > G_MAXINT64 / 20000)
    {
      now /= 10;
      before = MAX (before / 10, 1);
    }
  diff = now - before;
  if (diff >= 0)
    *change_bp = (diff * 10000 + before / 2) / before;
  else
    *change_bp = -((-diff * 10000 + before / 2) / before);
  return TRUE;
}

char *
accord_dashboard_describe_change (gint64                 now,
                                  gint64                 before,
                                  AccordDashboardCompare compare)
{
  gint64 bp;
  int percent;

  if (!accord_dashboard_change_bp (now, before, &bp))
    return NULL;
  bp = CLAMP (bp, -G_MAXINT / 2, G_MAXINT / 2);
  percent = (int) (bp >= 0 ? (bp + 50) / 100 : -((-bp + 50) / 100));

  switch (compare)
    {
    case ACCORD_DASHBOARD_COMPARE_MONTH_BEFORE:
      if (percent > 0)
        /* TRANSLATORS: a change in revenue; %d is a whole percentage */
        return g_strdup_printf (_("up %d %% from the month before"), percent);
      if (percent < 0)
        return g_strdup_printf (_("down %d %% from the month before"), -percent);
      return g_strdup (_("about the same as the month before"));
    case ACCORD_DASHBOARD_COMPARE_LAST_MONTH:
      if (percent > 0)
        return g_strdup_printf (_("up %d %% from last month"), percent);
      if (percent < 0)
        return g_strdup_printf (_("down %d %% from last month"), -percent);
      return g_strdup (_("about the same as last month"));
    case ACCORD_DASHBOARD_COMPARE_PLAIN:
    default:
      if (percent > 0)
        return g_strdup_printf (_("up %d %%"), percent);
      if (percent < 0)
        return g_strdup_printf (_("down %d %%"), -percent);
      return g_strdup (_("about the same"));
    }
}

char *
accord_dashboard_format_median (const AccordDashboardMedian *median)
{
  g_return_val_if_fail (median != NULL, NULL);

  if (median->n == 0)
    return g_strdup (_("Not enough data"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", ABS (median->days)),
                          median->days);
}

char *
accord_dashboard_format_tracking (const AccordDashboard *self)
{
  guint percent;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->launches_past == 0)
    return g_strdup (_("Not enough data"));
  percent = (self->launches_tracked * 100 + self->launches_past / 2) / self->launches_past;
  /* TRANSLATORS: launches with tracking checked: "3 of 4 (75 %)" */
  return g_strdup_printf (_("%u of %u (%u %%)"), self->launches_tracked, self->launches_past,
                          percent);
}

static const struct
{
  const char *title;
  const char *explain;
} median_texts[ACCORD_DASHBOARD_N_MEDIANS] = {
  [ACCORD_DASHBOARD_TIME_TO_ONBOARD] = {
    N_("Time to onboard"),
    N_("Typical days from identifying a partner to its launch stage"),
  },
  [ACCORD_DASHBOARD_AGREEMENT_TO_LAUNCH] = {
    N_("Agreement to launch"),
    N_("Typical days from a signed agreement to the first launch date"),
  },
  [ACCORD_DASHBOARD_APPROVAL_CYCLE] = {
    N_("Approval cycle"),
    N_("Typical days from asking for the legal review of an agreement to getting it"),
  },
  [ACCORD_DASHBOARD_TIME_TO_FIRST_REFERRAL] = {
    N_("Time to first referral"),
    N_("Typical days from a partnership’s start (its agreement, else its launch) to its first "
       "converted referral"),
  },
};

const char *
accord_dashboard_median_title (AccordDashboardMedianKind kind)
{
  g_return_val_if_fail (kind < ACCORD_DASHBOARD_N_MEDIANS, "");
  return _(median_texts[kind].title);
}

const char *
accord_dashboard_median_explain (AccordDashboardMedianKind kind)
{
  g_return_val_if_fail (kind < ACCORD_DASHBOARD_N_MEDIANS, "");
  return _(median_texts[kind].explain);
}
