/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* What is due: tasks, notice deadlines, reviews and revisit dates across
 * all partners, grouped overdue / today / this week / later; each can be
 * marked done or snoozed. Emits "partner-activated" (AccordPartner). */

#define ACCORD_TYPE_DUE_VIEW (accord_due_view_get_type ())
G_DECLARE_FINAL_TYPE (AccordDueView, accord_due_view, ACCORD, DUE_VIEW, AdwBin)

GtkWidget   *accord_due_view_new       (void);
void         accord_due_view_set_store (AccordDueView *self, AccordStore *store);

G_END_DECLS
