/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "test-helpers.h"
#include "config.h"

#include <string.h>

#include "accord-agreement.h"
#include "accord-store.h"

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
save_ok (AccordStore     *store,
         AccordAgreement *agreement)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_store_save_agreement (store, agreement, &error));
  g_assert_no_error (error);
  g_assert_cmpint (agreement->id, >, 0);
}

static GPtrArray *
list_ok (AccordStore   *store,
         AccordPartner *partner)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = accord_store_list_agreements (store, partner, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

/* Every field set to something other than its default. */
static AccordAgreement *
make_full (gint64 partner_id)
{
  AccordAgreement *a = accord_agreement_new (partner_id);

  g_free (a->title);
  a->title = g_strdup ("Referral programme 2025");
  a->status = ACCORD_AGREEMENT_ACTIVE;
  a->status_since = g_strdup ("2025-01-05");
  a->start = g_strdup ("2025-01-31");
  a->term_months = 12;
  a->renewal = ACCORD_RENEWAL_AUTOMATIC;
  a->notice_days = 45;
  a->termination_notice_days = 90;
  g_free (a->termination_effect);
  a->termination_effect = g_strdup ("Customers already referred stay with us; shares end.");
  a->ended_on = g_strdup ("2027-01-30");
  a->revenue_model = ACCORD_REVENUE_TIERED;
  a->payer = ACCORD_PAYER_PARTNER;
  a->currency = g_strdup ("EUR");
  a->rate_bp = 1250;
  a->share_months = 18;
  a->amount_minor = 123456789;
  a->period = ACCORD_PERIOD_QUARTER;
  accord_agreement_add_tier (a, 0, 1000);
  accord_agreement_add_tier (a, 25, 1500);
  accord_agreement_add_tier (a, 100, 2250);
  a->exclusivity = ACCORD_EXCLUSIVITY_GEOGRAPHIC;
  g_free (a->exclusivity_scope);
  a->exclusivity_scope = g_strdup ("Nordics, Baltics");
  a->exclusivity_until = g_strdup ("2026-01-30");
  g_free (a->ip_terms);
  a->ip_terms = g_strdup ("Joint work is owned jointly.");
  g_free (a->brand_usage);
  a->brand_usage = g_strdup ("Logo on the partner page only.");
  a->confidential = TRUE;
  a->confidentiality_months = 36;
  a->review_cadence = ACCORD_CADENCE_QUARTERLY;
  a->legal_review_needed = TRUE;
  a->legal_requested_on = g_strdup ("2024-12-01");
  a->legal_done_on = g_strdup ("2024-12-20");
  accord_agreement_add_kpi (a, "Referred customers", "20", "2025-12-31");
  accord_agreement_add_kpi (a, "Revenue “attributed”", "EUR 10,000", NULL);
  accord_agreement_add_deliverable (a, ACCORD_SIDE_US, "Sales deck", "2025-02-15", TRUE);
  accord_agreement_add_deliverable (a, ACCORD_SIDE_PARTNER, "Newsletter mention", NULL, FALSE);
  return a;
}

static void
assert_same (const AccordAgreement *a,
             const AccordAgreement *b)
{
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpint (a->partner_id, ==, b->partner_id);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpint (a->status, ==, b->status);
  g_assert_cmpstr (a->status_since, ==, b->status_since);
  g_assert_cmpstr (a->start, ==, b->start);
  g_assert_cmpint (a->term_months, ==, b->term_months);
  g_assert_cmpint (a->renewal, ==, b->renewal);
  g_assert_cmpint (a->notice_days, ==, b->notice_days);
  g_assert_cmpint (a->termination_notice_days, ==, b->termination_notice_days);
  g_assert_cmpstr (a->termination_effect, ==, b->termination_effect);
  g_assert_cmpstr (a->ended_on, ==, b->ended_on);
  g_assert_cmpint (a->revenue_model, ==, b->revenue_model);
  g_assert_cmpint (a->payer, ==, b->payer);
  g_assert_cmpstr (a->currency, ==, b->currency);
  g_assert_cmpint (a->rate_bp, ==, b->rate_bp);
  g_assert_cmpint (a->share_months, ==, b->share_months);
  g_assert_cmpint (a->amount_minor, ==, b->amount_minor);
  g_assert_cmpint (a->period, ==, b->period);
  g_assert_cmpuint (a->tiers->len, ==, b->tiers->len);
  for (guint i = 0; i < a->tiers->len; i++)
    {
      g_assert_cmpint (g_array_index (a->tiers, AccordRateTier, i).threshold, ==,
                       g_array_index (b->tiers, AccordRateTier, i).threshold);
      g_assert_cmpint (g_array_index (a->tiers, AccordRateTier, i).rate_bp, ==,
                       g_array_index (b->tiers, AccordRateTier, i).rate_bp);
    }
  g_assert_cmpint (a->exclusivity, ==, b->exclusivity);
  g_assert_cmpstr (a->exclusivity_scope, ==, b->exclusivity_scope);
  g_assert_cmpstr (a->exclusivity_until, ==, b->exclusivity_until);
  g_assert_cmpstr (a->ip_terms, ==, b->ip_terms);
  g_assert_cmpstr (a->brand_usage, ==, b->brand_usage);
  g_assert_cmpint (a->confidential, ==, b->confidential);
  g_assert_cmpint (a->confidentiality_months, ==, b->confidentiality_months);
  g_assert_cmpint (a->review_cadence, ==, b->review_cadence);
  g_assert_cmpint (a->legal_review_needed, ==, b->legal_review_needed);
  g_assert_cmpstr (a->legal_requested_on, ==, b->legal_requested_on);
  g_assert_cmpstr (a->legal_done_on, ==, b->legal_done_on);
  g_assert_cmpuint (a->kpis->len, ==, b->kpis->len);
  for (guint i = 0; i < a->kpis->len; i++)
    {
      const AccordKpi *x = a->kpis->pdata[i];
      const AccordKpi *y = b->kpis->pdata[i];

      g_assert_cmpstr (x->metric, ==, y->metric);
      g_assert_cmpstr (x->target, ==, y->target);
      g_assert_cmpstr (x->date, ==, y->date);
    }
  g_assert_cmpuint (a->deliverables->len, ==, b->deliverables->len);
  for (guint i = 0; i < a->deliverables->len; i++)
    {
      const AccordDeliverable *x = a->deliverables->pdata[i];
      const AccordDeliverable *y = b->deliverables->pdata[i];

      g_assert_cmpint (x->side, ==, y->side);
      g_assert_cmpstr (x->title, ==, y->title);
      g_assert_cmpstr (x->due, ==, y->due);
      g_assert_cmpint (x->done, ==, y->done);
    }
}

typedef struct
{
  guint          count;
  AccordPartner *last;
} Emitted;

static void
agreements_changed_cb (AccordStore   *store,
                       AccordPartner *partner,
                       Emitted       *emitted)
{
  emitted->count++;
  emitted->last = partner;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  gint64 partner_id = accord_partner_get_id (partner);
  g_autoptr(AccordAgreement) a = make_full (partner_id);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(AccordAgreement) active = NULL;
  g_autoptr(GError) error = NULL;
  Emitted emitted = { 0 };
  AccordPartner *reopened;

  g_signal_connect (fixture->store, "agreements-changed", G_CALLBACK (agreements_changed_cb),
                    &emitted);
  save_ok (fixture->store, a);
  g_assert_cmpuint (emitted.count, ==, 1);
  g_assert_true (emitted.last == partner);
  /* A status given on creation keeps the date it was given. */
  g_assert_cmpstr (a->status_since, ==, "2025-01-05");

  list = list_ok (fixture->store, partner);
  g_assert_cmpuint (list->len, ==, 1);
  assert_same (list->pdata[0], a);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* What reached the file. */
  reopened = test_workspace_reopen_and_find (fixture, partner_id);
  accord_store_set_today (fixture->store, "2026-01-31");
  list = list_ok (fixture->store, reopened);
  g_assert_cmpuint (list->len, ==, 1);
  assert_same (list->pdata[0], a);

  active = accord_store_get_active_agreement (fixture->store, reopened, &error);
  g_assert_no_error (error);
  g_assert_nonnull (active);
  assert_same (active, a);

  /* An agreement with nothing set reads back with nothing set. */
  {
    g_autoptr(AccordAgreement) blank = accord_agreement_new (partner_id);
    g_autoptr(GPtrArray) again = NULL;
    AccordAgreement *read = NULL;

    save_ok (fixture->store, blank);
    g_assert_cmpstr (blank->status_since, ==, "2026-01-31");
    again = list_ok (fixture->store, reopened);
    g_assert_cmpuint (again->len, ==, 2);
    for (guint i = 0; i < again->len; i++)
      if (((AccordAgreement *) again->pdata[i])->id == blank->id)
        read = again->pdata[i];
    g_assert_nonnull (read);
    assert_same (read, blank);
    g_assert_cmpint (read->term_months, ==, ACCORD_UNSET);
    g_assert_cmpint (read->amount_minor, ==, ACCORD_UNSET);
    g_assert_cmpint (read->confidentiality_months, ==, ACCORD_UNSET);
    g_assert_null (read->currency);
    g_assert_null (read->start);
  }
}

static void
test_normalized (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  g_autoptr(AccordAgreement) a = accord_agreement_new (accord_partner_get_id (partner));
  g_autoptr(GPtrArray) list = NULL;
  AccordAgreement *read;

  g_free (a->title);
  a->title = g_strdup ("  Pilot  ");
  a->currency = g_strdup ("eur");
  a->start = g_strdup ("");
  save_ok (fixture->store, a);
  g_assert_cmpstr (a->title, ==, "Pilot");
  g_assert_cmpstr (a->currency, ==, "EUR");

  list = list_ok (fixture->store, partner);
  read = list->pdata[0];
  g_assert_cmpstr (read->title, ==, "Pilot");
  g_assert_cmpstr (read->currency, ==, "EUR");
  g_assert_null (read->start);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  g_autoptr(AccordAgreement) a = make_full (accord_partner_get_id (partner));
  g_autoptr(AccordAgreement) ghost = make_full (accord_partner_get_id (partner));
  g_autoptr(AccordAgreement) orphan = accord_agreement_new (9999);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  Emitted emitted = { 0 };

  g_signal_connect (fixture->store, "agreements-changed", G_CALLBACK (agreements_changed_cb),
                    &emitted);

  a->rate_bp = 10001;
  g_assert_false (accord_store_save_agreement (fixture->store, a, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "rate"));
  g_assert_cmpint (a->id, ==, 0);
  g_clear_error (&error);

  a->rate_bp = 1000;
  a->amount_minor = -250;
  g_assert_false (accord_store_save_agreement (fixture->store, a, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "amount"));
  g_clear_error (&error);

  a->amount_minor = 0;
  g_free (a->ended_on);
  a->ended_on = g_strdup ("2025-01-30");
  g_assert_false (accord_store_save_agreement (fixture->store, a, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "end date"));
  g_clear_error (&error);

  g_assert_false (accord_store_save_agreement (fixture->store, orphan, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  ghost->id = 4242;
  g_assert_false (accord_store_save_agreement (fixture->store, ghost, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  list = list_ok (fixture->store, partner);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpuint (emitted.count, ==, 0);
}

static void
test_one_active (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  g_autoptr(AccordPartner) other = add_partner (fixture, "Northwind");
  g_autoptr(AccordAgreement) first = make_full (accord_partner_get_id (partner));
  g_autoptr(AccordAgreement) second = make_full (accord_partner_get_id (partner));
  g_autoptr(AccordAgreement) theirs = make_full (accord_partner_get_id (other));
  g_autoptr(AccordAgreement) active = NULL;
  g_autoptr(GError) error = NULL;

  save_ok (fixture->store, first);

  g_assert_false (accord_store_save_agreement (fixture->store, second, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Bluepeak"));
  g_assert_nonnull (strstr (error->message, "active"));
  g_assert_cmpint (second->id, ==, 0);
  g_clear_error (&error);

  /* Another partner has its own. */
  save_ok (fixture->store, theirs);

  /* Negotiating the next one is fine... */
  second->status = ACCORD_AGREEMENT_NEGOTIATING;
  save_ok (fixture->store, second);
  /* ...making it active is not, until the first one ends. */
  second->status = ACCORD_AGREEMENT_ACTIVE;
  g_assert_false (accord_store_save_agreement (fixture->store, second, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (second->status, ==, ACCORD_AGREEMENT_ACTIVE);

  first->status = ACCORD_AGREEMENT_TERMINATED;
  save_ok (fixture->store, first);
  save_ok (fixture->store, second);

  active = accord_store_get_active_agreement (fixture->store, partner, &error);
  g_assert_no_error (error);
  g_assert_nonnull (active);
  g_assert_cmpint (active->id, ==, second->id);

  /* Saving the active one again is not a second active one. */
  g_free (second->title);
  second->title = g_strdup ("Renamed");
  save_ok (fixture->store, second);

  /* Without any active agreement: NULL, no error. */
  second->status = ACCORD_AGREEMENT_EXPIRED;
  save_ok (fixture->store, second);
  g_clear_pointer (&active, accord_agreement_free);
  active = accord_store_get_active_agreement (fixture->store, partner, &error);
  g_assert_no_error (error);
  g_assert_null (active);
}

typedef struct
{
  const char *date;
  const char *kind;
  const char *status;
  const char *needles[3];   /* in the summary */
} ExpectedChange;

static void
assert_changes (AccordStore          *store,
                gint64                id,
                const ExpectedChange *expected,
                guint                 n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = accord_store_list_agreement_changes (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (changes);
  g_assert_cmpuint (changes->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const AccordAgreementChange *c = changes->pdata[i];

      g_test_message ("change %u: %s %s %s “%s”", i, c->date, c->kind, c->status, c->summary);
      g_assert_cmpstr (c->date, ==, expected[i].date);
      g_assert_cmpstr (c->kind, ==, expected[i].kind);
      g_assert_cmpstr (c->status, ==, expected[i].status);
      for (guint j = 0; j < G_N_ELEMENTS (expected[i].needles) && expected[i].needles[j]; j++)
        g_assert_nonnull (strstr (c->summary, expected[i].needles[j]));
    }
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  gint64 partner_id = accord_partner_get_id (partner);
  g_autoptr(AccordAgreement) a = accord_agreement_new (partner_id);
  static const ExpectedChange expected[] = {
    { "2026-01-31", "created", NULL, { NULL } },
    { "2026-02-10", "status", "negotiating", { NULL } },
    { "2026-02-15", "amendment", NULL, { "start date", "rate", "KPIs" } },
    { "2026-03-01", "status", "active", { NULL } },
    { "2026-03-01", "amendment", NULL, { "notice period", NULL } },
  };

  /* Created on today; changes to a draft are not amendments. */
  save_ok (fixture->store, a);
  g_assert_cmpstr (a->status_since, ==, "2026-01-31");
  a->start = g_strdup ("2026-02-01");
  a->term_months = 12;
  a->rate_bp = 1500;
  save_ok (fixture->store, a);
  assert_changes (fixture->store, a->id, expected, 1);

  /* A status change is dated with the store's today. */
  accord_store_set_today (fixture->store, "2026-02-10");
  a->status = ACCORD_AGREEMENT_NEGOTIATING;
  save_ok (fixture->store, a);
  g_assert_cmpstr (a->status_since, ==, "2026-02-10");
  assert_changes (fixture->store, a->id, expected, 2);

  /* Saving what is already saved records nothing. */
  save_ok (fixture->store, a);
  assert_changes (fixture->store, a->id, expected, 2);

  /* Amendments name what changed. */
  accord_store_set_today (fixture->store, "2026-02-15");
  g_free (a->start);
  a->start = g_strdup ("2026-03-01");
  a->rate_bp = 2000;
  accord_agreement_add_kpi (a, "Leads", "50", NULL);
  save_ok (fixture->store, a);
  g_assert_cmpstr (a->status_since, ==, "2026-02-10");
  assert_changes (fixture->store, a->id, expected, 3);

  /* Both at once. */
  accord_store_set_today (fixture->store, "2026-03-01");
  a->status = ACCORD_AGREEMENT_ACTIVE;
  a->notice_days = 30;
  save_ok (fixture->store, a);
  g_assert_cmpstr (a->status_since, ==, "2026-03-01");

  /* All of it reached the file. */
  test_workspace_reopen_and_find (fixture, partner_id);
  assert_changes (fixture->store, a->id, expected, G_N_ELEMENTS (expected));

  {
    g_autoptr(GPtrArray) changes = accord_store_list_agreement_changes (fixture->store, a->id,
                                                                         NULL);
    const AccordAgreementChange *last = changes->pdata[changes->len - 1];

    /* Only what changed is named. */
    g_assert_null (strstr (last->summary, "rate"));
    g_assert_null (strstr (last->summary, "start"));
  }
}

static void
test_lists_replaced (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  g_autoptr(AccordAgreement) a = make_full (accord_partner_get_id (partner));
  g_autoptr(GPtrArray) list = NULL;
  AccordAgreement *read;

  save_ok (fixture->store, a);
  g_ptr_array_remove_index (a->kpis, 0);
  g_ptr_array_set_size (a->deliverables, 0);
  accord_agreement_add_deliverable (a, ACCORD_SIDE_PARTNER, "Case study", "2025-06-01", FALSE);
  g_array_set_size (a->tiers, 1);
  save_ok (fixture->store, a);

  list = list_ok (fixture->store, partner);
  g_assert_cmpuint (list->len, ==, 1);
  read = list->pdata[0];
  assert_same (read, a);
  g_assert_cmpuint (read->kpis->len, ==, 1);
  g_assert_cmpstr (((AccordKpi *) read->kpis->pdata[0])->metric, ==, "Revenue “attributed”");
  g_assert_cmpuint (read->deliverables->len, ==, 1);
  g_assert_cmpuint (read->tiers->len, ==, 1);
}

static AccordAgreement *
save_dated (Fixture               *fixture,
            AccordPartner         *partner,
            const char            *start,
            AccordAgreementStatus  status)
{
  AccordAgreement *a = accord_agreement_new (accord_partner_get_id (partner));

  a->start = g_strdup (start);
  a->status = status;
  save_ok (fixture->store, a);
  return a;
}

static void
test_list_order_and_all (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(AccordPartner) bluepeak = add_partner (fixture, "Bluepeak");
  g_autoptr(AccordPartner) northwind = add_partner (fixture, "Northwind");
  g_autoptr(AccordPartner) gone = add_partner (fixture, "Gone Ltd");
  g_autoptr(AccordAgreement) old = save_dated (fixture, bluepeak, "2023-01-01",
                                               ACCORD_AGREEMENT_EXPIRED);
  g_autoptr(AccordAgreement) draft = save_dated (fixture, bluepeak, NULL, ACCORD_AGREEMENT_DRAFT);
  g_autoptr(AccordAgreement) current = save_dated (fixture, bluepeak, "2025-01-01",
                                                   ACCORD_AGREEMENT_ACTIVE);
  g_autoptr(AccordAgreement) theirs = save_dated (fixture, northwind, "2024-05-01",
                                                  ACCORD_AGREEMENT_ACTIVE);
  g_autoptr(AccordAgreement) trashed = save_dated (fixture, gone, "2024-05-01",
                                                   ACCORD_AGREEMENT_ACTIVE);
  g_autoptr(GPtrArray) list = list_ok (fixture->store, bluepeak);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);

  accord_agreement_add_kpi (theirs, "Leads", "10", NULL);
  save_ok (fixture->store, theirs);

  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (((AccordAgreement *) list->pdata[0])->id, ==, draft->id);
  g_assert_cmpint (((AccordAgreement *) list->pdata[1])->id, ==, current->id);
  g_assert_cmpint (((AccordAgreement *) list->pdata[2])->id, ==, old->id);

  g_assert_true (accord_store_trash_partner (fixture->store, gone, &error));
  g_assert_no_error (error);

  all = accord_store_list_all_agreements (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4);
  for (guint i = 0; i < all->len; i++)
    {
      AccordAgreement *a = all->pdata[i];

      g_hash_table_add (ids, &a->id);
      g_assert_cmpint (a->partner_id, !=, accord_partner_get_id (gone));
      if (a->id == theirs->id)
        assert_same (a, theirs);
    }
  g_assert_true (g_hash_table_contains (ids, &draft->id));
  g_assert_true (g_hash_table_contains (ids, &theirs->id));
  g_assert_false (g_hash_table_contains (ids, &trashed->id));
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  g_autoptr(AccordAgreement) a = make_full (accord_partner_get_id (partner));
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  Emitted emitted = { 0 };

  save_ok (fixture->store, a);
  g_signal_connect (fixture->store, "agreements-changed", G_CALLBACK (agreements_changed_cb),
                    &emitted);
  g_assert_true (accord_store_delete_agreement (fixture->store, a->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (emitted.count, ==, 1);
  g_assert_true (emitted.last == partner);

  list = list_ok (fixture->store, partner);
  g_assert_cmpuint (list->len, ==, 0);
  changes = accord_store_list_agreement_changes (fixture->store, a->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 0);

  g_assert_false (accord_store_delete_agreement (fixture->store, a->id, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (emitted.count, ==, 1);
}

static void
test_has_results (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  g_autoptr(AccordPartner) launching = add_partner (fixture, "Northwind");
  static const AccordStage path[] = {
    ACCORD_STAGE_OUTREACH, ACCORD_STAGE_NEGOTIATING, ACCORD_STAGE_LAUNCHING,
  };

  g_assert_false (accord_store_partner_has_results (fixture->store, partner));
  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    {
      test_move_ok (fixture->store, partner, path[i], NULL, NULL, NULL);
      test_move_ok (fixture->store, launching, path[i], NULL, NULL, NULL);
    }
  g_assert_false (accord_store_partner_has_results (fixture->store, partner));

  test_move_ok (fixture->store, partner, ACCORD_STAGE_GROWING, NULL, NULL, NULL);
  g_assert_true (accord_store_partner_has_results (fixture->store, partner));
  /* Results stay results after the partnership moves on. */
  test_move_ok (fixture->store, partner, ACCORD_STAGE_RENEWING, NULL, NULL, NULL);
  g_assert_true (accord_store_partner_has_results (fixture->store, partner));
  test_move_ok (fixture->store, partner, ACCORD_STAGE_ON_HOLD, NULL, NULL, NULL);
  g_assert_true (accord_store_partner_has_results (fixture->store, partner));
  g_assert_false (accord_store_partner_has_results (fixture->store, launching));

  /* From the file too. */
  {
    gint64 id = accord_partner_get_id (partner);
    gint64 other_id = accord_partner_get_id (launching);
    AccordPartner *reopened = test_workspace_reopen_and_find (fixture, id);

    g_assert_true (accord_store_partner_has_results (fixture->store, reopened));
    reopened = accord_store_lookup_partner (fixture->store, other_id);
    g_assert_false (accord_store_partner_has_results (fixture->store, reopened));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store-agreements/round-trip", test_round_trip);
  ADD ("/store-agreements/normalized", test_normalized);
  ADD ("/store-agreements/refused", test_refused);
  ADD ("/store-agreements/one-active", test_one_active);
  ADD ("/store-agreements/history", test_history);
  ADD ("/store-agreements/lists-replaced", test_lists_replaced);
  ADD ("/store-agreements/list-order-and-all", test_list_order_and_all);
  ADD ("/store-agreements/delete", test_delete);
  ADD ("/store-agreements/has-results", test_has_results);

#undef ADD

  return g_test_run ();
}
