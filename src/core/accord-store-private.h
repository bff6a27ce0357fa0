/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-store.h"

G_BEGIN_DECLS

typedef enum
{
  ACCORD_STORE_PRAGMA_SYNCHRONOUS,
  ACCORD_STORE_PRAGMA_FOREIGN_KEYS,
  ACCORD_STORE_PRAGMA_BUSY_TIMEOUT,
} AccordStorePragma;

/* For tests: the connection's setting, or -1. */
int _accord_store_get_pragma (AccordStore *self, AccordStorePragma pragma);

G_END_DECLS
