/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-locale.h"

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "accord-lifecycle.h"

/**
 * accord_format_date_display:
 * @iso: (nullable): a date as "YYYY-MM-DD"
 *
 * Formats @iso as a medium date for the current LC_TIME locale, such as
 * "21 Nov 2026" in English or "21. Nov 2026" in German. Text that is not
 * a valid date is returned unchanged, so a display never loses what the
 * store holds.
 *
 * Returns: (transfer full) (nullable): the date to show, or %NULL for %NULL
 */
char *
accord_format_date_display (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;
  char *text;

  if (iso == NULL)
    return NULL;
  if (!accord_date_is_valid (iso)
      || sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return g_strdup (iso);

  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (date == NULL)
    return g_strdup (iso);

  /* Translators: how a date is shown in the window, as a g_date_time_format()
   * pattern: %-d is the day without padding, %b the abbreviated month name,
   * %B the full month name, %m the month as a number, %Y the year. Use your
   * language's usual medium date, e.g. "%-d. %b %Y" (21. Nov 2026) or
   * "%-d %b %Y" (21 nov. 2026). Dates are still typed as YYYY-MM-DD. */
  /* xgettext:no-c-format */
  text = g_date_time_format (date, C_("date display", "%-d %b %Y"));
  if (text == NULL)
    text = g_date_time_format (date, "%-d %b %Y");
  return text != NULL ? text : g_strdup (iso);
}

/* A locale string from localeconv(), or NULL when it is empty or not
 * UTF-8 (a legacy codeset would put broken bytes into a label). */
static const char *
usable (const char *text)
{
  if (text == NULL || *text == '\0' || !g_utf8_validate (text, -1, NULL))
    return NULL;
  return text;
}

/* Appends @digits with @separator between the groups that @grouping
 * describes (localeconv()'s format: each byte a group size from the right,
 * the last one repeating, CHAR_MAX ending the grouping). */
static void
append_grouped (GString    *out,
                const char *digits,
                const char *separator,
                const char *grouping)
{
  size_t len = strlen (digits);
  size_t breaks[64];
  size_t n_breaks = 0;
  size_t done = 0;
  const char *g = grouping;
  int size = 0;

  /* Collect where separators go, counted from the right. */
  while (separator != NULL && g != NULL)
    {
      if (*g != '\0')
        {
          if (*g == CHAR_MAX || *g <= 0)
            break;
          size = *g++;
        }
      if (size <= 0 || done + size >= len || n_breaks == G_N_ELEMENTS (breaks))
        break;
      done += size;
      breaks[n_breaks++] = len - done;
    }

  for (size_t i = 0; i < len; i++)
    {
      for (size_t b = 0; b < n_breaks; b++)
        if (breaks[b] == i)
          g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
}

/**
 * accord_format_money_display:
 * @amount_minor: an amount in hundredths
 * @currency: (nullable): an ISO 4217 code to put in front, or %NULL
 *
 * Formats an amount with the decimal mark and digit grouping of the
 * current LC_MONETARY locale (falling back to LC_NUMERIC), such as
 * "EUR 1.234,00" in German. The C locale, which defines no monetary
 * format, gets the English "EUR 1,234.00". Integer arithmetic only.
 *
 * Returns: (transfer full): the amount to show
 */
char *
accord_format_money_display (gint64      amount_minor,
                             const char *currency)
{
  const struct lconv *conv = localeconv ();
  const char *decimal = usable (conv->mon_decimal_point);
  const char *separator = NULL;
  const char *grouping = NULL;
  GString *out = g_string_new (NULL);
  char digits[32];
  guint64 value;

  if (decimal != NULL)
    {
      separator = usable (conv->mon_thousands_sep);
      grouping = conv->mon_grouping;
    }
  else if (usable (conv->decimal_point) != NULL && usable (conv->thousands_sep) != NULL)
    {
      decimal = conv->decimal_point;
      separator = conv->thousands_sep;
      grouping = conv->grouping;
    }
  if (decimal == NULL)
    {
      /* The C and POSIX locales say nothing about money: show English. */
      decimal = ".";
      separator = ",";
      grouping = "\3";
    }

  if (currency != NULL && *currency != '\0')
    g_string_append_printf (out, "%s ", currency);
  if (amount_minor < 0)
    g_string_append_c (out, '-');
  value = amount_minor < 0 ? (guint64) (-(amount_minor + 1)) + 1 : (guint64) amount_minor;
  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value / 100);
  append_grouped (out, digits, separator, grouping);
  g_string_append (out, decimal);
  g_string_append_printf (out, "%02u", (guint) (value % 100));
  return g_string_free (out, FALSE);
}
