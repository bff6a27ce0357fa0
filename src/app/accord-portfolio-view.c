/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-portfolio-view.h"

#include "accord-chart-data.h"
#include "accord-chart-ui.h"
#include "accord-form.h"
#include "accord-store.h"

#include <glib/gi18n.h>

/* The data is read in one bulk query when the workspace changes (in an
 * idle, so a burst of changes reads once, and only while the view is
 * mapped), laid out when the data, size or direction change, and drawn
 * from that layout. Tooltips, clicks and the keyboard cursor all
 * hit-test the same layout.
 *
 * The keyboard cursor is a square: a cell (column, band) and the
 * square's place in the cell's reading order. Arrows move square by
 * square and on into the neighbouring cell at the edges; Home and End go
 * to the cell's first and last square; Enter or Space open the partner. */

/* Below this width the chart leaves out the stages nobody is in. */
#define NARROW_WIDTH 560

struct _AccordPortfolioView
{
  GtkWidget parent_instance;

  AccordStore *store;
  GListModel *partners;

  AccordPortfolioSource *source;
  AccordPortfolioLayout *layout;
  guint reload_id;
  gboolean dirty;
  gboolean show_table;

  /* The keyboard cursor, and the items of its cell in drawing order. */
  gboolean has_cursor;
  guint cursor_column;
  int cursor_band;
  guint cursor_k;
  GArray *cell_items;  /* of guint, item indices; NULL: not gathered */

  int hover_item;      /* -1: none */

  GtkStack *stack;
  GtkDrawingArea *area;
  GtkLabel *status;
  GtkColumnView *table;
  GtkToggleButton *table_button;
  GtkMenuButton *menu_button;
};

G_DEFINE_FINAL_TYPE (AccordPortfolioView, accord_portfolio_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SHOW_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  PARTNER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_rtl (AccordPortfolioView *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self->area)) == GTK_TEXT_DIR_RTL;
}

static int
item_band (const AccordPortfolioItem *item)
{
  if (item->score < 0)
    return ACCORD_CHART_BAND_UNKNOWN;
  return accord_health_band (MIN (item->score, 100));
}

static gboolean
column_of_stage (const AccordPortfolioLayout *layout,
                 AccordStage                  stage,
                 guint                       *column)
{
  guint n = accord_portfolio_layout_get_n_columns (layout);

  for (guint c = 0; c < n; c++)
    if (accord_portfolio_layout_get_column_stage (layout, c) == stage)
      {
        *column = c;
        return TRUE;
      }
  return FALSE;
}

/* Cursor */

typedef struct
{
  guint  item;
  double x, y;
} Placed;

static int
compare_placed (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  const Placed *pa = a, *pb = b;
  gboolean rtl = GPOINTER_TO_INT (data);

  if (pa->y != pb->y)
    return pa->y < pb->y ? -1 : 1;
  if (pa->x != pb->x)
    return (pa->x < pb->x) != rtl ? -1 : 1;
  return 0;
}

/* The items drawn in the cursor's cell, in reading order: rows top to
 * bottom, each in the reading direction, as the layout placed them. */
static GArray *
ensure_cell_items (AccordPortfolioView *self)
{
  const AccordPortfolioData *data = &self->source->data;
  AccordStage stage;
  g_autoptr(GArray) placed = NULL;

  if (self->cell_items != NULL)
    return self->cell_items;

  stage = accord_portfolio_layout_get_column_stage (self->layout, self->cursor_column);
  placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  for (guint i = 0; i < data->n_items; i++)
    {
      AccordChartRect rect;
      Placed p;

      if (data->items[i].stage != stage || item_band (&data->items[i]) != self->cursor_band ||
          !accord_portfolio_layout_get_item_rect (self->layout, i, &rect))
        continue;
      p.item = i;
      p.x = rect.x;
      p.y = rect.y;
      g_array_append_val (placed, p);
    }
  g_array_sort_with_data (placed, compare_placed, GINT_TO_POINTER (is_rtl (self)));

  self->cell_items = g_array_sized_new (FALSE, FALSE, sizeof (guint), placed->len);
  for (guint i = 0; i < placed->len; i++)
    g_array_append_val (self->cell_items, g_array_index (placed, Placed, i).item);
  return self->cell_items;
}

static const AccordPortfolioCell *
cursor_cell (AccordPortfolioView *self)
{
  return accord_portfolio_layout_get_cell (self->layout, self->cursor_column, self->cursor_band);
}

static gboolean
cursor_valid (AccordPortfolioView *self)
{
  return self->has_cursor && self->layout != NULL &&
         self->cursor_column < accord_portfolio_layout_get_n_columns (self->layout) &&
         self->cursor_k < cursor_cell (self)->shown;
}

/* The item under the cursor, or -1. */
static int
cursor_item (AccordPortfolioView *self)
{
  GArray *items;

  if (!cursor_valid (self))
    return -1;
  items = ensure_cell_items (self);
  if (self->cursor_k >= items->len)
    return -1;
  return (int) g_array_index (items, guint, self->cursor_k);
}

static void
set_cursor (AccordPortfolioView *self,
            guint                column,
            int                  band,
            guint                k)
{
  if (!self->has_cursor || column != self->cursor_column || band != self->cursor_band)
    g_clear_pointer (&self->cell_items, g_array_unref);
  self->has_cursor = TRUE;
  self->cursor_column = column;
  self->cursor_band = band;
  self->cursor_k = k;
}

static void
update_status (AccordPortfolioView *self);

/* Places the cursor on the first square there is, when it has none. */
static void
ensure_cursor (AccordPortfolioView *self)
{
  guint n;

  if (self->layout == NULL || cursor_valid (self))
    return;
  n = accord_portfolio_layout_get_n_columns (self->layout);
  for (int b = 0; b < ACCORD_CHART_N_BANDS; b++)
    for (guint c = 0; c < n; c++)
      if (accord_portfolio_layout_get_cell (self->layout, c, b)->shown > 0)
        {
          set_cursor (self, c, b, 0);
          return;
        }
  self->has_cursor = FALSE;
}

/* Puts the cursor in cell (@c, @b), coming from direction (@dc, @db)
 * out of row @row and column @col of the cell it leaves. */
static void
enter_cell (AccordPortfolioView *self,
            guint                c,
            int                  b,
            int                  dc,
            int                  db,
            guint                row,
            guint                col)
{
  const AccordPortfolioCell *to = accord_portfolio_layout_get_cell (self->layout, c, b);
  guint columns = MAX (to->columns, 1);
  guint k;

  g_assert (to->shown > 0);
  if (db > 0)
    /* From above: its first row. */
    k = MIN (col, to->shown - 1);
  else if (db < 0)
    {
      /* From below: its last row. */
      guint last_row = (to->shown - 1) / columns;

      k = MIN (last_row * columns + MIN (col, columns - 1), to->shown - 1);
    }
  else
    {
      /* Across: the same row (or its last), at the end the cursor comes
       * from. */
      guint r = MIN (row, (to->shown - 1) / columns);
      guint first = r * columns;
      guint last = MIN (first + columns, to->shown) - 1;

      k = dc > 0 ? first : last;
    }
  set_cursor (self, c, b, k);
}

/* Moves into the next cell with squares in direction (@dc, @db): straight
 * on if there is one (the same band across, the same stage up and down),
 * else the nearest one in the next column (or band) that has any, so
 * every square can be reached. FALSE at the edge of the chart. */
static gboolean
move_to_cell (AccordPortfolioView *self,
              int                  dc,
              int                  db)
{
  const AccordPortfolioCell *from = cursor_cell (self);
  guint columns = MAX (from->columns, 1);
  guint row = self->cursor_k / columns;
  guint col = self->cursor_k % columns;
  int n = (int) accord_portfolio_layout_get_n_columns (self->layout);
  int c0 = (int) self->cursor_column;
  int b0 = self->cursor_band;

  for (int c = c0 + dc, b = b0 + db; c >= 0 && c < n && b >= 0 && b < ACCORD_CHART_N_BANDS;
       c += dc, b += db)
    if (accord_portfolio_layout_get_cell (self->layout, c, b)->shown > 0)
      {
        enter_cell (self, c, b, dc, db, row, col);
        return TRUE;
      }

  if (dc != 0)
    for (int c = c0 + dc; c >= 0 && c < n; c += dc)
      {
        int best = -1;

        for (int b = 0; b < ACCORD_CHART_N_BANDS; b++)
          if (accord_portfolio_layout_get_cell (self->layout, c, b)->shown > 0 &&
              (best < 0 || ABS (b - b0) < ABS (best - b0)))
            best = b;
        if (best >= 0)
          {
            enter_cell (self, c, best, dc, 0, 0, col);
            return TRUE;
          }
      }
  else
    for (int b = b0 + db; b >= 0 && b < ACCORD_CHART_N_BANDS; b += db)
      {
        int best = -1;

        for (int c = 0; c < n; c++)
          if (accord_portfolio_layout_get_cell (self->layout, c, b)->shown > 0 &&
              (best < 0 || ABS (c - c0) < ABS (best - c0)))
            best = c;
        if (best >= 0)
          {
            enter_cell (self, best, b, 0, db, row, 0);
            return TRUE;
          }
      }
  return FALSE;
}

static void
cursor_changed (AccordPortfolioView *self)
{
  update_status (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
activate_item (AccordPortfolioView *self,
               int                  item)
{
  AccordPartner *partner;

  if (item < 0 || self->store == NULL || (guint) item >= self->source->data.n_items)
    return;
  partner = accord_store_lookup_partner (self->store, self->source->data.items[item].id);
  if (partner != NULL)
    g_signal_emit (self, signals[PARTNER_ACTIVATED], 0, partner);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AccordPortfolioView   *self)
{
  const AccordPortfolioCell *cell;
  guint columns, col;
  gboolean forward;

  if (self->layout == NULL)
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  ensure_cursor (self);
  if (!cursor_valid (self))
    return FALSE;
  cell = cursor_cell (self);
  columns = MAX (cell->columns, 1);
  col = self->cursor_k % columns;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      /* Squares and columns follow the reading direction. */
      forward = (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right) != is_rtl (self);
      if (forward && col + 1 < columns && self->cursor_k + 1 < cell->shown)
        self->cursor_k++;
      else if (!forward && col > 0)
        self->cursor_k--;
      else if (!move_to_cell (self, forward ? 1 : -1, 0))
        return TRUE;
      break;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (self->cursor_k >= columns)
        self->cursor_k -= columns;
      else if (!move_to_cell (self, 0, -1))
        return TRUE;
      break;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (self->cursor_k + columns < cell->shown)
        self->cursor_k += columns;
      else if (!move_to_cell (self, 0, 1))
        return TRUE;
      break;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      self->cursor_k = 0;
      break;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      self->cursor_k = cell->shown - 1;
      break;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      activate_item (self, cursor_item (self));
      return TRUE;

    default:
      return FALSE;
    }

  cursor_changed (self);
  return TRUE;
}

static void
focus_changed_cb (AccordPortfolioView *self)
{
  if (gtk_widget_has_focus (GTK_WIDGET (self->area)))
    ensure_cursor (self);
  cursor_changed (self);
}

/* Pointer */

static void
click_released_cb (GtkGestureClick     *gesture,
                   int                  n_press,
                   double               x,
                   double               y,
                   AccordPortfolioView *self)
{
  AccordPortfolioHit hit;
  guint column;

  if (n_press != 1 || self->layout == NULL ||
      !accord_portfolio_chart_hit_test (self->layout, x, y, &hit) ||
      hit.kind != ACCORD_PORTFOLIO_HIT_ITEM)
    return;

  /* The keyboard goes on from the square clicked. */
  if (column_of_stage (self->layout, hit.stage, &column))
    {
      GArray *items;

      set_cursor (self, column, hit.band, 0);
      items = ensure_cell_items (self);
      for (guint k = 0; k < items->len; k++)
        if (g_array_index (items, guint, k) == (guint) hit.item)
          self->cursor_k = k;
      cursor_changed (self);
    }
  activate_item (self, hit.item);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           AccordPortfolioView      *self)
{
  AccordPortfolioHit hit;
  int item = -1;

  if (self->layout != NULL && accord_portfolio_chart_hit_test (self->layout, x, y, &hit) &&
      hit.kind == ACCORD_PORTFOLIO_HIT_ITEM)
    item = hit.item;
  if (item == self->hover_item)
    return;
  self->hover_item = item;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->area), item >= 0 ? "pointer" : NULL);
  update_status (self);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          AccordPortfolioView      *self)
{
  self->hover_item = -1;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->area), NULL);
  update_status (self);
}

/* The line under the chart: the partner pointed at or under the keyboard
 * cursor, else how to use the chart. */
static void
update_status (AccordPortfolioView *self)
{
  int item = self->hover_item;
  g_autofree char *text = NULL;

  if (item < 0 && gtk_widget_has_focus (GTK_WIDGET (self->area)))
    item = cursor_item (self);

  if (self->source != NULL && item >= 0 && (guint) item < self->source->data.n_items)
    {
      AccordPortfolioHit hit = {
        .kind = ACCORD_PORTFOLIO_HIT_ITEM,
        .item = item,
        .id = self->source->data.items[item].id,
        .stage = self->source->data.items[item].stage,
        .band = item_band (&self->source->data.items[item]),
      };
      g_autofree char *tip = accord_portfolio_chart_tooltip (&self->source->data, &hit);

      /* One line: "Acme, Growing, health 72 (Healthy)". */
      text = g_strdelimit (g_steal_pointer (&tip), "\n", ' ');
      gtk_label_set_text (self->status, text);
    }
  else if (self->source != NULL && self->source->data.n_items > 0)
    gtk_label_set_text (self->status,
                        _("Click a square, or pick it with the arrow keys and Enter, to open "
                          "the partner"));
  else
    gtk_label_set_text (self->status, "");
}

/* Data and layout */

static void
relayout (AccordPortfolioView *self)
{
  GtkWidget *area = GTK_WIDGET (self->area);
  int width = gtk_widget_get_width (area);
  int height = gtk_widget_get_height (area);
  AccordChartOptions options = { 0, };

  g_clear_pointer (&self->layout, accord_portfolio_layout_free);
  g_clear_pointer (&self->cell_items, g_array_unref);
  self->hover_item = -1;
  if (self->source != NULL && width > 0 && height > 0)
    {
      options.rtl = is_rtl (self);
      /* Narrow, every column counts: only stages someone is in get one. */
      self->source->data.hide_empty_stages = width < NARROW_WIDTH;
      self->layout = accord_portfolio_chart_layout (&self->source->data, width, height,
                                                    gtk_widget_get_pango_context (area), &options);
      /* The cursor keeps its cell and place, as far as they still exist. */
      if (self->has_cursor)
        {
          if (self->cursor_column >= accord_portfolio_layout_get_n_columns (self->layout))
            self->has_cursor = FALSE;
          else if (self->cursor_k >= cursor_cell (self)->shown)
            self->cursor_k = cursor_cell (self)->shown > 0 ? cursor_cell (self)->shown - 1 : 0;
          if (gtk_widget_has_focus (area))
            ensure_cursor (self);
        }
    }
  update_status (self);
  gtk_widget_queue_draw (area);
}

static void
reload (AccordPortfolioView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_pointer (&self->source, accord_portfolio_source_free);
  self->dirty = FALSE;

  if (self->store != NULL)
    {
      self->source = accord_portfolio_source_new (self->store, &error);
      if (self->source == NULL)
        g_warning ("Could not read the portfolio: %s", error->message);
    }

  if (self->source != NULL)
    {
      g_autoptr(AccordChartTable) table = accord_portfolio_chart_table (&self->source->data);

      accord_chart_ui_fill_table (self->table, table);
      description = accord_portfolio_chart_describe (&self->source->data);
    }
  else
    gtk_column_view_set_model (self->table, NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", self->source != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.print", self->source != NULL);
  relayout (self);
}

static gboolean
reload_idle_cb (gpointer data)
{
  AccordPortfolioView *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (AccordPortfolioView *self)
{
  /* A hidden view (another page of the window) reads when it shows. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  /* Before the redraw, so a change never paints stale data. */
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reload_idle_cb, self, NULL);
}

static void
store_changed_cb (AccordPortfolioView *self)
{
  queue_reload (self);
}

static void
partners_changed_cb (GListModel          *model,
                     guint                position,
                     guint                removed,
                     guint                added,
                     AccordPortfolioView *self)
{
  queue_reload (self);
}

static void
area_resize_cb (AccordPortfolioView *self,
                int                  width,
                int                  height)
{
  relayout (self);
}

static void
area_draw_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  AccordPortfolioView *self = data;
  AccordChartPalette palette;
  int item;
  AccordChartRect rect;

  if (self->layout == NULL ||
      accord_portfolio_layout_get_width (self->layout) != width ||
      accord_portfolio_layout_get_height (self->layout) != height)
    relayout (self);
  if (self->layout == NULL)
    return;

  accord_chart_ui_get_palette (&palette);
  accord_portfolio_chart_draw (cr, self->layout, &palette);

  /* The keyboard cursor: a ring around its square. */
  if (gtk_widget_has_focus (GTK_WIDGET (area)) && (item = cursor_item (self)) >= 0 &&
      accord_portfolio_layout_get_item_rect (self->layout, item, &rect))
    {
      cairo_set_source_rgba (cr, palette.foreground.red, palette.foreground.green,
                             palette.foreground.blue, 1.0);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, rect.x - 2, rect.y - 2, rect.width + 4, rect.height + 4);
      cairo_stroke (cr);
    }
}

static gboolean
hit_rect (AccordPortfolioView      *self,
          const AccordPortfolioHit *hit,
          AccordChartRect          *rect)
{
  guint column;

  switch (hit->kind)
    {
    case ACCORD_PORTFOLIO_HIT_ITEM:
      return accord_portfolio_layout_get_item_rect (self->layout, hit->item, rect);
    case ACCORD_PORTFOLIO_HIT_CELL:
      if (!column_of_stage (self->layout, hit->stage, &column))
        return FALSE;
      *rect = accord_portfolio_layout_get_cell (self->layout, column, hit->band)->rect;
      return TRUE;
    case ACCORD_PORTFOLIO_HIT_STAGE:
      if (!column_of_stage (self->layout, hit->stage, &column))
        return FALSE;
      *rect = *accord_portfolio_layout_get_column_rect (self->layout, column);
      return TRUE;
    case ACCORD_PORTFOLIO_HIT_BAND:
      *rect = *accord_portfolio_layout_get_row_rect (self->layout, hit->band);
      return TRUE;
    case ACCORD_PORTFOLIO_HIT_NONE:
    default:
      return FALSE;
    }
}

static gboolean
area_query_tooltip_cb (AccordPortfolioView *self,
                       int                  x,
                       int                  y,
                       gboolean             keyboard_mode,
                       GtkTooltip          *tooltip)
{
  AccordPortfolioHit hit;
  AccordChartRect rect;
  g_autofree char *text = NULL;

  if (self->layout == NULL || keyboard_mode ||
      !accord_portfolio_chart_hit_test (self->layout, x, y, &hit))
    return FALSE;
  text = accord_portfolio_chart_tooltip (&self->source->data, &hit);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  if (hit_rect (self, &hit, &rect))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) rect.x, (int) rect.y,
                                                         MAX ((int) rect.width, 1),
                                                         MAX ((int) rect.height, 1) });
  return TRUE;
}

static void
direction_changed_cb (AccordPortfolioView *self)
{
  relayout (self);
}

static void
style_changed_cb (AccordPortfolioView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

/* Export and printing draw with the light palette, for paper. */

gboolean
accord_portfolio_view_export (AccordPortfolioView  *self,
                              const char           *path,
                              GError              **error)
{
  g_autoptr(AccordPortfolioSource) source = NULL;
  AccordChartOptions options = { 0, };

  g_return_val_if_fail (ACCORD_IS_PORTFOLIO_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("There is no chart to export"));
      return FALSE;
    }
  source = accord_portfolio_source_new (self->store, error);
  if (source == NULL)
    return FALSE;

  options.rtl = is_rtl (self);
  options.show_title = TRUE;
  options.font = ACCORD_CHART_DEFAULT_FONT;
  return accord_portfolio_chart_export (&source->data, path,
                                        ACCORD_PORTFOLIO_EXPORT_WIDTH,
                                        ACCORD_PORTFOLIO_EXPORT_HEIGHT,
                                        &options,
                                        accord_chart_palette_get (ACCORD_CHART_THEME_LIGHT),
                                        error);
}

static gboolean
export_func (GtkWidget   *widget,
             const char  *path,
             GError     **error)
{
  return accord_portfolio_view_export (ACCORD_PORTFOLIO_VIEW (widget), path, error);
}

typedef struct
{
  AccordPortfolioSource *source;
  gboolean               rtl;
} PrintData;

static void
print_data_free (gpointer data)
{
  PrintData *print = data;

  accord_portfolio_source_free (print->source);
  g_free (print);
}

static void
print_render_cb (cairo_t  *cr,
                 int       width,
                 int       height,
                 gpointer  data)
{
  PrintData *print = data;
  AccordChartOptions options = {
    .rtl = print->rtl,
    .show_title = TRUE,
    .font = ACCORD_CHART_DEFAULT_FONT,
  };

  accord_portfolio_chart_render (cr, &print->source->data, width, height, &options,
                                 accord_chart_palette_get (ACCORD_CHART_THEME_LIGHT));
}

void
accord_portfolio_view_print (AccordPortfolioView *self,
                             const char          *pdf_path)
{
  g_autoptr(GError) error = NULL;
  PrintData *print;

  g_return_if_fail (ACCORD_IS_PORTFOLIO_VIEW (self));

  if (self->store == NULL)
    return;

  print = g_new0 (PrintData, 1);
  print->source = accord_portfolio_source_new (self->store, &error);
  if (print->source == NULL)
    {
      g_warning ("Could not read the portfolio: %s", error->message);
      g_free (print);
      return;
    }
  print->rtl = is_rtl (self);
  accord_chart_ui_print (GTK_WIDGET (self), _("Partners by stage and health"), pdf_path,
                         print_render_cb, print, print_data_free);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordChartFormat format;

  if (!accord_chart_ui_format_from_name (g_variant_get_string (parameter, NULL), &format))
    return;
  /* Translators: the file name an exported portfolio chart is offered under. */
  accord_chart_ui_export (widget, format, _("Partner portfolio"), export_func);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  accord_portfolio_view_print (ACCORD_PORTFOLIO_VIEW (widget), NULL);
}

/* GObject */

static void
accord_portfolio_view_map (GtkWidget *widget)
{
  AccordPortfolioView *self = ACCORD_PORTFOLIO_VIEW (widget);

  GTK_WIDGET_CLASS (accord_portfolio_view_parent_class)->map (widget);

  if (self->dirty)
    reload (self);
}

static void
accord_portfolio_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AccordPortfolioView *self = ACCORD_PORTFOLIO_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, accord_portfolio_view_get_store (self));
      break;
    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, accord_portfolio_view_get_show_table (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_portfolio_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AccordPortfolioView *self = ACCORD_PORTFOLIO_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      accord_portfolio_view_set_store (self, g_value_get_object (value));
      break;
    case PROP_SHOW_TABLE:
      accord_portfolio_view_set_show_table (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
disconnect_store (AccordPortfolioView *self)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->partners != NULL)
    g_signal_handlers_disconnect_by_data (self->partners, self);
  g_clear_object (&self->partners);
  g_clear_object (&self->store);
}

static void
accord_portfolio_view_dispose (GObject *object)
{
  AccordPortfolioView *self = ACCORD_PORTFOLIO_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  disconnect_store (self);
  g_clear_pointer (&self->layout, accord_portfolio_layout_free);
  g_clear_pointer (&self->source, accord_portfolio_source_free);
  g_clear_pointer (&self->cell_items, g_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_PORTFOLIO_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (accord_portfolio_view_parent_class)->dispose (object);
}

static void
accord_portfolio_view_class_init (AccordPortfolioViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_portfolio_view_dispose;
  object_class->get_property = accord_portfolio_view_get_property;
  object_class->set_property = accord_portfolio_view_set_property;
  widget_class->map = accord_portfolio_view_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ACCORD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AccordPortfolioView:show-table:
   *
   * Whether the chart's data shows as a table instead of the chart.
   */
  properties[PROP_SHOW_TABLE] =
    g_param_spec_boolean ("show-table", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AccordPortfolioView::partner-activated:
   * @partner: the partner clicked, or chosen with the keyboard
   */
  signals[PARTNER_ACTIVATED] =
    g_signal_new ("partner-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ACCORD_TYPE_PARTNER);

  accord_form_ensure_resources ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/accordhq/Accord/ui/accord-portfolio-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordPortfolioView, stack);
  gtk_widget_class_bind_template_child (widget_class, AccordPortfolioView, area);
  gtk_widget_class_bind_template_child (widget_class, AccordPortfolioView, status);
  gtk_widget_class_bind_template_child (widget_class, AccordPortfolioView, table);
  gtk_widget_class_bind_template_child (widget_class, AccordPortfolioView, table_button);
  gtk_widget_class_bind_template_child (widget_class, AccordPortfolioView, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, area_resize_cb);
  gtk_widget_class_bind_template_callback (widget_class, area_query_tooltip_cb);
  gtk_widget_class_bind_template_callback (widget_class, click_released_cb);

  gtk_widget_class_install_property_action (widget_class, "chart.show-table", "show-table");
  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "chart.print", NULL, print_action);

  gtk_widget_class_set_css_name (widget_class, "portfolio-view");
}

static void
accord_portfolio_view_init (AccordPortfolioView *self)
{
  g_autoptr(GMenuModel) menu = NULL;
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkEventController *controller;

  self->hover_item = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  menu = accord_chart_ui_menu_new ();
  gtk_menu_button_set_menu_model (self->menu_button, menu);
  gtk_drawing_area_set_draw_func (self->area, area_draw_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Partners by stage and health"),
                                  -1);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), controller);

  g_signal_connect_swapped (self->area, "direction-changed", G_CALLBACK (direction_changed_cb),
                            self);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);

  reload (self);
}

GtkWidget *
accord_portfolio_view_new (void)
{
  return g_object_new (ACCORD_TYPE_PORTFOLIO_VIEW, NULL);
}

void
accord_portfolio_view_set_store (AccordPortfolioView *self,
                                 AccordStore         *store)
{
  static const char *const store_signals[] = {
    "partner-changed", "results-changed", "agreements-changed", "work-changed",
  };

  g_return_if_fail (ACCORD_IS_PORTFOLIO_VIEW (self));
  g_return_if_fail (store == NULL || ACCORD_IS_STORE (store));

  if (self->store == store)
    return;

  disconnect_store (self);
  if (store != NULL)
    {
      self->store = g_object_ref (store);
      for (guint i = 0; i < G_N_ELEMENTS (store_signals); i++)
        g_signal_connect_swapped (store, store_signals[i], G_CALLBACK (store_changed_cb), self);
      self->partners = g_object_ref (accord_store_get_partners (store));
      g_signal_connect (self->partners, "items-changed", G_CALLBACK (partners_changed_cb), self);
    }
  self->has_cursor = FALSE;
  /* Reading 10,000 partners takes a tenth of a second: a view that is
   * not showing leaves it for when it shows. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    {
      g_clear_pointer (&self->layout, accord_portfolio_layout_free);
      g_clear_pointer (&self->source, accord_portfolio_source_free);
      g_clear_pointer (&self->cell_items, g_array_unref);
      self->hover_item = -1;
      self->dirty = TRUE;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

AccordStore *
accord_portfolio_view_get_store (AccordPortfolioView *self)
{
  g_return_val_if_fail (ACCORD_IS_PORTFOLIO_VIEW (self), NULL);
  return self->store;
}

gboolean
accord_portfolio_view_get_show_table (AccordPortfolioView *self)
{
  g_return_val_if_fail (ACCORD_IS_PORTFOLIO_VIEW (self), FALSE);
  return self->show_table;
}

void
accord_portfolio_view_set_show_table (AccordPortfolioView *self,
                                      gboolean             show_table)
{
  g_return_if_fail (ACCORD_IS_PORTFOLIO_VIEW (self));

  show_table = !!show_table;
  if (self->show_table == show_table)
    return;
  self->show_table = show_table;
  gtk_stack_set_visible_child_name (self->stack, show_table ? "table" : "chart");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TABLE]);
}

char *
accord_portfolio_view_dup_tooltip_at (AccordPortfolioView *self,
                                      double               x,
                                      double               y)
{
  AccordPortfolioHit hit;

  g_return_val_if_fail (ACCORD_IS_PORTFOLIO_VIEW (self), NULL);

  if (self->layout == NULL || !accord_portfolio_chart_hit_test (self->layout, x, y, &hit))
    return NULL;
  return accord_portfolio_chart_tooltip (&self->source->data, &hit);
}
