/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "accord-portfolio-chart.h"
#include "chart-test-util.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

/* @n partners spread over the stages and bands, deterministically; about
 * four in ten are Growing and one in ten has no score, as in a real book. */
static AccordPortfolioItem *
make_items (guint  n,
            guint  seed,
            char **names)
{
  AccordPortfolioItem *items = g_new0 (AccordPortfolioItem, n);
  GRand *rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < n; i++)
    {
      items[i].id = 1000 + i;
      items[i].name = names ? names[i] = g_strdup_printf ("Partner %u", i) : "Partner";
      if (g_rand_int_range (rand, 0, 10) < 4)
        items[i].stage = ACCORD_STAGE_GROWING;
      else
        items[i].stage = (AccordStage) g_rand_int_range (rand, 0, ACCORD_N_STAGES);
      items[i].score = g_rand_int_range (rand, 0, 10) == 0 ? -1 : g_rand_int_range (rand, 10, 101);
    }
  g_rand_free (rand);
  return items;
}

static int
band_of (const AccordPortfolioItem *item)
{
  return item->score < 0 ? ACCORD_CHART_BAND_UNKNOWN : (int) accord_health_band (MIN (item->score, 100));
}

static AccordPortfolioLayout *
make_layout (const AccordPortfolioData *data,
             int                        width,
             int                        height,
             gboolean                   rtl)
{
  PangoContext *pango = chart_test_pango_new ();
  AccordChartOptions options = { .rtl = rtl };
  AccordPortfolioLayout *layout = accord_portfolio_chart_layout (data, width, height, pango, &options);

  g_object_unref (pango);
  return layout;
}

static cairo_surface_t *
draw (const AccordPortfolioLayout *layout,
      AccordChartTheme             theme)
{
  cairo_surface_t *surface = chart_test_surface_new (accord_portfolio_layout_get_width (layout),
                                                     accord_portfolio_layout_get_height (layout));
  cairo_t *cr = cairo_create (surface);

  accord_portfolio_chart_draw (cr, layout, accord_chart_palette_get (theme));
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static int
column_of (const AccordPortfolioLayout *layout,
           AccordStage                  stage)
{
  for (guint c = 0; c < accord_portfolio_layout_get_n_columns (layout); c++)
    if (accord_portfolio_layout_get_column_stage (layout, c) == stage)
      return (int) c;
  return -1;
}

static gboolean
rect_inside (const AccordChartRect *inner,
             const AccordChartRect *outer)
{
  return inner->x >= outer->x - 0.01 && inner->y >= outer->y - 0.01 &&
         inner->x + inner->width <= outer->x + outer->width + 0.01 &&
         inner->y + inner->height <= outer->y + outer->height + 0.01;
}

/* Every item is drawn once, in its stage's column and its band's row,
 * without overlapping another, best score first within a cell. */
static void
check_placement (const AccordPortfolioData   *data,
                 const AccordPortfolioLayout *layout)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint per_cell[ACCORD_N_STAGES][ACCORD_CHART_N_BANDS] = { { 0 } };
  guint placed = 0, total = 0, shown = 0;

  for (guint i = 0; i < data->n_items; i++)
    {
      const AccordPortfolioItem *item = &data->items[i];
      int column = column_of (layout, item->stage);
      const AccordPortfolioCell *cell;
      AccordChartRect rect;
      char *key;

      g_assert_cmpint (column, >=, 0);
      cell = accord_portfolio_layout_get_cell (layout, column, band_of (item));
      per_cell[item->stage][band_of (item)]++;
      if (!accord_portfolio_layout_get_item_rect (layout, i, &rect))
        continue;
      placed++;
      g_assert_true (rect_inside (&rect, &cell->area));
      g_assert_cmpfloat (rect.width, ==, cell->size);
      key = g_strdup_printf ("%.1f,%.1f", rect.x, rect.y);
      g_assert_false (g_hash_table_contains (seen, key));
      g_hash_table_add (seen, key);
    }

  for (guint c = 0; c < accord_portfolio_layout_get_n_columns (layout); c++)
    for (int b = 0; b < ACCORD_CHART_N_BANDS; b++)
      {
        const AccordPortfolioCell *cell = accord_portfolio_layout_get_cell (layout, c, b);

        g_assert_cmpint (cell->stage, ==, accord_portfolio_layout_get_column_stage (layout, c));
        g_assert_cmpint (cell->band, ==, b);
        g_assert_cmpuint (cell->count, ==, per_cell[cell->stage][b]);
        g_assert_cmpuint (cell->shown, <=, cell->count);
        g_assert_true (rect_inside (&cell->area, &cell->rect));
        total += cell->count;
        shown += cell->shown;
      }
  g_assert_cmpuint (total, ==, data->n_items);
  g_assert_cmpuint (shown, ==, placed);
}

static void
test_layout_places_everyone (void)
{
  g_autofree AccordPortfolioItem *items = make_items (500, 7, NULL);
  AccordPortfolioData data = { items, 500, FALSE };
  g_autoptr(AccordPortfolioLayout) layout = make_layout (&data, 900, 600, FALSE);
  double shared = 0;

  g_assert_cmpuint (accord_portfolio_layout_get_n_columns (layout), ==, ACCORD_N_STAGES);
  check_placement (&data, layout);

  /* 500 fit: everyone is drawn, every cell with the same square size. */
  for (guint i = 0; i < data.n_items; i++)
    {
      AccordChartRect rect;

      g_assert_true (accord_portfolio_layout_get_item_rect (layout, i, &rect));
      if (shared == 0)
        shared = rect.width;
      g_assert_cmpfloat (rect.width, ==, shared);
    }
  g_assert_cmpfloat (shared, >=, 4);

  /* Within a cell, higher scores come first (left to right, top down). */
  for (guint i = 0; i < data.n_items; i++)
    for (guint j = 0; j < data.n_items; j++)
      if (items[i].stage == items[j].stage && band_of (&items[i]) == band_of (&items[j]) &&
          items[i].score > items[j].score)
        {
          AccordChartRect ri, rj;

          accord_portfolio_layout_get_item_rect (layout, i, &ri);
          accord_portfolio_layout_get_item_rect (layout, j, &rj);
          g_assert_true (ri.y < rj.y || (ri.y == rj.y && ri.x < rj.x));
        }

  /* Columns go in lifecycle order, the busiest widest. */
  for (guint c = 0; c + 1 < ACCORD_N_STAGES; c++)
    g_assert_cmpfloat (accord_portfolio_layout_get_column_rect (layout, c)->x, <,
                       accord_portfolio_layout_get_column_rect (layout, c + 1)->x);
  g_assert_cmpfloat (accord_portfolio_layout_get_column_rect (layout,
                                                              column_of (layout, ACCORD_STAGE_GROWING))->width, >,
                     accord_portfolio_layout_get_column_rect (layout,
                                                              column_of (layout, ACCORD_STAGE_OUTREACH))->width);
}

static void
test_hide_empty_stages (void)
{
  static const AccordPortfolioItem few[] = {
    { 1, "Acme", ACCORD_STAGE_GROWING, 72 },
    { 2, "Beta", ACCORD_STAGE_OUTREACH, -1 },
    { 3, "Gamma", 42, 50 },  /* not a stage: left out */
  };
  AccordPortfolioData data = { few, G_N_ELEMENTS (few), TRUE };
  g_autoptr(AccordPortfolioLayout) layout = make_layout (&data, 600, 400, FALSE);
  g_autoptr(AccordChartTable) table = accord_portfolio_chart_table (&data);
  AccordChartRect rect;

  g_assert_cmpuint (accord_portfolio_layout_get_n_columns (layout), ==, 2);
  g_assert_cmpint (accord_portfolio_layout_get_column_stage (layout, 0), ==, ACCORD_STAGE_OUTREACH);
  g_assert_cmpint (accord_portfolio_layout_get_column_stage (layout, 1), ==, ACCORD_STAGE_GROWING);
  g_assert_true (accord_portfolio_layout_get_item_rect (layout, 0, &rect));
  g_assert_true (accord_portfolio_layout_get_item_rect (layout, 1, &rect));
  g_assert_false (accord_portfolio_layout_get_item_rect (layout, 2, &rect));
  g_assert_false (accord_portfolio_layout_get_item_rect (layout, 99, &rect));
  g_assert_cmpuint (table->rows->len, ==, 3);  /* two stages and the total */
}

static void
test_hit_test (void)
{
  g_autofree char **names = g_new0 (char *, 501);
  g_autofree AccordPortfolioItem *items = make_items (500, 11, names);
  AccordPortfolioData data = { items, 500, FALSE };
  g_autoptr(AccordPortfolioLayout) layout = make_layout (&data, 900, 600, FALSE);
  g_autoptr(AccordPortfolioLayout) rtl = make_layout (&data, 900, 600, TRUE);
  AccordPortfolioHit hit;
  const AccordChartRect *r;
  const AccordPortfolioCell *cell;

  /* Every square, in both directions, leads back to its partner. */
  for (guint i = 0; i < data.n_items; i++)
    {
      AccordChartRect rect, mirrored;

      g_assert_true (accord_portfolio_layout_get_item_rect (layout, i, &rect));
      g_assert_true (accord_portfolio_chart_hit_test (layout, rect.x + rect.width / 2,
                                                      rect.y + rect.height / 2, &hit));
      g_assert_cmpint (hit.kind, ==, ACCORD_PORTFOLIO_HIT_ITEM);
      g_assert_cmpint (hit.item, ==, (int) i);
      g_assert_cmpint (hit.id, ==, items[i].id);
      g_assert_cmpint (hit.stage, ==, items[i].stage);
      g_assert_cmpint (hit.band, ==, band_of (&items[i]));

      g_assert_true (accord_portfolio_layout_get_item_rect (rtl, i, &mirrored));
      g_assert_cmpfloat_with_epsilon (mirrored.x, 900 - rect.x - rect.width, 0.01);
      g_assert_cmpfloat_with_epsilon (mirrored.y, rect.y, 0.01);
      g_assert_true (accord_portfolio_chart_hit_test (rtl, mirrored.x + mirrored.width / 2,
                                                      mirrored.y + mirrored.height / 2, &hit));
      g_assert_cmpint (hit.kind, ==, ACCORD_PORTFOLIO_HIT_ITEM);
      g_assert_cmpint (hit.item, ==, (int) i);
    }

  /* Headings. */
  r = accord_portfolio_layout_get_column_rect (layout, column_of (layout, ACCORD_STAGE_GROWING));
  g_assert_true (accord_portfolio_chart_hit_test (layout, r->x + r->width / 2, r->y + r->height / 2, &hit));
  g_assert_cmpint (hit.kind, ==, ACCORD_PORTFOLIO_HIT_STAGE);
  g_assert_cmpint (hit.stage, ==, ACCORD_STAGE_GROWING);
  r = accord_portfolio_layout_get_row_rect (layout, ACCORD_HEALTH_AT_RISK);
  g_assert_true (accord_portfolio_chart_hit_test (layout, r->x + 2, r->y + r->height / 2, &hit));
  g_assert_cmpint (hit.kind, ==, ACCORD_PORTFOLIO_HIT_BAND);
  g_assert_cmpint (hit.band, ==, ACCORD_HEALTH_AT_RISK);

  /* Off the squares but in a cell: the cell. The gap between two squares
   * and the empty end of the last row both count. */
  cell = accord_portfolio_layout_get_cell (layout, column_of (layout, ACCORD_STAGE_GROWING), ACCORD_HEALTH_HEALTHY);
  g_assert_cmpuint (cell->shown, >, cell->columns);
  g_assert_true (accord_portfolio_chart_hit_test (layout, cell->area.x + cell->size + cell->gap / 2,
                                                  cell->area.y + 1, &hit));
  g_assert_cmpint (hit.kind, ==, ACCORD_PORTFOLIO_HIT_CELL);
  g_assert_cmpuint (hit.count, ==, cell->count);
  g_assert_true (accord_portfolio_chart_hit_test (layout, cell->area.x + cell->area.width - 1,
                                                  cell->area.y + cell->area.height - 1, &hit));
  g_assert_cmpint (hit.kind, ==, ACCORD_PORTFOLIO_HIT_CELL);
  g_assert_cmpint (hit.stage, ==, ACCORD_STAGE_GROWING);
  g_assert_cmpint (hit.band, ==, ACCORD_HEALTH_HEALTHY);

  g_assert_false (accord_portfolio_chart_hit_test (layout, 1, 1, &hit));
  g_assert_cmpint (hit.kind, ==, ACCORD_PORTFOLIO_HIT_NONE);
  g_assert_cmpint (hit.item, ==, -1);

  for (guint i = 0; i < data.n_items; i++)
    g_free (names[i]);
}

static void
test_rtl_mirrors (void)
{
  g_autofree AccordPortfolioItem *items = make_items (300, 3, NULL);
  AccordPortfolioData data = { items, 300, FALSE };
  g_autoptr(AccordPortfolioLayout) ltr = make_layout (&data, 800, 500, FALSE);
  g_autoptr(AccordPortfolioLayout) rtl = make_layout (&data, 800, 500, TRUE);
  const AccordChartPalette *light = accord_chart_palette_get (ACCORD_CHART_THEME_LIGHT);
  cairo_surface_t *ls, *rs;

  for (guint c = 0; c < ACCORD_N_STAGES; c++)
    {
      const AccordChartRect *l = accord_portfolio_layout_get_column_rect (ltr, c);
      const AccordChartRect *r = accord_portfolio_layout_get_column_rect (rtl, c);

      g_assert_cmpfloat_with_epsilon (r->x, 800 - l->x - l->width, 0.01);
      for (int b = 0; b < ACCORD_CHART_N_BANDS; b++)
        {
          const AccordPortfolioCell *lc = accord_portfolio_layout_get_cell (ltr, c, b);
          const AccordPortfolioCell *rc = accord_portfolio_layout_get_cell (rtl, c, b);

          g_assert_cmpfloat_with_epsilon (rc->rect.x, 800 - lc->rect.x - lc->rect.width, 0.01);
          g_assert_cmpfloat_with_epsilon (rc->area.x, 800 - lc->area.x - lc->area.width, 0.01);
          g_assert_cmpuint (rc->shown, ==, lc->shown);
        }
    }
  /* The first stage is on the right, the row headings too. */
  g_assert_cmpfloat (accord_portfolio_layout_get_column_rect (rtl, 0)->x, >,
                     accord_portfolio_layout_get_column_rect (rtl, ACCORD_N_STAGES - 1)->x);
  g_assert_cmpfloat (accord_portfolio_layout_get_row_rect (rtl, 0)->x, >,
                     accord_portfolio_layout_get_column_rect (rtl, 0)->x);

  /* The pixels of a square move to the mirrored place. */
  ls = draw (ltr, ACCORD_CHART_THEME_LIGHT);
  rs = draw (rtl, ACCORD_CHART_THEME_LIGHT);
  for (guint i = 0; i < data.n_items; i += 17)
    {
      AccordChartRect lr, rr;
      guint32 colour = chart_test_rgb (&light->bands[band_of (&items[i])]);

      g_assert_true (accord_portfolio_layout_get_item_rect (ltr, i, &lr));
      g_assert_true (accord_portfolio_layout_get_item_rect (rtl, i, &rr));
      g_assert_cmphex (chart_test_pixel (ls, (int) (lr.x + lr.width / 2), (int) (lr.y + lr.height / 2)), ==, colour);
      g_assert_cmphex (chart_test_pixel (rs, (int) (rr.x + rr.width / 2), (int) (rr.y + rr.height / 2)), ==, colour);
    }
  cairo_surface_destroy (ls);
  cairo_surface_destroy (rs);
}

static void
test_ten_thousand (void)
{
  const guint n = 10000;
  g_autofree AccordPortfolioItem *items = make_items (n, 2026, NULL);
  AccordPortfolioData data = { items, n, FALSE };
  const AccordChartPalette *light = accord_chart_palette_get (ACCORD_CHART_THEME_LIGHT);
  cairo_surface_t *surface = chart_test_surface_new (1200, 800);
  PangoContext *pango = chart_test_pango_new ();
  gint64 best = G_MAXINT64, sum = 0, layout_best = G_MAXINT64;
  const int runs = 5;
  g_autoptr(AccordPortfolioLayout) layout = NULL;
  guint hits = 0;

  /* The time to lay out and draw, as the widget does on a resize. */
  for (int run = 0; run < runs; run++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time (), laid_out, end;

      g_clear_pointer (&layout, accord_portfolio_layout_free);
      layout = accord_portfolio_chart_layout (&data, 1200, 800, pango, NULL);
      laid_out = g_get_monotonic_time ();
      accord_portfolio_chart_draw (cr, layout, light);
      cairo_surface_flush (surface);
      end = g_get_monotonic_time ();
      cairo_destroy (cr);

      best = MIN (best, end - start);
      layout_best = MIN (layout_best, laid_out - start);
      sum += end - start;
    }
  g_test_message ("portfolio of %u partners at 1200x800: layout and draw %.1f ms best, %.1f ms mean "
                  "(layout alone %.1f ms) over %d runs",
                  n, best / 1000.0, sum / 1000.0 / runs, layout_best / 1000.0, runs);
  g_object_unref (pango);

  check_placement (&data, layout);

  /* Readable: the squares are still squares, and most of them are drawn. */
  for (guint c = 0; c < accord_portfolio_layout_get_n_columns (layout); c++)
    for (int b = 0; b < ACCORD_CHART_N_BANDS; b++)
      g_assert_cmpfloat (accord_portfolio_layout_get_cell (layout, c, b)->size, >=, 2);

  for (guint i = 0; i < n; i++)
    {
      AccordChartRect rect;
      AccordPortfolioHit hit;

      if (!accord_portfolio_layout_get_item_rect (layout, i, &rect))
        continue;
      g_assert_true (accord_portfolio_chart_hit_test (layout, rect.x + rect.width / 2,
                                                      rect.y + rect.height / 2, &hit));
      g_assert_cmpint (hit.kind, ==, ACCORD_PORTFOLIO_HIT_ITEM);
      g_assert_cmpint (hit.item, ==, (int) i);
      if (i % 97 == 0)
        g_assert_cmphex (chart_test_pixel (surface, (int) (rect.x + rect.width / 2),
                                           (int) (rect.y + rect.height / 2)), ==, chart_test_rgb (&light->bands[band_of (&items[i])]));
      hits++;
    }
  g_assert_cmpuint (hits, >, n * 9 / 10);
  cairo_surface_destroy (surface);
}

/* Far more partners in one cell than fit: it packs the smallest squares,
 * draws what fits and says so; the other cells keep readable squares. */
static void
test_overflow (void)
{
  const guint n = 20000;
  g_autofree AccordPortfolioItem *items = g_new0 (AccordPortfolioItem, n);
  AccordPortfolioData data = { items, n, FALSE };
  g_autoptr(AccordPortfolioLayout) layout = NULL;
  const AccordPortfolioCell *crowded, *other;
  AccordPortfolioHit hit;
  g_autofree char *tooltip = NULL;
  cairo_surface_t *surface;

  for (guint i = 0; i < n; i++)
    items[i] = (AccordPortfolioItem) { i + 1, "Partner", ACCORD_STAGE_GROWING, 90 };
  items[0].stage = ACCORD_STAGE_OUTREACH;
  items[0].score = 50;
  layout = make_layout (&data, 900, 600, FALSE);

  crowded = accord_portfolio_layout_get_cell (layout, column_of (layout, ACCORD_STAGE_GROWING), ACCORD_HEALTH_HEALTHY);
  other = accord_portfolio_layout_get_cell (layout, column_of (layout, ACCORD_STAGE_OUTREACH), ACCORD_HEALTH_WATCH);
  g_assert_cmpuint (crowded->count, ==, n - 1);
  g_assert_cmpuint (crowded->shown, <, crowded->count);
  g_assert_cmpuint (crowded->shown, >, 0);
  g_assert_cmpfloat (crowded->size, ==, 2);
  g_assert_cmpfloat (other->size, >=, 4);
  check_placement (&data, layout);

  g_assert_true (accord_portfolio_chart_hit_test (layout, crowded->area.x + crowded->area.width / 2,
                                                  crowded->area.y - 2, &hit));
  g_assert_cmpint (hit.kind, ==, ACCORD_PORTFOLIO_HIT_CELL);
  g_assert_cmpuint (hit.count, ==, n - 1);
  g_assert_cmpuint (hit.shown, ==, crowded->shown);
  tooltip = accord_portfolio_chart_tooltip (&data, &hit);
  g_assert_nonnull (strstr (tooltip, "Growing, Healthy: 19999 partners"));
  g_assert_nonnull (strstr (tooltip, "drawn"));

  surface = draw (layout, ACCORD_CHART_THEME_LIGHT);
  cairo_surface_destroy (surface);
}

static void
test_empty (void)
{
  AccordPortfolioData data = { NULL, 0, FALSE };
  g_autoptr(AccordPortfolioLayout) layout = make_layout (&data, 600, 400, FALSE);
  g_autoptr(AccordPortfolioLayout) hidden = NULL;
  g_autoptr(AccordChartTable) table = accord_portfolio_chart_table (&data);
  g_autofree char *text = accord_portfolio_chart_describe (&data);
  g_autofree AccordChartRect *texts = NULL;
  const AccordChartPalette *light = accord_chart_palette_get (ACCORD_CHART_THEME_LIGHT);
  const AccordPortfolioCell *cell = accord_portfolio_layout_get_cell (layout, 0, 0);
  cairo_surface_t *surface;
  AccordPortfolioHit hit;
  guint n_texts, not_bg = 0;
  char **total;

  g_assert_cmpstr (text, ==, "No partners to show.");
  g_assert_cmpuint (table->rows->len, ==, ACCORD_N_STAGES + 1);
  total = g_ptr_array_index (table->rows, ACCORD_N_STAGES);
  g_assert_cmpstr (total[0], ==, "Total");
  g_assert_cmpstr (total[5], ==, "0");

  g_assert_cmpuint (cell->count, ==, 0);
  g_assert_cmpuint (cell->shown, ==, 0);
  g_assert_true (accord_portfolio_chart_hit_test (layout, cell->rect.x + 5, cell->rect.y + 5, &hit));
  g_assert_cmpint (hit.kind, ==, ACCORD_PORTFOLIO_HIT_CELL);
  g_assert_cmpuint (hit.count, ==, 0);

  /* Only headings, grid lines and the message: no squares of any band. */
  surface = draw (layout, ACCORD_CHART_THEME_LIGHT);
  texts = accord_portfolio_layout_get_text_rects (layout, &n_texts);
  for (int y = 0; y < 400; y++)
    for (int x = 0; x < 600; x++)
      for (int b = 0; b < ACCORD_CHART_N_BANDS; b++)
        if (chart_test_pixel (surface, x, y) == chart_test_rgb (&light->bands[b]))
          {
            const AccordChartRect *swatch_row = accord_portfolio_layout_get_row_rect (layout, b);

            /* The legend swatch in the row heading is the only place. */
            g_assert_cmpfloat (x, <, swatch_row->x + swatch_row->width);
          }
  /* The message is drawn in the middle of the grid. */
  for (guint i = 0; i < n_texts; i++)
    if (texts[i].y > 150 && texts[i].y < 250 && texts[i].x > 200)
      for (int y = (int) texts[i].y; y < texts[i].y + texts[i].height; y++)
        for (int x = (int) texts[i].x; x < texts[i].x + texts[i].width; x++)
          not_bg += chart_test_pixel (surface, x, y) != chart_test_rgb (&light->background);
  g_assert_cmpuint (not_bg, >, 20);
  cairo_surface_destroy (surface);

  /* Hiding empty stages with nobody at all still draws the columns. */
  data.hide_empty_stages = TRUE;
  hidden = make_layout (&data, 600, 400, TRUE);
  g_assert_cmpuint (accord_portfolio_layout_get_n_columns (hidden), ==, ACCORD_N_STAGES);
  surface = draw (hidden, ACCORD_CHART_THEME_HIGH_CONTRAST_DARK);
  cairo_surface_destroy (surface);
}

static const AccordPortfolioItem team[] = {
  { 1, "Acme", ACCORD_STAGE_GROWING, 72 },
  { 2, "Beta", ACCORD_STAGE_IDENTIFIED, -1 },
  { 3, "Gamma", ACCORD_STAGE_GROWING, 95 },
  { 4, "Delta", ACCORD_STAGE_OUTREACH, 12 },
  { 5, "Epsilon", ACCORD_STAGE_GROWING, 70 },
  { 6, "Zeta", ACCORD_STAGE_OUTREACH, 39 },
  { 7, "Eta", ACCORD_STAGE_GROWING, 69 },
};

static void
test_words (void)
{
  AccordPortfolioData data = { team, G_N_ELEMENTS (team), FALSE };
  g_autofree char *text = accord_portfolio_chart_describe (&data);
  g_autoptr(AccordChartTable) table = accord_portfolio_chart_table (&data);
  const char *growing[] = { "Growing", "3", "1", "0", "0", "4" };
  const char *total[] = { "Total", "3", "1", "2", "1", "7" };
  const struct
  {
    AccordPortfolioHit hit;
    const char        *expected;
  } tooltips[] = {
    { { ACCORD_PORTFOLIO_HIT_ITEM, 0, 1, ACCORD_STAGE_GROWING, 0, 0, 0 },
      "Acme\nGrowing, health 72 (Healthy)" },
    { { ACCORD_PORTFOLIO_HIT_ITEM, 1, 2, ACCORD_STAGE_IDENTIFIED, 3, 0, 0 },
      "Beta\nIdentified, not scored" },
    { { ACCORD_PORTFOLIO_HIT_CELL, -1, 0, ACCORD_STAGE_OUTREACH, ACCORD_HEALTH_AT_RISK, 2, 2 },
      "Outreach, At risk: 2 partners" },
    { { ACCORD_PORTFOLIO_HIT_CELL, -1, 0, ACCORD_STAGE_GROWING, ACCORD_HEALTH_WATCH, 1, 1 },
      "Growing, Watch: 1 partner" },
    { { ACCORD_PORTFOLIO_HIT_STAGE, -1, 0, ACCORD_STAGE_GROWING, -1, 4, 0 },
      "Growing: 4 partners" },
    { { ACCORD_PORTFOLIO_HIT_BAND, -1, 0, 0, ACCORD_CHART_BAND_UNKNOWN, 1, 0 },
      "Not scored: 1 partner" },
    { { ACCORD_PORTFOLIO_HIT_NONE, -1, 0, 0, -1, 0, 0 },
      NULL },
  };
  char **row;

  g_assert_cmpstr (text, ==,
                   "7 partners: 3 healthy, 1 to watch, 2 at risk, 1 not scored. "
                   "By stage: Identified 1, Outreach 2, Growing 4.");

  g_assert_cmpuint (table->n_columns, ==, 6);
  g_assert_cmpstr (table->headers[1], ==, "Healthy");
  g_assert_cmpstr (table->headers[4], ==, "Not scored");
  g_assert_cmpuint (table->rows->len, ==, ACCORD_N_STAGES + 1);
  row = g_ptr_array_index (table->rows, ACCORD_STAGE_GROWING);
  for (guint i = 0; i < G_N_ELEMENTS (growing); i++)
    g_assert_cmpstr (row[i], ==, growing[i]);
  row = g_ptr_array_index (table->rows, ACCORD_N_STAGES);
  for (guint i = 0; i < G_N_ELEMENTS (total); i++)
    g_assert_cmpstr (row[i], ==, total[i]);

  for (guint i = 0; i < G_N_ELEMENTS (tooltips); i++)
    {
      g_autofree char *tip = accord_portfolio_chart_tooltip (&data, &tooltips[i].hit);

      g_assert_cmpstr (tip, ==, tooltips[i].expected);
    }
}

static void
test_dark_palette (void)
{
  g_autofree AccordPortfolioItem *items = make_items (200, 5, NULL);
  AccordPortfolioData data = { items, 200, FALSE };
  g_autoptr(AccordPortfolioLayout) layout = make_layout (&data, 600, 400, FALSE);
  const AccordChartPalette *light = accord_chart_palette_get (ACCORD_CHART_THEME_LIGHT);
  const AccordChartPalette *dark = accord_chart_palette_get (ACCORD_CHART_THEME_DARK);
  cairo_surface_t *ls = draw (layout, ACCORD_CHART_THEME_LIGHT);
  cairo_surface_t *ds = draw (layout, ACCORD_CHART_THEME_DARK);
  guint changed = 0;

  g_assert_cmphex (chart_test_pixel (ls, 1, 1), ==, chart_test_rgb (&light->background));
  g_assert_cmphex (chart_test_pixel (ds, 1, 1), ==, chart_test_rgb (&dark->background));
  for (int y = 0; y < 400; y++)
    for (int x = 0; x < 600; x++)
      changed += chart_test_pixel (ls, x, y) != chart_test_pixel (ds, x, y);
  /* Nearly every pixel: the background and every square change colour. */
  g_assert_cmpuint (changed, >, 600 * 400 * 9 / 10);
  cairo_surface_destroy (ls);
  cairo_surface_destroy (ds);
}

/* The reference: 200 partners at 480x320, light, text masked out (see
 * chart-test-util.h for the tolerance). Regenerate with
 * ACCORD_UPDATE_REFERENCES=1 meson test -C build test-portfolio-chart after
 * an intended change, and look at the new image before committing. */
static void
test_reference_image (void)
{
  g_autofree AccordPortfolioItem *items = make_items (200, 42, NULL);
  AccordPortfolioData data = { items, 200, FALSE };
  g_autoptr(AccordPortfolioLayout) layout = make_layout (&data, 480, 320, FALSE);
  g_autofree AccordChartRect *texts = NULL;
  cairo_surface_t *surface;
  guint n_texts, changed, compared;

  texts = accord_portfolio_layout_get_text_rects (layout, &n_texts);
  surface = draw (layout, ACCORD_CHART_THEME_LIGHT);
  g_assert_true (chart_test_compare_reference (surface, "portfolio.png", texts, n_texts, NULL, NULL));
  cairo_surface_destroy (surface);

  /* The comparison notices a change: healthy partners in another colour. */
  {
    AccordChartPalette changed_palette = *accord_chart_palette_get (ACCORD_CHART_THEME_LIGHT);
    cairo_t *cr;

    changed_palette.bands[ACCORD_HEALTH_HEALTHY] = changed_palette.bands[ACCORD_HEALTH_AT_RISK];
    surface = chart_test_surface_new (480, 320);
    cr = cairo_create (surface);
    accord_portfolio_chart_draw (cr, layout, &changed_palette);
    cairo_destroy (cr);
    if (!chart_test_updating_references ())
      {
        g_assert_false (chart_test_compare_reference (surface, "portfolio.png", texts, n_texts,
                                                      &changed, &compared));
        g_assert_cmpuint (changed, >, 0);
        g_assert_cmpuint (compared, >, 0);
      }
    cairo_surface_destroy (surface);
  }
}

static void
test_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("accord-chart-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "book.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "book.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "book.PDF", NULL);
  g_autofree AccordPortfolioItem *items = make_items (1000, 9, NULL);
  AccordPortfolioData data = { items, 1000, FALSE };
  AccordChartOptions options = { .show_title = TRUE, .rtl = TRUE };
  const AccordChartPalette *hc = accord_chart_palette_get (ACCORD_CHART_THEME_HIGH_CONTRAST);

  g_assert_no_error (error);
  g_assert_true (accord_portfolio_chart_export (&data, png, 1200, 800, &options, hc, &error));
  g_assert_no_error (error);
  g_assert_true (chart_test_file_starts_with (png, "\x89PNG\r\n\x1a\n", 8));
  g_assert_true (accord_portfolio_chart_export (&data, svg, 1200, 800, &options, hc, &error));
  g_assert_no_error (error);
  g_assert_true (chart_test_file_starts_with (svg, "<?xml", 5));
  g_assert_true (accord_portfolio_chart_export (&data, pdf, 1200, 800, &options, hc, &error));
  g_assert_no_error (error);
  g_assert_true (chart_test_file_starts_with (pdf, "%PDF-", 5));

  g_remove (png);
  g_remove (svg);
  g_remove (pdf);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/portfolio-chart/layout", test_layout_places_everyone);
  g_test_add_func ("/portfolio-chart/hide-empty-stages", test_hide_empty_stages);
  g_test_add_func ("/portfolio-chart/hit-test", test_hit_test);
  g_test_add_func ("/portfolio-chart/rtl-mirrors", test_rtl_mirrors);
  g_test_add_func ("/portfolio-chart/ten-thousand", test_ten_thousand);
  g_test_add_func ("/portfolio-chart/overflow", test_overflow);
  g_test_add_func ("/portfolio-chart/empty", test_empty);
  g_test_add_func ("/portfolio-chart/words", test_words);
  g_test_add_func ("/portfolio-chart/dark-palette", test_dark_palette);
  g_test_add_func ("/portfolio-chart/reference-image", test_reference_image);
  g_test_add_func ("/portfolio-chart/export", test_export);

  return g_test_run ();
}
