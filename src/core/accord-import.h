/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "accord-types.h"

G_BEGIN_DECLS

typedef enum
{
  ACCORD_IMPORT_DEFAULT      = 0,
  /* Import the valid rows and report the others, instead of importing
   * nothing when any row is invalid. */
  ACCORD_IMPORT_SKIP_INVALID = 1 << 0,
} AccordImportFlags;

/* One thing wrong with the file: the 1-based line where the row starts
 * (1 for the header) and a translated, one-line reason. */
typedef struct
{
  guint  line;
  char  *message;
} AccordImportProblem;

/* What an import did. Plain data for a dialog or the command line. */
typedef struct
{
  guint      n_imported;
  guint      n_skipped;   /* rows with a problem; none of them is imported */
  GPtrArray *problems;    /* AccordImportProblem, in line order */
} AccordImportReport;

void     accord_import_report_free (AccordImportReport *report);

gboolean accord_import_csv         (AccordStore          *store,
                                    GBytes               *data,
                                    AccordImportFlags     flags,
                                    AccordImportReport  **report_out,
                                    GCancellable         *cancellable,
                                    GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordImportReport, accord_import_report_free)

G_END_DECLS
