/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "accord-types.h"

G_BEGIN_DECLS

#define ACCORD_EXPORT_ERROR (accord_export_error_quark ())

typedef enum
{
  /* The JSON is not a workspace export, or a record in it is wrong. */
  ACCORD_EXPORT_ERROR_INVALID,
  /* A full import goes only into a workspace without partners. */
  ACCORD_EXPORT_ERROR_NOT_EMPTY,
} AccordExportError;

GQuark accord_export_error_quark (void);

typedef enum
{
  ACCORD_EXPORT_FORMAT_CSV,
  ACCORD_EXPORT_FORMAT_JSON,
  ACCORD_EXPORT_FORMAT_ICS,
  ACCORD_EXPORT_FORMAT_VCF,
  ACCORD_N_EXPORT_FORMATS
} AccordExportFormat;

/* What a CSV export holds. */
typedef enum
{
  ACCORD_EXPORT_PARTNERS,
  ACCORD_EXPORT_CONTACTS,
  ACCORD_EXPORT_TASKS,
  ACCORD_N_EXPORT_WHATS
} AccordExportWhat;

/* "csv", "json", "ics", "vcf" (also the file name extension). */
const char *accord_export_format_to_key (AccordExportFormat format);
gboolean    accord_export_format_from_key (const char *key, AccordExportFormat *out);
/* "partners", "contacts", "tasks". */
const char *accord_export_what_to_key   (AccordExportWhat what);
gboolean    accord_export_what_from_key (const char *key, AccordExportWhat *out);
/* Translated, for the dialog: "CSV spreadsheet", "Partners"... */
const char *accord_export_format_get_label (AccordExportFormat format);
const char *accord_export_what_get_label   (AccordExportWhat what);
/* Translated, "12 partners", "3 contacts", "40 calendar items"... for the
 * message after an export of @format (and @what, for CSV). */
char       *accord_export_dup_count_text (AccordExportFormat format,
                                          AccordExportWhat   what,
                                          guint              n);

/* A CSV cell a spreadsheet would read as a formula (it starts with =, +,
 * -, @, a tab or a carriage return) gets a leading apostrophe, which
 * spreadsheets show as text. Other text is returned as it is. */
char *accord_export_neutralize_cell (const char *text);

/* Each returns the document (UTF-8) and sets @n_out (optional) to the
 * number of records in it: partners (CSV of partners, JSON), contacts,
 * tasks, calendar items. NULL with @error when the workspace cannot be
 * read. They read only, so a thread may use its own store connection. */
char *accord_export_csv  (AccordStore      *store,
                          AccordExportWhat  what,
                          guint            *n_out,
                          GError          **error);
/* Everything in the workspace, nested under each partner (trashed ones
 * included), and the settings. Record ids are not in it: references
 * between records (an activity's contact, a task's playbook run) are
 * positions in the partner's lists, so the document only depends on the
 * content, and accord_export_import_json() gives it back unchanged. */
char *accord_export_json (AccordStore  *store,
                          guint        *n_out,
                          GError      **error);
/* RFC 5545: a VTODO per open task (reviews included) and a VEVENT per
 * agreement notice deadline and revisit date, from
 * accord_store_list_due() with no limit. */
char *accord_export_ics  (AccordStore  *store,
                          guint        *n_out,
                          GError      **error);
/* vCard 4.0 of every contact of the partners not in the trash. */
char *accord_export_vcf  (AccordStore  *store,
                          guint        *n_out,
                          GError      **error);

/* Dispatches to the above; @what matters for CSV only. */
char *accord_export_to_string (AccordStore         *store,
                               AccordExportFormat   format,
                               AccordExportWhat     what,
                               guint               *n_out,
                               GError             **error);

/* Writes the export of @format to @path, replacing it atomically. */
gboolean accord_export_to_file (AccordStore         *store,
                                AccordExportFormat   format,
                                AccordExportWhat     what,
                                const char          *path,
                                guint               *n_out,
                                GError             **error);

/* Imports a document made by accord_export_json() into @store, which must
 * have no partners (ACCORD_EXPORT_ERROR_NOT_EMPTY otherwise), all or
 * nothing. Records get new ids; the settings are replaced by the
 * document's. @n_out gets the number of partners. The store's partner
 * models do not see the new partners until the workspace is opened again. */
gboolean accord_export_import_json (AccordStore  *store,
                                    const char   *json,
                                    gssize        length,
                                    guint        *n_out,
                                    GError      **error);

G_END_DECLS
