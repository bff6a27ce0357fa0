/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "accord-partner.h"
#include "accord-contact.h"

G_BEGIN_DECLS

/* g_set_str() arrived in GLib 2.76; we build against 2.74. */
static inline gboolean
_accord_set_str (char       **slot,
                 const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

/* Only the store sets ids, moments and the contact cache. */
void        _accord_partner_set_id         (AccordPartner *self, gint64 id);
void        _accord_partner_set_moments    (AccordPartner *self,
                                            const char    *created_at,
                                            const char    *updated_at,
                                            const char    *trashed_at);
void        _accord_partner_set_stage      (AccordPartner *self,
                                            AccordStage    stage,
                                            const char    *since,
                                            AccordStage    held_from,
                                            const char    *revisit_on);
/* The key accord_partner_get_sort_key() keeps, for @name. */
char       *_accord_partner_make_sort_key  (const char *name);
void        _accord_partner_begin_load     (AccordPartner *self);
gboolean    _accord_partner_load_field     (AccordPartner      *self,
                                            AccordPartnerField  field,
                                            const char         *text);
void        _accord_partner_end_load       (AccordPartner *self);
GListStore *_accord_partner_get_contact_cache (AccordPartner *self);
void        _accord_partner_set_contact_cache (AccordPartner *self, GListStore *contacts);

void        _accord_contact_set_id         (AccordContact *self, gint64 id);
void        _accord_contact_set_partner_id (AccordContact *self, gint64 partner_id);

G_END_DECLS
