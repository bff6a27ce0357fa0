/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>

#include "accord-locale.h"
#include "test-helpers.h"

/* Switches every category to @name; skips the test when the system has
 * not generated that locale. The C.UTF-8 fallback is restored by each
 * test's end through restore_locale(). */
static gboolean
use_locale (const char *name)
{
  if (setlocale (LC_ALL, name) == NULL)
    {
      g_autofree char *message = g_strdup_printf ("locale %s is not available", name);

      g_test_skip (message);
      return FALSE;
    }
  return TRUE;
}

static void
restore_locale (void)
{
  if (setlocale (LC_ALL, "C.UTF-8") == NULL)
    setlocale (LC_ALL, "C");
}

typedef struct
{
  gint64 minor;
  const char *currency;
  const char *expected;
} MoneyCase;

static void
check_money (const MoneyCase *cases,
             size_t           n_cases)
{
  for (size_t i = 0; i < n_cases; i++)
    {
      g_autofree char *text = accord_format_money_display (cases[i].minor, cases[i].currency);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_money_c (void)
{
  static const MoneyCase cases[] = {
    { 0, NULL, "0.00" },
    { 5, "EUR", "EUR 0.05" },
    { -5, "EUR", "EUR -0.05" },
    { 99999, "USD", "USD 999.99" },
    { 123400, "EUR", "EUR 1,234.00" },
    { 123456789012, "GBP", "GBP 1,234,567,890.12" },
    { G_MININT64, NULL, "-92,233,720,368,547,758.08" },
    { G_MAXINT64, "", "92,233,720,368,547,758.07" },
  };

  if (!use_locale ("C.UTF-8") && !use_locale ("C"))
    return;
  check_money (cases, G_N_ELEMENTS (cases));
  restore_locale ();
}

static void
test_money_de (void)
{
  static const MoneyCase cases[] = {
    { 0, NULL, "0,00" },
    { 99999, "EUR", "EUR 999,99" },
    { 123400, "EUR", "EUR 1.234,00" },
    { -123456789, "EUR", "EUR -1.234.567,89" },
  };

  if (!use_locale ("de_DE.UTF-8"))
    return;
  check_money (cases, G_N_ELEMENTS (cases));
  restore_locale ();
}

static void
test_money_fr (void)
{
  g_autofree char *thousand = NULL;
  g_autofree char *million = NULL;
  g_autofree char *small = NULL;
  const char *space;

  if (!use_locale ("fr_FR.UTF-8"))
    return;
  thousand = accord_format_money_display (123400, "EUR");
  million = accord_format_money_display (123456789, NULL);
  small = accord_format_money_display (99999, "EUR");

  /* glibc's French grouping is a narrow no-break space (older releases a
   * no-break space); either way, never a breaking one or a dot. */
  g_assert_true (g_str_has_prefix (thousand, "EUR 1"));
  g_assert_true (g_str_has_suffix (thousand, "234,00"));
  space = thousand + strlen ("EUR 1");
  g_assert_true (g_str_has_prefix (space, "\u202f") || g_str_has_prefix (space, "\u00a0"));
  g_assert_cmpuint (strlen (thousand), ==, strlen ("EUR 1234,00") + strlen (space) - strlen ("234,00"));
  g_assert_true (g_str_has_prefix (million, "1"));
  g_assert_true (g_str_has_suffix (million, "567,89"));
  g_assert_null (strchr (million, '.'));
  g_assert_null (strchr (million, ' '));
  g_assert_cmpstr (small, ==, "EUR 999,99");
  restore_locale ();
}

typedef struct
{
  const char *iso;
  const char *expected;
} DateCase;

static void
check_dates (const DateCase *cases,
             size_t          n_cases)
{
  for (size_t i = 0; i < n_cases; i++)
    {
      g_autofree char *text = accord_format_date_display (cases[i].iso);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_date_c (void)
{
  static const DateCase cases[] = {
    { "2026-11-21", "21 Nov 2026" },
    { "2026-01-05", "5 Jan 2026" },
    { "2024-02-29", "29 Feb 2024" },
    /* Not dates: shown as they are rather than lost. */
    { "2026-02-30", "2026-02-30" },
    { "soon", "soon" },
    { "", "" },
  };

  if (!use_locale ("C.UTF-8") && !use_locale ("C"))
    return;
  check_dates (cases, G_N_ELEMENTS (cases));
  g_assert_null (accord_format_date_display (NULL));
  restore_locale ();
}

static void
test_date_de (void)
{
  /* No catalogue is bound here, so the English pattern applies with the
   * German month names of LC_TIME. */
  static const DateCase cases[] = {
    { "2026-03-01", "1 Mär 2026" },
    { "2026-10-31", "31 Okt 2026" },
    { "2026-12-24", "24 Dez 2026" },
  };

  if (!use_locale ("de_DE.UTF-8"))
    return;
  check_dates (cases, G_N_ELEMENTS (cases));
  restore_locale ();
}

static void
test_date_fr (void)
{
  static const DateCase cases[] = {
    { "2026-11-21", "21 nov. 2026" },
    { "2026-02-01", "1 févr. 2026" },
    { "2026-08-15", "15 août 2026" },
  };

  if (!use_locale ("fr_FR.UTF-8"))
    return;
  check_dates (cases, G_N_ELEMENTS (cases));
  restore_locale ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/locale/money/c", test_money_c);
  g_test_add_func ("/locale/money/de", test_money_de);
  g_test_add_func ("/locale/money/fr", test_money_fr);
  g_test_add_func ("/locale/date/c", test_date_c);
  g_test_add_func ("/locale/date/de", test_date_de);
  g_test_add_func ("/locale/date/fr", test_date_fr);

  return g_test_run ();
}
