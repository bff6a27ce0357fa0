/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* Export the workspace: CSV (partners, contacts, tasks), full JSON, iCalendar of
 * what is due, vCard of contacts. */
void accord_export_dialog_present (AccordWindow *window);

G_END_DECLS
