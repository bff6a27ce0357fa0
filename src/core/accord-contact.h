/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-types.h"

G_BEGIN_DECLS

typedef enum
{
  ACCORD_CONTACT_FIELD_NAME,
  ACCORD_CONTACT_FIELD_ROLE,
  ACCORD_CONTACT_FIELD_EMAIL,
  ACCORD_CONTACT_FIELD_PHONE,
  ACCORD_CONTACT_FIELD_PROFILE_URL,
  ACCORD_N_CONTACT_FIELDS
} AccordContactField;

#define ACCORD_TYPE_CONTACT (accord_contact_get_type ())
G_DECLARE_FINAL_TYPE (AccordContact, accord_contact, ACCORD, CONTACT, GObject)

AccordContact *accord_contact_new             (const char *name);

gint64      accord_contact_get_id          (AccordContact *self);
gint64      accord_contact_get_partner_id  (AccordContact *self);
const char *accord_contact_get_name        (AccordContact *self);
const char *accord_contact_get_role        (AccordContact *self);
const char *accord_contact_get_email       (AccordContact *self);
const char *accord_contact_get_phone       (AccordContact *self);
const char *accord_contact_get_profile_url (AccordContact *self);
gboolean    accord_contact_get_is_primary  (AccordContact *self);

/* For contacts not in a store yet; stored ones change through the store. */
void accord_contact_set_name        (AccordContact *self, const char *value);
void accord_contact_set_role        (AccordContact *self, const char *value);
void accord_contact_set_email       (AccordContact *self, const char *value);
void accord_contact_set_phone       (AccordContact *self, const char *value);
void accord_contact_set_profile_url (AccordContact *self, const char *value);
void accord_contact_set_is_primary  (AccordContact *self, gboolean value);

const char *accord_contact_get_field      (AccordContact *self, AccordContactField field);
void        accord_contact_set_field      (AccordContact *self, AccordContactField field,
                                           const char *value);
/* "name", "role", "email", "phone", "profile_url". */
const char *accord_contact_field_to_key   (AccordContactField field);
const char *accord_contact_field_get_label (AccordContactField field);

G_END_DECLS
