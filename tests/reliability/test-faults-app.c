/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* The form under a failing disk: a save the disk refuses keeps what the
 * user typed in the field, says why under the group, leaves the partner
 * object as it was, and goes through once the disk is back. */

#include "accord-partner-page.h"
#include "faulty-vfs.h"
#include "../app/test-app-helpers.h"

#include <string.h>

#define OLD_WEBSITE "old.example"
#define NEW_WEBSITE "https://new.example/partners"

typedef struct
{
  char *path;
  AccordStore *store;
  AccordPartner *partner;
  AccordPartner *other;
  AccordPartnerPage *page;
  GtkWidget *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;

  faulty_vfs_disarm ();
  f->store = test_store_new (&f->path);
  f->partner = accord_partner_new ("Northwind Analytics");
  accord_partner_set_website (f->partner, OLD_WEBSITE);
  g_assert_true (accord_store_add_partner (f->store, f->partner, NULL, &error));
  g_assert_no_error (error);
  f->other = accord_partner_new ("Other Partner");
  g_assert_true (accord_store_add_partner (f->store, f->other, NULL, &error));
  g_assert_no_error (error);

  /* Inside a toast overlay, as in the window: the disk error also goes
   * out as a toast. */
  f->page = ACCORD_PARTNER_PAGE (accord_partner_page_new ());
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->page));
  f->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), overlay);
  gtk_window_present (GTK_WINDOW (f->window));
  accord_partner_page_set_store (f->page, f->store);
  accord_partner_page_set_partner (f->page, f->partner);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  faulty_vfs_disarm ();
  g_object_ref (f->page);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->page);
  g_clear_object (&f->partner);
  g_clear_object (&f->other);
  g_assert_finalize_object (f->store);
  g_free (f->path);
}

static char *
stored_website (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = accord_store_open (path, ACCORD_STORE_OPEN_DEFAULT, &error);
  GListModel *partners;

  g_assert_no_error (error);
  partners = accord_store_get_partners (store);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(AccordPartner) partner = g_list_model_get_item (partners, i);

      if (g_strcmp0 (accord_partner_get_name (partner), "Northwind Analytics") == 0)
        return g_strdup (accord_partner_get_website (partner));
    }
  g_assert_not_reached ();
}

/* The refused text is on screen, marked, explained; nothing changed in
 * the object or the file. */
static void
assert_refused (Fixture *f)
{
  GtkEditable *website = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "website_row");
  GtkLabel *label = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "identity_error");
  g_autofree char *on_disk = NULL;

  g_assert_cmpstr (gtk_editable_get_text (website), ==, NEW_WEBSITE);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (website), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_cmpstr (gtk_label_get_text (label), !=, "");
  g_assert_null (strchr (gtk_label_get_text (label), '\n'));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "disk"));
  g_assert_cmpstr (accord_partner_get_website (f->partner), ==, OLD_WEBSITE);
  on_disk = stored_website (f->path);
  g_assert_cmpstr (on_disk, ==, OLD_WEBSITE);
}

static void
assert_saved (Fixture *f)
{
  GtkEditable *website = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "website_row");
  GtkLabel *label = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "identity_error");
  g_autofree char *on_disk = NULL;

  g_assert_cmpstr (gtk_editable_get_text (website), ==, NEW_WEBSITE);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (website), "error"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_cmpstr (accord_partner_get_website (f->partner), ==, NEW_WEBSITE);
  on_disk = stored_website (f->path);
  g_assert_cmpstr (on_disk, ==, NEW_WEBSITE);
}

static void
test_write_fault (Fixture       *f,
                  gconstpointer  data)
{
  const FaultKind kind = GPOINTER_TO_INT (data);
  GtkEditable *website = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "website_row");

  gtk_editable_set_text (website, NEW_WEBSITE);

  /* The disk stays broken for the whole save, rollback included. */
  faulty_vfs_arm_sticky (kind, 1);
  g_assert_false (accord_partner_page_flush (f->page));
  g_assert_cmpuint (faulty_vfs_fired (), >, 0);
  faulty_vfs_disarm ();
  assert_refused (f);

  /* The pending timer was cleared by the flush: no save sneaks in. */
  spin_for (600);
  g_assert_cmpstr (accord_partner_get_website (f->partner), ==, OLD_WEBSITE);

  /* The disk is back: the same flush saves what is in the field. */
  g_assert_true (accord_partner_page_flush (f->page));
  assert_saved (f);
}

/* Leaving the partner while the disk refuses the save keeps the text as a
 * draft; coming back shows it, and it must still be saved. */
static void
test_write_fault_draft (Fixture       *f,
                        gconstpointer  data)
{
  GtkEditable *website = TEMPLATE_CHILD (f->page, ACCORD_TYPE_PARTNER_PAGE, "website_row");
  g_autofree char *unsaved = NULL;

  gtk_editable_set_text (website, NEW_WEBSITE);

  faulty_vfs_arm_sticky (FAULT_WRITE, 1);
  accord_partner_page_set_partner (f->page, f->other);
  faulty_vfs_disarm ();
  g_assert_cmpstr (accord_partner_get_website (f->partner), ==, OLD_WEBSITE);

  unsaved = accord_partner_page_describe_unsaved (f->page);
  g_assert_nonnull (unsaved);
  g_assert_nonnull (strstr (unsaved, NEW_WEBSITE));

  accord_partner_page_set_partner (f->page, f->partner);
  g_assert_cmpstr (gtk_editable_get_text (website), ==, NEW_WEBSITE);

  /* What is on screen and not stored must not pass for saved: the restored
   * draft is saved now that the disk works again. */
  g_assert_true (accord_partner_page_flush (f->page));
  assert_saved (f);
}

int
main (int   argc,
      char *argv[])
{
  /* Before the first store opens, so every connection goes through it. */
  faulty_vfs_install ();

  if (!test_app_init (&argc, &argv))
    return g_test_run ();

  g_test_add ("/faults-app/write-fault", Fixture, GINT_TO_POINTER (FAULT_WRITE),
              fixture_set_up, test_write_fault, fixture_tear_down);
  g_test_add ("/faults-app/sync-fault", Fixture, GINT_TO_POINTER (FAULT_SYNC),
              fixture_set_up, test_write_fault, fixture_tear_down);
  g_test_add ("/faults-app/disk-full", Fixture, GINT_TO_POINTER (FAULT_FULL),
              fixture_set_up, test_write_fault, fixture_tear_down);
  g_test_add ("/faults-app/draft-after-fault", Fixture, NULL,
              fixture_set_up, test_write_fault_draft, fixture_tear_down);

  return g_test_run ();
}
