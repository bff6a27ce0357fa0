/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-report.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <string.h>

#include "accord-chart-data.h"
#include "accord-dashboard.h"

/* A report is a list of blocks (headings, paragraphs, label and value
 * fields, table rows, charts, page breaks) made once from the store.
 * Pagination flows the blocks onto pages of a given size and keeps only
 * numbers (which block goes where); drawing a page lays its text out
 * again with Pango in the cairo_t it is given. Table rows are one line
 * each (long values are ellipsized), so a table of 10,000 partners
 * paginates without measuring a single row. */

#define MARGIN        48.0
#define HEADER_HEIGHT 22.0
#define FOOTER_HEIGHT 22.0
#define CELL_PAD       3.0
#define FIELD_LABEL    0.34   /* of the width, for a field's label */
#define CHART_MIN     120.0

#define FONT_BODY     "Sans 9"
#define FONT_SMALL    "Sans 8"
#define FONT_BOLD     "Sans Bold 9"
#define FONT_HEADING  "Sans Bold 12"
#define FONT_TITLE    "Sans Bold 24"
#define FONT_SUBTITLE "Sans 14"

typedef enum
{
  BLOCK_TITLE,
  BLOCK_SUBTITLE,
  BLOCK_HEADING,
  BLOCK_TEXT,
  BLOCK_FIELD,
  BLOCK_ROW,
  BLOCK_SPACE,
  BLOCK_PORTFOLIO_CHART,
  BLOCK_LIFECYCLE_CHART,
  BLOCK_BREAK,
} BlockKind;

typedef struct
{
  guint   n_columns;
  char  **headers;    /* n_columns */
  double *widths;     /* fractions of the width, adding up to 1 */
} Table;

typedef struct
{
  BlockKind    kind;
  char        *text;       /* title, heading, paragraph, field label */
  char        *value;      /* a field's value */
  char       **cells;      /* a row's, table->n_columns of them */
  const Table *table;
  guint        stripe;     /* a row's index in its table */
  int          max_lines;  /* paragraphs and field values; 0: no limit */
  gboolean     dim;
  gboolean     squeeze;    /* down to one line when a page is squeezed */
  double       height;     /* space; charts: the most they take, 0: the rest of the page */
} Block;

typedef struct
{
  guint    block;
  double   y;
  double   height;
  gboolean table_header;  /* the header of the block's table, before it */
} Placed;

struct _AccordReport
{
  char      *title;
  char      *workspace;
  gboolean   rtl;
  gboolean   one_page; /* squeeze onto one page: the partner report */
  gboolean   compact;  /* squeezing: one line a field, less space */
  GArray    *blocks;   /* of Block */
  GPtrArray *tables;   /* of Table * */

  AccordPortfolioSource *portfolio;
  AccordLifecycleSource *lifecycle;

  /* The pagination of the last size asked. */
  double     paged_width;
  double     paged_height;
  GPtrArray *pages;    /* of GArray of Placed */
};

/* Building */

static void
table_free (Table *table)
{
  g_strfreev (table->headers);
  g_free (table->widths);
  g_free (table);
}

static void
block_clear (Block *block)
{
  g_free (block->text);
  g_free (block->value);
  g_strfreev (block->cells);
}

static AccordReport *
report_new (const char *title,
            const char *workspace)
{
  AccordReport *self = g_new0 (AccordReport, 1);

  self->title = g_strdup (title);
  self->workspace = g_strdup (workspace);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, (GDestroyNotify) block_clear);
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  return self;
}

void
accord_report_free (AccordReport *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->workspace);
  g_array_unref (self->blocks);
  g_ptr_array_unref (self->tables);
  g_clear_pointer (&self->portfolio, accord_portfolio_source_free);
  g_clear_pointer (&self->lifecycle, accord_lifecycle_source_free);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_free (self);
}

static Block *
add_block (AccordReport *self,
           BlockKind     kind,
           const char   *text)
{
  Block block = { 0, };

  block.kind = kind;
  block.text = g_strdup (text);
  g_array_append_val (self->blocks, block);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  return &g_array_index (self->blocks, Block, self->blocks->len - 1);
}

static Block *
add_field (AccordReport *self,
           const char   *label,
           const char   *value,
           int           max_lines)
{
  Block *block = add_block (self, BLOCK_FIELD, label);

  block->value = g_strdup (value != NULL && value[0] != '\0' ? value : "—");
  block->max_lines = max_lines;
  return block;
}

static void
add_text (AccordReport *self,
          const char   *text,
          gboolean      dim,
          int           max_lines)
{
  Block *block = add_block (self, BLOCK_TEXT, text);

  block->dim = dim;
  block->max_lines = max_lines;
}

static void
add_space (AccordReport *self,
           double        height)
{
  add_block (self, BLOCK_SPACE, NULL)->height = height;
}

/* A table with @n columns: NULL-terminated pairs of header and width. */
static Table *
add_table (AccordReport *self,
           guint         n,
           ...)
{
  Table *table = g_new0 (Table, 1);
  va_list args;

  table->n_columns = n;
  table->headers = g_new0 (char *, n + 1);
  table->widths = g_new0 (double, n);
  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      table->headers[i] = g_strdup (va_arg (args, const char *));
      table->widths[i] = va_arg (args, double);
    }
  va_end (args);
  g_ptr_array_add (self->tables, table);
  return table;
}

/* Adds a row of @table; takes @cells (n_columns strings). */
static void
add_row (AccordReport *self,
         const Table  *table,
         guint         stripe,
         char        **cells)
{
  Block *block = add_block (self, BLOCK_ROW, NULL);

  g_assert (g_strv_length (cells) == table->n_columns);
  block->table = table;
  block->cells = cells;
  block->stripe = stripe;
}

static char *
workspace_name (AccordStore *store)
{
  const char *path = accord_store_get_path (store);
  g_autofree char *base = NULL;
  char *dot;

  if (path == NULL || g_str_equal (path, ":memory:"))
    return g_strdup (_("Workspace"));
  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_filename_display_name (base);
}

void
accord_report_set_rtl (AccordReport *self,
                       gboolean      rtl)
{
  g_return_if_fail (self != NULL);

  if (self->rtl == !!rtl)
    return;
  self->rtl = !!rtl;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
}

const char *
accord_report_get_title (AccordReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

/* The portfolio report */

static char *
format_count_change (guint now,
                     guint before)
{
  g_autofree char *change =
    accord_dashboard_describe_change (now, before, ACCORD_DASHBOARD_COMPARE_LAST_MONTH);

  if (change == NULL)
    return g_strdup_printf ("%u", now);
  /* Translators: a count and its change, "12 (up 20 % from last month)". */
  return g_strdup_printf (_("%u (%s)"), now, change);
}

static void
add_dashboard (AccordReport    *self,
               AccordDashboard *dashboard)
{
  const char *currency = dashboard->currency;
  gint64 revenue_year = 0, referrals_year = 0;
  guint last = ACCORD_DASHBOARD_MONTHS - 1;
  char *text;  /* freed after each use */
  Table *table;

  for (guint m = 0; m < ACCORD_DASHBOARD_MONTHS; m++)
    {
      revenue_year += dashboard->revenue_minor[m];
      referrals_year += dashboard->referrals[m];
    }

  add_block (self, BLOCK_HEADING, _("Dashboard"));
  text = g_strdup_printf ("%u", dashboard->n_partners);
  add_field (self, _("Partners"), text, 1);
  g_free (text);
  text = format_count_change (dashboard->active_now, dashboard->active_last_month);
  add_field (self, _("Active partnerships"), text, 1);
  g_free (text);
  /* Translators: partnerships started, "3 this month, 2 last month". */
  text = g_strdup_printf (_("%u this month, %u last month"),
                          dashboard->new_this_month, dashboard->new_last_month);
  add_field (self, _("New partnerships"), text, 1);
  g_free (text);
  text = g_strdup_printf (_("%u this month, %u last month"),
                          dashboard->ended_this_month, dashboard->ended_last_month);
  add_field (self, _("Ended partnerships"), text, 1);
  g_free (text);

  {
    g_autofree char *month = accord_format_money (dashboard->revenue_minor[last], currency);
    g_autofree char *year = accord_format_money (revenue_year, currency);

    /* Translators: revenue, "EUR 1,200.00 this month, EUR 9,000.00 in 12 months". */
    text = g_strdup_printf (_("%s this month, %s in 12 months"), month, year);
    add_field (self, _("Partner-sourced revenue"), text, 1);
    g_free (text);
  }
  text = g_strdup_printf (_("%lld this month, %lld in 12 months"),
                          (long long) dashboard->referrals[last], (long long) referrals_year);
  add_field (self, _("Referrals"), text, 1);
  g_free (text);
  if (dashboard->mixed_currencies)
    add_text (self, _("Agreements use more than one currency; amounts are added as they are."),
              TRUE, 2);
  /* Translators: the pipeline, "5 in discussion, 2 expected to close". */
  text = g_strdup_printf (_("%u in discussion, %u expected to close"),
                          dashboard->in_discussion, dashboard->expected_to_close);
  add_field (self, _("Pipeline"), text, 1);
  g_free (text);
  /* Translators: health alerts, "2 at risk, 5 to watch". */
  text = g_strdup_printf (_("%u at risk, %u to watch"), dashboard->n_at_risk, dashboard->n_watch);
  add_field (self, _("Health alerts"), text, 1);
  g_free (text);
  {
    g_autofree char *to = accord_format_money (dashboard->owed_to_partners_minor, currency);
    g_autofree char *by = accord_format_money (dashboard->owed_by_partners_minor, currency);

    /* Translators: commission, "EUR 100.00 to 3 partners". */
    text = g_strdup_printf (g_dngettext (NULL, "%s to %u partner", "%s to %u partners",
                                         dashboard->n_owed_to),
                            to, dashboard->n_owed_to);
    add_field (self, _("We owe"), text, 1);
    g_free (text);
    /* Translators: commission, "EUR 100.00 from 3 partners". */
    text = g_strdup_printf (g_dngettext (NULL, "%s from %u partner", "%s from %u partners",
                                         dashboard->n_owed_by),
                            by, dashboard->n_owed_by);
    add_field (self, _("Owed to us"), text, 1);
    g_free (text);
  }

  add_block (self, BLOCK_HEADING, _("Workflow"));
  for (guint k = 0; k < ACCORD_DASHBOARD_N_MEDIANS; k++)
    {
      g_autofree char *median = accord_dashboard_format_median (&dashboard->medians[k]);

      add_field (self, accord_dashboard_median_title (k), median, 1);
    }
  text = accord_dashboard_format_tracking (dashboard);
  add_field (self, _("Tracking checked before go-live"), text, 1);
  g_free (text);

  add_block (self, BLOCK_HEADING, _("Pipeline by stage"));
  table = add_table (self, 2, _("Stage"), 0.7, _("Partners"), 0.3);
  for (guint s = 0; s < ACCORD_N_STAGES; s++)
    {
      char **cells = g_new0 (char *, 3);

      cells[0] = g_strdup (accord_stage_get_label (s));
      cells[1] = g_strdup_printf ("%u", dashboard->by_stage[s]);
      add_row (self, table, s, cells);
    }

  add_block (self, BLOCK_HEADING, _("Top partners by revenue"));
  if (dashboard->top[ACCORD_DASHBOARD_BY_REVENUE]->len == 0)
    add_text (self, _("No partner has brought revenue in the last 12 months."), TRUE, 1);
  else
    {
      table = add_table (self, 2, _("Partner"), 0.7, _("Revenue, 12 months"), 0.3);
      for (guint i = 0; i < dashboard->top[ACCORD_DASHBOARD_BY_REVENUE]->len; i++)
        {
          AccordDashboardRank *rank = g_ptr_array_index (dashboard->top[ACCORD_DASHBOARD_BY_REVENUE], i);
          char **cells = g_new0 (char *, 3);

          cells[0] = g_strdup (accord_partner_get_name (rank->partner));
          cells[1] = accord_format_money (rank->value, currency);
          add_row (self, table, i, cells);
        }
    }

  add_block (self, BLOCK_HEADING, _("Health alerts"));
  if (dashboard->alerts->len == 0)
    add_text (self, _("No active partnership is on watch or at risk."), TRUE, 1);
  else
    {
      table = add_table (self, 3, _("Partner"), 0.4, _("Health"), 0.2, _("Main reason"), 0.4);
      for (guint i = 0; i < dashboard->alerts->len; i++)
        {
          AccordDashboardAlert *alert = g_ptr_array_index (dashboard->alerts, i);
          char **cells = g_new0 (char *, 4);

          cells[0] = g_strdup (accord_partner_get_name (alert->partner));
          cells[1] = g_strdup_printf ("%d %s", alert->score, accord_health_band_label (alert->band));
          cells[2] = accord_health_reason_explain (&alert->reason);
          add_row (self, table, i, cells);
        }
    }
}

typedef struct
{
  AccordPartner *partner;
  char          *key;
} SortedPartner;

static int
compare_sorted (gconstpointer a,
                gconstpointer b)
{
  const SortedPartner *x = a, *y = b;
  int c = strcmp (x->key, y->key);

  if (c != 0)
    return c;
  return (accord_partner_get_id (x->partner) > accord_partner_get_id (y->partner)) -
         (accord_partner_get_id (x->partner) < accord_partner_get_id (y->partner));
}

static char *
fit_text (AccordPartner *partner)
{
  int score;

  if (!accord_partner_get_fit_score (partner, &score))
    return g_strdup (_("Not rated"));
  return g_strdup_printf ("%d %s", score,
                          accord_fit_band_get_label (accord_partner_get_fit_band (partner)));
}

static char *
health_text (const AccordPartnerResults *results)
{
  if (results == NULL || !results->health.has_review)
    return g_strdup (accord_portfolio_band_label (ACCORD_CHART_BAND_UNKNOWN));
  return g_strdup_printf ("%d %s", results->health.score,
                          accord_health_band_label (results->health.band));
}

static gboolean
add_partner_table (AccordReport  *self,
                   AccordStore   *store,
                   GError       **error)
{
  GListModel *partners = accord_store_get_partners (store);
  const char *today = accord_store_get_today (store);
  g_autoptr(GHashTable) results = NULL;
  g_autoptr(GHashTable) deadlines = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                           g_free, g_free);
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (SortedPartner));
  guint n = g_list_model_get_n_items (partners);
  Table *table;

  results = accord_store_list_results (store, error);
  if (results == NULL)
    return FALSE;
  agreements = accord_store_list_all_agreements (store, error);
  if (agreements == NULL)
    return FALSE;
  for (guint i = 0; i < agreements->len; i++)
    {
      AccordAgreement *agreement = g_ptr_array_index (agreements, i);
      char *deadline;

      if (agreement->status != ACCORD_AGREEMENT_ACTIVE)
        continue;
      deadline = accord_agreement_notice_deadline (agreement, today);
      if (deadline != NULL)
        g_hash_table_replace (deadlines, g_memdup2 (&agreement->partner_id, sizeof (gint64)),
                              deadline);
    }

  for (guint i = 0; i < n; i++)
    {
      SortedPartner item;
      g_autofree char *folded = NULL;

      item.partner = g_list_model_get_item (partners, i);
      folded = g_utf8_casefold (accord_partner_get_name (item.partner), -1);
      item.key = g_utf8_collate_key (folded, -1);
      g_array_append_val (sorted, item);
    }
  g_array_sort (sorted, compare_sorted);

  add_block (self, BLOCK_BREAK, NULL);
  add_block (self, BLOCK_HEADING, _("Partners"));
  if (n == 0)
    add_text (self, _("There are no partners in this workspace yet."), TRUE, 1);
  table = add_table (self, 5,
                     _("Partner"), 0.32, _("Stage"), 0.15, _("Fit"), 0.19,
                     _("Health"), 0.16, _("Notice deadline"), 0.18);
  for (guint i = 0; i < sorted->len; i++)
    {
      SortedPartner *item = &g_array_index (sorted, SortedPartner, i);
      gint64 id = accord_partner_get_id (item->partner);
      const char *deadline = g_hash_table_lookup (deadlines, &id);
      char **cells = g_new0 (char *, 6);

      cells[0] = g_strdup (accord_partner_get_name (item->partner));
      cells[1] = g_strdup (accord_stage_get_label (accord_partner_get_stage (item->partner)));
      cells[2] = fit_text (item->partner);
      cells[3] = health_text (g_hash_table_lookup (results, &id));
      cells[4] = g_strdup (deadline != NULL ? deadline : "—");
      add_row (self, table, i, cells);
      g_object_unref (item->partner);
      g_free (item->key);
    }
  return TRUE;
}

static gboolean
add_due (AccordReport  *self,
         AccordStore   *store,
         GError       **error)
{
  g_autoptr(GPtrArray) due = accord_store_list_due (store, ACCORD_REPORT_DUE_DAYS, error);
  const char *today = accord_store_get_today (store);
  g_autofree char *intro = NULL;
  Table *table;

  if (due == NULL)
    return FALSE;

  add_block (self, BLOCK_HEADING, _("What is due"));
  intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Overdue, and due in the next %d day.",
                                        "Overdue, and due in the next %d days.",
                                        ACCORD_REPORT_DUE_DAYS),
                           ACCORD_REPORT_DUE_DAYS);
  add_text (self, intro, TRUE, 1);
  if (due->len == 0)
    {
      add_text (self, _("Nothing is due."), FALSE, 1);
      return TRUE;
    }
  table = add_table (self, 4, _("Due"), 0.14, _("When"), 0.14, _("Partner"), 0.3,
                     _("What"), 0.42);
  for (guint i = 0; i < due->len; i++)
    {
      AccordDueItem *item = g_ptr_array_index (due, i);
      char **cells = g_new0 (char *, 5);

      cells[0] = g_strdup (item->due);
      cells[1] = g_strdup (accord_due_group_label (accord_due_group_for (item->due, today)));
      cells[2] = g_strdup (item->partner_name);
      cells[3] = g_strdup (item->title);
      add_row (self, table, i, cells);
    }
  return TRUE;
}

AccordReport *
accord_report_new_portfolio (AccordStore  *store,
                             GError      **error)
{
  g_autoptr(AccordReport) self = NULL;
  g_autoptr(AccordDashboard) dashboard = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *company = NULL;
  g_autofree char *date = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  Block *chart;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  workspace = workspace_name (store);
  self = report_new (_("Portfolio report"), workspace);

  dashboard = accord_dashboard_compute (store, error);
  if (dashboard == NULL)
    return NULL;
  self->portfolio = accord_portfolio_source_new (store, error);
  if (self->portfolio == NULL)
    return NULL;

  /* The title page. */
  add_space (self, 160);
  add_block (self, BLOCK_TITLE, workspace);
  add_block (self, BLOCK_SUBTITLE, _("Portfolio report"));
  add_space (self, 12);
  /* Translators: the day the report's figures were computed for. */
  date = g_strdup_printf (_("As of %s"), accord_store_get_today (store));
  add_text (self, date, FALSE, 1);
  company = accord_store_dup_setting (store, ACCORD_SETTING_OUR_COMPANY);
  if (company != NULL && company[0] != '\0')
    {
      g_autofree char *prepared = g_strdup_printf (_("Prepared by %s"), company);

      add_text (self, prepared, FALSE, 1);
    }
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u partner, %u active",
                                          "%u partners, %u active", dashboard->n_partners),
                             dashboard->n_partners, dashboard->active_now);
  add_text (self, summary, TRUE, 1);
  add_space (self, 24);
  add_text (self, _("Contents: the dashboard, the portfolio by stage and health, every partner, "
                    "and what is due."), TRUE, 3);
  add_block (self, BLOCK_BREAK, NULL);

  add_dashboard (self, dashboard);

  add_block (self, BLOCK_BREAK, NULL);
  add_block (self, BLOCK_HEADING, _("Portfolio by stage and health"));
  chart = add_block (self, BLOCK_PORTFOLIO_CHART, NULL);
  chart->height = 440;
  description = accord_portfolio_chart_describe (&self->portfolio->data);
  add_space (self, 6);
  add_text (self, description, TRUE, 8);

  if (!add_partner_table (self, store, error))
    return NULL;
  if (!add_due (self, store, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* The partner report */

static char *
describe_revenue (const AccordAgreement *agreement)
{
  const char *currency = agreement->currency;
  g_autofree char *amount = NULL;
  g_autofree char *rate = NULL;
  const char *model = accord_revenue_model_label (agreement->revenue_model);

  if (agreement->amount_minor != ACCORD_UNSET)
    amount = accord_format_money (agreement->amount_minor, currency);
  if (agreement->rate_bp != ACCORD_UNSET)
    rate = accord_format_rate_bp (agreement->rate_bp);

  switch (agreement->revenue_model)
    {
    case ACCORD_REVENUE_REFERRAL_FEE:
      if (amount != NULL)
        /* Translators: "Referral fee: EUR 500.00 per new customer". */
        return g_strdup_printf (_("%s: %s per new customer"), model, amount);
      break;
    case ACCORD_REVENUE_SHARE:
      if (rate != NULL && agreement->share_months != ACCORD_UNSET)
        /* Translators: "Revenue share: 20 % for 12 months". */
        return g_strdup_printf (g_dngettext (NULL, "%s: %s for %d month", "%s: %s for %d months",
                                             agreement->share_months),
                                model, rate, agreement->share_months);
      if (rate != NULL)
        return g_strdup_printf ("%s: %s", model, rate);
      break;
    case ACCORD_REVENUE_FIXED_FEE:
    case ACCORD_REVENUE_MINIMUM_COMMITMENT:
      if (amount != NULL)
        /* Translators: "Fixed fee: EUR 1,000.00 per Quarter". */
        return g_strdup_printf (_("%s: %s per %s"), model, amount,
                                accord_period_label (agreement->period));
      break;
    case ACCORD_REVENUE_TIERED:
      if (agreement->tiers != NULL && agreement->tiers->len > 0)
        {
          GString *text = g_string_new (model);

          g_string_append (text, ":");
          for (guint i = 0; i < agreement->tiers->len; i++)
            {
              AccordRateTier *tier = &g_array_index (agreement->tiers, AccordRateTier, i);
              g_autofree char *tier_rate = accord_format_rate_bp (tier->rate_bp);

              /* Translators: a tier, "from 10: 15 %". */
              g_string_append_printf (text, i == 0 ? _(" from %lld: %s")
                                                   : _(", from %lld: %s"),
                                      (long long) tier->threshold, tier_rate);
            }
          return g_string_free (text, FALSE);
        }
      break;
    case ACCORD_REVENUE_NONE:
    case ACCORD_N_REVENUE_MODELS:
    default:
      break;
    }
  return g_strdup (model);
}

static void
add_agreement (AccordReport          *self,
               const AccordAgreement *agreement,
               const char            *today)
{
  g_autofree char *end = accord_agreement_end_of_term (agreement);
  g_autofree char *notice = accord_agreement_notice_deadline (agreement, today);
  g_autofree char *renewal = accord_agreement_next_renewal (agreement, today);
  g_autofree char *review = accord_agreement_next_review (agreement, today);
  g_autofree char *revenue = describe_revenue (agreement);
  g_autofree char *term = NULL;
  g_autofree char *status = NULL;
  GString *kpis;

  status = g_strdup_printf (agreement->status_since ? _("%s since %s") : "%s",
                            accord_agreement_status_label (agreement->status),
                            agreement->status_since);
  if (agreement->title != NULL && agreement->title[0] != '\0')
    {
      /* Translators: an agreement's title and status, "Reseller agreement: Active since ...". */
      g_autofree char *titled = g_strdup_printf (_("%s: %s"), agreement->title, status);

      add_field (self, _("Agreement"), titled, 1);
    }
  else
    add_field (self, _("Agreement"), status, 1);
  if (agreement->term_months != ACCORD_UNSET)
    /* Translators: a term, "from 2026-01-01, 12 months, Automatic". */
    term = g_strdup_printf (g_dngettext (NULL, "from %s, %d month, %s", "from %s, %d months, %s",
                                         agreement->term_months),
                            agreement->start ? agreement->start : "—", agreement->term_months,
                            accord_renewal_label (agreement->renewal));
  else if (agreement->start != NULL)
    term = g_strdup_printf (_("from %s"), agreement->start);
  add_field (self, _("Term"), term, 1);
  add_field (self, _("End of the initial term"), end, 1);
  if (notice != NULL && agreement->notice_days != ACCORD_UNSET)
    {
      g_autofree char *text =
        /* Translators: "2026-12-01 (30 days' notice)". */
        g_strdup_printf (g_dngettext (NULL, "%s (%d day’s notice)", "%s (%d days’ notice)",
                                      agreement->notice_days),
                         notice, agreement->notice_days);

      add_field (self, _("Notice deadline"), text, 1);
    }
  else
    add_field (self, _("Notice deadline"), notice, 1);
  if (agreement->renewal == ACCORD_RENEWAL_AUTOMATIC)
    add_field (self, _("Next renewal"), renewal, 1);
  add_field (self, _("Next review"), review, 1);
  add_field (self, _("Revenue"), revenue, 2)->squeeze = TRUE;
  if (agreement->exclusivity != ACCORD_EXCLUSIVITY_NONE && agreement->exclusivity_scope != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s: %s",
                                               accord_exclusivity_label (agreement->exclusivity),
                                               agreement->exclusivity_scope);

      add_field (self, _("Exclusivity"), text, 1);
    }
  else
    add_field (self, _("Exclusivity"), accord_exclusivity_label (agreement->exclusivity), 1);

  kpis = g_string_new (NULL);
  for (guint i = 0; agreement->kpis != NULL && i < agreement->kpis->len; i++)
    {
      AccordKpi *kpi = g_ptr_array_index (agreement->kpis, i);

      if (kpis->len > 0)
        g_string_append (kpis, "; ");
      g_string_append_printf (kpis, "%s: %s", kpi->metric ? kpi->metric : "",
                              kpi->target ? kpi->target : "");
      if (kpi->date != NULL)
        g_string_append_printf (kpis, " (%s)", kpi->date);
    }
  add_field (self, _("KPIs"), kpis->str, 2)->squeeze = TRUE;
  g_string_free (kpis, TRUE);
}

AccordReport *
accord_report_new_partner (AccordStore    *store,
                           AccordPartner  *partner,
                           GError        **error)
{
  g_autoptr(AccordReport) self = NULL;
  g_autoptr(AccordAgreement) agreement = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *since = NULL;
  g_autofree char *tags = NULL;
  const char *today;
  AccordHealth health;
  int ratings[ACCORD_N_CRITERIA];
  int score;
  Block *chart;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  today = accord_store_get_today (store);
  workspace = workspace_name (store);
  self = report_new (accord_partner_get_name (partner), workspace);

  if (!accord_store_get_health (store, partner, &health, error))
    return NULL;
  agreement = accord_store_get_active_agreement (store, partner, error);
  if (agreement == NULL && error != NULL && *error != NULL)
    return NULL;
  self->lifecycle = accord_lifecycle_source_new (store, partner, error);
  if (self->lifecycle == NULL)
    return NULL;

  add_block (self, BLOCK_TITLE, accord_partner_get_name (partner))->max_lines = 2;
  /* Translators: "Growing since 2026-03-01 · as of 2026-11-21". */
  since = g_strdup_printf (_("%s since %s · as of %s"),
                           accord_stage_get_label (accord_partner_get_stage (partner)),
                           accord_partner_get_stage_since (partner), today);
  add_text (self, since, TRUE, 1);

  add_block (self, BLOCK_HEADING, _("Profile"));
  add_field (self, _("Website"), accord_partner_get_website (partner), 1);
  {
    /* Translators: a partnership's type and tier, "Reseller · Premium". */
    g_autofree char *type = g_strdup_printf (_("%s · %s"),
                                             accord_partnership_type_get_label (accord_partner_get_partnership_type (partner)),
                                             accord_tier_get_label (accord_partner_get_tier (partner)));

    add_field (self, _("Type and tier"), type, 1);
  }
  add_field (self, _("Owner"), accord_partner_get_owner (partner), 1);
  tags = g_strjoinv (", ", (char **) accord_partner_get_tags (partner));
  add_field (self, _("Tags"), tags, 1);
  add_field (self, _("Description"), accord_partner_get_description (partner), 3)->squeeze = TRUE;
  add_field (self, _("Why they fit"), accord_partner_get_why_fit (partner), 2)->squeeze = TRUE;

  add_block (self, BLOCK_HEADING, _("Scorecard"));
  accord_partner_get_ratings (partner, ratings);
  {
    GString *criteria = g_string_new (NULL);

    for (guint c = 0; c < ACCORD_N_CRITERIA; c++)
      {
        if (c > 0)
          g_string_append (criteria, " · ");
        if (ratings[c] == ACCORD_RATING_UNRATED)
          /* Translators: an unrated criterion and its weight, "Reach (× 2): not rated". */
          g_string_append_printf (criteria, _("%s (× %d): not rated"),
                                  accord_criterion_get_label (c), accord_criterion_get_weight (c));
        else
          /* Translators: a criterion, its weight and rating, "Reach (× 2): 4 of 5". */
          g_string_append_printf (criteria, _("%s (× %d): %d of %d"),
                                  accord_criterion_get_label (c), accord_criterion_get_weight (c),
                                  ratings[c], ACCORD_RATING_MAX);
      }
    add_field (self, _("Ratings"), criteria->str, 3);
    g_string_free (criteria, TRUE);
  }
  if (accord_partner_get_fit_score (partner, &score))
    {
      g_autofree char *value =
        /* Translators: the fit score and band, "42 of 55: Worth pursuing". */
        g_strdup_printf (_("%d of %d: %s"), score, ACCORD_FIT_SCORE_MAX,
                         accord_fit_band_get_label (accord_partner_get_fit_band (partner)));

      add_field (self, _("Fit score"), value, 1);
    }
  else
    add_field (self, _("Fit score"), _("Incomplete: every criterion needs a rating"), 1);
  add_field (self, _("Priority"), accord_priority_get_label (accord_partner_get_priority (partner)), 1);
  self->one_page = TRUE;

  add_block (self, BLOCK_HEADING, _("Agreement"));
  if (agreement != NULL)
    add_agreement (self, agreement, today);
  else
    add_text (self, _("No active agreement."), TRUE, 1);

  add_block (self, BLOCK_HEADING, _("Health"));
  /* As in the portfolio: a partner is scored from its first review. */
  if (health.has_review)
    {
      g_autofree char *value = g_strdup_printf ("%d %s", health.score,
                                                accord_health_band_label (health.band));
      add_field (self, _("Health score"), value, 1);
    }
  else
    add_field (self, _("Health score"), accord_portfolio_band_label (ACCORD_CHART_BAND_UNKNOWN), 1);
  if (!health.has_review)
    add_text (self, _("Not reviewed yet: the health is scored from the first review."), TRUE, 1);
  for (guint i = 0; health.has_review && i < ACCORD_N_HEALTH_INPUTS; i++)
    if (health.reasons[i].points > 0)
      {
        g_autofree char *reason = accord_health_reason_explain (&health.reasons[i]);
        g_autofree char *line = g_strdup_printf ("• %s", reason);

        add_text (self, line, FALSE, 1);
      }

  add_block (self, BLOCK_HEADING, _("Life and health"));
  chart = add_block (self, BLOCK_LIFECYCLE_CHART, NULL);
  chart->height = 0;  /* the rest of the page */

  return g_steal_pointer (&self);
}

/* Text */

static PangoContext *
make_context (cairo_t  *cr,
              gboolean  rtl)
{
  PangoContext *context;
  cairo_font_options_t *options = cairo_font_options_create ();

  if (cr != NULL)
    context = pango_cairo_create_context (cr);
  else
    context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  /* Points, whatever the surface: measuring and drawing agree. */
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_base_dir (context, rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  return context;
}

/* A layout of @text in @font, @width wide; wraps up to @max_lines (0: no
 * limit, -1: one line, ellipsized). */
static PangoLayout *
make_layout (PangoContext *context,
             const char   *text,
             const char   *font,
             double        width,
             int           max_lines,
             gboolean      rtl)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  /* Text is ordered by its own script's direction (auto-dir), and sits
   * on the page's side (@rtl: the right) whatever its script, as labels
   * do in a mirrored window. Pango swaps left and right for a paragraph
   * whose direction is the opposite of the context's, so ask for the
   * other side then. */
  {
    PangoLayoutLine *line;
    gboolean base_rtl = pango_context_get_base_dir (context) == PANGO_DIRECTION_RTL;
    gboolean swapped = FALSE;

    pango_layout_set_auto_dir (layout, TRUE);
    line = pango_layout_get_line_readonly (layout, 0);
    if (line != NULL)
      swapped = (line->resolved_dir == PANGO_DIRECTION_RTL) != base_rtl;
    pango_layout_set_alignment (layout, rtl != swapped ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  }
  if (max_lines < 0)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
    }
  else
    {
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      if (max_lines > 0)
        {
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_height (layout, -max_lines);
        }
    }
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static const char *
block_font (const Block *block)
{
  switch (block->kind)
    {
    case BLOCK_TITLE:
      return FONT_TITLE;
    case BLOCK_SUBTITLE:
      return FONT_SUBTITLE;
    case BLOCK_HEADING:
      return FONT_HEADING;
    case BLOCK_TEXT:
    case BLOCK_FIELD:
    case BLOCK_ROW:
    case BLOCK_SPACE:
    case BLOCK_PORTFOLIO_CHART:
    case BLOCK_LIFECYCLE_CHART:
    case BLOCK_BREAK:
    default:
      return FONT_BODY;
    }
}

#define HEADING_AFTER   4.0

/* Space above a heading; less when squeezing a page. */
static double
heading_before (AccordReport *self)
{
  return self->compact ? 6.0 : 14.0;
}

/* The least height a chart filling the rest of the page takes: on a
 * one-page report, below a comfortable size the page squeezes first. */
static double
fill_min (AccordReport *self)
{
  if (self->compact)
    return CHART_MIN / 2;
  return self->one_page ? CHART_MIN * 2 : CHART_MIN;
}

/* The lines a block's text may take; one when squeezing. */
static int
block_lines (AccordReport *self,
             const Block  *block)
{
  if (self->compact && block->squeeze)
    return 1;
  return block->max_lines;
}

/* Metrics shared by a pagination. */
typedef struct
{
  PangoContext *context;
  double        width;       /* of the content */
  double        row_height;  /* a table row, a table header */
} Measure;

static double
measure_block (AccordReport *self,
               Measure      *m,
               const Block  *block)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) value = NULL;

  switch (block->kind)
    {
    case BLOCK_TITLE:
    case BLOCK_SUBTITLE:
    case BLOCK_TEXT:
      layout = make_layout (m->context, block->text, block_font (block), m->width,
                            block_lines (self, block), self->rtl);
      return layout_height (layout) + (block->kind == BLOCK_TEXT ? 2 : 6);
    case BLOCK_HEADING:
      layout = make_layout (m->context, block->text, FONT_HEADING, m->width, 1, self->rtl);
      return heading_before (self) + layout_height (layout) + HEADING_AFTER;
    case BLOCK_FIELD:
      layout = make_layout (m->context, block->text, FONT_BOLD, m->width * FIELD_LABEL - 8,
                            1, self->rtl);
      value = make_layout (m->context, block->value, FONT_BODY, m->width * (1 - FIELD_LABEL),
                           block_lines (self, block), self->rtl);
      return MAX (layout_height (layout), layout_height (value)) + 2 * CELL_PAD - 2;
    case BLOCK_ROW:
      return m->row_height;
    case BLOCK_SPACE:
    case BLOCK_PORTFOLIO_CHART:
    case BLOCK_LIFECYCLE_CHART:
      return block->height;
    case BLOCK_BREAK:
    default:
      return 0;
    }
}

static void
paginate_once (AccordReport *self,
               double        width,
               double        height)
{
  Measure m = { 0, };
  g_autoptr(PangoLayout) probe = NULL;
  GArray *page = NULL;
  const Table *page_table = NULL;
  double top = MARGIN + HEADER_HEIGHT;
  double bottom = height - MARGIN - FOOTER_HEIGHT;
  double y = top;

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->paged_width = width;
  self->paged_height = height;

  m.context = make_context (NULL, self->rtl);
  m.width = MAX (width - 2 * MARGIN, 100);
  probe = make_layout (m.context, "Ag", FONT_BODY, m.width, -1, FALSE);
  m.row_height = layout_height (probe) + 2 * CELL_PAD;

#define NEW_PAGE() G_STMT_START {                                  \
    page = g_array_new (FALSE, FALSE, sizeof (Placed));            \
    g_ptr_array_add (self->pages, page);                           \
    y = top;                                                       \
    page_table = NULL;                                             \
  } G_STMT_END

  NEW_PAGE ();
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = &g_array_index (self->blocks, Block, i);
      Placed placed = { i, 0, 0, FALSE };
      double h, needed;

      if (block->kind == BLOCK_BREAK)
        {
          if (page->len > 0)
            NEW_PAGE ();
          continue;
        }

      h = measure_block (self, &m, block);
      needed = h;
      if (block->kind == BLOCK_HEADING && i + 1 < self->blocks->len)
        {
          /* A heading stays with what follows it. */
          const Block *next = &g_array_index (self->blocks, Block, i + 1);

          if (next->kind == BLOCK_ROW)
            needed += 3 * m.row_height;
          else if (next->kind == BLOCK_LIFECYCLE_CHART && next->height <= 0)
            needed += fill_min (self);
          else
            needed += MIN (measure_block (self, &m, next), 80);
        }
      if (block->kind == BLOCK_ROW && page_table != block->table)
        needed += m.row_height;
      if ((block->kind == BLOCK_PORTFOLIO_CHART || block->kind == BLOCK_LIFECYCLE_CHART))
        {
          double rest = bottom - y;

          /* Squeezing, a smaller chart beats a second page. */
          if (block->height <= 0)
            h = rest >= fill_min (self) ? rest : bottom - top;
          else if (rest < block->height && rest >= CHART_MIN * 2)
            h = rest;
          needed = h;
        }

      if (y + needed > bottom && page->len > 0)
        {
          NEW_PAGE ();
          if (block->kind == BLOCK_SPACE)
            continue;
          if (block->kind == BLOCK_LIFECYCLE_CHART && block->height <= 0)
            h = bottom - top;
        }

      if (block->kind == BLOCK_ROW && page_table != block->table)
        {
          Placed header = { i, y, m.row_height, TRUE };

          g_array_append_val (page, header);
          y += m.row_height;
          page_table = block->table;
        }
      else if (block->kind != BLOCK_ROW)
        page_table = NULL;

      placed.y = y;
      placed.height = h;
      g_array_append_val (page, placed);
      y += h;
    }
#undef NEW_PAGE

  /* A report that ends in a break has no empty last page. */
  if (self->pages->len > 1 && page->len == 0)
    g_ptr_array_remove_index (self->pages, self->pages->len - 1);

  g_object_unref (m.context);
}

static void
paginate (AccordReport *self,
          double        width,
          double        height)
{
  if (self->pages != NULL && self->paged_width == width && self->paged_height == height)
    return;
  self->compact = FALSE;
  paginate_once (self, width, height);
  /* The partner report is one page: when its texts are too long for
   * that, each field keeps to one line and headings close up. */
  if (self->one_page && self->pages->len > 1)
    {
      self->compact = TRUE;
      paginate_once (self, width, height);
    }
}

guint
accord_report_get_n_pages (AccordReport *self,
                           double        width,
                           double        height)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  paginate (self, width, height);
  return self->pages->len;
}

/* Drawing */

static void
set_ink (cairo_t *cr,
         double   grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
}

/* Shows @layout at @x (the left of a box @box_width wide), mirrored for
 * right-to-left pages. */
static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* The left edge of a box that starts @offset from the content's start
 * and is @w wide. */
static double
box_x (AccordReport *self,
       double        left,
       double        content_width,
       double        offset,
       double        w)
{
  return self->rtl ? left + content_width - offset - w : left + offset;
}

static void
draw_chart (AccordReport *self,
            cairo_t      *cr,
            const Block  *block,
            double        x,
            double        y,
            double        w,
            double        h)
{
  AccordChartOptions options = { 0, };
  const AccordChartPalette *palette = accord_chart_palette_get (ACCORD_CHART_THEME_LIGHT);

  options.rtl = self->rtl;
  options.show_title = FALSE;
  options.font = FONT_BODY;
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rectangle (cr, 0, 0, (int) w, (int) h);
  cairo_clip (cr);
  if (block->kind == BLOCK_PORTFOLIO_CHART)
    accord_portfolio_chart_render (cr, &self->portfolio->data, (int) w, (int) h, &options, palette);
  else
    accord_lifecycle_chart_render (cr, &self->lifecycle->data, (int) w, (int) h, &options, palette);
  cairo_restore (cr);
}

static void
draw_row (AccordReport  *self,
          cairo_t       *cr,
          PangoContext  *context,
          const Table   *table,
          char         **cells,
          gboolean       header,
          guint          stripe,
          double         left,
          double         w,
          double         y,
          double         h)
{
  double offset = 0;

  if (header)
    {
      set_ink (cr, 0.55);
      cairo_set_line_width (cr, 0.8);
      cairo_move_to (cr, left, y + h - 0.4);
      cairo_line_to (cr, left + w, y + h - 0.4);
      cairo_stroke (cr);
    }
  else if (stripe % 2 == 1)
    {
      set_ink (cr, 0.95);
      cairo_rectangle (cr, left, y, w, h);
      cairo_fill (cr);
    }

  for (guint c = 0; c < table->n_columns; c++)
    {
      double cw = table->widths[c] * w;
      g_autoptr(PangoLayout) layout =
        make_layout (context, cells[c], header ? FONT_BOLD : FONT_BODY, cw - 2 * CELL_PAD, -1,
                     self->rtl);

      set_ink (cr, header ? 0.25 : 0.1);
      show_layout (cr, layout, box_x (self, left, w, offset, cw) + CELL_PAD, y + CELL_PAD);
      offset += cw;
    }
}

void
accord_report_draw_page (AccordReport *self,
                         cairo_t      *cr,
                         guint         page,
                         double        width,
                         double        height)
{
  PangoContext *context = NULL;
  g_autoptr(PangoLayout) header = NULL;
  g_autoptr(PangoLayout) workspace = NULL;
  g_autoptr(PangoLayout) footer = NULL;
  g_autofree char *page_text = NULL;
  GArray *placed;
  double left = MARGIN;
  double w = MAX (width - 2 * MARGIN, 100);
  double half = w / 2;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  paginate (self, width, height);
  g_return_if_fail (page < self->pages->len);
  placed = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  context = make_context (cr, self->rtl);

  /* The running header (not on the title page) and the page number. */
  if (page > 0 || self->lifecycle != NULL)
    {
      header = make_layout (context, self->title, FONT_SMALL, half - 4, -1, self->rtl);
      workspace = make_layout (context, self->workspace, FONT_SMALL, half - 4, -1, !self->rtl);
      set_ink (cr, 0.45);
      show_layout (cr, header, box_x (self, left, w, 0, half), MARGIN);
      show_layout (cr, workspace, box_x (self, left, w, half + 4, half - 4), MARGIN);
      set_ink (cr, 0.8);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, left, MARGIN + HEADER_HEIGHT - 6);
      cairo_line_to (cr, left + w, MARGIN + HEADER_HEIGHT - 6);
      cairo_stroke (cr);
    }
  /* Translators: the page number at the foot of a printed report. */
  page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  footer = make_layout (context, page_text, FONT_SMALL, w, -1, self->rtl);
  pango_layout_set_alignment (footer, PANGO_ALIGN_CENTER);
  set_ink (cr, 0.45);
  show_layout (cr, footer, left, height - MARGIN - FOOTER_HEIGHT + 8);

  for (guint i = 0; i < placed->len; i++)
    {
      const Placed *p = &g_array_index (placed, Placed, i);
      const Block *block = &g_array_index (self->blocks, Block, p->block);
      g_autoptr(PangoLayout) layout = NULL;
      g_autoptr(PangoLayout) value = NULL;

      switch (block->kind)
        {
        case BLOCK_TITLE:
        case BLOCK_SUBTITLE:
        case BLOCK_TEXT:
          layout = make_layout (context, block->text, block_font (block), w,
                                block_lines (self, block), self->rtl);
          set_ink (cr, block->dim ? 0.4 : 0.1);
          show_layout (cr, layout, left, p->y);
          break;
        case BLOCK_HEADING:
          layout = make_layout (context, block->text, FONT_HEADING, w, 1, self->rtl);
          set_ink (cr, 0.1);
          show_layout (cr, layout, left, p->y + heading_before (self));
          break;
        case BLOCK_FIELD:
          {
            double label_w = w * FIELD_LABEL;

            layout = make_layout (context, block->text, FONT_BOLD, label_w - 8, 1, self->rtl);
            value = make_layout (context, block->value, FONT_BODY, w - label_w,
                                 block_lines (self, block), self->rtl);
            set_ink (cr, 0.3);
            show_layout (cr, layout, box_x (self, left, w, 0, label_w - 8), p->y + CELL_PAD - 1);
            set_ink (cr, 0.1);
            show_layout (cr, value, box_x (self, left, w, label_w, w - label_w),
                         p->y + CELL_PAD - 1);
          }
          break;
        case BLOCK_ROW:
          draw_row (self, cr, context, block->table,
                    p->table_header ? block->table->headers : block->cells,
                    p->table_header, block->stripe, left, w, p->y, p->height);
          break;
        case BLOCK_PORTFOLIO_CHART:
        case BLOCK_LIFECYCLE_CHART:
          draw_chart (self, cr, block, left, p->y, w, p->height);
          break;
        case BLOCK_SPACE:
        case BLOCK_BREAK:
        default:
          break;
        }
    }
  g_object_unref (context);
  cairo_restore (cr);
}

/* PDF */

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  GOutputStream *stream = closure;

  if (!g_output_stream_write_all (stream, data, length, NULL, NULL, NULL))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

gboolean
accord_report_write_pdf (AccordReport  *self,
                         const char    *path,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abort = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages;
  gboolean cancelled = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  /* Written beside the file and moved over it when closed, so a failure
   * leaves the old file as it was. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  n_pages = accord_report_get_n_pages (self, ACCORD_REPORT_A4_WIDTH, ACCORD_REPORT_A4_HEIGHT);
  surface = cairo_pdf_surface_create_for_stream (write_cb, stream, ACCORD_REPORT_A4_WIDTH,
                                                 ACCORD_REPORT_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Accord");
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          cancelled = TRUE;
          break;
        }
      accord_report_draw_page (self, cr, page, ACCORD_REPORT_A4_WIDTH, ACCORD_REPORT_A4_HEIGHT);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (cancelled || status != CAIRO_STATUS_SUCCESS)
    {
      /* Closing with a cancelled cancellable drops what was written. */
      abort = g_cancellable_new ();
      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);
      if (cancelled)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the report: %s"),
                     cairo_status_to_string (status));
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}
