/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-demo.h"
#include "accord-json.h"
#include "accord-store.h"
#include "accord-validate.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

static char *tmp_dir;
static guint n_workspaces;

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* A path for a new workspace that no other test uses. */
static char *
new_workspace_path (void)
{
  g_autofree char *name = g_strdup_printf ("demo-%u.accord", ++n_workspaces);

  return g_build_filename (tmp_dir, name, NULL);
}

static AccordStore *
make_demo_store (guint   n_partners,
                 guint64 seed)
{
  g_autofree char *path = new_workspace_path ();
  g_autoptr(GError) error = NULL;
  AccordStore *store;

  g_assert_true (accord_demo_write (path, n_partners, seed, NULL, &error));
  g_assert_no_error (error);

  store = accord_store_open (path, ACCORD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  return store;
}

static void
strip_volatile_members (JsonObject *object)
{
  json_object_remove_member (object, "id");
  json_object_remove_member (object, "created_at");
  json_object_remove_member (object, "updated_at");
}

/* The dump without what differs between two stores holding the same data
 * (row ids and the moments of writing). */
static char *
dump_without_ids (AccordStore *store)
{
  g_autofree char *json = accord_json_dump_partners (store, FALSE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *partners;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  partners = json_node_get_array (json_parser_get_root (parser));

  for (guint i = 0; i < json_array_get_length (partners); i++)
    {
      JsonObject *partner = json_array_get_object_element (partners, i);
      JsonArray *contacts = json_object_get_array_member (partner, "contacts");

      strip_volatile_members (partner);
      for (guint j = 0; j < json_array_get_length (contacts); j++)
        strip_volatile_members (json_array_get_object_element (contacts, j));
    }

  json_generator_set_root (generator, json_parser_get_root (parser));
  return json_generator_to_data (generator, NULL);
}

static void
test_same_seed_same_data (void)
{
  g_autoptr(AccordStore) a = make_demo_store (60, 42);
  g_autoptr(AccordStore) b = make_demo_store (60, 42);
  g_autofree char *dump_a = dump_without_ids (a);
  g_autofree char *dump_b = dump_without_ids (b);

  g_assert_cmpstr (dump_a, ==, dump_b);
}

static void
test_different_seed_different_data (void)
{
  /* Seeds that differ only in the high 32 bits must differ too. */
  const guint64 seeds[] = { 1, 2, G_GUINT64_CONSTANT (1) << 32 | 1 };
  g_autoptr(GPtrArray) dumps = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autoptr(AccordStore) store = make_demo_store (30, seeds[i]);

      g_ptr_array_add (dumps, dump_without_ids (store));
    }

  for (guint i = 0; i < dumps->len; i++)
    for (guint j = i + 1; j < dumps->len; j++)
      g_assert_false (g_str_equal (g_ptr_array_index (dumps, i), g_ptr_array_index (dumps, j)));
}

static void
check_partners (AccordStore *store,
                guint        expected)
{
  GListModel *partners = accord_store_get_partners (store);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_types_seen = 0;
  gboolean type_seen[ACCORD_N_PARTNERSHIP_TYPES] = { FALSE, };

  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, expected);

  for (guint i = 0; i < expected; i++)
    {
      g_autoptr(AccordPartner) partner = g_list_model_get_item (partners, i);
      g_autoptr(GError) error = NULL;
      GListModel *contacts = accord_store_get_contacts (store, partner);
      guint n_contacts = g_list_model_get_n_items (contacts);
      guint n_primary = 0;
      g_autofree char *folded = g_utf8_casefold (accord_partner_get_name (partner), -1);

      /* Realistic: every field a person would fill in is filled in. */
      g_assert_true (accord_validate_partner (partner, &error));
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (accord_partner_get_website (partner), "https://"));
      g_assert_true (g_str_has_suffix (accord_partner_get_website (partner), ".example"));
      g_assert_cmpstr (accord_partner_get_description (partner), !=, "");
      g_assert_cmpstr (accord_partner_get_why_fit (partner), !=, "");
      g_assert_cmpstr (accord_partner_get_owner (partner), !=, "");
      g_assert_nonnull (accord_partner_get_tags (partner)[0]);
      g_assert_cmpint (accord_partner_get_source (partner), !=, ACCORD_SOURCE_UNSET);
      g_assert_cmpint (accord_partner_get_position (partner), !=, ACCORD_POSITION_UNSET);
      g_assert_cmpint (accord_partner_get_partnership_type (partner), !=,
                       ACCORD_PARTNERSHIP_TYPE_UNSET);
      if (!type_seen[accord_partner_get_partnership_type (partner)])
        n_types_seen++;
      type_seen[accord_partner_get_partnership_type (partner)] = TRUE;

      /* Names are unique in the workspace. */
      g_assert_false (g_hash_table_contains (names, folded));
      g_hash_table_add (names, g_steal_pointer (&folded));

      g_assert_cmpuint (n_contacts, >=, 1);
      g_assert_cmpuint (n_contacts, <=, 3);
      for (guint j = 0; j < n_contacts; j++)
        {
          g_autoptr(AccordContact) contact = g_list_model_get_item (contacts, j);
          const char *email = accord_contact_get_email (contact);

          g_assert_true (accord_validate_contact (contact, &error));
          g_assert_no_error (error);
          g_assert_true (g_str_has_suffix (email, ".example"));
          g_assert_true (g_str_has_prefix (accord_contact_get_phone (contact), "+1 555 01"));
          g_assert_cmpstr (accord_contact_get_role (contact), !=, "");
          if (accord_contact_get_is_primary (contact))
            n_primary++;
        }
      g_assert_cmpuint (n_primary, ==, 1);
    }

  /* The data is varied, not one partner copied. */
  if (expected >= 50)
    g_assert_cmpuint (n_types_seen, >=, 6);
}

static void
test_partners_and_contacts (void)
{
  g_autoptr(AccordStore) store = make_demo_store (80, 7);

  check_partners (store, 80);
}

static void
test_batches_and_unique_names (void)
{
  /* More than two batches of 500, and far more partners than name
   * combinations drawn without repeats, so the suffixes are exercised. */
  g_autoptr(AccordStore) store = make_demo_store (1234, 3);

  check_partners (store, 1234);
}

static void
test_fill_keeps_names_unique (void)
{
  g_autofree char *path = new_workspace_path ();
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = accord_store_open (path, ACCORD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  /* The same seed twice would draw the same names: the second round must
   * notice the names already in the workspace. */
  g_assert_true (accord_demo_fill (store, 40, 9, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (accord_demo_fill (store, 40, 9, NULL, &error));
  g_assert_no_error (error);

  check_partners (store, 80);
}

static void
test_write_refuses_workspace_with_partners (void)
{
  g_autofree char *path = new_workspace_path ();
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_demo_write (path, 5, 1, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (accord_demo_write (path, 5, 1, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);

  store = accord_store_open (path, ACCORD_STORE_OPEN_DEFAULT, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (store)), ==, 5);
}

static void
test_write_refuses_other_file (void)
{
  static const char garbage[] = "this is not a workspace\n";
  g_autofree char *path = new_workspace_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (g_file_set_contents (path, garbage, -1, &error));
  g_assert_no_error (error);

  g_assert_false (accord_demo_write (path, 5, 1, NULL, &error));
  g_assert_nonnull (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, garbage, sizeof garbage - 1);
}

static void
test_cancelled (void)
{
  g_autofree char *path = new_workspace_path ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = accord_store_open (path, ACCORD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  g_cancellable_cancel (cancellable);
  g_assert_false (accord_demo_fill (store, 10, 1, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (store)), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tmp_dir = g_dir_make_tmp ("accord-test-demo-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/demo/same-seed-same-data", test_same_seed_same_data);
  g_test_add_func ("/demo/different-seed-different-data", test_different_seed_different_data);
  g_test_add_func ("/demo/partners-and-contacts", test_partners_and_contacts);
  g_test_add_func ("/demo/batches-and-unique-names", test_batches_and_unique_names);
  g_test_add_func ("/demo/fill-keeps-names-unique", test_fill_keeps_names_unique);
  g_test_add_func ("/demo/write-refuses-workspace-with-partners",
                   test_write_refuses_workspace_with_partners);
  g_test_add_func ("/demo/write-refuses-other-file", test_write_refuses_other_file);
  g_test_add_func ("/demo/cancelled", test_cancelled);

  status = g_test_run ();

  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
