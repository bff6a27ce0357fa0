/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Which file operation a fault hits. FULL counts writes, like WRITE, but
 * the chosen write reports SQLITE_FULL instead of SQLITE_IOERR_WRITE. */
typedef enum
{
  FAULT_WRITE,
  FAULT_SYNC,
  FAULT_READ,
  FAULT_FULL,
  FAULT_N_KINDS
} FaultKind;

/* Registers the shim as SQLite's default VFS, wrapping the VFS that was
 * the default before (the unix one), so every later sqlite3_open_v2()
 * with a NULL VFS name goes through it: the store, its backups, and the
 * WAL and rollback journal files they open. Idempotent. */
void        faulty_vfs_install  (void);

/* The @n-th operation of @kind from now (1-based) fails, once; the ones
 * after it succeed again. Resets the operation counters and the fired
 * count. */
void        faulty_vfs_arm      (FaultKind kind,
                                 guint     n);
/* Like faulty_vfs_arm(), but the @n-th operation and every later one of
 * @kind fail, until faulty_vfs_disarm(): a disk that stays full or broken,
 * so SQLite's own rollback meets the fault too. */
void        faulty_vfs_arm_sticky (FaultKind kind,
                                   guint     n);
/* No fault pending; the counters start again from zero, so a dry run is
 * disarm, do the work, then faulty_vfs_count(). The fired count stays
 * until the next arm, so it can be read after disarming. */
void        faulty_vfs_disarm   (void);
/* Operations of @kind since the last arm or disarm (FULL counts writes). */
guint       faulty_vfs_count    (FaultKind kind);
/* Faults injected since the last arm (at most 1 unless sticky). */
guint       faulty_vfs_fired    (void);
/* What the last injected fault hit, e.g. "write #3 to the WAL file", for
 * test messages. */
const char *faulty_vfs_describe (void);

const char *fault_kind_to_string (FaultKind kind);

G_END_DECLS
