/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_BACKUP_DIALOG (accord_backup_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AccordBackupDialog, accord_backup_dialog, ACCORD, BACKUP_DIALOG,
                      AdwPreferencesWindow)

/* Backups: back up now, the automatic rotating backups, and restore after showing
 * what a backup contains (the current file is kept as a copy). Actions:
 * "backup.now", "backup.restore" (s: the backup's path). */
GtkWidget *accord_backup_dialog_new          (AccordWindow *window);
void       accord_backup_dialog_present      (AccordWindow *window);
/* The number of backups listed; whether a backup is being made. */
guint      accord_backup_dialog_get_n_backups (AccordBackupDialog *self);
gboolean   accord_backup_dialog_get_busy      (AccordBackupDialog *self);

/* The automatic daily backup of the window's workspace, in a thread,
 * silently (a failure is only logged). Does nothing when one was made
 * today. */
void       accord_backup_auto_in_background   (AccordStore *store);

G_END_DECLS
