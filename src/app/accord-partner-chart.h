/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* The partner page's chart group: the partnership's life and health drawn
 * by src/chart, with tooltips, an accessible description, the same data
 * as a table, export and printing. */

#define ACCORD_TYPE_PARTNER_CHART (accord_partner_chart_get_type ())
G_DECLARE_FINAL_TYPE (AccordPartnerChart, accord_partner_chart, ACCORD, PARTNER_CHART, AdwPreferencesGroup)

GtkWidget   *accord_partner_chart_new       (void);
void         accord_partner_chart_set_store (AccordPartnerChart *self, AccordStore *store);
/* The partner shown; NULL for none. */
void         accord_partner_chart_set_partner (AccordPartnerChart *self, AccordPartner *partner);

/* Whether the data shows as a table instead of the chart ("show-table",
 * the chart.show-table action). */
gboolean     accord_partner_chart_get_show_table (AccordPartnerChart *self);
void         accord_partner_chart_set_show_table (AccordPartnerChart *self,
                                                  gboolean            show_table);

/* Writes the chart to @path, a .png, .svg or .pdf file, as Export does. */
gboolean     accord_partner_chart_export  (AccordPartnerChart  *self,
                                           const char          *path,
                                           GError             **error);
/* Prints the chart through GtkPrintOperation: with the print dialog, or
 * into the PDF file @pdf_path without asking when that is not NULL. */
void         accord_partner_chart_print   (AccordPartnerChart *self,
                                           const char         *pdf_path);

/* The tooltip hovering at (@x, @y) of the drawing shows, or NULL. */
char        *accord_partner_chart_dup_tooltip_at (AccordPartnerChart *self,
                                                  double              x,
                                                  double              y);

G_END_DECLS
