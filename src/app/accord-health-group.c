/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-health-group.h"

#include "accord-locale.h"
#include "accord-figures-dialog.h"
#include "accord-form.h"
#include "accord-ledger-dialog.h"
#include "accord-lifecycle.h"
#include "accord-referral-dialog.h"
#include "accord-results.h"
#include "accord-review-dialog.h"
#include "accord-store.h"
#include "accord-work-ui.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

/* The figures list shows this many of the latest months. */
#define MAX_MONTHS_SHOWN 12

struct _AccordHealthGroup
{
  AdwPreferencesGroup parent_instance;

  AccordStore *store;
  AccordPartner *partner;
  guint refresh_source;

  /* What the rows show (owned copies), for the actions that name a
   * record by its id or month. */
  GPtrArray *reviews;
  GPtrArray *referrals;
  GPtrArray *figures;
  GPtrArray *entries;
  /* The agreement's currency code, or NULL. */
  char *currency;
  AccordPartnerResults results;
  gboolean has_results;

  /* The rows each refresh makes, removed by the next one. */
  GPtrArray *reason_rows;
  GPtrArray *review_rows;
  GPtrArray *referral_rows;
  GPtrArray *figure_rows;
  GPtrArray *payment_rows;

  AdwActionRow *score_row;
  GtkLabel *score_label;
  GtkLabel *band_label;
  AdwActionRow *tier_row;
  GtkWidget *apply_tier_button;
  AdwPreferencesGroup *reviews_group;
  GtkWidget *reviews_empty;
  AdwExpanderRow *reviews_expander;
  AdwPreferencesGroup *referrals_group;
  GtkWidget *referrals_empty;
  AdwExpanderRow *referrals_expander;
  AdwPreferencesGroup *figures_group;
  GtkWidget *figures_empty;
  AdwExpanderRow *figures_expander;
  AdwPreferencesGroup *ledger_group;
  AdwActionRow *owed_to_row;
  GtkLabel *owed_to_label;
  AdwActionRow *owed_by_row;
  GtkLabel *owed_by_label;
  AdwExpanderRow *payments_expander;
};

G_DEFINE_FINAL_TYPE (AccordHealthGroup, accord_health_group, ADW_TYPE_PREFERENCES_GROUP)

static void refresh (AccordHealthGroup *self);

/* ---- Small pieces ---- */

static AdwToast *
plain_toast (const char *text)
{
  /* Toast titles are markup: names may hold "&" or "<". */
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

static GtkWidget *
plain_row (const char *title,
           const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  accord_work_plain_row (ADW_PREFERENCES_ROW (row));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static char *
money (AccordHealthGroup *self,
       gint64             amount_minor)
{
  return accord_format_money_display (amount_minor, self->currency);
}

static GtkWidget *
delete_button (const char *action,
               GVariant   *target,
               const char *tooltip,
               const char *accessible_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  accord_form_set_tooltip (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static void
remove_rows (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GtkWidget *parent = gtk_widget_get_parent (row);

      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), row);
      else if (parent != NULL)
        {
          /* Inside an expander row: its own list. */
          GtkWidget *expander = gtk_widget_get_ancestor (parent, ADW_TYPE_EXPANDER_ROW);

          if (expander != NULL)
            adw_expander_row_remove (ADW_EXPANDER_ROW (expander), row);
        }
    }
  g_ptr_array_set_size (rows, 0);
}

static void
open_dialog (AccordHealthGroup *self,
             GtkWidget         *dialog)
{
  gtk_window_set_transient_for (GTK_WINDOW (dialog), accord_work_parent_window (GTK_WIDGET (self)));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "3 converted, 1 lead, 2 lost": the non-zero parts, or NULL. */
static char *
referral_counts (guint counts[ACCORD_N_REFERRAL_STATUSES])
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (counts[ACCORD_REFERRAL_CONVERTED] > 0)
    /* Translators: a number of converted referrals. */
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u converted",
                                                          "%u converted",
                                                          counts[ACCORD_REFERRAL_CONVERTED]),
                                             counts[ACCORD_REFERRAL_CONVERTED]));
  if (counts[ACCORD_REFERRAL_LEAD] > 0)
    /* Translators: a number of referrals that are still leads. */
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u lead", "%u leads",
                                                          counts[ACCORD_REFERRAL_LEAD]),
                                             counts[ACCORD_REFERRAL_LEAD]));
  if (counts[ACCORD_REFERRAL_LOST] > 0)
    /* Translators: a number of referrals that did not convert. */
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u lost", "%u lost",
                                                          counts[ACCORD_REFERRAL_LOST]),
                                             counts[ACCORD_REFERRAL_LOST]));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between counts, as in "3 converted, 1 lead". */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

/* "October 2026" for "2026-10"; the text itself when it is no month. */
static char *
month_words (const char *month)
{
  g_autoptr(GDateTime) dt = NULL;
  int year, mon;

  if (!accord_month_is_valid (month) || sscanf (month, "%4d-%2d", &year, &mon) != 2)
    return g_strdup (month != NULL ? month : "");
  dt = g_date_time_new_utc (year, mon, 1, 0, 0, 0);
  return dt != NULL ? g_date_time_format (dt, "%B %Y") : g_strdup (month);
}

/* ---- Health: the score and its reasons ---- */

static char *
red_flags_words (AccordRedFlags flags)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; i < ACCORD_N_RED_FLAGS; i++)
    if (flags & (1u << i))
      g_ptr_array_add (labels, (gpointer) accord_red_flag_label (1u << i));
  if (labels->len == 0)
    return NULL;
  g_ptr_array_add (labels, NULL);
  return g_strjoinv (_(", "), (char **) labels->pdata);
}

/* The title and the details of the row for one reason. */
static void
describe_reason (AccordHealthGroup        *self,
                 const AccordHealthReason *reason,
                 const AccordReview       *latest,
                 char                    **title,
                 char                    **details)
{
  const AccordHealth *health = &self->results.health;
  int n = reason->points;

  *title = NULL;
  *details = NULL;
  switch (reason->input)
    {
    case ACCORD_HEALTH_INPUT_RATINGS:
      if (!health->has_review || latest == NULL)
        {
          /* Translators: what the missing review costs the health score. */
          *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "No review yet takes %d point",
                                                 "No review yet takes %d points", n), n);
          *details = g_strdup (_("Record a review to rate communication, alignment, trust, ease "
                                 "and future potential."));
        }
      else
        {
          g_autoptr(GString) low = g_string_new (NULL);

          for (guint i = 0; i < ACCORD_N_REVIEW_RATINGS; i++)
            if (latest->ratings[i] < 5)
              {
                if (low->len > 0)
                  g_string_append (low, _(", "));
                /* Translators: a rating's name and its value: "Trust 2". */
                g_string_append_printf (low, _("%s %d"), accord_review_rating_label (i),
                                        latest->ratings[i]);
              }
          g_autofree char *when = accord_format_date_display (latest->date);

          /* Translators: the review's date, then its ratings below 5. */
          *details = g_strdup_printf (_("Review of %s, below 5: %s"), when, low->str);
        }
      break;

    case ACCORD_HEALTH_INPUT_RESULTS:
      if (health->n_kpis == 0)
        {
          /* Translators: what unmeasured results cost the health score. */
          *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "No measured KPI takes %d point",
                                                 "No measured KPI takes %d points", n), n);
          *details = g_strdup (_("Give the active agreement KPI targets and record monthly "
                                 "figures to measure them."));
        }
      else
        /* Translators: %u is a number of KPI targets of the agreement. */
        *details = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Measured against %u KPI target of the agreement",
                                                 "Measured against %u KPI targets of the agreement",
                                                 health->n_kpis), health->n_kpis);
      break;

    case ACCORD_HEALTH_INPUT_CONTACT:
      if (health->days_since_contact < 0)
        {
          /* Translators: what never having been in touch costs the health score. */
          *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "No contact logged yet takes %d point",
                                                 "No contact logged yet takes %d points", n), n);
          *details = g_strdup (_("Log emails, calls and meetings under Activity."));
        }
      else
        /* Translators: %d is a number of days; the score drops after 30. */
        *details = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "No contact for %d day; the score drops after 30",
                                                 "No contact for %d days; the score drops after 30",
                                                 health->days_since_contact),
                                    health->days_since_contact);
      break;

    case ACCORD_HEALTH_INPUT_RED_FLAGS:
      if (latest != NULL)
        *details = red_flags_words (latest->red_flags);
      break;

    case ACCORD_N_HEALTH_INPUTS:
    default:
      break;
    }

  if (*title == NULL)
    *title = accord_health_reason_explain (reason);
}

static void
show_reasons (AccordHealthGroup  *self,
              const AccordReview *latest)
{
  AccordHealthReason sorted[ACCORD_N_HEALTH_INPUTS];
  GtkWidget *listbox = gtk_widget_get_parent (GTK_WIDGET (self->score_row));
  int position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->score_row)) + 1;

  /* The biggest first, so the row on top says what hurts most; equal
   * ones keep the formula's order. */
  memcpy (sorted, self->results.health.reasons, sizeof sorted);
  for (guint i = 1; i < ACCORD_N_HEALTH_INPUTS; i++)
    for (guint j = i; j > 0 && sorted[j].points > sorted[j - 1].points; j--)
      {
        AccordHealthReason swap = sorted[j];

        sorted[j] = sorted[j - 1];
        sorted[j - 1] = swap;
      }

  for (guint i = 0; i < ACCORD_N_HEALTH_INPUTS; i++)
    {
      g_autofree char *title = NULL;
      g_autofree char *details = NULL;
      g_autofree char *points = NULL;
      GtkWidget *row, *label;

      if (sorted[i].points <= 0)
        continue;
      describe_reason (self, &sorted[i], latest, &title, &details);
      row = plain_row (title, details);
      /* Translators: points taken from the health score, as in "−12". */
      points = g_strdup_printf (_("−%d"), sorted[i].points);
      label = gtk_label_new (points);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "health-points");
      gtk_widget_add_css_class (label, "numeric");
      /* The title already says it in words. */
      gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_widget_add_css_class (row, "health-reason");
      gtk_list_box_insert (GTK_LIST_BOX (listbox), row, position++);
      g_ptr_array_add (self->reason_rows, row);
    }

  if (self->reason_rows->len == 0)
    {
      GtkWidget *row = plain_row (_("Nothing takes points from the score"),
                                  _("Good ratings, targets met, recent contact and no red "
                                    "flags."));

      gtk_list_box_insert (GTK_LIST_BOX (listbox), row, position);
      g_ptr_array_add (self->reason_rows, row);
    }
}

static void
show_health (AccordHealthGroup  *self,
             const AccordReview *latest)
{
  const AccordHealth *health = &self->results.health;
  static const char *band_classes[] = { "success", "warning", "error" };
  g_autofree char *score = g_strdup_printf ("%d", health->score);
  g_autofree char *description = NULL;
  const char *band = accord_health_band_label (health->band);

  G_STATIC_ASSERT (G_N_ELEMENTS (band_classes) == ACCORD_N_HEALTH_BANDS);

  for (guint i = 0; i < G_N_ELEMENTS (band_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->band_label), band_classes[i]);

  /* Without a review there is too little to judge by: a partner nobody
   * has looked at is not "healthy". The portfolio chart agrees. The
   * reasons below still say what would count. */
  if (!health->has_review)
    {
      gtk_label_set_text (self->score_label, "–");
      gtk_label_set_text (self->band_label, _("Not scored yet"));
      adw_action_row_set_subtitle (self->score_row,
                                   _("A score needs a first review. Until then, this is what would count:"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Not scored yet: no review"), -1);
      show_reasons (self, latest);
      return;
    }

  adw_action_row_set_subtitle (self->score_row,
                               _("Out of 100: healthy from 70, watch from 40, at risk below"));
  gtk_label_set_text (self->score_label, score);
  gtk_label_set_text (self->band_label, band);
  gtk_widget_add_css_class (GTK_WIDGET (self->band_label), band_classes[health->band]);
  /* Translators: the health score and its band: "72 of 100, Healthy". */
  description = g_strdup_printf (_("%d of 100, %s"), health->score, band);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);

  show_reasons (self, latest);
}

static void
show_tier (AccordHealthGroup *self)
{
  AccordTier current = accord_partner_get_tier (self->partner);
  AccordTier suggested = self->results.suggested_tier;
  guint n = self->results.converted_last_year;
  g_autofree char *why = NULL;
  g_autofree char *now = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: a tier ("Certified") and the new customers it comes from. */
  why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%s: %u new customer in the last 12 months",
                                      "%s: %u new customers in the last 12 months", n),
                         accord_tier_get_label (suggested), n);
  if (current == suggested)
    now = g_strdup (_("The partner is already at this tier"));
  else
    /* Translators: %s is the tier the partner has now ("Referral", "Not set"). */
    now = g_strdup_printf (_("Their tier now: %s"), accord_tier_get_label (current));
  subtitle = g_strdup_printf ("%s\n%s", why, now);
  adw_action_row_set_subtitle (self->tier_row, subtitle);
  gtk_widget_set_visible (self->apply_tier_button, current != suggested);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "health.apply-tier", current != suggested);
}

/* ---- Reviews ---- */

static GtkWidget *
review_row (AccordHealthGroup  *self,
            const AccordReview *review)
{
  const char *today = accord_store_get_today (self->store);
  g_autofree char *title = accord_work_date_words (review->date, today);
  g_autofree char *flags = red_flags_words (review->red_flags);
  g_autofree char *label = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row;
  int sum = 0;

  for (guint i = 0; i < ACCORD_N_REVIEW_RATINGS; i++)
    sum += review->ratings[i];
  /* Translators: the average of five ratings, one decimal: "Average 3.4 of 5". */
  g_string_append_printf (subtitle, _("Average %d.%d of 5"), sum * 2 / 10, sum * 2 % 10);
  if (flags != NULL)
    {
      g_string_append (subtitle, " · ");
      /* Translators: %s lists red flags. */
      g_string_append_printf (subtitle, _("Red flags: %s"), flags);
    }
  else
    {
      g_string_append (subtitle, " · ");
      g_string_append (subtitle, _("No red flags"));
    }
  if (review->notes != NULL && *review->notes != '\0')
    {
      g_string_append_c (subtitle, '\n');
      g_string_append (subtitle, review->notes);
    }

  row = plain_row (title, subtitle->str);
  /* Translators: %s is a review's date. */
  shown = accord_format_date_display (review->date);
  label = g_strdup_printf (_("Delete the review of %s"), shown);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             delete_button ("health.delete-review",
                                            g_variant_new_int64 (review->id),
                                            _("Delete Review"), label));
  return row;
}

static void
show_reviews (AccordHealthGroup *self)
{
  g_autofree char *latest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  guint n;

  self->reviews = accord_store_list_reviews (self->store, self->partner, &error);
  if (self->reviews == NULL)
    {
      adw_preferences_group_set_description (self->reviews_group, error->message);
      return;
    }
  adw_preferences_group_set_description (self->reviews_group, NULL);
  n = self->reviews->len;
  gtk_widget_set_visible (self->reviews_empty, n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->reviews_expander), n > 0);
  if (n == 0)
    return;

  latest = accord_format_date_display (((AccordReview *) g_ptr_array_index (self->reviews, 0))->date);
  /* Translators: a number of reviews, then the latest one's date. */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u review, the latest on %s",
                                           "%u reviews, the latest on %s", n),
                              n, latest);
  adw_expander_row_set_subtitle (self->reviews_expander, subtitle);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = review_row (self, g_ptr_array_index (self->reviews, i));

      adw_expander_row_add_row (self->reviews_expander, row);
      g_ptr_array_add (self->review_rows, row);
    }
}

/* ---- Referrals ---- */

static const char *
customer_of (const AccordReferral *referral)
{
  return referral->customer != NULL && *referral->customer != '\0' ? referral->customer
                                                                   : _("Unnamed lead");
}

static GtkWidget *
referral_row (AccordHealthGroup    *self,
              const AccordReferral *referral)
{
  g_autofree char *shown = NULL;
  const char *customer = customer_of (referral);
  g_autofree char *revenue = money (self, referral->revenue_minor);
  g_autofree char *more_label = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) status_section = g_menu_new ();
  g_autoptr(GMenu) edit_section = g_menu_new ();
  GtkWidget *row, *badge, *menu_button;

  shown = accord_format_date_display (referral->date);
  g_string_append (subtitle, shown);
  if (referral->status == ACCORD_REFERRAL_CONVERTED && referral->converted_on != NULL &&
      g_strcmp0 (referral->converted_on, referral->date) != 0)
    {
      g_string_append (subtitle, " · ");
      g_autofree char *converted = accord_format_date_display (referral->converted_on);

      /* Translators: %s is the date a referral converted. */
      g_string_append_printf (subtitle, _("converted on %s"), converted);
    }
  g_string_append (subtitle, " · ");
  g_string_append (subtitle, revenue);
  if (referral->code != NULL && *referral->code != '\0')
    {
      g_string_append (subtitle, " · ");
      /* Translators: %s is the tracking code that brought a referral. */
      g_string_append_printf (subtitle, _("code %s"), referral->code);
    }

  row = plain_row (customer, subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  accord_form_set_tooltip (row, _("Edit the referral"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "health.edit-referral");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                          g_variant_new_int64 (referral->id));

  badge = gtk_label_new (accord_referral_status_label (referral->status));
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "health-badge");
  if (referral->status == ACCORD_REFERRAL_CONVERTED)
    gtk_widget_add_css_class (badge, "success");
  else if (referral->status == ACCORD_REFERRAL_LOST)
    gtk_widget_add_css_class (badge, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);

  for (guint s = 0; s < ACCORD_N_REFERRAL_STATUSES; s++)
    {
      static const char *labels[] = { N_("Mark as _Lead"), N_("Mark as _Converted"),
                                      N_("Mark as L_ost") };
      g_autoptr(GMenuItem) item = NULL;

      G_STATIC_ASSERT (G_N_ELEMENTS (labels) == ACCORD_N_REFERRAL_STATUSES);
      if (s == referral->status)
        continue;
      item = g_menu_item_new (_(labels[s]), NULL);
      g_menu_item_set_action_and_target_value (item, "health.referral-status",
                                               g_variant_new ("(xi)", referral->id, (int) s));
      g_menu_append_item (status_section, item);
    }
  {
    g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit…"), NULL);
    g_autoptr(GMenuItem) delete = g_menu_item_new (_("_Delete"), NULL);

    g_menu_item_set_action_and_target_value (edit, "health.edit-referral",
                                             g_variant_new_int64 (referral->id));
    g_menu_item_set_action_and_target_value (delete, "health.delete-referral",
                                             g_variant_new_int64 (referral->id));
    g_menu_append_item (edit_section, edit);
    g_menu_append_item (edit_section, delete);
  }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (status_section));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit_section));

  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  accord_form_set_tooltip (menu_button, _("Change status, edit or delete"));
  /* Translators: %s is a referral's customer. */
  more_label = g_strdup_printf (_("More about “%s”"), customer);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  more_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);
  return row;
}

static void
show_referrals (AccordHealthGroup *self)
{
  g_autoptr(GError) error = NULL;
  guint counts[ACCORD_N_REFERRAL_STATUSES] = { 0 };
  g_autofree char *subtitle = NULL;
  guint n;

  self->referrals = accord_store_list_referrals (self->store, self->partner, &error);
  if (self->referrals == NULL)
    {
      adw_preferences_group_set_description (self->referrals_group, error->message);
      return;
    }
  adw_preferences_group_set_description (self->referrals_group, NULL);
  n = self->referrals->len;
  gtk_widget_set_visible (self->referrals_empty, n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->referrals_expander), n > 0);
  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      const AccordReferral *referral = g_ptr_array_index (self->referrals, i);
      GtkWidget *row = referral_row (self, referral);

      if ((guint) referral->status < ACCORD_N_REFERRAL_STATUSES)
        counts[referral->status]++;
      adw_expander_row_add_row (self->referrals_expander, row);
      g_ptr_array_add (self->referral_rows, row);
    }
  subtitle = referral_counts (counts);
  adw_expander_row_set_subtitle (self->referrals_expander, subtitle != NULL ? subtitle : "");
}

/* ---- Monthly figures ---- */

static GtkWidget *
figures_row (AccordHealthGroup   *self,
             const AccordFigures *figures)
{
  g_autofree char *title = month_words (figures->month);
  g_autofree char *revenue = money (self, figures->revenue_minor);
  g_autofree char *label = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row;

  /* Translators: a month's partner-sourced revenue. */
  g_string_append_printf (subtitle, _("Revenue %s"), revenue);
  g_string_append (subtitle, " · ");
  g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%d referral", "%d referrals",
                                                 figures->referrals), figures->referrals);
  g_string_append (subtitle, " · ");
  g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%d conversion",
                                                 "%d conversions", figures->conversions),
                          figures->conversions);
  if (figures->has_nps)
    {
      g_string_append (subtitle, " · ");
      /* Translators: %d is a net promoter score. */
      g_string_append_printf (subtitle, _("NPS %d"), figures->nps);
    }
  if (figures->response_hours != ACCORD_UNSET)
    {
      g_string_append (subtitle, " · ");
      /* Translators: how long the partner takes to answer us. */
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "answers in %d hour",
                                                     "answers in %d hours",
                                                     figures->response_hours),
                              figures->response_hours);
    }
  if (figures->joint_initiatives > 0)
    {
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%d joint initiative",
                                                     "%d joint initiatives",
                                                     figures->joint_initiatives),
                              figures->joint_initiatives);
    }

  row = plain_row (title, subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  accord_form_set_tooltip (row, _("Edit the month's figures"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "health.edit-figures");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                          g_variant_new_string (figures->month));
  /* Translators: %s is a month ("October 2026"). */
  label = g_strdup_printf (_("Delete the figures of %s"), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             delete_button ("health.delete-figures",
                                            g_variant_new_string (figures->month),
                                            _("Delete Figures"), label));
  return row;
}

static void
show_figures (AccordHealthGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *latest = NULL;
  guint n, shown = 0;

  self->figures = accord_store_list_figures (self->store, self->partner, &error);
  if (self->figures == NULL)
    {
      adw_preferences_group_set_description (self->figures_group, error->message);
      return;
    }
  adw_preferences_group_set_description (self->figures_group, NULL);
  n = self->figures->len;
  gtk_widget_set_visible (self->figures_empty, n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->figures_expander), n > 0);
  if (n == 0)
    return;

  /* Newest first; the store lists the oldest first. */
  for (guint i = n; i > 0 && shown < MAX_MONTHS_SHOWN; i--, shown++)
    {
      GtkWidget *row = figures_row (self, g_ptr_array_index (self->figures, i - 1));

      adw_expander_row_add_row (self->figures_expander, row);
      g_ptr_array_add (self->figure_rows, row);
    }
  latest = month_words (((AccordFigures *) g_ptr_array_index (self->figures, n - 1))->month);
  if (n > shown)
    /* Translators: how many of the recorded months the list shows. */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The latest %u of %u month, up to %s",
                                             "The latest %u of %u months, up to %s", n),
                                shown, n, latest);
  else
    /* Translators: a number of months with figures, then the latest one. */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month, up to %s",
                                             "%u months, up to %s", n), n, latest);
  adw_expander_row_set_subtitle (self->figures_expander, subtitle);
}

/* ---- The ledger ---- */

static void
show_balance (AccordHealthGroup   *self,
              AdwActionRow        *row,
              GtkLabel            *label,
              AccordLedgerBalance *balance)
{
  g_autofree char *amount = money (self, balance->balance_minor);
  g_autofree char *earned = money (self, balance->earned_minor);
  g_autofree char *settled = money (self, balance->settled_minor);
  g_autofree char *subtitle = NULL;
  g_autofree char *description = NULL;

  if (balance->earned_minor == 0 && balance->settled_minor == 0)
    subtitle = g_strdup (_("Nothing earned on this side yet"));
  else if (balance->balance_minor < 0)
    {
      g_autofree char *over = money (self, -balance->balance_minor);

      /* Translators: commission earned, settled, and by how much it was overpaid. */
      subtitle = g_strdup_printf (_("Earned %s, settled %s: overpaid by %s"), earned, settled,
                                  over);
    }
  else
    /* Translators: commission earned so far and what payments settled of it. */
    subtitle = g_strdup_printf (_("Earned %s, settled %s"), earned, settled);
  adw_action_row_set_subtitle (row, subtitle);
  gtk_label_set_text (label, amount);
  /* Translators: a balance ("EUR 700.00") on one side of the ledger. */
  description = g_strdup_printf (_("Balance %s"), amount);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
}

static GtkWidget *
payment_row (AccordHealthGroup       *self,
             const AccordLedgerEntry *entry)
{
  g_autofree char *shown = NULL;
  g_autofree char *amount = money (self, entry->amount_minor);
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row;

  /* Translators: a payment: "Paid to them: EUR 500.00". */
  title = g_strdup_printf (_("%s: %s"), accord_ledger_dialog_kind_title (entry->kind), amount);
  shown = accord_format_date_display (entry->date);
  g_string_append (subtitle, shown);
  g_string_append (subtitle, " · ");
  /* Translators: the side of the ledger a payment settles ("We owe them"). */
  g_string_append_printf (subtitle, _("settles “%s”"),
                          accord_ledger_dialog_side_title (entry->side));
  if (entry->note != NULL && *entry->note != '\0')
    {
      g_string_append (subtitle, " · ");
      g_string_append (subtitle, entry->note);
    }
  row = plain_row (title, subtitle->str);
  /* Translators: a payment's amount and date. */
  label = g_strdup_printf (_("Delete the payment of %s on %s"), amount, shown);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             delete_button ("health.delete-payment",
                                            g_variant_new_int64 (entry->id),
                                            _("Delete Payment"), label));
  return row;
}

static void
show_ledger (AccordHealthGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  guint n;

  if (self->has_results)
    {
      show_balance (self, self->owed_to_row, self->owed_to_label,
                    &self->results.ledger[ACCORD_LEDGER_OWED_TO_PARTNER]);
      show_balance (self, self->owed_by_row, self->owed_by_label,
                    &self->results.ledger[ACCORD_LEDGER_OWED_BY_PARTNER]);
    }

  self->entries = accord_store_list_ledger_entries (self->store, self->partner, &error);
  if (self->entries == NULL)
    {
      adw_preferences_group_set_description (self->ledger_group, error->message);
      return;
    }
  n = self->entries->len;
  if (self->currency == NULL)
    adw_preferences_group_set_description (self->ledger_group,
                                           _("Commission follows from the active agreement's "
                                             "revenue model and its converted referrals."));
  else
    adw_preferences_group_set_description (self->ledger_group, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->payments_expander), n > 0);
  if (n == 0)
    return;

  /* Translators: a number of payments recorded on the ledger. */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u payment", "%u payments", n), n);
  adw_expander_row_set_subtitle (self->payments_expander, subtitle);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = payment_row (self, g_ptr_array_index (self->entries, i));

      adw_expander_row_add_row (self->payments_expander, row);
      g_ptr_array_add (self->payment_rows, row);
    }
}

/* ---- Refresh ---- */

static char *
find_currency (AccordHealthGroup *self)
{
  g_autoptr(GPtrArray) agreements = accord_store_list_agreements (self->store, self->partner,
                                                                  NULL);
  const AccordAgreement *found = NULL;

  if (agreements == NULL)
    return NULL;
  /* The active agreement's, else the newest one that names a currency. */
  for (guint i = 0; i < agreements->len && found == NULL; i++)
    {
      const AccordAgreement *a = g_ptr_array_index (agreements, i);

      if (a->status == ACCORD_AGREEMENT_ACTIVE && a->currency != NULL && *a->currency != '\0')
        found = a;
    }
  for (guint i = 0; i < agreements->len && found == NULL; i++)
    {
      const AccordAgreement *a = g_ptr_array_index (agreements, i);

      if (a->currency != NULL && *a->currency != '\0')
        found = a;
    }
  return found != NULL ? g_strdup (found->currency) : NULL;
}

static void
clear (AccordHealthGroup *self)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  remove_rows (self->reason_rows);
  remove_rows (self->review_rows);
  remove_rows (self->referral_rows);
  remove_rows (self->figure_rows);
  remove_rows (self->payment_rows);
  g_clear_pointer (&self->reviews, g_ptr_array_unref);
  g_clear_pointer (&self->referrals, g_ptr_array_unref);
  g_clear_pointer (&self->figures, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->currency, g_free);
  self->has_results = FALSE;
}

static void
set_actions_enabled (AccordHealthGroup *self,
                     gboolean           enabled)
{
  static const char *actions[] = {
    "health.record-review", "health.delete-review", "health.add-referral",
    "health.edit-referral", "health.referral-status", "health.delete-referral",
    "health.record-figures", "health.edit-figures", "health.delete-figures",
    "health.record-payment", "health.delete-payment", "health.apply-tier",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], enabled);
}

static void
refresh (AccordHealthGroup *self)
{
  g_autoptr(AccordReview) latest = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ready = self->store != NULL && self->partner != NULL;

  clear (self);
  set_actions_enabled (self, ready);
  gtk_widget_set_visible (GTK_WIDGET (self), ready);
  if (!ready)
    return;

  self->currency = find_currency (self);
  self->has_results = accord_store_get_results (self->store, self->partner, &self->results,
                                                &error);
  gtk_widget_set_visible (GTK_WIDGET (self->score_row), self->has_results);
  gtk_widget_set_visible (GTK_WIDGET (self->tier_row), self->has_results);
  if (self->has_results)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), NULL);
      latest = accord_store_get_latest_review (self->store, self->partner, NULL);
      show_health (self, latest);
      show_tier (self);
    }
  else
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "health.apply-tier", FALSE);
    }

  show_reviews (self);
  show_referrals (self);
  show_figures (self);
  show_ledger (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  AccordHealthGroup *self = data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (AccordStore       *store,
                  AccordPartner     *partner,
                  AccordHealthGroup *self)
{
  /* After the change that asked for it is over: the row whose button
   * deleted a record goes. */
  if ((partner == NULL || partner == self->partner) && self->refresh_source == 0)
    /* Before the next frame is laid out, even while a toast slides in. */
    self->refresh_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

/* ---- Undo ---- */

typedef enum
{
  UNDO_REVIEW,
  UNDO_REFERRAL,
  UNDO_FIGURES,
  UNDO_PAYMENT,
  UNDO_TIER,
} UndoKind;

typedef struct
{
  UndoKind kind;
  AccordStore *store;
  AccordPartner *partner;
  /* The record as it was (a copy), or the tier before. */
  gpointer record;
  AccordTier tier;
  /* The record was deleted: it comes back under a new id. */
  gboolean deleted;
  /* Where to say that undoing failed. */
  GtkWidget *widget;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_clear_object (&undo->store);
  g_clear_object (&undo->partner);
  if (undo->record != NULL)
    switch (undo->kind)
      {
      case UNDO_REVIEW:
        accord_review_free (undo->record);
        break;
      case UNDO_REFERRAL:
        accord_referral_free (undo->record);
        break;
      case UNDO_FIGURES:
        accord_figures_free (undo->record);
        break;
      case UNDO_PAYMENT:
        accord_ledger_entry_free (undo->record);
        break;
      case UNDO_TIER:
      default:
        break;
      }
  g_clear_weak_pointer (&undo->widget);
  g_free (undo);
}

static Undo *
undo_new (AccordHealthGroup *self,
          UndoKind           kind,
          gpointer           record)
{
  Undo *undo = g_new0 (Undo, 1);

  undo->kind = kind;
  undo->store = g_object_ref (self->store);
  undo->partner = g_object_ref (self->partner);
  undo->record = record;
  g_set_weak_pointer (&undo->widget, GTK_WIDGET (self));
  return undo;
}

static void
undo_cb (AdwToast *toast,
         Undo     *undo)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  switch (undo->kind)
    {
    case UNDO_REVIEW:
      {
        g_autoptr(AccordReview) again = accord_review_copy (undo->record);

        /* Saved afresh: the same review under a new id. */
        again->id = 0;
        ok = accord_store_save_review (undo->store, again, &error);
      }
      break;
    case UNDO_REFERRAL:
      {
        /* A changed referral gets its old values back. */
        g_autoptr(AccordReferral) again = accord_referral_copy (undo->record);

        if (undo->deleted)
          again->id = 0;
        ok = accord_store_save_referral (undo->store, again, &error);
      }
      break;
    case UNDO_FIGURES:
      {
        g_autoptr(AccordFigures) again = accord_figures_copy (undo->record);

        ok = accord_store_set_figures (undo->store, again, &error);
      }
      break;
    case UNDO_PAYMENT:
      {
        g_autoptr(AccordLedgerEntry) again = accord_ledger_entry_copy (undo->record);

        again->id = 0;
        ok = accord_store_add_ledger_entry (undo->store, again, &error);
      }
      break;
    case UNDO_TIER:
      ok = accord_store_set_partner_field (undo->store, undo->partner, ACCORD_PARTNER_FIELD_TIER,
                                          accord_tier_to_key (undo->tier), &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!ok && undo->widget != NULL)
    accord_work_toast (undo->widget, plain_toast (error->message));
  else if (!ok)
    g_warning ("Could not undo: %s", error->message);
}

static void
toast_with_undo (AccordHealthGroup *self,
                 const char        *message,
                 Undo              *undo,
                 gboolean           deleted)
{
  AdwToast *toast = plain_toast (message);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  undo->deleted = deleted;
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_cb), undo,
                         (GClosureNotify) G_CALLBACK (undo_free), 0);
  accord_work_toast (GTK_WIDGET (self), toast);
}

/* ---- Actions ---- */

static const AccordReview *
find_review (AccordHealthGroup *self,
             gint64             id)
{
  for (guint i = 0; self->reviews != NULL && i < self->reviews->len; i++)
    if (((AccordReview *) g_ptr_array_index (self->reviews, i))->id == id)
      return g_ptr_array_index (self->reviews, i);
  return NULL;
}

static const AccordReferral *
find_referral (AccordHealthGroup *self,
               gint64             id)
{
  for (guint i = 0; self->referrals != NULL && i < self->referrals->len; i++)
    if (((AccordReferral *) g_ptr_array_index (self->referrals, i))->id == id)
      return g_ptr_array_index (self->referrals, i);
  return NULL;
}

static const AccordLedgerEntry *
find_entry (AccordHealthGroup *self,
            gint64             id)
{
  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    if (((AccordLedgerEntry *) g_ptr_array_index (self->entries, i))->id == id)
      return g_ptr_array_index (self->entries, i);
  return NULL;
}

static void
record_review_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AccordHealthGroup *self = ACCORD_HEALTH_GROUP (widget);

  if (self->store != NULL && self->partner != NULL)
    open_dialog (self, accord_review_dialog_new (self->store, self->partner));
}

static void
delete_review_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_autofree char *shown = NULL;
  AccordHealthGroup *self = ACCORD_HEALTH_GROUP (widget);
  const AccordReview *review = find_review (self, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AccordReview *copy;

  if (review == NULL)
    return;
  copy = accord_review_copy (review);
  if (!accord_store_delete_review (self->store, review->id, &error))
    {
      accord_review_free (copy);
      accord_work_toast (widget, plain_toast (error->message));
      return;
    }
  /* Translators: %s is a review's date. */
  shown = accord_format_date_display (copy->date);
  message = g_strdup_printf (_("Review of %s deleted"), shown);
  toast_with_undo (self, message, undo_new (self, UNDO_REVIEW, copy), TRUE);
}

static void
add_referral_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AccordHealthGroup *self = ACCORD_HEALTH_GROUP (widget);

  if (self->store != NULL && self->partner != NULL)
    open_dialog (self, accord_referral_dialog_new (self->store, self->partner, NULL,
                                                   self->currency));
}

static void
edit_referral_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AccordHealthGroup *self = ACCORD_HEALTH_GROUP (widget);
  const AccordReferral *referral = find_referral (self, g_variant_get_int64 (parameter));

  if (referral != NULL)
    open_dialog (self, accord_referral_dialog_new (self->store, self->partner, referral,
                                                   self->currency));
}

static void
referral_status_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AccordHealthGroup *self = ACCORD_HEALTH_GROUP (widget);
  const char *today = accord_store_get_today (self->store);
  g_autoptr(AccordReferral) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const AccordReferral *referral;
  gint64 id;
  int status;

  g_variant_get (parameter, "(xi)", &id, &status);
  referral = find_referral (self, id);
  if (referral == NULL || status < 0 || status >= ACCORD_N_REFERRAL_STATUSES ||
      (AccordReferralStatus) status == referral->status)
    return;

  changed = accord_referral_copy (referral);
  changed->status = status;
  g_clear_pointer (&changed->converted_on, g_free);
  /* It converts today, or the day it came in if that is still ahead. */
  if (status == ACCORD_REFERRAL_CONVERTED)
    changed->converted_on = g_strdup (g_strcmp0 (today, referral->date) >= 0 ? today
                                                                             : referral->date);
  if (!accord_store_save_referral (self->store, changed, &error))
    {
      accord_work_toast (widget, plain_toast (error->message));
      return;
    }
  /* Translators: a referral's customer and its new status ("Converted"). */
  message = g_strdup_printf (_("“%s” marked as %s"), customer_of (referral),
                             accord_referral_status_label (status));
  toast_with_undo (self, message, undo_new (self, UNDO_REFERRAL, accord_referral_copy (referral)),
                   FALSE);
}

static void
delete_referral_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AccordHealthGroup *self = ACCORD_HEALTH_GROUP (widget);
  const AccordReferral *referral = find_referral (self, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AccordReferral *copy;

  if (referral == NULL)
    return;
  copy = accord_referral_copy (referral);
  if (!accord_store_delete_referral (self->store, referral->id, &error))
    {
      accord_referral_free (copy);
      accord_work_toast (widget, plain_toast (error->message));
      return;
    }
  /* Translators: %s is a referral's customer. */
  message = g_strdup_printf (_("Referral “%s” deleted"), customer_of (copy));
  toast_with_undo (self, message, undo_new (self, UNDO_REFERRAL, copy), TRUE);
}

static void
record_figures_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AccordHealthGroup *self = ACCORD_HEALTH_GROUP (widget);

  if (self->store != NULL && self->partner != NULL)
    open_dialog (self, accord_figures_dialog_new (self->store, self->partner, NULL,
                                                  self->currency));
}

static void
edit_figures_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AccordHealthGroup *self = ACCORD_HEALTH_GROUP (widget);

  if (self->store != NULL && self->partner != NULL)
    open_dialog (self, accord_figures_dialog_new (self->store, self->partner,
                                                  g_variant_get_string (parameter, NULL),
                                                  self->currency));
}

static void
delete_figures_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AccordHealthGroup *self = ACCORD_HEALTH_GROUP (widget);
  const char *month = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *words = NULL;
  const AccordFigures *figures = NULL;
  AccordFigures *copy;

  for (guint i = 0; self->figures != NULL && i < self->figures->len && figures == NULL; i++)
    if (g_strcmp0 (((AccordFigures *) g_ptr_array_index (self->figures, i))->month, month) == 0)
      figures = g_ptr_array_index (self->figures, i);
  if (figures == NULL)
    return;

  copy = accord_figures_copy (figures);
  if (!accord_store_delete_figures (self->store, self->partner, month, &error))
    {
      accord_figures_free (copy);
      accord_work_toast (widget, plain_toast (error->message));
      return;
    }
  words = month_words (month);
  /* Translators: %s is a month ("October 2026"). */
  message = g_strdup_printf (_("Figures of %s deleted"), words);
  toast_with_undo (self, message, undo_new (self, UNDO_FIGURES, copy), TRUE);
}

static void
record_payment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AccordHealthGroup *self = ACCORD_HEALTH_GROUP (widget);
  AccordLedgerSide side = ACCORD_LEDGER_OWED_TO_PARTNER;

  if (self->store == NULL || self->partner == NULL)
    return;
  /* Start on the side that has the most to settle. */
  if (self->has_results &&
      self->results.ledger[ACCORD_LEDGER_OWED_BY_PARTNER].balance_minor >
      self->results.ledger[ACCORD_LEDGER_OWED_TO_PARTNER].balance_minor)
    side = ACCORD_LEDGER_OWED_BY_PARTNER;
  open_dialog (self, accord_ledger_dialog_new (self->store, self->partner, side, self->currency));
}

static void
delete_payment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autofree char *shown = NULL;
  AccordHealthGroup *self = ACCORD_HEALTH_GROUP (widget);
  const AccordLedgerEntry *entry = find_entry (self, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *amount = NULL;
  AccordLedgerEntry *copy;

  if (entry == NULL)
    return;
  copy = accord_ledger_entry_copy (entry);
  if (!accord_store_delete_ledger_entry (self->store, entry->id, &error))
    {
      accord_ledger_entry_free (copy);
      accord_work_toast (widget, plain_toast (error->message));
      return;
    }
  amount = money (self, copy->amount_minor);
  /* Translators: a payment's amount and date. */
  shown = accord_format_date_display (copy->date);
  message = g_strdup_printf (_("Payment of %s on %s deleted"), amount, shown);
  toast_with_undo (self, message, undo_new (self, UNDO_PAYMENT, copy), TRUE);
}

static void
apply_tier_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AccordHealthGroup *self = ACCORD_HEALTH_GROUP (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AccordTier before, suggested;
  Undo *undo;

  if (self->store == NULL || self->partner == NULL || !self->has_results)
    return;
  before = accord_partner_get_tier (self->partner);
  suggested = self->results.suggested_tier;
  if (before == suggested)
    return;
  if (!accord_store_set_partner_field (self->store, self->partner, ACCORD_PARTNER_FIELD_TIER,
                                       accord_tier_to_key (suggested), &error))
    {
      accord_work_toast (widget, plain_toast (error->message));
      return;
    }
  undo = undo_new (self, UNDO_TIER, NULL);
  undo->tier = before;
  /* Translators: %s is a programme tier ("Certified"). */
  message = g_strdup_printf (_("Tier set to %s"), accord_tier_get_label (suggested));
  toast_with_undo (self, message, undo, FALSE);
}

/* ---- GObject ---- */

static void
disconnect_store (AccordHealthGroup *self)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
}

static void
accord_health_group_dispose (GObject *object)
{
  AccordHealthGroup *self = ACCORD_HEALTH_GROUP (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  disconnect_store (self);
  g_clear_object (&self->store);
  g_clear_object (&self->partner);
  g_clear_pointer (&self->reviews, g_ptr_array_unref);
  g_clear_pointer (&self->referrals, g_ptr_array_unref);
  g_clear_pointer (&self->figures, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_HEALTH_GROUP);

  G_OBJECT_CLASS (accord_health_group_parent_class)->dispose (object);
}

static void
accord_health_group_finalize (GObject *object)
{
  AccordHealthGroup *self = ACCORD_HEALTH_GROUP (object);

  g_free (self->currency);
  g_ptr_array_unref (self->reason_rows);
  g_ptr_array_unref (self->review_rows);
  g_ptr_array_unref (self->referral_rows);
  g_ptr_array_unref (self->figure_rows);
  g_ptr_array_unref (self->payment_rows);

  G_OBJECT_CLASS (accord_health_group_parent_class)->finalize (object);
}

static void
accord_health_group_class_init (AccordHealthGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_health_group_dispose;
  object_class->finalize = accord_health_group_finalize;

  accord_form_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accordhq/Accord/ui/"
                                               "accord-health-group.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordHealthGroup, score_row);
  gtk_widget_class_bind_template_child (widget_class, AccordHealthGroup, score_label);
  gtk_widget_class_bind_template_child (widget_class, AccordHealthGroup, band_label);
  gtk_widget_class_bind_template_child (widget_class, AccordHealthGroup, tier_row);
  gtk_widget_class_bind_template_child (widget_class, AccordHealthGroup, apply_tier_button);
  gtk_widget_class_bind_template_child (widget_class, AccordHealthGroup, reviews_group);
  gtk_widget_class_bind_template_child (widget_class, AccordHealthGroup, reviews_empty);
  gtk_widget_class_bind_template_child (widget_class, AccordHealthGroup, reviews_expander);
  gtk_widget_class_bind_template_child (widget_class, AccordHealthGroup, referrals_group);
  gtk_widget_class_bind_template_child (widget_class, AccordHealthGroup, referrals_empty);
  gtk_widget_class_bind_template_child (widget_class, AccordHealthGroup, referrals_expander);
  gtk_widget_class_bind_template_child (widget_class, AccordHealthGroup, figures_group);
  gtk_widget_class_bind_template_child (widget_class, AccordHealthGroup, figures_empty);
  gtk_widget_class_bind_template_child (widget_class, AccordHealthGroup, figures_expander);
  gtk_widget_class_bind_template_child (widget_class, AccordHealthGroup, ledger_group);
  gtk_widget_class_bind_template_child (widget_class, AccordHealthGroup, owed_to_row);
  gtk_widget_class_bind_template_child (widget_class, AccordHealthGroup, owed_to_label);
  gtk_widget_class_bind_template_child (widget_class, AccordHealthGroup, owed_by_row);
  gtk_widget_class_bind_template_child (widget_class, AccordHealthGroup, owed_by_label);
  gtk_widget_class_bind_template_child (widget_class, AccordHealthGroup, payments_expander);

  gtk_widget_class_install_action (widget_class, "health.record-review", NULL,
                                   record_review_action);
  gtk_widget_class_install_action (widget_class, "health.delete-review", "x",
                                   delete_review_action);
  gtk_widget_class_install_action (widget_class, "health.add-referral", NULL,
                                   add_referral_action);
  gtk_widget_class_install_action (widget_class, "health.edit-referral", "x",
                                   edit_referral_action);
  gtk_widget_class_install_action (widget_class, "health.referral-status", "(xi)",
                                   referral_status_action);
  gtk_widget_class_install_action (widget_class, "health.delete-referral", "x",
                                   delete_referral_action);
  gtk_widget_class_install_action (widget_class, "health.record-figures", NULL,
                                   record_figures_action);
  gtk_widget_class_install_action (widget_class, "health.edit-figures", "s",
                                   edit_figures_action);
  gtk_widget_class_install_action (widget_class, "health.delete-figures", "s",
                                   delete_figures_action);
  gtk_widget_class_install_action (widget_class, "health.record-payment", NULL,
                                   record_payment_action);
  gtk_widget_class_install_action (widget_class, "health.delete-payment", "x",
                                   delete_payment_action);
  gtk_widget_class_install_action (widget_class, "health.apply-tier", NULL, apply_tier_action);
}

static void
accord_health_group_init (AccordHealthGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The rows are removed by hand; they die with their lists. */
  self->reason_rows = g_ptr_array_new ();
  self->review_rows = g_ptr_array_new ();
  self->referral_rows = g_ptr_array_new ();
  self->figure_rows = g_ptr_array_new ();
  self->payment_rows = g_ptr_array_new ();
  refresh (self);
}

GtkWidget *
accord_health_group_new (void)
{
  return g_object_new (ACCORD_TYPE_HEALTH_GROUP, NULL);
}

void
accord_health_group_set_store (AccordHealthGroup *self,
                               AccordStore       *store)
{
  static const char *signals[] = {
    "results-changed", "agreements-changed", "work-changed", "partner-changed",
  };

  g_return_if_fail (ACCORD_IS_HEALTH_GROUP (self));
  g_return_if_fail (store == NULL || ACCORD_IS_STORE (store));

  if (self->store == store)
    return;
  disconnect_store (self);
  g_set_object (&self->store, store);
  if (store != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
      g_signal_connect (store, signals[i], G_CALLBACK (store_changed_cb), self);
  refresh (self);
}

void
accord_health_group_set_partner (AccordHealthGroup *self,
                                 AccordPartner     *partner)
{
  g_return_if_fail (ACCORD_IS_HEALTH_GROUP (self));
  g_return_if_fail (partner == NULL || ACCORD_IS_PARTNER (partner));

  if (g_set_object (&self->partner, partner))
    refresh (self);
}
