/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accord-cli-private.h"
#include "accord-csv.h"
#include "accord-lifecycle.h"
#include "accord-results.h"

/* import --referrals, --reviews and --figures FILE.csv: one record per
 * row, matched to a partner by the "partner" column (case, accents and
 * surrounding spaces do not matter). Every row is read and checked before
 * anything is written; then the whole file is saved in one transaction.
 * One bad row stops the import unless --skip-invalid. */

/* The largest amount a cell may hold, as the store accepts. */
#define MAX_AMOUNT_MINOR G_GINT64_CONSTANT (999999999999999)
#define MAX_COUNT        1000000000
#define MAX_COLUMNS      10

typedef struct _Import Import;

typedef struct
{
  Import *import;
  guint   line;
  char   *cells[MAX_COLUMNS];   /* by column, trimmed; "" when absent */
  guint   n_problems;           /* before this row */
  AccordPartner *partner;       /* the row's partner, once found */
} Row;

/* What differs between the three kinds of file. */
typedef struct
{
  const char *const *columns;     /* the names a header may use; the first is "partner" */
  guint              n_columns;
  guint              n_required;  /* the first n_required columns must be in the header */
  /* Turns a row into a record (or records problems): NULL when invalid. */
  gpointer         (*parse_row) (Row *row);
  GDestroyNotify     free_record;
  gboolean         (*save)      (AccordStore *store, GPtrArray *records, guint *failed_index,
                                 GError **error);
  void             (*print_imported) (guint n);
} ImportKind;

typedef struct
{
  guint  line;
  char  *message;
} Problem;

static void
problem_free (gpointer data)
{
  Problem *problem = data;

  g_free (problem->message);
  g_free (problem);
}

struct _Import
{
  const ImportKind *kind;
  AccordStore      *store;
  int               columns[MAX_COLUMNS];  /* the cell index of each column, or -1 */
  guint             n_header;              /* cells in the header */
  GHashTable       *partners_by_key;       /* folded name -> GPtrArray of AccordPartner */
  GHashTable       *months;                /* figures: "id/YYYY-MM" -> line */
  GPtrArray        *records;               /* valid rows only */
  GArray           *lines;                 /* guint, the line of each record */
  GPtrArray        *problems;              /* Problem */
};

static void
add_problem (Import     *import,
             guint       line,
             const char *message)
{
  Problem *problem = g_new0 (Problem, 1);

  problem->line = line;
  problem->message = g_strdup (message);
  g_strdelimit (problem->message, "\r\n", ' ');
  g_ptr_array_add (import->problems, problem);
}

static void add_problemf (Row        *row,
                          const char *format,
                          ...) G_GNUC_PRINTF (2, 3);

static void
add_problemf (Row        *row,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  add_problem (row->import, row->line, message);
}

static gboolean
row_ok (Row *row)
{
  return row->import->problems->len == row->n_problems;
}

/* Partners by name, as `move --partner` compares them. */
static char *
dup_name_key (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  g_autofree char *folded = g_utf8_casefold (trimmed, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);
}

/* One pass over the partners rather than one per row. */
static GHashTable *
index_partners (AccordStore *store)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
  GListModel *partners = accord_store_get_partners (store);
  guint n = g_list_model_get_n_items (partners);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordPartner) partner = g_list_model_get_item (partners, i);
      char *key = dup_name_key (accord_partner_get_name (partner));
      GPtrArray *list;

      if (key == NULL)
        continue;
      list = g_hash_table_lookup (index, key);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (index, key, list);
        }
      else
        g_free (key);
      g_ptr_array_add (list, g_steal_pointer (&partner));
    }
  return index;
}

static AccordPartner *
lookup_partner (Import      *import,
                const char  *name,
                GError     **error)
{
  g_autofree char *key = dup_name_key (name);
  GPtrArray *found = key != NULL ? g_hash_table_lookup (import->partners_by_key, key) : NULL;

  if (found != NULL && found->len == 1)
    return g_object_ref (found->pdata[0]);
  /* None or several: the shared lookup says why, in the usual words. */
  return find_one_partner (import->store, name, error);
}

/* Cells */

static const char *
cell (Row  *row,
      guint column)
{
  return row->cells[column];
}

static gboolean
has (Row  *row,
     guint column)
{
  return *row->cells[column] != '\0';
}

static const char *
column_name (Row  *row,
             guint column)
{
  return row->import->kind->columns[column];
}

/* A whole number in @min..@max; @fallback for an empty cell. */
static gboolean
read_int (Row    *row,
          guint   column,
          gint64  min,
          gint64  max,
          gint64  fallback,
          gint64 *out)
{
  gint64 value;

  if (!has (row, column))
    {
      *out = fallback;
      return TRUE;
    }
  if (!g_ascii_string_to_signed (cell (row, column), 10, G_MININT64, G_MAXINT64, &value, NULL))
    {
      add_problemf (row, _("“%s” is not a whole number for %s"), cell (row, column),
                    column_name (row, column));
      return FALSE;
    }
  if (value < min || value > max)
    {
      add_problemf (row,
                    _("%s must be from %lld to %lld, not %lld"),
                    column_name (row, column), (long long) min, (long long) max, (long long) value);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

static int
read_small (Row  *row,
            guint column,
            int   min,
            int   max,
            int   fallback)
{
  gint64 value = fallback;

  read_int (row, column, min, max, fallback, &value);
  return (int) value;
}

/* A required date: the cell, or NULL with a problem. */
static char *
read_date (Row      *row,
           guint     column,
           gboolean  required)
{
  if (!has (row, column))
    {
      if (required)
        add_problemf (row, _("%s is empty; write the date as YYYY-MM-DD"),
                      column_name (row, column));
      return NULL;
    }
  if (!accord_date_is_valid (cell (row, column)))
    {
      add_problemf (row, _("%s: “%s” is not a date; use YYYY-MM-DD"),
                    column_name (row, column), cell (row, column));
      return NULL;
    }
  return g_strdup (cell (row, column));
}

/* Referrals */

enum
{
  REF_PARTNER,
  REF_DATE,
  REF_CUSTOMER,
  REF_STATUS,
  REF_REVENUE_MINOR,
  REF_CODE,
  REF_CONVERTED_ON,
  REF_N_COLUMNS
};

static const char *const referral_columns[REF_N_COLUMNS] = {
  "partner", "date", "customer", "status", "revenue_minor", "code", "converted_on",
};

static gpointer
parse_referral (Row *row)
{
  gint64 partner_id = row->partner != NULL ? accord_partner_get_id (row->partner) : 0;
  g_autofree char *date = read_date (row, REF_DATE, TRUE);
  g_autoptr(AccordReferral) r = accord_referral_new (partner_id, date);
  g_autoptr(GError) error = NULL;

  g_free (r->customer);
  r->customer = g_strdup (cell (row, REF_CUSTOMER));
  if (has (row, REF_STATUS))
    {
      g_autofree char *key = g_ascii_strdown (cell (row, REF_STATUS), -1);

      if (!accord_referral_status_from_key (key, &r->status))
        add_problemf (row, _("%s: “%s” is not known; use one of: lead, converted, lost"),
                      column_name (row, REF_STATUS), cell (row, REF_STATUS));
    }
  read_int (row, REF_REVENUE_MINOR, 0, MAX_AMOUNT_MINOR, 0, &r->revenue_minor);
  g_free (r->code);
  r->code = g_strdup (cell (row, REF_CODE));
  if (has (row, REF_CONVERTED_ON))
    {
      r->converted_on = read_date (row, REF_CONVERTED_ON, FALSE);
      if (row_ok (row) && r->status != ACCORD_REFERRAL_CONVERTED)
        add_problemf (row, _("%s is set but the status is not converted"),
                      column_name (row, REF_CONVERTED_ON));
    }

  if (!row_ok (row))
    return NULL;
  accord_referral_normalize (r);
  if (!accord_referral_validate (r, &error))
    {
      add_problem (row->import, row->line, error->message);
      return NULL;
    }
  return g_steal_pointer (&r);
}

/* Reviews */

enum
{
  REV_PARTNER,
  REV_DATE,
  REV_COMMUNICATION,
  REV_ALIGNMENT,
  REV_TRUST,
  REV_EASE,
  REV_FUTURE_POTENTIAL,
  REV_RED_FLAGS,
  REV_NOTES,
  REV_N_COLUMNS
};

static const char *const review_columns[REV_N_COLUMNS] = {
  "partner", "date", "communication", "alignment", "trust", "ease", "future_potential",
  "red_flags", "notes",
};

G_STATIC_ASSERT (REV_FUTURE_POTENTIAL - REV_COMMUNICATION + 1 == ACCORD_N_REVIEW_RATINGS);

static gpointer
parse_review (Row *row)
{
  gint64 partner_id = row->partner != NULL ? accord_partner_get_id (row->partner) : 0;
  g_autofree char *date = read_date (row, REV_DATE, TRUE);
  g_autoptr(AccordReview) r = accord_review_new (partner_id, date);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < ACCORD_N_REVIEW_RATINGS; i++)
    {
      guint column = REV_COMMUNICATION + i;

      if (!has (row, column))
        add_problemf (row, _("%s is empty; rate it from 1 to 5"), column_name (row, column));
      else
        r->ratings[i] = read_small (row, column, 1, 5, 0);
    }
  if (!accord_red_flags_from_text (cell (row, REV_RED_FLAGS), &r->red_flags, &error))
    add_problemf (row, "%s: %s", column_name (row, REV_RED_FLAGS), error->message);
  g_clear_error (&error);
  g_free (r->notes);
  r->notes = g_strdup (cell (row, REV_NOTES));

  if (!row_ok (row))
    return NULL;
  if (!accord_review_validate (r, &error))
    {
      add_problem (row->import, row->line, error->message);
      return NULL;
    }
  return g_steal_pointer (&r);
}

/* Figures */

enum
{
  FIG_PARTNER,
  FIG_MONTH,
  FIG_REVENUE_MINOR,
  FIG_REFERRALS,
  FIG_CONVERSIONS,
  FIG_NPS,
  FIG_RESPONSE_HOURS,
  FIG_JOINT_INITIATIVES,
  FIG_N_COLUMNS
};

static const char *const figures_columns[FIG_N_COLUMNS] = {
  "partner", "month", "revenue_minor", "referrals", "conversions", "nps", "response_hours",
  "joint_initiatives",
};

static gpointer
parse_figures (Row *row)
{
  gint64 partner_id = row->partner != NULL ? accord_partner_get_id (row->partner) : 0;
  g_autoptr(AccordFigures) f = accord_figures_new (partner_id, cell (row, FIG_MONTH));
  g_autoptr(GError) error = NULL;
  gint64 value;

  if (!has (row, FIG_MONTH))
    add_problemf (row, _("%s is empty; write the month as YYYY-MM"),
                  column_name (row, FIG_MONTH));
  else if (!accord_month_is_valid (cell (row, FIG_MONTH)))
    add_problemf (row, _("%s: “%s” is not a month; use YYYY-MM"),
                  column_name (row, FIG_MONTH), cell (row, FIG_MONTH));
  read_int (row, FIG_REVENUE_MINOR, 0, MAX_AMOUNT_MINOR, 0, &f->revenue_minor);
  f->referrals = read_small (row, FIG_REFERRALS, 0, MAX_COUNT, 0);
  f->conversions = read_small (row, FIG_CONVERSIONS, 0, MAX_COUNT, 0);
  if (has (row, FIG_NPS) && read_int (row, FIG_NPS, -100, 100, 0, &value))
    {
      f->has_nps = TRUE;
      f->nps = (int) value;
    }
  f->response_hours = read_small (row, FIG_RESPONSE_HOURS, 0, MAX_COUNT, ACCORD_UNSET);
  f->joint_initiatives = read_small (row, FIG_JOINT_INITIATIVES, 0, MAX_COUNT, 0);

  if (!row_ok (row))
    return NULL;
  if (!accord_figures_validate (f, &error))
    {
      add_problem (row->import, row->line, error->message);
      return NULL;
    }

  /* One row per partner and month: a second one is a mistake to fix,
   * not something to resolve by guessing which one is right. */
  {
    char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", partner_id, f->month);
    gpointer other = g_hash_table_lookup (row->import->months, key);

    if (other != NULL)
      {
        add_problemf (row, _("%s already has figures for %s on line %u"),
                      accord_partner_get_name (row->partner), f->month,
                      GPOINTER_TO_UINT (other));
        g_free (key);
        return NULL;
      }
    g_hash_table_insert (row->import->months, key, GUINT_TO_POINTER (row->line));
  }
  return g_steal_pointer (&f);
}

static void
print_referrals (guint n)
{
  g_print (ngettext ("Imported %u referral.\n", "Imported %u referrals.\n", n), n);
}

static void
print_reviews (guint n)
{
  g_print (ngettext ("Imported %u review.\n", "Imported %u reviews.\n", n), n);
}

static void
print_figures (guint n)
{
  g_print (ngettext ("Imported the figures of %u month.\n",
                     "Imported the figures of %u months.\n", n), n);
}

static const ImportKind referral_import = {
  referral_columns, REF_N_COLUMNS, 2, parse_referral,
  (GDestroyNotify) accord_referral_free, accord_store_save_referrals, print_referrals,
};

static const ImportKind review_import = {
  review_columns, REV_N_COLUMNS, 7, parse_review,
  (GDestroyNotify) accord_review_free, accord_store_save_reviews, print_reviews,
};

static const ImportKind figures_import = {
  figures_columns, FIG_N_COLUMNS, 2, parse_figures,
  (GDestroyNotify) accord_figures_free, accord_store_set_figures_many, print_figures,
};

G_STATIC_ASSERT (REV_N_COLUMNS <= MAX_COLUMNS);

/* Reading the file */

static char *
dup_known_columns (const ImportKind *kind)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < kind->n_columns; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", kind->columns[i]);
  return g_string_free (text, FALSE);
}

static gboolean
parse_header (Import     *import,
              GPtrArray  *fields,
              guint       line,
              GError    **error)
{
  const ImportKind *kind = import->kind;

  for (guint i = 0; i < MAX_COLUMNS; i++)
    import->columns[i] = -1;
  import->n_header = fields->len;

  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *key = g_strstrip (g_ascii_strdown (fields->pdata[i], -1));
      int column = -1;

      g_strdelimit (key, " -", '_');
      for (guint j = 0; j < kind->n_columns; j++)
        if (strcmp (key, kind->columns[j]) == 0)
          column = j;

      if (*key == '\0')
        {
          g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                       _("line %u: column %u has no name in the header"), line, i + 1);
          return FALSE;
        }
      if (column < 0)
        {
          g_autofree char *known = dup_known_columns (kind);

          g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                       _("line %u: unknown column “%s”; the columns can be: %s"),
                       line, (const char *) fields->pdata[i], known);
          return FALSE;
        }
      if (import->columns[column] >= 0)
        {
          g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                       _("line %u: the column “%s” appears twice"), line, key);
          return FALSE;
        }
      import->columns[column] = i;
    }

  for (guint i = 0; i < kind->n_required; i++)
    if (import->columns[i] < 0)
      {
        g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                     _("line %u: the header has no “%s” column"), line, kind->columns[i]);
        return FALSE;
      }
  return TRUE;
}

static void
parse_row (Import    *import,
           GPtrArray *fields,
           guint      line)
{
  g_autoptr(GError) error = NULL;
  Row row = { import, line, { NULL }, import->problems->len, NULL };
  gpointer record;

  for (guint i = import->n_header; i < fields->len; i++)
    if (*g_strstrip ((char *) fields->pdata[i]) != '\0')
      {
        g_autofree char *values = g_strdup_printf (ngettext ("%u value", "%u values", fields->len),
                                                   fields->len);
        g_autofree char *columns = g_strdup_printf (ngettext ("%u column", "%u columns", import->n_header),
                                                    import->n_header);

        /* Translators: "the row has 5 values but the header has 4 columns". */
        add_problemf (&row, _("the row has %s but the header has %s"), values, columns);
        return;
      }

  for (guint i = 0; i < MAX_COLUMNS; i++)
    {
      int index = import->columns[i];

      row.cells[i] = g_strstrip (g_strdup (index >= 0 && (guint) index < fields->len ?
                                           (const char *) fields->pdata[index] : ""));
    }

  if (!has (&row, 0))
    add_problem (import, line, _("the partner column is empty"));
  else if ((row.partner = lookup_partner (import, cell (&row, 0), &error)) == NULL)
    add_problem (import, line, error->message);

  record = import->kind->parse_row (&row);
  if (record != NULL && row_ok (&row))
    {
      g_ptr_array_add (import->records, record);
      g_array_append_val (import->lines, line);
    }
  else if (record != NULL)
    import->kind->free_record (record);

  for (guint i = 0; i < MAX_COLUMNS; i++)
    g_free (row.cells[i]);
  g_clear_object (&row.partner);
}

static gboolean
row_is_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const char *p = fields->pdata[i];

      while (g_ascii_isspace (*p))
        p++;
      if (*p != '\0')
        return FALSE;
    }
  return TRUE;
}

/* The first problem, and how many more there are, on one line. */
static int
fail_with_problems (Import *import)
{
  const Problem *first = import->problems->pdata[0];
  guint n_more = import->problems->len - 1;
  g_autofree char *message = NULL;

  if (n_more > 0)
    message = g_strdup_printf (ngettext ("line %u: %s (and %u more problem; nothing was imported)",
                                         "line %u: %s (and %u more problems; nothing was imported)",
                                         n_more),
                               first->line, first->message, n_more);
  else
    message = g_strdup_printf (_("line %u: %s (nothing was imported)"),
                               first->line, first->message);
  print_failure (message);
  return EXIT_FAILED;
}

static int
run_import (Cli              *cli,
            const ImportKind *kind,
            const char       *path,
            gboolean          skip_invalid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(AccordCsvReader) reader = NULL;
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GHashTable) partners_by_key = NULL;
  g_autoptr(GHashTable) months = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *contents = NULL;
  gboolean has_header = FALSE;
  gsize length = 0;
  guint n_skipped = 0;
  guint failed = 0;
  Import import;

  /* The file first: a mistyped name touches no workspace. */
  if (!g_file_get_contents (path, &contents, &length, &error))
    return fail (error);
  data = g_bytes_new_take (g_steal_pointer (&contents), length);

  reader = accord_csv_reader_new (data, &error);
  if (reader == NULL)
    return fail (error);

  /* Results belong to partners, so the workspace must exist. */
  store = open_workspace (cli, FALSE, &error);
  if (store == NULL)
    return fail (error);

  partners_by_key = index_partners (store);
  months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  records = g_ptr_array_new_with_free_func (kind->free_record);
  lines = g_array_new (FALSE, FALSE, sizeof (guint));
  problems = g_ptr_array_new_with_free_func (problem_free);
  import = (Import) {
    .kind = kind,
    .store = store,
    .partners_by_key = partners_by_key,
    .months = months,
    .records = records,
    .lines = lines,
    .problems = problems,
  };

  for (;;)
    {
      g_autoptr(GPtrArray) fields = NULL;
      guint line = 0;
      guint n_problems = problems->len;

      if (!accord_csv_reader_next_row (reader, &fields, &line, &error))
        {
          if (error == NULL)
            break;
          /* The rest of the file cannot be read: whatever the flags. */
          return fail (error);
        }
      if (row_is_blank (fields))
        continue;
      if (!has_header)
        {
          if (!parse_header (&import, fields, line, &error))
            return fail (error);
          has_header = TRUE;
          continue;
        }
      parse_row (&import, fields, line);
      if (problems->len > n_problems)
        n_skipped++;
    }

  if (!has_header)
    {
      print_failure (_("The file is empty; it needs a header with a “partner” column"));
      return EXIT_FAILED;
    }

  if (problems->len > 0 && !skip_invalid)
    return fail_with_problems (&import);

  if (records->len > 0 && !kind->save (store, records, &failed, &error))
    {
      g_autofree char *message = NULL;

      if (failed < lines->len)
        message = g_strdup_printf (_("line %u: %s (nothing was imported)"),
                                   g_array_index (lines, guint, failed), error->message);
      else
        message = g_strdup_printf (_("%s (nothing was imported)"), error->message);
      print_failure (message);
      return EXIT_FAILED;
    }

  kind->print_imported (records->len);
  if (n_skipped > 0)
    g_printerr (ngettext ("Skipped %u row:\n", "Skipped %u rows:\n", n_skipped), n_skipped);
  for (guint i = 0; i < problems->len; i++)
    {
      const Problem *problem = problems->pdata[i];

      g_printerr (_("line %u: %s\n"), problem->line, problem->message);
    }
  return EXIT_SUCCESS;
}

int
cli_import_referrals (Cli        *cli,
                      const char *path,
                      gboolean    skip_invalid)
{
  return run_import (cli, &referral_import, path, skip_invalid);
}

int
cli_import_reviews (Cli        *cli,
                    const char *path,
                    gboolean    skip_invalid)
{
  return run_import (cli, &review_import, path, skip_invalid);
}

int
cli_import_figures (Cli        *cli,
                    const char *path,
                    gboolean    skip_invalid)
{
  return run_import (cli, &figures_import, path, skip_invalid);
}
