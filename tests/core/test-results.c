/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "test-helpers.h"
#include "config.h"

#include <string.h>

#include "accord-results.h"

/* A partner's referrals, built up by the tests. */
static GPtrArray *
new_referrals (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) accord_referral_free);
}

static gint64 next_id = 1;

static void
add_referral (GPtrArray            *list,
              const char           *customer,
              AccordReferralStatus  status,
              const char           *converted_on,
              gint64                revenue_minor)
{
  AccordReferral *r = accord_referral_new (1, converted_on != NULL ? converted_on : "2020-01-01");

  r->id = next_id++;
  g_free (r->customer);
  r->customer = g_strdup (customer);
  r->status = status;
  r->revenue_minor = revenue_minor;
  r->converted_on = g_strdup (converted_on);
  accord_referral_normalize (r);
  g_assert_true (accord_referral_validate (r, NULL));
  g_ptr_array_add (list, r);
}

#define CONVERTED(list, customer, on, revenue) \
  add_referral ((list), (customer), ACCORD_REFERRAL_CONVERTED, (on), (revenue))

static AccordAgreement *
new_active (AccordRevenueModel model,
            const char        *start)
{
  AccordAgreement *a = accord_agreement_new (1);

  a->status = ACCORD_AGREEMENT_ACTIVE;
  a->start = g_strdup (start);
  a->revenue_model = model;
  return a;
}

static gint64
earned (const AccordAgreement *a,
        GPtrArray             *referrals,
        const char            *today,
        AccordCommission      *out)
{
  AccordCommission local;

  if (out == NULL)
    out = &local;
  accord_commission_compute (a, referrals, NULL, today, out);
  return out->earned_minor;
}

static void
test_apply_rate (void)
{
  static const struct
  {
    gint64 amount;
    int    rate_bp;
    gint64 expected;
  } cases[] = {
    { 12345, 2000, 2469 },   /* 2469.0 */
    { 12347, 2000, 2469 },   /* 2469.4 */
    { 12348, 2000, 2470 },   /* 2469.6 */
    { 1, 5000, 1 },          /* 0.5 rounds up */
    { 1, 4999, 0 },
    { 3, 5000, 2 },          /* 1.5 */
    { 100, 10000, 100 },
    { 100, 0, 0 },
    { 0, 2000, 0 },
    /* The largest amount stored, at the largest rate, does not overflow. */
    { G_GINT64_CONSTANT (999999999999999), 10000, G_GINT64_CONSTANT (999999999999999) },
    /* 333299999999999.67 */
    { G_GINT64_CONSTANT (999999999999999), 3333, G_GINT64_CONSTANT (333300000000000) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (accord_apply_rate_bp (cases[i].amount, cases[i].rate_bp), ==,
                     cases[i].expected);
}

/* A fee per new customer: repeat purchases, leads, lost ones, referrals
 * before the start or after today earn nothing. */
static void
test_referral_fee (void)
{
  g_autoptr(AccordAgreement) a = new_active (ACCORD_REVENUE_REFERRAL_FEE, "2025-01-01");
  g_autoptr(GPtrArray) referrals = new_referrals ();
  AccordCommission c;

  a->amount_minor = 5000;
  CONVERTED (referrals, "Acme", "2025-02-01", 100);
  CONVERTED (referrals, "ACME ", "2025-03-01", 100);         /* a repeat purchase */
  CONVERTED (referrals, "Café Olé", "2025-03-05", 0);
  CONVERTED (referrals, "cafe\xcc\x81 OLE\xcc\x81", "2025-04-05", 0); /* the same, decomposed */
  CONVERTED (referrals, "", "2025-04-01", 0);                /* unnamed: a customer each */
  CONVERTED (referrals, "", "2025-04-02", 0);
  CONVERTED (referrals, "Early", "2024-12-31", 100);         /* before the start */
  CONVERTED (referrals, "Later", "2025-06-02", 100);         /* after today */
  add_referral (referrals, "Lead", ACCORD_REFERRAL_LEAD, NULL, 100);
  add_referral (referrals, "Lost", ACCORD_REFERRAL_LOST, NULL, 100);

  g_assert_cmpint (earned (a, referrals, "2025-06-01", &c), ==, 4 * 5000);
  g_assert_cmpuint (c.n_customers, ==, 4);
  g_assert_cmpint (c.side, ==, ACCORD_LEDGER_OWED_TO_PARTNER);
  /* Today reaches the later one. */
  g_assert_cmpint (earned (a, referrals, "2025-06-02", NULL), ==, 5 * 5000);

  /* A customer converted before the start who buys again after it is no
   * new customer. */
  CONVERTED (referrals, "early", "2025-05-01", 100);
  g_assert_cmpint (earned (a, referrals, "2025-06-01", NULL), ==, 4 * 5000);

  /* The partner pays: the same amount, owed the other way. */
  a->payer = ACCORD_PAYER_PARTNER;
  g_assert_cmpint (earned (a, referrals, "2025-06-01", &c), ==, 4 * 5000);
  g_assert_cmpint (c.side, ==, ACCORD_LEDGER_OWED_BY_PARTNER);
}

/* A share of every purchase within share_months of the customer's first
 * one: the window ends the day before the same date that many months on. */
static void
test_revenue_share_window (void)
{
  g_autoptr(AccordAgreement) a = new_active (ACCORD_REVENUE_SHARE, "2025-01-01");
  g_autoptr(GPtrArray) referrals = new_referrals ();
  AccordCommission c;

  a->rate_bp = 2000;
  a->share_months = 12;
  CONVERTED (referrals, "Acme", "2025-01-31", 10000);   /* first purchase */
  CONVERTED (referrals, "Acme", "2026-01-30", 1000);    /* last day in the window */
  CONVERTED (referrals, "Acme", "2026-01-31", 500);     /* first day after it */
  CONVERTED (referrals, "Beta", "2025-06-15", 7);       /* 1.4: rounding is on the total */
  CONVERTED (referrals, "Beta", "2025-07-15", 7);

  /* 20 % of 10000 + 1000 + 7 + 7 = 11014 -> 2202.8 -> 2203. */
  g_assert_cmpint (earned (a, referrals, "2026-06-01", &c), ==, 2203);
  g_assert_cmpint (c.revenue_minor, ==, 11014);
  g_assert_cmpuint (c.n_customers, ==, 2);

  /* Before the last day of the window came, only what was bought by then. */
  g_assert_cmpint (earned (a, referrals, "2026-01-29", NULL), ==, 2203 - 200);

  /* 31 Jan + 1 month is 28 Feb (the month rule): 27 Feb is in, 28 Feb out. */
  {
    g_autoptr(GPtrArray) short_window = new_referrals ();

    a->share_months = 1;
    CONVERTED (short_window, "Gamma", "2025-01-31", 10000);
    CONVERTED (short_window, "Gamma", "2025-02-27", 10000);
    CONVERTED (short_window, "Gamma", "2025-02-28", 10000);
    g_assert_cmpint (earned (a, short_window, "2025-12-31", NULL), ==, 4000);
  }

  /* Without share_months, every purchase earns. */
  a->share_months = ACCORD_UNSET;
  g_assert_cmpint (earned (a, referrals, "2026-06-01", &c), ==, accord_apply_rate_bp (11514, 2000));
}

/* The new customers of a period pick its rate; exactly at a threshold
 * reaches it. */
static void
test_tiered_edges (void)
{
  g_autoptr(AccordAgreement) a = new_active (ACCORD_REVENUE_TIERED, "2025-01-01");
  g_autoptr(GPtrArray) referrals = new_referrals ();
  static const struct
  {
    guint  n_customers;
    gint64 expected;  /* of 1000 revenue each */
  } cases[] = {
    { 0, 0 },
    { 1, 0 },        /* below the lowest threshold: nothing */
    { 2, 200 },      /* exactly 2: 10 % of 2000 */
    { 4, 400 },      /* still 10 % */
    { 5, 750 },      /* exactly 5: 15 % of 5000 */
    { 9, 1350 },
    { 10, 2500 },    /* exactly 10: 25 % of 10000 */
    { 11, 2750 },
  };

  accord_agreement_add_tier (a, 2, 1000);
  accord_agreement_add_tier (a, 5, 1500);
  accord_agreement_add_tier (a, 10, 2500);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) month = new_referrals ();

      for (guint j = 0; j < cases[i].n_customers; j++)
        {
          g_autofree char *name = g_strdup_printf ("Customer %u", j);

          CONVERTED (month, name, "2025-03-10", 1000);
        }
      g_assert_cmpint (earned (a, month, "2025-12-31", NULL), ==, cases[i].expected);
    }

  /* Each period counts its own: 5 in March (15 %) and 2 in April (10 %),
   * not 7 together; a repeat purchase adds revenue, not volume. */
  for (guint j = 0; j < 5; j++)
    {
      g_autofree char *name = g_strdup_printf ("March %u", j);

      CONVERTED (referrals, name, "2025-03-31", 1000);
    }
  CONVERTED (referrals, "April 0", "2025-04-01", 1000);
  CONVERTED (referrals, "April 1", "2025-04-30", 1000);
  CONVERTED (referrals, "March 0", "2025-04-15", 1000);   /* a repeat in April */
  g_assert_cmpint (earned (a, referrals, "2025-12-31", NULL), ==, 750 + 300);

  /* With periods of a year, the 7 new customers together reach 15 %, on
   * all 8000. */
  a->period = ACCORD_PERIOD_YEAR;
  g_assert_cmpint (earned (a, referrals, "2025-12-31", NULL), ==, 8000 * 1500 / 10000);
}

/* A period's commission is topped up to the minimum once it is over; the
 * period running today is not. */
static void
test_minimum_commitment (void)
{
  g_autoptr(AccordAgreement) a = new_active (ACCORD_REVENUE_MINIMUM_COMMITMENT, "2025-01-31");
  g_autoptr(GPtrArray) referrals = new_referrals ();
  AccordCommission c;

  a->amount_minor = 10000;
  a->rate_bp = 1000;
  /* Periods: [31 Jan, 28 Feb), [28 Feb, 31 Mar), [31 Mar, 30 Apr). */
  CONVERTED (referrals, "A", "2025-02-10", 50000);   /* 5000: topped up by 5000 */
  CONVERTED (referrals, "B", "2025-03-30", 200000);  /* 20000: above the minimum */
  CONVERTED (referrals, "C", "2025-04-01", 10000);   /* 1000, period not over */

  /* 30 Mar: only the first period is over. */
  g_assert_cmpint (earned (a, referrals, "2025-03-30", &c), ==, 10000 + 20000);
  g_assert_cmpuint (c.n_periods, ==, 1);
  g_assert_cmpint (c.top_up_minor, ==, 5000);

  /* 29 Apr, the third period's last day: not over yet. */
  g_assert_cmpint (earned (a, referrals, "2025-04-29", &c), ==, 10000 + 20000 + 1000);
  g_assert_cmpuint (c.n_periods, ==, 2);
  /* 30 Apr: it is, and it is topped up. */
  g_assert_cmpint (earned (a, referrals, "2025-04-30", &c), ==, 10000 + 20000 + 10000);
  g_assert_cmpuint (c.n_periods, ==, 3);
  g_assert_cmpint (c.top_up_minor, ==, 5000 + 9000);

  /* Without a rate, the minimum alone, per completed period. */
  a->rate_bp = ACCORD_UNSET;
  g_assert_cmpint (earned (a, referrals, "2025-04-30", NULL), ==, 3 * 10000);

  /* Ended on 15 Apr: the third period never completed. */
  a->rate_bp = 1000;
  a->status = ACCORD_AGREEMENT_TERMINATED;
  a->ended_on = g_strdup ("2025-04-15");
  g_assert_cmpint (earned (a, referrals, "2025-12-31", &c), ==, 10000 + 20000 + 1000);
  g_assert_cmpuint (c.n_periods, ==, 2);
}

static void
test_fixed_fee (void)
{
  g_autoptr(AccordAgreement) a = new_active (ACCORD_REVENUE_FIXED_FEE, "2025-01-31");
  AccordCommission c;

  a->amount_minor = 25000;
  g_assert_cmpint (earned (a, NULL, "2025-01-31", &c), ==, 0);
  g_assert_cmpint (earned (a, NULL, "2025-02-27", &c), ==, 0);
  g_assert_cmpint (earned (a, NULL, "2025-02-28", &c), ==, 25000);
  g_assert_cmpint (earned (a, NULL, "2025-04-30", &c), ==, 3 * 25000);
  g_assert_cmpuint (c.n_periods, ==, 3);

  a->period = ACCORD_PERIOD_QUARTER;
  g_assert_cmpint (earned (a, NULL, "2025-04-29", NULL), ==, 0);
  g_assert_cmpint (earned (a, NULL, "2025-04-30", NULL), ==, 25000);
  a->period = ACCORD_PERIOD_YEAR;
  g_assert_cmpint (earned (a, NULL, "2027-01-31", NULL), ==, 2 * 25000);

  /* Not before the start; a start in the future earns nothing yet. */
  g_free (a->start);
  a->start = g_strdup ("2030-01-01");
  g_assert_cmpint (earned (a, NULL, "2027-01-31", NULL), ==, 0);
}

/* Only agreements that were in force earn, within their life. */
static void
test_in_force (void)
{
  g_autoptr(AccordAgreement) a = new_active (ACCORD_REVENUE_REFERRAL_FEE, "2025-01-01");
  g_autoptr(GPtrArray) referrals = new_referrals ();

  a->amount_minor = 100;
  CONVERTED (referrals, "A", "2025-02-01", 0);
  CONVERTED (referrals, "B", "2025-05-01", 0);

  for (AccordAgreementStatus s = ACCORD_AGREEMENT_DRAFT; s <= ACCORD_AGREEMENT_LEGAL_REVIEW; s++)
    {
      a->status = s;
      g_assert_cmpint (earned (a, referrals, "2025-12-31", NULL), ==, 0);
    }

  /* Expired without an end date: it ended the day it was marked so. */
  a->status = ACCORD_AGREEMENT_EXPIRED;
  a->status_since = g_strdup ("2025-03-01");
  g_assert_cmpint (earned (a, referrals, "2025-12-31", NULL), ==, 100);

  /* Active without a start: from the day it became active. */
  a->status = ACCORD_AGREEMENT_ACTIVE;
  g_clear_pointer (&a->start, g_free);
  g_assert_cmpint (earned (a, referrals, "2025-12-31", NULL), ==, 100);
  g_assert_cmpstr (accord_agreement_earns_from (a), ==, "2025-03-01");

  /* No revenue model: nothing. */
  a->revenue_model = ACCORD_REVENUE_NONE;
  g_assert_cmpint (earned (a, referrals, "2025-12-31", NULL), ==, 0);
}

/* A referral earns under the agreement in force when it converted, once. */
static void
test_total_over_agreements (void)
{
  g_autoptr(GPtrArray) agreements =
    g_ptr_array_new_with_free_func ((GDestroyNotify) accord_agreement_free);
  g_autoptr(GPtrArray) referrals = new_referrals ();
  AccordAgreement *old_one = new_active (ACCORD_REVENUE_REFERRAL_FEE, "2024-01-01");
  AccordAgreement *new_one = new_active (ACCORD_REVENUE_SHARE, "2025-01-01");
  AccordAgreement *draft = new_active (ACCORD_REVENUE_FIXED_FEE, "2024-06-01");
  gint64 total[ACCORD_N_LEDGER_SIDES];

  /* The old one expired without its end recorded, the day the new one
   * started being unknown too: the new start ends it. */
  old_one->id = 1;
  old_one->status = ACCORD_AGREEMENT_EXPIRED;
  old_one->status_since = g_strdup ("2025-06-30");
  old_one->amount_minor = 1000;
  new_one->id = 2;
  new_one->rate_bp = 1000;
  new_one->payer = ACCORD_PAYER_PARTNER;
  draft->id = 3;
  draft->status = ACCORD_AGREEMENT_DRAFT;
  draft->amount_minor = 99999;
  g_ptr_array_add (agreements, new_one);
  g_ptr_array_add (agreements, draft);
  g_ptr_array_add (agreements, old_one);

  CONVERTED (referrals, "A", "2024-05-01", 5000);   /* old: 1000 fee */
  CONVERTED (referrals, "B", "2024-12-31", 5000);   /* old: 1000 fee */
  CONVERTED (referrals, "C", "2025-01-01", 5000);   /* new: 500 share */
  CONVERTED (referrals, "D", "2025-03-01", 20000);  /* new: 2000 share */

  accord_commission_total (agreements, referrals, "2025-12-31", total);
  g_assert_cmpint (total[ACCORD_LEDGER_OWED_TO_PARTNER], ==, 2000);
  g_assert_cmpint (total[ACCORD_LEDGER_OWED_BY_PARTNER], ==, 2500);

  accord_commission_total (NULL, referrals, "2025-12-31", total);
  g_assert_cmpint (total[0], ==, 0);
  g_assert_cmpint (total[1], ==, 0);
}

static void
test_ledger_balance (void)
{
  g_autoptr(GPtrArray) entries =
    g_ptr_array_new_with_free_func ((GDestroyNotify) accord_ledger_entry_free);
  const gint64 earned_sides[ACCORD_N_LEDGER_SIDES] = { 10000, 5000 };
  AccordLedgerBalance out[ACCORD_N_LEDGER_SIDES];
  AccordLedgerEntry *refund;

  g_ptr_array_add (entries, accord_ledger_entry_new (1, ACCORD_LEDGER_OWED_TO_PARTNER,
                                                     ACCORD_LEDGER_PAID, "2025-03-01", 3000));
  /* They sent back 1000 we overpaid: owed to them again. */
  refund = accord_ledger_entry_new (1, ACCORD_LEDGER_OWED_TO_PARTNER, ACCORD_LEDGER_RECEIVED,
                                    "2025-03-02", 1000);
  g_ptr_array_add (entries, refund);
  g_ptr_array_add (entries, accord_ledger_entry_new (1, ACCORD_LEDGER_OWED_BY_PARTNER,
                                                     ACCORD_LEDGER_RECEIVED, "2025-03-03", 6000));
  /* Dated after today: not yet. */
  g_ptr_array_add (entries, accord_ledger_entry_new (1, ACCORD_LEDGER_OWED_TO_PARTNER,
                                                     ACCORD_LEDGER_PAID, "2025-04-01", 7000));

  g_assert_cmpint (accord_ledger_entry_settled (refund), ==, -1000);
  accord_ledger_balances (earned_sides, entries, "2025-03-31", out);
  g_assert_cmpint (out[ACCORD_LEDGER_OWED_TO_PARTNER].earned_minor, ==, 10000);
  g_assert_cmpint (out[ACCORD_LEDGER_OWED_TO_PARTNER].settled_minor, ==, 2000);
  g_assert_cmpint (out[ACCORD_LEDGER_OWED_TO_PARTNER].balance_minor, ==, 8000);
  /* They paid more than they owed: a negative balance. */
  g_assert_cmpint (out[ACCORD_LEDGER_OWED_BY_PARTNER].settled_minor, ==, 6000);
  g_assert_cmpint (out[ACCORD_LEDGER_OWED_BY_PARTNER].balance_minor, ==, -1000);

  accord_ledger_balances (earned_sides, entries, "2025-04-01", out);
  g_assert_cmpint (out[ACCORD_LEDGER_OWED_TO_PARTNER].balance_minor, ==, 1000);
  accord_ledger_balances (earned_sides, NULL, NULL, out);
  g_assert_cmpint (out[ACCORD_LEDGER_OWED_BY_PARTNER].balance_minor, ==, 5000);

  g_assert_cmpint (accord_ledger_side_for_payer (ACCORD_PAYER_US), ==,
                   ACCORD_LEDGER_OWED_TO_PARTNER);
  g_assert_cmpint (accord_ledger_side_for_payer (ACCORD_PAYER_PARTNER), ==,
                   ACCORD_LEDGER_OWED_BY_PARTNER);
}

static void
test_last_year (void)
{
  g_autoptr(GPtrArray) referrals = new_referrals ();

  CONVERTED (referrals, "A", "2025-01-31", 0);    /* exactly 12 months: out */
  CONVERTED (referrals, "B", "2025-02-01", 0);
  CONVERTED (referrals, "B", "2025-06-01", 0);    /* a repeat: not a new referral */
  CONVERTED (referrals, "A", "2025-07-01", 0);    /* A's first was before */
  CONVERTED (referrals, "C", "2026-01-31", 0);
  CONVERTED (referrals, "D", "2026-02-01", 0);    /* after today */
  add_referral (referrals, "E", ACCORD_REFERRAL_LEAD, NULL, 0);
  g_assert_cmpuint (accord_referrals_count_last_year (referrals, "2026-01-31"), ==, 2);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("More %u", i);

      CONVERTED (referrals, name, "2025-12-01", 0);
    }
  g_assert_cmpuint (accord_referrals_count_last_year (referrals, "2026-01-31"), ==, 5);
  g_assert_cmpint (accord_tier_suggest (accord_referrals_count_last_year (referrals, "2026-01-31"),
                                        FALSE), ==, ACCORD_TIER_CERTIFIED);
}

static void
test_red_flags_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AccordRedFlags flags = 0;

  g_assert_true (accord_red_flags_from_text (" Missed_Commitments ; customer-complaints;;", &flags,
                                             &error));
  g_assert_no_error (error);
  g_assert_cmpint (flags, ==, ACCORD_RED_FLAG_MISSED_COMMITMENTS |
                              ACCORD_RED_FLAG_CUSTOMER_COMPLAINTS);
  text = accord_red_flags_to_text (flags);
  g_assert_cmpstr (text, ==, "missed-commitments;customer-complaints");

  g_assert_true (accord_red_flags_from_text ("", &flags, NULL));
  g_assert_cmpint (flags, ==, 0);

  flags = ACCORD_RED_FLAG_BRAND_INCIDENT;
  g_assert_false (accord_red_flags_from_text ("late;missed-commitments", &flags, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "late"));
  g_assert_nonnull (strstr (error->message, "brand-incident"));
  g_assert_cmpint (flags, ==, ACCORD_RED_FLAG_BRAND_INCIDENT);
}

static void
test_validate (void)
{
  g_autoptr(AccordReferral) r = accord_referral_new (1, "2025-03-01");
  g_autoptr(AccordReview) v = accord_review_new (1, "2025-03-01");
  g_autoptr(AccordFigures) f = accord_figures_new (1, "2025-03");
  g_autoptr(AccordLedgerEntry) e = accord_ledger_entry_new (1, ACCORD_LEDGER_OWED_TO_PARTNER,
                                                            ACCORD_LEDGER_PAID, "2025-03-01", 1);

  /* Converted: the conversion date defaults to the referral's. */
  r->status = ACCORD_REFERRAL_CONVERTED;
  accord_referral_normalize (r);
  g_assert_cmpstr (r->converted_on, ==, "2025-03-01");
  g_assert_true (accord_referral_validate (r, NULL));
  g_free (r->converted_on);
  r->converted_on = g_strdup ("2025-02-28");
  g_assert_false (accord_referral_validate (r, NULL));
  r->status = ACCORD_REFERRAL_LOST;
  accord_referral_normalize (r);
  g_assert_null (r->converted_on);
  r->revenue_minor = -1;
  g_assert_false (accord_referral_validate (r, NULL));
  r->revenue_minor = 0;
  g_free (r->date);
  r->date = g_strdup ("2025-02-30");
  g_assert_false (accord_referral_validate (r, NULL));

  /* Reviews need every rating, 1 to 5. */
  g_assert_false (accord_review_validate (v, NULL));
  for (guint i = 0; i < ACCORD_N_REVIEW_RATINGS; i++)
    v->ratings[i] = 5;
  g_assert_true (accord_review_validate (v, NULL));
  v->ratings[ACCORD_REVIEW_TRUST] = 6;
  g_assert_false (accord_review_validate (v, NULL));

  g_assert_true (accord_figures_validate (f, NULL));
  f->has_nps = TRUE;
  f->nps = -100;
  g_assert_true (accord_figures_validate (f, NULL));
  f->nps = 101;
  g_assert_false (accord_figures_validate (f, NULL));
  f->nps = 0;
  f->referrals = -1;
  g_assert_false (accord_figures_validate (f, NULL));
  f->referrals = 0;
  for (guint i = 0; i < 4; i++)
    {
      static const char *const bad[] = { "2025-13", "2025-3", "25-03", "2025-03-01" };

      g_free (f->month);
      f->month = g_strdup (bad[i]);
      g_assert_false (accord_figures_validate (f, NULL));
    }

  g_assert_true (accord_ledger_entry_validate (e, NULL));
  e->amount_minor = 0;
  g_assert_false (accord_ledger_entry_validate (e, NULL));
}

static void
test_kpi_parsing (void)
{
  static const struct
  {
    const char     *name;
    AccordKpiMetric metric;
  } names[] = {
    { "Partner-sourced revenue", ACCORD_KPI_METRIC_REVENUE },
    { "Sales", ACCORD_KPI_METRIC_REVENUE },
    { "NPS of referred customers", ACCORD_KPI_METRIC_NPS },
    { "Joint initiatives", ACCORD_KPI_METRIC_INITIATIVES },
    { "Conversions", ACCORD_KPI_METRIC_CONVERSIONS },
    { "Referred customers", ACCORD_KPI_METRIC_CONVERSIONS },
    { "Referrals", ACCORD_KPI_METRIC_REFERRALS },
    { "Qualified leads", ACCORD_KPI_METRIC_REFERRALS },
    { "Unpsychological", ACCORD_KPI_METRIC_NONE },  /* "nps" inside a word */
    { "Brand awareness", ACCORD_KPI_METRIC_NONE },
  };
  static const struct
  {
    AccordKpiMetric metric;
    const char     *target;
    gboolean        ok;
    gint64          value;
  } targets[] = {
    { ACCORD_KPI_METRIC_REVENUE, "EUR 10,000", TRUE, 1000000 },
    { ACCORD_KPI_METRIC_REVENUE, "10000 EUR", TRUE, 1000000 },
    { ACCORD_KPI_METRIC_REVENUE, "€2.500,50", TRUE, 250050 },
    { ACCORD_KPI_METRIC_REVENUE, "$99.5", TRUE, 9950 },
    { ACCORD_KPI_METRIC_REVENUE, "10k", FALSE, 0 },
    { ACCORD_KPI_METRIC_REFERRALS, "20", TRUE, 20 },
    { ACCORD_KPI_METRIC_REFERRALS, "1,000", TRUE, 1000 },
    { ACCORD_KPI_METRIC_REFERRALS, "2.5", FALSE, 0 },
    { ACCORD_KPI_METRIC_REFERRALS, "twenty", FALSE, 0 },
    { ACCORD_KPI_METRIC_NPS, "+30", TRUE, 30 },
    { ACCORD_KPI_METRIC_NPS, "-10", TRUE, -10 },
    { ACCORD_KPI_METRIC_NPS, "101", FALSE, 0 },
    { ACCORD_KPI_METRIC_NONE, "20", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpint (accord_kpi_metric_from_name (names[i].name), ==, names[i].metric);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      gint64 value = 0;

      g_assert_cmpint (accord_kpi_parse_target (targets[i].metric, targets[i].target, &value), ==,
                       targets[i].ok);
      if (targets[i].ok)
        g_assert_cmpint (value, ==, targets[i].value);
    }
}

static void
add_month (AccordFiguresTotals *totals,
           const char          *month,
           gint64               revenue_minor,
           int                  referrals,
           int                  conversions,
           gboolean             has_nps,
           int                  nps)
{
  g_autoptr(AccordFigures) f = accord_figures_new (1, month);

  f->revenue_minor = revenue_minor;
  f->referrals = referrals;
  f->conversions = conversions;
  f->has_nps = has_nps;
  f->nps = nps;
  accord_figures_totals_add (totals, f);
}

static void
test_kpi_achievements (void)
{
  g_autoptr(AccordAgreement) a = new_active (ACCORD_REVENUE_NONE, "2025-01-01");
  AccordFiguresTotals totals = { 0, };
  AccordFiguresTotals empty = { 0, };
  int out[8];

  accord_agreement_add_kpi (a, "Revenue", "EUR 1,000", NULL);           /* 500 of 1000: 50 % */
  accord_agreement_add_kpi (a, "Referrals", "10", NULL);                /* 12 of 10: met */
  accord_agreement_add_kpi (a, "NPS", "50", NULL);                      /* latest 20: 40 % */
  accord_agreement_add_kpi (a, "Brand awareness", "high", NULL);        /* not measurable */
  accord_agreement_add_kpi (a, "Conversions", "12", "2025-12-31");      /* pro-rated */
  accord_agreement_add_kpi (a, "Joint initiatives", "0", NULL);         /* target 0: ignored */

  add_month (&totals, "2025-03", 30000, 7, 2, TRUE, 20);
  add_month (&totals, "2025-02", 20000, 5, 1, TRUE, 60);   /* older NPS, added later */
  g_assert_cmpuint (totals.n_months, ==, 2);
  g_assert_cmpint (totals.nps, ==, 20);

  /* 1 Jan to 1 Jul is 181 of 364 days: 12 x 181 / 364 = 5.97 -> 6; 3 of 6. */
  g_assert_cmpuint (accord_kpi_achievements (a, &totals, "2025-07-01", out), ==, 4);
  g_assert_cmpint (out[0], ==, 5000);
  g_assert_cmpint (out[1], ==, 10000);
  g_assert_cmpint (out[2], ==, 4000);
  g_assert_cmpint (out[3], ==, 5000);
  /* After its date, the whole target: 3 of 12. */
  g_assert_cmpuint (accord_kpi_achievements (a, &totals, "2026-01-31", out), ==, 4);
  g_assert_cmpint (out[3], ==, 2500);

  /* No figures, nothing measured. */
  g_assert_cmpuint (accord_kpi_achievements (a, &empty, "2025-07-01", out), ==, 0);
  g_assert_cmpuint (accord_kpi_achievements (a, NULL, "2025-07-01", out), ==, 0);
  /* A draft is not the active agreement's terms: no window. */
  a->status = ACCORD_AGREEMENT_DRAFT;
  g_assert_cmpuint (accord_kpi_achievements (a, &totals, "2025-07-01", out), ==, 0);
}

static void
test_health_compute (void)
{
  g_autoptr(AccordAgreement) a = new_active (ACCORD_REVENUE_NONE, "2025-01-01");
  g_autoptr(AccordReview) good = accord_review_new (1, "2025-06-01");
  g_autoptr(AccordReview) bad = accord_review_new (1, "2025-06-15");
  AccordFiguresTotals totals = { 0, };
  AccordHealth health;

  accord_agreement_add_kpi (a, "Referrals", "10", NULL);
  add_month (&totals, "2025-03", 0, 10, 0, FALSE, 0);
  for (guint i = 0; i < ACCORD_N_REVIEW_RATINGS; i++)
    {
      good->ratings[i] = 5;
      bad->ratings[i] = 2;
    }
  bad->red_flags = ACCORD_RED_FLAG_MISSED_COMMITMENTS | ACCORD_RED_FLAG_POOR_RESPONSIVENESS;

  accord_health_compute (good, a, &totals, "2025-06-20", "2025-06-30", &health);
  g_assert_cmpint (health.score, ==, 100);
  g_assert_cmpint (health.band, ==, ACCORD_HEALTH_HEALTHY);
  g_assert_cmpuint (health.n_kpis, ==, 1);
  g_assert_cmpint (health.days_since_contact, ==, 10);

  /* Low ratings (30 points) and two red flags (20): at risk. */
  accord_health_compute (bad, a, &totals, "2025-06-20", "2025-06-30", &health);
  g_assert_cmpint (health.reasons[ACCORD_HEALTH_INPUT_RATINGS].points, ==, 30);
  g_assert_cmpint (health.reasons[ACCORD_HEALTH_INPUT_RED_FLAGS].points, ==, 20);
  g_assert_cmpint (health.reasons[ACCORD_HEALTH_INPUT_RESULTS].points, ==, 0);
  g_assert_cmpint (health.score, ==, 50);
  g_assert_cmpint (health.band, ==, ACCORD_HEALTH_WATCH);

  /* Nothing known: no review (10), no measured KPI (5), never in contact (15). */
  accord_health_compute (NULL, NULL, NULL, NULL, "2025-06-30", &health);
  g_assert_cmpint (health.score, ==, 70);
  g_assert_false (health.has_review);
  g_assert_cmpint (health.days_since_contact, ==, -1);
  /* A contact dated after today counts as today. */
  accord_health_compute (NULL, NULL, NULL, "2025-07-30", "2025-06-30", &health);
  g_assert_cmpint (health.days_since_contact, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/results/apply-rate", test_apply_rate);
  g_test_add_func ("/results/referral-fee", test_referral_fee);
  g_test_add_func ("/results/revenue-share-window", test_revenue_share_window);
  g_test_add_func ("/results/tiered-edges", test_tiered_edges);
  g_test_add_func ("/results/minimum-commitment", test_minimum_commitment);
  g_test_add_func ("/results/fixed-fee", test_fixed_fee);
  g_test_add_func ("/results/in-force", test_in_force);
  g_test_add_func ("/results/total-over-agreements", test_total_over_agreements);
  g_test_add_func ("/results/ledger-balance", test_ledger_balance);
  g_test_add_func ("/results/last-year", test_last_year);
  g_test_add_func ("/results/red-flags-text", test_red_flags_text);
  g_test_add_func ("/results/validate", test_validate);
  g_test_add_func ("/results/kpi-parsing", test_kpi_parsing);
  g_test_add_func ("/results/kpi-achievements", test_kpi_achievements);
  g_test_add_func ("/results/health-compute", test_health_compute);

  return g_test_run ();
}
