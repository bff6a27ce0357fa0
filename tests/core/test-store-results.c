/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "test-helpers.h"
#include "config.h"

#include <string.h>

#include "accord-results.h"
#include "accord-store.h"
#include "accord-store-private.h"

/* The fixture's store is dated 2026-01-31. */
typedef TestWorkspace Fixture;
#define fixture_set_up test_workspace_set_up
#define fixture_tear_down test_workspace_tear_down

static AccordPartner *
add_partner (Fixture    *fixture,
             const char *name)
{
  g_autoptr(AccordPartner) partner = accord_partner_new (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_store_add_partner (fixture->store, partner, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&partner);
}

static void
count_cb (AccordStore   *store,
          AccordPartner *partner,
          gpointer       user_data)
{
  (*(guint *) user_data)++;
}

static AccordReferral *
new_referral (AccordPartner        *partner,
              const char           *date,
              const char           *customer,
              AccordReferralStatus  status,
              gint64                revenue_minor)
{
  AccordReferral *r = accord_referral_new (accord_partner_get_id (partner), date);

  g_free (r->customer);
  r->customer = g_strdup (customer);
  r->status = status;
  r->revenue_minor = revenue_minor;
  return r;
}

static void
save_referral_ok (AccordStore    *store,
                  AccordReferral *r)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_store_save_referral (store, r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (r->id, >, 0);
}

static AccordReview *
new_review (AccordPartner  *partner,
            const char     *date,
            int             rating,
            AccordRedFlags  flags)
{
  AccordReview *r = accord_review_new (accord_partner_get_id (partner), date);

  for (guint i = 0; i < ACCORD_N_REVIEW_RATINGS; i++)
    r->ratings[i] = rating;
  r->red_flags = flags;
  return r;
}

static void
save_review_ok (AccordStore  *store,
                AccordReview *r)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_store_save_review (store, r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (r->id, >, 0);
}

static void
set_figures_ok (AccordStore   *store,
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
log_contact (AccordStore   *store,
             AccordPartner *partner,
             const char    *date)
{
  g_autoptr(AccordActivity) activity =
    accord_activity_new (accord_partner_get_id (partner), ACCORD_ACTIVITY_CALL, date);
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_store_add_activity (store, activity, &error));
  g_assert_no_error (error);
}

/* An active agreement from 2025-01-01 with @model, and a referrals KPI of
 * 10 (no date). */
static AccordAgreement *
save_active (AccordStore       *store,
             AccordPartner     *partner,
             AccordRevenueModel model,
             AccordPayer        payer,
             gint64             amount_minor,
             int                rate_bp)
{
  g_autoptr(AccordAgreement) a = accord_agreement_new (accord_partner_get_id (partner));
  g_autoptr(GError) error = NULL;

  a->status = ACCORD_AGREEMENT_ACTIVE;
  a->start = g_strdup ("2025-01-01");
  a->revenue_model = model;
  a->payer = payer;
  a->amount_minor = amount_minor;
  a->rate_bp = rate_bp;
  accord_agreement_add_kpi (a, "Referrals", "10", NULL);
  g_assert_true (accord_store_save_agreement (store, a, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&a);
}

static void
test_referrals (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak Studio");
  g_autoptr(AccordPartner) trashed = add_partner (fixture, "Gone Inc");
  g_autoptr(AccordReferral) first = NULL;
  g_autoptr(AccordReferral) second = NULL;
  g_autoptr(AccordReferral) refused = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = accord_partner_get_id (partner);
  AccordPartner *reopened;
  guint changes = 0;

  g_signal_connect (fixture->store, "results-changed", G_CALLBACK (count_cb), &changes);

  /* Converted without a date: converted on the referral's date; trimmed. */
  first = new_referral (partner, "2025-03-01", "  Acme  ", ACCORD_REFERRAL_CONVERTED, 120000);
  g_free (first->code);
  first->code = g_strdup (" bluepeak-2025 ");
  save_referral_ok (fixture->store, first);
  g_assert_cmpstr (first->converted_on, ==, "2025-03-01");
  g_assert_cmpstr (first->customer, ==, "Acme");
  g_assert_cmpstr (first->code, ==, "bluepeak-2025");
  g_assert_cmpuint (changes, ==, 1);

  second = new_referral (partner, "2025-04-01", "Beta", ACCORD_REFERRAL_LEAD, 0);
  save_referral_ok (fixture->store, second);

  /* Refused: a conversion before the referral, a trashed partner. Nothing
   * is written and nobody hears of it. */
  refused = new_referral (partner, "2025-04-01", "Gamma", ACCORD_REFERRAL_CONVERTED, 0);
  refused->converted_on = g_strdup ("2025-03-01");
  g_assert_false (accord_store_save_referral (fixture->store, refused, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_assert_cmpint (refused->id, ==, 0);
  g_clear_error (&error);
  g_assert_true (accord_store_trash_partner (fixture->store, trashed, &error));
  g_assert_no_error (error);
  refused->partner_id = accord_partner_get_id (trashed);
  g_clear_pointer (&refused->converted_on, g_free);
  g_assert_false (accord_store_save_referral (fixture->store, refused, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (changes, ==, 2);

  /* An update: the lead converts later. */
  second->status = ACCORD_REFERRAL_CONVERTED;
  second->converted_on = g_strdup ("2025-05-10");
  second->revenue_minor = 5000;
  save_referral_ok (fixture->store, second);

  reopened = test_workspace_reopen_and_find (fixture, id);
  list = accord_store_list_referrals (fixture->store, reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  {
    const AccordReferral *newest = list->pdata[0];
    const AccordReferral *oldest = list->pdata[1];

    g_assert_cmpstr (newest->customer, ==, "Beta");
    g_assert_cmpint (newest->status, ==, ACCORD_REFERRAL_CONVERTED);
    g_assert_cmpstr (newest->converted_on, ==, "2025-05-10");
    g_assert_cmpint (newest->revenue_minor, ==, 5000);
    g_assert_cmpstr (oldest->code, ==, "bluepeak-2025");
    g_assert_cmpint (oldest->revenue_minor, ==, 120000);
    g_assert_cmpint (oldest->partner_id, ==, id);
  }

  g_assert_true (accord_store_delete_referral (fixture->store, first->id, &error));
  g_assert_no_error (error);
  g_assert_false (accord_store_delete_referral (fixture->store, first->id, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Updating a deleted one is refused too. */
  g_assert_false (accord_store_save_referral (fixture->store, first, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_pointer (&list, g_ptr_array_unref);
  list = accord_store_list_referrals (fixture->store, reopened, &error);
  g_assert_cmpuint (list->len, ==, 1);
}

static void
test_all_or_nothing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AccordPartner) a = add_partner (fixture, "A");
  g_autoptr(AccordPartner) b = add_partner (fixture, "B");
  g_autoptr(GPtrArray) batch =
    g_ptr_array_new_with_free_func ((GDestroyNotify) accord_referral_free);
  g_autoptr(GPtrArray) reviews =
    g_ptr_array_new_with_free_func ((GDestroyNotify) accord_review_free);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  guint failed = 99;
  guint changes = 0;

  g_signal_connect (fixture->store, "results-changed", G_CALLBACK (count_cb), &changes);
  g_ptr_array_add (batch, new_referral (a, "2025-01-01", "One", ACCORD_REFERRAL_LEAD, 0));
  g_ptr_array_add (batch, new_referral (b, "2025-01-02", "Two", ACCORD_REFERRAL_LEAD, 0));
  g_ptr_array_add (batch, new_referral (a, "2025-02-30", "Bad", ACCORD_REFERRAL_LEAD, 0));
  g_assert_false (accord_store_save_referrals (fixture->store, batch, &failed, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (failed, ==, 2);
  g_assert_cmpint (((AccordReferral *) batch->pdata[0])->id, ==, 0);
  list = accord_store_list_referrals (fixture->store, a, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpuint (changes, ==, 0);

  g_ptr_array_remove_index (batch, 2);
  g_ptr_array_add (batch, new_referral (a, "2025-02-28", "Three", ACCORD_REFERRAL_LEAD, 0));
  g_assert_true (accord_store_save_referrals (fixture->store, batch, &failed, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < batch->len; i++)
    g_assert_cmpint (((AccordReferral *) batch->pdata[i])->id, >, 0);
  /* Each partner hears once. */
  g_assert_cmpuint (changes, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = accord_store_list_referrals (fixture->store, a, &error);
  g_assert_cmpuint (list->len, ==, 2);

  /* Reviews likewise: one without ratings spoils the batch. */
  g_ptr_array_add (reviews, new_review (a, "2025-03-01", 4, 0));
  g_ptr_array_add (reviews, new_review (b, "2025-03-01", 0, 0));
  g_assert_false (accord_store_save_reviews (fixture->store, reviews, &failed, &error));
  g_assert_cmpuint (failed, ==, 1);
  g_clear_error (&error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = accord_store_list_reviews (fixture->store, a, &error);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_reviews (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Kestrel Media");
  g_autoptr(AccordReview) older = new_review (partner, "2025-06-01", 4, 0);
  g_autoptr(AccordReview) newer = new_review (partner, "2025-12-01", 2,
                                              ACCORD_RED_FLAG_MISSED_COMMITMENTS |
                                              ACCORD_RED_FLAG_BRAND_INCIDENT);
  g_autoptr(AccordReview) future = new_review (partner, "2026-03-01", 5, 0);
  g_autoptr(AccordReview) latest = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  AccordPartner *reopened;

  g_free (newer->notes);
  newer->notes = g_strdup ("  Slow to answer.  ");
  save_review_ok (fixture->store, newer);
  save_review_ok (fixture->store, older);
  save_review_ok (fixture->store, future);
  g_assert_cmpstr (newer->notes, ==, "Slow to answer.");

  reopened = test_workspace_reopen_and_find (fixture, accord_partner_get_id (partner));
  accord_store_set_today (fixture->store, "2026-01-31");
  list = accord_store_list_reviews (fixture->store, reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (((AccordReview *) list->pdata[0])->date, ==, "2026-03-01");
  g_assert_cmpstr (((AccordReview *) list->pdata[2])->date, ==, "2025-06-01");

  /* The latest on or before today (2026-01-31), with its flags. */
  latest = accord_store_get_latest_review (fixture->store, reopened, &error);
  g_assert_no_error (error);
  g_assert_nonnull (latest);
  g_assert_cmpint (latest->id, ==, newer->id);
  g_assert_cmpint (latest->ratings[ACCORD_REVIEW_FUTURE_POTENTIAL], ==, 2);
  g_assert_cmpint (latest->red_flags, ==, ACCORD_RED_FLAG_MISSED_COMMITMENTS |
                                          ACCORD_RED_FLAG_BRAND_INCIDENT);
  g_assert_cmpstr (latest->notes, ==, "Slow to answer.");

  /* Edited and deleted. */
  latest->ratings[ACCORD_REVIEW_TRUST] = 5;
  latest->red_flags = 0;
  save_review_ok (fixture->store, latest);
  g_clear_pointer (&latest, accord_review_free);
  latest = accord_store_get_latest_review (fixture->store, reopened, &error);
  g_assert_cmpint (latest->ratings[ACCORD_REVIEW_TRUST], ==, 5);
  g_assert_cmpint (latest->red_flags, ==, 0);
  g_assert_true (accord_store_delete_review (fixture->store, latest->id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&latest, accord_review_free);
  latest = accord_store_get_latest_review (fixture->store, reopened, &error);
  g_assert_cmpint (latest->id, ==, older->id);
}

static void
test_figures_upsert (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Northwind");
  g_autoptr(AccordFigures) f = accord_figures_new (accord_partner_get_id (partner), "2025-06");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const AccordFigures *got;

  f->revenue_minor = 1000;
  f->referrals = 3;
  f->conversions = 1;
  f->has_nps = TRUE;
  f->nps = -20;
  f->response_hours = 12;
  f->joint_initiatives = 2;
  g_assert_true (accord_store_set_figures (fixture->store, f, &error));
  g_assert_no_error (error);
  set_figures_ok (fixture->store, partner, "2025-05", 500, 1);

  /* The same month again replaces it: no NPS, no response time now. */
  set_figures_ok (fixture->store, partner, "2025-06", 7000, 9);

  list = accord_store_list_figures (fixture->store, partner, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((AccordFigures *) list->pdata[0])->month, ==, "2025-05");
  got = list->pdata[1];
  g_assert_cmpstr (got->month, ==, "2025-06");
  g_assert_cmpint (got->revenue_minor, ==, 7000);
  g_assert_cmpint (got->referrals, ==, 9);
  g_assert_false (got->has_nps);
  g_assert_cmpint (got->response_hours, ==, ACCORD_UNSET);

  /* Stored as given when set. */
  g_assert_true (accord_store_set_figures (fixture->store, f, &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = accord_store_list_figures (fixture->store, partner, &error);
  got = list->pdata[1];
  g_assert_true (got->has_nps);
  g_assert_cmpint (got->nps, ==, -20);
  g_assert_cmpint (got->response_hours, ==, 12);
  g_assert_cmpint (got->joint_initiatives, ==, 2);

  g_free (f->month);
  f->month = g_strdup ("2025-13");
  g_assert_false (accord_store_set_figures (fixture->store, f, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (accord_store_delete_figures (fixture->store, partner, "2025-05", &error));
  g_assert_no_error (error);
  g_assert_false (accord_store_delete_figures (fixture->store, partner, "2025-05", &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = accord_store_list_figures (fixture->store, partner, &error);
  g_assert_cmpuint (list->len, ==, 1);
}

static void
add_entry_ok (AccordStore      *store,
              AccordPartner    *partner,
              AccordLedgerSide  side,
              AccordLedgerKind  kind,
              const char       *date,
              gint64            amount,
              gint64           *id_out)
{
  g_autoptr(AccordLedgerEntry) e = accord_ledger_entry_new (accord_partner_get_id (partner),
                                                            side, kind, date, amount);
  g_autoptr(GError) error = NULL;

  g_free (e->note);
  e->note = g_strdup (" Bank transfer ");
  g_assert_true (accord_store_add_ledger_entry (store, e, &error));
  g_assert_no_error (error);
  g_assert_cmpint (e->id, >, 0);
  g_assert_cmpstr (e->note, ==, "Bank transfer");
  if (id_out != NULL)
    *id_out = e->id;
}

/* Commission earned under the agreements, less what the ledger settled. */
static void
test_ledger (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak Studio");
  g_autoptr(AccordAgreement) active = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  AccordPartnerResults results;
  gint64 refund_id = 0;

  active = save_active (fixture->store, partner, ACCORD_REVENUE_REFERRAL_FEE, ACCORD_PAYER_US,
                        5000, ACCORD_UNSET);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Customer %u", i);
      g_autoptr(AccordReferral) r = new_referral (partner, "2025-06-01", name,
                                                  ACCORD_REFERRAL_CONVERTED, 1000);

      save_referral_ok (fixture->store, r);
    }
  /* Converted after today: not earned yet. */
  {
    g_autoptr(AccordReferral) r = new_referral (partner, "2026-02-01", "Later",
                                                ACCORD_REFERRAL_CONVERTED, 1000);

    save_referral_ok (fixture->store, r);
  }

  g_assert_true (accord_store_get_results (fixture->store, partner, &results, &error));
  g_assert_no_error (error);
  g_assert_cmpint (results.ledger[ACCORD_LEDGER_OWED_TO_PARTNER].earned_minor, ==, 15000);
  g_assert_cmpint (results.ledger[ACCORD_LEDGER_OWED_TO_PARTNER].balance_minor, ==, 15000);
  g_assert_cmpint (results.ledger[ACCORD_LEDGER_OWED_BY_PARTNER].balance_minor, ==, 0);

  add_entry_ok (fixture->store, partner, ACCORD_LEDGER_OWED_TO_PARTNER, ACCORD_LEDGER_PAID,
                "2025-07-01", 6000, NULL);
  add_entry_ok (fixture->store, partner, ACCORD_LEDGER_OWED_TO_PARTNER, ACCORD_LEDGER_RECEIVED,
                "2025-07-02", 1000, &refund_id);
  /* Dated after today: does not count yet. */
  add_entry_ok (fixture->store, partner, ACCORD_LEDGER_OWED_TO_PARTNER, ACCORD_LEDGER_PAID,
                "2026-03-01", 9000, NULL);

  g_assert_true (accord_store_get_results (fixture->store, partner, &results, &error));
  g_assert_cmpint (results.ledger[ACCORD_LEDGER_OWED_TO_PARTNER].settled_minor, ==, 5000);
  g_assert_cmpint (results.ledger[ACCORD_LEDGER_OWED_TO_PARTNER].balance_minor, ==, 10000);

  entries = accord_store_list_ledger_entries (fixture->store, partner, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpstr (((AccordLedgerEntry *) entries->pdata[0])->date, ==, "2026-03-01");
  g_assert_cmpint (((AccordLedgerEntry *) entries->pdata[1])->kind, ==, ACCORD_LEDGER_RECEIVED);

  g_assert_true (accord_store_delete_ledger_entry (fixture->store, refund_id, &error));
  g_assert_no_error (error);
  g_assert_true (accord_store_get_results (fixture->store, partner, &results, &error));
  g_assert_cmpint (results.ledger[ACCORD_LEDGER_OWED_TO_PARTNER].balance_minor, ==, 9000);

  /* Later, the future payment and the later referral count. */
  accord_store_set_today (fixture->store, "2026-03-01");
  g_assert_true (accord_store_get_results (fixture->store, partner, &results, &error));
  g_assert_cmpint (results.ledger[ACCORD_LEDGER_OWED_TO_PARTNER].balance_minor,
                   ==, 20000 - 6000 - 9000);

  /* Refused: nothing to pay, no such partner. */
  {
    g_autoptr(AccordLedgerEntry) e = accord_ledger_entry_new (accord_partner_get_id (partner),
                                                              ACCORD_LEDGER_OWED_BY_PARTNER,
                                                              ACCORD_LEDGER_RECEIVED,
                                                              "2025-01-01", 0);

    g_assert_false (accord_store_add_ledger_entry (fixture->store, e, &error));
    g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
    g_clear_error (&error);
    e->amount_minor = 1;
    e->partner_id = 999999;
    g_assert_false (accord_store_add_ledger_entry (fixture->store, e, &error));
    g_clear_error (&error);
  }
}

/* A review with low ratings and red flags lowers the band, and the reasons
 * say why. */
static void
test_health (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak Studio");
  g_autoptr(AccordAgreement) active = NULL;
  g_autoptr(AccordReview) good = new_review (partner, "2025-12-01", 5, 0);
  g_autoptr(AccordReview) low = new_review (partner, "2026-01-20", 1,
                                            ACCORD_RED_FLAG_DECLINING_ENGAGEMENT |
                                            ACCORD_RED_FLAG_MISSED_COMMITMENTS);
  g_autoptr(GArray) history = NULL;
  g_autoptr(GError) error = NULL;
  AccordHealth health;
  AccordHealthBand before;

  /* No review (10), no agreement so no KPI (5), never in contact (15). */
  g_assert_true (accord_store_get_health (fixture->store, partner, &health, &error));
  g_assert_no_error (error);
  g_assert_cmpint (health.score, ==, 70);
  g_assert_cmpint (health.reasons[ACCORD_HEALTH_INPUT_CONTACT].points, ==, 15);

  active = save_active (fixture->store, partner, ACCORD_REVENUE_NONE, ACCORD_PAYER_US,
                        ACCORD_UNSET, ACCORD_UNSET);
  /* 8 referrals of 10 since the start (before the start: not counted). */
  set_figures_ok (fixture->store, partner, "2024-12", 0, 50);
  set_figures_ok (fixture->store, partner, "2025-03", 0, 5);
  set_figures_ok (fixture->store, partner, "2025-11", 0, 3);
  log_contact (fixture->store, partner, "2026-01-10");
  save_review_ok (fixture->store, good);

  /* Results: (1 - 0.8) x 30 = 6. */
  g_assert_true (accord_store_get_health (fixture->store, partner, &health, &error));
  g_assert_cmpint (health.reasons[ACCORD_HEALTH_INPUT_RATINGS].points, ==, 0);
  g_assert_cmpint (health.reasons[ACCORD_HEALTH_INPUT_RESULTS].points, ==, 6);
  g_assert_cmpint (health.reasons[ACCORD_HEALTH_INPUT_CONTACT].points, ==, 0);
  g_assert_cmpint (health.score, ==, 94);
  g_assert_cmpint (health.band, ==, ACCORD_HEALTH_HEALTHY);
  g_assert_cmpuint (health.n_kpis, ==, 1);
  g_assert_cmpint (health.days_since_contact, ==, 21);
  before = health.band;

  save_review_ok (fixture->store, low);
  g_assert_true (accord_store_get_health (fixture->store, partner, &health, &error));
  g_assert_cmpint (health.reasons[ACCORD_HEALTH_INPUT_RATINGS].points, ==, 40);
  g_assert_cmpint (health.reasons[ACCORD_HEALTH_INPUT_RED_FLAGS].points, ==, 20);
  g_assert_cmpint (health.score, ==, 100 - 40 - 6 - 20);
  g_assert_cmpint (health.band, ==, ACCORD_HEALTH_AT_RISK);
  g_assert_cmpint (health.band, >, before);

  /* The history: the score as of each review, oldest first. As of 1 Dec,
   * the last contact was none yet (15) and November's figures counted. */
  history = accord_store_list_health_history (fixture->store, partner, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (g_array_index (history, AccordHealthPoint, 0).date, ==, "2025-12-01");
  g_assert_cmpint (g_array_index (history, AccordHealthPoint, 0).score, ==, 100 - 6 - 15);
  g_assert_cmpstr (g_array_index (history, AccordHealthPoint, 1).date, ==, "2026-01-20");
  g_assert_cmpint (g_array_index (history, AccordHealthPoint, 1).score, ==, health.score);
  g_assert_cmpint (g_array_index (history, AccordHealthPoint, 1).band, ==, ACCORD_HEALTH_AT_RISK);

  /* As of an earlier today, the low review has not happened. */
  accord_store_set_today (fixture->store, "2026-01-19");
  g_assert_true (accord_store_get_health (fixture->store, partner, &health, &error));
  g_assert_cmpint (health.band, ==, ACCORD_HEALTH_HEALTHY);
  g_clear_pointer (&history, g_array_unref);
  history = accord_store_list_health_history (fixture->store, partner, &error);
  g_assert_cmpuint (history->len, ==, 1);
}

static void
assert_same_results (const AccordPartnerResults *a,
                     const AccordPartnerResults *b)
{
  g_assert_cmpint (a->partner_id, ==, b->partner_id);
  g_assert_cmpint (a->health.score, ==, b->health.score);
  g_assert_cmpint (a->health.band, ==, b->health.band);
  for (guint i = 0; i < ACCORD_N_HEALTH_INPUTS; i++)
    g_assert_cmpint (a->health.reasons[i].points, ==, b->health.reasons[i].points);
  g_assert_cmpuint (a->health.n_kpis, ==, b->health.n_kpis);
  g_assert_cmpint (a->health.days_since_contact, ==, b->health.days_since_contact);
  g_assert_cmpuint (a->converted_last_year, ==, b->converted_last_year);
  g_assert_cmpint (a->suggested_tier, ==, b->suggested_tier);
  for (guint side = 0; side < ACCORD_N_LEDGER_SIDES; side++)
    {
      g_assert_cmpint (a->ledger[side].earned_minor, ==, b->ledger[side].earned_minor);
      g_assert_cmpint (a->ledger[side].settled_minor, ==, b->ledger[side].settled_minor);
      g_assert_cmpint (a->ledger[side].balance_minor, ==, b->ledger[side].balance_minor);
    }
}

/* Partners with a little of everything, each different. */
static GPtrArray *
add_varied_partners (Fixture *fixture,
                     guint    n)
{
  GPtrArray *partners = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Partner %u", i);
      AccordPartner *p = add_partner (fixture, name);

      g_ptr_array_add (partners, p);
      if (i % 4 != 3)
        {
          g_autoptr(AccordAgreement) a =
            save_active (fixture->store, p, ACCORD_REVENUE_REFERRAL_FEE,
                         i % 2 ? ACCORD_PAYER_PARTNER : ACCORD_PAYER_US, 1000 * (i + 1),
                         ACCORD_UNSET);
        }
      for (guint j = 0; j < i % 7; j++)
        {
          g_autofree char *customer = g_strdup_printf ("Customer %u", j);
          g_autoptr(AccordReferral) r = new_referral (p, j % 2 ? "2025-03-01" : "2024-06-01",
                                                      customer, ACCORD_REFERRAL_CONVERTED, 100);

          save_referral_ok (fixture->store, r);
        }
      if (i % 3 != 0)
        {
          g_autoptr(AccordReview) r = new_review (p, "2025-10-01", 1 + i % 5,
                                                  i % 5 == 0 ? ACCORD_RED_FLAG_BRAND_INCIDENT : 0);

          save_review_ok (fixture->store, r);
        }
      if (i % 2 == 0)
        set_figures_ok (fixture->store, p, "2025-09", 0, (int) i);
      if (i % 5 != 1)
        log_contact (fixture->store, p, i % 2 ? "2025-11-01" : "2026-01-30");
      if (i % 3 == 1)
        add_entry_ok (fixture->store, p, ACCORD_LEDGER_OWED_TO_PARTNER, ACCORD_LEDGER_PAID,
                      "2025-12-01", 700, NULL);
    }
  return partners;
}

static void
test_bulk_matches_single (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) partners = add_varied_partners (fixture, 24);
  g_autoptr(AccordPartner) trashed = add_partner (fixture, "Trashed");
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *distinct = g_hash_table_new (g_direct_hash, g_direct_equal);

  g_assert_true (accord_store_trash_partner (fixture->store, trashed, &error));
  all = accord_store_list_results (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (all), ==, partners->len);

  for (guint i = 0; i < partners->len; i++)
    {
      AccordPartner *p = partners->pdata[i];
      gint64 id = accord_partner_get_id (p);
      const AccordPartnerResults *bulk = g_hash_table_lookup (all, &id);
      AccordPartnerResults single;

      g_assert_nonnull (bulk);
      g_assert_true (accord_store_get_results (fixture->store, p, &single, &error));
      g_assert_no_error (error);
      assert_same_results (bulk, &single);
      g_hash_table_add (distinct, GINT_TO_POINTER (single.health.score));
    }
  /* The data really differ, so the comparison means something. */
  g_assert_cmpuint (g_hash_table_size (distinct), >, 5);
  g_hash_table_unref (distinct);
}

/* The health alone, read in bulk for the portfolio, is the health of the
 * full results, for every partner. */
static void
test_bulk_health_matches_results (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GPtrArray) partners = add_varied_partners (fixture, 24);
  g_autoptr(AccordPartner) trashed = add_partner (fixture, "Trashed");
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(GHashTable) health = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *distinct = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint n_reviewed = 0;

  g_assert_true (accord_store_trash_partner (fixture->store, trashed, &error));
  all = accord_store_list_results (fixture->store, &error);
  g_assert_no_error (error);
  health = accord_store_list_health (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (health);
  g_assert_cmpuint (g_hash_table_size (health), ==, partners->len);

  for (guint i = 0; i < partners->len; i++)
    {
      gint64 id = accord_partner_get_id (partners->pdata[i]);
      const AccordPartnerResults *full = g_hash_table_lookup (all, &id);
      const AccordHealth *only = g_hash_table_lookup (health, &id);

      g_assert_nonnull (full);
      g_assert_nonnull (only);
      g_assert_cmpint (only->score, ==, full->health.score);
      g_assert_cmpint (only->band, ==, full->health.band);
      g_assert_cmpint (only->has_review, ==, full->health.has_review);
      for (guint j = 0; j < ACCORD_N_HEALTH_INPUTS; j++)
        {
          g_assert_cmpint (only->reasons[j].input, ==, full->health.reasons[j].input);
          g_assert_cmpint (only->reasons[j].points, ==, full->health.reasons[j].points);
        }
      g_assert_cmpuint (only->n_kpis, ==, full->health.n_kpis);
      g_assert_cmpint (only->days_since_contact, ==, full->health.days_since_contact);
      g_hash_table_add (distinct, GINT_TO_POINTER (only->score));
      if (only->has_review)
        n_reviewed++;
    }
  /* The data really differ, so the comparison means something. */
  g_assert_cmpuint (g_hash_table_size (distinct), >, 5);
  g_assert_cmpuint (n_reviewed, >, 0);
  g_assert_cmpuint (n_reviewed, <, partners->len);
  g_hash_table_unref (distinct);
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
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  sqlite3_trace_v2 (_accord_store_get_db (store), SQLITE_TRACE_STMT, trace_cb, &n);
  all = accord_store_list_results (store, &error);
  sqlite3_trace_v2 (_accord_store_get_db (store), 0, NULL, NULL);
  g_assert_no_error (error);
  g_assert_nonnull (all);
  return n;
}

/* However many partners there are, the same number of queries. */
static void
test_bulk_queries (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) few = add_varied_partners (fixture, 3);
  g_autoptr(GPtrArray) more = NULL;
  guint n_few, n_more;

  n_few = count_queries (fixture->store);
  more = add_varied_partners (fixture, 40);
  n_more = count_queries (fixture->store);
  g_assert_cmpuint (n_few, >, 0);
  g_assert_cmpuint (n_more, ==, n_few);
}

static void
test_has_results_and_tier (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Kestrel Media");
  g_autoptr(AccordReferral) lead = new_referral (partner, "2025-06-01", "Lead",
                                                 ACCORD_REFERRAL_LEAD, 0);
  g_autoptr(GError) error = NULL;
  AccordPartnerResults results;

  save_referral_ok (fixture->store, lead);
  g_assert_false (accord_store_partner_has_results (fixture->store, partner));
  g_assert_true (accord_store_get_results (fixture->store, partner, &results, &error));
  g_assert_cmpint (results.suggested_tier, ==, ACCORD_TIER_REFERRAL);

  /* Five new customers in the last 12 months: certified. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("Customer %u", i);
      g_autoptr(AccordReferral) r = new_referral (partner, i == 0 ? "2025-01-31" : "2025-09-01",
                                                  name, ACCORD_REFERRAL_CONVERTED, 0);

      save_referral_ok (fixture->store, r);
    }
  g_assert_true (accord_store_partner_has_results (fixture->store, partner));
  g_assert_true (accord_store_get_results (fixture->store, partner, &results, &error));
  /* 31 Jan 2025 is exactly 12 months before today: not counted. */
  g_assert_cmpuint (results.converted_last_year, ==, 4);
  g_assert_cmpint (results.suggested_tier, ==, ACCORD_TIER_REFERRAL);
  accord_store_set_today (fixture->store, "2026-01-30");
  g_assert_true (accord_store_get_results (fixture->store, partner, &results, &error));
  g_assert_cmpuint (results.converted_last_year, ==, 5);
  g_assert_cmpint (results.suggested_tier, ==, ACCORD_TIER_CERTIFIED);

  /* A strategic partner stays strategic. */
  g_assert_true (accord_store_set_partner_field (fixture->store, partner,
                                                 ACCORD_PARTNER_FIELD_TIER, "strategic", &error));
  g_assert_no_error (error);
  g_assert_true (accord_store_get_results (fixture->store, partner, &results, &error));
  g_assert_cmpint (results.suggested_tier, ==, ACCORD_TIER_STRATEGIC);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store-results/referrals", test_referrals);
  ADD ("/store-results/all-or-nothing", test_all_or_nothing);
  ADD ("/store-results/reviews", test_reviews);
  ADD ("/store-results/figures-upsert", test_figures_upsert);
  ADD ("/store-results/ledger", test_ledger);
  ADD ("/store-results/health", test_health);
  ADD ("/store-results/bulk-matches-single", test_bulk_matches_single);
  ADD ("/store-results/bulk-health-matches-results", test_bulk_health_matches_results);
  ADD ("/store-results/bulk-queries", test_bulk_queries);
  ADD ("/store-results/has-results-and-tier", test_has_results_and_tier);

#undef ADD

  return g_test_run ();
}
