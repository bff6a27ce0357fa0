/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "accord-work.h"
#include "accord-lifecycle.h"

/* Pure guided-work functions: keys, playbook tables and their dates, due
 * groups, tracking codes and UTM links. */

static void
test_keys_round_trip (void)
{
  for (guint i = 0; i < ACCORD_N_ACTIVITY_KINDS; i++)
    {
      AccordActivityKind kind = ACCORD_N_ACTIVITY_KINDS;

      g_assert_true (accord_activity_kind_from_key (accord_activity_kind_to_key (i), &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_cmpstr (accord_activity_kind_label (i), !=, "");
    }
  for (guint i = 0; i < ACCORD_N_PLAYBOOKS; i++)
    {
      AccordPlaybook playbook = ACCORD_N_PLAYBOOKS;

      g_assert_true (accord_playbook_from_key (accord_playbook_to_key (i), &playbook));
      g_assert_cmpint (playbook, ==, i);
    }
  g_assert_cmpstr (accord_activity_kind_to_key (ACCORD_ACTIVITY_INTRO), ==, "intro");
  g_assert_cmpstr (accord_playbook_to_key (ACCORD_PLAYBOOK_NONE), ==, "");
  g_assert_cmpstr (accord_playbook_to_key (ACCORD_PLAYBOOK_REVIEWS), ==, "reviews");
  g_assert_cmpstr (accord_due_kind_to_key (ACCORD_DUE_NOTICE), ==, "notice");
  g_assert_false (accord_activity_kind_from_key ("Email", NULL));
  g_assert_false (accord_activity_kind_from_key (NULL, NULL));
  g_assert_false (accord_playbook_from_key ("launches", NULL));
}

/* Every table: unique keys, a title, and the unit and range DOMAIN.md
 * gives its phase. */
static void
test_tables_are_sound (void)
{
  for (guint p = ACCORD_PLAYBOOK_OUTREACH; p < ACCORD_N_PLAYBOOKS; p++)
    {
      g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
      const AccordPlaybookStep *steps;
      guint n = 0;

      steps = accord_playbook_get_steps (p, &n);
      g_assert_nonnull (steps);
      g_assert_cmpuint (n, >, 0);
      for (guint i = 0; i < n; i++)
        {
          g_assert_nonnull (steps[i].key);
          g_assert_nonnull (steps[i].title);
          g_assert_true (g_hash_table_add (keys, (gpointer) steps[i].key));
          g_assert_true (accord_playbook_find_step (p, steps[i].key) == &steps[i]);

          if (g_strcmp0 (steps[i].phase, "Pre-launch") == 0)
            {
              g_assert_cmpint (steps[i].offset, >=, -28);
              g_assert_cmpint (steps[i].offset, <=, -14);
            }
          else if (g_strcmp0 (steps[i].phase, "Internal readiness") == 0)
            g_assert_cmpint (steps[i].offset, <, 0);
          else if (g_strcmp0 (steps[i].phase, "Launch week") == 0)
            {
              g_assert_cmpint (steps[i].offset, >=, -1);
              g_assert_cmpint (steps[i].offset, <=, 7);
            }
          else if (g_strcmp0 (steps[i].phase, "First 30 days") == 0)
            {
              g_assert_cmpint (steps[i].offset, >, 7);
              g_assert_cmpint (steps[i].offset, <=, 30);
            }
        }
    }
  g_assert_null (accord_playbook_get_steps (ACCORD_PLAYBOOK_NONE, NULL));
  g_assert_null (accord_playbook_find_step (ACCORD_PLAYBOOK_OUTREACH, "no-such-step"));
}

static void
test_outreach_dates (void)
{
  static const struct { const char *key; const char *due; gboolean sequence; } expected[] = {
    { "first-email", "2026-01-31", FALSE },
    { "follow-up-3", "2026-02-03", TRUE },
    { "follow-up-7", "2026-02-07", TRUE },
    { "follow-up-14", "2026-02-14", TRUE },
    /* Six months from 31 January is 31 July. */
    { "revisit", "2026-07-31", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const AccordPlaybookStep *step =
        accord_playbook_find_step (ACCORD_PLAYBOOK_OUTREACH, expected[i].key);
      g_autofree char *due = NULL;

      g_assert_nonnull (step);
      due = accord_playbook_step_due (step, "2026-01-31");
      g_assert_cmpstr (due, ==, expected[i].due);
      g_assert_cmpint (step->sequence, ==, expected[i].sequence);
    }

  /* Across a leap day and a year end. */
  {
    const AccordPlaybookStep *step = accord_playbook_find_step (ACCORD_PLAYBOOK_OUTREACH,
                                                                "follow-up-14");
    g_autofree char *leap = accord_playbook_step_due (step, "2028-02-20");
    g_autofree char *year = accord_playbook_step_due (step, "2026-12-25");
    g_autofree char *bad = accord_playbook_step_due (step, "2026-02-30");

    g_assert_cmpstr (leap, ==, "2028-03-05");
    g_assert_cmpstr (year, ==, "2027-01-08");
    g_assert_null (bad);
  }

  /* The revisit's default is in the allowed range. */
  g_assert_cmpint (ACCORD_REVISIT_DEFAULT_MONTHS, >=, ACCORD_REVISIT_MIN_MONTHS);
  g_assert_cmpint (ACCORD_REVISIT_DEFAULT_MONTHS, <=, ACCORD_REVISIT_MAX_MONTHS);
  g_assert_cmpint (ACCORD_REVISIT_MIN_MONTHS, ==, 6);
  g_assert_cmpint (ACCORD_REVISIT_MAX_MONTHS, ==, 12);
}

static void
test_launch_dates (void)
{
  static const struct { const char *key; const char *due; } expected[] = {
    { "pre-agreements-final", "2026-05-04" },   /* L-28 */
    { "pre-messaging", "2026-05-18" },          /* L-14 */
    { "week-tracking-checked", "2026-05-31" },  /* L-1 */
    { "week-announcement", "2026-06-01" },      /* L */
    { "week-watch", "2026-06-08" },             /* L+7 */
    { "days30-next-phase", "2026-07-01" },      /* L+30 */
  };
  const AccordPlaybookStep *steps;
  guint n;
  gboolean tracking = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const AccordPlaybookStep *step =
        accord_playbook_find_step (ACCORD_PLAYBOOK_LAUNCH, expected[i].key);
      g_autofree char *due = NULL;

      g_assert_nonnull (step);
      due = accord_playbook_step_due (step, "2026-06-01");
      g_assert_cmpstr (due, ==, expected[i].due);
    }

  /* Every readiness item falls before the launch; the tracking check too. */
  steps = accord_playbook_get_steps (ACCORD_PLAYBOOK_LAUNCH, &n);
  g_assert_cmpuint (n, >=, 8 + 5 + 5 + 5);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (steps[i].unit, ==, ACCORD_OFFSET_DAYS);
      g_assert_false (steps[i].sequence);
      if (strstr (steps[i].title, "Tracking checked before go-live") != NULL)
        {
          tracking = TRUE;
          g_assert_cmpint (steps[i].offset, <=, 0);
          g_assert_cmpint (steps[i].offset, >=, -1);
        }
    }
  g_assert_true (tracking);
}

static void
test_review_and_exit_tables (void)
{
  static const struct { const char *key; int months; const char *due; } expected[] = {
    { "review-monthly", 1, "2026-02-28" },
    { "review-quarterly", 3, "2026-04-30" },
    { "review-annual", 12, "2027-01-31" },
  };
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const AccordPlaybookStep *step =
        accord_playbook_find_step (ACCORD_PLAYBOOK_REVIEWS, expected[i].key);
      g_autofree char *due = NULL;

      g_assert_nonnull (step);
      g_assert_cmpint (step->unit, ==, ACCORD_OFFSET_MONTHS);
      g_assert_cmpint (step->repeat_months, ==, expected[i].months);
      due = accord_playbook_step_due (step, "2026-01-31");
      g_assert_cmpstr (due, ==, expected[i].due);
    }

  accord_playbook_get_steps (ACCORD_PLAYBOOK_EXIT, &n);
  g_assert_cmpuint (n, ==, 7);
  g_assert_nonnull (accord_playbook_find_step (ACCORD_PLAYBOOK_EXIT, "exit-message"));
}

static void
test_first_call (void)
{
  const AccordAgendaItem *agenda;
  const char * const *questions;
  guint n;

  agenda = accord_first_call_agenda (&n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpint (agenda[0].from_minute, ==, 0);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (agenda[i].from_minute, ==, agenda[i - 1].to_minute);
  g_assert_cmpint (agenda[n - 1].to_minute, ==, 30);

  questions = accord_discovery_questions (&n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpuint (g_strv_length ((char **) questions), ==, n);
}

static void
test_task_records (void)
{
  g_autoptr(AccordTask) task = accord_task_new (7, "Call them", "2026-03-01");
  g_autoptr(AccordTask) copy = NULL;
  g_autoptr(AccordActivity) activity = accord_activity_new (7, ACCORD_ACTIVITY_CALL,
                                                            "2026-03-01");

  g_assert_cmpstr (accord_task_effective_due (task), ==, "2026-03-01");
  task->snoozed_until = g_strdup ("2026-03-05");
  task->notes = (g_free (task->notes), g_strdup ("n"));
  g_assert_cmpstr (accord_task_effective_due (task), ==, "2026-03-05");

  copy = accord_task_copy (task);
  g_assert_true (copy->title != task->title);
  g_assert_cmpstr (copy->title, ==, "Call them");
  g_assert_cmpstr (copy->snoozed_until, ==, "2026-03-05");
  g_assert_cmpstr (copy->notes, ==, "n");
  g_assert_null (copy->done_on);
  g_assert_cmpint (copy->partner_id, ==, 7);

  g_assert_cmpstr (activity->summary, ==, "");
  g_assert_false (activity->is_reply);
  g_assert_cmpint (activity->contact_id, ==, 0);
}

static void
test_due_groups (void)
{
  static const struct { const char *due; AccordDueGroup group; } cases[] = {
    { "2025-12-31", ACCORD_DUE_OVERDUE },
    { "2026-01-30", ACCORD_DUE_OVERDUE },
    { "2026-01-31", ACCORD_DUE_TODAY },
    { "2026-02-01", ACCORD_DUE_THIS_WEEK },
    { "2026-02-07", ACCORD_DUE_THIS_WEEK },
    { "2026-02-08", ACCORD_DUE_LATER },
    { "2027-01-01", ACCORD_DUE_LATER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (accord_due_group_for (cases[i].due, "2026-01-31"), ==, cases[i].group);
  for (guint g = 0; g < ACCORD_N_DUE_GROUPS; g++)
    g_assert_cmpstr (accord_due_group_label (g), !=, "");
}

static void
test_tracking_code (void)
{
  static const struct { const char *name; const char *code; } cases[] = {
    { "Acme & Co.", "acme-co" },
    { "  Bluepeak   Studio ", "bluepeak-studio" },
    { "Café Crème", "cafe-creme" },
    { "ÜBER--Media!!", "uber-media" },
    { "", "partner" },
    { "%%%", "partner" },
    { "日本", "partner" },
    { "a.b_c/d", "a-b-c-d" },
    { "An extremely long partner name that goes on and on", "an-extremely-long-partner-name-t" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *code = accord_tracking_code_from_name (cases[i].name);

      g_assert_cmpstr (code, ==, cases[i].code);
      g_assert_cmpuint (strlen (code), <=, 32);
      g_assert_false (g_str_has_suffix (code, "-"));
    }
}

static void
test_utm_link (void)
{
  static const struct { const char *base; const char *code; const char *campaign; const char *link; } cases[] = {
    { "https://example.com/", "acme-co", "Spring Launch",
      "https://example.com/?utm_source=acme-co&utm_medium=partner&utm_campaign=Spring%20Launch" },
    /* An existing query is kept, and a fragment stays last. */
    { "https://example.com/p?ref=1#top", "acme", "a&b=c",
      "https://example.com/p?ref=1&utm_source=acme&utm_medium=partner&utm_campaign=a%26b%3Dc#top" },
    { "http://example.com/x?", "acme", "Q1",
      "http://example.com/x?utm_source=acme&utm_medium=partner&utm_campaign=Q1" },
    { "https://example.com", "acme", "Crème #1 / 50%",
      "https://example.com?utm_source=acme&utm_medium=partner&utm_campaign=Cr%C3%A8me%20%231%20%2F%2050%25" },
    /* An earlier tag of ours is replaced, not repeated. */
    { "https://example.com/?utm_source=old&x=1&utm_campaign=old", "acme", "new",
      "https://example.com/?x=1&utm_source=acme&utm_medium=partner&utm_campaign=new" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *link = accord_utm_link (cases[i].base, cases[i].code, cases[i].campaign);

      g_assert_cmpstr (link, ==, cases[i].link);
    }

  g_assert_null (accord_utm_link ("ftp://example.com/", "a", "b"));
  g_assert_null (accord_utm_link ("example.com", "a", "b"));
  g_assert_null (accord_utm_link ("javascript:alert(1)", "a", "b"));
  g_assert_null (accord_utm_link ("https://exa mple.com/", "a", "b"));
  g_assert_null (accord_utm_link ("https://example.com/\nx", "a", "b"));
  g_assert_null (accord_utm_link (NULL, "a", "b"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/work/keys", test_keys_round_trip);
  g_test_add_func ("/work/tables", test_tables_are_sound);
  g_test_add_func ("/work/outreach-dates", test_outreach_dates);
  g_test_add_func ("/work/launch-dates", test_launch_dates);
  g_test_add_func ("/work/review-exit-tables", test_review_and_exit_tables);
  g_test_add_func ("/work/first-call", test_first_call);
  g_test_add_func ("/work/task-records", test_task_records);
  g_test_add_func ("/work/due-groups", test_due_groups);
  g_test_add_func ("/work/tracking-code", test_tracking_code);
  g_test_add_func ("/work/utm-link", test_utm_link);

  return g_test_run ();
}
