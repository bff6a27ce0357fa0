/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-workspace-dialog.h"
#include "accord-form.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "accord-application.h"
#include "accord-backup.h"
#include "accord-partner-page.h"
#include "accord-store.h"
#include "accord-window.h"
#include "accord-workspace.h"

#include <string.h>

struct _AccordWorkspaceDialog
{
  AdwPreferencesWindow parent_instance;

  AccordWindow *window;   /* weak */
  AdwPreferencesGroup *group;
  GtkWidget *file_row;
  GtkWidget *rename_row;
  GtkWidget *rename_error;
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
      g_string_append_printf (problems, g_dngettext (GETTEXT_PACKAGE,
                                                     "Keep between 1 and %d backup.\n",
                                                     "Keep between 1 and %d backups.\n",
                                                     ACCORD_BACKUP_KEEP_MAX),
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

/* Renaming the file */

static void
show_rename_error (AccordWorkspaceDialog *self,
                   const char            *message)
{
  mark (self->rename_row, message != NULL);
  gtk_label_set_text (GTK_LABEL (self->rename_error), message != NULL ? message : "");
  gtk_widget_set_visible (self->rename_error, message != NULL);
}

static void
show_path (AccordWorkspaceDialog *self,
           const char            *path)
{
  g_autofree char *file = g_path_get_basename (path);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->file_row), file);
  adw_preferences_group_set_description (self->group, path);
}

static void
remove_copy (const char *path)
{
  static const char * const sides[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      g_autofree char *side = g_strconcat (path, sides[i], NULL);
      g_unlink (side);
    }
  g_unlink (path);
}

gboolean
accord_workspace_dialog_rename (AccordWorkspaceDialog *self,
                                const char            *name)
{
  g_autoptr(AccordWindow) window = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_path = NULL;
  g_autofree char *new_path = NULL;
  g_autofree char *file = NULL;
  g_autofree char *toast_title = NULL;
  GtkApplication *app;
  AccordStore *store;

  g_return_val_if_fail (ACCORD_IS_WORKSPACE_DIALOG (self), FALSE);

  store = get_store (self);
  if (store == NULL)
    return FALSE;
  window = g_object_ref (self->window);
  old_path = g_strdup (accord_store_get_path (store));

  new_path = accord_workspace_dup_rename_path (old_path, name, &error);
  if (new_path == NULL)
    {
      show_rename_error (self, error->message);
      return FALSE;
    }

  /* What waits on the partner page goes into the file before it is
   * copied; text the page refused would be lost with the old store. */
  if (!accord_partner_page_flush (accord_window_get_partner_page (window)))
    {
      show_rename_error (self, _("Some partner details could not be saved; correct them "
                                 "on the partner’s page first"));
      return FALSE;
    }

  if (!accord_workspace_rename (store, new_path, &error))
    {
      show_rename_error (self, error->message);
      return FALSE;
    }

  /* The old file stays until the copy is open in the window, so nothing
   * is lost when any step up to here fails. */
  store = NULL;
  if (!accord_window_open_workspace (window, new_path, FALSE, &error))
    {
      g_autoptr(GError) reopen_error = NULL;

      accord_window_open_workspace (window, old_path, FALSE, &reopen_error);
      if (reopen_error == NULL)
        remove_copy (new_path);
      show_rename_error (self, error->message);
      return FALSE;
    }

  app = gtk_window_get_application (GTK_WINDOW (window));
  if (ACCORD_IS_APPLICATION (app))
    accord_application_rename_recent (ACCORD_APPLICATION (app), old_path, new_path);

  show_path (self, new_path);
  gtk_widget_set_visible (self->rename_row, FALSE);
  if (!accord_workspace_finish_rename (old_path, new_path, &error))
    {
      /* The rename itself is done; only the old copy is left over. */
      g_autofree char *message = g_strdup_printf (_("The workspace now uses the new file, "
                                                    "but the old one is still there. %s"),
                                                  error->message);
      show_rename_error (self, message);
    }
  else
    show_rename_error (self, NULL);

  file = g_path_get_basename (new_path);
  toast_title = g_strdup_printf (_("Workspace file renamed to “%s”"), file);
  accord_window_add_toast (window, adw_toast_new (toast_title));
  return TRUE;
}

static void
rename_apply_cb (AccordWorkspaceDialog *self)
{
  accord_workspace_dialog_rename (self, gtk_editable_get_text (GTK_EDITABLE (self->rename_row)));
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordWorkspaceDialog *self = ACCORD_WORKSPACE_DIALOG (widget);
  AccordStore *store = get_store (self);
  g_autofree char *stem = NULL;

  if (store == NULL)
    return;

  stem = g_path_get_basename (accord_store_get_path (store));
  if (g_str_has_suffix (stem, ".accord") && strlen (stem) > strlen (".accord"))
    stem[strlen (stem) - strlen (".accord")] = '\0';

  gtk_editable_set_text (GTK_EDITABLE (self->rename_row), stem);
  show_rename_error (self, NULL);
  gtk_widget_set_visible (self->rename_row, TRUE);
  gtk_widget_grab_focus (self->rename_row);
  gtk_editable_select_region (GTK_EDITABLE (self->rename_row), 0, -1);
}

static void
cancel_rename_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AccordWorkspaceDialog *self = ACCORD_WORKSPACE_DIALOG (widget);

  show_rename_error (self, NULL);
  gtk_widget_set_visible (self->rename_row, FALSE);
  gtk_widget_grab_focus (self->file_row);
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
  gtk_widget_class_install_action (widget_class, "workspace.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "workspace.cancel-rename", NULL,
                                   cancel_rename_action);
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

  page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Workspace"));
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->group = group;
  adw_preferences_group_set_title (group, _("This Workspace"));

  self->file_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), _("File"));
  {
    GtkWidget *button = gtk_button_new_with_mnemonic (_("_Rename…"));

    gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
    accord_form_set_tooltip (button, _("Give the workspace file a new name"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "workspace.rename");
    adw_action_row_add_suffix (ADW_ACTION_ROW (self->file_row), button);
  }
  adw_preferences_group_add (group, self->file_row);

  /* The new name is asked for in place, under the file it renames. */
  self->rename_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rename_row), _("New File Name"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->rename_row), TRUE);
  g_signal_connect_swapped (self->rename_row, "apply", G_CALLBACK (rename_apply_cb), self);
  g_signal_connect_swapped (self->rename_row, "entry-activated", G_CALLBACK (rename_apply_cb),
                            self);
  {
    GtkWidget *cancel = gtk_button_new_from_icon_name ("window-close-symbolic");

    gtk_widget_set_valign (cancel, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (cancel, "flat");
    accord_form_set_tooltip (cancel, _("Cancel Renaming"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (cancel), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Cancel Renaming"), -1);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "workspace.cancel-rename");
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->rename_row), cancel);
  }
  gtk_widget_set_visible (self->rename_row, FALSE);
  adw_preferences_group_add (group, self->rename_row);

  self->rename_error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->rename_error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->rename_error), 0);
  gtk_widget_add_css_class (self->rename_error, "error");
  gtk_widget_set_margin_top (self->rename_error, 6);
  gtk_widget_set_margin_bottom (self->rename_error, 6);
  gtk_widget_set_visible (self->rename_error, FALSE);
  adw_preferences_group_add (group, self->rename_error);
  show_path (self, accord_store_get_path (store));
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
  if (g_strcmp0 (which, "file") == 0)
    return self->file_row;
  if (g_strcmp0 (which, "new-file-name") == 0)
    return self->rename_row;
  if (g_strcmp0 (which, "rename-error") == 0)
    return self->rename_error;
  return NULL;
}
