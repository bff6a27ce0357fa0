/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "chart-test-util.h"

#include <string.h>

#define TEXT_MARGIN 3

PangoContext *
chart_test_pango_new (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  PangoContext *pango = pango_cairo_create_context (cr);
  PangoFontDescription *font = pango_font_description_from_string (ACCORD_CHART_DEFAULT_FONT);

  pango_context_set_font_description (pango, font);
  pango_font_description_free (font);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return pango;
}

cairo_surface_t *
chart_test_surface_new (int width,
                        int height)
{
  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
}

guint32
chart_test_pixel (cairo_surface_t *surface,
                  int              x,
                  int              y)
{
  unsigned char *data;
  int stride;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  return *(guint32 *) (void *) (data + y * stride + x * 4);
}

guint32
chart_test_rgb (const AccordChartColor *color)
{
  guint32 r = (guint32) (color->red * 255 + 0.5);
  guint32 g = (guint32) (color->green * 255 + 0.5);
  guint32 b = (guint32) (color->blue * 255 + 0.5);

  return 0xff000000u | r << 16 | g << 8 | b;
}

static gboolean
in_text (const AccordChartRect *rects,
         guint                  n,
         int                    x,
         int                    y)
{
  for (guint i = 0; i < n; i++)
    if (x >= rects[i].x - TEXT_MARGIN && x < rects[i].x + rects[i].width + TEXT_MARGIN &&
        y >= rects[i].y - TEXT_MARGIN && y < rects[i].y + rects[i].height + TEXT_MARGIN)
      return TRUE;
  return FALSE;
}

static guint
channel_diff (guint32 a,
              guint32 b)
{
  guint worst = 0;

  for (int shift = 0; shift < 32; shift += 8)
    {
      int ca = (a >> shift) & 0xff, cb = (b >> shift) & 0xff;

      worst = MAX (worst, (guint) ABS (ca - cb));
    }
  return worst;
}

gboolean
chart_test_compare_reference (cairo_surface_t       *surface,
                              const char            *name,
                              const AccordChartRect *text_rects,
                              guint                  n_text_rects,
                              guint                 *changed,
                              guint                 *compared)
{
  g_autofree char *path = NULL;
  cairo_surface_t *reference;
  int width, height;
  guint n_changed = 0, n_compared = 0;
  gboolean ok;

  cairo_surface_flush (surface);
  if (chart_test_updating_references ())
    {
      path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "chart", "reference", name, NULL);
      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote the reference %s", path);
      if (changed != NULL)
        *changed = 0;
      if (compared != NULL)
        *compared = 0;
      return TRUE;
    }

  path = g_test_build_filename (G_TEST_DIST, "chart", "reference", name, NULL);
  reference = cairo_image_surface_create_from_png (path);
  if (cairo_surface_status (reference) != CAIRO_STATUS_SUCCESS)
    {
      g_test_message ("cannot read the reference %s: %s", path,
                      cairo_status_to_string (cairo_surface_status (reference)));
      cairo_surface_destroy (reference);
      return FALSE;
    }

  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  if (cairo_image_surface_get_width (reference) != width ||
      cairo_image_surface_get_height (reference) != height)
    {
      g_test_message ("%s is %dx%d, the drawing %dx%d", name,
                      cairo_image_surface_get_width (reference),
                      cairo_image_surface_get_height (reference), width, height);
      cairo_surface_destroy (reference);
      return FALSE;
    }

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        if (in_text (text_rects, n_text_rects, x, y))
          continue;
        n_compared++;
        if (channel_diff (chart_test_pixel (surface, x, y), chart_test_pixel (reference, x, y)) >
            CHART_TEST_CHANNEL_TOLERANCE)
          n_changed++;
      }
  cairo_surface_destroy (reference);

  /* The mask must not hide most of the picture, or nothing is compared. */
  ok = n_compared >= (guint) (width * height / 2) &&
       (guint64) n_changed * 1000 <= (guint64) n_compared * CHART_TEST_CHANGED_PERMILLE;
  g_test_message ("%s: %u of %u compared pixels changed", name, n_changed, n_compared);
  if (!ok)
    {
      g_autofree char *actual = g_build_filename (g_get_tmp_dir (), name, NULL);

      if (cairo_surface_write_to_png (surface, actual) == CAIRO_STATUS_SUCCESS)
        g_test_message ("the drawing is in %s", actual);
    }
  if (changed != NULL)
    *changed = n_changed;
  if (compared != NULL)
    *compared = n_compared;
  return ok;
}

gboolean
chart_test_file_starts_with (const char *path,
                             const char *magic,
                             gsize       magic_len)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return length >= magic_len && memcmp (contents, magic, magic_len) == 0;
}

gboolean
chart_test_updating_references (void)
{
  return g_strcmp0 (g_getenv ("ACCORD_UPDATE_REFERENCES"), "1") == 0;
}
