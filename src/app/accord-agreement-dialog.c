/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-agreement-dialog.h"

#include "accord-locale.h"
#include "accord-workspace.h"

#include "accord-form.h"
#include "accord-lifecycle.h"
#include "accord-store.h"

#include <glib/gi18n.h>
#include <string.h>

/* The groups that show what was refused in them, under their rows. */
typedef enum
{
  GROUP_GENERAL,
  GROUP_TERM,
  GROUP_REVENUE,
  GROUP_TIERS,
  GROUP_EXCLUSIVITY,
  GROUP_OURS,
  GROUP_THEIRS,
  GROUP_KPIS,
  GROUP_OTHER,
  N_GROUPS
} Group;

/* One row of each editable list. They live in arrays of the dialog; the
 * widgets belong to their groups. */
typedef struct
{
  AccordAgreementDialog *self;
  GtkWidget *row;
  GtkWidget *threshold;
  GtkWidget *rate;
} TierRow;

typedef struct
{
  AccordAgreementDialog *self;
  GtkWidget *row;
  GtkWidget *metric;
  GtkWidget *target;
  GtkWidget *date;
} KpiRow;

typedef struct
{
  AccordAgreementDialog *self;
  AccordSide side;
  GtkWidget *row;
  GtkWidget *title;
  GtkWidget *due;
  GtkWidget *done;
} DeliverableRow;

struct _AccordAgreementDialog
{
  AdwWindow parent_instance;

  AccordStore *store;
  AccordPartner *partner;
  AccordAgreement *original;
  gboolean has_results;
  gboolean loading;
  /* Set by the first attempt to save: from then on refused fields are
   * marked as you type, and unmarked as soon as they are right. */
  gboolean show_errors;
  GPtrArray *flagged;
  GPtrArray *tiers;
  GPtrArray *kpis;
  GPtrArray *deliverables;
  GPtrArray *warning_rows;
  AccordAgreementWarnings shown_warnings;
  GtkWidget *error_labels[N_GROUPS];

  AdwWindowTitle *window_title;
  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;

  AdwEntryRow *title_row;
  AdwComboRow *status_row;
  AdwEntryRow *ended_row;
  GtkWidget *general_error;

  AdwEntryRow *start_row;
  AdwEntryRow *term_row;
  AdwComboRow *renewal_row;
  AdwEntryRow *notice_row;
  AdwEntryRow *termination_row;
  AdwEntryRow *effect_row;
  GtkWidget *term_error;

  AdwActionRow *end_row;
  AdwActionRow *deadline_row;
  AdwActionRow *next_renewal_row;
  AdwActionRow *next_review_row;
  AdwPreferencesGroup *warnings_group;

  AdwComboRow *model_row;
  AdwComboRow *payer_row;
  AdwEntryRow *currency_row;
  AdwEntryRow *amount_row;
  AdwComboRow *period_row;
  AdwEntryRow *percent_row;
  AdwEntryRow *share_months_row;
  GtkWidget *revenue_error;

  AdwPreferencesGroup *tiers_group;
  GtkWidget *tiers_error;

  AdwComboRow *exclusivity_row;
  AdwEntryRow *scope_row;
  AdwEntryRow *until_row;
  GtkWidget *exclusivity_error;

  AdwPreferencesGroup *our_group;
  GtkWidget *our_error;
  AdwPreferencesGroup *partner_group;
  GtkWidget *partner_error;

  AdwPreferencesGroup *kpis_group;
  GtkWidget *kpis_error;

  AdwEntryRow *ip_row;
  AdwEntryRow *brand_row;
  GtkSwitch *confidential_switch;
  AdwEntryRow *confidential_months_row;
  AdwComboRow *cadence_row;
  GtkSwitch *legal_switch;
  AdwEntryRow *legal_requested_row;
  AdwEntryRow *legal_done_row;
  GtkWidget *other_error;
};

G_DEFINE_FINAL_TYPE (AccordAgreementDialog, accord_agreement_dialog, ADW_TYPE_WINDOW)

#define MAX_MONTHS 600
#define MAX_NOTICE_DAYS 3650

static void refresh (AccordAgreementDialog *self);

/* ---- Wording shared with the summary and the view ---- */

static const char *
period_phrase (AccordPeriod period)
{
  switch (period)
    {
    case ACCORD_PERIOD_QUARTER:
      return _("a quarter");
    case ACCORD_PERIOD_YEAR:
      return _("a year");
    case ACCORD_PERIOD_MONTH:
    case ACCORD_N_PERIODS:
    default:
      return _("a month");
    }
}

char *
accord_agreement_describe_revenue (const AccordAgreement *agreement)
{
  g_autofree char *what = NULL;
  g_autofree char *money = NULL;

  g_return_val_if_fail (agreement != NULL, NULL);

  if (agreement->amount_minor != ACCORD_UNSET)
    money = accord_format_money_display (agreement->amount_minor, agreement->currency);

  switch (agreement->revenue_model)
    {
    case ACCORD_REVENUE_REFERRAL_FEE:
      if (money != NULL)
        /* Translators: %s is an amount of money, such as "EUR 500.00". */
        what = g_strdup_printf (_("Referral fee of %s per converted customer"), money);
      else
        what = g_strdup (_("Referral fee per converted customer"));
      break;

    case ACCORD_REVENUE_SHARE:
      {
        g_autofree char *rate = agreement->rate_bp != ACCORD_UNSET
                                ? accord_format_rate_bp (agreement->rate_bp) : NULL;

        if (rate != NULL && agreement->share_months != ACCORD_UNSET)
          /* Translators: %s is a percentage ("20 %"), %d a number of months. */
          what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Revenue share of %s for %d month",
                                               "Revenue share of %s for %d months",
                                               agreement->share_months),
                                  rate, agreement->share_months);
        else if (rate != NULL)
          /* Translators: %s is a percentage ("20 %"). */
          what = g_strdup_printf (_("Revenue share of %s"), rate);
        else
          what = g_strdup (_("Revenue share"));
      }
      break;

    case ACCORD_REVENUE_FIXED_FEE:
      if (money != NULL)
        /* Translators: %s is an amount of money, the second %s "a month",
         * "a quarter" or "a year". */
        what = g_strdup_printf (_("Fixed fee of %s %s"), money, period_phrase (agreement->period));
      else
        what = g_strdup (_("Fixed fee"));
      break;

    case ACCORD_REVENUE_TIERED:
      {
        guint n = agreement->tiers != NULL ? agreement->tiers->len : 0;

        /* Translators: %u is a number of rate tiers. */
        what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tiered rates, %u tier",
                                             "Tiered rates, %u tiers", n), n);
      }
      break;

    case ACCORD_REVENUE_MINIMUM_COMMITMENT:
      if (money != NULL)
        /* Translators: %s is an amount of money, the second %s "a month",
         * "a quarter" or "a year". */
        what = g_strdup_printf (_("Minimum commitment of %s %s"), money,
                                period_phrase (agreement->period));
      else
        what = g_strdup (_("Minimum commitment"));
      break;

    case ACCORD_REVENUE_NONE:
    case ACCORD_N_REVENUE_MODELS:
    default:
      return g_strdup (_("No revenue terms"));
    }

  if (agreement->payer == ACCORD_PAYER_PARTNER)
    /* Translators: %s describes revenue terms ("Fixed fee of EUR 500.00 a month"). */
    return g_strdup_printf (_("%s, paid by the partner"), what);
  /* Translators: %s describes revenue terms ("Fixed fee of EUR 500.00 a month"). */
  return g_strdup_printf (_("%s, paid by us"), what);
}

char *
accord_agreement_describe_days (int days)
{
  if (days == 0)
    return g_strdup (_("today"));
  if (days == 1)
    return g_strdup (_("tomorrow"));
  if (days == -1)
    return g_strdup (_("yesterday"));
  if (days > 0)
    /* Translators: %d is a number of days from today. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d day", "in %d days", days), days);
  /* Translators: %d is a number of days before today. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", -days), -days);
}

char *
accord_agreement_describe_date (const char *date,
                                const char *today)
{
  g_autofree char *relative = NULL;
  g_autofree char *shown = NULL;
  int days;

  g_return_val_if_fail (date != NULL, NULL);

  days = accord_days_between (today, date);
  if (days == ACCORD_DAYS_INVALID)
    return g_strdup (date);
  relative = accord_agreement_describe_days (days);
  shown = accord_format_date_display (date);
  /* Translators: a date, then how far away it is ("1 Dec 2026, in 23 days"). */
  return g_strdup_printf (_("%s, %s"), shown, relative);
}

const char *
accord_agreement_warning_title (AccordAgreementWarnings one)
{
  switch ((int) one)
    {
    case ACCORD_AGREEMENT_WARN_NO_TERM:
      return _("No term");
    case ACCORD_AGREEMENT_WARN_NO_TERMINATION:
      return _("No termination clause");
    case ACCORD_AGREEMENT_WARN_NO_KPI:
      return _("No KPI");
    case ACCORD_AGREEMENT_WARN_EARLY_EXCLUSIVITY:
      return _("Exclusivity granted early");
    default:
      return _("Warning");
    }
}

/* ---- Reading the form ---- */

typedef struct
{
  AccordAgreementDialog *self;
  gboolean mark;
  guint n_errors;
  GtkWidget *first;
  GString *messages[N_GROUPS];
} Check;

static void
check_init (Check                 *c,
            AccordAgreementDialog *self,
            gboolean               mark)
{
  memset (c, 0, sizeof *c);
  c->self = self;
  c->mark = mark;
}

static void
check_clear (Check *c)
{
  for (guint i = 0; i < N_GROUPS; i++)
    if (c->messages[i] != NULL)
      g_string_free (c->messages[i], TRUE);
}

static void
flag (Check      *c,
      Group       group,
      GtkWidget  *widget,
      const char *message)
{
  c->n_errors++;
  if (!c->mark)
    return;

  if (c->first == NULL)
    c->first = widget;
  if (c->messages[group] == NULL)
    c->messages[group] = g_string_new (message);
  else
    g_string_append_printf (c->messages[group], "\n%s", message);

  gtk_widget_add_css_class (widget, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message, -1);
  g_ptr_array_add (c->self->flagged, g_object_ref (widget));
}

static void
unflag_all (AccordAgreementDialog *self)
{
  for (guint i = 0; i < self->flagged->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (self->flagged, i);

      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  g_ptr_array_set_size (self->flagged, 0);
}

static void
show_group_errors (Check *c)
{
  for (guint i = 0; i < N_GROUPS; i++)
    {
      GtkWidget *label = c->self->error_labels[i];

      gtk_label_set_text (GTK_LABEL (label), c->messages[i] != NULL ? c->messages[i]->str : "");
      gtk_widget_set_visible (label, c->messages[i] != NULL);
    }
}

/* The trimmed text of an editable, or NULL when it is empty. */
static char *
read_text (GtkWidget *editable)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static char *
read_date (Check      *c,
           Group       group,
           GtkWidget  *editable)
{
  g_autofree char *text = read_text (editable);

  if (text != NULL && !accord_date_is_valid (text))
    {
      /* Translators: %s is what was typed. */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date: write it as "
                                                    "YYYY-MM-DD, such as 2026-01-31."),
                                                  text);
      flag (c, group, editable, message);
      return NULL;
    }
  return g_steal_pointer (&text);
}

static gint64
read_number (Check      *c,
             Group       group,
             GtkWidget  *editable,
             gint64      min,
             gint64      max,
             const char *message)
{
  g_autofree char *text = read_text (editable);
  gint64 value;

  if (text == NULL)
    return ACCORD_UNSET;
  if (!g_ascii_string_to_signed (text, 10, min, max, &value, NULL))
    {
      flag (c, group, editable, message);
      return ACCORD_UNSET;
    }
  return value;
}

static int
read_percent (Check      *c,
              Group       group,
              GtkWidget  *editable)
{
  g_autofree char *text = read_text (editable);
  g_autoptr(GError) error = NULL;
  int rate_bp;

  if (text == NULL)
    return ACCORD_UNSET;
  if (!accord_parse_percent (text, &rate_bp, &error))
    {
      flag (c, group, editable, error->message);
      return ACCORD_UNSET;
    }
  return rate_bp;
}

static gint64
read_money (Check      *c,
            Group       group,
            GtkWidget  *editable)
{
  g_autofree char *text = read_text (editable);
  g_autoptr(GError) error = NULL;
  gint64 amount;

  if (text == NULL)
    return ACCORD_UNSET;
  if (!accord_parse_money (text, &amount, &error))
    {
      flag (c, group, editable, error->message);
      return ACCORD_UNSET;
    }
  return amount;
}

/* Whether @date comes before @earliest (both set, both real dates). */
static gboolean
is_before (const char *date,
           const char *earliest)
{
  return date != NULL && earliest != NULL && strcmp (date, earliest) < 0;
}

static guint
combo_selected (AdwComboRow *row)
{
  return adw_combo_row_get_selected (row);
}

/* A new record from what the form holds. Fields the chosen options hide
 * are left unset, so the record says only what applies. */
static AccordAgreement *
read_form (AccordAgreementDialog *self,
           Check                 *c)
{
  AccordAgreement *a = accord_agreement_new (self->original->partner_id);

  a->id = self->original->id;

  /* Agreement */
  g_free (a->title);
  a->title = read_text (GTK_WIDGET (self->title_row));
  if (a->title == NULL)
    a->title = g_strdup ("");
  a->status = combo_selected (self->status_row);
  /* The store dates a new status itself. */
  a->status_since = g_strdup (self->original->status_since);

  /* Term */
  a->start = read_date (c, GROUP_TERM, GTK_WIDGET (self->start_row));
  a->term_months = read_number (c, GROUP_TERM, GTK_WIDGET (self->term_row), 1, MAX_MONTHS,
                                _("Write the initial term as a whole number of months, "
                                  "from 1 to 600."));
  a->renewal = combo_selected (self->renewal_row);
  a->notice_days = read_number (c, GROUP_TERM, GTK_WIDGET (self->notice_row), 0, MAX_NOTICE_DAYS,
                                _("Write the notice as a whole number of days, from 0 to 3650."));
  a->termination_notice_days = read_number (c, GROUP_TERM, GTK_WIDGET (self->termination_row),
                                            0, MAX_NOTICE_DAYS,
                                            _("Write the termination notice as a whole number of "
                                              "days, from 0 to 3650, or leave it empty when "
                                              "there is no such clause."));
  g_free (a->termination_effect);
  a->termination_effect = read_text (GTK_WIDGET (self->effect_row));
  if (a->status == ACCORD_AGREEMENT_EXPIRED || a->status == ACCORD_AGREEMENT_TERMINATED)
    {
      a->ended_on = read_date (c, GROUP_GENERAL, GTK_WIDGET (self->ended_row));
      if (is_before (a->ended_on, a->start))
        {
          /* Translators: %s is the start date. */
          g_autofree char *message = g_strdup_printf (_("The agreement cannot end before it "
                                                        "starts (%s)."), a->start);
          flag (c, GROUP_GENERAL, GTK_WIDGET (self->ended_row), message);
        }
    }

  /* Revenue */
  a->revenue_model = combo_selected (self->model_row);
  if (a->revenue_model != ACCORD_REVENUE_NONE)
    {
      g_autofree char *currency = read_text (GTK_WIDGET (self->currency_row));

      a->payer = combo_selected (self->payer_row);
      if (currency != NULL)
        {
          gboolean ok = strlen (currency) == 3;

          for (guint i = 0; ok && i < 3; i++)
            ok = g_ascii_isalpha (currency[i]);
          if (ok)
            a->currency = g_ascii_strup (currency, -1);
          else
            flag (c, GROUP_REVENUE, GTK_WIDGET (self->currency_row),
                  _("Write the currency as its three-letter code, such as EUR or USD."));
        }
    }
  switch (a->revenue_model)
    {
    case ACCORD_REVENUE_REFERRAL_FEE:
      a->amount_minor = read_money (c, GROUP_REVENUE, GTK_WIDGET (self->amount_row));
      break;
    case ACCORD_REVENUE_SHARE:
      a->rate_bp = read_percent (c, GROUP_REVENUE, GTK_WIDGET (self->percent_row));
      a->share_months = read_number (c, GROUP_REVENUE, GTK_WIDGET (self->share_months_row),
                                     1, MAX_MONTHS,
                                     _("Write the months of revenue shared as a whole number, "
                                       "from 1 to 600."));
      break;
    case ACCORD_REVENUE_FIXED_FEE:
    case ACCORD_REVENUE_MINIMUM_COMMITMENT:
      a->amount_minor = read_money (c, GROUP_REVENUE, GTK_WIDGET (self->amount_row));
      a->period = combo_selected (self->period_row);
      break;
    case ACCORD_REVENUE_TIERED:
      {
        gint64 previous = -1;

        for (guint i = 0; i < self->tiers->len; i++)
          {
            TierRow *tier = g_ptr_array_index (self->tiers, i);
            g_autofree char *threshold_text = read_text (tier->threshold);
            g_autofree char *rate_text = read_text (tier->rate);
            gint64 threshold;
            int rate_bp;

            if (threshold_text == NULL && rate_text == NULL)
              continue;
            threshold = read_number (c, GROUP_TIERS, tier->threshold, 0, G_MAXINT32,
                                     _("Write from how many customers a rate applies as a "
                                       "whole number."));
            rate_bp = read_percent (c, GROUP_TIERS, tier->rate);
            if (threshold_text == NULL)
              flag (c, GROUP_TIERS, tier->threshold,
                    _("Each tier needs the number of customers from which its rate applies."));
            if (rate_text == NULL)
              flag (c, GROUP_TIERS, tier->rate, _("Each tier needs a rate."));
            if (threshold == ACCORD_UNSET || rate_bp == ACCORD_UNSET)
              continue;
            if (threshold <= previous)
              {
                flag (c, GROUP_TIERS, tier->threshold,
                      _("Each tier must start above the one before it."));
                continue;
              }
            previous = threshold;
            accord_agreement_add_tier (a, threshold, rate_bp);
          }
      }
      break;
    case ACCORD_REVENUE_NONE:
    case ACCORD_N_REVENUE_MODELS:
    default:
      break;
    }

  /* Exclusivity */
  a->exclusivity = combo_selected (self->exclusivity_row);
  if (a->exclusivity != ACCORD_EXCLUSIVITY_NONE)
    {
      g_free (a->exclusivity_scope);
      a->exclusivity_scope = read_text (GTK_WIDGET (self->scope_row));
    }
  if (a->exclusivity == ACCORD_EXCLUSIVITY_TIME_LIMITED)
    {
      g_autofree char *until_text = read_text (GTK_WIDGET (self->until_row));

      /* A time limit needs its end: without one the exclusivity would be full. */
      if (until_text == NULL)
        flag (c, GROUP_EXCLUSIVITY, GTK_WIDGET (self->until_row),
              _("Time-limited exclusivity needs the date it ends."));
      a->exclusivity_until = read_date (c, GROUP_EXCLUSIVITY, GTK_WIDGET (self->until_row));
      if (is_before (a->exclusivity_until, a->start))
        {
          /* Translators: %s is the start date. */
          g_autofree char *message = g_strdup_printf (_("Exclusivity cannot end before the "
                                                        "agreement starts (%s)."), a->start);
          flag (c, GROUP_EXCLUSIVITY, GTK_WIDGET (self->until_row), message);
        }
    }

  /* Responsibilities */
  for (guint i = 0; i < self->deliverables->len; i++)
    {
      DeliverableRow *d = g_ptr_array_index (self->deliverables, i);
      Group group = d->side == ACCORD_SIDE_US ? GROUP_OURS : GROUP_THEIRS;
      g_autofree char *title = read_text (d->title);
      g_autofree char *due = read_date (c, group, d->due);

      if (title == NULL)
        {
          g_autofree char *due_text = read_text (d->due);
          if (due_text != NULL)
            flag (c, group, d->title, _("Say what is to be delivered."));
          continue;
        }
      accord_agreement_add_deliverable (a, d->side, title, due,
                                        gtk_check_button_get_active (GTK_CHECK_BUTTON (d->done)));
    }

  /* KPIs */
  for (guint i = 0; i < self->kpis->len; i++)
    {
      KpiRow *k = g_ptr_array_index (self->kpis, i);
      g_autofree char *metric = read_text (k->metric);
      g_autofree char *target = read_text (k->target);
      g_autofree char *date = read_date (c, GROUP_KPIS, k->date);

      if (metric == NULL)
        {
          g_autofree char *date_text = read_text (k->date);
          if (target != NULL || date_text != NULL)
            flag (c, GROUP_KPIS, k->metric, _("Name what the KPI measures."));
          continue;
        }
      accord_agreement_add_kpi (a, metric, target, date);
    }

  /* Other terms */
  g_free (a->ip_terms);
  a->ip_terms = read_text (GTK_WIDGET (self->ip_row));
  g_free (a->brand_usage);
  a->brand_usage = read_text (GTK_WIDGET (self->brand_row));
  a->confidential = gtk_switch_get_active (self->confidential_switch);
  if (a->confidential)
    a->confidentiality_months = read_number (c, GROUP_OTHER,
                                             GTK_WIDGET (self->confidential_months_row),
                                             1, MAX_MONTHS,
                                             _("Write how long confidentiality lasts as a whole "
                                               "number of months, from 1 to 600, or leave it "
                                               "empty when it has no end."));
  a->review_cadence = combo_selected (self->cadence_row);
  a->legal_review_needed = gtk_switch_get_active (self->legal_switch);
  if (a->legal_review_needed)
    {
      a->legal_requested_on = read_date (c, GROUP_OTHER, GTK_WIDGET (self->legal_requested_row));
      a->legal_done_on = read_date (c, GROUP_OTHER, GTK_WIDGET (self->legal_done_row));
      if (is_before (a->legal_done_on, a->legal_requested_on))
        {
          /* Translators: %s is the date the review was requested. */
          g_autofree char *message = g_strdup_printf (_("The legal review cannot be done before "
                                                        "it was requested (%s)."),
                                                      a->legal_requested_on);
          flag (c, GROUP_OTHER, GTK_WIDGET (self->legal_done_row), message);
        }
    }

  return a;
}

/* ---- Showing what follows from the form ---- */

static void
show_banner (AccordAgreementDialog *self,
             const char            *message)
{
  if (message != NULL)
    gtk_label_set_text (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner_revealer, message != NULL);
}

static void
set_date_subtitle (AccordAgreementDialog *self,
                   AdwActionRow          *row,
                   const char            *date,
                   const char            *missing)
{
  g_autofree char *text = NULL;

  if (date != NULL)
    text = accord_agreement_describe_date (date, accord_store_get_today (self->store));
  adw_action_row_set_subtitle (row, text != NULL ? text : missing);
}

static void
show_warnings (AccordAgreementDialog   *self,
               AccordAgreementWarnings  warnings)
{
  if (warnings == self->shown_warnings && self->warning_rows->len > 0)
    return;
  self->shown_warnings = warnings;

  for (guint i = 0; i < self->warning_rows->len; i++)
    adw_preferences_group_remove (self->warnings_group, g_ptr_array_index (self->warning_rows, i));
  g_ptr_array_set_size (self->warning_rows, 0);

  for (guint bit = 0; bit < ACCORD_N_AGREEMENT_WARNINGS; bit++)
    {
      AccordAgreementWarnings one = 1 << bit;
      GtkWidget *row, *icon;

      if (!(warnings & one))
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     accord_agreement_warning_title (one));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), accord_agreement_warning_explain (one));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Warning"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (self->warnings_group, row);
      g_ptr_array_add (self->warning_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), warnings != 0);
}

static void
update_visibility (AccordAgreementDialog *self)
{
  AccordAgreementStatus status = combo_selected (self->status_row);
  AccordRevenueModel model = combo_selected (self->model_row);
  AccordExclusivity exclusivity = combo_selected (self->exclusivity_row);
  const char *amount_title = NULL;
  const char *scope_title;
  g_autofree char *since = NULL;
  g_autofree char *date = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->ended_row),
                          status == ACCORD_AGREEMENT_EXPIRED || status == ACCORD_AGREEMENT_TERMINATED);
  if (status == self->original->status && self->original->id != 0 &&
      self->original->status_since != NULL)
    {
      date = accord_format_date_display (self->original->status_since);
      /* Translators: %s is the date the agreement got its status. */
      since = g_strdup_printf (_("Since %s"), date);
    }
  else
    {
      date = accord_format_date_display (accord_store_get_today (self->store));
      /* Translators: %s is today's date. */
      since = g_strdup_printf (_("From %s, once saved"), date);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row), since);

  switch (model)
    {
    case ACCORD_REVENUE_REFERRAL_FEE:
      amount_title = _("Fee per converted customer");
      break;
    case ACCORD_REVENUE_FIXED_FEE:
      amount_title = _("Fee per period");
      break;
    case ACCORD_REVENUE_MINIMUM_COMMITMENT:
      amount_title = _("Guaranteed amount per period");
      break;
    case ACCORD_REVENUE_NONE:
    case ACCORD_REVENUE_SHARE:
    case ACCORD_REVENUE_TIERED:
    case ACCORD_N_REVENUE_MODELS:
    default:
      break;
    }
  if (amount_title != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->amount_row), amount_title);
      accord_form_label_entry_row (self->amount_row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->payer_row), model != ACCORD_REVENUE_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->currency_row), model != ACCORD_REVENUE_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->amount_row), amount_title != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->period_row),
                          model == ACCORD_REVENUE_FIXED_FEE ||
                          model == ACCORD_REVENUE_MINIMUM_COMMITMENT);
  gtk_widget_set_visible (GTK_WIDGET (self->percent_row), model == ACCORD_REVENUE_SHARE);
  gtk_widget_set_visible (GTK_WIDGET (self->share_months_row), model == ACCORD_REVENUE_SHARE);
  gtk_widget_set_visible (GTK_WIDGET (self->tiers_group), model == ACCORD_REVENUE_TIERED);

  switch (exclusivity)
    {
    case ACCORD_EXCLUSIVITY_CATEGORY:
      scope_title = _("Which categories");
      break;
    case ACCORD_EXCLUSIVITY_GEOGRAPHIC:
      scope_title = _("Which regions");
      break;
    case ACCORD_EXCLUSIVITY_NONE:
    case ACCORD_EXCLUSIVITY_FULL:
    case ACCORD_EXCLUSIVITY_TIME_LIMITED:
    case ACCORD_N_EXCLUSIVITIES:
    default:
      scope_title = _("What it covers");
      break;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->scope_row), scope_title);
  accord_form_label_entry_row (self->scope_row);
  gtk_widget_set_visible (GTK_WIDGET (self->scope_row), exclusivity != ACCORD_EXCLUSIVITY_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->until_row),
                          exclusivity == ACCORD_EXCLUSIVITY_TIME_LIMITED);

  gtk_widget_set_visible (GTK_WIDGET (self->confidential_months_row),
                          gtk_switch_get_active (self->confidential_switch));
  gtk_widget_set_visible (GTK_WIDGET (self->legal_requested_row),
                          gtk_switch_get_active (self->legal_switch));
  gtk_widget_set_visible (GTK_WIDGET (self->legal_done_row),
                          gtk_switch_get_active (self->legal_switch));
}

static void
refresh (AccordAgreementDialog *self)
{
  g_autoptr(AccordAgreement) a = NULL;
  g_autofree char *end = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *renewal = NULL;
  g_autofree char *review = NULL;
  const char *today = accord_store_get_today (self->store);
  const char *missing = _("Needs a start date and a term");
  Check c;

  if (self->loading)
    return;

  update_visibility (self);

  check_init (&c, self, self->show_errors);
  if (self->show_errors)
    unflag_all (self);
  a = read_form (self, &c);
  if (self->show_errors)
    {
      show_group_errors (&c);
      if (c.n_errors == 0)
        show_banner (self, NULL);
    }
  check_clear (&c);

  end = accord_agreement_end_of_term (a);
  deadline = accord_agreement_notice_deadline (a, today);
  renewal = accord_agreement_next_renewal (a, today);
  review = accord_agreement_next_review (a, today);

  set_date_subtitle (self, self->end_row, end, missing);
  set_date_subtitle (self, self->deadline_row, deadline, missing);
  if (a->renewal == ACCORD_RENEWAL_MUTUAL)
    adw_action_row_set_subtitle (self->next_renewal_row,
                                 _("None: it renews only if both sides agree"));
  else
    set_date_subtitle (self, self->next_renewal_row, renewal, missing);
  if (a->review_cadence == ACCORD_CADENCE_NONE)
    adw_action_row_set_subtitle (self->next_review_row, _("No review cadence chosen"));
  else
    set_date_subtitle (self, self->next_review_row, review, _("Needs a start date"));

  show_warnings (self, accord_agreement_get_warnings (a, self->has_results));
}

static void
changed_cb (AccordAgreementDialog *self)
{
  refresh (self);
}

/* ---- The editable lists ---- */

static GtkWidget *
remove_button_new (const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  accord_form_set_tooltip (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
small_entry_new (const char *placeholder,
                 int         width_chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  return entry;
}

static GtkWidget *
entry_row_new (const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  accord_form_label_entry_row (ADW_ENTRY_ROW (row));
  return row;
}

static void
label_tiers (AccordAgreementDialog *self)
{
  for (guint i = 0; i < self->tiers->len; i++)
    {
      TierRow *tier = g_ptr_array_index (self->tiers, i);
      g_autofree char *title = NULL;
      g_autofree char *from = NULL;
      g_autofree char *rate = NULL;

      /* Translators: %u numbers the rate tiers: "Tier 1". */
      title = g_strdup_printf (_("Tier %u"), i + 1);
      /* Translators: %u numbers the rate tiers. */
      from = g_strdup_printf (_("Tier %u: from how many customers"), i + 1);
      /* Translators: %u numbers the rate tiers. */
      rate = g_strdup_printf (_("Tier %u: rate in percent"), i + 1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (tier->row), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (tier->threshold),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, from, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (tier->rate),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, rate, -1);
    }
}

static void
remove_tier_cb (GtkButton *button,
                TierRow   *tier)
{
  AccordAgreementDialog *self = tier->self;

  adw_preferences_group_remove (self->tiers_group, tier->row);
  g_ptr_array_remove (self->tiers, tier);
  label_tiers (self);
  refresh (self);
}

static TierRow *
add_tier_row (AccordAgreementDialog *self,
              const AccordRateTier  *value)
{
  TierRow *tier = g_new0 (TierRow, 1);
  GtkWidget *remove;

  tier->self = self;
  tier->row = adw_action_row_new ();
  /* Translators: placeholder of the field "from how many customers" of a rate tier. */
  tier->threshold = small_entry_new (_("From"), 6);
  gtk_entry_set_input_purpose (GTK_ENTRY (tier->threshold), GTK_INPUT_PURPOSE_DIGITS);
  /* Translators: placeholder of the rate of a tier, in percent. */
  tier->rate = small_entry_new (_("%"), 5);
  gtk_entry_set_input_purpose (GTK_ENTRY (tier->rate), GTK_INPUT_PURPOSE_NUMBER);
  remove = remove_button_new (_("Remove Tier"));
  if (value != NULL)
    {
      g_autofree char *threshold = g_strdup_printf ("%" G_GINT64_FORMAT, value->threshold);
      g_autofree char *rate = accord_format_rate_bp (value->rate_bp);

      gtk_editable_set_text (GTK_EDITABLE (tier->threshold), threshold);
      gtk_editable_set_text (GTK_EDITABLE (tier->rate), rate);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (tier->row), tier->threshold);
  adw_action_row_add_suffix (ADW_ACTION_ROW (tier->row), tier->rate);
  adw_action_row_add_suffix (ADW_ACTION_ROW (tier->row), remove);
  g_signal_connect_swapped (tier->threshold, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (tier->rate, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_tier_cb), tier);

  adw_preferences_group_add (self->tiers_group, tier->row);
  g_ptr_array_add (self->tiers, tier);
  label_tiers (self);
  return tier;
}

static void
kpi_metric_changed_cb (GtkEditable *editable,
                       KpiRow      *k)
{
  g_autofree char *metric = read_text (k->metric);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (k->row),
                                 metric != NULL ? metric : _("New KPI"));
}

static void
kpi_details_changed_cb (GtkEditable *editable,
                        KpiRow      *k)
{
  g_autofree char *target = read_text (k->target);
  g_autofree char *typed = read_text (k->date);
  g_autofree char *date = accord_format_date_display (typed);
  g_autofree char *subtitle = NULL;

  if (target != NULL && date != NULL)
    /* Translators: a KPI's target, then the date it is due. */
    subtitle = g_strdup_printf (_("%s by %s"), target, date);
  else if (target != NULL)
    subtitle = g_strdup (target);
  else if (date != NULL)
    /* Translators: %s is the date a KPI is due. */
    subtitle = g_strdup_printf (_("By %s"), date);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (k->row), subtitle != NULL ? subtitle : "");
}

static void
remove_kpi_cb (GtkButton *button,
               KpiRow    *k)
{
  AccordAgreementDialog *self = k->self;

  adw_preferences_group_remove (self->kpis_group, k->row);
  g_ptr_array_remove (self->kpis, k);
  refresh (self);
}

static KpiRow *
add_kpi_row (AccordAgreementDialog *self,
             const AccordKpi       *value)
{
  KpiRow *k = g_new0 (KpiRow, 1);
  GtkWidget *remove;

  k->self = self;
  k->row = adw_expander_row_new ();
  accord_form_label_expander_row (ADW_EXPANDER_ROW (k->row));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (k->row), FALSE);
  k->metric = entry_row_new (_("Metric"), value != NULL ? value->metric : NULL);
  k->target = entry_row_new (_("Target"), value != NULL ? value->target : NULL);
  k->date = entry_row_new (_("By date (YYYY-MM-DD)"), value != NULL ? value->date : NULL);
  remove = remove_button_new (_("Remove KPI"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (k->row), k->metric);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (k->row), k->target);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (k->row), k->date);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (k->row), remove);
  kpi_metric_changed_cb (NULL, k);
  kpi_details_changed_cb (NULL, k);

  g_signal_connect (k->metric, "changed", G_CALLBACK (kpi_metric_changed_cb), k);
  g_signal_connect (k->target, "changed", G_CALLBACK (kpi_details_changed_cb), k);
  g_signal_connect (k->date, "changed", G_CALLBACK (kpi_details_changed_cb), k);
  g_signal_connect_swapped (k->metric, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (k->target, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (k->date, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_kpi_cb), k);

  adw_preferences_group_add (self->kpis_group, k->row);
  g_ptr_array_add (self->kpis, k);
  return k;
}

static void
deliverable_changed_cb (GtkWidget      *widget,
                        DeliverableRow *d)
{
  g_autofree char *title = read_text (d->title);
  g_autofree char *due = read_text (d->due);
  g_autofree char *subtitle = NULL;
  g_autofree char *done_label = NULL;
  gboolean done = gtk_check_button_get_active (GTK_CHECK_BUTTON (d->done));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->row),
                                 title != NULL ? title : _("New deliverable"));
  if (due != NULL && done)
    /* Translators: %s is a due date. */
    subtitle = g_strdup_printf (_("Due %s, done"), due);
  else if (due != NULL)
    /* Translators: %s is a due date. */
    subtitle = g_strdup_printf (_("Due %s"), due);
  else if (done)
    subtitle = g_strdup (_("Done"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (d->row), subtitle != NULL ? subtitle : "");

  /* Translators: %s is what is to be delivered; names its check box. */
  done_label = g_strdup_printf (_("Done: %s"), title != NULL ? title : _("New deliverable"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->done), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  done_label, -1);
}

static void
remove_deliverable_cb (GtkButton      *button,
                       DeliverableRow *d)
{
  AccordAgreementDialog *self = d->self;

  adw_preferences_group_remove (d->side == ACCORD_SIDE_US ? self->our_group : self->partner_group,
                                d->row);
  g_ptr_array_remove (self->deliverables, d);
  refresh (self);
}

static DeliverableRow *
add_deliverable_row (AccordAgreementDialog   *self,
                     AccordSide               side,
                     const AccordDeliverable *value)
{
  DeliverableRow *d = g_new0 (DeliverableRow, 1);
  GtkWidget *remove;

  d->self = self;
  d->side = side;
  d->row = adw_expander_row_new ();
  accord_form_label_expander_row (ADW_EXPANDER_ROW (d->row));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (d->row), FALSE);
  d->title = entry_row_new (_("Deliverable"), value != NULL ? value->title : NULL);
  d->due = entry_row_new (_("Due date (YYYY-MM-DD)"), value != NULL ? value->due : NULL);
  d->done = gtk_check_button_new ();
  gtk_widget_set_valign (d->done, GTK_ALIGN_CENTER);
  accord_form_set_tooltip (d->done, _("Done"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (d->done), value != NULL && value->done);
  remove = remove_button_new (_("Remove Deliverable"));
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (d->row), d->done);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (d->row), d->title);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (d->row), d->due);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (d->row), remove);
  deliverable_changed_cb (NULL, d);

  g_signal_connect (d->title, "changed", G_CALLBACK (deliverable_changed_cb), d);
  g_signal_connect (d->due, "changed", G_CALLBACK (deliverable_changed_cb), d);
  g_signal_connect (d->done, "toggled", G_CALLBACK (deliverable_changed_cb), d);
  g_signal_connect_swapped (d->title, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (d->due, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (d->done, "toggled", G_CALLBACK (changed_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_deliverable_cb), d);

  adw_preferences_group_add (side == ACCORD_SIDE_US ? self->our_group : self->partner_group,
                             d->row);
  g_ptr_array_add (self->deliverables, d);
  return d;
}

static void
add_tier_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AccordAgreementDialog *self = ACCORD_AGREEMENT_DIALOG (widget);
  TierRow *tier = add_tier_row (self, NULL);

  gtk_widget_grab_focus (tier->threshold);
  refresh (self);
}

static void
add_kpi_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AccordAgreementDialog *self = ACCORD_AGREEMENT_DIALOG (widget);
  KpiRow *k = add_kpi_row (self, NULL);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (k->row), TRUE);
  gtk_widget_grab_focus (k->metric);
  refresh (self);
}

static void
add_deliverable_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AccordAgreementDialog *self = ACCORD_AGREEMENT_DIALOG (widget);
  AccordSide side = ACCORD_SIDE_US;
  DeliverableRow *d;

  accord_side_from_key (g_variant_get_string (parameter, NULL), &side);
  d = add_deliverable_row (self, side, NULL);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (d->row), TRUE);
  gtk_widget_grab_focus (d->title);
  refresh (self);
}

/* ---- Filling the form ---- */

static void
set_number (AdwEntryRow *row,
            gint64       value)
{
  g_autofree char *text = NULL;

  if (value != ACCORD_UNSET)
    text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* Minor units as a person types them back: "1500", "1234.50". */
static char *
money_text (gint64 amount_minor)
{
  if (amount_minor % 100 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, amount_minor / 100);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", amount_minor / 100,
                          (int) (amount_minor % 100));
}

static void
fill_form (AccordAgreementDialog *self)
{
  const AccordAgreement *a = self->original;

  self->loading = TRUE;

  if (a->id == 0 && (a->title == NULL || *a->title == '\0'))
    {
      /* Translators: the suggested title of a new agreement; %s is the partner's name. */
      g_autofree char *title = g_strdup_printf (_("Agreement with %s"),
                                                accord_partner_get_name (self->partner));
      set_text (self->title_row, title);
    }
  else
    set_text (self->title_row, a->title);
  adw_combo_row_set_selected (self->status_row, a->status);
  set_text (self->ended_row, a->ended_on);

  set_text (self->start_row, a->start);
  set_number (self->term_row, a->term_months);
  adw_combo_row_set_selected (self->renewal_row, a->renewal);
  set_number (self->notice_row, a->notice_days);
  set_number (self->termination_row, a->termination_notice_days);
  set_text (self->effect_row, a->termination_effect);

  adw_combo_row_set_selected (self->model_row, a->revenue_model);
  adw_combo_row_set_selected (self->payer_row, a->payer);
  set_text (self->currency_row, a->currency);
  if (a->amount_minor != ACCORD_UNSET)
    {
      g_autofree char *amount = money_text (a->amount_minor);
      set_text (self->amount_row, amount);
    }
  adw_combo_row_set_selected (self->period_row, a->period);
  if (a->rate_bp != ACCORD_UNSET)
    {
      g_autofree char *rate = accord_format_rate_bp (a->rate_bp);
      set_text (self->percent_row, rate);
    }
  set_number (self->share_months_row, a->share_months);
  for (guint i = 0; a->tiers != NULL && i < a->tiers->len; i++)
    add_tier_row (self, &g_array_index (a->tiers, AccordRateTier, i));

  adw_combo_row_set_selected (self->exclusivity_row, a->exclusivity);
  set_text (self->scope_row, a->exclusivity_scope);
  set_text (self->until_row, a->exclusivity_until);

  for (guint i = 0; a->deliverables != NULL && i < a->deliverables->len; i++)
    {
      const AccordDeliverable *d = g_ptr_array_index (a->deliverables, i);
      add_deliverable_row (self, d->side, d);
    }
  for (guint i = 0; a->kpis != NULL && i < a->kpis->len; i++)
    add_kpi_row (self, g_ptr_array_index (a->kpis, i));

  set_text (self->ip_row, a->ip_terms);
  set_text (self->brand_row, a->brand_usage);
  gtk_switch_set_active (self->confidential_switch, a->confidential);
  set_number (self->confidential_months_row, a->confidentiality_months);
  adw_combo_row_set_selected (self->cadence_row, a->review_cadence);
  gtk_switch_set_active (self->legal_switch, a->legal_review_needed);
  set_text (self->legal_requested_row, a->legal_requested_on);
  set_text (self->legal_done_row, a->legal_done_on);

  self->loading = FALSE;
  refresh (self);
}

static const char *
payer_label (AccordPayer payer)
{
  return payer == ACCORD_PAYER_PARTNER ? _("The partner pays us") : _("We pay the partner");
}

/* ---- Saving ---- */

gboolean
accord_agreement_dialog_save (AccordAgreementDialog *self)
{
  g_autoptr(AccordAgreement) a = NULL;
  g_autoptr(GError) error = NULL;
  Check c;

  g_return_val_if_fail (ACCORD_IS_AGREEMENT_DIALOG (self), FALSE);

  self->show_errors = TRUE;
  unflag_all (self);
  check_init (&c, self, TRUE);
  a = read_form (self, &c);
  show_group_errors (&c);
  if (c.n_errors > 0)
    {
      g_autofree char *message = NULL;

      /* Translators: %u is how many fields were refused. */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u field needs a fix before the agreement can be saved.",
                                              "%u fields need a fix before the agreement can be saved.",
                                              c.n_errors),
                                 c.n_errors);
      show_banner (self, message);
      if (c.first != NULL)
        gtk_widget_grab_focus (c.first);
      check_clear (&c);
      return FALSE;
    }
  check_clear (&c);

  if (!accord_agreement_validate (a, &error) ||
      !accord_store_save_agreement (self->store, a, &error))
    {
      show_banner (self, error->message);
      if (a->status == ACCORD_AGREEMENT_ACTIVE)
        {
          g_autoptr(AccordAgreement) active = accord_store_get_active_agreement (self->store,
                                                                                self->partner,
                                                                                NULL);
          if (active != NULL && active->id != a->id)
            {
              /* The one-active rule: say so on the status, where it is fixed. */
              check_init (&c, self, TRUE);
              flag (&c, GROUP_GENERAL, GTK_WIDGET (self->status_row), error->message);
              show_group_errors (&c);
              check_clear (&c);
            }
        }
      return FALSE;
    }

  self->original->id = a->id;
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  accord_agreement_dialog_save (ACCORD_AGREEMENT_DIALOG (widget));
}

/* ---- GObject ---- */

static void
accord_agreement_dialog_dispose (GObject *object)
{
  AccordAgreementDialog *self = ACCORD_AGREEMENT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->partner);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_AGREEMENT_DIALOG);

  G_OBJECT_CLASS (accord_agreement_dialog_parent_class)->dispose (object);
}

static void
accord_agreement_dialog_finalize (GObject *object)
{
  AccordAgreementDialog *self = ACCORD_AGREEMENT_DIALOG (object);

  g_clear_pointer (&self->original, accord_agreement_free);
  g_clear_pointer (&self->flagged, g_ptr_array_unref);
  g_clear_pointer (&self->tiers, g_ptr_array_unref);
  g_clear_pointer (&self->kpis, g_ptr_array_unref);
  g_clear_pointer (&self->deliverables, g_ptr_array_unref);
  g_clear_pointer (&self->warning_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (accord_agreement_dialog_parent_class)->finalize (object);
}

static void
accord_agreement_dialog_class_init (AccordAgreementDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_agreement_dialog_dispose;
  object_class->finalize = accord_agreement_dialog_finalize;

  accord_form_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accordhq/Accord/ui/accord-agreement-dialog.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AccordAgreementDialog, name)
  BIND (window_title);
  BIND (banner_revealer);
  BIND (banner_label);
  BIND (title_row);
  BIND (status_row);
  BIND (ended_row);
  BIND (general_error);
  BIND (start_row);
  BIND (term_row);
  BIND (renewal_row);
  BIND (notice_row);
  BIND (termination_row);
  BIND (effect_row);
  BIND (term_error);
  BIND (end_row);
  BIND (deadline_row);
  BIND (next_renewal_row);
  BIND (next_review_row);
  BIND (warnings_group);
  BIND (model_row);
  BIND (payer_row);
  BIND (currency_row);
  BIND (amount_row);
  BIND (period_row);
  BIND (percent_row);
  BIND (share_months_row);
  BIND (revenue_error);
  BIND (tiers_group);
  BIND (tiers_error);
  BIND (exclusivity_row);
  BIND (scope_row);
  BIND (until_row);
  BIND (exclusivity_error);
  BIND (our_group);
  BIND (our_error);
  BIND (partner_group);
  BIND (partner_error);
  BIND (kpis_group);
  BIND (kpis_error);
  BIND (ip_row);
  BIND (brand_row);
  BIND (confidential_switch);
  BIND (confidential_months_row);
  BIND (cadence_row);
  BIND (legal_switch);
  BIND (legal_requested_row);
  BIND (legal_done_row);
  BIND (other_error);
#undef BIND

  gtk_widget_class_install_action (widget_class, "agreement.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "agreement.add-tier", NULL, add_tier_action);
  gtk_widget_class_install_action (widget_class, "agreement.add-kpi", NULL, add_kpi_action);
  gtk_widget_class_install_action (widget_class, "agreement.add-deliverable", "s",
                                   add_deliverable_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "agreement.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, GDK_CONTROL_MASK,
                                       "agreement.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "agreement.save", NULL);
}

static void
accord_agreement_dialog_init (AccordAgreementDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->flagged = g_ptr_array_new_with_free_func (g_object_unref);
  self->tiers = g_ptr_array_new_with_free_func (g_free);
  self->kpis = g_ptr_array_new_with_free_func (g_free);
  self->deliverables = g_ptr_array_new_with_free_func (g_free);
  self->warning_rows = g_ptr_array_new ();

  self->error_labels[GROUP_GENERAL] = self->general_error;
  self->error_labels[GROUP_TERM] = self->term_error;
  self->error_labels[GROUP_REVENUE] = self->revenue_error;
  self->error_labels[GROUP_TIERS] = self->tiers_error;
  self->error_labels[GROUP_EXCLUSIVITY] = self->exclusivity_error;
  self->error_labels[GROUP_OURS] = self->our_error;
  self->error_labels[GROUP_THEIRS] = self->partner_error;
  self->error_labels[GROUP_KPIS] = self->kpis_error;
  self->error_labels[GROUP_OTHER] = self->other_error;

#define FILL(row, label, n) \
  G_STMT_START { \
    g_autoptr(GtkStringList) list = gtk_string_list_new (NULL); \
    for (int i = 0; i < (n); i++) \
      gtk_string_list_append (list, label (i)); \
    adw_combo_row_set_model ((row), G_LIST_MODEL (list)); \
  } G_STMT_END
  FILL (self->status_row, accord_agreement_status_label, ACCORD_N_AGREEMENT_STATUSES);
  FILL (self->renewal_row, accord_renewal_label, ACCORD_N_RENEWALS);
  FILL (self->model_row, accord_revenue_model_label, ACCORD_N_REVENUE_MODELS);
  FILL (self->payer_row, payer_label, ACCORD_N_PAYERS);
  FILL (self->period_row, accord_period_label, ACCORD_N_PERIODS);
  FILL (self->exclusivity_row, accord_exclusivity_label, ACCORD_N_EXCLUSIVITIES);
  FILL (self->cadence_row, accord_cadence_label, ACCORD_N_CADENCES);
#undef FILL

  {
    AdwEntryRow *entry_rows[] = {
      self->title_row, self->ended_row, self->start_row, self->term_row, self->notice_row,
      self->termination_row, self->effect_row, self->currency_row, self->amount_row,
      self->percent_row, self->share_months_row, self->scope_row, self->until_row, self->ip_row,
      self->brand_row, self->confidential_months_row, self->legal_requested_row,
      self->legal_done_row,
    };
    AdwComboRow *combo_rows[] = {
      self->status_row, self->renewal_row, self->model_row, self->payer_row, self->period_row,
      self->exclusivity_row, self->cadence_row,
    };

    /* Every change shows its consequences at once. */
    for (guint i = 0; i < G_N_ELEMENTS (entry_rows); i++)
      {
        accord_form_label_entry_row (entry_rows[i]);
        g_signal_connect_swapped (entry_rows[i], "changed", G_CALLBACK (changed_cb), self);
      }
    for (guint i = 0; i < G_N_ELEMENTS (combo_rows); i++)
      g_signal_connect_swapped (combo_rows[i], "notify::selected", G_CALLBACK (changed_cb), self);
  }
  g_signal_connect_swapped (self->confidential_switch, "notify::active",
                            G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->legal_switch, "notify::active", G_CALLBACK (changed_cb), self);
}

GtkWidget *
accord_agreement_dialog_new (GtkWindow             *parent,
                             AccordStore           *store,
                             AccordPartner         *partner,
                             const AccordAgreement *agreement)
{
  AccordAgreementDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  /* GTK 4.8 shows a window's role to AT-SPI only when it is given here. */
  self = g_object_new (ACCORD_TYPE_AGREEMENT_DIALOG,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->partner = g_object_ref (partner);
  self->original = agreement != NULL ? accord_agreement_copy (agreement)
                                     : accord_agreement_new (accord_partner_get_id (partner));
  self->has_results = accord_store_partner_has_results (store, partner);
  /* A new agreement starts in the workspace's currency. */
  if (agreement == NULL && self->original->currency == NULL)
    self->original->currency = accord_workspace_dup_currency (store);

  gtk_window_set_title (GTK_WINDOW (self),
                        self->original->id != 0 ? _("Edit Agreement") : _("New Agreement"));
  adw_window_title_set_title (self->window_title,
                              self->original->id != 0 ? _("Edit Agreement") : _("New Agreement"));
  adw_window_title_set_subtitle (self->window_title, accord_partner_get_name (partner));

  fill_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return GTK_WIDGET (self);
}
