/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* Backups: back up now, the automatic rotating backups, and restore after showing
 * what a backup contains (the current file is kept as a copy). */
void accord_backup_dialog_present (AccordWindow *window);

G_END_DECLS
