/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "accord-chart-data.h"

#include "accord-demo.h"
#include "accord-results.h"
#include "accord-stage-change.h"

#include <glib/gstdio.h>
#include <string.h>

/* The chart data builders against real, temporary workspaces. */

typedef struct
{
  char        *dir;
  char        *path;
  AccordStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("accord-chart-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "workspace.accord", NULL);
  fixture->store = accord_store_open (fixture->path, ACCORD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->store);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static AccordPartner *
add_partner (AccordStore *store,
             const char  *name)
{
  g_autoptr(AccordPartner) partner = accord_partner_new (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_store_add_partner (store, partner, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&partner);
}

static void
move (AccordStore   *store,
      AccordPartner *partner,
      AccordStage    to,
      const char    *date)
{
  g_autoptr(GError) error = NULL;

  accord_store_move_partner (store, partner, to, date, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
review (AccordStore    *store,
        AccordPartner  *partner,
        const char     *date,
        int             rating,
        AccordRedFlags  flags)
{
  g_autoptr(AccordReview) r = accord_review_new (accord_partner_get_id (partner), date);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < ACCORD_N_REVIEW_RATINGS; i++)
    r->ratings[i] = rating;
  r->red_flags = flags;
  g_assert_true (accord_store_save_review (store, r, &error));
  g_assert_no_error (error);
}

static const AccordLifecycleMarker *
find_marker (const AccordLifecycleData *data,
             AccordLifecycleMarkerKind  kind,
             guint                      nth)
{
  for (guint i = 0; i < data->n_markers; i++)
    if (data->markers[i].kind == kind && nth-- == 0)
      return &data->markers[i];
  return NULL;
}

static guint
count_markers (const AccordLifecycleData *data,
               AccordLifecycleMarkerKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < data->n_markers; i++)
    n += data->markers[i].kind == kind;
  return n;
}

/* A partner found in 2025, launched in May, reviewed twice, with an
 * active agreement renewing automatically. Today is 2026-02-10. */
static AccordPartner *
add_acme (AccordStore *store)
{
  g_autoptr(AccordPartner) acme = NULL;
  g_autoptr(AccordAgreement) a = NULL;
  g_autoptr(GError) error = NULL;
  gint64 run;

  accord_store_set_today (store, "2025-01-06");
  acme = add_partner (store, "Acme");
  move (store, acme, ACCORD_STAGE_OUTREACH, "2025-02-03");
  move (store, acme, ACCORD_STAGE_NEGOTIATING, "2025-03-17");
  move (store, acme, ACCORD_STAGE_LAUNCHING, "2025-04-01");
  move (store, acme, ACCORD_STAGE_GROWING, "2025-06-02");

  accord_store_set_today (store, "2026-02-10");
  run = accord_store_start_playbook (store, acme, ACCORD_PLAYBOOK_LAUNCH, "2025-05-20",
                                     "Spring launch", &error);
  g_assert_no_error (error);
  g_assert_cmpint (run, >, 0);

  a = accord_agreement_new (accord_partner_get_id (acme));
  a->status = ACCORD_AGREEMENT_ACTIVE;
  a->start = g_strdup ("2025-04-01");
  a->term_months = 12;
  a->notice_days = 30;
  a->renewal = ACCORD_RENEWAL_AUTOMATIC;
  a->review_cadence = ACCORD_CADENCE_QUARTERLY;
  g_assert_true (accord_store_save_agreement (store, a, &error));
  g_assert_no_error (error);

  review (store, acme, "2025-09-01", 5, 0);
  review (store, acme, "2025-12-01", 2, ACCORD_RED_FLAG_MISSED_COMMITMENTS |
                                        ACCORD_RED_FLAG_POOR_RESPONSIVENESS);
  return g_steal_pointer (&acme);
}

static void
test_lifecycle_spans (Fixture       *fixture,
                      gconstpointer  unused)
{
  g_autoptr(AccordPartner) acme = add_acme (fixture->store);
  g_autoptr(AccordLifecycleSource) source = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *history;
  const AccordLifecycleData *data;
  guint n;

  source = accord_lifecycle_source_new (fixture->store, acme, &error);
  g_assert_no_error (error);
  g_assert_nonnull (source);
  data = &source->data;
  g_assert_cmpstr (data->name, ==, "Acme");
  g_assert_cmpstr (data->today, ==, "2026-02-10");

  /* One band per recorded stage, each ending where the next begins. */
  history = accord_store_get_stage_history (fixture->store, acme, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (history);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpuint (data->n_spans, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordStageChange) change = g_list_model_get_item (history, i);

      g_assert_cmpint (data->spans[i].stage, ==, accord_stage_change_get_stage (change));
      g_assert_cmpstr (data->spans[i].from, ==, accord_stage_change_get_date (change));
      if (i + 1 < n)
        g_assert_cmpstr (data->spans[i].to, ==, data->spans[i + 1].from);
      else
        g_assert_null (data->spans[i].to);
    }
  g_assert_cmpint (data->spans[0].stage, ==, ACCORD_STAGE_IDENTIFIED);
  g_assert_cmpstr (data->spans[0].from, ==, "2025-01-06");
  g_assert_cmpint (data->spans[4].stage, ==, ACCORD_STAGE_GROWING);
  g_assert_cmpstr (data->spans[4].from, ==, "2025-06-02");

  /* A later move shows in a fresh build. */
  move (fixture->store, acme, ACCORD_STAGE_OPTIMIZING, "2026-02-01");
  g_clear_pointer (&source, accord_lifecycle_source_free);
  source = accord_lifecycle_source_new (fixture->store, acme, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (source->data.n_spans, ==, 6);
  g_assert_cmpstr (source->data.spans[4].to, ==, "2026-02-01");
  g_assert_cmpint (source->data.spans[5].stage, ==, ACCORD_STAGE_OPTIMIZING);
}

static void
test_lifecycle_scores (Fixture       *fixture,
                       gconstpointer  unused)
{
  g_autoptr(AccordPartner) acme = add_acme (fixture->store);
  g_autoptr(AccordLifecycleSource) source = NULL;
  g_autoptr(GArray) history = NULL;
  g_autoptr(GError) error = NULL;
  const AccordLifecycleData *data;
  AccordHealth health;

  source = accord_lifecycle_source_new (fixture->store, acme, &error);
  g_assert_no_error (error);
  data = &source->data;
  history = accord_store_list_health_history (fixture->store, acme, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);

  /* One point per review, with the score as of that review... */
  g_assert_cmpuint (data->n_scores, ==, history->len + 1);
  for (guint i = 0; i < history->len; i++)
    {
      const AccordHealthPoint *point = &g_array_index (history, AccordHealthPoint, i);

      g_assert_cmpstr (data->scores[i].date, ==, point->date);
      g_assert_cmpint (data->scores[i].score, ==, point->score);
    }
  g_assert_cmpstr (data->scores[0].date, ==, "2025-09-01");
  g_assert_cmpstr (data->scores[1].date, ==, "2025-12-01");
  /* Low ratings and two red flags pull the second one down. */
  g_assert_cmpint (data->scores[1].score, <, data->scores[0].score);

  /* ...then today's, as the Health group shows it. */
  g_assert_true (accord_store_get_health (fixture->store, acme, &health, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (data->scores[2].date, ==, "2026-02-10");
  g_assert_cmpint (data->scores[2].score, ==, health.score);

  /* A review on today's date ends the line itself: no extra point. */
  review (fixture->store, acme, "2026-02-10", 4, 0);
  g_clear_pointer (&source, accord_lifecycle_source_free);
  source = accord_lifecycle_source_new (fixture->store, acme, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (source->data.n_scores, ==, 3);
  g_assert_cmpstr (source->data.scores[2].date, ==, "2026-02-10");
}

static void
test_lifecycle_markers (Fixture       *fixture,
                        gconstpointer  unused)
{
  g_autoptr(AccordPartner) acme = add_acme (fixture->store);
  g_autoptr(AccordLifecycleSource) source = NULL;
  g_autoptr(AccordAgreement) active = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *renewal = NULL;
  const AccordLifecycleData *data;
  const AccordLifecycleMarker *m;
  gboolean saw_next_review = FALSE;
  guint past_reviews = 0;

  source = accord_lifecycle_source_new (fixture->store, acme, &error);
  g_assert_no_error (error);
  data = &source->data;

  /* The launch, at the launch run's anchor date, named after it. */
  g_assert_cmpuint (count_markers (data, ACCORD_LIFECYCLE_MARKER_LAUNCH), ==, 1);
  m = find_marker (data, ACCORD_LIFECYCLE_MARKER_LAUNCH, 0);
  g_assert_cmpstr (m->date, ==, "2025-05-20");
  g_assert_cmpstr (m->label, ==, "Spring launch");

  /* The notice deadline and renewal the agreement computes for today:
   * the first period's deadline (2026-03-01) is still ahead. */
  active = accord_store_get_active_agreement (fixture->store, acme, &error);
  g_assert_no_error (error);
  notice = accord_agreement_notice_deadline (active, "2026-02-10");
  renewal = accord_agreement_next_renewal (active, "2026-02-10");
  g_assert_cmpstr (notice, ==, "2026-03-01");
  g_assert_cmpstr (renewal, ==, "2026-04-01");
  g_assert_cmpuint (count_markers (data, ACCORD_LIFECYCLE_MARKER_NOTICE_DEADLINE), ==, 1);
  g_assert_cmpstr (find_marker (data, ACCORD_LIFECYCLE_MARKER_NOTICE_DEADLINE, 0)->date, ==,
                   notice);
  g_assert_cmpuint (count_markers (data, ACCORD_LIFECYCLE_MARKER_RENEWAL), ==, 1);
  g_assert_cmpstr (find_marker (data, ACCORD_LIFECYCLE_MARKER_RENEWAL, 0)->date, ==, renewal);
  /* Automatic renewal: no end of term. */
  g_assert_cmpuint (count_markers (data, ACCORD_LIFECYCLE_MARKER_TERM_END), ==, 0);

  /* Both reviews, the one with red flags says so; and the next one the
   * quarterly cadence sets. */
  for (guint i = 0; (m = find_marker (data, ACCORD_LIFECYCLE_MARKER_REVIEW, i)) != NULL; i++)
    {
      if (strcmp (m->date, "2026-02-10") > 0)
        {
          g_assert_cmpstr (m->date, ==, "2026-04-01");
          g_assert_nonnull (m->label);
          saw_next_review = TRUE;
          continue;
        }
      past_reviews++;
      if (strcmp (m->date, "2025-12-01") == 0)
        g_assert_nonnull (strstr (m->label, "2 red flags"));
      else
        g_assert_cmpstr (m->date, ==, "2025-09-01");
    }
  g_assert_cmpuint (past_reviews, ==, 2);
  g_assert_true (saw_next_review);

  /* Every marker date is a date the chart can place. */
  for (guint i = 0; i < data->n_markers; i++)
    g_assert_true (accord_date_is_valid (data->markers[i].date));
}

static void
test_lifecycle_mutual_and_bare (Fixture       *fixture,
                                gconstpointer  unused)
{
  g_autoptr(AccordPartner) bare = NULL;
  g_autoptr(AccordAgreement) a = NULL;
  g_autoptr(AccordLifecycleSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  accord_store_set_today (fixture->store, "2026-02-10");
  bare = add_partner (fixture->store, "Bare Ltd");

  /* Nothing but its first stage: one open band, no line, no markers. */
  source = accord_lifecycle_source_new (fixture->store, bare, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (source->data.n_spans, ==, 1);
  g_assert_null (source->data.spans[0].to);
  g_assert_cmpuint (source->data.n_scores, ==, 0);
  g_assert_cmpuint (source->data.n_markers, ==, 0);
  description = accord_lifecycle_chart_describe (&source->data);
  g_assert_nonnull (strstr (description, "Bare Ltd"));
  g_assert_nonnull (strstr (description, "No health score yet"));

  /* A mutual renewal has an end of term, not a renewal. */
  a = accord_agreement_new (accord_partner_get_id (bare));
  a->status = ACCORD_AGREEMENT_ACTIVE;
  a->start = g_strdup ("2026-01-01");
  a->term_months = 6;
  a->notice_days = 10;
  a->renewal = ACCORD_RENEWAL_MUTUAL;
  g_assert_true (accord_store_save_agreement (fixture->store, a, &error));
  g_assert_no_error (error);
  g_clear_pointer (&source, accord_lifecycle_source_free);
  source = accord_lifecycle_source_new (fixture->store, bare, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_markers (&source->data, ACCORD_LIFECYCLE_MARKER_RENEWAL), ==, 0);
  g_assert_cmpstr (find_marker (&source->data, ACCORD_LIFECYCLE_MARKER_TERM_END, 0)->date, ==,
                   "2026-06-30");
  g_assert_cmpstr (find_marker (&source->data, ACCORD_LIFECYCLE_MARKER_NOTICE_DEADLINE, 0)->date,
                   ==, "2026-06-20");
  g_assert_cmpstr (find_marker (&source->data, ACCORD_LIFECYCLE_MARKER_OTHER, 0)->date, ==,
                   "2026-01-01");
}

/* A partner on hold shows when to revisit it. */
static void
test_lifecycle_hold (Fixture       *fixture,
                     gconstpointer  unused)
{
  g_autoptr(AccordPartner) partner = NULL;
  g_autoptr(AccordLifecycleSource) source = NULL;
  g_autoptr(GError) error = NULL;
  const AccordLifecycleMarker *m;

  accord_store_set_today (fixture->store, "2026-01-05");
  partner = add_partner (fixture->store, "Later Ltd");
  move (fixture->store, partner, ACCORD_STAGE_OUTREACH, "2026-01-05");
  source = accord_lifecycle_source_new (fixture->store, partner, &error);
  g_assert_no_error (error);
  g_assert_null (find_marker (&source->data, ACCORD_LIFECYCLE_MARKER_OTHER, 0));
  g_clear_pointer (&source, accord_lifecycle_source_free);

  accord_store_move_partner (fixture->store, partner, ACCORD_STAGE_ON_HOLD, "2026-01-05", NULL,
                             "2026-07-05", &error);
  g_assert_no_error (error);
  source = accord_lifecycle_source_new (fixture->store, partner, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (source->data.n_spans, ==, 3);
  g_assert_cmpint (source->data.spans[2].stage, ==, ACCORD_STAGE_ON_HOLD);
  m = find_marker (&source->data, ACCORD_LIFECYCLE_MARKER_OTHER, 0);
  g_assert_nonnull (m);
  g_assert_cmpstr (m->date, ==, "2026-07-05");
  g_assert_cmpstr (m->label, ==, "Revisit");
}

/* A launch replaced before its day never happened; one replaced after it did. */
static void
test_lifecycle_replaced_launch (Fixture       *fixture,
                                gconstpointer  unused)
{
  g_autoptr(AccordPartner) partner = NULL;
  g_autoptr(AccordLifecycleSource) source = NULL;
  g_autoptr(GError) error = NULL;

  accord_store_set_today (fixture->store, "2026-01-05");
  partner = add_partner (fixture->store, "Relaunch Co");
  g_assert_cmpint (accord_store_start_playbook (fixture->store, partner, ACCORD_PLAYBOOK_LAUNCH,
                                                "2026-01-01", "First", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (accord_store_start_playbook (fixture->store, partner, ACCORD_PLAYBOOK_LAUNCH,
                                                "2026-03-01", "Second", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (accord_store_start_playbook (fixture->store, partner, ACCORD_PLAYBOOK_LAUNCH,
                                                "2026-04-01", "Third", &error), >, 0);
  g_assert_no_error (error);

  source = accord_lifecycle_source_new (fixture->store, partner, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_markers (&source->data, ACCORD_LIFECYCLE_MARKER_LAUNCH), ==, 2);
  g_assert_cmpstr (find_marker (&source->data, ACCORD_LIFECYCLE_MARKER_LAUNCH, 0)->label, ==,
                   "First");
  g_assert_cmpstr (find_marker (&source->data, ACCORD_LIFECYCLE_MARKER_LAUNCH, 1)->label, ==,
                   "Third");
}

static void
test_portfolio_items (Fixture       *fixture,
                      gconstpointer  unused)
{
  g_autoptr(AccordPortfolioSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordPartner) reviewed = NULL;
  g_autoptr(AccordPartner) unreviewed = NULL;
  g_autoptr(AccordPartner) trashed = NULL;
  AccordHealth health;
  gboolean seen_reviewed = FALSE, seen_unreviewed = FALSE;

  accord_store_set_today (fixture->store, "2026-02-10");

  /* Empty workspace: no items. */
  source = accord_portfolio_source_new (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (source->data.n_items, ==, 0);
  g_clear_pointer (&source, accord_portfolio_source_free);

  reviewed = add_partner (fixture->store, "Reviewed");
  move (fixture->store, reviewed, ACCORD_STAGE_OUTREACH, "2026-02-10");
  review (fixture->store, reviewed, "2026-02-01", 1, ACCORD_RED_FLAG_BRAND_INCIDENT);
  unreviewed = add_partner (fixture->store, "Unreviewed");
  trashed = add_partner (fixture->store, "Trashed");
  g_assert_true (accord_store_trash_partner (fixture->store, trashed, &error));
  g_assert_no_error (error);

  source = accord_portfolio_source_new (fixture->store, &error);
  g_assert_no_error (error);
  /* The trash is not part of the portfolio. */
  g_assert_cmpuint (source->data.n_items, ==, 2);
  g_assert_true (accord_store_get_health (fixture->store, reviewed, &health, &error));
  g_assert_no_error (error);
  g_assert_cmpint (health.band, ==, ACCORD_HEALTH_AT_RISK);
  for (guint i = 0; i < source->data.n_items; i++)
    {
      const AccordPortfolioItem *item = &source->data.items[i];

      if (item->id == accord_partner_get_id (reviewed))
        {
          g_assert_cmpstr (item->name, ==, "Reviewed");
          g_assert_cmpint (item->stage, ==, ACCORD_STAGE_OUTREACH);
          g_assert_cmpint (item->score, ==, health.score);
          seen_reviewed = TRUE;
        }
      else
        {
          g_assert_cmpint (item->id, ==, accord_partner_get_id (unreviewed));
          g_assert_cmpint (item->stage, ==, ACCORD_STAGE_IDENTIFIED);
          /* Never reviewed: not scored, whatever the formula says. */
          g_assert_cmpint (item->score, ==, -1);
          seen_unreviewed = TRUE;
        }
    }
  g_assert_true (seen_reviewed && seen_unreviewed);
}

/* A demo workspace: one item per partner, each placed exactly as reading
 * that partner's results alone would place it. */
static void
test_portfolio_bulk (Fixture       *fixture,
                     gconstpointer  unused)
{
  g_autoptr(AccordPortfolioSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GListModel *partners;
  guint n, scored = 0, unscored = 0;
  guint bands[ACCORD_CHART_N_BANDS] = { 0, };
  gint64 start;
  double seconds;

  g_assert_true (accord_demo_fill (fixture->store, 300, 1, NULL, &error));
  g_assert_no_error (error);
  partners = accord_store_get_partners (fixture->store);
  n = g_list_model_get_n_items (partners);
  g_assert_cmpuint (n, ==, 300);

  start = g_get_monotonic_time ();
  source = accord_portfolio_source_new (fixture->store, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  g_test_message ("portfolio data for %u partners in %.3f s", n, seconds);
  g_assert_cmpuint (source->data.n_items, ==, n);

  for (guint i = 0; i < source->data.n_items; i++)
    {
      const AccordPortfolioItem *item = &source->data.items[i];
      AccordPartner *partner = accord_store_lookup_partner (fixture->store, item->id);
      AccordPartnerResults results;

      g_assert_nonnull (partner);
      g_assert_null (g_hash_table_lookup (seen, &item->id));
      g_hash_table_add (seen, (gpointer) &item->id);
      g_assert_cmpstr (item->name, ==, accord_partner_get_name (partner));
      g_assert_cmpint (item->stage, ==, accord_partner_get_stage (partner));
      g_assert_true (accord_store_get_results (fixture->store, partner, &results, &error));
      g_assert_no_error (error);
      g_assert_cmpint (item->score, ==, accord_portfolio_score_for (&results));
      if (item->score < 0)
        {
          unscored++;
          bands[ACCORD_CHART_BAND_UNKNOWN]++;
        }
      else
        {
          scored++;
          bands[accord_health_band (item->score)]++;
        }
    }
  /* The demo has reviewed and unreviewed partners, in more than one band. */
  g_assert_cmpuint (scored, >, 0);
  g_assert_cmpuint (unscored, >, 0);
  g_assert_cmpuint ((bands[0] > 0) + (bands[1] > 0) + (bands[2] > 0), >=, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/chart-data/lifecycle/spans", Fixture, NULL,
              fixture_set_up, test_lifecycle_spans, fixture_tear_down);
  g_test_add ("/chart-data/lifecycle/scores", Fixture, NULL,
              fixture_set_up, test_lifecycle_scores, fixture_tear_down);
  g_test_add ("/chart-data/lifecycle/markers", Fixture, NULL,
              fixture_set_up, test_lifecycle_markers, fixture_tear_down);
  g_test_add ("/chart-data/lifecycle/mutual-and-bare", Fixture, NULL,
              fixture_set_up, test_lifecycle_mutual_and_bare, fixture_tear_down);
  g_test_add ("/chart-data/lifecycle/hold", Fixture, NULL,
              fixture_set_up, test_lifecycle_hold, fixture_tear_down);
  g_test_add ("/chart-data/lifecycle/replaced-launch", Fixture, NULL,
              fixture_set_up, test_lifecycle_replaced_launch, fixture_tear_down);
  g_test_add ("/chart-data/portfolio/items", Fixture, NULL,
              fixture_set_up, test_portfolio_items, fixture_tear_down);
  g_test_add ("/chart-data/portfolio/bulk", Fixture, NULL,
              fixture_set_up, test_portfolio_bulk, fixture_tear_down);

  return g_test_run ();
}
