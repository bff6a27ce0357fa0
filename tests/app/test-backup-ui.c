/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "accord-application.h"
#include "accord-backup.h"
#include "accord-backup-dialog.h"
#include "accord-window.h"
#include "accord-workspace.h"
#include "accord-workspace-dialog.h"
#include "test-app-helpers.h"

static gboolean
not_busy (gpointer data)
{
  return !accord_backup_dialog_get_busy (data);
}

static void
add_partner (AccordStore *store,
             const char  *name)
{
  g_autoptr(AccordPartner) partner = accord_partner_new (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_store_add_partner (store, partner, NULL, &error));
  g_assert_no_error (error);
}

/* "Back Up Now" makes a backup in a thread and lists it. */
static void
test_back_up_now (void)
{
  g_autofree char *path = NULL;
  g_autoptr(AccordStore) store = test_store_new (&path);
  AccordWindow *window = accord_window_new (NULL);
  GtkWidget *dialog;
  guint before;

  add_partner (store, "Northwind");
  accord_window_set_store (window, store);
  dialog = accord_backup_dialog_new (window);
  gtk_window_present (GTK_WINDOW (dialog));

  before = accord_backup_dialog_get_n_backups (ACCORD_BACKUP_DIALOG (dialog));
  g_assert_true (gtk_widget_activate_action (dialog, "backup.now", NULL));
  g_assert_true (accord_backup_dialog_get_busy (ACCORD_BACKUP_DIALOG (dialog)));
  spin_until (not_busy, dialog, 10000);
  g_assert_false (accord_backup_dialog_get_busy (ACCORD_BACKUP_DIALOG (dialog)));
  g_assert_cmpuint (accord_backup_dialog_get_n_backups (ACCORD_BACKUP_DIALOG (dialog)), ==,
                    before + 1);

  {
    g_autofree char *folder = accord_backup_dup_folder (path);
    g_autoptr(GPtrArray) list = accord_backup_list (folder, NULL);

    g_assert_cmpuint (list->len, ==, before + 1);
    g_assert_cmpuint (((AccordBackupInfo *) list->pdata[0])->n_partners, ==, 1);
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The settings dialog saves the company and the currency, and shows an
 * inline error for a bad currency, keeping what was typed. */
static void
test_workspace_settings (void)
{
  g_autofree char *path = NULL;
  g_autoptr(AccordStore) store = test_store_new (&path);
  AccordWindow *window = accord_window_new (NULL);
  GtkWidget *dialog;
  GtkWidget *currency;
  GtkWidget *company;
  g_autofree char *saved_company = NULL;
  g_autofree char *saved_currency = NULL;

  accord_window_set_store (window, store);
  dialog = accord_workspace_dialog_new (window);
  gtk_window_present (GTK_WINDOW (dialog));
  company = accord_workspace_dialog_get_row (ACCORD_WORKSPACE_DIALOG (dialog), "company");
  currency = accord_workspace_dialog_get_row (ACCORD_WORKSPACE_DIALOG (dialog), "currency");

  gtk_editable_set_text (GTK_EDITABLE (company), "Acme Ltd");
  gtk_editable_set_text (GTK_EDITABLE (currency), "EURO");
  g_assert_false (accord_workspace_dialog_save (ACCORD_WORKSPACE_DIALOG (dialog)));
  g_assert_true (gtk_widget_has_css_class (currency, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (currency)), ==, "EURO");
  g_assert_null (accord_workspace_dup_currency (store));

  gtk_editable_set_text (GTK_EDITABLE (currency), "chf");
  g_assert_true (accord_workspace_dialog_save (ACCORD_WORKSPACE_DIALOG (dialog)));
  g_assert_false (gtk_widget_has_css_class (currency, "error"));

  saved_company = accord_store_dup_setting (store, ACCORD_SETTING_OUR_COMPANY);
  saved_currency = accord_workspace_dup_currency (store);
  g_assert_cmpstr (saved_company, ==, "Acme Ltd");
  g_assert_cmpstr (saved_currency, ==, "CHF");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
backup_done (gpointer data)
{
  AccordStore *store = accord_window_get_store (data);

  return store != NULL && !accord_backup_is_due (store);
}

static void
rename_to (GtkWidget  *row,
           const char *name)
{
  gtk_editable_set_text (GTK_EDITABLE (row), name);
  g_signal_emit_by_name (row, "apply");
}

/* Renaming the file through the settings dialog: refused names show
 * inline and change nothing; a good one leaves the window on the new file
 * with the same data, the old file gone and the recent list updated. */
static void
test_rename_file (void)
{
  g_autofree char *path = NULL;
  g_autoptr(AccordStore) store = test_store_new (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *taken = g_build_filename (dir, "taken.accord", NULL);
  g_autofree char *new_path = g_build_filename (dir, "Client B.accord", NULL);
  g_autofree char *old_wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *old_shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(AccordApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) recent = NULL;
  g_autofree char *last = NULL;
  AccordWindow *window;
  AccordStore *renamed;
  AccordPartner *partner;
  GtkWidget *dialog;
  GtkWidget *row;
  GtkWidget *message;
  GtkWidget *file;

  add_partner (store, "Northwind");
  g_clear_object (&store);
  g_assert_true (g_file_set_contents (taken, "", 0, NULL));

  app = accord_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (accord_application_open_workspace (app, path, FALSE));
  window = ACCORD_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  /* The daily backup of the opened file waits for the window's first
   * frame, so as not to slow it down, then runs in a thread: let it end. */
  {
    g_autofree char *folder = accord_backup_dup_folder (path);
    g_autoptr(GPtrArray) none = NULL;

    /* A thread started at once would have copied this small file by now;
     * without the main loop there is no frame, so no backup yet. */
    g_usleep (400 * 1000);
    none = accord_backup_list (folder, NULL);

    g_assert_true (none == NULL || none->len == 0);
    g_assert_false (backup_done (window));
  }
  spin_until (backup_done, window, 10000);
  g_assert_true (backup_done (window));

  /* The expander arrow of libadwaita comes from Accord's resources as a
   * PNG, so drawing the first screen needs no SVG loader. */
  {
    GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
    g_autoptr(GtkIconPaintable) arrow = gtk_icon_theme_lookup_icon (theme,
                                                                    "adw-expander-arrow-symbolic",
                                                                    NULL, 16, 1,
                                                                    GTK_TEXT_DIR_LTR, 0);
    g_autoptr(GFile) arrow_file = gtk_icon_paintable_get_file (arrow);
    g_autofree char *uri = g_file_get_uri (arrow_file);

    g_assert_true (g_str_has_prefix (uri, "resource:///io/github/accordhq/Accord/icons/"));
    g_assert_true (g_str_has_suffix (uri, ".symbolic.png"));
  }

  dialog = accord_workspace_dialog_new (window);
  gtk_window_present (GTK_WINDOW (dialog));
  row = accord_workspace_dialog_get_row (ACCORD_WORKSPACE_DIALOG (dialog), "new-file-name");
  message = accord_workspace_dialog_get_row (ACCORD_WORKSPACE_DIALOG (dialog), "rename-error");
  file = accord_workspace_dialog_get_row (ACCORD_WORKSPACE_DIALOG (dialog), "file");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (file)), ==, "work.accord");
  g_assert_false (gtk_widget_get_visible (row));

  g_assert_true (gtk_widget_activate_action (dialog, "workspace.rename", NULL));
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "work");

  {
    const char *refused[] = { "", "clients/b", "taken", "work.accord" };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        rename_to (row, refused[i]);
        g_assert_true (gtk_widget_has_css_class (row, "error"));
        g_assert_true (gtk_widget_get_visible (message));
        g_assert_cmpuint (strlen (gtk_label_get_text (GTK_LABEL (message))), >, 0);
        g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, refused[i]);
        g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
        g_assert_cmpstr (accord_store_get_path (accord_window_get_store (window)), ==, path);
      }
  }

  rename_to (row, "Client B");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_false (gtk_widget_get_visible (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (file)), ==, "Client B.accord");

  g_assert_true (g_file_test (new_path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old_wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old_shm, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (taken, G_FILE_TEST_IS_REGULAR));

  renamed = accord_window_get_store (window);
  g_assert_nonnull (renamed);
  g_assert_cmpstr (accord_store_get_path (renamed), ==, new_path);
  g_assert_cmpstr (accord_window_get_page (window), ==, "partners");
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (renamed)), ==, 1);
  partner = g_list_model_get_item (accord_store_get_partners (renamed), 0);
  g_assert_cmpstr (accord_partner_get_name (partner), ==, "Northwind");
  g_object_unref (partner);

  settings = g_settings_new (BASE_APPLICATION_ID);
  recent = g_settings_get_strv (settings, "recent-workspaces");
  g_assert_nonnull (recent[0]);
  g_assert_cmpstr (recent[0], ==, new_path);
  g_assert_false (g_strv_contains ((const char * const *) recent, path));
  last = g_settings_get_string (settings, "last-workspace");
  g_assert_cmpstr (last, ==, new_path);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* Backups go to the data folder: keep them out of the real one. */
  g_autofree char *data = g_dir_make_tmp ("accord-backup-ui-XXXXXX", NULL);

  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("ACCORD_NON_UNIQUE", "1", TRUE);
  if (test_app_init (&argc, &argv))
    {
      g_test_add_func ("/backup-ui/back-up-now", test_back_up_now);
      g_test_add_func ("/backup-ui/workspace-settings", test_workspace_settings);
      g_test_add_func ("/backup-ui/rename-file", test_rename_file);
    }
  return g_test_run ();
}
