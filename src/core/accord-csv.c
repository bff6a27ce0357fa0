/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-csv.h"

#include <glib/gi18n.h>
#include <string.h>

G_DEFINE_QUARK (accord-csv-error-quark, accord_csv_error)

struct _AccordCsvReader
{
  /* The whole input as UTF-8. Every character the parser looks at
   * (separator, quote, CR, LF) is ASCII, so it can walk bytes safely. */
  char  *text;
  gsize  length;
  gsize  pos;
  /* The 1-based line the parser is on, counting breaks inside quotes. */
  guint  line;
  char   separator;
};

/* Turns the file's bytes into UTF-8. Spreadsheets save CSV as UTF-8 (with
 * or without a byte order mark), as the Windows code page, or as UTF-16
 * ("Unicode text"), so those are the cases worth recognising. */
static char *
decode_text (const guint8  *bytes,
             gsize          length,
             gsize         *length_out,
             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gsize text_length = 0;

  if (length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) ||
                      (bytes[0] == 0xFE && bytes[1] == 0xFF)))
    {
      const char *from = bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";

      text = g_convert ((const char *) bytes + 2, length - 2, "UTF-8", from,
                        NULL, &text_length, &local_error);
      if (text == NULL)
        {
          g_set_error (error, ACCORD_CSV_ERROR, ACCORD_CSV_ERROR_ENCODING,
                       _("The file says it is UTF-16 text but is damaged: %s"),
                       local_error->message);
          return NULL;
        }
    }
  else
    {
      if (length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
          bytes += 3;
          length -= 3;
        }

      /* A NUL byte never occurs in UTF-8 or Latin-1 text: this is a
       * binary file (a spreadsheet's own format, say), not CSV. */
      if (memchr (bytes, '\0', length) != NULL)
        {
          g_set_error_literal (error, ACCORD_CSV_ERROR, ACCORD_CSV_ERROR_ENCODING,
                               _("The file is not text; save it from the spreadsheet as CSV"));
          return NULL;
        }

      if (g_utf8_validate ((const char *) bytes, length, NULL))
        {
          text = g_strndup ((const char *) bytes, length);
          text_length = length;
        }
      else
        {
          /* Not UTF-8, so a legacy 8-bit encoding. Windows-1252 is what
           * spreadsheets on Windows write and is ISO-8859-1 plus printable
           * characters (€, curly quotes) where ISO-8859-1 has invisible
           * control codes; it leaves five bytes undefined, and for those
           * ISO-8859-1, which maps every byte, is the fallback. */
          text = g_convert ((const char *) bytes, length, "UTF-8", "WINDOWS-1252",
                            NULL, &text_length, NULL);
          if (text == NULL)
            text = g_convert ((const char *) bytes, length, "UTF-8", "ISO-8859-1",
                              NULL, &text_length, &local_error);
          if (text == NULL)
            {
              g_set_error (error, ACCORD_CSV_ERROR, ACCORD_CSV_ERROR_ENCODING,
                           _("The file’s text encoding cannot be read: %s"),
                           local_error->message);
              return NULL;
            }
        }
    }

  if (memchr (text, '\0', text_length) != NULL)
    {
      g_set_error_literal (error, ACCORD_CSV_ERROR, ACCORD_CSV_ERROR_ENCODING,
                           _("The file is not text; save it from the spreadsheet as CSV"));
      return NULL;
    }

  *length_out = text_length;
  return g_steal_pointer (&text);
}

/* Counts commas and semicolons outside quotes on the first line that has
 * either, and picks the more frequent one. Spreadsheets in locales with a
 * decimal comma write ';', the rest ','; a header line says which. */
static char
detect_separator (const char *text,
                  gsize       length)
{
  gboolean in_quotes = FALSE;
  guint n_commas = 0;
  guint n_semicolons = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '"')
        in_quotes = !in_quotes;
      else if (in_quotes)
        continue;
      else if (c == ',')
        n_commas++;
      else if (c == ';')
        n_semicolons++;
      else if ((c == '\n' || c == '\r') && n_commas + n_semicolons > 0)
        break;
    }

  return n_semicolons > n_commas ? ';' : ',';
}

/**
 * accord_csv_reader_new:
 * @data: the file's bytes, in UTF-8, UTF-16 with a byte order mark, or
 *   Latin-1 (Windows-1252)
 * @error: return location for an #ACCORD_CSV_ERROR
 *
 * Decodes @data and detects the separator from the first line.
 *
 * Returns: (transfer full) (nullable): a reader, or %NULL if the bytes are
 *   not text
 */
AccordCsvReader *
accord_csv_reader_new (GBytes  *data,
                       GError **error)
{
  AccordCsvReader *reader;
  const guint8 *bytes;
  gsize length = 0;
  gsize text_length = 0;
  char *text;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_bytes_get_data (data, &length);
  text = decode_text (bytes != NULL ? bytes : (const guint8 *) "", length, &text_length, error);
  if (text == NULL)
    return NULL;

  reader = g_new0 (AccordCsvReader, 1);
  reader->text = text;
  reader->length = text_length;
  reader->pos = 0;
  reader->line = 1;
  reader->separator = detect_separator (text, text_length);

  return reader;
}

void
accord_csv_reader_free (AccordCsvReader *reader)
{
  if (reader == NULL)
    return;

  g_free (reader->text);
  g_free (reader);
}

/**
 * accord_csv_reader_get_separator:
 * @reader: a reader
 *
 * Returns: the separator detected from the first line: ',' or ';'
 */
char
accord_csv_reader_get_separator (AccordCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, ',');

  return reader->separator;
}

/* Consumes one line break (CRLF, LF or a lone CR) at the current position,
 * if there is one. */
static gboolean
skip_line_break (AccordCsvReader *reader)
{
  if (reader->pos >= reader->length)
    return FALSE;

  if (reader->text[reader->pos] == '\r')
    {
      reader->pos++;
      if (reader->pos < reader->length && reader->text[reader->pos] == '\n')
        reader->pos++;
    }
  else if (reader->text[reader->pos] == '\n')
    reader->pos++;
  else
    return FALSE;

  reader->line++;
  return TRUE;
}

/* Reads the inside of a quoted value; the position is just after the
 * opening quote. Line breaks inside become "\n" whatever the file used, so
 * a multi-line note looks the same on every system. */
static gboolean
read_quoted (AccordCsvReader  *reader,
             GString          *field,
             GError          **error)
{
  guint start_line = reader->line;

  for (;;)
    {
      gsize span_start = reader->pos;
      char c;

      while (reader->pos < reader->length &&
             reader->text[reader->pos] != '"' &&
             reader->text[reader->pos] != '\r' &&
             reader->text[reader->pos] != '\n')
        reader->pos++;
      g_string_append_len (field, reader->text + span_start, reader->pos - span_start);

      if (reader->pos >= reader->length)
        {
          g_set_error (error, ACCORD_CSV_ERROR, ACCORD_CSV_ERROR_UNTERMINATED_QUOTE,
                       _("Line %u: A quoted value has no closing quote (\")"),
                       start_line);
          /* Points the caller at the quote that opened the runaway value. */
          reader->line = start_line;
          return FALSE;
        }

      c = reader->text[reader->pos];
      if (c == '"')
        {
          /* A doubled quote is a literal quote; a single one closes. */
          if (reader->pos + 1 < reader->length && reader->text[reader->pos + 1] == '"')
            {
              g_string_append_c (field, '"');
              reader->pos += 2;
            }
          else
            {
              reader->pos++;
              return TRUE;
            }
        }
      else
        {
          skip_line_break (reader);
          g_string_append_c (field, '\n');
        }
    }
}

/**
 * accord_csv_reader_next_row:
 * @reader: a reader
 * @fields_out: (out) (transfer full) (element-type utf8): the row's values
 * @line_out: (out) (optional): the 1-based line where the row starts, or on
 *   an error the line of the problem
 * @error: return location for an #ACCORD_CSV_ERROR
 *
 * Reads the next row. An empty line gives a row with no values, so a
 * caller can tell it from a row with one empty value (`""`). Text after a
 * closing quote, or a quote inside an unquoted value, is kept as it is,
 * the way spreadsheets read such files.
 *
 * Returns: %TRUE with a row, %FALSE at the end of the text or on an error
 */
gboolean
accord_csv_reader_next_row (AccordCsvReader  *reader,
                            GPtrArray       **fields_out,
                            guint            *line_out,
                            GError          **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GString) field = NULL;
  guint start_line;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (fields_out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *fields_out = NULL;

  if (reader->pos >= reader->length)
    return FALSE;

  start_line = reader->line;
  if (line_out != NULL)
    *line_out = start_line;

  fields = g_ptr_array_new_with_free_func (g_free);

  if (skip_line_break (reader))
    {
      *fields_out = g_steal_pointer (&fields);
      return TRUE;
    }

  field = g_string_new (NULL);

  for (;;)
    {
      gsize span_start;

      g_string_truncate (field, 0);

      if (reader->pos < reader->length && reader->text[reader->pos] == '"')
        {
          reader->pos++;
          if (!read_quoted (reader, field, error))
            {
              if (line_out != NULL)
                *line_out = reader->line;
              /* The rest of the text was swallowed by the open quote, so
               * there is nothing sensible left to read. */
              reader->pos = reader->length;
              return FALSE;
            }
        }

      span_start = reader->pos;
      while (reader->pos < reader->length &&
             reader->text[reader->pos] != reader->separator &&
             reader->text[reader->pos] != '\r' &&
             reader->text[reader->pos] != '\n')
        reader->pos++;
      g_string_append_len (field, reader->text + span_start, reader->pos - span_start);

      g_ptr_array_add (fields, g_strndup (field->str, field->len));

      if (reader->pos < reader->length && reader->text[reader->pos] == reader->separator)
        {
          reader->pos++;
          continue;
        }

      skip_line_break (reader);
      break;
    }

  *fields_out = g_steal_pointer (&fields);
  return TRUE;
}

/**
 * accord_csv_escape_field:
 * @text: (nullable): a value
 *
 * Quotes @text for a CSV file when it needs it: when it holds a comma, a
 * semicolon (so the result is right whichever separator the file uses), a
 * quote or a line break, or starts or ends with a space a spreadsheet
 * would trim.
 *
 * Returns: (transfer full): the value as it goes between separators
 */
char *
accord_csv_escape_field (const char *text)
{
  GString *escaped;
  gsize length;

  if (text == NULL || *text == '\0')
    return g_strdup ("");

  length = strlen (text);
  if (strpbrk (text, ",;\"\r\n") == NULL &&
      !g_ascii_isspace (text[0]) && !g_ascii_isspace (text[length - 1]))
    return g_strdup (text);

  escaped = g_string_sized_new (length + 2);
  g_string_append_c (escaped, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (escaped, '"');
      g_string_append_c (escaped, *p);
    }
  g_string_append_c (escaped, '"');

  return g_string_free (escaped, FALSE);
}
