/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-store.h"

G_BEGIN_DECLS

/* The portfolio dashboard (DOMAIN.md section 10): figures over every
 * partner not in the trash, computed against the store's today in a fixed
 * number of queries however many partners there are. "This month" is
 * today's calendar month (so far); "last month" the one before it.
 *
 * Revenue, per partner and month: the revenue of the monthly figures when
 * the partner has figures for that month, else the revenue of its
 * referrals converted in that month (up to today). Figures win because
 * they are what the partner reported for the whole month; referrals fill
 * the months nobody has reported yet, such as the current one. The same
 * rule counts referrals: the figures' count, else the referrals that came
 * in that month.
 *
 * Active partners are those in Launching, Growing, Optimizing or
 * Renewing; last month's count is read from the stage history as it
 * stood on the last day of last month.
 *
 * A partnership starts on the first day the partner reached Launching (or
 * a later live stage) or one of its agreements became active, whichever
 * is earlier; it is new in the month of that day. It ends in the month
 * it moved to Ended. An agreement became active on its first recorded
 * change to active; one saved active from the start, on its status date;
 * one only ever seen expired or terminated, on its start.
 *
 * Top partners: by revenue and by referrals over the twelve months of
 * the trend; by growth, the revenue of the last three complete months
 * against the three before them, among partners who had revenue in those
 * three before (growth from nothing has no percentage), growing ones only.
 *
 * Workflow metrics, medians in whole days over the workspace (the mean
 * of the two middle values for an even count, rounded half up), each
 * over the cases that have both ends, later end not before the earlier:
 *
 *   time to onboard       first move to Identified -> first move to Launching;
 *   agreement to launch   the first agreement becoming active -> the
 *                         first launch date L (a launch playbook's
 *                         anchor) on or after it, up to today;
 *   approval cycle        an agreement's legal review requested -> done;
 *   first referral        the partnership's start (the earliest start of
 *                         an agreement that became active, else the day
 *                         one became active, else the first launch date)
 *                         -> the first converted referral on or after it;
 *   tracking checked      of the launches whose date L is today or past,
 *                         the share whose "Tracking checked before
 *                         go-live" step is done.
 *
 * With no case at all a metric has "not enough data" (n = 0).
 *
 * Health alerts: active partners whose health band is watch or at risk,
 * worst score first, each with the input that took the most points. */

#define ACCORD_DASHBOARD_MONTHS 12
#define ACCORD_DASHBOARD_TOP    5

typedef enum
{
  ACCORD_DASHBOARD_TIME_TO_ONBOARD,
  ACCORD_DASHBOARD_AGREEMENT_TO_LAUNCH,
  ACCORD_DASHBOARD_APPROVAL_CYCLE,
  ACCORD_DASHBOARD_TIME_TO_FIRST_REFERRAL,
  ACCORD_DASHBOARD_N_MEDIANS
} AccordDashboardMedianKind;

typedef struct
{
  guint n;     /* cases measured; 0: not enough data */
  int   days;  /* the median, when n > 0 */
} AccordDashboardMedian;

/* A top partner. @value is the revenue (minor units) or the number of
 * referrals over the trend's months; for growth, the revenue of the last
 * three complete months, @previous that of the three before and
 * @growth_bp the change in basis points of @previous. */
typedef struct
{
  AccordPartner *partner;   /* owned reference */
  gint64         value;
  gint64         previous;
  gint64         growth_bp;
} AccordDashboardRank;

typedef struct
{
  AccordPartner     *partner;  /* owned reference */
  int                score;
  AccordHealthBand   band;
  AccordHealthReason reason;   /* the input that took the most points */
} AccordDashboardAlert;

typedef enum
{
  ACCORD_DASHBOARD_BY_REVENUE,
  ACCORD_DASHBOARD_BY_REFERRALS,
  ACCORD_DASHBOARD_BY_GROWTH,
  ACCORD_DASHBOARD_N_RANKINGS
} AccordDashboardRanking;

typedef struct
{
  char     today[11];
  /* The trend: months[ACCORD_DASHBOARD_MONTHS - 1] is this month,
   * the one before it last month. */
  char     months[ACCORD_DASHBOARD_MONTHS][8];
  gint64   revenue_minor[ACCORD_DASHBOARD_MONTHS];
  gint64   referrals[ACCORD_DASHBOARD_MONTHS];
  /* Whether any month of the trend has figures or a referral. */
  gboolean has_results;
  /* The currency most agreements use (NULL: none set), and whether some
   * use another one: amounts are added as they are. */
  char    *currency;
  gboolean mixed_currencies;

  guint    n_partners;
  guint    active_now;
  guint    active_last_month;
  guint    new_this_month;
  guint    new_last_month;
  guint    ended_this_month;
  guint    ended_last_month;

  /* AccordDashboardRank, best first, at most ACCORD_DASHBOARD_TOP each. */
  GPtrArray *top[ACCORD_DASHBOARD_N_RANKINGS];

  /* The pipeline. */
  guint    by_stage[ACCORD_N_STAGES];
  guint    in_discussion;      /* Outreach + Negotiating */
  guint    expected_to_close;  /* Negotiating, an agreement in negotiation or legal review */

  /* AccordDashboardAlert, every one, worst first. */
  GPtrArray *alerts;
  guint      n_at_risk;
  guint      n_watch;

  /* Commission balances: the sums of what is owed (positive balances
   * only: an overpaid partner does not cancel another's debt). */
  gint64   owed_to_partners_minor;
  guint    n_owed_to;
  gint64   owed_by_partners_minor;
  guint    n_owed_by;

  AccordDashboardMedian medians[ACCORD_DASHBOARD_N_MEDIANS];
  guint    launches_past;      /* launches with L today or before */
  guint    launches_tracked;   /* of those, tracking checked */
} AccordDashboard;

/* Computes every figure for @store's partners against its today. */
AccordDashboard *accord_dashboard_compute (AccordStore  *store,
                                           GError      **error);
void             accord_dashboard_free    (AccordDashboard *self);

/* The same in a worker thread, on a connection of its own to @store's
 * file, dated with @store's today, so a big workspace never blocks the
 * window. The result's partners are @store's own (one gone meanwhile is
 * left out). Call the finish function on the main thread. */
void             accord_dashboard_compute_async  (AccordStore         *store,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
AccordDashboard *accord_dashboard_compute_finish (AccordStore   *store,
                                                  GAsyncResult  *result,
                                                  GError       **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordDashboard, accord_dashboard_free)

/* The median of @n whole-day values (reordered), as described above.
 * Returns FALSE (not enough data) when @n is 0. */
gboolean accord_dashboard_median (int   *days,
                                  guint  n,
                                  int   *median);

/* The change from @before to @now in basis points of @before, rounded
 * half away from zero; FALSE when @before is not above 0. */
gboolean accord_dashboard_change_bp (gint64  now,
                                     gint64  before,
                                     gint64 *change_bp);

typedef enum
{
  ACCORD_DASHBOARD_COMPARE_PLAIN,         /* "up 12 %" */
  ACCORD_DASHBOARD_COMPARE_MONTH_BEFORE,  /* "up 12 % from the month before" */
  ACCORD_DASHBOARD_COMPARE_LAST_MONTH,    /* "up 12 % from last month" */
} AccordDashboardCompare;

/* The change from @before to @now in words, to whole percent: "up 12 %",
 * "down 3 %", "no change" (each with @compare's ending). NULL when there
 * is no percentage (@before not above 0). */
char    *accord_dashboard_describe_change (gint64                 now,
                                           gint64                 before,
                                           AccordDashboardCompare compare);

/* "12 days", "1 day", or "Not enough data". */
char    *accord_dashboard_format_median (const AccordDashboardMedian *median);

/* The share of launches with tracking checked, "3 of 4 (75 %)", or "Not
 * enough data" when no launch is past. */
char    *accord_dashboard_format_tracking (const AccordDashboard *self);

const char *accord_dashboard_median_title   (AccordDashboardMedianKind kind);
/* What the metric measures, in a sentence. */
const char *accord_dashboard_median_explain (AccordDashboardMedianKind kind);

G_END_DECLS
