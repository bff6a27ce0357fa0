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
/* Receives a piece of the text; returns FALSE, setting @error, when it
 * cannot take it. */
typedef gboolean (*AccordJsonSink) (const char  *data,
                                    gsize        len,
                                    gpointer     user_data,
                                    GError     **error);
/* The same text, handed to @sink a piece at a time. */
gboolean accord_json_write_partners (AccordStore     *store,
                                     gboolean         pretty,
                                     AccordJsonSink   sink,
                                     gpointer         sink_data,
                                     GError         **error);
/* The same, logging a failure to read instead of reporting it. */
char *accord_json_dump_partners      (AccordStore *store,
                                      gboolean     pretty);

G_END_DECLS
