/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

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

int
main (int   argc,
      char *argv[])
{
  /* Backups go to the data folder: keep them out of the real one. */
  g_autofree char *data = g_dir_make_tmp ("accord-backup-ui-XXXXXX", NULL);

  g_setenv ("XDG_DATA_HOME", data, TRUE);
  if (test_app_init (&argc, &argv))
    {
      g_test_add_func ("/backup-ui/back-up-now", test_back_up_now);
      g_test_add_func ("/backup-ui/workspace-settings", test_workspace_settings);
    }
  return g_test_run ();
}
