/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"
#include "accord-contact.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_CONTACT_ROW (accord_contact_row_get_type ())
G_DECLARE_FINAL_TYPE (AccordContactRow, accord_contact_row, ACCORD, CONTACT_ROW, AdwExpanderRow)

GtkWidget     *accord_contact_row_new         (AccordStore *store, AccordContact *contact);
AccordContact *accord_contact_row_get_contact (AccordContactRow *self);
void           accord_contact_row_set_contact (AccordContactRow *self,
                                               AccordContact    *contact);
/* Saves edits still waiting for their pause; returns FALSE while a field
 * holds text that was refused (it stays in the field). */
gboolean       accord_contact_row_flush       (AccordContactRow *self);
GtkEditable   *accord_contact_row_get_field   (AccordContactRow   *self,
                                               AccordContactField  field);
const char    *accord_contact_row_get_error   (AccordContactRow *self);

G_END_DECLS
