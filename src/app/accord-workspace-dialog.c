/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-workspace-dialog.h"

#include <glib/gi18n.h>

#include "accord-backup.h"
#include "accord-store.h"
#include "accord-window.h"
#include "accord-workspace.h"

struct _AccordWorkspaceDialog
{
  AdwPreferencesWindow parent_instance;

  AccordWindow *window;   /* weak */
  GtkWidget *name_row;
  GtkWidget *company_row;
  GtkWidget *currency_row;
  GtkWidget *keep_row;
  GtkWidget *error_label;
};

G_DEFINE_FINAL_TYPE (AccordWorkspaceDialog, accord_workspace_dialog, ADW_TYPE_PREFERENCES_WINDOW)

static AccordStore *
get_store (AccordWorkspaceDialog *self)
{
  return self->window != NULL ? accord_window_get_store (self->window) : NULL;
}

static void
mark (GtkWidget *row,
      gboolean   bad)
{
  if (bad)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

gboolean
accord_workspace_dialog_save (AccordWorkspaceDialog *self)
{
  AccordStore *store;
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *keep_text;
  guint64 keep = 0;

  g_return_val_if_fail (ACCORD_IS_WORKSPACE_DIALOG (self), FALSE);

  store = get_store (self);
  if (store == NULL)
    return FALSE;

  mark (self->name_row, !accord_workspace_set_name (store,
                                                    gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                                    &error));
  if (error != NULL)
    g_string_append_printf (problems, "%s\n", error->message), g_clear_error (&error);

  mark (self->company_row,
        !accord_store_set_setting (store, ACCORD_SETTING_OUR_COMPANY,
                                   gtk_editable_get_text (GTK_EDITABLE (self->company_row)),
                                   &error));
  if (error != NULL)
    g_string_append_printf (problems, "%s\n", error->message), g_clear_error (&error);

  mark (self->currency_row,
        !accord_workspace_set_currency (store,
                                        gtk_editable_get_text (GTK_EDITABLE (self->currency_row)),
                                        &error));
  if (error != NULL)
    g_string_append_printf (problems, "%s\n", error->message), g_clear_error (&error);

  keep_text = gtk_editable_get_text (GTK_EDITABLE (self->keep_row));
  if (!g_ascii_string_to_unsigned (keep_text, 10, 1, ACCORD_BACKUP_KEEP_MAX, &keep, NULL))
    {
      mark (self->keep_row, TRUE);
      g_string_append_printf (problems, _("Keep between 1 and %d backups.\n"),
                              ACCORD_BACKUP_KEEP_MAX);
    }
  else
    {
      g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT, keep);

      mark (self->keep_row,
            !accord_store_set_setting (store, ACCORD_SETTING_BACKUP_KEEP, text, &error));
      if (error != NULL)
        g_string_append_printf (problems, "%s\n", error->message), g_clear_error (&error);
    }

  if (problems->len > 0)
    g_string_truncate (problems, problems->len - 1);
  gtk_label_set_text (GTK_LABEL (self->error_label), problems->str);
  gtk_widget_set_visible (self->error_label, problems->len > 0);

  return problems->len == 0;
}

static void
apply_cb (AccordWorkspaceDialog *self)
{
  accord_workspace_dialog_save (self);
}

static GtkWidget *
add_row (AccordWorkspaceDialog *self,
         AdwPreferencesGroup   *group,
         const char            *title,
         const char            *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_signal_connect_swapped (row, "apply", G_CALLBACK (apply_cb), self);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (apply_cb), self);
  adw_preferences_group_add (group, row);
  return row;
}

static void
accord_workspace_dialog_dispose (GObject *object)
{
  AccordWorkspaceDialog *self = ACCORD_WORKSPACE_DIALOG (object);

  g_clear_weak_pointer (&self->window);
  G_OBJECT_CLASS (accord_workspace_dialog_parent_class)->dispose (object);
}

static void
accord_workspace_dialog_class_init (AccordWorkspaceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_workspace_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
accord_workspace_dialog_init (AccordWorkspaceDialog *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Workspace Settings"));
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 480);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);
}

GtkWidget *
accord_workspace_dialog_new (AccordWindow *window)
{
  AccordWorkspaceDialog *self;
  AccordStore *store;
  GtkWidget *page;
  AdwPreferencesGroup *group;
  AdwPreferencesGroup *backups;
  g_autofree char *name = NULL;
  g_autofree char *company = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *file = NULL;

  g_return_val_if_fail (ACCORD_IS_WINDOW (window), NULL);
  store = accord_window_get_store (window);
  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (ACCORD_TYPE_WORKSPACE_DIALOG,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                       "transient-for", window,
                       NULL);
  g_set_weak_pointer (&self->window, window);

  name = accord_workspace_dup_name (store);
  company = accord_store_dup_setting (store, ACCORD_SETTING_OUR_COMPANY);
  currency = accord_workspace_dup_currency (store);
  keep = g_strdup_printf ("%d", accord_backup_get_keep (store));
  file = g_path_get_basename (accord_store_get_path (store));

  page = adw_preferences_page_new ();
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("This Workspace"));
  adw_preferences_group_set_description (group, accord_store_get_path (store));
  self->name_row = add_row (self, group, _("Name"), name);
  self->company_row = add_row (self, group, _("Our Company"), company);
  self->currency_row = add_row (self, group, _("Currency (such as EUR or USD)"), currency);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_margin_top (self->error_label, 6);
  gtk_widget_set_visible (self->error_label, FALSE);
  adw_preferences_group_add (group, self->error_label);

  backups = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (backups, _("Backups"));
  adw_preferences_group_set_description (backups,
                                         _("A backup is made each day the workspace is opened; "
                                           "the oldest beyond this number are removed."));
  self->keep_row = add_row (self, backups, _("Backups to Keep"), keep);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), backups);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  return GTK_WIDGET (self);
}

void
accord_workspace_dialog_present (AccordWindow *window)
{
  g_return_if_fail (ACCORD_IS_WINDOW (window));

  if (accord_window_get_store (window) == NULL)
    return;
  gtk_window_present (GTK_WINDOW (accord_workspace_dialog_new (window)));
}

GtkWidget *
accord_workspace_dialog_get_row (AccordWorkspaceDialog *self,
                                 const char            *which)
{
  g_return_val_if_fail (ACCORD_IS_WORKSPACE_DIALOG (self), NULL);

  if (g_strcmp0 (which, "name") == 0)
    return self->name_row;
  if (g_strcmp0 (which, "company") == 0)
    return self->company_row;
  if (g_strcmp0 (which, "currency") == 0)
    return self->currency_row;
  if (g_strcmp0 (which, "keep") == 0)
    return self->keep_row;
  return NULL;
}
