/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "accord-cli-private.h"
#include "accord-chart-data.h"

/* chart: the lifecycle chart of one partner, or the portfolio chart of
 * the workspace, written to a PNG, SVG or PDF file by the same renderer
 * the app draws with. Needs no display: Cairo and Pango only. */

#define MIN_SIZE 100
#define MAX_SIZE 10000

#define PARTNER_WIDTH     ACCORD_LIFECYCLE_EXPORT_WIDTH
#define PARTNER_HEIGHT    ACCORD_LIFECYCLE_EXPORT_HEIGHT
#define PORTFOLIO_WIDTH   ACCORD_PORTFOLIO_EXPORT_WIDTH
#define PORTFOLIO_HEIGHT  ACCORD_PORTFOLIO_EXPORT_HEIGHT

/* Whether the user's language reads right to left, told the way GTK is
 * told: by how this string is translated. */
static gboolean
locale_is_rtl (void)
{
  /* Translators: write "default:RTL" if your language reads right to left,
   * so that charts drawn by accord-cli are mirrored as the app mirrors them.
   * Do not translate it into anything else. */
  return g_strcmp0 (_("default:LTR"), "default:RTL") == 0;
}

int
cli_command_chart (Cli   *cli,
                   int    argc,
                   char **argv)
{
  g_autofree char *opt_partner = NULL;
  gboolean opt_portfolio = FALSE;
  g_autofree char *opt_output = NULL;
  int opt_width = 0;
  int opt_height = 0;
  gboolean opt_dark = FALSE;
  const GOptionEntry entries[] = {
    { "partner", 'p', 0, G_OPTION_ARG_STRING, &opt_partner,
      N_("Draw the life and health of the partner called NAME"), N_("NAME") },
    { "portfolio", 0, 0, G_OPTION_ARG_NONE, &opt_portfolio,
      N_("Draw every partner by stage and health"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
      N_("Write the chart to FILE: .png, .svg or .pdf"), N_("FILE") },
    { "width", 0, 0, G_OPTION_ARG_INT, &opt_width,
      N_("Width in pixels (PNG) or points (SVG, PDF)"), N_("W") },
    { "height", 0, 0, G_OPTION_ARG_INT, &opt_height,
      N_("Height in pixels (PNG) or points (SVG, PDF)"), N_("H") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &opt_dark,
      N_("Use the dark colours"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    make_context (_("chart (--partner NAME | --portfolio) -o FILE [--width W --height H] [--dark]"),
                  _("Draw a chart into a PNG, SVG or PDF file."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = NULL;
  const AccordChartPalette *palette;
  AccordChartOptions options = { 0, };
  AccordChartFormat format;
  int status;

  if ((status = parse_command_line (cli, context, &argc, &argv)) >= 0)
    return status;
  if (argc > 1)
    return usage_error (_("chart takes no arguments besides its options"));
  if ((opt_partner != NULL) == opt_portfolio)
    return usage_error (_("chart: give either --partner NAME or --portfolio"));
  if (opt_output == NULL || opt_output[0] == '\0')
    return usage_error (_("chart: give the file to write with -o FILE"));
  if (!accord_chart_format_for_path (opt_output, &format, &error))
    return usage_error (error->message);
  if ((opt_width != 0 && (opt_width < MIN_SIZE || opt_width > MAX_SIZE)) ||
      (opt_height != 0 && (opt_height < MIN_SIZE || opt_height > MAX_SIZE)))
    {
      g_autofree char *message =
        g_strdup_printf (_("chart: --width and --height go from %d to %d"), MIN_SIZE, MAX_SIZE);

      return usage_error (message);
    }

  store = open_workspace (cli, FALSE, &error);
  if (store == NULL)
    return fail (error);

  palette = accord_chart_palette_get (opt_dark ? ACCORD_CHART_THEME_DARK
                                               : ACCORD_CHART_THEME_LIGHT);
  options.show_title = TRUE;
  options.font = ACCORD_CHART_DEFAULT_FONT;
  /* Right-to-left languages read the chart mirrored, as in the app. */
  options.rtl = locale_is_rtl ();

  if (opt_portfolio)
    {
      g_autoptr(AccordPortfolioSource) source = accord_portfolio_source_new (store, &error);

      if (source == NULL ||
          !accord_portfolio_chart_export (&source->data, opt_output,
                                          opt_width ? opt_width : PORTFOLIO_WIDTH,
                                          opt_height ? opt_height : PORTFOLIO_HEIGHT,
                                          &options, palette, &error))
        return fail (error);
    }
  else
    {
      g_autoptr(AccordPartner) partner = find_one_partner (store, opt_partner, &error);
      g_autoptr(AccordLifecycleSource) source = NULL;

      if (partner == NULL)
        return fail (error);
      source = accord_lifecycle_source_new (store, partner, &error);
      if (source == NULL ||
          !accord_lifecycle_chart_export (&source->data, opt_output,
                                          opt_width ? opt_width : PARTNER_WIDTH,
                                          opt_height ? opt_height : PARTNER_HEIGHT,
                                          &options, palette, &error))
        return fail (error);
    }

  return EXIT_SUCCESS;
}
