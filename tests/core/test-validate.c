/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "accord-partner-private.h"
#include "accord-store.h"
#include "accord-validate.h"

#include <locale.h>
#include <string.h>

typedef struct
{
  const char *text;
  gboolean valid;
} Case;

static void
test_email (void)
{
  const Case cases[] = {
    { "dana@northwind.example", TRUE },
    { "first.last+tag@sub.example.co.uk", TRUE },
    { "émile@café.example", TRUE },
    { "not-an-email", FALSE },
    { "@example.com", FALSE },
    { "dana@", FALSE },
    { "dana@localhost", FALSE },
    { "dana@@example.com", FALSE },
    { "da na@example.com", FALSE },
    { "dana@example..com", FALSE },
    { ".dana@example.com", FALSE },
    { "dana@-example.com", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = accord_validate_email (cases[i].text, &error);

      g_test_message ("email %s", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].valid);
      if (!ok)
        g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
      else
        g_assert_no_error (error);
    }
}

static void
test_url (void)
{
  const Case cases[] = {
    { "example.com", TRUE },
    { "https://example.com/partners?x=1", TRUE },
    { "http://sub.example.org", TRUE },
    { "HTTPS://EXAMPLE.COM", TRUE },
    { "ftp://example.com", FALSE },
    { "javascript:alert(1)", FALSE },
    { "example", FALSE },
    { "https://", FALSE },
    { "exa mple.com", FALSE },
    { "https://exa_mple.com", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("url %s", cases[i].text);
      g_assert_cmpint (accord_validate_url (cases[i].text, &error), ==, cases[i].valid);
      g_assert_true ((error != NULL) == !cases[i].valid);
    }
}

static void
test_partner_fields (void)
{
  g_autofree char *long_name = g_strnfill (ACCORD_MAX_NAME_LENGTH + 1, 'x');
  g_autofree char *max_name = g_strnfill (ACCORD_MAX_NAME_LENGTH, 'x');
  g_autofree char *long_notes = g_strnfill (ACCORD_MAX_NOTES_LENGTH + 1, 'n');
  g_autoptr(GError) error = NULL;

  g_assert_false (accord_validate_partner_field (ACCORD_PARTNER_FIELD_NAME, "   ", &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A partner needs a name");
  g_clear_error (&error);

  g_assert_false (accord_validate_partner_field (ACCORD_PARTNER_FIELD_NAME, long_name, &error));
  g_assert_nonnull (strstr (error->message, "too long"));
  g_clear_error (&error);
  g_assert_true (accord_validate_partner_field (ACCORD_PARTNER_FIELD_NAME, max_name, NULL));

  /* Length counts characters, not bytes. */
  {
    GString *accented = g_string_new (NULL);
    for (int i = 0; i < ACCORD_MAX_NAME_LENGTH; i++)
      g_string_append (accented, "é");
    g_assert_true (accord_validate_partner_field (ACCORD_PARTNER_FIELD_NAME, accented->str, NULL));
    g_string_free (accented, TRUE);
  }

  g_assert_true (accord_validate_partner_field (ACCORD_PARTNER_FIELD_WEBSITE, "", NULL));
  g_assert_false (accord_validate_partner_field (ACCORD_PARTNER_FIELD_WEBSITE, "not a site", NULL));
  g_assert_false (accord_validate_partner_field (ACCORD_PARTNER_FIELD_NOTES, long_notes, NULL));
  g_assert_false (accord_validate_partner_field (ACCORD_PARTNER_FIELD_TIER, "gold", &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (accord_validate_partner_field (ACCORD_PARTNER_FIELD_TIER, "premium", NULL));
  g_assert_false (accord_validate_partner_field (ACCORD_PARTNER_FIELD_NAME, "\xff\xfe", NULL));
}

static void
test_contact_fields (void)
{
  g_autoptr(AccordContact) contact = accord_contact_new ("Dana");

  g_assert_false (accord_validate_contact_field (ACCORD_CONTACT_FIELD_NAME, "", NULL));
  g_assert_true (accord_validate_contact_field (ACCORD_CONTACT_FIELD_EMAIL, "", NULL));
  g_assert_false (accord_validate_contact_field (ACCORD_CONTACT_FIELD_EMAIL, "dana", NULL));
  g_assert_false (accord_validate_contact_field (ACCORD_CONTACT_FIELD_PROFILE_URL, "nope", NULL));
  g_assert_true (accord_validate_contact (contact, NULL));
  accord_contact_set_email (contact, "dana at example");
  g_assert_false (accord_validate_contact (contact, NULL));
}

/* The cached sort key orders names regardless of case and follows a
 * rename. */
static void
test_sort_key (void)
{
  g_autoptr(AccordPartner) alpha = accord_partner_new ("alpha Studio");
  g_autoptr(AccordPartner) beta = accord_partner_new ("Beta Labs");
  g_autoptr(AccordPartner) same = accord_partner_new ("ALPHA studio");

  g_assert_cmpint (strcmp (accord_partner_get_sort_key (alpha), accord_partner_get_sort_key (beta)), <, 0);
  g_assert_cmpstr (accord_partner_get_sort_key (alpha), ==, accord_partner_get_sort_key (same));

  accord_partner_set_name (alpha, "Zeta Works");
  g_assert_cmpint (strcmp (accord_partner_get_sort_key (alpha), accord_partner_get_sort_key (beta)), >, 0);
  accord_partner_set_field_text (beta, ACCORD_PARTNER_FIELD_NAME, "Zulu");
  g_assert_cmpint (strcmp (accord_partner_get_sort_key (alpha), accord_partner_get_sort_key (beta)), <, 0);
}

/* The quick path for ASCII names gives GLib's own key of the folded name,
 * in every locale at hand. */
static void
test_sort_key_same_as_glib (void)
{
  const char *locales[] = { "C.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8", "en_US.UTF-8" };
  const char *names[] = {
    "Northwind", "northwind", "NORTHWIND 2", "Acme, Inc.", "O'Brien & Sons", "a-b c_d",
    "  spaced  ", "Zeta", "zeta", "10 Downing", "9 Lives", "", "Ünïcode Ltd", "Café",
    "Straße", "ÅNGSTRÖM",
  };
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  guint tried = 0;

  for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
    {
      if (setlocale (LC_ALL, locales[l]) == NULL)
        continue;
      tried++;
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *folded = g_utf8_casefold (names[i], -1);
          g_autofree char *expected = g_utf8_collate_key (folded, -1);
          g_autofree char *key = _accord_partner_make_sort_key (names[i]);

          g_assert_cmpstr (key, ==, expected);
        }
    }
  setlocale (LC_ALL, saved);
  g_assert_cmpuint (tried, >, 0);
}

/* The cached search key folds case and composed characters, and follows
 * a rename. */
static void
test_search_key (void)
{
  g_autoptr(AccordPartner) partner = accord_partner_new ("Café Nordlicht");
  g_autofree char *query = accord_partner_fold_for_search ("CAFE\xcc\x81 NORD");
  g_autofree char *other = accord_partner_fold_for_search ("atelier");

  g_assert_nonnull (strstr (accord_partner_get_search_key (partner), query));
  g_assert_null (strstr (accord_partner_get_search_key (partner), other));
  accord_partner_set_name (partner, "Atelier Sud");
  g_assert_nonnull (strstr (accord_partner_get_search_key (partner), other));
  g_assert_null (strstr (accord_partner_get_search_key (partner), query));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/validate/email", test_email);
  g_test_add_func ("/validate/url", test_url);
  g_test_add_func ("/validate/partner-fields", test_partner_fields);
  g_test_add_func ("/validate/contact-fields", test_contact_fields);
  g_test_add_func ("/validate/sort-key", test_sort_key);
  g_test_add_func ("/validate/sort-key-same-as-glib", test_sort_key_same_as_glib);
  g_test_add_func ("/validate/search-key", test_search_key);

  return g_test_run ();
}
