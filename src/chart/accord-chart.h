/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* A horizontal bar chart, the first of Accord's charts: labels on one
 * side, one bar per value, scaled to the largest. Geometry is computed
 * once (layout) and reused by drawing and hit-testing, so the paint path
 * does no measuring. Plain structs: nothing binds to them. */

typedef struct
{
  const char *label;   /* shown beside the bar; not copied */
  double      value;   /* >= 0 */
} AccordChartBar;

typedef struct
{
  double x, y, width, height;
} AccordChartRect;

typedef struct
{
  double foreground[4];  /* text, RGBA 0..1 */
  double bar[4];         /* the bars */
  double track[4];       /* the empty part of each row */
} AccordChartColors;

typedef struct
{
  guint            n_bars;
  int              width;
  int              height;
  gboolean         rtl;
  AccordChartRect *bars;    /* the filled part of each bar */
  AccordChartRect *tracks;  /* the full row each bar sits in */
  AccordChartRect *labels;
} AccordChartLayout;

/* Lays out @n bars in @width x @height. @pango measures the labels (make it
 * with pango_cairo_create_context or the widget's). @rtl mirrors the chart. */
AccordChartLayout *accord_chart_bars_layout (const AccordChartBar *bars,
                                             guint                 n,
                                             int                   width,
                                             int                   height,
                                             PangoContext         *pango,
                                             gboolean              rtl);
void               accord_chart_layout_free (AccordChartLayout *layout);

void accord_chart_bars_draw (cairo_t                 *cr,
                             const AccordChartBar    *bars,
                             const AccordChartLayout *layout,
                             const AccordChartColors *colors);

/* The bar row under (x, y), or -1. */
int  accord_chart_layout_hit_test (const AccordChartLayout *layout, double x, double y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordChartLayout, accord_chart_layout_free)

G_END_DECLS
