/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A partnership's health: one score from 0 to 100 that starts at 100 and
 * loses points for what pulls it down, so every point lost has a reason a
 * person can read. The formula (documented in the README):
 *
 *   ratings    the latest review's five ratings (1..5, sum 5..25) take
 *              (25 - sum) x 2 points, at most 40; no review yet takes 10;
 *   results    the KPIs' achievement against target (each capped at 100 %)
 *              take (100 % - average) x 30 points, rounded, at most 30;
 *              no measured KPI takes 5;
 *   contact    no contact for more than 30 days takes 1 point for every 4
 *              days beyond 30, at most 15; never in contact takes 15;
 *   red flags  each red flag of the latest review takes 10, at most 30.
 *
 * The score is 100 minus the points, never below 0. Bands: healthy at 70
 * and above, watch from 40 to 69, at risk below 40. */

typedef enum
{
  ACCORD_HEALTH_HEALTHY,
  ACCORD_HEALTH_WATCH,
  ACCORD_HEALTH_AT_RISK,
  ACCORD_N_HEALTH_BANDS
} AccordHealthBand;

#define ACCORD_HEALTH_HEALTHY_FROM 70
#define ACCORD_HEALTH_WATCH_FROM   40

/* The review's five ratings. */
typedef enum
{
  ACCORD_REVIEW_COMMUNICATION,
  ACCORD_REVIEW_ALIGNMENT,
  ACCORD_REVIEW_TRUST,
  ACCORD_REVIEW_EASE,
  ACCORD_REVIEW_FUTURE_POTENTIAL,
  ACCORD_N_REVIEW_RATINGS
} AccordReviewRating;

/* The red flags of DOMAIN.md section 8, as bits. */
typedef enum
{
  ACCORD_RED_FLAG_DECLINING_ENGAGEMENT = 1 << 0,
  ACCORD_RED_FLAG_MISSED_COMMITMENTS   = 1 << 1,
  ACCORD_RED_FLAG_POOR_RESPONSIVENESS  = 1 << 2,
  ACCORD_RED_FLAG_MISALIGNED_PRIORITIES = 1 << 3,
  ACCORD_RED_FLAG_CUSTOMER_COMPLAINTS  = 1 << 4,
  ACCORD_RED_FLAG_BRAND_INCIDENT       = 1 << 5,
} AccordRedFlags;
#define ACCORD_N_RED_FLAGS 6

typedef enum
{
  ACCORD_HEALTH_INPUT_RATINGS,
  ACCORD_HEALTH_INPUT_RESULTS,
  ACCORD_HEALTH_INPUT_CONTACT,
  ACCORD_HEALTH_INPUT_RED_FLAGS,
  ACCORD_N_HEALTH_INPUTS
} AccordHealthInput;

typedef struct
{
  gboolean       has_review;
  int            ratings[ACCORD_N_REVIEW_RATINGS];  /* 1..5 when has_review */
  AccordRedFlags red_flags;                          /* of the latest review */
  /* Achievement of each measured KPI in basis points of its target
   * (10000 = met; more is capped); none measured when n_kpis is 0. */
  guint          n_kpis;
  const int     *kpi_achievement_bp;
  /* Whole days since the latest activity; -1 when there has been none. */
  int            days_since_contact;
} AccordHealthInputs;

/* What one input took from the score; @points is 0 when it took nothing. */
typedef struct
{
  AccordHealthInput input;
  int               points;
} AccordHealthReason;

/* The score (0..100). @reasons, when not NULL, receives one entry per input
 * in AccordHealthInput order. */
int              accord_health_score (const AccordHealthInputs *inputs,
                                      AccordHealthReason        reasons[ACCORD_N_HEALTH_INPUTS]);
AccordHealthBand accord_health_band  (int score);

const char *accord_health_band_to_key   (AccordHealthBand band);   /* "healthy", "watch", "at-risk" */
const char *accord_health_band_label    (AccordHealthBand band);
const char *accord_health_input_to_key  (AccordHealthInput input); /* "ratings", "results", "contact", "red-flags" */
/* "The latest review's ratings took 12 points": a sentence for the page. */
char       *accord_health_reason_explain (const AccordHealthReason *reason);

const char *accord_red_flag_to_key   (AccordRedFlags one);          /* "declining-engagement"... */
gboolean    accord_red_flag_from_key (const char *key, AccordRedFlags *out);
const char *accord_red_flag_label    (AccordRedFlags one);

G_END_DECLS
