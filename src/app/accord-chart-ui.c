/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-chart-ui.h"

#include "accord-work-ui.h"

#include <glib/gi18n.h>

AccordChartTheme
accord_chart_ui_get_theme (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);

  if (adw_style_manager_get_high_contrast (manager))
    return dark ? ACCORD_CHART_THEME_HIGH_CONTRAST_DARK : ACCORD_CHART_THEME_HIGH_CONTRAST;
  return dark ? ACCORD_CHART_THEME_DARK : ACCORD_CHART_THEME_LIGHT;
}

void
accord_chart_ui_get_palette (AccordChartPalette *palette)
{
  g_return_if_fail (palette != NULL);

  *palette = *accord_chart_palette_get (accord_chart_ui_get_theme ());
  palette->background.alpha = 0;
}

/* Tables */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkStringList *row = GTK_STRING_LIST (gtk_list_item_get_item (item));
  guint column = GPOINTER_TO_UINT (user_data);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_list_get_string (row, column));
}

void
accord_chart_ui_fill_table (GtkColumnView          *view,
                            const AccordChartTable *table)
{
  g_autoptr(GListStore) rows = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  GListModel *columns;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (table != NULL);

  columns = gtk_column_view_get_columns (view);
  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (view, column);
    }

  for (guint i = 0; i < table->n_columns; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (table->headers[i], factory);
      /* The last column takes what is left: it holds the longest text. */
      gtk_column_view_column_set_expand (column, i + 1 == table->n_columns);
      gtk_column_view_append_column (view, column);
    }

  rows = g_list_store_new (GTK_TYPE_STRING_LIST);
  for (guint i = 0; i < table->rows->len; i++)
    {
      g_autoptr(GtkStringList) row =
        gtk_string_list_new ((const char *const *) g_ptr_array_index (table->rows, i));

      g_list_store_append (rows, row);
    }
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
}

/* Export */

static const struct
{
  const char        *name;
  const char        *extension;
  const char        *mime_type;
  AccordChartFormat  format;
} formats[] = {
  { "png", ".png", "image/png", ACCORD_CHART_FORMAT_PNG },
  { "svg", ".svg", "image/svg+xml", ACCORD_CHART_FORMAT_SVG },
  { "pdf", ".pdf", "application/pdf", ACCORD_CHART_FORMAT_PDF },
};

gboolean
accord_chart_ui_format_from_name (const char        *name,
                                  AccordChartFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (name, formats[i].name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

static guint
format_index (AccordChartFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return i;
  g_return_val_if_reached (0);
}

typedef struct
{
  GtkWidget             *widget;
  AccordChartFormat      format;
  AccordChartExportFunc  export_func;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->widget);
  g_free (job);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    ExportJob       *job)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GError) error = NULL;
  AccordChartFormat named;
  g_autofree char *message = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    goto out;

  /* A name without a chart extension gets the chosen format's. */
  if (!accord_chart_format_for_path (path, &named, NULL))
    {
      char *with_extension = g_strconcat (path, formats[format_index (job->format)].extension,
                                          NULL);

      g_free (path);
      path = with_extension;
    }

  basename = g_filename_display_basename (path);
  if (job->export_func (job->widget, path, &error))
    /* Translators: a toast after exporting a chart; the file's name. */
    message = g_strdup_printf (_("Exported “%s”"), basename);
  else
    message = g_strdup (error->message);
  accord_work_toast (job->widget, adw_toast_new (message));

out:
  export_job_free (job);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
accord_chart_ui_export (GtkWidget             *widget,
                        AccordChartFormat      format,
                        const char            *basename,
                        AccordChartExportFunc  export_func)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  ExportJob *job;
  guint i;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (export_func != NULL);

  i = format_index (format);
  switch (format)
    {
    case ACCORD_CHART_FORMAT_SVG:
      title = g_strdup (_("Export Chart as SVG"));
      gtk_file_filter_set_name (filter, _("SVG images"));
      break;
    case ACCORD_CHART_FORMAT_PDF:
      title = g_strdup (_("Export Chart as PDF"));
      gtk_file_filter_set_name (filter, _("PDF documents"));
      break;
    case ACCORD_CHART_FORMAT_PNG:
    default:
      title = g_strdup (_("Export Chart as PNG"));
      gtk_file_filter_set_name (filter, _("PNG images"));
      break;
    }
  gtk_file_filter_add_mime_type (filter, formats[i].mime_type);
  gtk_file_filter_add_suffix (filter, formats[i].name);

  dialog = gtk_file_chooser_native_new (title, accord_work_parent_window (widget),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  name = g_strconcat (basename != NULL && basename[0] != '\0' ? basename : _("Chart"),
                      formats[i].extension, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  job = g_new0 (ExportJob, 1);
  job->widget = g_object_ref (widget);
  job->format = format;
  job->export_func = export_func;
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Printing */

typedef struct
{
  GtkWidget             *widget;
  AccordChartRenderFunc  render;
  gpointer               data;
  GDestroyNotify         destroy;
  gboolean               reported;  /* an error was shown already */
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  if (job->destroy != NULL)
    job->destroy (job->data);
  g_clear_weak_pointer (&job->widget);
  g_free (job);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  int width = (int) gtk_print_context_get_width (context);
  int height = (int) gtk_print_context_get_height (context);

  if (width > 0 && height > 0)
    job->render (cr, width, height, job->data);
}

static void
report_error (PrintJob     *job,
              const GError *error)
{
  if (job->reported || job->widget == NULL || error == NULL)
    return;
  job->reported = TRUE;
  accord_work_toast (job->widget, adw_toast_new (error->message));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               PrintJob                *job)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  report_error (job, error);
}

void
accord_chart_ui_print (GtkWidget             *widget,
                       const char            *job_name,
                       const char            *export_path,
                       AccordChartRenderFunc  render,
                       gpointer               data,
                       GDestroyNotify         destroy)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GError) error = NULL;
  PrintJob *job;
  GtkPrintOperationResult result;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (render != NULL);

  job = g_new0 (PrintJob, 1);
  g_set_weak_pointer (&job->widget, widget);
  job->render = render;
  job->data = data;
  job->destroy = destroy;
  /* The operation owns the job: it lives as long as printing does. */
  g_object_set_data_full (G_OBJECT (operation), "accord-print-job", job,
                          (GDestroyNotify) print_job_free);

  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), job);

  /* The widget keeps the latest operation (and so its job) alive while an
   * asynchronous print runs; a new print replaces it. */
  g_object_set_data_full (G_OBJECT (widget), "accord-chart-print-operation",
                          g_object_ref (operation), g_object_unref);

  if (export_path != NULL)
    {
      /* Straight to a PDF file, with no dialog. */
      gtk_print_operation_set_export_filename (operation, export_path);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
    }
  else
    result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                      accord_work_parent_window (widget), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    report_error (job, error);
}

GMenuModel *
accord_chart_ui_menu_new (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) export = g_menu_new ();
  g_autoptr(GMenu) print = g_menu_new ();

  g_menu_append (export, _("Export as _PNG…"), "chart.export::png");
  g_menu_append (export, _("Export as _SVG…"), "chart.export::svg");
  g_menu_append (export, _("Export as P_DF…"), "chart.export::pdf");
  g_menu_append (print, _("_Print…"), "chart.print");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (export));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (print));
  return G_MENU_MODEL (menu);
}
