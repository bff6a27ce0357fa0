/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* The workspace's own settings: its name, our company's name, the currency. */
void accord_workspace_dialog_present (AccordWindow *window);

G_END_DECLS
