/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-chart-data.h"

#include "accord-stage-change.h"

#include <glib/gi18n.h>
#include <string.h>

/* Lifecycle */

static const char *
keep (GStringChunk *strings,
      const char   *text)
{
  return text != NULL ? g_string_chunk_insert_const (strings, text) : NULL;
}

static void
add_marker (AccordLifecycleSource     *source,
            const char                *date,
            AccordLifecycleMarkerKind  kind,
            const char                *label)
{
  AccordLifecycleMarker marker;

  if (date == NULL || !accord_date_is_valid (date))
    return;
  marker.date = keep (source->strings, date);
  marker.kind = kind;
  marker.label = keep (source->strings, label);
  g_array_append_val (source->markers, marker);
}

static gboolean
add_spans (AccordLifecycleSource  *source,
           AccordStore            *store,
           AccordPartner          *partner,
           GError                **error)
{
  GListModel *history = accord_store_get_stage_history (store, partner, error);
  guint n;

  if (history == NULL)
    return FALSE;

  n = g_list_model_get_n_items (history);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordStageChange) change = g_list_model_get_item (history, i);
      AccordLifecycleSpan span = { 0, };

      span.stage = accord_stage_change_get_stage (change);
      span.from = keep (source->strings, accord_stage_change_get_date (change));
      if (i + 1 < n)
        {
          g_autoptr(AccordStageChange) next = g_list_model_get_item (history, i + 1);

          span.to = keep (source->strings, accord_stage_change_get_date (next));
        }
      g_array_append_val (source->spans, span);

      /* A partner on hold has a date to look at it again. */
      if (i + 1 == n && span.stage == ACCORD_STAGE_ON_HOLD)
        add_marker (source, accord_stage_change_get_revisit_on (change),
                    ACCORD_LIFECYCLE_MARKER_OTHER, _("Revisit"));
    }
  return TRUE;
}

static gboolean
add_scores (AccordLifecycleSource  *source,
            AccordStore            *store,
            AccordPartner          *partner,
            GError                **error)
{
  g_autoptr(GArray) history = accord_store_list_health_history (store, partner, error);
  const char *today = accord_store_get_today (store);
  AccordHealth health;

  if (history == NULL)
    return FALSE;

  for (guint i = 0; i < history->len; i++)
    {
      const AccordHealthPoint *point = &g_array_index (history, AccordHealthPoint, i);
      AccordLifecycleScore score;

      score.date = keep (source->strings, point->date);
      score.score = point->score;
      g_array_append_val (source->scores, score);
    }

  /* The health also moves between reviews (contact lapses, KPIs fill up):
   * end the line on today's score, the one the Health group shows, once
   * there is a line at all. */
  if (history->len > 0 &&
      strcmp (g_array_index (history, AccordHealthPoint, history->len - 1).date, today) < 0)
    {
      AccordLifecycleScore score;

      if (!accord_store_get_health (store, partner, &health, error))
        return FALSE;
      score.date = keep (source->strings, today);
      score.score = health.score;
      g_array_append_val (source->scores, score);
    }
  return TRUE;
}

static gboolean
add_review_markers (AccordLifecycleSource  *source,
                    AccordStore            *store,
                    AccordPartner          *partner,
                    GError                **error)
{
  g_autoptr(GPtrArray) reviews = accord_store_list_reviews (store, partner, error);

  if (reviews == NULL)
    return FALSE;

  /* Listed newest first; the chart does not mind the order, the table
   * sorts by date. */
  for (guint i = 0; i < reviews->len; i++)
    {
      const AccordReview *review = g_ptr_array_index (reviews, i);
      g_autofree char *label = NULL;
      guint n_flags = 0;

      for (guint bit = 0; bit < ACCORD_N_RED_FLAGS; bit++)
        if (review->red_flags & (1u << bit))
          n_flags++;
      if (n_flags > 0)
        /* Translators: a review marker's label on the lifecycle chart. */
        label = g_strdup_printf (g_dngettext (NULL, "Review, %u red flag", "Review, %u red flags",
                                              n_flags), n_flags);
      add_marker (source, review->date, ACCORD_LIFECYCLE_MARKER_REVIEW, label);
    }
  return TRUE;
}

static gboolean
add_launch_markers (AccordLifecycleSource  *source,
                    AccordStore            *store,
                    AccordPartner          *partner,
                    GError                **error)
{
  g_autoptr(GPtrArray) runs = accord_store_list_runs (store, partner, error);

  if (runs == NULL)
    return FALSE;

  for (guint i = 0; i < runs->len; i++)
    {
      const AccordRun *run = g_ptr_array_index (runs, i);

      if (run->playbook != ACCORD_PLAYBOOK_LAUNCH)
        continue;
      /* A launch replaced before its day never happened. */
      if (run->stopped_on != NULL && run->anchor_date != NULL &&
          strcmp (run->stopped_on, run->anchor_date) < 0)
        continue;
      add_marker (source, run->anchor_date, ACCORD_LIFECYCLE_MARKER_LAUNCH,
                  run->name != NULL && run->name[0] != '\0' ? run->name : NULL);
    }
  return TRUE;
}

static gboolean
add_agreement_markers (AccordLifecycleSource  *source,
                       AccordStore            *store,
                       AccordPartner          *partner,
                       GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(AccordAgreement) active = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *renewal = NULL;
  g_autofree char *term_end = NULL;
  g_autofree char *review = NULL;
  const char *today = accord_store_get_today (store);

  active = accord_store_get_active_agreement (store, partner, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (active == NULL)
    return TRUE;

  add_marker (source, accord_agreement_earns_from (active), ACCORD_LIFECYCLE_MARKER_OTHER,
              _("Agreement start"));

  review = accord_agreement_next_review (active, today);
  add_marker (source, review, ACCORD_LIFECYCLE_MARKER_REVIEW, _("Next review"));

  notice = accord_agreement_notice_deadline (active, today);
  add_marker (source, notice, ACCORD_LIFECYCLE_MARKER_NOTICE_DEADLINE, NULL);

  if (active->renewal == ACCORD_RENEWAL_AUTOMATIC)
    {
      renewal = accord_agreement_next_renewal (active, today);
      add_marker (source, renewal, ACCORD_LIFECYCLE_MARKER_RENEWAL, NULL);
    }
  else
    {
      term_end = accord_agreement_end_of_term (active);
      add_marker (source, term_end, ACCORD_LIFECYCLE_MARKER_TERM_END, NULL);
    }
  return TRUE;
}

AccordLifecycleSource *
accord_lifecycle_source_new (AccordStore    *store,
                             AccordPartner  *partner,
                             GError        **error)
{
  g_autoptr(AccordLifecycleSource) source = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  source = g_new0 (AccordLifecycleSource, 1);
  source->strings = g_string_chunk_new (256);
  source->spans = g_array_new (FALSE, TRUE, sizeof (AccordLifecycleSpan));
  source->scores = g_array_new (FALSE, TRUE, sizeof (AccordLifecycleScore));
  source->markers = g_array_new (FALSE, TRUE, sizeof (AccordLifecycleMarker));

  if (!add_spans (source, store, partner, error) ||
      !add_scores (source, store, partner, error) ||
      !add_review_markers (source, store, partner, error) ||
      !add_launch_markers (source, store, partner, error) ||
      !add_agreement_markers (source, store, partner, error))
    return NULL;

  /* The arrays are complete: only now may the data point into them. */
  source->data.name = keep (source->strings, accord_partner_get_name (partner));
  source->data.today = keep (source->strings, accord_store_get_today (store));
  source->data.spans = (const AccordLifecycleSpan *) source->spans->data;
  source->data.n_spans = source->spans->len;
  source->data.scores = (const AccordLifecycleScore *) source->scores->data;
  source->data.n_scores = source->scores->len;
  source->data.markers = (const AccordLifecycleMarker *) source->markers->data;
  source->data.n_markers = source->markers->len;

  return g_steal_pointer (&source);
}

void
accord_lifecycle_source_free (AccordLifecycleSource *source)
{
  if (source == NULL)
    return;
  g_clear_pointer (&source->strings, g_string_chunk_free);
  g_clear_pointer (&source->spans, g_array_unref);
  g_clear_pointer (&source->scores, g_array_unref);
  g_clear_pointer (&source->markers, g_array_unref);
  g_free (source);
}

/* Portfolio */

static int
score_for_health (const AccordHealth *health)
{
  if (health == NULL || !health->has_review)
    return -1;
  return CLAMP (health->score, 0, 100);
}

int
accord_portfolio_score_for (const AccordPartnerResults *results)
{
  return score_for_health (results != NULL ? &results->health : NULL);
}

AccordPortfolioSource *
accord_portfolio_source_new (AccordStore  *store,
                             GError      **error)
{
  g_autoptr(AccordPortfolioSource) source = NULL;
  g_autoptr(GHashTable) health = NULL;
  GListModel *partners;
  guint n;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* One bulk read for every partner's health, and only the health. */
  health = accord_store_list_health (store, error);
  if (health == NULL)
    return NULL;

  partners = accord_store_get_partners (store);
  n = g_list_model_get_n_items (partners);

  source = g_new0 (AccordPortfolioSource, 1);
  source->strings = g_string_chunk_new (MAX (n, 1) * 24);
  source->items = g_array_sized_new (FALSE, TRUE, sizeof (AccordPortfolioItem), n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordPartner) partner = g_list_model_get_item (partners, i);
      AccordPortfolioItem item;

      item.id = accord_partner_get_id (partner);
      item.name = keep (source->strings, accord_partner_get_name (partner));
      item.stage = accord_partner_get_stage (partner);
      item.score = score_for_health (g_hash_table_lookup (health, &item.id));
      g_array_append_val (source->items, item);
    }

  source->data.items = (const AccordPortfolioItem *) source->items->data;
  source->data.n_items = source->items->len;
  source->data.hide_empty_stages = FALSE;

  return g_steal_pointer (&source);
}

void
accord_portfolio_source_free (AccordPortfolioSource *source)
{
  if (source == NULL)
    return;
  g_clear_pointer (&source->strings, g_string_chunk_free);
  g_clear_pointer (&source->items, g_array_unref);
  g_free (source);
}
