/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* An agreement with a partner: what was agreed, its term and deadlines.
 * A plain record with public fields: the form edits a copy and gives it
 * to accord_store_save_agreement(). Every date is "YYYY-MM-DD" or NULL
 * (not set); money is in minor units (cents), rates in basis points
 * (1 % = 100 bp). Derived dates and warnings are pure functions below,
 * always computed against a "today" the caller passes in. */

typedef enum
{
  ACCORD_AGREEMENT_DRAFT,
  ACCORD_AGREEMENT_NEGOTIATING,
  ACCORD_AGREEMENT_LEGAL_REVIEW,
  ACCORD_AGREEMENT_ACTIVE,
  ACCORD_AGREEMENT_EXPIRED,
  ACCORD_AGREEMENT_TERMINATED,
  ACCORD_N_AGREEMENT_STATUSES
} AccordAgreementStatus;

typedef enum
{
  ACCORD_RENEWAL_MUTUAL,     /* renewed only if both agree: no next renewal */
  ACCORD_RENEWAL_AUTOMATIC,  /* renews for another term unless notice is given */
  ACCORD_N_RENEWALS
} AccordRenewal;

typedef enum
{
  ACCORD_REVENUE_NONE,
  ACCORD_REVENUE_REFERRAL_FEE,       /* amount_minor per converted customer */
  ACCORD_REVENUE_SHARE,              /* rate_bp of revenue for share_months */
  ACCORD_REVENUE_FIXED_FEE,          /* amount_minor per period */
  ACCORD_REVENUE_TIERED,             /* tiers: volume threshold -> rate_bp */
  ACCORD_REVENUE_MINIMUM_COMMITMENT, /* amount_minor guaranteed per period */
  ACCORD_N_REVENUE_MODELS
} AccordRevenueModel;

typedef enum
{
  ACCORD_PAYER_US,       /* we pay the partner */
  ACCORD_PAYER_PARTNER,  /* the partner pays us */
  ACCORD_N_PAYERS
} AccordPayer;

typedef enum
{
  ACCORD_PERIOD_MONTH,
  ACCORD_PERIOD_QUARTER,
  ACCORD_PERIOD_YEAR,
  ACCORD_N_PERIODS
} AccordPeriod;

typedef enum
{
  ACCORD_EXCLUSIVITY_NONE,
  ACCORD_EXCLUSIVITY_FULL,
  ACCORD_EXCLUSIVITY_CATEGORY,     /* scope: which categories */
  ACCORD_EXCLUSIVITY_GEOGRAPHIC,   /* scope: which regions */
  ACCORD_EXCLUSIVITY_TIME_LIMITED, /* until exclusivity_until */
  ACCORD_N_EXCLUSIVITIES
} AccordExclusivity;

typedef enum
{
  ACCORD_CADENCE_NONE,
  ACCORD_CADENCE_MONTHLY,
  ACCORD_CADENCE_QUARTERLY,
  ACCORD_CADENCE_ANNUAL,
  ACCORD_N_CADENCES
} AccordCadence;

typedef enum
{
  ACCORD_SIDE_US,
  ACCORD_SIDE_PARTNER,
  ACCORD_N_SIDES
} AccordSide;

/* Warning codes (bit flags), also written as text in JSON. */
typedef enum
{
  ACCORD_AGREEMENT_WARN_NO_TERM           = 1 << 0, /* "no-term" */
  ACCORD_AGREEMENT_WARN_NO_TERMINATION    = 1 << 1, /* "no-termination" */
  ACCORD_AGREEMENT_WARN_NO_KPI            = 1 << 2, /* "no-kpi" */
  ACCORD_AGREEMENT_WARN_EARLY_EXCLUSIVITY = 1 << 3, /* "early-exclusivity" */
} AccordAgreementWarnings;
#define ACCORD_N_AGREEMENT_WARNINGS 4

typedef struct
{
  gint64 threshold;   /* volume (converted customers per period) from which... */
  int    rate_bp;     /* ...this rate applies */
} AccordRateTier;

typedef struct
{
  char *metric;       /* "Referred customers" */
  char *target;       /* free text: "20", "EUR 10,000" */
  char *date;         /* by when; NULL = not set */
} AccordKpi;

typedef struct
{
  AccordSide side;
  char      *title;
  char      *due;     /* NULL = no due date */
  gboolean   done;
} AccordDeliverable;

/* Not set, for the integer fields below that may be absent. */
#define ACCORD_UNSET (-1)

typedef struct
{
  gint64                id;          /* 0 until stored */
  gint64                partner_id;
  char                 *title;       /* "" allowed; the form suggests one */
  AccordAgreementStatus status;
  char                 *status_since; /* date of the last status change */

  /* Term */
  char                 *start;
  int                   term_months;              /* ACCORD_UNSET or 1..600 */
  AccordRenewal         renewal;
  int                   notice_days;              /* ACCORD_UNSET or 0..3650 */
  int                   termination_notice_days;  /* ACCORD_UNSET = no clause */
  char                 *termination_effect;       /* what happens to customers, revenue */
  char                 *ended_on;                 /* expired/terminated on; >= start */

  /* Revenue model */
  AccordRevenueModel    revenue_model;
  AccordPayer           payer;
  char                 *currency;                 /* ISO 4217, "EUR"; NULL = not set */
  int                   rate_bp;                  /* ACCORD_UNSET or 0..10000 */
  int                   share_months;             /* ACCORD_UNSET or 1..600 */
  gint64                amount_minor;             /* ACCORD_UNSET or >= 0 */
  AccordPeriod          period;                   /* fixed fee, minimum commitment */
  GArray               *tiers;                    /* of AccordRateTier, thresholds rising */

  /* Exclusivity */
  AccordExclusivity     exclusivity;
  char                 *exclusivity_scope;
  char                 *exclusivity_until;        /* time-limited; >= start */

  /* Other terms */
  char                 *ip_terms;
  char                 *brand_usage;
  gboolean              confidential;
  int                   confidentiality_months;   /* ACCORD_UNSET = indefinite */
  AccordCadence         review_cadence;
  gboolean              legal_review_needed;
  char                 *legal_requested_on;
  char                 *legal_done_on;            /* >= legal_requested_on */

  GPtrArray            *kpis;                     /* of AccordKpi* */
  GPtrArray            *deliverables;             /* of AccordDeliverable* */
} AccordAgreement;

#define ACCORD_TYPE_AGREEMENT (accord_agreement_get_type ())
GType            accord_agreement_get_type (void) G_GNUC_CONST;

/* A draft with nothing set (status draft, mutual renewal, no revenue,
 * payer us, no exclusivity, every ACCORD_UNSET field unset). */
AccordAgreement *accord_agreement_new   (gint64 partner_id);
AccordAgreement *accord_agreement_copy  (const AccordAgreement *self);
void             accord_agreement_free  (AccordAgreement *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordAgreement, accord_agreement_free)

void accord_agreement_add_kpi         (AccordAgreement *self, const char *metric,
                                       const char *target, const char *date);
void accord_agreement_add_deliverable (AccordAgreement *self, AccordSide side,
                                       const char *title, const char *due, gboolean done);
void accord_agreement_add_tier        (AccordAgreement *self, gint64 threshold, int rate_bp);

/* Keys (for CLI, JSON, the database) and translated labels. from_key
 * returns FALSE for an unknown key. */
const char *accord_agreement_status_to_key   (AccordAgreementStatus v);
gboolean    accord_agreement_status_from_key (const char *key, AccordAgreementStatus *out);
const char *accord_agreement_status_label    (AccordAgreementStatus v);
const char *accord_renewal_to_key            (AccordRenewal v);   /* "mutual", "automatic" */
gboolean    accord_renewal_from_key          (const char *key, AccordRenewal *out);
const char *accord_renewal_label             (AccordRenewal v);
const char *accord_revenue_model_to_key      (AccordRevenueModel v); /* "none", "referral_fee", "revenue_share", "fixed_fee", "tiered", "minimum_commitment" */
gboolean    accord_revenue_model_from_key    (const char *key, AccordRevenueModel *out);
const char *accord_revenue_model_label       (AccordRevenueModel v);
const char *accord_payer_to_key              (AccordPayer v);     /* "us", "partner" */
gboolean    accord_payer_from_key            (const char *key, AccordPayer *out);
const char *accord_payer_label               (AccordPayer v);
const char *accord_period_to_key             (AccordPeriod v);    /* "month", "quarter", "year" */
gboolean    accord_period_from_key           (const char *key, AccordPeriod *out);
const char *accord_period_label              (AccordPeriod v);
const char *accord_exclusivity_to_key        (AccordExclusivity v); /* "none", "full", "category", "geographic", "time_limited" */
gboolean    accord_exclusivity_from_key      (const char *key, AccordExclusivity *out);
const char *accord_exclusivity_label         (AccordExclusivity v);
const char *accord_cadence_to_key            (AccordCadence v);   /* "none", "monthly", "quarterly", "annual" */
gboolean    accord_cadence_from_key          (const char *key, AccordCadence *out);
const char *accord_cadence_label             (AccordCadence v);
int         accord_cadence_months            (AccordCadence v);   /* 0, 1, 3, 12 */
const char *accord_side_to_key               (AccordSide v);      /* "us", "partner" */
gboolean    accord_side_from_key             (const char *key, AccordSide *out);

/* Checks one record on its own (not the "one active" rule, which needs
 * the store): dates are real dates, rate_bp within 0..10000 (no percent
 * above 100), amounts not negative, term and notice within range, no
 * end (ended_on, exclusivity_until, legal_done_on vs requested, KPI and
 * deliverable dates are free) before the start, tiers rising. On FALSE,
 * @error (ACCORD_STORE_ERROR_INVALID) says what, in a sentence. */
gboolean accord_agreement_validate (const AccordAgreement *self, GError **error);

/* DOMAIN.md section 6, exactly. Each returns a new "YYYY-MM-DD" string,
 * or NULL when the record lacks what it needs (no start or no term). */

/* start + k x term months (k >= 0), computed from the start (no drift). */
char *accord_agreement_renewal_date   (const AccordAgreement *self, int k);
/* Renewal date 1 minus one day. */
char *accord_agreement_end_of_term    (const AccordAgreement *self);
/* Mutual renewal: the initial term's deadline (end of term minus notice
 * days; notice unset counts as 0), even when past. Automatic: the
 * deadline of the first period whose deadline is @today or later. */
char *accord_agreement_notice_deadline (const AccordAgreement *self, const char *today);
/* Automatic renewal only (NULL for mutual): the first renewal date k >= 1
 * whose period's notice deadline is @today or later. */
char *accord_agreement_next_renewal   (const AccordAgreement *self, const char *today);
/* The first date start + k x cadence months (k >= 1) that is @today or
 * later; NULL without a start or a cadence. */
char *accord_agreement_next_review    (const AccordAgreement *self, const char *today);

/* Which warnings apply. @has_results: whether the partnership has shown
 * results yet (see accord_store_partner_has_results()). */
AccordAgreementWarnings accord_agreement_get_warnings (const AccordAgreement *self,
                                                       gboolean               has_results);
const char *accord_agreement_warning_to_key  (AccordAgreementWarnings one); /* "no-term" ... */
/* A plain-words explanation of one warning, for the page and the view. */
const char *accord_agreement_warning_explain (AccordAgreementWarnings one);

/* "20 %" from 2000 bp ("12.5 %" from 1250), and a parser for what a person
 * types ("12.5", "12,5 %"): FALSE on anything that is not 0..100 with at
 * most two decimals. */
char    *accord_format_rate_bp (int rate_bp);
gboolean accord_parse_percent  (const char *text, int *rate_bp, GError **error);
/* "EUR 1,234.50" style from minor units, and the reverse ("1234.5" -> 123450);
 * the parser refuses negatives and more than two decimals. */
char    *accord_format_money   (gint64 amount_minor, const char *currency);
gboolean accord_parse_money    (const char *text, gint64 *amount_minor, GError **error);

G_END_DECLS
