/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* Save or print the PDF portfolio report, or the one-page report of a partner. */
void accord_report_dialog_present (AccordWindow *window);

G_END_DECLS
