/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The stages of a partnership, in order, and which moves between them are
 * allowed. Growing and Optimizing alternate; any live stage can go on hold
 * (with a date to revisit) or straight to Ended. */

typedef enum
{
  ACCORD_STAGE_IDENTIFIED,
  ACCORD_STAGE_OUTREACH,
  ACCORD_STAGE_NEGOTIATING,
  ACCORD_STAGE_LAUNCHING,
  ACCORD_STAGE_GROWING,
  ACCORD_STAGE_OPTIMIZING,
  ACCORD_STAGE_RENEWING,
  ACCORD_STAGE_ENDED,
  ACCORD_STAGE_ON_HOLD,
  ACCORD_N_STAGES
} AccordStage;

/* How many months out a new hold's revisit date goes by default, and the
 * range the user may pick from. */
#define ACCORD_HOLD_DEFAULT_MONTHS 6
#define ACCORD_HOLD_MIN_MONTHS 1
#define ACCORD_HOLD_MAX_MONTHS 24

const char *accord_stage_to_key    (AccordStage stage);  /* "identified", "on-hold" ... */
gboolean    accord_stage_from_key  (const char *key, AccordStage *out);
const char *accord_stage_get_label (AccordStage stage);
/* "identified, outreach, ...": every key, for messages about a bad one. */
char       *accord_stage_dup_keys  (void);

/* Whether @from may move to @to. @held_from is the stage a partner on hold
 * was in before (ignored unless @from is ON_HOLD): a hold resumes there or
 * starts outreach afresh. On FALSE, @error says why in a sentence. */
gboolean accord_stage_can_move (AccordStage   from,
                                AccordStage   to,
                                AccordStage   held_from,
                                GError      **error);

/* Whole days from @since to @today (both "YYYY-MM-DD"), negative when
 * @today comes first; ACCORD_DAYS_INVALID if either is not a date. */
#define ACCORD_DAYS_INVALID G_MININT
int      accord_days_between   (const char *since, const char *today);

/* TRUE when @text is a real calendar date written YYYY-MM-DD. */
gboolean accord_date_is_valid  (const char *text);

/* @date ("YYYY-MM-DD") moved by whole months (a day the month lacks
 * becomes its last day) or days; NULL if @date is not a date. */
char    *accord_date_add_months (const char *date, int months);
char    *accord_date_add_days   (const char *date, int days);

G_END_DECLS
