/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "accord-search.h"
#include "test-helpers.h"

static AccordStore *
open_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_temp_path ("work.accord");
  AccordStore *store = accord_store_open (path, ACCORD_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static AccordPartner *
add (AccordStore *store,
     const char  *name,
     const char  *website,
     const char  *tags,
     const char  *contact_name,
     const char  *contact_email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  AccordPartner *partner = accord_partner_new (name);

  if (website != NULL)
    accord_partner_set_website (partner, website);
  if (tags != NULL)
    {
      g_auto(GStrv) parsed = accord_tags_parse (tags);
      accord_partner_set_tags (partner, (const char * const *) parsed);
    }
  if (contact_name != NULL)
    {
      AccordContact *contact = accord_contact_new (contact_name);

      if (contact_email != NULL)
        accord_contact_set_email (contact, contact_email);
      g_ptr_array_add (contacts, contact);
    }
  g_assert_true (accord_store_add_partner (store, partner, contacts, &error));
  g_assert_no_error (error);
  return partner;
}

/* The names of the partners found, in order, joined by "|". */
static char *
search (AccordStore *store,
        const char  *query,
        GArray      *within,
        guint        max)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) terms = g_strsplit (query, " ", -1);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  ids = accord_store_search_partners (store, (const char * const *) terms, within, max, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ids);
  for (guint i = 0; i < ids->len; i++)
    {
      AccordPartner *partner = accord_store_lookup_partner (store,
                                                            g_array_index (ids, gint64, i));

      g_assert_nonnull (partner);
      if (i > 0)
        g_string_append_c (names, '|');
      g_string_append (names, accord_partner_get_name (partner));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
test_fold (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "Café Lumière", "cafe lumiere" },
    { "CAFE", "cafe" },
    { "Straße", "strasse" },
    { "ﬁne", "fine" },                /* a ligature decomposes */
    { "Ørsted", "ørsted" },           /* a letter of its own, not an accent */
    { "東京", "東京" },                /* other scripts are kept */
    { "", "" },
    { NULL, "" },
    { "\xff\xfe", "" },               /* not UTF-8 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = accord_search_fold (cases[i].in);
      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

static void
test_fields (void)
{
  g_autoptr(AccordStore) store = open_new ();
  g_autoptr(AccordPartner) a = add (store, "Café Lumière", "https://www.lumiere-roasters.example/shop",
                                    "coffee, paris", "Dana Reyes", "dana@beans.example");
  g_autoptr(AccordPartner) b = add (store, "Northwind Analytics", "northwind.example",
                                    "software", NULL, NULL);
  g_autoptr(AccordPartner) c = add (store, "Amberfield Freight", NULL, "logistics, coffee",
                                    "Sam Okafor", NULL);
  const struct { const char *query, *expected; } cases[] = {
    { "cafe", "Café Lumière" },                         /* accents and case ignored */
    { "LUMIÈRE", "Café Lumière" },
    { "roasters", "Café Lumière" },                     /* website */
    { "lumiere-roasters.example", "Café Lumière" },     /* domain */
    { "coffee", "Amberfield Freight|Café Lumière" },    /* tag; by name */
    { "reyes", "Café Lumière" },                        /* contact name */
    { "beans.example", "Café Lumière" },                /* contact email */
    { "okafor", "Amberfield Freight" },
    { "coffee paris", "Café Lumière" },                 /* every term must match */
    { "coffee software", "" },
    { "northwind", "Northwind Analytics" },
    { "zzz", "" },
    { "", "" },                                         /* no term, no result */
    { "  ", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *found = search (store, cases[i].query, NULL, 0);
      g_test_message ("query “%s”", cases[i].query);
      g_assert_cmpstr (found, ==, cases[i].expected);
    }
}

static void
test_rank_and_cap (void)
{
  g_autoptr(AccordStore) store = open_new ();
  const char *names[] = { "Blue Harbor", "Harbor Lights", "Harborview", "Zeta",
                          "Anchor Co" };
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *all = NULL;
  g_autofree char *capped = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (partners, add (store, names[i], NULL,
                                    i == 3 || i == 4 ? "harbor" : NULL, NULL, NULL));

  /* Names starting with the term, then names containing it, then the
   * partners that only match elsewhere (here a tag); by name within each. */
  all = search (store, "harbor", NULL, 0);
  g_assert_cmpstr (all, ==, "Harbor Lights|Harborview|Blue Harbor|Anchor Co|Zeta");
  capped = search (store, "harbor", NULL, 2);
  g_assert_cmpstr (capped, ==, "Harbor Lights|Harborview");
}

static void
test_trash_and_within (void)
{
  g_autoptr(AccordStore) store = open_new ();
  g_autoptr(AccordPartner) a = add (store, "Copperleaf Press", NULL, NULL, "Ana Lopez", NULL);
  g_autoptr(AccordPartner) b = add (store, "Copper Kettle", NULL, NULL, NULL, NULL);
  g_autoptr(AccordPartner) c = add (store, "Copperline", NULL, NULL, NULL, NULL);
  g_autoptr(GArray) within = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 id;
  char *found;

  found = search (store, "copper", NULL, 0);
  g_assert_cmpstr (found, ==, "Copper Kettle|Copperleaf Press|Copperline");
  g_free (found);

  /* Trashed partners and their contacts are not found. */
  g_assert_true (accord_store_trash_partner (store, a, &error));
  g_assert_no_error (error);
  found = search (store, "copper", NULL, 0);
  g_assert_cmpstr (found, ==, "Copper Kettle|Copperline");
  g_free (found);
  found = search (store, "lopez", NULL, 0);
  g_assert_cmpstr (found, ==, "");
  g_free (found);

  /* Back from the trash, found again. */
  g_assert_true (accord_store_restore_partner (store, a, &error));
  g_assert_no_error (error);
  found = search (store, "lopez", NULL, 0);
  g_assert_cmpstr (found, ==, "Copperleaf Press");
  g_free (found);

  /* A narrower search keeps to the partners found before. */
  id = accord_partner_get_id (c);
  g_array_append_val (within, id);
  id = accord_partner_get_id (a);
  g_array_append_val (within, id);
  found = search (store, "copper", within, 0);
  g_assert_cmpstr (found, ==, "Copperleaf Press|Copperline");
  g_free (found);
  found = search (store, "copper line", within, 0);
  g_assert_cmpstr (found, ==, "Copperline");
  g_free (found);
  g_array_set_size (within, 0);
  found = search (store, "copper", within, 0);
  g_assert_cmpstr (found, ==, "");
  g_free (found);
}

static void
test_renamed (void)
{
  g_autoptr(AccordStore) store = open_new ();
  g_autoptr(AccordPartner) a = add (store, "Old Name", NULL, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (accord_store_set_partner_field (store, a, ACCORD_PARTNER_FIELD_NAME,
                                                 "Fresh Ñame", &error));
  g_assert_no_error (error);
  before = search (store, "old", NULL, 0);
  after = search (store, "name", NULL, 0);
  g_assert_cmpstr (before, ==, "");
  g_assert_cmpstr (after, ==, "Fresh Ñame");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/search/fold", test_fold);
  g_test_add_func ("/search/fields", test_fields);
  g_test_add_func ("/search/rank-and-cap", test_rank_and_cap);
  g_test_add_func ("/search/trash-and-within", test_trash_and_within);
  g_test_add_func ("/search/renamed", test_renamed);

  return g_test_run ();
}
