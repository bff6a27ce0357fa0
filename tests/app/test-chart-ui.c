/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "test-app-helpers.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "accord-chart-data.h"
#include "accord-partner-chart.h"
#include "accord-portfolio-view.h"

/* The chart widgets: the partner page's lifecycle chart and the
 * portfolio view. They draw, hit-test their tooltips and clicks against
 * the layout they draw, describe themselves, swap to a table, refresh on
 * the store's changes, export and print.
 *
 * With ACCORD_CHART_SCREENSHOTS=DIR, each drawing test also saves the
 * window, light and dark, at 1000 and 360 pixels wide, into DIR. */

#define TODAY "2026-02-10"

typedef struct
{
  char          *dir;
  AccordStore   *store;
  AccordPartner *acme;
  GtkWidget     *window;
  GtkWidget     *widget;
} Fixture;

static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  spin_for (20);
  while (g_main_context_pending (NULL) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
move (AccordStore   *store,
      AccordPartner *partner,
      AccordStage    to,
      const char    *date)
{
  g_autoptr(GError) error = NULL;

  accord_store_move_partner (store, partner, to, date, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
review (AccordStore   *store,
        AccordPartner *partner,
        const char    *date,
        int            rating)
{
  g_autoptr(AccordReview) r = accord_review_new (accord_partner_get_id (partner), date);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < ACCORD_N_REVIEW_RATINGS; i++)
    r->ratings[i] = rating;
  g_assert_true (accord_store_save_review (store, r, &error));
  g_assert_no_error (error);
}

static AccordPartner *
add_partner (AccordStore *store,
             const char  *name)
{
  g_autoptr(AccordPartner) partner = accord_partner_new (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_store_add_partner (store, partner, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&partner);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AccordAgreement) a = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *names[] = { "Bluepeak Studio", "Kestrel Media", "Northwind", "Café Olé" };

  f->store = test_store_new (&path);
  f->dir = g_path_get_dirname (path);

  accord_store_set_today (f->store, "2025-01-06");
  f->acme = add_partner (f->store, "Acme");
  move (f->store, f->acme, ACCORD_STAGE_OUTREACH, "2025-02-03");
  move (f->store, f->acme, ACCORD_STAGE_NEGOTIATING, "2025-03-17");
  move (f->store, f->acme, ACCORD_STAGE_LAUNCHING, "2025-04-01");
  move (f->store, f->acme, ACCORD_STAGE_GROWING, "2025-06-02");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(AccordPartner) other = add_partner (f->store, names[i]);

      if (i % 2 == 0)
        {
          move (f->store, other, ACCORD_STAGE_OUTREACH, "2025-03-01");
          review (f->store, other, "2025-12-01", i == 0 ? 5 : 1);
        }
    }

  accord_store_set_today (f->store, TODAY);
  accord_store_start_playbook (f->store, f->acme, ACCORD_PLAYBOOK_LAUNCH, "2025-05-20",
                               "Spring launch", &error);
  g_assert_no_error (error);
  a = accord_agreement_new (accord_partner_get_id (f->acme));
  a->status = ACCORD_AGREEMENT_ACTIVE;
  a->start = g_strdup ("2025-04-01");
  a->term_months = 12;
  a->notice_days = 30;
  a->renewal = ACCORD_RENEWAL_AUTOMATIC;
  g_assert_true (accord_store_save_agreement (f->store, a, &error));
  g_assert_no_error (error);
  review (f->store, f->acme, "2025-09-01", 5);
  review (f->store, f->acme, "2025-12-01", 3);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->widget != NULL)
    g_object_ref (f->widget);
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  spin_for (50);
  if (f->widget != NULL)
    g_assert_finalize_object (f->widget);
  g_clear_object (&f->acme);
  g_assert_finalize_object (f->store);
  g_free (f->dir);
}

static void
show_in_window (Fixture   *f,
                GtkWidget *widget,
                int        width)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  f->widget = widget;
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, 560);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_box_append (GTK_BOX (box), widget);
  gtk_window_set_child (GTK_WINDOW (f->window), box);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (f->window);
  settle ();
}

static GtkWidget *
find_child (GtkWidget *root,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What the widget looks like, as the renderer paints it. */
static GdkTexture *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                      node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* How many different colours the texture holds (up to @cap). */
static guint
count_colours (GdkTexture *texture,
               guint       cap)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * height);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  for (gsize i = 0; i < (gsize) width * height && g_hash_table_size (seen) < cap; i++)
    g_hash_table_add (seen, GUINT_TO_POINTER (pixels[i]));
  return g_hash_table_size (seen);
}

/* The mean brightness of the texture, 0..255. */
static double
mean_brightness (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * height);
  double sum = 0;

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  for (gsize i = 0; i < (gsize) width * height; i++)
    sum += ((pixels[i] >> 16 & 0xff) + (pixels[i] >> 8 & 0xff) + (pixels[i] & 0xff)) / 3.0;
  return sum / ((double) width * height);
}

static void
save_screenshots (Fixture    *f,
                  const char *name)
{
  const char *dir = g_getenv ("ACCORD_CHART_SCREENSHOTS");
  const int widths[] = { 1000, 360 };
  const char *schemes[] = { "light", "dark" };

  if (dir == NULL)
    return;
  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      {
        g_autoptr(GdkTexture) texture = NULL;
        g_autofree char *file = g_strdup_printf ("%s/%s-%s-%d.png", dir, name, schemes[s],
                                                 widths[w]);

        adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                            s == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                   : ADW_COLOR_SCHEME_FORCE_DARK);
        gtk_window_set_default_size (GTK_WINDOW (f->window), widths[w], 560);
        gtk_widget_queue_resize (f->window);
        spin_for (200);
        settle ();
        texture = render (f->window);
        g_assert_true (gdk_texture_save_to_png (texture, file));
      }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 560);
  spin_for (200);
  settle ();
}

static gboolean
file_starts_with (const char *path,
                  const char *magic)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return length >= strlen (magic) && memcmp (contents, magic, strlen (magic)) == 0;
}

/* Partner chart */

static AccordPartnerChart *
show_partner_chart (Fixture *f)
{
  GtkWidget *chart = accord_partner_chart_new ();

  accord_partner_chart_set_store (ACCORD_PARTNER_CHART (chart), f->store);
  accord_partner_chart_set_partner (ACCORD_PARTNER_CHART (chart), f->acme);
  show_in_window (f, chart, 800);
  return ACCORD_PARTNER_CHART (chart);
}

static void
test_partner_draws (Fixture       *f,
                    gconstpointer  data)
{
  AccordPartnerChart *chart = show_partner_chart (f);
  GtkWidget *area = find_child (GTK_WIDGET (chart), GTK_TYPE_DRAWING_AREA);
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;

  g_assert_nonnull (area);
  g_assert_true (gtk_widget_get_mapped (area));
  g_assert_cmpint (gtk_widget_get_height (area), >=, 250);
  g_assert_cmpint (gtk_widget_get_width (area), >, 600);

  /* Bands, a line, markers: many colours, not a blank card. */
  light = render (area);
  g_assert_cmpuint (count_colours (light, 64), >=, 16);

  /* Dark follows the style manager: the same chart, darker. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  spin_for (100);
  settle ();
  dark = render (area);
  g_assert_cmpfloat (mean_brightness (dark), <, mean_brightness (light) - 60);

  save_screenshots (f, "partner-chart");
}

static void
test_partner_tooltip (Fixture       *f,
                      gconstpointer  data)
{
  AccordPartnerChart *chart = show_partner_chart (f);
  GtkWidget *area = find_child (GTK_WIDGET (chart), GTK_TYPE_DRAWING_AREA);
  g_autoptr(AccordLifecycleSource) source = NULL;
  g_autoptr(AccordLifecycleLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  const AccordLifecycleMarkerGeometry *markers;
  AccordChartOptions options = { 0, };
  guint n, checked = 0;
  g_autofree char *nothing = NULL;

  /* The layout the widget draws, computed again from the same data, size
   * and fonts: its markers' symbols are where the tooltips must be. */
  source = accord_lifecycle_source_new (f->store, f->acme, &error);
  g_assert_no_error (error);
  layout = accord_lifecycle_chart_layout (&source->data, gtk_widget_get_width (area),
                                          gtk_widget_get_height (area),
                                          gtk_widget_get_pango_context (area), &options);
  markers = accord_lifecycle_layout_get_markers (layout, &n);
  g_assert_cmpuint (n, >=, 4);
  for (guint i = 0; i < n; i++)
    {
      const AccordLifecycleMarker *marker = &source->data.markers[markers[i].marker];
      double x = markers[i].symbol.x + markers[i].symbol.width / 2;
      double y = markers[i].symbol.y + markers[i].symbol.height / 2;
      g_autofree char *text = accord_partner_chart_dup_tooltip_at (chart, x, y);

      if (markers[i].symbol.width <= 0)
        continue;
      g_assert_nonnull (text);
      g_assert_nonnull (strstr (text, accord_lifecycle_marker_kind_label (marker->kind)));
      if (marker->kind == ACCORD_LIFECYCLE_MARKER_NOTICE_DEADLINE)
        {
          /* 2026-03-01, 19 days from today. */
          g_assert_nonnull (strstr (text, "Notice deadline"));
          g_assert_nonnull (strstr (text, "in 19 days"));
          checked++;
        }
      if (marker->kind == ACCORD_LIFECYCLE_MARKER_LAUNCH)
        {
          g_assert_nonnull (strstr (text, "Spring launch"));
          checked++;
        }
    }
  g_assert_cmpuint (checked, ==, 2);

  /* The corner holds nothing. */
  nothing = accord_partner_chart_dup_tooltip_at (chart, 1, 1);
  g_assert_null (nothing);
}

static void
test_partner_accessible (Fixture       *f,
                         gconstpointer  data)
{
  AccordPartnerChart *chart = show_partner_chart (f);
  GtkWidget *area = find_child (GTK_WIDGET (chart), GTK_TYPE_DRAWING_AREA);
  g_autoptr(AccordLifecycleSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  source = accord_lifecycle_source_new (f->store, f->acme, &error);
  g_assert_no_error (error);
  before = accord_lifecycle_chart_describe (&source->data);
  g_assert_nonnull (strstr (before, "Acme has been Growing since"));
  gtk_test_accessible_assert_property (area, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, before);
  gtk_test_accessible_assert_property (area, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Lifecycle and health chart of Acme");

  /* A move refreshes it. */
  move (f->store, f->acme, ACCORD_STAGE_OPTIMIZING, TODAY);
  settle ();
  g_clear_pointer (&source, accord_lifecycle_source_free);
  source = accord_lifecycle_source_new (f->store, f->acme, &error);
  g_assert_no_error (error);
  after = accord_lifecycle_chart_describe (&source->data);
  g_assert_cmpstr (after, !=, before);
  g_assert_nonnull (strstr (after, "Optimizing"));
  gtk_test_accessible_assert_property (area, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, after);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_partner_table (Fixture       *f,
                    gconstpointer  data)
{
  AccordPartnerChart *chart = show_partner_chart (f);
  GtkWidget *view = find_child (GTK_WIDGET (chart), GTK_TYPE_COLUMN_VIEW);
  GtkWidget *stack = TEMPLATE_CHILD (chart, ACCORD_TYPE_PARTNER_CHART, "stack");
  GtkWidget *toggle = TEMPLATE_CHILD (chart, ACCORD_TYPE_PARTNER_CHART, "table_button");
  g_autoptr(AccordLifecycleSource) source = NULL;
  g_autoptr(AccordChartTable) table = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;
  guint notified = 0;
  guint rows_before;

  g_signal_connect (chart, "notify::show-table", G_CALLBACK (count_notify_cb), &notified);

  g_assert_false (accord_partner_chart_get_show_table (chart));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "chart");

  /* The toggle's action shows the table: the same rows as the chart's. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.show-table", NULL));
  settle ();
  g_assert_true (accord_partner_chart_get_show_table (chart));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "table");
  g_assert_true (gtk_widget_get_mapped (view));

  source = accord_lifecycle_source_new (f->store, f->acme, &error);
  g_assert_no_error (error);
  table = accord_lifecycle_chart_table (&source->data);
  model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, table->rows->len);
  g_assert_cmpuint (table->rows->len, >=, 10);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (GTK_COLUMN_VIEW (view))),
                    ==, table->n_columns);
  {
    g_autoptr(GtkStringList) first = g_list_model_get_item (model, 0);
    char **row = g_ptr_array_index (table->rows, 0);

    for (guint c = 0; c < table->n_columns; c++)
      g_assert_cmpstr (gtk_string_list_get_string (first, c), ==, row[c]);
  }

  save_screenshots (f, "partner-table");

  /* A new review adds rows (the review and its score). */
  rows_before = g_list_model_get_n_items (model);
  review (f->store, f->acme, "2026-01-15", 4);
  settle ();
  model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, rows_before + 2);

  /* And back, with the toggle button. */
  g_signal_emit_by_name (toggle, "clicked");
  settle ();
  g_assert_false (accord_partner_chart_get_show_table (chart));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "chart");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
}

static void
test_partner_export (Fixture       *f,
                     gconstpointer  data)
{
  AccordPartnerChart *chart = show_partner_chart (f);
  g_autofree char *png = g_build_filename (f->dir, "acme.png", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "acme.SVG", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "acme.gif", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_partner_chart_export (chart, png, &error));
  g_assert_no_error (error);
  g_assert_true (file_starts_with (png, "\x89PNG\r\n\x1a\n"));
  g_assert_true (accord_partner_chart_export (chart, svg, &error));
  g_assert_no_error (error);
  g_assert_true (file_starts_with (svg, "<?xml"));

  g_assert_false (accord_partner_chart_export (chart, bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  /* Printing goes through GtkPrintOperation with the same renderer. */
  accord_partner_chart_print (chart, pdf);
  settle ();
  g_assert_true (file_starts_with (pdf, "%PDF"));

  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
}

static GtkWidget *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static gboolean
widget_has_focus (gpointer data)
{
  return gtk_widget_has_focus (GTK_WIDGET (data));
}

static gboolean
file_chooser_shown (gpointer data)
{
  return find_file_chooser () != NULL;
}

/* Export as PNG from the menu: the file chooser offers a name, and a name
 * typed without an extension gets the format's. */
static void
test_partner_export_dialog (Fixture       *f,
                            gconstpointer  data)
{
  AccordPartnerChart *chart = show_partner_chart (f);
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autofree char *expected = g_build_filename (f->dir, "exported.png", NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.export", "s", "png"));
  spin_until (file_chooser_shown, NULL, 3000);
  dialog = find_file_chooser ();
  g_assert_nonnull (dialog);
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));

    g_assert_cmpstr (name, ==, "Acme lifecycle.png");
  }

  /* The chooser loads its first folder on its own: choose ours after. */
  spin_for (300);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, &error);
  g_assert_no_error (error);
  spin_for (300);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "exported");
  {
    g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
    g_autofree char *chosen_path = g_file_get_path (chosen);
    g_autofree char *without = g_build_filename (f->dir, "exported", NULL);

    g_assert_cmpstr (chosen_path, ==, without);
  }
  g_signal_emit_by_name (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog),
                                                            GTK_RESPONSE_ACCEPT), "clicked");
  spin_for (300);
  settle ();
  g_assert_null (find_file_chooser ());
  g_assert_true (file_starts_with (expected, "\x89PNG\r\n\x1a\n"));
  g_unlink (expected);
}

static void
test_partner_none (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *chart = accord_partner_chart_new ();
  GtkWidget *area;

  /* No store, no partner: an empty card, actions off, no criticals. */
  show_in_window (f, chart, 600);
  area = find_child (chart, GTK_TYPE_DRAWING_AREA);
  g_assert_null (accord_partner_chart_dup_tooltip_at (ACCORD_PARTNER_CHART (chart), 100, 100));
  gtk_test_accessible_assert_property (area, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");

  accord_partner_chart_set_store (ACCORD_PARTNER_CHART (chart), f->store);
  accord_partner_chart_set_partner (ACCORD_PARTNER_CHART (chart), f->acme);
  settle ();
  {
    g_autofree char *tooltip =
      accord_partner_chart_dup_tooltip_at (ACCORD_PARTNER_CHART (chart),
                                           gtk_widget_get_width (area) / 2.0,
                                           gtk_widget_get_height (area) / 2.0);

    g_assert_nonnull (tooltip);
  }
  accord_partner_chart_set_partner (ACCORD_PARTNER_CHART (chart), NULL);
  settle ();
  g_assert_null (accord_partner_chart_dup_tooltip_at (ACCORD_PARTNER_CHART (chart),
                                                     gtk_widget_get_width (area) / 2.0,
                                                     gtk_widget_get_height (area) / 2.0));
}

/* Portfolio */

typedef struct
{
  guint          count;
  AccordPartner *last;
} Activations;

static void
activated_cb (AccordPortfolioView *view,
              AccordPartner       *partner,
              Activations         *activations)
{
  activations->count++;
  g_set_object (&activations->last, partner);
}

static AccordPortfolioView *
show_portfolio (Fixture *f)
{
  GtkWidget *view = accord_portfolio_view_new ();

  accord_portfolio_view_set_store (ACCORD_PORTFOLIO_VIEW (view), f->store);
  gtk_widget_set_size_request (view, -1, 420);
  show_in_window (f, view, 800);
  return ACCORD_PORTFOLIO_VIEW (view);
}

static AccordPortfolioLayout *
portfolio_layout (Fixture               *f,
                  GtkWidget             *area,
                  AccordPortfolioSource *source)
{
  AccordChartOptions options = { 0, };

  return accord_portfolio_chart_layout (&source->data, gtk_widget_get_width (area),
                                        gtk_widget_get_height (area),
                                        gtk_widget_get_pango_context (area), &options);
}

static GtkGesture *
find_click_gesture (GtkWidget *area)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (area);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        return GTK_GESTURE (controller);
    }
  return NULL;
}

static GtkEventController *
find_key_controller (GtkWidget *area)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (area);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        return GTK_EVENT_CONTROLLER (controller);
    }
  return NULL;
}

static void
test_portfolio_draws (Fixture       *f,
                      gconstpointer  data)
{
  AccordPortfolioView *view = show_portfolio (f);
  GtkWidget *area = find_child (GTK_WIDGET (view), GTK_TYPE_DRAWING_AREA);
  g_autoptr(AccordPortfolioSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *description = NULL;

  g_assert_true (gtk_widget_get_mapped (area));
  g_assert_true (gtk_widget_get_focusable (area));
  texture = render (area);
  g_assert_cmpuint (count_colours (texture, 64), >=, 8);

  source = accord_portfolio_source_new (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (source->data.n_items, ==, 5);
  description = accord_portfolio_chart_describe (&source->data);
  gtk_test_accessible_assert_property (area, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  gtk_test_accessible_assert_property (area, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Partners by stage and health");

  /* A new partner refreshes the chart and its description. */
  {
    g_autoptr(AccordPartner) extra = add_partner (f->store, "Extra Co");
    g_autofree char *after = NULL;

    settle ();
    g_clear_pointer (&source, accord_portfolio_source_free);
    source = accord_portfolio_source_new (f->store, &error);
    g_assert_no_error (error);
    after = accord_portfolio_chart_describe (&source->data);
    g_assert_cmpstr (after, !=, description);
    gtk_test_accessible_assert_property (area, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, after);
  }

  save_screenshots (f, "portfolio");
}

static void
test_portfolio_click (Fixture       *f,
                      gconstpointer  data)
{
  AccordPortfolioView *view = show_portfolio (f);
  GtkWidget *area = find_child (GTK_WIDGET (view), GTK_TYPE_DRAWING_AREA);
  GtkGesture *click = find_click_gesture (area);
  g_autoptr(AccordPortfolioSource) source = NULL;
  g_autoptr(AccordPortfolioLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  Activations activations = { 0, };
  guint tested = 0;

  g_assert_nonnull (click);
  g_signal_connect (view, "partner-activated", G_CALLBACK (activated_cb), &activations);
  source = accord_portfolio_source_new (f->store, &error);
  g_assert_no_error (error);
  layout = portfolio_layout (f, area, source);

  /* Every square opens its own partner, and shows its name on hover. */
  for (guint i = 0; i < source->data.n_items; i++)
    {
      AccordChartRect rect;
      double x, y;
      g_autofree char *tip = NULL;

      g_assert_true (accord_portfolio_layout_get_item_rect (layout, i, &rect));
      x = rect.x + rect.width / 2;
      y = rect.y + rect.height / 2;
      tip = accord_portfolio_view_dup_tooltip_at (view, x, y);
      g_assert_nonnull (tip);
      g_assert_true (g_str_has_prefix (tip, source->data.items[i].name));

      g_signal_emit_by_name (click, "released", 1, x, y);
      g_assert_cmpuint (activations.count, ==, tested + 1);
      g_assert_cmpint (accord_partner_get_id (activations.last), ==, source->data.items[i].id);
      tested++;
    }
  g_assert_cmpuint (tested, ==, 5);

  /* Off the squares, a click opens nothing. */
  g_signal_emit_by_name (click, "released", 1, 2.0, 2.0);
  g_assert_cmpuint (activations.count, ==, tested);

  g_clear_object (&activations.last);
}

static void
test_portfolio_keyboard (Fixture       *f,
                         gconstpointer  data)
{
  AccordPortfolioView *view = show_portfolio (f);
  GtkWidget *area = find_child (GTK_WIDGET (view), GTK_TYPE_DRAWING_AREA);
  GtkEventController *keys = find_key_controller (area);
  GtkGesture *click = find_click_gesture (area);
  g_autoptr(AccordPortfolioSource) source = NULL;
  g_autoptr(AccordPortfolioLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  Activations activations = { 0, };
  gboolean handled = FALSE;
  AccordChartRect rect;
  int healthy = -1, watch = -1, identified = -1;
  g_autoptr(GHashTable) visited = g_hash_table_new (NULL, NULL);

  g_assert_nonnull (keys);
  g_signal_connect (view, "partner-activated", G_CALLBACK (activated_cb), &activations);
  source = accord_portfolio_source_new (f->store, &error);
  g_assert_no_error (error);
  layout = portfolio_layout (f, area, source);
  for (guint i = 0; i < source->data.n_items; i++)
    {
      const AccordPortfolioItem *item = &source->data.items[i];

      if (item->score >= ACCORD_HEALTH_HEALTHY_FROM && item->stage == ACCORD_STAGE_OUTREACH)
        healthy = (int) i;
      else if (item->score >= 0 && item->stage == ACCORD_STAGE_OUTREACH)
        watch = (int) i;
      else if (item->stage == ACCORD_STAGE_IDENTIFIED && identified < 0)
        identified = (int) i;
    }
  g_assert_cmpint (healthy, >=, 0);
  g_assert_cmpint (watch, >=, 0);
  g_assert_cmpint (identified, >=, 0);

  /* Focus puts the cursor on the first square; Enter opens it. The
   * window has to be active for focus to land, which a loaded machine can
   * take a moment to report. */
  gtk_window_present (GTK_WINDOW (gtk_widget_get_root (area)));
  gtk_widget_grab_focus (area);
  spin_until (widget_has_focus, area, 3000);
  g_assert_true (gtk_widget_has_focus (area));
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_cmpuint (activations.count, ==, 1);
  /* The first cell with squares, in reading order, is Outreach/Healthy. */
  g_assert_cmpint (accord_partner_get_id (activations.last), ==, source->data.items[healthy].id);

  /* Down: the next band with squares in the same stage, watch. */
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
  g_assert_true (handled);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_KP_Enter, 0, 0, &handled);
  g_assert_cmpuint (activations.count, ==, 2);
  g_assert_cmpint (accord_partner_get_id (activations.last), ==, source->data.items[watch].id);

  /* Arrows reach every square. */
  g_hash_table_add (visited, activations.last);
  for (guint step = 0; step < 40; step++)
    {
      const guint keys_cycle[] = { GDK_KEY_Left, GDK_KEY_Down, GDK_KEY_Right, GDK_KEY_Up };

      for (guint k = 0; k < 4; k++)
        {
          for (guint r = 0; r <= step % 3; r++)
            g_signal_emit_by_name (keys, "key-pressed", keys_cycle[(k + step) % 4], 0, 0, &handled);
          g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_space, 0, 0, &handled);
          g_hash_table_add (visited, activations.last);
        }
    }
  g_assert_cmpuint (g_hash_table_size (visited), ==, source->data.n_items);

  /* A click moves the cursor: Enter then opens the clicked partner. */
  g_assert_true (accord_portfolio_layout_get_item_rect (layout, identified, &rect));
  g_signal_emit_by_name (click, "released", 1, rect.x + 1, rect.y + 1);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
  g_assert_cmpint (accord_partner_get_id (activations.last), ==, source->data.items[identified].id);

  /* Other keys go on to the window (Tab moves focus on). */
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
  g_assert_false (handled);

  g_clear_object (&activations.last);
}

static void
test_portfolio_table_and_export (Fixture       *f,
                                 gconstpointer  data)
{
  AccordPortfolioView *view = show_portfolio (f);
  GtkWidget *table = find_child (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);
  g_autoptr(AccordPortfolioSource) source = NULL;
  g_autoptr(AccordChartTable) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *png = g_build_filename (f->dir, "portfolio.png", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "portfolio.pdf", NULL);
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  GListModel *model;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chart.show-table", NULL));
  settle ();
  g_assert_true (accord_portfolio_view_get_show_table (view));
  g_assert_true (gtk_widget_get_mapped (table));
  source = accord_portfolio_source_new (f->store, &error);
  g_assert_no_error (error);
  expected = accord_portfolio_chart_table (&source->data);
  model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (table)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected->rows->len);
  g_assert_cmpuint (expected->rows->len, >, 0);
  save_screenshots (f, "portfolio-table");

  g_assert_true (accord_portfolio_view_export (view, png, &error));
  g_assert_no_error (error);
  g_assert_true (file_starts_with (png, "\x89PNG\r\n\x1a\n"));
  g_assert_true (accord_portfolio_view_export (view, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (file_starts_with (pdf, "%PDF"));
  accord_portfolio_view_print (view, printed);
  settle ();
  g_assert_true (file_starts_with (printed, "%PDF"));

  g_unlink (png);
  g_unlink (pdf);
  g_unlink (printed);
}

static void
test_portfolio_rtl (Fixture       *f,
                    gconstpointer  data)
{
  AccordPortfolioView *view = show_portfolio (f);
  GtkWidget *area = find_child (GTK_WIDGET (view), GTK_TYPE_DRAWING_AREA);
  g_autoptr(AccordPortfolioSource) source = NULL;
  g_autoptr(AccordPortfolioLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  AccordChartOptions options = { .rtl = TRUE };
  AccordChartRect ltr_rect, rtl_rect;
  g_autofree char *ltr_tip = NULL;
  g_autofree char *rtl_tip = NULL;

  source = accord_portfolio_source_new (f->store, &error);
  g_assert_no_error (error);
  layout = portfolio_layout (f, area, source);
  g_assert_true (accord_portfolio_layout_get_item_rect (layout, 0, &ltr_rect));
  ltr_tip = accord_portfolio_view_dup_tooltip_at (view, ltr_rect.x + 1, ltr_rect.y + 1);
  g_assert_nonnull (ltr_tip);

  /* Right to left mirrors the chart: the square moves to the other side,
   * and hit-testing follows it. */
  gtk_widget_set_direction (area, GTK_TEXT_DIR_RTL);
  settle ();
  g_clear_pointer (&layout, accord_portfolio_layout_free);
  layout = accord_portfolio_chart_layout (&source->data, gtk_widget_get_width (area),
                                          gtk_widget_get_height (area),
                                          gtk_widget_get_pango_context (area), &options);
  g_assert_true (accord_portfolio_layout_get_item_rect (layout, 0, &rtl_rect));
  g_assert_cmpfloat (fabs ((rtl_rect.x + rtl_rect.width) -
                           (gtk_widget_get_width (area) - ltr_rect.x)), <, 0.5);
  rtl_tip = accord_portfolio_view_dup_tooltip_at (view, rtl_rect.x + 1, rtl_rect.y + 1);
  g_assert_cmpstr (rtl_tip, ==, ltr_tip);
}

int
main (int   argc,
      char *argv[])
{
  if (!test_app_init (&argc, &argv))
    return g_test_run ();

  g_test_add ("/chart-ui/partner/draws", Fixture, NULL, fixture_set_up, test_partner_draws,
              fixture_tear_down);
  g_test_add ("/chart-ui/partner/tooltip", Fixture, NULL, fixture_set_up, test_partner_tooltip,
              fixture_tear_down);
  g_test_add ("/chart-ui/partner/accessible", Fixture, NULL, fixture_set_up,
              test_partner_accessible, fixture_tear_down);
  g_test_add ("/chart-ui/partner/table", Fixture, NULL, fixture_set_up, test_partner_table,
              fixture_tear_down);
  g_test_add ("/chart-ui/partner/export", Fixture, NULL, fixture_set_up, test_partner_export,
              fixture_tear_down);
  g_test_add ("/chart-ui/partner/export-dialog", Fixture, NULL, fixture_set_up,
              test_partner_export_dialog, fixture_tear_down);
  g_test_add ("/chart-ui/partner/none", Fixture, NULL, fixture_set_up, test_partner_none,
              fixture_tear_down);
  g_test_add ("/chart-ui/portfolio/draws", Fixture, NULL, fixture_set_up, test_portfolio_draws,
              fixture_tear_down);
  g_test_add ("/chart-ui/portfolio/click", Fixture, NULL, fixture_set_up, test_portfolio_click,
              fixture_tear_down);
  g_test_add ("/chart-ui/portfolio/keyboard", Fixture, NULL, fixture_set_up,
              test_portfolio_keyboard, fixture_tear_down);
  g_test_add ("/chart-ui/portfolio/table-and-export", Fixture, NULL, fixture_set_up,
              test_portfolio_table_and_export, fixture_tear_down);
  g_test_add ("/chart-ui/portfolio/rtl", Fixture, NULL, fixture_set_up, test_portfolio_rtl,
              fixture_tear_down);
  return g_test_run ();
}
