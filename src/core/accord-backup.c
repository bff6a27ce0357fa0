/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-backup.h"

#include "accord-lifecycle.h"
#include "accord-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

/* How long a copy waits for a writer (the app, accord-cli) to finish. */
#define BUSY_WAIT_MS 10000
#define BUSY_STEP_MS 20

/* NAME-YYYY-MM-DD-HHMMSS.accord, or NAME-YYYY-MM-DD-HHMMSS-N.accord when
 * two backups fall in the same second. */
#define BACKUP_NAME_PATTERN "-([0-9]{4}-[0-9]{2}-[0-9]{2})-([0-9]{2})([0-9]{2})([0-9]{2})(-[0-9]+)?\\.accord$"

void
accord_backup_info_free (AccordBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->date);
  g_free (info->time);
  g_free (info);
}

static char *
workspace_stem (const char *workspace_path)
{
  g_autofree char *base = g_path_get_basename (workspace_path);

  if (g_str_has_suffix (base, ".accord") && strlen (base) > strlen (".accord"))
    base[strlen (base) - strlen (".accord")] = '\0';
  return g_steal_pointer (&base);
}

char *
accord_backup_dup_folder (const char *workspace_path)
{
  g_autofree char *canonical = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (workspace_path != NULL, NULL);

  canonical = g_canonicalize_filename (workspace_path, NULL);
  stem = workspace_stem (canonical);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  hash[8] = '\0';
  name = g_strdup_printf ("%s-%s", stem, hash);
  return g_build_filename (g_get_user_data_dir (), "accord", "backups", name, NULL);
}

int
accord_backup_get_keep (AccordStore *store)
{
  g_autofree char *text = NULL;
  guint64 keep = 0;

  g_return_val_if_fail (ACCORD_IS_STORE (store), ACCORD_BACKUP_KEEP_DEFAULT);

  text = accord_store_dup_setting (store, ACCORD_SETTING_BACKUP_KEEP);
  if (text == NULL ||
      !g_ascii_string_to_unsigned (text, 10, 1, ACCORD_BACKUP_KEEP_MAX, &keep, NULL))
    return ACCORD_BACKUP_KEEP_DEFAULT;
  return (int) keep;
}

gboolean
accord_backup_is_due (AccordStore *store)
{
  g_autofree char *last = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);

  last = accord_store_dup_setting (store, ACCORD_SETTING_BACKUP_LAST);
  /* A day other than today, even a later one (the clock moved back),
   * means today has no backup yet. */
  return g_strcmp0 (last, accord_store_get_today (store)) != 0;
}

gboolean
accord_backup_mark_done (AccordStore  *store,
                         const char   *today,
                         GError      **error)
{
  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  return accord_store_set_setting (store, ACCORD_SETTING_BACKUP_LAST, today, error);
}

/* Copying */

/* Statements stepped but not reset hold a read transaction, which the
 * backup API refuses on a destination connection. */
static void
reset_statements (sqlite3 *db)
{
  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt != NULL;
       stmt = sqlite3_next_stmt (db, stmt))
    sqlite3_reset (stmt);
}

/* Copies @src into @dest (both open) in one step, waiting for a writer to
 * finish. Returns the SQLite result code. */
static int
run_backup (sqlite3 *dest,
            sqlite3 *src)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", src, "main");
  int waited = 0;
  int rc;

  if (backup == NULL)
    return sqlite3_errcode (dest);

  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        {
          sqlite3_sleep (BUSY_STEP_MS);
          waited += BUSY_STEP_MS;
        }
    }
  while ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED || rc == SQLITE_OK) && waited < BUSY_WAIT_MS);

  if (sqlite3_backup_finish (backup) != SQLITE_OK && rc == SQLITE_DONE)
    rc = sqlite3_errcode (dest);
  return rc;
}

static gboolean
fsync_path (const char *path)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

/* The copy is written beside @dest and moved into place only when whole,
 * so a backup file is never a partial one. link() rather than rename()
 * refuses to replace a file that appeared meanwhile. */
static gboolean
copy_database (sqlite3     *src,
               const char  *dest_path,
               GError     **error)
{
  g_autofree char *tmp = g_strconcat (dest_path, ".partial-XXXXXX", NULL);
  sqlite3 *dest = NULL;
  const char *doing = _("Could not back up the workspace");
  int fd;
  int rc;

  if (g_file_test (dest_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists; choose another file for the backup"), dest_path);
      return FALSE;
    }

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", doing,
                   g_strerror (saved));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    rc = run_backup (dest, src);
  /* A backup is a file on its own, read without its side files: the
   * rollback journal, not WAL (which the workspace is in). */
  if (rc == SQLITE_DONE)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      g_autofree char *journal = g_strconcat (tmp, "-journal", NULL);

      _accord_store_set_sqlite_error (error, dest, rc, doing);
      sqlite3_close_v2 (dest);
      g_unlink (tmp);
      g_unlink (journal);
      return FALSE;
    }
  sqlite3_close_v2 (dest);

  if (!fsync_path (tmp) || link (tmp, dest_path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      if (saved == EEXIST)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                     _("“%s” already exists; choose another file for the backup"), dest_path);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", doing,
                     g_strerror (saved));
      return FALSE;
    }
  g_unlink (tmp);
  return TRUE;
}

gboolean
accord_backup_store (AccordStore  *store,
                     const char   *dest,
                     GError      **error)
{
  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return copy_database (_accord_store_get_db (store), dest, error);
}

/* Reads the header fields that say whether @db is a workspace. */
static int
read_int (sqlite3    *db,
          const char *sql,
          int        *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  *out = 0;
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc;
}

static gboolean
not_workspace (const char  *path,
               GError     **error)
{
  g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_WORKSPACE,
               _("“%s” is not an Accord workspace"), path);
  return FALSE;
}

/* Checks that @db is a workspace this version reads; sets *@version. */
static gboolean
check_workspace (sqlite3     *db,
                 const char  *path,
                 int         *version,
                 GError     **error)
{
  int app_id = 0;
  int rc;

  rc = read_int (db, "PRAGMA application_id", &app_id);
  if (rc == SQLITE_OK)
    rc = read_int (db, "PRAGMA user_version", version);
  if (rc == SQLITE_NOTADB)
    return not_workspace (path, error);
  if (rc != SQLITE_OK)
    return _accord_store_set_sqlite_error (error, db, rc, _("Could not read the backup"));
  if (app_id != ACCORD_STORE_APPLICATION_ID || *version <= 0)
    return not_workspace (path, error);
  if (*version > ACCORD_SCHEMA_VERSION)
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NEWER_VERSION,
                   _("“%s” was saved by a newer version of Accord"), path);
      return FALSE;
    }
  return TRUE;
}

static sqlite3 *
open_read_only (const char  *path,
                GError     **error)
{
  sqlite3 *db = NULL;
  GStatBuf st;
  int rc;

  if (g_stat (path, &st) != 0)
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND,
                   _("“%s” does not exist"), path);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      not_workspace (path, error);
      return NULL;
    }

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      _accord_store_set_sqlite_error (error, db, rc, _("Could not read the backup"));
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, BUSY_WAIT_MS);
  return db;
}

gboolean
accord_backup_file (const char  *workspace_path,
                    const char  *dest,
                    GError     **error)
{
  sqlite3 *src = NULL;
  int version = 0;
  gboolean ok;
  int rc;

  g_return_val_if_fail (workspace_path != NULL, FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Read-write without creating: a read-only connection to a file in WAL
   * mode needs its shared-memory file to be writable anyway, and the
   * backup only reads. */
  if (!g_file_test (workspace_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND,
                   _("The workspace “%s” does not exist"), workspace_path);
      return FALSE;
    }
  rc = sqlite3_open_v2 (workspace_path, &src, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      _accord_store_set_sqlite_error (error, src, rc, _("Could not back up the workspace"));
      sqlite3_close_v2 (src);
      return FALSE;
    }
  sqlite3_busy_timeout (src, BUSY_WAIT_MS);

  ok = check_workspace (src, workspace_path, &version, error) &&
       copy_database (src, dest, error);
  sqlite3_close_v2 (src);
  return ok;
}

/* Rotation */

typedef struct
{
  char *name;
  char *key;    /* "YYYY-MM-DD HHMMSS N" for sorting, newest last */
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->name);
  g_free (entry->key);
  g_free (entry);
}

static int
entry_compare_newest_first (gconstpointer a,
                            gconstpointer b)
{
  const Entry *ea = *(const Entry **) a;
  const Entry *eb = *(const Entry **) b;
  int cmp = g_strcmp0 (eb->key, ea->key);

  return cmp != 0 ? cmp : g_strcmp0 (eb->name, ea->name);
}

static GRegex *
name_regex (void)
{
  /* Not G_REGEX_OPTIMIZE: a few file names do not need PCRE2's JIT, whose
   * generated code valgrind cannot follow. */
  return g_regex_new (BACKUP_NAME_PATTERN, G_REGEX_DEFAULT, 0, NULL);
}

/* Backups in @folder by their names, newest first. */
static GPtrArray *
list_names (const char  *folder,
            GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
  g_autoptr(GRegex) regex = name_regex ();
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&entries);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (regex, name, 0, &match))
        {
          g_autofree char *date = g_match_info_fetch (match, 1);
          g_autofree char *h = g_match_info_fetch (match, 2);
          g_autofree char *m = g_match_info_fetch (match, 3);
          g_autofree char *s = g_match_info_fetch (match, 4);
          g_autofree char *n = g_match_info_fetch (match, 5);
          Entry *entry = g_new0 (Entry, 1);

          entry->name = g_strdup (name);
          entry->key = g_strdup_printf ("%s %s%s%s %08d", date, h, m, s,
                                        n != NULL && n[0] == '-' ? atoi (n + 1) : 0);
          g_ptr_array_add (entries, entry);
        }
    }
  g_ptr_array_sort (entries, entry_compare_newest_first);
  return g_steal_pointer (&entries);
}

gboolean
accord_backup_prune (const char  *folder,
                     int          keep,
                     GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (keep >= 1, FALSE);

  entries = list_names (folder, error);
  if (entries == NULL)
    return FALSE;
  for (guint i = keep; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      g_autofree char *path = g_build_filename (folder, entry->name, NULL);

      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not remove the old backup “%s”: %s"), path, g_strerror (saved));
          return FALSE;
        }
    }
  return TRUE;
}

char *
accord_backup_run (const char  *workspace_path,
                   const char  *folder,
                   const char  *today,
                   int          keep,
                   GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stem = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (workspace_path != NULL, NULL);
  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (today != NULL && accord_date_is_valid (today), NULL);
  g_return_val_if_fail (keep >= 1, NULL);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not make the backup folder “%s”: %s"), folder, g_strerror (saved));
      return NULL;
    }

  stem = workspace_stem (workspace_path);
  clock = g_date_time_format (now, "%H%M%S");
  for (int n = 0; path == NULL && n < 100; n++)
    {
      g_autofree char *name = n == 0
        ? g_strdup_printf ("%s-%s-%s.accord", stem, today, clock)
        : g_strdup_printf ("%s-%s-%s-%d.accord", stem, today, clock, n);
      g_autofree char *candidate = g_build_filename (folder, name, NULL);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        path = g_steal_pointer (&candidate);
    }
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("Too many backups were made in the same second"));
      return NULL;
    }

  if (!accord_backup_file (workspace_path, path, error))
    return NULL;
  /* The new backup is there: failing to remove an old one loses nothing. */
  if (!accord_backup_prune (folder, keep, error))
    return NULL;
  return g_steal_pointer (&path);
}

gboolean
accord_backup_auto (AccordStore  *store,
                    const char   *folder,
                    char        **out_path,
                    GError      **error)
{
  g_autofree char *default_folder = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (out_path != NULL, FALSE);

  *out_path = NULL;
  if (!accord_backup_is_due (store))
    return TRUE;

  if (folder == NULL)
    folder = default_folder = accord_backup_dup_folder (accord_store_get_path (store));
  path = accord_backup_run (accord_store_get_path (store), folder,
                            accord_store_get_today (store), accord_backup_get_keep (store), error);
  if (path == NULL)
    return FALSE;
  if (!accord_backup_mark_done (store, accord_store_get_today (store), error))
    return FALSE;
  *out_path = g_steal_pointer (&path);
  return TRUE;
}

/* Reading a backup */

static guint
count_rows (sqlite3    *db,
            const char *table,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int n = 0;
  int exists = 0;
  g_autofree char *probe = g_strdup_printf ("SELECT count(*) FROM sqlite_schema "
                                            "WHERE type = 'table' AND name = '%s'", table);

  /* An older workspace may not have the table yet: then it holds none. */
  if (read_int (db, probe, &exists) != SQLITE_OK || exists == 0)
    return 0;
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return (guint) MAX (n, 0);
}

static void
fill_date (AccordBackupInfo *info,
           GStatBuf         *st)
{
  g_autoptr(GRegex) regex = name_regex ();
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *base = g_path_get_basename (info->path);

  if (g_regex_match (regex, base, 0, &match))
    {
      g_autofree char *h = g_match_info_fetch (match, 2);
      g_autofree char *m = g_match_info_fetch (match, 3);
      g_autofree char *s = g_match_info_fetch (match, 4);

      info->date = g_match_info_fetch (match, 1);
      info->time = g_strdup_printf ("%s:%s:%s", h, m, s);
    }
  else
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (st->st_mtime);

      info->date = g_date_time_format (when, "%Y-%m-%d");
      info->time = g_date_time_format (when, "%H:%M:%S");
    }
}

AccordBackupInfo *
accord_backup_inspect (const char  *path,
                       GError     **error)
{
  g_autoptr(AccordBackupInfo) info = NULL;
  sqlite3 *db;
  char *check = NULL;
  GStatBuf st;
  int version = 0;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = open_read_only (path, error);
  if (db == NULL)
    return NULL;
  if (!check_workspace (db, path, &version, error))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }

  {
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);

    if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
      check = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }
  ok = g_strcmp0 (check, "ok") == 0;
  g_free (check);
  if (!ok)
    {
      sqlite3_close_v2 (db);
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_CORRUPT,
                   _("The backup “%s” is damaged"), path);
      return NULL;
    }

  info = g_new0 (AccordBackupInfo, 1);
  info->path = g_strdup (path);
  info->schema_version = version;
  info->n_partners = count_rows (db, "partner",
                                 "SELECT count(*) FROM partner WHERE trashed_at IS NULL");
  info->n_agreements = count_rows (db, "agreement", "SELECT count(*) FROM agreement");
  info->n_tasks = count_rows (db, "task", "SELECT count(*) FROM task");
  sqlite3_close_v2 (db);

  if (g_stat (path, &st) == 0)
    info->size = st.st_size;
  fill_date (info, &st);
  return g_steal_pointer (&info);
}

static int
info_compare_newest_first (gconstpointer a,
                           gconstpointer b)
{
  const AccordBackupInfo *ia = *(const AccordBackupInfo **) a;
  const AccordBackupInfo *ib = *(const AccordBackupInfo **) b;
  int cmp = g_strcmp0 (ib->date, ia->date);

  if (cmp == 0)
    cmp = g_strcmp0 (ib->time, ia->time);
  return cmp != 0 ? cmp : g_strcmp0 (ib->path, ia->path);
}

GPtrArray *
accord_backup_list (const char  *folder,
                    GError     **error)
{
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (folder != NULL, NULL);

  infos = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_backup_info_free);
  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&infos);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      AccordBackupInfo *info;

      /* Copies being written are not backups yet. */
      if (!g_str_has_suffix (name, ".accord"))
        continue;
      path = g_build_filename (folder, name, NULL);
      info = accord_backup_inspect (path, NULL);
      if (info != NULL)
        g_ptr_array_add (infos, info);
    }
  g_ptr_array_sort (infos, info_compare_newest_first);
  return g_steal_pointer (&infos);
}

/* Restoring */

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

gboolean
accord_backup_restore (AccordStore  *store,
                       const char   *backup_path,
                       char        **kept_path,
                       GError      **error)
{
  g_autoptr(AccordBackupInfo) info = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = NULL;
  g_autofree char *kept = NULL;
  const char *path;
  sqlite3 *db;
  sqlite3 *src;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = accord_store_get_path (store);
  db = _accord_store_get_db (store);

  info = accord_backup_inspect (backup_path, error);
  if (info == NULL)
    return FALSE;
  if (same_file (path, backup_path))
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                   _("“%s” is the workspace itself, not a backup of it"), backup_path);
      return FALSE;
    }

  /* Nothing is replaced before the current content is safe in a copy. */
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  for (int n = 0; kept == NULL && n < 100; n++)
    {
      g_autofree char *candidate = n == 0
        ? g_strdup_printf ("%s.before-restore-%s", path, stamp)
        : g_strdup_printf ("%s.before-restore-%s-%d", path, stamp, n);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        kept = g_steal_pointer (&candidate);
    }
  if (kept == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("Could not find a free name to keep the current workspace"));
      return FALSE;
    }
  if (!copy_database (db, kept, error))
    return FALSE;

  src = open_read_only (backup_path, error);
  if (src == NULL)
    return FALSE;

  /* The backup API writes the destination in one transaction: on failure
   * the workspace is left as it was (and the copy is there anyway). */
  reset_statements (db);
  rc = run_backup (db, src);
  sqlite3_close_v2 (src);
  if (rc != SQLITE_DONE)
    {
      g_autoptr(GError) local_error = NULL;

      _accord_store_set_sqlite_error (&local_error, db, rc, _("Could not restore the backup"));
      g_set_error (error, local_error->domain, local_error->code,
                   _("%s; the workspace before the attempt is kept in “%s”"),
                   local_error->message, kept);
      return FALSE;
    }

  if (kept_path != NULL)
    *kept_path = g_steal_pointer (&kept);
  return TRUE;
}
