/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-cli-private.h"
#include "accord-export.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
cli_command_export (Cli   *cli,
                    int    argc,
                    char **argv)
{
  g_autofree char *opt_format = NULL;
  g_autofree char *opt_what = NULL;
  g_autofree char *opt_output = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &opt_format,
      N_("csv, json (the whole workspace), ics (what is due) or vcf (contacts)"), N_("FORMAT") },
    { "what", 0, 0, G_OPTION_ARG_STRING, &opt_what,
      N_("For csv: partners (default), contacts or tasks"), N_("WHAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
      N_("Write to FILE instead of the standard output"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    make_context (_("export --format FORMAT"),
                  _("Export the workspace as CSV, JSON, iCalendar or vCard."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = NULL;
  g_autofree char *text = NULL;
  AccordExportFormat format;
  AccordExportWhat what = ACCORD_EXPORT_PARTNERS;
  guint n = 0;
  int status;

  if ((status = parse_command_line (cli, context, &argc, &argv)) >= 0)
    return status;
  if (argc > 1)
    return usage_error (_("export takes no arguments besides its options"));
  if (opt_format == NULL)
    return usage_error (_("export needs --format csv, json, ics or vcf"));
  if (!accord_export_format_from_key (opt_format, &format))
    {
      g_autofree char *message =
        g_strdup_printf (_("--format: “%s” is not a format; use csv, json, ics or vcf"),
                         opt_format);

      return usage_error (message);
    }
  if (opt_what != NULL)
    {
      if (format != ACCORD_EXPORT_FORMAT_CSV)
        return usage_error (_("--what goes only with --format csv"));
      if (!accord_export_what_from_key (opt_what, &what))
        {
          g_autofree char *message =
            g_strdup_printf (_("--what: “%s” is not known; use partners, contacts or tasks"),
                             opt_what);

          return usage_error (message);
        }
    }

  store = open_workspace (cli, FALSE, &error);
  if (store == NULL)
    return fail (error);

  if (opt_output != NULL)
    {
      g_autofree char *count = NULL;
      g_autofree char *display = g_filename_display_name (opt_output);

      if (!accord_export_to_file (store, format, what, opt_output, &n, &error))
        return fail (error);
      count = accord_export_dup_count_text (format, what, n);
      /* On stderr, so that it never mixes with an export on stdout. */
      g_printerr (_("Exported %s to %s.\n"), count, display);
      return EXIT_SUCCESS;
    }

  text = accord_export_to_string (store, format, what, &n, &error);
  if (text == NULL)
    return fail (error);

  /* Bytes as they are: the formats are UTF-8 whatever the locale, and
   * g_print() would convert them. */
  if (fwrite (text, 1, strlen (text), stdout) != strlen (text) || fflush (stdout) != 0)
    {
      int saved_errno = errno;

      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write the export: %s"), g_strerror (saved_errno));
      return fail (error);
    }

  return EXIT_SUCCESS;
}

int
cli_import_json (Cli        *cli,
                 const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display = g_filename_display_name (path);
  gsize length = 0;
  guint n = 0;

  /* Read before touching the workspace, so a mistyped name does not leave
   * an empty workspace behind. */
  if (!g_file_get_contents (path, &contents, &length, &error))
    return fail (error);

  store = open_workspace (cli, TRUE, &error);
  if (store == NULL)
    return fail (error);

  if (!accord_export_import_json (store, contents, length, &n, &error))
    return fail (error);

  g_print (ngettext ("Imported %u partner with all its records from %s.\n",
                     "Imported %u partners with all their records from %s.\n", n),
           n, display);
  return EXIT_SUCCESS;
}
