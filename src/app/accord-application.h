/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_APPLICATION (accord_application_get_type ())
G_DECLARE_FINAL_TYPE (AccordApplication, accord_application, ACCORD, APPLICATION, AdwApplication)

AccordApplication *accord_application_new (void);
/* Opens (creating when asked) a workspace in the window, remembering it
 * among the recent ones. Failures show in the window. */
gboolean accord_application_open_workspace (AccordApplication *self,
                                            const char        *path,
                                            gboolean           create);
/* After the workspace at @old_path was renamed to @new_path: the recent
 * list and the last workspace name the new path, in the same place. */
void     accord_application_rename_recent  (AccordApplication *self,
                                            const char        *old_path,
                                            const char        *new_path);
/* $XDG_DATA_HOME/accord/workspace.accord */
char    *accord_application_dup_default_workspace (void);

G_END_DECLS
