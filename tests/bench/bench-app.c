/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* In-process timings of the app on a workspace, run by build-aux/bench:
 *
 *   bench-app WORKSPACE filter|switch|chart [RUNS]
 *
 * filter  The real AccordWindow (1200x800) on the workspace; a realistic
 *         query (the start of a partner's name) is typed into the
 *         window's own search entry one character at a time. The search
 *         entry waits its search delay before it emits "search-changed":
 *         that wait is not work and is not counted. For each keystroke
 *         the clock starts when "search-changed" is emitted (an emission
 *         hook, before the window's handler sets the filter) and stops at
 *         the frame clock's "after-paint" of the last frame drawn before
 *         the window has been quiet for 150 ms: the list model filtered,
 *         then the list laid out and painted. Time the main loop spent
 *         blocked in poll() in between (waiting for the next frame tick
 *         of the display, not working) is subtracted; `filter-wall-ms`
 *         keeps it. `filter-model-ms` is the filtering alone (the
 *         window's "search-changed" handler).
 * switch  The same window; successive partners are selected through the
 *         list view's selection model, as a click on a row does, and the
 *         clock runs from the selection to the after-paint of the last
 *         frame before 150 ms of quiet: the partner page filled (its idle
 *         refreshes included) and laid out. Poll time is subtracted as
 *         above (`switch-wall-ms` keeps it); `switch-sync-ms` is the
 *         selection call alone.
 * chart   No window: the chart library on its own, as tests/chart does.
 *         `chart-portfolio-data-ms` builds the portfolio's data from the
 *         store (accord_portfolio_source_new()), `chart-portfolio-ms` lays
 *         it out and draws it into a 1200x800 image surface; likewise
 *         `chart-partner-*` for the lifecycle chart of the live partner
 *         with the longest history among the first 200.
 *
 * Animations and the blinking cursor are off, so nothing else draws.
 * Every figure is the median over keystrokes (or partners, or repeats)
 * and RUNS runs (5 by default), in milliseconds, printed as `NAME VALUE`.
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>

#include "accord-chart-common.h"
#include "accord-chart-data.h"
#include "accord-partner.h"
#include "accord-store.h"
#include "accord-window.h"
#include "chart-test-util.h"

#define QUIET_US (150 * 1000)
#define WAIT_US (5 * 1000 * 1000)

static GPollFunc default_poll;
static gint64 poll_blocked_us;      /* time spent blocked in poll() so far */
static gint64 last_paint_us;        /* the latest after-paint */
static gint64 poll_at_last_paint;
static gint64 search_changed_us;    /* the latest "search-changed" */
static gint64 poll_at_search_changed;
static gint64 search_handled_us;    /* when the window's handler was done */

static gint
timed_poll (GPollFD *fds,
            guint    n_fds,
            gint     timeout)
{
  gint64 start = g_get_monotonic_time ();
  gint result = default_poll (fds, n_fds, timeout);

  poll_blocked_us += g_get_monotonic_time () - start;
  return result;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  last_paint_us = g_get_monotonic_time ();
  poll_at_last_paint = poll_blocked_us;
}

static gboolean
search_changed_hook (GSignalInvocationHint *hint,
                     guint                  n_values,
                     const GValue          *values,
                     gpointer               user_data)
{
  search_changed_us = g_get_monotonic_time ();
  poll_at_search_changed = poll_blocked_us;
  return TRUE;
}

static void
search_handled_cb (GtkSearchEntry *entry,
                   gpointer        user_data)
{
  search_handled_us = g_get_monotonic_time ();
}

static gboolean
quiet_over_cb (gpointer data)
{
  guint *id = data;

  *id = 0;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until nothing was painted for QUIET_US since @since.
 * It blocks in poll() between events, as the app's own main loop does: a
 * loop that kept looking for events would spend time reading the display
 * connection that the app never spends. */
static void
run_until_quiet (gint64 since)
{
  for (;;)
    {
      gint64 left = MAX (since, last_paint_us) + QUIET_US - g_get_monotonic_time ();
      guint id;

      if (left <= 0)
        return;
      id = g_timeout_add_full (G_PRIORITY_LOW, (guint) ((left + 999) / 1000),
                               quiet_over_cb, &id, NULL);
      g_main_context_iteration (NULL, TRUE);
      if (id != 0)
        g_source_remove (id);
    }
}

static gboolean
run_until_set (gint64 *stamp,
               gint64  after)
{
  gint64 end = g_get_monotonic_time () + WAIT_US;

  while (*stamp <= after && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  return *stamp > after;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  if (values->len == 0)
    return -1;
  g_array_sort (values, compare_doubles);
  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1) +
          g_array_index (values, double, values->len / 2)) / 2;
}

static void
add (GArray *values,
     double  value)
{
  g_array_append_val (values, value);
}

static AccordStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  AccordStore *store = accord_store_open (path, ACCORD_STORE_OPEN_DEFAULT, &error);

  if (store == NULL)
    {
      g_printerr ("bench-app: %s\n", error->message);
      exit (1);
    }
  if (g_getenv ("ACCORD_TODAY") != NULL)
    accord_store_set_today (store, g_getenv ("ACCORD_TODAY"));
  return store;
}

static AccordWindow *
open_window (AccordStore *store)
{
  AccordWindow *window = accord_window_new (NULL);
  GdkFrameClock *clock;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  accord_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  if (clock == NULL)
    {
      g_printerr ("bench-app: the window has no frame clock\n");
      exit (1);
    }
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);

  /* The first frame and whatever start-up left to do. */
  if (!run_until_set (&last_paint_us, 0))
    {
      g_printerr ("bench-app: the window never drew a frame\n");
      exit (1);
    }
  run_until_quiet (g_get_monotonic_time ());
  return window;
}

static int
bench_filter (AccordStore *store,
              int          runs)
{
  AccordWindow *window = open_window (store);
  GtkEditable *search = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                     ACCORD_TYPE_WINDOW,
                                                                     "search_entry"));
  GListModel *partners = accord_store_get_partners (store);
  guint n = g_list_model_get_n_items (partners);
  g_autoptr(AccordPartner) target = NULL;
  g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) model = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *query = NULL;
  glong query_len;

  if (search == NULL || n == 0)
    {
      g_printerr ("bench-app: no search entry, or no partners\n");
      return 1;
    }
  g_signal_add_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), 0,
                              search_changed_hook, NULL, NULL);
  g_signal_connect_after (search, "search-changed", G_CALLBACK (search_handled_cb), NULL);

  /* What someone looking for a partner types: the start of its name,
   * in lower case, up to the second word's first letters. */
  target = g_list_model_get_item (partners, n / 2);
  {
    g_autofree char *lower = g_utf8_strdown (accord_partner_get_name (target), -1);
    const char *space = strchr (lower, ' ');
    glong keep = space != NULL ? g_utf8_pointer_to_offset (lower, space) + 3 : 12;

    query = g_utf8_substring (lower, 0, MIN (keep, g_utf8_strlen (lower, -1)));
  }
  query_len = g_utf8_strlen (query, -1);
  gtk_widget_grab_focus (GTK_WIDGET (search));

  for (int run = 0; run < runs; run++)
    {
      gtk_editable_set_text (search, "");
      g_signal_emit_by_name (search, "search-changed");
      run_until_quiet (g_get_monotonic_time ());

      for (glong k = 0; k < query_len; k++)
        {
          const char *c = g_utf8_offset_to_pointer (query, k);
          int position = (int) k;
          gint64 before = g_get_monotonic_time ();
          gint64 end;

          gtk_editable_insert_text (search, c, g_utf8_next_char (c) - c, &position);
          gtk_editable_set_position (search, position);
          if (!run_until_set (&search_changed_us, before) ||
              !run_until_set (&search_handled_us, before))
            {
              g_printerr ("bench-app: the search entry never reported a change\n");
              return 1;
            }
          run_until_quiet (search_handled_us);

          end = MAX (last_paint_us, search_handled_us);
          add (model, (search_handled_us - search_changed_us) / 1000.0);
          add (wall, (end - search_changed_us) / 1000.0);
          if (last_paint_us > search_changed_us)
            add (busy, (last_paint_us - search_changed_us -
                        (poll_at_last_paint - poll_at_search_changed)) / 1000.0);
          else
            add (busy, (search_handled_us - search_changed_us) / 1000.0);
        }
    }

  printf ("query %s\n", query);
  printf ("keystrokes %u\n", busy->len);
  printf ("filter-ms %.3f\n", median (busy));
  printf ("filter-wall-ms %.3f\n", median (wall));
  printf ("filter-model-ms %.3f\n", median (model));
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

static int
bench_switch (AccordStore *store,
              int          runs)
{
  AccordWindow *window = open_window (store);
  GtkListView *list_view = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                         ACCORD_TYPE_WINDOW,
                                                                         "list_view"));
  GtkSelectionModel *selection;
  g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sync = g_array_new (FALSE, FALSE, sizeof (double));
  const guint per_run = 10;
  guint n;

  if (list_view == NULL)
    {
      g_printerr ("bench-app: no list view\n");
      return 1;
    }
  selection = gtk_list_view_get_model (list_view);
  n = g_list_model_get_n_items (G_LIST_MODEL (selection));
  if (n < 2)
    {
      g_printerr ("bench-app: too few partners\n");
      return 1;
    }

  /* One selection first: the page's widgets are made once. */
  gtk_selection_model_select_item (selection, 0, TRUE);
  run_until_quiet (g_get_monotonic_time ());

  for (int run = 0; run < runs; run++)
    for (guint k = 0; k < per_run; k++)
      {
        guint position = (1 + run * 7 + k * (n / per_run)) % n;
        gint64 start, poll_start, done;

        start = g_get_monotonic_time ();
        poll_start = poll_blocked_us;
        gtk_selection_model_select_item (selection, position, TRUE);
        done = g_get_monotonic_time ();
        run_until_quiet (done);

        add (sync, (done - start) / 1000.0);
        if (last_paint_us > start)
          {
            add (wall, (last_paint_us - start) / 1000.0);
            add (busy, (last_paint_us - start - (poll_at_last_paint - poll_start)) / 1000.0);
          }
        else
          {
            add (wall, (done - start) / 1000.0);
            add (busy, (done - start) / 1000.0);
          }
      }

  printf ("switches %u\n", busy->len);
  printf ("switch-ms %.3f\n", median (busy));
  printf ("switch-wall-ms %.3f\n", median (wall));
  printf ("switch-sync-ms %.3f\n", median (sync));
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

/* The live partner with the most reviews among the first 200. */
static AccordPartner *
pick_partner (AccordStore *store)
{
  GListModel *partners = accord_store_get_partners (store);
  guint n = MIN (200, g_list_model_get_n_items (partners));
  AccordPartner *best = NULL;
  guint best_reviews = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordPartner) partner = g_list_model_get_item (partners, i);
      g_autoptr(GPtrArray) reviews = accord_store_list_reviews (store, partner, NULL);

      if (best == NULL || (reviews != NULL && reviews->len > best_reviews))
        {
          g_set_object (&best, partner);
          best_reviews = reviews != NULL ? reviews->len : 0;
        }
    }
  return best;
}

static int
bench_chart (AccordStore *store,
             int          runs)
{
  g_autoptr(GError) error = NULL;
  PangoContext *pango = chart_test_pango_new ();
  g_autoptr(AccordPartner) partner = pick_partner (store);
  const AccordChartPalette *palette = accord_chart_palette_get (ACCORD_CHART_THEME_LIGHT);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 800);
  g_autoptr(GArray) portfolio = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) portfolio_data = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lifecycle = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lifecycle_data = g_array_new (FALSE, FALSE, sizeof (double));
  /* Several draws a run: one is too short for the clock on small data. */
  const int repeats = 5;

  if (partner == NULL)
    {
      g_printerr ("bench-app: no partners\n");
      return 1;
    }

  for (int run = 0; run < runs; run++)
    {
      g_autoptr(AccordPortfolioSource) ps = NULL;
      g_autoptr(AccordLifecycleSource) ls = NULL;
      gint64 start = g_get_monotonic_time ();

      ps = accord_portfolio_source_new (store, &error);
      if (ps == NULL)
        {
          g_printerr ("bench-app: %s\n", error->message);
          return 1;
        }
      add (portfolio_data, (g_get_monotonic_time () - start) / 1000.0);

      start = g_get_monotonic_time ();
      ls = accord_lifecycle_source_new (store, partner, &error);
      if (ls == NULL)
        {
          g_printerr ("bench-app: %s\n", error->message);
          return 1;
        }
      add (lifecycle_data, (g_get_monotonic_time () - start) / 1000.0);

      for (int r = 0; r < repeats; r++)
        {
          cairo_t *cr = cairo_create (surface);
          AccordPortfolioLayout *pl;
          AccordLifecycleLayout *ll;

          start = g_get_monotonic_time ();
          pl = accord_portfolio_chart_layout (&ps->data, 1200, 800, pango, NULL);
          accord_portfolio_chart_draw (cr, pl, palette);
          cairo_surface_flush (surface);
          add (portfolio, (g_get_monotonic_time () - start) / 1000.0);
          accord_portfolio_layout_free (pl);

          start = g_get_monotonic_time ();
          ll = accord_lifecycle_chart_layout (&ls->data, 1200, 800, pango, NULL);
          accord_lifecycle_chart_draw (cr, ll, palette);
          cairo_surface_flush (surface);
          add (lifecycle, (g_get_monotonic_time () - start) / 1000.0);
          accord_lifecycle_layout_free (ll);
          cairo_destroy (cr);
        }
    }
  cairo_surface_destroy (surface);
  g_object_unref (pango);

  printf ("chart-portfolio-items %u\n", accord_store_get_partners (store) != NULL ?
          g_list_model_get_n_items (accord_store_get_partners (store)) : 0);
  printf ("chart-portfolio-ms %.3f\n", median (portfolio));
  printf ("chart-portfolio-data-ms %.3f\n", median (portfolio_data));
  printf ("chart-partner-ms %.3f\n", median (lifecycle));
  printf ("chart-partner-data-ms %.3f\n", median (lifecycle_data));
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AccordStore) store = NULL;
  const char *mode;
  int runs = 5;
  int status;

  if (argc < 3 || argc > 4)
    {
      g_printerr ("usage: bench-app WORKSPACE filter|switch|chart [RUNS]\n");
      return 2;
    }
  mode = argv[2];
  if (argc == 4)
    runs = atoi (argv[3]);
  if (runs < 1)
    {
      g_printerr ("bench-app: RUNS must be at least 1\n");
      return 2;
    }

  if (g_strcmp0 (mode, "chart") == 0)
    {
      store = open_store (argv[1]);
      return bench_chart (store, runs);
    }
  if (g_strcmp0 (mode, "filter") != 0 && g_strcmp0 (mode, "switch") != 0)
    {
      g_printerr ("bench-app: unknown mode %s\n", mode);
      return 2;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("bench-app: no display; run it under xvfb-run\n");
      return 77;
    }

  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE,
                "gtk-cursor-blink", FALSE, NULL);
  default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timed_poll);

  store = open_store (argv[1]);
  if (g_strcmp0 (mode, "filter") == 0)
    status = bench_filter (store, runs);
  else
    status = bench_switch (store, runs);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return status;
}
