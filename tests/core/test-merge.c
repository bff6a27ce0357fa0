/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "test-helpers.h"
#include "config.h"

#include "accord-merge.h"
#include "accord-store.h"

#include <string.h>

typedef TestWorkspace Fixture;
#define fixture_set_up test_workspace_set_up
#define fixture_tear_down test_workspace_tear_down

static AccordPartner *
add_partner (Fixture    *fixture,
             const char *name,
             const char *website,
             const char *contact_name)
{
  g_autoptr(AccordPartner) partner = accord_partner_new (name);
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  accord_partner_set_website (partner, website);
  g_ptr_array_add (contacts, accord_contact_new (contact_name));
  g_assert_true (accord_store_add_partner (fixture->store, partner, contacts, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&partner);
}

static void
add_active_agreement (Fixture       *fixture,
                      AccordPartner *partner,
                      const char    *title)
{
  g_autoptr(AccordAgreement) a = accord_agreement_new (accord_partner_get_id (partner));
  g_autoptr(GError) error = NULL;

  g_free (a->title);
  a->title = g_strdup (title);
  a->status = ACCORD_AGREEMENT_ACTIVE;
  a->status_since = g_strdup ("2025-01-05");
  a->start = g_strdup ("2025-01-31");
  a->term_months = 12;
  g_assert_true (accord_store_save_agreement (fixture->store, a, &error));
  g_assert_no_error (error);
}

static void
add_figures (Fixture       *fixture,
             AccordPartner *partner,
             const char    *month,
             gint64         revenue_minor)
{
  g_autoptr(AccordFigures) f = accord_figures_new (accord_partner_get_id (partner), month);
  g_autoptr(GError) error = NULL;

  f->revenue_minor = revenue_minor;
  g_assert_true (accord_store_set_figures (fixture->store, f, &error));
  g_assert_no_error (error);
}

/* Gives @partner one of everything that belongs to a partner. */
static void
add_history (Fixture       *fixture,
             AccordPartner *partner)
{
  gint64 id = accord_partner_get_id (partner);
  g_autoptr(AccordActivity) activity = accord_activity_new (id, ACCORD_ACTIVITY_CALL, "2025-02-01");
  g_autoptr(AccordTask) task = accord_task_new (id, "Send the deck", "2025-03-01");
  g_autoptr(AccordReferral) referral = accord_referral_new (id, "2025-02-10");
  g_autoptr(AccordReview) review = accord_review_new (id, "2025-02-20");
  g_autoptr(AccordLedgerEntry) entry =
    accord_ledger_entry_new (id, ACCORD_LEDGER_OWED_TO_PARTNER, ACCORD_LEDGER_PAID,
                             "2025-02-28", 5000);
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_store_add_activity (fixture->store, activity, &error));
  g_assert_true (accord_store_add_task (fixture->store, task, &error));
  g_assert_true (accord_store_save_referral (fixture->store, referral, &error));
  for (guint i = 0; i < ACCORD_N_REVIEW_RATINGS; i++)
    review->ratings[i] = 4;
  g_assert_true (accord_store_save_review (fixture->store, review, &error));
  g_assert_true (accord_store_add_ledger_entry (fixture->store, entry, &error));
  g_assert_no_error (error);
}

typedef struct
{
  guint contacts, activities, agreements, tasks, referrals, reviews, figures, ledger, history;
} Counts;

static Counts
count_all (Fixture       *fixture,
           AccordPartner *partner)
{
  AccordStore *store = fixture->store;
  Counts c;
  g_autoptr(GPtrArray) activities = accord_store_list_activities (store, partner, NULL);
  g_autoptr(GPtrArray) agreements = accord_store_list_agreements (store, partner, NULL);
  g_autoptr(GPtrArray) tasks = accord_store_list_tasks (store, partner, NULL);
  g_autoptr(GPtrArray) referrals = accord_store_list_referrals (store, partner, NULL);
  g_autoptr(GPtrArray) reviews = accord_store_list_reviews (store, partner, NULL);
  g_autoptr(GPtrArray) figures = accord_store_list_figures (store, partner, NULL);
  g_autoptr(GPtrArray) ledger = accord_store_list_ledger_entries (store, partner, NULL);

  c.contacts = g_list_model_get_n_items (accord_store_get_contacts (store, partner));
  c.activities = activities->len;
  c.agreements = agreements->len;
  c.tasks = tasks->len;
  c.referrals = referrals->len;
  c.reviews = reviews->len;
  c.figures = figures->len;
  c.ledger = ledger->len;
  c.history = g_list_model_get_n_items (accord_store_get_stage_history (store, partner, NULL));
  return c;
}

static guint
n_primary (Fixture       *fixture,
           AccordPartner *partner)
{
  GListModel *contacts = accord_store_get_contacts (fixture->store, partner);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(AccordContact) contact = g_list_model_get_item (contacts, i);

      n += accord_contact_get_is_primary (contact);
    }
  return n;
}

static gint64
revenue_in (Fixture       *fixture,
            AccordPartner *partner,
            const char    *month)
{
  g_autoptr(GPtrArray) figures = accord_store_list_figures (fixture->store, partner, NULL);

  for (guint i = 0; i < figures->len; i++)
    {
      AccordFigures *f = figures->pdata[i];

      if (g_str_equal (f->month, month))
        return f->revenue_minor;
    }
  return -1;
}

static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->store);
  fixture->store = accord_store_open (fixture->path, ACCORD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
test_merge_moves_everything (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(AccordPartner) keep = add_partner (fixture, "Bluepeak Studio", "", "Ada");
  g_autoptr(AccordPartner) other = add_partner (fixture, "Bluepeak", "bluepeak.example", "Bo");
  gint64 keep_id = accord_partner_get_id (keep);
  gint64 other_id = accord_partner_get_id (other);
  gboolean take_other[ACCORD_N_PARTNER_FIELDS] = { FALSE, };
  g_autoptr(AccordMergeUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  AccordPartner *k, *o;
  Counts before_keep, before_other, after;

  add_history (fixture, keep);
  add_history (fixture, other);
  add_active_agreement (fixture, other, "Theirs");
  add_figures (fixture, keep, "2025-01", 100);
  add_figures (fixture, other, "2025-01", 999);
  add_figures (fixture, other, "2025-02", 200);
  before_keep = count_all (fixture, keep);
  before_other = count_all (fixture, other);

  take_other[ACCORD_PARTNER_FIELD_WEBSITE] = TRUE;
  g_assert_true (accord_merge_partners (fixture->store, keep, other, take_other,
                                        ACCORD_MERGE_DEFAULT, &undo, &error));
  g_assert_no_error (error);

  /* The objects follow at once... */
  g_assert_cmpstr (accord_partner_get_website (keep), ==, "bluepeak.example");
  g_assert_cmpstr (accord_partner_get_name (keep), ==, "Bluepeak Studio");
  g_assert_nonnull (accord_partner_get_trashed_at (other));
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (fixture->store)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_contacts (fixture->store, keep)),
                    ==, 2);

  /* ...and so does the file. */
  reopen (fixture);
  k = accord_store_lookup_partner (fixture->store, keep_id);
  o = accord_store_lookup_partner (fixture->store, other_id);
  g_assert_cmpstr (accord_partner_get_website (k), ==, "bluepeak.example");
  g_assert_nonnull (accord_partner_get_trashed_at (o));
  after = count_all (fixture, k);
  g_assert_cmpuint (after.contacts, ==, before_keep.contacts + before_other.contacts);
  g_assert_cmpuint (after.activities, ==, before_keep.activities + before_other.activities);
  g_assert_cmpuint (after.agreements, ==, 1);
  g_assert_cmpuint (after.tasks, ==, before_keep.tasks + before_other.tasks);
  g_assert_cmpuint (after.referrals, ==, 2);
  g_assert_cmpuint (after.reviews, ==, 2);
  g_assert_cmpuint (after.ledger, ==, 2);
  g_assert_cmpuint (after.history, ==, before_keep.history + before_other.history);
  /* One month each: the kept partner's figures win the month both have. */
  g_assert_cmpuint (after.figures, ==, 2);
  g_assert_cmpint (revenue_in (fixture, k, "2025-01"), ==, 100);
  g_assert_cmpint (revenue_in (fixture, k, "2025-02"), ==, 200);
  g_assert_cmpuint (n_primary (fixture, k), ==, 1);
  after = count_all (fixture, o);
  g_assert_cmpuint (after.contacts + after.activities + after.tasks + after.figures, ==, 0);

  /* Undo puts everything back. */
  g_assert_true (accord_merge_undo (fixture->store, undo, &error));
  g_assert_no_error (error);
  g_assert_null (accord_partner_get_trashed_at (o));
  g_assert_cmpstr (accord_partner_get_website (k), ==, "");
  reopen (fixture);
  k = accord_store_lookup_partner (fixture->store, keep_id);
  o = accord_store_lookup_partner (fixture->store, other_id);
  g_assert_null (accord_partner_get_trashed_at (o));
  g_assert_cmpstr (accord_partner_get_website (k), ==, "");
  after = count_all (fixture, k);
  g_assert_true (memcmp (&after, &before_keep, sizeof after) == 0);
  after = count_all (fixture, o);
  g_assert_true (memcmp (&after, &before_other, sizeof after) == 0);
  g_assert_cmpint (revenue_in (fixture, o, "2025-01"), ==, 999);
  g_assert_cmpuint (n_primary (fixture, o), ==, 1);
  g_assert_cmpuint (n_primary (fixture, k), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (fixture->store)), ==, 2);
}

static void
test_figures_other (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AccordPartner) keep = add_partner (fixture, "A", "", "Ada");
  g_autoptr(AccordPartner) other = add_partner (fixture, "B", "", "Bo");
  g_autoptr(GError) error = NULL;

  add_figures (fixture, keep, "2025-01", 100);
  add_figures (fixture, other, "2025-01", 999);
  g_assert_true (accord_merge_partners (fixture->store, keep, other, NULL,
                                        ACCORD_MERGE_FIGURES_OTHER, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (revenue_in (fixture, keep, "2025-01"), ==, 999);
}

static void
test_two_active_agreements (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(AccordPartner) keep = add_partner (fixture, "A", "", "Ada");
  g_autoptr(AccordPartner) other = add_partner (fixture, "B", "", "Bo");
  g_autoptr(AccordMergeUndo) undo = NULL;
  g_autoptr(AccordAgreement) active = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  add_active_agreement (fixture, keep, "Ours");
  add_active_agreement (fixture, other, "Theirs");

  /* Refused, with a message saying why and what to do; nothing changed. */
  g_assert_false (accord_merge_partners (fixture->store, keep, other, NULL,
                                         ACCORD_MERGE_DEFAULT, &undo, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "active agreement"));
  g_assert_nonnull (strstr (error->message, "B"));
  g_assert_null (undo);
  g_assert_null (accord_partner_get_trashed_at (other));
  g_clear_error (&error);
  reopen (fixture);
  g_clear_object (&keep);
  g_clear_object (&other);
  keep = g_object_ref (accord_store_lookup_partner (fixture->store, 1));
  other = g_object_ref (accord_store_lookup_partner (fixture->store, 2));
  g_assert_null (accord_partner_get_trashed_at (other));

  /* Demoting ends the other's agreement. */
  g_assert_true (accord_merge_partners (fixture->store, keep, other, NULL,
                                        ACCORD_MERGE_DEMOTE_AGREEMENT, &undo, &error));
  g_assert_no_error (error);
  active = accord_store_get_active_agreement (fixture->store, keep, &error);
  g_assert_cmpstr (active->title, ==, "Ours");
  all = accord_store_list_agreements (fixture->store, keep, &error);
  g_assert_cmpuint (all->len, ==, 2);
  for (guint i = 0; i < all->len; i++)
    {
      AccordAgreement *a = all->pdata[i];

      if (g_str_equal (a->title, "Theirs"))
        g_assert_cmpint (a->status, ==, ACCORD_AGREEMENT_TERMINATED);
    }

  /* Undo makes it active again, with its partner. */
  g_assert_true (accord_merge_undo (fixture->store, undo, &error));
  g_assert_no_error (error);
  g_clear_pointer (&active, accord_agreement_free);
  active = accord_store_get_active_agreement (fixture->store, other, &error);
  g_assert_nonnull (active);
  g_assert_cmpstr (active->title, ==, "Theirs");
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(AccordPartner) a = add_partner (fixture, "A", "", "Ada");
  g_autoptr(AccordPartner) b = add_partner (fixture, "B", "", "Bo");
  gboolean take_other[ACCORD_N_PARTNER_FIELDS] = { FALSE, };
  g_autoptr(GError) error = NULL;

  g_assert_false (accord_merge_partners (fixture->store, a, a, NULL, 0, NULL, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (accord_store_trash_partner (fixture->store, b, &error));
  g_assert_false (accord_merge_partners (fixture->store, a, b, take_other, 0, NULL, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_contacts (fixture->store, a)), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/merge/moves-everything-and-undo", Fixture, NULL,
              fixture_set_up, test_merge_moves_everything, fixture_tear_down);
  g_test_add ("/merge/figures-other", Fixture, NULL,
              fixture_set_up, test_figures_other, fixture_tear_down);
  g_test_add ("/merge/two-active-agreements", Fixture, NULL,
              fixture_set_up, test_two_active_agreements, fixture_tear_down);
  g_test_add ("/merge/refused", Fixture, NULL,
              fixture_set_up, test_refused, fixture_tear_down);

  return g_test_run ();
}
