/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "accord-lifecycle-chart.h"
#include "chart-test-util.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#define WIDTH  800
#define HEIGHT 360

/* Acme's life so far: found in January 2025, launched in June, growing
 * again since 3 March 2026; the last two scores fell from 80 (at the
 * February review) to 72. Today is 1 April 2026. */
static const AccordLifecycleSpan spans[] = {
  { ACCORD_STAGE_IDENTIFIED, "2025-01-06", "2025-02-03" },
  { ACCORD_STAGE_OUTREACH, "2025-02-03", "2025-03-17" },
  { ACCORD_STAGE_NEGOTIATING, "2025-03-17", "2025-05-05" },
  { ACCORD_STAGE_LAUNCHING, "2025-05-05", "2025-06-02" },
  { ACCORD_STAGE_GROWING, "2025-06-02", "2025-11-03" },
  { ACCORD_STAGE_OPTIMIZING, "2025-11-03", "2026-03-03" },
  { ACCORD_STAGE_GROWING, "2026-03-03", NULL },
};

static const AccordLifecycleScore scores[] = {
  { "2025-09-01", 78 },
  { "2025-06-02", 85 },  /* out of order on purpose: the line goes by date */
  { "2025-12-01", 64 },
  { "2026-02-01", 80 },
  { "2026-03-20", 72 },
};

static const AccordLifecycleMarker markers[] = {
  { "2025-06-02", ACCORD_LIFECYCLE_MARKER_LAUNCH, "Launch" },
  { "2025-09-01", ACCORD_LIFECYCLE_MARKER_REVIEW, "Quarterly review" },
  { "2026-02-01", ACCORD_LIFECYCLE_MARKER_REVIEW, "Quarterly review" },
  { "2026-06-01", ACCORD_LIFECYCLE_MARKER_NOTICE_DEADLINE, NULL },
  { "2026-07-01", ACCORD_LIFECYCLE_MARKER_RENEWAL, "Renewal" },
};

static const AccordLifecycleData acme = {
  "Acme", "2026-04-01",
  spans, G_N_ELEMENTS (spans),
  scores, G_N_ELEMENTS (scores),
  markers, G_N_ELEMENTS (markers),
};

static AccordLifecycleLayout *
make_layout (const AccordLifecycleData *data,
             int                        width,
             int                        height,
             gboolean                   rtl)
{
  PangoContext *pango = chart_test_pango_new ();
  AccordChartOptions options = { .rtl = rtl };
  AccordLifecycleLayout *layout = accord_lifecycle_chart_layout (data, width, height, pango, &options);

  g_object_unref (pango);
  return layout;
}

static cairo_surface_t *
draw (const AccordLifecycleLayout *layout,
      AccordChartTheme             theme)
{
  cairo_surface_t *surface = chart_test_surface_new (accord_lifecycle_layout_get_width (layout),
                                                     accord_lifecycle_layout_get_height (layout));
  cairo_t *cr = cairo_create (surface);

  accord_lifecycle_chart_draw (cr, layout, accord_chart_palette_get (theme));
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
rects_overlap (const AccordChartRect *a,
               const AccordChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
test_layout_geometry (void)
{
  g_autoptr(AccordLifecycleLayout) layout = make_layout (&acme, WIDTH, HEIGHT, FALSE);
  const AccordChartRect *plot = accord_lifecycle_layout_get_plot (layout);
  const AccordLifecycleBand *bands;
  const AccordLifecyclePoint *points;
  const AccordLifecycleMarkerGeometry *geoms;
  guint n_bands, n_points, n_markers;
  double today_x, x;

  g_assert_false (accord_lifecycle_layout_is_empty (layout));
  bands = accord_lifecycle_layout_get_bands (layout, &n_bands);
  points = accord_lifecycle_layout_get_points (layout, &n_points);
  geoms = accord_lifecycle_layout_get_markers (layout, &n_markers);
  g_assert_cmpuint (n_bands, ==, G_N_ELEMENTS (spans));
  g_assert_cmpuint (n_points, ==, G_N_ELEMENTS (scores));
  g_assert_cmpuint (n_markers, ==, G_N_ELEMENTS (markers));

  /* The plot sits inside the chart. */
  g_assert_cmpfloat (plot->x, >, 0);
  g_assert_cmpfloat (plot->x + plot->width, <=, WIDTH);
  g_assert_cmpfloat (plot->y, >, 0);
  g_assert_cmpfloat (plot->y + plot->height, <=, HEIGHT);

  /* Bands follow each other along time, each starting where the last ended. */
  for (guint i = 0; i + 1 < n_bands; i++)
    {
      g_assert_cmpint (bands[i].span, ==, (int) i);
      g_assert_cmpint (bands[i].stage, ==, spans[i].stage);
      g_assert_cmpfloat (bands[i].band.width, >, 0);
      g_assert_cmpfloat_with_epsilon (bands[i].band.x + bands[i].band.width, bands[i + 1].band.x, 0.01);
      g_assert_cmpfloat_with_epsilon (bands[i].strip.x, bands[i].band.x, 0.01);
      g_assert_cmpfloat (bands[i].strip.y, >=, bands[i].band.y + bands[i].band.height - 0.01);
    }
  /* The open span runs up to today. */
  g_assert_true (accord_lifecycle_layout_today_x (layout, &today_x));
  g_assert_cmpfloat_with_epsilon (bands[6].band.x + bands[6].band.width, today_x, 0.01);
  g_assert_true (accord_lifecycle_layout_date_x (layout, "2026-04-01", &x));
  g_assert_cmpfloat_with_epsilon (x, today_x, 0.01);
  g_assert_false (accord_lifecycle_layout_date_x (layout, "2026-02-30", &x));

  /* The line goes by date; higher scores are higher up. */
  for (guint i = 0; i < n_points; i++)
    {
      g_assert_true (accord_lifecycle_layout_date_x (layout, scores[points[i].score].date, &x));
      g_assert_cmpfloat_with_epsilon (points[i].x, x, 0.01);
      g_assert_cmpfloat_with_epsilon (points[i].y, accord_lifecycle_layout_score_y (layout, points[i].value), 0.01);
      g_assert_cmpint (points[i].value, ==, scores[points[i].score].score);
      g_assert_cmpfloat (points[i].y, >, plot->y);
      g_assert_cmpfloat (points[i].y, <, bands[0].strip.y);
      if (i > 0)
        g_assert_cmpfloat (points[i].x, >, points[i - 1].x);
    }
  g_assert_cmpint (points[0].score, ==, 1);
  g_assert_cmpfloat (accord_lifecycle_layout_score_y (layout, 100), <, accord_lifecycle_layout_score_y (layout, 70));
  g_assert_cmpfloat (accord_lifecycle_layout_score_y (layout, 70), <, accord_lifecycle_layout_score_y (layout, 40));
  g_assert_cmpfloat (accord_lifecycle_layout_score_y (layout, 40), <, accord_lifecycle_layout_score_y (layout, 0));
  /* Scores are clamped to the scale. */
  g_assert_cmpfloat (accord_lifecycle_layout_score_y (layout, 150), ==, accord_lifecycle_layout_score_y (layout, 100));

  /* Markers sit at their dates, symbols above the plot, labels apart. */
  for (guint i = 0; i < n_markers; i++)
    {
      g_assert_true (accord_lifecycle_layout_date_x (layout, markers[geoms[i].marker].date, &x));
      g_assert_cmpfloat_with_epsilon (geoms[i].x, x, 0.01);
      g_assert_cmpfloat (geoms[i].symbol.y + geoms[i].symbol.height, <=, plot->y);
      g_assert_cmpfloat (geoms[i].symbol.y, >=, 0);
      for (guint j = 0; j < i; j++)
        if (geoms[i].label.width > 0 && geoms[j].label.width > 0)
          g_assert_false (rects_overlap (&geoms[i].label, &geoms[j].label));
      if (geoms[i].label.width > 0)
        {
          g_assert_cmpfloat (geoms[i].label.x, >=, 0);
          g_assert_cmpfloat (geoms[i].label.x + geoms[i].label.width, <=, WIDTH);
        }
    }
  /* Deadlines lie after today, the launch before. */
  g_assert_cmpfloat (geoms[3].x, >, today_x);
  g_assert_cmpfloat (geoms[0].x, <, today_x);
}

static void
test_rtl_mirrors (void)
{
  g_autoptr(AccordLifecycleLayout) ltr = make_layout (&acme, WIDTH, HEIGHT, FALSE);
  g_autoptr(AccordLifecycleLayout) rtl = make_layout (&acme, WIDTH, HEIGHT, TRUE);
  const AccordLifecycleBand *lb, *rb;
  const AccordLifecyclePoint *lp, *rp;
  const AccordLifecycleMarkerGeometry *lm, *rm;
  guint n, n2;
  double lx, rx;
  cairo_surface_t *ls, *rs;
  AccordLifecycleHit lhit, rhit;
  const AccordChartPalette *light = accord_chart_palette_get (ACCORD_CHART_THEME_LIGHT);
  guint hits = 0;

  lb = accord_lifecycle_layout_get_bands (ltr, &n);
  rb = accord_lifecycle_layout_get_bands (rtl, &n2);
  g_assert_cmpuint (n, ==, n2);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpfloat_with_epsilon (rb[i].band.x, WIDTH - lb[i].band.x - lb[i].band.width, 0.01);
      g_assert_cmpfloat_with_epsilon (rb[i].band.width, lb[i].band.width, 0.01);
      g_assert_cmpfloat_with_epsilon (rb[i].strip.y, lb[i].strip.y, 0.01);
    }
  /* Time runs right to left: the first stage is now on the right. */
  g_assert_cmpfloat (rb[0].band.x, >, rb[n - 1].band.x);

  lp = accord_lifecycle_layout_get_points (ltr, &n);
  rp = accord_lifecycle_layout_get_points (rtl, &n2);
  g_assert_cmpuint (n, ==, n2);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpfloat_with_epsilon (rp[i].x, WIDTH - lp[i].x, 0.01);
      g_assert_cmpfloat_with_epsilon (rp[i].y, lp[i].y, 0.01);
    }

  lm = accord_lifecycle_layout_get_markers (ltr, &n);
  rm = accord_lifecycle_layout_get_markers (rtl, &n2);
  g_assert_cmpuint (n, ==, n2);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpfloat_with_epsilon (rm[i].x, WIDTH - lm[i].x, 0.01);
      g_assert_cmpfloat_with_epsilon (rm[i].symbol.x, WIDTH - lm[i].symbol.x - lm[i].symbol.width, 0.01);
    }

  g_assert_true (accord_lifecycle_layout_today_x (ltr, &lx));
  g_assert_true (accord_lifecycle_layout_today_x (rtl, &rx));
  g_assert_cmpfloat_with_epsilon (rx, WIDTH - lx, 0.01);
  g_assert_true (accord_lifecycle_layout_date_x (ltr, "2025-08-15", &lx));
  g_assert_true (accord_lifecycle_layout_date_x (rtl, "2025-08-15", &rx));
  g_assert_cmpfloat_with_epsilon (rx, WIDTH - lx, 0.01);
  g_assert_cmpfloat_with_epsilon (accord_lifecycle_layout_get_plot (rtl)->x,
                                  WIDTH - accord_lifecycle_layout_get_plot (ltr)->x
                                  - accord_lifecycle_layout_get_plot (ltr)->width, 0.01);

  /* Hit-testing mirrors too: sweep the chart off the pixel grid. */
  for (double y = 2.31; y < HEIGHT; y += 5)
    for (double x = 1.37; x < WIDTH; x += 5)
      {
        gboolean l = accord_lifecycle_chart_hit_test (ltr, x, y, &lhit);
        gboolean r = accord_lifecycle_chart_hit_test (rtl, WIDTH - x, y, &rhit);

        g_assert_cmpint (l, ==, r);
        g_assert_cmpint (lhit.kind, ==, rhit.kind);
        g_assert_cmpint (lhit.index, ==, rhit.index);
        hits += l;
      }
  g_assert_cmpuint (hits, >, 1000);

  /* And the drawing: the today line is where the layout says, in both. */
  ls = draw (ltr, ACCORD_CHART_THEME_LIGHT);
  rs = draw (rtl, ACCORD_CHART_THEME_LIGHT);
  g_assert_true (accord_lifecycle_layout_today_x (ltr, &lx));
  g_assert_true (accord_lifecycle_layout_today_x (rtl, &rx));
  {
    int y = (int) accord_lifecycle_layout_score_y (ltr, 5);

    g_assert_cmphex (chart_test_pixel (ls, (int) round (lx) - 1, y), ==, chart_test_rgb (&light->today));
    g_assert_cmphex (chart_test_pixel (rs, (int) round (rx) - 1, y), ==, chart_test_rgb (&light->today));
    g_assert_cmphex (chart_test_pixel (ls, (int) round (rx) - 1, y), !=, chart_test_rgb (&light->today));
  }
  cairo_surface_destroy (ls);
  cairo_surface_destroy (rs);
}

static void
assert_round_trip (const AccordLifecycleLayout *layout,
                   AccordLifecycleHitKind       kind,
                   int                          index)
{
  AccordLifecycleHit hit = { kind, index }, back;
  AccordChartRect rect;

  g_assert_true (accord_lifecycle_chart_hit_rect (layout, &hit, &rect));
  g_assert_true (accord_lifecycle_chart_hit_test (layout, rect.x + rect.width / 2,
                                                  rect.y + rect.height / 2, &back));
  g_assert_cmpint (back.kind, ==, kind);
  g_assert_cmpint (back.index, ==, index);
}

static void
test_hit_test (void)
{
  g_autoptr(AccordLifecycleLayout) layout = make_layout (&acme, WIDTH, HEIGHT, FALSE);
  const AccordLifecycleBand *bands;
  const AccordLifecyclePoint *points;
  const AccordLifecycleMarkerGeometry *geoms;
  AccordLifecycleHit hit;
  guint n;
  double today_x, y20 = accord_lifecycle_layout_score_y (layout, 20);

  bands = accord_lifecycle_layout_get_bands (layout, &n);
  points = accord_lifecycle_layout_get_points (layout, &n);
  geoms = accord_lifecycle_layout_get_markers (layout, &n);

  /* A stage's strip and its wash. */
  g_assert_true (accord_lifecycle_chart_hit_test (layout, bands[4].strip.x + bands[4].strip.width / 2,
                                                  bands[4].strip.y + bands[4].strip.height / 2, &hit));
  g_assert_cmpint (hit.kind, ==, ACCORD_LIFECYCLE_HIT_SPAN);
  g_assert_cmpint (hit.index, ==, 4);
  g_assert_true (accord_lifecycle_chart_hit_test (layout, bands[1].band.x + bands[1].band.width / 2,
                                                  accord_lifecycle_layout_score_y (layout, 50), &hit));
  g_assert_cmpint (hit.kind, ==, ACCORD_LIFECYCLE_HIT_SPAN);
  g_assert_cmpint (hit.index, ==, 1);

  /* A point of the line, a little off its centre: the score's index in
   * the data, not its place along the line. */
  g_assert_true (accord_lifecycle_chart_hit_test (layout, points[1].x + 2, points[1].y + 1, &hit));
  g_assert_cmpint (hit.kind, ==, ACCORD_LIFECYCLE_HIT_SCORE);
  g_assert_cmpint (hit.index, ==, points[1].score);
  g_assert_cmpint (hit.index, ==, 0);

  /* A marker, by its symbol and by its line. */
  g_assert_true (accord_lifecycle_chart_hit_test (layout, geoms[3].symbol.x + 5, geoms[3].symbol.y + 5, &hit));
  g_assert_cmpint (hit.kind, ==, ACCORD_LIFECYCLE_HIT_MARKER);
  g_assert_cmpint (hit.index, ==, 3);
  g_assert_true (accord_lifecycle_chart_hit_test (layout, geoms[3].x + 1, y20, &hit));
  g_assert_cmpint (hit.kind, ==, ACCORD_LIFECYCLE_HIT_MARKER);
  g_assert_cmpint (hit.index, ==, 3);

  /* Today's line. */
  g_assert_true (accord_lifecycle_layout_today_x (layout, &today_x));
  g_assert_true (accord_lifecycle_chart_hit_test (layout, today_x + 1, y20, &hit));
  g_assert_cmpint (hit.kind, ==, ACCORD_LIFECYCLE_HIT_TODAY);

  /* Between today and the notice deadline, nothing but the wash of no stage. */
  g_assert_false (accord_lifecycle_chart_hit_test (layout, (today_x + geoms[3].x) / 2, y20, &hit));
  g_assert_cmpint (hit.kind, ==, ACCORD_LIFECYCLE_HIT_NONE);
  g_assert_false (accord_lifecycle_chart_hit_test (layout, 1, HEIGHT - 1, &hit));

  /* What hit_rect says is where hit-testing finds it. */
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    assert_round_trip (layout, ACCORD_LIFECYCLE_HIT_SCORE, (int) i);
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    assert_round_trip (layout, ACCORD_LIFECYCLE_HIT_MARKER, (int) i);
  assert_round_trip (layout, ACCORD_LIFECYCLE_HIT_SPAN, 2);
}

static void
assert_tooltip (AccordLifecycleHitKind  kind,
                int                     index,
                const char             *expected)
{
  AccordLifecycleHit hit = { kind, index };
  g_autofree char *text = accord_lifecycle_chart_tooltip (&acme, &hit);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_tooltips (void)
{
  assert_tooltip (ACCORD_LIFECYCLE_HIT_SPAN, 4, "Growing\nFrom 2 June 2025 to 3 November 2025 (154 days)");
  assert_tooltip (ACCORD_LIFECYCLE_HIT_SPAN, 6, "Growing\nSince 3 March 2026 (29 days)");
  assert_tooltip (ACCORD_LIFECYCLE_HIT_SCORE, 4, "Health 72 (Healthy)\n20 March 2026");
  assert_tooltip (ACCORD_LIFECYCLE_HIT_SCORE, 2, "Health 64 (Watch)\n1 December 2025");
  assert_tooltip (ACCORD_LIFECYCLE_HIT_MARKER, 3, "Notice deadline\nNotice deadline, 1 June 2026 (in 61 days)");
  assert_tooltip (ACCORD_LIFECYCLE_HIT_MARKER, 1, "Quarterly review\nReview, 1 September 2025 (212 days ago)");
  assert_tooltip (ACCORD_LIFECYCLE_HIT_TODAY, -1, "Today, 1 April 2026");
  assert_tooltip (ACCORD_LIFECYCLE_HIT_NONE, -1, NULL);
}

static void
test_describe (void)
{
  static const AccordLifecycleScore rising[] = { { "2026-02-01", 60 }, { "2026-01-01", 50 } };
  static const AccordLifecycleScore flat[] = { { "2026-01-01", 30 }, { "2026-02-01", 30 } };
  static const AccordLifecycleSpan ended[] = {
    { ACCORD_STAGE_GROWING, "2025-01-01", "2025-06-01" },
    { ACCORD_STAGE_ENDED, "2025-06-01", NULL },
  };
  const struct
  {
    AccordLifecycleData data;
    const char         *expected;
  } cases[] = {
    { acme,
      "Acme has been Growing since 3 March 2026. "
      "Health 72 (Healthy), down from 80 at the review on 1 February 2026. "
      "Next: Notice deadline on 1 June 2026." },
    { { "Beta", "2026-03-01", spans + 6, 1, rising, 2, NULL, 0 },
      "Beta has been Growing since 3 March 2026. Health 60 (Watch), up from 50 on 1 January 2026." },
    { { "Beta", "2026-03-01", spans, 1, flat, 2, NULL, 0 },
      "Beta was Identified from 6 January 2025 to 3 February 2025. "
      "Health 30 (At risk), unchanged since 1 January 2026." },
    { { "Gamma", "2026-03-01", ended, 2, NULL, 0, NULL, 0 },
      "Gamma ended on 1 June 2025. No health score yet." },
    { { "Delta", "2026-03-01", NULL, 0, rising + 1, 1, NULL, 0 },
      "Delta has no recorded stages yet. Health 50 (Watch) on 1 January 2026." },
    { { NULL, "2026-03-01", NULL, 0, NULL, 0, NULL, 0 },
      "This partner has no recorded history yet." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = accord_lifecycle_chart_describe (&cases[i].data);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_table (void)
{
  static const AccordLifecycleScore bad[] = { { "2026-13-01", 50 }, { "2026-01-01", 101 } };
  g_autoptr(AccordChartTable) table = accord_lifecycle_chart_table (&acme);
  AccordLifecycleData partial = { "Beta", NULL, NULL, 0, bad, 2, NULL, 0 };
  g_autoptr(AccordChartTable) small = accord_lifecycle_chart_table (&partial);
  char **row;

  g_assert_cmpuint (table->n_columns, ==, 3);
  g_assert_cmpstr (table->headers[0], ==, "Date");
  g_assert_cmpuint (table->rows->len, ==, G_N_ELEMENTS (spans) + G_N_ELEMENTS (scores) + G_N_ELEMENTS (markers));

  row = g_ptr_array_index (table->rows, 0);
  g_assert_cmpstr (row[0], ==, "6 January 2025");
  g_assert_cmpstr (row[1], ==, "Stage: Identified");
  g_assert_cmpstr (row[2], ==, "Until 3 February 2025");
  g_assert_null (row[3]);
  /* The launch day: the stage, its score, then the launch marker. */
  row = g_ptr_array_index (table->rows, 4);
  g_assert_cmpstr (row[1], ==, "Stage: Growing");
  row = g_ptr_array_index (table->rows, 5);
  g_assert_cmpstr (row[0], ==, "2 June 2025");
  g_assert_cmpstr (row[1], ==, "Health score");
  g_assert_cmpstr (row[2], ==, "85 (Healthy)");
  row = g_ptr_array_index (table->rows, 6);
  g_assert_cmpstr (row[1], ==, "Launch");
  row = g_ptr_array_index (table->rows, table->rows->len - 1);
  g_assert_cmpstr (row[0], ==, "1 July 2026");
  g_assert_cmpstr (row[1], ==, "Renewal");
  g_assert_cmpstr (row[2], ==, "Renewal");

  /* Not-dates are left out; scores are clamped. */
  g_assert_cmpuint (small->rows->len, ==, 1);
  row = g_ptr_array_index (small->rows, 0);
  g_assert_cmpstr (row[2], ==, "100 (Healthy)");
}

static guint
count_pixels_not (cairo_surface_t *surface,
                  guint32          colour,
                  int              x0,
                  int              y0,
                  int              x1,
                  int              y1)
{
  guint n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      n += chart_test_pixel (surface, x, y) != colour;
  return n;
}

static void
test_empty (void)
{
  const AccordChartPalette *light = accord_chart_palette_get (ACCORD_CHART_THEME_LIGHT);
  AccordLifecycleData nothing = { "Acme", "2026-04-01", NULL, 0, NULL, 0, NULL, 0 };
  AccordLifecycleData no_today = { NULL, NULL, NULL, 0, NULL, 0, NULL, 0 };
  g_autoptr(AccordLifecycleLayout) layout = make_layout (&nothing, 400, 240, FALSE);
  g_autoptr(AccordLifecycleLayout) bare = make_layout (&no_today, 400, 240, FALSE);
  g_autoptr(AccordLifecycleLayout) tiny = make_layout (&acme, 0, 0, FALSE);
  const AccordChartRect *plot = accord_lifecycle_layout_get_plot (layout);
  g_autofree AccordChartRect *texts = NULL;
  cairo_surface_t *surface, *surface2, *surface3;
  guint n, n_texts;
  double y30, y60;
  gboolean message_found = FALSE;

  g_assert_true (accord_lifecycle_layout_is_empty (layout));
  accord_lifecycle_layout_get_bands (layout, &n);
  g_assert_cmpuint (n, ==, 0);
  accord_lifecycle_layout_get_points (layout, &n);
  g_assert_cmpuint (n, ==, 0);

  surface = draw (layout, ACCORD_CHART_THEME_LIGHT);
  /* Background everywhere off the axes and text... */
  g_assert_cmphex (chart_test_pixel (surface, 1, 1), ==, chart_test_rgb (&light->background));
  y60 = accord_lifecycle_layout_score_y (layout, 60);
  g_assert_cmphex (chart_test_pixel (surface, (int) (plot->x + 20), (int) y60), ==,
                   chart_test_rgb (&light->background));
  /* ... except the message in the middle of the plot. */
  texts = accord_lifecycle_layout_get_text_rects (layout, &n_texts);
  for (guint i = 0; i < n_texts; i++)
    if (texts[i].x > plot->x + 40 && texts[i].x + texts[i].width < plot->x + plot->width - 40 &&
        texts[i].y > plot->y + 10 && texts[i].y + texts[i].height < plot->y + plot->height)
      {
        g_assert_cmpuint (count_pixels_not (surface, chart_test_rgb (&light->background),
                                            (int) texts[i].x, (int) texts[i].y,
                                            (int) (texts[i].x + texts[i].width),
                                            (int) (texts[i].y + texts[i].height)), >, 20);
        message_found = TRUE;
      }
  g_assert_true (message_found);
  /* Between the guides, left of the message, nothing is drawn. */
  y30 = accord_lifecycle_layout_score_y (layout, 30);
  g_assert_cmpuint (count_pixels_not (surface, chart_test_rgb (&light->background),
                                      (int) plot->x + 2, (int) y30 + 2, (int) plot->x + 40,
                                      (int) accord_lifecycle_layout_score_y (layout, 10) - 2), ==, 0);

  /* No today, no data, no size: still draws, without warnings. */
  g_assert_true (accord_lifecycle_layout_is_empty (bare));
  g_assert_false (accord_lifecycle_layout_today_x (bare, NULL));
  surface2 = draw (bare, ACCORD_CHART_THEME_DARK);
  surface3 = draw (tiny, ACCORD_CHART_THEME_DARK);

  cairo_surface_destroy (surface);
  cairo_surface_destroy (surface2);
  cairo_surface_destroy (surface3);
}

static void
test_single_point (void)
{
  static const AccordLifecycleScore one[] = { { "2026-02-01", 85 } };
  AccordLifecycleData data = { "Acme", NULL, NULL, 0, one, 1, NULL, 0 };
  g_autoptr(AccordLifecycleLayout) layout = make_layout (&data, 400, 240, FALSE);
  const AccordChartPalette *light = accord_chart_palette_get (ACCORD_CHART_THEME_LIGHT);
  const AccordChartRect *plot = accord_lifecycle_layout_get_plot (layout);
  const AccordLifecyclePoint *points;
  cairo_surface_t *surface;
  AccordLifecycleHit hit;
  guint n;

  g_assert_false (accord_lifecycle_layout_is_empty (layout));
  points = accord_lifecycle_layout_get_points (layout, &n);
  g_assert_cmpuint (n, ==, 1);
  /* A lone date gets a range around it, so it sits mid-plot. */
  g_assert_cmpfloat (fabs (points[0].x - (plot->x + plot->width / 2)), <, plot->width / 20);
  g_assert_cmpfloat (points[0].y, >, plot->y);

  surface = draw (layout, ACCORD_CHART_THEME_LIGHT);
  g_assert_cmphex (chart_test_pixel (surface, (int) points[0].x, (int) points[0].y), ==,
                   chart_test_rgb (&light->bands[ACCORD_HEALTH_HEALTHY]));
  cairo_surface_destroy (surface);

  g_assert_true (accord_lifecycle_chart_hit_test (layout, points[0].x, points[0].y, &hit));
  g_assert_cmpint (hit.kind, ==, ACCORD_LIFECYCLE_HIT_SCORE);
  g_assert_cmpint (hit.index, ==, 0);
}

static void
test_dark_palette (void)
{
  g_autoptr(AccordLifecycleLayout) layout = make_layout (&acme, WIDTH, HEIGHT, FALSE);
  const AccordChartPalette *light = accord_chart_palette_get (ACCORD_CHART_THEME_LIGHT);
  const AccordChartPalette *dark = accord_chart_palette_get (ACCORD_CHART_THEME_DARK);
  cairo_surface_t *ls = draw (layout, ACCORD_CHART_THEME_LIGHT);
  cairo_surface_t *ds = draw (layout, ACCORD_CHART_THEME_DARK);
  guint light_bg = 0, dark_bg = 0;

  g_assert_cmphex (chart_test_rgb (&light->background), !=, chart_test_rgb (&dark->background));
  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      {
        light_bg += chart_test_pixel (ls, x, y) == chart_test_rgb (&light->background);
        dark_bg += chart_test_pixel (ds, x, y) == chart_test_rgb (&dark->background);
      }
  /* The margins are background in both, in each palette's own colour. */
  g_assert_cmpuint (light_bg, >, WIDTH * HEIGHT / 5);
  g_assert_cmpuint (dark_bg, >, WIDTH * HEIGHT / 5);
  /* Same geometry, so about as many background pixels in each. */
  g_assert_cmpuint (ABS ((int) light_bg - (int) dark_bg), <, (int) light_bg / 10);
  g_assert_cmphex (chart_test_pixel (ls, 1, 1), ==, chart_test_rgb (&light->background));
  g_assert_cmphex (chart_test_pixel (ds, 1, 1), ==, chart_test_rgb (&dark->background));

  /* Every theme differs from the others somewhere. */
  for (guint a = 0; a < ACCORD_CHART_N_THEMES; a++)
    for (guint b = a + 1; b < ACCORD_CHART_N_THEMES; b++)
      g_assert_true (memcmp (accord_chart_palette_get (a), accord_chart_palette_get (b),
                             sizeof (AccordChartPalette)) != 0);

  cairo_surface_destroy (ls);
  cairo_surface_destroy (ds);
}

/* The reference: Acme at 480x240 without a title, light. Text is masked
 * out of the comparison (fonts differ between machines); everything else
 * must match within the tolerance in chart-test-util.h. Regenerate with
 * ACCORD_UPDATE_REFERENCES=1 meson test -C build test-lifecycle-chart
 * after an intended change, and look at the new image before committing. */
static void
compare_with_reference (const AccordLifecycleData *data,
                        AccordChartTheme           theme,
                        gboolean                   expect_match)
{
  g_autoptr(AccordLifecycleLayout) layout = make_layout (data, 480, 240, FALSE);
  g_autofree AccordChartRect *texts = NULL;
  cairo_surface_t *surface = draw (layout, theme);
  guint n_texts, changed = 0, compared = 0;
  gboolean same;

  texts = accord_lifecycle_layout_get_text_rects (layout, &n_texts);
  same = chart_test_compare_reference (surface, "lifecycle.png", texts, n_texts, &changed, &compared);
  if (expect_match)
    g_assert_true (same);
  else
    {
      g_assert_false (same);
      g_assert_cmpuint (changed, >, 0);
      g_assert_cmpuint (compared, >, 0);
    }
  cairo_surface_destroy (surface);
}

static void
test_reference_image (void)
{
  compare_with_reference (&acme, ACCORD_CHART_THEME_LIGHT, TRUE);
}

static void
test_reference_detects_changes (void)
{
  AccordLifecycleSpan changed_spans[G_N_ELEMENTS (spans)];
  AccordLifecycleData changed = acme;

  if (chart_test_updating_references ())
    {
      g_test_skip ("writing the references");
      return;
    }

  /* Another palette, and one stage drawn as another: both must fail. */
  compare_with_reference (&acme, ACCORD_CHART_THEME_DARK, FALSE);
  memcpy (changed_spans, spans, sizeof spans);
  changed_spans[4].stage = ACCORD_STAGE_RENEWING;
  changed.spans = changed_spans;
  compare_with_reference (&changed, ACCORD_CHART_THEME_LIGHT, FALSE);
}

static void
test_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("accord-chart-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "acme.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "acme.SVG", NULL);
  g_autofree char *pdf = g_build_filename (dir, "acme.pdf", NULL);
  g_autofree char *txt = g_build_filename (dir, "acme.txt", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "missing", "acme.png", NULL);
  g_autofree char *svg_text = NULL;
  const AccordChartPalette *dark = accord_chart_palette_get (ACCORD_CHART_THEME_DARK);
  AccordChartOptions options = { .show_title = TRUE };
  cairo_surface_t *loaded;

  g_assert_no_error (error);

  g_assert_true (accord_lifecycle_chart_export (&acme, png, 640, 300, &options, dark, &error));
  g_assert_no_error (error);
  g_assert_true (chart_test_file_starts_with (png, "\x89PNG\r\n\x1a\n", 8));
  loaded = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (loaded), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (loaded), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (loaded), ==, 300);
  g_assert_cmphex (chart_test_pixel (loaded, 0, 0), ==, chart_test_rgb (&dark->background));
  cairo_surface_destroy (loaded);

  g_assert_true (accord_lifecycle_chart_export (&acme, svg, 640, 300, &options, dark, &error));
  g_assert_no_error (error);
  g_assert_true (chart_test_file_starts_with (svg, "<?xml", 5));
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, "<svg"));
  g_assert_nonnull (strstr (svg_text, "</svg>"));

  g_assert_true (accord_lifecycle_chart_export (&acme, pdf, 640, 300, &options, dark, &error));
  g_assert_no_error (error);
  g_assert_true (chart_test_file_starts_with (pdf, "%PDF-", 5));

  /* An unknown extension writes nothing; an impossible path says so. */
  g_assert_false (accord_lifecycle_chart_export (&acme, txt, 640, 300, &options, dark, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  g_assert_false (accord_lifecycle_chart_export (&acme, nowhere, 640, 300, &options, dark, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);

  g_remove (png);
  g_remove (svg);
  g_remove (pdf);
  g_rmdir (dir);
}

/* Printing draws into a context someone else made, scaled: the chart
 * covers exactly the size asked for. */
static void
test_render_into_context (void)
{
  const AccordChartPalette *dark = accord_chart_palette_get (ACCORD_CHART_THEME_DARK);
  cairo_surface_t *surface = chart_test_surface_new (400, 200);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_paint (cr);
  cairo_scale (cr, 0.5, 0.5);
  accord_lifecycle_chart_render (cr, &acme, 600, 300, NULL, dark);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  g_assert_cmphex (chart_test_pixel (surface, 1, 1), ==, chart_test_rgb (&dark->background));
  g_assert_cmphex (chart_test_pixel (surface, 298, 148), ==, chart_test_rgb (&dark->background));
  g_assert_cmphex (chart_test_pixel (surface, 302, 152), ==, 0xffff0000);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lifecycle-chart/layout", test_layout_geometry);
  g_test_add_func ("/lifecycle-chart/rtl-mirrors", test_rtl_mirrors);
  g_test_add_func ("/lifecycle-chart/hit-test", test_hit_test);
  g_test_add_func ("/lifecycle-chart/tooltips", test_tooltips);
  g_test_add_func ("/lifecycle-chart/describe", test_describe);
  g_test_add_func ("/lifecycle-chart/table", test_table);
  g_test_add_func ("/lifecycle-chart/empty", test_empty);
  g_test_add_func ("/lifecycle-chart/single-point", test_single_point);
  g_test_add_func ("/lifecycle-chart/dark-palette", test_dark_palette);
  g_test_add_func ("/lifecycle-chart/reference-image", test_reference_image);
  g_test_add_func ("/lifecycle-chart/reference-detects-changes", test_reference_detects_changes);
  g_test_add_func ("/lifecycle-chart/export", test_export);
  g_test_add_func ("/lifecycle-chart/render-into-context", test_render_into_context);

  return g_test_run ();
}
