/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_GOAL_DIALOG (accord_goal_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AccordGoalDialog, accord_goal_dialog, ACCORD, GOAL_DIALOG, AdwPreferencesWindow)

/* Edits the workspace's goal statement; every field saves as you type. */
GtkWidget *accord_goal_dialog_new   (AccordStore *store);
/* Saves what waits for its pause; FALSE if something could not be saved. */
gboolean   accord_goal_dialog_flush (AccordGoalDialog *self);

G_END_DECLS
