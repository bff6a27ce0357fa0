/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-workspace.h"

#include <string.h>

#include <glib/gi18n.h>

/* The active codes of ISO 4217 (the list of current currencies and funds),
 * sorted, for a binary search. */
static const char currencies[][4] = {
  "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN",
  "BAM", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV",
  "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHE", "CHF",
  "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUC", "CUP", "CVE",
  "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD",
  "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD",
  "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD",
  "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD",
  "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA",
  "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV",
  "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB",
  "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB",
  "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SLL",
  "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT",
  "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "USN",
  "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND", "VUV", "WST", "XAF",
  "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XDR", "XOF", "XPD",
  "XPF", "XPT", "XSU", "XUA", "YER", "ZAR", "ZMW", "ZWL",
};

static int
compare_code (const void *a,
              const void *b)
{
  return strcmp (a, b);
}

gboolean
accord_currency_is_valid (const char *code)
{
  if (code == NULL || strlen (code) != 3)
    return FALSE;
  return bsearch (code, currencies, G_N_ELEMENTS (currencies), sizeof currencies[0],
                  compare_code) != NULL;
}

static char *
dup_nonempty (AccordStore *store,
              const char  *key)
{
  char *value = accord_store_dup_setting (store, key);

  if (value != NULL && value[0] == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

char *
accord_workspace_dup_name (AccordStore *store)
{
  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  return dup_nonempty (store, ACCORD_SETTING_WORKSPACE_NAME);
}

gboolean
accord_workspace_set_name (AccordStore  *store,
                           const char   *name,
                           GError      **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);

  if (g_utf8_strlen (trimmed, -1) > ACCORD_WORKSPACE_NAME_MAX)
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                   _("The name is too long (at most %d characters)"), ACCORD_WORKSPACE_NAME_MAX);
      return FALSE;
    }
  return accord_store_set_setting (store, ACCORD_SETTING_WORKSPACE_NAME, trimmed, error);
}

char *
accord_workspace_dup_currency (AccordStore *store)
{
  g_autofree char *code = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  /* A value written by hand (or an older version) that is not a code is
   * treated as unset. */
  code = dup_nonempty (store, ACCORD_SETTING_WORKSPACE_CURRENCY);
  return accord_currency_is_valid (code) ? g_steal_pointer (&code) : NULL;
}

gboolean
accord_workspace_set_currency (AccordStore  *store,
                               const char   *code,
                               GError      **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (code != NULL ? code : ""));
  g_autofree char *upper = g_ascii_strup (trimmed, -1);

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);

  if (upper[0] != '\0' && !accord_currency_is_valid (upper))
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                   _("“%s” is not a currency code; write its three letters, such as EUR or USD"),
                   trimmed);
      return FALSE;
    }
  return accord_store_set_setting (store, ACCORD_SETTING_WORKSPACE_CURRENCY, upper, error);
}
