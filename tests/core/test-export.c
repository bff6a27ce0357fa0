/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-csv.h"
#include "accord-demo.h"
#include "accord-export.h"
#include "accord-store.h"
#include "test-helpers.h"

#include <string.h>

#define TODAY "2026-03-01"

static AccordStore *
open_new (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_temp_path (name);
  AccordStore *store = accord_store_open (path, ACCORD_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  accord_store_set_today (store, TODAY);
  return store;
}

static AccordStore *
reopen (AccordStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (accord_store_get_path (store));
  AccordStore *again;

  g_object_unref (store);
  again = accord_store_open (path, ACCORD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  accord_store_set_today (again, TODAY);
  return again;
}

static AccordPartner *
add_partner (AccordStore *store,
             const char  *name,
             const char  *notes,
             const char  *contact_name,
             const char  *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordPartner) partner = accord_partner_new (name);
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);

  accord_partner_set_notes (partner, notes);
  if (contact_name != NULL)
    {
      AccordContact *contact = accord_contact_new (contact_name);

      accord_contact_set_email (contact, email);
      accord_contact_set_role (contact, "Head of partnerships; EMEA, \"north\"");
      accord_contact_set_is_primary (contact, TRUE);
      g_ptr_array_add (contacts, contact);
    }
  accord_store_add_partner (store, partner, contacts, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&partner);
}

/* ---- Formula neutralisation ---- */

static void
test_neutralize (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "=1+1", "'=1+1" },
    { "+33 1 23 45 67 89", "'+33 1 23 45 67 89" },
    { "-2", "'-2" },
    { "@SUM(A1:A9)", "'@SUM(A1:A9)" },
    { "\t=cmd", "'\t=cmd" },
    { "\r=cmd", "'\r=cmd" },
    { "=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")" },
    { "a=1", "a=1" },
    { " =1", " =1" },
    { "Acme", "Acme" },
    { "", "" },
    { "'=already", "'=already" },
    { "Ünïcode = fine", "Ünïcode = fine" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = accord_export_neutralize_cell (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

/* Parses CSV text with the project's reader (RFC 4180) into rows. */
static GPtrArray *
parse_csv (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(AccordCsvReader) reader = accord_csv_reader_new (bytes, &error);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *fields = NULL;
  guint line;

  g_assert_no_error (error);
  while (accord_csv_reader_next_row (reader, &fields, &line, &error) && fields != NULL)
    {
      g_ptr_array_add (rows, fields);
      fields = NULL;
    }
  g_assert_no_error (error);
  return rows;
}

static int
column_of (GPtrArray  *header,
           const char *name)
{
  for (guint i = 0; i < header->len; i++)
    if (g_str_equal (g_ptr_array_index (header, i), name))
      return i;
  g_assert_not_reached ();
}

static void
test_csv_partners (void)
{
  g_autoptr(AccordStore) store = open_new ("csv.accord");
  g_autoptr(AccordPartner) a = NULL;
  g_autoptr(AccordPartner) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *long_notes = NULL;
  GPtrArray *header, *row;
  guint n = 0;

  long_notes = g_strnfill (5000, 'x');
  a = add_partner (store, "=cmd|' /C calc'!A0", "Line one,\nline two; \"quoted\"",
                   "@Ana Núñez", "ana@example.com");
  b = add_partner (store, "Øresund Bikes, Ltd; \"Nordic\"", long_notes, NULL, NULL);

  csv = accord_export_csv (store, ACCORD_EXPORT_PARTNERS, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  g_assert_true (g_str_has_suffix (csv, "\r\n"));

  rows = parse_csv (csv);
  g_assert_cmpuint (rows->len, ==, 3);
  header = g_ptr_array_index (rows, 0);

  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (g_ptr_array_index (row, column_of (header, "name")), ==,
                   "'=cmd|' /C calc'!A0");
  g_assert_cmpstr (g_ptr_array_index (row, column_of (header, "notes")), ==,
                   "Line one,\nline two; \"quoted\"");
  g_assert_cmpstr (g_ptr_array_index (row, column_of (header, "contact_name")), ==,
                   "'@Ana Núñez");
  g_assert_cmpstr (g_ptr_array_index (row, column_of (header, "contact_email")), ==,
                   "ana@example.com");
  g_assert_cmpstr (g_ptr_array_index (row, column_of (header, "stage")), ==, "identified");

  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (g_ptr_array_index (row, column_of (header, "name")), ==,
                   "Øresund Bikes, Ltd; \"Nordic\"");
  g_assert_cmpstr (g_ptr_array_index (row, column_of (header, "notes")), ==, long_notes);

  /* Contacts: one, with its partner. */
  g_clear_pointer (&csv, g_free);
  csv = accord_export_csv (store, ACCORD_EXPORT_CONTACTS, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = parse_csv (csv);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (g_ptr_array_index (row, 0), ==, "'=cmd|' /C calc'!A0");
  g_assert_cmpstr (g_ptr_array_index (row, 1), ==, "'@Ana Núñez");
  g_assert_cmpstr (g_ptr_array_index (row, 2), ==, "Head of partnerships; EMEA, \"north\"");
}

/* ---- JSON ---- */

static char *
export_json (AccordStore *store,
             guint       *n)
{
  g_autoptr(GError) error = NULL;
  char *json = accord_export_json (store, n, &error);

  g_assert_no_error (error);
  g_assert_nonnull (json);
  return json;
}

static void
test_json_round_trip (void)
{
  g_autoptr(AccordStore) a = open_new ("a.accord");
  g_autoptr(AccordStore) b = open_new ("b.accord");
  g_autoptr(AccordPartner) first = NULL;
  g_autoptr(AccordPartner) hostile = NULL;
  g_autoptr(AccordPartner) trashed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json_a = NULL;
  g_autofree char *json_b = NULL;
  g_autofree char *long_text = g_strnfill (3000, 'y');
  guint n_a = 0, n_b = 0, n_imported = 0;

  /* A partner added and deleted first, so the ids of A start at 2 and
   * those B gives on import differ: references must be remapped. */
  first = add_partner (a, "Gone", "", NULL, NULL);
  g_assert_true (accord_store_trash_partner (a, first, &error));
  g_assert_true (accord_store_delete_partner (a, first, &error));
  g_assert_no_error (error);

  g_assert_true (accord_demo_fill (a, 60, 1, NULL, &error));
  g_assert_no_error (error);
  hostile = add_partner (a, "Comma, Semi; \"Quote\" \\ Ünï", long_text,
                         "Zoë O'Brien", "zoe@example.org");
  trashed = add_partner (a, "In the trash", "", NULL, NULL);
  g_assert_true (accord_store_trash_partner (a, trashed, &error));
  g_assert_true (accord_store_set_setting (a, ACCORD_SETTING_OUR_COMPANY, "Acme; \"Ltd\"\n",
                                           &error));
  g_assert_no_error (error);

  json_a = export_json (a, &n_a);
  g_assert_cmpuint (n_a, ==, 62);
  /* Every kind of record is in it. */
  for (const char * const *m = (const char * const[]) {
         "\"tags\"", "\"contacts\"", "\"stage_history\"", "\"agreements\"", "\"kpis\"",
         "\"deliverables\"", "\"changes\"", "\"activities\"", "\"playbook_runs\"", "\"tasks\"",
         "\"referrals\"", "\"reviews\"", "\"figures\"", "\"ledger_entries\"", "\"contact\" : 0",
         "\"playbook_run\" : 0", "\"our.company\"", NULL }; *m != NULL; m++)
    g_assert_nonnull (strstr (json_a, *m));

  g_assert_true (accord_export_import_json (b, json_a, -1, &n_imported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, 62);

  b = reopen (b);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (b)), ==, 61);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_trash (b)), ==, 1);
  g_assert_true (accord_store_check (b, &error));
  g_assert_no_error (error);

  json_b = export_json (b, &n_b);
  g_assert_cmpuint (n_b, ==, n_a);
  g_assert_cmpstr (json_b, ==, json_a);

  /* A second import into the now full workspace is refused, and changes
   * nothing. */
  g_assert_false (accord_export_import_json (b, json_a, -1, NULL, &error));
  g_assert_error (error, ACCORD_EXPORT_ERROR, ACCORD_EXPORT_ERROR_NOT_EMPTY);
  g_clear_error (&error);
  g_clear_pointer (&json_b, g_free);
  json_b = export_json (b, NULL);
  g_assert_cmpstr (json_b, ==, json_a);
}

static void
test_json_invalid (void)
{
  static const char * const documents[] = {
    "not json",
    "[]",
    "{\"format\": \"something-else\", \"version\": 1, \"partners\": []}",
    "{\"format\": \"accord-workspace\", \"version\": 99, \"partners\": []}",
    /* An unknown field: refused rather than dropped. */
    "{\"format\": \"accord-workspace\", \"version\": 1, \"partners\": "
    "[{\"name\": \"A\", \"created_at\": \"x\", \"updated_at\": \"x\", \"colour\": \"red\"}]}",
    /* A column name that would be SQL. */
    "{\"format\": \"accord-workspace\", \"version\": 1, \"partners\": "
    "[{\"name\": \"A\", \"created_at\": \"x\", \"updated_at\": \"x\", "
    "\"name) VALUES ('x'); --\": 1}]}",
    /* The second partner breaks a rule: nothing of the first stays. */
    "{\"format\": \"accord-workspace\", \"version\": 1, \"partners\": "
    "[{\"name\": \"A\", \"created_at\": \"x\", \"updated_at\": \"x\"}, "
    "{\"name\": \" \", \"created_at\": \"x\", \"updated_at\": \"x\"}]}",
    /* A reference to a contact the partner does not have. */
    "{\"format\": \"accord-workspace\", \"version\": 1, \"partners\": "
    "[{\"name\": \"A\", \"created_at\": \"x\", \"updated_at\": \"x\", \"activities\": "
    "[{\"date\": \"2026-01-01\", \"kind\": \"note\", \"created_at\": \"x\", \"contact\": 0}]}]}",
    /* A nested object where a value belongs. */
    "{\"format\": \"accord-workspace\", \"version\": 1, \"partners\": "
    "[{\"name\": {\"x\": 1}, \"created_at\": \"x\", \"updated_at\": \"x\"}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autofree char *name = g_strdup_printf ("invalid-%u.accord", i);
      g_autoptr(AccordStore) store = open_new (name);
      g_autoptr(GError) error = NULL;

      g_test_message ("document %u", i);
      g_assert_false (accord_export_import_json (store, documents[i], -1, NULL, &error));
      g_assert_nonnull (error);
      g_assert_null (strchr (error->message, '\n'));
      store = reopen (store);
      g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (store)), ==, 0);
    }
}

/* ---- iCalendar and vCard ---- */

static void
assert_content_lines (const char *text)
{
  const char *line = text;

  /* Every line ends in CRLF and holds at most 75 octets. */
  while (*line != '\0')
    {
      const char *end = strstr (line, "\r\n");

      g_assert_nonnull (end);
      g_assert_cmpint (end - line, <=, 75);
      g_assert_null (memchr (line, '\n', end - line));
      line = end + 2;
    }
}

/* Undoes the folding: a CRLF followed by a space joins the lines. */
static char *
unfold (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ')
        {
          p += 2;
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
test_ics (void)
{
  g_autoptr(AccordStore) store = open_new ("ics.accord");
  g_autoptr(AccordPartner) partner = NULL;
  g_autoptr(AccordTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *unfolded = NULL;
  g_autofree char *long_title = NULL;
  g_autofree char *zs = NULL;
  guint n = 0;

  partner = add_partner (store, "Café, Bar; \\ Co", "", NULL, NULL);
  zs = g_strnfill (80, 'z');
  long_title = g_strconcat ("Call back about the “co-marketing” plan, then ", zs, "\nnext line", NULL);
  task = accord_task_new (accord_partner_get_id (partner), long_title, "2026-03-05");
  g_assert_true (accord_store_add_task (store, task, &error));
  g_assert_no_error (error);

  ics = accord_export_ics (store, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  assert_content_lines (ics);
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
  g_assert_true (g_str_has_suffix (ics, "END:VCALENDAR\r\n"));
  /* Folding never splits a character. */
  g_assert_true (g_utf8_validate (ics, -1, NULL));

  unfolded = unfold (ics);
  g_assert_nonnull (strstr (unfolded, "BEGIN:VTODO\r\n"));
  g_assert_nonnull (strstr (unfolded, "DTSTART;VALUE=DATE:20260305\r\n"));
  g_assert_nonnull (strstr (unfolded, "DTSTAMP:20260301T000000Z\r\n"));
  g_assert_nonnull (strstr (unfolded, "SUMMARY:Café\\, Bar\\; \\\\ Co: Call back about the "
                                      "“co-marketing” plan\\, then zz"));
  g_assert_nonnull (strstr (unfolded, "zz\\nnext line\r\n"));
}

static void
test_vcf (void)
{
  g_autoptr(AccordStore) store = open_new ("vcf.accord");
  g_autoptr(AccordPartner) partner = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *vcf = NULL;
  g_autofree char *unfolded = NULL;
  guint n = 0;

  partner = add_partner (store, "Nordic; Bikes, AB", "", "Zoë Ann O'Brien", "zoe@example.org");

  vcf = accord_export_vcf (store, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  assert_content_lines (vcf);
  unfolded = unfold (vcf);
  g_assert_true (g_str_has_prefix (unfolded, "BEGIN:VCARD\r\nVERSION:4.0\r\n"));
  g_assert_nonnull (strstr (unfolded, "FN:Zoë Ann O'Brien\r\n"));
  g_assert_nonnull (strstr (unfolded, "N:O'Brien;Zoë Ann;;;\r\n"));
  g_assert_nonnull (strstr (unfolded, "ORG:Nordic\\; Bikes\\, AB\r\n"));
  g_assert_nonnull (strstr (unfolded, "EMAIL:zoe@example.org\r\n"));
  g_assert_nonnull (strstr (unfolded, "ROLE:Head of partnerships\\; EMEA\\, \"north\"\r\n"));
  g_assert_true (g_str_has_suffix (vcf, "END:VCARD\r\n"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export/neutralize", test_neutralize);
  g_test_add_func ("/export/csv-partners", test_csv_partners);
  g_test_add_func ("/export/json-round-trip", test_json_round_trip);
  g_test_add_func ("/export/json-invalid", test_json_invalid);
  g_test_add_func ("/export/ics", test_ics);
  g_test_add_func ("/export/vcf", test_vcf);

  return g_test_run ();
}
