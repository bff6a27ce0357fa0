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

/* import --agreements FILE.csv: one agreement per row, matched to a
 * partner by the "partner" column. Every row is read and checked before
 * anything is written; then the whole file is saved in one transaction.
 * One bad row stops the import unless --skip-invalid. */

/* The columns a file may have. Their names are the JSON keys of
 * `list --json`, so a file and the output speak the same words. */
typedef enum
{
  COL_PARTNER,
  COL_TITLE,
  COL_STATUS,
  COL_STATUS_SINCE,
  COL_START,
  COL_TERM_MONTHS,
  COL_RENEWAL,
  COL_NOTICE_DAYS,
  COL_TERMINATION_NOTICE_DAYS,
  COL_TERMINATION_EFFECT,
  COL_ENDED_ON,
  COL_REVENUE_MODEL,
  COL_PAYER,
  COL_CURRENCY,
  COL_RATE_BP,
  COL_SHARE_MONTHS,
  COL_AMOUNT_MINOR,
  COL_PERIOD,
  COL_TIERS,
  COL_EXCLUSIVITY,
  COL_EXCLUSIVITY_SCOPE,
  COL_EXCLUSIVITY_UNTIL,
  COL_IP_TERMS,
  COL_BRAND_USAGE,
  COL_CONFIDENTIAL,
  COL_CONFIDENTIALITY_MONTHS,
  COL_REVIEW_CADENCE,
  COL_LEGAL_REVIEW_NEEDED,
  COL_LEGAL_REQUESTED_ON,
  COL_LEGAL_DONE_ON,
  COL_KPI_METRIC,
  COL_KPI_TARGET,
  COL_KPI_DATE,
  N_COLUMNS
} ColumnId;

static const char *const column_keys[N_COLUMNS] = {
  [COL_PARTNER] = "partner",
  [COL_TITLE] = "title",
  [COL_STATUS] = "status",
  [COL_STATUS_SINCE] = "status_since",
  [COL_START] = "start",
  [COL_TERM_MONTHS] = "term_months",
  [COL_RENEWAL] = "renewal",
  [COL_NOTICE_DAYS] = "notice_days",
  [COL_TERMINATION_NOTICE_DAYS] = "termination_notice_days",
  [COL_TERMINATION_EFFECT] = "termination_effect",
  [COL_ENDED_ON] = "ended_on",
  [COL_REVENUE_MODEL] = "revenue_model",
  [COL_PAYER] = "payer",
  [COL_CURRENCY] = "currency",
  [COL_RATE_BP] = "rate_bp",
  [COL_SHARE_MONTHS] = "share_months",
  [COL_AMOUNT_MINOR] = "amount_minor",
  [COL_PERIOD] = "period",
  [COL_TIERS] = "tiers",
  [COL_EXCLUSIVITY] = "exclusivity",
  [COL_EXCLUSIVITY_SCOPE] = "exclusivity_scope",
  [COL_EXCLUSIVITY_UNTIL] = "exclusivity_until",
  [COL_IP_TERMS] = "ip_terms",
  [COL_BRAND_USAGE] = "brand_usage",
  [COL_CONFIDENTIAL] = "confidential",
  [COL_CONFIDENTIALITY_MONTHS] = "confidentiality_months",
  [COL_REVIEW_CADENCE] = "review_cadence",
  [COL_LEGAL_REVIEW_NEEDED] = "legal_review_needed",
  [COL_LEGAL_REQUESTED_ON] = "legal_requested_on",
  [COL_LEGAL_DONE_ON] = "legal_done_on",
  [COL_KPI_METRIC] = "kpi_metric",
  [COL_KPI_TARGET] = "kpi_target",
  [COL_KPI_DATE] = "kpi_date",
};

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

typedef struct
{
  AccordStore *store;
  int          columns[N_COLUMNS];   /* the cell index of each column, or -1 */
  guint        n_columns;            /* in the header */
  GHashTable  *partners_by_key;      /* folded name -> GPtrArray of AccordPartner */
  GHashTable  *active_rows;          /* partner id -> line of its active agreement */
  GPtrArray   *agreements;           /* AccordAgreement, valid rows only */
  GArray      *lines;                /* guint, the line of each of them */
  GPtrArray   *problems;             /* Problem */
} Import;

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

static void add_problemf (Import     *import,
                          guint       line,
                          const char *format,
                          ...) G_GNUC_PRINTF (3, 4);

static void
add_problemf (Import     *import,
              guint       line,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  add_problem (import, line, message);
}

/* Names compare as `move --partner` compares them: case, Unicode
 * composition and surrounding spaces do not matter. */
static char *
dup_name_key (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  g_autofree char *folded = g_utf8_casefold (trimmed, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);
}

/* One pass over the partners rather than one per row: a file of a
 * thousand rows against ten thousand partners stays quick. */
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

static char *
dup_known_columns (void)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < N_COLUMNS; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", column_keys[i]);
  return g_string_free (text, FALSE);
}

static gboolean
parse_header (Import      *import,
              GPtrArray   *fields,
              guint        line,
              GError     **error)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    import->columns[i] = -1;
  import->n_columns = fields->len;

  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *key = g_strstrip (g_ascii_strdown (fields->pdata[i], -1));
      int column = -1;

      for (char *p = key; *p != '\0'; p++)
        if (*p == ' ' || *p == '-')
          *p = '_';
      for (guint j = 0; j < N_COLUMNS; j++)
        if (strcmp (key, column_keys[j]) == 0)
          column = j;

      if (*key == '\0')
        {
          g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                       _("line %u: column %u has no name in the header"), line, i + 1);
          return FALSE;
        }
      if (column < 0)
        {
          g_autofree char *known = dup_known_columns ();

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

  if (import->columns[COL_PARTNER] < 0)
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                   _("line %u: the header has no “partner” column; each agreement needs "
                     "the name of its partner"),
                   line);
      return FALSE;
    }
  return TRUE;
}

/* What a row holds: the cells by column, trimmed; "" when absent. */
typedef struct
{
  Import *import;
  guint   line;
  char   *cells[N_COLUMNS];
  guint   n_problems;
} Row;

static const char *
cell (Row      *row,
      ColumnId  column)
{
  return row->cells[column];
}

static gboolean
has (Row      *row,
     ColumnId  column)
{
  return *row->cells[column] != '\0';
}

/* A whole number in @min..@max, or ACCORD_UNSET for an empty cell. */
static gboolean
read_int (Row      *row,
          ColumnId  column,
          gint64    min,
          gint64    max,
          gint64   *out)
{
  gint64 value;

  if (!has (row, column))
    {
      *out = ACCORD_UNSET;
      return TRUE;
    }
  if (!g_ascii_string_to_signed (cell (row, column), 10, G_MININT64, G_MAXINT64, &value, NULL))
    {
      add_problemf (row->import, row->line, _("“%s” is not a whole number for %s"),
                    cell (row, column), column_keys[column]);
      return FALSE;
    }
  if (value < min || value > max)
    {
      add_problemf (row->import, row->line,
                    _("%s must be from %lld to %lld, not %lld"),
                    column_keys[column], (long long) min, (long long) max, (long long) value);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

static void
read_small_int (Row      *row,
                ColumnId  column,
                int       min,
                int       max,
                int      *out)
{
  gint64 value;

  if (read_int (row, column, min, max, &value))
    *out = (int) value;
}

static void
read_date (Row       *row,
           ColumnId   column,
           char     **out)
{
  if (!has (row, column))
    return;
  if (!accord_date_is_valid (cell (row, column)))
    {
      add_problemf (row->import, row->line, _("%s: “%s” is not a date; use YYYY-MM-DD"),
                    column_keys[column], cell (row, column));
      return;
    }
  g_free (*out);
  *out = g_strdup (cell (row, column));
}

static void
read_text (Row       *row,
           ColumnId   column,
           char     **out)
{
  g_free (*out);
  *out = g_strdup (cell (row, column));
}

static void
read_boolean (Row      *row,
              ColumnId  column,
              gboolean *out)
{
  static const char *const yes[] = { "yes", "y", "true", "1" };
  static const char *const no[] = { "no", "n", "false", "0" };

  if (!has (row, column))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      if (g_ascii_strcasecmp (cell (row, column), yes[i]) == 0)
        {
          *out = TRUE;
          return;
        }
      if (g_ascii_strcasecmp (cell (row, column), no[i]) == 0)
        {
          *out = FALSE;
          return;
        }
    }
  add_problemf (row->import, row->line, _("%s: “%s” is not yes or no"),
                column_keys[column], cell (row, column));
}

/* An enum column: the key, or a problem listing the keys. */
#define READ_ENUM(row, column, from_key, to_key, n, out) \
  G_STMT_START { \
    if (has ((row), (column)) && !from_key (cell ((row), (column)), (out))) \
      { \
        g_autoptr(GString) allowed_ = g_string_new (NULL); \
        for (guint i_ = 0; i_ < (n); i_++) \
          g_string_append_printf (allowed_, "%s%s", i_ > 0 ? ", " : "", to_key (i_)); \
        add_problemf ((row)->import, (row)->line, _("%s: “%s” is not known; use one of: %s"), \
                      column_keys[(column)], cell ((row), (column)), allowed_->str); \
      } \
  } G_STMT_END

/* "10:1500;50:2000": volume thresholds and their rates in basis points. */
static void
read_tiers (Row             *row,
            AccordAgreement *a)
{
  g_auto(GStrv) parts = NULL;

  if (!has (row, COL_TIERS))
    return;
  parts = g_strsplit (cell (row, COL_TIERS), ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (parts[i], ":", -1);
      gint64 threshold, rate;

      if (*g_strstrip (parts[i]) == '\0')
        continue;
      if (g_strv_length (pair) != 2 ||
          !g_ascii_string_to_signed (g_strstrip (pair[0]), 10, 0, G_MAXINT64, &threshold, NULL) ||
          !g_ascii_string_to_signed (g_strstrip (pair[1]), 10, 0, 10000, &rate, NULL))
        {
          add_problemf (row->import, row->line,
                        _("tiers: “%s” is not a tier; write each as threshold:rate_bp, "
                          "separated by “;” (10:1500;50:2000)"),
                        parts[i]);
          return;
        }
      accord_agreement_add_tier (a, threshold, (int) rate);
    }
}

/* Turns a row into an agreement, recording every problem it has. */
static void
parse_row (Import    *import,
           GPtrArray *fields,
           guint      line)
{
  g_autoptr(AccordPartner) partner = NULL;
  g_autoptr(AccordAgreement) a = NULL;
  g_autoptr(GError) local_error = NULL;
  Row row = { import, line, { NULL }, import->problems->len };
  gint64 amount;

  for (guint i = import->n_columns; i < fields->len; i++)
    if (*g_strstrip ((char *) fields->pdata[i]) != '\0')
      {
        g_autofree char *values = g_strdup_printf (ngettext ("%u value", "%u values", fields->len),
                                                   fields->len);
        g_autofree char *columns = g_strdup_printf (ngettext ("%u column", "%u columns", import->n_columns),
                                                    import->n_columns);

        /* Translators: "the row has 5 values but the header has 4 columns". */
        add_problemf (import, line, _("the row has %s but the header has %s"), values, columns);
        return;
      }

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      int index = import->columns[i];

      row.cells[i] = g_strstrip (g_strdup (index >= 0 && (guint) index < fields->len ?
                                           (const char *) fields->pdata[index] : ""));
    }

  if (!has (&row, COL_PARTNER))
    add_problem (import, line, _("the partner column is empty"));
  else if ((partner = lookup_partner (import, cell (&row, COL_PARTNER), &local_error)) == NULL)
    add_problem (import, line, local_error->message);

  a = accord_agreement_new (partner != NULL ? accord_partner_get_id (partner) : 0);
  read_text (&row, COL_TITLE, &a->title);
  READ_ENUM (&row, COL_STATUS, accord_agreement_status_from_key, accord_agreement_status_to_key,
             ACCORD_N_AGREEMENT_STATUSES, &a->status);
  read_date (&row, COL_STATUS_SINCE, &a->status_since);
  read_date (&row, COL_START, &a->start);
  read_small_int (&row, COL_TERM_MONTHS, 1, 600, &a->term_months);
  READ_ENUM (&row, COL_RENEWAL, accord_renewal_from_key, accord_renewal_to_key,
             ACCORD_N_RENEWALS, &a->renewal);
  read_small_int (&row, COL_NOTICE_DAYS, 0, 3650, &a->notice_days);
  read_small_int (&row, COL_TERMINATION_NOTICE_DAYS, 0, 3650, &a->termination_notice_days);
  read_text (&row, COL_TERMINATION_EFFECT, &a->termination_effect);
  read_date (&row, COL_ENDED_ON, &a->ended_on);
  READ_ENUM (&row, COL_REVENUE_MODEL, accord_revenue_model_from_key,
             accord_revenue_model_to_key, ACCORD_N_REVENUE_MODELS, &a->revenue_model);
  READ_ENUM (&row, COL_PAYER, accord_payer_from_key, accord_payer_to_key, ACCORD_N_PAYERS,
             &a->payer);
  if (has (&row, COL_CURRENCY))
    read_text (&row, COL_CURRENCY, &a->currency);
  read_small_int (&row, COL_RATE_BP, 0, 10000, &a->rate_bp);
  read_small_int (&row, COL_SHARE_MONTHS, 1, 600, &a->share_months);
  if (read_int (&row, COL_AMOUNT_MINOR, 0, G_GINT64_CONSTANT (999999999999999), &amount))
    a->amount_minor = amount;
  READ_ENUM (&row, COL_PERIOD, accord_period_from_key, accord_period_to_key, ACCORD_N_PERIODS,
             &a->period);
  read_tiers (&row, a);
  READ_ENUM (&row, COL_EXCLUSIVITY, accord_exclusivity_from_key, accord_exclusivity_to_key,
             ACCORD_N_EXCLUSIVITIES, &a->exclusivity);
  read_text (&row, COL_EXCLUSIVITY_SCOPE, &a->exclusivity_scope);
  read_date (&row, COL_EXCLUSIVITY_UNTIL, &a->exclusivity_until);
  read_text (&row, COL_IP_TERMS, &a->ip_terms);
  read_text (&row, COL_BRAND_USAGE, &a->brand_usage);
  read_boolean (&row, COL_CONFIDENTIAL, &a->confidential);
  read_small_int (&row, COL_CONFIDENTIALITY_MONTHS, 1, 1200, &a->confidentiality_months);
  READ_ENUM (&row, COL_REVIEW_CADENCE, accord_cadence_from_key, accord_cadence_to_key,
             ACCORD_N_CADENCES, &a->review_cadence);
  read_boolean (&row, COL_LEGAL_REVIEW_NEEDED, &a->legal_review_needed);
  read_date (&row, COL_LEGAL_REQUESTED_ON, &a->legal_requested_on);
  read_date (&row, COL_LEGAL_DONE_ON, &a->legal_done_on);

  if (has (&row, COL_KPI_METRIC))
    {
      g_autofree char *kpi_date = NULL;

      read_date (&row, COL_KPI_DATE, &kpi_date);
      accord_agreement_add_kpi (a, cell (&row, COL_KPI_METRIC), cell (&row, COL_KPI_TARGET),
                                kpi_date);
    }
  else if (has (&row, COL_KPI_TARGET) || has (&row, COL_KPI_DATE))
    add_problem (import, line, _("the KPI has a target or a date but no kpi_metric"));

  /* The checks that span fields (an end before the start), once every
   * cell could be read. */
  if (import->problems->len == row.n_problems && !accord_agreement_validate (a, &local_error))
    add_problem (import, line, local_error->message);

  /* One active agreement per partner: in the workspace, and in the file. */
  if (import->problems->len == row.n_problems && a->status == ACCORD_AGREEMENT_ACTIVE)
    {
      g_autoptr(AccordAgreement) active = NULL;
      gpointer other_line = g_hash_table_lookup (import->active_rows, &a->partner_id);

      g_clear_error (&local_error);
      active = accord_store_get_active_agreement (import->store, partner, &local_error);
      if (local_error != NULL)
        add_problem (import, line, local_error->message);
      else if (active != NULL)
        add_problemf (import, line,
                      _("%s already has an active agreement; a partner can have only one"),
                      accord_partner_get_name (partner));
      else if (other_line != NULL)
        add_problemf (import, line,
                      _("%s already has an active agreement on line %u; a partner can have "
                        "only one"),
                      accord_partner_get_name (partner), GPOINTER_TO_UINT (other_line));
      else
        {
          gint64 *key = g_new (gint64, 1);

          *key = a->partner_id;
          g_hash_table_insert (import->active_rows, key, GUINT_TO_POINTER (line));
        }
    }

  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (row.cells[i]);

  if (import->problems->len == row.n_problems)
    {
      g_ptr_array_add (import->agreements, g_steal_pointer (&a));
      g_array_append_val (import->lines, line);
    }
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

int
cli_import_agreements (Cli        *cli,
                       const char *path,
                       gboolean    skip_invalid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(AccordCsvReader) reader = NULL;
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GHashTable) partners_by_key = NULL;
  g_autoptr(GHashTable) active_rows = NULL;
  g_autoptr(GPtrArray) agreements = NULL;
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

  /* Agreements belong to partners, so the workspace must exist. */
  store = open_workspace (cli, FALSE, &error);
  if (store == NULL)
    return fail (error);

  partners_by_key = index_partners (store);
  active_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  agreements = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_agreement_free);
  lines = g_array_new (FALSE, FALSE, sizeof (guint));
  problems = g_ptr_array_new_with_free_func (problem_free);
  import = (Import) {
    .store = store,
    .partners_by_key = partners_by_key,
    .active_rows = active_rows,
    .agreements = agreements,
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

  if (agreements->len > 0 &&
      !accord_store_save_agreements (store, agreements, &failed, &error))
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

  g_print (ngettext ("Imported %u agreement.\n", "Imported %u agreements.\n", agreements->len),
           agreements->len);
  if (n_skipped > 0)
    g_printerr (ngettext ("Skipped %u row:\n", "Skipped %u rows:\n", n_skipped), n_skipped);
  for (guint i = 0; i < problems->len; i++)
    {
      const Problem *problem = problems->pdata[i];

      g_printerr (_("line %u: %s\n"), problem->line, problem->message);
    }
  return EXIT_SUCCESS;
}
