/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>

#include "accord-application.h"
#include "accord-window.h"
#include "test-app-helpers.h"

/* Each damaged or hostile file gives a clear message in the window and is
 * left byte-identical. */

typedef enum
{
  FILE_GARBAGE,
  FILE_EMPTY,
  FILE_NEWER,
  FILE_FOLDER,
  FILE_MISSING_FOLDER,
  FILE_FOREIGN,
} Kind;

static char *
make_file (Kind kind)
{
  g_autofree char *dir = g_dir_make_tmp ("accord-open-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "file.accord", NULL);
  g_autoptr(GError) error = NULL;

  switch (kind)
    {
    case FILE_GARBAGE:
      g_file_set_contents (path, "PK\x03\x04 this is a zip, not a workspace", -1, &error);
      break;
    case FILE_EMPTY:
      g_file_set_contents (path, "", 0, &error);
      break;
    case FILE_NEWER:
      {
        g_autoptr(AccordStore) store = accord_store_open (path, ACCORD_STORE_OPEN_CREATE, &error);
        g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d",
                                                ACCORD_SCHEMA_VERSION + 5);
        sqlite3 *db;

        g_assert_no_error (error);
        g_clear_object (&store);
        g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
        sqlite3_close (db);
      }
      break;
    case FILE_FOLDER:
      g_mkdir (path, 0700);
      break;
    case FILE_MISSING_FOLDER:
      {
        g_autofree char *deeper = g_build_filename (dir, "gone", "file.accord", NULL);
        return g_steal_pointer (&deeper);
      }
    case FILE_FOREIGN:
      {
        sqlite3 *db;
        g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (body TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
        sqlite3_close (db);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_refused (gconstpointer data)
{
  Kind kind = GPOINTER_TO_INT (data);
  g_autofree char *path = make_file (kind);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  AccordWindow *window = accord_window_new (NULL);
  gboolean is_file = g_file_test (path, G_FILE_TEST_IS_REGULAR);
  const char *message;

  if (is_file)
    {
      char *contents;
      gsize len;
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      before = g_bytes_new_take (contents, len);
    }

  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (accord_window_open_workspace (window, path, TRUE, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (accord_window_get_page (window), ==, "problem");
  message = accord_window_get_problem (window);
  g_test_message ("%s", message);
  g_assert_cmpstr (message, ==, error->message);
  g_assert_cmpuint (strlen (message), >, 10);
  g_assert_null (strchr (message, '\n'));

  if (is_file)
    {
      char *contents;
      gsize len;
      g_autoptr(GBytes) after = NULL;

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      after = g_bytes_new_take (contents, len);
      g_assert_true (g_bytes_equal (before, after));
    }
  else if (kind == FILE_MISSING_FOLDER)
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* At start-up the workspace is read in a thread while the window is
 * built: the window then shows it, or why it cannot be opened. */
static void
test_at_start (gconstpointer data)
{
  gboolean refused = GPOINTER_TO_INT (data);
  g_autofree char *path = NULL;
  g_autoptr(AccordApplication) app = accord_application_new ();
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  AccordWindow *window;

  if (refused)
    {
      char *contents;
      gsize len;

      path = make_file (FILE_GARBAGE);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      before = g_bytes_new_take (contents, len);
    }
  else
    {
      g_autoptr(AccordStore) store = test_store_new (&path);
      g_autoptr(AccordPartner) partner = accord_partner_new ("Bluepeak Studio");

      g_assert_true (accord_store_add_partner (store, partner, NULL, &error));
      g_assert_no_error (error);
    }

  g_setenv ("ACCORD_NO_NOTIFY", "1", TRUE);
  g_settings_set_string (settings, "last-workspace", path);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = ACCORD_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);

  if (refused)
    {
      g_autofree char *contents = NULL;
      gsize len;

      g_assert_cmpstr (accord_window_get_page (window), ==, "problem");
      g_assert_null (accord_window_get_store (window));
      g_assert_cmpuint (strlen (accord_window_get_problem (window)), >, 10);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      g_assert_cmpmem (contents, len, g_bytes_get_data (before, NULL), g_bytes_get_size (before));
    }
  else
    {
      AccordStore *store = accord_window_get_store (window);

      g_assert_cmpstr (accord_window_get_page (window), ==, "partners");
      g_assert_nonnull (store);
      g_assert_cmpstr (accord_store_get_path (store), ==, path);
      g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (store)), ==, 1);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "last-workspace");
}

int
main (int   argc,
      char *argv[])
{
  if (test_app_init (&argc, &argv))
    {
      g_test_add_data_func ("/open/garbage", GINT_TO_POINTER (FILE_GARBAGE), test_refused);
      g_test_add_data_func ("/open/empty", GINT_TO_POINTER (FILE_EMPTY), test_refused);
      g_test_add_data_func ("/open/newer-version", GINT_TO_POINTER (FILE_NEWER), test_refused);
      g_test_add_data_func ("/open/folder", GINT_TO_POINTER (FILE_FOLDER), test_refused);
      g_test_add_data_func ("/open/missing-folder", GINT_TO_POINTER (FILE_MISSING_FOLDER), test_refused);
      g_test_add_data_func ("/open/foreign", GINT_TO_POINTER (FILE_FOREIGN), test_refused);
      g_test_add_data_func ("/open/at-start", GINT_TO_POINTER (FALSE), test_at_start);
      g_test_add_data_func ("/open/at-start-refused", GINT_TO_POINTER (TRUE), test_at_start);
    }
  return g_test_run ();
}
