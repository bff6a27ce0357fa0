/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ACCORD_CSV_ERROR (accord_csv_error_quark ())

typedef enum
{
  /* The bytes are not text we can read (NUL bytes, broken UTF-16). */
  ACCORD_CSV_ERROR_ENCODING,
  /* A quoted value runs to the end of the file. */
  ACCORD_CSV_ERROR_UNTERMINATED_QUOTE,
} AccordCsvError;

GQuark accord_csv_error_quark (void);

/* A reader over CSV text as spreadsheets write it (RFC 4180, plus the
 * usual variations). A plain struct: parser state that nothing binds to. */
typedef struct _AccordCsvReader AccordCsvReader;

AccordCsvReader *accord_csv_reader_new           (GBytes   *data,
                                                  GError  **error);
void             accord_csv_reader_free          (AccordCsvReader *reader);
char             accord_csv_reader_get_separator (AccordCsvReader *reader);
gboolean         accord_csv_reader_next_row      (AccordCsvReader  *reader,
                                                  GPtrArray       **fields_out,
                                                  guint            *line_out,
                                                  GError          **error);

char            *accord_csv_escape_field         (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordCsvReader, accord_csv_reader_free)

G_END_DECLS
