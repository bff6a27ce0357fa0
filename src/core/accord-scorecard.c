/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "accord-scorecard.h"

static const struct
{
  const char *key;
  int weight;
  const char *label;
  const char *questions;
} criteria[] = {
  { "strategic_alignment", 3, N_("Strategic alignment"),
    N_("Do they serve a similar audience? Do your values fit together? Have they partnered well before?") },
  { "value_exchange", 3, N_("Value exchange"),
    N_("Can you say exactly what they gain? Is the deal good for them? Is what you offer hard to get elsewhere?") },
  { "reach", 2, N_("Reach and influence"),
    N_("How large and engaged is their audience? Are they trusted in your market?") },
  { "operational_fit", 2, N_("Operational fit"),
    N_("Are they easy to work with? Do they have people for partnerships? Does your technology fit theirs?") },
  { "readiness", 1, N_("Partnership readiness"),
    N_("Have they done this before? Do they run a formal programme? Is a partnership a priority for them now?") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (criteria) == ACCORD_N_CRITERIA);

int
accord_criterion_get_weight (AccordCriterion criterion)
{
  g_return_val_if_fail ((guint) criterion < ACCORD_N_CRITERIA, 0);
  return criteria[criterion].weight;
}

const char *
accord_criterion_to_key (AccordCriterion criterion)
{
  g_return_val_if_fail ((guint) criterion < ACCORD_N_CRITERIA, NULL);
  return criteria[criterion].key;
}

const char *
accord_criterion_get_label (AccordCriterion criterion)
{
  g_return_val_if_fail ((guint) criterion < ACCORD_N_CRITERIA, NULL);
  return _(criteria[criterion].label);
}

const char *
accord_criterion_get_questions (AccordCriterion criterion)
{
  g_return_val_if_fail ((guint) criterion < ACCORD_N_CRITERIA, NULL);
  return _(criteria[criterion].questions);
}

gboolean
accord_fit_score (const int  ratings[ACCORD_N_CRITERIA],
                  int       *score_out)
{
  int score = 0;

  g_return_val_if_fail (ratings != NULL, FALSE);

  for (guint i = 0; i < ACCORD_N_CRITERIA; i++)
    {
      if (ratings[i] < ACCORD_RATING_MIN || ratings[i] > ACCORD_RATING_MAX)
        return FALSE;
      score += ratings[i] * criteria[i].weight;
    }

  if (score_out != NULL)
    *score_out = score;
  return TRUE;
}

AccordFitBand
accord_fit_band_for_score (int score)
{
  if (score >= 50)
    return ACCORD_FIT_BAND_PURSUE;
  if (score >= 35)
    return ACCORD_FIT_BAND_WORTH;
  return ACCORD_FIT_BAND_RADAR;
}

AccordFitBand
accord_fit_band (const int ratings[ACCORD_N_CRITERIA])
{
  int score;

  if (!accord_fit_score (ratings, &score))
    return ACCORD_FIT_BAND_INCOMPLETE;
  return accord_fit_band_for_score (score);
}

static const struct
{
  const char *key;
  const char *label;
} bands[] = {
  { NULL, N_("Incomplete") },
  { "radar", N_("Keep on the radar") },
  { "worth", N_("Worth pursuing") },
  { "pursue", N_("Pursue aggressively") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (bands) == ACCORD_N_FIT_BANDS);

const char *
accord_fit_band_to_key (AccordFitBand band)
{
  g_return_val_if_fail ((guint) band < ACCORD_N_FIT_BANDS, NULL);
  return bands[band].key;
}

gboolean
accord_fit_band_from_key (const char    *key,
                          AccordFitBand *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; i < ACCORD_N_FIT_BANDS; i++)
    if (g_strcmp0 (key, bands[i].key) == 0 || (key && *key == '\0' && bands[i].key == NULL))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
accord_fit_band_get_label (AccordFitBand band)
{
  g_return_val_if_fail ((guint) band < ACCORD_N_FIT_BANDS, NULL);
  return _(bands[band].label);
}

AccordPriority
accord_priority_for_band (AccordFitBand band)
{
  switch (band)
    {
    case ACCORD_FIT_BAND_PURSUE:
      return ACCORD_PRIORITY_HIGH;
    case ACCORD_FIT_BAND_WORTH:
      return ACCORD_PRIORITY_MEDIUM;
    case ACCORD_FIT_BAND_RADAR:
      return ACCORD_PRIORITY_LOW;
    case ACCORD_FIT_BAND_INCOMPLETE:
    case ACCORD_N_FIT_BANDS:
    default:
      return ACCORD_PRIORITY_AUTOMATIC;
    }
}

AccordPriority
accord_priority_effective (AccordPriority override,
                           AccordFitBand  band)
{
  if (override != ACCORD_PRIORITY_AUTOMATIC)
    return override;
  return accord_priority_for_band (band);
}

static const struct
{
  const char *key;
  const char *label;
} priorities[] = {
  { "", N_("Automatic") },
  { "high", N_("High") },
  { "medium", N_("Medium") },
  { "low", N_("Low") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (priorities) == ACCORD_N_PRIORITIES);

const char *
accord_priority_to_key (AccordPriority priority)
{
  g_return_val_if_fail ((guint) priority < ACCORD_N_PRIORITIES, "");
  return priorities[priority].key;
}

gboolean
accord_priority_from_key (const char     *key,
                          AccordPriority *out)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (out != NULL, FALSE);
  if (key == NULL)
    return FALSE;

  trimmed = g_strstrip (g_strdup (key));
  for (guint i = 0; i < ACCORD_N_PRIORITIES; i++)
    if (g_ascii_strcasecmp (trimmed, priorities[i].key) == 0 ||
        g_ascii_strcasecmp (trimmed, priorities[i].label) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
accord_priority_get_label (AccordPriority priority)
{
  g_return_val_if_fail ((guint) priority < ACCORD_N_PRIORITIES, "");
  return _(priorities[priority].label);
}
