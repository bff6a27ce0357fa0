/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "accord-search.h"
#include "accord-import.h"
#include "accord-store-private.h"

/**
 * accord_search_fold:
 * @text: (nullable): any text
 *
 * Returns: (transfer full): @text decomposed (NFKD), without its combining
 *   marks, case-folded; "" for NULL or text that is not UTF-8
 */
char *
accord_search_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) bare = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_strdup ("");

  /* Accents are the combining marks the decomposition split off. */
  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (bare, c);
    }
  return g_utf8_casefold (bare->str, bare->len);
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

static void
append_folded (GString    *text,
               const char *value)
{
  g_autofree char *folded = NULL;

  if (value == NULL || *value == '\0')
    return;
  folded = accord_search_fold (value);
  /* A line break between fields: a term never matches across two. */
  g_string_append_c (text, '\n');
  g_string_append (text, folded);
}

/* The folded contact names, emails and roles of every live partner, by
 * partner id. One query: a search runs as a person types. */
static GHashTable *
load_contact_text (AccordStore  *self,
                   GError      **error)
{
  g_autoptr(GHashTable) texts = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _accord_store_get_stmt (self,
                                 "SELECT c.partner_id, c.name, c.email, c.role FROM contact c "
                                 "JOIN partner p ON p.id = c.partner_id "
                                 "WHERE p.trashed_at IS NULL",
                                 error);
  if (stmt == NULL)
    return NULL;

  texts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, string_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      GString *text = g_hash_table_lookup (texts, &id);

      if (text == NULL)
        {
          text = g_string_new (NULL);
          g_hash_table_insert (texts, g_memdup2 (&id, sizeof id), text);
        }
      for (int col = 1; col <= 3; col++)
        append_folded (text, (const char *) sqlite3_column_text (stmt, col));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _accord_store_set_error (self, rc, _("Could not read the workspace"), error);
      return NULL;
    }
  return g_steal_pointer (&texts);
}

typedef struct
{
  gint64 id;
  int rank;            /* 0: the name starts with the first term; 1: contains it; 2: other */
  char *folded_name;
} Hit;

static void
hit_clear (gpointer data)
{
  Hit *hit = data;

  g_free (hit->folded_name);
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const Hit *x = a;
  const Hit *y = b;
  int by_name;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  by_name = g_utf8_collate (x->folded_name, y->folded_name);
  if (by_name != 0)
    return by_name;
  return x->id < y->id ? -1 : x->id > y->id;
}

/**
 * accord_store_search_partners:
 * @self: a store
 * @terms: (array zero-terminated=1): what to look for
 * @within: (nullable) (element-type gint64): only these partners
 * @max: the most ids to return; 0 for no limit
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type gint64): the matching partners'
 *   ids, best first, or NULL with @error
 */
GArray *
accord_store_search_partners (AccordStore        *self,
                              const char * const *terms,
                              GArray             *within,
                              guint               max,
                              GError            **error)
{
  g_autoptr(GPtrArray) folded_terms = NULL;
  g_autoptr(GHashTable) contacts = NULL;
  g_autoptr(GHashTable) allowed = NULL;
  g_autoptr(GArray) hits = NULL;
  GArray *ids;
  GListModel *partners;
  guint n;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (terms != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  folded_terms = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; terms[i] != NULL; i++)
    {
      char *folded = accord_search_fold (terms[i]);

      g_strstrip (folded);
      if (*folded != '\0')
        g_ptr_array_add (folded_terms, folded);
      else
        g_free (folded);
    }
  if (folded_terms->len == 0)
    return ids;

  if (within != NULL)
    {
      allowed = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < within->len; i++)
        g_hash_table_add (allowed, &g_array_index (within, gint64, i));
    }

  contacts = load_contact_text (self, error);
  if (contacts == NULL)
    {
      g_array_unref (ids);
      return NULL;
    }

  hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  g_array_set_clear_func (hits, hit_clear);

  /* The partners model holds the live partners only. */
  partners = accord_store_get_partners (self);
  n = g_list_model_get_n_items (partners);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordPartner) partner = g_list_model_get_item (partners, i);
      gint64 id = accord_partner_get_id (partner);
      g_autofree char *domain = NULL;
      g_autofree char *name = NULL;
      g_autoptr(GString) text = NULL;
      const char * const *tags;
      const char *first_at;
      GString *contact_text;
      gboolean all = TRUE;
      Hit hit;

      if (allowed != NULL && !g_hash_table_contains (allowed, &id))
        continue;

      name = accord_search_fold (accord_partner_get_name (partner));
      text = g_string_new (name);
      append_folded (text, accord_partner_get_website (partner));
      domain = accord_import_normalize_domain (accord_partner_get_website (partner));
      append_folded (text, domain);
      tags = accord_partner_get_tags (partner);
      for (guint t = 0; tags != NULL && tags[t] != NULL; t++)
        append_folded (text, tags[t]);
      contact_text = g_hash_table_lookup (contacts, &id);
      if (contact_text != NULL)
        g_string_append_len (text, contact_text->str, contact_text->len);

      for (guint t = 0; all && t < folded_terms->len; t++)
        all = strstr (text->str, g_ptr_array_index (folded_terms, t)) != NULL;
      if (!all)
        continue;

      first_at = strstr (name, g_ptr_array_index (folded_terms, 0));
      hit.id = id;
      hit.rank = first_at == name ? 0 : first_at != NULL ? 1 : 2;
      hit.folded_name = g_steal_pointer (&name);
      g_array_append_val (hits, hit);
    }

  g_array_sort (hits, compare_hits);
  for (guint i = 0; i < hits->len && (max == 0 || i < max); i++)
    g_array_append_val (ids, g_array_index (hits, Hit, i).id);
  return ids;
}
