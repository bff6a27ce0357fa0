/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "accord-backup.h"
#include "accord-cli-private.h"

/* backup and restore: the same backups the app makes (SQLite's backup
 * API, a consistent copy even while the app is writing), for scripts and
 * cron jobs. */

int
cli_command_backup (Cli   *cli,
                    int    argc,
                    char **argv)
{
  g_autofree char *opt_output = NULL;
  gboolean opt_list = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
      N_("Write the backup to FILE (it must not exist) instead of the backup folder"),
      N_("FILE") },
    { "list", 'l', 0, G_OPTION_ARG_NONE, &opt_list,
      N_("List the backups in the backup folder"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    make_context (_("backup [-o FILE | --list]"),
                  _("Back up the workspace. Without -o, the backup goes to the workspace's "
                    "backup folder, which keeps the newest ones (the setting backup.keep)."),
                  entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  int status;

  if ((status = parse_command_line (cli, context, &argc, &argv)) >= 0)
    return status;
  if (argc > 1)
    return usage_error (_("backup takes no arguments besides its options"));
  if (opt_list && opt_output != NULL)
    return usage_error (_("backup: give either -o FILE or --list"));
  if (opt_output != NULL && opt_output[0] == '\0')
    return usage_error (_("backup: -o needs a file name"));

  store = open_workspace (cli, FALSE, &error);
  if (store == NULL)
    return fail (error);
  folder = accord_backup_dup_folder (accord_store_get_path (store));

  if (opt_list)
    {
      g_autoptr(GPtrArray) backups = accord_backup_list (folder, &error);

      if (backups == NULL)
        return fail (error);
      for (guint i = 0; i < backups->len; i++)
        {
          AccordBackupInfo *info = g_ptr_array_index (backups, i);

          /* One backup a line, tab-separated, for scripts: date, time,
           * size in bytes, partners, agreements, tasks, file. */
          g_print ("%s\t%s\t%" G_GOFFSET_FORMAT "\t%u\t%u\t%u\t%s\n", info->date,
                   info->time != NULL ? info->time : "", info->size, info->n_partners,
                   info->n_agreements, info->n_tasks, info->path);
        }
      return EXIT_SUCCESS;
    }

  if (opt_output != NULL)
    {
      if (!accord_backup_store (store, opt_output, &error))
        return fail (error);
      path = g_strdup (opt_output);
    }
  else
    {
      path = accord_backup_run (accord_store_get_path (store), folder,
                                accord_store_get_today (store), accord_backup_get_keep (store),
                                &error);
      if (path == NULL)
        return fail (error);
    }

  g_print ("%s\n", path);
  return EXIT_SUCCESS;
}

int
cli_command_restore (Cli   *cli,
                     int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context =
    make_context (_("restore FILE"),
                  _("Replace the workspace's content by the backup FILE. The workspace as it "
                    "was is first copied to WORKSPACE.before-restore-DATE-TIME."),
                  NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordBackupInfo) info = NULL;
  g_autofree char *kept = NULL;
  int status;

  if ((status = parse_command_line (cli, context, &argc, &argv)) >= 0)
    return status;
  if (argc != 2 || argv[1][0] == '\0')
    return usage_error (_("restore: give the backup file to restore"));

  /* Checked before the workspace is touched at all. */
  info = accord_backup_inspect (argv[1], &error);
  if (info == NULL)
    return fail (error);

  store = open_workspace (cli, FALSE, &error);
  if (store == NULL)
    return fail (error);
  if (!accord_backup_restore (store, argv[1], &kept, &error))
    return fail (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Restored %s (%u partner, backed up on %s)\n",
                        "Restored %s (%u partners, backed up on %s)\n", info->n_partners),
           argv[1], info->n_partners, info->date);
  g_print (_("The workspace as it was is kept in: %s\n"), kept);
  return EXIT_SUCCESS;
}
