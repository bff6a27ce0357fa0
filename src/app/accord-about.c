/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "accord-about.h"

/* From the resources data/meson.build compiles (--manual-register: a
 * static library would drop the automatic constructor). */
void accord_metainfo_register_resource (void);

void
accord_about_ensure_resources (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      accord_metainfo_register_resource ();
      g_once_init_leave (&done, 1);
    }
}

/* A field in the best language found so far. */
typedef struct
{
  char *text;
  int rank;        /* index in g_get_language_names (); G_MAXINT untranslated */
} Field;

typedef enum
{
  FIELD_ID,
  FIELD_NAME,
  FIELD_SUMMARY,
  FIELD_DEVELOPER,
  FIELD_LICENSE,
  N_FIELDS
} FieldId;

typedef struct
{
  GPtrArray *path;               /* element names from the root */
  Field fields[N_FIELDS];
  int field;                     /* the field being read, or -1 */
  int field_rank;
  GString *text;
  GHashTable *urls;              /* type -> url */
  char *url_type;
  gboolean in_release;           /* inside the first <release> */
  gboolean release_seen;
  char *release_version;
  gboolean in_notes;             /* inside its <description> */
  GString *notes;                /* release notes as AdwAboutWindow markup */
  gsize block_start;             /* where the current <p> or <li> began */
  gsize plain_start;             /* where the last untranslated block began */
  int block_rank;
  int plain_rank;                /* the best rank that replaced it */
  gboolean skip_block;
} Parser;

static int
language_rank (const char *lang)
{
  const char * const *names = g_get_language_names ();

  if (lang == NULL)
    return G_MAXINT;
  for (int i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (names[i], "C") != 0 && strcmp (names[i], lang) == 0)
      return i;
  return -1;   /* another language: not shown */
}

static const char *
lang_of (const char **names,
         const char **values)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], "xml:lang") == 0)
      return values[i];
  return NULL;
}

static const char *
attribute (const char **names,
           const char **values,
           const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], wanted) == 0)
      return values[i];
  return NULL;
}

static gboolean
path_is (Parser     *parser,
         const char *a,
         const char *b,
         const char *c)
{
  const char *want[] = { a, b, c };
  guint n = c != NULL ? 3 : b != NULL ? 2 : 1;

  if (parser->path->len != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (strcmp (g_ptr_array_index (parser->path, i), want[i]) != 0)
      return FALSE;
  return TRUE;
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  Parser *parser = user_data;
  const char *lang = lang_of (names, values);

  g_ptr_array_add (parser->path, g_strdup (element));

  if (parser->in_notes)
    {
      if (strcmp (element, "p") == 0 || strcmp (element, "li") == 0)
        {
          parser->block_rank = language_rank (lang);
          parser->skip_block = parser->block_rank < 0 ||
                               (parser->block_rank != G_MAXINT &&
                                parser->block_rank >= parser->plain_rank);
          if (!parser->skip_block && parser->block_rank != G_MAXINT)
            {
              /* A better translation of the block just read replaces it. */
              g_string_truncate (parser->notes, parser->plain_start);
              parser->plain_rank = parser->block_rank;
            }
          parser->block_start = parser->notes->len;
          if (parser->block_rank == G_MAXINT)
            {
              parser->plain_start = parser->notes->len;
              parser->plain_rank = G_MAXINT;
            }
        }
      if (!parser->skip_block)
        {
          if (strcmp (element, "p") == 0 || strcmp (element, "li") == 0 ||
              strcmp (element, "ul") == 0 || strcmp (element, "ol") == 0 ||
              strcmp (element, "em") == 0 || strcmp (element, "code") == 0)
            g_string_append_printf (parser->notes, "<%s>", element);
        }
      return;
    }

  if (path_is (parser, "component", "id", NULL))
    parser->field = FIELD_ID;
  else if (path_is (parser, "component", "name", NULL))
    parser->field = FIELD_NAME;
  else if (path_is (parser, "component", "summary", NULL))
    parser->field = FIELD_SUMMARY;
  else if (path_is (parser, "component", "developer_name", NULL) ||
           path_is (parser, "component", "developer", "name"))
    parser->field = FIELD_DEVELOPER;
  else if (path_is (parser, "component", "project_license", NULL))
    parser->field = FIELD_LICENSE;
  else if (path_is (parser, "component", "url", NULL))
    {
      g_free (parser->url_type);
      parser->url_type = g_strdup (attribute (names, values, "type"));
      g_string_truncate (parser->text, 0);
    }
  else if (path_is (parser, "component", "releases", "release") && !parser->release_seen)
    {
      parser->in_release = TRUE;
      parser->release_seen = TRUE;
      parser->release_version = g_strdup (attribute (names, values, "version"));
    }
  else if (parser->in_release && parser->path->len == 4 && strcmp (element, "description") == 0)
    {
      parser->in_notes = TRUE;
      parser->skip_block = FALSE;
      parser->plain_rank = G_MAXINT;
    }

  if (parser->field >= 0)
    {
      parser->field_rank = language_rank (lang);
      g_string_truncate (parser->text, 0);
    }
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  Parser *parser = user_data;

  if (parser->in_notes)
    {
      if (strcmp (element, "description") == 0 && parser->path->len == 4)
        parser->in_notes = FALSE;
      else if (!parser->skip_block &&
               (strcmp (element, "p") == 0 || strcmp (element, "li") == 0 ||
                strcmp (element, "ul") == 0 || strcmp (element, "ol") == 0 ||
                strcmp (element, "em") == 0 || strcmp (element, "code") == 0))
        g_string_append_printf (parser->notes, "</%s>", element);
      if (strcmp (element, "p") == 0 || strcmp (element, "li") == 0)
        parser->skip_block = FALSE;
    }
  else if (parser->field >= 0)
    {
      Field *field = &parser->fields[parser->field];

      if (parser->field_rank >= 0 && (field->text == NULL || parser->field_rank < field->rank))
        {
          g_free (field->text);
          field->text = g_strstrip (g_strdup (parser->text->str));
          field->rank = parser->field_rank;
        }
      parser->field = -1;
    }
  else if (parser->url_type != NULL && path_is (parser, "component", "url", NULL))
    {
      g_hash_table_replace (parser->urls, g_steal_pointer (&parser->url_type),
                            g_strstrip (g_strdup (parser->text->str)));
    }
  else if (parser->in_release && path_is (parser, "component", "releases", "release"))
    parser->in_release = FALSE;

  g_ptr_array_remove_index (parser->path, parser->path->len - 1);
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  Parser *parser = user_data;

  if (parser->in_notes)
    {
      const char *inner = g_ptr_array_index (parser->path, parser->path->len - 1);

      /* Text belongs in blocks; what lies between them is layout. */
      if (!parser->skip_block && parser->path->len > 4 &&
          strcmp (inner, "ul") != 0 && strcmp (inner, "ol") != 0)
        {
          g_autofree char *escaped = g_markup_escape_text (text, length);
          g_string_append (parser->notes, escaped);
        }
    }
  else if (parser->field >= 0 || parser->url_type != NULL)
    g_string_append_len (parser->text, text, length);
}

static GtkLicense
license_type (const char *spdx)
{
  const struct { const char *id; GtkLicense type; } licenses[] = {
    { "GPL-2.0-or-later", GTK_LICENSE_GPL_2_0 },
    { "GPL-2.0+", GTK_LICENSE_GPL_2_0 },
    { "GPL-2.0-only", GTK_LICENSE_GPL_2_0_ONLY },
    { "GPL-3.0-or-later", GTK_LICENSE_GPL_3_0 },
    { "GPL-3.0+", GTK_LICENSE_GPL_3_0 },
    { "GPL-3.0-only", GTK_LICENSE_GPL_3_0_ONLY },
    { "LGPL-2.1-or-later", GTK_LICENSE_LGPL_2_1 },
    { "LGPL-2.1-only", GTK_LICENSE_LGPL_2_1_ONLY },
    { "LGPL-3.0-or-later", GTK_LICENSE_LGPL_3_0 },
    { "LGPL-3.0-only", GTK_LICENSE_LGPL_3_0_ONLY },
    { "AGPL-3.0-or-later", GTK_LICENSE_AGPL_3_0 },
    { "AGPL-3.0-only", GTK_LICENSE_AGPL_3_0_ONLY },
    { "MIT", GTK_LICENSE_MIT_X11 },
    { "BSD-3-Clause", GTK_LICENSE_BSD_3 },
    { "Apache-2.0", GTK_LICENSE_APACHE_2_0 },
    { "MPL-2.0", GTK_LICENSE_MPL_2_0 },
  };

  for (guint i = 0; spdx != NULL && i < G_N_ELEMENTS (licenses); i++)
    if (strcmp (spdx, licenses[i].id) == 0)
      return licenses[i].type;
  return GTK_LICENSE_UNKNOWN;
}

GtkWidget *
accord_about_window_new_from_metainfo (GBytes  *metainfo,
                                       GError **error)
{
  const GMarkupParser callbacks = { start_element_cb, end_element_cb, text_cb, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  AdwAboutWindow *about = NULL;
  Parser parser = { 0 };
  const char *data;
  const char *url;
  gsize length;
  GtkLicense license;

  g_return_val_if_fail (metainfo != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parser.path = g_ptr_array_new_with_free_func (g_free);
  parser.field = -1;
  parser.text = g_string_new (NULL);
  parser.notes = g_string_new (NULL);
  parser.urls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  data = g_bytes_get_data (metainfo, &length);
  context = g_markup_parse_context_new (&callbacks, G_MARKUP_PREFIX_ERROR_POSITION, &parser, NULL);
  if (!g_markup_parse_context_parse (context, data, length, error) ||
      !g_markup_parse_context_end_parse (context, error))
    goto out;
  if (parser.fields[FIELD_NAME].text == NULL)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                           "The metainfo names no application");
      goto out;
    }

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, parser.fields[FIELD_NAME].text);
  if (parser.fields[FIELD_ID].text != NULL)
    adw_about_window_set_application_icon (about, parser.fields[FIELD_ID].text);
  if (parser.fields[FIELD_SUMMARY].text != NULL)
    adw_about_window_set_comments (about, parser.fields[FIELD_SUMMARY].text);
  if (parser.fields[FIELD_DEVELOPER].text != NULL)
    adw_about_window_set_developer_name (about, parser.fields[FIELD_DEVELOPER].text);

  license = license_type (parser.fields[FIELD_LICENSE].text);
  if (license != GTK_LICENSE_UNKNOWN)
    adw_about_window_set_license_type (about, license);
  else if (parser.fields[FIELD_LICENSE].text != NULL)
    adw_about_window_set_license (about, parser.fields[FIELD_LICENSE].text);

  if ((url = g_hash_table_lookup (parser.urls, "homepage")) != NULL)
    adw_about_window_set_website (about, url);
  if ((url = g_hash_table_lookup (parser.urls, "bugtracker")) != NULL)
    adw_about_window_set_issue_url (about, url);
  if ((url = g_hash_table_lookup (parser.urls, "help")) != NULL)
    adw_about_window_set_support_url (about, url);
  if ((url = g_hash_table_lookup (parser.urls, "vcs-browser")) != NULL)
    adw_about_window_add_link (about, _("_Source Code"), url);
  if ((url = g_hash_table_lookup (parser.urls, "translate")) != NULL)
    adw_about_window_add_link (about, _("_Translate"), url);

  if (parser.release_version != NULL)
    {
      adw_about_window_set_version (about, parser.release_version);
      adw_about_window_set_release_notes_version (about, parser.release_version);
    }
  if (parser.notes->len > 0)
    adw_about_window_set_release_notes (about, parser.notes->str);

out:
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (parser.fields[i].text);
  g_ptr_array_unref (parser.path);
  g_string_free (parser.text, TRUE);
  g_string_free (parser.notes, TRUE);
  g_hash_table_unref (parser.urls);
  g_free (parser.url_type);
  g_free (parser.release_version);
  return about != NULL ? GTK_WIDGET (about) : NULL;
}
