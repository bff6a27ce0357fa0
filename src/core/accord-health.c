/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-health.h"

#include <glib/gi18n.h>
#include <string.h>

#define RATINGS_MAX_POINTS      40
#define RATINGS_MISSING_POINTS  10
#define RESULTS_MAX_POINTS      30
#define RESULTS_MISSING_POINTS   5
#define CONTACT_GRACE_DAYS      30
#define CONTACT_DAYS_PER_POINT   4
#define CONTACT_MAX_POINTS      15
#define RED_FLAG_POINTS         10
#define RED_FLAGS_MAX_POINTS    30

static int
ratings_points (const AccordHealthInputs *inputs)
{
  int sum = 0;

  if (!inputs->has_review)
    return RATINGS_MISSING_POINTS;

  for (guint i = 0; i < ACCORD_N_REVIEW_RATINGS; i++)
    sum += CLAMP (inputs->ratings[i], 1, 5);

  /* 25 (all fives) takes nothing, 5 (all ones) takes 40. */
  return (5 * ACCORD_N_REVIEW_RATINGS - sum) * RATINGS_MAX_POINTS / (4 * ACCORD_N_REVIEW_RATINGS);
}

static int
results_points (const AccordHealthInputs *inputs)
{
  gint64 total = 0;
  gint64 missed;

  if (inputs->n_kpis == 0 || inputs->kpi_achievement_bp == NULL)
    return RESULTS_MISSING_POINTS;

  for (guint i = 0; i < inputs->n_kpis; i++)
    total += CLAMP (inputs->kpi_achievement_bp[i], 0, 10000);

  /* Points = (1 - average) x 30, rounded half up, in integers:
   * missed / n is the average shortfall in basis points. */
  missed = (gint64) inputs->n_kpis * 10000 - total;
  return (int) ((missed * RESULTS_MAX_POINTS * 2 + (gint64) inputs->n_kpis * 10000) /
                ((gint64) inputs->n_kpis * 10000 * 2));
}

static int
contact_points (const AccordHealthInputs *inputs)
{
  int beyond;

  if (inputs->days_since_contact < 0)
    return CONTACT_MAX_POINTS;

  beyond = inputs->days_since_contact - CONTACT_GRACE_DAYS;
  if (beyond <= 0)
    return 0;
  return MIN (beyond / CONTACT_DAYS_PER_POINT, CONTACT_MAX_POINTS);
}

static int
red_flag_points (const AccordHealthInputs *inputs)
{
  guint n = 0;

  for (guint i = 0; i < ACCORD_N_RED_FLAGS; i++)
    if (inputs->red_flags & (1u << i))
      n++;

  return MIN ((int) n * RED_FLAG_POINTS, RED_FLAGS_MAX_POINTS);
}

int
accord_health_score (const AccordHealthInputs *inputs,
                     AccordHealthReason        reasons[ACCORD_N_HEALTH_INPUTS])
{
  int points[ACCORD_N_HEALTH_INPUTS];
  int score = 100;

  g_return_val_if_fail (inputs != NULL, 0);

  points[ACCORD_HEALTH_INPUT_RATINGS] = ratings_points (inputs);
  points[ACCORD_HEALTH_INPUT_RESULTS] = results_points (inputs);
  points[ACCORD_HEALTH_INPUT_CONTACT] = contact_points (inputs);
  points[ACCORD_HEALTH_INPUT_RED_FLAGS] = red_flag_points (inputs);

  for (guint i = 0; i < ACCORD_N_HEALTH_INPUTS; i++)
    {
      score -= points[i];
      if (reasons != NULL)
        {
          reasons[i].input = i;
          reasons[i].points = points[i];
        }
    }

  return MAX (score, 0);
}

AccordHealthBand
accord_health_band (int score)
{
  if (score >= ACCORD_HEALTH_HEALTHY_FROM)
    return ACCORD_HEALTH_HEALTHY;
  if (score >= ACCORD_HEALTH_WATCH_FROM)
    return ACCORD_HEALTH_WATCH;
  return ACCORD_HEALTH_AT_RISK;
}

static const struct
{
  const char *key;
  const char *label;
} bands[ACCORD_N_HEALTH_BANDS] = {
  { "healthy", N_("Healthy") },
  { "watch", N_("Watch") },
  { "at-risk", N_("At risk") },
};

const char *
accord_health_band_to_key (AccordHealthBand band)
{
  g_return_val_if_fail (band < ACCORD_N_HEALTH_BANDS, NULL);
  return bands[band].key;
}

const char *
accord_health_band_label (AccordHealthBand band)
{
  g_return_val_if_fail (band < ACCORD_N_HEALTH_BANDS, NULL);
  return _(bands[band].label);
}

static const char *const input_keys[ACCORD_N_HEALTH_INPUTS] = {
  "ratings", "results", "contact", "red-flags",
};

const char *
accord_health_input_to_key (AccordHealthInput input)
{
  g_return_val_if_fail (input < ACCORD_N_HEALTH_INPUTS, NULL);
  return input_keys[input];
}

char *
accord_health_reason_explain (const AccordHealthReason *reason)
{
  int n;

  g_return_val_if_fail (reason != NULL, NULL);

  n = reason->points;
  switch (reason->input)
    {
    case ACCORD_HEALTH_INPUT_RATINGS:
      return g_strdup_printf (ngettext ("The latest review’s ratings take %d point",
                                        "The latest review’s ratings take %d points", n), n);
    case ACCORD_HEALTH_INPUT_RESULTS:
      return g_strdup_printf (ngettext ("Results below the agreed targets take %d point",
                                        "Results below the agreed targets take %d points", n), n);
    case ACCORD_HEALTH_INPUT_CONTACT:
      return g_strdup_printf (ngettext ("Time since the last contact takes %d point",
                                        "Time since the last contact takes %d points", n), n);
    case ACCORD_HEALTH_INPUT_RED_FLAGS:
      return g_strdup_printf (ngettext ("Red flags take %d point",
                                        "Red flags take %d points", n), n);
    case ACCORD_N_HEALTH_INPUTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static const struct
{
  const char *key;
  const char *label;
} red_flags[ACCORD_N_RED_FLAGS] = {
  { "declining-engagement", N_("Declining engagement") },
  { "missed-commitments", N_("Missed commitments") },
  { "poor-responsiveness", N_("Poor responsiveness") },
  { "misaligned-priorities", N_("Misaligned priorities") },
  { "customer-complaints", N_("Customer complaints") },
  { "brand-incident", N_("Brand or compliance incident") },
};

static int
red_flag_index (AccordRedFlags one)
{
  for (guint i = 0; i < ACCORD_N_RED_FLAGS; i++)
    if (one == (AccordRedFlags) (1u << i))
      return i;
  return -1;
}

const char *
accord_red_flag_to_key (AccordRedFlags one)
{
  int i = red_flag_index (one);

  g_return_val_if_fail (i >= 0, NULL);
  return red_flags[i].key;
}

const char *
accord_red_flag_label (AccordRedFlags one)
{
  int i = red_flag_index (one);

  g_return_val_if_fail (i >= 0, NULL);
  return _(red_flags[i].label);
}

gboolean
accord_red_flag_from_key (const char     *key,
                          AccordRedFlags *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (key == NULL)
    return FALSE;
  for (guint i = 0; i < ACCORD_N_RED_FLAGS; i++)
    if (strcmp (key, red_flags[i].key) == 0)
      {
        *out = 1u << i;
        return TRUE;
      }
  return FALSE;
}
