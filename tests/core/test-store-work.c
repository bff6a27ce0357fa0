/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "test-helpers.h"
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "accord-agreement.h"
#include "accord-store.h"

/* Guided work in the workspace: playbooks and their tasks, the activity
 * log, replies, outcomes, review chaining, tracking codes and what is due.
 * The fixture's today is 2026-01-31. */

typedef TestWorkspace Fixture;
#define fixture_set_up test_workspace_set_up
#define fixture_tear_down test_workspace_tear_down

static AccordPartner *
add_partner (Fixture    *fixture,
             const char *name)
{
  g_autoptr(AccordPartner) partner = accord_partner_new (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_store_add_partner (fixture->store, partner, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&partner);
}

static gint64
start_ok (Fixture        *fixture,
          AccordPartner  *partner,
          AccordPlaybook  playbook,
          const char     *anchor,
          const char     *name)
{
  g_autoptr(GError) error = NULL;
  gint64 run_id = accord_store_start_playbook (fixture->store, partner, playbook, anchor, name,
                                               &error);

  g_assert_no_error (error);
  g_assert_cmpint (run_id, >, 0);
  return run_id;
}

static GPtrArray *
tasks_ok (Fixture       *fixture,
          AccordPartner *partner)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *tasks = accord_store_list_tasks (fixture->store, partner, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tasks);
  return tasks;
}

static GPtrArray *
due_ok (Fixture *fixture,
        int      days)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = accord_store_list_due (fixture->store, days, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

/* Reopens the file (what follows is what reached it) with today kept. */
static AccordPartner *
reopen (Fixture *fixture,
        gint64   id)
{
  g_autofree char *today = g_strdup (accord_store_get_today (fixture->store));
  AccordPartner *partner = test_workspace_reopen_and_find (fixture, id);

  accord_store_set_today (fixture->store, today);
  return partner;
}

/* The partner's task with @step, or NULL. */
static AccordTask *
find_step (GPtrArray  *tasks,
           const char *step)
{
  for (guint i = 0; i < tasks->len; i++)
    {
      AccordTask *task = g_ptr_array_index (tasks, i);

      if (g_strcmp0 (task->step, step) == 0)
        return task;
    }
  return NULL;
}

/* Every task of the partner with @step, done or open, by due date. */
static guint
count_step (GPtrArray  *tasks,
            const char *step)
{
  guint n = 0;

  for (guint i = 0; i < tasks->len; i++)
    if (g_strcmp0 (((AccordTask *) g_ptr_array_index (tasks, i))->step, step) == 0)
      n++;
  return n;
}

static void
log_ok (Fixture            *fixture,
        AccordPartner      *partner,
        AccordActivityKind  kind,
        const char         *date,
        gboolean            reply)
{
  g_autoptr(AccordActivity) activity = accord_activity_new (accord_partner_get_id (partner),
                                                            kind, date);
  g_autoptr(GError) error = NULL;

  activity->is_reply = reply;
  g_assert_true (accord_store_add_activity (fixture->store, activity, &error));
  g_assert_no_error (error);
  g_assert_cmpint (activity->id, >, 0);
}

static void
count_cb (AccordStore   *store,
          AccordPartner *partner,
          guint         *count)
{
  (*count)++;
}

/* Reads one text column of one row straight from the file. */
static char *
sql_text (Fixture    *fixture,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READWRITE, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
sql_exec (Fixture    *fixture,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READWRITE, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Outreach makes its five dated tasks, which reach the file. */
static void
test_start_outreach (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct { const char *step; const char *due; int offset; } expected[] = {
    { "first-email", "2026-01-31", 0 },
    { "follow-up-3", "2026-02-03", 3 },
    { "follow-up-7", "2026-02-07", 7 },
    { "follow-up-14", "2026-02-14", 14 },
    { "revisit", "2026-07-31", 181 },
  };
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  AccordPartner *reopened;
  guint changes = 0;
  gint64 run_id;

  g_signal_connect (fixture->store, "work-changed", G_CALLBACK (count_cb), &changes);
  run_id = start_ok (fixture, partner, ACCORD_PLAYBOOK_OUTREACH, NULL, NULL);
  g_assert_cmpuint (changes, ==, 1);

  reopened = reopen (fixture, accord_partner_get_id (partner));
  tasks = tasks_ok (fixture, reopened);
  g_assert_cmpuint (tasks->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < tasks->len; i++)
    {
      AccordTask *task = g_ptr_array_index (tasks, i);

      g_assert_cmpstr (task->step, ==, expected[i].step);
      g_assert_cmpstr (task->due, ==, expected[i].due);
      g_assert_cmpint (task->offset_days, ==, expected[i].offset);
      g_assert_cmpint (task->playbook, ==, ACCORD_PLAYBOOK_OUTREACH);
      g_assert_cmpint (task->run_id, ==, run_id);
      g_assert_cmpint (task->partner_id, ==, accord_partner_get_id (partner));
      g_assert_cmpstr (task->title, !=, "");
      g_assert_cmpstr (task->anchor, !=, "");
      g_assert_null (task->done_on);
      g_assert_null (task->cancelled_on);
    }

  runs = accord_store_list_runs (fixture->store, reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpint (((AccordRun *) runs->pdata[0])->playbook, ==, ACCORD_PLAYBOOK_OUTREACH);
  g_assert_cmpstr (((AccordRun *) runs->pdata[0])->anchor_date, ==, "2026-01-31");
  g_assert_null (((AccordRun *) runs->pdata[0])->stopped_on);
}

/* The titles are the task's own: changing the words later (here, in the
 * file, as an older version's table would have) changes nothing shown. */
static void
test_tasks_keep_their_words (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  g_autoptr(GPtrArray) tasks = NULL;
  AccordPartner *reopened;

  start_ok (fixture, partner, ACCORD_PLAYBOOK_EXIT, "2026-01-31", NULL);
  sql_exec (fixture, "UPDATE task SET title = 'Words of an older table', phase = 'Old phase' "
                     "WHERE step = 'exit-try-fix'");
  reopened = reopen (fixture, accord_partner_get_id (partner));
  tasks = tasks_ok (fixture, reopened);
  g_assert_cmpuint (tasks->len, ==, 7);
  g_assert_cmpstr (find_step (tasks, "exit-try-fix")->title, ==, "Words of an older table");
  g_assert_cmpstr (find_step (tasks, "exit-try-fix")->phase, ==, "Old phase");
  g_assert_cmpstr (find_step (tasks, "exit-message")->due, ==, "2026-02-21");
}

/* A reply stops the follow-ups (and the revisit meant for silence); the
 * first email counts as sent; the no-contact clock restarts. */
static void
test_reply_stops_sequence (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  g_autoptr(AccordPartner) other = add_partner (fixture, "Kestrel");
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) other_tasks = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autofree char *last = NULL;
  g_autofree char *cancelled = NULL;
  AccordPartner *reopened;

  start_ok (fixture, partner, ACCORD_PLAYBOOK_OUTREACH, "2026-01-20", NULL);
  start_ok (fixture, other, ACCORD_PLAYBOOK_OUTREACH, "2026-01-20", NULL);
  g_assert_null (accord_store_dup_last_contact (fixture->store, partner));

  /* A note is not an answer: nothing stops. */
  log_ok (fixture, partner, ACCORD_ACTIVITY_NOTE, "2026-01-21", FALSE);
  tasks = tasks_ok (fixture, partner);
  g_assert_cmpuint (tasks->len, ==, 5);
  g_clear_pointer (&tasks, g_ptr_array_unref);
  last = accord_store_dup_last_contact (fixture->store, partner);
  g_assert_cmpstr (last, ==, "2026-01-21");
  g_clear_pointer (&last, g_free);

  log_ok (fixture, partner, ACCORD_ACTIVITY_EMAIL, "2026-01-25", TRUE);
  last = accord_store_dup_last_contact (fixture->store, partner);
  g_assert_cmpstr (last, ==, "2026-01-25");

  reopened = reopen (fixture, accord_partner_get_id (partner));
  tasks = tasks_ok (fixture, reopened);
  /* Cancelled tasks leave the list; the first email is done. */
  g_assert_cmpuint (tasks->len, ==, 1);
  g_assert_cmpstr (find_step (tasks, "first-email")->done_on, ==, "2026-01-25");
  cancelled = sql_text (fixture, "SELECT group_concat(step || '@' || cancelled_on, ' ') FROM "
                                 "(SELECT step, cancelled_on FROM task "
                                 "WHERE cancelled_on IS NOT NULL ORDER BY id)");
  g_assert_cmpstr (cancelled, ==, "follow-up-3@2026-01-25 follow-up-7@2026-01-25 "
                                  "follow-up-14@2026-01-25 revisit@2026-01-25");
  runs = accord_store_list_runs (fixture->store, reopened, NULL);
  g_assert_cmpstr (((AccordRun *) runs->pdata[0])->stopped_on, ==, "2026-01-25");

  /* The other partner's sequence goes on, and is all that is due. */
  other_tasks = tasks_ok (fixture, accord_store_lookup_partner (fixture->store,
                                                                accord_partner_get_id (other)));
  g_assert_cmpuint (other_tasks->len, ==, 5);
  due = due_ok (fixture, 30);
  g_assert_cmpuint (due->len, ==, 4);
  for (guint i = 0; i < due->len; i++)
    g_assert_cmpstr (((AccordDueItem *) due->pdata[i])->partner_name, ==, "Kestrel");
}

/* An old reply, from before the outreach began, does not stop it. */
static void
test_old_reply_does_not_stop (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  g_autoptr(GPtrArray) tasks = NULL;

  start_ok (fixture, partner, ACCORD_PLAYBOOK_OUTREACH, "2026-01-20", NULL);
  log_ok (fixture, partner, ACCORD_ACTIVITY_CALL, "2025-12-01", TRUE);
  tasks = tasks_ok (fixture, partner);
  g_assert_cmpuint (tasks->len, ==, 5);
  for (guint i = 0; i < tasks->len; i++)
    g_assert_null (((AccordTask *) tasks->pdata[i])->done_on);
}

static void
test_activities (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  g_autoptr(AccordPartner) trashed = add_partner (fixture, "Gone");
  g_autoptr(AccordActivity) activity = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  AccordPartner *reopened;
  guint changes = 0;

  activity = accord_activity_new (accord_partner_get_id (partner), ACCORD_ACTIVITY_MEETING,
                                  "2026-01-10");
  g_free (activity->summary);
  activity->summary = g_strdup ("  Met at the fair  ");
  g_free (activity->outcome);
  activity->outcome = g_strdup ("Wants a proposal");
  g_signal_connect (fixture->store, "work-changed", G_CALLBACK (count_cb), &changes);
  g_assert_true (accord_store_add_activity (fixture->store, activity, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  log_ok (fixture, partner, ACCORD_ACTIVITY_INTRO, "2026-01-12", FALSE);
  log_ok (fixture, partner, ACCORD_ACTIVITY_CALL, "2026-01-05", FALSE);

  reopened = reopen (fixture, accord_partner_get_id (partner));
  list = accord_store_list_activities (fixture->store, reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  /* Newest first. */
  g_assert_cmpstr (((AccordActivity *) list->pdata[0])->date, ==, "2026-01-12");
  g_assert_cmpint (((AccordActivity *) list->pdata[0])->kind, ==, ACCORD_ACTIVITY_INTRO);
  g_assert_cmpstr (((AccordActivity *) list->pdata[1])->summary, ==, "Met at the fair");
  g_assert_cmpstr (((AccordActivity *) list->pdata[1])->outcome, ==, "Wants a proposal");
  g_assert_cmpint (((AccordActivity *) list->pdata[1])->kind, ==, ACCORD_ACTIVITY_MEETING);
  g_assert_cmpstr (((AccordActivity *) list->pdata[2])->date, ==, "2026-01-05");

  g_assert_true (accord_store_delete_activity (fixture->store,
                                               ((AccordActivity *) list->pdata[0])->id, &error));
  g_assert_no_error (error);
  {
    g_autofree char *last = accord_store_dup_last_contact (fixture->store, reopened);
    g_assert_cmpstr (last, ==, "2026-01-10");
  }

  /* Refused: bad date, unknown kind, a trashed partner, a foreign contact. */
  {
    g_autoptr(AccordActivity) bad = accord_activity_new (accord_partner_get_id (reopened),
                                                         ACCORD_ACTIVITY_CALL, "2026-02-30");
    g_autoptr(AccordPartner) gone = NULL;

    g_assert_false (accord_store_add_activity (fixture->store, bad, &error));
    g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (bad->id, ==, 0);

    g_free (bad->date);
    bad->date = g_strdup ("2026-02-03");
    bad->kind = ACCORD_N_ACTIVITY_KINDS;
    g_assert_false (accord_store_add_activity (fixture->store, bad, &error));
    g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
    g_clear_error (&error);

    bad->kind = ACCORD_ACTIVITY_CALL;
    bad->contact_id = 999;
    g_assert_false (accord_store_add_activity (fixture->store, bad, &error));
    g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
    g_clear_error (&error);

    gone = g_object_ref (accord_store_lookup_partner (fixture->store,
                                                      accord_partner_get_id (trashed)));
    g_assert_true (accord_store_trash_partner (fixture->store, gone, &error));
    bad->contact_id = 0;
    bad->partner_id = accord_partner_get_id (gone);
    g_assert_false (accord_store_add_activity (fixture->store, bad, &error));
    g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_clear_pointer (&list, g_ptr_array_unref);
  list = accord_store_list_activities (fixture->store, reopened, &error);
  g_assert_cmpuint (list->len, ==, 2);
}

/* Moving L re-dates what is not done yet by its offset; done tasks keep
 * the dates they had. */
static void
test_move_launch (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  AccordTask *done;
  AccordPartner *reopened;
  gint64 run_id;

  run_id = start_ok (fixture, partner, ACCORD_PLAYBOOK_LAUNCH, "2026-03-15", "Spring Bundle");
  before = tasks_ok (fixture, partner);
  g_assert_cmpstr (find_step (before, "pre-agreements-final")->due, ==, "2026-02-15");
  g_assert_cmpstr (find_step (before, "week-tracking-checked")->due, ==, "2026-03-14");
  g_assert_cmpstr (find_step (before, "days30-next-phase")->due, ==, "2026-04-14");

  done = find_step (before, "ready-stakeholders");
  g_assert_cmpstr (done->due, ==, "2026-02-01");
  g_assert_true (accord_store_set_task_done (fixture->store, done->id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (accord_store_snooze_task (fixture->store,
                                           find_step (before, "week-sales")->id,
                                           "2026-03-20", &error));
  g_assert_true (accord_store_snooze_task (fixture->store,
                                           find_step (before, "week-watch")->id,
                                           "2026-04-20", &error));
  g_assert_no_error (error);

  /* L moves two weeks later (across a month end). */
  g_assert_true (accord_store_move_anchor (fixture->store, run_id, "2026-03-29", &error));
  g_assert_no_error (error);

  reopened = reopen (fixture, accord_partner_get_id (partner));
  after = tasks_ok (fixture, reopened);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    {
      AccordTask *task = g_ptr_array_index (after, i);

      if (g_strcmp0 (task->step, "ready-stakeholders") == 0)
        {
          g_assert_cmpstr (task->due, ==, "2026-02-01");
          g_assert_cmpstr (task->done_on, ==, "2026-01-31");
          g_assert_cmpint (task->offset_days, ==, -42);
        }
      else
        {
          g_autofree char *expected = accord_date_add_days ("2026-03-29", task->offset_days);
          AccordTask *old = find_step (before, task->step);

          g_assert_cmpint (task->offset_days, ==, old->offset_days);
          g_assert_cmpstr (task->due, ==, expected);
        }
    }
  g_assert_cmpstr (find_step (after, "pre-agreements-final")->due, ==, "2026-03-01");
  g_assert_cmpstr (find_step (after, "week-announcement")->due, ==, "2026-03-29");
  g_assert_cmpstr (find_step (after, "week-tracking-checked")->due, ==, "2026-03-28");
  g_assert_cmpstr (find_step (after, "days30-next-phase")->due, ==, "2026-04-28");
  /* A snooze now before the new date is dropped; one after it stays. */
  g_assert_null (find_step (after, "week-sales")->snoozed_until);
  g_assert_cmpstr (find_step (after, "week-watch")->snoozed_until, ==, "2026-04-20");

  runs = accord_store_list_runs (fixture->store, reopened, &error);
  g_assert_cmpstr (((AccordRun *) runs->pdata[0])->anchor_date, ==, "2026-03-29");
  g_assert_cmpstr (((AccordRun *) runs->pdata[0])->name, ==, "Spring Bundle");

  /* Refused: not a date, no such run. */
  g_assert_false (accord_store_move_anchor (fixture->store, run_id, "2026-13-01", &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (accord_store_move_anchor (fixture->store, run_id + 100, "2026-04-01", &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
}

/* Reviews count from the anchor, never from the last review: from 31
 * January, month ends decide. */
static void
test_review_chaining (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  AccordTask *monthly;
  gint64 first_id;
  gint64 run_id;

  run_id = start_ok (fixture, partner, ACCORD_PLAYBOOK_REVIEWS, "2026-01-31", NULL);
  tasks = tasks_ok (fixture, partner);
  g_assert_cmpuint (tasks->len, ==, 3);
  g_assert_cmpstr (find_step (tasks, "review-monthly")->due, ==, "2026-02-28");
  g_assert_cmpstr (find_step (tasks, "review-quarterly")->due, ==, "2026-04-30");
  g_assert_cmpstr (find_step (tasks, "review-annual")->due, ==, "2027-01-31");

  /* k = 1 done: the next is anchor + 2 months (31 March, not 28 March). */
  first_id = find_step (tasks, "review-monthly")->id;
  g_assert_true (accord_store_set_task_done (fixture->store, first_id, TRUE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = tasks_ok (fixture, partner);
  g_assert_cmpuint (count_step (tasks, "review-monthly"), ==, 2);
  monthly = g_ptr_array_index (tasks, 1);
  g_assert_cmpstr (monthly->step, ==, "review-monthly");
  g_assert_cmpstr (monthly->due, ==, "2026-03-31");
  g_assert_null (monthly->done_on);
  g_assert_cmpint (monthly->run_id, ==, run_id);

  /* Done again, undone, done: still one next review. */
  g_assert_true (accord_store_set_task_done (fixture->store, first_id, TRUE, &error));
  g_assert_true (accord_store_set_task_done (fixture->store, first_id, FALSE, &error));
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = tasks_ok (fixture, partner);
  g_assert_cmpuint (count_step (tasks, "review-monthly"), ==, 1);
  g_assert_null (find_step (tasks, "review-monthly")->done_on);
  g_assert_true (accord_store_set_task_done (fixture->store, first_id, TRUE, &error));
  g_assert_no_error (error);

  /* k = 2 done (late, even): k = 3 is 30 April. */
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = tasks_ok (fixture, partner);
  accord_store_set_today (fixture->store, "2026-04-10");
  for (guint i = 0; i < tasks->len; i++)
    {
      AccordTask *task = g_ptr_array_index (tasks, i);

      if (g_strcmp0 (task->due, "2026-03-31") == 0)
        g_assert_true (accord_store_set_task_done (fixture->store, task->id, TRUE, &error));
    }
  g_assert_no_error (error);

  /* The quarterly one: next at anchor + 6 months, 31 July. */
  g_assert_true (accord_store_set_task_done (fixture->store,
                                             find_step (tasks, "review-quarterly")->id, TRUE,
                                             &error));
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = tasks_ok (fixture, partner);
  {
    g_autoptr(GString) dates = g_string_new (NULL);

    for (guint i = 0; i < tasks->len; i++)
      {
        AccordTask *task = g_ptr_array_index (tasks, i);

        g_string_append_printf (dates, "%s%s:%s:%s", i ? " " : "", task->step + 7, task->due,
                                task->done_on ? task->done_on : "open");
      }
    g_assert_cmpstr (dates->str, ==,
                     "monthly:2026-02-28:2026-01-31 monthly:2026-03-31:2026-04-10 "
                     "quarterly:2026-04-30:2026-04-10 monthly:2026-04-30:open "
                     "quarterly:2026-07-31:open annual:2027-01-31:open");
  }

  /* Other tasks do not repeat. */
  {
    g_autoptr(AccordPartner) other = add_partner (fixture, "Kestrel");
    g_autoptr(GPtrArray) exit_tasks = NULL;
    g_autoptr(GPtrArray) exit_after = NULL;

    start_ok (fixture, other, ACCORD_PLAYBOOK_EXIT, NULL, NULL);
    exit_tasks = tasks_ok (fixture, other);
    g_assert_true (accord_store_set_task_done (fixture->store,
                                               ((AccordTask *) exit_tasks->pdata[0])->id, TRUE,
                                               &error));
    exit_after = tasks_ok (fixture, other);
    g_assert_cmpuint (exit_after->len, ==, exit_tasks->len);
  }
}

/* Re-dating reviews follows months from the anchor too. */
static void
test_move_review_anchor (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  gint64 run_id;

  run_id = start_ok (fixture, partner, ACCORD_PLAYBOOK_REVIEWS, "2026-01-15", NULL);
  g_assert_true (accord_store_move_anchor (fixture->store, run_id, "2026-01-31", &error));
  g_assert_no_error (error);
  tasks = tasks_ok (fixture, partner);
  g_assert_cmpstr (find_step (tasks, "review-monthly")->due, ==, "2026-02-28");
  g_assert_cmpstr (find_step (tasks, "review-quarterly")->due, ==, "2026-04-30");
  g_assert_cmpstr (find_step (tasks, "review-annual")->due, ==, "2027-01-31");
}

static void
test_not_interested (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *revisit = NULL;
  AccordPartner *reopened;
  guint changes = 0;

  accord_store_set_today (fixture->store, "2026-01-05");
  partner = add_partner (fixture, "Bluepeak");
  test_move_ok (fixture->store, partner, ACCORD_STAGE_OUTREACH, "2026-01-10", NULL, NULL);
  start_ok (fixture, partner, ACCORD_PLAYBOOK_OUTREACH, "2026-01-10", NULL);
  g_signal_connect (fixture->store, "work-changed", G_CALLBACK (count_cb), &changes);
  g_assert_true (accord_store_record_outcome (fixture->store, partner, FALSE, "2026-01-20",
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);

  /* On hold, revisit the default months later. */
  revisit = accord_date_add_months ("2026-01-20", ACCORD_REVISIT_DEFAULT_MONTHS);
  g_assert_cmpstr (revisit, ==, "2026-07-20");
  reopened = reopen (fixture, accord_partner_get_id (partner));
  g_assert_cmpint (accord_partner_get_stage (reopened), ==, ACCORD_STAGE_ON_HOLD);
  g_assert_cmpstr (accord_partner_get_stage_since (reopened), ==, "2026-01-20");
  g_assert_cmpstr (accord_partner_get_revisit_on (reopened), ==, revisit);
  g_assert_cmpint (accord_partner_get_held_from (reopened), ==, ACCORD_STAGE_OUTREACH);

  /* Thanks, why, other partners: due the next day; follow-ups stopped. */
  tasks = tasks_ok (fixture, reopened);
  g_assert_null (find_step (tasks, "follow-up-14"));
  g_assert_null (find_step (tasks, "revisit"));
  g_assert_nonnull (find_step (tasks, "first-email"));
  for (guint i = 0; i < 3; i++)
    {
      static const char *const steps[] = { "outcome-thanks", "outcome-ask-why",
                                           "outcome-ask-referrals" };
      AccordTask *task = find_step (tasks, steps[i]);

      g_assert_nonnull (task);
      g_assert_cmpstr (task->due, ==, "2026-01-21");
      g_assert_cmpint (task->playbook, ==, ACCORD_PLAYBOOK_OUTREACH);
    }
  g_assert_null (find_step (tasks, "outcome-follow-up"));
  runs = accord_store_list_runs (fixture->store, reopened, &error);
  g_assert_cmpstr (((AccordRun *) runs->pdata[0])->stopped_on, ==, "2026-01-20");

  /* The revisit is on the due list, as a revisit. */
  due = due_ok (fixture, -1);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < due->len; i++)
      {
        AccordDueItem *item = g_ptr_array_index (due, i);

        if (item->kind == ACCORD_DUE_REVISIT)
          {
            g_assert_cmpstr (item->due, ==, "2026-07-20");
            g_assert_cmpint (item->playbook, ==, ACCORD_PLAYBOOK_NONE);
            found = TRUE;
          }
      }
    g_assert_true (found);
  }

  /* Said again while on hold: tasks, no second move. */
  g_assert_true (accord_store_record_outcome (fixture->store, reopened, FALSE, "2026-01-25",
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpstr (accord_partner_get_stage_since (reopened), ==, "2026-01-20");
}

static void
test_interested (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  AccordTask *task;

  start_ok (fixture, partner, ACCORD_PLAYBOOK_OUTREACH, "2026-01-10", NULL);
  g_assert_true (accord_store_record_outcome (fixture->store, partner, TRUE, "2026-01-28",
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpint (accord_partner_get_stage (partner), ==, ACCORD_STAGE_IDENTIFIED);
  tasks = tasks_ok (fixture, partner);
  task = find_step (tasks, "outcome-follow-up");
  g_assert_nonnull (task);
  /* Within 24 hours. */
  g_assert_cmpstr (task->due, ==, "2026-01-29");
  g_assert_null (find_step (tasks, "follow-up-14"));
  g_assert_null (find_step (tasks, "outcome-thanks"));

  g_assert_false (accord_store_record_outcome (fixture->store, partner, TRUE, "28/01/2026",
                                               &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
}

static void
test_revisit_months (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  g_autoptr(AccordPartner) other = add_partner (fixture, "Kestrel");
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  gint64 run_id;
  gint64 launch_id;

  run_id = start_ok (fixture, partner, ACCORD_PLAYBOOK_OUTREACH, "2026-01-31", NULL);
  g_assert_true (accord_store_set_revisit_months (fixture->store, run_id, 12, &error));
  g_assert_no_error (error);
  g_assert_true (accord_store_set_revisit_months (fixture->store, run_id, 7, &error));
  g_assert_no_error (error);
  tasks = tasks_ok (fixture, partner);
  g_assert_cmpstr (find_step (tasks, "revisit")->due, ==, "2026-08-31");
  g_assert_cmpint (find_step (tasks, "revisit")->offset_days, ==, 212);

  g_assert_false (accord_store_set_revisit_months (fixture->store, run_id, 5, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (accord_store_set_revisit_months (fixture->store, run_id, 13, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  launch_id = start_ok (fixture, other, ACCORD_PLAYBOOK_LAUNCH, "2026-04-01", NULL);
  g_assert_false (accord_store_set_revisit_months (fixture->store, launch_id, 8, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Moving the first email keeps the chosen months. */
  g_assert_true (accord_store_move_anchor (fixture->store, run_id, "2026-02-28", &error));
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = tasks_ok (fixture, partner);
  g_assert_cmpstr (find_step (tasks, "revisit")->due, ==, "2026-09-28");
  g_assert_cmpstr (find_step (tasks, "follow-up-3")->due, ==, "2026-03-03");
}

/* Starting a playbook again replaces the earlier run's open tasks. */
static void
test_restart_replaces (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;

  start_ok (fixture, partner, ACCORD_PLAYBOOK_OUTREACH, "2026-01-01", NULL);
  tasks = tasks_ok (fixture, partner);
  g_assert_true (accord_store_set_task_done (fixture->store, find_step (tasks, "first-email")->id,
                                             TRUE, &error));
  start_ok (fixture, partner, ACCORD_PLAYBOOK_OUTREACH, "2026-01-31", NULL);
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = tasks_ok (fixture, partner);
  /* One done first email from before, and the new run's five. */
  g_assert_cmpuint (tasks->len, ==, 6);
  g_assert_cmpuint (count_step (tasks, "follow-up-3"), ==, 1);
  g_assert_cmpstr (find_step (tasks, "follow-up-3")->due, ==, "2026-02-03");
  runs = accord_store_list_runs (fixture->store, partner, &error);
  g_assert_cmpuint (runs->len, ==, 2);
  g_assert_cmpstr (((AccordRun *) runs->pdata[0])->stopped_on, ==, "2026-01-31");
  g_assert_null (((AccordRun *) runs->pdata[1])->stopped_on);
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  g_autoptr(AccordTask) task = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  gint64 id;

  g_assert_cmpint (accord_store_start_playbook (fixture->store, partner, ACCORD_PLAYBOOK_NONE,
                                                NULL, NULL, &error), ==, 0);
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (accord_store_start_playbook (fixture->store, partner, ACCORD_PLAYBOOK_LAUNCH,
                                                "2026-02-29", NULL, &error), ==, 0);
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  task = accord_task_new (accord_partner_get_id (partner), "   ", "2026-02-01");
  g_assert_false (accord_store_add_task (fixture->store, task, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (task->title);
  task->title = g_strdup ("  Send the deck  ");
  g_free (task->due);
  task->due = g_strdup ("2026-02");
  g_assert_false (accord_store_add_task (fixture->store, task, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  task->playbook = ACCORD_N_PLAYBOOKS;
  g_free (task->due);
  task->due = g_strdup ("2026-02-01");
  g_assert_false (accord_store_add_task (fixture->store, task, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  task->playbook = ACCORD_PLAYBOOK_NONE;
  task->run_id = 12345;
  g_assert_false (accord_store_add_task (fixture->store, task, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing of the above reached the file. */
  count = sql_text (fixture, "SELECT count(*) FROM task");
  g_assert_cmpstr (count, ==, "0");

  task->run_id = 0;
  g_assert_true (accord_store_add_task (fixture->store, task, &error));
  g_assert_no_error (error);
  g_assert_cmpint (task->id, >, 0);
  g_assert_cmpstr (task->title, ==, "Send the deck");
  id = task->id;

  /* Snoozing: after today only; "" or NULL wakes it. */
  g_assert_false (accord_store_snooze_task (fixture->store, id, "2026-01-31", &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (accord_store_snooze_task (fixture->store, id, "soon", &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (accord_store_snooze_task (fixture->store, id, "2026-02-10", &error));
  tasks = tasks_ok (fixture, partner);
  g_assert_cmpstr (accord_task_effective_due (tasks->pdata[0]), ==, "2026-02-10");
  g_clear_pointer (&tasks, g_ptr_array_unref);
  g_assert_true (accord_store_snooze_task (fixture->store, id, "", &error));
  tasks = tasks_ok (fixture, partner);
  g_assert_null (((AccordTask *) tasks->pdata[0])->snoozed_until);

  g_assert_true (accord_store_set_task_notes (fixture->store, id, "Deck v2 attached", &error));
  g_assert_false (accord_store_set_task_done (fixture->store, id + 99, TRUE, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = tasks_ok (fixture, partner);
  g_assert_cmpstr (((AccordTask *) tasks->pdata[0])->notes, ==, "Deck v2 attached");
}

/* The first call: an agenda in its notes, and a task per discovery
 * question whose notes are that question's answers. */
static void
test_first_call (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  AccordPartner *reopened;
  AccordTask *call;
  gint64 run_id;
  gint64 call_id;
  guint n_questions;

  accord_discovery_questions (&n_questions);
  run_id = start_ok (fixture, partner, ACCORD_PLAYBOOK_OUTREACH, "2026-01-20", NULL);
  call_id = accord_store_plan_first_call (fixture->store, partner, "2026-02-04", &error);
  g_assert_no_error (error);
  g_assert_cmpint (call_id, >, 0);

  tasks = tasks_ok (fixture, partner);
  call = find_step (tasks, "first-call");
  g_assert_nonnull (call);
  g_assert_cmpint (call->id, ==, call_id);
  g_assert_cmpint (call->run_id, ==, run_id);
  g_assert_cmpstr (call->due, ==, "2026-02-04");
  g_assert_cmpint (call->offset_days, ==, 15);
  g_assert_nonnull (strstr (call->notes, "0–5 min"));
  g_assert_nonnull (strstr (call->notes, "25–30 min"));
  for (guint i = 1; i <= n_questions; i++)
    {
      g_autofree char *step = g_strdup_printf ("discovery-%u", i);
      AccordTask *question = find_step (tasks, step);

      g_assert_nonnull (question);
      g_assert_cmpstr (question->due, ==, "2026-02-04");
      g_assert_cmpstr (question->notes, ==, "");
      g_assert_cmpstr (question->phase, ==, call->phase);
    }

  g_assert_true (accord_store_set_task_notes (fixture->store,
                                              find_step (tasks, "discovery-2")->id,
                                              "Twenty new agency clients by June", &error));
  g_assert_no_error (error);
  reopened = reopen (fixture, accord_partner_get_id (partner));
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = tasks_ok (fixture, reopened);
  g_assert_cmpstr (find_step (tasks, "discovery-2")->notes, ==, "Twenty new agency clients by June");
  g_assert_cmpstr (find_step (tasks, "discovery-3")->notes, ==, "");
}

static void
test_tracking_code_unique (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(AccordPartner) a = add_partner (fixture, "Acme & Co.");
  g_autoptr(AccordPartner) b = add_partner (fixture, "ACME co");
  g_autoptr(AccordPartner) c = add_partner (fixture, "Acme-Co");
  g_autoptr(AccordPartner) d = add_partner (fixture, "An extremely long partner name that goes on");
  g_autoptr(AccordPartner) e = add_partner (fixture, "An extremely long partner name that never ends");
  g_autoptr(GError) error = NULL;
  g_autofree char *code_a = NULL;
  g_autofree char *code_b = NULL;
  g_autofree char *code_c = NULL;
  g_autofree char *code_d = NULL;
  g_autofree char *code_e = NULL;
  g_autofree char *again = NULL;
  g_autofree char *stored = NULL;
  AccordPartner *reopened;

  code_a = accord_store_dup_tracking_code (fixture->store, a, &error);
  g_assert_no_error (error);
  code_b = accord_store_dup_tracking_code (fixture->store, b, &error);
  /* A trashed partner keeps its code, and the next one still differs. */
  g_assert_true (accord_store_trash_partner (fixture->store, b, &error));
  code_c = accord_store_dup_tracking_code (fixture->store, c, &error);
  code_d = accord_store_dup_tracking_code (fixture->store, d, &error);
  code_e = accord_store_dup_tracking_code (fixture->store, e, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (code_a, ==, "acme-co");
  g_assert_cmpstr (code_b, ==, "acme-co-2");
  g_assert_cmpstr (code_c, ==, "acme-co-3");
  g_assert_cmpstr (code_d, ==, "an-extremely-long-partner-name-t");
  g_assert_cmpstr (code_e, ==, "an-extremely-long-partner-name-2");
  g_assert_cmpuint (strlen (code_e), <=, 32);

  /* Made once: renaming the partner keeps its code. */
  g_assert_true (accord_store_set_partner_field (fixture->store, a, ACCORD_PARTNER_FIELD_NAME,
                                                 "Zenith", &error));
  reopened = reopen (fixture, accord_partner_get_id (a));
  again = accord_store_dup_tracking_code (fixture->store, reopened, &error);
  g_assert_cmpstr (again, ==, "acme-co");
  stored = sql_text (fixture, "SELECT group_concat(tracking_code, ' ') FROM "
                              "(SELECT tracking_code FROM partner ORDER BY id)");
  g_assert_cmpstr (stored, ==, "acme-co acme-co-2 acme-co-3 an-extremely-long-partner-name-t "
                               "an-extremely-long-partner-name-2");
}

static void
test_tracking_link (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak Studio");
  g_autoptr(GError) error = NULL;
  g_autofree char *none = NULL;
  g_autofree char *link = NULL;

  none = accord_store_dup_tracking_link (fixture->store, partner, &error);
  g_assert_null (none);
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (accord_store_set_setting (fixture->store, ACCORD_SETTING_TRACKING_URL,
                                           "https://northwind.example/start?lang=en", &error));
  start_ok (fixture, partner, ACCORD_PLAYBOOK_LAUNCH, "2026-03-01", "Spring Bundle 2026");
  link = accord_store_dup_tracking_link (fixture->store, partner, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (link, ==, "https://northwind.example/start?lang=en&utm_source=bluepeak-studio"
                             "&utm_medium=partner&utm_campaign=Spring%20Bundle%202026");
}

/* Everything due, across partners, in one list by date. */
static void
test_due_list (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AccordPartner) a = add_partner (fixture, "Bluepeak");
  g_autoptr(AccordPartner) b = add_partner (fixture, "Kestrel");
  g_autoptr(AccordPartner) gone = add_partner (fixture, "Gone");
  g_autoptr(AccordPartner) held = add_partner (fixture, "Held");
  g_autoptr(AccordAgreement) agreement = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) week = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) seen = g_string_new (NULL);
  guint groups[ACCORD_N_DUE_GROUPS] = { 0, };

  /* Outreach that began 10 days ago: the first email and the day-3 and
   * day-7 follow-ups are overdue. */
  start_ok (fixture, a, ACCORD_PLAYBOOK_OUTREACH, "2026-01-21", NULL);
  /* Exit today: the conversation is due today, the rest later. */
  start_ok (fixture, b, ACCORD_PLAYBOOK_EXIT, "2026-01-31", NULL);
  start_ok (fixture, gone, ACCORD_PLAYBOOK_OUTREACH, "2026-01-21", NULL);
  g_assert_true (accord_store_trash_partner (fixture->store, gone, &error));
  test_move_ok (fixture->store, held, ACCORD_STAGE_ON_HOLD, "2026-01-31", NULL, "2026-02-05");

  /* Done tasks and snoozed ones. */
  tasks = tasks_ok (fixture, a);
  g_assert_true (accord_store_set_task_done (fixture->store, find_step (tasks, "first-email")->id,
                                             TRUE, &error));
  g_assert_true (accord_store_snooze_task (fixture->store, find_step (tasks, "follow-up-7")->id,
                                           "2026-02-02", &error));
  g_assert_no_error (error);

  /* An active agreement whose notice deadline is 1 December. */
  agreement = accord_agreement_new (accord_partner_get_id (b));
  g_free (agreement->title);
  agreement->title = g_strdup ("Referral deal");
  agreement->status = ACCORD_AGREEMENT_ACTIVE;
  agreement->start = g_strdup ("2026-01-01");
  agreement->term_months = 12;
  agreement->renewal = ACCORD_RENEWAL_MUTUAL;
  agreement->notice_days = 30;
  agreement->termination_notice_days = 30;
  g_assert_true (accord_store_save_agreement (fixture->store, agreement, &error));
  g_assert_no_error (error);

  all = due_ok (fixture, -1);
  for (guint i = 0; i < all->len; i++)
    {
      AccordDueItem *item = g_ptr_array_index (all, i);

      g_assert_cmpstr (item->partner_name, !=, "Gone");
      if (i > 0)
        g_assert_cmpstr (((AccordDueItem *) all->pdata[i - 1])->due, <=, item->due);
      groups[accord_due_group_for (item->due, "2026-01-31")]++;
      if (item->kind == ACCORD_DUE_TASK)
        g_assert_cmpint (item->task_id, >, 0);
      g_string_append_printf (seen, "%s %s %s %s\n", item->due, accord_due_kind_to_key (item->kind),
                              item->partner_name,
                              accord_playbook_to_key (item->playbook));
    }
  g_assert_cmpstr (seen->str, ==,
                   "2026-01-24 task Bluepeak outreach\n"    /* follow-up-3, overdue */
                   "2026-01-31 task Kestrel exit\n"         /* the conversation */
                   "2026-02-02 task Bluepeak outreach\n"    /* follow-up-7, snoozed */
                   "2026-02-04 task Bluepeak outreach\n"    /* follow-up-14 */
                   "2026-02-05 revisit Held \n"
                   "2026-02-07 task Kestrel exit\n"
                   "2026-02-14 task Kestrel exit\n"
                   "2026-02-21 task Kestrel exit\n"
                   "2026-03-02 task Kestrel exit\n"
                   "2026-03-02 task Kestrel exit\n"
                   "2026-03-02 task Kestrel exit\n"
                   "2026-07-21 task Bluepeak outreach\n"    /* the revisit */
                   "2026-12-01 notice Kestrel \n");
  g_assert_cmpuint (groups[ACCORD_DUE_OVERDUE], ==, 1);
  g_assert_cmpuint (groups[ACCORD_DUE_TODAY], ==, 1);
  g_assert_cmpuint (groups[ACCORD_DUE_THIS_WEEK], ==, 4);
  g_assert_cmpuint (groups[ACCORD_DUE_LATER], ==, 7);
  {
    AccordDueItem *notice = g_ptr_array_index (all, all->len - 1);

    g_assert_cmpint (notice->agreement_id, ==, agreement->id);
    g_assert_nonnull (strstr (notice->title, "Referral deal"));
  }

  /* The next 7 days, overdue included. */
  week = due_ok (fixture, 7);
  g_assert_cmpuint (week->len, ==, 6);
  g_assert_cmpstr (((AccordDueItem *) week->pdata[5])->due, ==, "2026-02-07");
  g_clear_pointer (&week, g_ptr_array_unref);
  week = due_ok (fixture, 0);
  g_assert_cmpuint (week->len, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store-work/start-outreach", test_start_outreach);
  ADD ("/store-work/tasks-keep-their-words", test_tasks_keep_their_words);
  ADD ("/store-work/reply-stops-sequence", test_reply_stops_sequence);
  ADD ("/store-work/old-reply", test_old_reply_does_not_stop);
  ADD ("/store-work/activities", test_activities);
  ADD ("/store-work/move-launch", test_move_launch);
  ADD ("/store-work/review-chaining", test_review_chaining);
  ADD ("/store-work/move-review-anchor", test_move_review_anchor);
  ADD ("/store-work/not-interested", test_not_interested);
  ADD ("/store-work/interested", test_interested);
  ADD ("/store-work/revisit-months", test_revisit_months);
  ADD ("/store-work/restart-replaces", test_restart_replaces);
  ADD ("/store-work/validation", test_validation);
  ADD ("/store-work/first-call", test_first_call);
  ADD ("/store-work/tracking-code", test_tracking_code_unique);
  ADD ("/store-work/tracking-link", test_tracking_link);
  ADD ("/store-work/due-list", test_due_list);

  return g_test_run ();
}
