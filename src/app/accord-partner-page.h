/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_PARTNER_PAGE (accord_partner_page_get_type ())
G_DECLARE_FINAL_TYPE (AccordPartnerPage, accord_partner_page, ACCORD, PARTNER_PAGE, AdwBin)

GtkWidget     *accord_partner_page_new         (void);
AccordStore   *accord_partner_page_get_store   (AccordPartnerPage *self);
void           accord_partner_page_set_store   (AccordPartnerPage *self, AccordStore *store);
AccordPartner *accord_partner_page_get_partner (AccordPartnerPage *self);
/* Saves what waits first; refused text is kept as a draft for when the
 * partner is shown again. */
void           accord_partner_page_set_partner (AccordPartnerPage *self, AccordPartner *partner);

/* Saves every edit that waits for its pause. Returns FALSE when some text
 * was refused and is still only in the form (or in a kept draft). */
gboolean       accord_partner_page_flush       (AccordPartnerPage *self);
/* The refused texts, one "Partner — Field: text" line each, or NULL. */
char          *accord_partner_page_describe_unsaved (AccordPartnerPage *self);
void           accord_partner_page_focus_name  (AccordPartnerPage *self);
/* The page's sections, one tab each: "overview", "fit", "work",
 * "agreement" and "health". */
void           accord_partner_page_show_section (AccordPartnerPage *self, const char *name);
const char    *accord_partner_page_get_section  (AccordPartnerPage *self);

G_END_DECLS
