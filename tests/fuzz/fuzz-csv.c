/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer harness for the CSV reader. Built by build-aux/fuzz, not by
 * meson: it needs clang's -fsanitize=fuzzer.
 *
 * Besides "never crash, never leak", it checks a round trip: whatever rows
 * the reader returns, writing them back with accord_csv_escape_field() and
 * the detected separator and reading that text again gives the same rows.
 * That is the property an export followed by an import relies on. */

#include "config.h"

#include "accord-csv.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical (a failed g_return_if_fail) is a bug the fuzzer must
   * report, not a message to scroll past. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
fail (const char *what,
      GPtrArray  *rows,
      GString    *written)
{
  fprintf (stderr, "fuzz-csv: %s\n", what);
  if (written != NULL)
    fprintf (stderr, "written back as (%zu bytes):\n%s\n", written->len, written->str);
  if (rows != NULL)
    for (guint i = 0; i < rows->len; i++)
      {
        GPtrArray *fields = rows->pdata[i];

        fprintf (stderr, "row %u:", i);
        for (guint j = 0; j < fields->len; j++)
          fprintf (stderr, " [%s]", (const char *) fields->pdata[j]);
        fprintf (stderr, "\n");
      }
  abort ();
}

/* Reads every row of @text into @rows. Returns FALSE at a reading error,
 * with the rows read before it. */
static gboolean
read_all (AccordCsvReader *reader,
          GPtrArray       *rows,
          GError         **error)
{
  guint previous_line = 0;

  for (;;)
    {
      GPtrArray *fields = NULL;
      guint line = 0;

      if (!accord_csv_reader_next_row (reader, &fields, &line, error))
        {
          if (fields != NULL)
            fail ("next_row returned FALSE with a row", rows, NULL);
          return error == NULL || *error == NULL;
        }
      if (fields == NULL)
        fail ("next_row returned TRUE without a row", rows, NULL);
      if (line <= previous_line)
        fail ("rows do not start on increasing lines", rows, NULL);
      previous_line = line;

      for (guint i = 0; i < fields->len; i++)
        {
          const char *value = fields->pdata[i];

          if (value == NULL || !g_utf8_validate (value, -1, NULL))
            fail ("a value is not UTF-8", rows, NULL);
          /* Line breaks inside values are always "\n". */
          if (strchr (value, '\r') != NULL)
            fail ("a value holds a carriage return", rows, NULL);
        }
      g_ptr_array_add (rows, fields);
    }
}

/* Writes @rows as a CSV file the way an exporter would. */
static GString *
write_all (GPtrArray *rows,
           char       separator)
{
  /* A leading BOM makes the reader strip exactly one: without it a value
   * that itself starts with U+FEFF would lose it on the way back. */
  GString *text = g_string_new ("\xEF\xBB\xBF");

  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *fields = rows->pdata[i];

      /* The one ambiguity of CSV: a row holding one empty value and an
       * empty line are the same text unless the value is quoted. The
       * escaper cannot know a value stands alone, so the writer does. */
      if (fields->len == 1 && *(const char *) fields->pdata[0] == '\0')
        g_string_append (text, "\"\"");
      else
        for (guint j = 0; j < fields->len; j++)
          {
            g_autofree char *escaped = accord_csv_escape_field (fields->pdata[j]);

            if (j > 0)
              g_string_append_c (text, separator);
            g_string_append (text, escaped);
          }
      g_string_append_c (text, '\n');
    }

  return text;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCsvReader) reader = NULL;
  g_autoptr(AccordCsvReader) again = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) rows_again =
    g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GBytes) written_bytes = NULL;
  g_autoptr(GString) written = NULL;
  gboolean has_separator = FALSE;
  char separator;

  reader = accord_csv_reader_new (bytes, &error);
  if (reader == NULL)
    {
      if (error == NULL || error->domain != ACCORD_CSV_ERROR)
        fail ("reader_new failed without an ACCORD_CSV_ERROR", NULL, NULL);
      return 0;
    }
  if (error != NULL)
    fail ("reader_new succeeded with an error set", NULL, NULL);

  separator = accord_csv_reader_get_separator (reader);
  if (separator != ',' && separator != ';')
    fail ("unknown separator", NULL, NULL);

  /* A reading error (an unterminated quote) still leaves the rows before
   * it, and those must survive the round trip too. */
  if (!read_all (reader, rows, &error) &&
      !g_error_matches (error, ACCORD_CSV_ERROR, ACCORD_CSV_ERROR_UNTERMINATED_QUOTE))
    fail ("next_row failed with an unexpected error", rows, NULL);
  g_clear_error (&error);

  written = write_all (rows, separator);
  written_bytes = g_bytes_new_static (written->str, written->len);
  again = accord_csv_reader_new (written_bytes, &error);
  if (again == NULL)
    fail ("the written text cannot be read", rows, written);
  if (!read_all (again, rows_again, &error))
    fail ("the written text fails to parse", rows, written);

  if (rows_again->len != rows->len)
    fail ("the row count changed on the round trip", rows, written);

  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *a = rows->pdata[i];
      GPtrArray *b = rows_again->pdata[i];

      if (a->len != b->len)
        fail ("a row's value count changed on the round trip", rows, written);
      for (guint j = 0; j < a->len; j++)
        if (strcmp (a->pdata[j], b->pdata[j]) != 0)
          fail ("a value changed on the round trip", rows, written);
      has_separator |= a->len > 1;
    }

  /* With no row of two values the separator is never written, so either
   * one reads the text the same. */
  if (has_separator && accord_csv_reader_get_separator (again) != separator)
    fail ("the separator changed on the round trip", rows, written);

  return 0;
}
