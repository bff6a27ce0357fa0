/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "accord-agreement-dialog.h"
#include "accord-agreement-summary.h"
#include "accord-agreements-view.h"
#include "test-app-helpers.h"

#include <string.h>

/* Every date in these tests is computed from this day. */
#define TODAY "2026-11-01"

typedef struct
{
  char *path;
  AccordStore *store;
  AccordPartner *partner;
} Fixture;

static AccordPartner *
add_partner (AccordStore *store,
             const char  *name)
{
  g_autoptr(GError) error = NULL;
  AccordPartner *partner = accord_partner_new (name);

  g_assert_true (accord_store_add_partner (store, partner, NULL, &error));
  g_assert_no_error (error);
  return partner;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = test_store_new (&f->path);
  accord_store_set_today (f->store, TODAY);
  f->partner = add_partner (f->store, "Northwind Analytics");
}

static void
destroy_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i - 1);

      if (ACCORD_IS_AGREEMENT_DIALOG (window))
        gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  destroy_dialogs ();
  g_clear_object (&f->partner);
  g_assert_finalize_object (f->store);
  g_free (f->path);
}

static GPtrArray *
stored (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = accord_store_list_agreements (f->store, f->partner, &error);

  g_assert_no_error (error);
  return list;
}

static AccordAgreement *
active_agreement (gint64      partner_id,
                  const char *start,
                  int         term_months,
                  int         notice_days)
{
  AccordAgreement *a = accord_agreement_new (partner_id);

  g_free (a->title);
  a->title = g_strdup ("Reseller agreement");
  a->status = ACCORD_AGREEMENT_ACTIVE;
  a->start = g_strdup (start);
  a->term_months = term_months;
  a->notice_days = notice_days;
  return a;
}

static void
save (AccordStore     *store,
      AccordAgreement *a)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_store_save_agreement (store, a, &error));
  g_assert_no_error (error);
}

/* The first row on screen under @root whose title is @title. */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child))
        continue;
      if (ADW_IS_PREFERENCES_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      if ((found = find_row (child, title)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_of_type (GtkWidget *root,
              GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_of_type (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

static const char *
description_of (GtkWidget *group)
{
  const char *text = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group));

  return text != NULL ? text : "";
}

static const char *
subtitle_of (GtkWidget *row)
{
  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static void
type (AccordAgreementDialog *dialog,
      const char            *row,
      const char            *text)
{
  gtk_editable_set_text (TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG, row), text);
}

static void
choose (AccordAgreementDialog *dialog,
        const char            *row,
        guint                  value)
{
  adw_combo_row_set_selected (TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG, row), value);
}

static AccordAgreementDialog *
open_dialog (Fixture               *f,
             const AccordAgreement *agreement)
{
  GtkWidget *dialog = accord_agreement_dialog_new (NULL, f->store, f->partner, agreement);

  gtk_window_present (GTK_WINDOW (dialog));
  return ACCORD_AGREEMENT_DIALOG (dialog);
}

/* The form: derived values follow what is typed. */
static void
test_form_derived (Fixture       *f,
                   gconstpointer  data)
{
  AccordAgreementDialog *dialog = open_dialog (f, NULL);
  GtkWidget *warnings = TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG, "warnings_group");
  GtkWidget *deadline = TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG, "deadline_row");
  GtkWidget *end = TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG, "end_row");
  GtkWidget *renewal = TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG, "next_renewal_row");
  GtkWidget *review = TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG, "next_review_row");

  /* A new agreement gets a title to start from. */
  g_assert_cmpstr (gtk_editable_get_text (TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG,
                                                          "title_row")),
                   ==, "Agreement with Northwind Analytics");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "New Agreement");

  g_assert_cmpstr (subtitle_of (deadline), ==, "Needs a start date and a term");
  g_assert_true (gtk_widget_get_visible (warnings));
  g_assert_nonnull (find_row (warnings, "No term"));

  type (dialog, "start_row", "2026-01-01");
  type (dialog, "term_row", "12");
  g_assert_cmpstr (subtitle_of (end), ==, "31 Dec 2026, in 60 days");
  /* Notice unset counts as no notice: the deadline is the last day. */
  g_assert_cmpstr (subtitle_of (deadline), ==, "31 Dec 2026, in 60 days");
  type (dialog, "notice_row", "30");
  g_assert_cmpstr (subtitle_of (deadline), ==, "1 Dec 2026, in 30 days");
  g_assert_null (find_row (warnings, "No term"));
  g_assert_nonnull (find_row (warnings, "No termination clause"));
  g_assert_nonnull (find_row (warnings, "No KPI"));
  /* Each warning explains itself. */
  g_assert_cmpstr (subtitle_of (find_row (warnings, "No KPI")), ==,
                   accord_agreement_warning_explain (ACCORD_AGREEMENT_WARN_NO_KPI));

  /* Automatic renewal rolls on: the next renewal and the review follow. */
  g_assert_cmpstr (subtitle_of (renewal), ==, "None: it renews only if both sides agree");
  choose (dialog, "renewal_row", ACCORD_RENEWAL_AUTOMATIC);
  g_assert_cmpstr (subtitle_of (renewal), ==, "1 Jan 2027, in 61 days");
  choose (dialog, "cadence_row", ACCORD_CADENCE_QUARTERLY);
  g_assert_cmpstr (subtitle_of (review), ==, "1 Jan 2027, in 61 days");

  type (dialog, "termination_row", "60");
  g_assert_null (find_row (warnings, "No termination clause"));
  g_assert_true (gtk_widget_get_visible (warnings));

  /* Exclusivity before any results is flagged as soon as it is chosen. */
  g_assert_null (find_row (warnings, "Exclusivity granted early"));
  choose (dialog, "exclusivity_row", ACCORD_EXCLUSIVITY_GEOGRAPHIC);
  g_assert_nonnull (find_row (warnings, "Exclusivity granted early"));
  g_assert_true (gtk_widget_get_visible (TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG,
                                                         "scope_row")));
  g_assert_cmpstr (adw_preferences_row_get_title (TEMPLATE_CHILD (dialog,
                                                                  ACCORD_TYPE_AGREEMENT_DIALOG,
                                                                  "scope_row")),
                   ==, "Which regions");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Bad input: an inline message, the text kept, the dialog open. */
static void
test_form_bad_input (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) after = NULL;
  AccordAgreementDialog *dialog = open_dialog (f, NULL);
  GtkWidget *percent = TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG, "percent_row");
  GtkWidget *start = TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG, "start_row");
  GtkWidget *revenue_error = TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG, "revenue_error");
  GtkWidget *term_error = TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG, "term_error");
  GtkWidget *banner = TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG, "banner_revealer");

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  /* The percent row only shows for a revenue share. */
  g_assert_false (gtk_widget_get_visible (percent));
  choose (dialog, "model_row", ACCORD_REVENUE_SHARE);
  g_assert_true (gtk_widget_get_visible (percent));

  type (dialog, "start_row", "2026-02-30");
  type (dialog, "term_row", "12");
  type (dialog, "percent_row", "150");
  type (dialog, "share_months_row", "12");
  g_assert_false (gtk_widget_get_visible (revenue_error));

  g_assert_false (accord_agreement_dialog_save (dialog));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_true (gtk_widget_get_visible (revenue_error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (revenue_error)), "above 100"));
  g_assert_true (gtk_widget_has_css_class (percent, "error"));
  g_assert_true (gtk_widget_get_visible (term_error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (term_error)), "2026-02-30"));
  g_assert_true (gtk_widget_has_css_class (start, "error"));
  gtk_test_accessible_assert_state (percent, GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  /* What was typed stays. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (percent)), ==, "150");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start)), ==, "2026-02-30");
  after = stored (f);
  g_assert_cmpuint (after->len, ==, 0);

  /* Fixing a field clears its message as you type. */
  type (dialog, "percent_row", "12.5");
  g_assert_false (gtk_widget_get_visible (revenue_error));
  g_assert_false (gtk_widget_has_css_class (percent, "error"));
  g_assert_true (gtk_widget_get_visible (term_error));
  type (dialog, "start_row", "2026-02-28");
  g_assert_false (gtk_widget_get_visible (term_error));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  /* An end before the start is refused next to the end date. */
  choose (dialog, "status_row", ACCORD_AGREEMENT_TERMINATED);
  type (dialog, "ended_row", "2026-01-15");
  g_assert_false (accord_agreement_dialog_save (dialog));
  g_assert_true (gtk_widget_has_css_class (TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG,
                                                           "ended_row"), "error"));
  g_assert_true (gtk_widget_get_visible (TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG,
                                                         "general_error")));
  choose (dialog, "status_row", ACCORD_AGREEMENT_DRAFT);

  /* A negative amount is refused too. */
  choose (dialog, "model_row", ACCORD_REVENUE_FIXED_FEE);
  type (dialog, "amount_row", "-5");
  g_assert_false (accord_agreement_dialog_save (dialog));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (revenue_error)), "negative"));
  choose (dialog, "model_row", ACCORD_REVENUE_SHARE);

  g_assert_true (accord_agreement_dialog_save (dialog));
  spin_for (50);
  g_assert_null (dialog);

  g_clear_pointer (&after, g_ptr_array_unref);
  after = stored (f);
  g_assert_cmpuint (after->len, ==, 1);
  {
    AccordAgreement *a = g_ptr_array_index (after, 0);

    g_assert_cmpint (a->revenue_model, ==, ACCORD_REVENUE_SHARE);
    g_assert_cmpint (a->rate_bp, ==, 1250);
    g_assert_cmpint (a->share_months, ==, 12);
    g_assert_cmpstr (a->start, ==, "2026-02-28");
    /* Hidden rows do not leak into the record. */
    g_assert_cmpint (a->amount_minor, ==, ACCORD_UNSET);
    g_assert_null (a->ended_on);
  }
}

/* Saving a full form stores every term; editing it again shows them. */
static void
test_form_save (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  AccordAgreementDialog *dialog = open_dialog (f, NULL);
  AccordAgreement *a;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  type (dialog, "title_row", "Reseller agreement");
  choose (dialog, "status_row", ACCORD_AGREEMENT_ACTIVE);
  type (dialog, "start_row", "2026-01-01");
  type (dialog, "term_row", "12");
  choose (dialog, "renewal_row", ACCORD_RENEWAL_AUTOMATIC);
  type (dialog, "notice_row", "30");
  type (dialog, "termination_row", "90");
  choose (dialog, "model_row", ACCORD_REVENUE_TIERED);
  choose (dialog, "payer_row", ACCORD_PAYER_PARTNER);
  type (dialog, "currency_row", "eur");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "agreement.add-tier", NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "agreement.add-tier", NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "agreement.add-kpi", NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "agreement.add-deliverable", "s", "partner");

  /* The new rows are typed into like any other (here through the widget tree). */
  {
    GtkWidget *tiers = TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG, "tiers_group");
    GtkWidget *tier1 = find_row (tiers, "Tier 1");
    GtkWidget *tier2 = find_row (tiers, "Tier 2");
    GtkWidget *kpis = TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG, "kpis_group");
    GtkWidget *theirs = TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG, "partner_group");
    GtkWidget *entry;

    g_assert_nonnull (tier1);
    g_assert_nonnull (tier2);
    entry = find_of_type (tier1, GTK_TYPE_ENTRY);
    gtk_editable_set_text (GTK_EDITABLE (entry), "0");
    gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_next_sibling (entry)), "10");
    entry = find_of_type (tier2, GTK_TYPE_ENTRY);
    gtk_editable_set_text (GTK_EDITABLE (entry), "20");
    gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_next_sibling (entry)), "15 %");

    gtk_editable_set_text (GTK_EDITABLE (find_row (kpis, "Metric")), "Referred customers");
    g_assert_nonnull (find_row (kpis, "Referred customers"));
    gtk_editable_set_text (GTK_EDITABLE (find_row (kpis, "Target")), "20");
    gtk_editable_set_text (GTK_EDITABLE (find_row (kpis, "By date (YYYY-MM-DD)")), "2026-06-30");

    gtk_editable_set_text (GTK_EDITABLE (find_row (theirs, "Deliverable")), "Joint webinar");
    gtk_editable_set_text (GTK_EDITABLE (find_row (theirs, "Due date (YYYY-MM-DD)")),
                           "2026-03-01");
    gtk_check_button_set_active (GTK_CHECK_BUTTON (find_of_type (theirs, GTK_TYPE_CHECK_BUTTON)),
                                 TRUE);
  }
  g_assert_false (gtk_widget_get_visible (TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG,
                                                          "warnings_group")));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "agreement.save", NULL);
  spin_for (50);
  g_assert_null (dialog);

  list = stored (f);
  g_assert_cmpuint (list->len, ==, 1);
  a = g_ptr_array_index (list, 0);
  g_assert_cmpstr (a->title, ==, "Reseller agreement");
  g_assert_cmpint (a->status, ==, ACCORD_AGREEMENT_ACTIVE);
  g_assert_cmpstr (a->status_since, ==, TODAY);
  g_assert_cmpint (a->renewal, ==, ACCORD_RENEWAL_AUTOMATIC);
  g_assert_cmpint (a->termination_notice_days, ==, 90);
  g_assert_cmpint (a->payer, ==, ACCORD_PAYER_PARTNER);
  g_assert_cmpstr (a->currency, ==, "EUR");
  g_assert_cmpuint (a->tiers->len, ==, 2);
  g_assert_cmpint (g_array_index (a->tiers, AccordRateTier, 1).threshold, ==, 20);
  g_assert_cmpint (g_array_index (a->tiers, AccordRateTier, 1).rate_bp, ==, 1500);
  g_assert_cmpuint (a->kpis->len, ==, 1);
  g_assert_cmpstr (((AccordKpi *) g_ptr_array_index (a->kpis, 0))->date, ==, "2026-06-30");
  g_assert_cmpuint (a->deliverables->len, ==, 1);
  {
    AccordDeliverable *d = g_ptr_array_index (a->deliverables, 0);

    g_assert_cmpint (d->side, ==, ACCORD_SIDE_PARTNER);
    g_assert_cmpstr (d->title, ==, "Joint webinar");
    g_assert_true (d->done);
  }

  /* Editing shows what was stored, and a removed tier goes. */
  dialog = open_dialog (f, a);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Agreement");
  g_assert_cmpstr (gtk_editable_get_text (TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG,
                                                          "notice_row")), ==, "30");
  {
    GtkWidget *tiers = TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG, "tiers_group");
    GtkWidget *tier2 = find_row (tiers, "Tier 2");
    GtkWidget *entry = find_of_type (tier2, GTK_TYPE_ENTRY);
    GtkWidget *remove;

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "20");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_widget_get_next_sibling (entry))),
                     ==, "15 %");
    remove = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (entry));
    g_assert_true (GTK_IS_BUTTON (remove));
    gtk_test_accessible_assert_property (remove, GTK_ACCESSIBLE_PROPERTY_LABEL, "Remove Tier");
    g_signal_emit_by_name (remove, "clicked");
    g_assert_null (find_row (tiers, "Tier 2"));
  }
  g_assert_true (accord_agreement_dialog_save (dialog));
  spin_for (50);
  g_assert_null (dialog);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = stored (f);
  g_assert_cmpuint (((AccordAgreement *) g_ptr_array_index (list, 0))->tiers->len, ==, 1);
}

/* A second active agreement is refused on the status, inline. */
static void
test_second_active (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AccordAgreement) first = active_agreement (accord_partner_get_id (f->partner),
                                                       "2026-01-01", 12, 30);
  g_autoptr(GPtrArray) list = NULL;
  AccordAgreementDialog *dialog;
  GtkWidget *status, *general_error, *banner;

  save (f->store, first);
  dialog = open_dialog (f, NULL);
  status = TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG, "status_row");
  general_error = TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG, "general_error");
  banner = TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG, "banner_label");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  type (dialog, "title_row", "Renewal 2027");
  choose (dialog, "status_row", ACCORD_AGREEMENT_ACTIVE);
  type (dialog, "start_row", "2027-01-01");
  type (dialog, "term_row", "24");
  g_assert_false (accord_agreement_dialog_save (dialog));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_has_css_class (status, "error"));
  g_assert_true (gtk_widget_get_visible (general_error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (general_error)), "already has an active"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (banner)), "already has an active"));
  g_assert_cmpstr (gtk_editable_get_text (TEMPLATE_CHILD (dialog, ACCORD_TYPE_AGREEMENT_DIALOG,
                                                          "title_row")), ==, "Renewal 2027");
  list = stored (f);
  g_assert_cmpuint (list->len, ==, 1);

  /* As a draft it is fine: the renewal can be prepared alongside. */
  choose (dialog, "status_row", ACCORD_AGREEMENT_NEGOTIATING);
  g_assert_true (accord_agreement_dialog_save (dialog));
  spin_for (50);
  g_assert_null (dialog);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = stored (f);
  g_assert_cmpuint (list->len, ==, 2);
}

static AccordAgreementDialog *
find_open_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ACCORD_IS_AGREEMENT_DIALOG (window))
        return ACCORD_AGREEMENT_DIALOG (window);
    }
  return NULL;
}

static gboolean
has_undo_button (gpointer data)
{
  return find_button (data, "_Undo") != NULL;
}

/* The partner page's summary: empty, then the deadline after a save,
 * history, and delete with undo. */
static void
test_summary (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *summary = accord_agreement_summary_new ();
  AccordAgreementDialog *dialog;
  AccordAgreement *a;

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), summary);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  accord_agreement_summary_set_store (ACCORD_AGREEMENT_SUMMARY (summary), f->store);
  accord_agreement_summary_set_partner (ACCORD_AGREEMENT_SUMMARY (summary), f->partner);

  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (summary)), ==,
                   "Agreement");
  g_assert_nonnull (strstr (description_of (summary), "No agreement yet"));
  g_assert_null (find_row (summary, "Notice deadline"));

  /* Add Agreement opens the form for this partner, in front of the page. */
  gtk_widget_activate_action (summary, "summary.add", NULL);
  dialog = find_open_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  choose (dialog, "status_row", ACCORD_AGREEMENT_ACTIVE);
  type (dialog, "start_row", "2026-01-01");
  type (dialog, "term_row", "12");
  type (dialog, "notice_row", "30");
  g_assert_true (accord_agreement_dialog_save (dialog));
  spin_for (50);
  g_assert_null (find_open_dialog ());

  g_assert_cmpstr (subtitle_of (find_row (summary, "Notice deadline")), ==,
                   "1 Dec 2026, in 30 days");
  g_assert_cmpstr (subtitle_of (find_row (summary, "End of term")), ==, "31 Dec 2026, in 60 days");
  g_assert_nonnull (strstr (subtitle_of (find_row (summary, "Agreement with Northwind Analytics")),
                            "Active since 1 Nov 2026"));
  g_assert_nonnull (strstr (subtitle_of (find_row (summary, "Agreement with Northwind Analytics")),
                            "No revenue terms"));
  g_assert_nonnull (find_row (summary, "No termination clause"));
  g_assert_nonnull (find_row (summary, "No KPI"));
  g_assert_cmpstr (description_of (summary), ==, "");

  /* An edit made elsewhere shows at once, with its change in the history. */
  list = stored (f);
  a = g_ptr_array_index (list, 0);
  a->termination_notice_days = 30;
  a->renewal = ACCORD_RENEWAL_AUTOMATIC;
  save (f->store, a);
  g_assert_null (find_row (summary, "No termination clause"));
  g_assert_cmpstr (subtitle_of (find_row (summary, "Next renewal")), ==, "1 Jan 2027, in 61 days");
  g_assert_nonnull (find_row (summary, "History"));

  /* Delete, then undo: the same terms come back. */
  gtk_widget_activate_action (summary, "summary.delete", NULL);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = stored (f);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_null (find_row (summary, "Notice deadline"));
  spin_until (has_undo_button, overlay, 2000);
  g_assert_true (has_undo_button (overlay));
  g_signal_emit_by_name (find_button (overlay, "_Undo"), "clicked");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = stored (f);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((AccordAgreement *) g_ptr_array_index (list, 0))->termination_notice_days, ==, 30);
  g_assert_cmpstr (subtitle_of (find_row (summary, "Notice deadline")), ==,
                   "1 Dec 2026, in 30 days");

  /* Another partner: the summary follows it and stops listening to the first. */
  {
    g_autoptr(AccordPartner) other = add_partner (f->store, "Contoso Cloud");

    accord_agreement_summary_set_partner (ACCORD_AGREEMENT_SUMMARY (summary), other);
    g_assert_null (find_row (summary, "Notice deadline"));
    a = g_ptr_array_index (list, 0);
    a->notice_days = 10;
    save (f->store, a);
    g_assert_null (find_row (summary, "Notice deadline"));
    accord_agreement_summary_set_partner (ACCORD_AGREEMENT_SUMMARY (summary), NULL);
  }

  g_object_ref (summary);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (summary);
  /* The toast (and its undo, which holds the store) goes once the main
   * loop has run. */
  spin_for (100);
}

static GtkListBox *
view_list (GtkWidget *view)
{
  GtkWidget *list = find_of_type (view, GTK_TYPE_LIST_BOX);

  g_assert_nonnull (list);
  return GTK_LIST_BOX (list);
}

static void
partner_activated_cb (AccordAgreementsView  *view,
                      AccordPartner         *partner,
                      AccordPartner        **out)
{
  *out = partner;
}

/* The Agreements view: sorted by notice deadline, urgent ones marked in
 * words and style, rows that open their partner. */
static void
test_view (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(AccordPartner) amber = add_partner (f->store, "Amber Logistics");
  g_autoptr(AccordPartner) bluepeak = add_partner (f->store, "Bluepeak Studio");
  g_autoptr(AccordPartner) copper = add_partner (f->store, "Copperleaf Press");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = accord_agreements_view_new ();
  GtkWidget *stack = adw_bin_get_child (ADW_BIN (view));
  AccordPartner *activated = NULL;
  GtkListBoxRow *row;

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  accord_agreements_view_set_store (ACCORD_AGREEMENTS_VIEW (view), f->store);
  g_signal_connect (view, "partner-activated", G_CALLBACK (partner_activated_cb), &activated);

  /* Nothing yet: a helpful empty page. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");

  {
    /* Deadlines (today 2026-11-01): Northwind 2026-12-01 (30 days),
     * Amber 2027-03-01 (120 days), Bluepeak 2026-12-21 (50 days);
     * Copperleaf has no term, so no deadline: last. */
    g_autoptr(AccordAgreement) northwind = active_agreement (accord_partner_get_id (f->partner),
                                                             "2026-01-01", 12, 30);
    g_autoptr(AccordAgreement) a_amber = active_agreement (accord_partner_get_id (amber),
                                                           "2026-04-01", 12, 30);
    g_autoptr(AccordAgreement) a_blue = active_agreement (accord_partner_get_id (bluepeak),
                                                          "2026-01-21", 12, 30);
    g_autoptr(AccordAgreement) a_copper = accord_agreement_new (accord_partner_get_id (copper));

    save (f->store, a_amber);
    save (f->store, northwind);
    save (f->store, a_copper);
    save (f->store, a_blue);
  }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "list");

  row = gtk_list_box_get_row_at_index (view_list (view), 0);
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Northwind Analytics, Notice deadline: 1 Dec 2026, "
                                       "in 30 days, Decide within 30 days");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "agreement-due-30"));
  row = gtk_list_box_get_row_at_index (view_list (view), 1);
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Bluepeak Studio, Notice deadline: 21 Dec 2026, "
                                       "in 50 days, Decide within 60 days");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "agreement-due-60"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "agreement-due-30"));
  row = gtk_list_box_get_row_at_index (view_list (view), 2);
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Amber Logistics, Notice deadline: 1 Mar 2027, "
                                       "in 120 days");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "agreement-due-30"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "agreement-due-60"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "agreement-due-90"));
  row = gtk_list_box_get_row_at_index (view_list (view), 3);
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Copperleaf Press, No notice deadline yet: it needs a "
                                       "start date and a term");
  g_assert_null (gtk_list_box_get_row_at_index (view_list (view), 4));

  /* Activating a row asks to open its partner. */
  g_signal_emit_by_name (view_list (view), "row-activated",
                         gtk_list_box_get_row_at_index (view_list (view), 1));
  g_assert_true (activated == bluepeak);

  /* A partner going to the trash takes its row with it. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (accord_store_trash_partner (f->store, bluepeak, &error));
    g_assert_no_error (error);
    row = gtk_list_box_get_row_at_index (view_list (view), 1);
    gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Amber Logistics, Notice deadline: 1 Mar 2027, "
                                         "in 120 days");
  }

  g_object_ref (view);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

int
main (int   argc,
      char *argv[])
{
  if (test_app_init (&argc, &argv))
    {
      g_test_add ("/agreements/form/derived", Fixture, NULL, fixture_set_up, test_form_derived,
                  fixture_tear_down);
      g_test_add ("/agreements/form/bad-input", Fixture, NULL, fixture_set_up,
                  test_form_bad_input, fixture_tear_down);
      g_test_add ("/agreements/form/save", Fixture, NULL, fixture_set_up, test_form_save,
                  fixture_tear_down);
      g_test_add ("/agreements/form/second-active", Fixture, NULL, fixture_set_up,
                  test_second_active, fixture_tear_down);
      g_test_add ("/agreements/summary", Fixture, NULL, fixture_set_up, test_summary,
                  fixture_tear_down);
      g_test_add ("/agreements/view", Fixture, NULL, fixture_set_up, test_view,
                  fixture_tear_down);
    }
  return g_test_run ();
}
