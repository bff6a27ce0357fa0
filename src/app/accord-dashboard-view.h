/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* The dashboard: partner-sourced revenue and its trend, active partners and
 * the change from last month, new and ended partnerships, top partners,
 * the pipeline, health alerts, commission balances, workflow metrics and
 * the portfolio chart. Emits "partner-activated" (AccordPartner). */

#define ACCORD_TYPE_DASHBOARD_VIEW (accord_dashboard_view_get_type ())
G_DECLARE_FINAL_TYPE (AccordDashboardView, accord_dashboard_view, ACCORD, DASHBOARD_VIEW, AdwBin)

GtkWidget   *accord_dashboard_view_new       (void);
void         accord_dashboard_view_set_store (AccordDashboardView *self, AccordStore *store);

G_END_DECLS
