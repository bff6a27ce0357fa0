/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "accord-overlap.h"

#include <sqlite3.h>
#include <string.h>

#include "test-helpers.h"

/* Account overlap: normalising, column guessing, matching, the prospects
 * rule, and what is kept on a partner (counts and names, nothing else). */

typedef struct
{
  const char *input;
  const char *expected;  /* NULL: nothing usable */
} Case;

static void
test_normalize_domain (void)
{
  static const Case cases[] = {
    { "acme.com", "acme.com" },
    { "ACME.COM", "acme.com" },
    { "  https://www.Acme.com/about?x=1#top ", "acme.com" },
    { "http://acme.com:8080/", "acme.com" },
    { "www.acme.co.uk.", "acme.co.uk" },
    { "//cdn.acme.io/x", "cdn.acme.io" },
    { "ftp://user@files.acme.org", "files.acme.org" },
    { "jane@acme.com", "acme.com" },
    { "mailto:Jane@Sub.Acme.com", "sub.acme.com" },
    { "acme", NULL },
    { "", NULL },
    { "https://", NULL },
    { "acme..com", NULL },
    { "not a domain.com", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = accord_overlap_normalize_domain (cases[i].input);

      g_test_message ("domain %u: %s", i, cases[i].input);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
  g_assert_null (accord_overlap_normalize_domain (NULL));
}

static void
test_normalize_email (void)
{
  static const Case cases[] = {
    { "jane@acme.com", "acme.com" },
    { "Jane.Doe@Mail.Acme.COM", "mail.acme.com" },
    { "someone@gmail.com", NULL },       /* says nothing about the company */
    { "someone@Outlook.com", NULL },
    { "no-at-sign.com", NULL },
    { "broken@", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = accord_overlap_normalize_email (cases[i].input);

      g_test_message ("email %u: %s", i, cases[i].input);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_normalize_name (void)
{
  static const Case cases[] = {
    { "Acme", "acme" },
    { "ACME, Inc.", "acme" },
    { "Acme Inc", "acme" },
    { "Acme Ltd.", "acme" },
    { "Acme GmbH & Co. KG", "acme" },
    { "Acme S.A.", "acme" },
    { "Acme LLC", "acme" },
    { "The Acme Company", "acme" },
    { "Société Générale SA", "societe generale" },
    { "  Müller   Bau  GmbH ", "muller bau" },
    { "A.C.M.E. Corp", "acme" },
    { "O'Brien & Sons", "obrien and sons" },
    { "Ben & Jerry's", "ben and jerrys" },
    { "Inc", "inc" },                   /* a suffix alone is the name */
    { "Ltd Ltd", "ltd" },
    { "The", "the" },
    { "", NULL },
    { " ,.- ", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = accord_overlap_normalize_name (cases[i].input);

      g_test_message ("name %u: %s", i, cases[i].input);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_status (void)
{
  g_assert_cmpint (accord_overlap_parse_status ("Prospect"), ==, ACCORD_ACCOUNT_PROSPECT);
  g_assert_cmpint (accord_overlap_parse_status ("LEAD"), ==, ACCORD_ACCOUNT_PROSPECT);
  g_assert_cmpint (accord_overlap_parse_status ("Open opportunity"), ==, ACCORD_ACCOUNT_PROSPECT);
  g_assert_cmpint (accord_overlap_parse_status ("free trial"), ==, ACCORD_ACCOUNT_PROSPECT);
  g_assert_cmpint (accord_overlap_parse_status ("Customer"), ==, ACCORD_ACCOUNT_CUSTOMER);
  g_assert_cmpint (accord_overlap_parse_status ("client"), ==, ACCORD_ACCOUNT_CUSTOMER);
  g_assert_cmpint (accord_overlap_parse_status (""), ==, ACCORD_ACCOUNT_CUSTOMER);
  g_assert_cmpint (accord_overlap_parse_status (NULL), ==, ACCORD_ACCOUNT_CUSTOMER);
}

static AccordAccountList *
load (const char *csv)
{
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr(GError) error = NULL;
  AccordAccountList *list = accord_account_list_load (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static void
test_columns (void)
{
  g_autoptr(AccordAccountList) a =
    load ("Account Name;Web Site;Primary E-mail;Lifecycle Stage\n"
          "Acme;https://acme.com;x@acme.com;Customer\n");
  g_autoptr(AccordAccountList) b =
    load ("\xef\xbb\xbf" "id,Company,Email\n1,Globex,ops@globex.io\n2,,\n3,Initech,bob@gmail.com\n");
  g_autoptr(AccordAccountList) c = load ("website\nhttps://www.umbrella.com/\n");
  g_autoptr(GBytes) none = g_bytes_new_static ("colour,size\nred,2\n", 18);
  g_autoptr(GBytes) empty = g_bytes_new_static ("\n\n", 2);
  g_autoptr(GError) error = NULL;
  AccordAccount *account;

  g_assert_cmpint (a->name_column, ==, 0);
  g_assert_cmpint (a->domain_column, ==, 1);
  g_assert_cmpint (a->email_column, ==, 2);
  g_assert_cmpint (a->status_column, ==, 3);

  g_assert_cmpint (b->name_column, ==, 1);
  g_assert_cmpint (b->domain_column, ==, -1);
  g_assert_cmpint (b->email_column, ==, 2);
  g_assert_cmpint (b->status_column, ==, -1);
  /* The row with neither a name nor a domain is skipped. */
  g_assert_cmpuint (b->accounts->len, ==, 2);
  g_assert_cmpuint (b->n_skipped, ==, 1);
  account = g_ptr_array_index (b->accounts, 0);
  g_assert_cmpstr (account->domain, ==, "globex.io");
  account = g_ptr_array_index (b->accounts, 1);
  g_assert_null (account->domain);  /* gmail says nothing */
  g_assert_cmpstr (account->name_key, ==, "initech");

  /* A list of domains only: the name shown is the domain. */
  g_assert_cmpint (c->name_column, ==, -1);
  account = g_ptr_array_index (c->accounts, 0);
  g_assert_cmpstr (account->name, ==, "umbrella.com");

  g_assert_null (accord_account_list_load (none, &error));
  g_assert_error (error, ACCORD_OVERLAP_ERROR, ACCORD_OVERLAP_ERROR_NO_COLUMNS);
  g_clear_error (&error);
  g_assert_null (accord_account_list_load (empty, &error));
  g_assert_error (error, ACCORD_OVERLAP_ERROR, ACCORD_OVERLAP_ERROR_EMPTY);
}

static gboolean
has_name (GPtrArray  *names,
          const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return TRUE;
  return FALSE;
}

static AccordOverlap *
compare (const char *ours_csv,
         const char *theirs_csv)
{
  g_autoptr(AccordAccountList) ours = load (ours_csv);
  g_autoptr(AccordAccountList) theirs = load (theirs_csv);

  return accord_overlap_compute (ours, theirs);
}

static void
test_matching (void)
{
  g_autoptr(AccordOverlap) overlap =
    compare ("name,website\n"
             "Acme Inc.,https://www.acme.com\n"        /* their acme.com by domain */
             "Globex,\n"                               /* their Globex GmbH by name */
             "Initech,initech.io\n"                    /* their initech.com: names match */
             "Hooli,hooli.xyz\n"                       /* not theirs */
             "ACME,acme.com\n"                         /* a repeat of Acme: counts once */
             "Umbrella Corp,umbrella.com\n",
             "company,email\n"
             "Acme Corporation,sales@acme.com\n"
             "Globex GmbH,info@gmail.com\n"
             "Initech,ops@initech.com\n"
             "Umbrella,boss@umbrella.com\n"
             "Umbrella Ltd,other@umbrella.com\n"       /* a repeat of Umbrella */
             "Stark Industries,tony@stark.com\n");

  g_assert_cmpuint (overlap->n_ours, ==, 5);
  g_assert_cmpuint (overlap->n_theirs, ==, 5);
  g_assert_cmpuint (accord_overlap_get_count (overlap, ACCORD_OVERLAP_BOTH_CUSTOMERS), ==, 4);
  g_assert_true (has_name (overlap->names[ACCORD_OVERLAP_BOTH_CUSTOMERS], "Acme Inc."));
  g_assert_true (has_name (overlap->names[ACCORD_OVERLAP_BOTH_CUSTOMERS], "Globex"));
  g_assert_true (has_name (overlap->names[ACCORD_OVERLAP_BOTH_CUSTOMERS], "Initech"));
  g_assert_true (has_name (overlap->names[ACCORD_OVERLAP_BOTH_CUSTOMERS], "Umbrella Corp"));
  g_assert_false (has_name (overlap->names[ACCORD_OVERLAP_BOTH_CUSTOMERS], "Hooli"));
  g_assert_false (has_name (overlap->names[ACCORD_OVERLAP_BOTH_CUSTOMERS], "ACME"));
  /* Without status columns everyone is a customer. */
  g_assert_cmpuint (accord_overlap_get_count (overlap, ACCORD_OVERLAP_OUR_PROSPECTS), ==, 0);
  g_assert_cmpuint (accord_overlap_get_count (overlap, ACCORD_OVERLAP_THEIR_PROSPECTS), ==, 0);
}

static void
test_prospects (void)
{
  g_autoptr(AccordOverlap) overlap =
    compare ("name,domain,status\n"
             "Acme,acme.com,Customer\n"
             "Globex,globex.com,Prospect\n"     /* ours a prospect, theirs a customer */
             "Initech,initech.com,Customer\n"   /* theirs a lead */
             "Hooli,hooli.com,Lead\n"           /* a prospect on both: in none */
             "Stark,stark.com,lead\n"           /* a prospect here ... */
             "Stark,stark.com,Customer\n",      /* ... and a customer: a customer */
             "name,domain,type\n"
             "Acme,acme.com,client\n"
             "Globex,globex.com,customer\n"
             "Initech,initech.com,Lead\n"
             "Hooli,hooli.com,Opportunity\n"
             "Stark,stark.com,\n");

  g_assert_cmpuint (accord_overlap_get_count (overlap, ACCORD_OVERLAP_BOTH_CUSTOMERS), ==, 2);
  g_assert_true (has_name (overlap->names[ACCORD_OVERLAP_BOTH_CUSTOMERS], "Acme"));
  g_assert_true (has_name (overlap->names[ACCORD_OVERLAP_BOTH_CUSTOMERS], "Stark"));
  g_assert_cmpuint (accord_overlap_get_count (overlap, ACCORD_OVERLAP_OUR_PROSPECTS), ==, 1);
  g_assert_cmpstr (g_ptr_array_index (overlap->names[ACCORD_OVERLAP_OUR_PROSPECTS], 0), ==,
                   "Globex");
  g_assert_cmpuint (accord_overlap_get_count (overlap, ACCORD_OVERLAP_THEIR_PROSPECTS), ==, 1);
  g_assert_cmpstr (g_ptr_array_index (overlap->names[ACCORD_OVERLAP_THEIR_PROSPECTS], 0), ==,
                   "Initech");
}

static void
test_large (void)
{
  g_autoptr(GString) ours = g_string_new ("name,domain\n");
  g_autoptr(GString) theirs = g_string_new ("company,website\n");
  g_autoptr(AccordOverlap) overlap = NULL;

  /* 20,000 each; every third of ours is theirs too. */
  for (guint i = 0; i < 20000; i++)
    {
      g_string_append_printf (ours, "Company %u,c%u.example\n", i, i);
      g_string_append_printf (theirs, "Firm %u,https://www.c%u.example/\n", i,
                              i % 3 == 0 ? i : i + 100000);
    }
  overlap = compare (ours->str, theirs->str);
  g_assert_cmpuint (overlap->n_ours, ==, 20000);
  g_assert_cmpuint (accord_overlap_get_count (overlap, ACCORD_OVERLAP_BOTH_CUSTOMERS), ==, 6667);
}

static char *
dump_table (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *text = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT * FROM overlap", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < sqlite3_column_count (stmt); c++)
      g_string_append_printf (text, "%s=%s|", sqlite3_column_name (stmt, c),
                              (const char *) sqlite3_column_text (stmt, c));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (text, FALSE);
}

static void
test_store (void)
{
  g_autofree char *path = test_temp_path ("overlap.accord");
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordPartner) partner = accord_partner_new ("Northwind");
  g_autoptr(AccordPartner) other = accord_partner_new ("Contoso");
  g_autoptr(AccordOverlap) overlap = NULL;
  g_autoptr(AccordOverlap) kept = NULL;
  g_autoptr(AccordOverlap) second = NULL;
  g_autofree char *row = NULL;

  store = accord_store_open (path, ACCORD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  accord_store_set_today (store, "2026-11-21");
  accord_store_add_partner (store, partner, NULL, &error);
  g_assert_no_error (error);
  accord_store_add_partner (store, other, NULL, &error);
  g_assert_no_error (error);

  g_assert_null (accord_store_get_overlap (store, partner, &error));
  g_assert_no_error (error);

  overlap = compare ("name,domain,status,secret\n"
                     "Acme,acme.com,customer,ours-only-1\n"
                     "Globex,globex.com,prospect,ours-only-2\n"
                     "Hidden Co,hidden.example,customer,ours-only-3\n",
                     "name,domain,status\n"
                     "Acme Inc,acme.com,customer\n"
                     "Globex,globex.com,customer\n"
                     "Unmatched Theirs,theirs.example,customer\n");
  accord_store_save_overlap (store, partner, overlap, &error);
  g_assert_no_error (error);

  kept = accord_store_get_overlap (store, partner, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_cmpstr (kept->computed_on, ==, "2026-11-21");
  g_assert_cmpuint (kept->n_ours, ==, 3);
  g_assert_cmpuint (kept->n_theirs, ==, 3);
  g_assert_cmpuint (accord_overlap_get_count (kept, ACCORD_OVERLAP_BOTH_CUSTOMERS), ==, 1);
  g_assert_cmpstr (g_ptr_array_index (kept->names[ACCORD_OVERLAP_BOTH_CUSTOMERS], 0), ==, "Acme");
  g_assert_cmpuint (accord_overlap_get_count (kept, ACCORD_OVERLAP_OUR_PROSPECTS), ==, 1);
  g_assert_cmpuint (accord_overlap_get_count (kept, ACCORD_OVERLAP_THEIR_PROSPECTS), ==, 0);
  /* Nothing kept on the other partner. */
  g_assert_null (accord_store_get_overlap (store, other, &error));
  g_assert_no_error (error);

  /* Only counts and matched names reach the file: no unmatched company,
   * no domain, no other column. */
  g_clear_object (&store);
  row = dump_table (path);
  g_test_message ("%s", row);
  g_assert_nonnull (strstr (row, "overlap_names=Acme|"));
  g_assert_nonnull (strstr (row, "our_prospect_names=Globex|"));
  g_assert_null (strstr (row, "Hidden"));
  g_assert_null (strstr (row, "Unmatched"));
  g_assert_null (strstr (row, "acme.com"));
  g_assert_null (strstr (row, "ours-only"));
  {
    g_autoptr(GBytes) bytes = test_read_file (path);
    gsize size;
    const char *data = g_bytes_get_data (bytes, &size);

    g_assert_null (g_strstr_len (data, size, "Hidden Co"));
    g_assert_null (g_strstr_len (data, size, "Unmatched Theirs"));
    g_assert_null (g_strstr_len (data, size, "ours-only"));
  }

  /* A later comparison replaces it. */
  store = accord_store_open (path, ACCORD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  accord_store_set_today (store, "2026-12-01");
  g_clear_object (&partner);
  partner = g_object_ref (accord_store_lookup_partner (store, 1));
  second = compare ("name\nA\nB\n", "name\nB\nC\n");
  accord_store_save_overlap (store, partner, second, &error);
  g_assert_no_error (error);
  g_clear_pointer (&kept, accord_overlap_free);
  kept = accord_store_get_overlap (store, partner, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept->computed_on, ==, "2026-12-01");
  g_assert_cmpuint (accord_overlap_get_count (kept, ACCORD_OVERLAP_BOTH_CUSTOMERS), ==, 1);
  g_assert_cmpstr (g_ptr_array_index (kept->names[ACCORD_OVERLAP_BOTH_CUSTOMERS], 0), ==, "B");
  g_assert_cmpuint (accord_overlap_get_count (kept, ACCORD_OVERLAP_OUR_PROSPECTS), ==, 0);

  accord_store_delete_overlap (store, partner, &error);
  g_assert_no_error (error);
  g_assert_null (accord_store_get_overlap (store, partner, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/overlap/normalize-domain", test_normalize_domain);
  g_test_add_func ("/overlap/normalize-email", test_normalize_email);
  g_test_add_func ("/overlap/normalize-name", test_normalize_name);
  g_test_add_func ("/overlap/status", test_status);
  g_test_add_func ("/overlap/columns", test_columns);
  g_test_add_func ("/overlap/matching", test_matching);
  g_test_add_func ("/overlap/prospects", test_prospects);
  g_test_add_func ("/overlap/large", test_large);
  g_test_add_func ("/overlap/store", test_store);

  return g_test_run ();
}
