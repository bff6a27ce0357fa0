/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-workspace.h"

#include "accord-backup.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

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

/* Renaming */

#define WORKSPACE_SUFFIX ".accord"
/* The longest file name most file systems take, in bytes. */
#define FILE_NAME_MAX 255

char *
accord_workspace_dup_rename_path (const char  *old_path,
                                  const char  *name,
                                  GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *base = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (old_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (trimmed[0] == '\0' || g_strcmp0 (trimmed, WORKSPACE_SUFFIX) == 0)
    {
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                           _("Write a name for the file"));
      return NULL;
    }
  if (strchr (trimmed, '/') != NULL || g_strcmp0 (trimmed, ".") == 0 ||
      g_strcmp0 (trimmed, "..") == 0)
    {
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                           _("A file name cannot contain “/”; the file stays in its folder"));
      return NULL;
    }

  /* The extension keeps the file easy to find and open again. */
  if (g_str_has_suffix (trimmed, WORKSPACE_SUFFIX))
    base = g_steal_pointer (&trimmed);
  else
    base = g_strconcat (trimmed, WORKSPACE_SUFFIX, NULL);
  if (strlen (base) > FILE_NAME_MAX)
    {
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                           _("The file name is too long"));
      return NULL;
    }

  dir = g_path_get_dirname (old_path);
  path = g_build_filename (dir, base, NULL);
  if (g_strcmp0 (path, old_path) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                           _("The workspace already has this name"));
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("A file named “%s” already exists in this folder"), base);
      return NULL;
    }
  return g_steal_pointer (&path);
}

/* Removes @path and the side files SQLite may have left beside it. Only a
 * failure to remove @path itself counts. */
static gboolean
remove_database (const char  *path,
                 GError     **error)
{
  static const char * const sides[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      g_autofree char *side = g_strconcat (path, sides[i], NULL);
      g_unlink (side);
    }
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not remove “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
accord_workspace_rename (AccordStore  *store,
                         const char   *new_path,
                         GError      **error)
{
  g_autoptr(AccordBackupInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  guint n_partners;

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (new_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_strcmp0 (new_path, accord_store_get_path (store)) == 0 ||
      g_file_test (new_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *base = g_path_get_basename (new_path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("A file named “%s” already exists in this folder"), base);
      return FALSE;
    }

  /* A consistent snapshot through the open connection, moved into place
   * only when whole: the new file is either complete or absent. */
  if (!accord_backup_store (store, new_path, error))
    return FALSE;

  /* The copy must read back as this workspace before anything relies on
   * it: a workspace of this version, undamaged, with the same partners. */
  n_partners = g_list_model_get_n_items (accord_store_get_partners (store));
  info = accord_backup_inspect (new_path, &local_error);
  if (info != NULL && info->n_partners != n_partners)
    g_set_error_literal (&local_error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_CORRUPT,
                         _("the copy does not hold the same partners"));
  if (local_error != NULL)
    {
      remove_database (new_path, NULL);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("The workspace was not renamed: "));
      return FALSE;
    }
  return TRUE;
}

gboolean
accord_workspace_finish_rename (const char  *old_path,
                                const char  *new_path,
                                GError     **error)
{
  g_autofree char *old_folder = NULL;
  g_autofree char *new_folder = NULL;

  g_return_val_if_fail (old_path != NULL, FALSE);
  g_return_val_if_fail (new_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The backups follow the workspace, so the rotation and the list of
   * backups go on where they were. Without it they would only be left
   * behind, so a failure here is no reason to stop. */
  old_folder = accord_backup_dup_folder (old_path);
  new_folder = accord_backup_dup_folder (new_path);
  if (g_file_test (old_folder, G_FILE_TEST_IS_DIR) &&
      !g_file_test (new_folder, G_FILE_TEST_EXISTS) &&
      g_rename (old_folder, new_folder) != 0)
    g_debug ("Could not move the backups from %s to %s: %s", old_folder, new_folder,
             g_strerror (errno));

  return remove_database (old_path, error);
}
