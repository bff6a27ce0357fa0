/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-chart-common.h"

G_BEGIN_DECLS

/* Helpers the chart tests share. */

/* A 1x1 surface's Pango context with the font exports use. */
PangoContext    *chart_test_pango_new  (void);
/* A fresh ARGB32 surface of @width x @height. */
cairo_surface_t *chart_test_surface_new (int width,
                                         int height);
/* The pixel at (x, y) as 0xAARRGGBB (premultiplied, as cairo stores it). */
guint32          chart_test_pixel       (cairo_surface_t *surface,
                                         int              x,
                                         int              y);
guint32          chart_test_rgb         (const AccordChartColor *color);

/* Compares @surface with tests/chart/reference/@name. Pixels inside
 * @text_rects (grown by a few pixels) are left out: text is what differs
 * between font setups. Any other pixel whose channels differ by more than
 * CHART_TEST_CHANNEL_TOLERANCE counts as changed; the comparison fails
 * when more than CHART_TEST_CHANGED_PERMILLE per mille of the compared
 * pixels changed. Returns the number of changed pixels through @changed.
 *
 * With ACCORD_UPDATE_REFERENCES=1 in the environment, writes the reference
 * instead (into the source tree) and returns TRUE. */
#define CHART_TEST_CHANNEL_TOLERANCE 32
#define CHART_TEST_CHANGED_PERMILLE  5
gboolean chart_test_compare_reference (cairo_surface_t       *surface,
                                       const char            *name,
                                       const AccordChartRect *text_rects,
                                       guint                  n_text_rects,
                                       guint                 *changed,
                                       guint                 *compared);

/* TRUE when ACCORD_UPDATE_REFERENCES=1: tests that check the comparison
 * itself skip, so only the real drawings become references. */
gboolean chart_test_updating_references (void);

/* The first bytes of @path equal @magic. */
gboolean chart_test_file_starts_with (const char *path,
                                      const char *magic,
                                      gsize       magic_len);

G_END_DECLS
