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
  /* Check every row and count what would happen, but write nothing. */
  ACCORD_IMPORT_DRY_RUN      = 1 << 1,
  /* Leave the store's partner models as they were: for a store closed
   * right after the import (a command, a thread's own store), which
   * would otherwise read every partner back for nothing. The file has
   * the partners; reopening, or accord_store_reload_partners(), shows
   * them. */
  ACCORD_IMPORT_NO_RELOAD    = 1 << 2,
} AccordImportFlags;

/* What decides that a row is a partner already in the workspace (which the
 * row then updates) rather than a new one. */
typedef enum
{
  ACCORD_IMPORT_MATCH_NONE,    /* every row creates a partner */
  ACCORD_IMPORT_MATCH_NAME,    /* the name, ignoring case and spaces around it */
  ACCORD_IMPORT_MATCH_DOMAIN,  /* the website's domain (without www.) */
  ACCORD_IMPORT_MATCH_EMAIL,   /* a contact's email address */
} AccordImportMatch;

const char *accord_import_match_to_key   (AccordImportMatch match);
gboolean    accord_import_match_from_key (const char *key, AccordImportMatch *out);

typedef enum
{
  ACCORD_IMPORT_PHASE_CHECK,   /* reading and checking the rows */
  ACCORD_IMPORT_PHASE_WRITE,   /* writing them in one transaction */
} AccordImportPhase;

/* Called on the importing thread every few hundred rows and at the end of
 * each phase: @done of @total rows. */
typedef void (*AccordImportProgressFunc) (AccordImportPhase phase,
                                          guint             done,
                                          guint             total,
                                          gpointer          user_data);

/* How to import. Zero-filled means: header names as in list --json (with
 * guesses for common names), every row creates a partner. */
typedef struct
{
  AccordImportFlags         flags;
  AccordImportMatch         match;
  /* (nullable): header text (compared ignoring case and outer spaces) ->
   * target key (accord_import_list_targets()), or "" / "ignore" to leave
   * the column out. Columns not in it are guessed. */
  GHashTable               *mapping;
  AccordImportProgressFunc  progress;
  gpointer                  progress_data;
} AccordImportOptions;

/* The target a column can fill: partner field keys, "contact_name",
 * "contact_email", "contact_role", "stage". NULL-terminated, static. */
const char * const *accord_import_list_targets      (void);
/* A translated label for a target key ("Website", "Contact email"). */
const char         *accord_import_target_get_label  (const char *target);
/* The target a header most likely means ("E-mail" -> "contact_email",
 * "Company" -> "name"), or NULL. */
const char         *accord_import_guess_target      (const char *header);
/* "https://www.Example.com/about" -> "example.com"; "" when none. */
char               *accord_import_normalize_domain  (const char *website);

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
  guint      n_imported;  /* created + updated */
  guint      n_created;
  guint      n_updated;
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

/* The full import: @options may be NULL (as accord_import_csv()). With
 * %ACCORD_IMPORT_DRY_RUN the report holds every problem and the counts
 * of creates and updates and nothing is written. Cancelling through
 * @cancellable at any point writes nothing (G_IO_ERROR_CANCELLED). */
gboolean accord_import_csv_full    (AccordStore                *store,
                                    GBytes                     *data,
                                    const AccordImportOptions  *options,
                                    AccordImportReport        **report_out,
                                    GCancellable               *cancellable,
                                    GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordImportReport, accord_import_report_free)

G_END_DECLS
