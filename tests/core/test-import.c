/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "test-helpers.h"
#include "config.h"

#include "accord-import.h"
#include "accord-stage-change.h"
#include "accord-store.h"

#include <glib/gstdio.h>
#include <string.h>

/* Each test gets a fresh workspace in its own temporary folder. */
typedef TestWorkspace Fixture;
#define fixture_set_up test_workspace_set_up
#define fixture_tear_down test_workspace_tear_down

/* Closes the workspace and opens it again, so what a test sees next is
 * what reached the file, not what the store keeps in memory. */
static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->store);
  fixture->store = accord_store_open (fixture->path, ACCORD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static guint
n_partners (Fixture *fixture)
{
  return g_list_model_get_n_items (accord_store_get_partners (fixture->store));
}

static AccordPartner *
find_partner (Fixture    *fixture,
              const char *name)
{
  GListModel *partners = accord_store_get_partners (fixture->store);

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(AccordPartner) partner = g_list_model_get_item (partners, i);

      if (g_strcmp0 (accord_partner_get_name (partner), name) == 0)
        return partner;
    }

  g_assert_not_reached ();
}

static gboolean
import_text (Fixture             *fixture,
             const char          *text,
             AccordImportFlags    flags,
             AccordImportReport **report,
             GError             **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return accord_import_csv (fixture->store, bytes, flags, report, NULL, error);
}

static const AccordImportProblem *
get_problem (AccordImportReport *report,
             guint               index)
{
  g_assert_cmpuint (index, <, report->problems->len);
  return g_ptr_array_index (report->problems, index);
}

static const char good_csv[] =
  "name,website,description,notes,tags,owner,source,position,partnership_type,why_fit,tier,"
  "contact_name,contact_email,contact_role\r\n"
  "Bluepeak Studio,bluepeak.example,Brand design,\"Met at the fair.\nCall in May.\","
  "\"design, europe\",Maya,event,parallel,co-marketing,Same audience,certified,"
  "Ada Rossi,ada@bluepeak.example,Head of marketing\r\n"
  "Northwind Analytics,https://northwind.example,,,,,,upstream,integration,,,,,\r\n"
  "Kestrel Media,,,,,,,,,,,,,\r\n";

static void
test_good_file (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AccordImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordContact) contact = NULL;
  AccordPartner *partner;
  GListModel *contacts;
  const char * const *tags;

  g_assert_true (import_text (fixture, good_csv, ACCORD_IMPORT_DEFAULT, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 3);
  g_assert_cmpuint (report->n_skipped, ==, 0);
  g_assert_cmpuint (report->problems->len, ==, 0);

  reopen (fixture);
  g_assert_cmpuint (n_partners (fixture), ==, 3);

  partner = find_partner (fixture, "Bluepeak Studio");
  g_assert_cmpstr (accord_partner_get_website (partner), ==, "bluepeak.example");
  g_assert_cmpstr (accord_partner_get_description (partner), ==, "Brand design");
  g_assert_cmpstr (accord_partner_get_notes (partner), ==, "Met at the fair.\nCall in May.");
  tags = accord_partner_get_tags (partner);
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "design");
  g_assert_cmpstr (tags[1], ==, "europe");
  g_assert_cmpstr (accord_partner_get_owner (partner), ==, "Maya");
  g_assert_cmpint (accord_partner_get_source (partner), ==, ACCORD_SOURCE_EVENT);
  g_assert_cmpint (accord_partner_get_position (partner), ==, ACCORD_POSITION_PARALLEL);
  g_assert_cmpint (accord_partner_get_partnership_type (partner), ==,
                   ACCORD_PARTNERSHIP_TYPE_CO_MARKETING);
  g_assert_cmpstr (accord_partner_get_why_fit (partner), ==, "Same audience");
  g_assert_cmpint (accord_partner_get_tier (partner), ==, ACCORD_TIER_CERTIFIED);

  /* The contact columns make one primary contact. */
  contacts = accord_store_get_contacts (fixture->store, partner);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 1);
  contact = g_list_model_get_item (contacts, 0);
  g_assert_cmpstr (accord_contact_get_name (contact), ==, "Ada Rossi");
  g_assert_cmpstr (accord_contact_get_email (contact), ==, "ada@bluepeak.example");
  g_assert_cmpstr (accord_contact_get_role (contact), ==, "Head of marketing");
  g_assert_true (accord_contact_get_is_primary (contact));

  /* Empty contact columns make no contact. */
  partner = find_partner (fixture, "Northwind Analytics");
  g_assert_cmpint (accord_partner_get_position (partner), ==, ACCORD_POSITION_UPSTREAM);
  g_assert_cmpint (accord_partner_get_partnership_type (partner), ==,
                   ACCORD_PARTNERSHIP_TYPE_INTEGRATION);
  g_assert_cmpint (accord_partner_get_tier (partner), ==, ACCORD_TIER_UNSET);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_contacts (fixture->store, partner)),
                    ==, 0);
}

/* Line 4 has a bad website, line 6 an unknown tier; a blank line (5) in
 * between is neither a partner nor a problem. */
static const char bad_csv[] =
  "name,website,tier\n"
  "Alpha,alpha.example,referral\n"
  "Beta,beta.example,premium\n"
  "Gamma,not a web address,certified\n"
  "\n"
  "Delta,delta.example,gold\n"
  "Epsilon,,\n";

static void
check_bad_csv_report (AccordImportReport *report)
{
  const AccordImportProblem *problem;

  g_assert_cmpuint (report->n_skipped, ==, 2);
  g_assert_cmpuint (report->problems->len, ==, 2);

  problem = get_problem (report, 0);
  g_assert_cmpuint (problem->line, ==, 4);
  g_assert_nonnull (strstr (problem->message, "not a web address"));
  g_assert_false (g_str_has_prefix (problem->message, "Line"));

  /* An unknown enum key names the ones that would do. */
  problem = get_problem (report, 1);
  g_assert_cmpuint (problem->line, ==, 6);
  g_assert_nonnull (strstr (problem->message, "gold"));
  g_assert_nonnull (strstr (problem->message, "referral, certified, premium, strategic"));
}

static void
test_bad_row_writes_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(AccordImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (import_text (fixture, bad_csv, ACCORD_IMPORT_DEFAULT, &report, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Line 4: "));
  g_assert_nonnull (report);
  g_assert_cmpuint (report->n_imported, ==, 0);
  check_bad_csv_report (report);

  g_assert_cmpuint (n_partners (fixture), ==, 0);
  reopen (fixture);
  g_assert_cmpuint (n_partners (fixture), ==, 0);
}

static void
test_skip_invalid (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(AccordImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (import_text (fixture, bad_csv, ACCORD_IMPORT_SKIP_INVALID, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 3);
  check_bad_csv_report (report);

  reopen (fixture);
  g_assert_cmpuint (n_partners (fixture), ==, 3);
  g_assert_cmpint (accord_partner_get_tier (find_partner (fixture, "Beta")), ==,
                   ACCORD_TIER_PREMIUM);
  find_partner (fixture, "Alpha");
  find_partner (fixture, "Epsilon");
}

/* Files that are wrong as a whole: they fail and write nothing, even when
 * told to skip invalid rows. */
typedef struct
{
  const char *name;
  const char *csv;
  guint       line;
  const char *needle;   /* in the message */
} FileCase;

static const FileCase file_cases[] = {
  { "unknown-column", "name,webiste\nAlpha,alpha.example\n", 1, "webiste" },
  { "unknown-column-lists-keys", "name,colour\nAlpha,red\n", 1, "partnership_type" },
  { "no-name-column", "website\nalpha.example\n", 1, "name" },
  { "duplicate-column", "name,tier,Tier\nAlpha,premium,referral\n", 1, "tier" },
  { "empty-header-cell", "name,,tier\nAlpha,,premium\n", 1, "2" },
  { "unknown-column-lists-stage", "name,phase\nAlpha,growing\n", 1, "contact_role, stage" },
  { "duplicate-stage-column", "name,stage,STAGE\nAlpha,growing,outreach\n", 1, "stage" },
  { "duplicate-rating-column", "name,reach,Reach\nAlpha,3,4\n", 1, "reach" },
  { "empty-file", "", 1, "empty" },
  { "blank-file", "\n\n,,\n", 1, "empty" },
  { "unterminated-quote", "name,notes\nAlpha,ok\nBeta,\"never closed\nGamma,x\n", 3, "quote" },
};

static void
test_bad_file (Fixture       *fixture,
               gconstpointer  data)
{
  const FileCase *c = data;
  AccordImportFlags flags[] = { ACCORD_IMPORT_DEFAULT, ACCORD_IMPORT_SKIP_INVALID };

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autoptr(AccordImportReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *prefix = g_strdup_printf ("Line %u: ", c->line);
      const AccordImportProblem *problem;

      g_assert_false (import_text (fixture, c->csv, flags[i], &report, &error));
      g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_nonnull (strstr (error->message, c->needle));

      g_assert_cmpuint (report->n_imported, ==, 0);
      g_assert_cmpuint (report->problems->len, ==, 1);
      problem = get_problem (report, 0);
      g_assert_cmpuint (problem->line, ==, c->line);
      g_assert_nonnull (strstr (problem->message, c->needle));

      g_assert_cmpuint (n_partners (fixture), ==, 0);
    }
}

/* Rows with one problem each; the row that follows is always good, so
 * with SKIP_INVALID exactly one partner is imported. */
typedef struct
{
  const char *name;
  const char *csv;
  guint       line;
  const char *needle;
} RowCase;

static const RowCase row_cases[] = {
  { "empty-name", "name,website\n  ,x.example\nGood,\n", 2, "name" },
  { "bad-website", "name,website\nBad,http://\nGood,\n", 2, "http://" },
  { "bad-email",
    "name,contact_name,contact_email\nBad,Ada,ada-at-example\nGood,,\n", 2, "ada-at-example" },
  { "contact-without-name",
    "name,contact_name,contact_role\nBad,,CEO\nGood,,\n", 2, "contact_name" },
  { "unknown-position",
    "name,position\nBad,sideways\nGood,\n", 2, "upstream, parallel, downstream" },
  { "unknown-type", "name,partnership_type\nBad,friends\nGood,\n", 2, "co-marketing" },
  { "unknown-source", "name,source\nBad,magic\nGood,\n", 2, "warm-introduction" },
  { "too-many-values", "name,tier\nBad,premium,extra\nGood,\n", 2, "3" },
  { "name-too-long", NULL, 2, "200" },
  /* Ratings are 1 to 5 or empty; the message names the column. */
  { "rating-zero", "name,strategic_alignment\nBad,0\nGood,\n", 2,
    "“0” is not a rating for strategic_alignment" },
  { "rating-six", "name,value_exchange\nBad,6\nGood,\n", 2, "“6” is not a rating for value_exchange" },
  { "rating-word", "name,reach\nBad,x\nGood,\n", 2, "“x” is not a rating for reach" },
  { "rating-fraction", "name,operational_fit\nBad,3.5\nGood,\n", 2, "1 to 5" },
  { "rating-negative", "name,readiness\nBad,-1\nGood,\n", 2, "“-1”" },
  { "unknown-stage", "name,stage\nBad,won\nGood,\n", 2,
    "“won” is not a known stage; use one of: identified, outreach, negotiating, launching, "
    "growing, optimizing, renewing, ended, on-hold" },
  { "unknown-priority", "name,priority_override\nBad,urgent\nGood,\n", 2, "high, medium, low" },
  /* A multi-line note on lines 2-4 pushes the bad row to line 5. */
  { "line-after-multiline-note",
    "name,notes,tier\nGood,\"one\ntwo\nthree\",\nBad,,diamond\n", 5, "diamond" },
};

static void
test_bad_row (Fixture       *fixture,
              gconstpointer  data)
{
  const RowCase *c = data;
  g_autofree char *csv = NULL;
  AccordImportFlags flags[] = { ACCORD_IMPORT_DEFAULT, ACCORD_IMPORT_SKIP_INVALID };

  if (c->csv != NULL)
    csv = g_strdup (c->csv);
  else
    {
      g_autofree char *long_name = g_strnfill (201, 'x');

      csv = g_strdup_printf ("name\n%s\nGood\n", long_name);
    }

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autoptr(AccordImportReport) report = NULL;
      g_autoptr(GError) error = NULL;
      gboolean skip = flags[i] & ACCORD_IMPORT_SKIP_INVALID;
      const AccordImportProblem *problem;

      g_assert_cmpint (import_text (fixture, csv, flags[i], &report, &error), ==, skip);
      if (skip)
        g_assert_no_error (error);
      else
        g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);

      g_assert_cmpuint (report->n_skipped, ==, 1);
      g_assert_cmpuint (report->n_imported, ==, skip ? 1 : 0);
      g_assert_cmpuint (report->problems->len, ==, 1);
      problem = get_problem (report, 0);
      g_assert_cmpuint (problem->line, ==, c->line);
      g_assert_nonnull (strstr (problem->message, c->needle));
      g_assert_cmpuint (n_partners (fixture), ==, skip ? 1 : 0);
    }

  g_assert_cmpstr (accord_partner_get_name (find_partner (fixture, "Good")), ==, "Good");
}

/* The scorecard and the stage, as a spreadsheet of an existing portfolio
 * has them. Empty ratings are unrated; an empty stage is Identified. */
static const char scorecard_csv[] =
  "name,strategic_alignment,value_exchange,reach,operational_fit,readiness,"
  "priority_override,stage\n"
  "Alpha,5,5,5,5,5,,growing\n"
  "Beta,3,,4,,1,High,Outreach\n"
  "Gamma, 3 ,3,3,3,4,,\n"
  "Delta,,,,,,,On hold\n"
  "Epsilon,1,1,1,1,1,low,on_hold\n"
  "Zeta,2,2,2,2,2,,ENDED\n";

typedef struct
{
  const char     *name;
  int             ratings[ACCORD_N_CRITERIA];
  AccordPriority  priority_override;
  AccordStage     stage;
  int             score;   /* -1: incomplete */
} ScorecardRow;

static const ScorecardRow scorecard_rows[] = {
  { "Alpha", { 5, 5, 5, 5, 5 }, ACCORD_PRIORITY_AUTOMATIC, ACCORD_STAGE_GROWING, 55 },
  { "Beta", { 3, 0, 4, 0, 1 }, ACCORD_PRIORITY_HIGH, ACCORD_STAGE_OUTREACH, -1 },
  /* 3x3 + 3x3 + 3x2 + 3x2 + 4x1 = 34. */
  { "Gamma", { 3, 3, 3, 3, 4 }, ACCORD_PRIORITY_AUTOMATIC, ACCORD_STAGE_IDENTIFIED, 34 },
  { "Delta", { 0, 0, 0, 0, 0 }, ACCORD_PRIORITY_AUTOMATIC, ACCORD_STAGE_ON_HOLD, -1 },
  { "Epsilon", { 1, 1, 1, 1, 1 }, ACCORD_PRIORITY_LOW, ACCORD_STAGE_ON_HOLD, 11 },
  { "Zeta", { 2, 2, 2, 2, 2 }, ACCORD_PRIORITY_AUTOMATIC, ACCORD_STAGE_ENDED, 22 },
};

static void
test_scorecard_and_stage (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AccordImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  accord_store_set_today (fixture->store, "2026-01-31");
  g_assert_true (import_text (fixture, scorecard_csv, ACCORD_IMPORT_DEFAULT, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, G_N_ELEMENTS (scorecard_rows));
  g_assert_cmpuint (report->problems->len, ==, 0);

  reopen (fixture);
  for (guint r = 0; r < G_N_ELEMENTS (scorecard_rows); r++)
    {
      const ScorecardRow *row = &scorecard_rows[r];
      AccordPartner *partner = find_partner (fixture, row->name);
      GListModel *history = accord_store_get_stage_history (fixture->store, partner, &error);
      g_autoptr(AccordStageChange) first = NULL;
      int score = -1;

      g_test_message ("%s", row->name);
      g_assert_no_error (error);
      for (int i = 0; i < ACCORD_N_CRITERIA; i++)
        g_assert_cmpint (accord_partner_get_rating (partner, i), ==, row->ratings[i]);
      g_assert_cmpint (accord_partner_get_priority_override (partner), ==,
                       row->priority_override);
      if (row->score < 0)
        g_assert_false (accord_partner_get_fit_score (partner, &score));
      else
        {
          g_assert_true (accord_partner_get_fit_score (partner, &score));
          g_assert_cmpint (score, ==, row->score);
        }

      /* The initial stage starts the history, dated the store's today. */
      g_assert_cmpint (accord_partner_get_stage (partner), ==, row->stage);
      g_assert_cmpstr (accord_partner_get_stage_since (partner), ==, "2026-01-31");
      g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
      first = g_list_model_get_item (history, 0);
      g_assert_cmpint (accord_stage_change_get_stage (first), ==, row->stage);
      g_assert_cmpstr (accord_stage_change_get_date (first), ==, "2026-01-31");
      if (row->stage == ACCORD_STAGE_ON_HOLD)
        {
          g_assert_cmpstr (accord_partner_get_revisit_on (partner), ==, "2026-07-31");
          g_assert_cmpstr (accord_stage_change_get_revisit_on (first), ==, "2026-07-31");
        }
      else
        g_assert_null (accord_partner_get_revisit_on (partner));
    }
}

/* Every bad rating and stage in one file, each reported with its line, so
 * the person fixes them all in one go. */
static void
test_scorecard_problems_reported_together (Fixture       *fixture,
                                           gconstpointer  data)
{
  static const char csv[] =
    "name,strategic_alignment,reach,stage\n"
    "Alpha,0,3,identified\n"
    "Beta,6,x,outreach\n"
    "Gamma,4,4,won\n"
    "Delta,4,4,growing\n";
  const struct
  {
    guint       line;
    const char *needle;
  } expected[] = {
    { 2, "“0”" },
    { 3, "“6”" },
    { 3, "“x”" },
    { 4, "“won”" },
  };
  g_autoptr(AccordImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (import_text (fixture, csv, ACCORD_IMPORT_SKIP_INVALID, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 1);
  g_assert_cmpuint (report->n_skipped, ==, 3);
  g_assert_cmpuint (report->problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const AccordImportProblem *problem = get_problem (report, i);

      g_assert_cmpuint (problem->line, ==, expected[i].line);
      g_assert_nonnull (strstr (problem->message, expected[i].needle));
    }
  g_assert_cmpint (accord_partner_get_stage (find_partner (fixture, "Delta")), ==,
                   ACCORD_STAGE_GROWING);
}

static void
test_semicolon_latin1 (Fixture       *fixture,
                       gconstpointer  data)
{
  /* What a spreadsheet in a decimal-comma locale saves: Latin-1, ';',
   * CRLF, headers in another case and with spaces. */
  static const char csv[] =
    " Name ;DESCRIPTION;Tags\r\n"
    "Caf\xE9 M\xFCller;Kaffee, Kuchen;b\xE4""ckerei\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(AccordImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  AccordPartner *partner;

  g_assert_true (accord_import_csv (fixture->store, bytes, ACCORD_IMPORT_DEFAULT, &report,
                                    NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 1);

  reopen (fixture);
  partner = find_partner (fixture, "Caf\xC3\xA9 M\xC3\xBCller");
  g_assert_cmpstr (accord_partner_get_description (partner), ==, "Kaffee, Kuchen");
  g_assert_cmpstr (accord_partner_get_tags (partner)[0], ==, "b\xC3\xA4""ckerei");
}

static void
test_blank_lines_ignored (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AccordImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (import_text (fixture, "\n\nname,tier\n\nAlpha,\n,\n  ,  \nBeta,premium\n\n",
                              ACCORD_IMPORT_DEFAULT, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 2);
  g_assert_cmpuint (report->n_skipped, ==, 0);
  g_assert_cmpuint (n_partners (fixture), ==, 2);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (good_csv, sizeof good_csv - 1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (accord_import_csv (fixture->store, bytes, ACCORD_IMPORT_DEFAULT, NULL,
                                     cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (n_partners (fixture), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/import/good-file", Fixture, NULL,
              fixture_set_up, test_good_file, fixture_tear_down);
  g_test_add ("/import/bad-row-writes-nothing", Fixture, NULL,
              fixture_set_up, test_bad_row_writes_nothing, fixture_tear_down);
  g_test_add ("/import/skip-invalid", Fixture, NULL,
              fixture_set_up, test_skip_invalid, fixture_tear_down);
  g_test_add ("/import/semicolon-latin1", Fixture, NULL,
              fixture_set_up, test_semicolon_latin1, fixture_tear_down);
  g_test_add ("/import/blank-lines-ignored", Fixture, NULL,
              fixture_set_up, test_blank_lines_ignored, fixture_tear_down);
  g_test_add ("/import/cancelled", Fixture, NULL,
              fixture_set_up, test_cancelled, fixture_tear_down);
  g_test_add ("/import/scorecard-and-stage", Fixture, NULL,
              fixture_set_up, test_scorecard_and_stage, fixture_tear_down);
  g_test_add ("/import/scorecard-problems-reported-together", Fixture, NULL,
              fixture_set_up, test_scorecard_problems_reported_together, fixture_tear_down);

  for (guint i = 0; i < G_N_ELEMENTS (file_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import/bad-file/%s", file_cases[i].name);

      g_test_add (path, Fixture, &file_cases[i],
                  fixture_set_up, test_bad_file, fixture_tear_down);
    }
  for (guint i = 0; i < G_N_ELEMENTS (row_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import/bad-row/%s", row_cases[i].name);

      g_test_add (path, Fixture, &row_cases[i],
                  fixture_set_up, test_bad_row, fixture_tear_down);
    }

  return g_test_run ();
}
