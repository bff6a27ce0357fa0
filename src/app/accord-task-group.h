/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* The partner page's Next Steps group: the partner's open tasks by due
 * date (done with a check, Undo), starting a playbook, templates and the
 * tracking link. */

#define ACCORD_TYPE_TASK_GROUP (accord_task_group_get_type ())
G_DECLARE_FINAL_TYPE (AccordTaskGroup, accord_task_group, ACCORD, TASK_GROUP, AdwPreferencesGroup)

GtkWidget   *accord_task_group_new       (void);
void         accord_task_group_set_store (AccordTaskGroup *self, AccordStore *store);
/* The partner shown; NULL for none. */
void         accord_task_group_set_partner (AccordTaskGroup *self, AccordPartner *partner);

G_END_DECLS
