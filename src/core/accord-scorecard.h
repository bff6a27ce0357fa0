/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The fit scorecard: five criteria rated 1 to 5 and weighted 3, 3, 2, 2, 1.
 * The score runs from 11 to 55 (the weights add up to 11). */

typedef enum
{
  ACCORD_CRITERION_STRATEGIC_ALIGNMENT,
  ACCORD_CRITERION_VALUE_EXCHANGE,
  ACCORD_CRITERION_REACH,
  ACCORD_CRITERION_OPERATIONAL_FIT,
  ACCORD_CRITERION_READINESS,
  ACCORD_N_CRITERIA
} AccordCriterion;

#define ACCORD_RATING_UNRATED 0
#define ACCORD_RATING_MIN 1
#define ACCORD_RATING_MAX 5
#define ACCORD_FIT_SCORE_MIN 11
#define ACCORD_FIT_SCORE_MAX 55

typedef enum
{
  ACCORD_FIT_BAND_INCOMPLETE,  /* some criterion unrated: no score at all */
  ACCORD_FIT_BAND_RADAR,       /* below 35: keep on the radar */
  ACCORD_FIT_BAND_WORTH,       /* 35 to 49: worth pursuing */
  ACCORD_FIT_BAND_PURSUE,      /* 50 and above: pursue aggressively */
  ACCORD_N_FIT_BANDS
} AccordFitBand;

typedef enum
{
  ACCORD_PRIORITY_AUTOMATIC,  /* as an override: none, follow the band */
  ACCORD_PRIORITY_HIGH,
  ACCORD_PRIORITY_MEDIUM,
  ACCORD_PRIORITY_LOW,
  ACCORD_N_PRIORITIES
} AccordPriority;

int         accord_criterion_get_weight    (AccordCriterion criterion);
const char *accord_criterion_to_key        (AccordCriterion criterion);
const char *accord_criterion_get_label     (AccordCriterion criterion);
/* The guiding questions, as help for the person rating. */
const char *accord_criterion_get_questions (AccordCriterion criterion);

/* Computes the weighted score of @ratings (ACCORD_N_CRITERIA values, each
 * 0 = unrated or 1..5). Returns FALSE, leaving @score_out alone, when any
 * criterion is unrated or out of range: an incomplete card has no score. */
gboolean      accord_fit_score        (const int ratings[ACCORD_N_CRITERIA], int *score_out);
AccordFitBand accord_fit_band_for_score (int score);
/* Score and band in one: INCOMPLETE when the card is not complete. */
AccordFitBand accord_fit_band         (const int ratings[ACCORD_N_CRITERIA]);
/* "pursue", "worth", "radar", or NULL for INCOMPLETE. */
const char   *accord_fit_band_to_key  (AccordFitBand band);
gboolean      accord_fit_band_from_key (const char *key, AccordFitBand *out);
const char   *accord_fit_band_get_label (AccordFitBand band);

/* The priority a band suggests (INCOMPLETE suggests AUTOMATIC: none yet). */
AccordPriority accord_priority_for_band (AccordFitBand band);
/* The override if set, else the band's. */
AccordPriority accord_priority_effective (AccordPriority override, AccordFitBand band);
const char    *accord_priority_to_key    (AccordPriority priority);  /* "", "high", ... */
gboolean       accord_priority_from_key  (const char *key, AccordPriority *out);
const char    *accord_priority_get_label (AccordPriority priority);

G_END_DECLS
