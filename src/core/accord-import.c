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

/* The most characters a tag may have (accord_validate_partner_field()). */
#define MAX_TAG_LENGTH 50

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

/* A row that passed its checks, waiting to be written. Plain strings
 * rather than an AccordPartner and an AccordContact: a big file then
 * costs no objects, signals or copies per row. */
typedef struct
{
  guint        line;
  gint64       update_id;  /* the existing partner's id, or 0 to create */
  AccordStage  stage;      /* the stage a new partner starts in */
  /* Each field as accord_partner_dup_field_text() gives it, or NULL for
   * a new partner's default. Tags are kept apart, as a list. */
  char        *fields[ACCORD_N_PARTNER_FIELDS];
  char       **tags;       /* NULL: none */
  gboolean     has_contact;
  char        *contact[ACCORD_N_CONTACT_FIELDS];  /* NULL: empty */
} PendingRow;

/* Everything one import collects before anything is written. */
typedef struct
{
  GArray             *columns;    /* Column, one per header cell */
  GArray             *pending;    /* PendingRow */
  AccordImportReport *report;
  AccordStore        *store;
  AccordImportMatch   match;
  int                 key_column; /* the column holding the match key, or -1 */
  GHashTable         *existing;   /* match key -> AccordPartner (borrowed) */
  GHashTable         *seen_keys;  /* match key -> first line (GUINT_TO_POINTER) */
  /* Reads enum and rating cells the way a partner does, one row after
   * another, and gives a new partner's defaults. */
  AccordPartner      *scratch;
  char               *defaults[ACCORD_N_PARTNER_FIELDS];
  AccordStage         default_stage;
} ImportState;

static void
pending_row_clear (gpointer data)
{
  PendingRow *row = data;

  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    g_clear_pointer (&row->fields[f], g_free);
  for (guint f = 0; f < ACCORD_N_CONTACT_FIELDS; f++)
    g_clear_pointer (&row->contact[f], g_free);
  g_clear_pointer (&row->tags, g_strfreev);
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

/* Whether @text is empty once g_strstrip() has trimmed it. */
static gboolean
text_is_blank (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

static gboolean
row_is_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    if (!text_is_blank (g_ptr_array_index (fields, i)))
      return FALSE;

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

/* Whether @value can fill the text field @field, as
 * accord_validate_partner_field() decides, without its cost for the
 * common case. The validator's rule for plain text is a length limit in
 * characters; a value no longer than that in bytes keeps to it (the
 * reader gives valid UTF-8), so only longer values, and fields with more
 * rules, go through the validator, which looks up a translated label on
 * every call. */
static gboolean
check_partner_value (AccordPartnerField   field,
                     const char          *value,
                     GError             **error)
{
  gsize length = strlen (value);

  switch (field)
    {
    case ACCORD_PARTNER_FIELD_NAME:
      if (*value != '\0' && length <= ACCORD_MAX_NAME_LENGTH)
        return TRUE;
      break;
    case ACCORD_PARTNER_FIELD_OWNER:
      if (length <= ACCORD_MAX_NAME_LENGTH)
        return TRUE;
      break;
    case ACCORD_PARTNER_FIELD_DESCRIPTION:
    case ACCORD_PARTNER_FIELD_WHY_FIT:
    case ACCORD_PARTNER_FIELD_THEIR_GAINS:
    case ACCORD_PARTNER_FIELD_OUR_OFFERINGS:
    case ACCORD_PARTNER_FIELD_THEIR_PAINS:
    case ACCORD_PARTNER_FIELD_OUR_RELIEVERS:
    case ACCORD_PARTNER_FIELD_VALUE_PROPOSITION:
      if (length <= ACCORD_MAX_TEXT_LENGTH)
        return TRUE;
      break;
    case ACCORD_PARTNER_FIELD_NOTES:
      if (length <= ACCORD_MAX_NOTES_LENGTH)
        return TRUE;
      break;
    case ACCORD_PARTNER_FIELD_TAGS:
      /* No tag of a value this short can pass the limit on one tag. */
      if (length <= MAX_TAG_LENGTH)
        return TRUE;
      break;
    case ACCORD_PARTNER_FIELD_WEBSITE:
      /* Within the length limit, the address itself decides. */
      if (length <= ACCORD_MAX_TEXT_LENGTH)
        return *value == '\0' || accord_validate_url (value, error);
      break;
    default:
      break;
    }

  return accord_validate_partner_field (field, value, error);
}

/* As check_partner_value(), for a contact's field. */
static gboolean
check_contact_value (AccordContactField   field,
                     const char          *value,
                     GError             **error)
{
  gsize length = strlen (value);

  switch (field)
    {
    case ACCORD_CONTACT_FIELD_NAME:
      if (*value != '\0' && length <= ACCORD_MAX_NAME_LENGTH)
        return TRUE;
      break;
    case ACCORD_CONTACT_FIELD_ROLE:
    case ACCORD_CONTACT_FIELD_PHONE:
      if (length <= ACCORD_MAX_NAME_LENGTH)
        return TRUE;
      break;
    case ACCORD_CONTACT_FIELD_EMAIL:
      if (length <= ACCORD_MAX_NAME_LENGTH)
        return *value == '\0' || accord_validate_email (value, error);
      break;
    case ACCORD_CONTACT_FIELD_PROFILE_URL:
      if (length <= ACCORD_MAX_TEXT_LENGTH)
        return *value == '\0' || accord_validate_url (value, error);
      break;
    default:
      break;
    }

  return accord_validate_contact_field (field, value, error);
}

/* Reads one partner cell into @row, or records why it cannot. Takes
 * @value. */
static void
parse_partner_cell (ImportState        *state,
                    PendingRow         *row,
                    AccordPartnerField  field,
                    char               *value)
{
  g_autofree char *text = value;
  g_autoptr(GError) local_error = NULL;

  if (is_rating_field (field))
    {
      if (!accord_partner_set_field_text (state->scratch, field, text))
        {
          /* The person fixing the file sees the column's key, where the
           * validator would name the criterion by its label. */
          g_autofree char *message =
            g_strdup_printf (_("“%s” is not a rating for %s; use 1 to 5, or leave it "
                               "empty when not rated yet"),
                             text, accord_partner_field_to_key (field));

          add_problem (state->report, row->line, message);
          return;
        }
    }
  else if (is_enum_field (field))
    {
      /* The validator's message does not list the choices, and someone
       * editing a spreadsheet needs them. */
      if (!accord_partner_set_field_text (state->scratch, field, text))
        {
          g_autofree char *allowed = dup_allowed_keys (field);
          g_autofree char *message =
            g_strdup_printf (_("“%s” is not a known %s; use one of: %s"),
                             text, accord_partner_field_to_key (field), allowed);

          add_problem (state->report, row->line, message);
          return;
        }
    }
  else if (!check_partner_value (field, text, &local_error))
    {
      add_problem (state->report, row->line, local_error->message);
      return;
    }
  else if (field == ACCORD_PARTNER_FIELD_TAGS)
    {
      g_clear_pointer (&row->tags, g_strfreev);
      row->tags = accord_tags_parse (text);
      return;
    }
  else
    {
      /* Plain text is stored as it is, trimmed. */
      g_free (row->fields[field]);
      row->fields[field] = g_steal_pointer (&text);
      return;
    }

  /* An enum or a rating, in the form the partner writes it. */
  g_free (row->fields[field]);
  row->fields[field] = accord_partner_dup_field_text (state->scratch, field);
}

/* Turns one row into a pending partner and its primary contact. Records
 * every problem it finds, so the person can fix the file in one go. Takes
 * the values out of @fields. */
static gboolean
parse_row (ImportState  *state,
           GPtrArray    *fields,
           guint         line)
{
  PendingRow row = { 0, };
  gboolean from_column[ACCORD_N_PARTNER_FIELDS] = { FALSE, };
  AccordPartner *existing = NULL;
  guint n_problems = state->report->problems->len;
  const char *contact_name;

  row.line = line;
  row.stage = state->default_stage;

  /* Spreadsheets often end rows with empty cells past the last column;
   * only a real value there means the row does not match the header. */
  for (guint i = state->columns->len; i < fields->len; i++)
    if (!text_is_blank (g_ptr_array_index (fields, i)))
      {
        g_autofree char *message =
          g_strdup_printf (_("The row has %u values but the header has %u columns"),
                           fields->len, state->columns->len);

        add_problem (state->report, line, message);
        return FALSE;
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
          existing = g_hash_table_lookup (state->existing, key);
          g_hash_table_insert (state->seen_keys, g_steal_pointer (&key), GUINT_TO_POINTER (line));
        }
    }

  /* An update starts from what the partner has; the row's empty cells
   * leave those fields alone. */
  if (existing != NULL)
    {
      row.update_id = accord_partner_get_id (existing);
      for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
        if (f != ACCORD_PARTNER_FIELD_TAGS)
          row.fields[f] = accord_partner_dup_field_text (existing, f);
      row.tags = g_strdupv ((char **) accord_partner_get_tags (existing));
    }

  for (guint i = 0; i < state->columns->len; i++)
    {
      const Column *column = &g_array_index (state->columns, Column, i);
      char *value;

      if (column->kind == COLUMN_IGNORED)
        continue;

      /* A short row leaves its last columns empty. The cell's string is
       * the row's own and is taken rather than copied. */
      value = i < fields->len ? g_steal_pointer (&fields->pdata[i]) : g_strdup ("");
      g_strstrip (value);

      /* An update leaves alone what the row leaves empty, and the key
       * that found the partner (which may be written differently). */
      if (existing != NULL && (*value == '\0' || (int) i == state->key_column))
        {
          g_free (value);
          continue;
        }

      switch (column->kind)
        {
        case COLUMN_CONTACT:
          row.has_contact |= *value != '\0';
          g_free (row.contact[column->field]);
          row.contact[column->field] = value;
          break;

        case COLUMN_STAGE:
          {
            AccordStage stage = ACCORD_STAGE_IDENTIFIED;

            /* An empty cell is a partner just found, as in the app. */
            if (*value != '\0' && !accord_stage_from_key (value, &stage))
              {
                g_autofree char *allowed = accord_stage_dup_keys ();
                g_autofree char *message =
                  g_strdup_printf (_("“%s” is not a known stage; use one of: %s"), value,
                                   allowed);

                add_problem (state->report, line, message);
              }
            /* A stored partner changes stage only by a recorded move, so
             * an update leaves the stage as it is. */
            else if (existing == NULL)
              row.stage = stage;
            g_free (value);
          }
          break;

        case COLUMN_PARTNER:
          from_column[column->field] = TRUE;
          parse_partner_cell (state, &row, column->field, value);
          break;

        case COLUMN_IGNORED:
        default:
          g_assert_not_reached ();
        }
    }

  contact_name = row.contact[ACCORD_CONTACT_FIELD_NAME] != NULL
                 ? row.contact[ACCORD_CONTACT_FIELD_NAME] : "";
  if (row.has_contact)
    {
      /* An update may name the contact by email alone: the stored one
       * keeps its name. */
      if (*contact_name == '\0' && existing == NULL)
        add_problem (state->report, line,
                     _("The contact has an email or role but no contact_name"));

      for (guint i = 0; i < ACCORD_N_CONTACT_FIELDS; i++)
        {
          g_autoptr(GError) local_error = NULL;

          if (i == ACCORD_CONTACT_FIELD_NAME || row.contact[i] == NULL || *row.contact[i] == '\0')
            continue;
          if (!check_contact_value (i, row.contact[i], &local_error))
            add_problem (state->report, line, local_error->message);
        }
    }

  if (state->report->problems->len > n_problems)
    goto fail;

  /* The whole partner is checked as the store would check it, so that no
   * row fails the batch at the write: the fields no column filled hold a
   * new partner's defaults (a missing name is caught here) or an updated
   * one's stored values. Enum and rating fields need no check: their
   * text is what a partner wrote. */
  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *tags = NULL;
      const char *text;

      if (from_column[f] || is_rating_field (f) || is_enum_field (f))
        continue;
      if (f == ACCORD_PARTNER_FIELD_TAGS)
        text = tags = row.tags != NULL ? g_strjoinv (", ", row.tags) : g_strdup ("");
      else
        text = row.fields[f] != NULL ? row.fields[f] : state->defaults[f];
      if (!check_partner_value (f, text, &local_error))
        {
          add_problem (state->report, line, local_error->message);
          goto fail;
        }
    }
  if (row.has_contact && *contact_name != '\0')
    {
      g_autoptr(GError) local_error = NULL;

      if (!check_contact_value (ACCORD_CONTACT_FIELD_NAME, contact_name, &local_error))
        {
          add_problem (state->report, line, local_error->message);
          goto fail;
        }
    }

  g_array_append_val (state->pending, row);
  if (existing != NULL)
    state->report->n_updated++;
  else
    state->report->n_created++;
  return TRUE;

fail:
  pending_row_clear (&row);
  return FALSE;
}

/* The statements of the write, each prepared once (the store keeps them)
 * and run for every row. */
typedef struct
{
  AccordStore   *store;
  const char    *now;
  const char    *today;
  char          *revisit_on;   /* a new partner on hold: when to look again */
  char * const  *defaults;
  sqlite3_stmt  *insert_partner;
  sqlite3_stmt  *insert_stage;
  sqlite3_stmt  *insert_tag;
  sqlite3_stmt  *insert_contact;
  /* Only for updates. */
  sqlite3_stmt  *update_partner;
  sqlite3_stmt  *delete_tags;
  sqlite3_stmt  *find_contact_by_email;
  sqlite3_stmt  *find_contact_by_name;
  sqlite3_stmt  *update_contact;
  sqlite3_stmt  *add_contact;
} Writer;

static gboolean
writer_init (Writer       *writer,
             AccordStore  *store,
             char * const *defaults,
             const char   *now,
             gboolean      updates,
             GError      **error)
{
  writer->store = store;
  writer->now = now;
  writer->today = accord_store_get_today (store);
  writer->revisit_on = accord_date_add_months (writer->today, ACCORD_HOLD_DEFAULT_MONTHS);
  writer->defaults = defaults;

  writer->insert_partner =
    _accord_store_get_stmt (store,
                            "INSERT INTO partner (name, website, description, notes, owner, "
                            "source, position, partnership_type, why_fit, tier, "
                            "strategic_alignment, value_exchange, reach, operational_fit, "
                            "readiness, priority_override, their_gains, our_offerings, "
                            "their_pains, our_pain_relievers, value_proposition, created_at, "
                            "updated_at, stage, stage_since, revisit_on) VALUES (?1, ?2, ?3, "
                            "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                            "?18, ?19, ?20, ?21, ?22, ?22, ?23, ?24, ?25)", error);
  if (writer->insert_partner == NULL)
    return FALSE;
  writer->insert_stage =
    _accord_store_get_stmt (store,
                            "INSERT INTO stage_change (partner_id, stage, date, note, "
                            "revisit_on) VALUES (?1, ?2, ?3, '', ?4)", error);
  if (writer->insert_stage == NULL)
    return FALSE;
  writer->insert_tag =
    _accord_store_get_stmt (store,
                            "INSERT INTO partner_tag (partner_id, position, tag) "
                            "VALUES (?1, ?2, ?3)", error);
  if (writer->insert_tag == NULL)
    return FALSE;
  writer->insert_contact =
    _accord_store_get_stmt (store,
                            "INSERT INTO contact (partner_id, name, role, email, phone, "
                            "profile_url, is_primary) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            error);
  if (writer->insert_contact == NULL)
    return FALSE;
  if (!updates)
    return TRUE;

  writer->update_partner =
    _accord_store_get_stmt (store,
                            "UPDATE partner SET name = ?1, website = ?2, description = ?3, "
                            "notes = ?4, owner = ?5, source = ?6, position = ?7, "
                            "partnership_type = ?8, why_fit = ?9, tier = ?10, "
                            "strategic_alignment = ?11, value_exchange = ?12, reach = ?13, "
                            "operational_fit = ?14, readiness = ?15, priority_override = ?16, "
                            "their_gains = ?17, our_offerings = ?18, their_pains = ?19, "
                            "our_pain_relievers = ?20, value_proposition = ?21, "
                            "updated_at = ?22 WHERE id = ?23", error);
  if (writer->update_partner == NULL)
    return FALSE;
  writer->delete_tags =
    _accord_store_get_stmt (store, "DELETE FROM partner_tag WHERE partner_id = ?1", error);
  if (writer->delete_tags == NULL)
    return FALSE;
  writer->find_contact_by_email =
    _accord_store_get_stmt (store,
                            "SELECT id FROM contact WHERE partner_id = ?1 AND "
                            "lower(email) = lower(?2) ORDER BY id LIMIT 1", error);
  if (writer->find_contact_by_email == NULL)
    return FALSE;
  writer->find_contact_by_name =
    _accord_store_get_stmt (store,
                            "SELECT id FROM contact WHERE partner_id = ?1 AND "
                            "lower(name) = lower(?2) ORDER BY id LIMIT 1", error);
  if (writer->find_contact_by_name == NULL)
    return FALSE;
  writer->update_contact =
    _accord_store_get_stmt (store,
                            "UPDATE contact SET name = CASE WHEN ?2 = '' THEN name "
                            "ELSE ?2 END, role = CASE WHEN ?3 = '' THEN role ELSE ?3 END, "
                            "email = CASE WHEN ?4 = '' THEN email ELSE ?4 END "
                            "WHERE id = ?1", error);
  if (writer->update_contact == NULL)
    return FALSE;
  writer->add_contact =
    _accord_store_get_stmt (store,
                            "INSERT INTO contact (partner_id, name, role, email, phone, "
                            "profile_url, is_primary) VALUES (?1, ?2, ?3, ?4, '', '', "
                            "NOT EXISTS (SELECT 1 FROM contact WHERE partner_id = ?1 "
                            "AND is_primary = 1))", error);
  return writer->add_contact != NULL;
}

/* The rows' strings are bound without a copy; once they are freed no
 * statement may keep pointing at them. */
static void
writer_clear (Writer *writer)
{
  sqlite3_stmt *stmts[] = {
    writer->insert_partner, writer->insert_stage, writer->insert_tag, writer->insert_contact,
    writer->update_partner, writer->delete_tags, writer->find_contact_by_email,
    writer->find_contact_by_name, writer->update_contact, writer->add_contact,
  };

  for (guint i = 0; i < G_N_ELEMENTS (stmts); i++)
    if (stmts[i] != NULL)
      {
        sqlite3_reset (stmts[i]);
        sqlite3_clear_bindings (stmts[i]);
      }
  g_clear_pointer (&writer->revisit_on, g_free);
}

/* Runs a statement that returns no rows; @doing (untranslated) is only
 * looked up for the message of a failure. */
static gboolean
step_done (Writer        *writer,
           sqlite3_stmt  *stmt,
           const char    *doing,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  return _accord_store_set_error (writer->store, rc, _(doing), error);
}

static inline const char *
row_text (const Writer     *writer,
          const PendingRow *row,
          guint             field)
{
  return row->fields[field] != NULL ? row->fields[field] : writer->defaults[field];
}

/* Binds the 21 stored partner columns (tags live apart) from ?1 on:
 * ratings as integers (NULL when unrated), everything else as text. */
static void
bind_partner_columns (const Writer     *writer,
                      sqlite3_stmt     *stmt,
                      const PendingRow *row)
{
  int col = 1;

  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    {
      const char *text;

      if (f == ACCORD_PARTNER_FIELD_TAGS)
        continue;
      text = row_text (writer, row, f);
      if (!is_rating_field (f))
        sqlite3_bind_text (stmt, col, text, -1, SQLITE_STATIC);
      else if (*text == '\0')
        sqlite3_bind_null (stmt, col);
      else
        sqlite3_bind_int (stmt, col, atoi (text));
      col++;
    }
}

static gboolean
write_tags (Writer            *writer,
            gint64             partner_id,
            const PendingRow  *row,
            GError           **error)
{
  for (guint i = 0; row->tags != NULL && row->tags[i] != NULL; i++)
    {
      sqlite3_bind_int64 (writer->insert_tag, 1, partner_id);
      sqlite3_bind_int (writer->insert_tag, 2, i);
      sqlite3_bind_text (writer->insert_tag, 3, row->tags[i], -1, SQLITE_STATIC);
      if (!step_done (writer, writer->insert_tag, N_("Could not save"), error))
        return FALSE;
    }
  return TRUE;
}

static inline const char *
row_contact (const PendingRow   *row,
             AccordContactField  field)
{
  return row->contact[field] != NULL ? row->contact[field] : "";
}

static gboolean
create_partner (Writer            *writer,
                const PendingRow  *row,
                GError           **error)
{
  sqlite3_stmt *stmt = writer->insert_partner;
  const char *stage = accord_stage_to_key (row->stage);
  const char *revisit_on = row->stage == ACCORD_STAGE_ON_HOLD ? writer->revisit_on : NULL;
  gint64 id;

  bind_partner_columns (writer, stmt, row);
  sqlite3_bind_text (stmt, 22, writer->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 23, stage, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 24, writer->today, -1, SQLITE_STATIC);
  if (revisit_on != NULL)
    sqlite3_bind_text (stmt, 25, revisit_on, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 25);
  if (!step_done (writer, stmt, N_("Could not save the partner"), error))
    return FALSE;
  id = sqlite3_last_insert_rowid (_accord_store_get_db (writer->store));

  stmt = writer->insert_stage;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, stage, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, writer->today, -1, SQLITE_STATIC);
  if (revisit_on != NULL)
    sqlite3_bind_text (stmt, 4, revisit_on, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 4);
  if (!step_done (writer, stmt, N_("Could not save the stage"), error))
    return FALSE;

  if (!write_tags (writer, id, row, error))
    return FALSE;

  if (row->has_contact)
    {
      stmt = writer->insert_contact;
      sqlite3_bind_int64 (stmt, 1, id);
      for (guint f = 0; f < ACCORD_N_CONTACT_FIELDS; f++)
        sqlite3_bind_text (stmt, 2 + f, row_contact (row, f), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 7, TRUE);
      if (!step_done (writer, stmt, N_("Could not save the contact"), error))
        return FALSE;
    }

  return TRUE;
}

/* An update's contact: the partner's contact with the same email (or, the
 * row having no email, the same name) takes the row's values; otherwise
 * it is added, primary when the partner has none. */
static gboolean
update_contact (Writer            *writer,
                const PendingRow  *row,
                GError           **error)
{
  const char *email = row_contact (row, ACCORD_CONTACT_FIELD_EMAIL);
  const char *name = row_contact (row, ACCORD_CONTACT_FIELD_NAME);
  sqlite3_stmt *stmt = *email != '\0' ? writer->find_contact_by_email
                                      : writer->find_contact_by_name;
  gint64 contact_id = 0;
  int rc;

  sqlite3_bind_int64 (stmt, 1, row->update_id);
  sqlite3_bind_text (stmt, 2, *email != '\0' ? email : name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    contact_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _accord_store_set_error (writer->store, rc, _("Could not read the contacts"), error);

  if (contact_id != 0)
    {
      stmt = writer->update_contact;
      sqlite3_bind_int64 (stmt, 1, contact_id);
    }
  else
    {
      if (*name == '\0')
        return TRUE;
      stmt = writer->add_contact;
      sqlite3_bind_int64 (stmt, 1, row->update_id);
    }
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, row_contact (row, ACCORD_CONTACT_FIELD_ROLE), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, email, -1, SQLITE_STATIC);
  return step_done (writer, stmt, N_("Could not save the contact"), error);
}

static gboolean
update_partner (Writer            *writer,
                const PendingRow  *row,
                GError           **error)
{
  sqlite3_stmt *stmt = writer->update_partner;

  bind_partner_columns (writer, stmt, row);
  sqlite3_bind_text (stmt, 22, writer->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 23, row->update_id);
  if (!step_done (writer, stmt, N_("Could not save the partner"), error))
    return FALSE;
  /* Another program may have deleted the partner since the file was
   * checked; nothing may then be added to it. */
  if (sqlite3_changes (_accord_store_get_db (writer->store)) != 1)
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_FAILED,
                   _("Line %u: %s"), row->line, _("There is no such partner"));
      return FALSE;
    }

  sqlite3_bind_int64 (writer->delete_tags, 1, row->update_id);
  if (!step_done (writer, writer->delete_tags, N_("Could not save"), error) ||
      !write_tags (writer, row->update_id, row, error))
    return FALSE;

  if (row->has_contact && !update_contact (writer, row, error))
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

/* SQLite keeps 2 MiB of pages by default. A big import changes far more
 * (the partner indexes all over), and each page pushed out before the
 * commit is written to the log again and again, so for the write the
 * cache may grow to this many KiB; it shrinks back after. */
#define WRITE_CACHE_KIB 262144

/* From this many rows an import writes with a rollback journal (below). */
#define ROLLBACK_JOURNAL_ROWS 1000

/* The connection's PRAGMA cache_size, or 0 when it cannot be read. */
static int
get_cache_size (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int value = 0;

  if (sqlite3_prepare_v2 (db, "PRAGMA cache_size", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
set_cache_size (sqlite3 *db,
                int      value)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d", value);

  /* Only a matter of speed: a failure changes nothing else. */
  sqlite3_exec (db, sql, NULL, NULL, NULL);
}

/* Sets the journal mode and says whether it is now MODE. SQLite keeps the
 * old one when it cannot change (another connection has the file open). */
static gboolean
set_journal_mode (sqlite3    *db,
                  const char *mode)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = %s", mode);
  sqlite3_stmt *stmt = NULL;
  gboolean changed = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    changed = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), mode) == 0;
  sqlite3_finalize (stmt);
  return changed;
}

/* From this many new partners, and no fewer than the workspace already
 * has, an import that only adds drops the indexes of the tables it fills
 * and makes them again after the last row (below). */
#define REBUILD_INDEXES_ROWS 1000

/* The tables an import writes to. */
#define IMPORT_TABLES "'partner', 'stage_change', 'partner_tag', 'contact'"

static gint64
count_partners (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = G_MAXINT64;

  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM partner", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static gboolean
exec_sql (AccordStore  *store,
          const char   *sql,
          GError      **error)
{
  int rc = sqlite3_exec (_accord_store_get_db (store), sql, NULL, NULL, NULL);

  return rc == SQLITE_OK || _accord_store_set_error (store, rc, _("Could not save"), error);
}

/* Each row added to an indexed table goes into every index too, at a
 * place far from the last one's for most of them (a name, a tag), so a
 * big import touches pages all over each index. Made from the finished
 * table instead, an index is sorted once and written in order: SQLite's
 * own advice for bulk loads. Inside the import's transaction, a failure
 * or a cancel brings every index back with the rollback. Returns the
 * statements that make the dropped indexes again, exactly as the schema
 * holds them (indexes that come with a constraint are kept), or NULL
 * with @error set. */
static GPtrArray *
drop_indexes (AccordStore  *store,
              GError      **error)
{
  sqlite3 *db = _accord_store_get_db (store);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) creates = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                               "AND sql IS NOT NULL AND tbl_name IN (" IMPORT_TABLES ")",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, _accord_store_column_dup (stmt, 0));
      g_ptr_array_add (creates, _accord_store_column_dup (stmt, 1));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _accord_store_set_error (store, rc, _("Could not save"), error);
      return NULL;
    }

  for (guint i = 0; i < names->len; i++)
    {
      char *sql = sqlite3_mprintf ("DROP INDEX \"%w\"", (const char *) names->pdata[i]);
      gboolean dropped = exec_sql (store, sql, error);

      sqlite3_free (sql);
      if (!dropped)
        return NULL;
    }
  return g_steal_pointer (&creates);
}

static gboolean
create_indexes (AccordStore  *store,
                GPtrArray    *creates,
                GError      **error)
{
  for (guint i = 0; i < creates->len; i++)
    if (!exec_sql (store, creates->pdata[i], error))
      return FALSE;
  return TRUE;
}

/* Writes the pending rows in one transaction; nothing on failure or
 * cancel. */
static gboolean
write_pending (ImportState                *state,
               const AccordImportOptions  *options,
               GCancellable               *cancellable,
               GError                    **error)
{
  g_autofree char *now = _accord_store_now_utc ();
  GArray *pending = state->pending;
  sqlite3 *db = _accord_store_get_db (state->store);
  gboolean foreign_keys = _accord_store_get_pragma (state->store,
                                                    ACCORD_STORE_PRAGMA_FOREIGN_KEYS) == 1;
  Writer writer = { NULL, };
  g_autoptr(GPtrArray) dropped_indexes = NULL;
  gboolean ok = FALSE;
  gboolean rollback_journal = FALSE;
  int cache_size;

  /* Every row the import adds points at a partner that exists: one it
   * has just inserted, or one whose update it has just seen succeed.
   * SQLite's own checks would find the same, at the price of a statement
   * journal for every insert, so they rest for the write (the pragma
   * only changes outside a transaction). */
  if (foreign_keys)
    sqlite3_exec (db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
  cache_size = get_cache_size (db);
  if (cache_size != 0)
    set_cache_size (db, -WRITE_CACHE_KIB);
  /* In WAL mode every page a big import writes goes to the log first and
   * is copied into the file again at the next checkpoint. A rollback
   * journal writes new pages once and keeps only the old content of the
   * pages it changes, just as safe, so a big import uses one when nothing
   * else has the file open, and WAL comes back right after. */
  if (pending->len >= ROLLBACK_JOURNAL_ROWS)
    rollback_journal = set_journal_mode (db, "DELETE");

  if (!writer_init (&writer, state->store, state->defaults, now, state->report->n_updated > 0,
                    error) ||
      !_accord_store_begin (state->store, error))
    goto out;

  /* Updates look their contacts up through the indexes: kept then. */
  if (state->report->n_updated == 0 && pending->len >= REBUILD_INDEXES_ROWS &&
      pending->len >= count_partners (db) &&
      (dropped_indexes = drop_indexes (state->store, error)) == NULL)
    goto out;

  for (guint i = 0; i < pending->len; i++)
    {
      const PendingRow *row = &g_array_index (pending, PendingRow, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      if (row->update_id != 0 ? !update_partner (&writer, row, error)
                              : !create_partner (&writer, row, error))
        goto out;
      report_progress (options, ACCORD_IMPORT_PHASE_WRITE, i + 1, pending->len);
    }

  if (dropped_indexes != NULL &&
      (g_cancellable_set_error_if_cancelled (cancellable, error) ||
       !create_indexes (state->store, dropped_indexes, error)))
    goto out;

  /* The last moment to change one's mind. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !_accord_store_commit (state->store, error))
    goto out;
  ok = TRUE;

out:
  if (!ok)
    _accord_store_rollback (state->store);
  writer_clear (&writer);
  if (foreign_keys)
    sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  if (cache_size != 0)
    set_cache_size (db, cache_size);
  if (rollback_journal)
    set_journal_mode (db, "WAL");
  return ok;
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
 * written in one transaction, then the store's partners are reloaded
 * (unless %ACCORD_IMPORT_NO_RELOAD).
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
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (PendingRow));
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (FileRow));
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) mapping = NULL;
  g_autoptr(AccordPartner) scratch = NULL;
  ImportState state = { columns, pending, report, store, ACCORD_IMPORT_MATCH_NONE, -1,
                        existing, seen_keys, NULL, { NULL, }, ACCORD_STAGE_IDENTIFIED };
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
  g_array_set_clear_func (pending, pending_row_clear);

  /* A new partner's fields and stage, as a partner starts. */
  scratch = accord_partner_new ("");
  state.scratch = scratch;
  state.default_stage = accord_partner_get_stage (scratch);
  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    state.defaults[f] = accord_partner_dup_field_text (scratch, f);

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
      /* The row's values now belong to its pending row. */
      g_clear_pointer (&row->fields, g_ptr_array_unref);
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
          if (!write_pending (&state, options, cancellable, error))
            goto out;
          /* Written: the store's objects catch up with the file, unless
           * the store is about to be closed. */
          if (!(options->flags & ACCORD_IMPORT_NO_RELOAD) &&
              !accord_store_reload_partners (store, error))
            goto out;
        }
      else
        report_progress (options, ACCORD_IMPORT_PHASE_WRITE, 0, 0);
    }

  report->n_imported = report->n_created + report->n_updated;
  ret = TRUE;

out:
  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    g_free (state.defaults[f]);
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
