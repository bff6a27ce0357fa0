/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-store.h"

G_BEGIN_DECLS

/* Text folded for matching as people expect: case is ignored and so are
 * accents ("Café" and "CAFE" both fold to "cafe"). */
char   *accord_search_fold           (const char *text);

/* The ids (gint64) of the live partners (not in the trash) that match
 * every term: each term, folded, is found in the partner's name, website,
 * website domain, a tag, or a contact's name, email or role. Empty terms
 * are ignored; no non-empty term gives no result. Best first: names that
 * start with the first term, then names that contain it, then the rest;
 * by name within each. @within (nullable, gint64 ids) keeps only those
 * partners, as a narrower search does. At most @max ids (0: all). */
GArray *accord_store_search_partners (AccordStore        *self,
                                      const char * const *terms,
                                      GArray             *within,
                                      guint               max,
                                      GError            **error);

G_END_DECLS
