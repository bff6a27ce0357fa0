/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"
#include "accord-chart-common.h"

G_BEGIN_DECLS

/* What the chart widgets (the partner page's chart, the portfolio view)
 * share: the palette for the current style, the table form, export
 * through a file chooser, and printing. All drawing goes through the
 * src/chart renderers. */

/* The preset matching the style manager: light, dark, high contrast. */
AccordChartTheme accord_chart_ui_get_theme   (void);
/* The palette to draw on screen with: the theme's, over a transparent
 * background so the card the chart sits on shows through. */
void             accord_chart_ui_get_palette (AccordChartPalette *palette);

/* Replaces @view's columns and rows with @table's. */
void             accord_chart_ui_fill_table  (GtkColumnView          *view,
                                              const AccordChartTable *table);

/* Writes the chart to @path; FALSE with @error when it could not. */
typedef gboolean (*AccordChartExportFunc) (GtkWidget   *widget,
                                           const char  *path,
                                           GError     **error);

/* Asks where to save the chart as @format (a GtkFileChooserNative named
 * @basename plus the extension), then calls @export_func and says how it
 * went in a toast. */
void             accord_chart_ui_export      (GtkWidget             *widget,
                                              AccordChartFormat      format,
                                              const char            *basename,
                                              AccordChartExportFunc  export_func);

/* Prints one page, landscape, drawn by @render at the page's printable
 * size, through GtkPrintOperation: with the print dialog, or straight
 * into the PDF file @export_path when that is not NULL. @data is freed
 * with @destroy when printing is over. */
void             accord_chart_ui_print       (GtkWidget             *widget,
                                              const char            *job_name,
                                              const char            *export_path,
                                              AccordChartRenderFunc  render,
                                              gpointer               data,
                                              GDestroyNotify         destroy);

/* The menu the chart widgets' menu button shows: Export as PNG, SVG and
 * PDF ("chart.export" with "png", "svg", "pdf") and Print ("chart.print"). */
GMenuModel      *accord_chart_ui_menu_new    (void);

/* The format named "png", "svg" or "pdf"; FALSE for anything else. */
gboolean         accord_chart_ui_format_from_name (const char        *name,
                                                   AccordChartFormat *format);

G_END_DECLS
