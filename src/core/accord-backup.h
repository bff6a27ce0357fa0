/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "accord-store.h"

G_BEGIN_DECLS

/* How many automatic backups are kept (a workspace setting, 1..MAX). */
#define ACCORD_SETTING_BACKUP_KEEP   "backup.keep"
/* The day (YYYY-MM-DD, the store's today) of the last automatic backup. */
#define ACCORD_SETTING_BACKUP_LAST   "backup.last-date"
#define ACCORD_BACKUP_KEEP_DEFAULT   7
#define ACCORD_BACKUP_KEEP_MAX       365

/* What a backup holds, read from the file opened read-only. */
typedef struct
{
  char   *path;
  char   *date;            /* "YYYY-MM-DD": from the file name, else its change time */
  char   *time;            /* "HH:MM:SS" or NULL */
  goffset size;            /* bytes */
  int     schema_version;
  guint   n_partners;      /* not in the trash */
  guint   n_agreements;
  guint   n_tasks;
} AccordBackupInfo;

void accord_backup_info_free (AccordBackupInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordBackupInfo, accord_backup_info_free)

/* The rotation folder of the workspace at @workspace_path:
 * $XDG_DATA_HOME/accord/backups/NAME-HASH, where NAME is the file's name
 * without ".accord" and HASH tells apart workspaces of the same name in
 * different folders (so one never prunes the other's backups). */
char       *accord_backup_dup_folder   (const char *workspace_path);

/* The setting ACCORD_SETTING_BACKUP_KEEP, or the default. */
int         accord_backup_get_keep     (AccordStore *store);
/* Whether no automatic backup was made on the store's today yet. */
gboolean    accord_backup_is_due       (AccordStore *store);

/* Copies the open workspace into the new file @dest with SQLite's online
 * backup API: a consistent snapshot, written to a temporary file beside
 * @dest and moved into place only when complete (mode 0600). Refuses an
 * existing @dest. Main thread (the store's connection). */
gboolean    accord_backup_store        (AccordStore *store,
                                        const char  *dest,
                                        GError     **error);
/* The same from the workspace file, through a connection of its own:
 * safe in a worker thread while the app works on the file. */
gboolean    accord_backup_file         (const char  *workspace_path,
                                        const char  *dest,
                                        GError     **error);

/* Backs the workspace file up into @folder (created) as
 * NAME-YYYY-MM-DD-HHMMSS.accord (@today, the clock's time), then deletes
 * the oldest backups there beyond @keep. Any thread. Returns the new
 * backup's path. */
char       *accord_backup_run          (const char  *workspace_path,
                                        const char  *folder,
                                        const char  *today,
                                        int          keep,
                                        GError     **error);
/* Deletes the oldest backups in @folder (files named as above) beyond
 * @keep. */
gboolean    accord_backup_prune        (const char  *folder,
                                        int          keep,
                                        GError     **error);

/* The automatic daily backup, on the main thread: when due, backs up into
 * @folder (NULL: accord_backup_dup_folder()) keeping
 * accord_backup_get_keep() and records the day. Returns TRUE with
 * *@out_path NULL when no backup was due. */
gboolean    accord_backup_auto         (AccordStore *store,
                                        const char  *folder,
                                        char       **out_path,
                                        GError     **error);
/* Records that the automatic backup of @today was made. */
gboolean    accord_backup_mark_done    (AccordStore *store,
                                        const char  *today,
                                        GError     **error);

/* Opens @path read-only and says what it holds. Refuses a file that is not
 * an Accord workspace (ACCORD_STORE_ERROR_NOT_WORKSPACE), one from a newer
 * version or a damaged one. */
AccordBackupInfo *accord_backup_inspect (const char *path,
                                         GError    **error);
/* The backups in @folder (AccordBackupInfo), newest first. Files that are
 * not workspaces are left out. A missing folder is an empty list. */
GPtrArray  *accord_backup_list         (const char  *folder,
                                        GError     **error);

/* Replaces the content of the open workspace by the backup at
 * @backup_path. First checks the backup (accord_backup_inspect()) and
 * copies the current file to PATH.before-restore-YYYYMMDD-HHMMSS
 * (*@kept_path); only then copies the backup into the open connection
 * with the backup API, in one transaction (a failure leaves the
 * workspace as it was). Afterwards the store's loaded objects show the
 * old content: close the store and open the file again (an older backup
 * is then migrated). */
gboolean    accord_backup_restore      (AccordStore *store,
                                        const char  *backup_path,
                                        char       **kept_path,
                                        GError     **error);

G_END_DECLS
