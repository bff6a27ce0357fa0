/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "test-helpers.h"
#include "config.h"

#include "accord-csv.h"
#include "accord-import.h"
#include "accord-stage-change.h"
#include "accord-store.h"
#include "accord-store-private.h"
#include "accord-validate.h"

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

/* ---- Mapping, match keys, dry runs, progress ---- */

/* Under valgrind the big imports shrink (they would take many minutes) and,
 * like under the sanitizers, are not timed. */
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif
#ifndef RUNNING_ON_VALGRIND
#define RUNNING_ON_VALGRIND 0
#endif
#if defined(__SANITIZE_ADDRESS__)
#define INSTRUMENTED_BUILD 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define INSTRUMENTED_BUILD 1
#endif
#endif
#ifndef INSTRUMENTED_BUILD
#define INSTRUMENTED_BUILD 0
#endif

static gboolean
import_full (Fixture              *fixture,
             const char           *text,
             AccordImportOptions  *options,
             AccordImportReport  **report,
             GCancellable         *cancellable,
             GError              **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return accord_import_csv_full (fixture->store, bytes, options, report, cancellable, error);
}

/* Files spreadsheets write, each holding one partner. */
typedef struct
{
  const char *name;
  const char *data;
  gssize      length;   /* -1: up to the NUL */
  const char *partner;
  const char *website;
  const char *notes;
  const char *email;
} CsvCase;

static const CsvCase csv_cases[] = {
  { "plain", "name,website\nAcme,acme.example\n", -1, "Acme", "acme.example", "", NULL },
  { "crlf", "name,website\r\nAcme,acme.example\r\n", -1, "Acme", "acme.example", "", NULL },
  { "no-final-newline", "name,website\nAcme,acme.example", -1, "Acme", "acme.example", "", NULL },
  { "bom", "\xef\xbb\xbfname,website\nAcme,acme.example\n", -1, "Acme", "acme.example", "",
    NULL },
  { "quoted-comma", "name,notes\n\"Acme, Inc.\",\"a, b\"\n", -1, "Acme, Inc.", "", "a, b", NULL },
  { "doubled-quote", "name,notes\nAcme,\"She said \"\"yes\"\"\"\n", -1, "Acme", "",
    "She said \"yes\"", NULL },
  { "newline-in-quotes", "name,notes\r\nAcme,\"line one\r\nline two\"\r\n", -1, "Acme", "",
    "line one\nline two", NULL },
  { "semicolon", "name;website;notes\nAcme;acme.example;\"x; y\"\n", -1, "Acme", "acme.example",
    "x; y", NULL },
  { "latin1", "name;notes\nCaf\xe9 M\xfcller;gr\xfc\xdf" "e\n", -1, "Café Müller", "", "grüße",
    NULL },
  { "spaces-trimmed", "name , website\n  Acme  ,  acme.example \n", -1, "Acme", "acme.example",
    "", NULL },
  { "trailing-empty-cells", "name,website\nAcme,acme.example,,,\n", -1, "Acme", "acme.example",
    "", NULL },
  { "short-row", "name,website,notes\nAcme\n", -1, "Acme", "", "", NULL },
  { "blank-lines", "\n\nname,website\n\nAcme,acme.example\n\n", -1, "Acme", "acme.example", "",
    NULL },
  { "synonyms", "Company,URL,Contact,E-mail\nAcme,acme.example,Ada Rossi,ada@acme.example\n", -1,
    "Acme", "acme.example", "", "ada@acme.example" },
  { "organisation-labels", "Organisation,Web site,Notes,Contact person,Email address\n"
    "Acme,acme.example,hi,Ada,ada@acme.example\n", -1, "Acme", "acme.example", "hi",
    "ada@acme.example" },
};

static void
test_csv_case (Fixture       *fixture,
               gconstpointer  data)
{
  const CsvCase *c = data;
  g_autoptr(GBytes) bytes = g_bytes_new (c->data, c->length < 0 ? strlen (c->data) : (gsize) c->length);
  g_autoptr(AccordImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  AccordPartner *partner;

  accord_import_csv_full (fixture->store, bytes, NULL, &report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_created, ==, 1);
  reopen (fixture);
  g_assert_cmpuint (n_partners (fixture), ==, 1);
  partner = find_partner (fixture, c->partner);
  g_assert_cmpstr (accord_partner_get_website (partner), ==, c->website);
  g_assert_cmpstr (accord_partner_get_notes (partner), ==, c->notes);
  if (c->email != NULL)
    {
      GListModel *contacts = accord_store_get_contacts (fixture->store, partner);
      g_autoptr(AccordContact) contact = NULL;

      g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 1);
      contact = g_list_model_get_item (contacts, 0);
      g_assert_cmpstr (accord_contact_get_email (contact), ==, c->email);
    }
}

static void
test_guesses (void)
{
  static const struct
  {
    const char *header;
    const char *target;
  } cases[] = {
    { "name", "name" },
    { "Name", "name" },
    { "Company", "name" },
    { "Company Name", "name" },
    { "Organisation", "name" },
    { "organization", "name" },
    { "URL", "website" },
    { "Website", "website" },
    { "Web site", "website" },
    { "E-mail", "contact_email" },
    { "EMAIL", "contact_email" },
    { "Email address", "contact_email" },
    { "contact_email", "contact_email" },
    { "Contact", "contact_name" },
    { "Job title", "contact_role" },
    { "Tags", "tags" },
    { "Partnership type", "partnership_type" },
    { "Stage", "stage" },
    { "Why fit", "why_fit" },
    { "Favourite colour", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (accord_import_guess_target (cases[i].header), ==, cases[i].target);

  /* Every target has a label and can be guessed from its own key. */
  for (const char * const *t = accord_import_list_targets (); *t != NULL; t++)
    {
      g_assert_cmpstr (accord_import_guess_target (*t), ==, *t);
      g_assert_nonnull (accord_import_target_get_label (*t));
    }
}

static void
test_normalize_domain (void)
{
  static const char *const cases[][2] = {
    { "example.com", "example.com" },
    { "https://www.Example.com/about", "example.com" },
    { "http://shop.example.com:8080/x?y", "shop.example.com" },
    { " WWW.example.org. ", "example.org" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *domain = accord_import_normalize_domain (cases[i][0]);

      g_assert_cmpstr (domain, ==, cases[i][1]);
    }
}

static void
test_explicit_mapping (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GHashTable) mapping = g_hash_table_new (g_str_hash, g_str_equal);
  AccordImportOptions options = { 0, };
  g_autoptr(AccordImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  AccordPartner *partner;

  /* "Firm" is unknown and "Comment" would be notes: the mapping decides,
   * header case and spaces aside. "Internal id" is left out. */
  g_hash_table_insert (mapping, "firm", "name");
  g_hash_table_insert (mapping, " Comment ", "description");
  g_hash_table_insert (mapping, "Internal id", "ignore");
  options.mapping = mapping;

  g_assert_true (import_full (fixture, "Firm,Comment,Internal id\nAcme,Makes anvils,42\n",
                              &options, &report, NULL, &error));
  g_assert_no_error (error);
  reopen (fixture);
  partner = find_partner (fixture, "Acme");
  g_assert_cmpstr (accord_partner_get_description (partner), ==, "Makes anvils");
  g_assert_cmpstr (accord_partner_get_notes (partner), ==, "");

  /* Without the mapping the unknown header fails the import. */
  g_clear_pointer (&report, accord_import_report_free);
  g_assert_false (import_full (fixture, "Firm\nOther\n", NULL, &report, NULL, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (get_problem (report, 0)->message, "Firm"));
}

static void
seed_partners (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  const char *seed =
    "name,website,notes,owner,contact_name,contact_email\n"
    "Bluepeak Studio,https://www.bluepeak.example/,old notes,Maya,Ada Rossi,ada@bluepeak.example\n"
    "Northwind,northwind.example,keep me,Leo,,\n";

  g_assert_true (import_text (fixture, seed, ACCORD_IMPORT_DEFAULT, NULL, &error));
  g_assert_no_error (error);
}

typedef struct
{
  const char        *name;
  AccordImportMatch  match;
  const char        *csv;
} MatchCase;

static const MatchCase match_cases[] = {
  { "name", ACCORD_IMPORT_MATCH_NAME,
    "name,notes,tier\n  BLUEPEAK studio ,new notes,certified\nKestrel,,\n" },
  { "domain", ACCORD_IMPORT_MATCH_DOMAIN,
    "name,website,notes,tier\nBluepeak Studio,bluepeak.example/contact,new notes,certified\n"
    "Kestrel,kestrel.example,,\n" },
  { "email", ACCORD_IMPORT_MATCH_EMAIL,
    "name,contact_name,contact_email,notes,tier\n"
    "Bluepeak Studio,,ADA@bluepeak.example,new notes,certified\n"
    "Kestrel,Kim,k@kestrel.example,,\n" },
};

static void
test_match (Fixture       *fixture,
            gconstpointer  data)
{
  const MatchCase *c = data;
  AccordImportOptions options = { 0, };
  g_autoptr(AccordImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  AccordPartner *partner;

  seed_partners (fixture);
  options.match = c->match;
  import_full (fixture, c->csv, &options, &report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_created, ==, 1);
  g_assert_cmpuint (report->n_updated, ==, 1);
  g_assert_cmpuint (report->n_imported, ==, 2);

  /* The store's own list caught up... */
  g_assert_cmpuint (n_partners (fixture), ==, 3);
  partner = find_partner (fixture, "Bluepeak Studio");
  g_assert_cmpstr (accord_partner_get_notes (partner), ==, "new notes");

  /* ...and so did the file: updated, not duplicated; empty cells and
   * columns the file lacks left alone. */
  reopen (fixture);
  g_assert_cmpuint (n_partners (fixture), ==, 3);
  partner = find_partner (fixture, "Bluepeak Studio");
  g_assert_cmpstr (accord_partner_get_notes (partner), ==, "new notes");
  g_assert_cmpint (accord_partner_get_tier (partner), ==, ACCORD_TIER_CERTIFIED);
  g_assert_cmpstr (accord_partner_get_owner (partner), ==, "Maya");
  g_assert_cmpstr (accord_partner_get_website (partner), !=, "");
  /* The email match updates the contact rather than adding one. */
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_contacts (fixture->store, partner)),
                    ==, 1);
  find_partner (fixture, "Kestrel");
  partner = find_partner (fixture, "Northwind");
  g_assert_cmpstr (accord_partner_get_notes (partner), ==, "keep me");

  /* Without a match key the same file duplicates (the email row without
   * a contact name cannot be a new partner's contact, so is skipped). */
  g_clear_pointer (&report, accord_import_report_free);
  g_assert_true (import_text (fixture, c->csv, ACCORD_IMPORT_SKIP_INVALID, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_created, ==, c->match == ACCORD_IMPORT_MATCH_EMAIL ? 1 : 2);
  g_assert_cmpuint (report->n_updated, ==, 0);
  g_assert_cmpuint (n_partners (fixture), ==, 3 + report->n_created);
}

static void
test_match_duplicate_rows (Fixture       *fixture,
                           gconstpointer  data)
{
  AccordImportOptions options = { 0, };
  g_autoptr(AccordImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  options.match = ACCORD_IMPORT_MATCH_DOMAIN;
  g_assert_false (import_full (fixture,
                               "name,website\nA,a.example\nB,b.example\nA again,www.a.example\n",
                               &options, &report, NULL, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_assert_cmpuint (report->problems->len, ==, 1);
  g_assert_cmpuint (get_problem (report, 0)->line, ==, 4);
  g_assert_nonnull (strstr (get_problem (report, 0)->message, "Line 2"));
  g_assert_cmpuint (n_partners (fixture), ==, 0);

  /* Matching needs the key's column. */
  g_clear_error (&error);
  options.match = ACCORD_IMPORT_MATCH_EMAIL;
  g_assert_false (import_full (fixture, "name,website\nA,a.example\n", &options, NULL, NULL,
                               &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "contact_email"));
}

static void
test_dry_run (Fixture       *fixture,
              gconstpointer  data)
{
  AccordImportOptions options = { 0, };
  g_autoptr(AccordImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize length;

  seed_partners (fixture);
  g_file_get_contents (fixture->path, &before, &length, NULL);

  options.flags = ACCORD_IMPORT_DRY_RUN;
  options.match = ACCORD_IMPORT_MATCH_NAME;
  g_assert_false (import_full (fixture,
                               "name,website,tier\n"
                               "Bluepeak Studio,,certified\n"  /* update */
                               "New One,not a url,\n"          /* line 3: bad website */
                               "New Two,,\n"                   /* create */
                               "New Three,,gold\n",            /* line 5: bad tier */
                               &options, &report, NULL, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_assert_cmpuint (report->problems->len, ==, 2);
  g_assert_cmpuint (get_problem (report, 0)->line, ==, 3);
  g_assert_cmpuint (get_problem (report, 1)->line, ==, 5);
  g_assert_cmpuint (report->n_created, ==, 1);
  g_assert_cmpuint (report->n_updated, ==, 1);
  g_assert_cmpuint (report->n_skipped, ==, 2);

  /* With skip-invalid the dry run succeeds, and still writes nothing. */
  g_clear_error (&error);
  g_clear_pointer (&report, accord_import_report_free);
  options.flags |= ACCORD_IMPORT_SKIP_INVALID;
  g_assert_true (import_full (fixture, "name,tier\nBluepeak Studio,certified\nNew,\n", &options,
                              &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_created, ==, 1);
  g_assert_cmpuint (report->n_updated, ==, 1);

  g_assert_cmpuint (n_partners (fixture), ==, 2);
  reopen (fixture);
  g_assert_cmpuint (n_partners (fixture), ==, 2);
  g_assert_cmpint (accord_partner_get_tier (find_partner (fixture, "Bluepeak Studio")), ==,
                   ACCORD_TIER_UNSET);
  g_file_get_contents (fixture->path, &after, &length, NULL);
  g_assert_cmpstr (before, ==, after);
}

typedef struct
{
  guint              calls[2];
  guint              last_done[2];
  guint              total[2];
  gboolean           monotonic;
  GCancellable      *cancel_in_write;
} Progress;

static void
progress_cb (AccordImportPhase phase,
             guint             done,
             guint             total,
             gpointer          user_data)
{
  Progress *p = user_data;

  if (done < p->last_done[phase] || done > total)
    p->monotonic = FALSE;
  if (phase == ACCORD_IMPORT_PHASE_WRITE && p->calls[ACCORD_IMPORT_PHASE_CHECK] == 0)
    p->monotonic = FALSE;
  p->calls[phase]++;
  p->last_done[phase] = done;
  p->total[phase] = total;
  if (phase == ACCORD_IMPORT_PHASE_WRITE && p->cancel_in_write != NULL && done >= total / 2)
    g_cancellable_cancel (p->cancel_in_write);
}

static char *
make_big_csv (guint n_rows)
{
  GString *csv = g_string_new ("Company,URL,Notes,Tags,Tier,Contact,E-mail\r\n");

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (csv,
                            "Partner %u,https://p%u.example/,\"Line one\nline two, %u\","
                            "\"a, b\",%s,Person %u,person%u@p%u.example\r\n",
                            i, i, i, i % 3 ? "certified" : "", i, i, i);
  return g_string_free (csv, FALSE);
}

static void
test_cancel_writes_nothing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *csv = make_big_csv (3000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress progress = { .monotonic = TRUE, .cancel_in_write = cancellable };
  AccordImportOptions options = { 0, };
  g_autoptr(GError) error = NULL;

  seed_partners (fixture);
  options.progress = progress_cb;
  options.progress_data = &progress;
  g_assert_false (import_full (fixture, csv, &options, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* It was cancelled halfway through writing: the transaction is gone. */
  g_assert_cmpuint (progress.last_done[ACCORD_IMPORT_PHASE_WRITE], >=, 1500);
  g_assert_cmpuint (progress.last_done[ACCORD_IMPORT_PHASE_WRITE], <, 3000);
  g_assert_cmpuint (n_partners (fixture), ==, 2);
  reopen (fixture);
  g_assert_cmpuint (n_partners (fixture), ==, 2);
}

static void
run_big_import (Fixture  *fixture,
                guint     n_rows,
                gboolean  again)
{
  gboolean timed = !RUNNING_ON_VALGRIND && !INSTRUMENTED_BUILD;
  g_autofree char *csv = NULL;
  Progress progress = { .monotonic = TRUE };
  AccordImportOptions options = { 0, };
  g_autoptr(AccordImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  double seconds;
  AccordPartner *partner;

  if (RUNNING_ON_VALGRIND || INSTRUMENTED_BUILD)
    n_rows /= 25;
  csv = make_big_csv (n_rows);
  options.progress = progress_cb;
  options.progress_data = &progress;
  options.match = ACCORD_IMPORT_MATCH_DOMAIN;

  start = g_get_monotonic_time ();
  g_assert_true (import_full (fixture, csv, &options, &report, NULL, &error));
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  g_test_message ("Imported %u rows in %.2f s", n_rows, seconds);
  if (g_test_verbose () || g_getenv ("ACCORD_IMPORT_TIMING") != NULL)
    g_printerr ("# core import of %u rows: %.2f s\n", n_rows, seconds);

  g_assert_cmpuint (report->n_created, ==, n_rows);
  g_assert_true (progress.monotonic);
  g_assert_cmpuint (progress.calls[ACCORD_IMPORT_PHASE_CHECK], >=, n_rows / 500);
  g_assert_cmpuint (progress.calls[ACCORD_IMPORT_PHASE_WRITE], >=, n_rows / 500);
  g_assert_cmpuint (progress.last_done[ACCORD_IMPORT_PHASE_CHECK], ==, n_rows);
  g_assert_cmpuint (progress.total[ACCORD_IMPORT_PHASE_WRITE], ==, n_rows);
  g_assert_cmpuint (progress.last_done[ACCORD_IMPORT_PHASE_WRITE], ==, n_rows);
  /* The time is reported, never judged here: speed has its benchmark. */
  (void) timed;

  g_assert_cmpuint (n_partners (fixture), ==, n_rows);
  reopen (fixture);
  g_assert_cmpuint (n_partners (fixture), ==, n_rows);
  partner = accord_store_lookup_partner (fixture->store, n_rows);
  g_assert_nonnull (partner);
  {
    g_autofree char *notes = g_strdup_printf ("Line one\nline two, %u", n_rows - 1);
    g_autofree char *name = g_strdup_printf ("Partner %u", n_rows - 1);

    g_assert_cmpstr (accord_partner_get_name (partner), ==, name);
    g_assert_cmpstr (accord_partner_get_notes (partner), ==, notes);
    g_assert_cmpuint (g_strv_length ((char **) accord_partner_get_tags (partner)), ==, 2);
  }

  /* Importing the same file again by domain updates every row. */
  if (!again)
    return;
  g_clear_pointer (&report, accord_import_report_free);
  start = g_get_monotonic_time ();
  g_assert_true (import_full (fixture, csv, &options, &report, NULL, &error));
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  if (g_test_verbose () || g_getenv ("ACCORD_IMPORT_TIMING") != NULL)
    g_printerr ("# core re-import (updates) of %u rows: %.2f s\n", n_rows, seconds);
  g_assert_cmpuint (report->n_updated, ==, n_rows);
  g_assert_cmpuint (report->n_created, ==, 0);
  g_assert_cmpuint (n_partners (fixture), ==, n_rows);
}

/* A command closes its store right after the import: without the reload
 * the store's list stays as it was, and the file has every partner. */
static void
test_no_reload (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *csv = make_big_csv (700);
  AccordImportOptions options = { 0, };
  g_autoptr(AccordImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  seed_partners (fixture);
  options.flags = ACCORD_IMPORT_NO_RELOAD;
  g_assert_true (import_full (fixture, csv, &options, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_created, ==, 700);
  g_assert_cmpuint (n_partners (fixture), ==, 2);

  g_assert_true (accord_store_reload_partners (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_partners (fixture), ==, 702);
  reopen (fixture);
  g_assert_cmpuint (n_partners (fixture), ==, 702);
  g_assert_cmpstr (accord_partner_get_website (find_partner (fixture, "Partner 699")), ==,
                   "https://p699.example/");
}

/* The import checks common values more cheaply than the validator does;
 * it must still accept exactly what the validator accepts. */
static void
test_checks_agree_with_validator (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *name_max = g_strnfill (ACCORD_MAX_NAME_LENGTH, 'n');
  g_autofree char *name_over = g_strnfill (ACCORD_MAX_NAME_LENGTH + 1, 'n');
  g_autofree char *text_max = g_strnfill (ACCORD_MAX_TEXT_LENGTH, 't');
  g_autofree char *text_over = g_strnfill (ACCORD_MAX_TEXT_LENGTH + 1, 't');
  g_autofree char *notes_over = g_strnfill (ACCORD_MAX_NOTES_LENGTH + 1, 'o');
  g_autoptr(GString) wide_max = g_string_new (NULL);
  g_autoptr(GString) wide_over = g_string_new (NULL);
  g_autofree char *tag_max = g_strnfill (50, 'g');
  g_autofree char *tag_over = g_strnfill (51, 'g');
  g_autofree char *tags_over = g_strdup_printf ("short, %s", tag_over);
  g_autofree char *tags_long_ok = g_strdup_printf ("%s, %s", tag_max, tag_max);
  g_autofree char *url_long = g_strdup_printf ("https://example.com/%s", text_max);
  const char *partner_columns[] = {
    "name", "website", "description", "notes", "tags", "owner", "why_fit", "their_gains",
    "our_offerings", "their_pains", "our_pain_relievers", "value_proposition",
  };
  const char *contact_columns[] = { "contact_name", "contact_email", "contact_role" };
  guint n_checked = 0;

  /* 200 and 201 characters of two bytes each: longer in bytes than the
   * name limit, and only the second too long. */
  for (guint i = 0; i < ACCORD_MAX_NAME_LENGTH; i++)
    g_string_append (wide_max, "é");
  g_string_append (wide_over, wide_max->str);
  g_string_append (wide_over, "é");

  {
    const char *values[] = {
      "", "x", "example.com", "https://www.example.com/about", "http://", "not a url",
      "ftp://example.com", "a@b.example", "ada@example", "a b@example.com", name_max,
      name_over, wide_max->str, wide_over->str, text_max, text_over, notes_over, tag_max,
      tag_over, tags_over, tags_long_ok, url_long, "Café, Zürich",
    };

    for (guint c = 0; c < G_N_ELEMENTS (partner_columns) + G_N_ELEMENTS (contact_columns); c++)
      for (guint v = 0; v < G_N_ELEMENTS (values); v++)
        {
          gboolean is_contact = c >= G_N_ELEMENTS (partner_columns);
          const char *column = is_contact ? contact_columns[c - G_N_ELEMENTS (partner_columns)]
                                          : partner_columns[c];
          g_autofree char *cell = accord_csv_escape_field (values[v]);
          g_autofree char *csv = NULL;
          g_autoptr(AccordImportReport) report = NULL;
          g_autoptr(GError) error = NULL;
          gboolean expected;
          gboolean imported;

          if (is_contact)
            {
              AccordContactField field = c - G_N_ELEMENTS (partner_columns) == 0
                                         ? ACCORD_CONTACT_FIELD_NAME
                                         : c - G_N_ELEMENTS (partner_columns) == 1
                                         ? ACCORD_CONTACT_FIELD_EMAIL
                                         : ACCORD_CONTACT_FIELD_ROLE;

              /* An empty contact name with nothing else is no contact. */
              if (field == ACCORD_CONTACT_FIELD_NAME && *values[v] == '\0')
                continue;
              expected = accord_validate_contact_field (field, values[v], NULL);
              csv = field == ACCORD_CONTACT_FIELD_NAME
                    ? g_strdup_printf ("name,%s\nAcme,%s\n", column, cell)
                    : g_strdup_printf ("name,contact_name,%s\nAcme,Ada,%s\n", column, cell);
            }
          else
            {
              AccordPartnerField field;

              g_assert_true (accord_partner_field_from_key (column, &field));
              /* A row with nothing in it is no row at all. */
              if (field == ACCORD_PARTNER_FIELD_NAME && *values[v] == '\0')
                continue;
              expected = accord_validate_partner_field (field, values[v], NULL);
              csv = field == ACCORD_PARTNER_FIELD_NAME
                    ? g_strdup_printf ("name\n%s\n", cell)
                    : g_strdup_printf ("name,%s\nAcme,%s\n", column, cell);
            }

          g_test_message ("%s = value %u", column, v);
          imported = import_text (fixture, csv, ACCORD_IMPORT_DRY_RUN, &report, &error);
          g_assert_cmpint (imported, ==, expected);
          g_assert_cmpuint (report->n_skipped, ==, expected ? 0 : 1);
          n_checked++;
        }
  }
  g_assert_cmpuint (n_checked, >, 300);
}

/* The write leaves the connection as it found it, whether it succeeds or
 * fails. */
static void
test_connection_restored (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordImportReport) report = NULL;

  g_assert_cmpint (_accord_store_get_pragma (fixture->store, ACCORD_STORE_PRAGMA_FOREIGN_KEYS),
                   ==, 1);
  seed_partners (fixture);
  g_assert_cmpint (_accord_store_get_pragma (fixture->store, ACCORD_STORE_PRAGMA_FOREIGN_KEYS),
                   ==, 1);
  g_assert_false (import_text (fixture, "name,website\nA,a.example\nB,not a url\n",
                               ACCORD_IMPORT_DEFAULT, &report, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_assert_cmpint (_accord_store_get_pragma (fixture->store, ACCORD_STORE_PRAGMA_FOREIGN_KEYS),
                   ==, 1);
}

static char *
journal_mode (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  char *mode = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  mode = g_ascii_strdown ((const char *) sqlite3_column_text (stmt, 0), -1);
  sqlite3_finalize (stmt);
  return mode;
}

typedef struct
{
  AccordStore *store;
  char        *mode_while_writing;
} JournalProbe;

static void
journal_probe_cb (AccordImportPhase phase,
                  guint             done,
                  guint             total,
                  gpointer          user_data)
{
  JournalProbe *probe = user_data;

  if (phase == ACCORD_IMPORT_PHASE_WRITE && probe->mode_while_writing == NULL)
    probe->mode_while_writing = journal_mode (_accord_store_get_db (probe->store));
}

/* A big import writes with a rollback journal, since WAL would write every
 * new page twice, and leaves the workspace in WAL; when another connection
 * has the file open it cannot switch and writes in WAL as before. */
static void
test_big_import_journal (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *csv = make_big_csv (1500);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) other = NULL;
  g_autofree char *after = NULL;
  JournalProbe probe = { fixture->store, NULL };
  AccordImportOptions options = { 0, };

  options.progress = journal_probe_cb;
  options.progress_data = &probe;
  g_assert_true (import_full (fixture, csv, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (probe.mode_while_writing, ==, "delete");
  after = journal_mode (_accord_store_get_db (fixture->store));
  g_assert_cmpstr (after, ==, "wal");
  g_clear_pointer (&probe.mode_while_writing, g_free);

  other = accord_store_open (fixture->path, ACCORD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GString) more = g_string_new ("Company\n");

    for (guint i = 0; i < 1500; i++)
      g_string_append_printf (more, "Second %u\n", i);
    g_assert_true (import_full (fixture, more->str, &options, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpstr (probe.mode_while_writing, ==, "wal");
  g_free (probe.mode_while_writing);
  g_clear_object (&other);
  reopen (fixture);
  g_assert_cmpuint (n_partners (fixture), ==, 3000);
}

/* The indexes of the tables an import fills, one "name: sql" line each. */
static char *
import_indexes (sqlite3 *db)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master "
                                           "WHERE type = 'index' AND tbl_name IN ('partner', "
                                           "'stage_change', 'partner_tag', 'contact') "
                                           "ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s: %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_integrity (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
}

typedef struct
{
  AccordStore  *store;
  GCancellable *cancel_in_write;
  int           name_index_while_writing;   /* -1 until the write starts */
} IndexProbe;

static void
index_probe_cb (AccordImportPhase phase,
                guint             done,
                guint             total,
                gpointer          user_data)
{
  IndexProbe *probe = user_data;
  sqlite3_stmt *stmt = NULL;

  if (phase != ACCORD_IMPORT_PHASE_WRITE)
    return;
  if (probe->name_index_while_writing < 0 && done > 0)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (_accord_store_get_db (probe->store),
                                           "SELECT count(*) FROM sqlite_master WHERE "
                                           "name = 'partner_name'", -1, &stmt, NULL), ==,
                       SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      probe->name_index_while_writing = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
    }
  if (probe->cancel_in_write != NULL && done >= total / 2)
    g_cancellable_cancel (probe->cancel_in_write);
}

/* A big import that only adds, into a workspace no bigger than itself,
 * writes without the indexes and makes them again at the end: they come
 * back the same and complete, and a cancel brings them back as well. A
 * smaller import, or one that updates, keeps them. */
static void
test_indexes_rebuilt (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *csv = make_big_csv (1200);
  g_autofree char *before = import_indexes (_accord_store_get_db (fixture->store));
  g_autofree char *after = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) small = g_string_new ("Company,Tags,Contact\n");
  IndexProbe probe = { fixture->store, cancellable, -1 };
  AccordImportOptions options = { 0, };

  g_assert_nonnull (strstr (before, "partner_name: CREATE INDEX"));
  g_assert_nonnull (strstr (before, "partner_tag_tag: CREATE INDEX"));
  options.progress = index_probe_cb;
  options.progress_data = &probe;

  /* Cancelled halfway: nothing written, every index there. */
  g_assert_false (import_full (fixture, csv, &options, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (probe.name_index_while_writing, ==, 0);
  after = import_indexes (_accord_store_get_db (fixture->store));
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* Done: the same indexes, holding every new row. */
  probe.cancel_in_write = NULL;
  probe.name_index_while_writing = -1;
  g_assert_true (import_full (fixture, csv, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (probe.name_index_while_writing, ==, 0);
  after = import_indexes (_accord_store_get_db (fixture->store));
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);
  assert_integrity (_accord_store_get_db (fixture->store));
  reopen (fixture);
  g_assert_cmpuint (n_partners (fixture), ==, 1200);
  g_assert_true (accord_store_check (fixture->store, &error));
  g_assert_no_error (error);
  {
    sqlite3_stmt *stmt = NULL;

    /* Read through the index itself. */
    g_assert_cmpint (sqlite3_prepare_v2 (_accord_store_get_db (fixture->store),
                                         "SELECT count(*) FROM partner_tag INDEXED BY "
                                         "partner_tag_tag WHERE tag = 'a'", -1, &stmt, NULL),
                     ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1200);
    sqlite3_finalize (stmt);
  }

  /* Fewer rows than the workspace has: written with the indexes. */
  for (guint i = 0; i < 1100; i++)
    g_string_append_printf (small, "Small %u,b,Person %u\n", i, i);
  options.progress_data = &probe;
  probe.name_index_while_writing = -1;
  probe.store = fixture->store;
  g_assert_true (import_full (fixture, small->str, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (probe.name_index_while_writing, ==, 1);
  assert_integrity (_accord_store_get_db (fixture->store));

  /* Updates, however many: with the indexes. */
  probe.name_index_while_writing = -1;
  options.match = ACCORD_IMPORT_MATCH_DOMAIN;
  g_assert_true (import_full (fixture, csv, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (probe.name_index_while_writing, ==, 1);
  g_assert_cmpuint (n_partners (fixture), ==, 2300);
}

typedef struct
{
  const char *path;
  const char *name;
  gboolean    done;
} VanishData;

/* Between the check and the write another program deletes the partner a
 * row updates. */
static void
vanish_cb (AccordImportPhase phase,
           guint             done,
           guint             total,
           gpointer          user_data)
{
  VanishData *vanish = user_data;
  g_autoptr(AccordStore) other = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *partners;

  if (phase != ACCORD_IMPORT_PHASE_CHECK || done < total || vanish->done)
    return;
  vanish->done = TRUE;

  other = accord_store_open (vanish->path, ACCORD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  partners = accord_store_get_partners (other);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(AccordPartner) partner = g_list_model_get_item (partners, i);

      if (g_strcmp0 (accord_partner_get_name (partner), vanish->name) != 0)
        continue;
      g_assert_true (accord_store_trash_partner (other, partner, &error));
      g_assert_no_error (error);
      g_assert_true (accord_store_delete_partner (other, partner, &error));
      g_assert_no_error (error);
      return;
    }
  g_assert_not_reached ();
}

static void
test_update_of_vanished_partner (Fixture       *fixture,
                                 gconstpointer  data)
{
  VanishData vanish = { fixture->path, "Bluepeak Studio", FALSE };
  AccordImportOptions options = { 0, };
  g_autoptr(GError) error = NULL;

  seed_partners (fixture);
  options.match = ACCORD_IMPORT_MATCH_NAME;
  options.progress = vanish_cb;
  options.progress_data = &vanish;
  g_assert_false (import_full (fixture,
                               "name,notes,contact_name\n"
                               "New One,,Kim\n"
                               "Bluepeak Studio,new notes,Lee\n",
                               &options, NULL, NULL, &error));
  g_assert_true (vanish.done);
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_assert_cmpint (_accord_store_get_pragma (fixture->store, ACCORD_STORE_PRAGMA_FOREIGN_KEYS),
                   ==, 1);

  /* Nothing was written: no new partner, no contact without a partner. */
  g_clear_error (&error);
  reopen (fixture);
  g_assert_cmpuint (n_partners (fixture), ==, 1);
  g_assert_true (accord_store_check (fixture->store, &error));
  g_assert_no_error (error);
}

static void
test_big_10k (Fixture       *fixture,
              gconstpointer  data)
{
  run_big_import (fixture, 10000, TRUE);
}

static void
test_big_50k (Fixture       *fixture,
              gconstpointer  data)
{
  run_big_import (fixture, 50000, FALSE);
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

  for (guint i = 0; i < G_N_ELEMENTS (csv_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import/csv/%s", csv_cases[i].name);

      g_test_add (path, Fixture, &csv_cases[i],
                  fixture_set_up, test_csv_case, fixture_tear_down);
    }
  for (guint i = 0; i < G_N_ELEMENTS (match_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import/match/%s", match_cases[i].name);

      g_test_add (path, Fixture, &match_cases[i],
                  fixture_set_up, test_match, fixture_tear_down);
    }
  g_test_add_func ("/import/guesses", test_guesses);
  g_test_add_func ("/import/normalize-domain", test_normalize_domain);
  g_test_add ("/import/explicit-mapping", Fixture, NULL,
              fixture_set_up, test_explicit_mapping, fixture_tear_down);
  g_test_add ("/import/match-duplicate-rows", Fixture, NULL,
              fixture_set_up, test_match_duplicate_rows, fixture_tear_down);
  g_test_add ("/import/dry-run-writes-nothing", Fixture, NULL,
              fixture_set_up, test_dry_run, fixture_tear_down);
  g_test_add ("/import/cancel-writes-nothing", Fixture, NULL,
              fixture_set_up, test_cancel_writes_nothing, fixture_tear_down);
  g_test_add ("/import/no-reload", Fixture, NULL,
              fixture_set_up, test_no_reload, fixture_tear_down);
  g_test_add ("/import/checks-agree-with-validator", Fixture, NULL,
              fixture_set_up, test_checks_agree_with_validator, fixture_tear_down);
  g_test_add ("/import/big-import-journal", Fixture, NULL,
              fixture_set_up, test_big_import_journal, fixture_tear_down);
  g_test_add ("/import/indexes-rebuilt", Fixture, NULL,
              fixture_set_up, test_indexes_rebuilt, fixture_tear_down);
  g_test_add ("/import/connection-restored", Fixture, NULL,
              fixture_set_up, test_connection_restored, fixture_tear_down);
  g_test_add ("/import/update-of-vanished-partner", Fixture, NULL,
              fixture_set_up, test_update_of_vanished_partner, fixture_tear_down);
  g_test_add ("/import/big-10000", Fixture, NULL,
              fixture_set_up, test_big_10k, fixture_tear_down);
  g_test_add ("/import/big-50000", Fixture, NULL,
              fixture_set_up, test_big_50k, fixture_tear_down);

  return g_test_run ();
}
