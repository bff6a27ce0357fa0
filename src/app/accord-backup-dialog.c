/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-backup-dialog.h"
#include "accord-form.h"

#include "accord-locale.h"
#include <glib/gi18n.h>

#include "accord-backup.h"
#include "accord-partner-page.h"
#include "accord-store.h"
#include "accord-window.h"

struct _AccordBackupDialog
{
  AdwPreferencesWindow parent_instance;

  AccordWindow *window;          /* weak */
  GCancellable *cancellable;
  AdwPreferencesGroup *group;
  GtkWidget *now_button;
  GtkWidget *spinner;
  GPtrArray *rows;               /* the rows in the group */
  GPtrArray *backups;            /* AccordBackupInfo, as listed */
  gboolean busy;
};

G_DEFINE_FINAL_TYPE (AccordBackupDialog, accord_backup_dialog, ADW_TYPE_PREFERENCES_WINDOW)

/* What a worker thread needs: plain copies, not the store. */
typedef struct
{
  char *workspace;
  char *folder;
  char *today;
  int   keep;
} BackupJob;

static void
backup_job_free (BackupJob *job)
{
  g_free (job->workspace);
  g_free (job->folder);
  g_free (job->today);
  g_free (job);
}

static BackupJob *
backup_job_new (AccordStore *store)
{
  BackupJob *job = g_new0 (BackupJob, 1);

  job->workspace = g_strdup (accord_store_get_path (store));
  job->folder = accord_backup_dup_folder (job->workspace);
  job->today = g_strdup (accord_store_get_today (store));
  job->keep = accord_backup_get_keep (store);
  return job;
}

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BackupJob *job = task_data;
  g_autoptr(GError) error = NULL;
  char *path;

  /* Its own connection to the file: the window's stays free. */
  path = accord_backup_run (job->workspace, job->folder, job->today, job->keep, &error);
  if (path == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, path, g_free);
}

static AccordStore *
get_store (AccordBackupDialog *self)
{
  return self->window != NULL ? accord_window_get_store (self->window) : NULL;
}

static char *
format_size (goffset size)
{
  return g_format_size ((guint64) size);
}

static void
reload (AccordBackupDialog *self)
{
  AccordStore *store = get_store (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->backups, g_ptr_array_unref);

  if (store == NULL)
    return;

  folder = accord_backup_dup_folder (accord_store_get_path (store));
  adw_preferences_group_set_description (self->group, folder);
  self->backups = accord_backup_list (folder, &error);
  if (self->backups == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Could not read the backups"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
      return;
    }

  if (self->backups->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No backups yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("A backup is made each day the workspace is opened."));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
      return;
    }

  for (guint i = 0; i < self->backups->len; i++)
    {
      AccordBackupInfo *info = g_ptr_array_index (self->backups, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));
      g_autofree char *date = accord_format_date_display (info->date);
      g_autofree char *title = g_strdup_printf ("%s %s", date,
                                                info->time != NULL ? info->time : "");
      g_autofree char *size = format_size (info->size);
      g_autofree char *partners = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u partner",
                                                                "%u partners", info->n_partners),
                                                   info->n_partners);
      /* Translators: a backup's size and what it holds, "1.2 MB · 40 partners". */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), size, partners);
      g_autofree char *label = g_strdup_printf (_("Restore the backup of %s"), title);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      accord_form_set_tooltip (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "backup.restore");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_string (info->path));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
set_busy (AccordBackupDialog *self,
          gboolean            busy)
{
  self->busy = busy;
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backup.now", !busy);
}

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AccordBackupDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (path == NULL)
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      return;
    }
  reload (self);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Backed up")));
}

static void
now_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AccordBackupDialog *self = ACCORD_BACKUP_DIALOG (widget);
  AccordStore *store = get_store (self);
  g_autoptr(GTask) task = NULL;

  if (store == NULL || self->busy)
    return;

  set_busy (self, TRUE);
  task = g_task_new (NULL, self->cancellable, backup_done_cb, g_object_ref (self));
  g_task_set_task_data (task, backup_job_new (store), (GDestroyNotify) backup_job_free);
  g_task_run_in_thread (task, backup_thread);
}

static void
restored_dialog (AccordBackupDialog *self,
                 const char         *heading,
                 const char         *body)
{
  GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (message));
}

static void
restore_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     AccordBackupDialog *self)
{
  const char *backup = g_object_get_data (G_OBJECT (dialog), "backup-path");
  AccordStore *store = get_store (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;

  if (g_strcmp0 (response, "restore") != 0 || store == NULL || self->window == NULL)
    return;

  /* What is typed on the partner page belongs to the content before the
   * restore: save it there, so it is in the kept copy. */
  accord_partner_page_flush (accord_window_get_partner_page (self->window));

  if (!accord_backup_restore (store, backup, &kept, &error))
    {
      restored_dialog (self, _("Could Not Restore"), error->message);
      return;
    }

  /* The store's objects still show the content from before: open the
   * file again, as when switching workspaces. */
  path = g_strdup (accord_store_get_path (store));
  accord_window_open_workspace (self->window, path, FALSE, NULL);
  reload (self);

  body = g_strdup_printf (_("The workspace as it was before is kept in “%s”."), kept);
  restored_dialog (self, _("Backup Restored"), body);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AccordBackupDialog *self = ACCORD_BACKUP_DIALOG (widget);
  const char *backup = g_variant_get_string (parameter, NULL);
  g_autoptr(AccordBackupInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *partners = NULL;
  g_autofree char *agreements = NULL;
  g_autofree char *tasks = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *date = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Read again now: the file may have changed since it was listed. */
  info = accord_backup_inspect (backup, &error);
  if (info == NULL)
    {
      restored_dialog (self, _("Could Not Restore"), error->message);
      return;
    }

  partners = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u partner", "%u partners",
                                           info->n_partners), info->n_partners);
  agreements = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u agreement", "%u agreements",
                                             info->n_agreements), info->n_agreements);
  tasks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task", "%u tasks", info->n_tasks),
                           info->n_tasks);
  date = accord_format_date_display (info->date);
  heading = g_strdup_printf (_("Restore the Backup of %s?"), date);
  /* Translators: the counts are "40 partners", "12 agreements", "130 tasks". */
  body = g_strdup_printf (_("It holds %s, %s and %s. The workspace as it is now is kept as a "
                            "copy next to it first."), partners, agreements, tasks);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup-path", g_strdup (backup), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
accord_backup_dialog_dispose (GObject *object)
{
  AccordBackupDialog *self = ACCORD_BACKUP_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->window);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->backups, g_ptr_array_unref);

  G_OBJECT_CLASS (accord_backup_dialog_parent_class)->dispose (object);
}

static void
accord_backup_dialog_class_init (AccordBackupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_backup_dialog_dispose;

  gtk_widget_class_install_action (widget_class, "backup.now", NULL, now_action);
  gtk_widget_class_install_action (widget_class, "backup.restore", "s", restore_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
accord_backup_dialog_init (AccordBackupDialog *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Backups"));

  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Backups"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 520);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Backups"));

  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Backing up"), -1);
  self->now_button = gtk_button_new_with_mnemonic (_("_Back Up Now"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->now_button), "backup.now");
  accord_form_set_tooltip (self->now_button, _("Back up the workspace now"));
  gtk_box_append (GTK_BOX (box), self->spinner);
  gtk_box_append (GTK_BOX (box), self->now_button);
  adw_preferences_group_set_header_suffix (self->group, box);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->group);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
}

GtkWidget *
accord_backup_dialog_new (AccordWindow *window)
{
  AccordBackupDialog *self;

  g_return_val_if_fail (ACCORD_IS_WINDOW (window), NULL);

  self = g_object_new (ACCORD_TYPE_BACKUP_DIALOG,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                       "transient-for", window,
                       NULL);
  g_set_weak_pointer (&self->window, window);
  reload (self);
  return GTK_WIDGET (self);
}

void
accord_backup_dialog_present (AccordWindow *window)
{
  g_return_if_fail (ACCORD_IS_WINDOW (window));

  gtk_window_present (GTK_WINDOW (accord_backup_dialog_new (window)));
}

guint
accord_backup_dialog_get_n_backups (AccordBackupDialog *self)
{
  g_return_val_if_fail (ACCORD_IS_BACKUP_DIALOG (self), 0);
  return self->backups != NULL ? self->backups->len : 0;
}

gboolean
accord_backup_dialog_get_busy (AccordBackupDialog *self)
{
  g_return_val_if_fail (ACCORD_IS_BACKUP_DIALOG (self), FALSE);
  return self->busy;
}

/* The automatic daily backup */

static void
auto_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AccordStore) store = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_task_propagate_pointer (G_TASK (result), &error);
  BackupJob *job = g_task_get_task_data (G_TASK (result));

  if (path == NULL)
    {
      g_message ("Automatic backup of %s failed: %s", job->workspace, error->message);
      return;
    }
  if (!accord_backup_mark_done (store, job->today, &error))
    g_message ("Could not record the automatic backup: %s", error->message);
}

void
accord_backup_auto_in_background (AccordStore *store)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ACCORD_IS_STORE (store));

  if (!accord_backup_is_due (store))
    return;
  task = g_task_new (NULL, NULL, auto_done_cb, g_object_ref (store));
  g_task_set_task_data (task, backup_job_new (store), (GDestroyNotify) backup_job_free);
  g_task_run_in_thread (task, backup_thread);
}
