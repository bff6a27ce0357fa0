/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "accord-chart.h"

#define PADDING 12.0
#define GAP 12.0
#define ROW_SPACING 8.0
#define MAX_ROW_HEIGHT 28.0

static PangoLayout *
label_layout (PangoContext *pango,
              const char   *text)
{
  PangoLayout *layout = pango_layout_new (pango);

  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

AccordChartLayout *
accord_chart_bars_layout (const AccordChartBar *bars,
                          guint                 n,
                          int                   width,
                          int                   height,
                          PangoContext         *pango,
                          gboolean              rtl)
{
  AccordChartLayout *layout;
  double label_width = 0;
  double max_value = 0;
  double row_height, bar_area;

  g_return_val_if_fail (n == 0 || bars != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (pango), NULL);

  layout = g_new0 (AccordChartLayout, 1);
  layout->n_bars = n;
  layout->width = width;
  layout->height = height;
  layout->rtl = rtl;
  layout->bars = g_new0 (AccordChartRect, n);
  layout->tracks = g_new0 (AccordChartRect, n);
  layout->labels = g_new0 (AccordChartRect, n);
  if (n == 0)
    return layout;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) pl = label_layout (pango, bars[i].label);
      int w, h;

      pango_layout_get_pixel_size (pl, &w, &h);
      label_width = MAX (label_width, w);
      layout->labels[i].width = w;
      layout->labels[i].height = h;
      max_value = MAX (max_value, bars[i].value);
    }

  /* Labels never take more than a third of the width. */
  label_width = MIN (label_width, width / 3.0);
  row_height = MIN (MAX_ROW_HEIGHT, (height - 2 * PADDING - (n - 1) * ROW_SPACING) / n);
  row_height = MAX (row_height, 1.0);
  bar_area = MAX (0.0, width - 2 * PADDING - label_width - GAP);

  for (guint i = 0; i < n; i++)
    {
      double y = PADDING + i * (row_height + ROW_SPACING);
      double fraction = max_value > 0 ? MAX (0.0, bars[i].value) / max_value : 0.0;
      double track_x = PADDING + label_width + GAP;
      double label_x = PADDING + label_width - MIN (layout->labels[i].width, label_width);

      layout->tracks[i] = (AccordChartRect) { track_x, y, bar_area, row_height };
      layout->bars[i] = (AccordChartRect) { track_x, y, bar_area * fraction, row_height };
      layout->labels[i].x = label_x;
      layout->labels[i].width = MIN (layout->labels[i].width, label_width);
      layout->labels[i].y = y + (row_height - layout->labels[i].height) / 2.0;

      if (rtl)
        {
          /* Mirror every rectangle around the vertical centre line. */
          AccordChartRect *rects[] = { &layout->tracks[i], &layout->bars[i], &layout->labels[i] };
          for (guint r = 0; r < G_N_ELEMENTS (rects); r++)
            rects[r]->x = width - rects[r]->x - rects[r]->width;
        }
    }

  return layout;
}

void
accord_chart_layout_free (AccordChartLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->bars);
  g_free (layout->tracks);
  g_free (layout->labels);
  g_free (layout);
}

static void
set_colour (cairo_t      *cr,
            const double  rgba[4])
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
}

void
accord_chart_bars_draw (cairo_t                 *cr,
                        const AccordChartBar    *bars,
                        const AccordChartLayout *layout,
                        const AccordChartColors *colors)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (colors != NULL);

  for (guint i = 0; i < layout->n_bars; i++)
    {
      const AccordChartRect *t = &layout->tracks[i];
      const AccordChartRect *b = &layout->bars[i];
      const AccordChartRect *l = &layout->labels[i];
      g_autoptr(PangoLayout) pl = pango_cairo_create_layout (cr);

      set_colour (cr, colors->track);
      cairo_rectangle (cr, t->x, t->y, t->width, t->height);
      cairo_fill (cr);

      set_colour (cr, colors->bar);
      cairo_rectangle (cr, b->x, b->y, b->width, b->height);
      cairo_fill (cr);

      pango_layout_set_text (pl, bars[i].label ? bars[i].label : "", -1);
      pango_layout_set_width (pl, (int) (l->width * PANGO_SCALE));
      pango_layout_set_ellipsize (pl, PANGO_ELLIPSIZE_END);
      set_colour (cr, colors->foreground);
      cairo_move_to (cr, l->x, l->y);
      pango_cairo_show_layout (cr, pl);
    }
}

int
accord_chart_layout_hit_test (const AccordChartLayout *layout,
                              double                   x,
                              double                   y)
{
  g_return_val_if_fail (layout != NULL, -1);

  for (guint i = 0; i < layout->n_bars; i++)
    {
      const AccordChartRect *t = &layout->tracks[i];
      const AccordChartRect *l = &layout->labels[i];
      double left = MIN (t->x, l->x);
      double right = MAX (t->x + t->width, l->x + l->width);

      if (y >= t->y && y < t->y + t->height && x >= left && x < right)
        return (int) i;
    }
  return -1;
}
