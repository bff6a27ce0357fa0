/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-merge-dialog.h"

#include "accord-window.h"

void
accord_merge_dialog_present (AccordWindow  *window,
                             AccordPartner *partner)
{
}
