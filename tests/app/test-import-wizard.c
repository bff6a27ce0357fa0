/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "accord-import.h"
#include "accord-import-wizard.h"
#include "accord-merge-dialog.h"
#include "accord-window.h"
#include "test-app-helpers.h"

#include <string.h>

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
need_named (gpointer    root,
            const char *name)
{
  GtkWidget *widget = find_named (GTK_WIDGET (root), name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

static guint
target_index (const char *target)
{
  const char * const *targets = accord_import_list_targets ();

  for (guint i = 0; targets[i] != NULL; i++)
    if (g_str_equal (targets[i], target))
      return i + 1;   /* 0 is "Leave out" */
  g_assert_not_reached ();
}

static gboolean
not_busy (gpointer wizard)
{
  return !accord_import_wizard_is_busy (wizard);
}

static gboolean
on_done_page (gpointer wizard)
{
  return g_strcmp0 (accord_import_wizard_get_page (wizard), "done") == 0 &&
         !accord_import_wizard_is_busy (wizard);
}

static AccordPartner *
find_partner (AccordStore *store,
              const char  *name)
{
  GListModel *partners = accord_store_get_partners (store);

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(AccordPartner) partner = g_list_model_get_item (partners, i);

      if (g_strcmp0 (accord_partner_get_name (partner), name) == 0)
        return partner;
    }
  return NULL;
}

static AccordWindow *
window_with (AccordStore *store,
             const char  *first_partner)
{
  AccordWindow *window = accord_window_new (NULL);
  g_autoptr(GError) error = NULL;

  if (first_partner != NULL)
    {
      g_autoptr(AccordPartner) partner = accord_partner_new (first_partner);

      g_assert_true (accord_store_add_partner (store, partner, NULL, &error));
      g_assert_no_error (error);
    }
  accord_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static GFile *
write_fixture (const char *text)
{
  g_autofree char *dir = g_dir_make_tmp ("accord-wizard-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "partners.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
click (gpointer wizard,
       const char *name)
{
  GtkWidget *button = need_named (wizard, name);

  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
test_wizard_imports (void)
{
  g_autofree char *path = NULL;
  g_autoptr(AccordStore) store = test_store_new (&path);
  AccordWindow *window = window_with (store, "Bluepeak Studio");
  g_autoptr(GFile) file =
    write_fixture ("Company;URL;Comments;E-mail;Contact\r\n"
                   "bluepeak studio;bluepeak.example;Design agency;ada@bluepeak.example;Ada\r\n"
                   "Northwind;northwind.example;\"Analytics,\nEurope\";;\r\n"
                   "Broken Ltd;not a website;;;\r\n"
                   "Kestrel;kestrel.example;Media;;\r\n");
  GtkWindow *wizard = accord_import_wizard_present_file (window, file);
  GtkStringList *problems;
  GtkWidget *summary, *result;
  AccordPartner *partner;

  g_assert_nonnull (wizard);
  g_assert_cmpstr (accord_import_wizard_get_page (wizard), ==, "mapping");

  /* The guesses are filled in; "Comments" would be notes: make it the
   * description. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (need_named (wizard, "import-column-0"))),
                    ==, target_index ("name"));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (need_named (wizard, "import-column-1"))),
                    ==, target_index ("website"));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (need_named (wizard, "import-column-2"))),
                    ==, target_index ("notes"));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (need_named (wizard, "import-column-3"))),
                    ==, target_index ("contact_email"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (need_named (wizard, "import-column-2")),
                              target_index ("description"));

  click (wizard, "import-next");
  g_assert_cmpstr (accord_import_wizard_get_page (wizard), ==, "match");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (need_named (wizard,
                                                                            "import-match-name"))));
  click (wizard, "import-next");
  g_assert_cmpstr (accord_import_wizard_get_page (wizard), ==, "preview");
  spin_until (not_busy, wizard, 10000);

  /* Every problem row with its line, the counts, and no Import yet. */
  summary = need_named (wizard, "import-summary");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (summary)), ==,
                   "2 new partners, 1 updated, 1 problem");
  problems = GTK_STRING_LIST (gtk_no_selection_get_model (GTK_NO_SELECTION (
    gtk_list_view_get_model (GTK_LIST_VIEW (need_named (wizard, "import-problems"))))));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (problems)), ==, 1);
  g_assert_true (g_str_has_prefix (gtk_string_list_get_string (problems, 0), "Line 5: "));
  g_assert_false (gtk_widget_get_sensitive (need_named (wizard, "import-next")));
  /* Nothing written by the check. */
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (store)), ==, 1);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (need_named (wizard, "import-skip-invalid")),
                               TRUE);
  click (wizard, "import-next");
  spin_until (on_done_page, wizard, 20000);
  g_assert_cmpstr (accord_import_wizard_get_page (wizard), ==, "done");
  result = need_named (wizard, "import-result");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (result)), ==,
                   "Imported 3 partners: 2 new, 1 updated. 1 row with a problem was left out.");

  /* The window's store learnt the new partners and the update. */
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (store)), ==, 3);
  partner = find_partner (store, "Bluepeak Studio");
  g_assert_nonnull (partner);
  g_assert_cmpstr (accord_partner_get_description (partner), ==, "Design agency");
  g_assert_cmpstr (accord_partner_get_notes (partner), ==, "");
  partner = find_partner (store, "Northwind");
  g_assert_nonnull (partner);
  g_assert_cmpstr (accord_partner_get_description (partner), ==, "Analytics,\nEurope");
  g_assert_null (find_partner (store, "Broken Ltd"));

  click (wizard, "import-next");   /* Done */
  spin_for (50);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_wizard_cancel_writes_nothing (void)
{
  g_autofree char *path = NULL;
  g_autoptr(AccordStore) store = test_store_new (&path);
  g_autoptr(AccordStore) again = NULL;
  g_autoptr(GError) error = NULL;
  AccordWindow *window = window_with (store, "Only One");
  g_autoptr(GString) csv = g_string_new ("name,website,notes\n");
  g_autoptr(GFile) file = NULL;
  GtkWindow *wizard;

  for (guint i = 0; i < 40000; i++)
    g_string_append_printf (csv, "Partner %u,p%u.example,\"note, %u\"\n", i, i, i);
  file = write_fixture (csv->str);
  wizard = accord_import_wizard_present_file (window, file);
  click (wizard, "import-next");
  click (wizard, "import-next");
  spin_until (not_busy, wizard, 20000);
  g_assert_true (gtk_widget_get_sensitive (need_named (wizard, "import-next")));

  click (wizard, "import-next");
  g_assert_cmpstr (accord_import_wizard_get_page (wizard), ==, "progress");
  click (wizard, "import-cancel");
  spin_until (on_done_page, wizard, 20000);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (need_named (wizard,
                                                                           "import-result"))),
                   ==, "Nothing Imported");
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (store)), ==, 1);
  again = accord_store_open (path, ACCORD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (again)), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_wizard_bad_file (void)
{
  g_autofree char *path = NULL;
  g_autoptr(AccordStore) store = test_store_new (&path);
  AccordWindow *window = window_with (store, NULL);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/partners.csv");
  g_autoptr(GFile) empty = write_fixture ("\n\n");

  g_assert_null (accord_import_wizard_present_file (window, missing));
  g_assert_null (accord_import_wizard_present_file (window, empty));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_merge_dialog (void)
{
  g_autofree char *path = NULL;
  g_autoptr(AccordStore) store = test_store_new (&path);
  AccordWindow *window = window_with (store, "Bluepeak Studio");
  g_autoptr(AccordPartner) other = accord_partner_new ("Bluepeak");
  g_autoptr(GError) error = NULL;
  AccordPartner *keep = find_partner (store, "Bluepeak Studio");
  GtkWindow *dialog;
  GtkWidget *take_website;

  accord_partner_set_website (other, "bluepeak.example");
  g_assert_true (accord_store_add_partner (store, other, NULL, &error));

  dialog = accord_merge_dialog_present (window, keep);
  /* The list offers the other partner, not the partner itself. */
  {
    GtkListBox *list = GTK_LIST_BOX (need_named (dialog, "merge-candidates"));

    g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
    g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  }
  accord_merge_dialog_choose (dialog, other);
  /* Names differ; the website is empty on one side, so the filled one is
   * chosen already. */
  g_assert_nonnull (find_named (GTK_WIDGET (dialog), "merge-take-other-name"));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (
    need_named (dialog, "merge-take-other-name"))));
  take_website = need_named (dialog, "merge-take-other-website");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (take_website)));
  g_assert_null (find_named (GTK_WIDGET (dialog), "merge-take-other-notes"));

  click (dialog, "merge-button");
  spin_for (50);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (store)), ==, 1);
  g_assert_cmpstr (accord_partner_get_website (keep), ==, "bluepeak.example");
  g_assert_cmpstr (accord_partner_get_name (keep), ==, "Bluepeak Studio");
  g_assert_nonnull (accord_partner_get_trashed_at (other));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (test_app_init (&argc, &argv))
    {
      g_test_add_func ("/import-wizard/imports", test_wizard_imports);
      g_test_add_func ("/import-wizard/cancel-writes-nothing", test_wizard_cancel_writes_nothing);
      g_test_add_func ("/import-wizard/bad-file", test_wizard_bad_file);
      g_test_add_func ("/merge-dialog/merges", test_merge_dialog);
    }
  return g_test_run ();
}
