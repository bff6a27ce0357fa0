/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* Every partner of the workspace at once, placed by lifecycle stage and
 * health band (src/chart's portfolio chart), with tooltips, keyboard
 * navigation, an accessible description, the same data as a table, and
 * export. Clicking a partner's square (or Enter on the focused one, or
 * activating a row of the table) emits "partner-activated" with the
 * AccordPartner.
 *
 * Signals:
 *   partner-activated (AccordPortfolioView *view, AccordPartner *partner)
 */

#define ACCORD_TYPE_PORTFOLIO_VIEW (accord_portfolio_view_get_type ())
G_DECLARE_FINAL_TYPE (AccordPortfolioView, accord_portfolio_view, ACCORD, PORTFOLIO_VIEW, GtkWidget)

GtkWidget   *accord_portfolio_view_new       (void);
/* The workspace shown; NULL for none. Follows the store's changes. */
void         accord_portfolio_view_set_store (AccordPortfolioView *self,
                                              AccordStore         *store);
AccordStore *accord_portfolio_view_get_store (AccordPortfolioView *self);

/* Whether the data shows as a table of counts instead of the chart
 * ("show-table", the chart.show-table action). */
gboolean     accord_portfolio_view_get_show_table (AccordPortfolioView *self);
void         accord_portfolio_view_set_show_table (AccordPortfolioView *self,
                                                   gboolean             show_table);

/* Writes the chart to @path, a .png, .svg or .pdf file, as Export does. */
gboolean     accord_portfolio_view_export (AccordPortfolioView  *self,
                                           const char           *path,
                                           GError              **error);
/* Prints the chart through GtkPrintOperation: with the print dialog, or
 * into the PDF file @pdf_path without asking when that is not NULL. */
void         accord_portfolio_view_print  (AccordPortfolioView *self,
                                           const char          *pdf_path);

/* The tooltip hovering at (@x, @y) of the drawing shows, or NULL. */
char        *accord_portfolio_view_dup_tooltip_at (AccordPortfolioView *self,
                                                   double               x,
                                                   double               y);

G_END_DECLS
