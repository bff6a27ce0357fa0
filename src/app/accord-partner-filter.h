/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* The partner list's filters: stage, fit band, partnership type, position,
 * tier and tag. Each is -1 (or "" for the tag) when it does not filter;
 * set ones combine (a partner must match them all). */

#define ACCORD_TYPE_PARTNER_FILTER (accord_partner_filter_get_type ())
G_DECLARE_FINAL_TYPE (AccordPartnerFilter, accord_partner_filter, ACCORD, PARTNER_FILTER, GtkFilter)

AccordPartnerFilter *accord_partner_filter_new (void);
/* TRUE when at least one filter is set. */
gboolean             accord_partner_filter_is_active (AccordPartnerFilter *self);
void                 accord_partner_filter_clear     (AccordPartnerFilter *self);
/* Keeps the filters in @settings (keys filter-stage, ...), both ways. */
void                 accord_partner_filter_bind_settings (AccordPartnerFilter *self,
                                                          GSettings           *settings);

G_END_DECLS
