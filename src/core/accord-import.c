/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-import.h"

#include "accord-contact.h"
#include "accord-csv.h"
#include "accord-enums.h"
#include "accord-lifecycle.h"
#include "accord-partner.h"
#include "accord-store.h"
#include "accord-store-private.h"
#include "accord-partner-private.h"
#include "accord-validate.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

/* What a column of the file fills. */
typedef enum
{
  COLUMN_IGNORED,   /* left out by the mapping */
  COLUMN_PARTNER,   /* a partner field */
  COLUMN_CONTACT,   /* a field of the primary contact */
  COLUMN_STAGE,     /* the stage the partner starts in */
} ColumnKind;

typedef struct
{
  ColumnKind kind;
  int        field;   /* AccordPartnerField or AccordContactField; 0 for the stage */
} Column;

/* The column that sets the initial stage: not a field, since a stored
 * partner changes stage only by a recorded move. */
#define STAGE_COLUMN "stage"
#define IGNORE_TARGET "ignore"

/* The contact columns a file may add to the partner's own, and the contact
 * fields they fill. */
static const struct
{
  const char         *key;
  AccordContactField  field;
  const char         *label;
} contact_columns[] = {
  { "contact_name", ACCORD_CONTACT_FIELD_NAME, N_("Contact name") },
  { "contact_email", ACCORD_CONTACT_FIELD_EMAIL, N_("Contact email") },
  { "contact_role", ACCORD_CONTACT_FIELD_ROLE, N_("Contact role") },
};

/* Header names people use for a target, in normalised form (lower case,
 * anything but letters and digits as "_"). The keys themselves and the
 * translated labels are recognised as well. */
static const struct
{
  const char *header;
  const char *target;
} synonyms[] = {
  { "company", "name" },
  { "company_name", "name" },
  { "organisation", "name" },
  { "organization", "name" },
  { "organisation_name", "name" },
  { "organization_name", "name" },
  { "partner", "name" },
  { "partner_name", "name" },
  { "account", "name" },
  { "account_name", "name" },
  { "business", "name" },
  { "url", "website" },
  { "web", "website" },
  { "web_site", "website" },
  { "site", "website" },
  { "homepage", "website" },
  { "home_page", "website" },
  { "domain", "website" },
  { "about", "description" },
  { "summary", "description" },
  { "note", "notes" },
  { "comment", "notes" },
  { "comments", "notes" },
  { "tag", "tags" },
  { "labels", "tags" },
  { "categories", "tags" },
  { "account_owner", "owner" },
  { "type", "partnership_type" },
  { "partnership", "partnership_type" },
  { "contact", "contact_name" },
  { "contact_person", "contact_name" },
  { "person", "contact_name" },
  { "full_name", "contact_name" },
  { "email", "contact_email" },
  { "e_mail", "contact_email" },
  { "mail", "contact_email" },
  { "email_address", "contact_email" },
  { "e_mail_address", "contact_email" },
  { "contact_e_mail", "contact_email" },
  { "role", "contact_role" },
  { "job_title", "contact_role" },
  { "title", "contact_role" },
  { "lifecycle_stage", "stage" },
  { "status", "stage" },
};

static const char *const match_keys[] = {
  [ACCORD_IMPORT_MATCH_NONE] = "none",
  [ACCORD_IMPORT_MATCH_NAME] = "name",
  [ACCORD_IMPORT_MATCH_DOMAIN] = "domain",
  [ACCORD_IMPORT_MATCH_EMAIL] = "email",
};

/* A row that passed its checks, waiting to be written. */
typedef struct
{
  guint          line;
  AccordPartner *partner;   /* the partner as it will be (new, or existing + the row) */
  gint64         update_id; /* the existing partner's id, or 0 to create */
  GPtrArray     *contacts;  /* AccordContact, or NULL */
} PendingRow;

/* Everything one import collects before anything is written. */
typedef struct
{
  GArray             *columns;    /* Column, one per header cell */
  GPtrArray          *pending;    /* PendingRow */
  AccordImportReport *report;
  AccordStore        *store;
  AccordImportMatch   match;
  int                 key_column; /* the column holding the match key, or -1 */
  GHashTable         *existing;   /* match key -> AccordPartner (borrowed) */
  GHashTable         *seen_keys;  /* match key -> first line (GUINT_TO_POINTER) */
  GHashTable         *updated;    /* AccordPartner -> PendingRow that updates it */
} ImportState;

static void
pending_row_free (gpointer data)
{
  PendingRow *row = data;

  g_clear_object (&row->partner);
  g_clear_pointer (&row->contacts, g_ptr_array_unref);
  g_free (row);
}

/**
 * accord_import_match_to_key:
 * @match: a match key
 *
 * Returns: "none", "name", "domain" or "email"
 */
const char *
accord_import_match_to_key (AccordImportMatch match)
{
  g_return_val_if_fail (match <= ACCORD_IMPORT_MATCH_EMAIL, NULL);
  return match_keys[match];
}

/**
 * accord_import_match_from_key:
 * @key: "none", "name", "domain" or "email"
 * @out: (out): the match key
 *
 * Returns: %FALSE for an unknown key
 */
gboolean
accord_import_match_from_key (const char        *key,
                              AccordImportMatch *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (match_keys); i++)
    if (g_strcmp0 (key, match_keys[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * accord_import_list_targets:
 *
 * Returns: (transfer none): every target key a column can be mapped to
 */
const char * const *
accord_import_list_targets (void)
{
  static gsize targets;

  if (g_once_init_enter (&targets))
    {
      GPtrArray *list = g_ptr_array_new ();

      for (guint i = 0; i < ACCORD_N_PARTNER_FIELDS; i++)
        g_ptr_array_add (list, (gpointer) accord_partner_field_to_key (i));
      for (guint i = 0; i < G_N_ELEMENTS (contact_columns); i++)
        g_ptr_array_add (list, (gpointer) contact_columns[i].key);
      g_ptr_array_add (list, (gpointer) STAGE_COLUMN);
      g_ptr_array_add (list, NULL);
      g_once_init_leave (&targets, (gsize) g_ptr_array_free (list, FALSE));
    }

  return (const char * const *) targets;
}

/**
 * accord_import_target_get_label:
 * @target: a target key
 *
 * Returns: the translated label, or @target when unknown
 */
const char *
accord_import_target_get_label (const char *target)
{
  AccordPartnerField field;

  if (accord_partner_field_from_key (target, &field))
    return accord_partner_field_get_label (field);
  for (guint i = 0; i < G_N_ELEMENTS (contact_columns); i++)
    if (g_strcmp0 (target, contact_columns[i].key) == 0)
      return _(contact_columns[i].label);
  if (g_strcmp0 (target, STAGE_COLUMN) == 0)
    return _("Stage");
  return target;
}

/* Lower case, every run of other characters one "_", none at the ends. */
static char *
normalize_header (const char *header)
{
  g_autofree char *folded = g_utf8_casefold (header, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
      else if (out->len > 0 && out->str[out->len - 1] != '_')
        g_string_append_c (out, '_');
    }
  while (out->len > 0 && out->str[out->len - 1] == '_')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/**
 * accord_import_guess_target:
 * @header: a header cell
 *
 * Returns: (nullable): the target key @header most likely means
 */
const char *
accord_import_guess_target (const char *header)
{
  g_autofree char *key = normalize_header (header != NULL ? header : "");
  const char * const *targets = accord_import_list_targets ();

  if (*key == '\0')
    return NULL;

  for (guint i = 0; targets[i] != NULL; i++)
    if (g_str_equal (key, targets[i]))
      return targets[i];
  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    if (g_str_equal (key, synonyms[i].header))
      return synonyms[i].target;
  for (guint i = 0; targets[i] != NULL; i++)
    {
      g_autofree char *label = normalize_header (accord_import_target_get_label (targets[i]));

      if (g_str_equal (key, label))
        return targets[i];
    }

  return NULL;
}

/**
 * accord_import_normalize_domain:
 * @website: (nullable): a website as people write it
 *
 * Returns: (transfer full): the host in lower case without "www.", port or
 *   path; "" when there is none
 */
char *
accord_import_normalize_domain (const char *website)
{
  g_autofree char *text = g_ascii_strdown (website != NULL ? website : "", -1);
  char *host = g_strstrip (text);
  char *end;

  if ((end = strstr (host, "://")) != NULL)
    host = end + 3;
  if ((end = strchr (host, '@')) != NULL && strcspn (host, "/?#") > (gsize) (end - host))
    host = end + 1;
  host[strcspn (host, "/?#:")] = '\0';
  while (g_str_has_suffix (host, "."))
    host[strlen (host) - 1] = '\0';
  if (g_str_has_prefix (host, "www."))
    host += 4;

  return g_strdup (host);
}

static void
import_problem_free (gpointer data)
{
  AccordImportProblem *problem = data;

  g_free (problem->message);
  g_free (problem);
}

/**
 * accord_import_report_free:
 * @report: (nullable): a report
 *
 * Frees @report and its problems.
 */
void
accord_import_report_free (AccordImportReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report);
}

static AccordImportReport *
import_report_new (void)
{
  AccordImportReport *report = g_new0 (AccordImportReport, 1);

  report->problems = g_ptr_array_new_with_free_func (import_problem_free);
  return report;
}

static void
add_problem (AccordImportReport *report,
             guint               line,
             const char         *message)
{
  AccordImportProblem *problem = g_new0 (AccordImportProblem, 1);

  problem->line = line;
  problem->message = g_strdup (message);
  g_ptr_array_add (report->problems, problem);
}

/* The keys an enum field accepts, for the message about an unknown one.
 * Key 0 is "" (not set), which an empty cell already says. */
static char *
dup_allowed_keys (AccordPartnerField field)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_values;

  switch (field)
    {
    case ACCORD_PARTNER_FIELD_SOURCE:
      n_values = ACCORD_N_SOURCES;
      break;
    case ACCORD_PARTNER_FIELD_POSITION:
      n_values = ACCORD_N_POSITIONS;
      break;
    case ACCORD_PARTNER_FIELD_TYPE:
      n_values = ACCORD_N_PARTNERSHIP_TYPES;
      break;
    case ACCORD_PARTNER_FIELD_TIER:
      n_values = ACCORD_N_TIERS;
      break;
    case ACCORD_PARTNER_FIELD_PRIORITY:
      n_values = ACCORD_N_PRIORITIES;
      break;
    default:
      g_assert_not_reached ();
    }

  for (guint i = 1; i < n_values; i++)
    {
      const char *key = NULL;

      switch (field)
        {
        case ACCORD_PARTNER_FIELD_SOURCE:
          key = accord_source_to_key (i);
          break;
        case ACCORD_PARTNER_FIELD_POSITION:
          key = accord_position_to_key (i);
          break;
        case ACCORD_PARTNER_FIELD_TYPE:
          key = accord_partnership_type_to_key (i);
          break;
        case ACCORD_PARTNER_FIELD_TIER:
          key = accord_tier_to_key (i);
          break;
        case ACCORD_PARTNER_FIELD_PRIORITY:
          key = accord_priority_to_key (i);
          break;
        default:
          g_assert_not_reached ();
        }

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, key);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
is_enum_field (AccordPartnerField field)
{
  return field == ACCORD_PARTNER_FIELD_SOURCE ||
         field == ACCORD_PARTNER_FIELD_POSITION ||
         field == ACCORD_PARTNER_FIELD_TYPE ||
         field == ACCORD_PARTNER_FIELD_TIER ||
         field == ACCORD_PARTNER_FIELD_PRIORITY;
}

static gboolean
is_rating_field (AccordPartnerField field)
{
  return field >= ACCORD_PARTNER_FIELD_STRATEGIC_ALIGNMENT &&
         field <= ACCORD_PARTNER_FIELD_READINESS;
}

static gboolean
row_is_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const char *p = g_ptr_array_index (fields, i);

      while (g_ascii_isspace (*p))
        p++;
      if (*p != '\0')
        return FALSE;
    }

  return TRUE;
}

/* Records a problem that stops the whole import, and fails with it. */
static void
fail_with_problem (AccordImportReport  *report,
                   guint                line,
                   const char          *message,
                   GError             **error)
{
  add_problem (report, line, message);
  g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
               _("Line %u: %s"), line, message);
}

/* The target of a header: the mapping's when it names the column, else a
 * guess. Returns NULL when neither knows it. */
static const char *
target_for_header (GHashTable *mapping,
                   const char *header)
{
  if (mapping != NULL)
    {
      g_autofree char *key = g_utf8_casefold (header, -1);
      const char *target = g_hash_table_lookup (mapping, g_strstrip (key));

      if (target != NULL)
        return target;
    }
  return accord_import_guess_target (header);
}

static const char *
match_column_key (AccordImportMatch match)
{
  switch (match)
    {
    case ACCORD_IMPORT_MATCH_NAME:
      return "name";
    case ACCORD_IMPORT_MATCH_DOMAIN:
      return "website";
    case ACCORD_IMPORT_MATCH_EMAIL:
      return "contact_email";
    case ACCORD_IMPORT_MATCH_NONE:
    default:
      return NULL;
    }
}

/* Reads the header into state->columns. A header problem is not a row
 * problem: without knowing the columns no row means anything, so it fails
 * the import whatever the flags. */
static gboolean
parse_header (ImportState  *state,
              GHashTable   *mapping,
              GPtrArray    *fields,
              guint         line,
              GError      **error)
{
  gboolean seen_partner[ACCORD_N_PARTNER_FIELDS] = { FALSE, };
  gboolean seen_contact[ACCORD_N_CONTACT_FIELDS] = { FALSE, };
  gboolean seen_stage = FALSE;
  const char *key_target = match_column_key (state->match);

  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *header = g_strstrip (g_strdup (g_ptr_array_index (fields, i)));
      const char *target;
      AccordPartnerField partner_field;
      Column column = { COLUMN_PARTNER, -1 };
      gboolean *seen;

      if (*header == '\0')
        {
          g_autofree char *message =
            g_strdup_printf (_("Column %u has no name in the header"), i + 1);

          fail_with_problem (state->report, line, message, error);
          return FALSE;
        }

      target = target_for_header (mapping, header);
      if (target == NULL)
        {
          g_autofree char *known_headers =
            g_strjoinv (", ", (char **) accord_import_list_targets ());
          g_autofree char *message =
            g_strdup_printf (_("Unknown column “%s”; the columns can be: %s"),
                             header, known_headers);

          fail_with_problem (state->report, line, message, error);
          return FALSE;
        }

      if (*target == '\0' || g_str_equal (target, IGNORE_TARGET))
        {
          column.kind = COLUMN_IGNORED;
          column.field = 0;
          g_array_append_val (state->columns, column);
          continue;
        }

      if (accord_partner_field_from_key (target, &partner_field))
        column.field = partner_field;
      else if (g_str_equal (target, STAGE_COLUMN))
        {
          column.kind = COLUMN_STAGE;
          column.field = 0;
        }
      else
        {
          for (guint j = 0; j < G_N_ELEMENTS (contact_columns); j++)
            if (g_str_equal (target, contact_columns[j].key))
              {
                column.kind = COLUMN_CONTACT;
                column.field = contact_columns[j].field;
              }
        }

      if (column.field < 0)
        {
          g_autofree char *known = g_strjoinv (", ", (char **) accord_import_list_targets ());
          g_autofree char *message =
            g_strdup_printf (_("“%s” is not a field a column can fill; use one of: %s"),
                             target, known);

          fail_with_problem (state->report, line, message, error);
          return FALSE;
        }

      /* Two columns filling one field would silently lose one of them, so
       * a repeated target is refused. */
      switch (column.kind)
        {
        case COLUMN_CONTACT:
          seen = &seen_contact[column.field];
          break;
        case COLUMN_STAGE:
          seen = &seen_stage;
          break;
        case COLUMN_PARTNER:
        case COLUMN_IGNORED:
        default:
          seen = &seen_partner[column.field];
          break;
        }
      if (*seen)
        {
          g_autofree char *message =
            g_strdup_printf (_("The column “%s” appears twice"), target);

          fail_with_problem (state->report, line, message, error);
          return FALSE;
        }
      *seen = TRUE;

      if (key_target != NULL && g_str_equal (target, key_target))
        state->key_column = state->columns->len;
      g_array_append_val (state->columns, column);
    }

  /* Without a match key every row creates a partner, which needs a name;
   * with one, rows may only update, so the name is checked per row. */
  if (state->match == ACCORD_IMPORT_MATCH_NONE && !seen_partner[ACCORD_PARTNER_FIELD_NAME])
    {
      fail_with_problem (state->report, line,
                         _("The header has no “name” column; every partner needs a name"),
                         error);
      return FALSE;
    }
  if (state->match != ACCORD_IMPORT_MATCH_NONE && state->key_column < 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("Matching by %s needs a “%s” column"),
                         accord_import_match_to_key (state->match), key_target);

      fail_with_problem (state->report, line, message, error);
      return FALSE;
    }

  return TRUE;
}

/* The match key of a value of the key column, "" when it has none. */
static char *
dup_match_key (AccordImportMatch  match,
               const char        *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value != NULL ? value : ""));

  switch (match)
    {
    case ACCORD_IMPORT_MATCH_DOMAIN:
      return accord_import_normalize_domain (stripped);
    case ACCORD_IMPORT_MATCH_NAME:
    case ACCORD_IMPORT_MATCH_EMAIL:
      return g_utf8_casefold (stripped, -1);
    case ACCORD_IMPORT_MATCH_NONE:
    default:
      return g_strdup ("");
    }
}

/* Fills state->existing with the live partners by match key. */
static gboolean
index_existing (ImportState  *state,
                GError      **error)
{
  GListModel *partners = accord_store_get_partners (state->store);
  guint n = g_list_model_get_n_items (partners);

  if (state->match == ACCORD_IMPORT_MATCH_EMAIL)
    {
      sqlite3_stmt *stmt =
        _accord_store_get_stmt (state->store,
                                "SELECT partner_id, email FROM contact WHERE email <> '' "
                                "ORDER BY is_primary DESC, id", error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          AccordPartner *partner =
            accord_store_lookup_partner (state->store, sqlite3_column_int64 (stmt, 0));
          char *key;

          if (partner == NULL || accord_partner_get_trashed_at (partner) != NULL)
            continue;
          key = dup_match_key (state->match, (const char *) sqlite3_column_text (stmt, 1));
          if (*key == '\0' || g_hash_table_contains (state->existing, key))
            g_free (key);
          else
            g_hash_table_insert (state->existing, key, partner);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return _accord_store_set_error (state->store, rc, _("Could not read the workspace"),
                                        error);
      return TRUE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordPartner) partner = g_list_model_get_item (partners, i);
      const char *value = state->match == ACCORD_IMPORT_MATCH_NAME
                          ? accord_partner_get_name (partner)
                          : accord_partner_get_website (partner);
      char *key = dup_match_key (state->match, value);

      /* The first partner wins when two share a key. */
      if (*key == '\0' || g_hash_table_contains (state->existing, key))
        g_free (key);
      else
        g_hash_table_insert (state->existing, key, partner);
    }

  return TRUE;
}

/* A copy of a stored partner's fields, to change without touching it. */
static AccordPartner *
copy_partner (AccordPartner *partner)
{
  AccordPartner *copy = accord_partner_new ("");

  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    {
      g_autofree char *text = accord_partner_dup_field_text (partner, f);

      accord_partner_set_field_text (copy, f, text);
    }
  return copy;
}

/* Turns one row into a pending partner and its primary contact. Records
 * every problem it finds, so the person can fix the file in one go. */
static gboolean
parse_row (ImportState  *state,
           GPtrArray    *fields,
           guint         line)
{
  g_autoptr(AccordPartner) partner = NULL;
  g_autoptr(AccordContact) contact = NULL;
  /* Every slot holds a string, so g_strfreev() frees them all. */
  g_auto(GStrv) contact_values = g_new0 (char *, ACCORD_N_CONTACT_FIELDS + 1);
  AccordPartner *existing = NULL;
  gboolean has_contact = FALSE;
  guint n_problems = state->report->problems->len;
  PendingRow *row;

  for (guint i = 0; i < ACCORD_N_CONTACT_FIELDS; i++)
    contact_values[i] = g_strdup ("");

  /* Spreadsheets often end rows with empty cells past the last column;
   * only a real value there means the row does not match the header. */
  for (guint i = state->columns->len; i < fields->len; i++)
    {
      g_autofree char *value = g_strstrip (g_strdup (g_ptr_array_index (fields, i)));

      if (*value != '\0')
        {
          g_autofree char *message =
            g_strdup_printf (_("The row has %u values but the header has %u columns"),
                             fields->len, state->columns->len);

          add_problem (state->report, line, message);
          return FALSE;
        }
    }

  if (state->key_column >= 0)
    {
      const char *value = (guint) state->key_column < fields->len
                          ? g_ptr_array_index (fields, state->key_column) : "";
      g_autofree char *key = dup_match_key (state->match, value);

      if (*key != '\0')
        {
          gpointer first_line;

          if (g_hash_table_lookup_extended (state->seen_keys, key, NULL, &first_line))
            {
              g_autofree char *message =
                g_strdup_printf (_("Line %u already has this %s; put the two rows together"),
                                 GPOINTER_TO_UINT (first_line),
                                 accord_import_match_to_key (state->match));

              add_problem (state->report, line, message);
              return FALSE;
            }
          g_hash_table_insert (state->seen_keys, g_strdup (key), GUINT_TO_POINTER (line));
          existing = g_hash_table_lookup (state->existing, key);
        }
    }

  /* An update starts from what the partner has; the row's empty cells
   * leave those fields alone. */
  partner = existing != NULL ? copy_partner (existing) : accord_partner_new ("");

  for (guint i = 0; i < state->columns->len; i++)
    {
      const Column *column = &g_array_index (state->columns, Column, i);
      g_autofree char *value = NULL;
      g_autoptr(GError) local_error = NULL;

      if (column->kind == COLUMN_IGNORED)
        continue;

      /* A short row leaves its last columns empty. */
      value = g_strstrip (g_strdup (i < fields->len ? g_ptr_array_index (fields, i) : ""));

      /* An update leaves alone what the row leaves empty, and the key
       * that found the partner (which may be written differently). */
      if (existing != NULL && (*value == '\0' || (int) i == state->key_column))
        continue;

      if (column->kind == COLUMN_CONTACT)
        {
          has_contact |= *value != '\0';
          g_free (contact_values[column->field]);
          contact_values[column->field] = g_steal_pointer (&value);
        }
      else if (column->kind == COLUMN_STAGE)
        {
          AccordStage stage = ACCORD_STAGE_IDENTIFIED;

          /* An empty cell is a partner just found, as in the app. */
          if (*value != '\0' && !accord_stage_from_key (value, &stage))
            {
              g_autofree char *allowed = accord_stage_dup_keys ();
              g_autofree char *message =
                g_strdup_printf (_("“%s” is not a known stage; use one of: %s"), value, allowed);

              add_problem (state->report, line, message);
            }
          /* A stored partner changes stage only by a recorded move, so an
           * update leaves the stage as it is. */
          else if (existing == NULL)
            accord_partner_set_initial_stage (partner, stage);
        }
      else if (is_rating_field (column->field))
        {
          /* The validator names the criterion by its label; the person
           * fixing the file sees the column's key. */
          if (!accord_validate_partner_field (column->field, value, NULL))
            {
              g_autofree char *message =
                g_strdup_printf (_("“%s” is not a rating for %s; use 1 to 5, or leave it "
                                   "empty when not rated yet"),
                                 value, accord_partner_field_to_key (column->field));

              add_problem (state->report, line, message);
            }
          else
            accord_partner_set_field_text (partner, column->field, value);
        }
      else if (is_enum_field (column->field))
        {
          /* The validator's message does not list the choices, and
           * someone editing a spreadsheet needs them. */
          if (!accord_partner_set_field_text (partner, column->field, value))
            {
              g_autofree char *allowed = dup_allowed_keys (column->field);
              g_autofree char *message =
                g_strdup_printf (_("“%s” is not a known %s; use one of: %s"),
                                 value, accord_partner_field_to_key (column->field), allowed);

              add_problem (state->report, line, message);
            }
        }
      else if (!accord_validate_partner_field (column->field, value, &local_error))
        add_problem (state->report, line, local_error->message);
      else
        accord_partner_set_field_text (partner, column->field, value);
    }

  if (has_contact)
    {
      const char *name = contact_values[ACCORD_CONTACT_FIELD_NAME];

      contact = accord_contact_new (name);
      /* An update may name the contact by email alone: the stored one
       * keeps its name. */
      if (*name == '\0' && existing == NULL)
        add_problem (state->report, line,
                     _("The contact has an email or role but no contact_name"));

      for (guint i = 0; i < ACCORD_N_CONTACT_FIELDS; i++)
        {
          g_autoptr(GError) local_error = NULL;

          if (i == ACCORD_CONTACT_FIELD_NAME || *contact_values[i] == '\0')
            continue;
          if (!accord_validate_contact_field (i, contact_values[i], &local_error))
            add_problem (state->report, line, local_error->message);
          else
            accord_contact_set_field (contact, i, contact_values[i]);
        }
    }

  if (state->report->problems->len > n_problems)
    return FALSE;

  /* The per-field checks passed; this catches any rule that spans fields
   * here rather than letting the store refuse the whole batch for it. */
  {
    g_autoptr(GError) local_error = NULL;

    if (!accord_validate_partner (partner, &local_error) ||
        (contact != NULL && *accord_contact_get_name (contact) != '\0' &&
         !accord_validate_contact (contact, &local_error)))
      {
        add_problem (state->report, line, local_error->message);
        return FALSE;
      }
  }

  row = g_new0 (PendingRow, 1);
  row->line = line;
  row->partner = g_steal_pointer (&partner);
  row->update_id = existing != NULL ? accord_partner_get_id (existing) : 0;
  if (contact != NULL)
    {
      row->contacts = g_ptr_array_new_with_free_func (g_object_unref);
      accord_contact_set_is_primary (contact, TRUE);
      g_ptr_array_add (row->contacts, g_steal_pointer (&contact));
    }
  g_ptr_array_add (state->pending, row);

  if (existing != NULL)
    state->report->n_updated++;
  else
    state->report->n_created++;
  return TRUE;
}

/* Binds a field's text form: ratings as integers (NULL when unrated),
 * everything else as text. */
static void
bind_field (sqlite3_stmt       *stmt,
            int                 index,
            AccordPartner      *partner,
            AccordPartnerField  field)
{
  char *text = accord_partner_dup_field_text (partner, field);

  if (is_rating_field (field))
    {
      if (*text == '\0')
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int (stmt, index, atoi (text));
      g_free (text);
      return;
    }
  sqlite3_bind_text (stmt, index, text, -1, g_free);
}

/* Binds the 21 stored partner columns (tags live apart) from ?1 on. */
static void
bind_partner_columns (sqlite3_stmt  *stmt,
                      AccordPartner *partner)
{
  int col = 1;

  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    {
      if (f == ACCORD_PARTNER_FIELD_TAGS)
        continue;
      bind_field (stmt, col++, partner, f);
    }
}

static gboolean
write_tags (AccordStore    *store,
            gint64          partner_id,
            AccordPartner  *partner,
            gboolean        replace,
            GError        **error)
{
  const char * const *tags = accord_partner_get_tags (partner);
  sqlite3_stmt *stmt;

  if (replace)
    {
      stmt = _accord_store_get_stmt (store, "DELETE FROM partner_tag WHERE partner_id = ?1",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, partner_id);
      if (!_accord_store_step_done (store, stmt, _("Could not save"), error))
        return FALSE;
    }

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      stmt = _accord_store_get_stmt (store,
                                     "INSERT INTO partner_tag (partner_id, position, tag) "
                                     "VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, partner_id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, tags[i], -1, SQLITE_STATIC);
      if (!_accord_store_step_done (store, stmt, _("Could not save"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
create_partner (AccordStore  *store,
                PendingRow   *row,
                const char   *now,
                GError      **error)
{
  AccordPartner *partner = row->partner;
  const char *today = accord_store_get_today (store);
  AccordStage stage = accord_partner_get_stage (partner);
  g_autofree char *revisit_on = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (stage == ACCORD_STAGE_ON_HOLD)
    revisit_on = accord_date_add_months (today, ACCORD_HOLD_DEFAULT_MONTHS);

  stmt = _accord_store_get_stmt (store,
                                 "INSERT INTO partner (name, website, description, notes, owner, "
                                 "source, position, partnership_type, why_fit, tier, "
                                 "strategic_alignment, value_exchange, reach, operational_fit, "
                                 "readiness, priority_override, their_gains, our_offerings, "
                                 "their_pains, our_pain_relievers, value_proposition, created_at, "
                                 "updated_at, stage, stage_since, revisit_on) VALUES (?1, ?2, ?3, "
                                 "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                                 "?18, ?19, ?20, ?21, ?22, ?22, ?23, ?24, ?25)", error);
  if (stmt == NULL)
    return FALSE;
  bind_partner_columns (stmt, partner);
  sqlite3_bind_text (stmt, 22, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 23, accord_stage_to_key (stage), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 24, today, -1, SQLITE_STATIC);
  if (revisit_on != NULL)
    sqlite3_bind_text (stmt, 25, revisit_on, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 25);
  if (!_accord_store_step_done (store, stmt, _("Could not save the partner"), error))
    return FALSE;
  id = sqlite3_last_insert_rowid (_accord_store_get_db (store));

  stmt = _accord_store_get_stmt (store,
                                 "INSERT INTO stage_change (partner_id, stage, date, note, "
                                 "revisit_on) VALUES (?1, ?2, ?3, '', ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, accord_stage_to_key (stage), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, today, -1, SQLITE_STATIC);
  if (revisit_on != NULL)
    sqlite3_bind_text (stmt, 4, revisit_on, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 4);
  if (!_accord_store_step_done (store, stmt, _("Could not save the stage"), error))
    return FALSE;

  if (!write_tags (store, id, partner, FALSE, error))
    return FALSE;

  for (guint i = 0; row->contacts != NULL && i < row->contacts->len; i++)
    {
      AccordContact *contact = row->contacts->pdata[i];

      stmt = _accord_store_get_stmt (store,
                                     "INSERT INTO contact (partner_id, name, role, email, phone, "
                                     "profile_url, is_primary) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      for (guint f = 0; f < ACCORD_N_CONTACT_FIELDS; f++)
        sqlite3_bind_text (stmt, 2 + f, accord_contact_get_field (contact, f), -1,
                           SQLITE_STATIC);
      sqlite3_bind_int (stmt, 7, i == 0);
      if (!_accord_store_step_done (store, stmt, _("Could not save the contact"), error))
        return FALSE;
    }

  return TRUE;
}

/* An update's contact: the partner's contact with the same email (or, the
 * row having no email, the same name) takes the row's values; otherwise
 * it is added, primary when the partner has none. */
static gboolean
update_contact (AccordStore    *store,
                gint64          partner_id,
                AccordContact  *contact,
                GError        **error)
{
  const char *email = accord_contact_get_field (contact, ACCORD_CONTACT_FIELD_EMAIL);
  const char *name = accord_contact_get_name (contact);
  sqlite3_stmt *stmt;
  gint64 contact_id = 0;
  int rc;

  if (*email != '\0')
    stmt = _accord_store_get_stmt (store,
                                   "SELECT id FROM contact WHERE partner_id = ?1 AND "
                                   "lower(email) = lower(?2) ORDER BY id LIMIT 1", error);
  else
    stmt = _accord_store_get_stmt (store,
                                   "SELECT id FROM contact WHERE partner_id = ?1 AND "
                                   "lower(name) = lower(?2) ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, *email != '\0' ? email : name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    contact_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _accord_store_set_error (store, rc, _("Could not read the contacts"), error);

  if (contact_id != 0)
    {
      stmt = _accord_store_get_stmt (store,
                                     "UPDATE contact SET name = CASE WHEN ?2 = '' THEN name "
                                     "ELSE ?2 END, role = CASE WHEN ?3 = '' THEN role ELSE ?3 END, "
                                     "email = CASE WHEN ?4 = '' THEN email ELSE ?4 END "
                                     "WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, contact_id);
    }
  else
    {
      if (*name == '\0')
        return TRUE;
      stmt = _accord_store_get_stmt (store,
                                     "INSERT INTO contact (partner_id, name, role, email, phone, "
                                     "profile_url, is_primary) VALUES (?1, ?2, ?3, ?4, '', '', "
                                     "NOT EXISTS (SELECT 1 FROM contact WHERE partner_id = ?1 "
                                     "AND is_primary = 1))", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, partner_id);
    }
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, accord_contact_get_field (contact, ACCORD_CONTACT_FIELD_ROLE), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, email, -1, SQLITE_STATIC);
  return _accord_store_step_done (store, stmt, _("Could not save the contact"), error);
}

static gboolean
update_partner (AccordStore  *store,
                PendingRow   *row,
                const char   *now,
                GError      **error)
{
  sqlite3_stmt *stmt =
    _accord_store_get_stmt (store,
                            "UPDATE partner SET name = ?1, website = ?2, description = ?3, "
                            "notes = ?4, owner = ?5, source = ?6, position = ?7, "
                            "partnership_type = ?8, why_fit = ?9, tier = ?10, "
                            "strategic_alignment = ?11, value_exchange = ?12, reach = ?13, "
                            "operational_fit = ?14, readiness = ?15, priority_override = ?16, "
                            "their_gains = ?17, our_offerings = ?18, their_pains = ?19, "
                            "our_pain_relievers = ?20, value_proposition = ?21, "
                            "updated_at = ?22 WHERE id = ?23", error);

  if (stmt == NULL)
    return FALSE;
  bind_partner_columns (stmt, row->partner);
  sqlite3_bind_text (stmt, 22, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 23, row->update_id);
  if (!_accord_store_step_done (store, stmt, _("Could not save the partner"), error))
    return FALSE;
  if (!write_tags (store, row->update_id, row->partner, TRUE, error))
    return FALSE;
  for (guint i = 0; row->contacts != NULL && i < row->contacts->len; i++)
    if (!update_contact (store, row->update_id, row->contacts->pdata[i], error))
      return FALSE;
  return TRUE;
}

/* Progress every this many rows: often enough for a smooth bar, rarely
 * enough to cost nothing. */
#define PROGRESS_STEP 500

static void
report_progress (const AccordImportOptions *options,
                 AccordImportPhase          phase,
                 guint                      done,
                 guint                      total)
{
  if (options->progress != NULL && (done % PROGRESS_STEP == 0 || done == total))
    options->progress (phase, done, total, options->progress_data);
}

/* Writes the pending rows in one transaction; nothing on failure or
 * cancel. */
static gboolean
write_pending (AccordStore                *store,
               const AccordImportOptions  *options,
               GPtrArray                  *pending,
               GCancellable               *cancellable,
               GError                    **error)
{
  g_autofree char *now = _accord_store_now_utc ();

  if (!_accord_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < pending->len; i++)
    {
      PendingRow *row = pending->pdata[i];
      gboolean ok;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          _accord_store_rollback (store);
          return FALSE;
        }
      ok = row->update_id != 0 ? update_partner (store, row, now, error)
                               : create_partner (store, row, now, error);
      if (!ok)
        {
          _accord_store_rollback (store);
          return FALSE;
        }
      report_progress (options, ACCORD_IMPORT_PHASE_WRITE, i + 1, pending->len);
    }

  /* The last moment to change one's mind. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !_accord_store_commit (store, error))
    {
      _accord_store_rollback (store);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  GPtrArray *fields;
  guint      line;
} FileRow;

static void
file_row_clear (gpointer data)
{
  FileRow *row = data;

  g_clear_pointer (&row->fields, g_ptr_array_unref);
}

/**
 * accord_import_csv_full:
 * @store: the workspace to add partners to or update
 * @data: the CSV file's bytes
 * @options: (nullable): the mapping, match key, flags and progress
 * @report_out: (out) (optional) (transfer full): what was imported (or
 *   would be, for a dry run) and every problem; set on failure too, so all
 *   problems can be shown
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Imports partners from a CSV file. Each header cell is mapped to a target
 * (accord_import_list_targets()): by @options->mapping when it names the
 * header, else by accord_import_guess_target(); a header neither knows
 * fails the import. The five ratings take 1 to 5, empty for unrated;
 * `stage` is the stage a new partner starts in (empty is Identified).
 *
 * With a match key each row whose key (name, website domain or contact
 * email, compared loosely) belongs to a partner in the workspace updates
 * that partner: the row's non-empty cells replace its fields, its contact
 * is updated (same email, else same name) or added, its stage stays. Other
 * rows create partners. Two rows with the same key are a problem.
 *
 * Every row is checked before anything is written, and everything is
 * written in one transaction, then the store's partners are reloaded.
 * Without %ACCORD_IMPORT_SKIP_INVALID one bad row stops the whole import,
 * with %ACCORD_STORE_ERROR_INVALID and the first problem ("Line 4: ...");
 * with it the good rows are imported and the bad ones reported. A file
 * that cannot be read as CSV, or whose header is wrong, always fails.
 * Call it from a thread for big files, with a store of its own.
 *
 * Returns: %TRUE if the partners were written (or, for a dry run, would be)
 */
gboolean
accord_import_csv_full (AccordStore                *store,
                        GBytes                     *data,
                        const AccordImportOptions  *options,
                        AccordImportReport        **report_out,
                        GCancellable               *cancellable,
                        GError                    **error)
{
  static const AccordImportOptions defaults = { 0, };
  g_autoptr(AccordCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(AccordImportReport) report = import_report_new ();
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (Column));
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (pending_row_free);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (FileRow));
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) mapping = NULL;
  ImportState state = { columns, pending, report, store, ACCORD_IMPORT_MATCH_NONE, -1,
                        existing, seen_keys, NULL };
  gboolean has_header = FALSE;
  gboolean ret = FALSE;

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &defaults;
  state.match = options->match;
  g_array_set_clear_func (rows, file_row_clear);

  /* The mapping's headers, compared as the file's are. */
  if (options->mapping != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_iter_init (&iter, options->mapping);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          char *header = g_utf8_casefold (key, -1);

          g_hash_table_insert (mapping, g_strdup (g_strstrip (header)), g_strdup (value));
          g_free (header);
        }
    }

  reader = accord_csv_reader_new (data, &local_error);
  if (reader == NULL)
    {
      add_problem (report, 1, local_error->message);
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                           local_error->message);
      goto out;
    }

  /* Read the whole file first: the rows are then counted for progress,
   * and a broken quote fails before any row is checked. */
  for (;;)
    {
      FileRow row = { NULL, 0 };

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;

      if (!accord_csv_reader_next_row (reader, &row.fields, &row.line, &local_error))
        {
          if (local_error == NULL)
            break;

          /* The reader's message already names the line; the report
           * keeps the reason apart from it, as for every other problem.
           * The rest of the file is inside the open quote, so nothing
           * after it can be imported, whatever the flags. */
          if (g_error_matches (local_error, ACCORD_CSV_ERROR,
                               ACCORD_CSV_ERROR_UNTERMINATED_QUOTE))
            fail_with_problem (report, row.line, _("A quoted value has no closing quote (\")"),
                               error);
          else
            {
              add_problem (report, row.line, local_error->message);
              g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                                   local_error->message);
            }
          goto out;
        }

      if (row_is_blank (row.fields))
        {
          g_ptr_array_unref (row.fields);
          continue;
        }

      if (!has_header)
        {
          gboolean ok = parse_header (&state, mapping, row.fields, row.line, error);

          g_ptr_array_unref (row.fields);
          if (!ok)
            goto out;
          has_header = TRUE;
          continue;
        }

      g_array_append_val (rows, row);
    }

  if (!has_header)
    {
      fail_with_problem (report, 1, _("The file is empty"), error);
      goto out;
    }

  if (state.match != ACCORD_IMPORT_MATCH_NONE && !index_existing (&state, error))
    goto out;

  for (guint i = 0; i < rows->len; i++)
    {
      FileRow *row = &g_array_index (rows, FileRow, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      if (!parse_row (&state, row->fields, row->line))
        report->n_skipped++;
      report_progress (options, ACCORD_IMPORT_PHASE_CHECK, i + 1, rows->len);
    }

  if (report->n_skipped > 0 && !(options->flags & ACCORD_IMPORT_SKIP_INVALID))
    {
      const AccordImportProblem *first = g_ptr_array_index (report->problems, 0);

      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                   _("Line %u: %s"), first->line, first->message);
      goto out;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  if (!(options->flags & ACCORD_IMPORT_DRY_RUN))
    {
      if (pending->len > 0)
        {
          if (!write_pending (store, options, pending, cancellable, error))
            goto out;
          /* Written: the store's objects catch up with the file. */
          if (!accord_store_reload_partners (store, error))
            goto out;
        }
      else
        report_progress (options, ACCORD_IMPORT_PHASE_WRITE, 0, 0);
    }

  report->n_imported = report->n_created + report->n_updated;
  ret = TRUE;

out:
  if (!ret)
    {
      report->n_imported = 0;
      if (!(options->flags & ACCORD_IMPORT_DRY_RUN))
        report->n_created = report->n_updated = 0;
    }
  if (report_out != NULL)
    *report_out = g_steal_pointer (&report);

  return ret;
}

/**
 * accord_import_csv:
 * @store: the workspace to add partners to
 * @data: the CSV file's bytes
 * @flags: whether to skip invalid rows (or only check)
 * @report_out: (out) (optional) (transfer full): what was imported and
 *   every problem; set on failure too, so all problems can be shown
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * accord_import_csv_full() with the columns guessed from the header and
 * every row creating a partner.
 *
 * Returns: %TRUE if the partners were added
 */
gboolean
accord_import_csv (AccordStore          *store,
                   GBytes               *data,
                   AccordImportFlags     flags,
                   AccordImportReport  **report_out,
                   GCancellable         *cancellable,
                   GError              **error)
{
  AccordImportOptions options = { 0, };

  options.flags = flags;
  return accord_import_csv_full (store, data, &options, report_out, cancellable, error);
}
