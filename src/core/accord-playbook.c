/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "accord-work.h"
#include "accord-lifecycle.h"

/* The playbooks of DOMAIN.md sections 5, 7, 8 and 9 as tables. Each step
 * is dated from its run's anchor; the store copies the translated title
 * and phase into the task it makes, so changing a table here never
 * rewrites a task already made. Keys are stable: the store finds a step's
 * unit and repeat by its key. */

/* Outreach, anchored on the first email. A reply stops the follow-ups and
 * the revisit after them (the revisit is only there for a partner who
 * never answered); see accord_store_add_activity(). */
static const AccordPlaybookStep outreach_steps[] = {
  { "first-email", N_("First email"), N_("Send the first email"),
    0, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "follow-up-3", N_("Follow-ups"), N_("Follow up with a gentle nudge"),
    3, ACCORD_OFFSET_DAYS, TRUE, 0 },
  { "follow-up-7", N_("Follow-ups"), N_("Follow up with something of value"),
    7, ACCORD_OFFSET_DAYS, TRUE, 0 },
  { "follow-up-14", N_("Follow-ups"), N_("Offer to close the loop"),
    14, ACCORD_OFFSET_DAYS, TRUE, 0 },
  { "revisit", N_("Revisit"), N_("No answer: try this partner again"),
    ACCORD_REVISIT_DEFAULT_MONTHS, ACCORD_OFFSET_MONTHS, TRUE, 0 },
};

/* Launch, anchored on the launch date L. */
static const AccordPlaybookStep launch_steps[] = {
  { "ready-stakeholders", N_("Internal readiness"), N_("Brief the stakeholders"),
    -42, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "ready-support", N_("Internal readiness"), N_("Train the support team"),
    -35, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "ready-integration", N_("Internal readiness"), N_("Test the integration, if there is one"),
    -35, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "ready-marketing", N_("Internal readiness"), N_("Get the marketing material ready"),
    -32, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "ready-sales", N_("Internal readiness"), N_("Get the sales messaging ready"),
    -32, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "ready-success", N_("Internal readiness"), N_("Prepare customer success"),
    -30, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "ready-tracking", N_("Internal readiness"), N_("Set up tracking and attribution"),
    -30, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "ready-metrics", N_("Internal readiness"), N_("Define success metrics and record a baseline"),
    -28, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "pre-agreements-final", N_("Pre-launch"), N_("Make the agreements final"),
    -28, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "pre-technical", N_("Pre-launch"), N_("Finish the technical work"),
    -21, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "pre-assets", N_("Pre-launch"), N_("Have the launch assets ready"),
    -21, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "pre-teams", N_("Pre-launch"), N_("Train the teams on both sides"),
    -14, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "pre-messaging", N_("Pre-launch"), N_("Agree the messaging with the partner"),
    -14, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "week-tracking-checked", N_("Launch week"), N_("Tracking checked before go-live"),
    -1, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "week-announcement", N_("Launch week"), N_("Make the joint announcement"),
    0, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "week-press", N_("Launch week"), N_("Send the press release (optional)"),
    0, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "week-sales", N_("Launch week"), N_("Start the sales outreach"),
    1, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "week-social", N_("Launch week"), N_("Amplify on social media"),
    2, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "week-watch", N_("Launch week"), N_("Watch for problems and fix them fast"),
    7, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "days30-issues", N_("First 30 days"), N_("Fix the issues found"),
    14, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "days30-feedback", N_("First 30 days"), N_("Gather customer feedback"),
    21, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "days30-improve", N_("First 30 days"), N_("Make the improvements"),
    28, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "days30-results", N_("First 30 days"), N_("Track the results against the baseline"),
    30, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "days30-next-phase", N_("First 30 days"), N_("Plan the next phase"),
    30, ACCORD_OFFSET_DAYS, FALSE, 0 },
};

/* Reviews, anchored on the agreement start or the launch. Completing one
 * makes the next of its kind, k + 1 periods from the anchor. */
static const AccordPlaybookStep review_steps[] = {
  { "review-monthly", N_("Reviews"), N_("Monthly check-in"),
    1, ACCORD_OFFSET_MONTHS, FALSE, 1 },
  { "review-quarterly", N_("Reviews"), N_("Quarterly business review"),
    3, ACCORD_OFFSET_MONTHS, FALSE, 3 },
  { "review-annual", N_("Reviews"), N_("Annual strategic review"),
    12, ACCORD_OFFSET_MONTHS, FALSE, 12 },
};

/* Exit, anchored on the day the user decides to end it. */
static const AccordPlaybookStep exit_steps[] = {
  { "exit-conversation", N_("Exit"), N_("Have the honest conversation"),
    0, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "exit-try-fix", N_("Exit"), N_("Try to fix what is wrong"),
    7, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "exit-wind-down", N_("Exit"), N_("Agree the wind-down"),
    14, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "exit-message", N_("Exit"), N_("Send the exit message"),
    21, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "exit-customers", N_("Exit"), N_("Honour the commitments to existing customers"),
    30, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "exit-learnings", N_("Exit"), N_("Record the learnings"),
    30, ACCORD_OFFSET_DAYS, FALSE, 0 },
  { "exit-good-terms", N_("Exit"), N_("Part on good terms"),
    30, ACCORD_OFFSET_DAYS, FALSE, 0 },
};

const AccordPlaybookStep *
accord_playbook_get_steps (AccordPlaybook  playbook,
                           guint          *n_steps)
{
  const AccordPlaybookStep *steps = NULL;
  guint n = 0;

  switch (playbook)
    {
    case ACCORD_PLAYBOOK_OUTREACH:
      steps = outreach_steps;
      n = G_N_ELEMENTS (outreach_steps);
      break;
    case ACCORD_PLAYBOOK_LAUNCH:
      steps = launch_steps;
      n = G_N_ELEMENTS (launch_steps);
      break;
    case ACCORD_PLAYBOOK_REVIEWS:
      steps = review_steps;
      n = G_N_ELEMENTS (review_steps);
      break;
    case ACCORD_PLAYBOOK_EXIT:
      steps = exit_steps;
      n = G_N_ELEMENTS (exit_steps);
      break;
    case ACCORD_PLAYBOOK_NONE:
    case ACCORD_N_PLAYBOOKS:
    default:
      break;
    }

  if (n_steps != NULL)
    *n_steps = n;
  return steps;
}

const AccordPlaybookStep *
accord_playbook_find_step (AccordPlaybook  playbook,
                           const char     *key)
{
  const AccordPlaybookStep *steps;
  guint n;

  if (key == NULL)
    return NULL;
  steps = accord_playbook_get_steps (playbook, &n);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (steps[i].key, key) == 0)
      return &steps[i];
  return NULL;
}

char *
accord_playbook_step_due (const AccordPlaybookStep *step,
                          const char               *anchor)
{
  g_return_val_if_fail (step != NULL, NULL);

  if (!accord_date_is_valid (anchor))
    return NULL;
  if (step->unit == ACCORD_OFFSET_MONTHS)
    return accord_date_add_months (anchor, step->offset);
  return accord_date_add_days (anchor, step->offset);
}

/* The first call: 20 to 30 minutes. */
static const AccordAgendaItem first_call_agenda[] = {
  { 0, 5, N_("Introductions and context") },
  { 5, 15, N_("Discovery questions") },
  { 15, 25, N_("Our proposal") },
  { 25, 30, N_("Next steps") },
};

const AccordAgendaItem *
accord_first_call_agenda (guint *n_items)
{
  if (n_items != NULL)
    *n_items = G_N_ELEMENTS (first_call_agenda);
  return first_call_agenda;
}

static const char * const discovery_questions[] = {
  N_("What are your priorities for this year?"),
  N_("What would success look like for you?"),
  N_("What timeline are you working to?"),
  N_("Who else takes part in the decision?"),
  N_("What could stand in the way?"),
  NULL
};

const char * const *
accord_discovery_questions (guint *n_questions)
{
  if (n_questions != NULL)
    *n_questions = G_N_ELEMENTS (discovery_questions) - 1;
  return discovery_questions;
}
