/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "accord-types.h"

G_BEGIN_DECLS

char *accord_json_dump_partners (AccordStore *store,
                                 gboolean     pretty);

G_END_DECLS
