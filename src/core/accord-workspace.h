/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "accord-store.h"

G_BEGIN_DECLS

/* The workspace's own settings (an agency keeps one workspace per client). */

/* Its display name, shown instead of the file name when set. */
#define ACCORD_SETTING_WORKSPACE_NAME      "workspace.name"
/* The default currency of new agreements (ISO 4217, "EUR"). */
#define ACCORD_SETTING_WORKSPACE_CURRENCY  "workspace.currency"

#define ACCORD_WORKSPACE_NAME_MAX 200

/* Whether @code is an active ISO 4217 currency code (upper case). */
gboolean accord_currency_is_valid     (const char *code);

/* The display name, or NULL when unset. */
char    *accord_workspace_dup_name    (AccordStore *store);
/* Trims @name; "" or NULL clears it. ACCORD_STORE_ERROR_INVALID when too long. */
gboolean accord_workspace_set_name    (AccordStore *store,
                                       const char  *name,
                                       GError     **error);
/* The currency code, or NULL when unset. */
char    *accord_workspace_dup_currency (AccordStore *store);
/* Trims and upper-cases @code, which must be an ISO 4217 code
 * (ACCORD_STORE_ERROR_INVALID otherwise); "" or NULL clears it. */
gboolean accord_workspace_set_currency (AccordStore *store,
                                        const char  *code,
                                        GError     **error);

/* Renaming the workspace file (in the same folder). */

/* The path a rename to @name leads to: @name in the folder of @old_path,
 * with ".accord" added when missing. Refuses (ACCORD_STORE_ERROR_INVALID, a
 * message to show) an empty name, one with "/", "." or "..", and
 * (G_IO_ERROR_EXISTS) a file that already exists. Returns the new path. */
char    *accord_workspace_dup_rename_path (const char  *old_path,
                                           const char  *name,
                                           GError     **error);
/* The first half of a rename: copies the open workspace to the new file
 * @new_path with SQLite's backup API (accord_backup_store()), then checks
 * that the copy opens as a workspace with the same partners. On failure
 * the copy is removed; the open workspace is never touched. Main thread. */
gboolean accord_workspace_rename          (AccordStore *store,
                                           const char  *new_path,
                                           GError     **error);
/* The second half, once the copy is open (and the old file closed):
 * deletes @old_path with its -wal and -shm files, and moves its backup
 * folder (accord_backup_dup_folder()) to the one of @new_path when that
 * one does not exist yet. */
gboolean accord_workspace_finish_rename   (const char  *old_path,
                                           const char  *new_path,
                                           GError     **error);

G_END_DECLS
