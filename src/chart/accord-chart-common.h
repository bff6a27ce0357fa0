/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "accord-chart.h"
#include "accord-health.h"
#include "accord-lifecycle.h"

G_BEGIN_DECLS

/* What the lifecycle and portfolio charts share: the palette they paint
 * with, the options they are laid out with, the table form of their data
 * and file export. Every colour a chart paints comes from the palette, so
 * light, dark and high contrast are only different palettes. */

typedef struct
{
  double red, green, blue, alpha;  /* 0..1 */
} AccordChartColor;

/* The rows of the portfolio chart and the colours of the health bands:
 * AccordHealthBand, then "not scored". */
#define ACCORD_CHART_BAND_UNKNOWN ACCORD_N_HEALTH_BANDS
#define ACCORD_CHART_N_BANDS      (ACCORD_N_HEALTH_BANDS + 1)

typedef struct
{
  AccordChartColor background;   /* painted first, over the whole area */
  AccordChartColor foreground;   /* titles, labels, axes */
  AccordChartColor dim;          /* secondary text: ticks, counts */
  AccordChartColor grid;         /* grid lines, the health band guides */
  AccordChartColor accent;       /* the health line */
  AccordChartColor today;        /* the today line */
  AccordChartColor review;       /* review markers */
  AccordChartColor launch;       /* the launch marker */
  AccordChartColor deadline;     /* notice, renewal and end markers */
  AccordChartColor stage_text;   /* stage names on the stage strip */
  AccordChartColor stages[ACCORD_N_STAGES];
  AccordChartColor bands[ACCORD_CHART_N_BANDS];
  double           stage_wash;   /* opacity of a stage's band behind the health line */
  gboolean         outlines;     /* outline bands and cells (high contrast) */
} AccordChartPalette;

typedef enum
{
  ACCORD_CHART_THEME_LIGHT,
  ACCORD_CHART_THEME_DARK,
  ACCORD_CHART_THEME_HIGH_CONTRAST,
  ACCORD_CHART_THEME_HIGH_CONTRAST_DARK,
  ACCORD_CHART_N_THEMES
} AccordChartTheme;

/* One of the preset palettes; owned by the library. Copy it to change a
 * colour (for example the accent, from the desktop's). */
const AccordChartPalette *accord_chart_palette_get (AccordChartTheme theme);

typedef struct
{
  gboolean    rtl;         /* mirror the chart: time runs right to left, text aligns right */
  gboolean    show_title;  /* draw a title line (exports); widgets have their own heading */
  const char *font;        /* a Pango font description; NULL: the Pango context's font */
} AccordChartOptions;

/* The font exports and printing use when the options name none. */
#define ACCORD_CHART_DEFAULT_FONT "Sans 10"

/* The same data as a chart, as rows of strings for a "show as table" view.
 * Every row has n_columns strings. */
typedef struct
{
  guint       n_columns;
  char      **headers;  /* NULL-terminated, n_columns long */
  GPtrArray  *rows;     /* of NULL-terminated char ** */
} AccordChartTable;

void accord_chart_table_free (AccordChartTable *table);

typedef enum
{
  ACCORD_CHART_FORMAT_PNG,
  ACCORD_CHART_FORMAT_SVG,
  ACCORD_CHART_FORMAT_PDF,
} AccordChartFormat;

/* The format named by @path's extension (".png", ".svg", ".pdf", any
 * case). On FALSE, @error says which extensions work. */
gboolean accord_chart_format_for_path (const char         *path,
                                       AccordChartFormat  *format,
                                       GError            **error);

/* Draws a whole chart of @width x @height into @cr (lay out, then draw). */
typedef void (*AccordChartRenderFunc) (cairo_t *cr,
                                       int      width,
                                       int      height,
                                       gpointer user_data);

/* Writes what @render draws to @path as @format: @width x @height pixels
 * for PNG, points for SVG and PDF. */
gboolean accord_chart_export (const char             *path,
                              AccordChartFormat       format,
                              int                     width,
                              int                     height,
                              AccordChartRenderFunc   render,
                              gpointer                user_data,
                              GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordChartTable, accord_chart_table_free)

G_END_DECLS
