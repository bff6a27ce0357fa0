/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-export-dialog.h"

#include "accord-export.h"
#include "accord-store.h"
#include "accord-window.h"

#include <adwaita.h>
#include <glib/gi18n.h>

/* What the user chose, carried from the choice to the file chooser and on
 * to the thread that writes. */
typedef struct
{
  AccordWindow       *window;   /* owned */
  AccordExportFormat  format;
  AccordExportWhat    what;
  char               *store_path;
  char               *today;
  char               *file_path;
  char               *display_name;
  AdwComboRow        *format_row;
  AdwComboRow        *what_row;
  GTask              *outer;    /* owned; for the caller of export_to_file */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->window);
  g_free (job->store_path);
  g_free (job->today);
  g_free (job->file_path);
  g_free (job->display_name);
  g_clear_object (&job->outer);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static ExportJob *
export_job_new (AccordWindow *window)
{
  AccordStore *store = accord_window_get_store (window);
  ExportJob *job;

  g_assert (store != NULL);
  job = g_new0 (ExportJob, 1);
  job->window = g_object_ref (window);
  job->store_path = g_strdup (accord_store_get_path (store));
  job->today = g_strdup (accord_store_get_today (store));
  return job;
}

/* In a worker thread, on its own connection: the window's store belongs to
 * the main thread, and the UI must not wait for the file. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  store = accord_store_open (job->store_path, ACCORD_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  accord_store_set_today (store, job->today);

  if (!accord_export_to_file (store, job->format, job->what, job->file_path, &n, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_int (task, n);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;
  gssize n;

  n = g_task_propagate_int (G_TASK (result), &error);
  if (n < 0)
    {
      message = g_strdup_printf (_("Could not export: %s"), error->message);
    }
  else
    {
      count = accord_export_dup_count_text (job->format, job->what, n);
      /* TRANSLATORS: "Exported 12 partners to partners.csv" */
      message = g_strdup_printf (_("Exported %s to %s"), count, job->display_name);
    }

  /* Toast titles are markup: a file name may hold "&". */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, error != NULL ? 0 : 5);
  accord_window_add_toast (job->window, toast);

  if (job->outer != NULL)
    {
      if (error != NULL)
        g_task_return_error (job->outer, g_steal_pointer (&error));
      else
        g_task_return_int (job->outer, n);
    }
}

/* Takes @job. */
static void
export_start (ExportJob           *job,
              GFile               *file,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  job->outer = g_task_new (job->window, NULL, callback, user_data);
  g_task_set_source_tag (job->outer, accord_export_dialog_export_to_file);

  job->file_path = g_file_get_path (file);
  if (job->file_path == NULL)
    {
      accord_window_add_toast (job->window,
                               adw_toast_new (_("Could not export: choose a local file")));
      g_task_return_new_error (job->outer, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               "%s", _("Choose a file on this computer"));
      export_job_free (job);
      return;
    }
  {
    g_autofree char *base = g_file_get_basename (file);

    job->display_name = g_filename_display_name (base);
  }

  task = g_task_new (NULL, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, export_start);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
file_chosen_cb (GtkNativeDialog *native,
                int              response,
                gpointer         user_data)
{
  g_autoptr(ExportJob) job = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);

  if (file == NULL)
    return;
  export_start (g_steal_pointer (&job), file, NULL, NULL);
}

static void
choose_file (ExportJob *job)
{
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;
  const char *extension = accord_export_format_to_key (job->format);

  native = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (job->window),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  if (job->format == ACCORD_EXPORT_FORMAT_CSV)
    /* TRANSLATORS: a file name, "partners.csv"; %s is "partners", "contacts" or "tasks". */
    name = g_strdup_printf (_("%s.%s"), accord_export_what_to_key (job->what), extension);
  else if (job->format == ACCORD_EXPORT_FORMAT_JSON)
    name = g_strdup_printf (_("workspace.%s"), extension);
  else if (job->format == ACCORD_EXPORT_FORMAT_ICS)
    name = g_strdup_printf (_("due.%s"), extension);
  else
    name = g_strdup_printf (_("contacts.%s"), extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_signal_connect (native, "response", G_CALLBACK (file_chosen_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/**
 * accord_export_dialog_export_to_file:
 * @window: the window whose workspace to export
 * @format: the format
 * @what: what a CSV export holds (ignored for the other formats)
 * @file: where to write
 * @callback: (nullable): called when the file is written (or not)
 * @user_data: for @callback
 *
 * What the dialog does once the file chooser returned @file: writes the
 * export in a thread, on its own connection to the workspace, then says
 * how it went in a toast, then calls @callback.
 */
void
accord_export_dialog_export_to_file (AccordWindow        *window,
                                     AccordExportFormat   format,
                                     AccordExportWhat     what,
                                     GFile               *file,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  ExportJob *job;

  g_return_if_fail (ACCORD_IS_WINDOW (window));
  g_return_if_fail (format < ACCORD_N_EXPORT_FORMATS);
  g_return_if_fail (what < ACCORD_N_EXPORT_WHATS);
  g_return_if_fail (G_IS_FILE (file));

  if (accord_window_get_store (window) == NULL)
    {
      g_autoptr(GTask) task = g_task_new (window, NULL, callback, user_data);

      g_task_set_source_tag (task, accord_export_dialog_export_to_file);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CLOSED,
                               "%s", _("The workspace was closed"));
      return;
    }
  job = export_job_new (window);
  job->format = format;
  job->what = what;
  export_start (job, file, callback, user_data);
}

/**
 * accord_export_dialog_export_finish:
 * @window: the window
 * @result: the result given to the callback
 * @n_out: (out) (optional): the number of records written
 * @error: where to put an error
 *
 * Returns: whether the file was written
 */
gboolean
accord_export_dialog_export_finish (AccordWindow  *window,
                                    GAsyncResult  *result,
                                    guint         *n_out,
                                    GError       **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, window), FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;
  if (n_out != NULL)
    *n_out = n;
  return TRUE;
}

static void
format_changed_cb (AdwComboRow *row,
                   GParamSpec  *pspec,
                   AdwComboRow *what_row)
{
  gtk_widget_set_visible (GTK_WIDGET (what_row),
                          adw_combo_row_get_selected (row) == ACCORD_EXPORT_FORMAT_CSV);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  g_autoptr(ExportJob) job = user_data;

  if (!g_str_equal (response, "export"))
    return;

  job->format = adw_combo_row_get_selected (job->format_row);
  job->what = adw_combo_row_get_selected (job->what_row);
  job->format_row = NULL;
  job->what_row = NULL;
  choose_file (g_steal_pointer (&job));
}

static GtkStringList *
make_labels (guint        n,
             const char *(*get_label) (guint))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, get_label (i));
  return list;
}

static const char *
format_label (guint i)
{
  return accord_export_format_get_label (i);
}

static const char *
what_label (guint i)
{
  return accord_export_what_get_label (i);
}

/**
 * accord_export_dialog_present:
 * @window: the window whose workspace to export
 *
 * Asks what to export and where, then writes the file in a thread with
 * its own connection to the workspace and says how it went in a toast.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL when no
 *   workspace is open
 */
GtkWindow *
accord_export_dialog_present (AccordWindow *window)
{
  AccordStore *store;
  GtkWidget *dialog;
  GtkWidget *group;
  AdwComboRow *format_row;
  AdwComboRow *what_row;
  g_autoptr(GtkStringList) formats = NULL;
  g_autoptr(GtkStringList) whats = NULL;
  ExportJob *job;

  g_return_val_if_fail (ACCORD_IS_WINDOW (window), NULL);

  store = accord_window_get_store (window);
  if (store == NULL)
    {
      accord_window_add_toast (window, adw_toast_new (_("Open a workspace to export it")));
      return NULL;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Export"),
                                   _("Choose what to export. CSV opens in spreadsheets; the "
                                     "full JSON export can be imported into a new workspace; "
                                     "the calendar and contacts open in calendar and address "
                                     "book programs."));

  formats = make_labels (ACCORD_N_EXPORT_FORMATS, format_label);
  whats = make_labels (ACCORD_N_EXPORT_WHATS, what_label);

  format_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (format_row), "export-format");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (format_row), _("Format"));
  adw_combo_row_set_model (format_row, G_LIST_MODEL (formats));

  what_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (what_row), "export-what");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (what_row), _("Records"));
  adw_combo_row_set_model (what_row, G_LIST_MODEL (whats));
  g_signal_connect_object (format_row, "notify::selected", G_CALLBACK (format_changed_cb),
                           what_row, 0);

  group = adw_preferences_group_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (format_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (what_row));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Export…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  job = export_job_new (window);
  job->format_row = format_row;
  job->what_row = what_row;
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), job);

  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}
