/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-backup.h"
#include "accord-demo.h"
#include "accord-workspace.h"
#include "test-helpers.h"

#include <string.h>

#include <sqlite3.h>

static void
add_partner (AccordStore *store,
             const char  *name)
{
  g_autoptr(AccordPartner) partner = accord_partner_new (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_store_add_partner (store, partner, NULL, &error));
  g_assert_no_error (error);
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* A backup is a workspace of its own holding the same data. */
static void
test_backup_same_data (TestWorkspace *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = g_build_filename (fixture->dir, "copy.accord", NULL);
  g_autoptr(AccordBackupInfo) info = NULL;
  g_autoptr(AccordStore) copy = NULL;
  g_autofree char *company = NULL;

  g_assert_true (accord_demo_fill (fixture->store, 25, 7, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (accord_store_set_setting (fixture->store, ACCORD_SETTING_OUR_COMPANY, "Acme",
                                           &error));

  g_assert_true (accord_backup_store (fixture->store, dest, &error));
  g_assert_no_error (error);

  info = accord_backup_inspect (dest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (info->n_partners, ==,
                    g_list_model_get_n_items (accord_store_get_partners (fixture->store)));
  g_assert_cmpuint (info->n_partners, >, 0);
  g_assert_cmpint (info->schema_version, ==, ACCORD_SCHEMA_VERSION);
  g_assert_cmpint (info->size, >, 0);

  copy = accord_store_open (dest, ACCORD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (accord_store_check (copy, &error));
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (copy)), ==,
                    info->n_partners);
  company = accord_store_dup_setting (copy, ACCORD_SETTING_OUR_COMPANY);
  g_assert_cmpstr (company, ==, "Acme");

  /* An existing file is never overwritten. */
  g_clear_error (&error);
  g_assert_false (accord_backup_store (fixture->store, dest, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
}

/* The backup from another connection (a worker thread's) sees what the
 * store committed. */
static void
test_backup_file (TestWorkspace *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = g_build_filename (fixture->dir, "file.accord", NULL);
  g_autoptr(AccordBackupInfo) info = NULL;

  add_partner (fixture->store, "Northwind");
  add_partner (fixture->store, "Contoso");
  g_assert_true (accord_backup_file (fixture->path, dest, &error));
  g_assert_no_error (error);
  info = accord_backup_inspect (dest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (info->n_partners, ==, 2);
}

/* Rotation keeps the newest N, named by the day. */
static void
test_rotation_keeps_n (TestWorkspace *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->dir, "backups", NULL);
  g_autoptr(GPtrArray) list = NULL;
  char today[11];

  g_assert_true (accord_store_set_setting (fixture->store, ACCORD_SETTING_BACKUP_KEEP, "3",
                                           &error));
  g_assert_cmpint (accord_backup_get_keep (fixture->store), ==, 3);

  for (int day = 1; day <= 5; day++)
    {
      g_autofree char *path = NULL;

      g_snprintf (today, sizeof today, "2026-03-%02d", day);
      accord_store_set_today (fixture->store, today);
      add_partner (fixture->store, today);
      g_assert_true (accord_backup_auto (fixture->store, folder, &path, &error));
      g_assert_no_error (error);
      g_assert_nonnull (path);
      g_assert_true (g_str_has_suffix (path, ".accord"));
      g_assert_nonnull (strstr (path, today));
    }

  g_assert_cmpuint (count_files (folder), ==, 3);
  list = accord_backup_list (folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  /* Newest first: the backups of the 5th, 4th and 3rd, with 5, 4 and 3
   * partners. */
  for (guint i = 0; i < 3; i++)
    {
      AccordBackupInfo *info = g_ptr_array_index (list, i);
      g_autofree char *want = g_strdup_printf ("2026-03-%02u", 5 - i);

      g_assert_cmpstr (info->date, ==, want);
      g_assert_cmpuint (info->n_partners, ==, 5 - i);
    }
}

/* At most one automatic backup a day. */
static void
test_once_a_day (TestWorkspace *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->dir, "daily", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *last = NULL;

  g_assert_true (accord_backup_is_due (fixture->store));
  g_assert_true (accord_backup_auto (fixture->store, folder, &first, &error));
  g_assert_nonnull (first);
  last = accord_store_dup_setting (fixture->store, ACCORD_SETTING_BACKUP_LAST);
  g_assert_cmpstr (last, ==, "2026-01-31");

  g_assert_false (accord_backup_is_due (fixture->store));
  g_assert_true (accord_backup_auto (fixture->store, folder, &second, &error));
  g_assert_no_error (error);
  g_assert_null (second);
  g_assert_cmpuint (count_files (folder), ==, 1);

  accord_store_set_today (fixture->store, "2026-02-01");
  g_assert_true (accord_backup_is_due (fixture->store));
  g_assert_true (accord_backup_auto (fixture->store, folder, &third, &error));
  g_assert_nonnull (third);
  g_assert_cmpuint (count_files (folder), ==, 2);
}

/* Restoring keeps a copy of the current file and brings the backup's
 * content back. */
static void
test_restore (TestWorkspace *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (fixture->dir, "before.accord", NULL);
  g_autofree char *kept = NULL;
  g_autoptr(AccordStore) kept_store = NULL;

  add_partner (fixture->store, "Kept One");
  g_assert_true (accord_backup_store (fixture->store, backup, &error));
  g_assert_no_error (error);

  add_partner (fixture->store, "Added Later");
  add_partner (fixture->store, "Added Later Too");
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (fixture->store)), ==, 3);

  g_assert_true (accord_backup_restore (fixture->store, backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_true (g_str_has_prefix (kept, fixture->path));
  g_assert_nonnull (strstr (kept, ".before-restore-"));

  /* The kept copy holds the workspace as it was. */
  kept_store = accord_store_open (kept, ACCORD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (kept_store)), ==, 3);

  /* The workspace, opened again, holds the backup. */
  g_clear_object (&fixture->store);
  fixture->store = accord_store_open (fixture->path, ACCORD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (fixture->store)), ==, 1);
  g_assert_true (accord_store_check (fixture->store, &error));
  g_assert_no_error (error);
}

/* A file that is not a workspace is neither listed nor restored, and the
 * workspace is not touched. */
static void
test_refuse_non_workspace (TestWorkspace *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->dir, "mixed", NULL);
  g_autofree char *text = g_build_filename (folder, "notes-2026-01-01-120000.accord", NULL);
  g_autofree char *other = g_build_filename (folder, "other-2026-01-02-120000.accord", NULL);
  g_autofree char *kept = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  sqlite3 *db = NULL;

  add_partner (fixture->store, "Only");
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  test_write_file (text, "hello, not a database\n", -1);
  /* A database of another program. */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_null (accord_backup_inspect (text, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_WORKSPACE);
  g_clear_error (&error);
  g_assert_null (accord_backup_inspect (other, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_WORKSPACE);
  g_clear_error (&error);

  list = accord_backup_list (folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);

  g_assert_false (accord_backup_restore (fixture->store, other, &kept, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_WORKSPACE);
  g_assert_null (kept);
  g_clear_error (&error);

  /* No copy was made either: nothing happened. */
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_null (strstr (name, "before-restore"));

  g_clear_object (&fixture->store);
  fixture->store = accord_store_open (fixture->path, ACCORD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (fixture->store)), ==, 1);
}

/* Workspaces of the same name in different folders never share a
 * rotation folder. */
static void
test_folder (void)
{
  g_autofree char *a = accord_backup_dup_folder ("/home/a/clients/acme.accord");
  g_autofree char *b = accord_backup_dup_folder ("/home/a/other/acme.accord");
  g_autofree char *a2 = accord_backup_dup_folder ("/home/a/clients/acme.accord");
  g_autofree char *base = g_path_get_basename (a);

  g_assert_cmpstr (a, ==, a2);
  g_assert_cmpstr (a, !=, b);
  g_assert_true (g_str_has_prefix (base, "acme-"));
  g_assert_true (g_str_has_prefix (a, g_get_user_data_dir ()));
}

static void
test_workspace_settings (TestWorkspace *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *name = NULL;
  const struct { const char *code; gboolean valid; } cases[] = {
    { "EUR", TRUE }, { "USD", TRUE }, { "JPY", TRUE }, { "CHF", TRUE },
    { "eur", FALSE }, { "EU", FALSE }, { "EURO", FALSE }, { "ABC", FALSE }, { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (accord_currency_is_valid (cases[i].code), ==, cases[i].valid);

  g_assert_null (accord_workspace_dup_currency (fixture->store));
  g_assert_true (accord_workspace_set_currency (fixture->store, " gbp ", &error));
  g_assert_no_error (error);
  currency = accord_workspace_dup_currency (fixture->store);
  g_assert_cmpstr (currency, ==, "GBP");

  g_assert_false (accord_workspace_set_currency (fixture->store, "XYZ", &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&currency, g_free);
  currency = accord_workspace_dup_currency (fixture->store);
  g_assert_cmpstr (currency, ==, "GBP");

  g_assert_true (accord_workspace_set_name (fixture->store, "  Client A  ", &error));
  name = accord_workspace_dup_name (fixture->store);
  g_assert_cmpstr (name, ==, "Client A");
  g_assert_true (accord_workspace_set_name (fixture->store, "", &error));
  g_clear_pointer (&name, g_free);
  name = accord_workspace_dup_name (fixture->store);
  g_assert_null (name);
}

/* The rules for a new file name: inline messages for what cannot be. */
static void
test_rename_path (TestWorkspace *fixture,
                  gconstpointer  data)
{
  g_autofree char *taken = g_build_filename (fixture->dir, "taken.accord", NULL);
  const struct { const char *name; const char *file; GQuark domain; int code; } cases[] = {
    { "Client B", "Client B.accord", 0, 0 },
    { "  client-b.accord ", "client-b.accord", 0, 0 },
    { "notes.txt", "notes.txt.accord", 0, 0 },
    { "", NULL, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID },
    { "   ", NULL, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID },
    { NULL, NULL, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID },
    { ".accord", NULL, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID },
    { "clients/b", NULL, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID },
    { "../b", NULL, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID },
    { "..", NULL, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID },
    { "taken", NULL, G_IO_ERROR, G_IO_ERROR_EXISTS },
    { "taken.accord", NULL, G_IO_ERROR, G_IO_ERROR_EXISTS },
    { "workspace", NULL, G_IO_ERROR, G_IO_ERROR_EXISTS },
  };

  g_assert_true (g_file_set_contents (taken, "", 0, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = accord_workspace_dup_rename_path (fixture->path, cases[i].name,
                                                                &error);

      g_test_message ("case %u: “%s”", i, cases[i].name);
      if (cases[i].file != NULL)
        {
          g_autofree char *expected = g_build_filename (fixture->dir, cases[i].file, NULL);

          g_assert_no_error (error);
          g_assert_cmpstr (path, ==, expected);
        }
      else
        {
          g_assert_null (path);
          g_assert_error (error, cases[i].domain, cases[i].code);
          g_assert_cmpuint (strlen (error->message), >, 0);
        }
    }
}

/* A rename copies the open workspace to a new file that opens with the
 * same data; the old file stays until the rename is finished, then goes
 * with its side files, and its backups move along. */
static void
test_rename (TestWorkspace *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = g_build_filename (fixture->dir, "Client B.accord", NULL);
  g_autofree char *old_folder = accord_backup_dup_folder (fixture->path);
  g_autofree char *new_folder = accord_backup_dup_folder (dest);
  g_autofree char *backup = NULL;
  g_autofree char *company = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  g_autoptr(AccordStore) copy = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  guint n;

  g_assert_true (accord_demo_fill (fixture->store, 12, 3, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (accord_store_set_setting (fixture->store, ACCORD_SETTING_OUR_COMPANY, "Acme",
                                           &error));
  n = g_list_model_get_n_items (accord_store_get_partners (fixture->store));
  g_assert_cmpuint (n, >, 0);
  backup = accord_backup_run (fixture->path, old_folder, "2026-01-31", 3, &error);
  g_assert_no_error (error);

  g_assert_true (accord_workspace_rename (fixture->store, dest, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (dest, G_FILE_TEST_IS_REGULAR));
  /* Until it is finished, the old file is whole and in use. */
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  add_partner (fixture->store, "Still Open");

  copy = accord_store_open (dest, ACCORD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (accord_store_check (copy, &error));
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (copy)), ==, n);
  company = accord_store_dup_setting (copy, ACCORD_SETTING_OUR_COMPANY);
  g_assert_cmpstr (company, ==, "Acme");

  /* An existing file is refused and left alone. */
  g_assert_false (accord_workspace_rename (fixture->store, dest, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (copy)), ==, n);

  g_clear_object (&fixture->store);
  g_assert_true (accord_workspace_finish_rename (fixture->path, dest, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (dest, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (old_folder, G_FILE_TEST_EXISTS));
  backups = accord_backup_list (new_folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
}

/* A copy that cannot be made leaves nothing behind and the workspace as
 * it was. */
static void
test_rename_fails (TestWorkspace *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = g_build_filename (fixture->dir, "gone", "b.accord", NULL);
  g_autofree char *dir = g_path_get_dirname (dest);

  add_partner (fixture->store, "Northwind");
  g_assert_false (accord_workspace_rename (fixture->store, dest, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  add_partner (fixture->store, "Contoso");
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (fixture->store)), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, TestWorkspace, NULL, test_workspace_set_up, func, test_workspace_tear_down)
  ADD ("/backup/same-data", test_backup_same_data);
  ADD ("/backup/from-file", test_backup_file);
  ADD ("/backup/rotation-keeps-n", test_rotation_keeps_n);
  ADD ("/backup/once-a-day", test_once_a_day);
  ADD ("/backup/restore", test_restore);
  ADD ("/backup/refuse-non-workspace", test_refuse_non_workspace);
  ADD ("/backup/workspace-settings", test_workspace_settings);
  ADD ("/backup/rename-path", test_rename_path);
  ADD ("/backup/rename", test_rename);
  ADD ("/backup/rename-fails", test_rename_fails);
#undef ADD
  g_test_add_func ("/backup/folder", test_folder);

  return g_test_run ();
}
