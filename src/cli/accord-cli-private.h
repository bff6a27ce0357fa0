/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "accord-store.h"

G_BEGIN_DECLS

/* Exit statuses: 1 when the work failed, 2 when the command line itself
 * was wrong, as most Unix tools do, so scripts can tell the two apart. */
#define EXIT_FAILED 1
#define EXIT_USAGE  2

/* What every command gets: the workspace and the day to compute dates
 * for. "Today" is an explicit value, never read again from the clock, so
 * a script (or a test) can pin it with --today. */
typedef struct
{
  char  *workspace;
  GDate  today;
} Cli;

/* Shared by the command files (accord-cli.c, accord-cli-agreements.c,
 * accord-cli-work.c). Failures print one line on stderr. */
void            print_failure      (const char *message);
int             fail               (GError *error);          /* EXIT_FAILED */
int             usage_error        (const char *message);    /* EXIT_USAGE */
gboolean        parse_iso_date     (const char *text, GDate *date);
char           *format_date        (const GDate *date);
/* A context for a command's own @entries; the global options are added. */
GOptionContext *make_context       (const char *parameter_string, const char *summary,
                                    const GOptionEntry *entries);
/* Parses a command's arguments (argv[0] is the command's name). Returns -1
 * to go on, or the exit status to end with (--help, bad options). */
int             parse_command_line (Cli *cli, GOptionContext *context, int *argc, char ***argv);
/* Opens the workspace with today set; @create for commands that write. */
AccordStore    *open_workspace     (Cli *cli, gboolean create, GError **error);
/* The one live partner called @name (case and accents folded), or why not. */
AccordPartner  *find_one_partner   (AccordStore *store, const char *name, GError **error);

/* accord-cli-agreements.c: import --agreements FILE.csv */
int cli_import_agreements (Cli *cli, const char *path, gboolean skip_invalid);

/* accord-cli-results.c: import --referrals, --reviews, --figures FILE.csv */
int cli_import_referrals (Cli *cli, const char *path, gboolean skip_invalid);
int cli_import_reviews   (Cli *cli, const char *path, gboolean skip_invalid);
int cli_import_figures   (Cli *cli, const char *path, gboolean skip_invalid);

/* accord-cli-work.c */
int cli_command_start    (Cli *cli, int argc, char **argv);
int cli_command_log      (Cli *cli, int argc, char **argv);
int cli_command_due      (Cli *cli, int argc, char **argv);
int cli_command_template (Cli *cli, int argc, char **argv);

/* accord-cli-chart.c */
int cli_command_chart    (Cli *cli, int argc, char **argv);

/* accord-cli-report.c, accord-cli-overlap.c */
int cli_command_report   (Cli *cli, int argc, char **argv);
int cli_command_overlap  (Cli *cli, int argc, char **argv);

/* accord-cli-export.c: export, and import --json FILE */
int cli_command_export   (Cli *cli, int argc, char **argv);
int cli_import_json      (Cli *cli, const char *path);

/* accord-cli-backup.c */
int cli_command_backup   (Cli *cli, int argc, char **argv);
int cli_command_restore  (Cli *cli, int argc, char **argv);

G_END_DECLS
