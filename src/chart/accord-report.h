/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <cairo.h>

#include "accord-chart-common.h"
#include "accord-store.h"

G_BEGIN_DECLS

/* Printed reports, drawn with Cairo and laid out with Pango, so the same
 * pages go to a PDF file and to a printer:
 *
 *   portfolio  a title page (workspace, date), the dashboard figures, the
 *              portfolio chart, the partner table (name, stage, fit,
 *              health, notice deadline) over as many pages as it takes,
 *              and what is due in the next 30 days (and overdue);
 *   partner    one page: the profile, the scorecard, the active
 *              agreement's terms and deadlines, the health with its
 *              reasons, and the lifecycle chart.
 *
 * A report is a snapshot: making one reads everything it shows from the
 * store (on the store's thread), and from then on it needs no store, so it
 * can be paginated and drawn in a worker thread. Sizes are in points
 * (1/72 inch); pages carry "Page N of M". Text wraps and follows the
 * direction of its own script; with @rtl the page layout is mirrored. */

/* A4 in points. */
#define ACCORD_REPORT_A4_WIDTH  595.276
#define ACCORD_REPORT_A4_HEIGHT 841.89

/* What is due: this many days after today (and everything overdue). */
#define ACCORD_REPORT_DUE_DAYS  30

typedef struct _AccordReport AccordReport;

/* The portfolio report of @store, or NULL with @error. */
AccordReport *accord_report_new_portfolio (AccordStore    *store,
                                           GError        **error);
/* The one-page report of @partner. */
AccordReport *accord_report_new_partner   (AccordStore    *store,
                                           AccordPartner  *partner,
                                           GError        **error);
void          accord_report_free          (AccordReport   *self);

/* Mirrors the page layout for a right-to-left language. */
void          accord_report_set_rtl       (AccordReport   *self,
                                           gboolean        rtl);
/* The report's title: "Portfolio report" or the partner's name. */
const char   *accord_report_get_title     (AccordReport   *self);

/* Lays the report out on pages of @width x @height points (cached for
 * the last size asked) and returns how many there are (at least 1). */
guint         accord_report_get_n_pages   (AccordReport   *self,
                                           double          width,
                                           double          height);
/* Draws page @page (0-based) into @cr, whose user space is @width x
 * @height points with the origin at the page's top left: a PDF surface,
 * or GtkPrintContext's cairo_t with the unit set to points. */
void          accord_report_draw_page     (AccordReport   *self,
                                           cairo_t        *cr,
                                           guint           page,
                                           double          width,
                                           double          height);

/* Writes every page to @path as an A4 PDF, replacing the file only once
 * it is complete. Safe in a worker thread. */
gboolean      accord_report_write_pdf     (AccordReport   *self,
                                           const char     *path,
                                           GCancellable   *cancellable,
                                           GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordReport, accord_report_free)

G_END_DECLS
