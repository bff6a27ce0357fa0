/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <sys/stat.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "accord-store-private.h"
#include "test-helpers.h"

static AccordStore *
open_new (char **path_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_temp_path ("work.accord");
  AccordStore *store = accord_store_open (path, ACCORD_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (path_out)
    *path_out = g_steal_pointer (&path);
  return store;
}

static AccordPartner *
add (AccordStore *store,
     const char  *name)
{
  g_autoptr(GError) error = NULL;
  AccordPartner *partner = accord_partner_new (name);

  g_assert_true (accord_store_add_partner (store, partner, NULL, &error));
  g_assert_no_error (error);
  return partner;
}

static void
test_create_settings (void)
{
  g_autofree char *path = NULL;
  g_autoptr(AccordStore) store = open_new (&path);
  GStatBuf st;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (accord_store_get_schema_version (store), ==, ACCORD_SCHEMA_VERSION);
  g_assert_cmpint (_accord_store_get_pragma (store, ACCORD_STORE_PRAGMA_SYNCHRONOUS), ==, 2);
  g_assert_cmpint (_accord_store_get_pragma (store, ACCORD_STORE_PRAGMA_FOREIGN_KEYS), ==, 1);
  g_assert_cmpint (_accord_store_get_pragma (store, ACCORD_STORE_PRAGMA_BUSY_TIMEOUT), >, 0);

  /* WAL is a property of the file: a second connection sees it. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *log)
{
  guint entry[3] = { position, removed, added };
  g_array_append_vals (log, entry, 3);
}

static void
test_crud_and_reopen (void)
{
  g_autofree char *path = NULL;
  g_autoptr(AccordStore) store = open_new (&path);
  g_autoptr(AccordStore) again = NULL;
  g_autoptr(AccordPartner) partner = NULL;
  g_autoptr(AccordPartner) reloaded = NULL;
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "saas", "emea", NULL };

  g_signal_connect (accord_store_get_partners (store), "items-changed",
                    G_CALLBACK (items_changed_cb), log);

  partner = accord_partner_new ("Northwind Analytics");
  accord_partner_set_website (partner, "northwind.example");
  accord_partner_set_partnership_type (partner, ACCORD_PARTNERSHIP_TYPE_INTEGRATION);
  accord_partner_set_tags (partner, tags);
  g_assert_true (accord_store_add_partner (store, partner, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (accord_partner_get_id (partner), >, 0);
  g_assert_nonnull (accord_partner_get_created_at (partner));
  g_assert_true (accord_store_lookup_partner (store, accord_partner_get_id (partner)) == partner);

  /* One items-changed at position 0, 0 removed, 1 added. */
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_cmpuint (g_array_index (log, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (log, guint, 1), ==, 0);
  g_assert_cmpuint (g_array_index (log, guint, 2), ==, 1);

  g_assert_true (accord_store_set_partner_field (store, partner, ACCORD_PARTNER_FIELD_OWNER,
                                                 "  Sam  ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (accord_partner_get_owner (partner), ==, "Sam");
  g_assert_true (accord_store_set_partner_field (store, partner, ACCORD_PARTNER_FIELD_TIER,
                                                 "premium", &error));
  g_assert_true (accord_store_set_partner_field (store, partner, ACCORD_PARTNER_FIELD_TAGS,
                                                 "emea, partners", &error));

  /* Refused input changes nothing, in memory or on disk. */
  g_assert_false (accord_store_set_partner_field (store, partner, ACCORD_PARTNER_FIELD_WEBSITE,
                                                  "not a website", &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (accord_store_set_partner_field (store, partner, ACCORD_PARTNER_FIELD_NAME,
                                                  "", &error));
  g_clear_error (&error);
  g_assert_cmpstr (accord_partner_get_name (partner), ==, "Northwind Analytics");

  g_clear_object (&store);
  again = accord_store_open (path, ACCORD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (again)), ==, 1);
  reloaded = g_list_model_get_item (accord_store_get_partners (again), 0);
  g_assert_cmpstr (accord_partner_get_name (reloaded), ==, "Northwind Analytics");
  g_assert_cmpstr (accord_partner_get_website (reloaded), ==, "northwind.example");
  g_assert_cmpstr (accord_partner_get_owner (reloaded), ==, "Sam");
  g_assert_cmpint (accord_partner_get_tier (reloaded), ==, ACCORD_TIER_PREMIUM);
  g_assert_cmpint (accord_partner_get_partnership_type (reloaded), ==,
                   ACCORD_PARTNERSHIP_TYPE_INTEGRATION);
  {
    const char *expected[] = { "emea", "partners", NULL };
    g_assert_cmpstrv (accord_partner_get_tags (reloaded), expected);
  }
}

static void
test_trash_restore_delete (void)
{
  g_autofree char *path = NULL;
  g_autoptr(AccordStore) store = open_new (&path);
  g_autoptr(AccordStore) again = NULL;
  g_autoptr(AccordPartner) a = add (store, "Alpha");
  g_autoptr(AccordPartner) b = add (store, "Beta");
  g_autoptr(GError) error = NULL;
  GListModel *partners = accord_store_get_partners (store);
  GListModel *trash = accord_store_get_trash (store);

  g_assert_true (accord_store_trash_partner (store, a, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 1);
  g_assert_nonnull (accord_partner_get_trashed_at (a));

  /* Trashing twice is refused; deleting a live partner is refused. */
  g_assert_false (accord_store_trash_partner (store, a, &error));
  g_clear_error (&error);
  g_assert_false (accord_store_delete_partner (store, b, &error));
  g_clear_error (&error);

  /* The trash survives a restart. */
  g_clear_object (&store);
  again = accord_store_open (path, ACCORD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_trash (again)), ==, 1);
  {
    g_autoptr(AccordPartner) t = g_list_model_get_item (accord_store_get_trash (again), 0);
    g_autoptr(AccordPartner) t2 = NULL;

    g_assert_cmpstr (accord_partner_get_name (t), ==, "Alpha");
    g_assert_true (accord_store_restore_partner (again, t, &error));
    g_assert_no_error (error);
    g_assert_null (accord_partner_get_trashed_at (t));
    g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (again)), ==, 2);

    t2 = g_list_model_get_item (accord_store_get_partners (again), 0);
    g_assert_true (accord_store_trash_partner (again, t2, &error));
    g_assert_true (accord_store_delete_partner (again, t2, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_trash (again)), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (again)), ==, 1);
    g_assert_true (accord_store_check (again, &error));
    g_assert_no_error (error);
  }
}

static void
test_contacts (void)
{
  g_autofree char *path = NULL;
  g_autoptr(AccordStore) store = open_new (&path);
  g_autoptr(AccordStore) again = NULL;
  g_autoptr(AccordPartner) partner = add (store, "Gamma");
  g_autoptr(AccordContact) dana = accord_contact_new ("Dana Reyes");
  g_autoptr(AccordContact) lee = accord_contact_new ("Lee Chen");
  g_autoptr(AccordContact) bad = accord_contact_new ("Bad Email");
  g_autoptr(GError) error = NULL;
  GListModel *contacts = accord_store_get_contacts (store, partner);

  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 0);

  accord_contact_set_email (dana, "dana@gamma.example");
  g_assert_true (accord_store_add_contact (store, partner, dana, &error));
  g_assert_no_error (error);
  /* The first contact becomes the primary one. */
  g_assert_true (accord_contact_get_is_primary (dana));
  g_assert_true (accord_store_add_contact (store, partner, lee, &error));
  g_assert_false (accord_contact_get_is_primary (lee));
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 2);

  accord_contact_set_email (bad, "nope");
  g_assert_false (accord_store_add_contact (store, partner, bad, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 2);

  g_assert_true (accord_store_set_primary_contact (store, lee, &error));
  g_assert_true (accord_contact_get_is_primary (lee));
  g_assert_false (accord_contact_get_is_primary (dana));
  /* The live list keeps the primary first, as a reload does. */
  {
    g_autoptr(AccordContact) first = g_list_model_get_item (contacts, 0);
    g_assert_true (first == lee);
  }

  g_assert_true (accord_store_set_contact_field (store, dana, ACCORD_CONTACT_FIELD_ROLE,
                                                 "Head of product", &error));
  g_assert_false (accord_store_set_contact_field (store, dana, ACCORD_CONTACT_FIELD_EMAIL,
                                                  "dana at gamma", &error));
  g_clear_error (&error);
  g_assert_cmpstr (accord_contact_get_email (dana), ==, "dana@gamma.example");

  /* Removing the primary hands the role on. */
  g_assert_true (accord_store_remove_contact (store, lee, &error));
  g_assert_no_error (error);
  g_assert_true (accord_contact_get_is_primary (dana));
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 1);
  g_assert_cmpint (accord_contact_get_id (lee), ==, 0);
  g_assert_cmpstr (accord_contact_get_name (lee), ==, "Lee Chen");

  g_clear_object (&store);
  again = accord_store_open (path, ACCORD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autoptr(AccordPartner) p = g_list_model_get_item (accord_store_get_partners (again), 0);
    GListModel *list = accord_store_get_contacts (again, p);
    g_autoptr(AccordContact) c = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
    c = g_list_model_get_item (list, 0);
    g_assert_cmpstr (accord_contact_get_name (c), ==, "Dana Reyes");
    g_assert_cmpstr (accord_contact_get_role (c), ==, "Head of product");
    g_assert_true (accord_contact_get_is_primary (c));
    g_assert_cmpuint (accord_store_count_contacts (again), ==, 1);
  }
}

static void
test_add_many_all_or_nothing (void)
{
  g_autoptr(AccordStore) store = open_new (NULL);
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (partners, accord_partner_new ("One"));
  g_ptr_array_add (partners, accord_partner_new ("Two"));
  g_ptr_array_add (partners, accord_partner_new (""));
  g_assert_false (accord_store_add_partners (store, partners, NULL, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (store)), ==, 0);
  g_assert_cmpint (accord_partner_get_id (partners->pdata[0]), ==, 0);
}

/* Refusals: the file must stay exactly as it was. */

static void
assert_refused (const char       *path,
                int               code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  AccordStore *store;
  gboolean is_file = g_file_test (path, G_FILE_TEST_IS_REGULAR);

  if (is_file)
    before = test_read_file (path);
  store = accord_store_open (path, ACCORD_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, ACCORD_STORE_ERROR, code);
  g_test_message ("refused: %s", error->message);
  g_assert_null (strchr (error->message, '\n'));
  if (is_file)
    {
      after = test_read_file (path);
      g_assert_true (g_bytes_equal (before, after));
    }
}

static void
test_refuse_garbage (void)
{
  g_autofree char *path = test_temp_path ("garbage.accord");
  char junk[4096];

  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = (char) (i * 7 + 3);
  test_write_file (path, junk, sizeof junk);
  assert_refused (path, ACCORD_STORE_ERROR_NOT_WORKSPACE);
}

static void
test_refuse_empty_and_folder (void)
{
  g_autofree char *path = test_temp_path ("empty.accord");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "place.accord", NULL);
  g_autoptr(GError) error = NULL;

  test_write_file (path, "", 0);
  assert_refused (path, ACCORD_STORE_ERROR_NOT_WORKSPACE);
  assert_refused (dir, ACCORD_STORE_ERROR_NOT_WORKSPACE);
  assert_refused (missing, ACCORD_STORE_ERROR_NOT_FOUND);

  /* Without CREATE a missing file is refused and not made. */
  g_assert_null (accord_store_open (missing, ACCORD_STORE_OPEN_DEFAULT, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND);
}

static void
test_refuse_newer_version (void)
{
  g_autofree char *path = NULL;
  g_autoptr(AccordStore) store = open_new (&path);
  g_autoptr(AccordPartner) p = add (store, "Keep Me");
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", ACCORD_SCHEMA_VERSION + 1);
  sqlite3 *db;

  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  /* Fold the WAL into the file so the byte comparison covers everything. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (path, ACCORD_STORE_ERROR_NEWER_VERSION);
}

static void
test_refuse_foreign_database (void)
{
  g_autofree char *path = test_temp_path ("other.sqlite");
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE songs (title TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (path, ACCORD_STORE_ERROR_NOT_WORKSPACE);
}

static void
test_refuse_read_only (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(AccordStore) store = open_new (&path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  int status = 0;
  pid_t pid;

  g_clear_object (&store);
  dir = g_path_get_dirname (path);
  g_chmod (dir, 0755);
  g_chmod (path, 0444);
  before = test_read_file (path);

  if (geteuid () != 0)
    {
      assert_refused (path, ACCORD_STORE_ERROR_READ_ONLY);
      return;
    }

  /* root may write to any file, so try as an ordinary user in a child. */
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;
      AccordStore *s;

      if (setgid (65534) != 0 || setuid (65534) != 0)
        _exit (3);
      s = accord_store_open (path, ACCORD_STORE_OPEN_CREATE, &error);
      _exit (s == NULL && g_error_matches (error, ACCORD_STORE_ERROR,
                                           ACCORD_STORE_ERROR_READ_ONLY) ? 0 : 1);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  if (WEXITSTATUS (status) == 3)
    {
      g_test_skip ("cannot switch to an ordinary user here");
      return;
    }
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  after = test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_refuse_truncated (void)
{
  g_autofree char *path = NULL;
  g_autoptr(AccordStore) store = open_new (&path);
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) whole = NULL;
  sqlite3 *db;

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *name = g_strdup_printf ("Partner %03u with a long enough name to fill pages", i);
      AccordPartner *p = accord_partner_new (name);
      accord_partner_set_notes (p, "Notes that take room, so the table spans many pages of the file.");
      g_ptr_array_add (partners, p);
    }
  g_assert_true (accord_store_add_partners (store, partners, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Fold the WAL in, then cut the file in half. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  whole = test_read_file (path);
  g_assert_cmpuint (g_bytes_get_size (whole), >, 16384);
  test_write_file (path, g_bytes_get_data (whole, NULL), g_bytes_get_size (whole) / 2);

  assert_refused (path, ACCORD_STORE_ERROR_CORRUPT);
}

static void
test_refuse_locked (void)
{
  g_autofree char *path = NULL;
  g_autoptr(AccordStore) store = open_new (&path);
  g_autoptr(AccordPartner) p = add (store, "Locked Ltd");
  sqlite3 *db;

  g_clear_object (&store);

  /* Another program holds the file exclusively; opening must give up
   * after the busy timeout with a clear reason, not hang. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  assert_refused (path, ACCORD_STORE_ERROR_BUSY);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/create-settings", test_create_settings);
  g_test_add_func ("/store/crud-and-reopen", test_crud_and_reopen);
  g_test_add_func ("/store/trash-restore-delete", test_trash_restore_delete);
  g_test_add_func ("/store/contacts", test_contacts);
  g_test_add_func ("/store/add-many-all-or-nothing", test_add_many_all_or_nothing);
  g_test_add_func ("/store/refuse/garbage", test_refuse_garbage);
  g_test_add_func ("/store/refuse/empty-folder-missing", test_refuse_empty_and_folder);
  g_test_add_func ("/store/refuse/newer-version", test_refuse_newer_version);
  g_test_add_func ("/store/refuse/foreign-database", test_refuse_foreign_database);
  g_test_add_func ("/store/refuse/read-only", test_refuse_read_only);
  g_test_add_func ("/store/refuse/truncated", test_refuse_truncated);
  g_test_add_func ("/store/refuse/locked", test_refuse_locked);

  return g_test_run ();
}
