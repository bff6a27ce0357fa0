/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _AccordStore   AccordStore;
typedef struct _AccordPartner AccordPartner;
typedef struct _AccordContact AccordContact;

G_END_DECLS
