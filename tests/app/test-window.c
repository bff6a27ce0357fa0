/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "accord-window.h"
#include "accord-partner-page.h"
#include "accord-board.h"
#include "accord-partner-row.h"
#include "test-app-helpers.h"

static void
test_welcome_then_list (void)
{
  g_autoptr(AccordStore) store = test_store_new (NULL);
  g_autoptr(AccordPartner) partner = accord_partner_new ("Bluepeak Studio");
  g_autoptr(GError) error = NULL;
  AccordWindow *window = accord_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  accord_window_set_store (window, store);
  g_assert_cmpstr (accord_window_get_page (window), ==, "welcome");

  g_assert_true (accord_store_add_partner (store, partner, NULL, &error));
  g_assert_cmpstr (accord_window_get_page (window), ==, "partners");

  accord_window_show_problem (window, "“x” is not an Accord workspace");
  g_assert_cmpstr (accord_window_get_page (window), ==, "problem");
  g_assert_null (accord_window_get_store (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_filter_as_you_type (void)
{
  g_autoptr(AccordStore) store = test_store_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Copperleaf Press", "Amberfield Freight", "copper Kettle" };
  AccordWindow *window = accord_window_new (NULL);
  GtkListView *list_view;
  GtkEditable *search;
  GListModel *shown;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(AccordPartner) p = accord_partner_new (names[i]);
      g_assert_true (accord_store_add_partner (store, p, NULL, &error));
    }
  accord_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));

  list_view = TEMPLATE_CHILD (window, ACCORD_TYPE_WINDOW, "list_view");
  search = TEMPLATE_CHILD (window, ACCORD_TYPE_WINDOW, "search_entry");
  shown = G_LIST_MODEL (gtk_list_view_get_model (list_view));

  /* Sorted by name, ignoring case. */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  {
    g_autoptr(AccordPartner) first = g_list_model_get_item (shown, 0);
    g_autoptr(AccordPartner) last = g_list_model_get_item (shown, 2);
    g_assert_cmpstr (accord_partner_get_name (first), ==, "Amberfield Freight");
    g_assert_cmpstr (accord_partner_get_name (last), ==, "Copperleaf Press");
  }

  /* The search entry filters as you type (after its short delay). */
  gtk_editable_set_text (search, "COPPER");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  gtk_editable_set_text (search, "zzz");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (TEMPLATE_CHILD (window, ACCORD_TYPE_WINDOW,
                                                                     "list_stack")),
                   ==, "no-match");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_trash_and_undo (void)
{
  g_autoptr(AccordStore) store = test_store_new (NULL);
  g_autoptr(AccordPartner) partner = accord_partner_new ("Driftwood Events");
  g_autoptr(GError) error = NULL;
  AccordWindow *window = accord_window_new (NULL);
  AccordPartnerPage *page = accord_window_get_partner_page (window);
  GListModel *partners = accord_store_get_partners (store);
  gint64 id;

  g_assert_true (accord_store_add_partner (store, partner, NULL, &error));
  id = accord_partner_get_id (partner);
  accord_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));

  accord_window_select_partner (window, partner);
  g_assert_true (accord_partner_page_get_partner (page) == partner);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.trash-partner", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_trash (store)), ==, 1);
  g_assert_cmpstr (accord_window_get_page (window), ==, "welcome");

  /* The toast's Undo button runs this action with the partner's id. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-trash", "x", id));
  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_trash (store)), ==, 0);
  g_assert_null (accord_partner_get_trashed_at (partner));
  g_assert_true (accord_partner_page_get_partner (page) == partner);
  g_assert_cmpstr (accord_window_get_page (window), ==, "partners");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_board_view (void)
{
  g_autoptr(AccordStore) store = test_store_new (NULL);
  g_autoptr(AccordPartner) partner = accord_partner_new ("Kestrel Outfitters");
  g_autoptr(GError) error = NULL;
  AccordWindow *window = accord_window_new (NULL);
  AccordBoard *board;

  g_assert_true (accord_store_add_partner (store, partner, NULL, &error));
  accord_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (accord_window_get_page (window), ==, "partners");

  /* Ctrl+B's action switches to the board, which shows the same partners. */
  /* The board is made only when first shown. */
  g_assert_null (accord_window_get_board (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-view", NULL));
  board = accord_window_get_board (window);
  g_assert_nonnull (board);
  g_assert_cmpstr (accord_window_get_view (window), ==, "board");
  g_assert_cmpstr (accord_window_get_page (window), ==, "board");
  g_assert_cmpuint (accord_board_get_column_count (board, ACCORD_STAGE_IDENTIFIED), ==, 1);

  /* A move on the board shows on the partner's page. */
  g_assert_true (accord_board_move_partner (board, partner, ACCORD_STAGE_OUTREACH, &error));
  g_assert_cmpuint (accord_board_get_column_count (board, ACCORD_STAGE_OUTREACH), ==, 1);

  /* Opening a card goes back to the list with its page. */
  g_signal_emit_by_name (board, "partner-activated", partner);
  g_assert_cmpstr (accord_window_get_page (window), ==, "partners");
  g_assert_true (accord_partner_page_get_partner (accord_window_get_partner_page (window)) == partner);

  gtk_window_destroy (GTK_WINDOW (window));
}

static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
test_add_with_enter (void)
{
  g_autoptr(AccordStore) store = test_store_new (NULL);
  AccordWindow *window = accord_window_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  accord_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-partner", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  entry = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), "  Juniper Cloud ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));

  /* Enter adds once and closes the dialog; a second response does nothing. */
  g_object_ref (dialog);
  g_signal_emit_by_name (entry, "activate");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  adw_message_dialog_response (dialog, "add");
  g_object_unref (dialog);

  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (store)), ==, 1);
  {
    g_autoptr(AccordPartner) p = g_list_model_get_item (accord_store_get_partners (store), 0);
    g_assert_cmpstr (accord_partner_get_name (p), ==, "Juniper Cloud");
  }
  g_assert_cmpstr (accord_window_get_page (window), ==, "partners");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_folded (gpointer data)
{
  return adw_leaflet_get_folded (data);
}

static void
test_narrow_starts_unselected (void)
{
  g_autoptr(AccordStore) store = test_store_new (NULL);
  g_autoptr(AccordPartner) a = accord_partner_new ("Alpha");
  g_autoptr(AccordPartner) b = accord_partner_new ("Beta");
  g_autoptr(GError) error = NULL;
  AccordWindow *window = accord_window_new (NULL);
  AdwLeaflet *leaflet = TEMPLATE_CHILD (window, ACCORD_TYPE_WINDOW, "leaflet");
  AccordPartnerPage *page = accord_window_get_partner_page (window);

  g_assert_true (accord_store_add_partner (store, a, NULL, &error));
  g_assert_true (accord_store_add_partner (store, b, NULL, &error));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  accord_window_set_store (window, store);
  /* Wide by default until allocated: the first partner is chosen. */
  g_assert_true (accord_partner_page_get_partner (page) == a);

  gtk_window_present (GTK_WINDOW (window));
  spin_until (is_folded, leaflet, 3000);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  /* Folded, nothing is chosen, so a click on any partner opens it. */
  g_assert_null (accord_partner_page_get_partner (page));

  accord_window_select_partner (window, a);
  g_assert_true (accord_partner_page_get_partner (page) == a);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  g_assert_null (accord_partner_page_get_partner (page));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_filters_and_sort (void)
{
  g_autoptr(AccordStore) store = test_store_new (NULL);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.accordhq.Accord");
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Cobalt", "Amber", "Birch" };
  AccordWindow *window;
  GListModel *shown;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(AccordPartner) p = accord_partner_new (names[i]);
      accord_partner_set_tier (p, i == 0 ? ACCORD_TIER_PREMIUM : ACCORD_TIER_REFERRAL);
      g_assert_true (accord_store_add_partner (store, p, NULL, &error));
      if (i > 0)
        g_assert_true (accord_store_move_partner (store, p, ACCORD_STAGE_OUTREACH, NULL, NULL,
                                                  NULL, &error));
      if (i == 1)
        g_assert_true (accord_store_set_partner_field (store, p, ACCORD_PARTNER_FIELD_TAGS,
                                                       "saas, emea", &error));
    }

  /* Filters live in the settings, so they are there on the next start. */
  g_settings_set_int (settings, "filter-stage", ACCORD_STAGE_OUTREACH);
  window = accord_window_new (NULL);
  accord_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  shown = G_LIST_MODEL (gtk_list_view_get_model (TEMPLATE_CHILD (window, ACCORD_TYPE_WINDOW,
                                                                 "list_view")));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);

  /* Filters combine. */
  g_settings_set_string (settings, "filter-tag", "EMEA");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_settings_set_string (settings, "filter-tag", "");
  g_settings_set_int (settings, "filter-stage", -1);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);

  /* By stage: Identified (Cobalt) before Outreach (Amber, Birch by name). */
  g_settings_set_string (settings, "sort-by", "stage");
  {
    g_autoptr(AccordPartner) first = g_list_model_get_item (shown, 0);
    g_autoptr(AccordPartner) second = g_list_model_get_item (shown, 1);
    g_assert_cmpstr (accord_partner_get_name (first), ==, "Cobalt");
    g_assert_cmpstr (accord_partner_get_name (second), ==, "Amber");
  }
  /* By last change: Amber's tags changed last. */
  g_settings_set_string (settings, "sort-by", "updated");
  {
    g_autoptr(AccordPartner) first = g_list_model_get_item (shown, 0);
    g_assert_cmpstr (accord_partner_get_name (first), ==, "Amber");
  }
  g_settings_reset (settings, "sort-by");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* GTK 4.8 unbinds and binds again every list row on show whenever the
 * selection changes. A row must not empty its labels in between: each
 * would lay its text out again, for every row on screen. */
static void
test_row_rebind_keeps_text (void)
{
  g_autoptr(AccordPartner) partner = accord_partner_new ("Northwind");
  g_autoptr(AccordPartner) other = accord_partner_new ("Amber");
  GtkWidget *row = g_object_ref_sink (accord_partner_row_new ());
  GtkLabel *name = TEMPLATE_CHILD (row, ACCORD_TYPE_PARTNER_ROW, "name_label");
  GtkLabel *stage = TEMPLATE_CHILD (row, ACCORD_TYPE_PARTNER_ROW, "stage_label");
  guint changes = 0;

  accord_partner_row_set_partner (ACCORD_PARTNER_ROW (row), partner);
  g_assert_cmpstr (gtk_label_get_text (name), ==, "Northwind");
  g_signal_connect_swapped (name, "notify::label", G_CALLBACK (count_cb), &changes);
  g_signal_connect_swapped (stage, "notify::label", G_CALLBACK (count_cb), &changes);

  accord_partner_row_set_partner (ACCORD_PARTNER_ROW (row), NULL);
  accord_partner_row_set_partner (ACCORD_PARTNER_ROW (row), partner);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpstr (gtk_label_get_text (name), ==, "Northwind");

  /* Another partner still shows its own text. */
  accord_partner_row_set_partner (ACCORD_PARTNER_ROW (row), other);
  g_assert_cmpstr (gtk_label_get_text (name), ==, "Amber");
  g_assert_cmpuint (changes, ==, 1);
  g_object_unref (row);
}

/* Every view's main menu button opens the same main menu; the menu's
 * popover is made only when a button first opens it. */
static void
test_main_menus_made_on_open (void)
{
  const char *buttons[] = {
    "welcome_menu_button", "problem_menu_button", "board_menu_button",
    "agreements_menu_button", "due_menu_button", "dashboard_menu_button", "list_menu_button",
  };
  AccordWindow *window = accord_window_new (NULL);
  GMenuModel *primary = TEMPLATE_CHILD (window, ACCORD_TYPE_WINDOW, "primary_menu");

  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkMenuButton *button = TEMPLATE_CHILD (window, ACCORD_TYPE_WINDOW, buttons[i]);

      g_assert_true (gtk_menu_button_get_primary (button));
      g_assert_null (gtk_menu_button_get_popover (button));
      g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
    }

  {
    GtkMenuButton *button = TEMPLATE_CHILD (window, ACCORD_TYPE_WINDOW, "list_menu_button");

    gtk_menu_button_popup (button);
    g_assert_true (gtk_menu_button_get_menu_model (button) == primary);
    g_assert_true (GTK_IS_POPOVER_MENU (gtk_menu_button_get_popover (button)));
    g_assert_true (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (gtk_menu_button_get_popover (button)))
                   == primary);
    gtk_menu_button_popdown (button);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The filter controls are made the first time the filters are shown,
 * and then show the filters already set. */
static void
test_filters_made_on_open (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.accordhq.Accord");
  AccordWindow *window;
  GtkWidget *grid;
  GtkMenuButton *button;
  GtkWidget *stage = NULL;
  guint n = 0;

  g_settings_set_int (settings, "filter-stage", ACCORD_STAGE_OUTREACH);
  window = accord_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  grid = TEMPLATE_CHILD (window, ACCORD_TYPE_WINDOW, "filter_grid");
  /* The Filters button: the filter popover's parent. */
  button = GTK_MENU_BUTTON (gtk_widget_get_parent (TEMPLATE_CHILD (window, ACCORD_TYPE_WINDOW,
                                                                   "filter_popover")));
  g_assert_null (gtk_widget_get_first_child (grid));

  gtk_menu_button_popup (button);
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      n++;
      if (stage == NULL && GTK_IS_DROP_DOWN (child))
        stage = child;
    }
  /* Stage, fit, type, position, tier and tag, each with its label. */
  g_assert_cmpuint (n, ==, 12);
  g_assert_nonnull (stage);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (stage)), ==,
                    1 + ACCORD_STAGE_OUTREACH);

  /* Shown again, they are not made twice; and they still follow the settings. */
  gtk_menu_button_popdown (button);
  g_settings_set_int (settings, "filter-stage", -1);
  gtk_menu_button_popup (button);
  n = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  g_assert_cmpuint (n, ==, 12);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (stage)), ==, 0);
  gtk_menu_button_popdown (button);
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GtkWidget *list_view;
  int        rows_at_first_frame;   /* -1 until the first frame */
  guint      items_at_first_frame;
} FirstFrame;

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
first_frame_cb (GdkFrameClock *clock,
                FirstFrame    *frame)
{
  if (frame->rows_at_first_frame >= 0)
    return;
  frame->rows_at_first_frame = (int) n_children (frame->list_view);
  frame->items_at_first_frame =
    g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (frame->list_view))));
}

static void
window_map_cb (GtkWidget  *window,
               FirstFrame *frame)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_frame_cb), frame);
}

static gboolean
all_items_shown (gpointer data)
{
  GtkListView *list_view = data;

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list_view))) == 250;
}

static AccordStore *
store_of_250 (void)
{
  AccordStore *store = test_store_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 250; i++)
    {
      g_autofree char *name = g_strdup_printf ("Partner %03u", i);
      g_autoptr(AccordPartner) partner = accord_partner_new (name);

      g_assert_true (accord_store_add_partner (store, partner, NULL, &error));
      g_assert_no_error (error);
    }
  return store;
}

/* GTK 4.8's list view makes 200 rows when it has that many items: a new
 * list's first frame shows its first 60 partners only, and every partner
 * from the next frame on; whatever needs one further down, or a window
 * never shown, gets them all at once. */
static void
test_first_frame_rows (void)
{
  g_autoptr(AccordStore) store = store_of_250 ();
  AccordWindow *window = accord_window_new (NULL);
  GtkListView *list_view = TEMPLATE_CHILD (window, ACCORD_TYPE_WINDOW, "list_view");
  FirstFrame frame = { GTK_WIDGET (list_view), -1, 0 };
  GListModel *shown;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  accord_window_set_store (window, store);
  shown = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 60);
  g_signal_connect (window, "map", G_CALLBACK (window_map_cb), &frame);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (all_items_shown, list_view, 5000);

  g_assert_cmpint (frame.rows_at_first_frame, >, 0);
  g_assert_cmpint (frame.rows_at_first_frame, <=, 60);
  g_assert_cmpuint (frame.items_at_first_frame, ==, 60);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 250);
  spin_for (100);
  g_assert_cmpuint (n_children (GTK_WIDGET (list_view)), >, 60);
  {
    g_autoptr(AccordPartner) last = g_list_model_get_item (shown, 249);
    g_assert_cmpstr (accord_partner_get_name (last), ==, "Partner 249");
  }
  gtk_window_destroy (GTK_WINDOW (window));

  /* A window never shown has them all once nothing else is left to do. */
  window = accord_window_new (NULL);
  list_view = TEMPLATE_CHILD (window, ACCORD_TYPE_WINDOW, "list_view");
  accord_window_set_store (window, store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list_view))),
                    ==, 60);
  spin_until (all_items_shown, list_view, 5000);
  g_assert_true (all_items_shown (list_view));
  gtk_window_destroy (GTK_WINDOW (window));
  /* Choosing a partner further down, before the first frame. */
  window = accord_window_new (NULL);
  list_view = TEMPLATE_CHILD (window, ACCORD_TYPE_WINDOW, "list_view");
  accord_window_set_store (window, store);
  shown = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  {
    GListModel *partners = accord_store_get_partners (store);
    g_autoptr(AccordPartner) partner = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (partners) && partner == NULL; i++)
      {
        g_autoptr(AccordPartner) item = g_list_model_get_item (partners, i);

        if (g_strcmp0 (accord_partner_get_name (item), "Partner 200") == 0)
          partner = g_steal_pointer (&item);
      }
    g_assert_nonnull (partner);
    accord_window_select_partner (window, partner);
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 250);
    g_assert_true (accord_partner_page_get_partner (accord_window_get_partner_page (window)) ==
                   partner);
  }
  gtk_window_destroy (GTK_WINDOW (window));

  /* The partner shown last time is further down: all of them at once. */
  window = accord_window_new (NULL);
  list_view = TEMPLATE_CHILD (window, ACCORD_TYPE_WINDOW, "list_view");
  accord_window_set_store (window, store);
  shown = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 250);
  g_assert_nonnull (accord_partner_page_get_partner (accord_window_get_partner_page (window)));
  g_assert_cmpstr (accord_partner_get_name (accord_partner_page_get_partner (
                     accord_window_get_partner_page (window))), ==, "Partner 200");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 int        *count)
{
  (*count)++;
}

/* Giving a widget the style classes it already has has no effect at all
 * (src/app/accord-same-classes.c); other classes are set as GTK does. */
static void
test_same_classes_kept (void)
{
  GtkWidget *label = g_object_ref_sink (gtk_label_new ("x"));
  const char *two[] = { "title", "dim-label", NULL };
  const char *two_again[] = { "dim-label", "title", "dim-label", NULL };
  const char *other[] = { "heading", NULL };
  int notified = 0;

  gtk_widget_set_css_classes (label, two);
  g_signal_connect (label, "notify::css-classes", G_CALLBACK (count_notify_cb), &notified);
  gtk_widget_set_css_classes (label, two);
  gtk_widget_set_css_classes (label, two_again);
  g_assert_cmpint (notified, ==, 0);
  g_assert_true (gtk_widget_has_css_class (label, "title"));

  gtk_widget_set_css_classes (label, other);
  g_assert_cmpint (notified, ==, 1);
  g_assert_true (gtk_widget_has_css_class (label, "heading"));
  g_assert_false (gtk_widget_has_css_class (label, "title"));

  gtk_widget_set_css_classes (label, NULL);
  g_assert_cmpint (notified, ==, 2);
  g_assert_false (gtk_widget_has_css_class (label, "heading"));
  gtk_widget_set_css_classes (label, NULL);
  g_assert_cmpint (notified, ==, 2);
  g_object_unref (label);
}

static void
count_frame_cb (GdkFrameClock *clock,
                int           *frames)
{
  (*frames)++;
}

/* Choosing another partner is laid out in one frame. With libadwaita 1.2's
 * leaflet, each switch used to be followed by another layout, restyling
 * its shadow for nothing. */
static void
test_switch_one_frame (void)
{
  g_autoptr(AccordStore) store = store_of_250 ();
  AccordWindow *window = accord_window_new (NULL);
  GtkListView *list_view = TEMPLATE_CHILD (window, ACCORD_TYPE_WINDOW, "list_view");
  GtkSelectionModel *selection;
  GdkFrameClock *clock;
  int frames = 0, fewest = G_MAXINT;

  /* Nothing else may move meanwhile. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE,
                "gtk-cursor-blink", FALSE, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  accord_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (all_items_shown, list_view, 5000);
  spin_for (300);
  selection = gtk_list_view_get_model (list_view);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_assert_nonnull (clock);
  g_signal_connect (clock, "layout", G_CALLBACK (count_frame_cb), &frames);

  /* Other tests' windows on the same display may move the focus, which
   * restyles this one: the fewest layouts over several switches counts. */
  for (guint position = 3; position < 17; position += 2)
    {
      frames = 0;
      gtk_selection_model_select_item (selection, position, TRUE);
      spin_for (300);
      g_assert_cmpint (frames, >=, 1);
      fewest = MIN (fewest, frames);
    }
  g_assert_cmpint (fewest, ==, 1);
  g_signal_handlers_disconnect_by_func (clock, count_frame_cb, &frames);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE,
                "gtk-cursor-blink", TRUE, NULL);
}

int
main (int   argc,
      char *argv[])
{
  if (test_app_init (&argc, &argv))
    {
      g_test_add_func ("/window/welcome-then-list", test_welcome_then_list);
      g_test_add_func ("/window/filter-as-you-type", test_filter_as_you_type);
      g_test_add_func ("/window/trash-and-undo", test_trash_and_undo);
      g_test_add_func ("/window/board-view", test_board_view);
      g_test_add_func ("/window/add-with-enter", test_add_with_enter);
      g_test_add_func ("/window/narrow-starts-unselected", test_narrow_starts_unselected);
      g_test_add_func ("/window/filters-and-sort", test_filters_and_sort);
      g_test_add_func ("/window/row-rebind-keeps-text", test_row_rebind_keeps_text);
      g_test_add_func ("/window/main-menus-made-on-open", test_main_menus_made_on_open);
      g_test_add_func ("/window/filters-made-on-open", test_filters_made_on_open);
      g_test_add_func ("/window/first-frame-rows", test_first_frame_rows);
      g_test_add_func ("/window/same-classes-kept", test_same_classes_kept);
      g_test_add_func ("/window/switch-one-frame", test_switch_one_frame);
    }
  return g_test_run ();
}
