/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "accord-contact-row.h"
#include "accord-partner-page.h"
#include "accord-validate.h"
#include "test-app-helpers.h"

#include <string.h>

typedef struct
{
  char *path;
  AccordStore *store;
  AccordPartner *partner;
  AccordPartnerPage *page;
  GtkWidget *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = test_store_new (&f->path);
  f->partner = accord_partner_new ("Northwind Analytics");
  g_assert_true (accord_store_add_partner (f->store, f->partner, NULL, &error));

  f->page = ACCORD_PARTNER_PAGE (accord_partner_page_new ());
  f->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
  accord_partner_page_set_store (f->page, f->store);
  accord_partner_page_set_partner (f->page, f->partner);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_ref (f->page);
  gtk_window_destroy (GTK_WINDOW (f->window));
  /* No reference cycles: the page goes away with its last reference. */
  g_assert_finalize_object (f->page);
  g_clear_object (&f->partner);
  g_assert_finalize_object (f->store);
  g_free (f->path);
}

static AccordPartner *
reload_first_partner (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = accord_store_open (path, ACCORD_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (store)), ==, 1);
  return g_list_model_get_item (accord_store_get_partners (store), 0);
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 int        *count)
{
  (*count)++;
}

static gboolean
website_saved (gpointer data)
{
  return g_strcmp0 (accord_partner_get_website (data), "northwind.example") == 0;
}

static void
test_form_saves (Fixture       *f,
                 gconstpointer  data)
{
  GtkEditable *website = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "website_row");
  GtkEditable *owner = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "owner_row");
  AdwComboRow *type = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "type_row");
  GtkEditable *name = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "name_row");
  g_autoptr(AccordPartner) reloaded = NULL;
  int name_notifies = 0;

  g_assert_cmpstr (gtk_editable_get_text (name), ==, "Northwind Analytics");
  g_signal_connect (f->partner, "notify::website", G_CALLBACK (notify_count_cb), &name_notifies);

  /* Typing saves by itself after a short pause. */
  gtk_editable_set_text (website, "northwind.example");
  spin_until (website_saved, f->partner, 3000);
  g_assert_cmpstr (accord_partner_get_website (f->partner), ==, "northwind.example");
  g_assert_cmpint (name_notifies, ==, 1);

  /* A choice saves at once. */
  adw_combo_row_set_selected (type, ACCORD_PARTNERSHIP_TYPE_INTEGRATION);
  g_assert_cmpint (accord_partner_get_partnership_type (f->partner), ==,
                   ACCORD_PARTNERSHIP_TYPE_INTEGRATION);

  /* Leaving the partner saves what is pending. */
  gtk_editable_set_text (owner, "Sam");
  accord_partner_page_set_partner (f->page, NULL);
  g_assert_cmpstr (accord_partner_get_owner (f->partner), ==, "Sam");

  /* The canvas lists and the sentence save like any other field. */
  accord_partner_page_set_partner (f->page, f->partner);
  {
    GtkEditable *sentence = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE,
                                            "value_proposition_row");
    GtkGrid *canvas = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "canvas_grid");
    GtkWidget *gains_box = gtk_grid_get_child_at (canvas, 0, 0);
    GtkWidget *frame = gtk_widget_get_last_child (gains_box);
    GtkTextView *gains = GTK_TEXT_VIEW (gtk_frame_get_child (GTK_FRAME (frame)));

    gtk_text_buffer_set_text (gtk_text_view_get_buffer (gains), "More sellers\nLess churn", -1);
    gtk_editable_set_text (sentence, "For shops that want more sellers, we bring ours.");
    g_assert_true (accord_partner_page_flush (f->page));
    g_assert_cmpstr (accord_partner_get_text (f->partner, ACCORD_PARTNER_FIELD_THEIR_GAINS), ==,
                     "More sellers\nLess churn");
  }

  reloaded = reload_first_partner (f->path);
  g_assert_cmpstr (accord_partner_get_text (reloaded, ACCORD_PARTNER_FIELD_VALUE_PROPOSITION), ==,
                   "For shops that want more sellers, we bring ours.");
  g_assert_cmpstr (accord_partner_get_website (reloaded), ==, "northwind.example");
  g_assert_cmpstr (accord_partner_get_owner (reloaded), ==, "Sam");
  g_assert_cmpint (accord_partner_get_partnership_type (reloaded), ==,
                   ACCORD_PARTNERSHIP_TYPE_INTEGRATION);
}

static void
test_bad_input_kept (Fixture       *f,
                     gconstpointer  data)
{
  GtkEditable *website = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "website_row");
  GtkEditable *name = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "name_row");
  GtkLabel *error_label = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "identity_error");
  g_autoptr(AccordPartner) other = accord_partner_new ("Other Partner");
  g_autoptr(GError) error = NULL;
  g_autofree char *unsaved = NULL;

  g_assert_true (accord_store_add_partner (f->store, other, NULL, &error));

  gtk_editable_set_text (website, "not a website");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "is not a web address"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (website), "error"));

  gtk_editable_set_text (name, "");
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, "A partner needs a name");

  /* Nothing refused is saved, and flushing says so. */
  g_assert_false (accord_partner_page_flush (f->page));
  spin_for (600);
  g_assert_cmpstr (accord_partner_get_website (f->partner), ==, "");
  g_assert_cmpstr (accord_partner_get_name (f->partner), ==, "Northwind Analytics");
  g_assert_cmpstr (gtk_editable_get_text (website), ==, "not a website");

  /* Looking at another partner and coming back brings the typed text back. */
  accord_partner_page_set_partner (f->page, other);
  g_assert_cmpstr (gtk_editable_get_text (website), ==, "");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  unsaved = accord_partner_page_describe_unsaved (f->page);
  g_assert_nonnull (unsaved);
  g_assert_nonnull (strstr (unsaved, "not a website"));

  accord_partner_page_set_partner (f->page, f->partner);
  g_assert_cmpstr (gtk_editable_get_text (website), ==, "not a website");
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));

  /* Fixing it saves it. */
  gtk_editable_set_text (website, "https://northwind.example");
  gtk_editable_set_text (name, "Northwind");
  g_assert_true (accord_partner_page_flush (f->page));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (accord_partner_get_website (f->partner), ==, "https://northwind.example");
  g_assert_cmpstr (accord_partner_get_name (f->partner), ==, "Northwind");
}

static GtkLabel *
find_label_with_class (GtkWidget  *root,
                       const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, css_class))
        return GTK_LABEL (child);
      if ((found = find_label_with_class (child, css_class)) != NULL)
        return found;
    }
  return NULL;
}

/* The first AdwEntryRow inside @root, or NULL. */
static GtkWidget *
find_entry_rows (gpointer root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_ENTRY_ROW (child))
        return child;
      if ((found = find_entry_rows (child)) != NULL)
        return found;
    }
  return NULL;
}

static AccordContactRow *
first_contact_row (Fixture *f)
{
  GtkListBox *list = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "contacts_list");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);

  /* A row without a contact waits, hidden, for the next one. */
  if (row == NULL || !gtk_widget_get_visible (GTK_WIDGET (row)))
    {
      g_assert_true (row == NULL || accord_contact_row_get_contact (ACCORD_CONTACT_ROW (row)) == NULL);
      return NULL;
    }
  return ACCORD_CONTACT_ROW (row);
}

static void
test_contacts (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(AccordContact) dana = accord_contact_new ("Dana Reyes");
  g_autoptr(GError) error = NULL;
  GListModel *contacts = accord_store_get_contacts (f->store, f->partner);
  AccordContactRow *row;
  GtkEditable *email;

  g_assert_null (first_contact_row (f));
  g_assert_true (accord_store_add_contact (f->store, f->partner, dana, &error));
  row = first_contact_row (f);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Dana Reyes");

  /* The header's "role · email" stays on one line, ellipsized. */
  {
    GtkLabel *subtitle = find_label_with_class (GTK_WIDGET (row), "subtitle");

    g_assert_nonnull (subtitle);
    g_assert_false (gtk_label_get_wrap (subtitle));
    g_assert_cmpint (gtk_label_get_ellipsize (subtitle), ==, PANGO_ELLIPSIZE_END);
  }

  /* The fields are made when the row is first expanded. */
  g_assert_null (find_entry_rows (row));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_assert_nonnull (find_entry_rows (row));
  email = accord_contact_row_get_field (row, ACCORD_CONTACT_FIELD_EMAIL);
  g_assert_cmpstr (gtk_editable_get_text (accord_contact_row_get_field (row, ACCORD_CONTACT_FIELD_NAME)),
                   ==, "Dana Reyes");
  gtk_editable_set_text (email, "not-an-email");
  g_assert_nonnull (accord_contact_row_get_error (row));
  g_assert_false (accord_contact_row_flush (row));
  g_assert_cmpstr (accord_contact_get_email (dana), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (email), ==, "not-an-email");

  gtk_editable_set_text (email, "dana@northwind.example");
  g_assert_null (accord_contact_row_get_error (row));
  g_assert_true (accord_contact_row_flush (row));
  g_assert_cmpstr (accord_contact_get_email (dana), ==, "dana@northwind.example");

  /* Remove, as the row's button does: the page removes and offers Undo. */
  g_signal_emit_by_name (row, "remove-requested");
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 0);
  g_assert_null (first_contact_row (f));
}

/* Moving to another partner keeps the contact rows, collapsed and showing
 * that partner's contacts; an edit waiting for its pause is saved to the
 * contact it was made on. */
static void
test_contact_rows_follow_partner (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(AccordPartner) other = accord_partner_new ("Amber Works");
  g_autoptr(AccordContact) dana = accord_contact_new ("Dana Reyes");
  g_autoptr(AccordContact) eli = accord_contact_new ("Eli Moss");
  g_autoptr(AccordContact) finn = accord_contact_new ("Finn Ode");
  g_autoptr(GError) error = NULL;
  GtkListBox *list = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "contacts_list");
  AccordContactRow *row, *second;

  g_assert_true (accord_store_add_partner (f->store, other, NULL, &error));
  g_assert_true (accord_store_add_contact (f->store, f->partner, dana, &error));
  g_assert_true (accord_store_add_contact (f->store, f->partner, eli, &error));
  g_assert_true (accord_store_add_contact (f->store, other, finn, &error));
  g_assert_no_error (error);

  row = first_contact_row (f);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 1));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_editable_set_text (accord_contact_row_get_field (row, ACCORD_CONTACT_FIELD_ROLE), "Editor");

  accord_partner_page_set_partner (f->page, other);
  g_assert_true (first_contact_row (f) == row);
  /* The second row is kept, hidden and without a contact. */
  second = ACCORD_CONTACT_ROW (gtk_list_box_get_row_at_index (list, 1));
  g_assert_nonnull (second);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (second)));
  g_assert_null (accord_contact_row_get_contact (second));
  g_assert_null (gtk_list_box_get_row_at_index (list, 2));
  g_assert_true (accord_contact_row_get_contact (row) == finn);
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Finn Ode");
  g_assert_cmpstr (gtk_editable_get_text (accord_contact_row_get_field (row, ACCORD_CONTACT_FIELD_ROLE)),
                   ==, "");
  g_assert_cmpstr (accord_contact_get_role (dana), ==, "Editor");
  g_assert_cmpstr (accord_contact_get_role (finn), ==, "");

  /* Back: the same two rows, both shown, each with its own contact. */
  accord_partner_page_set_partner (f->page, f->partner);
  g_assert_true (first_contact_row (f) == row);
  g_assert_true (accord_contact_row_get_contact (row) == dana);
  g_assert_true (ACCORD_CONTACT_ROW (gtk_list_box_get_row_at_index (list, 1)) == second);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (second)));
  g_assert_true (accord_contact_row_get_contact (second) == eli);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (second)), ==, "Eli Moss");

  /* A partner without contacts hides both; flushing the page has nothing
   * left to save in them. */
  accord_partner_page_set_partner (f->page, NULL);
  g_assert_null (first_contact_row (f));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (second)));
}

static GtkWidget *
find_by_tooltip (GtkWidget  *root,
                 const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      if ((found = find_by_tooltip (child, tooltip)) != NULL)
        return found;
    }
  return NULL;
}

static void
rate (Fixture    *f,
      const char *criterion,
      int         rating)
{
  g_autofree char *tooltip = g_strdup_printf ("%s: %d of 5", criterion, rating);
  GtkWidget *button = find_by_tooltip (GTK_WIDGET (f->page), tooltip);

  g_assert_nonnull (button);
  /* A click toggles; pressing the active one clears it. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
}

static void
test_scorecard (Fixture       *f,
                gconstpointer  data)
{
  GtkLabel *score = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "score_label");
  AdwActionRow *score_row = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "score_row");
  AdwComboRow *priority = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "priority_row");
  g_autoptr(AccordPartner) reloaded = NULL;

  accord_partner_page_show_section (f->page, "fit");
  g_assert_cmpstr (gtk_label_get_text (score), ==, "Incomplete");

  /* 5*3 + 5*3 + 4*2 + 4*2 + 4*1 = 50: the lowest score that says pursue. */
  rate (f, "Strategic alignment", 5);
  rate (f, "Value exchange", 5);
  rate (f, "Reach and influence", 4);
  rate (f, "Operational fit", 4);
  g_assert_cmpstr (gtk_label_get_text (score), ==, "Incomplete");
  rate (f, "Partnership readiness", 4);
  g_assert_cmpstr (gtk_label_get_text (score), ==, "50 of 55");
  g_assert_cmpstr (adw_action_row_get_subtitle (score_row), ==, "Pursue aggressively");
  g_assert_cmpint (accord_partner_get_priority (f->partner), ==, ACCORD_PRIORITY_HIGH);

  /* One point less on readiness: 49, worth pursuing. */
  rate (f, "Partnership readiness", 3);
  g_assert_cmpstr (gtk_label_get_text (score), ==, "49 of 55");
  g_assert_cmpstr (adw_action_row_get_subtitle (score_row), ==, "Worth pursuing");
  g_assert_cmpint (accord_partner_get_priority (f->partner), ==, ACCORD_PRIORITY_MEDIUM);

  /* The override shows and can be undone by going back to Automatic. */
  adw_combo_row_set_selected (priority, ACCORD_PRIORITY_LOW);
  g_assert_cmpint (accord_partner_get_priority (f->partner), ==, ACCORD_PRIORITY_LOW);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (priority)), "Set by you"));
  adw_combo_row_set_selected (priority, ACCORD_PRIORITY_AUTOMATIC);
  g_assert_cmpint (accord_partner_get_priority (f->partner), ==, ACCORD_PRIORITY_MEDIUM);

  /* Clearing a rating makes the card incomplete again: no number. */
  rate (f, "Partnership readiness", 3);
  g_assert_cmpint (accord_partner_get_rating (f->partner, ACCORD_CRITERION_READINESS), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (score), ==, "Incomplete");
  rate (f, "Partnership readiness", 2);

  reloaded = reload_first_partner (f->path);
  g_assert_cmpint (accord_partner_get_rating (reloaded, ACCORD_CRITERION_STRATEGIC_ALIGNMENT), ==, 5);
  g_assert_cmpint (accord_partner_get_rating (reloaded, ACCORD_CRITERION_READINESS), ==, 2);
  g_assert_cmpint (accord_partner_get_fit_band (reloaded), ==, ACCORD_FIT_BAND_WORTH);
}

static guint
count_action_rows (GtkWidget *root)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += (ADW_IS_ACTION_ROW (child) ? 1 : 0) + count_action_rows (child);
  return n;
}

static void
test_lifecycle (Fixture       *f,
                gconstpointer  data)
{
  AdwActionRow *stage_row = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "stage_row");
  AdwExpanderRow *history = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "history_row");
  GtkMenuButton *move = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "move_button");
  GMenuModel *menu;
  g_autoptr(GError) error = NULL;
  guint header_rows;

  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (stage_row)), ==, "Identified");
  g_assert_cmpstr (adw_expander_row_get_subtitle (history), ==, "1 change");

  /* The menu offers only allowed moves: from Identified, Outreach, On hold, Ended. */
  gtk_menu_button_popup (move);
  menu = gtk_menu_button_get_menu_model (move);
  gtk_menu_button_popdown (move);
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 3);

  g_assert_true (accord_store_move_partner (f->store, f->partner, ACCORD_STAGE_OUTREACH, NULL,
                                            "First email sent", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (stage_row)), ==, "Outreach");
  g_assert_cmpstr (adw_expander_row_get_subtitle (history), ==, "2 changes");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (stage_row), "0 days"));

  /* The history's rows are made when it is expanded, newest first, and
   * follow later moves while it stays expanded. */
  header_rows = count_action_rows (GTK_WIDGET (history));   /* its own header */
  g_assert_cmpuint (header_rows, <=, 1);
  adw_expander_row_set_expanded (history, TRUE);
  g_assert_cmpuint (count_action_rows (GTK_WIDGET (history)), ==, header_rows + 2);
  g_assert_true (accord_store_move_partner (f->store, f->partner, ACCORD_STAGE_ON_HOLD, NULL,
                                            "", "2027-01-01", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_action_rows (GTK_WIDGET (history)), ==, header_rows + 3);
}

/* Above the contacts, whom to look for in this kind of partnership; the
 * hint follows the partner's kind and the partner shown. It breaks lines
 * between words only and is at least 20 characters wide: breaking
 * anywhere had GTK measure it a letter per line at every change. */
static void
test_role_hint (Fixture       *f,
                gconstpointer  data)
{
  GtkLabel *hint = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "role_hint");
  g_autoptr(AccordPartner) other = accord_partner_new ("Amber Works");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (accord_partner_get_partnership_type (f->partner), ==,
                   ACCORD_PARTNERSHIP_TYPE_UNSET);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (hint)));

  accord_partner_set_partnership_type (f->partner, ACCORD_PARTNERSHIP_TYPE_INTEGRATION);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (hint)));
  g_assert_cmpstr (gtk_label_get_label (hint), ==,
                   "For this kind of partnership, look for: Head of product or CTO.");
  g_assert_true (gtk_label_get_wrap (hint));
  g_assert_cmpint (gtk_label_get_wrap_mode (hint), ==, PANGO_WRAP_WORD);
  g_assert_cmpint (gtk_label_get_width_chars (hint), >=, 20);

  accord_partner_set_partnership_type (other, ACCORD_PARTNERSHIP_TYPE_CO_MARKETING);
  g_assert_true (accord_store_add_partner (f->store, other, NULL, &error));
  g_assert_no_error (error);
  accord_partner_page_set_partner (f->page, other);
  g_assert_cmpstr (gtk_label_get_label (hint), ==,
                   "For this kind of partnership, look for: Head of marketing.");

  accord_partner_set_partnership_type (other, ACCORD_PARTNERSHIP_TYPE_SPONSORSHIP);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (hint)));
  accord_partner_page_set_partner (f->page, f->partner);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (hint)));
  accord_partner_page_set_partner (f->page, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (hint)));
}

/* The Fit section is filled when it is shown, from the partner then
 * shown; what the user typed there and could not save survives. */
static void
test_fit_filled_when_shown (Fixture       *f,
                            gconstpointer  data)
{
  GtkEditable *why = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "why_fit_row");
  AdwComboRow *tier = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "tier_row");
  GtkLabel *score = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "score_label");
  g_autoptr(AccordPartner) other = accord_partner_new ("Harbour Books");
  g_autoptr(GError) error = NULL;
  g_autofree char *too_long = g_strnfill (ACCORD_MAX_TEXT_LENGTH + 1, 'x');

  g_assert_true (accord_store_add_partner (f->store, other, NULL, &error));
  g_assert_true (accord_store_set_partner_field (f->store, f->partner,
                                                 ACCORD_PARTNER_FIELD_WHY_FIT,
                                                 "Their readers are our buyers", &error));
  g_assert_true (accord_store_set_partner_field (f->store, f->partner, ACCORD_PARTNER_FIELD_TIER,
                                                 accord_tier_to_key (ACCORD_TIER_PREMIUM), &error));
  g_assert_true (accord_store_set_partner_field (f->store, other, ACCORD_PARTNER_FIELD_WHY_FIT,
                                                 "Same town", &error));
  g_assert_no_error (error);

  /* The Overview shows: the Fit section has not been filled. */
  accord_partner_page_set_partner (f->page, other);
  accord_partner_page_set_partner (f->page, f->partner);
  g_assert_cmpstr (gtk_editable_get_text (why), ==, "");
  g_assert_cmpstr (gtk_label_get_text (score), ==, "");

  accord_partner_page_show_section (f->page, "fit");
  g_assert_cmpstr (gtk_editable_get_text (why), ==, "Their readers are our buyers");
  g_assert_cmpuint (adw_combo_row_get_selected (tier), ==, ACCORD_TIER_PREMIUM);
  g_assert_cmpstr (gtk_label_get_text (score), ==, "Incomplete");

  /* Shown, it follows the partner at once. */
  accord_partner_page_set_partner (f->page, other);
  g_assert_cmpstr (gtk_editable_get_text (why), ==, "Same town");
  g_assert_cmpuint (adw_combo_row_get_selected (tier), ==, accord_partner_get_tier (other));

  /* Text that is refused stays, through a visit to another partner made
   * with the Overview showing. */
  gtk_editable_set_text (why, too_long);
  accord_partner_page_show_section (f->page, "overview");
  accord_partner_page_set_partner (f->page, f->partner);
  accord_partner_page_set_partner (f->page, other);
  accord_partner_page_show_section (f->page, "fit");
  g_assert_true (g_str_equal (gtk_editable_get_text (why), too_long));
  g_assert_cmpstr (accord_partner_get_why_fit (other), ==, "Same town");

  /* The tier set elsewhere shows once the section is shown again. */
  accord_partner_page_show_section (f->page, "overview");
  accord_partner_page_set_partner (f->page, f->partner);
  g_assert_true (accord_store_set_partner_field (f->store, f->partner, ACCORD_PARTNER_FIELD_TIER,
                                                 accord_tier_to_key (ACCORD_TIER_CERTIFIED), &error));
  g_assert_no_error (error);
  accord_partner_page_show_section (f->page, "fit");
  g_assert_cmpuint (adw_combo_row_get_selected (tier), ==, ACCORD_TIER_CERTIFIED);
}

int
main (int   argc,
      char *argv[])
{
  if (test_app_init (&argc, &argv))
    {
      g_test_add ("/partner-page/contact-rows-follow-partner", Fixture, NULL,
                  fixture_set_up, test_contact_rows_follow_partner, fixture_tear_down);
      g_test_add ("/partner-page/form-saves", Fixture, NULL,
                  fixture_set_up, test_form_saves, fixture_tear_down);
      g_test_add ("/partner-page/bad-input-kept", Fixture, NULL,
                  fixture_set_up, test_bad_input_kept, fixture_tear_down);
      g_test_add ("/partner-page/role-hint", Fixture, NULL,
                  fixture_set_up, test_role_hint, fixture_tear_down);
      g_test_add ("/partner-page/contacts", Fixture, NULL,
                  fixture_set_up, test_contacts, fixture_tear_down);
      g_test_add ("/partner-page/scorecard", Fixture, NULL,
                  fixture_set_up, test_scorecard, fixture_tear_down);
      g_test_add ("/partner-page/fit-filled-when-shown", Fixture, NULL,
                  fixture_set_up, test_fit_filled_when_shown, fixture_tear_down);
      g_test_add ("/partner-page/lifecycle", Fixture, NULL,
                  fixture_set_up, test_lifecycle, fixture_tear_down);
    }
  return g_test_run ();
}
