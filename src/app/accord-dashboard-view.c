/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-dashboard-view.h"

#include "accord-locale.h"
#include "accord-form.h"

#include "accord-dashboard.h"
#include "accord-portfolio-view.h"
#include "accord-store.h"

#include <glib/gi18n.h>

/* The dashboard: cards with the headline figures, then the top partners,
 * health alerts, the pipeline, the workflow metrics and the portfolio
 * chart. The figures come from accord_dashboard_compute_async() (a
 * worker thread, so ten thousand partners never freeze the window); the
 * widgets are rebuilt from each result. A change in the store refreshes
 * them after a short pause that gathers a burst of changes into one, and
 * only while the view is shown: hidden, it refreshes when shown again. */

#define REFRESH_DELAY_MS 300
#define MAX_ALERTS       8

struct _AccordDashboardView
{
  AdwBin parent_instance;

  AccordStore     *store;
  AccordDashboard *dashboard;
  GCancellable    *cancellable;
  guint            refresh_source;
  gboolean         computing;
  gboolean         again;    /* the store changed while computing */
  gboolean         stale;    /* the store changed while hidden */
  char            *top_page; /* the top partners list shown */

  GtkStack        *stack;
  AdwStatusPage   *empty_page;
  GtkBox          *content;
  GtkWidget       *portfolio;
};

G_DEFINE_FINAL_TYPE (AccordDashboardView, accord_dashboard_view, ADW_TYPE_BIN)

enum {
  SIGNAL_PARTNER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_compute (AccordDashboardView *self);

/* Small builders */

static GtkWidget *
label_new (const char *text,
           const char *css_class,
           gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (wrap)
    {
      /* A wrapping label asks for little width, so two cards fit side
       * by side on a wide window and one on a phone. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 20);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static char *
format_money (AccordDashboardView *self,
              gint64               amount_minor)
{
  return accord_format_money_display (amount_minor, self->dashboard->currency);
}

/* "March 2026" from "2026-03" ("%B %Y") or "Mar" ("%b"). */
static char *
format_month (const char *month,
              const char *format)
{
  g_autoptr(GDateTime) date = NULL;
  int year = (int) g_ascii_strtoll (month, NULL, 10);
  int number = (int) g_ascii_strtoll (month + 5, NULL, 10);

  date = g_date_time_new_utc (year, number, 1, 0, 0, 0);
  if (date == NULL)
    return g_strdup (month);
  return g_date_time_format (date, format);
}

/* Appends a line to a card, inside the card's frame. */
static GtkWidget *
card_add (GtkBox    *card,
          GtkWidget *widget)
{
  gtk_widget_set_margin_start (widget, 18);
  gtk_widget_set_margin_end (widget, 18);
  gtk_box_append (card, widget);
  return widget;
}

/* A card: a title, a big value, a line under it, and room for more. */
static GtkBox *
card_new (GtkFlowBox *cards,
          const char *title,
          const char *value,
          const char *caption)
{
  GtkBox *card = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 4));
  GtkWidget *child = gtk_flow_box_child_new ();
  GtkWidget *heading = label_new (title, "heading", TRUE);
  GtkWidget *value_label = label_new (value, "title-1", TRUE);

  gtk_widget_add_css_class (GTK_WIDGET (card), "card");
  gtk_widget_set_margin_top (heading, 16);
  card_add (card, heading);
  gtk_widget_add_css_class (value_label, "numeric");
  /* Large type: its own width, not 20 characters of it. */
  gtk_label_set_width_chars (GTK_LABEL (value_label), -1);
  gtk_widget_set_margin_top (value_label, 4);
  card_add (card, value_label);
  if (caption != NULL)
    card_add (card, label_new (caption, "dim-label", TRUE));

  /* The cards are read, not picked: no stop for the keyboard. */
  gtk_widget_set_focusable (child, FALSE);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), GTK_WIDGET (card));
  gtk_flow_box_append (cards, child);
  return card;
}

/* Ends a card with the room below its last line. */
static void
card_finish (GtkBox *card)
{
  gtk_widget_set_margin_bottom (gtk_widget_get_last_child (GTK_WIDGET (card)), 16);
}

static AdwPreferencesGroup *
group_new (AccordDashboardView *self,
           const char          *title,
           const char          *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->content, group);
  return ADW_PREFERENCES_GROUP (group);
}

/* A row with a plain (not markup) title; partner names are plain text. */
static AdwActionRow *
row_new (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return ADW_ACTION_ROW (row);
}

static GtkWidget *
value_label_new (const char *text,
                 gboolean    known)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  if (!known)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  /* A value in words ("Not enough data") is long in some languages: it
   * wraps rather than widen the row past a phone's width. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  return label;
}

static void
partner_row_activated_cb (AdwActionRow        *row,
                          AccordDashboardView *self)
{
  AccordPartner *partner = g_object_get_data (G_OBJECT (row), "partner");

  if (partner != NULL)
    g_signal_emit (self, signals[SIGNAL_PARTNER_ACTIVATED], 0, partner);
}

/* An activatable row that opens @partner; call add_arrow() after any
 * other suffix. */
static AdwActionRow *
partner_row_new (AccordDashboardView *self,
                 AccordPartner       *partner,
                 const char          *subtitle)
{
  AdwActionRow *row = row_new (accord_partner_get_name (partner), subtitle);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "partner", g_object_ref (partner), g_object_unref);
  g_signal_connect (row, "activated", G_CALLBACK (partner_row_activated_cb), self);
  return row;
}

static void
add_arrow (AdwActionRow *row)
{
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_widget_add_css_class (arrow, "dim-label");
  adw_action_row_add_suffix (row, arrow);
}

static GtkWidget *
boxed_list_new (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *label = label_new (text, "dim-label", TRUE);

  gtk_label_set_xalign (GTK_LABEL (label), 0.5);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  return label;
}

/* The sparkline: twelve bars, one a month, oldest first (mirrored for
 * right-to-left), the current month lighter as it is not over. Drawn in
 * the theme's accent colour; the same figures are in the list below. */

typedef struct
{
  gint64 values[ACCORD_DASHBOARD_MONTHS];
} Sparkline;

static void
sparkline_draw (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        data)
{
  const Sparkline *spark = data;
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (area));
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (area)) == GTK_TEXT_DIR_RTL;
  const double gap = 3.0;
  double bar;
  gint64 max = 0;
  GdkRGBA accent, fg;

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    accent = fg;
  for (guint m = 0; m < ACCORD_DASHBOARD_MONTHS; m++)
    max = MAX (max, spark->values[m]);

  bar = (width - gap * (ACCORD_DASHBOARD_MONTHS - 1)) / ACCORD_DASHBOARD_MONTHS;
  if (bar < 1.0)
    return;
  for (guint m = 0; m < ACCORD_DASHBOARD_MONTHS; m++)
    {
      guint slot = rtl ? ACCORD_DASHBOARD_MONTHS - 1 - m : m;
      double x = slot * (bar + gap);
      double h = max > 0 ? (double) spark->values[m] / (double) max * (height - 2) : 0.0;
      gboolean current = m == ACCORD_DASHBOARD_MONTHS - 1;

      if (spark->values[m] <= 0)
        {
          /* An empty month is a faint baseline, so the months still read. */
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.2);
          cairo_rectangle (cr, x, height - 2, bar, 2);
          cairo_fill (cr);
          continue;
        }
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue,
                             accent.alpha * (current ? 0.45 : 1.0));
      cairo_rectangle (cr, x, height - MAX (h, 2.0), bar, MAX (h, 2.0));
      cairo_fill (cr);
    }
}

static GtkWidget *
sparkline_new (AccordDashboardView *self)
{
  const AccordDashboard *d = self->dashboard;
  GtkWidget *area = gtk_drawing_area_new ();
  Sparkline *spark = g_new0 (Sparkline, 1);
  g_autofree char *highest_month = NULL;
  g_autofree char *highest_value = NULL;
  g_autofree char *description = NULL;
  guint highest = 0;

  memcpy (spark->values, d->revenue_minor, sizeof spark->values);
  for (guint m = 1; m < ACCORD_DASHBOARD_MONTHS; m++)
    if (d->revenue_minor[m] > d->revenue_minor[highest])
      highest = m;
  highest_month = format_month (d->months[highest], "%B %Y");
  highest_value = format_money (self, d->revenue_minor[highest]);
  /* TRANSLATORS: the sparkline's summary: "highest in March 2026: EUR 1,200.00" */
  description = g_strdup_printf (_("Revenue in each of the last 12 months; highest in %s: %s"),
                                 highest_month, highest_value);

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 40);
  gtk_widget_set_hexpand (area, TRUE);
  gtk_widget_set_margin_top (area, 8);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), sparkline_draw, spark, g_free);
  accord_form_set_tooltip (area, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Revenue by month"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  return area;
}

/* The cards */

static void
add_revenue_card (AccordDashboardView *self,
                  GtkFlowBox          *cards)
{
  const AccordDashboard *d = self->dashboard;
  const int now = ACCORD_DASHBOARD_MONTHS - 1;
  g_autofree char *value = NULL;
  g_autofree char *last = NULL;
  g_autofree char *change = NULL;
  g_autofree char *line = NULL;
  GtkBox *card;

  if (!d->has_results)
    {
      card = card_new (cards, _("Partner-Sourced Revenue"), _("No results yet"), NULL);
      card_add (card, label_new (_("Record referrals or monthly figures on a partner’s page "
                                   "to see revenue here."), "dim-label", TRUE));
      card_finish (card);
      return;
    }

  value = format_money (self, d->revenue_minor[now]);
  card = card_new (cards, _("Partner-Sourced Revenue"), value, _("This month so far"));
  card_add (card, sparkline_new (self));

  last = format_money (self, d->revenue_minor[now - 1]);
  change = accord_dashboard_describe_change (d->revenue_minor[now - 1], d->revenue_minor[now - 2],
                                             ACCORD_DASHBOARD_COMPARE_MONTH_BEFORE);
  if (change != NULL)
    /* TRANSLATORS: "Last month: EUR 5,100.00, up 12 % from the month before" */
    line = g_strdup_printf (_("Last month: %s, %s"), last, change);
  else
    line = g_strdup_printf (_("Last month: %s"), last);
  card_add (card, label_new (line, NULL, TRUE));
  if (d->mixed_currencies)
    card_add (card, label_new (_("Agreements use more than one currency: amounts are added as "
                                 "they are."), "dim-label", TRUE));
  card_finish (card);
}

static void
add_active_card (AccordDashboardView *self,
                 GtkFlowBox          *cards)
{
  const AccordDashboard *d = self->dashboard;
  g_autofree char *value = g_strdup_printf ("%u", d->active_now);
  g_autofree char *change = NULL;
  g_autofree char *started = NULL;
  g_autofree char *ended = NULL;
  GtkBox *card;

  card = card_new (cards, _("Active Partners"), value,
                   _("Launching, growing, optimizing or renewing"));
  if (d->active_now > d->active_last_month)
    change = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u more than at the end of last month",
                                           "%u more than at the end of last month",
                                           d->active_now - d->active_last_month),
                              d->active_now - d->active_last_month);
  else if (d->active_now < d->active_last_month)
    change = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u fewer than at the end of last month",
                                           "%u fewer than at the end of last month",
                                           d->active_last_month - d->active_now),
                              d->active_last_month - d->active_now);
  else
    change = g_strdup (_("As many as at the end of last month"));
  card_add (card, label_new (change, NULL, TRUE));
  /* TRANSLATORS: partnerships that started: "New: 2 this month, 1 last month" */
  started = g_strdup_printf (_("New: %u this month, %u last month"),
                             d->new_this_month, d->new_last_month);
  /* TRANSLATORS: partnerships that ended: "Ended: 0 this month, 1 last month" */
  ended = g_strdup_printf (_("Ended: %u this month, %u last month"),
                           d->ended_this_month, d->ended_last_month);
  gtk_widget_set_margin_top (card_add (card, label_new (started, "dim-label", TRUE)), 6);
  card_add (card, label_new (ended, "dim-label", TRUE));
  card_finish (card);
}

static void
add_pipeline_card (AccordDashboardView *self,
                   GtkFlowBox          *cards)
{
  const AccordDashboard *d = self->dashboard;
  g_autofree char *value = g_strdup_printf ("%u", d->in_discussion);
  g_autofree char *closing = NULL;
  GtkBox *card;

  card = card_new (cards, _("In Discussion"), value, _("In outreach or negotiating"));
  closing = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u expected to close: negotiating, with an agreement "
                                          "in negotiation or legal review",
                                          "%u expected to close: negotiating, with an agreement "
                                          "in negotiation or legal review",
                                          d->expected_to_close),
                             d->expected_to_close);
  card_add (card, label_new (closing, NULL, TRUE));
  card_finish (card);
}

static void
add_commission_card (AccordDashboardView *self,
                     GtkFlowBox          *cards)
{
  const AccordDashboard *d = self->dashboard;
  g_autofree char *to = format_money (self, d->owed_to_partners_minor);
  g_autofree char *by = format_money (self, d->owed_by_partners_minor);
  g_autofree char *to_line = NULL;
  g_autofree char *by_line = NULL;
  GtkBox *card;

  card = card_new (cards, _("Commission We Owe"), to, NULL);
  if (d->n_owed_to > 0)
    to_line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "To %u partner",
                                            "To %u partners", d->n_owed_to),
                               d->n_owed_to);
  else
    to_line = g_strdup (_("Nothing is owed to partners"));
  card_add (card, label_new (to_line, "dim-label", TRUE));
  if (d->n_owed_by > 0)
    /* TRANSLATORS: "Partners owe us EUR 120.00 (2 partners)" */
    by_line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Partners owe us %s (%u partner)",
                                            "Partners owe us %s (%u partners)", d->n_owed_by),
                               by, d->n_owed_by);
  else
    by_line = g_strdup (_("Partners owe us nothing"));
  gtk_widget_set_margin_top (card_add (card, label_new (by_line, NULL, TRUE)), 6);
  card_add (card, label_new (_("Commission earned under the agreements, less what was paid"),
                             "dim-label", TRUE));
  card_finish (card);
}

static void
add_cards (AccordDashboardView *self)
{
  GtkWidget *cards = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (cards), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (cards), FALSE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (cards), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (cards), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (cards), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (cards), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cards),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Key figures"), -1);
  add_revenue_card (self, GTK_FLOW_BOX (cards));
  add_active_card (self, GTK_FLOW_BOX (cards));
  add_pipeline_card (self, GTK_FLOW_BOX (cards));
  add_commission_card (self, GTK_FLOW_BOX (cards));
  gtk_box_append (self->content, cards);
}

/* Revenue month by month: the sparkline's figures as a list. */
static void
add_months (AccordDashboardView *self)
{
  const AccordDashboard *d = self->dashboard;
  AdwPreferencesGroup *group;
  GtkWidget *expander;

  if (!d->has_results)
    return;
  group = group_new (self, _("Revenue by Month"), NULL);
  expander = adw_expander_row_new ();
  accord_form_label_expander_row (ADW_EXPANDER_ROW (expander));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("The last 12 months"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                 _("Monthly figures where partners reported them, else converted "
                                   "referrals"));
  for (guint i = ACCORD_DASHBOARD_MONTHS; i-- > 0;)
    {
      g_autofree char *month = format_month (d->months[i], "%B %Y");
      g_autofree char *value = format_money (self, d->revenue_minor[i]);
      g_autofree char *referrals = NULL;
      g_autofree char *title = NULL;
      AdwActionRow *row;

      referrals = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u referral", "%u referrals",
                                                (guint) d->referrals[i]),
                                   (guint) d->referrals[i]);
      if (i == ACCORD_DASHBOARD_MONTHS - 1)
        /* TRANSLATORS: the current month: "March 2026 (so far)" */
        title = g_strdup_printf (_("%s (so far)"), month);
      row = row_new (title != NULL ? title : month, referrals);
      adw_action_row_add_suffix (row, value_label_new (value, d->revenue_minor[i] > 0));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), GTK_WIDGET (row));
    }
  adw_preferences_group_add (group, expander);
}

/* Top partners: three lists behind a switcher. */

static void
top_button_toggled_cb (GtkToggleButton     *button,
                       AccordDashboardView *self)
{
  GtkStack *stack = g_object_get_data (G_OBJECT (button), "stack");
  const char *name = g_object_get_data (G_OBJECT (button), "page");

  if (!gtk_toggle_button_get_active (button))
    return;
  gtk_stack_set_visible_child_name (stack, name);
  g_free (self->top_page);
  self->top_page = g_strdup (name);
}

static GtkWidget *
top_list_new (AccordDashboardView    *self,
              AccordDashboardRanking  ranking)
{
  static const char *empty[] = {
    [ACCORD_DASHBOARD_BY_REVENUE] = N_("No partner has brought revenue in the last 12 months yet."),
    [ACCORD_DASHBOARD_BY_REFERRALS] =
      N_("No partner has sent a referral in the last 12 months yet."),
    [ACCORD_DASHBOARD_BY_GROWTH] = N_("No partner grew its revenue over the last 3 full months."),
  };
  GPtrArray *top = self->dashboard->top[ranking];
  GtkWidget *list = boxed_list_new ();

  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder_new (_(empty[ranking])));
  for (guint i = 0; i < top->len; i++)
    {
      const AccordDashboardRank *rank = top->pdata[i];
      g_autofree char *subtitle = NULL;
      g_autofree char *place = g_strdup_printf ("%u", i + 1);
      AdwActionRow *row;
      GtkWidget *number;

      if (ranking == ACCORD_DASHBOARD_BY_REVENUE)
        subtitle = format_money (self, rank->value);
      else if (ranking == ACCORD_DASHBOARD_BY_REFERRALS)
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u referral", "%u referrals",
                                                 (guint) rank->value),
                                    (guint) rank->value);
      else
        {
          g_autofree char *change = NULL;
          g_autofree char *recent = format_money (self, rank->value);
          g_autofree char *previous = format_money (self, rank->previous);

          change = accord_dashboard_describe_change (rank->value, rank->previous,
                                                     ACCORD_DASHBOARD_COMPARE_PLAIN);

          /* TRANSLATORS: "up 40 %: EUR 1,400.00 against EUR 1,000.00" */
          subtitle = g_strdup_printf (_("%s: %s against %s"), change, recent, previous);
        }
      row = partner_row_new (self, rank->partner, subtitle);
      number = gtk_label_new (place);
      gtk_widget_add_css_class (number, "dim-label");
      gtk_widget_add_css_class (number, "numeric");
      gtk_label_set_width_chars (GTK_LABEL (number), 2);
      adw_action_row_add_prefix (row, number);
      add_arrow (row);
      gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
    }
  return list;
}

static void
add_top_partners (AccordDashboardView *self)
{
  static const struct { const char *name; const char *title; } pages[] = {
    [ACCORD_DASHBOARD_BY_REVENUE] = { "revenue", N_("Revenue") },
    [ACCORD_DASHBOARD_BY_REFERRALS] = { "referrals", N_("Referrals") },
    [ACCORD_DASHBOARD_BY_GROWTH] = { "growth", N_("Growth") },
  };
  AdwPreferencesGroup *group;
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *switcher = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkToggleButton *first = NULL;

  group = group_new (self, _("Top Partners"),
                     _("Revenue and referrals over the last 12 months; growth compares the last "
                       "3 full months with the 3 before them"));
  gtk_stack_set_vhomogeneous (GTK_STACK (stack), FALSE);
  gtk_stack_set_transition_type (GTK_STACK (stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  /* Linked toggle buttons rather than a GtkStackSwitcher, whose wide
   * buttons would not fit a phone. */
  for (guint k = 0; k < ACCORD_DASHBOARD_N_RANKINGS; k++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *label = gtk_label_new (_(pages[k].title));

      /* Some languages' words are long: on a phone they shorten instead of
       * widening the window. The accessible name stays the whole word. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_button_set_child (GTK_BUTTON (button), label);
      accord_form_set_tooltip (button, _(pages[k].title));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(pages[k].title), -1);

      gtk_stack_add_named (GTK_STACK (stack), top_list_new (self, k), pages[k].name);
      g_object_set_data (G_OBJECT (button), "stack", stack);
      g_object_set_data (G_OBJECT (button), "page", (gpointer) pages[k].name);
      if (first == NULL)
        first = GTK_TOGGLE_BUTTON (button);
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                    self->top_page != NULL
                                    ? g_strcmp0 (self->top_page, pages[k].name) == 0 : k == 0);
      g_signal_connect (button, "toggled", G_CALLBACK (top_button_toggled_cb), self);
      gtk_box_append (GTK_BOX (switcher), button);
    }
  gtk_stack_set_visible_child_name (GTK_STACK (stack),
                                    self->top_page != NULL ? self->top_page : pages[0].name);

  gtk_widget_add_css_class (switcher, "linked");
  gtk_widget_set_halign (switcher, GTK_ALIGN_START);
  gtk_widget_set_margin_bottom (switcher, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (switcher),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Rank top partners by"), -1);
  adw_preferences_group_add (group, switcher);
  adw_preferences_group_add (group, stack);
}

static void
add_health_alerts (AccordDashboardView *self)
{
  static const char *band_classes[] = { "success", "warning", "error" };
  const AccordDashboard *d = self->dashboard;
  g_autofree char *description = NULL;
  AdwPreferencesGroup *group;
  GtkWidget *list;

  G_STATIC_ASSERT (G_N_ELEMENTS (band_classes) == ACCORD_N_HEALTH_BANDS);

  if (d->alerts->len > 0)
    /* TRANSLATORS: "1 at risk, 2 to watch" */
    description = g_strdup_printf (_("Live partnerships that need attention, worst first: "
                                     "%u at risk, %u to watch"), d->n_at_risk, d->n_watch);
  group = group_new (self, _("Health Alerts"),
                     description != NULL ? description
                     : _("Live partnerships that need attention, worst first"));
  list = boxed_list_new ();
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list),
                                placeholder_new (d->active_now == 0
                                                 ? _("No live partnerships yet.")
                                                 : _("Every live partnership is healthy.")));
  for (guint i = 0; i < d->alerts->len && i < MAX_ALERTS; i++)
    {
      const AccordDashboardAlert *alert = d->alerts->pdata[i];
      g_autofree char *reason = accord_health_reason_explain (&alert->reason);
      g_autofree char *subtitle = NULL;
      AdwActionRow *row;
      GtkWidget *badge = gtk_label_new (accord_health_band_label (alert->band));

      /* TRANSLATORS: a health alert: "Health 35 of 100. Red flags take 20 points" */
      subtitle = g_strdup_printf (_("Health %d of 100. %s"), alert->score, reason);
      row = partner_row_new (self, alert->partner, subtitle);

      gtk_widget_add_css_class (badge, "health-badge");
      gtk_widget_add_css_class (badge, band_classes[alert->band]);
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (row, badge);
      add_arrow (row);
      gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
    }
  if (d->alerts->len > MAX_ALERTS)
    {
      guint more = d->alerts->len - MAX_ALERTS;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "And %u more partner: see the "
                                                            "board or the list",
                                                            "And %u more partners: see the "
                                                            "board or the list", more),
                                               more);
      GtkWidget *label = placeholder_new (text);

      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 0);
      adw_preferences_group_add (group, list);
      adw_preferences_group_add (group, label);
      return;
    }
  adw_preferences_group_add (group, list);
}

static void
add_pipeline (AccordDashboardView *self)
{
  static const AccordStage order[] = {
    ACCORD_STAGE_IDENTIFIED, ACCORD_STAGE_OUTREACH, ACCORD_STAGE_NEGOTIATING,
    ACCORD_STAGE_LAUNCHING, ACCORD_STAGE_GROWING, ACCORD_STAGE_OPTIMIZING,
    ACCORD_STAGE_RENEWING, ACCORD_STAGE_ON_HOLD, ACCORD_STAGE_ENDED,
  };
  const AccordDashboard *d = self->dashboard;
  AdwPreferencesGroup *group;
  GtkWidget *list = boxed_list_new ();
  guint max = 1;

  G_STATIC_ASSERT (G_N_ELEMENTS (order) == ACCORD_N_STAGES);

  group = group_new (self, _("Pipeline"), _("Partners in each stage"));
  for (guint i = 0; i < ACCORD_N_STAGES; i++)
    max = MAX (max, d->by_stage[i]);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      guint count = d->by_stage[order[i]];
      g_autofree char *text = g_strdup_printf ("%u", count);
      AdwActionRow *row = row_new (accord_stage_get_label (order[i]), NULL);
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, max);
      GtkWidget *number = value_label_new (text, count > 0);

      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), count);
      /* Plain bars: no low/high colours, it is a count, not a gauge. */
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_widget_set_size_request (bar, 96, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accord_stage_get_label (order[i]), -1);
      gtk_label_set_width_chars (GTK_LABEL (number), 4);
      adw_action_row_add_suffix (row, bar);
      adw_action_row_add_suffix (row, number);
      gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
    }
  adw_preferences_group_add (group, list);
}

static void
add_workflow (AccordDashboardView *self)
{
  const AccordDashboard *d = self->dashboard;
  AdwPreferencesGroup *group;
  GtkWidget *list = boxed_list_new ();
  g_autofree char *tracking = accord_dashboard_format_tracking (d);
  AdwActionRow *row;

  group = group_new (self, _("Workflow"),
                     _("How fast partnerships move, as the middle value (median) over the whole "
                       "workspace"));
  for (guint k = 0; k < ACCORD_DASHBOARD_N_MEDIANS; k++)
    {
      g_autofree char *value = accord_dashboard_format_median (&d->medians[k]);

      row = row_new (accord_dashboard_median_title (k), accord_dashboard_median_explain (k));
      adw_action_row_add_suffix (row, value_label_new (value, d->medians[k].n > 0));
      gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
    }
  row = row_new (_("Launches with tracking checked"),
                 _("Launches whose “Tracking checked before go-live” step is done, of those "
                   "already launched"));
  adw_action_row_add_suffix (row, value_label_new (tracking, d->launches_past > 0));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
  adw_preferences_group_add (group, list);
}

/* The portfolio chart: it follows the store on its own and lives across
 * refreshes; its partners open as the rest of the dashboard's do. */
static void
portfolio_activated_cb (AccordPortfolioView *portfolio,
                        AccordPartner       *partner,
                        AccordDashboardView *self)
{
  g_signal_emit (self, signals[SIGNAL_PARTNER_ACTIVATED], 0, partner);
}

/* Rebuilding */

static void
clear_content (AccordDashboardView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
}

static void
show_dashboard (AccordDashboardView *self)
{
  const AccordDashboard *d = self->dashboard;

  clear_content (self);
  if (d == NULL || d->n_partners == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Partners Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add partners and record their results: revenue, the "
                                         "pipeline, health alerts and how fast partnerships "
                                         "move will show here."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  add_cards (self);
  add_months (self);
  add_top_partners (self);
  add_health_alerts (self);
  add_pipeline (self);
  add_workflow (self);
  gtk_stack_set_visible_child_name (self->stack, "dashboard");
}

static void
compute_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  AccordDashboard *dashboard;
  AccordDashboardView *self;

  dashboard = accord_dashboard_compute_finish (ACCORD_STORE (source), result, &error);
  /* Cancelled: the view is gone, or has another store; do not touch it. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = ACCORD_DASHBOARD_VIEW (user_data);
  self->computing = FALSE;
  if (dashboard == NULL)
    {
      g_warning ("Could not compute the dashboard: %s", error->message);
      if (self->dashboard == NULL)
        {
          adw_status_page_set_title (self->empty_page, _("Could Not Read the Figures"));
          adw_status_page_set_description (self->empty_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "empty");
        }
    }
  else
    {
      g_clear_pointer (&self->dashboard, accord_dashboard_free);
      self->dashboard = dashboard;
      show_dashboard (self);
    }
  if (self->again)
    start_compute (self);
}

static void
start_compute (AccordDashboardView *self)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->store == NULL)
    {
      g_clear_pointer (&self->dashboard, accord_dashboard_free);
      show_dashboard (self);
      return;
    }
  if (self->computing)
    {
      self->again = TRUE;
      return;
    }
  self->computing = TRUE;
  self->again = FALSE;
  self->stale = FALSE;
  if (self->dashboard == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  accord_dashboard_compute_async (self->store, self->cancellable, compute_done_cb, self);
}

static gboolean
refresh_timeout_cb (gpointer data)
{
  AccordDashboardView *self = data;

  self->refresh_source = 0;
  start_compute (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (AccordDashboardView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
}

static void
disconnect_store (AccordDashboardView *self)
{
  if (self->store == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->store, self);
  g_signal_handlers_disconnect_by_data (accord_store_get_partners (self->store), self);
}

static void
accord_dashboard_view_map (GtkWidget *widget)
{
  AccordDashboardView *self = ACCORD_DASHBOARD_VIEW (widget);

  GTK_WIDGET_CLASS (accord_dashboard_view_parent_class)->map (widget);
  /* A change while hidden, or a new day, since the figures were made. */
  if (self->stale || self->dashboard == NULL ||
      (self->store != NULL &&
       g_strcmp0 (self->dashboard->today, accord_store_get_today (self->store)) != 0))
    start_compute (self);
}

static void
accord_dashboard_view_unmap (GtkWidget *widget)
{
  AccordDashboardView *self = ACCORD_DASHBOARD_VIEW (widget);

  if (self->refresh_source != 0)
    {
      g_clear_handle_id (&self->refresh_source, g_source_remove);
      self->stale = TRUE;
    }
  GTK_WIDGET_CLASS (accord_dashboard_view_parent_class)->unmap (widget);
}

static void
accord_dashboard_view_dispose (GObject *object)
{
  AccordDashboardView *self = ACCORD_DASHBOARD_VIEW (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  disconnect_store (self);
  g_clear_object (&self->store);
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->portfolio = NULL;

  G_OBJECT_CLASS (accord_dashboard_view_parent_class)->dispose (object);
}

static void
accord_dashboard_view_finalize (GObject *object)
{
  AccordDashboardView *self = ACCORD_DASHBOARD_VIEW (object);

  g_clear_pointer (&self->dashboard, accord_dashboard_free);
  g_free (self->top_page);

  G_OBJECT_CLASS (accord_dashboard_view_parent_class)->finalize (object);
}

static void
accord_dashboard_view_class_init (AccordDashboardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_dashboard_view_dispose;
  object_class->finalize = accord_dashboard_view_finalize;
  widget_class->map = accord_dashboard_view_map;
  widget_class->unmap = accord_dashboard_view_unmap;

  signals[SIGNAL_PARTNER_ACTIVATED] = g_signal_new ("partner-activated", G_TYPE_FROM_CLASS (klass),
                                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                    G_TYPE_NONE, 1, ACCORD_TYPE_PARTNER);
}

static void
accord_dashboard_view_init (AccordDashboardView *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *portfolio_scroller;

  self->cancellable = g_cancellable_new ();
  self->stack = GTK_STACK (gtk_stack_new ());
  self->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));

  /* The empty and problem states. */
  self->empty_page = ADW_STATUS_PAGE (empty);
  adw_status_page_set_icon_name (self->empty_page, "view-grid-symbolic");
  gtk_stack_add_named (self->stack, empty, "empty");

  /* The first figures are on their way. */
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Computing the figures"), -1);
  gtk_stack_add_named (self->stack, spinner, "loading");

  /* The figures, clamped to a readable width, and the chart below. */
  gtk_widget_set_margin_top (outer, 24);
  gtk_widget_set_margin_bottom (outer, 24);
  gtk_widget_set_margin_start (outer, 12);
  gtk_widget_set_margin_end (outer, 12);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->content));
  self->portfolio = accord_portfolio_view_new ();
  g_signal_connect (self->portfolio, "partner-activated", G_CALLBACK (portfolio_activated_cb),
                    self);
  /* Its table of counts asks for more width than a phone has: it
   * scrolls sideways there rather than widen the whole dashboard. */
  portfolio_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (portfolio_scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (portfolio_scroller),
                                                    TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (portfolio_scroller), self->portfolio);
  gtk_box_append (GTK_BOX (outer), portfolio_scroller);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 700);
  adw_clamp_set_child (ADW_CLAMP (clamp), outer);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (self->stack, scrolled, "dashboard");

  gtk_stack_set_visible_child_name (self->stack, "loading");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}

GtkWidget *
accord_dashboard_view_new (void)
{
  return g_object_new (ACCORD_TYPE_DASHBOARD_VIEW, NULL);
}

void
accord_dashboard_view_set_store (AccordDashboardView *self,
                                 AccordStore         *store)
{
  g_return_if_fail (ACCORD_IS_DASHBOARD_VIEW (self));
  g_return_if_fail (store == NULL || ACCORD_IS_STORE (store));

  if (self->store == store)
    return;

  /* A computation for the old store is dropped unseen. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->computing = FALSE;
  self->again = FALSE;
  g_clear_pointer (&self->dashboard, accord_dashboard_free);

  disconnect_store (self);
  g_set_object (&self->store, store);
  if (self->portfolio != NULL)
    accord_portfolio_view_set_store (ACCORD_PORTFOLIO_VIEW (self->portfolio), store);
  if (store != NULL)
    {
      g_signal_connect_swapped (store, "partner-changed", G_CALLBACK (store_changed_cb), self);
      g_signal_connect_swapped (store, "results-changed", G_CALLBACK (store_changed_cb), self);
      g_signal_connect_swapped (store, "agreements-changed", G_CALLBACK (store_changed_cb), self);
      g_signal_connect_swapped (store, "work-changed", G_CALLBACK (store_changed_cb), self);
      /* Adding, trashing or restoring partners. */
      g_signal_connect_swapped (accord_store_get_partners (store), "items-changed",
                                G_CALLBACK (store_changed_cb), self);
    }

  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || store == NULL)
    start_compute (self);
  else
    self->stale = TRUE;
}
