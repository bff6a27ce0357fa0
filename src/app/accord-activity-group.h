/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* The partner page's Activity group: the log of emails, calls, meetings,
 * events, introductions and notes as a timeline, newest first, and a
 * button to log one. */

#define ACCORD_TYPE_ACTIVITY_GROUP (accord_activity_group_get_type ())
G_DECLARE_FINAL_TYPE (AccordActivityGroup, accord_activity_group, ACCORD, ACTIVITY_GROUP, AdwPreferencesGroup)

GtkWidget   *accord_activity_group_new       (void);
void         accord_activity_group_set_store (AccordActivityGroup *self, AccordStore *store);
/* The partner shown; NULL for none. */
void         accord_activity_group_set_partner (AccordActivityGroup *self, AccordPartner *partner);

G_END_DECLS
