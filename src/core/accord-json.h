/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "accord-types.h"

G_BEGIN_DECLS

/* The partners as a JSON array: see accord_json_dump_partners_full(). */
char *accord_json_dump_partners_full (AccordStore  *store,
                                      gboolean      pretty,
                                      GError      **error);
/* The same, logging a failure to read instead of reporting it. */
char *accord_json_dump_partners      (AccordStore *store,
                                      gboolean     pretty);

G_END_DECLS
