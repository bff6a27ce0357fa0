/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-lifecycle-chart.h"
#include "accord-chart-private.h"

#include <glib/gi18n.h>
#include <math.h>

#define PADDING          12.0
#define AXIS_GAP          6.0   /* between the score axis labels and the plot */
/* The MIN_ sizes are a little larger than the text at the usual UI font
 * needs, so that small differences between fonts move no geometry (and
 * reference images stay comparable). */
#define MIN_AXIS_WIDTH   32.0
#define TICK_LENGTH       4.0
#define MIN_TICK_HEIGHT  16.0
#define MIN_STRIP_HEIGHT 24.0
#define MIN_LANE_HEIGHT  18.0
#define MAX_LANES         3
#define SYMBOL_SIZE      10.0
#define MARKER_LABEL_MAX 160.0
#define LABEL_GAP         6.0
#define POINT_RADIUS      3.5
#define POINT_HIT_RADIUS  8.0
#define LINE_HIT_SLOP     3.0
#define MIN_RANGE_DAYS   28

typedef struct
{
  AccordChartText text;
  guint32         day;
  double          x;
} Tick;

struct _AccordLifecycleLayout
{
  int             width;
  int             height;
  gboolean        rtl;
  gboolean        empty;

  AccordChartRect plot;          /* bands, guides and the line */
  double          strip_y;       /* top of the stage strip */
  double          score_top;     /* y of 100 */
  double          score_bottom;  /* y of 0 */

  gboolean        has_range;
  guint32         first_day;
  guint32         last_day;
  gboolean        has_today;
  double          today_x;

  GArray         *bands;          /* AccordLifecycleBand */
  GArray         *band_labels;    /* AccordChartText, parallel to bands */
  GArray         *points;         /* AccordLifecyclePoint, by date */
  GArray         *markers;        /* AccordLifecycleMarkerGeometry */
  GArray         *marker_labels;  /* AccordChartText, parallel to markers */
  GArray         *ticks;          /* Tick */

  AccordChartText title;
  AccordChartText empty_text;
  AccordChartText today_text;
  AccordChartText axis_labels[4];   /* 0, 40, 70, 100 */
  AccordChartText guide_labels[ACCORD_N_HEALTH_BANDS];
};

static const int axis_values[] = { 0, ACCORD_HEALTH_WATCH_FROM, ACCORD_HEALTH_HEALTHY_FROM, 100 };

static const char *const marker_kind_labels[] = {
  [ACCORD_LIFECYCLE_MARKER_REVIEW] = N_("Review"),
  [ACCORD_LIFECYCLE_MARKER_LAUNCH] = N_("Launch"),
  [ACCORD_LIFECYCLE_MARKER_NOTICE_DEADLINE] = N_("Notice deadline"),
  [ACCORD_LIFECYCLE_MARKER_RENEWAL] = N_("Renewal"),
  [ACCORD_LIFECYCLE_MARKER_TERM_END] = N_("End of term"),
  [ACCORD_LIFECYCLE_MARKER_OTHER] = N_("Event"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (marker_kind_labels) == ACCORD_LIFECYCLE_N_MARKER_KINDS);

const char *
accord_lifecycle_marker_kind_label (AccordLifecycleMarkerKind kind)
{
  g_return_val_if_fail ((guint) kind < ACCORD_LIFECYCLE_N_MARKER_KINDS, NULL);
  return _(marker_kind_labels[kind]);
}

static const char *
marker_text (const AccordLifecycleMarker *marker)
{
  if (marker->label != NULL && marker->label[0] != '\0')
    return marker->label;
  if ((guint) marker->kind < ACCORD_LIFECYCLE_N_MARKER_KINDS)
    return _(marker_kind_labels[marker->kind]);
  return _(marker_kind_labels[ACCORD_LIFECYCLE_MARKER_OTHER]);
}

/* The kind's name, for kinds out of range too. */
static const char *
marker_kind_name (AccordLifecycleMarkerKind kind)
{
  if ((guint) kind >= ACCORD_LIFECYCLE_N_MARKER_KINDS)
    kind = ACCORD_LIFECYCLE_MARKER_OTHER;
  return _(marker_kind_labels[kind]);
}

static void
clear_text_cb (gpointer data)
{
  _accord_chart_text_clear (data);
}

static void
clear_tick_cb (gpointer data)
{
  Tick *tick = data;

  _accord_chart_text_clear (&tick->text);
}

/* The day a span ends on the chart: its own end, or today while it lasts. */
static gboolean
span_days (const AccordLifecycleSpan *span,
           gboolean                   has_today,
           guint32                    today,
           guint32                   *from,
           guint32                   *to)
{
  if (!_accord_chart_parse_date (span->from, from))
    return FALSE;
  if (span->to != NULL && _accord_chart_parse_date (span->to, to))
    ;
  else if (has_today && today > *from)
    *to = today;
  else
    *to = *from;
  if (*to < *from)
    *to = *from;
  return TRUE;
}

static double
day_x (const AccordLifecycleLayout *self,
       guint32                      day)
{
  double span = (double) self->last_day - self->first_day;

  return self->plot.x + ((double) day - self->first_day) * self->plot.width / MAX (span, 1.0);
}

static double
score_y (const AccordLifecycleLayout *self,
         int                          score)
{
  score = CLAMP (score, 0, 100);
  return self->score_bottom - score / 100.0 * (self->score_bottom - self->score_top);
}

typedef struct
{
  guint32 day;
  guint   index;
} DayIndex;

static int
compare_day_index (gconstpointer a,
                   gconstpointer b)
{
  const DayIndex *da = a, *db = b;

  if (da->day != db->day)
    return da->day < db->day ? -1 : 1;
  return da->index < db->index ? -1 : (da->index > db->index);
}

/* The least number of months between ticks so that labels do not touch. */
static int
tick_step_months (double plot_width,
                  double label_width,
                  double span_days_)
{
  static const int steps[] = { 1, 2, 3, 6, 12, 24, 60, 120, 240 };
  double months = span_days_ / 30.44;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if ((months / steps[i] + 1) * (label_width + 2 * LABEL_GAP) <= plot_width)
      return steps[i];
  return steps[G_N_ELEMENTS (steps) - 1];
}

static void
layout_ticks (AccordLifecycleLayout      *self,
              PangoContext               *pango,
              const PangoFontDescription *small,
              double                      axis_y)
{
  AccordChartText sample;
  g_autofree char *sample_str = NULL;
  double last_label_end = -G_MAXDOUBLE;
  GDate date;
  int step, year, month;

  /* September is about the widest month; measure a label of it. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_SEPTEMBER, 2000);
  sample_str = _accord_chart_format_tick (g_date_get_julian (&date), FALSE);
  _accord_chart_text_init (&sample, pango, small, sample_str, 0);
  step = tick_step_months (self->plot.width, sample.rect.width,
                           (double) self->last_day - self->first_day);
  _accord_chart_text_clear (&sample);

  g_date_set_julian (&date, self->first_day);
  year = g_date_get_year (&date);
  month = g_date_get_month (&date);
  for (;;)
    {
      gboolean aligned;
      guint32 day;

      g_date_set_dmy (&date, 1, month, year);
      day = g_date_get_julian (&date);
      if (day > self->last_day)
        break;

      if (step < 12)
        aligned = (month - 1) % step == 0;
      else
        aligned = month == 1 && year % (step / 12) == 0;

      if (aligned && day >= self->first_day)
        {
          Tick tick = { .day = day, .x = day_x (self, day) };
          g_autofree char *label = _accord_chart_format_tick (day, step >= 12);

          _accord_chart_text_init (&tick.text, pango, small, label, 0);
          tick.text.rect.x = tick.x - tick.text.rect.width / 2;
          tick.text.rect.x = CLAMP (tick.text.rect.x, PADDING,
                                    MAX (PADDING, self->width - PADDING - tick.text.rect.width));
          tick.text.rect.y = axis_y + TICK_LENGTH + 2;
          if (tick.text.rect.x < last_label_end + LABEL_GAP)
            _accord_chart_text_clear (&tick.text);  /* keep the tick, drop the label */
          else
            last_label_end = tick.text.rect.x + tick.text.rect.width;
          g_array_append_val (self->ticks, tick);
        }

      if (++month > 12)
        {
          month = 1;
          year++;
        }
    }
}

static int
compare_marker_x (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  GArray *markers = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  double xa = g_array_index (markers, AccordLifecycleMarkerGeometry, ia).x;
  double xb = g_array_index (markers, AccordLifecycleMarkerGeometry, ib).x;

  if (xa != xb)
    return xa < xb ? -1 : 1;
  return ia < ib ? -1 : (ia > ib);
}

/* Assigns marker labels to up to MAX_LANES rows above the plot, left to
 * right, so that no two overlap; a label that fits nowhere is dropped (its
 * tooltip still names it). Returns how many lanes are used. */
static guint
layout_marker_lanes (AccordLifecycleLayout *self,
                     guint                 *lanes)
{
  double lane_end[MAX_LANES];
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->markers->len);
  guint n_lanes = 0;

  for (guint l = 0; l < MAX_LANES; l++)
    lane_end[l] = -G_MAXDOUBLE;

  for (guint i = 0; i < self->markers->len; i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_marker_x, self->markers);

  for (guint k = 0; k < order->len; k++)
    {
      guint i = g_array_index (order, guint, k);
      AccordLifecycleMarkerGeometry *m =
        &g_array_index (self->markers, AccordLifecycleMarkerGeometry, i);
      AccordChartText *text = &g_array_index (self->marker_labels, AccordChartText, i);
      double w = text->rect.width;
      double x = m->x + SYMBOL_SIZE / 2 + 2;
      gboolean placed = FALSE;

      if (x + w > self->width - PADDING)
        x = m->x - SYMBOL_SIZE / 2 - 2 - w;
      x = MAX (x, PADDING);
      text->rect.x = x;

      for (guint l = 0; l < MAX_LANES; l++)
        if (lane_end[l] + LABEL_GAP <= x)
          {
            lane_end[l] = x + w;
            lanes[i] = l;
            n_lanes = MAX (n_lanes, l + 1);
            placed = TRUE;
            break;
          }
      if (!placed)
        {
          _accord_chart_text_clear (text);
          lanes[i] = G_MAXUINT;
        }
    }
  return n_lanes;
}

static void
mirror_text (AccordChartText *text,
             int              width)
{
  _accord_chart_mirror_rect (&text->rect, width);
}

static void
mirror (AccordLifecycleLayout *self)
{
  int w = self->width;

  _accord_chart_mirror_rect (&self->plot, w);
  self->today_x = w - self->today_x;
  mirror_text (&self->title, w);
  mirror_text (&self->empty_text, w);
  mirror_text (&self->today_text, w);
  for (guint i = 0; i < G_N_ELEMENTS (self->axis_labels); i++)
    mirror_text (&self->axis_labels[i], w);
  for (guint i = 0; i < G_N_ELEMENTS (self->guide_labels); i++)
    mirror_text (&self->guide_labels[i], w);
  for (guint i = 0; i < self->bands->len; i++)
    {
      AccordLifecycleBand *b = &g_array_index (self->bands, AccordLifecycleBand, i);

      _accord_chart_mirror_rect (&b->band, w);
      _accord_chart_mirror_rect (&b->strip, w);
      mirror_text (&g_array_index (self->band_labels, AccordChartText, i), w);
    }
  for (guint i = 0; i < self->points->len; i++)
    {
      AccordLifecyclePoint *p = &g_array_index (self->points, AccordLifecyclePoint, i);

      p->x = w - p->x;
    }
  for (guint i = 0; i < self->markers->len; i++)
    {
      AccordLifecycleMarkerGeometry *m =
        &g_array_index (self->markers, AccordLifecycleMarkerGeometry, i);

      m->x = w - m->x;
      _accord_chart_mirror_rect (&m->symbol, w);
      _accord_chart_mirror_rect (&m->label, w);
      mirror_text (&g_array_index (self->marker_labels, AccordChartText, i), w);
    }
  for (guint i = 0; i < self->ticks->len; i++)
    {
      Tick *t = &g_array_index (self->ticks, Tick, i);

      t->x = w - t->x;
      mirror_text (&t->text, w);
    }
}

AccordLifecycleLayout *
accord_lifecycle_chart_layout (const AccordLifecycleData *data,
                               int                        width,
                               int                        height,
                               PangoContext              *pango,
                               const AccordChartOptions  *options)
{
  static const AccordChartOptions defaults = { 0 };
  g_autoptr(PangoFontDescription) normal = NULL;
  g_autoptr(PangoFontDescription) small = NULL;
  g_autoptr(PangoFontDescription) title_font = NULL;
  g_autofree guint *lanes = NULL;
  AccordLifecycleLayout *self;
  gboolean any = FALSE;
  guint32 today = 0, first = G_MAXUINT32, last = 0;
  double top = PADDING, axis_width = 0, lane_height, tick_height, strip_height, plot_bottom;
  guint n_lanes;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (data->n_spans == 0 || data->spans != NULL, NULL);
  g_return_val_if_fail (data->n_scores == 0 || data->scores != NULL, NULL);
  g_return_val_if_fail (data->n_markers == 0 || data->markers != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (pango), NULL);

  if (options == NULL)
    options = &defaults;

  self = g_new0 (AccordLifecycleLayout, 1);
  self->width = MAX (width, 1);
  self->height = MAX (height, 1);
  self->rtl = options->rtl;
  self->bands = g_array_new (FALSE, TRUE, sizeof (AccordLifecycleBand));
  self->band_labels = g_array_new (FALSE, TRUE, sizeof (AccordChartText));
  g_array_set_clear_func (self->band_labels, clear_text_cb);
  self->points = g_array_new (FALSE, TRUE, sizeof (AccordLifecyclePoint));
  self->markers = g_array_new (FALSE, TRUE, sizeof (AccordLifecycleMarkerGeometry));
  self->marker_labels = g_array_new (FALSE, TRUE, sizeof (AccordChartText));
  g_array_set_clear_func (self->marker_labels, clear_text_cb);
  self->ticks = g_array_new (FALSE, TRUE, sizeof (Tick));
  g_array_set_clear_func (self->ticks, clear_tick_cb);

  normal = _accord_chart_font_new (pango, options, ACCORD_CHART_FONT_NORMAL);
  small = _accord_chart_font_new (pango, options, ACCORD_CHART_FONT_SMALL);
  title_font = _accord_chart_font_new (pango, options, ACCORD_CHART_FONT_TITLE);

  /* The time range: everything dated, and today. */
  self->has_today = _accord_chart_parse_date (data->today, &today);
  for (guint i = 0; i < data->n_spans; i++)
    {
      guint32 from, to;

      if (span_days (&data->spans[i], self->has_today, today, &from, &to))
        {
          first = MIN (first, from);
          last = MAX (last, to);
          any = TRUE;
        }
    }
  for (guint i = 0; i < data->n_scores; i++)
    {
      guint32 day;

      if (_accord_chart_parse_date (data->scores[i].date, &day))
        {
          first = MIN (first, day);
          last = MAX (last, day);
          any = TRUE;
        }
    }
  for (guint i = 0; i < data->n_markers; i++)
    {
      guint32 day;

      if (_accord_chart_parse_date (data->markers[i].date, &day))
        {
          first = MIN (first, day);
          last = MAX (last, day);
          any = TRUE;
        }
    }
  self->empty = !any;
  if (self->has_today)
    {
      if (any)
        {
          first = MIN (first, today);
          last = MAX (last, today);
        }
      else
        {
          first = today - 90;
          last = today + 30;
        }
    }
  self->has_range = any || self->has_today;
  if (self->has_range)
    {
      guint32 span = last - first;

      if (span < MIN_RANGE_DAYS)
        {
          guint32 grow = (MIN_RANGE_DAYS - span + 1) / 2;

          first = first > grow ? first - grow : 1;
          last += grow;
        }
      else
        {
          guint32 pad = MAX (span / 40, 2);

          first = first > pad ? first - pad : 1;
          last += pad;
        }
      self->first_day = first;
      self->last_day = last;
    }

  /* Horizontal: the title, the score axis, the plot. */
  if (options->show_title && data->name != NULL)
    {
      _accord_chart_text_init (&self->title, pango, title_font, data->name,
                               self->width - 2 * PADDING);
      self->title.rect.x = PADDING;
      self->title.rect.y = PADDING;
      top += self->title.rect.height + 8;
    }

  for (guint i = 0; i < G_N_ELEMENTS (axis_values); i++)
    {
      g_autofree char *str = g_strdup_printf ("%d", axis_values[i]);

      _accord_chart_text_init (&self->axis_labels[i], pango, small, str, 0);
      axis_width = MAX (axis_width, self->axis_labels[i].rect.width);
    }
  axis_width = MAX (axis_width + AXIS_GAP, MIN_AXIS_WIDTH);
  self->plot.x = PADDING + axis_width;
  self->plot.width = MAX (1.0, self->width - PADDING - self->plot.x);

  /* Markers: x first, then label lanes, which decide the top margin. */
  lanes = g_new0 (guint, MAX (data->n_markers, 1));
  lane_height = MIN_LANE_HEIGHT;
  for (guint i = 0; i < data->n_markers; i++)
    {
      AccordLifecycleMarkerGeometry m = { .marker = (int) i, .kind = data->markers[i].kind };
      AccordChartText text = { 0 };
      guint32 day;

      if (!_accord_chart_parse_date (data->markers[i].date, &day))
        continue;
      if ((guint) m.kind >= ACCORD_LIFECYCLE_N_MARKER_KINDS)
        m.kind = ACCORD_LIFECYCLE_MARKER_OTHER;
      m.x = day_x (self, day);
      _accord_chart_text_init (&text, pango, small, marker_text (&data->markers[i]),
                               MARKER_LABEL_MAX);
      lane_height = MAX (lane_height, text.rect.height + 2);
      g_array_append_val (self->markers, m);
      g_array_append_val (self->marker_labels, text);
    }
  n_lanes = layout_marker_lanes (self, lanes);
  if (self->markers->len > 0)
    top += n_lanes * lane_height + SYMBOL_SIZE + 4;

  /* Vertical: the plot, the stage strip at its foot, the time axis. */
  {
    AccordChartText probe;

    _accord_chart_text_init (&probe, pango, small, "0", 0);
    tick_height = MAX (probe.rect.height, MIN_TICK_HEIGHT);
    _accord_chart_text_clear (&probe);
    _accord_chart_text_init (&probe, pango, normal, "0", 0);
    strip_height = MAX (probe.rect.height + 6, MIN_STRIP_HEIGHT);
    _accord_chart_text_clear (&probe);
  }
  plot_bottom = self->height - PADDING - tick_height - TICK_LENGTH - 2;
  self->plot.y = top;
  self->plot.height = MAX (1.0, plot_bottom - top);
  plot_bottom = self->plot.y + self->plot.height;
  strip_height = MIN (strip_height, self->plot.height / 3);
  self->strip_y = plot_bottom - strip_height;
  self->score_top = self->plot.y + 8;
  self->score_bottom = MAX (self->score_top + 1, self->strip_y - 8);

  for (guint i = 0; i < self->markers->len; i++)
    {
      AccordLifecycleMarkerGeometry *m =
        &g_array_index (self->markers, AccordLifecycleMarkerGeometry, i);
      AccordChartText *text = &g_array_index (self->marker_labels, AccordChartText, i);

      m->symbol = (AccordChartRect) { m->x - SYMBOL_SIZE / 2, self->plot.y - SYMBOL_SIZE - 2,
                                      SYMBOL_SIZE, SYMBOL_SIZE };
      if (text->layout != NULL)
        {
          guint lane = lanes[i];

          text->rect.y = self->plot.y - SYMBOL_SIZE - 4 - (lane + 1) * lane_height
                         + (lane_height - text->rect.height) / 2;
          m->label = text->rect;
        }
    }

  /* Stage bands. */
  for (guint i = 0; i < data->n_spans; i++)
    {
      AccordLifecycleBand band = { .span = (int) i, .stage = data->spans[i].stage };
      AccordChartText text = { 0 };
      guint32 from, to;
      double x0, x1;

      if (!span_days (&data->spans[i], self->has_today, today, &from, &to))
        continue;
      if ((guint) band.stage >= ACCORD_N_STAGES)
        continue;
      x0 = CLAMP (day_x (self, from), self->plot.x, self->plot.x + self->plot.width);
      x1 = CLAMP (day_x (self, to), self->plot.x, self->plot.x + self->plot.width);
      x1 = MAX (x1, x0 + 1);
      band.band = (AccordChartRect) { x0, self->plot.y, x1 - x0, self->strip_y - self->plot.y };
      band.strip = (AccordChartRect) { x0, self->strip_y, x1 - x0, strip_height };
      if (x1 - x0 - 8 >= 20)
        {
          _accord_chart_text_init (&text, pango, normal, accord_stage_get_label (band.stage),
                                   x1 - x0 - 8);
          text.rect.x = x0 + 4;
          text.rect.y = self->strip_y + (strip_height - text.rect.height) / 2;
        }
      g_array_append_val (self->bands, band);
      g_array_append_val (self->band_labels, text);
    }

  /* The health line, by date. */
  {
    g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (DayIndex));

    for (guint i = 0; i < data->n_scores; i++)
      {
        DayIndex di = { 0, i };

        if (_accord_chart_parse_date (data->scores[i].date, &di.day))
          g_array_append_val (order, di);
      }
    g_array_sort (order, compare_day_index);
    for (guint k = 0; k < order->len; k++)
      {
        const DayIndex *di = &g_array_index (order, DayIndex, k);
        int value = CLAMP (data->scores[di->index].score, 0, 100);
        AccordLifecyclePoint p = { (int) di->index, day_x (self, di->day), score_y (self, value),
                                   value };

        g_array_append_val (self->points, p);
      }
  }

  /* Score axis labels and the band names along the guides. */
  for (guint i = 0; i < G_N_ELEMENTS (axis_values); i++)
    {
      AccordChartText *t = &self->axis_labels[i];

      t->rect.x = self->plot.x - AXIS_GAP - t->rect.width;
      t->rect.y = score_y (self, axis_values[i]) - t->rect.height / 2;
    }
  for (guint b = 0; b < ACCORD_N_HEALTH_BANDS; b++)
    {
      AccordChartText *t = &self->guide_labels[b];
      double y_healthy = score_y (self, ACCORD_HEALTH_HEALTHY_FROM);
      double y_watch = score_y (self, ACCORD_HEALTH_WATCH_FROM);

      _accord_chart_text_init (t, pango, small, accord_health_band_label (b), 0);
      if (y_watch - y_healthy < t->rect.height + 2)
        {
          _accord_chart_text_clear (t);  /* too short to label */
          t->rect = (AccordChartRect) { 0 };
          continue;
        }
      t->rect.x = self->plot.x + self->plot.width - t->rect.width - 4;
      if (b == ACCORD_HEALTH_HEALTHY)
        t->rect.y = y_healthy - t->rect.height - 1;
      else if (b == ACCORD_HEALTH_WATCH)
        t->rect.y = y_watch - t->rect.height - 1;
      else
        t->rect.y = y_watch + 1;
    }

  if (self->has_range)
    layout_ticks (self, pango, small, plot_bottom);

  if (self->has_today)
    {
      self->today_x = day_x (self, today);
      _accord_chart_text_init (&self->today_text, pango, small, _("Today"), 0);
      self->today_text.rect.x = self->today_x + 4;
      if (self->today_text.rect.x + self->today_text.rect.width > self->plot.x + self->plot.width)
        self->today_text.rect.x = self->today_x - 4 - self->today_text.rect.width;
      self->today_text.rect.y = self->plot.y + 2;
    }

  if (self->empty)
    {
      AccordChartText *t = &self->empty_text;

      _accord_chart_text_init (t, pango, normal, _("No history yet"), self->plot.width - 8);
      t->rect.x = self->plot.x + (self->plot.width - t->rect.width) / 2;
      t->rect.y = self->score_top + (self->score_bottom - self->score_top - t->rect.height) / 2;
    }

  if (self->rtl)
    mirror (self);

  return self;
}

void
accord_lifecycle_layout_free (AccordLifecycleLayout *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->bands);
  g_array_unref (self->band_labels);
  g_array_unref (self->points);
  g_array_unref (self->markers);
  g_array_unref (self->marker_labels);
  g_array_unref (self->ticks);
  _accord_chart_text_clear (&self->title);
  _accord_chart_text_clear (&self->empty_text);
  _accord_chart_text_clear (&self->today_text);
  for (guint i = 0; i < G_N_ELEMENTS (self->axis_labels); i++)
    _accord_chart_text_clear (&self->axis_labels[i]);
  for (guint i = 0; i < G_N_ELEMENTS (self->guide_labels); i++)
    _accord_chart_text_clear (&self->guide_labels[i]);
  g_free (self);
}

/* Drawing */

static const AccordChartColor *
marker_color (const AccordChartPalette  *palette,
              AccordLifecycleMarkerKind  kind)
{
  switch (kind)
    {
    case ACCORD_LIFECYCLE_MARKER_REVIEW:
      return &palette->review;
    case ACCORD_LIFECYCLE_MARKER_LAUNCH:
      return &palette->launch;
    case ACCORD_LIFECYCLE_MARKER_NOTICE_DEADLINE:
    case ACCORD_LIFECYCLE_MARKER_RENEWAL:
    case ACCORD_LIFECYCLE_MARKER_TERM_END:
      return &palette->deadline;
    case ACCORD_LIFECYCLE_MARKER_OTHER:
    case ACCORD_LIFECYCLE_N_MARKER_KINDS:
    default:
      return &palette->dim;
    }
}

/* Reviews are circles, the launch a triangle, deadlines diamonds: the
 * shape tells them apart without colour. */
static void
marker_path (cairo_t                   *cr,
             AccordLifecycleMarkerKind  kind,
             const AccordChartRect     *r)
{
  double cx = r->x + r->width / 2, cy = r->y + r->height / 2, h = r->width / 2;

  switch (kind)
    {
    case ACCORD_LIFECYCLE_MARKER_REVIEW:
      cairo_arc (cr, cx, cy, h - 0.5, 0, 2 * G_PI);
      break;
    case ACCORD_LIFECYCLE_MARKER_LAUNCH:
      cairo_move_to (cr, cx, r->y);
      cairo_line_to (cr, r->x + r->width, r->y + r->height);
      cairo_line_to (cr, r->x, r->y + r->height);
      cairo_close_path (cr);
      break;
    case ACCORD_LIFECYCLE_MARKER_OTHER:
    case ACCORD_LIFECYCLE_N_MARKER_KINDS:
      cairo_rectangle (cr, r->x + 1, r->y + 1, r->width - 2, r->height - 2);
      break;
    case ACCORD_LIFECYCLE_MARKER_NOTICE_DEADLINE:
    case ACCORD_LIFECYCLE_MARKER_RENEWAL:
    case ACCORD_LIFECYCLE_MARKER_TERM_END:
    default:
      cairo_move_to (cr, cx, r->y);
      cairo_line_to (cr, r->x + r->width, cy);
      cairo_line_to (cr, cx, r->y + r->height);
      cairo_line_to (cr, r->x, cy);
      cairo_close_path (cr);
      break;
    }
}

static void
draw_hline (cairo_t *cr,
            double   x0,
            double   x1,
            double   y)
{
  /* Half-pixel offset so one-pixel lines stay crisp. */
  y = floor (y) + 0.5;
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
}

static void
draw_vline (cairo_t *cr,
            double   x,
            double   y0,
            double   y1)
{
  x = floor (x) + 0.5;
  cairo_move_to (cr, x, y0);
  cairo_line_to (cr, x, y1);
}

void
accord_lifecycle_chart_draw (cairo_t                     *cr,
                             const AccordLifecycleLayout *self,
                             const AccordChartPalette    *palette)
{
  static const double dash[] = { 4.0, 3.0 };
  const AccordChartRect *plot;
  double plot_bottom;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (self != NULL);
  g_return_if_fail (palette != NULL);

  plot = &self->plot;
  plot_bottom = plot->y + plot->height;

  cairo_save (cr);

  _accord_chart_set_color (cr, &palette->background);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_fill (cr);

  _accord_chart_text_draw (cr, &self->title, &palette->foreground);

  /* Stage bands: a wash behind the line, a solid strip along the axis. */
  for (guint i = 0; i < self->bands->len; i++)
    {
      const AccordLifecycleBand *b = &g_array_index (self->bands, AccordLifecycleBand, i);
      const AccordChartColor *c = &palette->stages[b->stage];

      cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * palette->stage_wash);
      cairo_rectangle (cr, b->band.x, b->band.y, b->band.width, b->band.height);
      cairo_fill (cr);
      _accord_chart_set_color (cr, c);
      cairo_rectangle (cr, b->strip.x, b->strip.y, b->strip.width, b->strip.height);
      cairo_fill (cr);
      if (palette->outlines)
        {
          _accord_chart_set_color (cr, &palette->foreground);
          cairo_set_line_width (cr, 1.0);
          cairo_rectangle (cr, floor (b->strip.x) + 0.5, floor (b->strip.y) + 0.5,
                           MAX (0.0, round (b->strip.width) - 1),
                           MAX (0.0, round (b->strip.height) - 1));
          cairo_stroke (cr);
        }
    }

  /* Guides at 0 and 100 (solid), and the band thresholds (dashed). */
  _accord_chart_set_color (cr, &palette->grid);
  cairo_set_line_width (cr, 1.0);
  draw_hline (cr, plot->x, plot->x + plot->width, self->score_top);
  draw_hline (cr, plot->x, plot->x + plot->width, self->score_bottom);
  cairo_stroke (cr);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  draw_hline (cr, plot->x, plot->x + plot->width, score_y (self, ACCORD_HEALTH_HEALTHY_FROM));
  draw_hline (cr, plot->x, plot->x + plot->width, score_y (self, ACCORD_HEALTH_WATCH_FROM));
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (self->axis_labels); i++)
    _accord_chart_text_draw (cr, &self->axis_labels[i], &palette->dim);
  for (guint i = 0; i < G_N_ELEMENTS (self->guide_labels); i++)
    _accord_chart_text_draw (cr, &self->guide_labels[i], &palette->dim);

  /* The time axis. */
  _accord_chart_set_color (cr, &palette->foreground);
  draw_hline (cr, plot->x, plot->x + plot->width, plot_bottom);
  cairo_stroke (cr);
  _accord_chart_set_color (cr, &palette->dim);
  for (guint i = 0; i < self->ticks->len; i++)
    {
      const Tick *t = &g_array_index (self->ticks, Tick, i);

      draw_vline (cr, t->x, plot_bottom, plot_bottom + TICK_LENGTH);
    }
  cairo_stroke (cr);
  for (guint i = 0; i < self->ticks->len; i++)
    _accord_chart_text_draw (cr, &g_array_index (self->ticks, Tick, i).text, &palette->dim);

  /* Markers: a dashed line down the plot, the symbol above it, the label. */
  for (guint i = 0; i < self->markers->len; i++)
    {
      const AccordLifecycleMarkerGeometry *m =
        &g_array_index (self->markers, AccordLifecycleMarkerGeometry, i);
      const AccordChartColor *c = marker_color (palette, m->kind);

      _accord_chart_set_color (cr, c);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      draw_vline (cr, m->x, plot->y, self->strip_y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      marker_path (cr, m->kind, &m->symbol);
      cairo_fill (cr);
      _accord_chart_text_draw (cr, &g_array_index (self->marker_labels, AccordChartText, i),
                               &palette->foreground);
    }

  /* Today. */
  if (self->has_today)
    {
      _accord_chart_set_color (cr, &palette->today);
      cairo_set_line_width (cr, 2.0);
      cairo_move_to (cr, round (self->today_x), plot->y);
      cairo_line_to (cr, round (self->today_x), plot_bottom);
      cairo_stroke (cr);
      _accord_chart_text_draw (cr, &self->today_text, &palette->today);
    }

  /* The health line, then its points in their band's colour. */
  if (self->points->len > 0)
    {
      cairo_save (cr);
      cairo_rectangle (cr, plot->x, plot->y, plot->width, plot->height);
      cairo_clip (cr);
      _accord_chart_set_color (cr, &palette->accent);
      cairo_set_line_width (cr, 2.0);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint i = 0; i < self->points->len; i++)
        {
          const AccordLifecyclePoint *p = &g_array_index (self->points, AccordLifecyclePoint, i);

          cairo_line_to (cr, p->x, p->y);
        }
      cairo_stroke (cr);
      for (guint i = 0; i < self->points->len; i++)
        {
          const AccordLifecyclePoint *p = &g_array_index (self->points, AccordLifecyclePoint, i);

          cairo_new_sub_path (cr);
          cairo_arc (cr, p->x, p->y, POINT_RADIUS, 0, 2 * G_PI);
          _accord_chart_set_color (cr, &palette->bands[accord_health_band (p->value)]);
          cairo_fill_preserve (cr);
          _accord_chart_set_color (cr, &palette->accent);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
      cairo_restore (cr);
    }

  for (guint i = 0; i < self->bands->len; i++)
    _accord_chart_text_draw (cr, &g_array_index (self->band_labels, AccordChartText, i),
                             &palette->stage_text);

  _accord_chart_text_draw (cr, &self->empty_text, &palette->dim);

  cairo_restore (cr);
}

void
accord_lifecycle_chart_render (cairo_t                   *cr,
                               const AccordLifecycleData *data,
                               int                        width,
                               int                        height,
                               const AccordChartOptions  *options,
                               const AccordChartPalette  *palette)
{
  PangoContext *pango;
  g_autoptr(AccordLifecycleLayout) layout = NULL;
  AccordChartOptions opts = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (palette != NULL);

  if (options != NULL)
    opts = *options;
  if (opts.font == NULL)
    opts.font = ACCORD_CHART_DEFAULT_FONT;

  pango = pango_cairo_create_context (cr);
  layout = accord_lifecycle_chart_layout (data, width, height, pango, &opts);
  accord_lifecycle_chart_draw (cr, layout, palette);
  g_object_unref (pango);
}

typedef struct
{
  const AccordLifecycleData *data;
  const AccordChartOptions  *options;
  const AccordChartPalette  *palette;
} ExportClosure;

static void
export_render (cairo_t *cr,
               int      width,
               int      height,
               gpointer user_data)
{
  ExportClosure *closure = user_data;

  accord_lifecycle_chart_render (cr, closure->data, width, height, closure->options,
                                 closure->palette);
}

gboolean
accord_lifecycle_chart_export (const AccordLifecycleData  *data,
                               const char                 *path,
                               int                         width,
                               int                         height,
                               const AccordChartOptions   *options,
                               const AccordChartPalette   *palette,
                               GError                    **error)
{
  ExportClosure closure = { data, options, palette };
  AccordChartFormat format;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (palette != NULL, FALSE);

  if (!accord_chart_format_for_path (path, &format, error))
    return FALSE;
  return accord_chart_export (path, format, width, height, export_render, &closure, error);
}

/* Hit-testing */

gboolean
accord_lifecycle_chart_hit_test (const AccordLifecycleLayout *self,
                                 double                       x,
                                 double                       y,
                                 AccordLifecycleHit          *hit)
{
  double best = POINT_HIT_RADIUS * POINT_HIT_RADIUS;
  int best_point = -1;
  gboolean in_plot;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  *hit = (AccordLifecycleHit) { ACCORD_LIFECYCLE_HIT_NONE, -1 };

  for (guint i = 0; i < self->markers->len; i++)
    {
      const AccordLifecycleMarkerGeometry *m =
        &g_array_index (self->markers, AccordLifecycleMarkerGeometry, i);
      AccordChartRect around = { m->symbol.x - 3, m->symbol.y - 3,
                                 m->symbol.width + 6, m->symbol.height + 6 };

      if (_accord_chart_rect_contains (&around, x, y) ||
          _accord_chart_rect_contains (&m->label, x, y))
        {
          *hit = (AccordLifecycleHit) { ACCORD_LIFECYCLE_HIT_MARKER, m->marker };
          return TRUE;
        }
    }

  for (guint i = 0; i < self->points->len; i++)
    {
      const AccordLifecyclePoint *p = &g_array_index (self->points, AccordLifecyclePoint, i);
      double d = (p->x - x) * (p->x - x) + (p->y - y) * (p->y - y);

      if (d <= best)
        {
          best = d;
          best_point = p->score;
        }
    }
  if (best_point >= 0)
    {
      *hit = (AccordLifecycleHit) { ACCORD_LIFECYCLE_HIT_SCORE, best_point };
      return TRUE;
    }

  in_plot = _accord_chart_rect_contains (&self->plot, x, y);
  if (!in_plot)
    return FALSE;

  for (guint i = 0; i < self->markers->len; i++)
    {
      const AccordLifecycleMarkerGeometry *m =
        &g_array_index (self->markers, AccordLifecycleMarkerGeometry, i);

      if (fabs (x - m->x) <= LINE_HIT_SLOP && y < self->strip_y)
        {
          *hit = (AccordLifecycleHit) { ACCORD_LIFECYCLE_HIT_MARKER, m->marker };
          return TRUE;
        }
    }

  if (self->has_today && fabs (x - self->today_x) <= LINE_HIT_SLOP)
    {
      *hit = (AccordLifecycleHit) { ACCORD_LIFECYCLE_HIT_TODAY, -1 };
      return TRUE;
    }

  /* Later spans are drawn over earlier ones. */
  for (guint i = self->bands->len; i-- > 0;)
    {
      const AccordLifecycleBand *b = &g_array_index (self->bands, AccordLifecycleBand, i);

      if (_accord_chart_rect_contains (&b->band, x, y) ||
          _accord_chart_rect_contains (&b->strip, x, y))
        {
          *hit = (AccordLifecycleHit) { ACCORD_LIFECYCLE_HIT_SPAN, b->span };
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
accord_lifecycle_chart_hit_rect (const AccordLifecycleLayout *self,
                                 const AccordLifecycleHit    *hit,
                                 AccordChartRect             *rect)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  switch (hit->kind)
    {
    case ACCORD_LIFECYCLE_HIT_SPAN:
      for (guint i = 0; i < self->bands->len; i++)
        {
          const AccordLifecycleBand *b = &g_array_index (self->bands, AccordLifecycleBand, i);

          if (b->span == hit->index)
            {
              *rect = b->band;
              rect->height += b->strip.height;
              return TRUE;
            }
        }
      return FALSE;
    case ACCORD_LIFECYCLE_HIT_SCORE:
      for (guint i = 0; i < self->points->len; i++)
        {
          const AccordLifecyclePoint *p = &g_array_index (self->points, AccordLifecyclePoint, i);

          if (p->score == hit->index)
            {
              *rect = (AccordChartRect) { p->x - POINT_HIT_RADIUS, p->y - POINT_HIT_RADIUS,
                                          2 * POINT_HIT_RADIUS, 2 * POINT_HIT_RADIUS };
              return TRUE;
            }
        }
      return FALSE;
    case ACCORD_LIFECYCLE_HIT_MARKER:
      for (guint i = 0; i < self->markers->len; i++)
        {
          const AccordLifecycleMarkerGeometry *m =
            &g_array_index (self->markers, AccordLifecycleMarkerGeometry, i);

          if (m->marker == hit->index)
            {
              *rect = m->symbol;
              return TRUE;
            }
        }
      return FALSE;
    case ACCORD_LIFECYCLE_HIT_TODAY:
      if (!self->has_today)
        return FALSE;
      *rect = (AccordChartRect) { self->today_x - 1, self->plot.y, 2, self->plot.height };
      return TRUE;
    case ACCORD_LIFECYCLE_HIT_NONE:
    default:
      return FALSE;
    }
}

/* Words */

static char *
format_date_or_raw (const char *text)
{
  guint32 day;

  if (_accord_chart_parse_date (text, &day))
    return _accord_chart_format_date (day);
  return g_strdup (text ? text : "");
}

/* "in 3 days", "2 days ago", "today"; NULL without a today. */
static char *
relative_days (const char *today,
               const char *date)
{
  int days;

  if (today == NULL || date == NULL)
    return NULL;
  days = accord_days_between (today, date);
  if (days == ACCORD_DAYS_INVALID)
    return NULL;
  if (days == 0)
    return g_strdup (_("today"));
  if (days > 0)
    return g_strdup_printf (g_dngettext (NULL, "in %d day", "in %d days", days), days);
  return g_strdup_printf (g_dngettext (NULL, "%d day ago", "%d days ago", -days), -days);
}

char *
accord_lifecycle_chart_tooltip (const AccordLifecycleData *data,
                                const AccordLifecycleHit  *hit)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (hit != NULL, NULL);

  switch (hit->kind)
    {
    case ACCORD_LIFECYCLE_HIT_SPAN:
      {
        const AccordLifecycleSpan *span;
        g_autofree char *from = NULL;
        const char *stage;
        int days;

        g_return_val_if_fail (hit->index >= 0 && (guint) hit->index < data->n_spans, NULL);
        span = &data->spans[hit->index];
        stage = (guint) span->stage < ACCORD_N_STAGES ? accord_stage_get_label (span->stage) : "";
        from = format_date_or_raw (span->from);
        if (span->to != NULL)
          {
            g_autofree char *to = format_date_or_raw (span->to);

            days = accord_days_between (span->from, span->to);
            if (days == ACCORD_DAYS_INVALID)
              days = 0;
            /* Translators: a stage's tooltip: the stage, then when it began and ended. */
            return g_strdup_printf (g_dngettext (NULL, "%s\nFrom %s to %s (%d day)",
                                                 "%s\nFrom %s to %s (%d days)", days),
                                    stage, from, to, days);
          }
        days = data->today ? accord_days_between (span->from, data->today) : ACCORD_DAYS_INVALID;
        if (days == ACCORD_DAYS_INVALID || days < 0)
          /* Translators: a stage's tooltip: the stage, then when it began. */
          return g_strdup_printf (_("%s\nSince %s"), stage, from);
        /* Translators: a stage's tooltip: the stage, when it began, and for how long. */
        return g_strdup_printf (g_dngettext (NULL, "%s\nSince %s (%d day)",
                                             "%s\nSince %s (%d days)", days),
                                stage, from, days);
      }

    case ACCORD_LIFECYCLE_HIT_SCORE:
      {
        const AccordLifecycleScore *score;
        g_autofree char *date = NULL;
        int value;

        g_return_val_if_fail (hit->index >= 0 && (guint) hit->index < data->n_scores, NULL);
        score = &data->scores[hit->index];
        value = CLAMP (score->score, 0, 100);
        date = format_date_or_raw (score->date);
        /* Translators: a health point's tooltip: the score, its band, the date. */
        return g_strdup_printf (_("Health %d (%s)\n%s"), value,
                                accord_health_band_label (accord_health_band (value)), date);
      }

    case ACCORD_LIFECYCLE_HIT_MARKER:
      {
        const AccordLifecycleMarker *marker;
        g_autofree char *date = NULL;
        g_autofree char *when = NULL;
        const char *kind;

        g_return_val_if_fail (hit->index >= 0 && (guint) hit->index < data->n_markers, NULL);
        marker = &data->markers[hit->index];
        kind = marker_kind_name (marker->kind);
        date = format_date_or_raw (marker->date);
        when = relative_days (data->today, marker->date);
        if (when != NULL)
          /* Translators: a marker's tooltip: its label, then its kind, date and how far
           * from today ("Notice deadline, 1 June 2026 (in 90 days)"). */
          return g_strdup_printf (_("%s\n%s, %s (%s)"), marker_text (marker), kind, date, when);
        /* Translators: a marker's tooltip: its label, then its kind and date. */
        return g_strdup_printf (_("%s\n%s, %s"), marker_text (marker), kind, date);
      }

    case ACCORD_LIFECYCLE_HIT_TODAY:
      {
        g_autofree char *date = format_date_or_raw (data->today);

        /* Translators: the today line's tooltip. */
        return g_strdup_printf (_("Today, %s"), date);
      }

    case ACCORD_LIFECYCLE_HIT_NONE:
    default:
      return NULL;
    }
}

/* The index of the latest valid span, score or marker date, -1 if none. */
static int
latest_span (const AccordLifecycleData *data)
{
  int best = -1;
  guint32 best_day = 0;

  for (guint i = 0; i < data->n_spans; i++)
    {
      guint32 day;

      if ((guint) data->spans[i].stage < ACCORD_N_STAGES &&
          _accord_chart_parse_date (data->spans[i].from, &day) && (best < 0 || day >= best_day))
        {
          best = (int) i;
          best_day = day;
        }
    }
  return best;
}

static gboolean
is_review_day (const AccordLifecycleData *data,
               guint32                    day)
{
  for (guint i = 0; i < data->n_markers; i++)
    {
      guint32 d;

      if (data->markers[i].kind == ACCORD_LIFECYCLE_MARKER_REVIEW &&
          _accord_chart_parse_date (data->markers[i].date, &d) && d == day)
        return TRUE;
    }
  return FALSE;
}

static void
describe_health (const AccordLifecycleData *data,
                 GString                   *out)
{
  int latest = -1, previous = -1;
  guint32 latest_day = 0, previous_day = 0;
  g_autofree char *latest_date = NULL;
  g_autofree char *previous_date = NULL;
  const char *band;
  int now, before;

  for (guint i = 0; i < data->n_scores; i++)
    {
      guint32 day;

      if (!_accord_chart_parse_date (data->scores[i].date, &day))
        continue;
      if (latest < 0 || day >= latest_day)
        {
          previous = latest;
          previous_day = latest_day;
          latest = (int) i;
          latest_day = day;
        }
      else if (previous < 0 || day >= previous_day)
        {
          previous = (int) i;
          previous_day = day;
        }
    }

  if (latest < 0)
    {
      g_string_append (out, _("No health score yet."));
      return;
    }

  now = CLAMP (data->scores[latest].score, 0, 100);
  band = accord_health_band_label (accord_health_band (now));
  latest_date = _accord_chart_format_date (latest_day);
  if (previous < 0)
    {
      /* Translators: the score, its band, the date. */
      g_string_append_printf (out, _("Health %d (%s) on %s."), now, band, latest_date);
      return;
    }

  before = CLAMP (data->scores[previous].score, 0, 100);
  previous_date = _accord_chart_format_date (previous_day);
  if (now == before)
    /* Translators: the score, its band, the date of the previous score. */
    g_string_append_printf (out, _("Health %d (%s), unchanged since %s."), now, band,
                            previous_date);
  else if (is_review_day (data, previous_day))
    g_string_append_printf (out,
                            now < before
                            /* Translators: the score, its band, the previous score, the
                             * date of its review. */
                            ? _("Health %d (%s), down from %d at the review on %s.")
                            : _("Health %d (%s), up from %d at the review on %s."),
                            now, band, before, previous_date);
  else
    g_string_append_printf (out,
                            now < before
                            /* Translators: the score, its band, the previous score, its date. */
                            ? _("Health %d (%s), down from %d on %s.")
                            : _("Health %d (%s), up from %d on %s."),
                            now, band, before, previous_date);
}

char *
accord_lifecycle_chart_describe (const AccordLifecycleData *data)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *name;
  guint32 today = 0;
  gboolean has_today;
  int span, next = -1;
  guint32 next_day = 0;
  gboolean any_score = FALSE, any_marker = FALSE;

  g_return_val_if_fail (data != NULL, NULL);

  name = data->name != NULL && data->name[0] != '\0' ? data->name : _("This partner");
  has_today = _accord_chart_parse_date (data->today, &today);
  span = latest_span (data);

  for (guint i = 0; i < data->n_scores; i++)
    any_score |= accord_date_is_valid (data->scores[i].date);
  for (guint i = 0; i < data->n_markers; i++)
    any_marker |= accord_date_is_valid (data->markers[i].date);

  if (span < 0 && !any_score && !any_marker)
    /* Translators: the partner's name. */
    return g_strdup_printf (_("%s has no recorded history yet."), name);

  if (span >= 0)
    {
      const AccordLifecycleSpan *s = &data->spans[span];
      g_autofree char *from = format_date_or_raw (s->from);
      const char *stage = accord_stage_get_label (s->stage);

      if (s->stage == ACCORD_STAGE_ENDED)
        /* Translators: the partner's name, the date. */
        g_string_append_printf (out, _("%s ended on %s."), name, from);
      else if (s->to == NULL || !accord_date_is_valid (s->to))
        /* Translators: the partner's name, the stage, the date it began:
         * "Acme has been Growing since 3 March 2026." */
        g_string_append_printf (out, _("%s has been %s since %s."), name, stage, from);
      else
        {
          g_autofree char *to = format_date_or_raw (s->to);

          /* Translators: the partner's name, the stage, when it began and ended. */
          g_string_append_printf (out, _("%s was %s from %s to %s."), name, stage, from, to);
        }
    }
  else
    /* Translators: the partner's name. */
    g_string_append_printf (out, _("%s has no recorded stages yet."), name);

  g_string_append_c (out, ' ');
  describe_health (data, out);

  if (has_today)
    for (guint i = 0; i < data->n_markers; i++)
      {
        guint32 day;

        if (_accord_chart_parse_date (data->markers[i].date, &day) && day >= today &&
            (next < 0 || day < next_day))
          {
            next = (int) i;
            next_day = day;
          }
      }
  if (next >= 0)
    {
      g_autofree char *date = _accord_chart_format_date (next_day);

      g_string_append_c (out, ' ');
      /* Translators: the next marker's label and date: "Next: Notice deadline on 1 June 2026." */
      g_string_append_printf (out, _("Next: %s on %s."), marker_text (&data->markers[next]), date);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct
{
  guint32  day;
  guint    order;
  char    *cells[3];
} TableRow;

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const TableRow *ra = a, *rb = b;

  if (ra->day != rb->day)
    return ra->day < rb->day ? -1 : 1;
  return ra->order < rb->order ? -1 : (ra->order > rb->order);
}

static void
clear_row_cb (gpointer data)
{
  TableRow *row = data;

  for (guint i = 0; i < G_N_ELEMENTS (row->cells); i++)
    g_free (row->cells[i]);
}

AccordChartTable *
accord_lifecycle_chart_table (const AccordLifecycleData *data)
{
  const char *headers[] = { _("Date"), _("Event"), _("Details") };
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (TableRow));
  AccordChartTable *table;
  guint order = 0;

  g_return_val_if_fail (data != NULL, NULL);

  g_array_set_clear_func (rows, clear_row_cb);

  for (guint i = 0; i < data->n_spans; i++)
    {
      const AccordLifecycleSpan *s = &data->spans[i];
      TableRow row = { .order = order++ };

      if ((guint) s->stage >= ACCORD_N_STAGES || !_accord_chart_parse_date (s->from, &row.day))
        continue;
      row.cells[0] = _accord_chart_format_date (row.day);
      /* Translators: a row of the chart's table: the partner entered this stage. */
      row.cells[1] = g_strdup_printf (_("Stage: %s"), accord_stage_get_label (s->stage));
      if (s->to != NULL && accord_date_is_valid (s->to))
        {
          g_autofree char *to = format_date_or_raw (s->to);

          /* Translators: when a stage ended, in the chart's table. */
          row.cells[2] = g_strdup_printf (_("Until %s"), to);
        }
      else
        row.cells[2] = g_strdup (_("Current"));
      g_array_append_val (rows, row);
    }
  for (guint i = 0; i < data->n_scores; i++)
    {
      const AccordLifecycleScore *s = &data->scores[i];
      TableRow row = { .order = order++ };
      int value = CLAMP (s->score, 0, 100);

      if (!_accord_chart_parse_date (s->date, &row.day))
        continue;
      row.cells[0] = _accord_chart_format_date (row.day);
      row.cells[1] = g_strdup (_("Health score"));
      /* Translators: a score and its band in the chart's table: "72 (Healthy)". */
      row.cells[2] = g_strdup_printf (_("%d (%s)"), value,
                                      accord_health_band_label (accord_health_band (value)));
      g_array_append_val (rows, row);
    }
  for (guint i = 0; i < data->n_markers; i++)
    {
      const AccordLifecycleMarker *m = &data->markers[i];
      TableRow row = { .order = order++ };

      if (!_accord_chart_parse_date (m->date, &row.day))
        continue;
      row.cells[0] = _accord_chart_format_date (row.day);
      row.cells[1] = g_strdup (marker_kind_name (m->kind));
      row.cells[2] = g_strdup (m->label ? m->label : "");
      g_array_append_val (rows, row);
    }

  g_array_sort (rows, compare_rows);
  table = _accord_chart_table_new (G_N_ELEMENTS (headers), headers);
  for (guint i = 0; i < rows->len; i++)
    {
      TableRow *row = &g_array_index (rows, TableRow, i);

      _accord_chart_table_add_row (table, (const char *const *) row->cells);
    }
  return table;
}

/* Geometry accessors */

int
accord_lifecycle_layout_get_width (const AccordLifecycleLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->width;
}

int
accord_lifecycle_layout_get_height (const AccordLifecycleLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->height;
}

gboolean
accord_lifecycle_layout_is_empty (const AccordLifecycleLayout *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->empty;
}

const AccordChartRect *
accord_lifecycle_layout_get_plot (const AccordLifecycleLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->plot;
}

gboolean
accord_lifecycle_layout_date_x (const AccordLifecycleLayout *self,
                                const char                  *date,
                                double                      *x)
{
  guint32 day;
  double ltr;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (x != NULL, FALSE);

  if (!self->has_range || !_accord_chart_parse_date (date, &day))
    return FALSE;
  if (self->rtl)
    {
      /* day_x() works in left-to-right coordinates, where the plot starts
       * at the mirror image of its right edge. */
      AccordLifecycleLayout ltr_self = *self;

      ltr_self.plot.x = self->width - self->plot.x - self->plot.width;
      ltr = day_x (&ltr_self, day);
      *x = self->width - ltr;
    }
  else
    *x = day_x (self, day);
  return TRUE;
}

double
accord_lifecycle_layout_score_y (const AccordLifecycleLayout *self,
                                 int                          score)
{
  g_return_val_if_fail (self != NULL, 0);
  return score_y (self, score);
}

gboolean
accord_lifecycle_layout_today_x (const AccordLifecycleLayout *self,
                                 double                      *x)
{
  g_return_val_if_fail (self != NULL, FALSE);
  if (!self->has_today)
    return FALSE;
  if (x != NULL)
    *x = self->today_x;
  return TRUE;
}

const AccordLifecycleBand *
accord_lifecycle_layout_get_bands (const AccordLifecycleLayout *self,
                                   guint                       *n)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n != NULL, NULL);
  *n = self->bands->len;
  return (const AccordLifecycleBand *) (void *) self->bands->data;
}

const AccordLifecyclePoint *
accord_lifecycle_layout_get_points (const AccordLifecycleLayout *self,
                                    guint                       *n)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n != NULL, NULL);
  *n = self->points->len;
  return (const AccordLifecyclePoint *) (void *) self->points->data;
}

const AccordLifecycleMarkerGeometry *
accord_lifecycle_layout_get_markers (const AccordLifecycleLayout *self,
                                     guint                       *n)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n != NULL, NULL);
  *n = self->markers->len;
  return (const AccordLifecycleMarkerGeometry *) (void *) self->markers->data;
}

static void
add_text_rect (GArray                *rects,
               const AccordChartText *text)
{
  if (text->layout != NULL)
    g_array_append_val (rects, text->rect);
}

AccordChartRect *
accord_lifecycle_layout_get_text_rects (const AccordLifecycleLayout *self,
                                        guint                       *n)
{
  GArray *rects;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n != NULL, NULL);

  rects = g_array_new (FALSE, FALSE, sizeof (AccordChartRect));
  add_text_rect (rects, &self->title);
  add_text_rect (rects, &self->empty_text);
  add_text_rect (rects, &self->today_text);
  for (guint i = 0; i < G_N_ELEMENTS (self->axis_labels); i++)
    add_text_rect (rects, &self->axis_labels[i]);
  for (guint i = 0; i < G_N_ELEMENTS (self->guide_labels); i++)
    add_text_rect (rects, &self->guide_labels[i]);
  for (guint i = 0; i < self->band_labels->len; i++)
    add_text_rect (rects, &g_array_index (self->band_labels, AccordChartText, i));
  for (guint i = 0; i < self->marker_labels->len; i++)
    add_text_rect (rects, &g_array_index (self->marker_labels, AccordChartText, i));
  for (guint i = 0; i < self->ticks->len; i++)
    add_text_rect (rects, &g_array_index (self->ticks, Tick, i).text);
  *n = rects->len;
  return (AccordChartRect *) (void *) g_array_free (rects, FALSE);
}
