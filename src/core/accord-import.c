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
#include "accord-validate.h"

#include <glib/gi18n.h>

/* What a column of the file fills. */
typedef enum
{
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

/* The contact columns a file may add to the partner's own, and the contact
 * fields they fill. */
static const struct
{
  const char         *key;
  AccordContactField  field;
} contact_columns[] = {
  { "contact_name", ACCORD_CONTACT_FIELD_NAME },
  { "contact_email", ACCORD_CONTACT_FIELD_EMAIL },
  { "contact_role", ACCORD_CONTACT_FIELD_ROLE },
};

/* Everything one import collects before anything is written. */
typedef struct
{
  GArray             *columns;    /* Column, one per header cell */
  GPtrArray          *partners;   /* AccordPartner, valid rows only */
  GPtrArray          *contacts;   /* GPtrArray of AccordContact or NULL, per partner */
  AccordImportReport *report;
} ImportState;

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

/* Every header the file may use, for the message about an unknown one. */
static char *
dup_known_headers (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < ACCORD_N_PARTNER_FIELDS; i++)
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, accord_partner_field_to_key (i));
    }
  for (guint i = 0; i < G_N_ELEMENTS (contact_columns); i++)
    {
      g_string_append (text, ", ");
      g_string_append (text, contact_columns[i].key);
    }
  g_string_append (text, ", " STAGE_COLUMN);

  return g_string_free (g_steal_pointer (&text), FALSE);
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

/* Reads the header into state->columns. A header problem is not a row
 * problem: without knowing the columns no row means anything, so it fails
 * the import whatever the flags. */
static gboolean
parse_header (ImportState  *state,
              GPtrArray    *fields,
              guint         line,
              GError      **error)
{
  gboolean seen_partner[ACCORD_N_PARTNER_FIELDS] = { FALSE, };
  gboolean seen_contact[ACCORD_N_CONTACT_FIELDS] = { FALSE, };
  gboolean seen_stage = FALSE;

  for (guint i = 0; i < fields->len; i++)
    {
      const char *header = g_ptr_array_index (fields, i);
      g_autofree char *key = g_strstrip (g_ascii_strdown (header, -1));
      AccordPartnerField partner_field;
      Column column = { COLUMN_PARTNER, -1 };
      gboolean *seen;

      if (*key == '\0')
        {
          g_autofree char *message =
            g_strdup_printf (_("Column %u has no name in the header"), i + 1);

          fail_with_problem (state->report, line, message, error);
          return FALSE;
        }

      if (accord_partner_field_from_key (key, &partner_field))
        column.field = partner_field;
      else if (g_str_equal (key, STAGE_COLUMN))
        {
          column.kind = COLUMN_STAGE;
          column.field = 0;
        }
      else
        {
          for (guint j = 0; j < G_N_ELEMENTS (contact_columns); j++)
            if (g_str_equal (key, contact_columns[j].key))
              {
                column.kind = COLUMN_CONTACT;
                column.field = contact_columns[j].field;
              }
        }

      if (column.field < 0)
        {
          g_autofree char *known_headers = dup_known_headers ();
          g_autofree char *message =
            g_strdup_printf (_("Unknown column “%s”; the columns can be: %s"),
                             header, known_headers);

          fail_with_problem (state->report, line, message, error);
          return FALSE;
        }

      /* Two columns filling one field would silently lose one of them, so
       * a repeated header is refused. */
      switch (column.kind)
        {
        case COLUMN_CONTACT:
          seen = &seen_contact[column.field];
          break;
        case COLUMN_STAGE:
          seen = &seen_stage;
          break;
        case COLUMN_PARTNER:
        default:
          seen = &seen_partner[column.field];
          break;
        }
      if (*seen)
        {
          g_autofree char *message =
            g_strdup_printf (_("The column “%s” appears twice"), key);

          fail_with_problem (state->report, line, message, error);
          return FALSE;
        }
      *seen = TRUE;

      g_array_append_val (state->columns, column);
    }

  if (!seen_partner[ACCORD_PARTNER_FIELD_NAME])
    {
      fail_with_problem (state->report, line,
                         _("The header has no “name” column; every partner needs a name"),
                         error);
      return FALSE;
    }

  return TRUE;
}

/* Turns one row into a partner and its primary contact. Records every
 * problem it finds, so the person can fix the file in one go. */
static gboolean
parse_row (ImportState  *state,
           GPtrArray    *fields,
           guint         line)
{
  g_autoptr(AccordPartner) partner = accord_partner_new ("");
  g_autoptr(AccordContact) contact = NULL;
  /* Every slot holds a string, so g_strfreev() frees them all. */
  g_auto(GStrv) contact_values = g_new0 (char *, ACCORD_N_CONTACT_FIELDS + 1);
  gboolean has_contact = FALSE;
  guint n_problems = state->report->problems->len;

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

  for (guint i = 0; i < state->columns->len; i++)
    {
      const Column *column = &g_array_index (state->columns, Column, i);
      g_autofree char *value = NULL;
      g_autoptr(GError) local_error = NULL;

      /* A short row leaves its last columns empty. */
      value = g_strstrip (g_strdup (i < fields->len ? g_ptr_array_index (fields, i) : ""));

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
          else
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
      if (*name == '\0')
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
        (contact != NULL && !accord_validate_contact (contact, &local_error)))
      {
        add_problem (state->report, line, local_error->message);
        return FALSE;
      }
  }

  if (contact != NULL)
    {
      GPtrArray *contacts = g_ptr_array_new_with_free_func (g_object_unref);

      accord_contact_set_is_primary (contact, TRUE);
      g_ptr_array_add (contacts, g_steal_pointer (&contact));
      g_ptr_array_add (state->contacts, contacts);
    }
  else
    g_ptr_array_add (state->contacts, NULL);

  g_ptr_array_add (state->partners, g_steal_pointer (&partner));
  return TRUE;
}

static void
free_contacts (gpointer data)
{
  if (data != NULL)
    g_ptr_array_unref (data);
}

/**
 * accord_import_csv:
 * @store: the workspace to add partners to
 * @data: the CSV file's bytes
 * @flags: whether to skip invalid rows
 * @report_out: (out) (optional) (transfer full): what was imported and
 *   every problem; set on failure too, so all problems can be shown
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Imports partners from a CSV file whose header names the columns with the
 * keys of accord_partner_field_to_key(), plus optional `contact_name`,
 * `contact_email` and `contact_role` for a primary contact, and `stage`
 * for the stage each partner starts in (a key of accord_stage_from_key();
 * empty is Identified). The five ratings take 1 to 5, empty for unrated.
 *
 * Every row is checked before anything is written, and the partners are
 * added in one transaction. Without %ACCORD_IMPORT_SKIP_INVALID one bad row
 * stops the whole import, with %ACCORD_STORE_ERROR_INVALID and the first
 * problem ("Line 4: ..."); with it the good rows are imported and the bad
 * ones reported. A file that cannot be read as CSV, or whose header is
 * wrong, always fails. Slow on big files: call it from a thread, with a
 * store of its own.
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
  g_autoptr(AccordCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(AccordImportReport) report = import_report_new ();
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (Column));
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (free_contacts);
  ImportState state = { columns, partners, contacts, report };
  gboolean has_header = FALSE;
  gboolean ret = FALSE;

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  reader = accord_csv_reader_new (data, &local_error);
  if (reader == NULL)
    {
      add_problem (report, 1, local_error->message);
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                           local_error->message);
      goto out;
    }

  for (;;)
    {
      g_autoptr(GPtrArray) fields = NULL;
      guint line = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;

      if (!accord_csv_reader_next_row (reader, &fields, &line, &local_error))
        {
          if (local_error == NULL)
            break;

          /* The reader's message already names the line; the report
           * keeps the reason apart from it, as for every other problem.
           * The rest of the file is inside the open quote, so nothing
           * after it can be imported, whatever the flags. */
          if (g_error_matches (local_error, ACCORD_CSV_ERROR,
                               ACCORD_CSV_ERROR_UNTERMINATED_QUOTE))
            fail_with_problem (report, line, _("A quoted value has no closing quote (\")"),
                               error);
          else
            {
              add_problem (report, line, local_error->message);
              g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                                   local_error->message);
            }
          goto out;
        }

      if (row_is_blank (fields))
        continue;

      if (!has_header)
        {
          if (!parse_header (&state, fields, line, error))
            goto out;
          has_header = TRUE;
          continue;
        }

      if (!parse_row (&state, fields, line))
        report->n_skipped++;
    }

  if (!has_header)
    {
      fail_with_problem (report, 1, _("The file is empty"), error);
      goto out;
    }

  if (report->n_skipped > 0 && !(flags & ACCORD_IMPORT_SKIP_INVALID))
    {
      const AccordImportProblem *first = g_ptr_array_index (report->problems, 0);

      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                   _("Line %u: %s"), first->line, first->message);
      goto out;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  if (partners->len > 0 &&
      !accord_store_add_partners (store, partners, contacts, error))
    goto out;

  report->n_imported = partners->len;
  ret = TRUE;

out:
  if (report_out != NULL)
    *report_out = g_steal_pointer (&report);

  return ret;
}
