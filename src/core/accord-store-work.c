/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "accord-store-private.h"
#include "accord-validate.h"

/* Guided work in the workspace: the activity log, playbook runs and the
 * tasks they make, and what is due. Every change runs in one transaction
 * and emits "work-changed" with the partner once it is committed.
 *
 * A task keeps what it needs to be re-dated without its table: the run's
 * anchor and its offset. Steps counted in months (reviews, the revisit)
 * are re-dated in months from the anchor, found by the step's key. */

/* Rows */

#define TASK_COLUMNS \
  "id, partner_id, run_id, playbook, step, phase, title, anchor, offset_days, " \
  "due, done_on, snoozed_until, cancelled_on, notes"

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static AccordPlaybook
playbook_from_column (sqlite3_stmt *stmt,
                      int           column)
{
  AccordPlaybook playbook = ACCORD_PLAYBOOK_NONE;

  if (!accord_playbook_from_key ((const char *) sqlite3_column_text (stmt, column), &playbook))
    playbook = ACCORD_PLAYBOOK_NONE;
  return playbook;
}

static AccordTask *
task_from_row (sqlite3_stmt *stmt)
{
  AccordTask *task = accord_task_new (sqlite3_column_int64 (stmt, 1),
                                      (const char *) sqlite3_column_text (stmt, 6),
                                      (const char *) sqlite3_column_text (stmt, 9));

  task->id = sqlite3_column_int64 (stmt, 0);
  task->run_id = sqlite3_column_int64 (stmt, 2);
  task->playbook = playbook_from_column (stmt, 3);
  g_free (task->step);
  task->step = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  g_free (task->phase);
  task->phase = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  g_free (task->anchor);
  task->anchor = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  task->offset_days = sqlite3_column_int (stmt, 8);
  task->done_on = dup_column (stmt, 10);
  task->snoozed_until = dup_column (stmt, 11);
  task->cancelled_on = dup_column (stmt, 12);
  g_free (task->notes);
  task->notes = g_strdup ((const char *) sqlite3_column_text (stmt, 13));
  return task;
}

static AccordRun *
run_from_row (sqlite3_stmt *stmt)
{
  AccordRun *run = g_new0 (AccordRun, 1);

  run->id = sqlite3_column_int64 (stmt, 0);
  run->partner_id = sqlite3_column_int64 (stmt, 1);
  run->playbook = playbook_from_column (stmt, 2);
  run->anchor_date = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  run->name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  run->stopped_on = dup_column (stmt, 5);
  return run;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           column,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

/* Validation */

static gboolean
check_date (const char  *date,
            GError     **error)
{
  if (accord_date_is_valid (date))
    return TRUE;
  g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
               _("“%s” is not a date; write it as YYYY-MM-DD"), date ? date : "");
  return FALSE;
}

static gboolean
check_text (const char  *text,
            int          max_length,
            GError     **error)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    return _accord_store_invalid (error, _("The text is not valid UTF-8"));
  if (g_utf8_strlen (text, -1) > max_length)
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                   _("The text is too long: at most %d characters"), max_length);
      return FALSE;
    }
  return TRUE;
}

static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

/* Months from @anchor to @due when @due is exactly @anchor moved by whole
 * months (the month rule makes each count give its own date); -1 if not. */
static int
months_from_anchor (const char *anchor,
                    const char *due)
{
  int guess;

  if (!accord_date_is_valid (anchor) || !accord_date_is_valid (due))
    return -1;
  guess = (atoi (due) - atoi (anchor)) * 12 + (atoi (due + 5) - atoi (anchor + 5));
  for (int m = guess - 1; m <= guess + 1; m++)
    {
      g_autofree char *date = NULL;

      if (m < 0)
        continue;
      date = accord_date_add_months (anchor, m);
      if (g_strcmp0 (date, due) == 0)
        return m;
    }
  return -1;
}

/* A task's due date from a (new) anchor: months steps in months, the
 * rest by their offset in days. @old_anchor is what it was dated from. */
static char *
redate (const AccordTask *task,
        const char       *old_anchor,
        const char       *new_anchor)
{
  const AccordPlaybookStep *step = accord_playbook_find_step (task->playbook, task->step);

  if (step != NULL && step->unit == ACCORD_OFFSET_MONTHS)
    {
      int months = months_from_anchor (old_anchor, task->due);

      if (months >= 0)
        return accord_date_add_months (new_anchor, months);
    }
  return accord_date_add_days (new_anchor, task->offset_days);
}

/* Statements shared by the functions below */

static gint64
insert_task (AccordStore       *self,
             const AccordTask  *task,
             const char        *now,
             GError           **error)
{
  sqlite3_stmt *stmt = _accord_store_get_stmt (self,
                                               "INSERT INTO task (partner_id, run_id, playbook, step, "
                                               "phase, title, anchor, offset_days, due, done_on, "
                                               "snoozed_until, cancelled_on, notes, created_at) "
                                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                                               "?11, ?12, ?13, ?14)",
                                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, task->partner_id);
  if (task->run_id != 0)
    sqlite3_bind_int64 (stmt, 2, task->run_id);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, accord_playbook_to_key (task->playbook), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, task->step ? task->step : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, task->phase ? task->phase : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, task->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, task->anchor ? task->anchor : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 8, task->offset_days);
  sqlite3_bind_text (stmt, 9, task->due, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 10, task->done_on);
  bind_text_or_null (stmt, 11, task->snoozed_until);
  bind_text_or_null (stmt, 12, task->cancelled_on);
  sqlite3_bind_text (stmt, 13, task->notes ? task->notes : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 14, now, -1, SQLITE_TRANSIENT);
  if (!_accord_store_step_done (self, stmt, _("Could not save the task"), error))
    return 0;
  return sqlite3_last_insert_rowid (_accord_store_get_db (self));
}

/* A task made from a playbook step: its translated title and phase are
 * copied now, and kept. */
static AccordTask *
task_for_step (gint64                    partner_id,
               gint64                    run_id,
               AccordPlaybook            playbook,
               const AccordPlaybookStep *step,
               const char               *anchor_words,
               const char               *anchor_date)
{
  g_autofree char *due = accord_playbook_step_due (step, anchor_date);
  AccordTask *task = accord_task_new (partner_id, _(step->title), due);

  task->run_id = run_id;
  task->playbook = playbook;
  g_free (task->step);
  task->step = g_strdup (step->key);
  g_free (task->phase);
  task->phase = g_strdup (step->phase ? _(step->phase) : "");
  g_free (task->anchor);
  task->anchor = g_strdup (anchor_words);
  task->offset_days = accord_days_between (anchor_date, due);
  return task;
}

static AccordRun *
load_run (AccordStore  *self,
          gint64        run_id,
          GError      **error)
{
  AccordRun *run = NULL;
  sqlite3_stmt *stmt = _accord_store_get_stmt (self,
                                               "SELECT id, partner_id, playbook, anchor_date, name, "
                                               "stopped_on FROM playbook_run WHERE id = ?1",
                                               error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, run_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    run = run_from_row (stmt);
  else if (rc != SQLITE_DONE)
    _accord_store_set_error (self, rc, _("Could not read the workspace"), error);
  else
    _accord_store_invalid (error, _("There is no such playbook"));
  sqlite3_reset (stmt);
  return run;
}

static AccordTask *
load_task (AccordStore  *self,
           gint64        task_id,
           GError      **error)
{
  AccordTask *task = NULL;
  sqlite3_stmt *stmt = _accord_store_get_stmt (self,
                                               "SELECT " TASK_COLUMNS " FROM task WHERE id = ?1",
                                               error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, task_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    task = task_from_row (stmt);
  else if (rc != SQLITE_DONE)
    _accord_store_set_error (self, rc, _("Could not read the workspace"), error);
  else
    _accord_store_invalid (error, _("There is no such task"));
  sqlite3_reset (stmt);
  return task;
}

/* The tasks of a run (all of them), by due date. */
static GPtrArray *
load_run_tasks (AccordStore  *self,
                gint64        run_id,
                GError      **error)
{
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_task_free);
  sqlite3_stmt *stmt = _accord_store_get_stmt (self,
                                               "SELECT " TASK_COLUMNS " FROM task "
                                               "WHERE run_id = ?1 ORDER BY due, id",
                                               error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, run_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tasks, task_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _accord_store_set_error (self, rc, _("Could not read the workspace"), error);
      return NULL;
    }
  return g_steal_pointer (&tasks);
}

static gboolean
update_task_due (AccordStore  *self,
                 gint64        task_id,
                 const char   *due,
                 int           offset_days,
                 const char   *snoozed_until,
                 GError      **error)
{
  sqlite3_stmt *stmt = _accord_store_get_stmt (self,
                                               "UPDATE task SET due = ?1, offset_days = ?2, "
                                               "snoozed_until = ?3 WHERE id = ?4",
                                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, due, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, offset_days);
  bind_text_or_null (stmt, 3, snoozed_until);
  sqlite3_bind_int64 (stmt, 4, task_id);
  return _accord_store_step_done (self, stmt, _("Could not save the task"), error);
}

/* Stops the partner's live outreach runs begun on or before @date: their
 * open follow-ups are cancelled on @date. */
static gboolean
stop_sequences (AccordStore  *self,
                gint64        partner_id,
                const char   *date,
                GError      **error)
{
  const AccordPlaybookStep *steps;
  sqlite3_stmt *stmt;
  guint n;

  steps = accord_playbook_get_steps (ACCORD_PLAYBOOK_OUTREACH, &n);
  for (guint i = 0; i < n; i++)
    {
      if (!steps[i].sequence)
        continue;
      stmt = _accord_store_get_stmt (self,
                                     "UPDATE task SET cancelled_on = ?3 "
                                     "WHERE step = ?4 AND done_on IS NULL AND cancelled_on IS NULL "
                                     "AND run_id IN (SELECT id FROM playbook_run "
                                     "WHERE partner_id = ?1 AND playbook = ?2 "
                                     "AND stopped_on IS NULL AND anchor_date <= ?3)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, partner_id);
      sqlite3_bind_text (stmt, 2, accord_playbook_to_key (ACCORD_PLAYBOOK_OUTREACH), -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, steps[i].key, -1, SQLITE_STATIC);
      if (!_accord_store_step_done (self, stmt, _("Could not save the task"), error))
        return FALSE;
    }

  stmt = _accord_store_get_stmt (self,
                                 "UPDATE playbook_run SET stopped_on = ?3 "
                                 "WHERE partner_id = ?1 AND playbook = ?2 "
                                 "AND stopped_on IS NULL AND anchor_date <= ?3",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, accord_playbook_to_key (ACCORD_PLAYBOOK_OUTREACH), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  return _accord_store_step_done (self, stmt, _("Could not save the playbook"), error);
}

/* Marks the open "first-email" tasks of the partner's live outreach runs
 * begun on or before @date done on @date. */
static gboolean
complete_first_email (AccordStore  *self,
                      gint64        partner_id,
                      const char   *date,
                      GError      **error)
{
  sqlite3_stmt *stmt = _accord_store_get_stmt (self,
                                               "UPDATE task SET done_on = ?2 "
                                               "WHERE step = 'first-email' AND done_on IS NULL "
                                               "AND cancelled_on IS NULL AND run_id IN "
                                               "(SELECT id FROM playbook_run WHERE partner_id = ?1 "
                                               "AND playbook = 'outreach' AND stopped_on IS NULL "
                                               "AND anchor_date <= ?2)",
                                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  return _accord_store_step_done (self, stmt, _("Could not save the task"), error);
}

static gboolean
commit_and_emit (AccordStore    *self,
                 AccordPartner  *partner,
                 GError        **error)
{
  if (!_accord_store_commit (self, error))
    {
      _accord_store_rollback (self);
      return FALSE;
    }
  _accord_store_emit_work_changed (self, partner);
  return TRUE;
}

/* Activities */

gboolean
accord_store_add_activity (AccordStore     *self,
                           AccordActivity  *activity,
                           GError         **error)
{
  g_autofree char *summary = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *now = NULL;
  AccordPartner *partner;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (activity != NULL, FALSE);
  g_return_val_if_fail (activity->id == 0, FALSE);

  partner = _accord_store_live_partner (self, activity->partner_id, error);
  if (partner == NULL)
    return FALSE;
  if ((guint) activity->kind >= ACCORD_N_ACTIVITY_KINDS)
    return _accord_store_invalid (error, _("Unknown kind of activity"));
  if (!check_date (activity->date, error))
    return FALSE;
  summary = trimmed (activity->summary);
  outcome = trimmed (activity->outcome);
  if (!check_text (summary, ACCORD_MAX_TEXT_LENGTH, error) ||
      !check_text (outcome, ACCORD_MAX_TEXT_LENGTH, error))
    return FALSE;

  if (activity->contact_id != 0)
    {
      gboolean found;

      stmt = _accord_store_get_stmt (self,
                                     "SELECT 1 FROM contact WHERE id = ?1 AND partner_id = ?2",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, activity->contact_id);
      sqlite3_bind_int64 (stmt, 2, activity->partner_id);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (!found)
        return _accord_store_invalid (error, _("The contact does not belong to this partner"));
    }

  now = _accord_store_now_utc ();
  if (!_accord_store_begin (self, error))
    return FALSE;

  stmt = _accord_store_get_stmt (self,
                                 "INSERT INTO activity (partner_id, date, kind, contact_id, summary, "
                                 "outcome, is_reply, created_at) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                 error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, activity->partner_id);
  sqlite3_bind_text (stmt, 2, activity->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, accord_activity_kind_to_key (activity->kind), -1, SQLITE_STATIC);
  if (activity->contact_id != 0)
    sqlite3_bind_int64 (stmt, 4, activity->contact_id);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_text (stmt, 5, summary, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, outcome, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 7, activity->is_reply ? 1 : 0);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  if (!_accord_store_step_done (self, stmt, _("Could not save the activity"), error))
    goto fail;
  activity->id = sqlite3_last_insert_rowid (_accord_store_get_db (self));

  /* An email sent, or any answer, shows the first email went out. */
  if ((activity->is_reply || activity->kind == ACCORD_ACTIVITY_EMAIL) &&
      !complete_first_email (self, activity->partner_id, activity->date, error))
    goto fail;
  if (activity->is_reply &&
      !stop_sequences (self, activity->partner_id, activity->date, error))
    goto fail;

  if (!_accord_store_commit (self, error))
    goto fail;

  g_free (activity->summary);
  activity->summary = g_steal_pointer (&summary);
  g_free (activity->outcome);
  activity->outcome = g_steal_pointer (&outcome);
  _accord_store_emit_work_changed (self, partner);
  return TRUE;

fail:
  _accord_store_rollback (self);
  activity->id = 0;
  return FALSE;
}

gboolean
accord_store_delete_activity (AccordStore  *self,
                              gint64        activity_id,
                              GError      **error)
{
  AccordPartner *partner;
  sqlite3_stmt *stmt;
  gint64 partner_id = 0;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);

  stmt = _accord_store_get_stmt (self, "SELECT partner_id FROM activity WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    partner_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (partner_id == 0)
    return _accord_store_invalid (error, _("There is no such activity"));
  partner = _accord_store_live_partner (self, partner_id, error);
  if (partner == NULL)
    return FALSE;

  stmt = _accord_store_get_stmt (self, "DELETE FROM activity WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  if (!_accord_store_step_done (self, stmt, _("Could not delete the activity"), error))
    return FALSE;
  _accord_store_emit_work_changed (self, partner);
  return TRUE;
}

GPtrArray *
accord_store_list_activities (AccordStore    *self,
                              AccordPartner  *partner,
                              GError        **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  stmt = _accord_store_get_stmt (self,
                                 "SELECT id, partner_id, date, kind, contact_id, summary, outcome, "
                                 "is_reply FROM activity WHERE partner_id = ?1 "
                                 "ORDER BY date DESC, id DESC",
                                 error);
  if (stmt == NULL)
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_activity_free);
  sqlite3_bind_int64 (stmt, 1, accord_partner_get_id (partner));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordActivityKind kind = ACCORD_ACTIVITY_NOTE;
      AccordActivity *activity;

      if (!accord_activity_kind_from_key ((const char *) sqlite3_column_text (stmt, 3), &kind))
        kind = ACCORD_ACTIVITY_NOTE;
      activity = accord_activity_new (sqlite3_column_int64 (stmt, 1), kind,
                                      (const char *) sqlite3_column_text (stmt, 2));
      activity->id = sqlite3_column_int64 (stmt, 0);
      activity->contact_id = sqlite3_column_int64 (stmt, 4);
      g_free (activity->summary);
      activity->summary = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_free (activity->outcome);
      activity->outcome = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      activity->is_reply = sqlite3_column_int (stmt, 7) != 0;
      g_ptr_array_add (list, activity);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _accord_store_set_error (self, rc, _("Could not read the workspace"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

char *
accord_store_dup_last_contact (AccordStore   *self,
                               AccordPartner *partner)
{
  sqlite3_stmt *stmt;
  char *date = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  stmt = _accord_store_get_stmt (self,
                                 "SELECT max(date) FROM activity WHERE partner_id = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, accord_partner_get_id (partner));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    date = dup_column (stmt, 0);
  sqlite3_reset (stmt);
  return date;
}

/* Playbooks */

static const char *
anchor_words (AccordPlaybook playbook)
{
  switch (playbook)
    {
    case ACCORD_PLAYBOOK_OUTREACH:
      return _("the first email");
    case ACCORD_PLAYBOOK_LAUNCH:
      return _("the launch date");
    case ACCORD_PLAYBOOK_REVIEWS:
      return _("the start of the partnership");
    case ACCORD_PLAYBOOK_EXIT:
      return _("the decision to end it");
    case ACCORD_PLAYBOOK_NONE:
    case ACCORD_N_PLAYBOOKS:
    default:
      return "";
    }
}

/* Ends the partner's earlier runs of @playbook: a new run replaces them,
 * and their open tasks are cancelled on @today. */
static gboolean
replace_runs (AccordStore  *self,
              gint64        partner_id,
              const char   *playbook_key,
              const char   *today,
              GError      **error)
{
  sqlite3_stmt *stmt = _accord_store_get_stmt (self,
                                               "UPDATE task SET cancelled_on = ?3 "
                                               "WHERE done_on IS NULL AND cancelled_on IS NULL "
                                               "AND run_id IN (SELECT id FROM playbook_run "
                                               "WHERE partner_id = ?1 AND playbook = ?2)",
                                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, playbook_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, today, -1, SQLITE_TRANSIENT);
  if (!_accord_store_step_done (self, stmt, _("Could not save the task"), error))
    return FALSE;

  stmt = _accord_store_get_stmt (self,
                                 "UPDATE playbook_run SET stopped_on = ?3 "
                                 "WHERE partner_id = ?1 AND playbook = ?2 AND stopped_on IS NULL",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, playbook_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, today, -1, SQLITE_TRANSIENT);
  return _accord_store_step_done (self, stmt, _("Could not save the playbook"), error);
}

gint64
accord_store_start_playbook (AccordStore     *self,
                             AccordPartner   *partner,
                             AccordPlaybook   playbook,
                             const char      *anchor_date,
                             const char      *name,
                             GError         **error)
{
  g_autofree char *clean_name = NULL;
  g_autofree char *now = NULL;
  const AccordPlaybookStep *steps;
  const char *today;
  sqlite3_stmt *stmt;
  gint64 partner_id;
  gint64 run_id;
  guint n_steps;

  g_return_val_if_fail (ACCORD_IS_STORE (self), 0);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), 0);

  partner_id = accord_partner_get_id (partner);
  if (_accord_store_live_partner (self, partner_id, error) == NULL)
    return 0;
  if (playbook == ACCORD_PLAYBOOK_NONE || (guint) playbook >= ACCORD_N_PLAYBOOKS)
    {
      _accord_store_invalid (error, _("Unknown playbook"));
      return 0;
    }
  today = accord_store_get_today (self);
  if (anchor_date == NULL)
    anchor_date = today;
  if (!check_date (anchor_date, error))
    return 0;
  clean_name = trimmed (name);
  if (!check_text (clean_name, ACCORD_MAX_NAME_LENGTH, error))
    return 0;
  /* A launch needs a name for its links' campaign; one is made up when
   * the user gives none. */
  if (playbook == ACCORD_PLAYBOOK_LAUNCH && *clean_name == '\0')
    {
      g_free (clean_name);
      clean_name = g_strdup_printf ("%s %.7s", accord_partner_get_name (partner), anchor_date);
    }

  steps = accord_playbook_get_steps (playbook, &n_steps);
  now = _accord_store_now_utc ();
  if (!_accord_store_begin (self, error))
    return 0;

  if (!replace_runs (self, partner_id, accord_playbook_to_key (playbook), today, error))
    goto fail;

  stmt = _accord_store_get_stmt (self,
                                 "INSERT INTO playbook_run (partner_id, playbook, anchor_date, name, "
                                 "created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                                 error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, accord_playbook_to_key (playbook), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, anchor_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, clean_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (!_accord_store_step_done (self, stmt, _("Could not save the playbook"), error))
    goto fail;
  run_id = sqlite3_last_insert_rowid (_accord_store_get_db (self));

  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(AccordTask) task = task_for_step (partner_id, run_id, playbook, &steps[i],
                                                  anchor_words (playbook), anchor_date);

      if (task->due == NULL)
        {
          _accord_store_invalid (error, _("The playbook's dates fall outside the calendar"));
          goto fail;
        }
      if (insert_task (self, task, now, error) == 0)
        goto fail;
    }

  if (!commit_and_emit (self, partner, error))
    return 0;
  return run_id;

fail:
  _accord_store_rollback (self);
  return 0;
}

gboolean
accord_store_move_anchor (AccordStore  *self,
                          gint64        run_id,
                          const char   *anchor_date,
                          GError      **error)
{
  g_autoptr(AccordRun) run = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  AccordPartner *partner;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);

  if (!check_date (anchor_date, error))
    return FALSE;
  run = load_run (self, run_id, error);
  if (run == NULL)
    return FALSE;
  partner = _accord_store_live_partner (self, run->partner_id, error);
  if (partner == NULL)
    return FALSE;
  tasks = load_run_tasks (self, run_id, error);
  if (tasks == NULL)
    return FALSE;

  if (!_accord_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < tasks->len; i++)
    {
      AccordTask *task = g_ptr_array_index (tasks, i);
      g_autofree char *due = NULL;
      const char *snooze;

      /* Done and cancelled tasks are history: they keep their dates. */
      if (task->done_on != NULL || task->cancelled_on != NULL)
        continue;
      due = redate (task, run->anchor_date, anchor_date);
      if (due == NULL)
        {
          _accord_store_invalid (error, _("The playbook's dates fall outside the calendar"));
          goto fail;
        }
      /* A snooze still means something only if it is after the new date. */
      snooze = task->snoozed_until;
      if (snooze != NULL && strcmp (snooze, due) <= 0)
        snooze = NULL;
      if (!update_task_due (self, task->id, due, accord_days_between (anchor_date, due), snooze,
                            error))
        goto fail;
    }

  stmt = _accord_store_get_stmt (self,
                                 "UPDATE playbook_run SET anchor_date = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, anchor_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, run_id);
  if (!_accord_store_step_done (self, stmt, _("Could not save the playbook"), error))
    goto fail;

  return commit_and_emit (self, partner, error);

fail:
  _accord_store_rollback (self);
  return FALSE;
}

GPtrArray *
accord_store_list_runs (AccordStore    *self,
                        AccordPartner  *partner,
                        GError        **error)
{
  g_autoptr(GPtrArray) runs = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  stmt = _accord_store_get_stmt (self,
                                 "SELECT id, partner_id, playbook, anchor_date, name, stopped_on "
                                 "FROM playbook_run WHERE partner_id = ?1 ORDER BY id",
                                 error);
  if (stmt == NULL)
    return NULL;
  runs = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_run_free);
  sqlite3_bind_int64 (stmt, 1, accord_partner_get_id (partner));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (runs, run_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _accord_store_set_error (self, rc, _("Could not read the workspace"), error);
      return NULL;
    }
  return g_steal_pointer (&runs);
}

/* Tasks */

GPtrArray *
accord_store_list_tasks (AccordStore    *self,
                         AccordPartner  *partner,
                         GError        **error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  stmt = _accord_store_get_stmt (self,
                                 "SELECT " TASK_COLUMNS " FROM task "
                                 "WHERE partner_id = ?1 AND cancelled_on IS NULL "
                                 "ORDER BY due, id",
                                 error);
  if (stmt == NULL)
    return NULL;
  tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_task_free);
  sqlite3_bind_int64 (stmt, 1, accord_partner_get_id (partner));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tasks, task_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _accord_store_set_error (self, rc, _("Could not read the workspace"), error);
      return NULL;
    }
  return g_steal_pointer (&tasks);
}

gboolean
accord_store_add_task (AccordStore  *self,
                       AccordTask   *task,
                       GError      **error)
{
  g_autofree char *title = NULL;
  g_autofree char *now = NULL;
  g_autoptr(AccordTask) clean = NULL;
  AccordPartner *partner;
  gint64 id;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (task != NULL, FALSE);
  g_return_val_if_fail (task->id == 0, FALSE);

  partner = _accord_store_live_partner (self, task->partner_id, error);
  if (partner == NULL)
    return FALSE;
  title = trimmed (task->title);
  if (*title == '\0')
    return _accord_store_invalid (error, _("A task needs a title"));
  if (!check_text (title, ACCORD_MAX_NAME_LENGTH, error) ||
      !check_text (task->notes, ACCORD_MAX_NOTES_LENGTH, error) ||
      !check_text (task->phase, ACCORD_MAX_NAME_LENGTH, error) ||
      !check_text (task->anchor, ACCORD_MAX_NAME_LENGTH, error) ||
      !check_text (task->step, ACCORD_MAX_NAME_LENGTH, error))
    return FALSE;
  if ((guint) task->playbook >= ACCORD_N_PLAYBOOKS)
    return _accord_store_invalid (error, _("Unknown playbook"));
  if (!check_date (task->due, error))
    return FALSE;
  if ((task->done_on != NULL && !check_date (task->done_on, error)) ||
      (task->snoozed_until != NULL && !check_date (task->snoozed_until, error)) ||
      (task->cancelled_on != NULL && !check_date (task->cancelled_on, error)))
    return FALSE;
  if (task->run_id != 0)
    {
      g_autoptr(AccordRun) run = load_run (self, task->run_id, error);

      if (run == NULL)
        return FALSE;
      if (run->partner_id != task->partner_id)
        return _accord_store_invalid (error, _("The playbook belongs to another partner"));
    }

  clean = accord_task_copy (task);
  g_free (clean->title);
  clean->title = g_steal_pointer (&title);

  now = _accord_store_now_utc ();
  if (!_accord_store_begin (self, error))
    return FALSE;
  id = insert_task (self, clean, now, error);
  if (id == 0)
    {
      _accord_store_rollback (self);
      return FALSE;
    }
  if (!commit_and_emit (self, partner, error))
    return FALSE;

  task->id = id;
  g_free (task->title);
  task->title = g_strdup (clean->title);
  return TRUE;
}

/* For a review task: the date of the next one of its kind, k + 1 periods
 * from the run's anchor; NULL when @task does not repeat. */
static char *
next_review_due (const AccordTask *task,
                 const AccordRun  *run)
{
  const AccordPlaybookStep *step;
  int months;
  int k;

  if (task->playbook != ACCORD_PLAYBOOK_REVIEWS || run == NULL)
    return NULL;
  step = accord_playbook_find_step (task->playbook, task->step);
  if (step == NULL || step->repeat_months <= 0)
    return NULL;
  months = months_from_anchor (run->anchor_date, task->due);
  if (months < 0)
    return NULL;
  k = months / step->repeat_months;
  return accord_date_add_months (run->anchor_date, (k + 1) * step->repeat_months);
}

gboolean
accord_store_set_task_done (AccordStore  *self,
                            gint64        task_id,
                            gboolean      done,
                            GError      **error)
{
  g_autoptr(AccordTask) task = NULL;
  g_autoptr(AccordRun) run = NULL;
  g_autofree char *next_due = NULL;
  g_autofree char *now = NULL;
  AccordPartner *partner;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);

  task = load_task (self, task_id, error);
  if (task == NULL)
    return FALSE;
  partner = _accord_store_live_partner (self, task->partner_id, error);
  if (partner == NULL)
    return FALSE;
  if (task->cancelled_on != NULL)
    return _accord_store_invalid (error, _("This task was cancelled"));
  /* Nothing to do: already in that state. */
  if ((task->done_on != NULL) == (done != FALSE))
    return TRUE;

  if (task->run_id != 0)
    {
      run = load_run (self, task->run_id, error);
      if (run == NULL)
        return FALSE;
      next_due = next_review_due (task, run);
    }

  now = _accord_store_now_utc ();
  if (!_accord_store_begin (self, error))
    return FALSE;

  stmt = _accord_store_get_stmt (self, "UPDATE task SET done_on = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    goto fail;
  bind_text_or_null (stmt, 1, done ? accord_store_get_today (self) : NULL);
  sqlite3_bind_int64 (stmt, 2, task_id);
  if (!_accord_store_step_done (self, stmt, _("Could not save the task"), error))
    goto fail;

  if (next_due != NULL && done)
    {
      gboolean exists;

      /* Once per period: completing, undoing and completing again makes
       * no second one. */
      stmt = _accord_store_get_stmt (self,
                                     "SELECT 1 FROM task WHERE run_id = ?1 AND step = ?2 "
                                     "AND due = ?3 AND cancelled_on IS NULL",
                                     error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, task->run_id);
      sqlite3_bind_text (stmt, 2, task->step, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, next_due, -1, SQLITE_TRANSIENT);
      exists = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);

      if (!exists)
        {
          g_autoptr(AccordTask) next = accord_task_copy (task);

          next->id = 0;
          g_free (next->due);
          next->due = g_strdup (next_due);
          next->offset_days = accord_days_between (run->anchor_date, next_due);
          g_clear_pointer (&next->done_on, g_free);
          g_clear_pointer (&next->snoozed_until, g_free);
          g_free (next->notes);
          next->notes = g_strdup ("");
          if (insert_task (self, next, now, error) == 0)
            goto fail;
        }
    }
  else if (next_due != NULL && !done)
    {
      /* Undo: the next one goes again, unless the user has touched it. */
      stmt = _accord_store_get_stmt (self,
                                     "DELETE FROM task WHERE run_id = ?1 AND step = ?2 AND due = ?3 "
                                     "AND done_on IS NULL AND cancelled_on IS NULL "
                                     "AND snoozed_until IS NULL AND notes = ''",
                                     error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, task->run_id);
      sqlite3_bind_text (stmt, 2, task->step, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, next_due, -1, SQLITE_TRANSIENT);
      if (!_accord_store_step_done (self, stmt, _("Could not save the task"), error))
        goto fail;
    }

  return commit_and_emit (self, partner, error);

fail:
  _accord_store_rollback (self);
  return FALSE;
}

gboolean
accord_store_snooze_task (AccordStore  *self,
                          gint64        task_id,
                          const char   *until,
                          GError      **error)
{
  g_autoptr(AccordTask) task = NULL;
  AccordPartner *partner;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);

  if (until != NULL && *until == '\0')
    until = NULL;
  if (until != NULL)
    {
      if (!check_date (until, error))
        return FALSE;
      if (strcmp (until, accord_store_get_today (self)) <= 0)
        return _accord_store_invalid (error, _("Snooze it until a day after today"));
    }
  task = load_task (self, task_id, error);
  if (task == NULL)
    return FALSE;
  partner = _accord_store_live_partner (self, task->partner_id, error);
  if (partner == NULL)
    return FALSE;

  stmt = _accord_store_get_stmt (self, "UPDATE task SET snoozed_until = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  bind_text_or_null (stmt, 1, until);
  sqlite3_bind_int64 (stmt, 2, task_id);
  if (!_accord_store_step_done (self, stmt, _("Could not save the task"), error))
    return FALSE;
  _accord_store_emit_work_changed (self, partner);
  return TRUE;
}

gboolean
accord_store_set_task_notes (AccordStore  *self,
                             gint64        task_id,
                             const char   *notes,
                             GError      **error)
{
  g_autoptr(AccordTask) task = NULL;
  AccordPartner *partner;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);

  if (!check_text (notes, ACCORD_MAX_NOTES_LENGTH, error))
    return FALSE;
  task = load_task (self, task_id, error);
  if (task == NULL)
    return FALSE;
  partner = _accord_store_live_partner (self, task->partner_id, error);
  if (partner == NULL)
    return FALSE;

  stmt = _accord_store_get_stmt (self, "UPDATE task SET notes = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, notes ? notes : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, task_id);
  if (!_accord_store_step_done (self, stmt, _("Could not save the notes"), error))
    return FALSE;
  _accord_store_emit_work_changed (self, partner);
  return TRUE;
}

/* Outreach specifics */

gboolean
accord_store_set_revisit_months (AccordStore  *self,
                                 gint64        run_id,
                                 int           months,
                                 GError      **error)
{
  g_autoptr(AccordRun) run = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  AccordPartner *partner;
  gboolean found = FALSE;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);

  if (months < ACCORD_REVISIT_MIN_MONTHS || months > ACCORD_REVISIT_MAX_MONTHS)
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                   _("The revisit can be %d to %d months out"),
                   ACCORD_REVISIT_MIN_MONTHS, ACCORD_REVISIT_MAX_MONTHS);
      return FALSE;
    }
  run = load_run (self, run_id, error);
  if (run == NULL)
    return FALSE;
  if (run->playbook != ACCORD_PLAYBOOK_OUTREACH)
    return _accord_store_invalid (error, _("Only outreach has a revisit date"));
  partner = _accord_store_live_partner (self, run->partner_id, error);
  if (partner == NULL)
    return FALSE;
  tasks = load_run_tasks (self, run_id, error);
  if (tasks == NULL)
    return FALSE;

  if (!_accord_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < tasks->len; i++)
    {
      AccordTask *task = g_ptr_array_index (tasks, i);
      g_autofree char *due = NULL;

      if (g_strcmp0 (task->step, "revisit") != 0 ||
          task->done_on != NULL || task->cancelled_on != NULL)
        continue;
      due = accord_date_add_months (run->anchor_date, months);
      if (due == NULL ||
          !update_task_due (self, task->id, due, accord_days_between (run->anchor_date, due),
                            NULL, error))
        goto fail;
      found = TRUE;
    }
  if (!found)
    {
      _accord_store_invalid (error, _("This outreach has no open revisit"));
      goto fail;
    }
  return commit_and_emit (self, partner, error);

fail:
  _accord_store_rollback (self);
  return FALSE;
}

/* The partner's latest outreach run and its anchor, or 0. */
static gint64
latest_outreach_run (AccordStore  *self,
                     gint64        partner_id,
                     char        **anchor_date)
{
  sqlite3_stmt *stmt = _accord_store_get_stmt (self,
                                               "SELECT id, anchor_date FROM playbook_run "
                                               "WHERE partner_id = ?1 AND playbook = 'outreach' "
                                               "ORDER BY id DESC LIMIT 1",
                                               NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      *anchor_date = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  return id;
}

/* A task of the outreach run @run_id (or none) that is not from its table. */
static AccordTask *
outreach_task (gint64      partner_id,
               gint64      run_id,
               const char *run_anchor,
               const char *step,
               const char *phase,
               const char *title,
               const char *due)
{
  AccordTask *task = accord_task_new (partner_id, title, due);

  task->run_id = run_id;
  task->playbook = ACCORD_PLAYBOOK_OUTREACH;
  g_free (task->step);
  task->step = g_strdup (step);
  g_free (task->phase);
  task->phase = g_strdup (phase);
  g_free (task->anchor);
  task->anchor = g_strdup (run_anchor ? _("the first email") : "");
  task->offset_days = run_anchor ? accord_days_between (run_anchor, due) : 0;
  return task;
}

gint64
accord_store_plan_first_call (AccordStore    *self,
                              AccordPartner  *partner,
                              const char     *date,
                              GError        **error)
{
  g_autofree char *run_anchor = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GString) agenda = g_string_new (NULL);
  const AccordAgendaItem *items;
  const char * const *questions;
  gint64 partner_id;
  gint64 run_id;
  gint64 call_id;
  guint n;

  g_return_val_if_fail (ACCORD_IS_STORE (self), 0);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), 0);

  partner_id = accord_partner_get_id (partner);
  if (_accord_store_live_partner (self, partner_id, error) == NULL)
    return 0;
  if (date == NULL)
    date = accord_store_get_today (self);
  if (!check_date (date, error))
    return 0;

  /* The agenda goes in the call's notes, in the words of the day. */
  items = accord_first_call_agenda (&n);
  for (guint i = 0; i < n; i++)
    /* TRANSLATORS: an agenda line of the first call: minutes, then what. */
    g_string_append_printf (agenda, _("%d–%d min: %s\n"), items[i].from_minute,
                            items[i].to_minute, _(items[i].title));

  run_id = latest_outreach_run (self, partner_id, &run_anchor);
  now = _accord_store_now_utc ();
  if (!_accord_store_begin (self, error))
    return 0;

  {
    g_autoptr(AccordTask) call = outreach_task (partner_id, run_id, run_anchor, "first-call",
                                                _("First call"), _("Have the first call"), date);

    g_free (call->notes);
    call->notes = g_strdup (agenda->str);
    call_id = insert_task (self, call, now, error);
    if (call_id == 0)
      goto fail;
  }

  questions = accord_discovery_questions (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *step = g_strdup_printf ("discovery-%u", i + 1);
      g_autoptr(AccordTask) question = outreach_task (partner_id, run_id, run_anchor, step,
                                                      _("First call"),
                                                      _(questions[i]),
                                                      date);

      if (insert_task (self, question, now, error) == 0)
        goto fail;
    }

  if (!commit_and_emit (self, partner, error))
    return 0;
  return call_id;

fail:
  _accord_store_rollback (self);
  return 0;
}

gboolean
accord_store_record_outcome (AccordStore    *self,
                             AccordPartner  *partner,
                             gboolean        interested,
                             const char     *date,
                             GError        **error)
{
  g_autofree char *run_anchor = NULL;
  g_autofree char *now = NULL;
  g_autofree char *next_day = NULL;
  g_autofree char *revisit = NULL;
  gboolean hold = FALSE;
  gint64 partner_id;
  gint64 run_id;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), FALSE);

  partner_id = accord_partner_get_id (partner);
  if (_accord_store_live_partner (self, partner_id, error) == NULL)
    return FALSE;
  if (date == NULL)
    date = accord_store_get_today (self);
  if (!check_date (date, error))
    return FALSE;
  next_day = accord_date_add_days (date, 1);

  if (!interested)
    {
      AccordStage stage = accord_partner_get_stage (partner);
      const char *since = accord_partner_get_stage_since (partner);

      /* A partner already on hold (or ended) keeps its stage; otherwise the
       * move must be possible before anything is written. */
      if (stage != ACCORD_STAGE_ON_HOLD && stage != ACCORD_STAGE_ENDED)
        {
          if (!accord_stage_can_move (stage, ACCORD_STAGE_ON_HOLD,
                                      accord_partner_get_held_from (partner), error))
            return FALSE;
          if (since != NULL && strcmp (date, since) < 0)
            {
              g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                           _("The outcome cannot be dated %s, before the current stage began on %s"),
                           date, since);
              return FALSE;
            }
          hold = TRUE;
          revisit = accord_date_add_months (date, ACCORD_REVISIT_DEFAULT_MONTHS);
        }
    }

  run_id = latest_outreach_run (self, partner_id, &run_anchor);
  now = _accord_store_now_utc ();
  if (!_accord_store_begin (self, error))
    return FALSE;

  if (!stop_sequences (self, partner_id, date, error))
    goto fail;

  if (interested)
    {
      g_autoptr(AccordTask) task = outreach_task (partner_id, run_id, run_anchor,
                                                  "outcome-follow-up", _("Outcome"),
                                                  _("Sum up the call and propose dates"),
                                                  next_day);
      if (insert_task (self, task, now, error) == 0)
        goto fail;
    }
  else
    {
      static const struct { const char *step; const char *title; } steps[] = {
        { "outcome-thanks", N_("Thank them for their time") },
        { "outcome-ask-why", N_("Ask what made it a no") },
        { "outcome-ask-referrals", N_("Ask whether they know other partners for us") },
      };

      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        {
          g_autoptr(AccordTask) task = outreach_task (partner_id, run_id, run_anchor,
                                                      steps[i].step, _("Outcome"),
                                                      _(steps[i].title), next_day);
          if (insert_task (self, task, now, error) == 0)
            goto fail;
        }
    }

  if (!_accord_store_commit (self, error))
    goto fail;

  /* The hold is its own change, with its own transaction and signal. */
  if (hold &&
      !accord_store_move_partner (self, partner, ACCORD_STAGE_ON_HOLD, date,
                                  _("Not interested for now"), revisit, error))
    {
      _accord_store_emit_work_changed (self, partner);
      return FALSE;
    }

  _accord_store_emit_work_changed (self, partner);
  return TRUE;

fail:
  _accord_store_rollback (self);
  return FALSE;
}

/* Tracking */

static gboolean
code_taken (AccordStore  *self,
            const char   *code,
            gboolean     *taken,
            GError      **error)
{
  sqlite3_stmt *stmt = _accord_store_get_stmt (self,
                                               "SELECT 1 FROM partner WHERE tracking_code = ?1",
                                               error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _accord_store_set_error (self, rc, _("Could not read the workspace"), error);
  *taken = rc == SQLITE_ROW;
  return TRUE;
}

char *
accord_store_dup_tracking_code (AccordStore    *self,
                                AccordPartner  *partner,
                                GError        **error)
{
  g_autofree char *base = NULL;
  g_autofree char *code = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  stmt = _accord_store_get_stmt (self, "SELECT tracking_code FROM partner WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, accord_partner_get_id (partner));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    code = dup_column (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        _accord_store_invalid (error, _("There is no such partner"));
      else
        _accord_store_set_error (self, rc, _("Could not read the workspace"), error);
      return NULL;
    }
  if (code != NULL)
    return g_steal_pointer (&code);

  if (!_accord_store_begin (self, error))
    return NULL;

  /* The name's code, or the first of name-2, name-3... still free; the
   * suffix fits in the 32 characters by shortening the name part. */
  base = accord_tracking_code_from_name (accord_partner_get_name (partner));
  for (guint n = 1; ; n++)
    {
      gboolean taken = TRUE;

      g_free (code);
      if (n == 1)
        code = g_strdup (base);
      else
        {
          g_autofree char *suffix = g_strdup_printf ("-%u", n);
          g_autofree char *head = g_strndup (base, MAX (1, 32 - (int) strlen (suffix)));
          gsize len = strlen (head);

          while (len > 1 && head[len - 1] == '-')
            head[--len] = '\0';
          code = g_strconcat (head, suffix, NULL);
        }
      if (!code_taken (self, code, &taken, error))
        goto fail;
      if (!taken)
        break;
    }

  stmt = _accord_store_get_stmt (self, "UPDATE partner SET tracking_code = ?1 WHERE id = ?2",
                                 error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, accord_partner_get_id (partner));
  if (!_accord_store_step_done (self, stmt, _("Could not save the tracking code"), error) ||
      !commit_and_emit (self, partner, error))
    goto fail;
  return g_steal_pointer (&code);

fail:
  _accord_store_rollback (self);
  return NULL;
}

/* What is due */

static AccordDueItem *
due_item_new (AccordDueKind   kind,
              AccordPartner  *partner,
              const char     *title,
              const char     *due)
{
  AccordDueItem *item = g_new0 (AccordDueItem, 1);

  item->kind = kind;
  item->partner_id = accord_partner_get_id (partner);
  item->partner_name = g_strdup (accord_partner_get_name (partner));
  item->title = g_strdup (title);
  item->due = g_strdup (due);
  item->playbook = ACCORD_PLAYBOOK_NONE;
  return item;
}

/* @name_keys maps each partner name to its collation key, made once per
 * name: collating the names again on every comparison made the sort most
 * of the work with thousands of items. */
static int
compare_due (gconstpointer a,
             gconstpointer b,
             gpointer      name_keys)
{
  const AccordDueItem *x = *(AccordDueItem * const *) a;
  const AccordDueItem *y = *(AccordDueItem * const *) b;
  int c;

  if ((c = strcmp (x->due, y->due)) != 0)
    return c;
  if ((c = strcmp (g_hash_table_lookup (name_keys, x->partner_name),
                   g_hash_table_lookup (name_keys, y->partner_name))) != 0)
    return c;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (x->task_id != y->task_id)
    return x->task_id < y->task_id ? -1 : 1;
  return g_utf8_collate (x->title, y->title);
}

static gboolean
add_due_tasks (AccordStore  *self,
               GPtrArray    *items,
               const char   *limit,
               GError      **error)
{
  /* One query for every partner; trashed partners' tasks stay out. */
  sqlite3_stmt *stmt = _accord_store_get_stmt (self,
                                               "SELECT t.id, t.partner_id, t.title, "
                                               "coalesce(t.snoozed_until, t.due) AS shown, "
                                               "t.playbook FROM task t "
                                               "JOIN partner p ON p.id = t.partner_id "
                                               "WHERE t.done_on IS NULL AND t.cancelled_on IS NULL "
                                               "AND p.trashed_at IS NULL "
                                               "AND (?1 IS NULL OR shown <= ?1) "
                                               "ORDER BY shown, t.id",
                                               error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_text_or_null (stmt, 1, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordPartner *partner = accord_store_lookup_partner (self, sqlite3_column_int64 (stmt, 1));
      AccordDueItem *item;

      if (partner == NULL || accord_partner_get_trashed_at (partner) != NULL)
        continue;
      item = due_item_new (ACCORD_DUE_TASK, partner,
                           (const char *) sqlite3_column_text (stmt, 2),
                           (const char *) sqlite3_column_text (stmt, 3));
      item->task_id = sqlite3_column_int64 (stmt, 0);
      item->playbook = playbook_from_column (stmt, 4);
      g_ptr_array_add (items, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _accord_store_set_error (self, rc, _("Could not read the workspace"), error);
  return TRUE;
}

static gboolean
add_due_notices (AccordStore  *self,
                 GPtrArray    *items,
                 const char   *today,
                 const char   *limit,
                 GError      **error)
{
  g_autoptr(GPtrArray) agreements = accord_store_list_all_agreements (self, error);

  if (agreements == NULL)
    return FALSE;
  for (guint i = 0; i < agreements->len; i++)
    {
      AccordAgreement *agreement = g_ptr_array_index (agreements, i);
      g_autofree char *deadline = NULL;
      g_autofree char *end = NULL;
      g_autofree char *title = NULL;
      AccordPartner *partner;
      AccordDueItem *item;

      if (agreement->status != ACCORD_AGREEMENT_ACTIVE)
        continue;
      partner = accord_store_lookup_partner (self, agreement->partner_id);
      if (partner == NULL || accord_partner_get_trashed_at (partner) != NULL)
        continue;
      deadline = accord_agreement_notice_deadline (agreement, today);
      if (deadline == NULL || (limit != NULL && strcmp (deadline, limit) > 0))
        continue;
      /* A missed deadline stays on the list until the term it was for ends. */
      end = accord_agreement_end_of_term (agreement);
      if (strcmp (deadline, today) < 0 && end != NULL && strcmp (end, today) < 0)
        continue;

      if (agreement->title != NULL && *agreement->title != '\0')
        title = g_strdup_printf (_("Last day to give notice on “%s”"), agreement->title);
      else
        title = g_strdup (_("Last day to give notice on the agreement"));
      item = due_item_new (ACCORD_DUE_NOTICE, partner, title, deadline);
      item->agreement_id = agreement->id;
      g_ptr_array_add (items, item);
    }
  return TRUE;
}

static void
add_due_revisits (AccordStore *self,
                  GPtrArray   *items,
                  const char  *limit)
{
  GListModel *partners = accord_store_get_partners (self);
  guint n = g_list_model_get_n_items (partners);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordPartner) partner = g_list_model_get_item (partners, i);
      const char *revisit;

      if (accord_partner_get_stage (partner) != ACCORD_STAGE_ON_HOLD)
        continue;
      revisit = accord_partner_get_revisit_on (partner);
      if (revisit == NULL || (limit != NULL && strcmp (revisit, limit) > 0))
        continue;
      g_ptr_array_add (items, due_item_new (ACCORD_DUE_REVISIT, partner,
                                            _("Revisit this partner on hold"), revisit));
    }
}

GPtrArray *
accord_store_list_due (AccordStore  *self,
                       int           days,
                       GError      **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *limit = NULL;
  const char *today;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  today = accord_store_get_today (self);
  if (days >= 0)
    limit = accord_date_add_days (today, days);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_due_item_free);
  if (!add_due_tasks (self, items, limit, error) ||
      !add_due_notices (self, items, today, limit, error))
    return NULL;
  add_due_revisits (self, items, limit);

  {
    g_autoptr(GHashTable) name_keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

    for (guint i = 0; i < items->len; i++)
      {
        const AccordDueItem *item = g_ptr_array_index (items, i);

        if (!g_hash_table_contains (name_keys, item->partner_name))
          g_hash_table_insert (name_keys, item->partner_name,
                               g_utf8_collate_key (item->partner_name, -1));
      }
    g_ptr_array_sort_with_data (items, compare_due, name_keys);
  }
  return g_steal_pointer (&items);
}

/* Templates and links */

/* The name of the partner's latest launch, or NULL. */
static char *
dup_launch_name (AccordStore *self,
                 gint64       partner_id)
{
  sqlite3_stmt *stmt = _accord_store_get_stmt (self,
                                               "SELECT name FROM playbook_run "
                                               "WHERE partner_id = ?1 AND playbook = 'launch' "
                                               "ORDER BY id DESC LIMIT 1",
                                               NULL);
  char *name = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = dup_column (stmt, 0);
  sqlite3_reset (stmt);
  return name;
}

void
accord_store_fill_template (AccordStore     *self,
                            AccordPartner   *partner,
                            AccordTemplate   t,
                            AccordFilled    *out,
                            GPtrArray       *missing,
                            char           **to)
{
  g_autofree char *our_company = NULL;
  g_autofree char *first_name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *launch = NULL;
  AccordMergeFields fields = { NULL, };
  GListModel *contacts;
  const char *benefits;

  g_return_if_fail (ACCORD_IS_STORE (self));
  g_return_if_fail (ACCORD_IS_PARTNER (partner));
  g_return_if_fail (out != NULL);

  /* The primary contact comes first. */
  contacts = accord_store_get_contacts (self, partner);
  if (contacts != NULL && g_list_model_get_n_items (contacts) > 0)
    {
      g_autoptr(AccordContact) contact = g_list_model_get_item (contacts, 0);
      g_autofree char *name = g_strstrip (g_strdup (accord_contact_get_name (contact)));
      const char *address = accord_contact_get_email (contact);
      const char *space = strpbrk (name, " \t");

      first_name = space ? g_strndup (name, space - name) : g_strdup (name);
      if (address != NULL && *address != '\0')
        email = g_strdup (address);
    }

  our_company = accord_store_dup_setting (self, ACCORD_SETTING_OUR_COMPANY);
  launch = dup_launch_name (self, accord_partner_get_id (partner));
  benefits = accord_partner_get_text (partner, ACCORD_PARTNER_FIELD_THEIR_GAINS);
  if (benefits == NULL || *benefits == '\0')
    benefits = accord_partner_get_text (partner, ACCORD_PARTNER_FIELD_OUR_OFFERINGS);

  fields.partner = accord_partner_get_name (partner);
  fields.first_name = first_name;
  fields.email = email;
  fields.our_company = our_company;
  fields.benefits = benefits;
  fields.admire = accord_partner_get_text (partner, ACCORD_PARTNER_FIELD_WHY_FIT);
  fields.proposal = accord_partner_get_text (partner, ACCORD_PARTNER_FIELD_VALUE_PROPOSITION);
  fields.launch_name = launch;
  accord_template_fill (t, &fields, out, missing);

  if (to != NULL)
    *to = g_steal_pointer (&email);
}

char *
accord_store_dup_tracking_link (AccordStore    *self,
                                AccordPartner  *partner,
                                GError        **error)
{
  g_autofree char *base = NULL;
  g_autofree char *code = NULL;
  g_autofree char *launch = NULL;
  char *link;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  base = accord_store_dup_setting (self, ACCORD_SETTING_TRACKING_URL);
  if (*base == '\0')
    {
      _accord_store_invalid (error, _("Set the link to tag first (the address of your website)"));
      return NULL;
    }
  code = accord_store_dup_tracking_code (self, partner, error);
  if (code == NULL)
    return NULL;
  launch = dup_launch_name (self, accord_partner_get_id (partner));
  link = accord_utm_link (base, code, launch ? launch : "");
  if (link == NULL)
    g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                 _("“%s” is not a web link starting with http:// or https://"), base);
  return link;
}
