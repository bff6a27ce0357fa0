/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* The Agreements view: every agreement of the workspace sorted by notice
 * deadline, with those needing a decision within 30, 60 or 90 days
 * highlighted. Emits "partner-activated" (AccordPartner) to open one. */

#define ACCORD_TYPE_AGREEMENTS_VIEW (accord_agreements_view_get_type ())
G_DECLARE_FINAL_TYPE (AccordAgreementsView, accord_agreements_view, ACCORD, AGREEMENTS_VIEW, AdwBin)

GtkWidget   *accord_agreements_view_new       (void);
void         accord_agreements_view_set_store (AccordAgreementsView *self, AccordStore *store);

G_END_DECLS
