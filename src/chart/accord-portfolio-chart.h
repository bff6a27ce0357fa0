/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-chart-common.h"

G_BEGIN_DECLS

/* Every partner at once: a grid with a column per lifecycle stage and a
 * row per health band (healthy, watch, at risk, not scored), each partner
 * a small square in its cell. Columns and rows share the space half
 * equally and half by how many partners they hold. All cells use one
 * square size (12 px down to 4 px), the largest that fits them all, so
 * cells compare by area; a cell too full for that packs smaller squares on
 * its own (down to 2 px), and past that draws what fits and says how many
 * there are. Every cell shows its count. Layout is O(n) (counting sorts,
 * no comparison sort) and so is drawing, so 10,000 partners stay
 * interactive.
 *
 * As with the other charts: layout once from data, size and options; draw
 * and hit-test the same layout. The data is not copied. */

typedef struct
{
  gint64       id;     /* the partner's id, handed back by hit-testing */
  const char  *name;
  AccordStage  stage;
  int          score;  /* 0..100, or -1 when not scored */
} AccordPortfolioItem;

typedef struct
{
  const AccordPortfolioItem *items;
  guint                      n_items;
  gboolean                   hide_empty_stages;  /* no column for a stage nobody is in */
} AccordPortfolioData;

typedef struct _AccordPortfolioLayout AccordPortfolioLayout;

AccordPortfolioLayout *accord_portfolio_chart_layout (const AccordPortfolioData *data,
                                                      int                        width,
                                                      int                        height,
                                                      PangoContext              *pango,
                                                      const AccordChartOptions  *options);
void accord_portfolio_layout_free (AccordPortfolioLayout *layout);

/* Paints the background and the chart. Needs nothing but the layout. */
void accord_portfolio_chart_draw (cairo_t                     *cr,
                                  const AccordPortfolioLayout *layout,
                                  const AccordChartPalette    *palette);

/* Lays out and draws into @cr at @width x @height: for printing and export. */
void accord_portfolio_chart_render (cairo_t                   *cr,
                                    const AccordPortfolioData *data,
                                    int                        width,
                                    int                        height,
                                    const AccordChartOptions  *options,
                                    const AccordChartPalette  *palette);

/* Writes the chart to @path, a .png, .svg or .pdf file. */
gboolean accord_portfolio_chart_export (const AccordPortfolioData  *data,
                                        const char                 *path,
                                        int                         width,
                                        int                         height,
                                        const AccordChartOptions   *options,
                                        const AccordChartPalette   *palette,
                                        GError                    **error);

typedef enum
{
  ACCORD_PORTFOLIO_HIT_NONE,
  ACCORD_PORTFOLIO_HIT_ITEM,   /* a partner's square */
  ACCORD_PORTFOLIO_HIT_CELL,   /* a cell, off any square */
  ACCORD_PORTFOLIO_HIT_STAGE,  /* a column heading */
  ACCORD_PORTFOLIO_HIT_BAND,   /* a row heading */
} AccordPortfolioHitKind;

typedef struct
{
  AccordPortfolioHitKind kind;
  int                    item;   /* index into data->items, or -1 */
  gint64                 id;     /* the item's id, or 0 */
  AccordStage            stage;  /* for ITEM, CELL, STAGE */
  int                    band;   /* AccordHealthBand or ACCORD_CHART_BAND_UNKNOWN
                                  * (ITEM, CELL, BAND) */
  guint                  count;  /* partners in the cell, column or row */
  guint                  shown;  /* of those, drawn (CELL) */
} AccordPortfolioHit;

gboolean accord_portfolio_chart_hit_test (const AccordPortfolioLayout *layout,
                                          double                       x,
                                          double                       y,
                                          AccordPortfolioHit          *hit);

/* Tooltip text for @hit; @data is what the layout was made from. */
char *accord_portfolio_chart_tooltip (const AccordPortfolioData *data,
                                      const AccordPortfolioHit  *hit);

/* "1,200 partners: 800 healthy, ... By stage: Identified 300, ...". */
char *accord_portfolio_chart_describe (const AccordPortfolioData *data);

/* Counts per stage (rows) and band (columns), with totals. */
AccordChartTable *accord_portfolio_chart_table (const AccordPortfolioData *data);

/* "Healthy", "Watch", "At risk", "Not scored". */
const char *accord_portfolio_band_label (int band);

/* Geometry, for tests and widgets that draw focus. */

typedef struct
{
  AccordStage     stage;
  int             band;
  AccordChartRect rect;    /* the whole cell */
  AccordChartRect area;    /* where squares go */
  guint           count;   /* partners in the cell */
  guint           shown;   /* squares drawn: count, or what fits */
  guint           columns; /* squares per row */
  double          size;    /* a square's side */
  double          gap;     /* between squares */
} AccordPortfolioCell;

int      accord_portfolio_layout_get_width     (const AccordPortfolioLayout *layout);
int      accord_portfolio_layout_get_height    (const AccordPortfolioLayout *layout);
guint    accord_portfolio_layout_get_n_columns (const AccordPortfolioLayout *layout);
AccordStage accord_portfolio_layout_get_column_stage (const AccordPortfolioLayout *layout,
                                                      guint                        column);
/* The column heading's rectangle. */
const AccordChartRect *
accord_portfolio_layout_get_column_rect (const AccordPortfolioLayout *layout,
                                         guint                        column);
const AccordChartRect *
accord_portfolio_layout_get_row_rect (const AccordPortfolioLayout *layout,
                                      int                          band);
const AccordPortfolioCell *
accord_portfolio_layout_get_cell (const AccordPortfolioLayout *layout,
                                  guint                        column,
                                  int                          band);
/* Where item @item (index into data->items) is drawn; FALSE when it is
 * not (its cell overflowed, or its stage is not valid). */
gboolean accord_portfolio_layout_get_item_rect (const AccordPortfolioLayout *layout,
                                                guint                        item,
                                                AccordChartRect             *rect);
/* Every rectangle text is drawn in (free with g_free()). */
AccordChartRect *accord_portfolio_layout_get_text_rects (const AccordPortfolioLayout *layout,
                                                         guint                       *n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordPortfolioLayout, accord_portfolio_layout_free)

G_END_DECLS
