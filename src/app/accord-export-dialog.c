/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-export-dialog.h"

#include "accord-window.h"

void
accord_export_dialog_present (AccordWindow *window)
{
}
