/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-overlap-dialog.h"

#include "accord-window.h"

void
accord_overlap_dialog_present (AccordWindow *window)
{
}
