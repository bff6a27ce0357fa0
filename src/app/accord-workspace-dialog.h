/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_WORKSPACE_DIALOG (accord_workspace_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AccordWorkspaceDialog, accord_workspace_dialog, ACCORD, WORKSPACE_DIALOG,
                      AdwPreferencesWindow)

/* The workspace's own settings: its name, our company's name, the currency
 * and how many backups are kept. Each row saves when applied; a bad value
 * shows an inline error and keeps what was typed. */
GtkWidget *accord_workspace_dialog_new     (AccordWindow *window);
void       accord_workspace_dialog_present (AccordWindow *window);
/* Saves every row; FALSE when one was refused (it shows why). */
gboolean   accord_workspace_dialog_save    (AccordWorkspaceDialog *self);
/* Renames the workspace file to @name in its folder (".accord" added when
 * missing): copies it, opens the copy in the window, then deletes the old
 * file and updates the recent workspaces. A refused name or a failed step
 * shows inline and leaves the old file in use. */
gboolean   accord_workspace_dialog_rename  (AccordWorkspaceDialog *self,
                                            const char            *name);
/* "name", "company", "currency", "keep", "file", "new-file-name" or
 * "rename-error": the widget, for tests. */
GtkWidget *accord_workspace_dialog_get_row (AccordWorkspaceDialog *self, const char *which);

G_END_DECLS
