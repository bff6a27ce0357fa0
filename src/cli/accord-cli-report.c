/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "accord-cli-private.h"
#include "accord-report.h"

/* report: the portfolio report, or one partner's page, as an A4 PDF
 * drawn by the same code the app prints with. Needs no display. */

static gboolean
locale_is_rtl (void)
{
  /* The same test as accord-cli chart: GTK's convention for the text
   * direction of a translation. */
  return g_strcmp0 (_("default:LTR"), "default:RTL") == 0;
}

int
cli_command_report (Cli   *cli,
                    int    argc,
                    char **argv)
{
  g_autofree char *opt_partner = NULL;
  g_autofree char *opt_output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
      N_("Write the report to FILE, a .pdf file"), N_("FILE") },
    { "partner", 'p', 0, G_OPTION_ARG_STRING, &opt_partner,
      N_("Write the one-page report of the partner called NAME instead of the portfolio"),
      N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    make_context (_("report -o FILE.pdf [--partner NAME]"),
                  _("Write the portfolio report, or a partner’s page, as a PDF file."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordReport) report = NULL;
  int status;

  if ((status = parse_command_line (cli, context, &argc, &argv)) >= 0)
    return status;
  if (argc > 1)
    return usage_error (_("report takes no arguments besides its options"));
  if (opt_output == NULL || opt_output[0] == '\0')
    return usage_error (_("report: give the file to write with -o FILE.pdf"));
  if (!g_str_has_suffix (opt_output, ".pdf") && !g_str_has_suffix (opt_output, ".PDF"))
    return usage_error (_("report: the file must end in .pdf"));

  store = open_workspace (cli, FALSE, &error);
  if (store == NULL)
    return fail (error);

  if (opt_partner != NULL)
    {
      g_autoptr(AccordPartner) partner = find_one_partner (store, opt_partner, &error);

      if (partner == NULL)
        return fail (error);
      report = accord_report_new_partner (store, partner, &error);
    }
  else
    report = accord_report_new_portfolio (store, &error);
  if (report == NULL)
    return fail (error);

  accord_report_set_rtl (report, locale_is_rtl ());
  if (!accord_report_write_pdf (report, opt_output, NULL, &error))
    return fail (error);
  return EXIT_SUCCESS;
}
