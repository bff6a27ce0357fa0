/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-chart-common.h"

G_BEGIN_DECLS

/* One partnership's life: its lifecycle stages as coloured bands along a
 * time axis, the health score as a line over them with the healthy and
 * watch thresholds as guides, markers for reviews, the launch and the
 * agreement's deadlines, and a line for today.
 *
 * As with the bar chart, the geometry is computed once (layout) from the
 * data, a size and the options; drawing and hit-testing read the same
 * layout, and drawing measures nothing. Dates are "YYYY-MM-DD"; items whose
 * dates are not dates are left out. The data is not copied. */

typedef struct
{
  AccordStage  stage;
  const char  *from;  /* the day the partner entered the stage */
  const char  *to;    /* the day it left; NULL: still in it (drawn up to today) */
} AccordLifecycleSpan;

typedef struct
{
  const char *date;
  int         score;  /* 0..100 */
} AccordLifecycleScore;

typedef enum
{
  ACCORD_LIFECYCLE_MARKER_REVIEW,
  ACCORD_LIFECYCLE_MARKER_LAUNCH,
  ACCORD_LIFECYCLE_MARKER_NOTICE_DEADLINE,
  ACCORD_LIFECYCLE_MARKER_RENEWAL,
  ACCORD_LIFECYCLE_MARKER_TERM_END,
  ACCORD_LIFECYCLE_MARKER_OTHER,
  ACCORD_LIFECYCLE_N_MARKER_KINDS
} AccordLifecycleMarkerKind;

typedef struct
{
  const char                *date;
  AccordLifecycleMarkerKind  kind;
  const char                *label;  /* "Quarterly review"; NULL: the kind's name */
} AccordLifecycleMarker;

typedef struct
{
  const char                  *name;   /* the partner, for the title and description */
  const char                  *today;  /* the store's today: the today line, open spans */
  const AccordLifecycleSpan   *spans;
  guint                        n_spans;
  const AccordLifecycleScore  *scores;
  guint                        n_scores;
  const AccordLifecycleMarker *markers;
  guint                        n_markers;
} AccordLifecycleData;

typedef struct _AccordLifecycleLayout AccordLifecycleLayout;

/* Lays the chart out in @width x @height. @pango measures the text (the
 * widget's context, or pango_cairo_create_context() for a surface);
 * @options may be NULL. */
AccordLifecycleLayout *accord_lifecycle_chart_layout (const AccordLifecycleData *data,
                                                      int                        width,
                                                      int                        height,
                                                      PangoContext              *pango,
                                                      const AccordChartOptions  *options);
void accord_lifecycle_layout_free (AccordLifecycleLayout *layout);

/* Paints the background and the chart. Needs nothing but the layout. */
void accord_lifecycle_chart_draw (cairo_t                     *cr,
                                  const AccordLifecycleLayout *layout,
                                  const AccordChartPalette    *palette);

/* Lays out and draws into @cr at @width x @height, measuring text with a
 * context made for @cr: for printing and export. */
void accord_lifecycle_chart_render (cairo_t                   *cr,
                                    const AccordLifecycleData *data,
                                    int                        width,
                                    int                        height,
                                    const AccordChartOptions  *options,
                                    const AccordChartPalette  *palette);

/* Writes the chart to @path, a .png, .svg or .pdf file. */
gboolean accord_lifecycle_chart_export (const AccordLifecycleData  *data,
                                        const char                 *path,
                                        int                         width,
                                        int                         height,
                                        const AccordChartOptions   *options,
                                        const AccordChartPalette   *palette,
                                        GError                    **error);

typedef enum
{
  ACCORD_LIFECYCLE_HIT_NONE,
  ACCORD_LIFECYCLE_HIT_SPAN,    /* a stage band; index into data->spans */
  ACCORD_LIFECYCLE_HIT_SCORE,   /* a point of the health line; index into data->scores */
  ACCORD_LIFECYCLE_HIT_MARKER,  /* index into data->markers */
  ACCORD_LIFECYCLE_HIT_TODAY,   /* the today line; index -1 */
} AccordLifecycleHitKind;

typedef struct
{
  AccordLifecycleHitKind kind;
  int                    index;
} AccordLifecycleHit;

/* What is under (@x, @y), in the layout's coordinates: markers first, then
 * health points, the today line, then stage bands. FALSE (and kind NONE)
 * when nothing is. */
gboolean accord_lifecycle_chart_hit_test (const AccordLifecycleLayout *layout,
                                          double                       x,
                                          double                       y,
                                          AccordLifecycleHit          *hit);

/* Where a hit item is drawn (a band, the box around a point, a marker's
 * symbol), for focus rings and tooltips' pointing rectangles. */
gboolean accord_lifecycle_chart_hit_rect (const AccordLifecycleLayout *layout,
                                          const AccordLifecycleHit    *hit,
                                          AccordChartRect             *rect);

/* Tooltip text for @hit over @data (the data the layout was made from);
 * NULL for no hit. */
char *accord_lifecycle_chart_tooltip (const AccordLifecycleData *data,
                                      const AccordLifecycleHit  *hit);

/* A few sentences saying what the chart shows, for the accessible
 * description: the stage and since when, the health and its change, the
 * next deadline. */
char *accord_lifecycle_chart_describe (const AccordLifecycleData *data);

/* The same data as a table: one row per stage, score and marker, by date. */
AccordChartTable *accord_lifecycle_chart_table (const AccordLifecycleData *data);

/* The kind's name: "Review", "Notice deadline"... */
const char *accord_lifecycle_marker_kind_label (AccordLifecycleMarkerKind kind);

/* Geometry, for tests and widgets that draw focus. All in chart
 * coordinates; rectangles of hidden things have zero width. */

typedef struct
{
  int             span;     /* index into data->spans */
  AccordStage     stage;
  AccordChartRect band;     /* the full-height wash */
  AccordChartRect strip;    /* the solid strip along the time axis */
} AccordLifecycleBand;

typedef struct
{
  int    score;  /* index into data->scores */
  double x, y;
  int    value;
} AccordLifecyclePoint;

typedef struct
{
  int                        marker;  /* index into data->markers */
  AccordLifecycleMarkerKind  kind;
  double                     x;
  AccordChartRect            symbol;
  AccordChartRect            label;   /* zero width when the label did not fit */
} AccordLifecycleMarkerGeometry;

int                   accord_lifecycle_layout_get_width  (const AccordLifecycleLayout *layout);
int                   accord_lifecycle_layout_get_height (const AccordLifecycleLayout *layout);
gboolean              accord_lifecycle_layout_is_empty   (const AccordLifecycleLayout *layout);
/* The plot: where bands, guides and the health line go. */
const AccordChartRect *accord_lifecycle_layout_get_plot  (const AccordLifecycleLayout *layout);
/* The x of a date ("YYYY-MM-DD"); FALSE if it is not a date. May fall
 * outside the plot for dates outside the chart's range. */
gboolean accord_lifecycle_layout_date_x     (const AccordLifecycleLayout *layout,
                                             const char                  *date,
                                             double                      *x);
double   accord_lifecycle_layout_score_y    (const AccordLifecycleLayout *layout,
                                             int                          score);
/* FALSE when there is no today line. */
gboolean accord_lifecycle_layout_today_x    (const AccordLifecycleLayout *layout,
                                             double                      *x);

const AccordLifecycleBand *
accord_lifecycle_layout_get_bands (const AccordLifecycleLayout *layout,
                                   guint                       *n);
const AccordLifecyclePoint *
accord_lifecycle_layout_get_points (const AccordLifecycleLayout *layout,
                                    guint                       *n);
const AccordLifecycleMarkerGeometry *
accord_lifecycle_layout_get_markers (const AccordLifecycleLayout *layout,
                                     guint                       *n);
/* Every rectangle text is drawn in (free with g_free()). Text is what
 * differs between font setups, so pixel comparisons leave these out. */
AccordChartRect *accord_lifecycle_layout_get_text_rects (const AccordLifecycleLayout *layout,
                                                         guint                       *n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordLifecycleLayout, accord_lifecycle_layout_free)

G_END_DECLS
