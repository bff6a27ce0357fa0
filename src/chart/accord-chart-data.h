/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-lifecycle-chart.h"
#include "accord-portfolio-chart.h"
#include "accord-store.h"

G_BEGIN_DECLS

/* The charts' data, read from a workspace. The chart library draws plain
 * structs that do not own their strings; these builders fill them from an
 * AccordStore and own everything the structs point to, so a widget, the
 * command line and a test all draw the same thing from the same store.
 *
 * Lifecycle (one partner), against the store's today:
 *   spans    one per stage change, each up to the next; the last is open;
 *   scores   the health as of each review (accord_store_list_health_history()),
 *            then the health today when the latest review is older and the
 *            partner has been reviewed;
 *   markers  each review, each launch (a launch run's anchor date), the
 *            revisit date of a partner on hold, and
 *            from the active agreement: its start, the next review its
 *            cadence sets, the notice deadline, and the next renewal
 *            (automatic renewal) or the end of the term (mutual).
 *
 * Portfolio (every partner not in the trash): the partner's stage and its
 * health score, or -1 (not scored) until it has a review. Read with one
 * accord_store_list_health() call whatever the number of partners. */

/* The size exports are drawn at unless asked otherwise: pixels for PNG,
 * points for SVG and PDF. */
#define ACCORD_LIFECYCLE_EXPORT_WIDTH   1000
#define ACCORD_LIFECYCLE_EXPORT_HEIGHT  400
#define ACCORD_PORTFOLIO_EXPORT_WIDTH   1200
#define ACCORD_PORTFOLIO_EXPORT_HEIGHT  800

typedef struct
{
  AccordLifecycleData data;  /* what the chart draws; points into this struct */

  /*< private >*/
  GStringChunk *strings;
  GArray       *spans;
  GArray       *scores;
  GArray       *markers;
} AccordLifecycleSource;

/* The chart data of @partner, or NULL with @error when reading failed. */
AccordLifecycleSource *accord_lifecycle_source_new  (AccordStore    *store,
                                                     AccordPartner  *partner,
                                                     GError        **error);
void                   accord_lifecycle_source_free (AccordLifecycleSource *source);

typedef struct
{
  AccordPortfolioData data;  /* what the chart draws; points into this struct */

  /*< private >*/
  GStringChunk *strings;
  GArray       *items;
} AccordPortfolioSource;

/* Every partner of @store, or NULL with @error when reading failed. Item
 * ids are partner ids (accord_store_lookup_partner()). */
AccordPortfolioSource *accord_portfolio_source_new  (AccordStore  *store,
                                                     GError      **error);
void                   accord_portfolio_source_free (AccordPortfolioSource *source);

/* The score the portfolio places a partner by: its health score, or -1
 * when it has never been reviewed. */
int accord_portfolio_score_for (const AccordPartnerResults *results);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordLifecycleSource, accord_lifecycle_source_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordPortfolioSource, accord_portfolio_source_free)

G_END_DECLS
