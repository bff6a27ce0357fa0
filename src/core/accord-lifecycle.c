/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "accord-lifecycle.h"
#include "accord-store.h"

static const struct
{
  const char *key;
  const char *label;
} stages[] = {
  { "identified", N_("Identified") },
  { "outreach", N_("Outreach") },
  { "negotiating", N_("Negotiating") },
  { "launching", N_("Launching") },
  { "growing", N_("Growing") },
  { "optimizing", N_("Optimizing") },
  { "renewing", N_("Renewing") },
  { "ended", N_("Ended") },
  { "on-hold", N_("On hold") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (stages) == ACCORD_N_STAGES);

const char *
accord_stage_to_key (AccordStage stage)
{
  g_return_val_if_fail ((guint) stage < ACCORD_N_STAGES, NULL);
  return stages[stage].key;
}

gboolean
accord_stage_from_key (const char  *key,
                       AccordStage *out)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (out != NULL, FALSE);
  if (key == NULL)
    return FALSE;

  trimmed = g_strstrip (g_strdup (key));
  for (guint i = 0; i < ACCORD_N_STAGES; i++)
    if (g_ascii_strcasecmp (trimmed, stages[i].key) == 0 ||
        g_ascii_strcasecmp (trimmed, stages[i].label) == 0)
      {
        *out = i;
        return TRUE;
      }
  /* "on_hold" as people write it in spreadsheets. */
  if (g_ascii_strcasecmp (trimmed, "on_hold") == 0)
    {
      *out = ACCORD_STAGE_ON_HOLD;
      return TRUE;
    }
  return FALSE;
}

const char *
accord_stage_get_label (AccordStage stage)
{
  g_return_val_if_fail ((guint) stage < ACCORD_N_STAGES, NULL);
  return _(stages[stage].label);
}

/* The forward path and the single steps back people take when a deal
 * slips, per stage; holds and endings are handled for all stages. */
static gboolean
step_allowed (AccordStage from,
              AccordStage to)
{
  switch (from)
    {
    case ACCORD_STAGE_IDENTIFIED:
      return to == ACCORD_STAGE_OUTREACH;
    case ACCORD_STAGE_OUTREACH:
      return to == ACCORD_STAGE_NEGOTIATING || to == ACCORD_STAGE_IDENTIFIED;
    case ACCORD_STAGE_NEGOTIATING:
      return to == ACCORD_STAGE_LAUNCHING || to == ACCORD_STAGE_OUTREACH;
    case ACCORD_STAGE_LAUNCHING:
      return to == ACCORD_STAGE_GROWING || to == ACCORD_STAGE_NEGOTIATING;
    case ACCORD_STAGE_GROWING:
      return to == ACCORD_STAGE_OPTIMIZING || to == ACCORD_STAGE_RENEWING;
    case ACCORD_STAGE_OPTIMIZING:
      return to == ACCORD_STAGE_GROWING || to == ACCORD_STAGE_RENEWING;
    case ACCORD_STAGE_RENEWING:
      /* Renewed: back to growing. Not renewed: ended (below). */
      return to == ACCORD_STAGE_GROWING;
    case ACCORD_STAGE_ENDED:
    case ACCORD_STAGE_ON_HOLD:
    case ACCORD_N_STAGES:
    default:
      return FALSE;
    }
}

gboolean
accord_stage_can_move (AccordStage   from,
                       AccordStage   to,
                       AccordStage   held_from,
                       GError      **error)
{
  g_return_val_if_fail ((guint) from < ACCORD_N_STAGES, FALSE);
  g_return_val_if_fail ((guint) to < ACCORD_N_STAGES, FALSE);

  if (from == to)
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                   _("The partner is already in the stage “%s”"), accord_stage_get_label (to));
      return FALSE;
    }

  if (from == ACCORD_STAGE_ENDED)
    {
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                           _("This partnership has ended; add the partner again to start over"));
      return FALSE;
    }

  /* Any live stage may pause or end. */
  if (to == ACCORD_STAGE_ON_HOLD || to == ACCORD_STAGE_ENDED)
    return TRUE;

  if (from == ACCORD_STAGE_ON_HOLD)
    {
      if (to == held_from || to == ACCORD_STAGE_IDENTIFIED || to == ACCORD_STAGE_OUTREACH)
        return TRUE;
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                   _("A partner on hold resumes where it was (%s) or starts again at "
                     "Identified or Outreach, not at %s"),
                   accord_stage_get_label (held_from), accord_stage_get_label (to));
      return FALSE;
    }

  if (step_allowed (from, to))
    return TRUE;

  g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
               _("A partner cannot move from %s to %s"),
               accord_stage_get_label (from), accord_stage_get_label (to));
  return FALSE;
}

static gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* Reads "YYYY-MM-DD" into @out. The plain form, all digits, is read by
 * hand: dates are read for every agreement and referral of every partner,
 * and sscanf() is slow. Anything else goes through sscanf(), which decides
 * as it always has. */
static gboolean
parse_date_into (const char *text,
                 GDate      *out)
{
  int y, m, d;
  char tail;

  if (text == NULL)
    return FALSE;
  if (is_digit (text[0]) && is_digit (text[1]) && is_digit (text[2]) && is_digit (text[3]) &&
      text[4] == '-' && is_digit (text[5]) && is_digit (text[6]) &&
      text[7] == '-' && is_digit (text[8]) && is_digit (text[9]) && text[10] == '\0')
    {
      y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
      m = (text[5] - '0') * 10 + (text[6] - '0');
      d = (text[8] - '0') * 10 + (text[9] - '0');
    }
  else if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || strlen (text) != 10)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

gboolean
accord_date_is_valid (const char *text)
{
  GDate date;

  return parse_date_into (text, &date);
}

int
accord_days_between (const char *since,
                     const char *today)
{
  GDate a, b;

  if (!parse_date_into (since, &a) || !parse_date_into (today, &b))
    return ACCORD_DAYS_INVALID;
  return g_date_days_between (&a, &b);
}

char *
accord_stage_dup_keys (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < ACCORD_N_STAGES; i++)
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, accord_stage_to_key (i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
date_shift (const char *date,
            int         months,
            int         days)
{
  GDate when;
  GDateYear year;
  char buffer[16];

  if (!parse_date_into (date, &when))
    return NULL;
  /* GLib clamps to the month's last day: 31 Jan + 1 month = 28/29 Feb. */
  if (months > 0)
    g_date_add_months (&when, months);
  else if (months < 0)
    g_date_subtract_months (&when, -months);
  if (days > 0)
    g_date_add_days (&when, days);
  else if (days < 0)
    g_date_subtract_days (&when, -days);
  /* Four-digit years without strftime()'s locale round trip, which is
   * slow; the rest as strftime() writes them. */
  year = g_date_get_year (&when);
  if (year >= 1000 && year <= 9999)
    return g_strdup_printf ("%04u-%02u-%02u", (guint) year, (guint) g_date_get_month (&when),
                            (guint) g_date_get_day (&when));
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &when);
  return g_strdup (buffer);
}

char *
accord_date_add_months (const char *date,
                        int         months)
{
  return date_shift (date, months, 0);
}

char *
accord_date_add_days (const char *date,
                      int         days)
{
  return date_shift (date, 0, days);
}
