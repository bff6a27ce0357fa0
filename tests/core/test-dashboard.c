/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "test-helpers.h"
#include "config.h"

#include <string.h>

#include "accord-dashboard.h"
#include "accord-store.h"
#include "accord-store-private.h"

/* The dashboard against a workspace whose whole history is known: every
 * figure is worked out by hand in the comments. */

typedef TestWorkspace Fixture;
#define fixture_set_up test_workspace_set_up
#define fixture_tear_down test_workspace_tear_down

#define TODAY "2026-03-15"

static AccordPartner *
add_partner_on (AccordStore *store,
                const char  *name,
                const char  *on)
{
  g_autoptr(AccordPartner) partner = accord_partner_new (name);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved_today = g_strdup (accord_store_get_today (store));

  accord_store_set_today (store, on);
  g_assert_true (accord_store_add_partner (store, partner, NULL, &error));
  g_assert_no_error (error);
  accord_store_set_today (store, saved_today);
  return g_steal_pointer (&partner);
}

/* Moves along the stages, each on its date: "outreach@2025-02-01 ...". */
static void
walk (AccordStore   *store,
      AccordPartner *partner,
      const char    *moves)
{
  g_auto(GStrv) steps = g_strsplit (moves, " ", -1);

  for (guint i = 0; steps[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (steps[i], "@", 2);
      AccordStage stage;

      g_assert_true (accord_stage_from_key (parts[0], &stage));
      test_move_ok (store, partner, stage, parts[1], NULL, NULL);
    }
}

static void
save_agreement_ok (AccordStore     *store,
                   AccordAgreement *a)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_store_save_agreement (store, a, &error));
  g_assert_no_error (error);
}

static void
save_referral (AccordStore   *store,
               AccordPartner *partner,
               const char    *date,
               const char    *converted_on,
               const char    *customer,
               gint64         revenue_minor)
{
  g_autoptr(AccordReferral) r = accord_referral_new (accord_partner_get_id (partner), date);
  g_autoptr(GError) error = NULL;

  g_free (r->customer);
  r->customer = g_strdup (customer);
  if (converted_on != NULL)
    {
      r->status = ACCORD_REFERRAL_CONVERTED;
      r->converted_on = g_strdup (converted_on);
      r->revenue_minor = revenue_minor;
    }
  g_assert_true (accord_store_save_referral (store, r, &error));
  g_assert_no_error (error);
}

static void
set_figures (AccordStore   *store,
             AccordPartner *partner,
             const char    *month,
             gint64         revenue_minor,
             int            referrals)
{
  g_autoptr(AccordFigures) f = accord_figures_new (accord_partner_get_id (partner), month);
  g_autoptr(GError) error = NULL;

  f->revenue_minor = revenue_minor;
  f->referrals = referrals;
  g_assert_true (accord_store_set_figures (store, f, &error));
  g_assert_no_error (error);
}

static void
save_review (AccordStore    *store,
             AccordPartner  *partner,
             const char     *date,
             int             rating,
             AccordRedFlags  flags)
{
  g_autoptr(AccordReview) r = accord_review_new (accord_partner_get_id (partner), date);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < ACCORD_N_REVIEW_RATINGS; i++)
    r->ratings[i] = rating;
  r->red_flags = flags;
  g_assert_true (accord_store_save_review (store, r, &error));
  g_assert_no_error (error);
}

/* Starts a launch on @launch; ticks its tracking step when @tracked. */
static void
start_launch (AccordStore   *store,
              AccordPartner *partner,
              const char    *launch,
              gboolean       tracked)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  gint64 run_id;
  gboolean found = FALSE;

  run_id = accord_store_start_playbook (store, partner, ACCORD_PLAYBOOK_LAUNCH, launch,
                                        "Launch", &error);
  g_assert_no_error (error);
  g_assert_cmpint (run_id, >, 0);
  if (!tracked)
    return;
  tasks = accord_store_list_tasks (store, partner, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tasks->len; i++)
    {
      AccordTask *task = tasks->pdata[i];

      if (task->run_id == run_id && g_strcmp0 (task->step, "week-tracking-checked") == 0)
        {
          g_assert_true (accord_store_set_task_done (store, task->id, TRUE, &error));
          g_assert_no_error (error);
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static AccordDashboard *
compute_ok (AccordStore *store)
{
  g_autoptr(GError) error = NULL;
  AccordDashboard *dashboard = accord_dashboard_compute (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dashboard);
  return dashboard;
}

static const char *
rank_name (const AccordDashboard *d,
           AccordDashboardRanking ranking,
           guint                  i)
{
  const AccordDashboardRank *rank = d->top[ranking]->pdata[i];

  return accord_partner_get_name (rank->partner);
}

/* The workspace, with today 2026-03-15 (this month March 2026, last month
 * February, the trend April 2025 to March 2026). Every partner was added
 * (Identified) on 2025-01-01. */
typedef struct
{
  AccordPartner *alpha, *beta, *gamma, *delta, *epsilon, *zeta, *theta, *gone;
} Known;

static void
known_clear (Known *k)
{
  g_clear_object (&k->alpha);
  g_clear_object (&k->beta);
  g_clear_object (&k->gamma);
  g_clear_object (&k->delta);
  g_clear_object (&k->epsilon);
  g_clear_object (&k->zeta);
  g_clear_object (&k->theta);
  g_clear_object (&k->gone);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Known, known_clear)

static void
build_known (AccordStore *store,
             Known       *k)
{
  g_autoptr(AccordAgreement) a = NULL;
  g_autoptr(AccordAgreement) b = NULL;
  g_autoptr(AccordAgreement) d = NULL;
  g_autoptr(AccordLedgerEntry) paid = NULL;
  g_autoptr(GError) error = NULL;

  accord_store_set_today (store, TODAY);
  k->alpha = add_partner_on (store, "Alpha", "2025-01-01");
  k->beta = add_partner_on (store, "Beta", "2025-01-01");
  k->gamma = add_partner_on (store, "Gamma", "2025-01-01");
  k->delta = add_partner_on (store, "Delta", "2025-01-01");
  k->epsilon = add_partner_on (store, "Epsilon", "2025-01-01");
  k->zeta = add_partner_on (store, "Zeta", "2025-01-01");
  k->theta = add_partner_on (store, "Theta", "2025-01-01");
  k->gone = add_partner_on (store, "Gone", "2025-01-01");

  /* Onboarding: Alpha 99 days, Theta 120, Gamma 405, Beta 425. */
  walk (store, k->alpha, "outreach@2025-02-01 negotiating@2025-03-01 launching@2025-04-10 "
                         "growing@2025-05-01");
  walk (store, k->beta, "outreach@2025-06-01 negotiating@2025-07-01 launching@2026-03-02");
  /* Launched last month, live at its end, ended this month. */
  walk (store, k->gamma, "outreach@2025-06-01 negotiating@2025-07-01 launching@2026-02-10 "
                         "growing@2026-02-20 ended@2026-03-05");
  walk (store, k->delta, "outreach@2025-09-01 negotiating@2026-01-10");
  walk (store, k->epsilon, "outreach@2026-01-05");
  walk (store, k->theta, "outreach@2025-03-01 negotiating@2025-04-01 launching@2025-05-01 "
                         "growing@2025-06-01 ended@2026-02-15");
  walk (store, k->gone, "outreach@2025-02-01 negotiating@2025-03-01 launching@2025-04-01 "
                        "growing@2025-05-01");

  /* Alpha: a draft made active on 2025-04-01 (a dated status change),
   * legal review 20 days; a referral fee we pay: 3 customers x 10.00. */
  accord_store_set_today (store, "2025-03-01");
  a = accord_agreement_new (accord_partner_get_id (k->alpha));
  a->start = g_strdup ("2025-04-01");
  a->currency = g_strdup ("EUR");
  a->revenue_model = ACCORD_REVENUE_REFERRAL_FEE;
  a->payer = ACCORD_PAYER_US;
  a->amount_minor = 1000;
  a->legal_review_needed = TRUE;
  a->legal_requested_on = g_strdup ("2025-03-01");
  a->legal_done_on = g_strdup ("2025-03-21");
  save_agreement_ok (store, a);
  accord_store_set_today (store, "2025-04-02");
  a->status = ACCORD_AGREEMENT_ACTIVE;
  g_free (a->status_since);
  a->status_since = g_strdup ("2025-04-01");
  save_agreement_ok (store, a);
  accord_store_set_today (store, TODAY);

  /* Beta: made active from the start on 2026-03-01 (no status change
   * recorded), legal review 30 days; the partner pays 5.00 a customer. */
  b = accord_agreement_new (accord_partner_get_id (k->beta));
  b->status = ACCORD_AGREEMENT_ACTIVE;
  b->status_since = g_strdup ("2026-03-01");
  b->start = g_strdup ("2026-03-01");
  b->currency = g_strdup ("EUR");
  b->revenue_model = ACCORD_REVENUE_REFERRAL_FEE;
  b->payer = ACCORD_PAYER_PARTNER;
  b->amount_minor = 500;
  b->legal_review_needed = TRUE;
  b->legal_requested_on = g_strdup ("2026-01-10");
  b->legal_done_on = g_strdup ("2026-02-09");
  save_agreement_ok (store, b);

  /* Delta: in legal review (expected to close), not done yet, in USD. */
  d = accord_agreement_new (accord_partner_get_id (k->delta));
  d->status = ACCORD_AGREEMENT_LEGAL_REVIEW;
  d->currency = g_strdup ("USD");
  d->legal_review_needed = TRUE;
  d->legal_requested_on = g_strdup ("2026-03-01");
  save_agreement_ok (store, d);

  /* Launches: Alpha 19 days after its agreement, tracked; Beta 9 days
   * after, not tracked; Gamma's is still to come. */
  start_launch (store, k->alpha, "2025-04-20", TRUE);
  start_launch (store, k->beta, "2026-03-10", FALSE);
  start_launch (store, k->gamma, "2026-04-01", TRUE);

  /* Referrals. Alpha's first conversion is 41 days after its start. */
  save_referral (store, k->alpha, "2025-05-10", "2025-05-12", "Cust A1", 10000);
  save_referral (store, k->alpha, "2026-02-03", "2026-02-05", "Cust A2", 20000);
  save_referral (store, k->alpha, "2026-03-03", "2026-03-04", "Cust A3", 5000);
  save_referral (store, k->alpha, "2026-03-10", NULL, "Lead A4", 0);
  /* Beta: one conversion on the last day of February, before its start;
   * its first after the start is 13 days in; one converts after today. */
  save_referral (store, k->beta, "2026-02-25", "2026-02-28", "Cust B1", 1000);
  save_referral (store, k->beta, "2026-03-12", "2026-03-14", "Cust B2", 7000);
  save_referral (store, k->beta, "2026-03-14", "2026-03-20", "Cust B3", 99999);

  /* Alpha's figures: they replace its referrals in the months they cover
   * (February: 500.00 and 4 referrals, not 200.00 and 1). October 2025
   * makes the growth: 800.00 in Dec-Feb against 400.00 in Sep-Nov. */
  set_figures (store, k->alpha, "2025-10", 40000, 3);
  set_figures (store, k->alpha, "2026-01", 30000, 2);
  set_figures (store, k->alpha, "2026-02", 50000, 4);
  /* Theta shrank: 200.00 in November, 100.00 in December. */
  set_figures (store, k->theta, "2025-11", 20000, 1);
  set_figures (store, k->theta, "2025-12", 10000, 1);
  /* Before the trend's first month: not counted. */
  set_figures (store, k->theta, "2025-03", 77700, 7);

  /* Health: Alpha at risk (ratings 40, red flags 20, no KPI 5, never in
   * contact 15: score 20), Beta on watch (30 + 5 + 15: 50), Delta at
   * risk but not live. */
  save_review (store, k->alpha, "2026-03-01", 1,
               ACCORD_RED_FLAG_MISSED_COMMITMENTS | ACCORD_RED_FLAG_POOR_RESPONSIVENESS);
  save_review (store, k->beta, "2026-03-05", 2, 0);
  save_review (store, k->delta, "2026-03-05", 1, 0);

  /* We paid Alpha 10.00 of its 30.00. */
  paid = accord_ledger_entry_new (accord_partner_get_id (k->alpha), ACCORD_LEDGER_OWED_TO_PARTNER,
                                  ACCORD_LEDGER_PAID, "2026-03-01", 1000);
  g_assert_true (accord_store_add_ledger_entry (store, paid, &error));
  g_assert_no_error (error);

  /* Gone had it all, then went to the trash: it counts nowhere. */
  set_figures (store, k->gone, "2026-02", 100000000, 50);
  save_referral (store, k->gone, "2026-03-01", "2026-03-02", "Cust G1", 100000000);
  save_review (store, k->gone, "2026-03-01", 1, 0);
  g_assert_true (accord_store_trash_partner (store, k->gone, &error));
  g_assert_no_error (error);
}

static void
test_known (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(Known) k = { NULL, };
  g_autoptr(AccordDashboard) d = NULL;
  const AccordDashboardRank *rank;
  const AccordDashboardAlert *alert;
  gint64 expected_revenue[ACCORD_DASHBOARD_MONTHS] = { 0 };
  gint64 expected_referrals[ACCORD_DASHBOARD_MONTHS] = { 0 };

  build_known (fixture->store, &k);
  d = compute_ok (fixture->store);

  g_assert_cmpstr (d->today, ==, TODAY);
  g_assert_cmpstr (d->months[0], ==, "2025-04");
  g_assert_cmpstr (d->months[10], ==, "2026-02");
  g_assert_cmpstr (d->months[11], ==, "2026-03");

  /* Revenue by the rule: May 2025 Alpha's referral; October, January
   * and February Alpha's figures (+ Beta's February referral); December
   * Theta's and November Theta's figures; March referrals (Alpha 50.00,
   * Beta 70.00; Beta's conversion after today waits). */
  expected_revenue[1] = 10000;          /* 2025-05 */
  expected_revenue[6] = 40000;          /* 2025-10 */
  expected_revenue[7] = 20000;          /* 2025-11 */
  expected_revenue[8] = 10000;          /* 2025-12 */
  expected_revenue[9] = 30000;          /* 2026-01 */
  expected_revenue[10] = 50000 + 1000;  /* 2026-02 */
  expected_revenue[11] = 5000 + 7000;   /* 2026-03 */
  /* Referrals: figures' counts, else referrals that came in that month
   * (March: Alpha 2, Beta 2). */
  expected_referrals[1] = 1;
  expected_referrals[6] = 3;
  expected_referrals[7] = 1;
  expected_referrals[8] = 1;
  expected_referrals[9] = 2;
  expected_referrals[10] = 4 + 1;
  expected_referrals[11] = 2 + 2;
  for (guint m = 0; m < ACCORD_DASHBOARD_MONTHS; m++)
    {
      g_test_message ("month %s", d->months[m]);
      g_assert_cmpint (d->revenue_minor[m], ==, expected_revenue[m]);
      g_assert_cmpint (d->referrals[m], ==, expected_referrals[m]);
    }
  g_assert_true (d->has_results);
  g_assert_cmpstr (d->currency, ==, "EUR");
  g_assert_true (d->mixed_currencies);

  /* Partners: seven not in the trash. Live now: Alpha and Beta; at the
   * end of February: Alpha and Gamma. */
  g_assert_cmpuint (d->n_partners, ==, 7);
  g_assert_cmpuint (d->active_now, ==, 2);
  g_assert_cmpuint (d->active_last_month, ==, 2);
  g_assert_cmpuint (d->new_this_month, ==, 1);    /* Beta */
  g_assert_cmpuint (d->new_last_month, ==, 1);    /* Gamma */
  g_assert_cmpuint (d->ended_this_month, ==, 1);  /* Gamma */
  g_assert_cmpuint (d->ended_last_month, ==, 1);  /* Theta */

  /* The pipeline. */
  g_assert_cmpuint (d->by_stage[ACCORD_STAGE_IDENTIFIED], ==, 1);
  g_assert_cmpuint (d->by_stage[ACCORD_STAGE_OUTREACH], ==, 1);
  g_assert_cmpuint (d->by_stage[ACCORD_STAGE_NEGOTIATING], ==, 1);
  g_assert_cmpuint (d->by_stage[ACCORD_STAGE_LAUNCHING], ==, 1);
  g_assert_cmpuint (d->by_stage[ACCORD_STAGE_GROWING], ==, 1);
  g_assert_cmpuint (d->by_stage[ACCORD_STAGE_ENDED], ==, 2);
  g_assert_cmpuint (d->by_stage[ACCORD_STAGE_ON_HOLD], ==, 0);
  g_assert_cmpuint (d->in_discussion, ==, 2);
  g_assert_cmpuint (d->expected_to_close, ==, 1);

  /* Top partners over the trend: Alpha 10.00 + 400.00 + 300.00 + 500.00
   * + 50.00; Theta 300.00; Beta 10.00 + 70.00. */
  g_assert_cmpuint (d->top[ACCORD_DASHBOARD_BY_REVENUE]->len, ==, 3);
  g_assert_cmpstr (rank_name (d, ACCORD_DASHBOARD_BY_REVENUE, 0), ==, "Alpha");
  g_assert_cmpstr (rank_name (d, ACCORD_DASHBOARD_BY_REVENUE, 1), ==, "Theta");
  g_assert_cmpstr (rank_name (d, ACCORD_DASHBOARD_BY_REVENUE, 2), ==, "Beta");
  rank = d->top[ACCORD_DASHBOARD_BY_REVENUE]->pdata[0];
  g_assert_cmpint (rank->value, ==, 135000);
  rank = d->top[ACCORD_DASHBOARD_BY_REVENUE]->pdata[2];
  g_assert_cmpint (rank->value, ==, 8000);
  /* Referrals: Alpha 1 + 3 + 2 + 4 + 2 = 12, Beta 3, Theta 2. */
  g_assert_cmpuint (d->top[ACCORD_DASHBOARD_BY_REFERRALS]->len, ==, 3);
  g_assert_cmpstr (rank_name (d, ACCORD_DASHBOARD_BY_REFERRALS, 0), ==, "Alpha");
  rank = d->top[ACCORD_DASHBOARD_BY_REFERRALS]->pdata[0];
  g_assert_cmpint (rank->value, ==, 12);
  g_assert_cmpstr (rank_name (d, ACCORD_DASHBOARD_BY_REFERRALS, 1), ==, "Beta");
  g_assert_cmpstr (rank_name (d, ACCORD_DASHBOARD_BY_REFERRALS, 2), ==, "Theta");
  /* Growth: only Alpha grew from something (800.00 against 400.00);
   * Theta shrank, Beta had nothing before. */
  g_assert_cmpuint (d->top[ACCORD_DASHBOARD_BY_GROWTH]->len, ==, 1);
  rank = d->top[ACCORD_DASHBOARD_BY_GROWTH]->pdata[0];
  g_assert_true (rank->partner == k.alpha);
  g_assert_cmpint (rank->value, ==, 80000);
  g_assert_cmpint (rank->previous, ==, 40000);
  g_assert_cmpint (rank->growth_bp, ==, 10000);

  /* Health alerts: live partners only, worst first. */
  g_assert_cmpuint (d->alerts->len, ==, 2);
  g_assert_cmpuint (d->n_at_risk, ==, 1);
  g_assert_cmpuint (d->n_watch, ==, 1);
  alert = d->alerts->pdata[0];
  g_assert_true (alert->partner == k.alpha);
  g_assert_cmpint (alert->score, ==, 20);
  g_assert_cmpint (alert->band, ==, ACCORD_HEALTH_AT_RISK);
  g_assert_cmpint (alert->reason.input, ==, ACCORD_HEALTH_INPUT_RATINGS);
  g_assert_cmpint (alert->reason.points, ==, 40);
  alert = d->alerts->pdata[1];
  g_assert_true (alert->partner == k.beta);
  g_assert_cmpint (alert->score, ==, 50);
  g_assert_cmpint (alert->band, ==, ACCORD_HEALTH_WATCH);
  g_assert_cmpint (alert->reason.points, ==, 30);

  /* Commission: we owe Alpha 30.00 - 10.00; Beta owes us 5.00 (its
   * February customer came before its start, its third after today). */
  g_assert_cmpint (d->owed_to_partners_minor, ==, 2000);
  g_assert_cmpuint (d->n_owed_to, ==, 1);
  g_assert_cmpint (d->owed_by_partners_minor, ==, 500);
  g_assert_cmpuint (d->n_owed_by, ==, 1);

  /* Medians: onboarding 99, 120, 405, 425 -> (120 + 405) / 2 = 262.5,
   * half up 263; agreement to launch 19, 9 -> 14; approval 20, 30 -> 25;
   * first referral 41, 13 -> 27. */
  g_assert_cmpuint (d->medians[ACCORD_DASHBOARD_TIME_TO_ONBOARD].n, ==, 4);
  g_assert_cmpint (d->medians[ACCORD_DASHBOARD_TIME_TO_ONBOARD].days, ==, 263);
  g_assert_cmpuint (d->medians[ACCORD_DASHBOARD_AGREEMENT_TO_LAUNCH].n, ==, 2);
  g_assert_cmpint (d->medians[ACCORD_DASHBOARD_AGREEMENT_TO_LAUNCH].days, ==, 14);
  g_assert_cmpuint (d->medians[ACCORD_DASHBOARD_APPROVAL_CYCLE].n, ==, 2);
  g_assert_cmpint (d->medians[ACCORD_DASHBOARD_APPROVAL_CYCLE].days, ==, 25);
  g_assert_cmpuint (d->medians[ACCORD_DASHBOARD_TIME_TO_FIRST_REFERRAL].n, ==, 2);
  g_assert_cmpint (d->medians[ACCORD_DASHBOARD_TIME_TO_FIRST_REFERRAL].days, ==, 27);
  /* Tracking: Alpha's and Beta's launches are past, Alpha's tracked. */
  g_assert_cmpuint (d->launches_past, ==, 2);
  g_assert_cmpuint (d->launches_tracked, ==, 1);
  {
    g_autofree char *tracking = accord_dashboard_format_tracking (d);
    g_autofree char *onboard =
      accord_dashboard_format_median (&d->medians[ACCORD_DASHBOARD_TIME_TO_ONBOARD]);

    g_assert_cmpstr (tracking, ==, "1 of 2 (50 %)");
    g_assert_cmpstr (onboard, ==, "263 days");
  }
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AccordDashboard **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = accord_dashboard_compute_finish (ACCORD_STORE (source), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out);
}

/* In a worker thread, on a connection of its own: the same figures, with
 * the store's own partner objects. */
static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(Known) k = { NULL, };
  g_autoptr(AccordDashboard) sync = NULL;
  g_autoptr(AccordDashboard) async = NULL;
  const AccordDashboardRank *rank;
  const AccordDashboardAlert *alert;

  build_known (fixture->store, &k);
  sync = compute_ok (fixture->store);
  accord_dashboard_compute_async (fixture->store, NULL, async_done_cb, &async);
  while (async == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (async->today, ==, TODAY);
  g_assert_cmpmem (async->revenue_minor, sizeof async->revenue_minor,
                   sync->revenue_minor, sizeof sync->revenue_minor);
  g_assert_cmpuint (async->active_now, ==, sync->active_now);
  g_assert_cmpuint (async->medians[ACCORD_DASHBOARD_TIME_TO_ONBOARD].days, ==, 263);
  g_assert_cmpuint (async->top[ACCORD_DASHBOARD_BY_REVENUE]->len, ==, 3);
  rank = async->top[ACCORD_DASHBOARD_BY_REVENUE]->pdata[0];
  g_assert_true (rank->partner == k.alpha);
  alert = async->alerts->pdata[1];
  g_assert_true (alert->partner == k.beta);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(AccordDashboard) d = compute_ok (fixture->store);
  g_autofree char *tracking = accord_dashboard_format_tracking (d);

  g_assert_cmpuint (d->n_partners, ==, 0);
  g_assert_false (d->has_results);
  g_assert_null (d->currency);
  g_assert_false (d->mixed_currencies);
  for (guint m = 0; m < ACCORD_DASHBOARD_MONTHS; m++)
    g_assert_cmpint (d->revenue_minor[m], ==, 0);
  for (guint r = 0; r < ACCORD_DASHBOARD_N_RANKINGS; r++)
    g_assert_cmpuint (d->top[r]->len, ==, 0);
  g_assert_cmpuint (d->alerts->len, ==, 0);
  for (guint k = 0; k < ACCORD_DASHBOARD_N_MEDIANS; k++)
    {
      g_autofree char *text = accord_dashboard_format_median (&d->medians[k]);

      g_assert_cmpuint (d->medians[k].n, ==, 0);
      g_assert_cmpstr (text, ==, "Not enough data");
    }
  g_assert_cmpstr (tracking, ==, "Not enough data");
  /* The fixture's today is 2026-01-31: the trend ends in January. */
  g_assert_cmpstr (d->months[11], ==, "2026-01");
  g_assert_cmpstr (d->months[0], ==, "2025-02");
}

/* A launch on the last day of February, and conversions either side of
 * the month's end, seen from 28 February and from 1 March. */
static void
test_month_boundary (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AccordPartner) p = add_partner_on (fixture->store, "Boundary", "2025-06-01");
  g_autoptr(AccordDashboard) before = NULL;
  g_autoptr(AccordDashboard) after = NULL;

  accord_store_set_today (fixture->store, "2026-02-28");
  walk (fixture->store, p, "outreach@2025-07-01 negotiating@2025-08-01 launching@2026-02-28");
  save_referral (fixture->store, p, "2026-02-20", "2026-02-28", "Feb", 100);
  save_referral (fixture->store, p, "2026-02-21", "2026-03-01", "Mar", 200);

  before = compute_ok (fixture->store);
  g_assert_cmpstr (before->months[11], ==, "2026-02");
  g_assert_cmpint (before->revenue_minor[11], ==, 100);  /* March's is after today */
  g_assert_cmpint (before->revenue_minor[10], ==, 0);
  g_assert_cmpuint (before->referrals[11], ==, 2);
  g_assert_cmpuint (before->active_now, ==, 1);
  g_assert_cmpuint (before->active_last_month, ==, 0);   /* as of 31 January */
  g_assert_cmpuint (before->new_this_month, ==, 1);
  g_assert_cmpuint (before->new_last_month, ==, 0);

  accord_store_set_today (fixture->store, "2026-03-01");
  after = compute_ok (fixture->store);
  g_assert_cmpstr (after->months[11], ==, "2026-03");
  g_assert_cmpint (after->revenue_minor[11], ==, 200);
  g_assert_cmpint (after->revenue_minor[10], ==, 100);
  g_assert_cmpuint (after->referrals[11], ==, 0);
  g_assert_cmpuint (after->referrals[10], ==, 2);
  g_assert_cmpuint (after->active_now, ==, 1);
  g_assert_cmpuint (after->active_last_month, ==, 1);    /* as of 28 February */
  g_assert_cmpuint (after->new_this_month, ==, 0);
  g_assert_cmpuint (after->new_last_month, ==, 1);
}

static void
test_median (void)
{
  struct
  {
    int      days[6];
    guint    n;
    gboolean ok;
    int      median;
  } cases[] = {
    { { 0 }, 0, FALSE, 0 },
    { { 7 }, 1, TRUE, 7 },
    { { 9, 1, 5 }, 3, TRUE, 5 },
    { { 10, 2 }, 2, TRUE, 6 },
    { { 1, 2 }, 2, TRUE, 2 },            /* 1.5 rounds half up */
    { { 4, 1, 3, 2 }, 4, TRUE, 3 },      /* 2.5 -> 3 */
    { { -3, 0 }, 2, TRUE, -1 },          /* -1.5 -> -1 */
    { { 100, 0, 0, 0, 100 }, 5, TRUE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int median = -999;

      g_assert_cmpint (accord_dashboard_median (cases[i].days, cases[i].n, &median), ==,
                       cases[i].ok);
      g_assert_cmpint (median, ==, cases[i].median);
    }
}

static void
test_change (void)
{
  struct
  {
    gint64      now, before;
    gboolean    ok;
    gint64      bp;
    const char *plain;
    const char *last_month;
  } cases[] = {
    { 112, 100, TRUE, 1200, "up 12 %", "up 12 % from last month" },
    { 97, 100, TRUE, -300, "down 3 %", "down 3 % from last month" },
    { 100, 100, TRUE, 0, "about the same", "about the same as last month" },
    { 1001, 1000, TRUE, 10, "about the same", "about the same as last month" },
    { 3, 2, TRUE, 5000, "up 50 %", "up 50 % from last month" },
    { 1, 3, TRUE, -6667, "down 67 %", "down 67 % from last month" },    /* -6666.7 */
    { 2, 3, TRUE, -3333, "down 33 %", "down 33 % from last month" },
    { 0, 100, TRUE, -10000, "down 100 %", "down 100 % from last month" },
    { 50, 0, FALSE, 0, NULL, NULL },
    { G_MAXINT64 / 2, G_MAXINT64 / 4, TRUE, 10000, "up 100 %", "up 100 % from last month" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *plain = NULL;
      g_autofree char *last_month = NULL;
      gint64 bp = -1;

      g_assert_cmpint (accord_dashboard_change_bp (cases[i].now, cases[i].before, &bp), ==,
                       cases[i].ok);
      g_assert_cmpint (bp, ==, cases[i].bp);
      plain = accord_dashboard_describe_change (cases[i].now, cases[i].before,
                                                ACCORD_DASHBOARD_COMPARE_PLAIN);
      last_month = accord_dashboard_describe_change (cases[i].now, cases[i].before,
                                                     ACCORD_DASHBOARD_COMPARE_LAST_MONTH);
      g_assert_cmpstr (plain, ==, cases[i].plain);
      g_assert_cmpstr (last_month, ==, cases[i].last_month);
    }
}

static void
test_format (void)
{
  AccordDashboardMedian one = { 1, 1 };
  AccordDashboardMedian zero_days = { 3, 0 };
  AccordDashboardMedian none = { 0, 0 };
  AccordDashboard d = { .launches_past = 3, .launches_tracked = 2 };
  g_autofree char *a = accord_dashboard_format_median (&one);
  g_autofree char *b = accord_dashboard_format_median (&zero_days);
  g_autofree char *c = accord_dashboard_format_median (&none);
  g_autofree char *t = accord_dashboard_format_tracking (&d);

  g_assert_cmpstr (a, ==, "1 day");
  g_assert_cmpstr (b, ==, "0 days");
  g_assert_cmpstr (c, ==, "Not enough data");
  g_assert_cmpstr (t, ==, "2 of 3 (67 %)");
  for (guint k = 0; k < ACCORD_DASHBOARD_N_MEDIANS; k++)
    {
      g_assert_cmpstr (accord_dashboard_median_title (k), !=, "");
      g_assert_cmpstr (accord_dashboard_median_explain (k), !=, "");
    }
}

static int
trace_cb (unsigned int  type,
          void         *context,
          void         *p,
          void         *x)
{
  (*(guint *) context)++;
  return 0;
}

static guint
count_queries (AccordStore *store)
{
  g_autoptr(AccordDashboard) d = NULL;
  guint n = 0;

  sqlite3_trace_v2 (_accord_store_get_db (store), SQLITE_TRACE_STMT, trace_cb, &n);
  d = compute_ok (store);
  sqlite3_trace_v2 (_accord_store_get_db (store), 0, NULL, NULL);
  return n;
}

/* However many partners there are, the same number of queries. */
static void
test_query_count (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(Known) k = { NULL, };
  guint n_few, n_more;

  build_known (fixture->store, &k);
  n_few = count_queries (fixture->store);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("Extra %u", i);
      g_autoptr(AccordPartner) p = add_partner_on (fixture->store, name, "2025-01-01");

      walk (fixture->store, p, "outreach@2025-02-01 negotiating@2025-03-01 launching@2025-04-01");
      save_referral (fixture->store, p, "2026-03-01", "2026-03-02", name, 100 * i);
      start_launch (fixture->store, p, "2025-04-01", i % 2 == 0);
    }
  n_more = count_queries (fixture->store);
  g_assert_cmpuint (n_few, >, 0);
  g_assert_cmpuint (n_more, ==, n_few);
}

/* 10,000 partners with a few years of history each, written straight
 * into the file, then the dashboard timed (run with -m perf). */
static void
test_perf (Fixture       *fixture,
           gconstpointer  data)
{
  static const char *sql =
    "BEGIN;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) "
    "INSERT INTO partner (id, name, created_at, updated_at, stage, stage_since) "
    "SELECT i, 'Partner ' || i, '2023-01-01T00:00:00Z', '2023-01-01T00:00:00Z', "
    "  CASE i % 8 WHEN 0 THEN 'identified' WHEN 1 THEN 'outreach' WHEN 2 THEN 'negotiating' "
    "  WHEN 3 THEN 'launching' WHEN 4 THEN 'growing' WHEN 5 THEN 'optimizing' "
    "  WHEN 6 THEN 'renewing' ELSE 'ended' END, '2025-06-01' FROM n;"
    "INSERT INTO stage_change (partner_id, stage, date) "
    "SELECT id, 'identified', '2023-01-01' FROM partner;"
    "INSERT INTO stage_change (partner_id, stage, date) "
    "SELECT id, 'outreach', date('2023-02-01', '+' || (id % 200) || ' days') FROM partner "
    "WHERE id % 8 <> 0;"
    "INSERT INTO stage_change (partner_id, stage, date) "
    "SELECT id, 'negotiating', date('2023-09-01', '+' || (id % 200) || ' days') FROM partner "
    "WHERE id % 8 NOT IN (0, 1);"
    "INSERT INTO stage_change (partner_id, stage, date) "
    "SELECT id, 'launching', date('2024-04-01', '+' || (id % 300) || ' days') FROM partner "
    "WHERE id % 8 NOT IN (0, 1, 2);"
    "INSERT INTO stage_change (partner_id, stage, date) "
    "SELECT id, stage, '2025-06-01' FROM partner WHERE id % 8 NOT IN (0, 1, 2, 3);"
    "INSERT INTO agreement (id, partner_id, status, status_since, start, revenue_model, payer, "
    "  amount_minor, currency, legal_review_needed, legal_requested_on, legal_done_on, "
    "  created_at, updated_at) "
    "SELECT id, id, CASE WHEN id % 8 = 2 THEN 'negotiating' WHEN id % 8 = 7 THEN 'expired' "
    "  ELSE 'active' END, '2024-03-01', '2024-03-01', 'referral_fee', "
    "  CASE id % 2 WHEN 0 THEN 'us' ELSE 'partner' END, 2500, 'EUR', 1, "
    "  '2024-01-10', date('2024-01-10', '+' || (id % 40) || ' days'), "
    "  '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z' FROM partner WHERE id % 8 >= 2;"
    "INSERT INTO agreement_change (agreement_id, date, kind, status) "
    "SELECT id, '2024-03-01', 'status', 'active' FROM agreement;"
    "INSERT INTO playbook_run (id, partner_id, playbook, anchor_date, created_at) "
    "SELECT id, id, 'launch', date('2024-04-01', '+' || (id % 300) || ' days'), "
    "  '2024-01-01T00:00:00Z' FROM partner WHERE id % 8 >= 3;"
    "WITH RECURSIVE s(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM s WHERE k < 25) "
    "INSERT INTO task (partner_id, run_id, playbook, step, title, due, done_on, created_at) "
    "SELECT r.partner_id, r.id, 'launch', CASE k WHEN 13 THEN 'week-tracking-checked' "
    "  ELSE 'step-' || k END, 'Step', r.anchor_date, "
    "  CASE WHEN (r.id + k) % 3 = 0 THEN r.anchor_date END, '2024-01-01T00:00:00Z' "
    "FROM playbook_run r, s;"
    "WITH RECURSIVE s(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM s WHERE k < 29) "
    "INSERT INTO referral (partner_id, date, customer, status, revenue_minor, converted_on, "
    "  created_at) "
    "SELECT p.id, date('2024-05-01', '+' || (k * 23 + p.id % 20) || ' days'), "
    "  'Customer ' || k, CASE WHEN k % 3 = 0 THEN 'lead' ELSE 'converted' END, "
    "  CASE WHEN k % 3 = 0 THEN 0 ELSE 1000 * (1 + (p.id + k) % 50) END, "
    "  CASE WHEN k % 3 = 0 THEN NULL "
    "  ELSE date('2024-05-01', '+' || (k * 23 + p.id % 20 + 5) || ' days') END, "
    "  '2024-01-01T00:00:00Z' FROM partner p, s WHERE p.id % 8 >= 3;"
    "WITH RECURSIVE s(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM s WHERE k < 23) "
    "INSERT INTO figures (partner_id, month, revenue_minor, referrals, updated_at) "
    "SELECT p.id, strftime('%Y-%m', date('2024-04-01', '+' || k || ' months')), "
    "  10000 * (1 + (p.id * k) % 17), (p.id + k) % 6, '2024-01-01T00:00:00Z' "
    "FROM partner p, s WHERE p.id % 8 >= 3;"
    "WITH RECURSIVE s(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM s WHERE k < 3) "
    "INSERT INTO review (partner_id, date, communication, alignment, trust, ease, "
    "  future_potential, red_flags, created_at) "
    "SELECT p.id, date('2024-06-01', '+' || (k * 3) || ' months'), 1 + (p.id + k) % 5, "
    "  1 + p.id % 5, 3, 4, 1 + k, CASE WHEN p.id % 7 = 0 THEN 'missed-commitments' ELSE '' END, "
    "  '2024-01-01T00:00:00Z' FROM partner p, s WHERE p.id % 8 >= 3;"
    "INSERT INTO activity (partner_id, date, kind, created_at) "
    "SELECT id, date('2025-06-01', '+' || (id % 250) || ' days'), 'call', "
    "  '2024-01-01T00:00:00Z' FROM partner;"
    "INSERT INTO ledger_entry (partner_id, side, kind, date, amount_minor, created_at) "
    "SELECT id, CASE id % 2 WHEN 0 THEN 'owed_to_partner' ELSE 'owed_by_partner' END, "
    "  CASE id % 2 WHEN 0 THEN 'paid' ELSE 'received' END, '2025-01-01', 5000, "
    "  '2024-01-01T00:00:00Z' FROM partner WHERE id % 8 >= 3;"
    "COMMIT;";
  g_autoptr(AccordDashboard) d = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;
  gint64 start;
  double seconds;

  g_clear_object (&fixture->store);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (db);
  fixture->store = accord_store_open (fixture->path, ACCORD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  accord_store_set_today (fixture->store, "2026-03-15");
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (fixture->store)), ==,
                    10000);

  /* Once to warm the statement cache and the file, then timed. */
  d = compute_ok (fixture->store);
  g_clear_pointer (&d, accord_dashboard_free);
  start = g_get_monotonic_time ();
  d = compute_ok (fixture->store);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_minimized_result (seconds, "dashboard of 10,000 partners: %.3f s", seconds);
  g_test_message ("dashboard of 10,000 partners: %.3f s", seconds);
  {
    g_autoptr(GHashTable) results = NULL;

    /* For comparison: the store's results alone (health, balances). */
    start = g_get_monotonic_time ();
    results = accord_store_list_results (fixture->store, &error);
    g_assert_no_error (error);
    g_test_message ("of which accord_store_list_results(): about %.3f s",
                    (g_get_monotonic_time () - start) / 1e6);
  }

  g_assert_cmpuint (d->n_partners, ==, 10000);
  g_assert_cmpuint (d->active_now, ==, 5000);
  g_assert_cmpuint (d->launches_past, ==, 6250);
  g_assert_true (d->has_results);
  g_assert_cmpuint (d->top[ACCORD_DASHBOARD_BY_REVENUE]->len, ==, ACCORD_DASHBOARD_TOP);
  g_assert_cmpuint (d->medians[ACCORD_DASHBOARD_TIME_TO_ONBOARD].n, ==, 6250);
  g_assert_cmpuint (d->medians[ACCORD_DASHBOARD_APPROVAL_CYCLE].n, ==, 7500);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/dashboard/median", test_median);
  g_test_add_func ("/dashboard/change", test_change);
  g_test_add_func ("/dashboard/format", test_format);
  ADD ("/dashboard/known", test_known);
  ADD ("/dashboard/async", test_async);
  ADD ("/dashboard/empty", test_empty);
  ADD ("/dashboard/month-boundary", test_month_boundary);
  ADD ("/dashboard/query-count", test_query_count);
  if (g_test_perf ())
    ADD ("/dashboard/perf-10000", test_perf);

#undef ADD

  return g_test_run ();
}
