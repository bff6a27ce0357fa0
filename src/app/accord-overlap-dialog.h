/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* Account overlap: our customer list against a partner's, matched on this machine. */
void accord_overlap_dialog_present (AccordWindow *window);

G_END_DECLS
