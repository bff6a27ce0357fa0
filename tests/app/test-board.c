/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "accord-board.h"
#include "accord-board-card.h"
#include "accord-board-column.h"
#include "test-app-helpers.h"

#include <string.h>

/* Set ACCORD_BOARD_SCREENSHOTS=DIR to also render the board, light and
 * dark, to DIR/board-light.png and DIR/board-dark.png. */

typedef struct
{
  AccordStore *store;
  AccordBoard *board;
  GtkWidget *window;
  AccordPartner *amber;     /* Identified */
  AccordPartner *bluepeak;  /* Identified */
  AccordPartner *copper;    /* Outreach */
  AccordPartner *driftwood; /* Negotiating */
  AccordPartner *evergreen; /* On hold, from Identified */
  GPtrArray *failures;      /* move-failed messages */
} Fixture;

/* Walks @partner through @path (ending at AccordStage -1) with recorded moves. */
static void
walk (AccordStore   *store,
      AccordPartner *partner,
      ...)
{
  va_list args;
  int stage;

  va_start (args, partner);
  while ((stage = va_arg (args, int)) >= 0)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (accord_store_move_partner (store, partner, stage, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  va_end (args);
}

static AccordPartner *
add_partner (AccordStore           *store,
             const char            *name,
             AccordPartnershipType  type,
             int                    rating)
{
  g_autoptr(GError) error = NULL;
  AccordPartner *partner = accord_partner_new (name);

  accord_partner_set_partnership_type (partner, type);
  for (guint i = 0; rating > 0 && i < ACCORD_N_CRITERIA; i++)
    accord_partner_set_rating (partner, i, rating);
  g_assert_true (accord_store_add_partner (store, partner, NULL, &error));
  g_assert_no_error (error);
  return partner;
}

static gboolean
move_failed_cb (AccordBoard *board,
                const char  *message,
                Fixture     *f)
{
  g_ptr_array_add (f->failures, g_strdup (message));
  return TRUE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = test_store_new (NULL);
  accord_store_set_today (f->store, "2026-03-02");
  f->amber = add_partner (f->store, "Amberfield Freight", ACCORD_PARTNERSHIP_TYPE_SUPPLY_CHAIN, 5);
  f->bluepeak = add_partner (f->store, "Bluepeak Studio", ACCORD_PARTNERSHIP_TYPE_UNSET, 0);
  f->copper = add_partner (f->store, "Copperleaf Press", ACCORD_PARTNERSHIP_TYPE_CO_MARKETING, 4);
  f->driftwood = add_partner (f->store, "Driftwood Events", ACCORD_PARTNERSHIP_TYPE_SPONSORSHIP, 2);
  f->evergreen = add_partner (f->store, "Evergreen Labs", ACCORD_PARTNERSHIP_TYPE_INTEGRATION, 0);
  walk (f->store, f->copper, ACCORD_STAGE_OUTREACH, -1);
  walk (f->store, f->driftwood, ACCORD_STAGE_OUTREACH, ACCORD_STAGE_NEGOTIATING, -1);
  walk (f->store, f->evergreen, ACCORD_STAGE_ON_HOLD, -1);

  f->failures = g_ptr_array_new_with_free_func (g_free);
  f->board = ACCORD_BOARD (accord_board_new ());
  g_signal_connect (f->board, "move-failed", G_CALLBACK (move_failed_cb), f);
  accord_board_set_store (f->board, f->store);
  accord_board_set_model (f->board, accord_store_get_partners (f->store));

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 720);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->board));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_ref (f->board);
  gtk_window_destroy (GTK_WINDOW (f->window));
  /* No reference cycles: the board goes away with its last reference. */
  g_assert_finalize_object (f->board);
  g_clear_object (&f->amber);
  g_clear_object (&f->bluepeak);
  g_clear_object (&f->copper);
  g_clear_object (&f->driftwood);
  g_clear_object (&f->evergreen);
  g_assert_finalize_object (f->store);
  g_ptr_array_unref (f->failures);
}

static AccordBoardColumn *
get_column (AccordBoard *board,
            AccordStage  stage)
{
  GtkWidget *box = TEMPLATE_CHILD (board, ACCORD_TYPE_BOARD, "columns_box");

  for (GtkWidget *child = gtk_widget_get_first_child (box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (accord_board_column_get_stage (ACCORD_BOARD_COLUMN (child)) == stage)
      return ACCORD_BOARD_COLUMN (child);
  g_assert_not_reached ();
}

static GListModel *
column_model (AccordBoard *board,
              AccordStage  stage)
{
  return TEMPLATE_CHILD (get_column (board, stage), ACCORD_TYPE_BOARD_COLUMN, "filter_model");
}

static const char *
column_count_text (AccordBoard *board,
                   AccordStage  stage)
{
  GtkLabel *label = TEMPLATE_CHILD (get_column (board, stage), ACCORD_TYPE_BOARD_COLUMN,
                                    "count_label");
  return gtk_label_get_text (label);
}

/* The card showing @partner, if its row exists. */
static AccordBoardCard *
find_card (AccordBoard   *board,
           AccordPartner *partner)
{
  GtkWidget *list = TEMPLATE_CHILD (get_column (board, accord_partner_get_stage (partner)),
                                    ACCORD_TYPE_BOARD_COLUMN, "list_view");

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *card = gtk_widget_get_first_child (row);

      if (ACCORD_IS_BOARD_CARD (card) &&
          accord_board_card_get_partner (ACCORD_BOARD_CARD (card)) == partner)
        return ACCORD_BOARD_CARD (card);
    }
  return NULL;
}

static guint
history_length (AccordStore   *store,
                AccordPartner *partner)
{
  g_autoptr(GError) error = NULL;
  GListModel *history = accord_store_get_stage_history (store, partner, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (history);
}

static void
test_columns (Fixture       *f,
              gconstpointer  data)
{
  static const guint expected[ACCORD_N_STAGES] = {
    [ACCORD_STAGE_IDENTIFIED] = 2,
    [ACCORD_STAGE_OUTREACH] = 1,
    [ACCORD_STAGE_NEGOTIATING] = 1,
    [ACCORD_STAGE_ON_HOLD] = 1,
  };
  GtkWidget *box = TEMPLATE_CHILD (f->board, ACCORD_TYPE_BOARD, "columns_box");
  GtkWidget *child;
  guint i = 0;

  /* Nine columns: the pipeline in order, then On hold and Ended. */
  for (child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    {
      AccordStage stage = accord_board_column_get_stage (ACCORD_BOARD_COLUMN (child));
      GtkLabel *title = TEMPLATE_CHILD (child, ACCORD_TYPE_BOARD_COLUMN, "title_label");
      GtkStack *stack = TEMPLATE_CHILD (child, ACCORD_TYPE_BOARD_COLUMN, "stack");
      g_autofree char *count = g_strdup_printf ("%u", expected[stage]);

      g_assert_cmpint (stage, ==, accord_board_get_column_stage (i));
      g_assert_cmpstr (gtk_label_get_text (title), ==, accord_stage_get_label (stage));
      g_assert_cmpuint (accord_board_get_column_count (f->board, stage), ==, expected[stage]);
      g_assert_cmpstr (column_count_text (f->board, stage), ==, count);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==,
                       expected[stage] > 0 ? "cards" : "empty");
      i++;
    }
  g_assert_cmpuint (i, ==, ACCORD_N_STAGES);
  g_assert_cmpint (accord_board_get_column_stage (7), ==, ACCORD_STAGE_ON_HOLD);
  g_assert_cmpint (accord_board_get_column_stage (8), ==, ACCORD_STAGE_ENDED);

  /* The cards show what they should and name themselves. */
  spin_for (50);
  {
    AccordBoardCard *card = find_card (f->board, f->amber);
    AccordBoardCard *unrated = find_card (f->board, f->bluepeak);
    GtkWidget *menu_button = TEMPLATE_CHILD (card, ACCORD_TYPE_BOARD_CARD, "menu_button");
    GMenuModel *menu;
    GMenuModel *section;
    g_autofree char *label = NULL;

    g_assert_nonnull (card);
    g_assert_cmpstr (gtk_label_get_text (TEMPLATE_CHILD (card, ACCORD_TYPE_BOARD_CARD,
                                                         "name_label")),
                     ==, "Amberfield Freight");
    g_assert_cmpstr (gtk_label_get_text (TEMPLATE_CHILD (card, ACCORD_TYPE_BOARD_CARD,
                                                         "type_label")),
                     ==, accord_partnership_type_get_label (ACCORD_PARTNERSHIP_TYPE_SUPPLY_CHAIN));
    g_assert_cmpstr (gtk_label_get_text (TEMPLATE_CHILD (card, ACCORD_TYPE_BOARD_CARD,
                                                         "band_label")),
                     ==, accord_fit_band_get_label (ACCORD_FIT_BAND_PURSUE));
    g_assert_cmpstr (gtk_label_get_text (TEMPLATE_CHILD (unrated, ACCORD_TYPE_BOARD_CARD,
                                                         "band_label")),
                     ==, "Not rated");
    gtk_test_accessible_assert_property (card, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Amberfield Freight, Identified");
    gtk_test_accessible_assert_property (menu_button, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Move “Amberfield Freight” to…");

    /* Its menu offers only the allowed moves, in column order. */
    /* The menu is made when it opens. */
    g_assert_null (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)));
    gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
    menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
    gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
    g_assert_nonnull (menu);
    g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
    section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    g_assert_cmpint (g_menu_model_get_n_items (section), ==, 3);
    g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label);
    g_assert_cmpstr (label, ==, "Outreach");
    g_clear_pointer (&label, g_free);
    g_menu_model_get_item_attribute (section, 2, G_MENU_ATTRIBUTE_LABEL, "s", &label);
    g_assert_cmpstr (label, ==, "Ended");
    g_object_unref (section);
  }
}

static void
test_move (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkStack *stack = TEMPLATE_CHILD (get_column (f->board, ACCORD_STAGE_LAUNCHING),
                                    ACCORD_TYPE_BOARD_COLUMN, "stack");

  g_assert_cmpuint (history_length (f->store, f->amber), ==, 1);
  g_assert_true (accord_board_move_partner (f->board, f->amber, ACCORD_STAGE_OUTREACH, &error));
  g_assert_no_error (error);

  g_assert_cmpint (accord_partner_get_stage (f->amber), ==, ACCORD_STAGE_OUTREACH);
  g_assert_cmpuint (accord_board_get_column_count (f->board, ACCORD_STAGE_IDENTIFIED), ==, 1);
  g_assert_cmpuint (accord_board_get_column_count (f->board, ACCORD_STAGE_OUTREACH), ==, 2);
  g_assert_cmpstr (column_count_text (f->board, ACCORD_STAGE_IDENTIFIED), ==, "1");
  g_assert_cmpstr (column_count_text (f->board, ACCORD_STAGE_OUTREACH), ==, "2");
  g_assert_cmpuint (history_length (f->store, f->amber), ==, 2);

  /* Cards keep the model's order within a column. */
  {
    g_autoptr(AccordPartner) first = g_list_model_get_item (column_model (f->board,
                                                                          ACCORD_STAGE_OUTREACH),
                                                            0);
    g_assert_true (first == f->amber);
  }

  /* An empty column fills, and shows its cards instead of "No partners". */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (accord_board_move_partner (f->board, f->driftwood, ACCORD_STAGE_LAUNCHING,
                                            &error));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "cards");
  g_assert_cmpstr (column_count_text (f->board, ACCORD_STAGE_LAUNCHING), ==, "1");

  /* Moves made elsewhere (the partner page) show too. */
  g_assert_true (accord_store_move_partner (f->store, f->driftwood, ACCORD_STAGE_ENDED, NULL,
                                            NULL, NULL, &error));
  g_assert_cmpuint (accord_board_get_column_count (f->board, ACCORD_STAGE_LAUNCHING), ==, 0);
  g_assert_cmpuint (accord_board_get_column_count (f->board, ACCORD_STAGE_ENDED), ==, 1);
  g_assert_cmpuint (f->failures->len, ==, 0);
}

static void
test_refused_move (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AccordStore) other = test_store_new (NULL);
  g_autoptr(AccordPartner) stranger = add_partner (other, "Foxglove Media",
                                                   ACCORD_PARTNERSHIP_TYPE_UNSET, 0);
  g_autoptr(GError) error = NULL;
  gboolean moved = TRUE;

  g_assert_false (accord_board_move_partner (f->board, f->amber, ACCORD_STAGE_GROWING, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Growing"));
  g_clear_error (&error);

  g_assert_cmpint (accord_partner_get_stage (f->amber), ==, ACCORD_STAGE_IDENTIFIED);
  g_assert_cmpuint (accord_board_get_column_count (f->board, ACCORD_STAGE_IDENTIFIED), ==, 2);
  g_assert_cmpuint (accord_board_get_column_count (f->board, ACCORD_STAGE_GROWING), ==, 0);
  g_assert_cmpuint (history_length (f->store, f->amber), ==, 1);

  /* A partner of another workspace (a card dragged from another window)
   * is refused even though its id exists here. */
  g_assert_cmpint (accord_partner_get_id (stranger), ==, accord_partner_get_id (f->amber));
  g_assert_false (accord_board_move_partner (f->board, stranger, ACCORD_STAGE_OUTREACH, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND);
  g_signal_emit_by_name (get_column (f->board, ACCORD_STAGE_OUTREACH), "partner-dropped",
                         stranger, &moved);
  g_assert_false (moved);
  g_assert_cmpint (accord_partner_get_stage (stranger), ==, ACCORD_STAGE_IDENTIFIED);
  g_assert_cmpint (accord_partner_get_stage (f->amber), ==, ACCORD_STAGE_IDENTIFIED);
}

static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  gboolean moved = FALSE;

  /* What a drop on a column does, once GTK has delivered the partner. */
  g_signal_emit_by_name (get_column (f->board, ACCORD_STAGE_LAUNCHING), "partner-dropped",
                         f->driftwood, &moved);
  g_assert_true (moved);
  g_assert_cmpint (accord_partner_get_stage (f->driftwood), ==, ACCORD_STAGE_LAUNCHING);
  g_assert_cmpuint (history_length (f->store, f->driftwood), ==, 4);

  /* A refused drop is explained (a toast in the app) and changes nothing. */
  moved = TRUE;
  g_signal_emit_by_name (get_column (f->board, ACCORD_STAGE_RENEWING), "partner-dropped",
                         f->copper, &moved);
  g_assert_false (moved);
  g_assert_cmpint (accord_partner_get_stage (f->copper), ==, ACCORD_STAGE_OUTREACH);
  g_assert_cmpuint (f->failures->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->failures, 0), ==,
                   "A partner cannot move from Outreach to Renewing");
}

static void
test_menu_action (Fixture       *f,
                  gconstpointer  data)
{
  gint64 id = accord_partner_get_id (f->evergreen);

  /* What the card menu's items do. A partner on hold resumes where it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->board), "board.move", "(xi)", id,
                                             (gint32) ACCORD_STAGE_IDENTIFIED));
  g_assert_cmpint (accord_partner_get_stage (f->evergreen), ==, ACCORD_STAGE_IDENTIFIED);
  g_assert_cmpuint (accord_board_get_column_count (f->board, ACCORD_STAGE_ON_HOLD), ==, 0);
  g_assert_cmpuint (accord_board_get_column_count (f->board, ACCORD_STAGE_IDENTIFIED), ==, 3);
  g_assert_cmpuint (f->failures->len, ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->board), "board.move", "(xi)", id,
                                             (gint32) ACCORD_STAGE_RENEWING));
  g_assert_cmpint (accord_partner_get_stage (f->evergreen), ==, ACCORD_STAGE_IDENTIFIED);
  g_assert_cmpuint (f->failures->len, ==, 1);
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(AccordPartner) renewing = add_partner (f->store, "Granite Works",
                                                   ACCORD_PARTNERSHIP_TYPE_LICENSING, 3);
  g_autoptr(AccordPartner) ended = add_partner (f->store, "Harbour Lights",
                                                ACCORD_PARTNERSHIP_TYPE_LOYALTY, 3);

  walk (f->store, renewing, ACCORD_STAGE_OUTREACH, ACCORD_STAGE_NEGOTIATING,
        ACCORD_STAGE_LAUNCHING, ACCORD_STAGE_GROWING, ACCORD_STAGE_RENEWING, -1);
  walk (f->store, ended, ACCORD_STAGE_ENDED, -1);
  spin_for (50);

  /* Ctrl+Right with no card focused does nothing. */
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  g_assert_null (accord_board_get_focused_partner (f->board));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->board), "board.move-next", NULL));
  g_assert_cmpint (accord_partner_get_stage (f->amber), ==, ACCORD_STAGE_IDENTIFIED);

  /* Identified: the next stage to the right is Outreach; focus follows. */
  g_assert_true (accord_board_focus_partner (f->board, f->amber));
  g_assert_true (accord_board_get_focused_partner (f->board) == f->amber);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->board), "board.move-next", NULL));
  g_assert_cmpint (accord_partner_get_stage (f->amber), ==, ACCORD_STAGE_OUTREACH);
  g_assert_cmpuint (history_length (f->store, f->amber), ==, 2);
  g_assert_true (accord_board_get_focused_partner (f->board) == f->amber);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->board), "board.move-previous", NULL));
  g_assert_cmpint (accord_partner_get_stage (f->amber), ==, ACCORD_STAGE_IDENTIFIED);
  g_assert_true (accord_board_get_focused_partner (f->board) == f->amber);

  /* Renewing: Optimizing to the left is not allowed, Growing is. */
  g_assert_true (accord_board_focus_partner (f->board, renewing));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->board), "board.move-previous", NULL));
  g_assert_cmpint (accord_partner_get_stage (renewing), ==, ACCORD_STAGE_GROWING);
  g_assert_true (accord_board_get_focused_partner (f->board) == renewing);
  /* To the right of Growing comes Optimizing, then Renewing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->board), "board.move-next", NULL));
  g_assert_cmpint (accord_partner_get_stage (renewing), ==, ACCORD_STAGE_OPTIMIZING);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->board), "board.move-next", NULL));
  g_assert_cmpint (accord_partner_get_stage (renewing), ==, ACCORD_STAGE_RENEWING);
  g_assert_cmpuint (f->failures->len, ==, 0);

  /* Nowhere to go: the reason is reported and nothing moves. */
  g_assert_true (accord_board_focus_partner (f->board, ended));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->board), "board.move-next", NULL));
  g_assert_cmpint (accord_partner_get_stage (ended), ==, ACCORD_STAGE_ENDED);
  g_assert_cmpuint (f->failures->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (f->failures, 0), "ended"));
  g_assert_true (accord_board_focus_partner (f->board, f->bluepeak));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->board), "board.move-previous", NULL));
  g_assert_cmpint (accord_partner_get_stage (f->bluepeak), ==, ACCORD_STAGE_IDENTIFIED);
  g_assert_cmpuint (f->failures->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (f->failures, 1), ==, "No stage comes before Identified");
}

static void
activated_cb (AccordBoard    *board,
              AccordPartner  *partner,
              AccordPartner **out)
{
  *out = partner;
}

static void
test_activate (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *list = TEMPLATE_CHILD (get_column (f->board, ACCORD_STAGE_IDENTIFIED),
                                    ACCORD_TYPE_BOARD_COLUMN, "list_view");
  AccordPartner *activated = NULL;

  g_signal_connect (f->board, "partner-activated", G_CALLBACK (activated_cb), &activated);
  /* What Enter or a double click on the second card of the column does. */
  g_signal_emit_by_name (list, "activate", 1);
  g_assert_true (activated == f->bluepeak);
}

static gboolean
exclude_bluepeak (gpointer item,
                  gpointer user_data)
{
  return g_strcmp0 (accord_partner_get_name (item), "Bluepeak Studio") != 0;
}

static void
test_filtered_model (Fixture       *f,
                     gconstpointer  data)
{
  GtkCustomFilter *filter = gtk_custom_filter_new (exclude_bluepeak, NULL, NULL);
  GtkFilterListModel *filtered =
    gtk_filter_list_model_new (g_object_ref (accord_store_get_partners (f->store)),
                               GTK_FILTER (filter));
  /* Sorted by name: the board keeps whatever order the window chose. */
  GtkSortListModel *sorted =
    gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                             GTK_SORTER (gtk_string_sorter_new (
                               gtk_property_expression_new (ACCORD_TYPE_PARTNER, NULL, "name"))));
  guint total = 0;

  accord_board_set_model (f->board, G_LIST_MODEL (sorted));
  g_assert_true (accord_board_get_model (f->board) == G_LIST_MODEL (sorted));

  for (guint i = 0; i < ACCORD_N_STAGES; i++)
    {
      GListModel *shown = column_model (f->board, i);

      total += accord_board_get_column_count (f->board, i);
      for (guint j = 0; j < g_list_model_get_n_items (shown); j++)
        {
          g_autoptr(AccordPartner) partner = g_list_model_get_item (shown, j);
          g_assert_true (partner != f->bluepeak);
        }
    }
  g_assert_cmpuint (total, ==, 4);
  g_assert_cmpuint (accord_board_get_column_count (f->board, ACCORD_STAGE_IDENTIFIED), ==, 1);

  /* The model's own changes show at once: a new partner, a filter. */
  {
    g_autoptr(AccordPartner) added = add_partner (f->store, "Aardvark Tours",
                                                  ACCORD_PARTNERSHIP_TYPE_UNSET, 0);
    g_autoptr(AccordPartner) first = NULL;

    g_assert_cmpuint (accord_board_get_column_count (f->board, ACCORD_STAGE_IDENTIFIED), ==, 2);
    first = g_list_model_get_item (column_model (f->board, ACCORD_STAGE_IDENTIFIED), 0);
    g_assert_true (first == added);

    /* A partner that joined the model later is still watched. */
    walk (f->store, added, ACCORD_STAGE_OUTREACH, -1);
    g_assert_cmpuint (accord_board_get_column_count (f->board, ACCORD_STAGE_IDENTIFIED), ==, 1);
    g_assert_cmpuint (accord_board_get_column_count (f->board, ACCORD_STAGE_OUTREACH), ==, 2);
  }
  gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_DIFFERENT);
  g_assert_cmpuint (accord_board_get_column_count (f->board, ACCORD_STAGE_IDENTIFIED), ==, 1);

  /* Without a model the board is empty and stops watching partners. */
  accord_board_set_model (f->board, NULL);
  g_object_unref (sorted);
  g_assert_cmpuint (accord_board_get_column_count (f->board, ACCORD_STAGE_IDENTIFIED), ==, 0);
  walk (f->store, f->amber, ACCORD_STAGE_OUTREACH, -1);
  g_assert_cmpuint (accord_board_get_column_count (f->board, ACCORD_STAGE_OUTREACH), ==, 0);
}

/* Screenshots, on request */

static void
save_png (GtkWidget  *widget,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  const char *dir = g_getenv ("ACCORD_BOARD_SCREENSHOTS");
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  const struct { const char *name; AccordPartnershipType type; int rating; int stage; } more[] = {
    { "Granite Works", ACCORD_PARTNERSHIP_TYPE_LICENSING, 4, ACCORD_STAGE_GROWING },
    { "Harbour Lights", ACCORD_PARTNERSHIP_TYPE_LOYALTY, 3, ACCORD_STAGE_ENDED },
    { "Indigo Outfitters", ACCORD_PARTNERSHIP_TYPE_AFFILIATE, 5, ACCORD_STAGE_OUTREACH },
    { "Juniper & Co. International Holdings", ACCORD_PARTNERSHIP_TYPE_STRATEGIC_ALLIANCE, 4,
      ACCORD_STAGE_NEGOTIATING },
    { "Kestrel Apps", ACCORD_PARTNERSHIP_TYPE_ECOSYSTEM, 2, ACCORD_STAGE_LAUNCHING },
  };
  g_autofree char *light = g_build_filename (dir, "board-light.png", NULL);
  g_autofree char *dark = g_build_filename (dir, "board-dark.png", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    {
      g_autoptr(AccordPartner) p = add_partner (f->store, more[i].name, more[i].type,
                                                more[i].rating);
      static const int path[] = { ACCORD_STAGE_OUTREACH, ACCORD_STAGE_NEGOTIATING,
                                  ACCORD_STAGE_LAUNCHING, ACCORD_STAGE_GROWING };

      if (more[i].stage == ACCORD_STAGE_ENDED)
        walk (f->store, p, ACCORD_STAGE_ENDED, -1);
      else
        for (guint j = 0; j < G_N_ELEMENTS (path) && path[j] <= more[i].stage; j++)
          walk (f->store, p, path[j], -1);
    }

  /* The application loads the style sheet itself; do the same here. */
  gtk_css_provider_load_from_resource (css, "/io/github/accordhq/Accord/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  /* Wide enough for all nine columns (9 × 260 + 8 × 12 + 2 × 12). */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 2460, 520);
  /* States a still picture would not show otherwise: a focused card, a
   * column under a dragged card. */
  gtk_window_set_focus_visible (GTK_WINDOW (f->window), TRUE);
  accord_board_focus_partner (f->board, f->copper);
  gtk_widget_set_state_flags (GTK_WIDGET (get_column (f->board, ACCORD_STAGE_LAUNCHING)),
                              GTK_STATE_FLAG_DROP_ACTIVE, FALSE);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  spin_for (300);
  save_png (f->window, light);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  spin_for (300);
  save_png (f->window, dark);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (css));
}

int
main (int   argc,
      char *argv[])
{
  if (test_app_init (&argc, &argv))
    {
#define ADD(path, func) \
      g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
      ADD ("/board/columns", test_columns);
      ADD ("/board/move", test_move);
      ADD ("/board/refused-move", test_refused_move);
      ADD ("/board/drop", test_drop);
      ADD ("/board/menu-action", test_menu_action);
      ADD ("/board/keyboard", test_keyboard);
      ADD ("/board/activate", test_activate);
      ADD ("/board/filtered-model", test_filtered_model);
      if (g_getenv ("ACCORD_BOARD_SCREENSHOTS") != NULL)
        ADD ("/board/screenshots", test_screenshots);
#undef ADD
    }
  return g_test_run ();
}
