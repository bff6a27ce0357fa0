/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "accord-contact-row.h"
#include "accord-partner-page.h"
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

  reloaded = reload_first_partner (f->path);
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

static AccordContactRow *
first_contact_row (Fixture *f)
{
  GtkListBox *list = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "contacts_list");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);

  return row ? ACCORD_CONTACT_ROW (row) : NULL;
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
  GtkWidget *error_row;

  g_assert_null (first_contact_row (f));
  g_assert_true (accord_store_add_contact (f->store, f->partner, dana, &error));
  row = first_contact_row (f);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Dana Reyes");

  email = TEMPLATE_CHILD (row, ACCORD_TYPE_CONTACT_ROW, "email_row");
  error_row = TEMPLATE_CHILD (row, ACCORD_TYPE_CONTACT_ROW, "error_row");
  gtk_editable_set_text (email, "not-an-email");
  g_assert_true (gtk_widget_get_visible (error_row));
  g_assert_false (accord_contact_row_flush (row));
  g_assert_cmpstr (accord_contact_get_email (dana), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (email), ==, "not-an-email");

  gtk_editable_set_text (email, "dana@northwind.example");
  g_assert_false (gtk_widget_get_visible (error_row));
  g_assert_true (accord_contact_row_flush (row));
  g_assert_cmpstr (accord_contact_get_email (dana), ==, "dana@northwind.example");

  /* Remove, as the row's button does: the page removes and offers Undo. */
  g_signal_emit_by_name (row, "remove-requested");
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 0);
  g_assert_null (first_contact_row (f));
}

int
main (int   argc,
      char *argv[])
{
  if (test_app_init (&argc, &argv))
    {
      g_test_add ("/partner-page/form-saves", Fixture, NULL,
                  fixture_set_up, test_form_saves, fixture_tear_down);
      g_test_add ("/partner-page/bad-input-kept", Fixture, NULL,
                  fixture_set_up, test_bad_input_kept, fixture_tear_down);
      g_test_add ("/partner-page/contacts", Fixture, NULL,
                  fixture_set_up, test_contacts, fixture_tear_down);
    }
  return g_test_run ();
}
