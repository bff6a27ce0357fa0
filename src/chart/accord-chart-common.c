/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-chart-common.h"
#include "accord-chart-private.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <stdio.h>

/* Palettes. The light and dark ones take their colours from the GNOME
 * palette, as libadwaita does; the high contrast ones darken (or lighten)
 * everything that carries meaning so it stands out at least 4.5:1 from the
 * background, and outline bands and cells. */

#define HEX(rgb) \
  { ((rgb) >> 16 & 0xff) / 255.0, ((rgb) >> 8 & 0xff) / 255.0, ((rgb) & 0xff) / 255.0, 1.0 }
#define GREY(v, a) { (v), (v), (v), (a) }

static const AccordChartPalette palettes[ACCORD_CHART_N_THEMES] = {
  [ACCORD_CHART_THEME_LIGHT] = {
    .background = HEX (0xffffff),
    .foreground = GREY (0.0, 0.8),
    .dim = GREY (0.0, 0.55),
    .grid = GREY (0.0, 0.12),
    .accent = HEX (0x1c71d8),
    .today = HEX (0xe66100),
    .review = HEX (0x9141ac),
    .launch = HEX (0x26a269),
    .deadline = HEX (0xc01c28),
    .stage_text = GREY (0.0, 0.8),
    .stages = {
      [ACCORD_STAGE_IDENTIFIED] = HEX (0xdeddda),
      [ACCORD_STAGE_OUTREACH] = HEX (0x99c1f1),
      [ACCORD_STAGE_NEGOTIATING] = HEX (0x62a0ea),
      [ACCORD_STAGE_LAUNCHING] = HEX (0xffbe6f),
      [ACCORD_STAGE_GROWING] = HEX (0x8ff0a4),
      [ACCORD_STAGE_OPTIMIZING] = HEX (0x57e389),
      [ACCORD_STAGE_RENEWING] = HEX (0xdc8add),
      [ACCORD_STAGE_ENDED] = HEX (0x9a9996),
      [ACCORD_STAGE_ON_HOLD] = HEX (0xcdab8f),
    },
    .bands = {
      [ACCORD_HEALTH_HEALTHY] = HEX (0x2ec27e),
      [ACCORD_HEALTH_WATCH] = HEX (0xe5a50a),
      [ACCORD_HEALTH_AT_RISK] = HEX (0xe01b24),
      [ACCORD_CHART_BAND_UNKNOWN] = HEX (0x9a9996),
    },
    .stage_wash = 0.25,
    .outlines = FALSE,
  },
  [ACCORD_CHART_THEME_DARK] = {
    .background = HEX (0x1e1e1e),
    .foreground = GREY (1.0, 1.0),
    .dim = GREY (1.0, 0.6),
    .grid = GREY (1.0, 0.15),
    .accent = HEX (0x78aeed),
    .today = HEX (0xffa348),
    .review = HEX (0xc061cb),
    .launch = HEX (0x57e389),
    .deadline = HEX (0xff7b63),
    .stage_text = GREY (1.0, 1.0),
    .stages = {
      [ACCORD_STAGE_IDENTIFIED] = HEX (0x5e5c64),
      [ACCORD_STAGE_OUTREACH] = HEX (0x1a5fb4),
      [ACCORD_STAGE_NEGOTIATING] = HEX (0x1c71d8),
      [ACCORD_STAGE_LAUNCHING] = HEX (0xc64600),
      [ACCORD_STAGE_GROWING] = HEX (0x26a269),
      [ACCORD_STAGE_OPTIMIZING] = HEX (0x1f7a5c),
      [ACCORD_STAGE_RENEWING] = HEX (0x813d9c),
      [ACCORD_STAGE_ENDED] = HEX (0x3d3846),
      [ACCORD_STAGE_ON_HOLD] = HEX (0x865e3c),
    },
    .bands = {
      [ACCORD_HEALTH_HEALTHY] = HEX (0x57e389),
      [ACCORD_HEALTH_WATCH] = HEX (0xf8e45c),
      [ACCORD_HEALTH_AT_RISK] = HEX (0xff7b63),
      [ACCORD_CHART_BAND_UNKNOWN] = HEX (0x77767b),
    },
    .stage_wash = 0.3,
    .outlines = FALSE,
  },
  [ACCORD_CHART_THEME_HIGH_CONTRAST] = {
    .background = HEX (0xffffff),
    .foreground = HEX (0x000000),
    .dim = HEX (0x000000),
    .grid = GREY (0.0, 0.5),
    .accent = HEX (0x1a5fb4),
    .today = HEX (0xa33c00),
    .review = HEX (0x613583),
    .launch = HEX (0x1e6b40),
    .deadline = HEX (0xa51d2d),
    .stage_text = HEX (0x000000),
    .stages = {
      [ACCORD_STAGE_IDENTIFIED] = HEX (0xdeddda),
      [ACCORD_STAGE_OUTREACH] = HEX (0x99c1f1),
      [ACCORD_STAGE_NEGOTIATING] = HEX (0x62a0ea),
      [ACCORD_STAGE_LAUNCHING] = HEX (0xffbe6f),
      [ACCORD_STAGE_GROWING] = HEX (0x8ff0a4),
      [ACCORD_STAGE_OPTIMIZING] = HEX (0x57e389),
      [ACCORD_STAGE_RENEWING] = HEX (0xdc8add),
      [ACCORD_STAGE_ENDED] = HEX (0xc0bfbc),
      [ACCORD_STAGE_ON_HOLD] = HEX (0xcdab8f),
    },
    .bands = {
      [ACCORD_HEALTH_HEALTHY] = HEX (0x1e6b40),
      [ACCORD_HEALTH_WATCH] = HEX (0x8a5a00),
      [ACCORD_HEALTH_AT_RISK] = HEX (0xa51d2d),
      [ACCORD_CHART_BAND_UNKNOWN] = HEX (0x5e5c64),
    },
    .stage_wash = 0.4,
    .outlines = TRUE,
  },
  [ACCORD_CHART_THEME_HIGH_CONTRAST_DARK] = {
    .background = HEX (0x000000),
    .foreground = HEX (0xffffff),
    .dim = HEX (0xffffff),
    .grid = GREY (1.0, 0.55),
    .accent = HEX (0x99c1f1),
    .today = HEX (0xffbe6f),
    .review = HEX (0xdc8add),
    .launch = HEX (0x8ff0a4),
    .deadline = HEX (0xf66151),
    .stage_text = HEX (0xffffff),
    .stages = {
      [ACCORD_STAGE_IDENTIFIED] = HEX (0x5e5c64),
      [ACCORD_STAGE_OUTREACH] = HEX (0x1a5fb4),
      [ACCORD_STAGE_NEGOTIATING] = HEX (0x1c71d8),
      [ACCORD_STAGE_LAUNCHING] = HEX (0xc64600),
      [ACCORD_STAGE_GROWING] = HEX (0x26a269),
      [ACCORD_STAGE_OPTIMIZING] = HEX (0x1f7a5c),
      [ACCORD_STAGE_RENEWING] = HEX (0x813d9c),
      [ACCORD_STAGE_ENDED] = HEX (0x3d3846),
      [ACCORD_STAGE_ON_HOLD] = HEX (0x865e3c),
    },
    .bands = {
      [ACCORD_HEALTH_HEALTHY] = HEX (0x8ff0a4),
      [ACCORD_HEALTH_WATCH] = HEX (0xf9f06b),
      [ACCORD_HEALTH_AT_RISK] = HEX (0xf66151),
      [ACCORD_CHART_BAND_UNKNOWN] = HEX (0xc0bfbc),
    },
    .stage_wash = 0.45,
    .outlines = TRUE,
  },
};

#undef HEX
#undef GREY

const AccordChartPalette *
accord_chart_palette_get (AccordChartTheme theme)
{
  g_return_val_if_fail ((guint) theme < ACCORD_CHART_N_THEMES, &palettes[0]);
  return &palettes[theme];
}

/* Text */

PangoFontDescription *
_accord_chart_font_new (PangoContext             *pango,
                        const AccordChartOptions *options,
                        AccordChartFontStyle      style)
{
  PangoFontDescription *font;
  double scale = 1.0;
  int size;

  if (options != NULL && options->font != NULL)
    font = pango_font_description_from_string (options->font);
  else
    font = pango_font_description_copy (pango_context_get_font_description (pango));

  size = pango_font_description_get_size (font);
  if (size <= 0)
    {
      /* A description without a size ("Sans") would fall back to Pango's
       * own default; ask for the usual UI size instead. */
      pango_font_description_set_size (font, 10 * PANGO_SCALE);
      size = 10 * PANGO_SCALE;
    }

  switch (style)
    {
    case ACCORD_CHART_FONT_NORMAL:
      break;
    case ACCORD_CHART_FONT_SMALL:
      scale = 0.85;
      break;
    case ACCORD_CHART_FONT_BOLD:
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case ACCORD_CHART_FONT_TITLE:
      scale = 1.2;
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    default:
      g_assert_not_reached ();
    }

  if (scale != 1.0)
    {
      if (pango_font_description_get_size_is_absolute (font))
        pango_font_description_set_absolute_size (font, size * scale);
      else
        pango_font_description_set_size (font, (int) (size * scale));
    }
  return font;
}

void
_accord_chart_text_init (AccordChartText            *text,
                         PangoContext               *pango,
                         const PangoFontDescription *font,
                         const char                 *str,
                         double                      max_width)
{
  PangoRectangle logical;

  g_assert (text != NULL);
  g_assert (PANGO_IS_CONTEXT (pango));

  text->layout = pango_layout_new (pango);
  pango_layout_set_font_description (text->layout, font);
  pango_layout_set_single_paragraph_mode (text->layout, TRUE);
  pango_layout_set_text (text->layout, str ? str : "", -1);
  if (max_width > 0)
    {
      pango_layout_set_width (text->layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (text->layout, PANGO_ELLIPSIZE_END);
    }

  pango_layout_get_pixel_extents (text->layout, NULL, &logical);
  text->dx = logical.x;
  text->dy = logical.y;
  text->rect = (AccordChartRect) { 0, 0, logical.width, logical.height };
}

void
_accord_chart_text_clear (AccordChartText *text)
{
  g_clear_object (&text->layout);
}

void
_accord_chart_text_draw (cairo_t                *cr,
                         const AccordChartText  *text,
                         const AccordChartColor *color)
{
  if (text->layout == NULL)
    return;
  _accord_chart_set_color (cr, color);
  cairo_move_to (cr, text->rect.x - text->dx, text->rect.y - text->dy);
  pango_cairo_show_layout (cr, text->layout);
}

void
_accord_chart_set_color (cairo_t                *cr,
                         const AccordChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

void
_accord_chart_mirror_rect (AccordChartRect *rect,
                           int              width)
{
  rect->x = width - rect->x - rect->width;
}

gboolean
_accord_chart_rect_contains (const AccordChartRect *rect,
                             double                 x,
                             double                 y)
{
  return x >= rect->x && x < rect->x + rect->width && y >= rect->y && y < rect->y + rect->height;
}

/* Dates */

gboolean
_accord_chart_parse_date (const char *text,
                          guint32    *julian)
{
  int y, m, d;
  GDate date;

  if (text == NULL || !accord_date_is_valid (text))
    return FALSE;
  if (sscanf (text, "%d-%d-%d", &y, &m, &d) != 3)
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  *julian = g_date_get_julian (&date);
  return TRUE;
}

static char *
format_julian (guint32     julian,
               const char *format)
{
  GDate date;
  g_autoptr(GDateTime) dt = NULL;
  char *text;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  dt = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date), 0, 0, 0);
  text = g_date_time_format (dt, format);
  if (text == NULL)
    /* A translation with a format GLib does not know: fall back to ISO. */
    text = g_date_time_format (dt, "%Y-%m-%d");
  return text;
}

char *
_accord_chart_format_date (guint32 julian)
{
  /* Translators: a date in chart descriptions and tooltips ("3 March 2026"),
   * in the format g_date_time_format() takes. */
  /* xgettext:no-c-format */
  return format_julian (julian, _("%-d %B %Y"));
}

char *
_accord_chart_format_tick (guint32  julian,
                           gboolean year_only)
{
  if (year_only)
    return format_julian (julian, "%Y");
  /* Translators: a month on a chart's time axis ("Mar 2026"), in the format
   * g_date_time_format() takes. */
  /* xgettext:no-c-format */
  return format_julian (julian, _("%b %Y"));
}

/* Tables */

AccordChartTable *
_accord_chart_table_new (guint              n_columns,
                         const char *const *headers)
{
  AccordChartTable *table = g_new0 (AccordChartTable, 1);

  table->n_columns = n_columns;
  table->headers = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    table->headers[i] = g_strdup (headers[i]);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return table;
}

void
_accord_chart_table_add_row (AccordChartTable  *table,
                             const char *const *cells)
{
  char **row = g_new0 (char *, table->n_columns + 1);

  for (guint i = 0; i < table->n_columns; i++)
    row[i] = g_strdup (cells[i] ? cells[i] : "");
  g_ptr_array_add (table->rows, row);
}

void
accord_chart_table_free (AccordChartTable *table)
{
  if (table == NULL)
    return;
  g_strfreev (table->headers);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

/* Export */

gboolean
accord_chart_format_for_path (const char         *path,
                              AccordChartFormat  *format,
                              GError            **error)
{
  static const struct
  {
    const char        *suffix;
    AccordChartFormat  format;
  } suffixes[] = {
    { ".png", ACCORD_CHART_FORMAT_PNG },
    { ".svg", ACCORD_CHART_FORMAT_SVG },
    { ".pdf", ACCORD_CHART_FORMAT_PDF },
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i].suffix))
      {
        *format = suffixes[i].format;
        return TRUE;
      }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("Cannot tell the format of “%s”: name it .png, .svg or .pdf"), path);
  return FALSE;
}

static gboolean
check_status (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not write the chart to “%s”: %s"), path,
               cairo_status_to_string (status));
  return FALSE;
}

gboolean
accord_chart_export (const char             *path,
                     AccordChartFormat       format,
                     int                     width,
                     int                     height,
                     AccordChartRenderFunc   render,
                     gpointer                user_data,
                     GError                **error)
{
  cairo_surface_t *surface = NULL;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (render != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (format)
    {
    case ACCORD_CHART_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      break;
    case ACCORD_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create (path, width, height);
      break;
    case ACCORD_CHART_FORMAT_PDF:
      surface = cairo_pdf_surface_create (path, width, height);
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  cr = cairo_create (surface);
  if (cairo_status (cr) == CAIRO_STATUS_SUCCESS)
    render (cr, width, height, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == ACCORD_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png (surface, path);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return check_status (status, path, error);
}
