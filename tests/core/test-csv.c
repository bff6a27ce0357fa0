/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-csv.h"

#include <string.h>

/* One expected row: its starting line and its values, NULL-terminated. An
 * empty line is a row with no values. */
typedef struct
{
  guint        line;
  const char  *fields[6];
} ExpectedRow;

typedef struct
{
  const char  *name;
  const char  *input;
  gssize       input_length;   /* -1: strlen */
  char         separator;
  ExpectedRow  rows[6];
  guint        n_rows;
} ReadCase;

static const ReadCase read_cases[] = {
  {
    "plain-lf", "name,website\nAcme,acme.example\n", -1, ',',
    { { 1, { "name", "website" } }, { 2, { "Acme", "acme.example" } } }, 2,
  },
  {
    "no-final-newline", "a,b\nc,d", -1, ',',
    { { 1, { "a", "b" } }, { 2, { "c", "d" } } }, 2,
  },
  {
    "crlf", "a,b\r\nc,d\r\n", -1, ',',
    { { 1, { "a", "b" } }, { 2, { "c", "d" } } }, 2,
  },
  {
    "quoted-separator-and-doubled-quote",
    "name,notes\n\"Smith, Jones & Co\",\"She said \"\"yes\"\"\"\n", -1, ',',
    { { 1, { "name", "notes" } }, { 2, { "Smith, Jones & Co", "She said \"yes\"" } } }, 2,
  },
  {
    /* Line numbers count the breaks inside quotes, so the row after a
     * multi-line note starts on line 4, and CRLF inside quotes reads as
     * one "\n". */
    "embedded-newlines",
    "name,notes\r\nAcme,\"first line\r\nsecond line\"\r\nBeta,\"x\ny\nz\"\nGamma,\n", -1, ',',
    {
      { 1, { "name", "notes" } },
      { 2, { "Acme", "first line\nsecond line" } },
      { 4, { "Beta", "x\ny\nz" } },
      { 7, { "Gamma", "" } },
    }, 4,
  },
  {
    "utf8-bom", "\xEF\xBB\xBFname,tier\nCaf\xC3\xA9,premium\n", -1, ',',
    { { 1, { "name", "tier" } }, { 2, { "Caf\xC3\xA9", "premium" } } }, 2,
  },
  {
    "semicolon", "name;notes\nAcme;\"1,5 million; maybe\"\n", -1, ';',
    { { 1, { "name", "notes" } }, { 2, { "Acme", "1,5 million; maybe" } } }, 2,
  },
  {
    /* More semicolons than commas on the header line, commas in data. */
    "semicolon-wins-on-header", "name;website;notes\nA,B;b.example;x,y\n", -1, ';',
    { { 1, { "name", "website", "notes" } }, { 2, { "A,B", "b.example", "x,y" } } }, 2,
  },
  {
    /* Separators inside a quoted header cell do not count. */
    "separator-ignores-quotes", "\"a;b;c\",d\n", -1, ',',
    { { 1, { "a;b;c", "d" } } }, 1,
  },
  {
    "latin1", "name,city\nCaf\xE9,Z\xFCrich\n", -1, ',',
    { { 1, { "name", "city" } }, { 2, { "Caf\xC3\xA9", "Z\xC3\xBCrich" } } }, 2,
  },
  {
    /* 0x80 is the euro sign in the Windows flavour of Latin-1. */
    "windows-1252", "price\n\x80 5\n", -1, ',',
    { { 1, { "price" } }, { 2, { "\xE2\x82\xAC 5" } } }, 2,
  },
  {
    "utf16le-bom", "\xFF\xFE" "a\0,\0b\0\n\0\xE9\0,\0x\0\n\0", 18, ',',
    { { 1, { "a", "b" } }, { 2, { "\xC3\xA9", "x" } } }, 2,
  },
  {
    "blank-lines-and-empty-fields", "a,b\n\n,\n\"\"\n", -1, ',',
    { { 1, { "a", "b" } }, { 2, { NULL } }, { 3, { "", "" } }, { 4, { "" } } }, 4,
  },
  {
    "trailing-separator", "a,b,\n", -1, ',',
    { { 1, { "a", "b", "" } } }, 1,
  },
  {
    "lone-cr", "a\rb\r", -1, ',',
    { { 1, { "a" } }, { 2, { "b" } } }, 2,
  },
  {
    /* Lenient like spreadsheets: a stray quote stays as it is. */
    "stray-quotes", "5\" screen,\"x\"y\n", -1, ',',
    { { 1, { "5\" screen", "xy" } } }, 1,
  },
  {
    "empty", "", -1, ',', { { 0 } }, 0,
  },
  {
    "only-bom", "\xEF\xBB\xBF", -1, ',', { { 0 } }, 0,
  },
};

static void
test_read (gconstpointer data)
{
  const ReadCase *c = data;
  gsize length = c->input_length >= 0 ? (gsize) c->input_length : strlen (c->input);
  g_autoptr(GBytes) bytes = g_bytes_new_static (c->input, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCsvReader) reader = accord_csv_reader_new (bytes, &error);
  guint n_rows = 0;

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  g_assert_cmpint (accord_csv_reader_get_separator (reader), ==, c->separator);

  for (;;)
    {
      g_autoptr(GPtrArray) fields = NULL;
      guint line = 0;
      const ExpectedRow *expected;
      guint n_expected = 0;

      if (!accord_csv_reader_next_row (reader, &fields, &line, &error))
        break;

      g_assert_cmpuint (n_rows, <, c->n_rows);
      expected = &c->rows[n_rows];
      while (expected->fields[n_expected] != NULL)
        n_expected++;

      g_assert_cmpuint (line, ==, expected->line);
      g_assert_cmpuint (fields->len, ==, n_expected);
      for (guint i = 0; i < n_expected; i++)
        g_assert_cmpstr (g_ptr_array_index (fields, i), ==, expected->fields[i]);
      n_rows++;
    }

  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, c->n_rows);
}

typedef struct
{
  const char *name;
  const char *input;
  guint       n_good_rows;   /* rows read before the error */
  guint       error_line;
} UnterminatedCase;

static const UnterminatedCase unterminated_cases[] = {
  { "first-row", "\"name,website\n", 0, 1 },
  { "third-line", "name,notes\nA,x\nB,\"never closed\nstill open\n", 2, 3 },
  /* The quote opens on line 4, after a closed multi-line value. */
  { "after-multiline", "name,notes\nA,\"one\ntwo\"\nB,\"open", 2, 4 },
};

static void
test_unterminated_quote (gconstpointer data)
{
  const UnterminatedCase *c = data;
  g_autoptr(GBytes) bytes = g_bytes_new_static (c->input, strlen (c->input));
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCsvReader) reader = accord_csv_reader_new (bytes, &error);
  g_autoptr(GPtrArray) fields = NULL;
  g_autofree char *expected_prefix = NULL;
  guint n_rows = 0;
  guint line = 0;

  g_assert_no_error (error);

  for (;;)
    {
      g_autoptr(GPtrArray) row = NULL;

      if (!accord_csv_reader_next_row (reader, &row, &line, &error))
        break;
      n_rows++;
    }

  g_assert_error (error, ACCORD_CSV_ERROR, ACCORD_CSV_ERROR_UNTERMINATED_QUOTE);
  g_assert_cmpuint (n_rows, ==, c->n_good_rows);
  g_assert_cmpuint (line, ==, c->error_line);
  expected_prefix = g_strdup_printf ("Line %u:", c->error_line);
  g_assert_true (g_str_has_prefix (error->message, expected_prefix));

  /* After the error the reader is at its end and says so without error. */
  g_clear_error (&error);
  g_assert_false (accord_csv_reader_next_row (reader, &fields, &line, &error));
  g_assert_no_error (error);
  g_assert_null (fields);
}

static void
test_not_text (void)
{
  static const char binary[] = "PK\x03\x04\0\0binary";
  g_autoptr(GBytes) bytes = g_bytes_new_static (binary, sizeof binary - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCsvReader) reader = accord_csv_reader_new (bytes, &error);

  g_assert_error (error, ACCORD_CSV_ERROR, ACCORD_CSV_ERROR_ENCODING);
  g_assert_null (reader);
}

static const struct
{
  const char *text;
  const char *escaped;
} escape_cases[] = {
  { "", "" },
  { "plain", "plain" },
  { "Caf\xC3\xA9", "Caf\xC3\xA9" },
  { "a,b", "\"a,b\"" },
  { "a;b", "\"a;b\"" },
  { "say \"hi\"", "\"say \"\"hi\"\"\"" },
  { "two\nlines", "\"two\nlines\"" },
  { " padded", "\" padded\"" },
};

static void
test_escape (void)
{
  g_autofree char *null_escaped = accord_csv_escape_field (NULL);
  g_autoptr(GString) file = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AccordCsvReader) reader = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (null_escaped, ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (escape_cases); i++)
    {
      g_autofree char *escaped = accord_csv_escape_field (escape_cases[i].text);

      g_assert_cmpstr (escaped, ==, escape_cases[i].escaped);
      if (i > 0)
        g_string_append_c (file, ',');
      g_string_append (file, escaped);
    }
  g_string_append (file, "\r\n");

  /* What the escaper writes, the reader reads back unchanged. */
  bytes = g_bytes_new (file->str, file->len);
  reader = accord_csv_reader_new (bytes, &error);
  g_assert_no_error (error);
  g_assert_true (accord_csv_reader_next_row (reader, &fields, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fields->len, ==, G_N_ELEMENTS (escape_cases));
  for (guint i = 0; i < G_N_ELEMENTS (escape_cases); i++)
    g_assert_cmpstr (g_ptr_array_index (fields, i), ==, escape_cases[i].text);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (read_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/csv/read/%s", read_cases[i].name);

      g_test_add_data_func (path, &read_cases[i], test_read);
    }
  for (guint i = 0; i < G_N_ELEMENTS (unterminated_cases); i++)
    {
      g_autofree char *path =
        g_strdup_printf ("/csv/unterminated-quote/%s", unterminated_cases[i].name);

      g_test_add_data_func (path, &unterminated_cases[i], test_unterminated_quote);
    }
  g_test_add_func ("/csv/not-text", test_not_text);
  g_test_add_func ("/csv/escape", test_escape);

  return g_test_run ();
}
