/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_PARTNER_ROW (accord_partner_row_get_type ())
G_DECLARE_FINAL_TYPE (AccordPartnerRow, accord_partner_row, ACCORD, PARTNER_ROW, GtkWidget)

GtkWidget     *accord_partner_row_new         (void);
AccordPartner *accord_partner_row_get_partner (AccordPartnerRow *self);
void           accord_partner_row_set_partner (AccordPartnerRow *self, AccordPartner *partner);

G_END_DECLS
