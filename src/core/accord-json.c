/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-json.h"

#include "accord-contact.h"
#include "accord-partner.h"
#include "accord-store.h"

#include <json-glib/json-glib.h>
#include <string.h>

/* A partner with the key it sorts by, computed once rather than on every
 * comparison. */
typedef struct
{
  AccordPartner *partner;
  char          *collate_key;
} SortEntry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SortEntry *ea = a;
  const SortEntry *eb = b;
  gint64 ida, idb;
  int cmp;

  cmp = strcmp (ea->collate_key, eb->collate_key);
  if (cmp != 0)
    return cmp;

  ida = accord_partner_get_id (ea->partner);
  idb = accord_partner_get_id (eb->partner);
  return (ida > idb) - (ida < idb);
}

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_contact (JsonBuilder   *builder,
             AccordContact *contact)
{
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, accord_contact_get_id (contact));
  add_nullable_string (builder, "name", accord_contact_get_name (contact));
  add_nullable_string (builder, "role", accord_contact_get_role (contact));
  add_nullable_string (builder, "email", accord_contact_get_email (contact));
  add_nullable_string (builder, "phone", accord_contact_get_phone (contact));
  add_nullable_string (builder, "profile_url", accord_contact_get_profile_url (contact));
  json_builder_set_member_name (builder, "is_primary");
  json_builder_add_boolean_value (builder, accord_contact_get_is_primary (contact));

  json_builder_end_object (builder);
}

static void
add_partner (JsonBuilder   *builder,
             AccordStore   *store,
             AccordPartner *partner)
{
  GListModel *contacts;
  guint n_contacts;

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, accord_partner_get_id (partner));

  for (guint field = 0; field < ACCORD_N_PARTNER_FIELDS; field++)
    {
      json_builder_set_member_name (builder, accord_partner_field_to_key (field));

      /* Tags are a list to a program; the joined text form is for
       * people and would make every consumer split it again. */
      if (field == ACCORD_PARTNER_FIELD_TAGS)
        {
          const char * const *tags = accord_partner_get_tags (partner);

          json_builder_begin_array (builder);
          for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
            json_builder_add_string_value (builder, tags[i]);
          json_builder_end_array (builder);
        }
      else
        {
          /* Enums come out as their stable keys, never as labels, so the
           * output does not change with the reader's language. */
          g_autofree char *text = accord_partner_dup_field_text (partner, field);

          json_builder_add_string_value (builder, text != NULL ? text : "");
        }
    }

  add_nullable_string (builder, "created_at", accord_partner_get_created_at (partner));
  add_nullable_string (builder, "updated_at", accord_partner_get_updated_at (partner));

  json_builder_set_member_name (builder, "contacts");
  json_builder_begin_array (builder);
  contacts = accord_store_get_contacts (store, partner);
  n_contacts = contacts != NULL ? g_list_model_get_n_items (contacts) : 0;
  for (guint i = 0; i < n_contacts; i++)
    {
      g_autoptr(AccordContact) contact = g_list_model_get_item (contacts, i);

      add_contact (builder, contact);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

/**
 * accord_json_dump_partners:
 * @store: a workspace
 * @pretty: whether to indent the output for people
 *
 * Writes the workspace's partners (not the trash) as a JSON array, ordered
 * by name and then by id so the output is stable from run to run. Each
 * object has "id", every field under the key of
 * accord_partner_field_to_key() (enums as their stable keys, tags as an
 * array), "created_at", "updated_at" and "contacts".
 *
 * Returns: (transfer full): the JSON text, in UTF-8
 */
char *
accord_json_dump_partners (AccordStore *store,
                           gboolean     pretty)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GArray) entries = NULL;
  GListModel *partners;
  guint n_partners;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  partners = accord_store_get_partners (store);
  n_partners = g_list_model_get_n_items (partners);

  entries = g_array_sized_new (FALSE, FALSE, sizeof (SortEntry), n_partners);
  for (guint i = 0; i < n_partners; i++)
    {
      SortEntry entry;

      entry.partner = g_list_model_get_item (partners, i);
      entry.collate_key = g_utf8_collate_key (accord_partner_get_name (entry.partner), -1);
      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, compare_entries);

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      SortEntry *entry = &g_array_index (entries, SortEntry, i);

      add_partner (builder, store, entry->partner);
      g_clear_object (&entry->partner);
      g_clear_pointer (&entry->collate_key, g_free);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, pretty);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}
