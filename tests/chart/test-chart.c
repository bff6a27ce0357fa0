/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "accord-chart.h"

static const AccordChartBar bars[] = {
  { "Upstream", 10 },
  { "Parallel", 5 },
  { "Downstream", 0 },
};

static const AccordChartColors colours = {
  .foreground = { 0, 0, 0, 1 },
  .bar = { 0, 0, 1, 1 },
  .track = { 0.9, 0.9, 0.9, 1 },
};

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(guint32 *) (data + y * stride + x * 4);
}

static AccordChartLayout *
make_layout (gboolean rtl)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  PangoContext *pango = pango_cairo_create_context (cr);
  AccordChartLayout *layout = accord_chart_bars_layout (bars, G_N_ELEMENTS (bars), 400, 200,
                                                        pango, rtl);

  g_object_unref (pango);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return layout;
}

static void
test_layout_scales (void)
{
  g_autoptr(AccordChartLayout) layout = make_layout (FALSE);

  g_assert_cmpuint (layout->n_bars, ==, 3);
  /* The largest value fills its track; half the value, half the length. */
  g_assert_cmpfloat_with_epsilon (layout->bars[0].width, layout->tracks[0].width, 0.001);
  g_assert_cmpfloat_with_epsilon (layout->bars[1].width, layout->tracks[1].width / 2, 0.001);
  g_assert_cmpfloat_with_epsilon (layout->bars[2].width, 0, 0.001);
  /* Rows go down in order and stay inside the area. */
  g_assert_cmpfloat (layout->tracks[1].y, >, layout->tracks[0].y);
  g_assert_cmpfloat (layout->tracks[2].y + layout->tracks[2].height, <=, 200);
  g_assert_cmpfloat (layout->labels[0].x + layout->labels[0].width, <=, layout->tracks[0].x);
}

static void
test_rtl_mirrors (void)
{
  g_autoptr(AccordChartLayout) ltr = make_layout (FALSE);
  g_autoptr(AccordChartLayout) rtl = make_layout (TRUE);

  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpfloat_with_epsilon (rtl->tracks[i].x, 400 - ltr->tracks[i].x - ltr->tracks[i].width, 0.001);
      g_assert_cmpfloat_with_epsilon (rtl->bars[i].x + rtl->bars[i].width,
                                      400 - ltr->bars[i].x, 0.001);
    }
  /* Labels sit on the right in right-to-left. */
  g_assert_cmpfloat (rtl->labels[0].x, >, rtl->tracks[0].x);
}

static void
test_draw_and_hit (void)
{
  g_autoptr(AccordChartLayout) layout = make_layout (FALSE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 200);
  cairo_t *cr = cairo_create (surface);
  const AccordChartRect *b0 = &layout->bars[0];
  const AccordChartRect *b1 = &layout->bars[1];
  const AccordChartRect *t1 = &layout->tracks[1];
  int y0 = (int) (b0->y + b0->height / 2);
  int y1 = (int) (b1->y + b1->height / 2);

  accord_chart_bars_draw (cr, bars, layout, &colours);
  cairo_surface_flush (surface);

  /* Opaque blue where a bar is, the grey track past the end of bar 1. */
  g_assert_cmphex (pixel (surface, (int) (b0->x + b0->width - 2), y0), ==, 0xff0000ff);
  g_assert_cmphex (pixel (surface, (int) (b1->x + b1->width / 2), y1), ==, 0xff0000ff);
  g_assert_cmphex (pixel (surface, (int) (t1->x + t1->width - 2), y1), !=, 0xff0000ff);
  g_assert_cmphex (pixel (surface, (int) (t1->x + t1->width - 2), y1) & 0xff000000, ==, 0xff000000);

  g_assert_cmpint (accord_chart_layout_hit_test (layout, b0->x + 1, y0), ==, 0);
  g_assert_cmpint (accord_chart_layout_hit_test (layout, t1->x + t1->width - 1, y1), ==, 1);
  g_assert_cmpint (accord_chart_layout_hit_test (layout, 5, 199), ==, -1);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/layout-scales", test_layout_scales);
  g_test_add_func ("/chart/rtl-mirrors", test_rtl_mirrors);
  g_test_add_func ("/chart/draw-and-hit", test_draw_and_hit);

  return g_test_run ();
}
