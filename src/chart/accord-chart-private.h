/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-chart-common.h"

G_BEGIN_DECLS

/* Helpers the chart files share; not for callers. */

/* A piece of text measured at layout time and drawn as measured: the paint
 * path only moves to @rect and shows @layout. */
typedef struct
{
  PangoLayout     *layout;  /* NULL: nothing to draw */
  AccordChartRect  rect;    /* the text's logical extents, in chart coordinates */
  double           dx, dy;  /* where the logical extents start inside @layout */
} AccordChartText;

typedef enum
{
  ACCORD_CHART_FONT_NORMAL,
  ACCORD_CHART_FONT_SMALL,
  ACCORD_CHART_FONT_BOLD,
  ACCORD_CHART_FONT_TITLE,
} AccordChartFontStyle;

/* The font the chart's text uses: @options' font or @pango's. */
PangoFontDescription *_accord_chart_font_new (PangoContext             *pango,
                                              const AccordChartOptions *options,
                                              AccordChartFontStyle      style);

/* Lays @text out with @font, ellipsized to @max_width when that is > 0,
 * at (0, 0); place it by setting text->rect.x and .y. */
void _accord_chart_text_init  (AccordChartText            *text,
                               PangoContext               *pango,
                               const PangoFontDescription *font,
                               const char                 *str,
                               double                      max_width);
void _accord_chart_text_clear (AccordChartText *text);
void _accord_chart_text_draw  (cairo_t                *cr,
                               const AccordChartText  *text,
                               const AccordChartColor *color);

void _accord_chart_set_color (cairo_t                *cr,
                              const AccordChartColor *color);
/* The same rectangle reflected about the vertical centre of a chart @width wide. */
void _accord_chart_mirror_rect (AccordChartRect *rect,
                                int              width);
gboolean _accord_chart_rect_contains (const AccordChartRect *rect,
                                      double                 x,
                                      double                 y);

/* "YYYY-MM-DD" to a Julian day number; FALSE when @text is not a date. */
gboolean _accord_chart_parse_date (const char *text,
                                   guint32    *julian);
/* "3 March 2026", as the locale writes it. */
char *_accord_chart_format_date (guint32 julian);
/* A time axis label: "Mar 2026", or "2026" when @year_only. */
char *_accord_chart_format_tick (guint32  julian,
                                 gboolean year_only);

AccordChartTable *_accord_chart_table_new     (guint        n_columns,
                                               const char  *const *headers);
/* Appends a row of n_columns strings, copied. */
void              _accord_chart_table_add_row (AccordChartTable    *table,
                                               const char  *const *cells);

G_END_DECLS
