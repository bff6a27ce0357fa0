/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* The partner page's Health and Results group: the health score with its
 * reasons, reviews, referrals, monthly figures and the two-way
 * commission ledger. */

#define ACCORD_TYPE_HEALTH_GROUP (accord_health_group_get_type ())
G_DECLARE_FINAL_TYPE (AccordHealthGroup, accord_health_group, ACCORD, HEALTH_GROUP, AdwPreferencesGroup)

GtkWidget   *accord_health_group_new       (void);
void         accord_health_group_set_store (AccordHealthGroup *self, AccordStore *store);
/* The partner shown; NULL for none. */
void         accord_health_group_set_partner (AccordHealthGroup *self, AccordPartner *partner);

G_END_DECLS
