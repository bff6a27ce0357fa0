/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "accord-agreement.h"
#include "accord-enums.h"
#include "accord-health.h"

G_BEGIN_DECLS

/* Results: referrals, reviews, monthly figures, the commission they earn
 * and the two-way ledger that settles it. Plain records with public
 * fields; money in minor units, rates in basis points, dates "YYYY-MM-DD",
 * months "YYYY-MM". The pure functions here compute against a "today" the
 * caller passes in; persistence is in the store (accord-store-results.c).
 *
 * Commission, by the active agreement's revenue model (DOMAIN.md 6, 10):
 *
 *   A converted referral is one purchase: @revenue_minor on @converted_on.
 *   A customer who buys again is recorded as another converted referral
 *   with the same customer name (case and accents do not matter); the
 *   customer's first purchase is their earliest converted referral. A
 *   referral without a customer name is a customer of its own.
 *
 *   referral fee        amount_minor for each new customer (first purchase);
 *   revenue share       rate_bp of every purchase made within share_months
 *                       of that customer's first purchase (from the first
 *                       purchase's date up to the day before the same date
 *                       share_months later); later purchases earn nothing;
 *                       without share_months, every purchase earns;
 *   tiered              periods of one month, quarter or year from the
 *                       start (start + k x period, the month rule); the
 *                       new customers of a period pick its rate: the tier
 *                       with the highest threshold the count reaches
 *                       (count >= threshold); below every threshold nothing
 *                       is earned. The rate applies to the period's revenue
 *                       (within share_months when that is set);
 *   minimum commitment  per period, rate_bp (when set) of the period's
 *                       revenue as for a revenue share, topped up to
 *                       amount_minor once the period is complete;
 *   fixed fee           amount_minor per completed period.
 *
 *   A period is complete when its last day is before today (and within the
 *   agreement's life). Percentages round once per period (or once in all
 *   for a plain revenue share), half up, in integers: 2000 bp of 12345 is
 *   2469 (2469.0), of 12347 is 2469 (2469.4), of 12348 is 2470 (2469.6),
 *   and 5000 bp of 1 is 1 (0.5 rounds up).
 *
 *   The payer decides who owes it: payer us, we owe the partner
 *   (ACCORD_LEDGER_OWED_TO_PARTNER); payer partner, they owe us
 *   (ACCORD_LEDGER_OWED_BY_PARTNER).
 *
 * An agreement earns from its start (an active one without a start: from
 * the day it became active) to today, or to the day it ended (ended_on,
 * else the day it was marked expired or terminated), and never past the
 * start of the partner's next agreement, so a referral earns under one
 * agreement only. Drafts and agreements in negotiation or legal review
 * earn nothing; referrals converted after today count only once today
 * reaches them. */

/* Referrals */

typedef enum
{
  ACCORD_REFERRAL_LEAD,
  ACCORD_REFERRAL_CONVERTED,
  ACCORD_REFERRAL_LOST,
  ACCORD_N_REFERRAL_STATUSES
} AccordReferralStatus;

/* "lead", "converted", "lost" */
const char *accord_referral_status_to_key   (AccordReferralStatus v);
gboolean    accord_referral_status_from_key (const char *key, AccordReferralStatus *out);
const char *accord_referral_status_label    (AccordReferralStatus v);

typedef struct
{
  gint64               id;            /* 0 until stored */
  gint64               partner_id;
  char                *date;          /* when the lead came in */
  char                *customer;      /* the lead's or customer's name; "" allowed */
  AccordReferralStatus status;
  gint64               revenue_minor; /* >= 0 */
  char                *code;          /* the tracking code or link that brought it; "" allowed */
  char                *converted_on;  /* converted only: the purchase date (>= date) */
} AccordReferral;

AccordReferral *accord_referral_new      (gint64 partner_id, const char *date);
AccordReferral *accord_referral_copy     (const AccordReferral *self);
void            accord_referral_free     (AccordReferral *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordReferral, accord_referral_free)
/* Trims the texts; a converted referral without @converted_on converted on
 * its @date; any other status has no @converted_on. */
void            accord_referral_normalize (AccordReferral *self);
/* Real dates, revenue not negative (at most 999,999,999,999,999), a
 * conversion not before the referral. On FALSE, @error
 * (ACCORD_STORE_ERROR_INVALID) says what. */
gboolean        accord_referral_validate (const AccordReferral *self, GError **error);

/* Reviews */

typedef struct
{
  gint64         id;          /* 0 until stored */
  gint64         partner_id;
  char          *date;
  int            ratings[ACCORD_N_REVIEW_RATINGS];  /* 1..5, AccordReviewRating order */
  AccordRedFlags red_flags;
  char          *notes;
} AccordReview;

AccordReview *accord_review_new      (gint64 partner_id, const char *date);  /* ratings 0: unset */
AccordReview *accord_review_copy     (const AccordReview *self);
void          accord_review_free     (AccordReview *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordReview, accord_review_free)
/* A real date, every rating 1..5, only known red flags. */
gboolean      accord_review_validate (const AccordReview *self, GError **error);

/* "communication", "alignment", "trust", "ease", "future_potential" (the
 * CSV columns) and translated labels. */
const char *accord_review_rating_to_key   (AccordReviewRating rating);
gboolean    accord_review_rating_from_key (const char *key, AccordReviewRating *out);
const char *accord_review_rating_label    (AccordReviewRating rating);

/* Red flags as text: their keys separated by ";" ("missed-commitments;
 * customer-complaints"), in AccordRedFlags order; "" for none. The parser
 * takes any case, "_" for "-", spaces around codes and empty codes; on an
 * unknown code @error names it and lists the known ones. */
char     *accord_red_flags_to_text   (AccordRedFlags flags);
gboolean  accord_red_flags_from_text (const char *text, AccordRedFlags *out, GError **error);

/* Monthly figures */

typedef struct
{
  gint64   partner_id;
  char    *month;              /* "YYYY-MM" */
  gint64   revenue_minor;      /* partner-sourced revenue, >= 0 */
  int      referrals;          /* >= 0 */
  int      conversions;        /* >= 0 */
  gboolean has_nps;
  int      nps;                /* -100..100 when has_nps */
  int      response_hours;     /* ACCORD_UNSET or >= 0: response time to our requests */
  int      joint_initiatives;  /* completed, >= 0 */
} AccordFigures;

AccordFigures *accord_figures_new      (gint64 partner_id, const char *month); /* all 0, no NPS */
AccordFigures *accord_figures_copy     (const AccordFigures *self);
void           accord_figures_free     (AccordFigures *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordFigures, accord_figures_free)
gboolean       accord_figures_validate (const AccordFigures *self, GError **error);

/* TRUE for "YYYY-MM" with a month 01..12. */
gboolean       accord_month_is_valid   (const char *month);

/* The ledger */

typedef enum
{
  ACCORD_LEDGER_OWED_TO_PARTNER,  /* commission we owe them */
  ACCORD_LEDGER_OWED_BY_PARTNER,  /* commission they owe us */
  ACCORD_N_LEDGER_SIDES
} AccordLedgerSide;

typedef enum
{
  ACCORD_LEDGER_PAID,      /* money we paid them */
  ACCORD_LEDGER_RECEIVED,  /* money we received from them */
  ACCORD_N_LEDGER_KINDS
} AccordLedgerKind;

/* "owed_to_partner", "owed_by_partner"; "paid", "received". */
const char      *accord_ledger_side_to_key   (AccordLedgerSide v);
gboolean         accord_ledger_side_from_key (const char *key, AccordLedgerSide *out);
const char      *accord_ledger_side_label    (AccordLedgerSide v);
const char      *accord_ledger_kind_to_key   (AccordLedgerKind v);
gboolean         accord_ledger_kind_from_key (const char *key, AccordLedgerKind *out);
const char      *accord_ledger_kind_label    (AccordLedgerKind v);
/* The side an agreement's commission falls on: payer us -> owed to the
 * partner, payer partner -> owed by the partner. */
AccordLedgerSide accord_ledger_side_for_payer (AccordPayer payer);

typedef struct
{
  gint64           id;          /* 0 until stored */
  gint64           partner_id;
  AccordLedgerSide side;
  AccordLedgerKind kind;
  char            *date;
  gint64           amount_minor; /* > 0 */
  char            *note;
} AccordLedgerEntry;

AccordLedgerEntry *accord_ledger_entry_new      (gint64           partner_id,
                                                 AccordLedgerSide side,
                                                 AccordLedgerKind kind,
                                                 const char      *date,
                                                 gint64           amount_minor);
AccordLedgerEntry *accord_ledger_entry_copy     (const AccordLedgerEntry *self);
void               accord_ledger_entry_free     (AccordLedgerEntry *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordLedgerEntry, accord_ledger_entry_free)
gboolean           accord_ledger_entry_validate (const AccordLedgerEntry *self, GError **error);
/* How much @entry settles of its side: the payment that side expects
 * (paid on "owed to partner", received on "owed by partner") counts
 * +amount; the other kind is a refund and counts -amount. */
gint64             accord_ledger_entry_settled  (const AccordLedgerEntry *self);

/* One side of the ledger: what was earned, what settled it, what is left
 * (earned - settled; negative when overpaid). */
typedef struct
{
  gint64 earned_minor;
  gint64 settled_minor;
  gint64 balance_minor;
} AccordLedgerBalance;

/* Balances from @earned (per side) and @entries (AccordLedgerEntry of one
 * partner); entries dated after @today (NULL: none is) do not count yet. */
void accord_ledger_balances (const gint64               earned[ACCORD_N_LEDGER_SIDES],
                             GPtrArray                 *entries,
                             const char                *today,
                             AccordLedgerBalance        out[ACCORD_N_LEDGER_SIDES]);

/* Commission */

typedef struct
{
  AccordLedgerSide side;          /* who owes it */
  gint64           earned_minor;  /* to date, top-ups included */
  gint64           revenue_minor; /* the revenue the rates applied to */
  guint            n_customers;   /* new customers counted */
  guint            n_periods;     /* completed periods counted */
  gint64           top_up_minor;  /* what minimum-commitment top-ups added */
} AccordCommission;

/* @amount_minor x @rate_bp / 10000, rounded half up, without overflow for
 * any amount the app stores. */
gint64 accord_apply_rate_bp (gint64 amount_minor, int rate_bp);

/* The first day @agreement earns from, or NULL (see the top of this file). */
const char *accord_agreement_earns_from (const AccordAgreement *agreement);

/* What @agreement has earned by @today from @referrals (AccordReferral of
 * its partner, any status, any order) converted from its start up to the
 * day before @until (NULL: no such limit) and its end. */
void accord_commission_compute (const AccordAgreement *agreement,
                                GPtrArray             *referrals,
                                const char            *until,
                                const char            *today,
                                AccordCommission      *out);

/* The sum over a partner's @agreements (AccordAgreement, any order), each
 * limited by the start of the next one, per side. */
void accord_commission_total   (GPtrArray  *agreements,
                                GPtrArray  *referrals,
                                const char *today,
                                gint64      earned[ACCORD_N_LEDGER_SIDES]);

/* New customers (first purchases) converted in the 12 months up to and
 * including @today (after @today minus 12 months), for
 * accord_tier_suggest(). */
guint accord_referrals_count_last_year (GPtrArray *referrals, const char *today);

/* Health inputs from results */

/* What a KPI's metric name measures, matched on words in any case:
 * "revenue" or "sales"; "nps"; "initiative"; "conversion", "converted" or
 * "customer"; "referral", "referred" or "lead"; in that order, so
 * "Referred customers" counts conversions. */
typedef enum
{
  ACCORD_KPI_METRIC_NONE,
  ACCORD_KPI_METRIC_REVENUE,
  ACCORD_KPI_METRIC_NPS,
  ACCORD_KPI_METRIC_INITIATIVES,
  ACCORD_KPI_METRIC_CONVERSIONS,
  ACCORD_KPI_METRIC_REFERRALS,
  ACCORD_N_KPI_METRICS
} AccordKpiMetric;

AccordKpiMetric accord_kpi_metric_from_name (const char *metric);
/* A target as a number: revenue in minor units ("EUR 10,000" ->
 * 1000000; a currency code or symbol around it is ignored), whole counts
 * ("1,000"), NPS from -100 to 100. FALSE when it is not one. */
gboolean        accord_kpi_parse_target     (AccordKpiMetric metric,
                                             const char     *target,
                                             gint64         *out);

/* Figures summed over months, with the latest NPS. */
typedef struct
{
  guint    n_months;
  gint64   revenue_minor;
  gint64   referrals;
  gint64   conversions;
  gint64   joint_initiatives;
  gboolean has_nps;
  int      nps;            /* of the latest month that has one */
  char     nps_month[8];
} AccordFiguresTotals;

/* Adds one month's figures (any order). */
void accord_figures_totals_add (AccordFiguresTotals *totals, const AccordFigures *figures);

/* The KPIs of @active measured against @totals, the figures of the months
 * from the agreement's start (accord_agreement_earns_from()) to @today's.
 * Counted: revenue, referrals, conversions and joint initiatives summed;
 * NPS, the latest month's. A KPI with a date after the start is pro-rated
 * for counts and revenue: before its date, the target is scaled by the
 * days elapsed since the start over the days from the start to its date
 * (rounded half up). Ignored: a metric none of the words name, a target
 * that is no number or not above 0 (after pro-rating), no figures at all
 * (or no NPS for an NPS KPI). Writes each measured KPI's achievement in
 * basis points of its target (capped at 10000: met) to @achievement_bp,
 * which holds at least @active->kpis->len; returns how many. */
guint accord_kpi_achievements (const AccordAgreement     *active,
                               const AccordFiguresTotals *totals,
                               const char                *today,
                               int                       *achievement_bp);

/* A partner's health, computed (see accord-health.h for the formula). */
typedef struct
{
  int                score;
  AccordHealthBand   band;
  AccordHealthReason reasons[ACCORD_N_HEALTH_INPUTS];
  gboolean           has_review;
  guint              n_kpis;              /* measured */
  int                days_since_contact;  /* -1: never */
} AccordHealth;

/* The health from the @latest review (NULL: none), the KPIs of the
 * @active agreement (NULL: none) against @totals (NULL: no figures), and
 * the @last_contact date (NULL: never; a date after @today counts as
 * today). */
void accord_health_compute (const AccordReview        *latest,
                            const AccordAgreement     *active,
                            const AccordFiguresTotals *totals,
                            const char                *last_contact,
                            const char                *today,
                            AccordHealth              *out);

/* One point of a partner's health over time: the score as of a review. */
typedef struct
{
  char             date[11];
  int              score;
  AccordHealthBand band;
} AccordHealthPoint;

/* Everything `list --json`, lists and charts show of a partner's results,
 * computed against the store's today. */
typedef struct
{
  gint64              partner_id;
  AccordHealth        health;
  guint               converted_last_year;  /* accord_referrals_count_last_year() */
  AccordTier          suggested_tier;
  AccordLedgerBalance ledger[ACCORD_N_LEDGER_SIDES];
} AccordPartnerResults;

G_END_DECLS
