/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-export.h"

#include "accord-contact.h"
#include "accord-csv.h"
#include "accord-partner.h"
#include "accord-store-private.h"
#include "accord-store.h"
#include "accord-work.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

G_DEFINE_QUARK (accord-export-error-quark, accord_export_error)

/* The identifier of the JSON document, and its layout's version. */
#define EXPORT_FORMAT  "accord-workspace"
#define EXPORT_VERSION 1

/* RFC 5545 and RFC 6350: content lines are folded at 75 octets. */
#define LINE_OCTETS 75

static const char * const format_keys[] = { "csv", "json", "ics", "vcf" };
static const char * const what_keys[] = { "partners", "contacts", "tasks" };

G_STATIC_ASSERT (G_N_ELEMENTS (format_keys) == ACCORD_N_EXPORT_FORMATS);
G_STATIC_ASSERT (G_N_ELEMENTS (what_keys) == ACCORD_N_EXPORT_WHATS);

const char *
accord_export_format_to_key (AccordExportFormat format)
{
  g_return_val_if_fail (format < ACCORD_N_EXPORT_FORMATS, NULL);

  return format_keys[format];
}

gboolean
accord_export_format_from_key (const char         *key,
                               AccordExportFormat *out)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (format_keys); i++)
    if (g_ascii_strcasecmp (key, format_keys[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
accord_export_what_to_key (AccordExportWhat what)
{
  g_return_val_if_fail (what < ACCORD_N_EXPORT_WHATS, NULL);

  return what_keys[what];
}

gboolean
accord_export_what_from_key (const char       *key,
                             AccordExportWhat *out)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (what_keys); i++)
    if (g_ascii_strcasecmp (key, what_keys[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
accord_export_format_get_label (AccordExportFormat format)
{
  static const char * const labels[] = {
    N_("CSV spreadsheet"),
    N_("Full workspace (JSON)"),
    N_("Calendar of what is due (iCalendar)"),
    N_("Contacts (vCard)"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == ACCORD_N_EXPORT_FORMATS);
  g_return_val_if_fail (format < ACCORD_N_EXPORT_FORMATS, NULL);

  return _(labels[format]);
}

const char *
accord_export_what_get_label (AccordExportWhat what)
{
  static const char * const labels[] = {
    N_("Partners"),
    N_("Contacts"),
    N_("Tasks"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == ACCORD_N_EXPORT_WHATS);
  g_return_val_if_fail (what < ACCORD_N_EXPORT_WHATS, NULL);

  return _(labels[what]);
}

char *
accord_export_dup_count_text (AccordExportFormat format,
                              AccordExportWhat   what,
                              guint              n)
{
  switch (format)
    {
    case ACCORD_EXPORT_FORMAT_CSV:
      if (what == ACCORD_EXPORT_CONTACTS)
        return g_strdup_printf (ngettext ("%u contact", "%u contacts", n), n);
      if (what == ACCORD_EXPORT_TASKS)
        return g_strdup_printf (ngettext ("%u task", "%u tasks", n), n);
      return g_strdup_printf (ngettext ("%u partner", "%u partners", n), n);
    case ACCORD_EXPORT_FORMAT_JSON:
      return g_strdup_printf (ngettext ("%u partner", "%u partners", n), n);
    case ACCORD_EXPORT_FORMAT_ICS:
      return g_strdup_printf (ngettext ("%u calendar item", "%u calendar items", n), n);
    case ACCORD_EXPORT_FORMAT_VCF:
      return g_strdup_printf (ngettext ("%u contact", "%u contacts", n), n);
    case ACCORD_N_EXPORT_FORMATS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- CSV ---- */

char *
accord_export_neutralize_cell (const char *text)
{
  if (text == NULL)
    return g_strdup ("");

  if (strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    return g_strconcat ("'", text, NULL);

  return g_strdup (text);
}

static void
append_cell (GString    *out,
             gboolean    first,
             const char *text)
{
  g_autofree char *safe = accord_export_neutralize_cell (text);
  g_autofree char *escaped = accord_csv_escape_field (safe);

  if (!first)
    g_string_append_c (out, ',');
  g_string_append (out, escaped);
}

static void
append_row (GString            *out,
            const char * const *cells,
            guint               n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    append_cell (out, i == 0, cells[i]);
  g_string_append (out, "\r\n");
}

static gboolean
read_failed (AccordStore  *store,
             int           rc,
             GError      **error)
{
  return _accord_store_set_error (store, rc, _("Could not read the workspace"), error);
}

static int
compare_partner_ids (gconstpointer a,
                     gconstpointer b)
{
  gint64 ida = accord_partner_get_id (*(AccordPartner * const *) a);
  gint64 idb = accord_partner_get_id (*(AccordPartner * const *) b);

  return (ida > idb) - (ida < idb);
}

/* The live partners, in the order they were added. */
static GPtrArray *
dup_partners_by_id (AccordStore *store)
{
  GListModel *model = accord_store_get_partners (store);
  guint n = g_list_model_get_n_items (model);
  GPtrArray *partners = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (partners, g_list_model_get_item (model, i));
  g_ptr_array_sort (partners, compare_partner_ids);
  return partners;
}

/* The partners' columns are the ones accord-cli import and the import
 * wizard read, so an exported file imports again. */
static void
export_partners_csv (AccordStore *store,
                     GString     *out,
                     guint       *n_out)
{
  g_autoptr(GPtrArray) partners = dup_partners_by_id (store);
  g_autoptr(GPtrArray) header = g_ptr_array_new ();

  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    g_ptr_array_add (header, (gpointer) accord_partner_field_to_key (f));
  g_ptr_array_add (header, (gpointer) "stage");
  g_ptr_array_add (header, (gpointer) "contact_name");
  g_ptr_array_add (header, (gpointer) "contact_email");
  g_ptr_array_add (header, (gpointer) "contact_role");
  append_row (out, (const char * const *) header->pdata, header->len);

  for (guint i = 0; i < partners->len; i++)
    {
      AccordPartner *partner = g_ptr_array_index (partners, i);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      GListModel *contacts = accord_store_get_contacts (store, partner);
      g_autoptr(AccordContact) primary = NULL;

      for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
        g_ptr_array_add (cells, accord_partner_dup_field_text (partner, f));
      g_ptr_array_add (cells, g_strdup (accord_stage_to_key (accord_partner_get_stage (partner))));

      /* The primary contact comes first in the model. */
      if (contacts != NULL && g_list_model_get_n_items (contacts) > 0)
        {
          primary = g_list_model_get_item (contacts, 0);
          if (!accord_contact_get_is_primary (primary))
            g_clear_object (&primary);
        }
      g_ptr_array_add (cells, g_strdup (primary ? accord_contact_get_name (primary) : ""));
      g_ptr_array_add (cells, g_strdup (primary ? accord_contact_get_email (primary) : ""));
      g_ptr_array_add (cells, g_strdup (primary ? accord_contact_get_role (primary) : ""));

      append_row (out, (const char * const *) cells->pdata, cells->len);
    }

  *n_out = partners->len;
}

/* Runs @stmt and writes one CSV row per result row, every column as text. */
static gboolean
export_query_csv (AccordStore         *store,
                  const char          *sql,
                  const char * const  *header,
                  guint                n_columns,
                  GString             *out,
                  guint               *n_out,
                  GError             **error)
{
  sqlite3_stmt *stmt = _accord_store_get_stmt (store, sql, error);
  g_autofree const char **cells = g_new0 (const char *, n_columns);
  guint n = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;

  append_row (out, header, n_columns);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (guint i = 0; i < n_columns; i++)
        cells[i] = (const char *) sqlite3_column_text (stmt, i);
      append_row (out, cells, n_columns);
      n++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return read_failed (store, rc, error);

  *n_out = n;
  return TRUE;
}

char *
accord_export_csv (AccordStore       *store,
                   AccordExportWhat   what,
                   guint             *n_out,
                   GError           **error)
{
  static const char * const contact_header[] = {
    "partner", "name", "role", "email", "phone", "profile_url", "is_primary",
  };
  static const char * const task_header[] = {
    "partner", "title", "due", "phase", "playbook", "step", "snoozed_until", "done_on",
    "cancelled_on", "notes",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = 0;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (what < ACCORD_N_EXPORT_WHATS, NULL);

  /* A byte order mark, so spreadsheets read the file as UTF-8. */
  g_string_append (out, "\xEF\xBB\xBF");

  switch (what)
    {
    case ACCORD_EXPORT_PARTNERS:
      export_partners_csv (store, out, &n);
      break;
    case ACCORD_EXPORT_CONTACTS:
      if (!export_query_csv (store,
                             "SELECT p.name, c.name, c.role, c.email, c.phone, c.profile_url, "
                             "CASE c.is_primary WHEN 1 THEN 'yes' ELSE 'no' END "
                             "FROM contact c JOIN partner p ON p.id = c.partner_id "
                             "WHERE p.trashed_at IS NULL ORDER BY p.id, c.is_primary DESC, c.id",
                             contact_header, G_N_ELEMENTS (contact_header), out, &n, error))
        return NULL;
      break;
    case ACCORD_EXPORT_TASKS:
      if (!export_query_csv (store,
                             "SELECT p.name, t.title, t.due, t.phase, t.playbook, t.step, "
                             "t.snoozed_until, t.done_on, t.cancelled_on, t.notes "
                             "FROM task t JOIN partner p ON p.id = t.partner_id "
                             "WHERE p.trashed_at IS NULL ORDER BY t.due, t.id",
                             task_header, G_N_ELEMENTS (task_header), out, &n, error))
        return NULL;
      break;
    case ACCORD_N_EXPORT_WHATS:
    default:
      g_assert_not_reached ();
    }

  if (n_out != NULL)
    *n_out = n;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- JSON: the whole workspace ---- */

/* The tables under a partner or an agreement, in the order they are
 * written and read back (a table another one refers to comes first). */
typedef struct
{
  const char *table;
  const char *member;
  const char *parent_column;   /* "partner_id" or "agreement_id" */
  const char *order_by;
  /* A column holding the id of a row of another table of the same
   * partner, written as the position of that row in @ref_member. */
  const char *ref_column;
  const char *ref_member;
  const char *ref_key;
} ChildTable;

static const ChildTable partner_children[] = {
  { "partner_tag", "tags", "partner_id", "partner_id, position", NULL, NULL, NULL },
  { "contact", "contacts", "partner_id", "id", NULL, NULL, NULL },
  { "stage_change", "stage_history", "partner_id", "id", NULL, NULL, NULL },
  { "agreement", "agreements", "partner_id", "id", NULL, NULL, NULL },
  { "activity", "activities", "partner_id", "id", "contact_id", "contacts", "contact" },
  { "playbook_run", "playbook_runs", "partner_id", "id", NULL, NULL, NULL },
  { "task", "tasks", "partner_id", "id", "run_id", "playbook_runs", "playbook_run" },
  { "referral", "referrals", "partner_id", "id", NULL, NULL, NULL },
  { "review", "reviews", "partner_id", "id", NULL, NULL, NULL },
  { "figures", "figures", "partner_id", "id", NULL, NULL, NULL },
  { "ledger_entry", "ledger_entries", "partner_id", "id", NULL, NULL, NULL },
  /* At most one row per partner, keyed by the partner. */
  { "overlap", "overlap", "partner_id", "partner_id", NULL, NULL, NULL },
};

static const ChildTable agreement_children[] = {
  { "agreement_kpi", "kpis", "agreement_id", "id", NULL, NULL, NULL },
  { "agreement_deliverable", "deliverables", "agreement_id", "id", NULL, NULL, NULL },
  { "agreement_change", "changes", "agreement_id", "id", NULL, NULL, NULL },
};

/* A row's column as a JSON value. */
static JsonNode *
column_to_node (sqlite3_stmt *stmt,
                int           column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_INTEGER:
      return json_node_init_int (json_node_alloc (), sqlite3_column_int64 (stmt, column));
    case SQLITE_FLOAT:
      return json_node_init_double (json_node_alloc (), sqlite3_column_double (stmt, column));
    case SQLITE_NULL:
      return json_node_init_null (json_node_alloc ());
    case SQLITE_TEXT:
    case SQLITE_BLOB:
    default:
      return json_node_init_string (json_node_alloc (),
                                    (const char *) sqlite3_column_text (stmt, column));
    }
}

/* Where an exported row sits: its parent's id and its own position under
 * that parent. */
typedef struct
{
  gint64 parent_id;
  guint  index;
} RowPlace;

/* Reads @child whole, one query, into arrays per parent id. @places gets,
 * for tables referred to, id -> RowPlace. */
static gboolean
read_child_table (AccordStore       *store,
                  const ChildTable  *child,
                  GHashTable        *by_parent,     /* gint64 -> JsonArray */
                  GHashTable        *places,        /* gint64 -> RowPlace, or NULL */
                  GHashTable        *ref_places,    /* the referred table's, or NULL */
                  GHashTable        *agreement_ids, /* gint64 id -> JsonObject, or NULL */
                  GError           **error)
{
  sqlite3 *db = _accord_store_get_db (store);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY %s",
                                          child->table, child->order_by);
  sqlite3_stmt *stmt = NULL;
  int parent_column = -1;
  int rc;

  /* A table this build's schema does not have holds nothing to export. */
  stmt = _accord_store_get_stmt (store,
                                 "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, child->table, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  stmt = NULL;
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return read_failed (store, rc, error);

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return read_failed (store, rc, error);

  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    if (g_str_equal (sqlite3_column_name (stmt, i), child->parent_column))
      parent_column = i;
  g_assert (parent_column >= 0);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 parent_id = sqlite3_column_int64 (stmt, parent_column);
      JsonArray *array = g_hash_table_lookup (by_parent, &parent_id);
      JsonObject *object = json_object_new ();
      gint64 id = 0;

      if (array == NULL)
        {
          array = json_array_new ();
          g_hash_table_insert (by_parent, g_memdup2 (&parent_id, sizeof parent_id), array);
        }

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *name = sqlite3_column_name (stmt, i);

          if (g_str_equal (name, "id"))
            {
              id = sqlite3_column_int64 (stmt, i);
              continue;
            }
          if (i == parent_column)
            continue;

          if (child->ref_column != NULL && g_str_equal (name, child->ref_column))
            {
              gint64 ref = sqlite3_column_int64 (stmt, i);
              RowPlace *place = NULL;

              if (sqlite3_column_type (stmt, i) != SQLITE_NULL)
                place = g_hash_table_lookup (ref_places, &ref);
              /* A reference to another partner's row cannot be kept
               * by position; the store never makes one. */
              if (place != NULL && place->parent_id == parent_id)
                json_object_set_int_member (object, child->ref_key, place->index);
              else
                json_object_set_null_member (object, child->ref_key);
              continue;
            }

          json_object_set_member (object, name, column_to_node (stmt, i));
        }

      if (places != NULL)
        {
          RowPlace *place = g_new (RowPlace, 1);

          place->parent_id = parent_id;
          place->index = json_array_get_length (array);
          g_hash_table_insert (places, g_memdup2 (&id, sizeof id), place);
        }
      if (agreement_ids != NULL)
        g_hash_table_insert (agreement_ids, g_memdup2 (&id, sizeof id),
                             json_object_ref (object));

      json_array_add_object_element (array, object);
    }

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return read_failed (store, rc, error);
  return TRUE;
}

static GHashTable *
new_id_table (GDestroyNotify value_free)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, value_free);
}

/* Attaches each array of @by_parent to the parent object with that id. */
static void
attach_children (GHashTable *parents,     /* gint64 -> JsonObject */
                 GHashTable *by_parent,
                 const char *member)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, parents);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      JsonArray *array = g_hash_table_lookup (by_parent, key);

      json_object_set_array_member (value, member,
                                    array != NULL ? json_array_ref (array) : json_array_new ());
    }
}

static JsonObject *
read_settings (AccordStore  *store,
               GError      **error)
{
  sqlite3_stmt *stmt = _accord_store_get_stmt (store, "SELECT key, value FROM setting ORDER BY key",
                                               error);
  g_autoptr(JsonObject) settings = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  settings = json_object_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    json_object_set_string_member (settings, (const char *) sqlite3_column_text (stmt, 0),
                                   (const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      read_failed (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&settings);
}

char *
accord_export_json (AccordStore  *store,
                    guint        *n_out,
                    GError      **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(JsonObject) settings = NULL;
  g_autoptr(JsonArray) partners = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GHashTable) partner_objects = new_id_table ((GDestroyNotify) json_object_unref);
  g_autoptr(GHashTable) agreement_objects = new_id_table ((GDestroyNotify) json_object_unref);
  g_autoptr(GHashTable) contact_places = new_id_table (g_free);
  g_autoptr(GHashTable) run_places = new_id_table (g_free);
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  db = _accord_store_get_db (store);

  /* One read transaction, so the document is one moment's workspace; a
   * deferred one, which takes no write lock. */
  rc = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      read_failed (store, rc, error);
      return NULL;
    }

  settings = read_settings (store, error);
  if (settings == NULL)
    goto failed;

  partners = json_array_new ();
  rc = sqlite3_prepare_v2 (db, "SELECT * FROM partner ORDER BY id", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      read_failed (store, rc, error);
      goto failed;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *object = json_object_new ();
      gint64 id = 0;

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *name = sqlite3_column_name (stmt, i);

          if (g_str_equal (name, "id"))
            id = sqlite3_column_int64 (stmt, i);
          else
            json_object_set_member (object, name, column_to_node (stmt, i));
        }
      g_hash_table_insert (partner_objects, g_memdup2 (&id, sizeof id), json_object_ref (object));
      json_array_add_object_element (partners, object);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      read_failed (store, rc, error);
      goto failed;
    }

  for (guint i = 0; i < G_N_ELEMENTS (partner_children); i++)
    {
      const ChildTable *child = &partner_children[i];
      g_autoptr(GHashTable) by_parent = new_id_table ((GDestroyNotify) json_array_unref);
      GHashTable *places = NULL;
      GHashTable *ref_places = NULL;

      if (g_str_equal (child->table, "contact"))
        places = contact_places;
      else if (g_str_equal (child->table, "playbook_run"))
        places = run_places;
      if (g_strcmp0 (child->ref_member, "contacts") == 0)
        ref_places = contact_places;
      else if (g_strcmp0 (child->ref_member, "playbook_runs") == 0)
        ref_places = run_places;

      if (!read_child_table (store, child, by_parent, places, ref_places,
                             g_str_equal (child->table, "agreement") ? agreement_objects : NULL,
                             error))
        goto failed;
      attach_children (partner_objects, by_parent, child->member);
    }

  for (guint i = 0; i < G_N_ELEMENTS (agreement_children); i++)
    {
      const ChildTable *child = &agreement_children[i];
      g_autoptr(GHashTable) by_parent = new_id_table ((GDestroyNotify) json_array_unref);

      if (!read_child_table (store, child, by_parent, NULL, NULL, NULL, error))
        goto failed;
      attach_children (agreement_objects, by_parent, child->member);
    }

  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  root = json_object_new ();
  json_object_set_string_member (root, "format", EXPORT_FORMAT);
  json_object_set_int_member (root, "version", EXPORT_VERSION);
  json_object_set_int_member (root, "schema", accord_store_get_schema_version (store));
  json_object_set_object_member (root, "settings", g_steal_pointer (&settings));
  if (n_out != NULL)
    *n_out = json_array_get_length (partners);
  json_object_set_array_member (root, "partners", g_steal_pointer (&partners));

  node = json_node_init_object (json_node_alloc (), root);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);

failed:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return NULL;
}

/* ---- JSON import ---- */

typedef struct
{
  AccordStore *store;
  GHashTable  *columns;     /* table name -> GHashTable of its column names */
  GHashTable  *statements;  /* SQL -> sqlite3_stmt, finalized at the end */
} ImportState;

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static GHashTable *
table_columns (ImportState  *state,
               const char   *table,
               GError      **error)
{
  GHashTable *columns = g_hash_table_lookup (state->columns, table);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (columns != NULL)
    return columns;

  sql = g_strdup_printf ("PRAGMA table_info (%s)", table);
  rc = sqlite3_prepare_v2 (_accord_store_get_db (state->store), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      read_failed (state->store, rc, error);
      return NULL;
    }
  columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_hash_table_unref (columns);
      read_failed (state->store, rc, error);
      return NULL;
    }

  g_hash_table_insert (state->columns, g_strdup (table), columns);
  return columns;
}

static gboolean
invalid (GError     **error,
         const char  *where,
         const char  *message)
{
  g_set_error (error, ACCORD_EXPORT_ERROR, ACCORD_EXPORT_ERROR_INVALID, "%s: %s", where, message);
  return FALSE;
}

static gboolean
bind_node (sqlite3_stmt *stmt,
           int           index,
           JsonNode     *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return sqlite3_bind_null (stmt, index) == SQLITE_OK;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return sqlite3_bind_int64 (stmt, index, json_node_get_int (node)) == SQLITE_OK;
    case G_TYPE_BOOLEAN:
      return sqlite3_bind_int (stmt, index, json_node_get_boolean (node)) == SQLITE_OK;
    case G_TYPE_DOUBLE:
      return sqlite3_bind_double (stmt, index, json_node_get_double (node)) == SQLITE_OK;
    case G_TYPE_STRING:
      return sqlite3_bind_text (stmt, index, json_node_get_string (node), -1,
                                SQLITE_TRANSIENT) == SQLITE_OK;
    default:
      return FALSE;
    }
}

static gboolean
is_nested_member (const ChildTable *children,
                  guint             n_children,
                  const char       *name)
{
  for (guint i = 0; i < n_children; i++)
    if (g_str_equal (children[i].member, name))
      return TRUE;
  return FALSE;
}

/* Inserts one record of @table from @object: its plain members are
 * columns (checked against the table's), @parent_id goes in
 * @parent_column, references are given as @ref_value (already mapped to
 * the new id, or 0 for none). Returns the new row's id, or 0. */
static gint64
insert_row (ImportState       *state,
            const char        *table,
            JsonObject        *object,
            const char        *where,
            const char        *parent_column,
            gint64             parent_id,
            const ChildTable  *child,
            gint64             ref_value,
            const ChildTable  *nested,
            guint              n_nested,
            GError           **error)
{
  GHashTable *columns = table_columns (state, table, error);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(GList) members = NULL;
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  sqlite3_stmt *stmt;
  gboolean has_ref = FALSE;
  int index = 1;
  int rc;

  if (columns == NULL)
    return 0;

  g_string_append_printf (sql, "INSERT INTO %s (", table);
  if (parent_column != NULL)
    {
      g_string_append_printf (sql, "\"%s\"", parent_column);
      g_string_append (values, "?");
    }

  members = json_object_get_members (object);
  members = g_list_sort (members, (GCompareFunc) strcmp);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (object, name);

      if (is_nested_member (nested, n_nested, name))
        continue;
      if (child != NULL && child->ref_key != NULL && g_str_equal (name, child->ref_key))
        {
          has_ref = TRUE;
          continue;
        }
      if (g_str_equal (name, "id") || g_strcmp0 (name, parent_column) == 0 ||
          !g_hash_table_contains (columns, name))
        {
          g_autofree char *message = g_strdup_printf (_("unknown field “%s”"), name);
          invalid (error, where, message);
          return 0;
        }
      if (!JSON_NODE_HOLDS_VALUE (node) && !JSON_NODE_HOLDS_NULL (node))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” must be a single value"), name);
          invalid (error, where, message);
          return 0;
        }

      if (values->len > 0)
        {
          g_string_append (sql, ", ");
          g_string_append (values, ", ");
        }
      /* The name is one of the table's own columns, checked above. */
      g_string_append_printf (sql, "\"%s\"", name);
      g_string_append (values, "?");
      g_ptr_array_add (nodes, node);
    }
  if (has_ref)
    {
      if (values->len > 0)
        {
          g_string_append (sql, ", ");
          g_string_append (values, ", ");
        }
      g_string_append_printf (sql, "\"%s\"", child->ref_column);
      g_string_append (values, "?");
    }
  g_string_append_printf (sql, ") VALUES (%s)", values->str);

  stmt = g_hash_table_lookup (state->statements, sql->str);
  if (stmt == NULL)
    {
      rc = sqlite3_prepare_v2 (_accord_store_get_db (state->store), sql->str, -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          _accord_store_set_error (state->store, rc, _("Could not import the workspace"), error);
          return 0;
        }
      g_hash_table_insert (state->statements, g_strdup (sql->str), stmt);
    }
  else
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

  if (parent_column != NULL)
    sqlite3_bind_int64 (stmt, index++, parent_id);
  for (guint i = 0; i < nodes->len; i++)
    if (!bind_node (stmt, index++, g_ptr_array_index (nodes, i)))
      {
        invalid (error, where, _("a value has the wrong type"));
        return 0;
      }
  if (has_ref)
    {
      if (ref_value != 0)
        sqlite3_bind_int64 (stmt, index++, ref_value);
      else
        sqlite3_bind_null (stmt, index++);
    }

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_autofree char *doing = g_strdup_printf (_("Could not import %s"), where);

      _accord_store_set_error (state->store, rc, doing, error);
      return 0;
    }

  /* partner_tag has no id of its own; its rowid serves. */
  return sqlite3_last_insert_rowid (_accord_store_get_db (state->store));
}

/* The array member @member of @object (missing: empty), or NULL with @error. */
static JsonArray *
get_array (JsonObject   *object,
           const char   *member,
           const char   *where,
           GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” must be a list"), member);
      invalid (error, where, message);
      return NULL;
    }
  return json_node_get_array (node);
}

static gboolean
import_children (ImportState       *state,
                 JsonObject        *parent,
                 gint64             parent_id,
                 const char        *parent_where,
                 const ChildTable  *children,
                 guint              n_children,
                 GError           **error)
{
  /* The new ids of the rows other tables refer to, by position. */
  g_autoptr(GArray) contact_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) run_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint c = 0; c < n_children; c++)
    {
      const ChildTable *child = &children[c];
      JsonArray *array;
      GArray *ref_ids = NULL;
      GArray *keep_ids = NULL;

      if (!json_object_has_member (parent, child->member))
        continue;
      array = get_array (parent, child->member, parent_where, error);
      if (array == NULL)
        return FALSE;

      if (g_strcmp0 (child->ref_member, "contacts") == 0)
        ref_ids = contact_ids;
      else if (g_strcmp0 (child->ref_member, "playbook_runs") == 0)
        ref_ids = run_ids;
      if (g_str_equal (child->table, "contact"))
        keep_ids = contact_ids;
      else if (g_str_equal (child->table, "playbook_run"))
        keep_ids = run_ids;

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          g_autofree char *where = g_strdup_printf ("%s.%s[%u]", parent_where, child->member, i);
          JsonObject *object;
          gint64 ref_value = 0;
          gint64 id;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            return invalid (error, where, _("not an object"));
          object = json_node_get_object (node);

          if (child->ref_key != NULL && json_object_has_member (object, child->ref_key))
            {
              JsonNode *ref = json_object_get_member (object, child->ref_key);

              if (!JSON_NODE_HOLDS_NULL (ref))
                {
                  gint64 position;

                  if (!JSON_NODE_HOLDS_VALUE (ref) ||
                      json_node_get_value_type (ref) != G_TYPE_INT64 ||
                      (position = json_node_get_int (ref)) < 0 ||
                      position >= ref_ids->len)
                    {
                      g_autofree char *message =
                        g_strdup_printf (_("“%s” does not name one of the partner’s %s"),
                                         child->ref_key, child->ref_member);
                      return invalid (error, where, message);
                    }
                  ref_value = g_array_index (ref_ids, gint64, position);
                }
            }

          id = insert_row (state, child->table, object, where, child->parent_column, parent_id,
                           child, ref_value,
                           g_str_equal (child->table, "agreement") ? agreement_children : NULL,
                           g_str_equal (child->table, "agreement")
                             ? G_N_ELEMENTS (agreement_children) : 0,
                           error);
          if (id == 0)
            return FALSE;
          if (keep_ids != NULL)
            g_array_append_val (keep_ids, id);

          if (g_str_equal (child->table, "agreement") &&
              !import_children (state, object, id, where, agreement_children,
                                G_N_ELEMENTS (agreement_children), error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
import_document (ImportState  *state,
                 JsonObject   *root,
                 guint        *n_partners,
                 GError      **error)
{
  JsonNode *settings_node = json_object_get_member (root, "settings");
  JsonArray *partners;
  sqlite3_stmt *stmt;

  if (settings_node != NULL)
    {
      JsonObject *settings;
      g_autoptr(GList) keys = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (settings_node))
        return invalid (error, "settings", _("not an object"));
      settings = json_node_get_object (settings_node);

      stmt = _accord_store_get_stmt (state->store, "DELETE FROM setting", error);
      if (stmt == NULL ||
          !_accord_store_step_done (state->store, stmt, _("Could not import the settings"), error))
        return FALSE;

      keys = json_object_get_members (settings);
      for (GList *l = keys; l != NULL; l = l->next)
        {
          JsonNode *value = json_object_get_member (settings, l->data);

          if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
            {
              g_autofree char *where = g_strdup_printf ("settings.%s", (const char *) l->data);
              return invalid (error, where, _("not text"));
            }
          stmt = _accord_store_get_stmt (state->store,
                                         "INSERT INTO setting (key, value) VALUES (?, ?)", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, l->data, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, json_node_get_string (value), -1, SQLITE_TRANSIENT);
          if (!_accord_store_step_done (state->store, stmt, _("Could not import the settings"),
                                        error))
            return FALSE;
        }
    }

  partners = get_array (root, "partners", "partners", error);
  if (partners == NULL)
    {
      if (error != NULL && *error == NULL)
        return invalid (error, "partners", _("missing"));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (partners); i++)
    {
      JsonNode *node = json_array_get_element (partners, i);
      g_autofree char *where = g_strdup_printf ("partners[%u]", i);
      JsonObject *object;
      gint64 id;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, where, _("not an object"));
      object = json_node_get_object (node);

      id = insert_row (state, "partner", object, where, NULL, 0, NULL, 0,
                       partner_children, G_N_ELEMENTS (partner_children), error);
      if (id == 0 ||
          !import_children (state, object, id, where, partner_children,
                            G_N_ELEMENTS (partner_children), error))
        return FALSE;
    }

  *n_partners = json_array_get_length (partners);
  return TRUE;
}

gboolean
accord_export_import_json (AccordStore  *store,
                           const char   *json,
                           gssize        length,
                           guint        *n_out,
                           GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) columns = NULL;
  g_autoptr(GHashTable) statements = NULL;
  ImportState state = { store, NULL, NULL };
  JsonNode *root_node;
  JsonObject *root;
  sqlite3_stmt *stmt;
  guint n_partners = 0;
  gboolean ok;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!json_parser_load_from_data (parser, json, length, &local_error))
    {
      g_set_error (error, ACCORD_EXPORT_ERROR, ACCORD_EXPORT_ERROR_INVALID,
                   _("Not a JSON file: %s"), local_error->message);
      return FALSE;
    }

  root_node = json_parser_get_root (parser);
  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node) ||
      g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (root_node),
                                                             "format", NULL),
                 EXPORT_FORMAT) != 0)
    {
      g_set_error_literal (error, ACCORD_EXPORT_ERROR, ACCORD_EXPORT_ERROR_INVALID,
                           _("This JSON file is not a full Accord export"));
      return FALSE;
    }
  root = json_node_get_object (root_node);
  if (json_object_get_int_member_with_default (root, "version", 0) != EXPORT_VERSION ||
      json_object_get_int_member_with_default (root, "schema", 0) > ACCORD_SCHEMA_VERSION)
    {
      g_set_error_literal (error, ACCORD_EXPORT_ERROR, ACCORD_EXPORT_ERROR_INVALID,
                           _("This export was made by a newer version of Accord"));
      return FALSE;
    }

  if (!_accord_store_begin (store, error))
    return FALSE;

  stmt = _accord_store_get_stmt (store, "SELECT count(*) FROM partner", error);
  if (stmt == NULL)
    {
      _accord_store_rollback (store);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW || sqlite3_column_int64 (stmt, 0) > 0)
    {
      sqlite3_reset (stmt);
      _accord_store_rollback (store);
      if (rc != SQLITE_ROW)
        return read_failed (store, rc, error);
      g_set_error_literal (error, ACCORD_EXPORT_ERROR, ACCORD_EXPORT_ERROR_NOT_EMPTY,
                           _("The workspace already has partners; import a full export only "
                             "into a new, empty workspace"));
      return FALSE;
    }
  sqlite3_reset (stmt);

  columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_hash_table_unref);
  statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
  state.columns = columns;
  state.statements = statements;

  ok = import_document (&state, root, &n_partners, error);
  /* Statements are finalized before the transaction ends. */
  g_hash_table_remove_all (statements);
  if (!ok)
    {
      _accord_store_rollback (store);
      return FALSE;
    }
  if (!_accord_store_commit (store, error))
    return FALSE;

  if (n_out != NULL)
    *n_out = n_partners;
  return TRUE;
}

/* ---- iCalendar and vCard ---- */

/* Escapes TEXT as RFC 5545 (3.3.11) and RFC 6350 (3.4) want it: backslash,
 * comma, semicolon and line breaks. */
static char *
escape_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        case '\r':
          if (p[1] != '\n')
            g_string_append (out, "\\n");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

/* Appends one content line, folded at 75 octets without splitting a
 * UTF-8 character, ended by CRLF. Continuation lines start with a space,
 * which counts towards their 75. */
static void
append_line (GString    *out,
             const char *line)
{
  gsize used = 0;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize size = g_utf8_next_char (p) - p;

      if (used + size > LINE_OCTETS)
        {
          g_string_append (out, "\r\n ");
          used = 1;
        }
      g_string_append_len (out, p, size);
      used += size;
    }
  g_string_append (out, "\r\n");
}

G_GNUC_PRINTF (2, 3)
static void
append_linef (GString    *out,
              const char *format,
              ...)
{
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  append_line (out, line);
}

/* "2026-03-01" -> "20260301". */
static char *
compact_date (const char *date)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = date; *p != '\0'; p++)
    if (*p != '-')
      g_string_append_c (out, *p);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
next_day (const char *date)
{
  GDate day;
  char text[16];

  g_date_clear (&day, 1);
  g_date_set_parse (&day, date);
  if (!g_date_valid (&day))
    return compact_date (date);
  g_date_add_days (&day, 1);
  g_date_strftime (text, sizeof text, "%Y%m%d", &day);
  return g_strdup (text);
}

char *
accord_export_ics (AccordStore  *store,
                   guint        *n_out,
                   GError      **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  items = accord_store_list_due (store, -1, error);
  if (items == NULL)
    return NULL;

  /* The stamp follows the store's today, like every date Accord makes, so
   * the same workspace exports the same file on the same day. */
  {
    g_autofree char *today = compact_date (accord_store_get_today (store));
    stamp = g_strdup_printf ("%sT000000Z", today);
  }

  out = g_string_new (NULL);
  append_line (out, "BEGIN:VCALENDAR");
  append_line (out, "VERSION:2.0");
  append_line (out, "PRODID:-//Accord//Accord " PACKAGE_VERSION "//EN");
  append_line (out, "CALSCALE:GREGORIAN");
  append_line (out, "METHOD:PUBLISH");

  for (guint i = 0; i < items->len; i++)
    {
      AccordDueItem *item = g_ptr_array_index (items, i);
      g_autofree char *summary_text =
        g_strdup_printf (C_("calendar item", "%s: %s"), item->partner_name, item->title);
      g_autofree char *summary = escape_text (summary_text);
      g_autofree char *category = escape_text (item->partner_name);
      g_autofree char *start = compact_date (item->due);
      g_autofree char *uid = NULL;

      switch (item->kind)
        {
        case ACCORD_DUE_TASK:
          uid = g_strdup_printf ("task-%" G_GINT64_FORMAT "@accord", item->task_id);
          break;
        case ACCORD_DUE_NOTICE:
          uid = g_strdup_printf ("notice-%" G_GINT64_FORMAT "@accord", item->agreement_id);
          break;
        case ACCORD_DUE_REVISIT:
        case ACCORD_N_DUE_KINDS:
        default:
          uid = g_strdup_printf ("revisit-%" G_GINT64_FORMAT "@accord", item->partner_id);
          break;
        }

      if (item->kind == ACCORD_DUE_TASK)
        {
          append_line (out, "BEGIN:VTODO");
          append_linef (out, "UID:%s", uid);
          append_linef (out, "DTSTAMP:%s", stamp);
          append_linef (out, "DTSTART;VALUE=DATE:%s", start);
          append_linef (out, "SUMMARY:%s", summary);
          append_linef (out, "CATEGORIES:%s", category);
          append_line (out, "STATUS:NEEDS-ACTION");
          append_line (out, "END:VTODO");
        }
      else
        {
          g_autofree char *end = next_day (item->due);

          append_line (out, "BEGIN:VEVENT");
          append_linef (out, "UID:%s", uid);
          append_linef (out, "DTSTAMP:%s", stamp);
          append_linef (out, "DTSTART;VALUE=DATE:%s", start);
          append_linef (out, "DTEND;VALUE=DATE:%s", end);
          append_linef (out, "SUMMARY:%s", summary);
          append_linef (out, "CATEGORIES:%s", category);
          append_line (out, "TRANSP:TRANSPARENT");
          append_line (out, "END:VEVENT");
        }
    }

  append_line (out, "END:VCALENDAR");

  if (n_out != NULL)
    *n_out = items->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* "Ada King Lovelace" -> family "Lovelace", given "Ada King": a guess, as
 * names are stored whole. */
static void
split_name (const char  *name,
            char       **family,
            char       **given)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  const char *space = strrchr (trimmed, ' ');

  if (space == NULL)
    {
      *family = g_strdup (trimmed);
      *given = g_strdup ("");
      return;
    }

  *family = g_strdup (space + 1);
  *given = g_strstrip (g_strndup (trimmed, space - trimmed));
}

char *
accord_export_vcf (AccordStore  *store,
                   guint        *n_out,
                   GError      **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  stmt = _accord_store_get_stmt (store,
                                 "SELECT c.id, c.name, c.role, c.email, c.phone, c.profile_url, "
                                 "p.name FROM contact c JOIN partner p ON p.id = c.partner_id "
                                 "WHERE p.trashed_at IS NULL ORDER BY p.id, c.is_primary DESC, c.id",
                                 error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *role = (const char *) sqlite3_column_text (stmt, 2);
      const char *email = (const char *) sqlite3_column_text (stmt, 3);
      const char *phone = (const char *) sqlite3_column_text (stmt, 4);
      const char *url = (const char *) sqlite3_column_text (stmt, 5);
      g_autofree char *fn = escape_text (name);
      g_autofree char *org = escape_text ((const char *) sqlite3_column_text (stmt, 6));
      g_autofree char *family = NULL;
      g_autofree char *given = NULL;
      g_autofree char *family_escaped = NULL;
      g_autofree char *given_escaped = NULL;

      split_name (name, &family, &given);
      family_escaped = escape_text (family);
      given_escaped = escape_text (given);

      append_line (out, "BEGIN:VCARD");
      append_line (out, "VERSION:4.0");
      append_linef (out, "UID:urn:accord:contact:%" G_GINT64_FORMAT, id);
      append_linef (out, "FN:%s", fn);
      append_linef (out, "N:%s;%s;;;", family_escaped, given_escaped);
      append_linef (out, "ORG:%s", org);
      if (role != NULL && *role != '\0')
        {
          g_autofree char *escaped = escape_text (role);
          append_linef (out, "ROLE:%s", escaped);
        }
      if (email != NULL && *email != '\0')
        {
          g_autofree char *escaped = escape_text (email);
          append_linef (out, "EMAIL:%s", escaped);
        }
      if (phone != NULL && *phone != '\0')
        {
          g_autofree char *escaped = escape_text (phone);
          append_linef (out, "TEL;VALUE=text:%s", escaped);
        }
      if (url != NULL && *url != '\0')
        {
          g_autofree char *escaped = escape_text (url);
          append_linef (out, "URL:%s", escaped);
        }
      append_line (out, "END:VCARD");
      n++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      read_failed (store, rc, error);
      return NULL;
    }

  if (n_out != NULL)
    *n_out = n;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- Dispatch ---- */

char *
accord_export_to_string (AccordStore         *store,
                         AccordExportFormat   format,
                         AccordExportWhat     what,
                         guint               *n_out,
                         GError             **error)
{
  switch (format)
    {
    case ACCORD_EXPORT_FORMAT_CSV:
      return accord_export_csv (store, what, n_out, error);
    case ACCORD_EXPORT_FORMAT_JSON:
      return accord_export_json (store, n_out, error);
    case ACCORD_EXPORT_FORMAT_ICS:
      return accord_export_ics (store, n_out, error);
    case ACCORD_EXPORT_FORMAT_VCF:
      return accord_export_vcf (store, n_out, error);
    case ACCORD_N_EXPORT_FORMATS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
accord_export_to_file (AccordStore         *store,
                       AccordExportFormat   format,
                       AccordExportWhat     what,
                       const char          *path,
                       guint               *n_out,
                       GError             **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  text = accord_export_to_string (store, format, what, n_out, error);
  if (text == NULL)
    return FALSE;

  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
