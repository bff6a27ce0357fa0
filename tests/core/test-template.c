/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "accord-work.h"

/* Templates: merge fields, missing markers and mailto: links no merged
 * value can turn against the user. */

static const AccordMergeFields full = {
  .partner = "Bluepeak Studio",
  .first_name = "Ada",
  .email = "ada@bluepeak.example",
  .our_company = "Northwind",
  .benefits = "More leads\n- Shared events\n\n• A second channel\nA fourth one",
  .admire = "your studio series is the best in the field.",
  .proposal = "We bundle our two tools for agencies.",
  .launch_name = "Spring Bundle",
};

static gboolean
has_marker (const char *text)
{
  return strstr (text, accord_template_missing_prefix ()) != NULL;
}

static void
test_keys (void)
{
  for (guint i = 0; i < ACCORD_N_TEMPLATES; i++)
    {
      AccordTemplate t = ACCORD_N_TEMPLATES;

      g_assert_true (accord_template_from_key (accord_template_to_key (i), &t));
      g_assert_cmpint (t, ==, i);
      g_assert_cmpstr (accord_template_label (i), !=, "");
    }
  g_assert_cmpstr (accord_template_to_key (ACCORD_TEMPLATE_FOLLOW_UP_2), ==, "follow-up-2");
  g_assert_false (accord_template_from_key ("follow-up-4", NULL));
}

/* With every field known, no template has a marker or a brace left. */
static void
test_fill_complete (void)
{
  for (guint i = 0; i < ACCORD_N_TEMPLATES; i++)
    {
      g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
      AccordFilled filled = { NULL, NULL };

      accord_template_fill (i, &full, &filled, missing);
      g_assert_nonnull (filled.subject);
      g_assert_nonnull (filled.body);
      g_assert_cmpuint (missing->len, ==, 0);
      g_assert_false (has_marker (filled.subject));
      g_assert_false (has_marker (filled.body));
      g_assert_null (strchr (filled.subject, '{'));
      g_assert_null (strchr (filled.body, '{'));
      g_assert_null (strchr (filled.subject, '\n'));
      accord_filled_clear (&filled);
      g_assert_null (filled.subject);
      g_assert_null (filled.body);
    }
}

static void
test_fill_first_email (void)
{
  AccordFilled filled = { NULL, NULL };

  accord_template_fill (ACCORD_TEMPLATE_FIRST_EMAIL, &full, &filled, NULL);
  g_assert_cmpstr (filled.subject, ==, "Bluepeak Studio and Northwind: an idea");
  g_assert_true (g_str_has_prefix (filled.body, "Hi Ada,\n"));
  g_assert_nonnull (strstr (filled.body, "your studio series is the best"));
  g_assert_nonnull (strstr (filled.body, "We bundle our two tools"));
  g_assert_nonnull (strstr (filled.body, "20-minute call"));
  /* Three benefits at most, their own bullets dropped, blank lines skipped. */
  g_assert_nonnull (strstr (filled.body, "– More leads\n– Shared events\n– A second channel\n"));
  g_assert_null (strstr (filled.body, "A fourth one"));
  accord_filled_clear (&filled);

  accord_template_fill (ACCORD_TEMPLATE_ANNOUNCEMENT, &full, &filled, NULL);
  g_assert_cmpstr (filled.subject, ==, "Northwind and Bluepeak Studio announce Spring Bundle");
  accord_filled_clear (&filled);
}

static void
test_fill_missing (void)
{
  AccordMergeFields some = {
    .partner = "Bluepeak Studio",
    .first_name = "   ",        /* blank counts as missing */
    .our_company = NULL,
    .benefits = "\n \n",
    .admire = "",
  };
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  AccordFilled filled = { NULL, NULL };
  g_autofree char *marker = NULL;

  accord_template_fill (ACCORD_TEMPLATE_FIRST_EMAIL, &some, &filled, missing);

  marker = g_strconcat (accord_template_missing_prefix (), "our company",
                        accord_template_missing_suffix (), NULL);
  g_assert_cmpstr (marker, ==, "[missing: our company]");
  g_assert_cmpstr (filled.subject, ==, "Bluepeak Studio and [missing: our company]: an idea");
  g_assert_true (g_str_has_prefix (filled.body, "Hi [missing: contact’s first name],\n"));
  g_assert_nonnull (strstr (filled.body, "[missing: benefits for them]"));

  /* Each missing field once, in the order met; the partner is known. */
  g_assert_cmpuint (missing->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (missing, 0), ==, "our company");
  g_assert_cmpstr (g_ptr_array_index (missing, 1), ==, "contact’s first name");
  g_assert_cmpstr (g_ptr_array_index (missing, 2), ==, "what we admire about them");
  g_assert_cmpstr (g_ptr_array_index (missing, 3), ==, "our proposal");
  g_assert_cmpstr (g_ptr_array_index (missing, 4), ==, "benefits for them");
  accord_filled_clear (&filled);

  /* No fields at all: still a whole template, everything marked. */
  g_ptr_array_set_size (missing, 0);
  accord_template_fill (ACCORD_TEMPLATE_EXIT, NULL, &filled, missing);
  g_assert_true (has_marker (filled.subject));
  g_assert_cmpuint (missing->len, ==, 3);
  accord_filled_clear (&filled);
}

/* A value is merged once: braces and markers in it stay text, line
 * breaks in it go. */
static void
test_fill_hostile_values (void)
{
  AccordMergeFields hostile = full;
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  AccordFilled filled = { NULL, NULL };

  hostile.partner = "{benefits}\r\nBcc: eve@evil.example";
  hostile.first_name = "{our_company}";
  accord_template_fill (ACCORD_TEMPLATE_FIRST_EMAIL, &hostile, &filled, missing);
  g_assert_cmpstr (filled.subject, ==, "{benefits} Bcc: eve@evil.example and Northwind: an idea");
  g_assert_true (g_str_has_prefix (filled.body, "Hi {our_company},\n"));
  g_assert_null (strstr (filled.body, "\nBcc:"));
  g_assert_null (strchr (filled.subject, '\r'));
  g_assert_cmpuint (missing->len, ==, 0);
  accord_filled_clear (&filled);
}

static void
test_mailto_encoding (void)
{
  g_autofree char *uri = accord_mailto_build ("ada@bluepeak.example",
                                              "Hello & welcome?",
                                              "Line 1\nLine 2\r\n100% = 50% + 50%");
  g_autofree char *no_to = accord_mailto_build (NULL, "Hi", NULL);
  g_autofree char *empty = accord_mailto_build ("", NULL, NULL);
  g_autofree char *plus = accord_mailto_build ("ada+partners@bluepeak.example", "é", "");

  g_assert_cmpstr (uri, ==,
                   "mailto:ada@bluepeak.example?subject=Hello%20%26%20welcome%3F"
                   "&body=Line%201%0D%0ALine%202%0D%0A100%25%20%3D%2050%25%20%2B%2050%25");
  g_assert_cmpstr (no_to, ==, "mailto:?subject=Hi");
  g_assert_cmpstr (empty, ==, "mailto:");
  g_assert_cmpstr (plus, ==, "mailto:ada%2Bpartners@bluepeak.example?subject=%C3%A9");
}

/* Nothing a merged value or a stored address holds can add a header or a
 * recipient: the only "?" is ours, the only "&" separates our two fields,
 * and every "=" is one of ours. */
static void
test_mailto_hostile (void)
{
  static const char *const bad_to[] = {
    "ada@bluepeak.example?cc=eve@evil.example",
    "ada@bluepeak.example&bcc=eve@evil.example",
    "ada@bluepeak.example,eve@evil.example",
    "ada@bluepeak.example%0Abcc:eve@evil.example",
    "ada@bluepeak.example\nbcc: eve@evil.example",
    "ada@bluepeak.example\r\n",
    "ada@bluepeak.example eve@evil.example",
    "Ada <ada@bluepeak.example>",
    "ada@bluepeak.example;eve@evil.example",
    "ada@bluepeak.example#x",
    "not an address",
    "@evil.example",
  };
  static const char *const hostile[] = {
    "x?cc=eve@evil.example",
    "x&bcc=eve@evil.example",
    "x\r\nBcc: eve@evil.example",
    "x%0D%0ABcc:%20eve@evil.example",
    "a, eve@evil.example; other@evil.example",
    "#fragment=1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad_to); i++)
    {
      g_autofree char *uri = accord_mailto_build (bad_to[i], "s", "b");

      if (uri != NULL)
        g_error ("accepted “%s” as a recipient: %s", bad_to[i], uri);
    }

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *uri = accord_mailto_build ("ada@bluepeak.example", hostile[i], hostile[i]);
      const char *query;
      g_auto(GStrv) pairs = NULL;

      g_assert_nonnull (uri);
      g_assert_true (g_str_has_prefix (uri, "mailto:ada@bluepeak.example?subject="));
      query = strchr (uri, '?');
      g_assert_null (strchr (query + 1, '?'));
      g_assert_null (strchr (uri, ','));
      g_assert_null (strchr (uri, ';'));
      g_assert_null (strchr (uri, '#'));
      g_assert_null (strchr (uri, '\n'));
      g_assert_null (strchr (uri, '\r'));
      g_assert_null (strchr (uri, ' '));
      pairs = g_strsplit (query + 1, "&", -1);
      g_assert_cmpuint (g_strv_length (pairs), ==, 2);
      g_assert_true (g_str_has_prefix (pairs[0], "subject="));
      g_assert_true (g_str_has_prefix (pairs[1], "body="));
      g_assert_null (strchr (pairs[0] + strlen ("subject="), '='));
      g_assert_null (strchr (pairs[1] + strlen ("body="), '='));
      /* A "%" the user typed is itself encoded, so "%0A" stays text. */
      g_assert_null (strstr (uri, "%0A%0D"));
      /* The subject is one line even when the value held breaks. */
      g_assert_null (strstr (pairs[0], "%0A"));
      g_assert_null (strstr (pairs[0], "%0D"));
    }

  /* The round trip: what the mail client decodes is what we merged. */
  {
    g_autofree char *uri = accord_mailto_build ("ada@bluepeak.example", "a%0Ab", "x&y=z\nw");
    g_auto(GStrv) pairs = g_strsplit (strchr (uri, '?') + 1, "&", -1);
    g_autofree char *subject = g_uri_unescape_string (pairs[0] + strlen ("subject="), NULL);
    g_autofree char *body = g_uri_unescape_string (pairs[1] + strlen ("body="), NULL);

    g_assert_cmpstr (subject, ==, "a%0Ab");
    g_assert_cmpstr (body, ==, "x&y=z\r\nw");
  }
}

/* A filled template from hostile fields, all the way to the link. */
static void
test_mailto_from_template (void)
{
  AccordMergeFields hostile = full;
  AccordFilled filled = { NULL, NULL };
  g_autofree char *uri = NULL;

  hostile.partner = "Evil?cc=eve@evil.example&bcc=eve@evil.example\r\nCc: eve@evil.example";
  hostile.first_name = "%0D%0ABcc: eve@evil.example, mallory@evil.example";
  accord_template_fill (ACCORD_TEMPLATE_FOLLOW_UP_1, &hostile, &filled, NULL);
  uri = accord_mailto_build (full.email, filled.subject, filled.body);
  g_assert_nonnull (uri);
  g_assert_null (strchr (strchr (uri, '?') + 1, '?'));
  g_assert_null (strstr (uri, "&bcc="));
  g_assert_null (strstr (uri, "&cc="));
  g_assert_null (strchr (uri, ','));
  {
    g_auto(GStrv) pairs = g_strsplit (strchr (uri, '?') + 1, "&", -1);
    g_assert_cmpuint (g_strv_length (pairs), ==, 2);
  }
  accord_filled_clear (&filled);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/template/keys", test_keys);
  g_test_add_func ("/template/fill-complete", test_fill_complete);
  g_test_add_func ("/template/fill-first-email", test_fill_first_email);
  g_test_add_func ("/template/fill-missing", test_fill_missing);
  g_test_add_func ("/template/fill-hostile", test_fill_hostile_values);
  g_test_add_func ("/template/mailto-encoding", test_mailto_encoding);
  g_test_add_func ("/template/mailto-hostile", test_mailto_hostile);
  g_test_add_func ("/template/mailto-from-template", test_mailto_from_template);

  return g_test_run ();
}
