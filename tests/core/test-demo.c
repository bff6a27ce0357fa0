/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-demo.h"
#include "accord-json.h"
#include "accord-store.h"
#include "accord-validate.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

static char *tmp_dir;
static guint n_workspaces;

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* A path for a new workspace that no other test uses. */
static char *
new_workspace_path (void)
{
  g_autofree char *name = g_strdup_printf ("demo-%u.accord", ++n_workspaces);

  return g_build_filename (tmp_dir, name, NULL);
}

static AccordStore *
make_demo_store (guint   n_partners,
                 guint64 seed)
{
  g_autofree char *path = new_workspace_path ();
  g_autoptr(GError) error = NULL;
  AccordStore *store;

  g_assert_true (accord_demo_write (path, n_partners, seed, NULL, &error));
  g_assert_no_error (error);

  store = accord_store_open (path, ACCORD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  return store;
}

static void
strip_volatile_members (JsonObject *object)
{
  json_object_remove_member (object, "id");
  json_object_remove_member (object, "created_at");
  json_object_remove_member (object, "updated_at");
}

/* The dump without what differs between two stores holding the same data
 * (row ids and the moments of writing). */
static char *
dump_without_ids (AccordStore *store)
{
  g_autofree char *json = accord_json_dump_partners (store, FALSE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *partners;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  partners = json_node_get_array (json_parser_get_root (parser));

  for (guint i = 0; i < json_array_get_length (partners); i++)
    {
      JsonObject *partner = json_array_get_object_element (partners, i);
      JsonArray *contacts = json_object_get_array_member (partner, "contacts");

      strip_volatile_members (partner);
      for (guint j = 0; j < json_array_get_length (contacts); j++)
        strip_volatile_members (json_array_get_object_element (contacts, j));
    }

  json_generator_set_root (generator, json_parser_get_root (parser));
  return json_generator_to_data (generator, NULL);
}

static void
test_same_seed_same_data (void)
{
  g_autoptr(AccordStore) a = make_demo_store (60, 42);
  g_autoptr(AccordStore) b = make_demo_store (60, 42);
  g_autofree char *dump_a = dump_without_ids (a);
  g_autofree char *dump_b = dump_without_ids (b);

  g_assert_cmpstr (dump_a, ==, dump_b);
}

static void
test_different_seed_different_data (void)
{
  /* Seeds that differ only in the high 32 bits must differ too. */
  const guint64 seeds[] = { 1, 2, G_GUINT64_CONSTANT (1) << 32 | 1 };
  g_autoptr(GPtrArray) dumps = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autoptr(AccordStore) store = make_demo_store (30, seeds[i]);

      g_ptr_array_add (dumps, dump_without_ids (store));
    }

  for (guint i = 0; i < dumps->len; i++)
    for (guint j = i + 1; j < dumps->len; j++)
      g_assert_false (g_str_equal (g_ptr_array_index (dumps, i), g_ptr_array_index (dumps, j)));
}

static void
check_partners (AccordStore *store,
                guint        expected)
{
  GListModel *partners = accord_store_get_partners (store);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_types_seen = 0;
  gboolean type_seen[ACCORD_N_PARTNERSHIP_TYPES] = { FALSE, };

  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, expected);

  for (guint i = 0; i < expected; i++)
    {
      g_autoptr(AccordPartner) partner = g_list_model_get_item (partners, i);
      g_autoptr(GError) error = NULL;
      GListModel *contacts = accord_store_get_contacts (store, partner);
      guint n_contacts = g_list_model_get_n_items (contacts);
      guint n_primary = 0;
      g_autofree char *folded = g_utf8_casefold (accord_partner_get_name (partner), -1);

      /* Realistic: every field a person would fill in is filled in. */
      g_assert_true (accord_validate_partner (partner, &error));
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (accord_partner_get_website (partner), "https://"));
      g_assert_true (g_str_has_suffix (accord_partner_get_website (partner), ".example"));
      g_assert_cmpstr (accord_partner_get_description (partner), !=, "");
      g_assert_cmpstr (accord_partner_get_why_fit (partner), !=, "");
      g_assert_cmpstr (accord_partner_get_owner (partner), !=, "");
      g_assert_nonnull (accord_partner_get_tags (partner)[0]);
      g_assert_cmpint (accord_partner_get_source (partner), !=, ACCORD_SOURCE_UNSET);
      g_assert_cmpint (accord_partner_get_position (partner), !=, ACCORD_POSITION_UNSET);
      g_assert_cmpint (accord_partner_get_partnership_type (partner), !=,
                       ACCORD_PARTNERSHIP_TYPE_UNSET);
      if (!type_seen[accord_partner_get_partnership_type (partner)])
        n_types_seen++;
      type_seen[accord_partner_get_partnership_type (partner)] = TRUE;

      /* Names are unique in the workspace. */
      g_assert_false (g_hash_table_contains (names, folded));
      g_hash_table_add (names, g_steal_pointer (&folded));

      g_assert_cmpuint (n_contacts, >=, 1);
      g_assert_cmpuint (n_contacts, <=, 3);
      for (guint j = 0; j < n_contacts; j++)
        {
          g_autoptr(AccordContact) contact = g_list_model_get_item (contacts, j);
          const char *email = accord_contact_get_email (contact);

          g_assert_true (accord_validate_contact (contact, &error));
          g_assert_no_error (error);
          g_assert_true (g_str_has_suffix (email, ".example"));
          g_assert_true (g_str_has_prefix (accord_contact_get_phone (contact), "+1 555 01"));
          g_assert_cmpstr (accord_contact_get_role (contact), !=, "");
          if (accord_contact_get_is_primary (contact))
            n_primary++;
        }
      g_assert_cmpuint (n_primary, ==, 1);
    }

  /* The data is varied, not one partner copied. */
  if (expected >= 50)
    g_assert_cmpuint (n_types_seen, >=, 6);
}

static void
test_partners_and_contacts (void)
{
  g_autoptr(AccordStore) store = make_demo_store (80, 7);

  check_partners (store, 80);
}

static void
test_batches_and_unique_names (void)
{
  /* More than two batches of 500, and far more partners than name
   * combinations drawn without repeats, so the suffixes are exercised. */
  g_autoptr(AccordStore) store = make_demo_store (1234, 3);

  check_partners (store, 1234);
}

static void
test_fill_keeps_names_unique (void)
{
  g_autofree char *path = new_workspace_path ();
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = accord_store_open (path, ACCORD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  /* The same seed twice would draw the same names: the second round must
   * notice the names already in the workspace. */
  g_assert_true (accord_demo_fill (store, 40, 9, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (accord_demo_fill (store, 40, 9, NULL, &error));
  g_assert_no_error (error);

  check_partners (store, 80);
}

static void
test_write_refuses_workspace_with_partners (void)
{
  g_autofree char *path = new_workspace_path ();
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_demo_write (path, 5, 1, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (accord_demo_write (path, 5, 1, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);

  store = accord_store_open (path, ACCORD_STORE_OPEN_DEFAULT, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (store)), ==, 5);
}

static void
test_write_refuses_other_file (void)
{
  static const char garbage[] = "this is not a workspace\n";
  g_autofree char *path = new_workspace_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (g_file_set_contents (path, garbage, -1, &error));
  g_assert_no_error (error);

  g_assert_false (accord_demo_write (path, 5, 1, NULL, &error));
  g_assert_nonnull (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, garbage, sizeof garbage - 1);
}

static void
test_cancelled (void)
{
  g_autofree char *path = new_workspace_path ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = accord_store_open (path, ACCORD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  g_cancellable_cancel (cancellable);
  g_assert_false (accord_demo_fill (store, 10, 1, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (store)), ==, 0);
}

/* Agreements, guided work and results */

/* A workspace filled with @n_partners on a pinned @today. The store stays
 * open, dated @today, so what is checked is computed against it. */
static AccordStore *
make_dated_demo_store (guint       n_partners,
                       guint64     seed,
                       const char *today)
{
  g_autofree char *path = new_workspace_path ();
  g_autoptr(GError) error = NULL;
  AccordStore *store;

  store = accord_store_open (path, ACCORD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  accord_store_set_today (store, today);
  g_assert_true (accord_demo_fill (store, n_partners, seed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (accord_store_get_today (store), ==, today);
  return store;
}

static gboolean
is_live_stage (AccordStage stage)
{
  return stage == ACCORD_STAGE_GROWING || stage == ACCORD_STAGE_OPTIMIZING ||
         stage == ACCORD_STAGE_RENEWING;
}

/* Asserts that @date, if set, is a date from @days_before to @days_after
 * around @today. */
static void
assert_date_near (const char *date,
                  const char *today,
                  int         days_before,
                  int         days_after)
{
  int days;

  if (date == NULL)
    return;
  days = accord_days_between (today, date);
  if (days == ACCORD_DAYS_INVALID || days < -days_before || days > days_after)
    g_error ("%s is not within %d days before and %d after %s", date, days_before, days_after,
             today);
}

static gboolean
has_run (GPtrArray      *runs,
         AccordPlaybook  playbook)
{
  for (guint i = 0; i < runs->len; i++)
    if (((AccordRun *) runs->pdata[i])->playbook == playbook)
      return TRUE;
  return FALSE;
}

typedef struct
{
  guint partners_with_work;   /* activities or playbooks */
  guint activities;
  guint partners_with_tasks;
  guint past_negotiating;     /* launching or live */
  guint with_active;
  guint in_talks;             /* draft, negotiating or legal review */
  guint with_warnings;
  guint expired;
  guint outreach_replies;
  guint launches;
  guint review_runs;
  guint done_tasks;
  guint referrals;
  guint converted;
  guint reviews;
  guint reviews_with_flags;
  guint figures;
  guint ledger;
  guint bands[ACCORD_N_HEALTH_BANDS];  /* of live partners */
} Tally;

/* Checks every record of every partner against @today: real, valid, dated
 * around it (nothing done or logged after it), where its stage calls for
 * it; and counts them. @all_guided: every partner should have had its
 * playbooks (a small sample). */
static void
check_records (AccordStore *store,
               const char  *today,
               gboolean     all_guided,
               Tally       *tally)
{
  GListModel *partners = accord_store_get_partners (store);
  guint n = g_list_model_get_n_items (partners);
  g_autoptr(GError) error = NULL;

  memset (tally, 0, sizeof *tally);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordPartner) partner = g_list_model_get_item (partners, i);
      AccordStage stage = accord_partner_get_stage (partner);
      g_autoptr(GPtrArray) agreements = accord_store_list_agreements (store, partner, &error);
      g_autoptr(GPtrArray) activities = accord_store_list_activities (store, partner, &error);
      g_autoptr(GPtrArray) runs = accord_store_list_runs (store, partner, &error);
      g_autoptr(GPtrArray) tasks = accord_store_list_tasks (store, partner, &error);
      g_autoptr(GPtrArray) referrals = accord_store_list_referrals (store, partner, &error);
      g_autoptr(GPtrArray) reviews = accord_store_list_reviews (store, partner, &error);
      g_autoptr(GPtrArray) figures = accord_store_list_figures (store, partner, &error);
      g_autoptr(GPtrArray) ledger = accord_store_list_ledger_entries (store, partner, &error);
      gboolean has_results = accord_store_partner_has_results (store, partner);
      guint n_active = 0;
      AccordHealth health;

      g_assert_no_error (error);
      g_assert_nonnull (ledger);

      /* Agreements only from Negotiating on; valid; at most one active. */
      for (guint j = 0; j < agreements->len; j++)
        {
          AccordAgreement *a = agreements->pdata[j];

          g_assert_true (accord_agreement_validate (a, &error));
          g_assert_no_error (error);
          g_assert_cmpint (stage, !=, ACCORD_STAGE_IDENTIFIED);
          g_assert_cmpint (stage, !=, ACCORD_STAGE_OUTREACH);
          g_assert_cmpstr (a->title, !=, "");
          assert_date_near (a->status_since, today, 460, 0);
          assert_date_near (a->start, today, 460, 60);
          assert_date_near (a->ended_on, today, 460, 0);
          assert_date_near (a->legal_done_on, today, 460, 0);
          if (stage == ACCORD_STAGE_NEGOTIATING)
            g_assert_true (a->status == ACCORD_AGREEMENT_DRAFT ||
                           a->status == ACCORD_AGREEMENT_NEGOTIATING ||
                           a->status == ACCORD_AGREEMENT_LEGAL_REVIEW);
          if (a->status == ACCORD_AGREEMENT_ACTIVE)
            {
              g_assert_nonnull (a->start);
              g_assert_cmpstr (a->start, <=, today);
              n_active++;
            }
          if (a->status == ACCORD_AGREEMENT_DRAFT || a->status == ACCORD_AGREEMENT_NEGOTIATING ||
              a->status == ACCORD_AGREEMENT_LEGAL_REVIEW)
            tally->in_talks++;
          if (a->status == ACCORD_AGREEMENT_EXPIRED)
            tally->expired++;
          if (accord_agreement_get_warnings (a, has_results) != 0)
            tally->with_warnings++;
        }
      g_assert_cmpuint (n_active, <=, 1);
      if (stage == ACCORD_STAGE_LAUNCHING || is_live_stage (stage))
        {
          tally->past_negotiating++;
          tally->with_active += n_active;
        }

      /* The log: nothing after today. */
      for (guint j = 0; j < activities->len; j++)
        {
          AccordActivity *activity = activities->pdata[j];

          assert_date_near (activity->date, today, 460, 0);
          g_assert_cmpstr (activity->summary, !=, "");
          if (activity->is_reply && stage == ACCORD_STAGE_OUTREACH)
            tally->outreach_replies++;
        }
      if (activities->len > 0 || runs->len > 0)
        tally->partners_with_work++;
      tally->activities += activities->len;
      if (tasks->len > 0)
        tally->partners_with_tasks++;

      /* Playbooks fit the stage; nothing ticked after today. */
      for (guint j = 0; j < runs->len; j++)
        {
          AccordRun *run = runs->pdata[j];

          assert_date_near (run->anchor_date, today, 460, 60);
          if (run->playbook == ACCORD_PLAYBOOK_OUTREACH)
            g_assert_cmpint (stage, ==, ACCORD_STAGE_OUTREACH);
          else if (run->playbook == ACCORD_PLAYBOOK_LAUNCH)
            g_assert_cmpint (stage, ==, ACCORD_STAGE_LAUNCHING);
          else
            {
              g_assert_cmpint (run->playbook, ==, ACCORD_PLAYBOOK_REVIEWS);
              g_assert_true (is_live_stage (stage));
            }
        }
      for (guint j = 0; j < tasks->len; j++)
        {
          AccordTask *task = tasks->pdata[j];

          assert_date_near (task->due, today, 460, 400);
          assert_date_near (task->done_on, today, 460, 0);
          assert_date_near (task->cancelled_on, today, 460, 0);
          if (task->done_on != NULL)
            tally->done_tasks++;
        }
      tally->launches += has_run (runs, ACCORD_PLAYBOOK_LAUNCH);
      tally->review_runs += has_run (runs, ACCORD_PLAYBOOK_REVIEWS);
      if (all_guided)
        {
          if (stage == ACCORD_STAGE_OUTREACH)
            g_assert_true (has_run (runs, ACCORD_PLAYBOOK_OUTREACH));
          if (stage == ACCORD_STAGE_LAUNCHING)
            g_assert_true (has_run (runs, ACCORD_PLAYBOOK_LAUNCH));
          if (is_live_stage (stage) && n_active > 0)
            g_assert_true (has_run (runs, ACCORD_PLAYBOOK_REVIEWS));
        }

      /* Results only once live, and only up to today. */
      if (!is_live_stage (stage))
        {
          g_assert_cmpuint (referrals->len + reviews->len + figures->len + ledger->len, ==, 0);
          continue;
        }
      for (guint j = 0; j < referrals->len; j++)
        {
          AccordReferral *referral = referrals->pdata[j];

          g_assert_true (accord_referral_validate (referral, &error));
          g_assert_no_error (error);
          assert_date_near (referral->date, today, 460, 0);
          assert_date_near (referral->converted_on, today, 460, 0);
          g_assert_cmpstr (referral->code, !=, "");
          if (referral->status == ACCORD_REFERRAL_CONVERTED)
            {
              g_assert_cmpint (referral->revenue_minor, >, 0);
              tally->converted++;
            }
        }
      for (guint j = 0; j < reviews->len; j++)
        {
          AccordReview *review = reviews->pdata[j];

          g_assert_true (accord_review_validate (review, &error));
          g_assert_no_error (error);
          assert_date_near (review->date, today, 460, 0);
          if (review->red_flags != 0)
            tally->reviews_with_flags++;
        }
      for (guint j = 0; j < figures->len; j++)
        {
          AccordFigures *f = figures->pdata[j];
          g_autofree char *first_day = g_strdup_printf ("%s-01", f->month);

          g_assert_true (accord_figures_validate (f, &error));
          g_assert_no_error (error);
          /* Months that have ended. */
          g_assert_cmpint (strncmp (f->month, today, 7), <, 0);
          assert_date_near (first_day, today, 460, 0);
        }
      for (guint j = 0; j < ledger->len; j++)
        {
          AccordLedgerEntry *entry = ledger->pdata[j];

          g_assert_true (accord_ledger_entry_validate (entry, &error));
          g_assert_no_error (error);
          assert_date_near (entry->date, today, 460, 0);
        }
      tally->referrals += referrals->len;
      tally->reviews += reviews->len;
      tally->figures += figures->len;
      tally->ledger += ledger->len;

      g_assert_true (accord_store_get_health (store, partner, &health, &error));
      g_assert_no_error (error);
      tally->bands[health.band]++;
    }
}

/* What the new screens need is there: agreements in every state the
 * stages call for, notice deadlines soon and later, playbooks partly done,
 * replies, reviews, results and payments, health good and bad. */
static void
check_tally (AccordStore *store,
             const char  *today,
             const Tally *tally)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = accord_store_list_due (store, -1, &error);
  guint notices_soon = 0;
  guint notices_later = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < due->len; i++)
    {
      AccordDueItem *item = due->pdata[i];
      int days = accord_days_between (today, item->due);

      if (item->kind != ACCORD_DUE_NOTICE)
        continue;
      if (days >= 0 && days <= 90)
        notices_soon++;
      else if (days > 90)
        notices_later++;
    }
  g_assert_cmpuint (notices_soon, >=, 1);
  g_assert_cmpuint (notices_later, >=, 1);

  /* Most partners past Negotiating have an active agreement. */
  g_assert_cmpuint (tally->past_negotiating, >, 0);
  g_assert_cmpuint (tally->with_active * 4, >=, tally->past_negotiating * 3);
  g_assert_cmpuint (tally->in_talks, >=, 1);
  g_assert_cmpuint (tally->with_warnings, >=, 1);

  g_assert_cmpuint (tally->outreach_replies, >=, 1);
  g_assert_cmpuint (tally->done_tasks, >=, 1);
  g_assert_cmpuint (tally->review_runs, >=, 1);

  g_assert_cmpuint (tally->referrals, >=, 1);
  g_assert_cmpuint (tally->converted, >=, 1);
  g_assert_cmpuint (tally->reviews, >=, 1);
  g_assert_cmpuint (tally->reviews_with_flags, >=, 1);
  g_assert_cmpuint (tally->figures, >=, 1);
  g_assert_cmpuint (tally->ledger, >=, 1);
  g_assert_cmpuint (tally->bands[ACCORD_HEALTH_HEALTHY], >=, 1);
  g_assert_cmpuint (tally->bands[ACCORD_HEALTH_AT_RISK], >=, 1);
}

static void
test_records_small (void)
{
  g_autoptr(AccordStore) store = make_dated_demo_store (150, 11, "2026-03-15");
  Tally tally;

  check_records (store, "2026-03-15", TRUE, &tally);
  check_tally (store, "2026-03-15", &tally);
  g_assert_cmpuint (tally.launches, >=, 1);
  g_assert_cmpuint (tally.expired, >=, 1);
  g_assert_cmpuint (tally.partners_with_work, >=, 150 / 2);
}

static void
test_records_big (void)
{
  /* Past the walk limit: agreements and results in batches, guided work
   * for a subset, and for the others a year of the log and tasks of their
   * own, about twenty entries a partner on average. A mature programme:
   * most partners have an agreement. */
  g_autoptr(AccordStore) store = make_dated_demo_store (900, 5, "2027-07-01");
  Tally tally;

  check_records (store, "2027-07-01", FALSE, &tally);
  check_tally (store, "2027-07-01", &tally);
  g_assert_cmpuint (tally.partners_with_work, >=, 900 * 9 / 10);
  g_assert_cmpuint (tally.activities, >=, 900 * 15);
  g_assert_cmpuint (tally.activities, <=, 900 * 25);
  g_assert_cmpuint (tally.partners_with_tasks, >=, 900 * 9 / 10);
  g_assert_cmpuint (tally.with_active, >=, 900 / 2);
}

static void
test_records_follow_today (void)
{
  /* The same sample on days years apart: everything moves with the
   * store's today, never the clock. A leap day and a month's last day
   * exercise the month arithmetic. */
  static const char * const todays[] = { "2024-02-29", "2031-10-31" };

  for (guint i = 0; i < G_N_ELEMENTS (todays); i++)
    {
      g_autoptr(AccordStore) store = make_dated_demo_store (60, 1, todays[i]);
      Tally tally;

      check_records (store, todays[i], TRUE, &tally);
      g_assert_cmpuint (tally.with_active, >=, 1);
      g_assert_cmpuint (tally.referrals, >=, 1);
    }
}

static void
append_agreement (GString               *out,
                  AccordStore           *store,
                  const AccordAgreement *a)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = accord_store_list_agreement_changes (store, a->id, &error);

  g_assert_no_error (error);
  g_string_append_printf (out, "  agreement %s|%s|%s|%s|%d|%s|%d|%d|%s|%s|%d|%" G_GINT64_FORMAT
                          "|%d|%u|%u\n",
                          a->title, accord_agreement_status_to_key (a->status), a->status_since,
                          a->start ? a->start : "-", a->term_months,
                          accord_renewal_to_key (a->renewal), a->notice_days,
                          a->termination_notice_days, a->ended_on ? a->ended_on : "-",
                          accord_revenue_model_to_key (a->revenue_model), a->rate_bp,
                          a->amount_minor, a->exclusivity, a->kpis->len, a->deliverables->len);
  for (guint i = 0; i < a->kpis->len; i++)
    {
      AccordKpi *kpi = a->kpis->pdata[i];

      g_string_append_printf (out, "    kpi %s|%s|%s\n", kpi->metric, kpi->target,
                              kpi->date ? kpi->date : "-");
    }
  for (guint i = 0; i < changes->len; i++)
    {
      AccordAgreementChange *change = changes->pdata[i];

      g_string_append_printf (out, "    change %s|%s|%s|%s\n", change->date, change->kind,
                              change->status ? change->status : "-", change->summary);
    }
}

/* Every record of every partner, in order, without row ids and moments
 * of writing. */
static char *
dump_records (AccordStore *store)
{
  GListModel *partners = accord_store_get_partners (store);
  GString *out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(AccordPartner) partner = g_list_model_get_item (partners, i);
      g_autoptr(GPtrArray) agreements = accord_store_list_agreements (store, partner, &error);
      g_autoptr(GPtrArray) activities = accord_store_list_activities (store, partner, &error);
      g_autoptr(GPtrArray) runs = accord_store_list_runs (store, partner, &error);
      g_autoptr(GPtrArray) tasks = accord_store_list_tasks (store, partner, &error);
      g_autoptr(GPtrArray) referrals = accord_store_list_referrals (store, partner, &error);
      g_autoptr(GPtrArray) reviews = accord_store_list_reviews (store, partner, &error);
      g_autoptr(GPtrArray) figures = accord_store_list_figures (store, partner, &error);
      g_autoptr(GPtrArray) ledger = accord_store_list_ledger_entries (store, partner, &error);
      AccordHealth health;

      g_assert_no_error (error);
      g_assert_true (accord_store_get_health (store, partner, &health, &error));
      g_assert_no_error (error);
      g_string_append_printf (out, "%s|%s|health %d\n", accord_partner_get_name (partner),
                              accord_stage_to_key (accord_partner_get_stage (partner)),
                              health.score);

      for (guint j = 0; j < agreements->len; j++)
        append_agreement (out, store, agreements->pdata[j]);
      for (guint j = 0; j < activities->len; j++)
        {
          AccordActivity *a = activities->pdata[j];

          g_string_append_printf (out, "  activity %s|%s|%s|%s|%d|%d\n", a->date,
                                  accord_activity_kind_to_key (a->kind), a->summary, a->outcome,
                                  a->is_reply, a->contact_id != 0);
        }
      for (guint j = 0; j < runs->len; j++)
        {
          AccordRun *run = runs->pdata[j];

          g_string_append_printf (out, "  run %s|%s|%s|%s\n", accord_playbook_to_key (run->playbook),
                                  run->anchor_date, run->name,
                                  run->stopped_on ? run->stopped_on : "-");
        }
      for (guint j = 0; j < tasks->len; j++)
        {
          AccordTask *t = tasks->pdata[j];

          g_string_append_printf (out, "  task %s|%s|%s|%s|%s\n", t->step, t->title, t->due,
                                  t->done_on ? t->done_on : "-",
                                  t->cancelled_on ? t->cancelled_on : "-");
        }
      for (guint j = 0; j < referrals->len; j++)
        {
          AccordReferral *r = referrals->pdata[j];

          g_string_append_printf (out, "  referral %s|%s|%s|%" G_GINT64_FORMAT "|%s|%s\n",
                                  r->date, r->customer, accord_referral_status_to_key (r->status),
                                  r->revenue_minor, r->code,
                                  r->converted_on ? r->converted_on : "-");
        }
      for (guint j = 0; j < reviews->len; j++)
        {
          AccordReview *r = reviews->pdata[j];

          g_string_append_printf (out, "  review %s|%d%d%d%d%d|%d|%s\n", r->date, r->ratings[0],
                                  r->ratings[1], r->ratings[2], r->ratings[3], r->ratings[4],
                                  r->red_flags, r->notes);
        }
      for (guint j = 0; j < figures->len; j++)
        {
          AccordFigures *f = figures->pdata[j];

          g_string_append_printf (out, "  figures %s|%" G_GINT64_FORMAT "|%d|%d|%d|%d|%d|%d\n",
                                  f->month, f->revenue_minor, f->referrals, f->conversions,
                                  f->has_nps, f->nps, f->response_hours, f->joint_initiatives);
        }
      for (guint j = 0; j < ledger->len; j++)
        {
          AccordLedgerEntry *e = ledger->pdata[j];

          g_string_append_printf (out, "  ledger %s|%s|%s|%" G_GINT64_FORMAT "|%s\n",
                                  accord_ledger_side_to_key (e->side),
                                  accord_ledger_kind_to_key (e->kind), e->date, e->amount_minor,
                                  e->note);
        }
    }

  return g_string_free (out, FALSE);
}

static void
test_records_deterministic (void)
{
  g_autoptr(AccordStore) a = make_dated_demo_store (80, 42, "2026-06-30");
  g_autoptr(AccordStore) b = make_dated_demo_store (80, 42, "2026-06-30");
  g_autoptr(AccordStore) other_seed = make_dated_demo_store (80, 43, "2026-06-30");
  g_autoptr(AccordStore) other_day = make_dated_demo_store (80, 42, "2026-09-14");
  g_autofree char *dump_a = dump_records (a);
  g_autofree char *dump_b = dump_records (b);
  g_autofree char *dump_other_seed = dump_records (other_seed);
  g_autofree char *dump_other_day = dump_records (other_day);

  /* Records and not just partners: the dump holds all of them. */
  g_assert_nonnull (strstr (dump_a, "  agreement "));
  g_assert_nonnull (strstr (dump_a, "  activity "));
  g_assert_nonnull (strstr (dump_a, "  task "));
  g_assert_nonnull (strstr (dump_a, "  referral "));
  g_assert_nonnull (strstr (dump_a, "  review "));
  g_assert_nonnull (strstr (dump_a, "  figures "));
  g_assert_nonnull (strstr (dump_a, "  ledger "));

  g_assert_cmpstr (dump_a, ==, dump_b);
  g_assert_cmpstr (dump_a, !=, dump_other_seed);
  g_assert_cmpstr (dump_a, !=, dump_other_day);
}

static void
test_big_sample_deterministic (void)
{
  g_autoptr(AccordStore) a = make_dated_demo_store (450, 8, "2026-12-01");
  g_autoptr(AccordStore) b = make_dated_demo_store (450, 8, "2026-12-01");
  g_autofree char *dump_a = dump_records (a);
  g_autofree char *dump_b = dump_records (b);

  g_assert_nonnull (strstr (dump_a, "  referral "));
  g_assert_cmpstr (dump_a, ==, dump_b);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tmp_dir = g_dir_make_tmp ("accord-test-demo-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/demo/same-seed-same-data", test_same_seed_same_data);
  g_test_add_func ("/demo/different-seed-different-data", test_different_seed_different_data);
  g_test_add_func ("/demo/partners-and-contacts", test_partners_and_contacts);
  g_test_add_func ("/demo/batches-and-unique-names", test_batches_and_unique_names);
  g_test_add_func ("/demo/fill-keeps-names-unique", test_fill_keeps_names_unique);
  g_test_add_func ("/demo/write-refuses-workspace-with-partners",
                   test_write_refuses_workspace_with_partners);
  g_test_add_func ("/demo/write-refuses-other-file", test_write_refuses_other_file);
  g_test_add_func ("/demo/cancelled", test_cancelled);
  g_test_add_func ("/demo/records/small", test_records_small);
  g_test_add_func ("/demo/records/big", test_records_big);
  g_test_add_func ("/demo/records/follow-today", test_records_follow_today);
  g_test_add_func ("/demo/records/deterministic", test_records_deterministic);
  g_test_add_func ("/demo/records/big-deterministic", test_big_sample_deterministic);

  status = g_test_run ();

  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
