/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* Merge two duplicate partners, choosing field by field; contacts, activities,
 * agreements, tasks and referrals move over. */
void accord_merge_dialog_present (AccordWindow *window, AccordPartner *partner);

G_END_DECLS
