/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* Import partners from a CSV file: map columns to fields with guesses, pick a match
 * key, preview, see every problem row before anything is written, then commit all
 * or nothing with progress and cancel. */
void accord_import_wizard_present (AccordWindow *window);

G_END_DECLS
