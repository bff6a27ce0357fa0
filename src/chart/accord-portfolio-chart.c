/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-portfolio-chart.h"
#include "accord-chart-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#define PADDING            12.0
#define GRID_GAP            8.0   /* between the row headings and the grid */
/* The MIN_ sizes are a little larger than the text at the usual UI font
 * needs, so that small differences between fonts move no geometry (and
 * reference images stay comparable). */
#define MIN_ROW_HEADER    110.0
#define MIN_COLUMN_HEADER  40.0
#define MIN_COUNT_HEIGHT   16.0   /* a cell's count line */
#define SWATCH_SIZE        10.0
#define MIN_LABEL_WIDTH    28.0
#define CELL_PADDING        4.0
#define MAX_SQUARE         12
#define MIN_SQUARE          2
#define MIN_SHARED_SQUARE   4     /* cells never shrink each other below this */
#define N_CELLS            (ACCORD_N_STAGES * ACCORD_CHART_N_BANDS)
#define N_SCORE_KEYS       102    /* scores 100..0, then not scored */

struct _AccordPortfolioLayout
{
  int                 width;
  int                 height;
  gboolean            rtl;
  guint               n_items;

  guint               n_columns;
  AccordStage         column_stage[ACCORD_N_STAGES];
  guint               stage_counts[ACCORD_N_STAGES];
  guint               band_counts[ACCORD_CHART_N_BANDS];

  AccordChartRect     grid;
  AccordChartRect     column_rects[ACCORD_N_STAGES];
  AccordChartRect     row_rects[ACCORD_CHART_N_BANDS];
  AccordChartRect     swatches[ACCORD_CHART_N_BANDS];
  AccordPortfolioCell cells[N_CELLS];     /* column * N_BANDS + band */
  guint               cell_first[N_CELLS];

  AccordChartText     title;
  AccordChartText     empty_text;
  AccordChartText     column_labels[ACCORD_N_STAGES];
  AccordChartText     column_counts[ACCORD_N_STAGES];
  AccordChartText     row_labels[ACCORD_CHART_N_BANDS];
  AccordChartText     row_counts[ACCORD_CHART_N_BANDS];
  AccordChartText     cell_texts[N_CELLS];

  guint              *order;     /* item indices grouped by cell, best score first */
  guint              *position;  /* item -> its index in order; G_MAXUINT: not placed */
  guint8             *item_cell; /* item -> its cell */
  gint64             *ids;       /* item -> its id */
};

G_STATIC_ASSERT (N_CELLS < 256);

const char *
accord_portfolio_band_label (int band)
{
  g_return_val_if_fail (band >= 0 && band < ACCORD_CHART_N_BANDS, NULL);
  if (band == ACCORD_CHART_BAND_UNKNOWN)
    return _("Not scored");
  return accord_health_band_label (band);
}

static int
item_band (const AccordPortfolioItem *item)
{
  if (item->score < 0)
    return ACCORD_CHART_BAND_UNKNOWN;
  return accord_health_band (MIN (item->score, 100));
}

static char *
format_count (guint n)
{
  /* The ' flag groups thousands as the locale does. */
  return g_strdup_printf ("%'u", n);
}

/* Counts per stage, band and both; TRUE for items that can be placed. */
static void
count_items (const AccordPortfolioData *data,
             guint                      stage_counts[ACCORD_N_STAGES],
             guint                      band_counts[ACCORD_CHART_N_BANDS],
             guint                      cell_counts[ACCORD_N_STAGES][ACCORD_CHART_N_BANDS])
{
  memset (stage_counts, 0, sizeof (guint) * ACCORD_N_STAGES);
  memset (band_counts, 0, sizeof (guint) * ACCORD_CHART_N_BANDS);
  memset (cell_counts, 0, sizeof (guint) * ACCORD_N_STAGES * ACCORD_CHART_N_BANDS);
  for (guint i = 0; i < data->n_items; i++)
    {
      const AccordPortfolioItem *item = &data->items[i];
      int band;

      if ((guint) item->stage >= ACCORD_N_STAGES)
        continue;
      band = item_band (item);
      stage_counts[item->stage]++;
      band_counts[band]++;
      cell_counts[item->stage][band]++;
    }
}

/* Splits @total into @n parts, half equally and half in proportion to
 * @weights (all equal when they sum to 0). */
static void
share (double       total,
       guint        n,
       const guint *weights,
       double      *out)
{
  guint64 sum = 0;
  double floor_share;

  for (guint i = 0; i < n; i++)
    sum += weights[i];
  if (sum == 0)
    {
      for (guint i = 0; i < n; i++)
        out[i] = total / n;
      return;
    }
  floor_share = total / (2.0 * n);
  for (guint i = 0; i < n; i++)
    out[i] = floor_share + (total - n * floor_share) * weights[i] / (double) sum;
}

/* The largest squares up to @max_size that fit @count into @cell's area,
 * or as many of the smallest as fit. */
static void
pack_cell (AccordPortfolioCell *cell,
           int                  max_size)
{
  double aw = cell->area.width, ah = cell->area.height;

  cell->size = MIN_SQUARE;
  cell->gap = 1;
  cell->columns = 0;
  cell->shown = 0;
  if (cell->count == 0 || aw < MIN_SQUARE || ah < MIN_SQUARE)
    return;

  for (int s = max_size; s >= MIN_SQUARE; s--)
    {
      int g = s >= 6 ? 2 : 1;
      guint cols = (guint) ((aw + g) / (s + g));
      guint rows = (guint) ((ah + g) / (s + g));

      cell->size = s;
      cell->gap = g;
      cell->columns = cols;
      cell->shown = MIN (cell->count, (guint64) cols * rows);
      if ((guint64) cols * rows >= cell->count)
        return;
    }
}

static void
square_rect (const AccordPortfolioLayout *self,
             const AccordPortfolioCell   *cell,
             guint                        k,
             AccordChartRect             *rect)
{
  double pitch = cell->size + cell->gap;
  double dx = (k % cell->columns) * pitch;
  double dy = (k / cell->columns) * pitch;

  rect->x = self->rtl ? cell->area.x + cell->area.width - dx - cell->size : cell->area.x + dx;
  rect->y = cell->area.y + dy;
  rect->width = rect->height = cell->size;
}

static void
mirror (AccordPortfolioLayout *self)
{
  int w = self->width;

  _accord_chart_mirror_rect (&self->grid, w);
  _accord_chart_mirror_rect (&self->title.rect, w);
  _accord_chart_mirror_rect (&self->empty_text.rect, w);
  for (guint c = 0; c < self->n_columns; c++)
    {
      _accord_chart_mirror_rect (&self->column_rects[c], w);
      _accord_chart_mirror_rect (&self->column_labels[c].rect, w);
      _accord_chart_mirror_rect (&self->column_counts[c].rect, w);
    }
  for (guint b = 0; b < ACCORD_CHART_N_BANDS; b++)
    {
      _accord_chart_mirror_rect (&self->row_rects[b], w);
      _accord_chart_mirror_rect (&self->swatches[b], w);
      _accord_chart_mirror_rect (&self->row_labels[b].rect, w);
      _accord_chart_mirror_rect (&self->row_counts[b].rect, w);
    }
  for (guint i = 0; i < self->n_columns * ACCORD_CHART_N_BANDS; i++)
    {
      _accord_chart_mirror_rect (&self->cells[i].rect, w);
      _accord_chart_mirror_rect (&self->cells[i].area, w);
      _accord_chart_mirror_rect (&self->cell_texts[i].rect, w);
    }
}

AccordPortfolioLayout *
accord_portfolio_chart_layout (const AccordPortfolioData *data,
                               int                        width,
                               int                        height,
                               PangoContext              *pango,
                               const AccordChartOptions  *options)
{
  static const AccordChartOptions defaults = { 0 };
  g_autoptr(PangoFontDescription) normal = NULL;
  g_autoptr(PangoFontDescription) small = NULL;
  g_autoptr(PangoFontDescription) bold = NULL;
  g_autoptr(PangoFontDescription) title_font = NULL;
  g_autofree guint *by_score = NULL;
  guint cell_counts[ACCORD_N_STAGES][ACCORD_CHART_N_BANDS];
  guint score_first[N_SCORE_KEYS + 1] = { 0 };
  guint fill[N_CELLS];
  int stage_column[ACCORD_N_STAGES];
  double col_widths[ACCORD_N_STAGES], row_heights[ACCORD_CHART_N_BANDS];
  guint col_weights[ACCORD_N_STAGES];
  double top = PADDING, row_header = MIN_ROW_HEADER, column_header, small_height, x, y;
  AccordPortfolioLayout *self;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (data->n_items == 0 || data->items != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (pango), NULL);

  if (options == NULL)
    options = &defaults;

  self = g_new0 (AccordPortfolioLayout, 1);
  self->width = MAX (width, 1);
  self->height = MAX (height, 1);
  self->rtl = options->rtl;
  self->n_items = data->n_items;
  self->order = g_new (guint, MAX (data->n_items, 1));
  self->position = g_new (guint, MAX (data->n_items, 1));
  self->item_cell = g_new0 (guint8, MAX (data->n_items, 1));
  self->ids = g_new (gint64, MAX (data->n_items, 1));

  normal = _accord_chart_font_new (pango, options, ACCORD_CHART_FONT_NORMAL);
  small = _accord_chart_font_new (pango, options, ACCORD_CHART_FONT_SMALL);
  bold = _accord_chart_font_new (pango, options, ACCORD_CHART_FONT_BOLD);
  title_font = _accord_chart_font_new (pango, options, ACCORD_CHART_FONT_TITLE);

  /* Columns: every stage, or those anyone is in. */
  count_items (data, self->stage_counts, self->band_counts, cell_counts);
  for (guint s = 0; s < ACCORD_N_STAGES; s++)
    {
      stage_column[s] = -1;
      if (!data->hide_empty_stages || self->stage_counts[s] > 0)
        {
          stage_column[s] = (int) self->n_columns;
          self->column_stage[self->n_columns++] = s;
        }
    }
  if (self->n_columns == 0)
    for (guint s = 0; s < ACCORD_N_STAGES; s++)
      {
        stage_column[s] = (int) s;
        self->column_stage[self->n_columns++] = s;
      }

  /* Items grouped by cell, best score first within a cell: two counting
   * sorts, so this stays O(n) however many partners there are. */
  by_score = g_new (guint, MAX (data->n_items, 1));
  for (guint i = 0; i < data->n_items; i++)
    {
      int score = data->items[i].score;
      guint key = score < 0 ? N_SCORE_KEYS - 1 : 100 - (guint) MIN (score, 100);

      score_first[key + 1]++;
    }
  for (guint k = 0; k < N_SCORE_KEYS; k++)
    score_first[k + 1] += score_first[k];
  for (guint i = 0; i < data->n_items; i++)
    {
      int score = data->items[i].score;
      guint key = score < 0 ? N_SCORE_KEYS - 1 : 100 - (guint) MIN (score, 100);

      by_score[score_first[key]++] = i;
    }

  {
    guint next = 0;

    for (guint c = 0; c < self->n_columns; c++)
      for (guint b = 0; b < ACCORD_CHART_N_BANDS; b++)
        {
          guint cell = c * ACCORD_CHART_N_BANDS + b;

          self->cell_first[cell] = fill[cell] = next;
          self->cells[cell].stage = self->column_stage[c];
          self->cells[cell].band = (int) b;
          self->cells[cell].count = cell_counts[self->column_stage[c]][b];
          next += self->cells[cell].count;
        }
  }
  for (guint k = 0; k < data->n_items; k++)
    {
      guint i = by_score[k];
      const AccordPortfolioItem *item = &data->items[i];
      guint cell;

      self->ids[i] = item->id;
      self->position[i] = G_MAXUINT;
      if ((guint) item->stage >= ACCORD_N_STAGES || stage_column[item->stage] < 0)
        continue;
      cell = stage_column[item->stage] * ACCORD_CHART_N_BANDS + item_band (item);
      self->item_cell[i] = (guint8) cell;
      self->position[i] = fill[cell];
      self->order[fill[cell]++] = i;
    }

  /* The title, then the headings: measured before the grid is sized. */
  if (options->show_title)
    {
      _accord_chart_text_init (&self->title, pango, title_font, _("Partners by stage and health"),
                               self->width - 2 * PADDING);
      self->title.rect.x = PADDING;
      self->title.rect.y = PADDING;
      top += self->title.rect.height + 8;
    }

  {
    AccordChartText probe;
    double label_height, count_height;

    _accord_chart_text_init (&probe, pango, bold, "0", 0);
    label_height = probe.rect.height;
    _accord_chart_text_clear (&probe);
    _accord_chart_text_init (&probe, pango, small, "0", 0);
    count_height = small_height = probe.rect.height;
    _accord_chart_text_clear (&probe);
    column_header = MAX (label_height + count_height + 6, MIN_COLUMN_HEADER);
  }

  for (guint b = 0; b < ACCORD_CHART_N_BANDS; b++)
    {
      g_autofree char *count = format_count (self->band_counts[b]);

      _accord_chart_text_init (&self->row_labels[b], pango, bold,
                               accord_portfolio_band_label (b), 0);
      _accord_chart_text_init (&self->row_counts[b], pango, small, count, 0);
      row_header = MAX (row_header, SWATCH_SIZE + 6 + MAX (self->row_labels[b].rect.width,
                                                           self->row_counts[b].rect.width));
    }
  row_header = MIN (row_header, self->width / 4.0);

  self->grid.x = PADDING + row_header + GRID_GAP;
  self->grid.y = top + column_header + 4;
  self->grid.width = MAX (1.0, self->width - PADDING - self->grid.x);
  self->grid.height = MAX (1.0, self->height - PADDING - self->grid.y);

  for (guint c = 0; c < self->n_columns; c++)
    col_weights[c] = self->stage_counts[self->column_stage[c]];
  share (self->grid.width, self->n_columns, col_weights, col_widths);
  share (self->grid.height, ACCORD_CHART_N_BANDS, self->band_counts, row_heights);

  /* Row headings: a swatch of the band's colour, its name, its count. */
  y = self->grid.y;
  for (guint b = 0; b < ACCORD_CHART_N_BANDS; b++)
    {
      double text_x = PADDING + SWATCH_SIZE + 6;
      double text_width = MAX (1.0, row_header - SWATCH_SIZE - 6);
      AccordChartText *label = &self->row_labels[b];
      AccordChartText *count = &self->row_counts[b];

      self->row_rects[b] = (AccordChartRect) { PADDING, y, row_header, row_heights[b] };
      if (label->rect.width > text_width)
        {
          g_autofree char *str = g_strdup (pango_layout_get_text (label->layout));

          _accord_chart_text_clear (label);
          _accord_chart_text_init (label, pango, bold, str, text_width);
        }
      label->rect.x = text_x;
      label->rect.y = y + CELL_PADDING;
      count->rect.x = text_x;
      count->rect.y = label->rect.y + label->rect.height + 2;
      self->swatches[b] = (AccordChartRect) {
        PADDING, label->rect.y + (label->rect.height - SWATCH_SIZE) / 2, SWATCH_SIZE, SWATCH_SIZE
      };
      y += row_heights[b];
    }

  /* Column headings, and the cells under them. */
  x = self->grid.x;
  for (guint c = 0; c < self->n_columns; c++)
    {
      AccordStage stage = self->column_stage[c];
      g_autofree char *count = format_count (self->stage_counts[stage]);
      double text_width = MAX (1.0, col_widths[c] - 2 * CELL_PADDING);

      self->column_rects[c] = (AccordChartRect) { x, top, col_widths[c], column_header };
      /* A column too narrow for a few letters shows only its count; the
       * heading's tooltip names the stage. */
      _accord_chart_text_init (&self->column_labels[c], pango, bold,
                               text_width >= MIN_LABEL_WIDTH ? accord_stage_get_label (stage) : "",
                               text_width);
      self->column_labels[c].rect.x = x + CELL_PADDING;
      self->column_labels[c].rect.y = top;
      _accord_chart_text_init (&self->column_counts[c], pango, small, count, text_width);
      self->column_counts[c].rect.x = x + CELL_PADDING;
      self->column_counts[c].rect.y = top + self->column_labels[c].rect.height + 2;

      y = self->grid.y;
      for (guint b = 0; b < ACCORD_CHART_N_BANDS; b++)
        {
          guint i = c * ACCORD_CHART_N_BANDS + b;
          AccordPortfolioCell *cell = &self->cells[i];
          double inner_x = ceil (x + CELL_PADDING), inner_y = ceil (y + CELL_PADDING);
          double inner_w = floor (x + col_widths[c] - CELL_PADDING) - inner_x;
          double inner_h = floor (y + row_heights[b] - CELL_PADDING) - inner_y;
          double text_h = cell->count > 0 ? MAX (small_height, MIN_COUNT_HEIGHT) + 2 : 0;

          cell->rect = (AccordChartRect) { x, y, col_widths[c], row_heights[b] };
          cell->area = (AccordChartRect) { inner_x, inner_y + ceil (text_h),
                                           MAX (0.0, inner_w), MAX (0.0, inner_h - ceil (text_h)) };
          y += row_heights[b];
        }
      x += col_widths[c];
    }

  /* One square size for every cell, so that cells compare by area: the
   * largest that fits them all. A cell that would force squares below
   * MIN_SHARED_SQUARE on everyone shrinks on its own instead, and its
   * label says how many of its partners are drawn. */
  {
    int shared = MAX_SQUARE;

    for (guint i = 0; i < self->n_columns * ACCORD_CHART_N_BANDS; i++)
      if (self->cells[i].count > 0)
        {
          pack_cell (&self->cells[i], MAX_SQUARE);
          if (self->cells[i].shown == self->cells[i].count)
            shared = MIN (shared, (int) self->cells[i].size);
        }
    shared = MAX (shared, MIN_SHARED_SQUARE);
    for (guint i = 0; i < self->n_columns * ACCORD_CHART_N_BANDS; i++)
      pack_cell (&self->cells[i], shared);
  }

  for (guint i = 0; i < self->n_columns * ACCORD_CHART_N_BANDS; i++)
    {
      AccordPortfolioCell *cell = &self->cells[i];
      double inner_x = ceil (cell->rect.x + CELL_PADDING);
      double inner_y = ceil (cell->rect.y + CELL_PADDING);
      double inner_w = floor (cell->rect.x + cell->rect.width - CELL_PADDING) - inner_x;

      if (cell->count > 0 && inner_w > 8)
        {
          g_autofree char *str = NULL;
          g_autofree char *all = format_count (cell->count);

          if (cell->shown < cell->count)
            {
              g_autofree char *shown = format_count (cell->shown);

              /* Translators: a crowded cell of the portfolio chart: how many
               * partners are drawn of how many there are ("1,200 of 2,345"). */
              str = g_strdup_printf (_("%s of %s"), shown, all);
            }
          else
            str = g_steal_pointer (&all);
          _accord_chart_text_init (&self->cell_texts[i], pango, small, str, inner_w);
          self->cell_texts[i].rect.x = inner_x;
          self->cell_texts[i].rect.y = inner_y;
        }
    }

  if (data->n_items == 0)
    {
      AccordChartText *t = &self->empty_text;

      _accord_chart_text_init (t, pango, normal, _("No partners yet"), self->grid.width - 8);
      t->rect.x = self->grid.x + (self->grid.width - t->rect.width) / 2;
      t->rect.y = self->grid.y + (self->grid.height - t->rect.height) / 2;
    }

  if (self->rtl)
    mirror (self);

  return self;
}

void
accord_portfolio_layout_free (AccordPortfolioLayout *self)
{
  if (self == NULL)
    return;
  _accord_chart_text_clear (&self->title);
  _accord_chart_text_clear (&self->empty_text);
  for (guint i = 0; i < ACCORD_N_STAGES; i++)
    {
      _accord_chart_text_clear (&self->column_labels[i]);
      _accord_chart_text_clear (&self->column_counts[i]);
    }
  for (guint i = 0; i < ACCORD_CHART_N_BANDS; i++)
    {
      _accord_chart_text_clear (&self->row_labels[i]);
      _accord_chart_text_clear (&self->row_counts[i]);
    }
  for (guint i = 0; i < N_CELLS; i++)
    _accord_chart_text_clear (&self->cell_texts[i]);
  g_free (self->order);
  g_free (self->position);
  g_free (self->item_cell);
  g_free (self->ids);
  g_free (self);
}

void
accord_portfolio_chart_draw (cairo_t                     *cr,
                             const AccordPortfolioLayout *self,
                             const AccordChartPalette    *palette)
{
  guint n_cells;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (self != NULL);
  g_return_if_fail (palette != NULL);

  n_cells = self->n_columns * ACCORD_CHART_N_BANDS;

  cairo_save (cr);

  _accord_chart_set_color (cr, &palette->background);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_fill (cr);

  _accord_chart_text_draw (cr, &self->title, &palette->foreground);

  /* Grid lines between the columns and the rows. */
  _accord_chart_set_color (cr, palette->outlines ? &palette->foreground : &palette->grid);
  cairo_set_line_width (cr, 1.0);
  for (guint c = 0; c < self->n_columns; c++)
    {
      const AccordChartRect *cell = &self->cells[c * ACCORD_CHART_N_BANDS].rect;
      double x = floor (self->rtl ? cell->x + cell->width : cell->x) + 0.5;

      cairo_move_to (cr, x, self->column_rects[c].y);
      cairo_line_to (cr, x, self->grid.y + self->grid.height);
    }
  for (guint b = 0; b < ACCORD_CHART_N_BANDS; b++)
    {
      const AccordChartRect *row = &self->row_rects[b];
      double yb = floor (row->y) + 0.5;

      cairo_move_to (cr, MIN (self->grid.x, row->x), yb);
      cairo_line_to (cr, MAX (self->grid.x + self->grid.width, row->x + row->width), yb);
    }
  cairo_stroke (cr);

  for (guint c = 0; c < self->n_columns; c++)
    {
      _accord_chart_text_draw (cr, &self->column_labels[c], &palette->foreground);
      _accord_chart_text_draw (cr, &self->column_counts[c], &palette->dim);
    }
  for (guint b = 0; b < ACCORD_CHART_N_BANDS; b++)
    {
      const AccordChartRect *s = &self->swatches[b];

      _accord_chart_set_color (cr, &palette->bands[b]);
      cairo_rectangle (cr, s->x, s->y, s->width, s->height);
      cairo_fill (cr);
      _accord_chart_text_draw (cr, &self->row_labels[b], &palette->foreground);
      _accord_chart_text_draw (cr, &self->row_counts[b], &palette->dim);
    }

  /* The squares: one path and one fill per cell. */
  for (guint i = 0; i < n_cells; i++)
    {
      const AccordPortfolioCell *cell = &self->cells[i];

      if (cell->shown == 0)
        continue;
      for (guint k = 0; k < cell->shown; k++)
        {
          AccordChartRect r;

          square_rect (self, cell, k, &r);
          cairo_rectangle (cr, r.x, r.y, r.width, r.height);
        }
      _accord_chart_set_color (cr, &palette->bands[cell->band]);
      cairo_fill (cr);
      _accord_chart_text_draw (cr, &self->cell_texts[i], &palette->dim);
    }

  _accord_chart_text_draw (cr, &self->empty_text, &palette->dim);

  cairo_restore (cr);
}

void
accord_portfolio_chart_render (cairo_t                   *cr,
                               const AccordPortfolioData *data,
                               int                        width,
                               int                        height,
                               const AccordChartOptions  *options,
                               const AccordChartPalette  *palette)
{
  PangoContext *pango;
  g_autoptr(AccordPortfolioLayout) layout = NULL;
  AccordChartOptions opts = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (palette != NULL);

  if (options != NULL)
    opts = *options;
  if (opts.font == NULL)
    opts.font = ACCORD_CHART_DEFAULT_FONT;

  pango = pango_cairo_create_context (cr);
  layout = accord_portfolio_chart_layout (data, width, height, pango, &opts);
  accord_portfolio_chart_draw (cr, layout, palette);
  g_object_unref (pango);
}

typedef struct
{
  const AccordPortfolioData *data;
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

  accord_portfolio_chart_render (cr, closure->data, width, height, closure->options,
                                 closure->palette);
}

gboolean
accord_portfolio_chart_export (const AccordPortfolioData  *data,
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
accord_portfolio_chart_hit_test (const AccordPortfolioLayout *self,
                                 double                       x,
                                 double                       y,
                                 AccordPortfolioHit          *hit)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  *hit = (AccordPortfolioHit) { .kind = ACCORD_PORTFOLIO_HIT_NONE, .item = -1, .band = -1 };

  for (guint c = 0; c < self->n_columns; c++)
    if (_accord_chart_rect_contains (&self->column_rects[c], x, y))
      {
        hit->kind = ACCORD_PORTFOLIO_HIT_STAGE;
        hit->stage = self->column_stage[c];
        hit->count = self->stage_counts[hit->stage];
        return TRUE;
      }
  for (guint b = 0; b < ACCORD_CHART_N_BANDS; b++)
    if (_accord_chart_rect_contains (&self->row_rects[b], x, y))
      {
        hit->kind = ACCORD_PORTFOLIO_HIT_BAND;
        hit->band = (int) b;
        hit->count = self->band_counts[b];
        return TRUE;
      }

  for (guint i = 0; i < self->n_columns * ACCORD_CHART_N_BANDS; i++)
    {
      const AccordPortfolioCell *cell = &self->cells[i];
      double pitch, dx, dy;
      guint col, row, k;

      if (!_accord_chart_rect_contains (&cell->rect, x, y))
        continue;

      hit->kind = ACCORD_PORTFOLIO_HIT_CELL;
      hit->stage = cell->stage;
      hit->band = cell->band;
      hit->count = cell->count;
      hit->shown = cell->shown;

      /* Which square, by arithmetic on the packing rather than a search. */
      if (cell->shown == 0 || !_accord_chart_rect_contains (&cell->area, x, y))
        return TRUE;
      pitch = cell->size + cell->gap;
      dx = self->rtl ? cell->area.x + cell->area.width - x : x - cell->area.x;
      dy = y - cell->area.y;
      col = (guint) (dx / pitch);
      row = (guint) (dy / pitch);
      if (col >= cell->columns || dx - col * pitch >= cell->size || dy - row * pitch >= cell->size)
        return TRUE;
      k = row * cell->columns + col;
      if (k >= cell->shown)
        return TRUE;

      hit->kind = ACCORD_PORTFOLIO_HIT_ITEM;
      hit->item = (int) self->order[self->cell_first[i] + k];
      hit->id = self->ids[hit->item];
      return TRUE;
    }
  return FALSE;
}

char *
accord_portfolio_chart_tooltip (const AccordPortfolioData *data,
                                const AccordPortfolioHit  *hit)
{
  g_autofree char *count = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (hit != NULL, NULL);

  count = format_count (hit->count);
  switch (hit->kind)
    {
    case ACCORD_PORTFOLIO_HIT_ITEM:
      {
        const AccordPortfolioItem *item;
        const char *stage;
        int score;

        g_return_val_if_fail (hit->item >= 0 && (guint) hit->item < data->n_items, NULL);
        item = &data->items[hit->item];
        stage = (guint) item->stage < ACCORD_N_STAGES ? accord_stage_get_label (item->stage) : "";
        if (item->score < 0)
          /* Translators: a partner's tooltip: its name, then its stage. */
          return g_strdup_printf (_("%s\n%s, not scored"), item->name ? item->name : "", stage);
        score = MIN (item->score, 100);
        /* Translators: a partner's tooltip: its name, then its stage, score and band. */
        return g_strdup_printf (_("%s\n%s, health %d (%s)"), item->name ? item->name : "", stage,
                                score, accord_health_band_label (accord_health_band (score)));
      }

    case ACCORD_PORTFOLIO_HIT_CELL:
      {
        /* Translators: a cell's tooltip: its stage, its band, how many partners. */
        g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%s, %s: %s partner",
                                                              "%s, %s: %s partners", hit->count),
                                                 accord_stage_get_label (hit->stage),
                                                 accord_portfolio_band_label (hit->band), count);
        g_autofree char *shown = NULL;

        if (hit->shown >= hit->count)
          return g_steal_pointer (&text);
        shown = format_count (hit->shown);
        /* Translators: appended to a crowded cell's tooltip. */
        return g_strdup_printf (_("%s\n%s of them drawn; the count includes all"), text, shown);
      }

    case ACCORD_PORTFOLIO_HIT_STAGE:
      /* Translators: a stage column's tooltip: the stage, how many partners. */
      return g_strdup_printf (g_dngettext (NULL, "%s: %s partner", "%s: %s partners", hit->count),
                              accord_stage_get_label (hit->stage), count);

    case ACCORD_PORTFOLIO_HIT_BAND:
      /* Translators: a health band row's tooltip: the band, how many partners. */
      return g_strdup_printf (g_dngettext (NULL, "%s: %s partner", "%s: %s partners", hit->count),
                              accord_portfolio_band_label (hit->band), count);

    case ACCORD_PORTFOLIO_HIT_NONE:
    default:
      return NULL;
    }
}

char *
accord_portfolio_chart_describe (const AccordPortfolioData *data)
{
  guint stage_counts[ACCORD_N_STAGES], band_counts[ACCORD_CHART_N_BANDS];
  guint cell_counts[ACCORD_N_STAGES][ACCORD_CHART_N_BANDS];
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *total_str = NULL;
  g_autofree char *joined = NULL;
  guint total = 0;

  g_return_val_if_fail (data != NULL, NULL);

  count_items (data, stage_counts, band_counts, cell_counts);
  for (guint b = 0; b < ACCORD_CHART_N_BANDS; b++)
    total += band_counts[b];
  if (total == 0)
    return g_strdup (_("No partners to show."));

  for (guint b = 0; b < ACCORD_CHART_N_BANDS; b++)
    {
      g_autofree char *n = format_count (band_counts[b]);
      char *part;

      if (band_counts[b] == 0)
        continue;
      switch (b)
        {
        case ACCORD_HEALTH_HEALTHY:
          part = g_strdup_printf (g_dngettext (NULL, "%s healthy", "%s healthy",
                                               band_counts[b]), n);
          break;
        case ACCORD_HEALTH_WATCH:
          part = g_strdup_printf (g_dngettext (NULL, "%s to watch", "%s to watch",
                                               band_counts[b]), n);
          break;
        case ACCORD_HEALTH_AT_RISK:
          part = g_strdup_printf (g_dngettext (NULL, "%s at risk", "%s at risk",
                                               band_counts[b]), n);
          break;
        case ACCORD_CHART_BAND_UNKNOWN:
        default:
          part = g_strdup_printf (g_dngettext (NULL, "%s not scored", "%s not scored",
                                               band_counts[b]), n);
          break;
        }
      g_ptr_array_add (parts, part);
    }
  g_ptr_array_add (parts, NULL);
  /* Translators: separates the items of a list in a sentence. */
  joined = g_strjoinv (_(", "), (char **) parts->pdata);

  total_str = format_count (total);
  /* Translators: the number of partners, then how many are in each health
   * band: "1,200 partners: 800 healthy, 300 to watch, 100 at risk." */
  g_string_append_printf (out, g_dngettext (NULL, "%s partner: %s.", "%s partners: %s.", total),
                          total_str, joined);

  g_ptr_array_set_size (parts, 0);
  for (guint s = 0; s < ACCORD_N_STAGES; s++)
    {
      g_autofree char *n = format_count (stage_counts[s]);

      if (stage_counts[s] == 0)
        continue;
      /* Translators: a stage and how many partners are in it: "Growing 300". */
      g_ptr_array_add (parts, g_strdup_printf (_("%s %s"), accord_stage_get_label (s), n));
    }
  g_ptr_array_add (parts, NULL);
  g_clear_pointer (&joined, g_free);
  joined = g_strjoinv (_(", "), (char **) parts->pdata);
  g_string_append_c (out, ' ');
  /* Translators: the partners per stage, as a list. */
  g_string_append_printf (out, _("By stage: %s."), joined);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

AccordChartTable *
accord_portfolio_chart_table (const AccordPortfolioData *data)
{
  guint stage_counts[ACCORD_N_STAGES], band_counts[ACCORD_CHART_N_BANDS];
  guint cell_counts[ACCORD_N_STAGES][ACCORD_CHART_N_BANDS];
  const char *headers[ACCORD_CHART_N_BANDS + 2];
  char *cells[ACCORD_CHART_N_BANDS + 2];
  AccordChartTable *table;
  guint total = 0;

  g_return_val_if_fail (data != NULL, NULL);

  count_items (data, stage_counts, band_counts, cell_counts);

  headers[0] = _("Stage");
  for (guint b = 0; b < ACCORD_CHART_N_BANDS; b++)
    headers[b + 1] = accord_portfolio_band_label (b);
  headers[ACCORD_CHART_N_BANDS + 1] = _("Total");
  table = _accord_chart_table_new (G_N_ELEMENTS (headers), headers);

  for (guint s = 0; s < ACCORD_N_STAGES; s++)
    {
      if (data->hide_empty_stages && stage_counts[s] == 0)
        continue;
      cells[0] = g_strdup (accord_stage_get_label (s));
      for (guint b = 0; b < ACCORD_CHART_N_BANDS; b++)
        cells[b + 1] = format_count (cell_counts[s][b]);
      cells[ACCORD_CHART_N_BANDS + 1] = format_count (stage_counts[s]);
      _accord_chart_table_add_row (table, (const char *const *) cells);
      for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
        g_free (cells[i]);
    }

  cells[0] = g_strdup (_("Total"));
  for (guint b = 0; b < ACCORD_CHART_N_BANDS; b++)
    {
      cells[b + 1] = format_count (band_counts[b]);
      total += band_counts[b];
    }
  cells[ACCORD_CHART_N_BANDS + 1] = format_count (total);
  _accord_chart_table_add_row (table, (const char *const *) cells);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    g_free (cells[i]);

  return table;
}

/* Geometry accessors */

int
accord_portfolio_layout_get_width (const AccordPortfolioLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->width;
}

int
accord_portfolio_layout_get_height (const AccordPortfolioLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->height;
}

guint
accord_portfolio_layout_get_n_columns (const AccordPortfolioLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_columns;
}

AccordStage
accord_portfolio_layout_get_column_stage (const AccordPortfolioLayout *self,
                                          guint                        column)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (column < self->n_columns, 0);
  return self->column_stage[column];
}

const AccordChartRect *
accord_portfolio_layout_get_column_rect (const AccordPortfolioLayout *self,
                                         guint                        column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return &self->column_rects[column];
}

const AccordChartRect *
accord_portfolio_layout_get_row_rect (const AccordPortfolioLayout *self,
                                      int                          band)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (band >= 0 && band < ACCORD_CHART_N_BANDS, NULL);
  return &self->row_rects[band];
}

const AccordPortfolioCell *
accord_portfolio_layout_get_cell (const AccordPortfolioLayout *self,
                                  guint                        column,
                                  int                          band)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  g_return_val_if_fail (band >= 0 && band < ACCORD_CHART_N_BANDS, NULL);
  return &self->cells[column * ACCORD_CHART_N_BANDS + band];
}

gboolean
accord_portfolio_layout_get_item_rect (const AccordPortfolioLayout *self,
                                       guint                        item,
                                       AccordChartRect             *rect)
{
  const AccordPortfolioCell *cell;
  guint k;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (item >= self->n_items || self->position[item] == G_MAXUINT)
    return FALSE;
  cell = &self->cells[self->item_cell[item]];
  k = self->position[item] - self->cell_first[self->item_cell[item]];
  if (k >= cell->shown)
    return FALSE;
  square_rect (self, cell, k, rect);
  return TRUE;
}

static void
add_text_rect (GArray                *rects,
               const AccordChartText *text)
{
  if (text->layout != NULL)
    g_array_append_val (rects, text->rect);
}

AccordChartRect *
accord_portfolio_layout_get_text_rects (const AccordPortfolioLayout *self,
                                        guint                       *n)
{
  GArray *rects;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n != NULL, NULL);

  rects = g_array_new (FALSE, FALSE, sizeof (AccordChartRect));
  add_text_rect (rects, &self->title);
  add_text_rect (rects, &self->empty_text);
  for (guint c = 0; c < self->n_columns; c++)
    {
      add_text_rect (rects, &self->column_labels[c]);
      add_text_rect (rects, &self->column_counts[c]);
    }
  for (guint b = 0; b < ACCORD_CHART_N_BANDS; b++)
    {
      add_text_rect (rects, &self->row_labels[b]);
      add_text_rect (rects, &self->row_counts[b]);
    }
  for (guint i = 0; i < self->n_columns * ACCORD_CHART_N_BANDS; i++)
    add_text_rect (rects, &self->cell_texts[i]);
  *n = rects->len;
  return (AccordChartRect *) (void *) g_array_free (rects, FALSE);
}
