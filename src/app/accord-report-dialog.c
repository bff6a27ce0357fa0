/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-report-dialog.h"

#include <glib/gi18n.h>

#include "accord-partner-page.h"
#include "accord-report.h"
#include "accord-window.h"

/* Which report (the portfolio, or the partner on show), then either a
 * PDF file, written in a worker thread, or the printer, through
 * GtkPrintOperation drawing the very same pages. The report is read from
 * the store on the main thread; after that it needs no store. */

typedef struct
{
  AccordWindow   *window;   /* weak */
  AccordPartner  *partner;  /* the partner on show, or NULL */
  GtkCheckButton *partner_check;
} ReportRequest;

static void
report_request_free (ReportRequest *request)
{
  g_clear_weak_pointer (&request->window);
  g_clear_object (&request->partner);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportRequest, report_request_free)

static gboolean
locale_is_rtl (void)
{
  return gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL;
}

static void
toast (AccordWindow *window,
       const char   *message)
{
  /* Toast titles are markup: a file name or an error may hold "&". */
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (window != NULL)
    accord_window_add_toast (window, adw_toast_new (escaped));
}

static AccordReport *
make_report (ReportRequest  *request,
             gboolean        partner,
             GError        **error)
{
  AccordStore *store = accord_window_get_store (request->window);
  AccordReport *report;

  if (store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("The workspace was closed"));
      return NULL;
    }
  if (partner)
    report = accord_report_new_partner (store, request->partner, error);
  else
    report = accord_report_new_portfolio (store, error);
  if (report != NULL)
    accord_report_set_rtl (report, locale_is_rtl ());
  return report;
}

/* Saving */

typedef struct
{
  AccordWindow *window;  /* weak */
  AccordReport *report;
  char         *path;
  GTask        *outer;   /* for the caller of save_to_file */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_weak_pointer (&job->window);
  g_clear_pointer (&job->report, accord_report_free);
  g_free (job->path);
  g_clear_object (&job->outer);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (accord_report_write_pdf (job->report, job->path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (job->window != NULL)
    accord_window_show_busy (job->window, NULL);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not save the report: %s"),
                                                  error->message);

      toast (job->window, message);
      g_task_return_error (job->outer, g_steal_pointer (&error));
      return;
    }
  {
    g_autofree char *base = g_path_get_basename (job->path);
    g_autofree char *display = g_filename_display_name (base);
    /* Translators: after saving a report, "Saved “portfolio.pdf”". */
    g_autofree char *message = g_strdup_printf (_("Saved “%s”"), display);

    toast (job->window, message);
  }
  g_task_return_boolean (job->outer, TRUE);
}

/* Takes @report; writes it to @file in a thread. */
static void
save_to_file (AccordWindow        *window,
              AccordReport        *report,
              GFile               *file,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(SaveJob) job = g_new0 (SaveJob, 1);
  g_autoptr(GTask) task = NULL;

  g_set_weak_pointer (&job->window, window);
  job->report = report;
  job->outer = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (job->outer, accord_report_dialog_save_to_file);
  job->path = g_file_get_path (file);
  if (job->path == NULL)
    {
      toast (window, _("Choose a file on this computer"));
      g_task_return_new_error (job->outer, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               "%s", _("Choose a file on this computer"));
      return;
    }

  accord_window_show_busy (window, _("Writing the report…"));
  task = g_task_new (NULL, NULL, save_done_cb, NULL);
  g_task_set_source_tag (task, save_to_file);
  g_task_set_task_data (task, g_steal_pointer (&job), (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

typedef struct
{
  AccordWindow *window;  /* weak */
  AccordReport *report;
} ChooseJob;

static void
choose_job_free (ChooseJob *job)
{
  g_clear_weak_pointer (&job->window);
  g_clear_pointer (&job->report, accord_report_free);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChooseJob, choose_job_free)

static void
file_chosen_cb (GtkNativeDialog *native,
                int              response,
                gpointer         user_data)
{
  g_autoptr(ChooseJob) job = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  if (file == NULL || job->window == NULL)
    return;
  save_to_file (job->window, g_steal_pointer (&job->report), file, NULL, NULL);
}

static void
save (ReportRequest *request,
      AccordReport  *report)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  ChooseJob *job;

  native = gtk_file_chooser_native_new (_("Save Report"), GTK_WINDOW (request->window),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  /* Translators: the suggested file name; %s is the report's title. */
  name = g_strdup_printf (_("%s.pdf"), accord_report_get_title (report));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  job = g_new0 (ChooseJob, 1);
  g_set_weak_pointer (&job->window, request->window);
  job->report = report;
  g_signal_connect (native, "response", G_CALLBACK (file_chosen_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Printing */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                AccordReport      *report)
{
  gtk_print_operation_set_n_pages (operation,
                                   accord_report_get_n_pages (report,
                                                              gtk_print_context_get_width (context),
                                                              gtk_print_context_get_height (context)));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              AccordReport      *report)
{
  accord_report_draw_page (report, gtk_print_context_get_cairo_context (context), page,
                           gtk_print_context_get_width (context),
                           gtk_print_context_get_height (context));
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  GWeakRef *ref = g_object_get_data (G_OBJECT (operation), "accord-window");
  g_autoptr(AccordWindow) window = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;

  g_object_set_data (G_OBJECT (operation), "accord-done", GINT_TO_POINTER (TRUE));
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      toast (window, error != NULL ? error->message : _("Could not print the report"));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    toast (window, _("Report sent to the printer"));
  /* Only an operation that went on after run() returned is still ours to
   * drop here; print() drops the others. */
  if (g_object_get_data (G_OBJECT (operation), "accord-in-progress") != NULL)
    g_object_unref (operation);
}

static void
print (ReportRequest *request,
       AccordReport  *report)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_object_set_data_full (G_OBJECT (operation), "accord-report", report,
                          (GDestroyNotify) accord_report_free);
  g_weak_ref_init (ref, request->window);
  g_object_set_data_full (G_OBJECT (operation), "accord-window", ref,
                          (GDestroyNotify) weak_ref_free);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The report draws its own margins: the whole sheet is ours. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, accord_report_get_title (report));
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), report);
  /* The operation holds itself until done. */
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), NULL);

  /* "done" comes later when the run goes on in the background, but may
   * come from within run() too (GTK emits it when the dialog is cancelled
   * in a synchronous run): unref exactly once. */
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (request->window), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    {
      g_object_set_data (G_OBJECT (operation), "accord-in-progress", GINT_TO_POINTER (TRUE));
      return;
    }
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR &&
      g_object_get_data (G_OBJECT (operation), "accord-done") == NULL)
    toast (request->window, error != NULL ? error->message : _("Could not print the report"));
  g_object_unref (operation);
}

/* The report the dialog's choice asks for, or NULL after a toast saying
 * why there is none. */
static AccordReport *
make_chosen_report (ReportRequest *request)
{
  g_autoptr(GError) error = NULL;
  AccordReport *report;
  gboolean partner;

  partner = request->partner != NULL &&
            gtk_check_button_get_active (request->partner_check);
  report = make_report (request, partner, &error);
  if (report == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not make the report: %s"),
                                                  error->message);

      toast (request->window, message);
    }
  return report;
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  ReportRequest *request = g_object_get_data (G_OBJECT (dialog), "accord-report-request");
  AccordReport *report;

  if (request == NULL || request->window == NULL ||
      (!g_str_equal (response, "save") && !g_str_equal (response, "print")))
    return;

  report = make_chosen_report (request);
  if (report == NULL)
    return;
  if (g_str_equal (response, "save"))
    save (request, report);
  else
    print (request, report);
}

static GtkWidget *
choice_row (const char     *title,
            const char     *subtitle,
            GtkCheckButton *check)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (GTK_WIDGET (check), GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (check));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (check));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  /* GTK 4.8 names a check button by its own label only. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  return row;
}

/**
 * accord_report_dialog_present:
 * @window: the window
 *
 * Asks which report (the portfolio, or the partner on show), then saves it
 * as PDF or prints it.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL when no
 *   workspace is open
 */
GtkWindow *
accord_report_dialog_present (AccordWindow *window)
{
  g_autoptr(ReportRequest) request = NULL;
  AccordPartnerPage *page;
  AccordPartner *shown = NULL;
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *portfolio_check;
  GtkWidget *partner_row;
  g_autofree char *partner_subtitle = NULL;

  g_return_val_if_fail (ACCORD_IS_WINDOW (window), NULL);

  if (accord_window_get_store (window) == NULL)
    return NULL;

  page = accord_window_get_partner_page (window);
  if (page != NULL && g_str_equal (accord_window_get_page (window), "partners"))
    shown = accord_partner_page_get_partner (page);

  request = g_new0 (ReportRequest, 1);
  g_set_weak_pointer (&request->window, window);
  if (shown != NULL)
    request->partner = g_object_ref (shown);

  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Report"),
                                   _("A PDF file to share, or pages to print. Both show the "
                                     "same pages."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "print", _("_Print…"),
                                    "save", _("_Save as PDF…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Which report"), -1);

  portfolio_check = gtk_check_button_new ();
  gtk_widget_set_name (portfolio_check, "report-portfolio");
  request->partner_check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_name (GTK_WIDGET (request->partner_check), "report-partner");
  gtk_check_button_set_group (request->partner_check, GTK_CHECK_BUTTON (portfolio_check));
  gtk_list_box_append (GTK_LIST_BOX (list),
                       choice_row (_("Portfolio Report"),
                                   _("The dashboard, the portfolio chart, every partner and "
                                     "what is due"),
                                   GTK_CHECK_BUTTON (portfolio_check)));
  if (shown != NULL)
    /* Translators: the subtitle of "This Partner"; %s is the partner's name. */
    partner_subtitle = g_strdup_printf (_("One page on %s"), accord_partner_get_name (shown));
  partner_row = choice_row (_("This Partner"),
                            partner_subtitle != NULL ? partner_subtitle
                                                     : _("Open a partner to report on it"),
                            request->partner_check);
  gtk_widget_set_sensitive (partner_row, shown != NULL);
  gtk_list_box_append (GTK_LIST_BOX (list), partner_row);
  gtk_check_button_set_active (shown != NULL ? request->partner_check
                                             : GTK_CHECK_BUTTON (portfolio_check), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  g_object_set_data_full (G_OBJECT (dialog), "accord-report-request", g_steal_pointer (&request),
                          (GDestroyNotify) report_request_free);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/**
 * accord_report_dialog_save_to_file:
 * @dialog: a dialog from accord_report_dialog_present()
 * @file: where to write the PDF
 * @callback: (nullable): called when the file is written (or not)
 * @user_data: for @callback
 *
 * What "Save as PDF…" does once the file chooser returned @file: makes the
 * chosen report, closes @dialog and writes the PDF in a thread, then says
 * how it went in a toast and calls @callback.
 */
void
accord_report_dialog_save_to_file (GtkWindow           *dialog,
                                   GFile               *file,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  ReportRequest *request;
  AccordReport *report;
  g_autoptr(AccordWindow) window = NULL;

  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));
  g_return_if_fail (G_IS_FILE (file));

  request = g_object_get_data (G_OBJECT (dialog), "accord-report-request");
  g_return_if_fail (request != NULL);

  report = request->window != NULL ? make_chosen_report (request) : NULL;
  if (report == NULL)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, callback, user_data);

      g_task_set_source_tag (task, accord_report_dialog_save_to_file);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               "%s", _("Could not make the report"));
      gtk_window_destroy (dialog);
      return;
    }
  window = g_object_ref (request->window);
  gtk_window_destroy (dialog);
  save_to_file (window, report, file, callback, user_data);
}

/**
 * accord_report_dialog_save_finish:
 * @result: the result given to the callback
 * @error: where to put an error
 *
 * Returns: whether the PDF was written
 */
gboolean
accord_report_dialog_save_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
