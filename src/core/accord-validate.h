/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-partner.h"
#include "accord-contact.h"

G_BEGIN_DECLS

/* Pure validation rules shared by the store, the form and import. Each
 * returns FALSE with ACCORD_STORE_ERROR_INVALID and a translated, one-line
 * message a person can act on. Leading and trailing spaces are ignored. */

#define ACCORD_MAX_NAME_LENGTH   200   /* characters: names, owner, role, phone */
#define ACCORD_MAX_TEXT_LENGTH   2000  /* description, why they fit, URLs */
#define ACCORD_MAX_NOTES_LENGTH  20000

gboolean accord_validate_email (const char *text, GError **error);
gboolean accord_validate_url   (const char *text, GError **error);

gboolean accord_validate_partner_field (AccordPartnerField field, const char *text,
                                        GError **error);
gboolean accord_validate_contact_field (AccordContactField field, const char *text,
                                        GError **error);
/* Checks every field of an unsaved partner. */
gboolean accord_validate_partner       (AccordPartner *partner, GError **error);
gboolean accord_validate_contact       (AccordContact *contact, GError **error);

G_END_DECLS
