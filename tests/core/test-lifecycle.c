/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "test-helpers.h"
#include "config.h"

#include "accord-lifecycle.h"
#include "accord-stage-change.h"
#include "accord-store.h"

#include <glib/gstdio.h>
#include <string.h>

#define I   ACCORD_STAGE_IDENTIFIED
#define OUT ACCORD_STAGE_OUTREACH
#define NEG ACCORD_STAGE_NEGOTIATING
#define LAU ACCORD_STAGE_LAUNCHING
#define GRO ACCORD_STAGE_GROWING
#define OPT ACCORD_STAGE_OPTIMIZING
#define REN ACCORD_STAGE_RENEWING
#define END ACCORD_STAGE_ENDED
#define HLD ACCORD_STAGE_ON_HOLD

/* A move between stages; @held_from matters only from On hold. */
typedef struct
{
  AccordStage from;
  AccordStage to;
  AccordStage held_from;
} Move;

/* Every allowed move, written out: this table is the rule. */
static const Move allowed_moves[] = {
  /* The forward path. */
  { I, OUT, I }, { OUT, NEG, I }, { NEG, LAU, I }, { LAU, GRO, I },
  /* Growing and Optimizing alternate; either goes to Renewing. */
  { GRO, OPT, I }, { OPT, GRO, I }, { GRO, REN, I }, { OPT, REN, I },
  /* Renewed: growing again. */
  { REN, GRO, I },
  /* One step back when a deal slips. */
  { OUT, I, I }, { NEG, OUT, I }, { LAU, NEG, I },
  /* Any live stage may pause... */
  { I, HLD, I }, { OUT, HLD, I }, { NEG, HLD, I }, { LAU, HLD, I },
  { GRO, HLD, I }, { OPT, HLD, I }, { REN, HLD, I },
  /* ...or end, and so may a hold. */
  { I, END, I }, { OUT, END, I }, { NEG, END, I }, { LAU, END, I },
  { GRO, END, I }, { OPT, END, I }, { REN, END, I }, { HLD, END, OUT },
  /* A hold resumes where it was held from... */
  { HLD, I, I }, { HLD, OUT, OUT }, { HLD, NEG, NEG }, { HLD, LAU, LAU },
  { HLD, GRO, GRO }, { HLD, OPT, OPT }, { HLD, REN, REN },
  /* ...or starts afresh at Identified or Outreach, whatever it was. */
  { HLD, I, REN }, { HLD, OUT, REN }, { HLD, I, NEG }, { HLD, OUT, GRO },
};

/* A sample of refused moves, each with words its message must hold. */
typedef struct
{
  Move        move;
  const char *needle;
} RefusedMove;

static const RefusedMove refused_moves[] = {
  { { I, GRO, I }, "A partner cannot move from Identified to Growing" },
  { { I, NEG, I }, "Negotiating" },
  { { OUT, LAU, I }, "Launching" },
  { { GRO, LAU, I }, "Growing" },
  { { GRO, NEG, I }, "Negotiating" },
  { { REN, OPT, I }, "Renewing" },
  { { LAU, I, I }, "Identified" },
  /* Ended is the end: a new start is a new partner. */
  { { END, I, I }, "ended" },
  { { END, OUT, I }, "ended" },
  { { END, GRO, I }, "ended" },
  { { END, HLD, I }, "ended" },
  /* Not a move at all. */
  { { I, I, I }, "already" },
  { { GRO, GRO, I }, "already" },
  { { END, END, I }, "already" },
  { { HLD, HLD, OUT }, "already" },
  /* A hold resumes where it was, not somewhere new. */
  { { HLD, REN, OUT }, "Outreach" },
  { { HLD, GRO, NEG }, "Negotiating" },
  { { HLD, NEG, GRO }, "Growing" },
};

static gboolean
is_allowed (AccordStage from,
            AccordStage to,
            AccordStage held_from)
{
  for (guint i = 0; i < G_N_ELEMENTS (allowed_moves); i++)
    {
      const Move *m = &allowed_moves[i];

      if (m->from != from || m->to != to)
        continue;
      /* From a hold, the table entry holds for its held-from stage only,
       * except for the fresh starts and the ending, which hold for all. */
      if (from != HLD || to == I || to == OUT || to == END || m->held_from == held_from)
        return TRUE;
    }
  return FALSE;
}

static void
test_allowed_moves (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (allowed_moves); i++)
    {
      const Move *m = &allowed_moves[i];
      g_autoptr(GError) error = NULL;

      g_test_message ("%s -> %s (held from %s)", accord_stage_to_key (m->from),
                      accord_stage_to_key (m->to), accord_stage_to_key (m->held_from));
      g_assert_true (accord_stage_can_move (m->from, m->to, m->held_from, &error));
      g_assert_no_error (error);
    }
}

static void
test_refused_moves (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refused_moves); i++)
    {
      const RefusedMove *r = &refused_moves[i];
      g_autoptr(GError) error = NULL;

      g_test_message ("%s -> %s (held from %s)", accord_stage_to_key (r->move.from),
                      accord_stage_to_key (r->move.to), accord_stage_to_key (r->move.held_from));
      g_assert_false (accord_stage_can_move (r->move.from, r->move.to, r->move.held_from,
                                             &error));
      g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_nonnull (strstr (error->message, r->needle));
      /* The reason is shown on one line (the command line's rule). */
      g_assert_null (strchr (error->message, '\n'));
      /* NULL for the error is fine. */
      g_assert_false (accord_stage_can_move (r->move.from, r->move.to, r->move.held_from, NULL));
    }
}

/* Every pair of stages (and every held-from stage for holds): allowed
 * exactly when the table says so, and refused with a reason otherwise. */
static void
test_every_pair (void)
{
  guint n_allowed = 0;

  for (int from = 0; from < ACCORD_N_STAGES; from++)
    for (int to = 0; to < ACCORD_N_STAGES; to++)
      for (int held = 0; held < ACCORD_N_STAGES; held++)
        {
          g_autoptr(GError) error = NULL;
          gboolean expected;
          gboolean allowed;

          /* A hold is held from a live stage; the others ignore it. */
          if (from == HLD ? (held == END || held == HLD) : held != I)
            continue;

          expected = is_allowed (from, to, held);
          allowed = accord_stage_can_move (from, to, held, &error);
          if (allowed != expected)
            g_error ("%s -> %s (held from %s): expected %s, got %s", accord_stage_to_key (from),
                     accord_stage_to_key (to), accord_stage_to_key (held),
                     expected ? "allowed" : "refused", allowed ? "allowed" : "refused");
          if (allowed)
            {
              g_assert_no_error (error);
              n_allowed++;
            }
          else
            {
              g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
              g_assert_cmpstr (error->message, !=, "");
            }
        }

  /* 26 from the live stages (3 + 4 x 5 + 3), and from a hold held from
   * each of the 7 live stages: Identified, Outreach, Ended, and the stage
   * held from when it is neither (7 x 3 + 5). */
  g_assert_cmpuint (n_allowed, ==, 26 + 7 * 3 + 5);
}

static void
test_stage_keys (void)
{
  const char *keys[] = { "identified", "outreach", "negotiating", "launching", "growing",
                         "optimizing", "renewing", "ended", "on-hold" };
  AccordStage stage = ACCORD_STAGE_GROWING;

  G_STATIC_ASSERT (G_N_ELEMENTS (keys) == ACCORD_N_STAGES);

  for (int i = 0; i < ACCORD_N_STAGES; i++)
    {
      AccordStage parsed = -1;

      g_assert_cmpstr (accord_stage_to_key (i), ==, keys[i]);
      g_assert_true (accord_stage_from_key (keys[i], &parsed));
      g_assert_cmpint (parsed, ==, i);
      g_assert_cmpstr (accord_stage_get_label (i), !=, "");
    }

  /* As people type them: labels, any case, spaces, the underscore. */
  g_assert_true (accord_stage_from_key (" On hold ", &stage));
  g_assert_cmpint (stage, ==, ACCORD_STAGE_ON_HOLD);
  g_assert_true (accord_stage_from_key ("on_hold", &stage));
  g_assert_cmpint (stage, ==, ACCORD_STAGE_ON_HOLD);
  g_assert_true (accord_stage_from_key ("GROWING", &stage));
  g_assert_cmpint (stage, ==, ACCORD_STAGE_GROWING);

  stage = ACCORD_STAGE_RENEWING;
  g_assert_false (accord_stage_from_key ("won", &stage));
  g_assert_false (accord_stage_from_key ("", &stage));
  g_assert_false (accord_stage_from_key (NULL, &stage));
  g_assert_cmpint (stage, ==, ACCORD_STAGE_RENEWING);
}

typedef struct
{
  const char *since;
  const char *today;
  int         days;
} DaysCase;

static const DaysCase days_cases[] = {
  { "2026-01-31", "2026-01-31", 0 },
  { "2026-01-31", "2026-02-01", 1 },
  /* 28 + 31 + 30 + 31 + 30 + 31 days of February to July. */
  { "2026-01-31", "2026-07-31", 181 },
  { "2025-12-31", "2026-01-01", 1 },
  { "2024-02-28", "2024-03-01", 2 },   /* a leap year */
  { "2025-02-28", "2025-03-01", 1 },
  { "2025-01-01", "2026-01-01", 365 },
  { "2024-01-01", "2025-01-01", 366 },
  /* Not dates. */
  { "2026-02-30", "2026-03-01", ACCORD_DAYS_INVALID },
  { "2026-01-31", "tomorrow", ACCORD_DAYS_INVALID },
  { "2026-1-31", "2026-02-01", ACCORD_DAYS_INVALID },
  { "2026-01-31 ", "2026-02-01", ACCORD_DAYS_INVALID },
  { NULL, "2026-02-01", ACCORD_DAYS_INVALID },
  { "2026-01-31", NULL, ACCORD_DAYS_INVALID },
  /* Reversed dates count backwards. */
  { "2026-02-01", "2026-01-31", -1 },
};

static void
test_days_between (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (days_cases); i++)
    {
      const DaysCase *c = &days_cases[i];

      g_test_message ("%s to %s", c->since, c->today);
      g_assert_cmpint (accord_days_between (c->since, c->today), ==, c->days);
    }
}

static void
test_date_is_valid (void)
{
  const char *valid[] = { "2026-01-31", "2024-02-29", "0001-01-01", "9999-12-31" };
  const char *invalid[] = { "2025-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
                            "2026-1-5", "26-01-05", "2026/01/31", "2026-01-31x", "",
                            "tomorrow", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (accord_date_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("“%s”", invalid[i]);
      g_assert_false (accord_date_is_valid (invalid[i]));
    }
}

/* Through the store. */

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

/* Closes the file and opens it again: what follows is what was saved. */
/* One expected history entry. */
typedef struct
{
  AccordStage  stage;
  const char  *date;
  const char  *note;
  const char  *revisit_on;
} Entry;

static void
check_history (Fixture       *fixture,
               AccordPartner *partner,
               const Entry   *entries,
               guint          n_entries)
{
  g_autoptr(GError) error = NULL;
  GListModel *history = accord_store_get_stage_history (fixture->store, partner, &error);

  g_assert_no_error (error);
  g_assert_nonnull (history);
  g_assert_cmpuint (g_list_model_get_item_type (history), ==, ACCORD_TYPE_STAGE_CHANGE);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(AccordStageChange) change = g_list_model_get_item (history, i);

      g_assert_cmpint (accord_stage_change_get_stage (change), ==, entries[i].stage);
      g_assert_cmpstr (accord_stage_change_get_date (change), ==, entries[i].date);
      g_assert_cmpstr (accord_stage_change_get_note (change), ==, entries[i].note);
      g_assert_cmpstr (accord_stage_change_get_revisit_on (change), ==, entries[i].revisit_on);
    }
}

static void
test_store_new_partner (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  const Entry expected[] = { { I, "2026-01-31", "", NULL } };
  AccordPartner *reopened;

  g_assert_cmpstr (accord_store_get_today (fixture->store), ==, "2026-01-31");
  g_assert_cmpint (accord_partner_get_stage (partner), ==, ACCORD_STAGE_IDENTIFIED);
  g_assert_cmpstr (accord_partner_get_stage_since (partner), ==, "2026-01-31");
  g_assert_null (accord_partner_get_revisit_on (partner));
  check_history (fixture, partner, expected, G_N_ELEMENTS (expected));

  reopened = test_workspace_reopen_and_find (fixture, accord_partner_get_id (partner));
  g_assert_cmpint (accord_partner_get_stage (reopened), ==, ACCORD_STAGE_IDENTIFIED);
  g_assert_cmpstr (accord_partner_get_stage_since (reopened), ==, "2026-01-31");
  check_history (fixture, reopened, expected, G_N_ELEMENTS (expected));
}

/* A partner added in another stage (an import of an existing portfolio)
 * starts its history there. */
static void
test_store_initial_stage (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AccordPartner) growing = accord_partner_new ("Growing already");
  g_autoptr(AccordPartner) held = accord_partner_new ("Held already");
  g_autoptr(GError) error = NULL;
  const Entry growing_history[] = { { GRO, "2026-01-31", "", NULL } };
  const Entry held_history[] = { { HLD, "2026-01-31", "", "2026-07-31" } };

  accord_partner_set_initial_stage (growing, ACCORD_STAGE_GROWING);
  accord_partner_set_initial_stage (held, ACCORD_STAGE_ON_HOLD);
  g_assert_true (accord_store_add_partner (fixture->store, growing, NULL, &error));
  g_assert_true (accord_store_add_partner (fixture->store, held, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (accord_partner_get_stage (growing), ==, ACCORD_STAGE_GROWING);
  g_assert_cmpstr (accord_partner_get_stage_since (growing), ==, "2026-01-31");
  check_history (fixture, growing, growing_history, G_N_ELEMENTS (growing_history));
  g_assert_cmpstr (accord_partner_get_revisit_on (held), ==, "2026-07-31");
  check_history (fixture, held, held_history, G_N_ELEMENTS (held_history));

  /* Alternating from the first day works. */
  test_move_ok (fixture->store, growing, ACCORD_STAGE_OPTIMIZING, NULL, NULL, NULL);
}

static void
test_store_moves_append_history (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  const Entry expected[] = {
    { I, "2026-01-31", "", NULL },
    { OUT, "2026-02-03", "Sent the first email", NULL },
    { NEG, "2026-02-03", "", NULL },
    { OUT, "2026-02-10", "Their budget moved to Q3", NULL },
    { NEG, "2026-03-01", "Budget back", NULL },
    { LAU, "2026-04-15", "", NULL },
    { GRO, "2026-05-01", "Live", NULL },
  };
  gint64 id = accord_partner_get_id (partner);
  AccordPartner *reopened;

  test_move_ok (fixture->store, partner, OUT, "2026-02-03", "Sent the first email", NULL);
  g_assert_cmpint (accord_partner_get_stage (partner), ==, OUT);
  g_assert_cmpstr (accord_partner_get_stage_since (partner), ==, "2026-02-03");

  /* The same day as the stage began is fine; the note is trimmed. */
  test_move_ok (fixture->store, partner, NEG, "2026-02-03", "   ", NULL);
  test_move_ok (fixture->store, partner, OUT, "2026-02-10", "  Their budget moved to Q3 ", NULL);
  test_move_ok (fixture->store, partner, NEG, "2026-03-01", "Budget back", NULL);
  test_move_ok (fixture->store, partner, LAU, "2026-04-15", NULL, NULL);
  /* No date: the store's today. */
  accord_store_set_today (fixture->store, "2026-05-01");
  test_move_ok (fixture->store, partner, GRO, NULL, "Live", NULL);

  g_assert_cmpint (accord_partner_get_stage (partner), ==, GRO);
  g_assert_cmpstr (accord_partner_get_stage_since (partner), ==, "2026-05-01");
  check_history (fixture, partner, expected, G_N_ELEMENTS (expected));

  /* The history and the stage survive a restart. */
  reopened = test_workspace_reopen_and_find (fixture, id);
  g_assert_cmpint (accord_partner_get_stage (reopened), ==, GRO);
  g_assert_cmpstr (accord_partner_get_stage_since (reopened), ==, "2026-05-01");
  check_history (fixture, reopened, expected, G_N_ELEMENTS (expected));
}

static void
move_refused (Fixture       *fixture,
              AccordPartner *partner,
              AccordStage    to,
              const char    *date,
              const char    *revisit_on,
              const char    *needle)
{
  g_autoptr(GError) error = NULL;
  GListModel *history = accord_store_get_stage_history (fixture->store, partner, NULL);
  guint n_before = g_list_model_get_n_items (history);
  AccordStage stage = accord_partner_get_stage (partner);
  g_autofree char *since = g_strdup (accord_partner_get_stage_since (partner));

  g_assert_false (accord_store_move_partner (fixture->store, partner, to, date, "why", revisit_on,
                                             &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, needle));

  /* Nothing changed, in memory or in the history. */
  g_assert_cmpint (accord_partner_get_stage (partner), ==, stage);
  g_assert_cmpstr (accord_partner_get_stage_since (partner), ==, since);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, n_before);
}

static void
test_store_refused_moves (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  const Entry expected[] = {
    { I, "2026-01-31", "", NULL },
    { OUT, "2026-02-10", "", NULL },
    { END, "2026-03-01", "No budget", NULL },
  };
  AccordPartner *reopened;

  move_refused (fixture, partner, GRO, NULL, NULL,
                "A partner cannot move from Identified to Growing");
  move_refused (fixture, partner, I, NULL, NULL, "already");
  move_refused (fixture, partner, OUT, "2026-02-30", NULL, "2026-02-30");
  move_refused (fixture, partner, OUT, "31/01/2026", NULL, "31/01/2026");

  test_move_ok (fixture->store, partner, OUT, "2026-02-10", NULL, NULL);
  /* Dated before the current stage began. */
  move_refused (fixture, partner, NEG, "2026-02-09", NULL, "2026-02-10");
  move_refused (fixture, partner, NEG, "2025-12-31", NULL, "2026-02-10");

  test_move_ok (fixture->store, partner, END, "2026-03-01", "No budget", NULL);
  move_refused (fixture, partner, OUT, "2026-03-02", NULL, "ended");
  move_refused (fixture, partner, HLD, "2026-03-02", NULL, "ended");

  check_history (fixture, partner, expected, G_N_ELEMENTS (expected));
  reopened = test_workspace_reopen_and_find (fixture, accord_partner_get_id (partner));
  g_assert_cmpint (accord_partner_get_stage (reopened), ==, END);
  check_history (fixture, reopened, expected, G_N_ELEMENTS (expected));
}

/* Holds: the default revisit date is 6 months after the move (2026-01-31
 * + 6 months = 2026-07-31, a day the month has), a custom one is kept, and
 * a hold resumes where it was held from. */
static void
test_store_holds (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture, "Bluepeak");
  g_autoptr(AccordPartner) kestrel = add_partner (fixture, "Kestrel");
  gint64 other_id = accord_partner_get_id (kestrel);
  AccordPartner *other;
  const Entry expected[] = {
    { I, "2026-01-31", "", NULL },
    { HLD, "2026-01-31", "Not now", "2026-07-31" },
    { OUT, "2026-08-03", "Asked again", NULL },
    { HLD, "2026-08-20", "", "2027-01-15" },
    { OUT, "2027-01-15", "", NULL },
  };
  gint64 id = accord_partner_get_id (partner);
  AccordPartner *reopened;

  test_move_ok (fixture->store, partner, HLD, NULL, "Not now", NULL);
  g_assert_cmpint (accord_partner_get_stage (partner), ==, HLD);
  g_assert_cmpstr (accord_partner_get_revisit_on (partner), ==, "2026-07-31");
  g_assert_cmpint (accord_partner_get_held_from (partner), ==, I);

  test_move_ok (fixture->store, partner, OUT, "2026-08-03", "Asked again", NULL);
  g_assert_null (accord_partner_get_revisit_on (partner));

  /* A custom revisit date; it must come after the move. */
  move_refused (fixture, partner, HLD, "2026-08-20", "2026-08-20", "2026-08-20");
  move_refused (fixture, partner, HLD, "2026-08-20", "2026-08-01", "2026-08-20");
  move_refused (fixture, partner, HLD, "2026-08-20", "soon", "2026-08-20");
  test_move_ok (fixture->store, partner, HLD, "2026-08-20", NULL, "2027-01-15");
  g_assert_cmpstr (accord_partner_get_revisit_on (partner), ==, "2027-01-15");
  g_assert_cmpint (accord_partner_get_held_from (partner), ==, OUT);

  /* The hold and where it came from survive a restart. */
  reopened = test_workspace_reopen_and_find (fixture, id);
  g_assert_cmpint (accord_partner_get_stage (reopened), ==, HLD);
  g_assert_cmpstr (accord_partner_get_stage_since (reopened), ==, "2026-08-20");
  g_assert_cmpstr (accord_partner_get_revisit_on (reopened), ==, "2027-01-15");
  g_assert_cmpint (accord_partner_get_held_from (reopened), ==, OUT);
  move_refused (fixture, reopened, REN, "2027-01-15", NULL, "Outreach");
  test_move_ok (fixture->store, reopened, OUT, "2027-01-15", NULL, NULL);
  check_history (fixture, reopened, expected, G_N_ELEMENTS (expected));

  /* The month end: February 2027 has no 31st, so 2026-08-31 + 6 months
   * is its last day. */
  other = accord_store_lookup_partner (fixture->store, other_id);
  test_move_ok (fixture->store, other, HLD, "2026-08-31", NULL, NULL);
  g_assert_cmpstr (accord_partner_get_revisit_on (other), ==, "2027-02-28");
}

/* A deleted partner's history never shows up on a new partner that gets
 * its id, and a partner in the trash cannot move. */
static void
test_store_trash_and_ids (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AccordPartner) old = add_partner (fixture, "Old");
  g_autoptr(AccordPartner) fresh = NULL;
  g_autoptr(GError) error = NULL;
  const Entry expected[] = { { I, "2026-01-31", "", NULL } };
  const Entry old_expected[] = { { I, "2026-01-31", "", NULL },
                                 { ACCORD_STAGE_OUTREACH, "2026-01-31", "old note", NULL } };
  gint64 old_id = accord_partner_get_id (old);

  test_move_ok (fixture->store, old, ACCORD_STAGE_OUTREACH, NULL, "old note", NULL);
  check_history (fixture, old, old_expected, G_N_ELEMENTS (old_expected));

  g_assert_true (accord_store_trash_partner (fixture->store, old, &error));
  g_assert_false (accord_store_move_partner (fixture->store, old, ACCORD_STAGE_NEGOTIATING, NULL,
                                             NULL, NULL, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (accord_partner_get_stage (old), ==, ACCORD_STAGE_OUTREACH);

  g_assert_true (accord_store_delete_partner (fixture->store, old, &error));
  fresh = add_partner (fixture, "New");
  g_test_message ("old id %" G_GINT64_FORMAT ", new id %" G_GINT64_FORMAT, old_id,
                  accord_partner_get_id (fresh));
  check_history (fixture, fresh, expected, G_N_ELEMENTS (expected));
}

static void
test_date_add (void)
{
  const struct { const char *date; int months; int days; const char *expected; } cases[] = {
    /* The rules of DOMAIN.md: a missing day becomes the month's last. */
    { "2025-01-31", 1, 0, "2025-02-28" },
    { "2024-01-31", 1, 0, "2024-02-29" },
    { "2024-02-29", 12, 0, "2025-02-28" },
    { "2025-01-31", 2, 0, "2025-03-31" },
    { "2026-01-31", 6, 0, "2026-07-31" },
    { "2026-08-31", 6, 0, "2027-02-28" },
    { "2026-03-01", 0, -1, "2026-02-28" },
    { "2025-12-31", 0, 1, "2026-01-01" },
    { "2026-01-15", -1, 0, "2025-12-15" },
    { "not a date", 1, 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = cases[i].months != 0
                             ? accord_date_add_months (cases[i].date, cases[i].months)
                             : accord_date_add_days (cases[i].date, cases[i].days);
      g_test_message ("%s %+d months %+d days", cases[i].date, cases[i].months, cases[i].days);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lifecycle/allowed-moves", test_allowed_moves);
  g_test_add_func ("/lifecycle/refused-moves", test_refused_moves);
  g_test_add_func ("/lifecycle/every-pair", test_every_pair);
  g_test_add_func ("/lifecycle/stage-keys", test_stage_keys);
  g_test_add_func ("/lifecycle/days-between", test_days_between);
  g_test_add_func ("/lifecycle/date-add", test_date_add);
  g_test_add_func ("/lifecycle/date-is-valid", test_date_is_valid);
  g_test_add ("/lifecycle/store/new-partner", Fixture, NULL,
              fixture_set_up, test_store_new_partner, fixture_tear_down);
  g_test_add ("/lifecycle/store/initial-stage", Fixture, NULL,
              fixture_set_up, test_store_initial_stage, fixture_tear_down);
  g_test_add ("/lifecycle/store/moves-append-history", Fixture, NULL,
              fixture_set_up, test_store_moves_append_history, fixture_tear_down);
  g_test_add ("/lifecycle/store/refused-moves", Fixture, NULL,
              fixture_set_up, test_store_refused_moves, fixture_tear_down);
  g_test_add ("/lifecycle/store/holds", Fixture, NULL,
              fixture_set_up, test_store_holds, fixture_tear_down);
  g_test_add ("/lifecycle/store/trash-and-ids", Fixture, NULL,
              fixture_set_up, test_store_trash_and_ids, fixture_tear_down);

  return g_test_run ();
}
