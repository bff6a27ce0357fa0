/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "faulty-vfs.h"

#include <sqlite3.h>

/* A pass-through VFS: every call goes to the VFS that was the default
 * before (the unix one), except that the chosen read, write or sync
 * returns an error instead of touching the file. A failed write or sync
 * therefore leaves the file as a failing disk would: the bytes of that
 * call never arrive. */

typedef struct
{
  sqlite3_file base;
  const char *kind;        /* "main database", "WAL", ... for messages */
  sqlite3_file real[];     /* the wrapped VFS's file, szOsFile bytes */
} FaultyFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs faulty_vfs;

/* The store can run bulk work on a thread, so the counters are locked. */
G_LOCK_DEFINE_STATIC (state);
static struct
{
  gboolean armed;
  gboolean sticky;
  FaultKind kind;
  guint countdown;
  guint counts[FAULT_N_KINDS];
  guint fired;
  char *last;
} state;

const char *
fault_kind_to_string (FaultKind kind)
{
  static const char *const names[] = {
    [FAULT_WRITE] = "write",
    [FAULT_SYNC] = "sync",
    [FAULT_READ] = "read",
    [FAULT_FULL] = "full",
  };

  g_return_val_if_fail ((guint) kind < FAULT_N_KINDS, "?");
  return names[kind];
}

/* Counts one operation and says whether it is the one that must fail. */
static gboolean
should_fail (FaultKind   kind,
             FaultyFile *file)
{
  gboolean fail = FALSE;

  G_LOCK (state);
  state.counts[kind]++;
  /* FULL faults pick a write: both kinds count the same calls. */
  if (kind == FAULT_WRITE)
    state.counts[FAULT_FULL]++;

  if (state.armed &&
      (state.kind == kind || (state.kind == FAULT_FULL && kind == FAULT_WRITE)) &&
      (state.countdown <= 1 || --state.countdown == 0))
    {
      fail = TRUE;
      state.countdown = 0;
      state.armed = state.sticky;
      state.fired++;
      g_free (state.last);
      state.last = g_strdup_printf ("%s #%u to the %s file", fault_kind_to_string (state.kind),
                                    state.counts[kind], file->kind);
    }
  G_UNLOCK (state);
  return fail;
}

static int
faulty_close (sqlite3_file *file)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xClose (self->real);
}

static int
faulty_read (sqlite3_file *file,
             void         *buffer,
             int           amount,
             sqlite3_int64 offset)
{
  FaultyFile *self = (FaultyFile *) file;

  if (should_fail (FAULT_READ, self))
    return SQLITE_IOERR_READ;
  return self->real->pMethods->xRead (self->real, buffer, amount, offset);
}

static int
faulty_write (sqlite3_file  *file,
              const void    *buffer,
              int            amount,
              sqlite3_int64  offset)
{
  FaultyFile *self = (FaultyFile *) file;

  if (should_fail (FAULT_WRITE, self))
    {
      gboolean full;

      G_LOCK (state);
      full = state.kind == FAULT_FULL;
      G_UNLOCK (state);
      return full ? SQLITE_FULL : SQLITE_IOERR_WRITE;
    }
  return self->real->pMethods->xWrite (self->real, buffer, amount, offset);
}

static int
faulty_truncate (sqlite3_file  *file,
                 sqlite3_int64  size)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xTruncate (self->real, size);
}

static int
faulty_sync (sqlite3_file *file,
             int           flags)
{
  FaultyFile *self = (FaultyFile *) file;

  if (should_fail (FAULT_SYNC, self))
    return SQLITE_IOERR_FSYNC;
  return self->real->pMethods->xSync (self->real, flags);
}

static int
faulty_file_size (sqlite3_file  *file,
                  sqlite3_int64 *size)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xFileSize (self->real, size);
}

static int
faulty_lock (sqlite3_file *file,
             int           level)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xLock (self->real, level);
}

static int
faulty_unlock (sqlite3_file *file,
               int           level)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xUnlock (self->real, level);
}

static int
faulty_check_reserved_lock (sqlite3_file *file,
                            int          *out)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xCheckReservedLock (self->real, out);
}

static int
faulty_file_control (sqlite3_file *file,
                     int           op,
                     void         *arg)
{
  FaultyFile *self = (FaultyFile *) file;

  /* The VFS name in PRAGMA vfs_name style answers should name the shim. */
  if (op == SQLITE_FCNTL_VFSNAME)
    {
      int rc = self->real->pMethods->xFileControl (self->real, op, arg);

      if (rc == SQLITE_OK)
        {
          char **name = arg;
          char *wrapped = sqlite3_mprintf ("faulty/%z", *name);

          *name = wrapped;
        }
      return rc;
    }
  return self->real->pMethods->xFileControl (self->real, op, arg);
}

static int
faulty_sector_size (sqlite3_file *file)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xSectorSize (self->real);
}

static int
faulty_device_characteristics (sqlite3_file *file)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xDeviceCharacteristics (self->real);
}

/* The shared-memory index of a WAL file lives in the -shm file, mapped
 * into memory; SQLite treats it as memory, not as file I/O, so it is
 * passed through untouched. */
static int
faulty_shm_map (sqlite3_file  *file,
                int            region,
                int            size,
                int            extend,
                void volatile **out)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xShmMap (self->real, region, size, extend, out);
}

static int
faulty_shm_lock (sqlite3_file *file,
                 int           offset,
                 int           n,
                 int           flags)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xShmLock (self->real, offset, n, flags);
}

static void
faulty_shm_barrier (sqlite3_file *file)
{
  FaultyFile *self = (FaultyFile *) file;

  self->real->pMethods->xShmBarrier (self->real);
}

static int
faulty_shm_unmap (sqlite3_file *file,
                  int           delete_flag)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xShmUnmap (self->real, delete_flag);
}

/* Memory-mapped reads would bypass xRead and so escape READ faults; the
 * store never turns mmap on (mmap_size is 0 by default), but refuse a
 * mapping anyway so that stays true. SQLite falls back to xRead. */
static int
faulty_fetch (sqlite3_file   *file,
              sqlite3_int64   offset,
              int             amount,
              void          **out)
{
  *out = NULL;
  return SQLITE_OK;
}

static int
faulty_unfetch (sqlite3_file  *file,
                sqlite3_int64  offset,
                void          *page)
{
  return SQLITE_OK;
}

static const sqlite3_io_methods faulty_io_methods = {
  .iVersion = 3,
  .xClose = faulty_close,
  .xRead = faulty_read,
  .xWrite = faulty_write,
  .xTruncate = faulty_truncate,
  .xSync = faulty_sync,
  .xFileSize = faulty_file_size,
  .xLock = faulty_lock,
  .xUnlock = faulty_unlock,
  .xCheckReservedLock = faulty_check_reserved_lock,
  .xFileControl = faulty_file_control,
  .xSectorSize = faulty_sector_size,
  .xDeviceCharacteristics = faulty_device_characteristics,
  .xShmMap = faulty_shm_map,
  .xShmLock = faulty_shm_lock,
  .xShmBarrier = faulty_shm_barrier,
  .xShmUnmap = faulty_shm_unmap,
  .xFetch = faulty_fetch,
  .xUnfetch = faulty_unfetch,
};

static const char *
file_kind (int flags)
{
  if (flags & SQLITE_OPEN_MAIN_DB)
    return "main database";
  if (flags & SQLITE_OPEN_WAL)
    return "WAL";
  if (flags & SQLITE_OPEN_MAIN_JOURNAL)
    return "rollback journal";
  if (flags & SQLITE_OPEN_SUPER_JOURNAL)
    return "super-journal";
  if (flags & SQLITE_OPEN_SUBJOURNAL)
    return "statement journal";
  if (flags & SQLITE_OPEN_TEMP_JOURNAL)
    return "temporary journal";
  return "temporary database";
}

static int
faulty_open (sqlite3_vfs  *vfs,
             const char   *name,
             sqlite3_file *file,
             int           flags,
             int          *out_flags)
{
  FaultyFile *self = (FaultyFile *) file;
  int rc;

  self->kind = file_kind (flags);
  rc = real_vfs->xOpen (real_vfs, name, self->real, flags, out_flags);
  /* SQLite calls xClose only when pMethods is set, and the wrapped file
   * needs closing exactly when its own pMethods is. */
  self->base.pMethods = self->real->pMethods != NULL ? &faulty_io_methods : NULL;
  return rc;
}

static int
faulty_delete (sqlite3_vfs *vfs,
               const char  *name,
               int          sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
faulty_access (sqlite3_vfs *vfs,
               const char  *name,
               int          flags,
               int         *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
faulty_full_pathname (sqlite3_vfs *vfs,
                      const char  *name,
                      int          size,
                      char        *out)
{
  return real_vfs->xFullPathname (real_vfs, name, size, out);
}

static void *
faulty_dl_open (sqlite3_vfs *vfs,
                const char  *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
faulty_dl_error (sqlite3_vfs *vfs,
                 int          size,
                 char        *out)
{
  real_vfs->xDlError (real_vfs, size, out);
}

static void (*faulty_dl_sym (sqlite3_vfs *vfs,
                             void        *handle,
                             const char  *symbol)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, symbol);
}

static void
faulty_dl_close (sqlite3_vfs *vfs,
                 void        *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
faulty_randomness (sqlite3_vfs *vfs,
                   int          size,
                   char        *out)
{
  return real_vfs->xRandomness (real_vfs, size, out);
}

static int
faulty_sleep (sqlite3_vfs *vfs,
              int          microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
faulty_current_time (sqlite3_vfs *vfs,
                     double      *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
faulty_get_last_error (sqlite3_vfs *vfs,
                       int          size,
                       char        *out)
{
  return real_vfs->xGetLastError (real_vfs, size, out);
}

static int
faulty_current_time_int64 (sqlite3_vfs   *vfs,
                           sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

void
faulty_vfs_install (void)
{
  if (real_vfs != NULL)
    return;

  real_vfs = sqlite3_vfs_find (NULL);
  g_assert (real_vfs != NULL);
  /* The methods below forward the version 2 calls unconditionally; the
   * unix VFS has had them (version 3) since SQLite 3.7.10. */
  g_assert (real_vfs->iVersion >= 2);

  faulty_vfs = (sqlite3_vfs) {
    .iVersion = 2,
    .szOsFile = sizeof (FaultyFile) + real_vfs->szOsFile,
    .mxPathname = real_vfs->mxPathname,
    .zName = "faulty",
    .xOpen = faulty_open,
    .xDelete = faulty_delete,
    .xAccess = faulty_access,
    .xFullPathname = faulty_full_pathname,
    .xDlOpen = faulty_dl_open,
    .xDlError = faulty_dl_error,
    .xDlSym = faulty_dl_sym,
    .xDlClose = faulty_dl_close,
    .xRandomness = faulty_randomness,
    .xSleep = faulty_sleep,
    .xCurrentTime = faulty_current_time,
    .xGetLastError = faulty_get_last_error,
    .xCurrentTimeInt64 = faulty_current_time_int64,
  };

  g_assert_cmpint (sqlite3_vfs_register (&faulty_vfs, 1), ==, SQLITE_OK);
}

static void
reset_counts_locked (void)
{
  state.armed = FALSE;
  state.countdown = 0;
  for (guint i = 0; i < FAULT_N_KINDS; i++)
    state.counts[i] = 0;
}

static void
arm (FaultKind kind,
     guint     n,
     gboolean  sticky)
{
  g_return_if_fail ((guint) kind < FAULT_N_KINDS);
  g_return_if_fail (n > 0);
  g_return_if_fail (real_vfs != NULL);

  G_LOCK (state);
  reset_counts_locked ();
  state.fired = 0;
  state.armed = TRUE;
  state.sticky = sticky;
  state.kind = kind;
  state.countdown = n;
  G_UNLOCK (state);
}

void
faulty_vfs_arm (FaultKind kind,
                guint     n)
{
  arm (kind, n, FALSE);
}

void
faulty_vfs_arm_sticky (FaultKind kind,
                       guint     n)
{
  arm (kind, n, TRUE);
}

void
faulty_vfs_disarm (void)
{
  G_LOCK (state);
  reset_counts_locked ();
  G_UNLOCK (state);
}

guint
faulty_vfs_count (FaultKind kind)
{
  guint n;

  g_return_val_if_fail ((guint) kind < FAULT_N_KINDS, 0);

  G_LOCK (state);
  n = state.counts[kind];
  G_UNLOCK (state);
  return n;
}

guint
faulty_vfs_fired (void)
{
  guint n;

  G_LOCK (state);
  n = state.fired;
  G_UNLOCK (state);
  return n;
}

const char *
faulty_vfs_describe (void)
{
  const char *last;

  /* Only the test's own thread reads this, between operations. */
  G_LOCK (state);
  last = state.last != NULL ? state.last : "no fault";
  G_UNLOCK (state);
  return last;
}
