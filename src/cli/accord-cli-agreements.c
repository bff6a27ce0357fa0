/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-cli-private.h"

int
cli_import_agreements (Cli        *cli,
                       const char *path,
                       gboolean    skip_invalid)
{
  return usage_error ("TODO");
}
