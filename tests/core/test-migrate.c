/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <sqlite3.h>

#include "accord-store.h"
#include "test-helpers.h"

static int
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_from_empty (void)
{
  g_autofree char *path = test_temp_path ("fresh.accord");
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = accord_store_open (path, ACCORD_STORE_OPEN_CREATE, &error);
  g_autofree char *backup = g_strconcat (path, ".bak-v0", NULL);

  g_assert_no_error (error);
  g_assert_cmpint (accord_store_get_schema_version (store), ==, ACCORD_SCHEMA_VERSION);
  g_clear_object (&store);

  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, ACCORD_SCHEMA_VERSION);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'setting'"), ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'contact'"), ==, 1);
  /* A new file has nothing to protect: no backup. */
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

static void
test_from_schema_1 (void)
{
  g_autofree char *fixture = g_build_filename (FIXTURES_DIR, "schema-1.accord", NULL);
  g_autofree char *path = test_temp_path ("old.accord");
  g_autofree char *backup = g_strconcat (path, ".bak-v1", NULL);
  g_autoptr(GBytes) original = test_read_file (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordPartner) partner = NULL;
  g_autoptr(AccordContact) contact = NULL;
  GListModel *contacts;

  test_write_file (path, g_bytes_get_data (original, NULL), g_bytes_get_size (original));

  store = accord_store_open (path, ACCORD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (accord_store_get_schema_version (store), ==, ACCORD_SCHEMA_VERSION);

  /* Everything from version 1 is still there. */
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (store)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_trash (store)), ==, 1);
  partner = g_list_model_get_item (accord_store_get_partners (store), 0);
  g_assert_cmpstr (accord_partner_get_name (partner), ==, "Fixture Analytics");
  g_assert_cmpint (accord_partner_get_source (partner), ==, ACCORD_SOURCE_EVENT);
  g_assert_cmpint (accord_partner_get_position (partner), ==, ACCORD_POSITION_PARALLEL);
  g_assert_cmpint (accord_partner_get_tier (partner), ==, ACCORD_TIER_CERTIFIED);
  {
    const char *tags[] = { "saas", "emea", NULL };
    g_assert_cmpstrv (accord_partner_get_tags (partner), tags);
  }
  contacts = accord_store_get_contacts (store, partner);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 1);
  contact = g_list_model_get_item (contacts, 0);
  g_assert_cmpstr (accord_contact_get_email (contact), ==, "ria@fixture-analytics.example");
  g_assert_true (accord_contact_get_is_primary (contact));
  g_assert_true (accord_store_check (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* A copy was taken before migrating, still at version 1 with the data. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (query_int (backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (query_int (backup, "SELECT count(*) FROM partner"), ==, 2);
  g_assert_cmpint (query_int (backup, "SELECT count(*) FROM sqlite_schema WHERE name = 'setting'"), ==, 0);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'setting'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/migrate/from-empty", test_from_empty);
  g_test_add_func ("/migrate/from-schema-1", test_from_schema_1);

  return g_test_run ();
}
