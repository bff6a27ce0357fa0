/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "test-helpers.h"
#include "config.h"

#include "accord-health.h"

/* Every case lists the points each input takes, so a change to the formula
 * shows which input moved. */
typedef struct
{
  const char    *name;
  gboolean       has_review;
  int            ratings[ACCORD_N_REVIEW_RATINGS];
  AccordRedFlags red_flags;
  guint          n_kpis;
  int            kpis[3];
  int            days_since_contact;
  int            points[ACCORD_N_HEALTH_INPUTS]; /* ratings, results, contact, red flags */
  int            score;
  AccordHealthBand band;
} HealthCase;

#define ALL5 { 5, 5, 5, 5, 5 }
#define MET { 10000 }

static const HealthCase cases[] = {
  /* Everything as good as it gets. */
  { "perfect", TRUE, ALL5, 0, 1, MET, 0, { 0, 0, 0, 0 }, 100, ACCORD_HEALTH_HEALTHY },
  /* Ratings: (25 - sum) x 2. */
  { "one-rating-4", TRUE, { 4, 5, 5, 5, 5 }, 0, 1, MET, 0, { 2, 0, 0, 0 }, 98, ACCORD_HEALTH_HEALTHY },
  { "all-3", TRUE, { 3, 3, 3, 3, 3 }, 0, 1, MET, 0, { 20, 0, 0, 0 }, 80, ACCORD_HEALTH_HEALTHY },
  { "all-1", TRUE, { 1, 1, 1, 1, 1 }, 0, 1, MET, 0, { 40, 0, 0, 0 }, 60, ACCORD_HEALTH_WATCH },
  { "no-review", FALSE, ALL5, 0, 1, MET, 0, { 10, 0, 0, 0 }, 90, ACCORD_HEALTH_HEALTHY },
  /* Results: (100 % - average achievement) x 30, rounded; above target counts as met. */
  { "half-met", TRUE, ALL5, 0, 1, { 5000 }, 0, { 0, 15, 0, 0 }, 85, ACCORD_HEALTH_HEALTHY },
  { "none-met", TRUE, ALL5, 0, 1, { 0 }, 0, { 0, 30, 0, 0 }, 70, ACCORD_HEALTH_HEALTHY },
  { "over-target", TRUE, ALL5, 0, 2, { 20000, 5000 }, 0, { 0, 8, 0, 0 }, 92, ACCORD_HEALTH_HEALTHY },
  /* 1 - (9000 + 8000 + 7000) / 3 / 10000 = 0.2 -> 6. */
  { "three-kpis", TRUE, ALL5, 0, 3, { 9000, 8000, 7000 }, 0, { 0, 6, 0, 0 }, 94, ACCORD_HEALTH_HEALTHY },
  /* (1 - 29500 / 30000) x 30 = 0.5: half a point rounds up. */
  { "rounding", TRUE, ALL5, 0, 3, { 10000, 10000, 9500 }, 0, { 0, 1, 0, 0 }, 99, ACCORD_HEALTH_HEALTHY },
  { "no-kpi", TRUE, ALL5, 0, 0, { 0 }, 0, { 0, 5, 0, 0 }, 95, ACCORD_HEALTH_HEALTHY },
  /* Contact: nothing within 30 days, then a point per 4 days, at most 15. */
  { "contact-30", TRUE, ALL5, 0, 1, MET, 30, { 0, 0, 0, 0 }, 100, ACCORD_HEALTH_HEALTHY },
  { "contact-34", TRUE, ALL5, 0, 1, MET, 34, { 0, 0, 1, 0 }, 99, ACCORD_HEALTH_HEALTHY },
  { "contact-60", TRUE, ALL5, 0, 1, MET, 60, { 0, 0, 7, 0 }, 93, ACCORD_HEALTH_HEALTHY },
  { "contact-90", TRUE, ALL5, 0, 1, MET, 90, { 0, 0, 15, 0 }, 85, ACCORD_HEALTH_HEALTHY },
  { "contact-400", TRUE, ALL5, 0, 1, MET, 400, { 0, 0, 15, 0 }, 85, ACCORD_HEALTH_HEALTHY },
  { "never-contacted", TRUE, ALL5, 0, 1, MET, -1, { 0, 0, 15, 0 }, 85, ACCORD_HEALTH_HEALTHY },
  /* Red flags: 10 each, at most 30. */
  { "one-flag", TRUE, ALL5, ACCORD_RED_FLAG_MISSED_COMMITMENTS, 1, MET, 0, { 0, 0, 0, 10 }, 90,
    ACCORD_HEALTH_HEALTHY },
  { "four-flags", TRUE, ALL5,
    ACCORD_RED_FLAG_DECLINING_ENGAGEMENT | ACCORD_RED_FLAG_POOR_RESPONSIVENESS |
    ACCORD_RED_FLAG_CUSTOMER_COMPLAINTS | ACCORD_RED_FLAG_BRAND_INCIDENT,
    1, MET, 0, { 0, 0, 0, 30 }, 70, ACCORD_HEALTH_HEALTHY },
  /* The band edges: 70 healthy, 69 watch, 40 watch, 39 at risk. */
  { "edge-69", TRUE, ALL5, 0, 1, { 0 }, 34, { 0, 30, 1, 0 }, 69, ACCORD_HEALTH_WATCH },
  { "edge-40", TRUE, { 3, 3, 3, 3, 3 }, ACCORD_RED_FLAG_MISSED_COMMITMENTS, 1, { 0 }, 0,
    { 20, 30, 0, 10 }, 40, ACCORD_HEALTH_WATCH },
  { "edge-39", TRUE, { 3, 3, 3, 3, 3 }, ACCORD_RED_FLAG_MISSED_COMMITMENTS, 1, { 0 }, 34,
    { 20, 30, 1, 10 }, 39, ACCORD_HEALTH_AT_RISK },
  /* Everything wrong at once: 40 + 30 + 15 + 30 = 115 points, yet never below 0. */
  { "floor", TRUE, { 1, 1, 1, 1, 1 }, 0x3f, 1, { 0 }, -1, { 40, 30, 15, 30 }, 0,
    ACCORD_HEALTH_AT_RISK },
};

static void
test_case (gconstpointer data)
{
  const HealthCase *c = data;
  AccordHealthInputs inputs = { 0, };
  AccordHealthReason reasons[ACCORD_N_HEALTH_INPUTS];
  int score;

  inputs.has_review = c->has_review;
  memcpy (inputs.ratings, c->ratings, sizeof inputs.ratings);
  inputs.red_flags = c->red_flags;
  inputs.n_kpis = c->n_kpis;
  inputs.kpi_achievement_bp = c->kpis;
  inputs.days_since_contact = c->days_since_contact;

  score = accord_health_score (&inputs, reasons);
  for (guint i = 0; i < ACCORD_N_HEALTH_INPUTS; i++)
    {
      g_assert_cmpint (reasons[i].input, ==, i);
      g_assert_cmpint (reasons[i].points, ==, c->points[i]);
    }
  g_assert_cmpint (score, ==, c->score);
  g_assert_cmpint (accord_health_band (score), ==, c->band);
  /* Without reasons, the same score. */
  g_assert_cmpint (accord_health_score (&inputs, NULL), ==, score);
}

/* Worse input never raises the score, and the score stays in 0..100. */
static void
test_monotonic (void)
{
  AccordHealthInputs inputs = { 0, };
  int kpi = 10000;
  int previous = 101;

  inputs.has_review = TRUE;
  inputs.n_kpis = 1;
  inputs.kpi_achievement_bp = &kpi;
  for (int step = 0; step < 20; step++)
    {
      int score;

      for (guint i = 0; i < ACCORD_N_REVIEW_RATINGS; i++)
        inputs.ratings[i] = 5 - MIN (step, 4);
      kpi = MAX (0, 10000 - step * 700);
      inputs.days_since_contact = step * 10;
      inputs.red_flags = step >= 10 ? (1u << MIN (step - 9, ACCORD_N_RED_FLAGS)) - 1 : 0;

      score = accord_health_score (&inputs, NULL);
      g_assert_cmpint (score, >=, 0);
      g_assert_cmpint (score, <=, 100);
      g_assert_cmpint (score, <=, previous);
      previous = score;
    }
  g_assert_cmpint (previous, ==, 0);
}

static void
test_keys (void)
{
  AccordRedFlags flag;
  g_autofree char *text = NULL;
  AccordHealthReason reason = { ACCORD_HEALTH_INPUT_CONTACT, 7 };

  g_assert_cmpstr (accord_health_band_to_key (ACCORD_HEALTH_AT_RISK), ==, "at-risk");
  g_assert_cmpstr (accord_health_input_to_key (ACCORD_HEALTH_INPUT_RED_FLAGS), ==, "red-flags");
  for (guint i = 0; i < ACCORD_N_RED_FLAGS; i++)
    {
      g_assert_true (accord_red_flag_from_key (accord_red_flag_to_key (1u << i), &flag));
      g_assert_cmpint (flag, ==, 1u << i);
    }
  g_assert_false (accord_red_flag_from_key ("grumpy", &flag));

  text = accord_health_reason_explain (&reason);
  g_assert_nonnull (strstr (text, "7 points"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/health/score/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/health/monotonic", test_monotonic);
  g_test_add_func ("/health/keys", test_keys);

  return g_test_run ();
}
