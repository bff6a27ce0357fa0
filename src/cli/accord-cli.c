/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-cli-private.h"
#include "accord-demo.h"
#include "accord-import.h"
#include "accord-json.h"
#include "accord-lifecycle.h"
#include "accord-store.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* Global options, accepted before or after the command. */
static char *opt_workspace;
static char *opt_today;
static gboolean opt_help;

static const GOptionEntry global_entries[] = {
  { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &opt_workspace,
    N_("Use the workspace FILE instead of the default one"), N_("FILE") },
  { "today", 0, 0, G_OPTION_ARG_STRING, &opt_today,
    N_("Compute dates as if today were DATE"), N_("YYYY-MM-DD") },
  { "help", 'h', 0, G_OPTION_ARG_NONE, &opt_help,
    N_("Show help options"), NULL },
  { NULL }
};

/* Prints "accord-cli: reason" on one line, whatever the reason holds, so
 * a script reading stderr line by line gets one line per failure. */
void
print_failure (const char *message)
{
  g_autofree char *line = g_strdup (message);

  g_strdelimit (line, "\r\n", ' ');
  g_printerr ("accord-cli: %s\n", line);
}

int
fail (GError *error)
{
  print_failure (error->message);
  return EXIT_FAILED;
}

int
usage_error (const char *message)
{
  print_failure (message);
  return EXIT_USAGE;
}

/* Accepts exactly YYYY-MM-DD and a real calendar day: g_date_set_parse()
 * would also guess at "3/4/26", and a guessed date is worse than none. */
gboolean
parse_iso_date (const char *text,
                GDate      *date)
{
  guint64 year, month, day;
  g_auto(GStrv) parts = NULL;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  parts = g_strsplit (text, "-", 3);
  if (!g_ascii_string_to_unsigned (parts[0], 10, 1, 9999, &year, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &month, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &day, NULL) ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* Applies the global options, which may have been given before the
 * command or after it. */
static gboolean
apply_global_options (Cli     *cli,
                      GError **error)
{
  if (opt_today != NULL && !parse_iso_date (opt_today, &cli->today))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--today: “%s” is not a date; use YYYY-MM-DD"), opt_today);
      return FALSE;
    }

  if (opt_workspace != NULL)
    {
      g_free (cli->workspace);
      cli->workspace = g_strdup (opt_workspace);
    }

  return TRUE;
}

char *
format_date (const GDate *date)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

GOptionContext *
make_context (const char         *parameter_string,
              const char         *summary,
              const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameter_string);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* --help is ours: GLib would print and exit while parsing, before
   * --today is known, and the help shows the date in use. */
  g_option_context_set_help_enabled (context, FALSE);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, global_entries, GETTEXT_PACKAGE);

  return context;
}

static void
print_help (Cli            *cli,
            GOptionContext *context)
{
  g_autofree char *today = format_date (&cli->today);
  g_autofree char *workspace = g_filename_display_name (cli->workspace);
  g_autofree char *description =
    g_strdup_printf (_("Workspace: %s\nToday: %s"), workspace, today);
  g_autofree char *help = NULL;

  g_option_context_set_description (context, description);
  help = g_option_context_get_help (context, TRUE, NULL);
  g_print ("%s", help);
}

/* Parses a command's own arguments (argv[0] is the command's name).
 * Returns -1 to go on, or the exit status to end with. */
int
parse_command_line (Cli            *cli,
                    GOptionContext *context,
                    int            *argc,
                    char         ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error) ||
      !apply_global_options (cli, &error))
    return usage_error (error->message);

  if (opt_help)
    {
      print_help (cli, context);
      return EXIT_SUCCESS;
    }

  return -1;
}

static gboolean
make_parent_folder (const char  *path,
                    GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *default_path = g_build_filename (g_get_user_data_dir (), "accord",
                                                    "workspace.accord", NULL);

  /* Only the default workspace's folder is made here: a folder named on
   * the command line that does not exist is more likely a typo, and the
   * store says so. */
  if (g_strcmp0 (path, default_path) != 0)
    return TRUE;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the folder “%s”: %s"),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Opens the workspace at @path and gives it the CLI's today, so that every
 * record and move a command writes is dated --today, never the clock. */
static AccordStore *
open_store (Cli                   *cli,
            const char            *path,
            AccordStoreOpenFlags   flags,
            GError               **error)
{
  g_autoptr(AccordStore) store = accord_store_open (path, flags, error);
  g_autofree char *today = NULL;

  if (store == NULL)
    return NULL;

  today = format_date (&cli->today);
  accord_store_set_today (store, today);
  return g_steal_pointer (&store);
}

/* Opens the workspace. A command that writes creates it (and its folder,
 * private to the user) when missing; one that only reads refuses, rather
 * than leaving an empty workspace behind a typo. */
AccordStore *
open_workspace (Cli      *cli,
                gboolean  create,
                GError  **error)
{
  const char *path = cli->workspace;

  if (create)
    {
      if (!make_parent_folder (path, error))
        return NULL;
      return open_store (cli, path, ACCORD_STORE_OPEN_CREATE, error);
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND,
                   _("There is no workspace at “%s”"), display);
      return NULL;
    }

  return open_store (cli, path, ACCORD_STORE_OPEN_DEFAULT, error);
}

static int
command_demo (Cli   *cli,
              int    argc,
              char **argv)
{
  g_autofree char *opt_partners = NULL;
  g_autofree char *opt_seed = NULL;
  g_autofree char *opt_output = NULL;
  const GOptionEntry entries[] = {
    { "partners", 'n', 0, G_OPTION_ARG_STRING, &opt_partners,
      N_("Make N partners (default: 50)"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &opt_seed,
      N_("Seed the made-up data with S; the same seed gives the same data (default: 1)"),
      N_("S") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
      N_("Write the workspace to FILE (default: the --workspace file)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    make_context ("demo", _("Write a sample workspace of made-up partners."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = NULL;
  g_autofree char *display = NULL;
  const char *path;
  guint64 n_partners = 50;
  guint64 seed = 1;
  int status;

  if ((status = parse_command_line (cli, context, &argc, &argv)) >= 0)
    return status;
  if (argc > 1)
    return usage_error (_("demo takes no arguments besides its options"));

  /* Parsed here rather than by GOptionContext, whose integers are signed
   * and silently accept trailing garbage in older versions. */
  if (opt_partners != NULL &&
      !g_ascii_string_to_unsigned (opt_partners, 10, 1, 1000000, &n_partners, NULL))
    return usage_error (_("--partners needs a whole number from 1 to 1000000"));
  if (opt_seed != NULL &&
      !g_ascii_string_to_unsigned (opt_seed, 10, 0, G_MAXUINT64, &seed, NULL))
    return usage_error (_("--seed needs a whole number of 0 or more"));

  path = opt_output != NULL ? opt_output : cli->workspace;
  display = g_filename_display_name (path);
  if (!make_parent_folder (path, &error))
    return fail (error);

  /* As accord_demo_write(), but with the store dated --today, so the
   * sample partners' histories start on the pinned day. */
  store = open_store (cli, path, ACCORD_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    return fail (error);
  if (g_list_model_get_n_items (accord_store_get_partners (store)) > 0 ||
      g_list_model_get_n_items (accord_store_get_trash (store)) > 0)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already has partners; choose a new file for sample data"),
                   display);
      return fail (error);
    }
  if (!accord_demo_fill (store, n_partners, seed, NULL, &error))
    return fail (error);

  g_print (ngettext ("Wrote a sample workspace with %u partner to %s.\n",
                     "Wrote a sample workspace with %u partners to %s.\n",
                     (gulong) n_partners),
           (guint) n_partners, display);
  return EXIT_SUCCESS;
}

static int
command_import (Cli   *cli,
                int    argc,
                char **argv)
{
  gboolean opt_skip_invalid = FALSE;
  gboolean opt_agreements = FALSE;
  gboolean opt_referrals = FALSE;
  gboolean opt_reviews = FALSE;
  gboolean opt_figures = FALSE;
  gboolean opt_json = FALSE;
  g_auto(GStrv) opt_map = NULL;
  g_autofree char *opt_match = NULL;
  const GOptionEntry entries[] = {
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_map,
      N_("Fill FIELD from the column headed COLUMN (repeatable; FIELD “ignore” leaves it out)"),
      N_("COLUMN=FIELD") },
    { "match", 0, 0, G_OPTION_ARG_STRING, &opt_match,
      N_("Update the partner with the same name, website domain or contact email instead of "
         "adding another"), N_("name|domain|email") },
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &opt_skip_invalid,
      N_("Import the valid rows and report the others, instead of importing nothing"), NULL },
    { "agreements", 0, 0, G_OPTION_ARG_NONE, &opt_agreements,
      N_("The file holds agreements, one per row, matched to partners by name"), NULL },
    { "referrals", 0, 0, G_OPTION_ARG_NONE, &opt_referrals,
      N_("The file holds referrals (partner, date, customer, status, revenue_minor, code)"),
      NULL },
    { "reviews", 0, 0, G_OPTION_ARG_NONE, &opt_reviews,
      N_("The file holds reviews (partner, date, communication, alignment, trust, ease, "
         "future_potential, red_flags)"), NULL },
    { "figures", 0, 0, G_OPTION_ARG_NONE, &opt_figures,
      N_("The file holds monthly figures (partner, month, revenue_minor, referrals, "
         "conversions, nps, response_hours, joint_initiatives)"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json,
      N_("The file is a full JSON export; the workspace must have no partners yet"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    make_context (_("import FILE.csv"), _("Import partners from a CSV file."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordImportReport) report = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *contents = NULL;
  AccordImportOptions options = { 0, };
  g_autoptr(GHashTable) mapping = NULL;
  gsize length = 0;
  int status;

  if ((status = parse_command_line (cli, context, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (_("import needs one CSV file"));
  if (opt_agreements + opt_referrals + opt_reviews + opt_figures > 1)
    return usage_error (_("Give only one of --agreements, --referrals, --reviews and --figures"));
  if (opt_json && (opt_agreements || opt_referrals || opt_reviews || opt_figures))
    return usage_error (_("--json is a whole workspace; give no other kind of file with it"));
  if (opt_json && opt_skip_invalid)
    return usage_error (_("--json imports everything or nothing; it takes no --skip-invalid"));
  if (opt_json)
    return cli_import_json (cli, argv[1]);
  if (opt_agreements)
    return cli_import_agreements (cli, argv[1], opt_skip_invalid);
  if (opt_referrals)
    return cli_import_referrals (cli, argv[1], opt_skip_invalid);
  if (opt_reviews)
    return cli_import_reviews (cli, argv[1], opt_skip_invalid);
  if (opt_figures)
    return cli_import_figures (cli, argv[1], opt_skip_invalid);

  if (opt_match != NULL && !accord_import_match_from_key (opt_match, &options.match))
    return usage_error (_("--match takes name, domain or email"));
  for (guint i = 0; opt_map != NULL && opt_map[i] != NULL; i++)
    {
      const char *equals = strrchr (opt_map[i], '=');
      const char *target = equals != NULL ? equals + 1 : NULL;

      if (equals == NULL || equals == opt_map[i] ||
          (*target != '\0' && !g_str_equal (target, "ignore") &&
           !g_strv_contains (accord_import_list_targets (), target)))
        {
          g_autofree char *known = g_strjoinv (", ", (char **) accord_import_list_targets ());
          g_autofree char *message =
            g_strdup_printf (_("--map takes COLUMN=FIELD, FIELD being ignore or one of: %s"),
                             known);

          return usage_error (message);
        }
      if (mapping == NULL)
        mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (mapping, g_strndup (opt_map[i], equals - opt_map[i]),
                           g_strdup (target));
    }
  options.mapping = mapping;

  /* Read the file before touching the workspace, so a mistyped file name
   * does not leave a new, empty workspace behind. */
  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    return fail (error);
  data = g_bytes_new_take (g_steal_pointer (&contents), length);

  store = open_workspace (cli, TRUE, &error);
  if (store == NULL)
    return fail (error);

  if (opt_skip_invalid)
    options.flags |= ACCORD_IMPORT_SKIP_INVALID;
  /* The store is closed when the command ends. */
  options.flags |= ACCORD_IMPORT_NO_RELOAD;

  if (!accord_import_csv_full (store, data, &options, &report, NULL, &error))
    {
      guint n_more = report != NULL && report->problems->len > 1 ? report->problems->len - 1 : 0;

      /* One line, as for every failure; it says how much else is wrong
       * so nobody fixes one row only to meet the next. */
      if (n_more > 0)
        {
          g_autofree char *message =
            g_strdup_printf (ngettext ("%s (and %u more problem; nothing was imported)",
                                       "%s (and %u more problems; nothing was imported)",
                                       n_more),
                             error->message, n_more);

          print_failure (message);
          return EXIT_FAILED;
        }

      return fail (error);
    }

  if (report->n_updated > 0)
    g_print (ngettext ("Imported %u partner: %u new, %u updated.\n",
                       "Imported %u partners: %u new, %u updated.\n", report->n_imported),
             report->n_imported, report->n_created, report->n_updated);
  else
    g_print (ngettext ("Imported %u partner.\n", "Imported %u partners.\n", report->n_imported),
             report->n_imported);

  for (guint i = 0; i < report->problems->len; i++)
    {
      const AccordImportProblem *problem = g_ptr_array_index (report->problems, i);
      g_autofree char *message = g_strdup (problem->message);

      g_strdelimit (message, "\r\n", ' ');
      g_printerr (_("line %u: %s\n"), problem->line, message);
    }

  return EXIT_SUCCESS;
}

static int
compare_partners_by_name (gconstpointer a,
                          gconstpointer b)
{
  AccordPartner *pa = *(AccordPartner * const *) a;
  AccordPartner *pb = *(AccordPartner * const *) b;
  gint64 ida = accord_partner_get_id (pa);
  gint64 idb = accord_partner_get_id (pb);
  int cmp = g_utf8_collate (accord_partner_get_name (pa), accord_partner_get_name (pb));

  return cmp != 0 ? cmp : (ida > idb) - (ida < idb);
}

/* An AccordJsonSink onto standard output. */
static gboolean
write_stdout (const char  *data,
              gsize        len,
              gpointer     user_data,
              GError     **error)
{
  int saved_errno;

  if (fwrite (data, 1, len, stdout) == len)
    return TRUE;
  saved_errno = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write the list: %s"), g_strerror (saved_errno));
  return FALSE;
}

static int
command_list (Cli   *cli,
              int    argc,
              char **argv)
{
  gboolean opt_json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json,
      N_("Print every field and contact as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    make_context ("list", _("List the partners."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = NULL;
  int status;

  if ((status = parse_command_line (cli, context, &argc, &argv)) >= 0)
    return status;
  if (argc > 1)
    return usage_error (_("list takes no arguments besides its options"));

  store = open_workspace (cli, FALSE, &error);
  if (store == NULL)
    return fail (error);

  if (opt_json)
    {
      /* Written as bytes, as it is made: JSON is UTF-8 whatever the
       * terminal's locale (g_print() would convert it), and a big
       * workspace's text need not be held whole. */
      if (!accord_json_write_partners (store, TRUE, write_stdout, NULL, &error))
        return fail (error);
      if (!write_stdout ("\n", 1, NULL, &error))
        return fail (error);
    }
  else
    {
      GListModel *partners = accord_store_get_partners (store);
      guint n = g_list_model_get_n_items (partners);
      g_autoptr(GPtrArray) sorted = g_ptr_array_new_full (n, g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (sorted, g_list_model_get_item (partners, i));
      g_ptr_array_sort (sorted, compare_partners_by_name);

      for (guint i = 0; i < sorted->len; i++)
        {
          AccordPartner *partner = g_ptr_array_index (sorted, i);

          g_print ("%" G_GINT64_FORMAT "\t%s\n",
                   accord_partner_get_id (partner), accord_partner_get_name (partner));
        }
    }

  if (fflush (stdout) != 0)
    {
      int saved_errno = errno;

      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write the list: %s"), g_strerror (saved_errno));
      return fail (error);
    }

  return EXIT_SUCCESS;
}

/* Every stage key, for the message about an unknown one. */

/* Names compare as people read them: case and Unicode composition do not
 * matter, surrounding spaces neither (the store trims names). */
static char *
dup_name_key (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  g_autofree char *folded = g_utf8_casefold (trimmed, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);
}

/* The partners in @model named @name (see dup_name_key()). */
static GPtrArray *
find_partners_named (GListModel *model,
                     const char *name)
{
  g_autofree char *wanted = dup_name_key (name);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordPartner) partner = g_list_model_get_item (model, i);
      g_autofree char *key = dup_name_key (accord_partner_get_name (partner));

      if (wanted != NULL && key != NULL && strcmp (key, wanted) == 0)
        g_ptr_array_add (found, g_steal_pointer (&partner));
    }

  return found;
}

/* Finds the one live partner called @name, or says in a line why not. */
AccordPartner *
find_one_partner (AccordStore  *store,
                  const char   *name,
                  GError      **error)
{
  g_autoptr(GPtrArray) found = find_partners_named (accord_store_get_partners (store), name);

  if (found->len == 1)
    return g_object_ref (g_ptr_array_index (found, 0));

  if (found->len > 1)
    {
      g_autoptr(GString) ids = g_string_new (NULL);

      for (guint i = 0; i < found->len; i++)
        g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "",
                                accord_partner_get_id (g_ptr_array_index (found, i)));
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                   ngettext ("%u partner is named “%s” (ids %s); give them different names first",
                             "%u partners are named “%s” (ids %s); give them different names first",
                             found->len),
                   found->len, name, ids->str);
      return NULL;
    }

  g_ptr_array_unref (g_steal_pointer (&found));
  found = find_partners_named (accord_store_get_trash (store), name);
  if (found->len > 0)
    g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND,
                 _("The partner “%s” is in the trash; restore it first"), name);
  else
    g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND,
                 _("No partner is named “%s”"), name);
  return NULL;
}

static int
command_move (Cli   *cli,
              int    argc,
              char **argv)
{
  g_autofree char *opt_partner = NULL;
  g_autofree char *opt_stage = NULL;
  g_autofree char *opt_note = NULL;
  g_autofree char *opt_revisit = NULL;
  const GOptionEntry entries[] = {
    { "partner", 'p', 0, G_OPTION_ARG_STRING, &opt_partner,
      N_("The partner called NAME (any case)"), N_("NAME") },
    { "stage", 's', 0, G_OPTION_ARG_STRING, &opt_stage,
      N_("The stage to move to: identified, outreach, negotiating, launching, growing, "
         "optimizing, renewing, ended or on-hold"), N_("STAGE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &opt_note,
      N_("Record TEXT with the move, such as the reason"), N_("TEXT") },
    { "revisit", 0, 0, G_OPTION_ARG_STRING, &opt_revisit,
      N_("For on-hold: the date to look at the partner again (default: in 6 months)"),
      N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    make_context (_("move --partner NAME --stage STAGE"),
                  _("Move a partner to another stage, dated today."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordPartner) partner = NULL;
  g_autofree char *today = NULL;
  const char *name;
  AccordStage from, to;
  GDate revisit;
  int status;

  if ((status = parse_command_line (cli, context, &argc, &argv)) >= 0)
    return status;
  if (argc > 1)
    return usage_error (_("move takes no arguments besides its options"));
  if (opt_partner == NULL || *g_strstrip (opt_partner) == '\0')
    return usage_error (_("move needs --partner NAME"));
  if (opt_stage == NULL)
    return usage_error (_("move needs --stage STAGE"));
  if (!accord_stage_from_key (opt_stage, &to))
    {
      g_autofree char *allowed = accord_stage_dup_keys ();
      g_autofree char *message =
        g_strdup_printf (_("--stage: “%s” is not a stage; use one of: %s"), opt_stage, allowed);

      return usage_error (message);
    }
  if (opt_revisit != NULL)
    {
      if (to != ACCORD_STAGE_ON_HOLD)
        return usage_error (_("--revisit goes only with --stage on-hold"));
      if (!parse_iso_date (opt_revisit, &revisit))
        {
          g_autofree char *message =
            g_strdup_printf (_("--revisit: “%s” is not a date; use YYYY-MM-DD"), opt_revisit);

          return usage_error (message);
        }
    }

  store = open_workspace (cli, FALSE, &error);
  if (store == NULL)
    return fail (error);

  partner = find_one_partner (store, opt_partner, &error);
  if (partner == NULL)
    return fail (error);

  /* The store checks the move itself (allowed, not dated before the
   * current stage began, the revisit date after today) and its reasons
   * are the ones to show. */
  today = format_date (&cli->today);
  from = accord_partner_get_stage (partner);
  if (!accord_store_move_partner (store, partner, to, today, opt_note, opt_revisit, &error))
    return fail (error);

  name = accord_partner_get_name (partner);
  if (to == ACCORD_STAGE_ON_HOLD)
    g_print (_("Put “%s” on hold on %s (was %s); revisit on %s.\n"),
             name, today, accord_stage_get_label (from),
             accord_partner_get_revisit_on (partner));
  else
    g_print (_("Moved “%s” from %s to %s on %s.\n"),
             name, accord_stage_get_label (from), accord_stage_get_label (to), today);

  return EXIT_SUCCESS;
}

static int
command_check (Cli   *cli,
               int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context =
    make_context ("check", _("Check the workspace for damage."), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = NULL;
  int status;

  if ((status = parse_command_line (cli, context, &argc, &argv)) >= 0)
    return status;
  if (argc > 1)
    return usage_error (_("check takes no arguments besides its options"));

  store = open_workspace (cli, FALSE, &error);
  if (store == NULL || !accord_store_check (store, &error))
    return fail (error);

  /* Not translated: scripts and cron jobs compare it. */
  g_print ("OK\n");
  return EXIT_SUCCESS;
}

static const struct
{
  const char *name;
  const char *summary;
  int       (*run) (Cli *cli, int argc, char **argv);
} commands[] = {
  { "demo", N_("Write a sample workspace"), command_demo },
  { "import", N_("Import partners from a CSV file"), command_import },
  { "list", N_("List the partners"), command_list },
  { "move", N_("Move a partner to another stage"), command_move },
  { "check", N_("Check the workspace for damage"), command_check },
  { "start", N_("Start a playbook on a partner"), cli_command_start },
  { "log", N_("Record an activity with a partner"), cli_command_log },
  { "due", N_("Show what is due"), cli_command_due },
  { "template", N_("Print a filled template"), cli_command_template },
  { "chart", N_("Draw a chart into a PNG, SVG or PDF file"), cli_command_chart },
  { "report", N_("Write the portfolio or a partner report as a PDF file"), cli_command_report },
  { "overlap", N_("Compare our customer list with a partner's"), cli_command_overlap },
  { "export", N_("Export as CSV, JSON, iCalendar or vCard"), cli_command_export },
  { "backup", N_("Back up the workspace"), cli_command_backup },
  { "restore", N_("Restore the workspace from a backup"), cli_command_restore },
};

static char *
dup_commands_summary (void)
{
  GString *summary = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (summary, "\n  %-8s %s", commands[i].name, _(commands[i].summary));

  return g_string_free (summary, FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *summary = NULL;
  Cli cli = { NULL, };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("accord-cli");

  /* The real local date is read once, here; everything after uses
   * cli.today. */
  now = g_date_time_new_now_local ();
  g_date_clear (&cli.today, 1);
  g_date_set_dmy (&cli.today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  cli.workspace = g_build_filename (g_get_user_data_dir (), "accord", "workspace.accord", NULL);

  summary = dup_commands_summary ();
  context = make_context (_("COMMAND [OPTION…]"), summary, NULL);
  /* Stop at the command: what follows belongs to it. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !apply_global_options (&cli, &error))
    {
      status = usage_error (error->message);
      goto out;
    }

  if (argc < 2)
    {
      if (opt_help)
        {
          print_help (&cli, context);
          status = EXIT_SUCCESS;
        }
      else
        status = usage_error (_("No command given; try accord-cli --help"));
      goto out;
    }

  status = -1;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      status = commands[i].run (&cli, argc - 1, argv + 1);

  if (status < 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("Unknown command “%s”; try accord-cli --help"), argv[1]);

      status = usage_error (message);
    }

out:
  g_free (cli.workspace);
  g_free (opt_workspace);
  g_free (opt_today);
  return status;
}
