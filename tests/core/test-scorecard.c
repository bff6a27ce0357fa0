/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "test-helpers.h"
#include "config.h"

#include "accord-enums.h"
#include "accord-scorecard.h"
#include "accord-store.h"

#include <glib/gstdio.h>

/* The ratings in criterion order: strategic alignment (x3), value exchange
 * (x3), reach (x2), operational fit (x2), readiness (x1). */
typedef struct
{
  const char    *name;
  int            ratings[ACCORD_N_CRITERIA];
  int            score;
  AccordFitBand  band;
} ScoreCase;

static const ScoreCase score_cases[] = {
  /* 1x3 + 1x3 + 1x2 + 1x2 + 1x1 = 11, the lowest score. */
  { "all-1", { 1, 1, 1, 1, 1 }, 11, ACCORD_FIT_BAND_RADAR },
  /* 3x3 + 3x3 + 3x2 + 3x2 + 3x1 = 33. */
  { "all-3", { 3, 3, 3, 3, 3 }, 33, ACCORD_FIT_BAND_RADAR },
  /* 3x3 + 3x3 + 3x2 + 3x2 + 4x1 = 9 + 9 + 6 + 6 + 4 = 34: the top of radar. */
  { "34", { 3, 3, 3, 3, 4 }, 34, ACCORD_FIT_BAND_RADAR },
  /* 3x3 + 3x3 + 3x2 + 3x2 + 5x1 = 9 + 9 + 6 + 6 + 5 = 35: the bottom of worth. */
  { "35", { 3, 3, 3, 3, 5 }, 35, ACCORD_FIT_BAND_WORTH },
  /* 4x3 + 3x3 + 4x2 + 3x2 + 1x1 = 12 + 9 + 8 + 6 + 1 = 36. */
  { "36", { 4, 3, 4, 3, 1 }, 36, ACCORD_FIT_BAND_WORTH },
  /* 5x3 + 4x3 + 5x2 + 4x2 + 4x1 = 15 + 12 + 10 + 8 + 4 = 49: the top of worth. */
  { "49", { 5, 4, 5, 4, 4 }, 49, ACCORD_FIT_BAND_WORTH },
  /* 5x3 + 4x3 + 5x2 + 4x2 + 5x1 = 15 + 12 + 10 + 8 + 5 = 50: the bottom of pursue. */
  { "50", { 5, 4, 5, 4, 5 }, 50, ACCORD_FIT_BAND_PURSUE },
  /* 5x3 + 5x3 + 4x2 + 4x2 + 4x1 = 15 + 15 + 8 + 8 + 4 = 50 another way. */
  { "50-heavy-criteria", { 5, 5, 4, 4, 4 }, 50, ACCORD_FIT_BAND_PURSUE },
  /* 5x3 + 5x3 + 5x2 + 5x2 + 5x1 = 55, the highest score. */
  { "all-5", { 5, 5, 5, 5, 5 }, 55, ACCORD_FIT_BAND_PURSUE },
};

static void
test_score (gconstpointer data)
{
  const ScoreCase *c = data;
  int score = -1;

  g_assert_true (accord_fit_score (c->ratings, &score));
  g_assert_cmpint (score, ==, c->score);
  g_assert_cmpint (score, >=, ACCORD_FIT_SCORE_MIN);
  g_assert_cmpint (score, <=, ACCORD_FIT_SCORE_MAX);
  g_assert_cmpint (accord_fit_band_for_score (score), ==, c->band);
  g_assert_cmpint (accord_fit_band (c->ratings), ==, c->band);
  /* The score is optional for a caller that only asks whether there is one. */
  g_assert_true (accord_fit_score (c->ratings, NULL));
}

/* The band of every score from the lowest to the highest, at the edges the
 * reference gives: below 35 radar, 35 to 49 worth, 50 and above pursue. */
static void
test_band_for_every_score (void)
{
  for (int score = ACCORD_FIT_SCORE_MIN; score <= ACCORD_FIT_SCORE_MAX; score++)
    {
      AccordFitBand expected = score >= 50 ? ACCORD_FIT_BAND_PURSUE :
                               score >= 35 ? ACCORD_FIT_BAND_WORTH : ACCORD_FIT_BAND_RADAR;

      g_assert_cmpint (accord_fit_band_for_score (score), ==, expected);
    }
}

/* Cards the score function must refuse, leaving the score alone. */
typedef struct
{
  const char *name;
  int         ratings[ACCORD_N_CRITERIA];
} NoScoreCase;

static const NoScoreCase incomplete_cases[] = {
  { "one-unrated", { 5, 5, 5, 5, 0 } },
  { "first-unrated", { 0, 5, 5, 5, 5 } },
  { "all-unrated", { 0, 0, 0, 0, 0 } },
};

static const NoScoreCase out_of_range_cases[] = {
  { "minus-one", { -1, 3, 3, 3, 3 } },
  { "six", { 3, 3, 3, 3, 6 } },
  { "hundred", { 3, 3, 100, 3, 3 } },
};

static void
test_incomplete (gconstpointer data)
{
  const NoScoreCase *c = data;
  int score = 12345;

  g_assert_false (accord_fit_score (c->ratings, &score));
  g_assert_cmpint (score, ==, 12345);
  g_assert_cmpint (accord_fit_band (c->ratings), ==, ACCORD_FIT_BAND_INCOMPLETE);
  g_assert_null (accord_fit_band_to_key (accord_fit_band (c->ratings)));
  /* No band, so no priority of its own: it waits for the card. */
  g_assert_cmpint (accord_priority_for_band (accord_fit_band (c->ratings)), ==,
                   ACCORD_PRIORITY_AUTOMATIC);
  g_assert_cmpint (accord_priority_effective (ACCORD_PRIORITY_AUTOMATIC,
                                              accord_fit_band (c->ratings)), ==,
                   ACCORD_PRIORITY_AUTOMATIC);
}

static void
test_out_of_range (gconstpointer data)
{
  const NoScoreCase *c = data;
  int score = 12345;

  g_assert_false (accord_fit_score (c->ratings, &score));
  g_assert_cmpint (score, ==, 12345);
  g_assert_cmpint (accord_fit_band (c->ratings), ==, ACCORD_FIT_BAND_INCOMPLETE);
}

static void
test_weights (void)
{
  const int expected[ACCORD_N_CRITERIA] = { 3, 3, 2, 2, 1 };
  int sum = 0;

  for (int i = 0; i < ACCORD_N_CRITERIA; i++)
    {
      g_assert_cmpint (accord_criterion_get_weight (i), ==, expected[i]);
      sum += accord_criterion_get_weight (i);
      g_assert_nonnull (accord_criterion_get_label (i));
      g_assert_cmpstr (accord_criterion_get_questions (i), !=, "");
    }

  /* So five 5s make 55, not the 65 the reference's slip says. */
  g_assert_cmpint (sum, ==, 11);
  g_assert_cmpint (ACCORD_FIT_SCORE_MIN, ==, sum * ACCORD_RATING_MIN);
  g_assert_cmpint (ACCORD_FIT_SCORE_MAX, ==, sum * ACCORD_RATING_MAX);
}

/* The criteria's keys are the partner fields' keys, in the same order. */
static void
test_criterion_keys (void)
{
  for (int i = 0; i < ACCORD_N_CRITERIA; i++)
    {
      AccordPartnerField field = accord_partner_field_for_criterion (i);

      g_assert_cmpstr (accord_criterion_to_key (i), ==, accord_partner_field_to_key (field));
      g_assert_cmpint (field, ==, ACCORD_PARTNER_FIELD_STRATEGIC_ALIGNMENT + i);
    }
}

typedef struct
{
  AccordPriority override;
  AccordFitBand  band;
  AccordPriority effective;
} PriorityCase;

static const PriorityCase priority_cases[] = {
  /* Automatic follows the band. */
  { ACCORD_PRIORITY_AUTOMATIC, ACCORD_FIT_BAND_PURSUE, ACCORD_PRIORITY_HIGH },
  { ACCORD_PRIORITY_AUTOMATIC, ACCORD_FIT_BAND_WORTH, ACCORD_PRIORITY_MEDIUM },
  { ACCORD_PRIORITY_AUTOMATIC, ACCORD_FIT_BAND_RADAR, ACCORD_PRIORITY_LOW },
  { ACCORD_PRIORITY_AUTOMATIC, ACCORD_FIT_BAND_INCOMPLETE, ACCORD_PRIORITY_AUTOMATIC },
  /* An override wins over any band, up or down, and over no band. */
  { ACCORD_PRIORITY_HIGH, ACCORD_FIT_BAND_RADAR, ACCORD_PRIORITY_HIGH },
  { ACCORD_PRIORITY_LOW, ACCORD_FIT_BAND_PURSUE, ACCORD_PRIORITY_LOW },
  { ACCORD_PRIORITY_MEDIUM, ACCORD_FIT_BAND_PURSUE, ACCORD_PRIORITY_MEDIUM },
  { ACCORD_PRIORITY_MEDIUM, ACCORD_FIT_BAND_INCOMPLETE, ACCORD_PRIORITY_MEDIUM },
  { ACCORD_PRIORITY_HIGH, ACCORD_FIT_BAND_PURSUE, ACCORD_PRIORITY_HIGH },
};

static void
test_priority (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (priority_cases); i++)
    {
      const PriorityCase *c = &priority_cases[i];

      g_assert_cmpint (accord_priority_effective (c->override, c->band), ==, c->effective);
    }

  g_assert_cmpint (accord_priority_for_band (ACCORD_FIT_BAND_PURSUE), ==, ACCORD_PRIORITY_HIGH);
  g_assert_cmpint (accord_priority_for_band (ACCORD_FIT_BAND_WORTH), ==, ACCORD_PRIORITY_MEDIUM);
  g_assert_cmpint (accord_priority_for_band (ACCORD_FIT_BAND_RADAR), ==, ACCORD_PRIORITY_LOW);
}

static void
test_keys_round_trip (void)
{
  const char *band_keys[] = { NULL, "radar", "worth", "pursue" };
  const char *priority_keys[] = { "", "high", "medium", "low" };
  AccordFitBand band = ACCORD_FIT_BAND_RADAR;
  AccordPriority priority = ACCORD_PRIORITY_HIGH;

  G_STATIC_ASSERT (G_N_ELEMENTS (band_keys) == ACCORD_N_FIT_BANDS);
  G_STATIC_ASSERT (G_N_ELEMENTS (priority_keys) == ACCORD_N_PRIORITIES);

  for (int i = 0; i < ACCORD_N_FIT_BANDS; i++)
    {
      AccordFitBand parsed = -1;

      g_assert_cmpstr (accord_fit_band_to_key (i), ==, band_keys[i]);
      g_assert_true (accord_fit_band_from_key (accord_fit_band_to_key (i), &parsed));
      g_assert_cmpint (parsed, ==, i);
      g_assert_nonnull (accord_fit_band_get_label (i));
    }
  /* "" is the incomplete card as text (an empty cell). */
  g_assert_true (accord_fit_band_from_key ("", &band));
  g_assert_cmpint (band, ==, ACCORD_FIT_BAND_INCOMPLETE);
  band = ACCORD_FIT_BAND_WORTH;
  g_assert_false (accord_fit_band_from_key ("top", &band));
  g_assert_cmpint (band, ==, ACCORD_FIT_BAND_WORTH);

  for (int i = 0; i < ACCORD_N_PRIORITIES; i++)
    {
      AccordPriority parsed = -1;

      g_assert_cmpstr (accord_priority_to_key (i), ==, priority_keys[i]);
      g_assert_true (accord_priority_from_key (accord_priority_to_key (i), &parsed));
      g_assert_cmpint (parsed, ==, i);
    }
  g_assert_true (accord_priority_from_key (" HIGH ", &priority));
  g_assert_cmpint (priority, ==, ACCORD_PRIORITY_HIGH);
  g_assert_false (accord_priority_from_key ("urgent", &priority));
  g_assert_false (accord_priority_from_key (NULL, &priority));
  g_assert_cmpint (priority, ==, ACCORD_PRIORITY_HIGH);
}

/* The programme ladder: Strategic by relationship, the others by the
 * referrals of the last 12 months (Certified from 5, Premium from 20). */
typedef struct
{
  guint      referrals;
  gboolean   strategic;
  AccordTier tier;
} TierCase;

static const TierCase tier_cases[] = {
  { 0, FALSE, ACCORD_TIER_REFERRAL },
  { 4, FALSE, ACCORD_TIER_REFERRAL },
  { 5, FALSE, ACCORD_TIER_CERTIFIED },
  { 19, FALSE, ACCORD_TIER_CERTIFIED },
  { 20, FALSE, ACCORD_TIER_PREMIUM },
  { 1000, FALSE, ACCORD_TIER_PREMIUM },
  { G_MAXUINT, FALSE, ACCORD_TIER_PREMIUM },
  { 0, TRUE, ACCORD_TIER_STRATEGIC },
  { 4, TRUE, ACCORD_TIER_STRATEGIC },
  { 5, TRUE, ACCORD_TIER_STRATEGIC },
  { 20, TRUE, ACCORD_TIER_STRATEGIC },
};

static void
test_tier_suggest (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (tier_cases); i++)
    {
      const TierCase *c = &tier_cases[i];

      g_test_message ("%u referrals, strategic %d", c->referrals, c->strategic);
      g_assert_cmpint (accord_tier_suggest (c->referrals, c->strategic), ==, c->tier);
    }
}

/* Through the store: ratings are fields, validated and saved like the
 * others, and the score is derived from them after a reopen too. */
typedef TestWorkspace Fixture;
#define fixture_set_up test_workspace_set_up
#define fixture_tear_down test_workspace_tear_down

static void
set_field_ok (AccordStore        *store,
              AccordPartner      *partner,
              AccordPartnerField  field,
              const char         *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_store_set_partner_field (store, partner, field, text, &error));
  g_assert_no_error (error);
}

static void
test_store_ratings (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = accord_partner_new ("Bluepeak");
  g_autoptr(GError) error = NULL;
  /* 4x3 + 4x3 + 4x2 + 4x2 + 4x1 = 44: worth pursuing. */
  const char *ratings[ACCORD_N_CRITERIA] = { "4", "4", "4", "4", "4" };
  const char *refused[] = { "6", "0", "-1", "x", "4.5", "4 stars" };
  AccordPartner *reopened;
  gint64 id;
  int score = 0;

  g_assert_true (accord_store_add_partner (fixture->store, partner, NULL, &error));
  g_assert_no_error (error);
  id = accord_partner_get_id (partner);

  /* A new partner has an empty card: no score, no band, no priority. */
  g_assert_false (accord_partner_get_fit_score (partner, &score));
  g_assert_cmpint (accord_partner_get_fit_band (partner), ==, ACCORD_FIT_BAND_INCOMPLETE);
  g_assert_cmpint (accord_partner_get_priority (partner), ==, ACCORD_PRIORITY_AUTOMATIC);

  for (int i = 0; i < ACCORD_N_CRITERIA; i++)
    {
      set_field_ok (fixture->store, partner, accord_partner_field_for_criterion (i), ratings[i]);
      g_assert_cmpint (accord_partner_get_rating (partner, i), ==, 4);
      /* Incomplete until the last criterion is rated. */
      g_assert_cmpint (accord_partner_get_fit_score (partner, &score), ==,
                       i == ACCORD_N_CRITERIA - 1);
    }
  g_assert_cmpint (score, ==, 44);
  g_assert_cmpint (accord_partner_get_fit_band (partner), ==, ACCORD_FIT_BAND_WORTH);
  g_assert_cmpint (accord_partner_get_priority (partner), ==, ACCORD_PRIORITY_MEDIUM);

  /* Out of range and not a number: refused, and nothing changes. */
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) local_error = NULL;

      g_test_message ("rating “%s”", refused[i]);
      g_assert_false (accord_store_set_partner_field (fixture->store, partner,
                                                      ACCORD_PARTNER_FIELD_REACH, refused[i],
                                                      &local_error));
      g_assert_error (local_error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
      g_assert_cmpint (accord_partner_get_rating (partner, ACCORD_CRITERION_REACH), ==, 4);
    }

  /* The override wins over the band. */
  set_field_ok (fixture->store, partner, ACCORD_PARTNER_FIELD_PRIORITY, "high");
  g_assert_cmpint (accord_partner_get_priority (partner), ==, ACCORD_PRIORITY_HIGH);
  g_assert_cmpint (accord_partner_get_fit_band (partner), ==, ACCORD_FIT_BAND_WORTH);

  reopened = test_workspace_reopen_and_find (fixture, id);
  for (int i = 0; i < ACCORD_N_CRITERIA; i++)
    g_assert_cmpint (accord_partner_get_rating (reopened, i), ==, 4);
  g_assert_true (accord_partner_get_fit_score (reopened, &score));
  g_assert_cmpint (score, ==, 44);
  g_assert_cmpint (accord_partner_get_priority_override (reopened), ==, ACCORD_PRIORITY_HIGH);
  g_assert_cmpint (accord_partner_get_priority (reopened), ==, ACCORD_PRIORITY_HIGH);

  /* Back to automatic, and one criterion unrated again: no score, and
   * the priority waits for the card instead of guessing. */
  set_field_ok (fixture->store, reopened, ACCORD_PARTNER_FIELD_PRIORITY, "");
  set_field_ok (fixture->store, reopened, ACCORD_PARTNER_FIELD_READINESS, "");
  g_assert_cmpint (accord_partner_get_rating (reopened, ACCORD_CRITERION_READINESS), ==,
                   ACCORD_RATING_UNRATED);
  g_assert_false (accord_partner_get_fit_score (reopened, &score));
  g_assert_cmpint (accord_partner_get_priority (reopened), ==, ACCORD_PRIORITY_AUTOMATIC);

  reopened = test_workspace_reopen_and_find (fixture, id);
  g_assert_cmpint (accord_partner_get_rating (reopened, ACCORD_CRITERION_READINESS), ==,
                   ACCORD_RATING_UNRATED);
  g_assert_cmpint (accord_partner_get_rating (reopened, ACCORD_CRITERION_REACH), ==, 4);
  g_assert_cmpint (accord_partner_get_fit_band (reopened), ==, ACCORD_FIT_BAND_INCOMPLETE);
  g_assert_cmpint (accord_partner_get_priority_override (reopened), ==,
                   ACCORD_PRIORITY_AUTOMATIC);
}

/* Every boundary card, saved and read back: the score comes out the same
 * from the file as from memory. */
static void
test_store_boundaries_survive_reopen (Fixture       *fixture,
                                      gconstpointer  data)
{
  gint64 ids[G_N_ELEMENTS (score_cases)];

  for (guint c = 0; c < G_N_ELEMENTS (score_cases); c++)
    {
      g_autoptr(AccordPartner) partner = accord_partner_new (score_cases[c].name);
      g_autoptr(GError) error = NULL;

      for (int i = 0; i < ACCORD_N_CRITERIA; i++)
        accord_partner_set_rating (partner, i, score_cases[c].ratings[i]);
      g_assert_true (accord_store_add_partner (fixture->store, partner, NULL, &error));
      g_assert_no_error (error);
      ids[c] = accord_partner_get_id (partner);
    }

  test_workspace_reopen_and_find (fixture, ids[0]);
  for (guint c = 0; c < G_N_ELEMENTS (score_cases); c++)
    {
      AccordPartner *partner = accord_store_lookup_partner (fixture->store, ids[c]);
      int score = 0;

      g_assert_true (accord_partner_get_fit_score (partner, &score));
      g_assert_cmpint (score, ==, score_cases[c].score);
      g_assert_cmpint (accord_partner_get_fit_band (partner), ==, score_cases[c].band);
      g_assert_cmpint (accord_partner_get_priority (partner), ==,
                       accord_priority_for_band (score_cases[c].band));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (score_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/scorecard/score/%s", score_cases[i].name);

      g_test_add_data_func (path, &score_cases[i], test_score);
    }
  for (guint i = 0; i < G_N_ELEMENTS (incomplete_cases); i++)
    {
      g_autofree char *path =
        g_strdup_printf ("/scorecard/incomplete/%s", incomplete_cases[i].name);

      g_test_add_data_func (path, &incomplete_cases[i], test_incomplete);
    }
  for (guint i = 0; i < G_N_ELEMENTS (out_of_range_cases); i++)
    {
      g_autofree char *path =
        g_strdup_printf ("/scorecard/out-of-range/%s", out_of_range_cases[i].name);

      g_test_add_data_func (path, &out_of_range_cases[i], test_out_of_range);
    }
  g_test_add_func ("/scorecard/band-for-every-score", test_band_for_every_score);
  g_test_add_func ("/scorecard/weights", test_weights);
  g_test_add_func ("/scorecard/criterion-keys", test_criterion_keys);
  g_test_add_func ("/scorecard/priority", test_priority);
  g_test_add_func ("/scorecard/keys-round-trip", test_keys_round_trip);
  g_test_add_func ("/tier/suggest", test_tier_suggest);
  g_test_add ("/scorecard/store/ratings", Fixture, NULL,
              fixture_set_up, test_store_ratings, fixture_tear_down);
  g_test_add ("/scorecard/store/boundaries-survive-reopen", Fixture, NULL,
              fixture_set_up, test_store_boundaries_survive_reopen, fixture_tear_down);

  return g_test_run ();
}
