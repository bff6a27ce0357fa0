/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-import-wizard.h"

#include "accord-window.h"

void
accord_import_wizard_present (AccordWindow *window)
{
}
