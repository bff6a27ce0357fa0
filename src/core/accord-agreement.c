/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "accord-agreement.h"
#include "accord-lifecycle.h"
#include "accord-store.h"
#include "accord-validate.h"

G_DEFINE_BOXED_TYPE (AccordAgreement, accord_agreement,
                     accord_agreement_copy, accord_agreement_free)

/* The largest amount we accept, in minor units: far beyond any real
 * agreement, and far from overflowing a gint64 while parsing. */
#define MAX_AMOUNT_MINOR G_GINT64_CONSTANT (999999999999999)

/* Records */

static void
kpi_free (AccordKpi *kpi)
{
  g_free (kpi->metric);
  g_free (kpi->target);
  g_free (kpi->date);
  g_free (kpi);
}

static void
deliverable_free (AccordDeliverable *deliverable)
{
  g_free (deliverable->title);
  g_free (deliverable->due);
  g_free (deliverable);
}

/* Empty text counts as not set for the dates. */
static char *
dup_date (const char *date)
{
  return date != NULL && *date != '\0' ? g_strdup (date) : NULL;
}

AccordAgreement *
accord_agreement_new (gint64 partner_id)
{
  AccordAgreement *self = g_new0 (AccordAgreement, 1);

  self->partner_id = partner_id;
  self->title = g_strdup ("");
  self->status = ACCORD_AGREEMENT_DRAFT;
  self->term_months = ACCORD_UNSET;
  self->renewal = ACCORD_RENEWAL_MUTUAL;
  self->notice_days = ACCORD_UNSET;
  self->termination_notice_days = ACCORD_UNSET;
  self->termination_effect = g_strdup ("");
  self->revenue_model = ACCORD_REVENUE_NONE;
  self->payer = ACCORD_PAYER_US;
  self->rate_bp = ACCORD_UNSET;
  self->share_months = ACCORD_UNSET;
  self->amount_minor = ACCORD_UNSET;
  self->period = ACCORD_PERIOD_MONTH;
  self->tiers = g_array_new (FALSE, FALSE, sizeof (AccordRateTier));
  self->exclusivity = ACCORD_EXCLUSIVITY_NONE;
  self->exclusivity_scope = g_strdup ("");
  self->ip_terms = g_strdup ("");
  self->brand_usage = g_strdup ("");
  self->confidentiality_months = ACCORD_UNSET;
  self->review_cadence = ACCORD_CADENCE_NONE;
  self->kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) kpi_free);
  self->deliverables = g_ptr_array_new_with_free_func ((GDestroyNotify) deliverable_free);
  return self;
}

AccordAgreement *
accord_agreement_copy (const AccordAgreement *self)
{
  AccordAgreement *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (AccordAgreement, 1);
  *copy = *self;
  copy->title = g_strdup (self->title);
  copy->status_since = g_strdup (self->status_since);
  copy->start = g_strdup (self->start);
  copy->termination_effect = g_strdup (self->termination_effect);
  copy->ended_on = g_strdup (self->ended_on);
  copy->currency = g_strdup (self->currency);
  copy->exclusivity_scope = g_strdup (self->exclusivity_scope);
  copy->exclusivity_until = g_strdup (self->exclusivity_until);
  copy->ip_terms = g_strdup (self->ip_terms);
  copy->brand_usage = g_strdup (self->brand_usage);
  copy->legal_requested_on = g_strdup (self->legal_requested_on);
  copy->legal_done_on = g_strdup (self->legal_done_on);

  copy->tiers = g_array_new (FALSE, FALSE, sizeof (AccordRateTier));
  if (self->tiers != NULL && self->tiers->len > 0)
    g_array_append_vals (copy->tiers, self->tiers->data, self->tiers->len);

  copy->kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) kpi_free);
  for (guint i = 0; self->kpis != NULL && i < self->kpis->len; i++)
    {
      const AccordKpi *kpi = self->kpis->pdata[i];
      accord_agreement_add_kpi (copy, kpi->metric, kpi->target, kpi->date);
    }

  copy->deliverables = g_ptr_array_new_with_free_func ((GDestroyNotify) deliverable_free);
  for (guint i = 0; self->deliverables != NULL && i < self->deliverables->len; i++)
    {
      const AccordDeliverable *d = self->deliverables->pdata[i];
      accord_agreement_add_deliverable (copy, d->side, d->title, d->due, d->done);
    }

  return copy;
}

void
accord_agreement_free (AccordAgreement *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->status_since);
  g_free (self->start);
  g_free (self->termination_effect);
  g_free (self->ended_on);
  g_free (self->currency);
  g_clear_pointer (&self->tiers, g_array_unref);
  g_free (self->exclusivity_scope);
  g_free (self->exclusivity_until);
  g_free (self->ip_terms);
  g_free (self->brand_usage);
  g_free (self->legal_requested_on);
  g_free (self->legal_done_on);
  g_clear_pointer (&self->kpis, g_ptr_array_unref);
  g_clear_pointer (&self->deliverables, g_ptr_array_unref);
  g_free (self);
}

void
accord_agreement_add_kpi (AccordAgreement *self,
                          const char      *metric,
                          const char      *target,
                          const char      *date)
{
  AccordKpi *kpi;

  g_return_if_fail (self != NULL);

  kpi = g_new0 (AccordKpi, 1);
  kpi->metric = g_strdup (metric ? metric : "");
  kpi->target = g_strdup (target ? target : "");
  kpi->date = dup_date (date);
  g_ptr_array_add (self->kpis, kpi);
}

void
accord_agreement_add_deliverable (AccordAgreement *self,
                                  AccordSide       side,
                                  const char      *title,
                                  const char      *due,
                                  gboolean         done)
{
  AccordDeliverable *deliverable;

  g_return_if_fail (self != NULL);

  deliverable = g_new0 (AccordDeliverable, 1);
  deliverable->side = side;
  deliverable->title = g_strdup (title ? title : "");
  deliverable->due = dup_date (due);
  deliverable->done = !!done;
  g_ptr_array_add (self->deliverables, deliverable);
}

void
accord_agreement_add_tier (AccordAgreement *self,
                           gint64           threshold,
                           int              rate_bp)
{
  AccordRateTier tier = { threshold, rate_bp };

  g_return_if_fail (self != NULL);
  g_array_append_val (self->tiers, tier);
}

/* Keys and labels */

typedef struct
{
  const char *key;
  const char *label;
} KeyLabel;

/* Finds @key among @table's keys (or its labels, as people type them),
 * ignoring case, surrounding space and "-"/" " for "_". */
static gboolean
lookup_key (const KeyLabel *table,
            guint           n,
            const char     *key,
            int            *out)
{
  g_autofree char *folded = NULL;

  if (key == NULL)
    return FALSE;

  folded = g_strstrip (g_ascii_strdown (key, -1));
  for (char *p = folded; *p != '\0'; p++)
    if (*p == '-' || *p == ' ')
      *p = '_';

  for (guint i = 0; i < n; i++)
    if (strcmp (folded, table[i].key) == 0)
      {
        *out = i;
        return TRUE;
      }

  /* The untranslated label ("Legal review", "Referral fee"). */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_ascii_strdown (table[i].label, -1);

      for (char *p = label; *p != '\0'; p++)
        if (*p == '-' || *p == ' ')
          *p = '_';
      if (strcmp (folded, label) == 0)
        {
          *out = i;
          return TRUE;
        }
    }
  return FALSE;
}

#define DEFINE_KEYS(prefix, Type, table, n)                                 \
  const char *                                                              \
  prefix##_to_key (Type v)                                                  \
  {                                                                         \
    g_return_val_if_fail ((guint) v < n, NULL);                             \
    return table[v].key;                                                    \
  }                                                                         \
                                                                            \
  gboolean                                                                  \
  prefix##_from_key (const char *key,                                       \
                     Type       *out)                                       \
  {                                                                         \
    int i;                                                                  \
                                                                            \
    g_return_val_if_fail (out != NULL, FALSE);                              \
    if (!lookup_key (table, n, key, &i))                                    \
      return FALSE;                                                         \
    *out = (Type) i;                                                        \
    return TRUE;                                                            \
  }

#define DEFINE_LABEL(prefix, Type, table, n)                                \
  const char *                                                              \
  prefix##_label (Type v)                                                   \
  {                                                                         \
    g_return_val_if_fail ((guint) v < n, NULL);                             \
    return _(table[v].label);                                               \
  }

static const KeyLabel statuses[] = {
  { "draft", N_("Draft") },
  { "negotiating", N_("Negotiating") },
  { "legal_review", N_("Legal review") },
  { "active", N_("Active") },
  { "expired", N_("Expired") },
  { "terminated", N_("Terminated") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == ACCORD_N_AGREEMENT_STATUSES);

static const KeyLabel renewals[] = {
  { "mutual", N_("By mutual agreement") },
  { "automatic", N_("Automatic") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (renewals) == ACCORD_N_RENEWALS);

static const KeyLabel revenue_models[] = {
  { "none", N_("None") },
  { "referral_fee", N_("Referral fee") },
  { "revenue_share", N_("Revenue share") },
  { "fixed_fee", N_("Fixed fee") },
  { "tiered", N_("Tiered rates") },
  { "minimum_commitment", N_("Minimum commitment") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (revenue_models) == ACCORD_N_REVENUE_MODELS);

static const KeyLabel payers[] = {
  { "us", N_("We pay the partner") },
  { "partner", N_("The partner pays us") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (payers) == ACCORD_N_PAYERS);

static const KeyLabel periods[] = {
  { "month", N_("Month") },
  { "quarter", N_("Quarter") },
  { "year", N_("Year") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (periods) == ACCORD_N_PERIODS);

static const KeyLabel exclusivities[] = {
  { "none", N_("None") },
  { "full", N_("Full") },
  { "category", N_("Category") },
  { "geographic", N_("Geographic") },
  { "time_limited", N_("Time-limited") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (exclusivities) == ACCORD_N_EXCLUSIVITIES);

static const KeyLabel cadences[] = {
  { "none", N_("None") },
  { "monthly", N_("Monthly") },
  { "quarterly", N_("Quarterly") },
  { "annual", N_("Annual") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (cadences) == ACCORD_N_CADENCES);

static const KeyLabel sides[] = {
  { "us", N_("Us") },
  { "partner", N_("Partner") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (sides) == ACCORD_N_SIDES);

DEFINE_KEYS (accord_agreement_status, AccordAgreementStatus, statuses, ACCORD_N_AGREEMENT_STATUSES)
DEFINE_LABEL (accord_agreement_status, AccordAgreementStatus, statuses, ACCORD_N_AGREEMENT_STATUSES)
DEFINE_KEYS (accord_renewal, AccordRenewal, renewals, ACCORD_N_RENEWALS)
DEFINE_LABEL (accord_renewal, AccordRenewal, renewals, ACCORD_N_RENEWALS)
DEFINE_KEYS (accord_revenue_model, AccordRevenueModel, revenue_models, ACCORD_N_REVENUE_MODELS)
DEFINE_LABEL (accord_revenue_model, AccordRevenueModel, revenue_models, ACCORD_N_REVENUE_MODELS)
DEFINE_KEYS (accord_payer, AccordPayer, payers, ACCORD_N_PAYERS)
DEFINE_LABEL (accord_payer, AccordPayer, payers, ACCORD_N_PAYERS)
DEFINE_KEYS (accord_period, AccordPeriod, periods, ACCORD_N_PERIODS)
DEFINE_LABEL (accord_period, AccordPeriod, periods, ACCORD_N_PERIODS)
DEFINE_KEYS (accord_exclusivity, AccordExclusivity, exclusivities, ACCORD_N_EXCLUSIVITIES)
DEFINE_LABEL (accord_exclusivity, AccordExclusivity, exclusivities, ACCORD_N_EXCLUSIVITIES)
DEFINE_KEYS (accord_cadence, AccordCadence, cadences, ACCORD_N_CADENCES)
DEFINE_LABEL (accord_cadence, AccordCadence, cadences, ACCORD_N_CADENCES)
DEFINE_KEYS (accord_side, AccordSide, sides, ACCORD_N_SIDES)

int
accord_cadence_months (AccordCadence v)
{
  switch (v)
    {
    case ACCORD_CADENCE_MONTHLY:
      return 1;
    case ACCORD_CADENCE_QUARTERLY:
      return 3;
    case ACCORD_CADENCE_ANNUAL:
      return 12;
    case ACCORD_CADENCE_NONE:
    case ACCORD_N_CADENCES:
    default:
      return 0;
    }
}

/* Validation */

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* @what names the field in a sentence: "The start date". */
static gboolean
check_date (const char  *date,
            const char  *what,
            GError     **error)
{
  if (is_set (date) && !accord_date_is_valid (date))
    return invalid (error, _("%s “%s” is not a date; write it as YYYY-MM-DD"), what, date);
  return TRUE;
}

static gboolean
check_text (const char  *text,
            int          max,
            const char  *what,
            GError     **error)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    return invalid (error, _("%s is not valid text"), what);
  if (g_utf8_strlen (text, -1) > max)
    return invalid (error, _("%s is too long: at most %d characters"), what, max);
  return TRUE;
}

static gboolean
check_range (int          value,
             int          min,
             int          max,
             const char  *what,
             GError     **error)
{
  if (value == ACCORD_UNSET)
    return TRUE;
  if (value < min || value > max)
    return invalid (error, _("%s must be between %d and %d"), what, min, max);
  return TRUE;
}

/* Whether @then (an end) comes before @first (what it ends). */
static gboolean
before_start (const char *first,
              const char *then)
{
  return is_set (first) && is_set (then) && strcmp (then, first) < 0;
}

static gboolean
check_currency (const char  *currency,
                GError     **error)
{
  if (!is_set (currency))
    return TRUE;
  if (strlen (currency) != 3 || !g_ascii_isalpha (currency[0]) ||
      !g_ascii_isalpha (currency[1]) || !g_ascii_isalpha (currency[2]))
    return invalid (error, _("The currency “%s” is not a three-letter code such as EUR or USD"),
                    currency);
  return TRUE;
}

static gboolean
check_rate (int          rate_bp,
            const char  *what,
            GError     **error)
{
  if (rate_bp == ACCORD_UNSET)
    return TRUE;
  if (rate_bp < 0)
    return invalid (error, _("%s cannot be negative"), what);
  if (rate_bp > 10000)
    return invalid (error, _("%s cannot be above 100 %%"), what);
  return TRUE;
}

gboolean
accord_agreement_validate (const AccordAgreement  *self,
                           GError                **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((guint) self->status >= ACCORD_N_AGREEMENT_STATUSES ||
      (guint) self->renewal >= ACCORD_N_RENEWALS ||
      (guint) self->revenue_model >= ACCORD_N_REVENUE_MODELS ||
      (guint) self->payer >= ACCORD_N_PAYERS ||
      (guint) self->period >= ACCORD_N_PERIODS ||
      (guint) self->exclusivity >= ACCORD_N_EXCLUSIVITIES ||
      (guint) self->review_cadence >= ACCORD_N_CADENCES)
    return invalid (error, _("The agreement has a choice that Accord does not know"));

  if (!check_text (self->title, ACCORD_MAX_NAME_LENGTH, _("The title"), error) ||
      !check_text (self->termination_effect, ACCORD_MAX_TEXT_LENGTH,
                   _("The effect of termination"), error) ||
      !check_text (self->exclusivity_scope, ACCORD_MAX_TEXT_LENGTH,
                   _("The scope of exclusivity"), error) ||
      !check_text (self->ip_terms, ACCORD_MAX_TEXT_LENGTH, _("The IP terms"), error) ||
      !check_text (self->brand_usage, ACCORD_MAX_TEXT_LENGTH, _("The brand usage"), error))
    return FALSE;

  if (!check_date (self->status_since, _("The status date"), error) ||
      !check_date (self->start, _("The start date"), error) ||
      !check_date (self->ended_on, _("The end date"), error) ||
      !check_date (self->exclusivity_until, _("The exclusivity end date"), error) ||
      !check_date (self->legal_requested_on, _("The legal review request date"), error) ||
      !check_date (self->legal_done_on, _("The legal review completion date"), error))
    return FALSE;

  if (!check_range (self->term_months, 1, 600, _("The initial term in months"), error) ||
      !check_range (self->notice_days, 0, 3650, _("The notice period in days"), error) ||
      !check_range (self->termination_notice_days, 0, 3650,
                    _("The termination notice in days"), error) ||
      !check_range (self->share_months, 1, 600,
                    _("The number of months the revenue share lasts"), error) ||
      !check_range (self->confidentiality_months, 1, 1200,
                    _("The confidentiality period in months"), error))
    return FALSE;

  if (!check_rate (self->rate_bp, _("The rate"), error))
    return FALSE;
  if (self->amount_minor != ACCORD_UNSET && self->amount_minor < 0)
    return invalid (error, _("The amount cannot be negative"));
  if (self->amount_minor > MAX_AMOUNT_MINOR)
    return invalid (error, _("The amount is too large"));
  if (!check_currency (self->currency, error))
    return FALSE;

  if (before_start (self->start, self->ended_on))
    return invalid (error, _("The end date %s comes before the start date %s"),
                    self->ended_on, self->start);
  if (before_start (self->start, self->exclusivity_until))
    return invalid (error, _("The end of exclusivity, %s, comes before the start date %s"),
                    self->exclusivity_until, self->start);
  if (before_start (self->legal_requested_on, self->legal_done_on))
    return invalid (error, _("The legal review cannot be done on %s, before it was requested "
                             "on %s"),
                    self->legal_done_on, self->legal_requested_on);

  for (guint i = 0; self->tiers != NULL && i < self->tiers->len; i++)
    {
      const AccordRateTier *tier = &g_array_index (self->tiers, AccordRateTier, i);

      if (tier->threshold < 0)
        return invalid (error, _("The volume threshold of tier %u cannot be negative"), i + 1);
      if (tier->rate_bp == ACCORD_UNSET)
        return invalid (error, _("Tier %u needs a rate"), i + 1);
      if (tier->rate_bp < 0)
        return invalid (error, _("The rate of tier %u cannot be negative"), i + 1);
      if (tier->rate_bp > 10000)
        return invalid (error, _("The rate of tier %u cannot be above 100 %%"), i + 1);
      if (i > 0 && tier->threshold <= g_array_index (self->tiers, AccordRateTier, i - 1).threshold)
        return invalid (error, _("The volume thresholds of the tiers must rise: tier %u starts "
                                 "at %lld, not above the tier before it"),
                        i + 1, (long long) tier->threshold);
    }

  for (guint i = 0; self->kpis != NULL && i < self->kpis->len; i++)
    {
      const AccordKpi *kpi = self->kpis->pdata[i];
      g_autofree char *metric = g_strstrip (g_strdup (kpi->metric ? kpi->metric : ""));

      if (*metric == '\0')
        return invalid (error, _("KPI %u needs a metric"), i + 1);
      if (!check_text (kpi->metric, ACCORD_MAX_NAME_LENGTH, _("The KPI metric"), error) ||
          !check_text (kpi->target, ACCORD_MAX_NAME_LENGTH, _("The KPI target"), error) ||
          !check_date (kpi->date, _("The KPI date"), error))
        return FALSE;
    }

  for (guint i = 0; self->deliverables != NULL && i < self->deliverables->len; i++)
    {
      const AccordDeliverable *d = self->deliverables->pdata[i];
      g_autofree char *title = g_strstrip (g_strdup (d->title ? d->title : ""));

      if ((guint) d->side >= ACCORD_N_SIDES)
        return invalid (error, _("Deliverable %u has no side"), i + 1);
      if (*title == '\0')
        return invalid (error, _("Deliverable %u needs a title"), i + 1);
      if (!check_text (d->title, ACCORD_MAX_TEXT_LENGTH, _("The deliverable"), error) ||
          !check_date (d->due, _("The due date of a deliverable"), error))
        return FALSE;
    }

  return TRUE;
}

/* Derived dates (DOMAIN.md section 6) */

static gboolean
has_term (const AccordAgreement *self)
{
  return accord_date_is_valid (self->start) && self->term_months >= 1;
}

/* @date + @months, or NULL when it leaves the dates we can write. */
static char *
add_months (const char *date,
            gint64      months)
{
  g_autofree char *result = NULL;

  if (months > G_MAXINT / 2)
    return NULL;
  result = accord_date_add_months (date, (int) months);
  if (!accord_date_is_valid (result))
    return NULL;
  return g_steal_pointer (&result);
}

static char *
add_days (const char *date,
          int         days)
{
  g_autofree char *result = NULL;

  /* GLib's calendar starts on 1 January of year 1. */
  if (days < 0 && accord_days_between ("0001-01-01", date) < -days)
    return NULL;
  result = accord_date_add_days (date, days);

  if (!accord_date_is_valid (result))
    return NULL;
  return g_steal_pointer (&result);
}

/* Whole calendar months from @from's month to @to's month. */
static gint64
months_between (const char *from,
                const char *to)
{
  int fy, fm, ty, tm;

  fy = atoi (from);
  fm = atoi (from + 5);
  ty = atoi (to);
  tm = atoi (to + 5);
  return (gint64) (ty - fy) * 12 + (tm - fm);
}

/* The first k >= 1 worth trying when looking for a date start + k x
 * @step months at or after @today: every earlier k gives a date in a
 * month before @today's, so it cannot qualify (and neither can a period
 * deadline, which falls before its period's end). */
static gint64
first_k (const char *start,
         int         step,
         const char *today)
{
  gint64 months = months_between (start, today);

  if (months <= 1)
    return 1;
  return MAX (1, (months - 1) / step);
}

char *
accord_agreement_renewal_date (const AccordAgreement *self,
                               int                    k)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (k >= 0, NULL);

  if (!has_term (self))
    return NULL;
  return add_months (self->start, (gint64) k * self->term_months);
}

/* The last day of period @k (the day before renewal date @k). */
static char *
period_end (const AccordAgreement *self,
            gint64                 k)
{
  g_autofree char *renewal = NULL;

  renewal = add_months (self->start, k * self->term_months);
  if (renewal == NULL)
    return NULL;
  return add_days (renewal, -1);
}

static char *
period_deadline (const AccordAgreement *self,
                 gint64                 k)
{
  g_autofree char *end = period_end (self, k);

  if (end == NULL)
    return NULL;
  return add_days (end, -MAX (self->notice_days, 0));
}

char *
accord_agreement_end_of_term (const AccordAgreement *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (!has_term (self))
    return NULL;
  return period_end (self, 1);
}

/* Automatic renewal: the first period k >= 1 whose notice deadline is
 * @today or later; 0 when there is none we can write. */
static gint64
next_period (const AccordAgreement *self,
             const char            *today)
{
  for (gint64 k = first_k (self->start, self->term_months, today); ; k++)
    {
      g_autofree char *deadline = period_deadline (self, k);

      if (deadline == NULL)
        return 0;
      if (strcmp (deadline, today) >= 0)
        return k;
    }
}

char *
accord_agreement_notice_deadline (const AccordAgreement *self,
                                  const char            *today)
{
  gint64 k;

  g_return_val_if_fail (self != NULL, NULL);

  if (!has_term (self))
    return NULL;
  if (self->renewal != ACCORD_RENEWAL_AUTOMATIC)
    return period_deadline (self, 1);

  g_return_val_if_fail (accord_date_is_valid (today), NULL);
  k = next_period (self, today);
  return k > 0 ? period_deadline (self, k) : NULL;
}

char *
accord_agreement_next_renewal (const AccordAgreement *self,
                               const char            *today)
{
  gint64 k;

  g_return_val_if_fail (self != NULL, NULL);

  if (!has_term (self) || self->renewal != ACCORD_RENEWAL_AUTOMATIC)
    return NULL;

  g_return_val_if_fail (accord_date_is_valid (today), NULL);
  k = next_period (self, today);
  return k > 0 ? add_months (self->start, k * self->term_months) : NULL;
}

char *
accord_agreement_next_review (const AccordAgreement *self,
                              const char            *today)
{
  int step;

  g_return_val_if_fail (self != NULL, NULL);

  step = accord_cadence_months (self->review_cadence);
  if (!accord_date_is_valid (self->start) || step == 0)
    return NULL;

  g_return_val_if_fail (accord_date_is_valid (today), NULL);
  for (gint64 k = first_k (self->start, step, today); ; k++)
    {
      g_autofree char *review = add_months (self->start, k * step);

      if (review == NULL)
        return NULL;
      if (strcmp (review, today) >= 0)
        return g_steal_pointer (&review);
    }
}

/* Warnings */

AccordAgreementWarnings
accord_agreement_get_warnings (const AccordAgreement *self,
                               gboolean               has_results)
{
  AccordAgreementWarnings warnings = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (!is_set (self->start) || self->term_months == ACCORD_UNSET)
    warnings |= ACCORD_AGREEMENT_WARN_NO_TERM;
  if (self->termination_notice_days == ACCORD_UNSET)
    warnings |= ACCORD_AGREEMENT_WARN_NO_TERMINATION;
  if (self->kpis == NULL || self->kpis->len == 0)
    warnings |= ACCORD_AGREEMENT_WARN_NO_KPI;
  if (self->exclusivity != ACCORD_EXCLUSIVITY_NONE && !has_results)
    warnings |= ACCORD_AGREEMENT_WARN_EARLY_EXCLUSIVITY;
  return warnings;
}

const char *
accord_agreement_warning_to_key (AccordAgreementWarnings one)
{
  switch (one)
    {
    case ACCORD_AGREEMENT_WARN_NO_TERM:
      return "no-term";
    case ACCORD_AGREEMENT_WARN_NO_TERMINATION:
      return "no-termination";
    case ACCORD_AGREEMENT_WARN_NO_KPI:
      return "no-kpi";
    case ACCORD_AGREEMENT_WARN_EARLY_EXCLUSIVITY:
      return "early-exclusivity";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
accord_agreement_warning_explain (AccordAgreementWarnings one)
{
  switch (one)
    {
    case ACCORD_AGREEMENT_WARN_NO_TERM:
      return _("No start date or initial term yet, so nobody can tell when this agreement "
               "ends or when to give notice. Add both to see its deadlines.");
    case ACCORD_AGREEMENT_WARN_NO_TERMINATION:
      return _("There is no way out before the term ends. A clause that lets either side "
               "end the agreement with some notice keeps a partnership that stops working "
               "from dragging on.");
    case ACCORD_AGREEMENT_WARN_NO_KPI:
      return _("No goals are written down, so a review has nothing to measure against. "
               "Add at least one KPI: a metric, a target and a date.");
    case ACCORD_AGREEMENT_WARN_EARLY_EXCLUSIVITY:
      return _("Exclusivity is granted before this partnership has shown any results. It is "
               "usually safer to start without it and grant it later, for proven results and "
               "something real in return.");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Money and percentages: whole numbers with at most two decimals, never
 * floating point. */

/* "1,234,567" */
static void
append_grouped (GString *out,
                guint64  value)
{
  char digits[32];
  int len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);

  for (int i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
}

char *
accord_format_rate_bp (int rate_bp)
{
  GString *out = g_string_new (NULL);
  guint value;

  if (rate_bp < 0)
    g_string_append_c (out, '-');
  value = (guint) ABS (rate_bp);
  g_string_append_printf (out, "%u", value / 100);
  if (value % 100 != 0)
    {
      if (value % 10 == 0)
        g_string_append_printf (out, ".%u", (value % 100) / 10);
      else
        g_string_append_printf (out, ".%02u", value % 100);
    }
  g_string_append (out, " %");
  return g_string_free (out, FALSE);
}

char *
accord_format_money (gint64      amount_minor,
                     const char *currency)
{
  GString *out = g_string_new (NULL);
  guint64 value;

  if (is_set (currency))
    g_string_append_printf (out, "%s ", currency);
  if (amount_minor < 0)
    g_string_append_c (out, '-');
  value = amount_minor < 0 ? (guint64) (-(amount_minor + 1)) + 1 : (guint64) amount_minor;
  append_grouped (out, value / 100);
  g_string_append_printf (out, ".%02u", (guint) (value % 100));
  return g_string_free (out, FALSE);
}

/* Parses "1234", "1,234.5", "1.234,50", "12,5" into hundredths, up to
 * @max. The last "." or "," is the decimal mark when one or two digits
 * follow it; separators before it group thousands (one kind, groups of
 * three). "1,234" is a thousand and more; "0.125" is refused. */
static gboolean
parse_hundredths (const char *text,
                  gint64      max,
                  gint64     *out)
{
  const char *decimal = strrchr (text, '.');
  const char *comma = strrchr (text, ',');
  char group = '\0';
  gint64 whole = 0;
  int cents = 0;
  int in_group = 0;
  int groups = 0;
  const char *p;

  if (comma > decimal)
    decimal = comma;
  if (decimal != NULL)
    {
      size_t tail = strlen (decimal + 1);

      if (tail == 3)
        decimal = NULL;  /* a thousands separator */
      else if (tail == 0 || tail > 2 || decimal == text)
        return FALSE;
    }

  for (p = text; *p != '\0' && p != decimal; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          whole = whole * 10 + (*p - '0');
          if (whole > max / 100)
            return FALSE;
          in_group++;
          continue;
        }
      if (*p != '.' && *p != ',')
        return FALSE;
      /* A thousands separator: the first group has 1 to 3 digits and no
       * leading zero, the next ones exactly 3. */
      if ((group != '\0' && *p != group) || (decimal != NULL && *p == *decimal))
        return FALSE;
      if (groups == 0 ? (in_group == 0 || in_group > 3 || text[0] == '0') : in_group != 3)
        return FALSE;
      group = *p;
      groups++;
      in_group = 0;
    }
  if (in_group == 0 || (groups > 0 && in_group != 3))
    return FALSE;

  if (decimal != NULL)
    {
      for (p = decimal + 1; *p != '\0'; p++)
        {
          if (!g_ascii_isdigit (*p))
            return FALSE;
          cents = cents * 10 + (*p - '0');
        }
      if (strlen (decimal + 1) == 1)
        cents *= 10;
    }

  *out = whole * 100 + cents;
  return *out <= max;
}

gboolean
accord_parse_percent (const char  *text,
                      int         *rate_bp,
                      GError     **error)
{
  g_autofree char *trimmed = NULL;
  gint64 value;
  size_t len;

  g_return_val_if_fail (rate_bp != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text ? text : ""));
  len = strlen (trimmed);
  if (len > 0 && trimmed[len - 1] == '%')
    {
      trimmed[len - 1] = '\0';
      g_strchomp (trimmed);
    }

  if (*trimmed == '-')
    return invalid (error, _("A percentage cannot be negative"));
  if (*trimmed == '\0' || !parse_hundredths (trimmed, G_MAXINT64, &value))
    return invalid (error, _("“%s” is not a percentage; write it as 20 or 12.5"),
                    text ? text : "");
  if (value > 10000)
    return invalid (error, _("A percentage cannot be above 100"));
  *rate_bp = (int) value;
  return TRUE;
}

gboolean
accord_parse_money (const char  *text,
                    gint64      *amount_minor,
                    GError     **error)
{
  g_autofree char *trimmed = NULL;
  gint64 value;

  g_return_val_if_fail (amount_minor != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text ? text : ""));
  if (*trimmed == '-')
    return invalid (error, _("An amount cannot be negative"));
  if (*trimmed == '\0' || !parse_hundredths (trimmed, MAX_AMOUNT_MINOR, &value))
    return invalid (error, _("“%s” is not an amount; write it as 1234.50"), text ? text : "");
  *amount_minor = value;
  return TRUE;
}
