/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "accord-agreement.h"
#include "accord-store.h"

/* The derived dates of DOMAIN.md section 6, written out by hand. */
typedef struct
{
  const char *start;
  int         term_months;
  int         notice_days;     /* ACCORD_UNSET counts as 0 */
  gboolean    automatic;
  const char *today;
  const char *end_of_term;
  const char *notice_deadline;
  const char *next_renewal;    /* NULL for mutual renewal */
} TermCase;

static const TermCase term_cases[] = {
  /* 1 Jan 2025 + 12 months: the term ends 31 Dec 2025, 30 days' notice
   * falls on 1 Dec. */
  { "2025-01-01", 12, 30, FALSE, "2025-06-01", "2025-12-31", "2025-12-01", NULL },
  /* Mutual: the initial term's deadline, even long after it passed. */
  { "2025-01-01", 12, 30, FALSE, "2026-06-01", "2025-12-31", "2025-12-01", NULL },
  { "2025-01-01", 12, ACCORD_UNSET, FALSE, "2025-06-01", "2025-12-31", "2025-12-31", NULL },
  /* Month ends: 31 Jan + 1 month = 28 Feb, so the term ends on the 27th. */
  { "2025-01-31", 1, 0, FALSE, "2025-01-01", "2025-02-27", "2025-02-27", NULL },
  /* A leap year: 31 Jan 2024 + 1 month = 29 Feb 2024. */
  { "2024-01-31", 1, 0, FALSE, "2024-01-01", "2024-02-28", "2024-02-28", NULL },
  /* A 29 February start: + 12 months = 28 Feb 2025. */
  { "2024-02-29", 12, 0, FALSE, "2024-01-01", "2025-02-27", "2025-02-27", NULL },
  /* Automatic: before the deadline, on it, and the day after (rolled). */
  { "2025-01-01", 12, 30, TRUE, "2025-11-15", "2025-12-31", "2025-12-01", "2026-01-01" },
  { "2025-01-01", 12, 30, TRUE, "2025-12-01", "2025-12-31", "2025-12-01", "2026-01-01" },
  { "2025-01-01", 12, 30, TRUE, "2025-12-02", "2025-12-31", "2026-12-01", "2027-01-01" },
  /* Rolled over several periods, across a leap year. */
  { "2025-01-01", 12, 30, TRUE, "2028-06-01", "2025-12-31", "2028-12-01", "2029-01-01" },
  { "2024-02-29", 12, 0, TRUE, "2027-03-01", "2025-02-27", "2028-02-28", "2028-02-29" },
  /* Monthly periods from 31 January, computed from the start: 31 March,
   * not 28 March. */
  { "2025-01-31", 1, 0, TRUE, "2025-03-01", "2025-02-27", "2025-03-30", "2025-03-31" },
  { "2025-01-31", 3, 10, TRUE, "2025-01-01", "2025-04-29", "2025-04-19", "2025-04-30" },
  /* Notice periods longer than a month, and longer than the term. */
  { "2025-03-15", 6, 90, TRUE, "2025-01-01", "2025-09-14", "2025-06-16", "2025-09-15" },
  { "2025-03-15", 6, 90, TRUE, "2025-07-01", "2025-09-14", "2025-12-14", "2026-03-15" },
  { "2025-01-31", 1, 45, TRUE, "2025-06-10", "2025-02-27", "2025-06-15", "2025-07-31" },
  { "2025-01-01", 24, 400, TRUE, "2030-01-01", "2026-12-31", "2031-11-27", "2033-01-01" },
  /* Today long before the start: the first period. */
  { "2030-05-31", 1, 0, TRUE, "2020-01-01", "2030-06-29", "2030-06-29", "2030-06-30" },
};

static AccordAgreement *
make_term (const char    *start,
           int            term_months,
           int            notice_days,
           AccordRenewal  renewal)
{
  AccordAgreement *a = accord_agreement_new (1);

  a->start = g_strdup (start);
  a->term_months = term_months;
  a->notice_days = notice_days;
  a->renewal = renewal;
  return a;
}

static void
test_term_dates (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (term_cases); i++)
    {
      const TermCase *c = &term_cases[i];
      g_autoptr(AccordAgreement) a = make_term (c->start, c->term_months, c->notice_days,
                                                c->automatic ? ACCORD_RENEWAL_AUTOMATIC
                                                             : ACCORD_RENEWAL_MUTUAL);
      g_autofree char *end = accord_agreement_end_of_term (a);
      g_autofree char *deadline = accord_agreement_notice_deadline (a, c->today);
      g_autofree char *renewal = accord_agreement_next_renewal (a, c->today);

      g_test_message ("case %u: %s + %d months, %d days, %s, today %s", i, c->start,
                      c->term_months, c->notice_days, c->automatic ? "automatic" : "mutual",
                      c->today);
      g_assert_cmpstr (end, ==, c->end_of_term);
      g_assert_cmpstr (deadline, ==, c->notice_deadline);
      g_assert_cmpstr (renewal, ==, c->next_renewal);
    }
}

typedef struct
{
  const char *start;
  int         term_months;
  int         k;
  const char *expected;
} RenewalCase;

static const RenewalCase renewal_cases[] = {
  { "2025-01-31", 1, 0, "2025-01-31" },
  { "2025-01-31", 1, 1, "2025-02-28" },
  { "2025-01-31", 1, 2, "2025-03-31" },   /* from the start: no drift */
  { "2025-01-31", 1, 3, "2025-04-30" },
  { "2025-01-31", 1, 13, "2026-02-28" },
  { "2023-01-31", 1, 13, "2024-02-29" },
  { "2024-02-29", 12, 1, "2025-02-28" },
  { "2024-02-29", 12, 4, "2028-02-29" },
  { "2025-08-31", 6, 1, "2026-02-28" },
  { "2025-01-01", 12, 1, "2026-01-01" },
};

static void
test_renewal_dates (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (renewal_cases); i++)
    {
      const RenewalCase *c = &renewal_cases[i];
      g_autoptr(AccordAgreement) a = make_term (c->start, c->term_months, 0,
                                                ACCORD_RENEWAL_AUTOMATIC);
      g_autofree char *date = accord_agreement_renewal_date (a, c->k);

      g_test_message ("case %u: %s + %d x %d months", i, c->start, c->k, c->term_months);
      g_assert_cmpstr (date, ==, c->expected);
    }
}

static void
test_missing_term (void)
{
  g_autoptr(AccordAgreement) none = accord_agreement_new (1);
  g_autoptr(AccordAgreement) no_term = make_term ("2025-01-01", ACCORD_UNSET, 30,
                                                  ACCORD_RENEWAL_AUTOMATIC);
  g_autoptr(AccordAgreement) no_start = make_term (NULL, 12, 30, ACCORD_RENEWAL_AUTOMATIC);
  AccordAgreement *all[] = { none, no_term, no_start };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_autofree char *r = accord_agreement_renewal_date (all[i], 1);
      g_autofree char *e = accord_agreement_end_of_term (all[i]);
      g_autofree char *d = accord_agreement_notice_deadline (all[i], "2025-06-01");
      g_autofree char *n = accord_agreement_next_renewal (all[i], "2025-06-01");

      g_assert_null (r);
      g_assert_null (e);
      g_assert_null (d);
      g_assert_null (n);
    }
}

typedef struct
{
  const char   *start;
  AccordCadence cadence;
  const char   *today;
  const char   *expected;
} ReviewCase;

static const ReviewCase review_cases[] = {
  { "2025-01-31", ACCORD_CADENCE_QUARTERLY, "2025-05-01", "2025-07-31" },
  { "2025-01-31", ACCORD_CADENCE_QUARTERLY, "2025-04-30", "2025-04-30" },
  { "2025-01-31", ACCORD_CADENCE_MONTHLY, "2025-02-01", "2025-02-28" },
  { "2025-01-31", ACCORD_CADENCE_MONTHLY, "2025-03-01", "2025-03-31" },
  /* k >= 1: the start itself is not a review. */
  { "2025-01-31", ACCORD_CADENCE_MONTHLY, "2025-01-31", "2025-02-28" },
  { "2025-01-31", ACCORD_CADENCE_MONTHLY, "2024-06-01", "2025-02-28" },
  { "2024-02-29", ACCORD_CADENCE_ANNUAL, "2025-01-01", "2025-02-28" },
  { "2024-02-29", ACCORD_CADENCE_ANNUAL, "2027-03-01", "2028-02-29" },
  { "2025-01-01", ACCORD_CADENCE_NONE, "2025-06-01", NULL },
  { NULL, ACCORD_CADENCE_MONTHLY, "2025-06-01", NULL },
};

static void
test_next_review (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (review_cases); i++)
    {
      const ReviewCase *c = &review_cases[i];
      g_autoptr(AccordAgreement) a = accord_agreement_new (1);
      g_autofree char *review = NULL;

      a->start = g_strdup (c->start);
      a->review_cadence = c->cadence;
      review = accord_agreement_next_review (a, c->today);
      g_test_message ("case %u: %s every %d months, today %s", i, c->start,
                      accord_cadence_months (c->cadence), c->today);
      g_assert_cmpstr (review, ==, c->expected);
    }
}

/* A complete agreement that validates and has no warning. */
static AccordAgreement *
make_complete (void)
{
  AccordAgreement *a = make_term ("2025-01-01", 12, 30, ACCORD_RENEWAL_AUTOMATIC);

  a->termination_notice_days = 60;
  a->revenue_model = ACCORD_REVENUE_SHARE;
  a->rate_bp = 2000;
  a->share_months = 12;
  a->currency = g_strdup ("EUR");
  accord_agreement_add_kpi (a, "Referred customers", "20", "2025-12-31");
  return a;
}

typedef void (*Spoil) (AccordAgreement *a);

static void spoil_rate (AccordAgreement *a) { a->rate_bp = 10001; }
static void spoil_rate_negative (AccordAgreement *a) { a->rate_bp = -50; }
static void spoil_amount (AccordAgreement *a) { a->amount_minor = -500; }
static void spoil_ended (AccordAgreement *a) { a->ended_on = g_strdup ("2024-12-31"); }
static void spoil_exclusivity_until (AccordAgreement *a)
{
  a->exclusivity = ACCORD_EXCLUSIVITY_TIME_LIMITED;
  a->exclusivity_until = g_strdup ("2024-06-01");
}
static void spoil_legal (AccordAgreement *a)
{
  a->legal_requested_on = g_strdup ("2025-02-10");
  a->legal_done_on = g_strdup ("2025-02-09");
}
static void spoil_start (AccordAgreement *a) { g_free (a->start); a->start = g_strdup ("2025-02-30"); }
static void spoil_term (AccordAgreement *a) { a->term_months = 0; }
static void spoil_term_long (AccordAgreement *a) { a->term_months = 601; }
static void spoil_notice (AccordAgreement *a) { a->notice_days = -3; }
static void spoil_currency (AccordAgreement *a) { g_free (a->currency); a->currency = g_strdup ("EURO"); }
static void spoil_tier_rate (AccordAgreement *a) { accord_agreement_add_tier (a, 10, 12000); }
static void spoil_tiers_order (AccordAgreement *a)
{
  accord_agreement_add_tier (a, 50, 1500);
  accord_agreement_add_tier (a, 10, 2000);
}
static void spoil_kpi (AccordAgreement *a) { accord_agreement_add_kpi (a, "  ", "5", NULL); }
static void spoil_kpi_date (AccordAgreement *a) { accord_agreement_add_kpi (a, "Leads", "5", "soon"); }
static void spoil_deliverable (AccordAgreement *a)
{
  accord_agreement_add_deliverable (a, ACCORD_SIDE_US, "", NULL, FALSE);
}

typedef struct
{
  const char *name;
  Spoil       spoil;
  const char *needle;   /* the message names the field */
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "rate above 100 %", spoil_rate, "rate" },
  { "negative rate", spoil_rate_negative, "rate" },
  { "negative amount", spoil_amount, "amount" },
  { "ended before start", spoil_ended, "end date" },
  { "exclusivity until before start", spoil_exclusivity_until, "exclusivity" },
  { "legal done before requested", spoil_legal, "legal review" },
  { "not a date", spoil_start, "start date" },
  { "no months", spoil_term, "term" },
  { "too many months", spoil_term_long, "term" },
  { "negative notice", spoil_notice, "notice" },
  { "currency", spoil_currency, "currency" },
  { "tier rate", spoil_tier_rate, "tier" },
  { "tiers not rising", spoil_tiers_order, "tier" },
  { "KPI without a metric", spoil_kpi, "KPI" },
  { "KPI date", spoil_kpi_date, "KPI" },
  { "deliverable without a title", spoil_deliverable, "Deliverable" },
};

static void
test_validate (void)
{
  g_autoptr(AccordAgreement) good = make_complete ();
  g_autoptr(AccordAgreement) blank = accord_agreement_new (1);
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_agreement_validate (good, &error));
  g_assert_no_error (error);
  g_assert_true (accord_agreement_validate (blank, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      const InvalidCase *c = &invalid_cases[i];
      g_autoptr(AccordAgreement) a = make_complete ();

      g_test_message ("case %s", c->name);
      c->spoil (a);
      g_assert_false (accord_agreement_validate (a, &error));
      g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, c->needle));
      g_clear_error (&error);
    }
}

static void
test_validate_limits (void)
{
  g_autoptr(AccordAgreement) a = make_complete ();
  g_autoptr(GError) error = NULL;

  /* Exactly 100 %, nothing, equal dates and a rising tier list pass. */
  a->rate_bp = 10000;
  a->amount_minor = 0;
  a->ended_on = g_strdup ("2025-01-01");
  a->exclusivity = ACCORD_EXCLUSIVITY_TIME_LIMITED;
  a->exclusivity_until = g_strdup ("2025-01-01");
  a->legal_requested_on = g_strdup ("2025-02-10");
  a->legal_done_on = g_strdup ("2025-02-10");
  a->term_months = 600;
  a->notice_days = 0;
  accord_agreement_add_tier (a, 0, 1000);
  accord_agreement_add_tier (a, 10, 1500);
  accord_agreement_add_tier (a, 50, 2000);
  accord_agreement_add_deliverable (a, ACCORD_SIDE_PARTNER, "Landing page", "2024-01-01", TRUE);
  g_assert_true (accord_agreement_validate (a, &error));
  g_assert_no_error (error);
}

typedef struct
{
  const char *name;
  Spoil       spoil;
  gboolean    has_results;
  AccordAgreementWarnings expected;
} WarningCase;

static void clear_start (AccordAgreement *a) { g_clear_pointer (&a->start, g_free); }
static void clear_term (AccordAgreement *a) { a->term_months = ACCORD_UNSET; }
static void clear_termination (AccordAgreement *a) { a->termination_notice_days = ACCORD_UNSET; }
static void clear_kpis (AccordAgreement *a) { g_ptr_array_set_size (a->kpis, 0); }
static void grant_exclusivity (AccordAgreement *a) { a->exclusivity = ACCORD_EXCLUSIVITY_CATEGORY; }
static void nothing (AccordAgreement *a) { }

static const WarningCase warning_cases[] = {
  { "complete", nothing, FALSE, 0 },
  { "no start", clear_start, FALSE, ACCORD_AGREEMENT_WARN_NO_TERM },
  { "no term", clear_term, FALSE, ACCORD_AGREEMENT_WARN_NO_TERM },
  { "no termination", clear_termination, FALSE, ACCORD_AGREEMENT_WARN_NO_TERMINATION },
  { "no KPI", clear_kpis, FALSE, ACCORD_AGREEMENT_WARN_NO_KPI },
  { "early exclusivity", grant_exclusivity, FALSE, ACCORD_AGREEMENT_WARN_EARLY_EXCLUSIVITY },
  { "earned exclusivity", grant_exclusivity, TRUE, 0 },
};

static void
test_warnings (void)
{
  g_autoptr(AccordAgreement) blank = accord_agreement_new (1);

  for (guint i = 0; i < G_N_ELEMENTS (warning_cases); i++)
    {
      const WarningCase *c = &warning_cases[i];
      g_autoptr(AccordAgreement) a = make_complete ();

      g_test_message ("case %s", c->name);
      c->spoil (a);
      g_assert_cmpint (accord_agreement_get_warnings (a, c->has_results), ==, c->expected);
    }

  g_assert_cmpint (accord_agreement_get_warnings (blank, FALSE), ==,
                   ACCORD_AGREEMENT_WARN_NO_TERM | ACCORD_AGREEMENT_WARN_NO_TERMINATION |
                   ACCORD_AGREEMENT_WARN_NO_KPI);

  /* Every warning has its key and its own explanation. */
  {
    static const char *const keys[] = { "no-term", "no-termination", "no-kpi",
                                        "early-exclusivity" };
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < ACCORD_N_AGREEMENT_WARNINGS; i++)
      {
        const char *text = accord_agreement_warning_explain (1 << i);

        g_assert_cmpstr (accord_agreement_warning_to_key (1 << i), ==, keys[i]);
        g_assert_nonnull (text);
        g_assert_cmpuint (strlen (text), >, 20);
        g_assert_false (g_hash_table_contains (seen, text));
        g_hash_table_add (seen, (gpointer) text);
      }
  }
}

static void
test_keys (void)
{
  AccordAgreementStatus status;
  AccordRevenueModel model;
  AccordExclusivity exclusivity;
  AccordRenewal renewal;
  AccordPayer payer;
  AccordCadence cadence;
  AccordPeriod period;
  AccordSide side;

  for (guint i = 0; i < ACCORD_N_AGREEMENT_STATUSES; i++)
    {
      g_assert_true (accord_agreement_status_from_key (accord_agreement_status_to_key (i),
                                                       &status));
      g_assert_cmpint (status, ==, i);
      g_assert_nonnull (accord_agreement_status_label (i));
    }
  for (guint i = 0; i < ACCORD_N_REVENUE_MODELS; i++)
    {
      g_assert_true (accord_revenue_model_from_key (accord_revenue_model_to_key (i), &model));
      g_assert_cmpint (model, ==, i);
    }
  for (guint i = 0; i < ACCORD_N_EXCLUSIVITIES; i++)
    {
      g_assert_true (accord_exclusivity_from_key (accord_exclusivity_to_key (i), &exclusivity));
      g_assert_cmpint (exclusivity, ==, i);
    }
  for (guint i = 0; i < ACCORD_N_CADENCES; i++)
    {
      g_assert_true (accord_cadence_from_key (accord_cadence_to_key (i), &cadence));
      g_assert_cmpint (cadence, ==, i);
    }
  for (guint i = 0; i < ACCORD_N_PERIODS; i++)
    {
      g_assert_true (accord_period_from_key (accord_period_to_key (i), &period));
      g_assert_cmpint (period, ==, i);
    }

  g_assert_cmpstr (accord_revenue_model_to_key (ACCORD_REVENUE_MINIMUM_COMMITMENT), ==,
                   "minimum_commitment");
  g_assert_cmpstr (accord_exclusivity_to_key (ACCORD_EXCLUSIVITY_TIME_LIMITED), ==,
                   "time_limited");
  g_assert_cmpstr (accord_renewal_to_key (ACCORD_RENEWAL_AUTOMATIC), ==, "automatic");
  g_assert_cmpstr (accord_payer_to_key (ACCORD_PAYER_PARTNER), ==, "partner");
  g_assert_cmpstr (accord_cadence_to_key (ACCORD_CADENCE_QUARTERLY), ==, "quarterly");
  g_assert_cmpint (accord_cadence_months (ACCORD_CADENCE_QUARTERLY), ==, 3);
  g_assert_cmpint (accord_cadence_months (ACCORD_CADENCE_ANNUAL), ==, 12);
  g_assert_cmpint (accord_cadence_months (ACCORD_CADENCE_NONE), ==, 0);

  /* As people type them. */
  g_assert_true (accord_agreement_status_from_key (" Legal review ", &status));
  g_assert_cmpint (status, ==, ACCORD_AGREEMENT_LEGAL_REVIEW);
  g_assert_true (accord_revenue_model_from_key ("Revenue-Share", &model));
  g_assert_cmpint (model, ==, ACCORD_REVENUE_SHARE);
  g_assert_true (accord_renewal_from_key ("AUTOMATIC", &renewal));
  g_assert_cmpint (renewal, ==, ACCORD_RENEWAL_AUTOMATIC);
  g_assert_true (accord_payer_from_key ("us", &payer));
  g_assert_cmpint (payer, ==, ACCORD_PAYER_US);
  g_assert_true (accord_side_from_key ("partner", &side));
  g_assert_cmpint (side, ==, ACCORD_SIDE_PARTNER);

  g_assert_false (accord_agreement_status_from_key ("signed-ish", &status));
  g_assert_false (accord_renewal_from_key ("sometimes", &renewal));
  g_assert_false (accord_revenue_model_from_key ("", &model));
  g_assert_false (accord_exclusivity_from_key (NULL, &exclusivity));
}

static void
test_copy (void)
{
  g_autoptr(AccordAgreement) a = make_complete ();
  g_autoptr(AccordAgreement) copy = NULL;
  const AccordKpi *kpi;

  accord_agreement_add_tier (a, 10, 1500);
  accord_agreement_add_deliverable (a, ACCORD_SIDE_PARTNER, "Webinar", "2025-03-01", TRUE);
  a->exclusivity_scope = (g_free (a->exclusivity_scope), g_strdup ("Nordics"));

  copy = accord_agreement_copy (a);
  /* Deep: changing the original leaves the copy alone. */
  g_free (((AccordKpi *) a->kpis->pdata[0])->metric);
  ((AccordKpi *) a->kpis->pdata[0])->metric = g_strdup ("changed");
  g_array_index (a->tiers, AccordRateTier, 0).rate_bp = 1;

  kpi = copy->kpis->pdata[0];
  g_assert_cmpstr (kpi->metric, ==, "Referred customers");
  g_assert_cmpstr (kpi->date, ==, "2025-12-31");
  g_assert_cmpuint (copy->tiers->len, ==, 1);
  g_assert_cmpint (g_array_index (copy->tiers, AccordRateTier, 0).rate_bp, ==, 1500);
  g_assert_cmpuint (copy->deliverables->len, ==, 1);
  g_assert_cmpstr (((AccordDeliverable *) copy->deliverables->pdata[0])->title, ==, "Webinar");
  g_assert_true (((AccordDeliverable *) copy->deliverables->pdata[0])->done);
  g_assert_cmpstr (copy->exclusivity_scope, ==, "Nordics");
  g_assert_cmpstr (copy->start, ==, "2025-01-01");
  g_assert_cmpint (copy->rate_bp, ==, 2000);

  /* The boxed type copies too. */
  {
    AccordAgreement *boxed = g_boxed_copy (ACCORD_TYPE_AGREEMENT, copy);
    g_assert_cmpstr (boxed->currency, ==, "EUR");
    g_boxed_free (ACCORD_TYPE_AGREEMENT, boxed);
  }

  /* A new record has nothing set. */
  {
    g_autoptr(AccordAgreement) blank = accord_agreement_new (7);

    g_assert_cmpint (blank->partner_id, ==, 7);
    g_assert_cmpint (blank->id, ==, 0);
    g_assert_cmpint (blank->status, ==, ACCORD_AGREEMENT_DRAFT);
    g_assert_cmpint (blank->renewal, ==, ACCORD_RENEWAL_MUTUAL);
    g_assert_cmpint (blank->term_months, ==, ACCORD_UNSET);
    g_assert_cmpint (blank->rate_bp, ==, ACCORD_UNSET);
    g_assert_cmpint (blank->amount_minor, ==, ACCORD_UNSET);
    g_assert_cmpint (blank->termination_notice_days, ==, ACCORD_UNSET);
    g_assert_null (blank->start);
    g_assert_null (blank->currency);
    g_assert_cmpstr (blank->title, ==, "");
  }
}

typedef struct
{
  const char *text;
  gint64      value;    /* -1: refused */
} ParseCase;

static const ParseCase percent_cases[] = {
  { "20", 2000 }, { "12.5", 1250 }, { "12,5 %", 1250 }, { "12.34%", 1234 }, { " 0 ", 0 },
  { "100", 10000 }, { "100.00", 10000 }, { "0.05", 5 },
  { "100.01", -1 }, { "101", -1 }, { "-5", -1 }, { "12.345", -1 }, { "abc", -1 }, { "", -1 },
  { "%", -1 }, { "1e2", -1 }, { ".5", -1 }, { "5.", -1 },
};

static const ParseCase money_cases[] = {
  { "1234.5", 123450 }, { "1234", 123400 }, { "1,234.50", 123450 }, { "1.234,50", 123450 },
  { "12,5", 1250 }, { "0.99", 99 }, { "1,000,000", 100000000 }, { "0", 0 },
  { "-1", -1 }, { "1.234", 123400 }, { "12.345,6", 1234560 },
  { "1.2.3", -1 }, { "12.345", 1234500 }, { "0.125", -1 }, { "1,23,456", -1 },
  { "12 34", -1 }, { "", -1 }, { "9999999999999999999999", -1 }, { "1,234.567", -1 },
};

static void
test_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (percent_cases); i++)
    {
      const ParseCase *c = &percent_cases[i];
      g_autoptr(GError) error = NULL;
      int bp = -42;
      gboolean ok = accord_parse_percent (c->text, &bp, &error);

      g_test_message ("percent “%s”", c->text);
      if (c->value < 0)
        {
          g_assert_false (ok);
          g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
          g_assert_cmpint (bp, ==, -42);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (bp, ==, c->value);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (money_cases); i++)
    {
      const ParseCase *c = &money_cases[i];
      g_autoptr(GError) error = NULL;
      gint64 amount = -42;
      gboolean ok = accord_parse_money (c->text, &amount, &error);

      g_test_message ("money “%s”", c->text);
      if (c->value < 0)
        {
          g_assert_false (ok);
          g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
          g_assert_cmpint (amount, ==, -42);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (amount, ==, c->value);
        }
    }
}

static void
test_format (void)
{
  static const struct { int bp; const char *text; } rates[] = {
    { 2000, "20 %" }, { 1250, "12.5 %" }, { 1234, "12.34 %" }, { 5, "0.05 %" }, { 0, "0 %" },
    { 10000, "100 %" },
  };
  static const struct { gint64 minor; const char *currency; const char *text; } amounts[] = {
    { 123450, "EUR", "EUR 1,234.50" }, { 5, NULL, "0.05" }, { 100000000, "USD", "USD 1,000,000.00" },
    { 0, "", "0.00" }, { 99999, NULL, "999.99" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      g_autofree char *text = accord_format_rate_bp (rates[i].bp);
      int back = -1;

      g_assert_cmpstr (text, ==, rates[i].text);
      g_assert_true (accord_parse_percent (text, &back, NULL));
      g_assert_cmpint (back, ==, rates[i].bp);
    }
  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autofree char *text = accord_format_money (amounts[i].minor, amounts[i].currency);
      g_assert_cmpstr (text, ==, amounts[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agreement/term-dates", test_term_dates);
  g_test_add_func ("/agreement/renewal-dates", test_renewal_dates);
  g_test_add_func ("/agreement/missing-term", test_missing_term);
  g_test_add_func ("/agreement/next-review", test_next_review);
  g_test_add_func ("/agreement/validate", test_validate);
  g_test_add_func ("/agreement/validate-limits", test_validate_limits);
  g_test_add_func ("/agreement/warnings", test_warnings);
  g_test_add_func ("/agreement/keys", test_keys);
  g_test_add_func ("/agreement/copy", test_copy);
  g_test_add_func ("/agreement/parse", test_parse);
  g_test_add_func ("/agreement/format", test_format);

  return g_test_run ();
}
