/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "accord-figures-dialog.h"
#include "accord-health-group.h"
#include "accord-ledger-dialog.h"
#include "accord-referral-dialog.h"
#include "accord-review-dialog.h"
#include "test-app-helpers.h"

#include <string.h>

/* Every date in these tests is computed from this day. */
#define TODAY "2026-11-01"

typedef struct
{
  char *path;
  AccordStore *store;
  AccordPartner *partner;
  GtkWidget *window;
  GtkWidget *overlay;
  GtkWidget *group;
} Fixture;

/* Runs what is pending (the group refreshes in an idle, after the change
 * that asked for it), within two seconds. */
static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  do
    g_main_context_iteration (NULL, FALSE);
  while (g_main_context_pending (NULL) && g_get_monotonic_time () < end);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = test_store_new (&f->path);
  accord_store_set_today (f->store, TODAY);
  f->partner = accord_partner_new ("Northwind Analytics");
  g_assert_true (accord_store_add_partner (f->store, f->partner, NULL, &error));
  g_assert_no_error (error);

  f->window = gtk_window_new ();
  f->overlay = adw_toast_overlay_new ();
  f->group = accord_health_group_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (f->overlay), f->group);
  gtk_window_set_child (GTK_WINDOW (f->window), f->overlay);
  gtk_window_present (GTK_WINDOW (f->window));
  accord_health_group_set_store (ACCORD_HEALTH_GROUP (f->group), f->store);
  accord_health_group_set_partner (ACCORD_HEALTH_GROUP (f->group), f->partner);
}

static void
destroy_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i - 1);

      if (ACCORD_IS_REVIEW_DIALOG (window) || ACCORD_IS_REFERRAL_DIALOG (window) ||
          ACCORD_IS_LEDGER_DIALOG (window) || ACCORD_IS_FIGURES_DIALOG (window))
        {
          gint64 end = g_get_monotonic_time () + 400 * 1000;

          /* Hidden first, with time for its rows' animations to end:
           * libadwaita 1.2 can crash when a row is destroyed mid-way. */
          gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
          while (g_get_monotonic_time () < end)
            g_main_context_iteration (NULL, FALSE);
          gtk_window_destroy (GTK_WINDOW (window));
        }
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gint64 end = g_get_monotonic_time () + 400 * 1000;

  destroy_dialogs ();
  /* Let a dismissed toast finish hiding: destroying the overlay in the
   * middle of its animation trips libadwaita 1.2. */
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  gtk_window_destroy (GTK_WINDOW (f->window));
  settle ();
  g_clear_object (&f->partner);
  /* The group let go of the store (and its signal handlers). */
  g_assert_finalize_object (f->store);
  g_free (f->path);
}

/* ---- Finding things ---- */

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
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return child;
      if ((found = find_label (child, text)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_by_tooltip (GtkWidget  *root,
                 GType       type,
                 const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      if ((found = find_by_tooltip (child, type, tooltip)) != NULL)
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

static gpointer
find_dialog (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static const char *
label_text (Fixture    *f,
            const char *name)
{
  return gtk_label_get_text (TEMPLATE_CHILD (f->group, ACCORD_TYPE_HEALTH_GROUP, name));
}

static const char *
subtitle_of (GtkWidget *row)
{
  g_assert_nonnull (row);
  if (ADW_IS_EXPANDER_ROW (row))
    return adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

typedef struct
{
  Fixture *f;
  const char *name;
  const char *text;
} LabelWait;

static gboolean
label_reads (gpointer data)
{
  LabelWait *wait = data;

  return g_strcmp0 (label_text (wait->f, wait->name), wait->text) == 0;
}

/* The group refreshes once the change that asked for it is over. */
static void
wait_label (Fixture    *f,
            const char *name,
            const char *text)
{
  LabelWait wait = { f, name, text };

  /* Let a pending refresh run first, in case the text is already right. */
  settle ();
  spin_until (label_reads, &wait, 2000);
  g_assert_cmpstr (label_text (f, name), ==, text);
}

static guint
count_buttons (GtkWidget  *root,
               const char *label)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        n++;
      n += count_buttons (child, label);
    }
  return n;
}

static gboolean
has_one_undo_button (gpointer data)
{
  return count_buttons (data, "_Undo") == 1;
}

/* Clicks Undo on the latest toast, once the toasts before it are gone. */
static void
click_undo (Fixture *f)
{
  gint64 end;

  spin_until (has_one_undo_button, f->overlay, 3000);
  g_assert_true (has_one_undo_button (f->overlay));
  /* As a person would: after the toast has slid in. libadwaita 1.2 can
   * crash when a toast is dismissed in the middle of its show animation. */
  end = g_get_monotonic_time () + 400 * 1000;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_signal_emit_by_name (find_button (f->overlay, "_Undo"), "clicked");
}

/* ---- Preparing the workspace ---- */

static void
save_review (Fixture    *f,
             const char *date,
             int         rating)
{
  g_autoptr(AccordReview) review = accord_review_new (accord_partner_get_id (f->partner), date);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < ACCORD_N_REVIEW_RATINGS; i++)
    review->ratings[i] = rating;
  g_assert_true (accord_store_save_review (f->store, review, &error));
  g_assert_no_error (error);
}

static void
log_contact (Fixture    *f,
             const char *date)
{
  g_autoptr(AccordActivity) activity = accord_activity_new (accord_partner_get_id (f->partner),
                                                            ACCORD_ACTIVITY_CALL, date);
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_store_add_activity (f->store, activity, &error));
  g_assert_no_error (error);
}

/* A referral fee of EUR 100.00 per new customer, paid by us. */
static void
save_referral_fee_agreement (Fixture *f)
{
  g_autoptr(AccordAgreement) a = accord_agreement_new (accord_partner_get_id (f->partner));
  g_autoptr(GError) error = NULL;

  g_free (a->title);
  a->title = g_strdup ("Referral agreement");
  a->status = ACCORD_AGREEMENT_ACTIVE;
  a->start = g_strdup ("2026-01-01");
  a->term_months = 24;
  a->notice_days = 30;
  a->revenue_model = ACCORD_REVENUE_REFERRAL_FEE;
  a->payer = ACCORD_PAYER_US;
  a->currency = g_strdup ("EUR");
  a->amount_minor = 10000;
  g_assert_true (accord_store_save_agreement (f->store, a, &error));
  g_assert_no_error (error);
}

static GPtrArray *
stored_referrals (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = accord_store_list_referrals (f->store, f->partner, &error);

  g_assert_no_error (error);
  return list;
}

static void
rate_all (AccordReviewDialog *dialog,
          int                 rating)
{
  for (guint i = 0; i < ACCORD_N_REVIEW_RATINGS; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s: %d of 5", accord_review_rating_label (i),
                                               rating);
      GtkWidget *button = find_by_tooltip (GTK_WIDGET (dialog), GTK_TYPE_TOGGLE_BUTTON, name);

      g_assert_nonnull (button);
      gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
    }
}

static void
check_flag (AccordReviewDialog *dialog,
            AccordRedFlags      flag)
{
  GtkWidget *row = find_row (GTK_WIDGET (dialog), accord_red_flag_label (flag));
  GtkWidget *check;

  g_assert_nonnull (row);
  /* The row toggles its check box, as a click or Enter on it would. */
  check = GTK_WIDGET (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  gtk_test_accessible_assert_property (check, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       accord_red_flag_label (flag));
  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
}

static AccordReviewDialog *
open_review_dialog (Fixture *f)
{
  AccordReviewDialog *dialog;

  gtk_widget_activate_action (f->group, "health.record-review", NULL);
  dialog = find_dialog (ACCORD_TYPE_REVIEW_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (TEMPLATE_CHILD (dialog, ACCORD_TYPE_REVIEW_DIALOG,
                                                          "date_row")), ==, TODAY);
  return dialog;
}

/* ---- Tests ---- */

/* A low review recorded through the dialog lowers the band, and the page
 * says what the ratings took; red flags add their own reason. */
static void
test_review_lowers_band (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *band = TEMPLATE_CHILD (f->group, ACCORD_TYPE_HEALTH_GROUP, "band_label");
  AccordReviewDialog *dialog;
  GtkWidget *ratings_row, *flags_row, *listbox, *first_reason;

  /* Healthy: top ratings, in touch today; only the missing KPIs take 5. */
  save_review (f, "2026-10-01", 5);
  log_contact (f, TODAY);
  wait_label (f, "score_label", "95");
  g_assert_cmpstr (label_text (f, "band_label"), ==, "Healthy");
  g_assert_true (gtk_widget_has_css_class (band, "success"));
  g_assert_nonnull (find_row (f->group, "No measured KPI takes 5 points"));
  g_assert_null (find_row (f->group, "The latest review’s ratings take 40 points"));

  dialog = open_review_dialog (f);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  rate_all (dialog, 1);
  g_assert_true (accord_review_dialog_save (dialog));
  settle ();
  g_assert_null (dialog);

  /* (25 - 5) x 2 = 40 points: 100 - 40 - 5 = 55, Watch. */
  wait_label (f, "score_label", "55");
  g_assert_cmpstr (label_text (f, "band_label"), ==, "Watch");
  g_assert_true (gtk_widget_has_css_class (band, "warning"));
  g_assert_false (gtk_widget_has_css_class (band, "success"));
  ratings_row = find_row (f->group, "The latest review’s ratings take 40 points");
  g_assert_nonnull (ratings_row);
  g_assert_nonnull (find_label (ratings_row, "−40"));
  g_assert_nonnull (strstr (subtitle_of (ratings_row), "Trust 1"));
  /* The biggest reason comes first, right under the score. */
  listbox = gtk_widget_get_parent (ratings_row);
  first_reason = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (listbox), 1));
  g_assert_true (first_reason == ratings_row);

  /* Two red flags take 20 more: At risk. */
  dialog = open_review_dialog (f);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  rate_all (dialog, 1);
  check_flag (dialog, ACCORD_RED_FLAG_MISSED_COMMITMENTS);
  check_flag (dialog, ACCORD_RED_FLAG_CUSTOMER_COMPLAINTS);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "review.save", NULL);
  settle ();
  g_assert_null (dialog);

  wait_label (f, "score_label", "35");
  g_assert_cmpstr (label_text (f, "band_label"), ==, "At risk");
  g_assert_true (gtk_widget_has_css_class (band, "error"));
  flags_row = find_row (f->group, "Red flags take 20 points");
  g_assert_nonnull (flags_row);
  g_assert_cmpstr (subtitle_of (flags_row), ==, "Missed commitments, Customer complaints");
  g_assert_nonnull (find_label (flags_row, "−20"));
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (listbox), 2))
                 == flags_row);

  /* The reviews list holds all three, newest first. */
  g_assert_nonnull (strstr (subtitle_of (find_row (f->group, "Past reviews")), "3 reviews"));
}

/* A review with a missing rating or a bad date stays open, saying why. */
static void
test_review_refused (Fixture       *f,
                     gconstpointer  data)
{
  AccordReviewDialog *dialog = open_review_dialog (f);
  GtkWidget *date = TEMPLATE_CHILD (dialog, ACCORD_TYPE_REVIEW_DIALOG, "date_row");
  GtkWidget *date_error = TEMPLATE_CHILD (dialog, ACCORD_TYPE_REVIEW_DIALOG, "date_error");
  GtkWidget *ratings_error = TEMPLATE_CHILD (dialog, ACCORD_TYPE_REVIEW_DIALOG, "ratings_error");
  GtkWidget *notes = TEMPLATE_CHILD (dialog, ACCORD_TYPE_REVIEW_DIALOG, "notes_row");
  g_autoptr(GPtrArray) reviews = NULL;
  GtkWidget *button;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_editable_set_text (GTK_EDITABLE (notes), "Quarterly business review");
  gtk_editable_set_text (GTK_EDITABLE (date), "2026-13-01");
  rate_all (dialog, 4);
  g_assert_false (accord_review_dialog_save (dialog));
  g_assert_true (gtk_widget_get_visible (date_error));
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "2026-13-01");

  /* The future is refused too: a review records what happened. */
  gtk_editable_set_text (GTK_EDITABLE (date), "2026-12-01");
  g_assert_false (accord_review_dialog_save (dialog));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (date_error)), TODAY));

  /* Unrate one (a new group member takes over): the rating is named. */
  gtk_editable_set_text (GTK_EDITABLE (date), "2026-10-15");
  g_assert_false (gtk_widget_get_visible (date_error));
  button = find_by_tooltip (GTK_WIDGET (dialog), GTK_TYPE_TOGGLE_BUTTON, "Trust: 4 of 5");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), FALSE);
  g_assert_false (accord_review_dialog_save (dialog));
  g_assert_true (gtk_widget_get_visible (ratings_error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (ratings_error)), "Trust"));
  g_assert_nonnull (dialog);
  reviews = accord_store_list_reviews (f->store, f->partner, NULL);
  g_assert_cmpuint (reviews->len, ==, 0);
  g_clear_pointer (&reviews, g_ptr_array_unref);

  /* Rating it clears the message; what was typed was kept all along. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_by_tooltip (GTK_WIDGET (dialog),
                                                                    GTK_TYPE_TOGGLE_BUTTON,
                                                                    "Trust: 2 of 5")), TRUE);
  g_assert_false (gtk_widget_get_visible (ratings_error));
  g_assert_true (accord_review_dialog_save (dialog));
  settle ();
  g_assert_null (dialog);
  reviews = accord_store_list_reviews (f->store, f->partner, NULL);
  g_assert_cmpuint (reviews->len, ==, 1);
  {
    AccordReview *review = g_ptr_array_index (reviews, 0);

    g_assert_cmpstr (review->date, ==, "2026-10-15");
    g_assert_cmpint (review->ratings[ACCORD_REVIEW_TRUST], ==, 2);
    g_assert_cmpint (review->ratings[ACCORD_REVIEW_EASE], ==, 4);
    g_assert_cmpstr (review->notes, ==, "Quarterly business review");
  }
}

/* Deleting a review brings back "No review yet"; Undo brings the review. */
static void
test_delete_review_undo (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) reviews = NULL;
  gint64 id;

  g_assert_nonnull (find_row (f->group, "No review yet takes 10 points"));
  g_assert_true (gtk_widget_get_visible (TEMPLATE_CHILD (f->group, ACCORD_TYPE_HEALTH_GROUP,
                                                         "reviews_empty")));
  save_review (f, "2026-10-01", 3);
  log_contact (f, TODAY);
  /* (25 - 15) x 2 = 20: 100 - 20 - 5 = 75. */
  wait_label (f, "score_label", "75");
  g_assert_null (find_row (f->group, "No review yet takes 10 points"));
  g_assert_false (gtk_widget_get_visible (TEMPLATE_CHILD (f->group, ACCORD_TYPE_HEALTH_GROUP,
                                                          "reviews_empty")));

  reviews = accord_store_list_reviews (f->store, f->partner, NULL);
  id = ((AccordReview *) g_ptr_array_index (reviews, 0))->id;
  gtk_widget_activate_action (f->group, "health.delete-review", "x", id);
  /* Without a review there is no score, only what would count. */
  wait_label (f, "score_label", "–");
  wait_label (f, "band_label", "Not scored yet");
  g_assert_nonnull (find_row (f->group, "No review yet takes 10 points"));
  g_clear_pointer (&reviews, g_ptr_array_unref);
  reviews = accord_store_list_reviews (f->store, f->partner, NULL);
  g_assert_cmpuint (reviews->len, ==, 0);

  click_undo (f);
  wait_label (f, "score_label", "75");
  g_clear_pointer (&reviews, g_ptr_array_unref);
  reviews = accord_store_list_reviews (f->store, f->partner, NULL);
  g_assert_cmpuint (reviews->len, ==, 1);
  g_assert_cmpint (((AccordReview *) g_ptr_array_index (reviews, 0))->ratings[0], ==, 3);
}

/* A referral added through the dialog earns nothing as a lead; marking it
 * converted earns the referral fee, and Undo takes it back. */
static void
test_referral_commission (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) referrals = NULL;
  g_autofree char *code = NULL;
  AccordReferralDialog *dialog;
  AccordReferral *referral;
  GtkWidget *revenue;

  save_referral_fee_agreement (f);
  wait_label (f, "owed_to_label", "EUR 0.00");
  g_assert_true (gtk_widget_get_visible (TEMPLATE_CHILD (f->group, ACCORD_TYPE_HEALTH_GROUP,
                                                         "referrals_empty")));

  gtk_widget_activate_action (f->group, "health.add-referral", NULL);
  dialog = find_dialog (ACCORD_TYPE_REFERRAL_DIALOG);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  /* The partner's own tracking code, today, a lead; the revenue in the
   * agreement's currency. */
  code = accord_store_dup_tracking_code (f->store, f->partner, NULL);
  g_assert_cmpstr (gtk_editable_get_text (TEMPLATE_CHILD (dialog, ACCORD_TYPE_REFERRAL_DIALOG,
                                                          "code_row")), ==, code);
  g_assert_cmpstr (gtk_editable_get_text (TEMPLATE_CHILD (dialog, ACCORD_TYPE_REFERRAL_DIALOG,
                                                          "date_row")), ==, TODAY);
  revenue = TEMPLATE_CHILD (dialog, ACCORD_TYPE_REFERRAL_DIALOG, "revenue_row");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (revenue)), ==,
                   "Revenue (EUR)");
  g_assert_false (gtk_widget_get_visible (TEMPLATE_CHILD (dialog, ACCORD_TYPE_REFERRAL_DIALOG,
                                                          "converted_row")));
  gtk_editable_set_text (TEMPLATE_CHILD (dialog, ACCORD_TYPE_REFERRAL_DIALOG, "customer_row"),
                         "Acme & Sons");
  gtk_editable_set_text (GTK_EDITABLE (revenue), "1,200.50");
  g_assert_true (accord_referral_dialog_save (dialog));
  settle ();
  g_assert_null (dialog);

  referrals = stored_referrals (f);
  g_assert_cmpuint (referrals->len, ==, 1);
  referral = g_ptr_array_index (referrals, 0);
  g_assert_cmpint (referral->status, ==, ACCORD_REFERRAL_LEAD);
  g_assert_cmpint (referral->revenue_minor, ==, 120050);
  g_assert_cmpstr (referral->customer, ==, "Acme & Sons");
  g_assert_cmpstr (referral->code, ==, code);
  wait_label (f, "owed_to_label", "EUR 0.00");
  g_assert_nonnull (find_row (f->group, "Acme & Sons"));
  g_assert_cmpstr (subtitle_of (find_row (f->group, "All referrals")), ==, "1 lead");

  /* Mark as converted: the fee is owed. */
  gtk_widget_activate_action (f->group, "health.referral-status", "(xi)", referral->id,
                              (int) ACCORD_REFERRAL_CONVERTED);
  wait_label (f, "owed_to_label", "EUR 100.00");
  g_assert_cmpstr (subtitle_of (find_row (f->group, "All referrals")), ==, "1 converted");
  g_clear_pointer (&referrals, g_ptr_array_unref);
  referrals = stored_referrals (f);
  referral = g_ptr_array_index (referrals, 0);
  g_assert_cmpint (referral->status, ==, ACCORD_REFERRAL_CONVERTED);
  g_assert_cmpstr (referral->converted_on, ==, TODAY);

  /* Undo: a lead again, nothing owed. */
  click_undo (f);
  wait_label (f, "owed_to_label", "EUR 0.00");
  g_clear_pointer (&referrals, g_ptr_array_unref);
  referrals = stored_referrals (f);
  g_assert_cmpuint (referrals->len, ==, 1);
  g_assert_cmpint (((AccordReferral *) g_ptr_array_index (referrals, 0))->status, ==,
                   ACCORD_REFERRAL_LEAD);

  /* Delete, then undo. */
  referral = g_ptr_array_index (referrals, 0);
  gtk_widget_activate_action (f->group, "health.delete-referral", "x", referral->id);
  settle ();
  g_assert_null (find_row (f->group, "Acme & Sons"));
  g_clear_pointer (&referrals, g_ptr_array_unref);
  referrals = stored_referrals (f);
  g_assert_cmpuint (referrals->len, ==, 0);
  click_undo (f);
  settle ();
  g_assert_nonnull (find_row (f->group, "Acme & Sons"));
  g_clear_pointer (&referrals, g_ptr_array_unref);
  referrals = stored_referrals (f);
  g_assert_cmpuint (referrals->len, ==, 1);
}

/* A payment recorded through the dialog lowers the balance; deleting it
 * raises it again, and Undo brings the payment back. */
static void
test_payment_balance (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AccordReferral) referral = accord_referral_new (accord_partner_get_id (f->partner),
                                                            "2026-09-01");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  AccordLedgerDialog *dialog;
  GtkWidget *payments;

  save_referral_fee_agreement (f);
  g_free (referral->customer);
  referral->customer = g_strdup ("Contoso");
  referral->status = ACCORD_REFERRAL_CONVERTED;
  referral->revenue_minor = 50000;
  g_assert_true (accord_store_save_referral (f->store, referral, &error));
  g_assert_no_error (error);
  wait_label (f, "owed_to_label", "EUR 100.00");
  payments = TEMPLATE_CHILD (f->group, ACCORD_TYPE_HEALTH_GROUP, "payments_expander");
  g_assert_false (gtk_widget_get_visible (payments));

  gtk_widget_activate_action (f->group, "health.record-payment", NULL);
  dialog = find_dialog (ACCORD_TYPE_LEDGER_DIALOG);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  /* We owe them, so we pay them. */
  g_assert_cmpuint (adw_combo_row_get_selected (TEMPLATE_CHILD (dialog, ACCORD_TYPE_LEDGER_DIALOG,
                                                                "side_row")), ==,
                    ACCORD_LEDGER_OWED_TO_PARTNER);
  g_assert_cmpuint (adw_combo_row_get_selected (TEMPLATE_CHILD (dialog, ACCORD_TYPE_LEDGER_DIALOG,
                                                                "kind_row")), ==,
                    ACCORD_LEDGER_PAID);
  gtk_editable_set_text (TEMPLATE_CHILD (dialog, ACCORD_TYPE_LEDGER_DIALOG, "amount_row"), "40");
  gtk_editable_set_text (TEMPLATE_CHILD (dialog, ACCORD_TYPE_LEDGER_DIALOG, "note_row"),
                         "September");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "ledger.save", NULL);
  settle ();
  g_assert_null (dialog);

  wait_label (f, "owed_to_label", "EUR 60.00");
  g_assert_cmpstr (subtitle_of (TEMPLATE_CHILD (f->group, ACCORD_TYPE_HEALTH_GROUP,
                                                "owed_to_row")), ==,
                   "Earned EUR 100.00, settled EUR 40.00");
  g_assert_true (gtk_widget_get_visible (payments));
  g_assert_nonnull (find_row (f->group, "Paid to them: EUR 40.00"));

  entries = accord_store_list_ledger_entries (f->store, f->partner, NULL);
  g_assert_cmpuint (entries->len, ==, 1);
  gtk_widget_activate_action (f->group, "health.delete-payment", "x",
                              ((AccordLedgerEntry *) g_ptr_array_index (entries, 0))->id);
  wait_label (f, "owed_to_label", "EUR 100.00");
  g_assert_false (gtk_widget_get_visible (payments));
  click_undo (f);
  wait_label (f, "owed_to_label", "EUR 60.00");
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = accord_store_list_ledger_entries (f->store, f->partner, NULL);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((AccordLedgerEntry *) g_ptr_array_index (entries, 0))->note, ==, "September");
}

/* Money that is no amount is refused next to its field, and stays typed. */
static void
test_bad_money (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) referrals = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  GtkWidget *row, *label;

  {
    AccordReferralDialog *dialog = ACCORD_REFERRAL_DIALOG (accord_referral_dialog_new (f->store,
                                                                                       f->partner,
                                                                                       NULL, NULL));

    gtk_window_present (GTK_WINDOW (dialog));
    row = TEMPLATE_CHILD (dialog, ACCORD_TYPE_REFERRAL_DIALOG, "revenue_row");
    label = TEMPLATE_CHILD (dialog, ACCORD_TYPE_REFERRAL_DIALOG, "error_label");
    gtk_editable_set_text (TEMPLATE_CHILD (dialog, ACCORD_TYPE_REFERRAL_DIALOG, "customer_row"),
                           "Fabrikam");
    gtk_editable_set_text (GTK_EDITABLE (row), "twelve hundred");
    g_assert_false (accord_referral_dialog_save (dialog));
    g_assert_true (gtk_widget_get_visible (label));
    g_assert_true (gtk_widget_has_css_class (row, "error"));
    gtk_test_accessible_assert_state (row, GTK_ACCESSIBLE_STATE_INVALID,
                                      GTK_ACCESSIBLE_INVALID_TRUE);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "twelve hundred");
    g_assert_cmpstr (gtk_editable_get_text (TEMPLATE_CHILD (dialog, ACCORD_TYPE_REFERRAL_DIALOG,
                                                            "customer_row")), ==, "Fabrikam");
    referrals = stored_referrals (f);
    g_assert_cmpuint (referrals->len, ==, 0);

    /* A conversion before the referral is refused on its own field. */
    gtk_editable_set_text (GTK_EDITABLE (row), "99.90");
    g_assert_false (gtk_widget_get_visible (label));
    adw_combo_row_set_selected (TEMPLATE_CHILD (dialog, ACCORD_TYPE_REFERRAL_DIALOG, "status_row"),
                                ACCORD_REFERRAL_CONVERTED);
    g_assert_cmpstr (gtk_editable_get_text (TEMPLATE_CHILD (dialog, ACCORD_TYPE_REFERRAL_DIALOG,
                                                            "converted_row")), ==, TODAY);
    gtk_editable_set_text (TEMPLATE_CHILD (dialog, ACCORD_TYPE_REFERRAL_DIALOG, "converted_row"),
                           "2026-10-01");
    g_assert_false (accord_referral_dialog_save (dialog));
    g_assert_true (gtk_widget_has_css_class (TEMPLATE_CHILD (dialog, ACCORD_TYPE_REFERRAL_DIALOG,
                                                             "converted_row"), "error"));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  {
    AccordLedgerDialog *dialog = ACCORD_LEDGER_DIALOG (accord_ledger_dialog_new (
                                                         f->store, f->partner,
                                                         ACCORD_LEDGER_OWED_BY_PARTNER, "EUR"));

    gtk_window_present (GTK_WINDOW (dialog));
    /* Money they owe us is received. */
    g_assert_cmpuint (adw_combo_row_get_selected (TEMPLATE_CHILD (dialog,
                                                                  ACCORD_TYPE_LEDGER_DIALOG,
                                                                  "kind_row")), ==,
                      ACCORD_LEDGER_RECEIVED);
    row = TEMPLATE_CHILD (dialog, ACCORD_TYPE_LEDGER_DIALOG, "amount_row");
    label = TEMPLATE_CHILD (dialog, ACCORD_TYPE_LEDGER_DIALOG, "error_label");
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                     "Amount (EUR)");
    gtk_editable_set_text (GTK_EDITABLE (row), "-5");
    g_assert_false (accord_ledger_dialog_save (dialog));
    g_assert_true (gtk_widget_get_visible (label));
    g_assert_true (gtk_widget_has_css_class (row, "error"));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "-5");
    gtk_editable_set_text (GTK_EDITABLE (row), "0");
    g_assert_false (accord_ledger_dialog_save (dialog));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "more than zero"));
    entries = accord_store_list_ledger_entries (f->store, f->partner, NULL);
    g_assert_cmpuint (entries->len, ==, 0);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  {
    AccordFiguresDialog *dialog = ACCORD_FIGURES_DIALOG (accord_figures_dialog_new (f->store,
                                                                                    f->partner,
                                                                                    NULL, NULL));

    gtk_window_present (GTK_WINDOW (dialog));
    row = TEMPLATE_CHILD (dialog, ACCORD_TYPE_FIGURES_DIALOG, "revenue_row");
    label = TEMPLATE_CHILD (dialog, ACCORD_TYPE_FIGURES_DIALOG, "error_label");
    gtk_editable_set_text (GTK_EDITABLE (row), "lots");
    g_assert_false (accord_figures_dialog_save (dialog));
    g_assert_true (gtk_widget_get_visible (label));
    g_assert_true (gtk_widget_has_css_class (row, "error"));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "lots");
    figures = accord_store_list_figures (f->store, f->partner, NULL);
    g_assert_cmpuint (figures->len, ==, 0);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
}

/* Monthly figures: this month by default, listed newest first, a stored
 * month shown again for editing, bad counts refused. */
static void
test_figures (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) figures = NULL;
  AccordFiguresDialog *dialog;
  GtkWidget *nps, *error_label, *hint;
  AccordFigures *stored;

  g_assert_true (gtk_widget_get_visible (TEMPLATE_CHILD (f->group, ACCORD_TYPE_HEALTH_GROUP,
                                                         "figures_empty")));
  gtk_widget_activate_action (f->group, "health.record-figures", NULL);
  dialog = find_dialog (ACCORD_TYPE_FIGURES_DIALOG);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpstr (gtk_editable_get_text (TEMPLATE_CHILD (dialog, ACCORD_TYPE_FIGURES_DIALOG,
                                                          "month_row")), ==, "2026-11");
  gtk_editable_set_text (TEMPLATE_CHILD (dialog, ACCORD_TYPE_FIGURES_DIALOG, "revenue_row"),
                         "2500");
  gtk_editable_set_text (TEMPLATE_CHILD (dialog, ACCORD_TYPE_FIGURES_DIALOG, "referrals_row"),
                         "4");
  gtk_editable_set_text (TEMPLATE_CHILD (dialog, ACCORD_TYPE_FIGURES_DIALOG, "conversions_row"),
                         "2");
  nps = TEMPLATE_CHILD (dialog, ACCORD_TYPE_FIGURES_DIALOG, "nps_row");
  error_label = TEMPLATE_CHILD (dialog, ACCORD_TYPE_FIGURES_DIALOG, "error_label");
  gtk_editable_set_text (GTK_EDITABLE (nps), "140");
  g_assert_false (accord_figures_dialog_save (dialog));
  g_assert_true (gtk_widget_has_css_class (nps, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "-100 to 100"));
  gtk_editable_set_text (GTK_EDITABLE (nps), "−20");
  g_assert_true (accord_figures_dialog_save (dialog));
  settle ();
  g_assert_null (dialog);

  figures = accord_store_list_figures (f->store, f->partner, NULL);
  g_assert_cmpuint (figures->len, ==, 1);
  stored = g_ptr_array_index (figures, 0);
  g_assert_cmpstr (stored->month, ==, "2026-11");
  g_assert_cmpint (stored->revenue_minor, ==, 250000);
  g_assert_cmpint (stored->referrals, ==, 4);
  g_assert_cmpint (stored->conversions, ==, 2);
  g_assert_true (stored->has_nps);
  g_assert_cmpint (stored->nps, ==, -20);
  g_assert_cmpint (stored->response_hours, ==, ACCORD_UNSET);

  settle ();
  g_assert_nonnull (find_row (f->group, "November 2026"));
  g_assert_nonnull (strstr (subtitle_of (find_row (f->group, "November 2026")), "NPS -20"));

  /* Opening the month again shows what is stored and says saving replaces it. */
  gtk_widget_activate_action (f->group, "health.edit-figures", "s", "2026-11");
  dialog = find_dialog (ACCORD_TYPE_FIGURES_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Figures");
  g_assert_cmpstr (gtk_editable_get_text (TEMPLATE_CHILD (dialog, ACCORD_TYPE_FIGURES_DIALOG,
                                                          "referrals_row")), ==, "4");
  g_assert_cmpstr (gtk_editable_get_text (TEMPLATE_CHILD (dialog, ACCORD_TYPE_FIGURES_DIALOG,
                                                          "nps_row")), ==, "-20");
  hint = TEMPLATE_CHILD (dialog, ACCORD_TYPE_FIGURES_DIALOG, "replace_hint");
  g_assert_true (gtk_widget_get_visible (hint));
  gtk_editable_set_text (TEMPLATE_CHILD (dialog, ACCORD_TYPE_FIGURES_DIALOG, "month_row"),
                         "2026-10");
  g_assert_false (gtk_widget_get_visible (hint));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Delete, then undo. */
  gtk_widget_activate_action (f->group, "health.delete-figures", "s", "2026-11");
  settle ();
  g_assert_null (find_row (f->group, "November 2026"));
  click_undo (f);
  settle ();
  g_assert_nonnull (find_row (f->group, "November 2026"));
}

/* The suggested tier follows last year's new customers; Apply sets it,
 * Undo puts the old one back. */
static void
test_apply_tier (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *apply = TEMPLATE_CHILD (f->group, ACCORD_TYPE_HEALTH_GROUP, "apply_tier_button");
  GtkWidget *tier_row = TEMPLATE_CHILD (f->group, ACCORD_TYPE_HEALTH_GROUP, "tier_row");
  g_autoptr(GPtrArray) referrals = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_referral_free);
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < ACCORD_TIER_CERTIFIED_REFERRALS; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-0%d-10", i + 3);
      AccordReferral *referral = accord_referral_new (accord_partner_get_id (f->partner), date);

      g_free (referral->customer);
      referral->customer = g_strdup_printf ("Customer %d", i);
      referral->status = ACCORD_REFERRAL_CONVERTED;
      g_ptr_array_add (referrals, referral);
    }
  g_assert_true (accord_store_save_referrals (f->store, referrals, NULL, &error));
  g_assert_no_error (error);
  settle ();

  g_assert_nonnull (strstr (subtitle_of (tier_row),
                            "Certified: 5 new customers in the last 12 months"));
  g_assert_nonnull (strstr (subtitle_of (tier_row), "Their tier now: Not set"));
  g_assert_true (gtk_widget_get_visible (apply));

  gtk_widget_activate_action (f->group, "health.apply-tier", NULL);
  g_assert_cmpint (accord_partner_get_tier (f->partner), ==, ACCORD_TIER_CERTIFIED);
  settle ();
  g_assert_false (gtk_widget_get_visible (apply));
  g_assert_nonnull (strstr (subtitle_of (tier_row), "already at this tier"));

  click_undo (f);
  g_assert_cmpint (accord_partner_get_tier (f->partner), ==, ACCORD_TIER_UNSET);
  settle ();
  g_assert_true (gtk_widget_get_visible (apply));
}

/* Every control a person reaches has a name, and the band is in words. */
static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  AccordReviewDialog *dialog;
  GtkWidget *score_row = TEMPLATE_CHILD (f->group, ACCORD_TYPE_HEALTH_GROUP, "score_row");

  save_review (f, "2026-10-01", 2);
  settle ();
  /* 100 - 30 - 5 - 15 (no contact) = 50. */
  g_assert_cmpstr (label_text (f, "score_label"), ==, "50");
  gtk_test_accessible_assert_property (score_row, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "50 of 100, Watch");
  g_assert_nonnull (find_row (f->group, "No contact logged yet takes 15 points"));
  gtk_test_accessible_assert_property (find_by_tooltip (f->group, GTK_TYPE_BUTTON,
                                                        "Delete Review"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Delete the review of 1 Oct 2026");

  dialog = open_review_dialog (f);
  gtk_test_accessible_assert_role (GTK_WIDGET (dialog), GTK_ACCESSIBLE_ROLE_DIALOG);
  for (guint i = 0; i < ACCORD_N_RED_FLAGS; i++)
    g_assert_nonnull (find_row (GTK_WIDGET (dialog), accord_red_flag_label (1u << i)));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Another partner, or none: the group follows, and lets go of the old one. */
static void
test_switch_partner (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(AccordPartner) other = accord_partner_new ("Contoso Cloud");
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_store_add_partner (f->store, other, NULL, &error));
  save_review (f, "2026-10-01", 1);
  settle ();
  g_assert_nonnull (find_row (f->group, "The latest review’s ratings take 40 points"));

  accord_health_group_set_partner (ACCORD_HEALTH_GROUP (f->group), other);
  g_assert_null (find_row (f->group, "The latest review’s ratings take 40 points"));
  g_assert_nonnull (find_row (f->group, "No review yet takes 10 points"));
  /* A change to the first partner no longer touches the page. */
  save_review (f, "2026-10-02", 5);
  settle ();
  g_assert_nonnull (find_row (f->group, "No review yet takes 10 points"));

  accord_health_group_set_partner (ACCORD_HEALTH_GROUP (f->group), NULL);
  g_assert_false (gtk_widget_get_visible (f->group));
  accord_health_group_set_partner (ACCORD_HEALTH_GROUP (f->group), other);
  g_assert_true (gtk_widget_get_visible (f->group));
}

int
main (int   argc,
      char *argv[])
{
  if (!test_app_init (&argc, &argv))
    return g_test_run ();

#define ADD(path, fn) \
  g_test_add ("/health/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("review-lowers-band", test_review_lowers_band);
  ADD ("review-refused", test_review_refused);
  ADD ("delete-review-undo", test_delete_review_undo);
  ADD ("referral-commission", test_referral_commission);
  ADD ("payment-balance", test_payment_balance);
  ADD ("bad-money", test_bad_money);
  ADD ("figures", test_figures);
  ADD ("apply-tier", test_apply_tier);
  ADD ("accessible", test_accessible);
  ADD ("switch-partner", test_switch_partner);
#undef ADD

  return g_test_run ();
}
