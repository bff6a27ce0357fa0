/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "accord-dashboard-view.h"
#include "test-app-helpers.h"

#include <string.h>

/* The dashboard view against a small workspace whose figures are known:
 * the figures it shows, partners opening from its rows, the empty state
 * and the refresh after a change. */

#define TODAY "2026-03-15"

typedef struct
{
  char          *path;
  AccordStore   *store;
  GtkWidget     *window;
  GtkWidget     *view;
  AccordPartner *alpha;
  AccordPartner *beta;
} Fixture;

static AccordPartner *
add_partner_on (AccordStore *store,
                const char  *name,
                const char  *on)
{
  g_autoptr(GError) error = NULL;
  AccordPartner *partner = accord_partner_new (name);

  accord_store_set_today (store, on);
  g_assert_true (accord_store_add_partner (store, partner, NULL, &error));
  g_assert_no_error (error);
  accord_store_set_today (store, TODAY);
  return partner;
}

static void
move (AccordStore   *store,
      AccordPartner *partner,
      AccordStage    stage,
      const char    *date)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_store_move_partner (store, partner, stage, date, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
converted (AccordStore   *store,
           AccordPartner *partner,
           const char    *date,
           const char    *customer,
           gint64         revenue_minor)
{
  g_autoptr(AccordReferral) r = accord_referral_new (accord_partner_get_id (partner), date);
  g_autoptr(GError) error = NULL;

  g_free (r->customer);
  r->customer = g_strdup (customer);
  r->status = ACCORD_REFERRAL_CONVERTED;
  r->revenue_minor = revenue_minor;
  g_assert_true (accord_store_save_referral (store, r, &error));
  g_assert_no_error (error);
}

/* Alpha: live since 2025, an agreement in EUR, 500.00 of figures in
 * February, a poor review with a red flag (at risk). Beta: launched this month, 70.00
 * from a referral converted this month. Delta: in outreach. */
static void
build (Fixture *f)
{
  g_autoptr(AccordPartner) delta = NULL;
  g_autoptr(AccordAgreement) a = NULL;
  g_autoptr(AccordFigures) figures = NULL;
  g_autoptr(AccordReview) review = NULL;
  g_autoptr(GError) error = NULL;

  f->alpha = add_partner_on (f->store, "Alpha", "2025-01-01");
  f->beta = add_partner_on (f->store, "Beta", "2025-01-01");
  delta = add_partner_on (f->store, "Delta", "2025-01-01");

  move (f->store, f->alpha, ACCORD_STAGE_OUTREACH, "2025-02-01");
  move (f->store, f->alpha, ACCORD_STAGE_NEGOTIATING, "2025-03-01");
  move (f->store, f->alpha, ACCORD_STAGE_LAUNCHING, "2025-04-10");
  move (f->store, f->alpha, ACCORD_STAGE_GROWING, "2025-05-01");
  move (f->store, f->beta, ACCORD_STAGE_OUTREACH, "2025-06-01");
  move (f->store, f->beta, ACCORD_STAGE_NEGOTIATING, "2025-07-01");
  move (f->store, f->beta, ACCORD_STAGE_LAUNCHING, "2026-03-02");
  move (f->store, delta, ACCORD_STAGE_OUTREACH, "2026-01-05");

  a = accord_agreement_new (accord_partner_get_id (f->alpha));
  a->status = ACCORD_AGREEMENT_ACTIVE;
  a->start = g_strdup ("2025-04-01");
  a->currency = g_strdup ("EUR");
  g_assert_true (accord_store_save_agreement (f->store, a, &error));
  g_assert_no_error (error);

  figures = accord_figures_new (accord_partner_get_id (f->alpha), "2026-02");
  figures->revenue_minor = 50000;
  figures->referrals = 4;
  g_assert_true (accord_store_set_figures (f->store, figures, &error));
  g_assert_no_error (error);

  review = accord_review_new (accord_partner_get_id (f->alpha), "2026-03-01");
  for (guint i = 0; i < ACCORD_N_REVIEW_RATINGS; i++)
    review->ratings[i] = 1;
  review->red_flags = ACCORD_RED_FLAG_MISSED_COMMITMENTS;
  g_assert_true (accord_store_save_review (f->store, review, &error));
  g_assert_no_error (error);

  converted (f->store, f->beta, "2026-03-04", "First customer", 7000);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = test_store_new (&f->path);
  accord_store_set_today (f->store, TODAY);
  f->view = accord_dashboard_view_new ();
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 1400);
  gtk_window_set_child (GTK_WINDOW (f->window), f->view);
}

static const char *
visible_page (Fixture *f)
{
  GtkWidget *stack = adw_bin_get_child (ADW_BIN (f->view));

  g_assert_true (GTK_IS_STACK (stack));
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static gboolean
settled_cb (gpointer data)
{
  Fixture *f = data;

  return g_strcmp0 (visible_page (f), "loading") != 0;
}

/* Until the figures (or the empty state) show, and a moment more for any
 * refresh still on its way. */
static void
wait_for_figures (Fixture *f)
{
  spin_until (settled_cb, f, 10000);
  g_assert_cmpstr (visible_page (f), !=, "loading");
  spin_for (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* Let a computation still under way finish, so nothing holds the store. */
  spin_for (500);
  g_clear_object (&f->alpha);
  g_clear_object (&f->beta);
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin_for (50);
  g_assert_finalize_object (f->store);
  g_free (f->path);
}

static void
collect_texts (GtkWidget *widget,
               GString   *out)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out);
}

static char *
all_texts (Fixture *f)
{
  GString *out = g_string_new (NULL);

  collect_texts (f->view, out);
  return g_string_free (out, FALSE);
}

static gboolean
has_line (const char *texts,
          const char *line)
{
  g_auto(GStrv) lines = g_strsplit (texts, "\n", -1);

  return g_strv_contains ((const char * const *) lines, line);
}

static AdwActionRow *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0 &&
      gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)))
    return ADW_ACTION_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *row = find_row (child, title);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static void
test_figures (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *texts = NULL;

  build (f);
  accord_dashboard_view_set_store (ACCORD_DASHBOARD_VIEW (f->view), f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_figures (f);
  g_assert_cmpstr (visible_page (f), ==, "dashboard");

  texts = all_texts (f);
  g_test_message ("%s", texts);
  /* Revenue: this month Beta's 70.00; last month Alpha's figures. */
  g_assert_true (has_line (texts, "Partner-Sourced Revenue"));
  g_assert_true (has_line (texts, "EUR 70.00"));
  g_assert_true (has_line (texts, "Last month: EUR 500.00"));
  /* Active: Alpha and Beta now; Alpha alone at the end of February. */
  g_assert_true (has_line (texts, "Active Partners"));
  g_assert_true (has_line (texts, "2"));
  g_assert_true (has_line (texts, "1 more than at the end of last month"));
  g_assert_true (has_line (texts, "New: 1 this month, 0 last month"));
  /* In discussion: Delta. */
  g_assert_true (has_line (texts, "In Discussion"));
  /* Top partners and the health alert. */
  g_assert_true (has_line (texts, "Alpha"));
  g_assert_true (has_line (texts, "EUR 500.00"));
  g_assert_true (has_line (texts, "At risk"));
  /* Workflow: two onboardings (Alpha 99 days, Beta 425: median 262),
   * no legal review yet. */
  g_assert_true (has_line (texts, "Time to onboard"));
  g_assert_true (has_line (texts, "262 days"));
  g_assert_true (has_line (texts, "Not enough data"));
}

static void
activated_cb (AccordDashboardView  *view,
              AccordPartner        *partner,
              AccordPartner       **out)
{
  *out = partner;
}

static void
test_activate (Fixture       *f,
               gconstpointer  data)
{
  AccordPartner *opened = NULL;
  AdwActionRow *row;

  build (f);
  accord_dashboard_view_set_store (ACCORD_DASHBOARD_VIEW (f->view), f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_figures (f);
  g_signal_connect (f->view, "partner-activated", G_CALLBACK (activated_cb), &opened);

  /* A top partner. */
  row = find_row (f->view, "Beta");
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  g_assert_true (opened == f->beta);

  /* A health alert (Alpha is in the top lists too: any row opens it). */
  opened = NULL;
  row = find_row (f->view, "Alpha");
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  g_assert_true (opened == f->alpha);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *texts = NULL;

  accord_dashboard_view_set_store (ACCORD_DASHBOARD_VIEW (f->view), f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_figures (f);
  g_assert_cmpstr (visible_page (f), ==, "empty");
  texts = all_texts (f);
  g_assert_true (has_line (texts, "No Partners Yet"));

  /* No workspace at all: the same explanation, nothing computed. */
  accord_dashboard_view_set_store (ACCORD_DASHBOARD_VIEW (f->view), NULL);
  g_assert_cmpstr (visible_page (f), ==, "empty");
}

/* A partner with no results yet: the revenue card says what to do. */
static void
test_no_results (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(AccordPartner) p = add_partner_on (f->store, "Lonely", "2026-03-01");
  g_autofree char *texts = NULL;

  accord_dashboard_view_set_store (ACCORD_DASHBOARD_VIEW (f->view), f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_figures (f);
  g_assert_cmpstr (visible_page (f), ==, "dashboard");
  texts = all_texts (f);
  g_assert_true (has_line (texts, "No results yet"));
  g_assert_true (has_line (texts, "No live partnerships yet."));
}

static gboolean
shows_cb (gpointer data)
{
  gpointer *args = data;
  g_autofree char *texts = all_texts (args[0]);

  return has_line (texts, args[1]);
}

/* A change shown: refreshed after a short pause; a change while hidden
 * waits for the view to be shown again. */
static void
test_refresh (Fixture       *f,
              gconstpointer  data)
{
  gpointer args[2] = { f, NULL };
  g_autofree char *texts = NULL;

  build (f);
  accord_dashboard_view_set_store (ACCORD_DASHBOARD_VIEW (f->view), f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_figures (f);

  /* Two changes in a row, one refresh: 70.00 + 30.00 + 20.00. */
  converted (f->store, f->beta, "2026-03-05", "Second customer", 3000);
  converted (f->store, f->beta, "2026-03-06", "Third customer", 2000);
  args[1] = "EUR 120.00";
  spin_until (shows_cb, args, 5000);
  texts = all_texts (f);
  g_assert_true (has_line (texts, "EUR 120.00"));
  g_clear_pointer (&texts, g_free);

  /* Hidden: nothing changes on screen until it is shown again. */
  gtk_widget_set_visible (f->view, FALSE);
  converted (f->store, f->beta, "2026-03-07", "Fourth customer", 1000);
  spin_for (600);
  texts = all_texts (f);
  g_assert_true (has_line (texts, "EUR 120.00"));
  g_clear_pointer (&texts, g_free);
  gtk_widget_set_visible (f->view, TRUE);
  args[1] = "EUR 130.00";
  spin_until (shows_cb, args, 5000);
  texts = all_texts (f);
  g_assert_true (has_line (texts, "EUR 130.00"));
}

/* It fits a phone: nothing in it asks for more than 360 pixels. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  int minimum = 0;

  build (f);
  accord_dashboard_view_set_store (ACCORD_DASHBOARD_VIEW (f->view), f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_figures (f);
  gtk_widget_measure (f->view, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("minimum width %d", minimum);
  g_assert_cmpint (minimum, <=, 360);
}

int
main (int   argc,
      char *argv[])
{
  if (test_app_init (&argc, &argv))
    {
#define ADD(path, func) \
      g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

      ADD ("/dashboard-ui/figures", test_figures);
      ADD ("/dashboard-ui/activate", test_activate);
      ADD ("/dashboard-ui/empty", test_empty);
      ADD ("/dashboard-ui/no-results", test_no_results);
      ADD ("/dashboard-ui/refresh", test_refresh);
      ADD ("/dashboard-ui/narrow", test_narrow);

#undef ADD
    }
  return g_test_run ();
}
