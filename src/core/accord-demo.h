/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "accord-types.h"

G_BEGIN_DECLS

gboolean accord_demo_fill  (AccordStore   *store,
                            guint          n_partners,
                            guint64        seed,
                            GCancellable  *cancellable,
                            GError       **error);

gboolean accord_demo_write (const char    *path,
                            guint          n_partners,
                            guint64        seed,
                            GCancellable  *cancellable,
                            GError       **error);

G_END_DECLS
