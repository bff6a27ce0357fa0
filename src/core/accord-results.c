/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-results.h"

#include "accord-lifecycle.h"
#include "accord-store.h"
#include "accord-validate.h"

#include <glib/gi18n.h>
#include <string.h>

/* The largest amount we accept, in minor units, as for agreements. */
#define MAX_AMOUNT_MINOR G_GINT64_CONSTANT (999999999999999)
/* The largest count a month's figures may hold. */
#define MAX_COUNT 1000000000

static gboolean invalid (GError     **error,
                         const char  *format,
                         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_date (const char  *what,
            const char  *date,
            GError     **error)
{
  if (accord_date_is_valid (date))
    return TRUE;
  /* TRANSLATORS: the first %s names the date ("The date", "The conversion date") */
  return invalid (error, _("%s “%s” is not a date; write it as YYYY-MM-DD"),
                  what, date != NULL ? date : "");
}

static gboolean
check_text (const char  *text,
            GError     **error)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    return invalid (error, _("The text is not valid UTF-8"));
  if (g_utf8_strlen (text, -1) > ACCORD_MAX_TEXT_LENGTH)
    return invalid (error, _("The text is too long: at most %d characters"),
                    ACCORD_MAX_TEXT_LENGTH);
  return TRUE;
}

static char *
dup_trimmed (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static void
replace_trimmed (char **text)
{
  char *old = *text;

  *text = dup_trimmed (old);
  g_free (old);
}

/* Keys and labels */

#define DEFINE_KEYS(prefix, Type, N, table) \
  const char * \
  prefix##_to_key (Type v) \
  { \
    g_return_val_if_fail ((guint) v < (N), NULL); \
    return table[v].key; \
  } \
  \
  gboolean \
  prefix##_from_key (const char *key, \
                     Type       *out) \
  { \
    g_return_val_if_fail (out != NULL, FALSE); \
    for (guint i = 0; key != NULL && i < (N); i++) \
      if (strcmp (key, table[i].key) == 0) \
        { \
          *out = (Type) i; \
          return TRUE; \
        } \
    return FALSE; \
  } \
  \
  const char * \
  prefix##_label (Type v) \
  { \
    g_return_val_if_fail ((guint) v < (N), NULL); \
    return _(table[v].label); \
  }

typedef struct
{
  const char *key;
  const char *label;
} KeyLabel;

static const KeyLabel referral_statuses[ACCORD_N_REFERRAL_STATUSES] = {
  { "lead", N_("Lead") },
  { "converted", N_("Converted") },
  { "lost", N_("Lost") },
};

static const KeyLabel review_ratings[ACCORD_N_REVIEW_RATINGS] = {
  { "communication", N_("Communication") },
  { "alignment", N_("Strategic alignment") },
  { "trust", N_("Trust") },
  { "ease", N_("Ease of working together") },
  { "future_potential", N_("Future potential") },
};

static const KeyLabel ledger_sides[ACCORD_N_LEDGER_SIDES] = {
  { "owed_to_partner", N_("Owed to the partner") },
  { "owed_by_partner", N_("Owed by the partner") },
};

static const KeyLabel ledger_kinds[ACCORD_N_LEDGER_KINDS] = {
  { "paid", N_("Paid") },
  { "received", N_("Received") },
};

DEFINE_KEYS (accord_referral_status, AccordReferralStatus, ACCORD_N_REFERRAL_STATUSES,
             referral_statuses)
DEFINE_KEYS (accord_review_rating, AccordReviewRating, ACCORD_N_REVIEW_RATINGS, review_ratings)
DEFINE_KEYS (accord_ledger_side, AccordLedgerSide, ACCORD_N_LEDGER_SIDES, ledger_sides)
DEFINE_KEYS (accord_ledger_kind, AccordLedgerKind, ACCORD_N_LEDGER_KINDS, ledger_kinds)

AccordLedgerSide
accord_ledger_side_for_payer (AccordPayer payer)
{
  return payer == ACCORD_PAYER_PARTNER ? ACCORD_LEDGER_OWED_BY_PARTNER
                                       : ACCORD_LEDGER_OWED_TO_PARTNER;
}

/* Referrals */

AccordReferral *
accord_referral_new (gint64      partner_id,
                     const char *date)
{
  AccordReferral *self = g_new0 (AccordReferral, 1);

  self->partner_id = partner_id;
  self->date = g_strdup (date);
  self->customer = g_strdup ("");
  self->status = ACCORD_REFERRAL_LEAD;
  self->code = g_strdup ("");
  return self;
}

AccordReferral *
accord_referral_copy (const AccordReferral *self)
{
  AccordReferral *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (AccordReferral, 1);
  *copy = *self;
  copy->date = g_strdup (self->date);
  copy->customer = g_strdup (self->customer);
  copy->code = g_strdup (self->code);
  copy->converted_on = g_strdup (self->converted_on);
  return copy;
}

void
accord_referral_free (AccordReferral *self)
{
  if (self == NULL)
    return;
  g_free (self->date);
  g_free (self->customer);
  g_free (self->code);
  g_free (self->converted_on);
  g_free (self);
}

void
accord_referral_normalize (AccordReferral *self)
{
  g_return_if_fail (self != NULL);

  replace_trimmed (&self->date);
  replace_trimmed (&self->customer);
  replace_trimmed (&self->code);
  if (self->status != ACCORD_REFERRAL_CONVERTED)
    g_clear_pointer (&self->converted_on, g_free);
  else if (self->converted_on == NULL || *g_strstrip (self->converted_on) == '\0')
    {
      g_free (self->converted_on);
      self->converted_on = g_strdup (self->date);
    }
}

gboolean
accord_referral_validate (const AccordReferral  *self,
                          GError               **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!check_date (_("The date"), self->date, error))
    return FALSE;
  if ((guint) self->status >= ACCORD_N_REFERRAL_STATUSES)
    return invalid (error, _("Unknown referral status"));
  if (self->revenue_minor < 0)
    return invalid (error, _("The revenue cannot be negative"));
  if (self->revenue_minor > MAX_AMOUNT_MINOR)
    return invalid (error, _("The revenue is too large"));
  if (!check_text (self->customer, error) || !check_text (self->code, error))
    return FALSE;
  if (self->converted_on != NULL)
    {
      if (self->status != ACCORD_REFERRAL_CONVERTED)
        return invalid (error, _("Only a converted referral has a conversion date"));
      if (!check_date (_("The conversion date"), self->converted_on, error))
        return FALSE;
      if (strcmp (self->converted_on, self->date) < 0)
        return invalid (error, _("The conversion date %s comes before the referral on %s"),
                        self->converted_on, self->date);
    }
  return TRUE;
}

/* Reviews */

AccordReview *
accord_review_new (gint64      partner_id,
                   const char *date)
{
  AccordReview *self = g_new0 (AccordReview, 1);

  self->partner_id = partner_id;
  self->date = g_strdup (date);
  self->notes = g_strdup ("");
  return self;
}

AccordReview *
accord_review_copy (const AccordReview *self)
{
  AccordReview *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (AccordReview, 1);
  *copy = *self;
  copy->date = g_strdup (self->date);
  copy->notes = g_strdup (self->notes);
  return copy;
}

void
accord_review_free (AccordReview *self)
{
  if (self == NULL)
    return;
  g_free (self->date);
  g_free (self->notes);
  g_free (self);
}

#define ALL_RED_FLAGS ((1u << ACCORD_N_RED_FLAGS) - 1)

gboolean
accord_review_validate (const AccordReview  *self,
                        GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!check_date (_("The date"), self->date, error))
    return FALSE;
  for (guint i = 0; i < ACCORD_N_REVIEW_RATINGS; i++)
    if (self->ratings[i] < 1 || self->ratings[i] > 5)
      /* TRANSLATORS: %s is a rating ("Trust"); %d what was given */
      return invalid (error, _("%s must be rated from 1 to 5, not %d"),
                      accord_review_rating_label (i), self->ratings[i]);
  if ((self->red_flags & ~ALL_RED_FLAGS) != 0)
    return invalid (error, _("Unknown red flag"));
  return check_text (self->notes, error);
}

char *
accord_red_flags_to_text (AccordRedFlags flags)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ACCORD_N_RED_FLAGS; i++)
    if (flags & (1u << i))
      {
        if (text->len > 0)
          g_string_append_c (text, ';');
        g_string_append (text, accord_red_flag_to_key (1u << i));
      }
  return g_string_free (text, FALSE);
}

gboolean
accord_red_flags_from_text (const char      *text,
                            AccordRedFlags  *out,
                            GError         **error)
{
  g_auto(GStrv) codes = NULL;
  AccordRedFlags flags = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  codes = g_strsplit (text != NULL ? text : "", ";", -1);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *key = g_ascii_strdown (g_strstrip (codes[i]), -1);
      AccordRedFlags one;

      if (*key == '\0')
        continue;
      g_strdelimit (key, "_ ", '-');
      if (!accord_red_flag_from_key (key, &one))
        {
          g_autoptr(GString) known = g_string_new (NULL);

          for (guint j = 0; j < ACCORD_N_RED_FLAGS; j++)
            g_string_append_printf (known, "%s%s", j > 0 ? ", " : "",
                                    accord_red_flag_to_key (1u << j));
          return invalid (error, _("“%s” is not a red flag; use any of: %s"), codes[i],
                          known->str);
        }
      flags |= one;
    }
  *out = flags;
  return TRUE;
}

/* Monthly figures */

AccordFigures *
accord_figures_new (gint64      partner_id,
                    const char *month)
{
  AccordFigures *self = g_new0 (AccordFigures, 1);

  self->partner_id = partner_id;
  self->month = g_strdup (month);
  self->response_hours = ACCORD_UNSET;
  return self;
}

AccordFigures *
accord_figures_copy (const AccordFigures *self)
{
  AccordFigures *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (AccordFigures, 1);
  *copy = *self;
  copy->month = g_strdup (self->month);
  return copy;
}

void
accord_figures_free (AccordFigures *self)
{
  if (self == NULL)
    return;
  g_free (self->month);
  g_free (self);
}

gboolean
accord_month_is_valid (const char *month)
{
  g_autofree char *first_day = NULL;

  if (month == NULL || strlen (month) != 7 || month[4] != '-')
    return FALSE;
  first_day = g_strconcat (month, "-01", NULL);
  return accord_date_is_valid (first_day);
}

static gboolean
check_count (const char  *what,
             gint64       value,
             gint64       max,
             GError     **error)
{
  if (value < 0)
    /* TRANSLATORS: %s names a figure ("Referrals") */
    return invalid (error, _("%s cannot be negative"), what);
  if (value > max)
    return invalid (error, _("%s is too large"), what);
  return TRUE;
}

gboolean
accord_figures_validate (const AccordFigures  *self,
                         GError              **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!accord_month_is_valid (self->month))
    return invalid (error, _("“%s” is not a month; write it as YYYY-MM"),
                    self->month != NULL ? self->month : "");
  if (!check_count (_("Revenue"), self->revenue_minor, MAX_AMOUNT_MINOR, error) ||
      !check_count (_("Referrals"), self->referrals, MAX_COUNT, error) ||
      !check_count (_("Conversions"), self->conversions, MAX_COUNT, error) ||
      !check_count (_("Joint initiatives"), self->joint_initiatives, MAX_COUNT, error))
    return FALSE;
  if (self->has_nps && (self->nps < -100 || self->nps > 100))
    return invalid (error, _("The NPS must be from -100 to 100, not %d"), self->nps);
  if (self->response_hours != ACCORD_UNSET &&
      !check_count (_("The response time"), self->response_hours, MAX_COUNT, error))
    return FALSE;
  return TRUE;
}

/* The ledger */

AccordLedgerEntry *
accord_ledger_entry_new (gint64           partner_id,
                         AccordLedgerSide side,
                         AccordLedgerKind kind,
                         const char      *date,
                         gint64           amount_minor)
{
  AccordLedgerEntry *self = g_new0 (AccordLedgerEntry, 1);

  self->partner_id = partner_id;
  self->side = side;
  self->kind = kind;
  self->date = g_strdup (date);
  self->amount_minor = amount_minor;
  self->note = g_strdup ("");
  return self;
}

AccordLedgerEntry *
accord_ledger_entry_copy (const AccordLedgerEntry *self)
{
  AccordLedgerEntry *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (AccordLedgerEntry, 1);
  *copy = *self;
  copy->date = g_strdup (self->date);
  copy->note = g_strdup (self->note);
  return copy;
}

void
accord_ledger_entry_free (AccordLedgerEntry *self)
{
  if (self == NULL)
    return;
  g_free (self->date);
  g_free (self->note);
  g_free (self);
}

gboolean
accord_ledger_entry_validate (const AccordLedgerEntry  *self,
                              GError                  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if ((guint) self->side >= ACCORD_N_LEDGER_SIDES || (guint) self->kind >= ACCORD_N_LEDGER_KINDS)
    return invalid (error, _("Unknown kind of ledger entry"));
  if (!check_date (_("The date"), self->date, error))
    return FALSE;
  if (self->amount_minor <= 0)
    return invalid (error, _("The amount must be more than zero"));
  if (self->amount_minor > MAX_AMOUNT_MINOR)
    return invalid (error, _("The amount is too large"));
  return check_text (self->note, error);
}

gint64
accord_ledger_entry_settled (const AccordLedgerEntry *self)
{
  gboolean expected;

  g_return_val_if_fail (self != NULL, 0);

  expected = self->side == ACCORD_LEDGER_OWED_TO_PARTNER ? self->kind == ACCORD_LEDGER_PAID
                                                         : self->kind == ACCORD_LEDGER_RECEIVED;
  return expected ? self->amount_minor : -self->amount_minor;
}

void
accord_ledger_balances (const gint64        earned[ACCORD_N_LEDGER_SIDES],
                        GPtrArray          *entries,
                        const char         *today,
                        AccordLedgerBalance out[ACCORD_N_LEDGER_SIDES])
{
  g_return_if_fail (earned != NULL);
  g_return_if_fail (out != NULL);

  for (guint side = 0; side < ACCORD_N_LEDGER_SIDES; side++)
    {
      out[side].earned_minor = earned[side];
      out[side].settled_minor = 0;
    }
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const AccordLedgerEntry *entry = entries->pdata[i];

      if ((guint) entry->side >= ACCORD_N_LEDGER_SIDES)
        continue;
      if (today != NULL && entry->date != NULL && strcmp (entry->date, today) > 0)
        continue;
      out[entry->side].settled_minor += accord_ledger_entry_settled (entry);
    }
  for (guint side = 0; side < ACCORD_N_LEDGER_SIDES; side++)
    out[side].balance_minor = out[side].earned_minor - out[side].settled_minor;
}

/* Commission */

/* @a x @b / @c rounded half up, for @a >= 0, @b >= 0, @c > 0 with
 * 2 x @b x @c within range: @a = q x @c + r keeps every product there. */
static gint64
mul_div_round (gint64 a,
               gint64 b,
               gint64 c)
{
  gint64 q = a / c;
  gint64 r = a % c;

  return q * b + (2 * r * b + c) / (2 * c);
}

gint64
accord_apply_rate_bp (gint64 amount_minor,
                      int    rate_bp)
{
  if (amount_minor <= 0 || rate_bp <= 0)
    return 0;
  return mul_div_round (amount_minor, rate_bp, 10000);
}

const char *
accord_agreement_earns_from (const AccordAgreement *agreement)
{
  g_return_val_if_fail (agreement != NULL, NULL);

  switch (agreement->status)
    {
    case ACCORD_AGREEMENT_ACTIVE:
      if (accord_date_is_valid (agreement->start))
        return agreement->start;
      return accord_date_is_valid (agreement->status_since) ? agreement->status_since : NULL;
    case ACCORD_AGREEMENT_EXPIRED:
    case ACCORD_AGREEMENT_TERMINATED:
      return accord_date_is_valid (agreement->start) ? agreement->start : NULL;
    case ACCORD_AGREEMENT_DRAFT:
    case ACCORD_AGREEMENT_NEGOTIATING:
    case ACCORD_AGREEMENT_LEGAL_REVIEW:
    case ACCORD_N_AGREEMENT_STATUSES:
    default:
      return NULL;
    }
}

/* The last day an ended agreement was in force, or NULL while it runs. */
static const char *
agreement_ended_on (const AccordAgreement *agreement)
{
  if (agreement->status != ACCORD_AGREEMENT_EXPIRED &&
      agreement->status != ACCORD_AGREEMENT_TERMINATED)
    return NULL;
  if (accord_date_is_valid (agreement->ended_on))
    return agreement->ended_on;
  return accord_date_is_valid (agreement->status_since) ? agreement->status_since : NULL;
}

static const char *
min_date (const char *a,
          const char *b)
{
  if (a == NULL)
    return b;
  if (b == NULL)
    return a;
  return strcmp (a, b) <= 0 ? a : b;
}

/* One converted referral as a purchase, with its customer's first one. */
typedef struct
{
  const AccordReferral *referral;
  const char           *first_date;  /* the customer's first purchase */
  gboolean              is_first;    /* this is it */
} Purchase;

static char *
dup_customer_key (const char *customer)
{
  g_autofree char *trimmed = dup_trimmed (customer);
  g_autofree char *folded = NULL;

  if (*trimmed == '\0')
    return NULL;
  folded = g_utf8_casefold (trimmed, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);
}

/* Whether @a is an earlier purchase than @b: by date, then by entry. */
static gboolean
purchase_before (const AccordReferral *a,
                 const AccordReferral *b)
{
  int cmp = strcmp (a->converted_on, b->converted_on);

  if (cmp != 0)
    return cmp < 0;
  return a->id < b->id;
}

/* The converted referrals up to @today as purchases, each knowing its
 * customer's first purchase. */
static GArray *
collect_purchases (GPtrArray  *referrals,
                   const char *today)
{
  g_autoptr(GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GArray *purchases = g_array_new (FALSE, FALSE, sizeof (Purchase));

  for (guint i = 0; referrals != NULL && i < referrals->len; i++)
    {
      const AccordReferral *r = referrals->pdata[i];
      Purchase p = { r, NULL, FALSE };

      if (r->status != ACCORD_REFERRAL_CONVERTED || !accord_date_is_valid (r->converted_on) ||
          strcmp (r->converted_on, today) > 0)
        continue;
      g_array_append_val (purchases, p);
      g_ptr_array_add (keys, dup_customer_key (r->customer));
    }

  for (guint i = 0; i < purchases->len; i++)
    {
      const char *key = keys->pdata[i];
      const AccordReferral *r = g_array_index (purchases, Purchase, i).referral;
      const AccordReferral *earliest;

      if (key == NULL)
        continue;
      earliest = g_hash_table_lookup (first, key);
      if (earliest == NULL || purchase_before (r, earliest))
        g_hash_table_replace (first, g_strdup (key), (gpointer) r);
    }

  for (guint i = 0; i < purchases->len; i++)
    {
      Purchase *p = &g_array_index (purchases, Purchase, i);
      const char *key = keys->pdata[i];
      const AccordReferral *earliest = key != NULL ? g_hash_table_lookup (first, key) : p->referral;

      p->is_first = earliest == p->referral;
      p->first_date = earliest->converted_on;
    }
  return purchases;
}

/* Whether @p falls within a revenue share's months of its customer's
 * first purchase (always, without share months). */
static gboolean
within_share (const AccordAgreement *a,
              const Purchase        *p)
{
  g_autofree char *window_end = NULL;

  if (a->share_months == ACCORD_UNSET || a->share_months <= 0)
    return TRUE;
  window_end = accord_date_add_months (p->first_date, a->share_months);
  return window_end != NULL && strcmp (p->referral->converted_on, window_end) < 0;
}

static void
split_date (const char *date,
            int        *year,
            int        *month)
{
  *year = (int) g_ascii_strtoll (date, NULL, 10);
  *month = (int) g_ascii_strtoll (date + 5, NULL, 10);
}

/* The whole months m for which @from + m months is on or before @date
 * (@date >= @from): the month rule of DOMAIN.md 6, from the start. */
static int
months_since (const char *from,
              const char *date)
{
  g_autofree char *at = NULL;
  int y1, m1, y2, m2;
  int months;

  split_date (from, &y1, &m1);
  split_date (date, &y2, &m2);
  months = (y2 - y1) * 12 + (m2 - m1);
  at = accord_date_add_months (from, months);
  if (at != NULL && strcmp (at, date) > 0)
    months--;
  return MAX (months, 0);
}

static int
period_months (AccordPeriod period)
{
  switch (period)
    {
    case ACCORD_PERIOD_QUARTER:
      return 3;
    case ACCORD_PERIOD_YEAR:
      return 12;
    case ACCORD_PERIOD_MONTH:
    case ACCORD_N_PERIODS:
    default:
      return 1;
    }
}

typedef struct
{
  guint  n_customers;
  gint64 revenue_minor;
} PeriodSums;

static int
tier_rate (const AccordAgreement *a,
           guint                  n_customers)
{
  int rate = 0;

  for (guint i = 0; a->tiers != NULL && i < a->tiers->len; i++)
    {
      const AccordRateTier *tier = &g_array_index (a->tiers, AccordRateTier, i);

      if ((gint64) n_customers >= tier->threshold)
        rate = tier->rate_bp;
    }
  return rate;
}

static gboolean
is_periodic (AccordRevenueModel model)
{
  return model == ACCORD_REVENUE_TIERED || model == ACCORD_REVENUE_FIXED_FEE ||
         model == ACCORD_REVENUE_MINIMUM_COMMITMENT;
}

void
accord_commission_compute (const AccordAgreement *agreement,
                           GPtrArray             *referrals,
                           const char            *until,
                           const char            *today,
                           AccordCommission      *out)
{
  g_autoptr(GArray) purchases = NULL;
  g_autoptr(GArray) periods = NULL;
  g_autofree char *tomorrow = NULL;
  g_autofree char *after_end = NULL;
  const char *from;
  const char *limit;           /* the first day that no longer counts */
  const char *complete_limit;  /* a period ending by this day is complete */
  const char *ended_on;
  gint64 amount;
  int rate;
  int n_months;
  guint n_periods;

  g_return_if_fail (agreement != NULL);
  g_return_if_fail (accord_date_is_valid (today));
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  out->side = accord_ledger_side_for_payer (agreement->payer);

  from = accord_agreement_earns_from (agreement);
  if (from == NULL || agreement->revenue_model == ACCORD_REVENUE_NONE)
    return;

  tomorrow = accord_date_add_days (today, 1);
  ended_on = agreement_ended_on (agreement);
  if (ended_on != NULL)
    after_end = accord_date_add_days (ended_on, 1);
  if (until != NULL && !accord_date_is_valid (until))
    until = NULL;
  limit = min_date (min_date (tomorrow, after_end), until);
  complete_limit = min_date (min_date (today, after_end), until);
  if (strcmp (from, limit) >= 0)
    return;

  amount = MAX (agreement->amount_minor, 0);
  rate = MAX (agreement->rate_bp, 0);
  purchases = collect_purchases (referrals, today);

  n_months = period_months (agreement->period);
  if (is_periodic (agreement->revenue_model))
    {
      g_autofree char *last_day = accord_date_add_days (limit, -1);

      n_periods = (guint) (months_since (from, last_day) / n_months) + 1;
      periods = g_array_sized_new (FALSE, TRUE, sizeof (PeriodSums), n_periods);
      g_array_set_size (periods, n_periods);
    }
  else
    n_periods = 0;

  for (guint i = 0; i < purchases->len; i++)
    {
      const Purchase *p = &g_array_index (purchases, Purchase, i);
      const char *on = p->referral->converted_on;
      gboolean shared;

      if (strcmp (on, from) < 0 || strcmp (on, limit) >= 0)
        continue;
      if (p->is_first)
        out->n_customers++;
      shared = within_share (agreement, p);
      if (shared)
        out->revenue_minor += p->referral->revenue_minor;

      if (periods != NULL)
        {
          guint k = (guint) (months_since (from, on) / n_months);
          PeriodSums *sums = &g_array_index (periods, PeriodSums, MIN (k, n_periods - 1));

          if (p->is_first)
            sums->n_customers++;
          if (shared)
            sums->revenue_minor += p->referral->revenue_minor;
        }
    }

  switch (agreement->revenue_model)
    {
    case ACCORD_REVENUE_REFERRAL_FEE:
      out->earned_minor = amount * out->n_customers;
      break;

    case ACCORD_REVENUE_SHARE:
      out->earned_minor = accord_apply_rate_bp (out->revenue_minor, rate);
      break;

    case ACCORD_REVENUE_TIERED:
    case ACCORD_REVENUE_FIXED_FEE:
    case ACCORD_REVENUE_MINIMUM_COMMITMENT:
      for (guint k = 0; k < n_periods; k++)
        {
          const PeriodSums *sums = &g_array_index (periods, PeriodSums, k);
          g_autofree char *period_end = accord_date_add_months (from, (int) (k + 1) * n_months);
          gboolean complete = period_end != NULL && strcmp (period_end, complete_limit) <= 0;
          gint64 earned = 0;

          if (complete)
            out->n_periods++;
          if (agreement->revenue_model == ACCORD_REVENUE_TIERED)
            earned = accord_apply_rate_bp (sums->revenue_minor,
                                           tier_rate (agreement, sums->n_customers));
          else if (agreement->revenue_model == ACCORD_REVENUE_FIXED_FEE)
            earned = complete ? amount : 0;
          else
            {
              earned = accord_apply_rate_bp (sums->revenue_minor, rate);
              if (complete && earned < amount)
                {
                  out->top_up_minor += amount - earned;
                  earned = amount;
                }
            }
          out->earned_minor += earned;
        }
      break;

    case ACCORD_REVENUE_NONE:
    case ACCORD_N_REVENUE_MODELS:
    default:
      break;
    }
}

static int
compare_in_force (gconstpointer a,
                  gconstpointer b)
{
  const AccordAgreement *x = *(const AccordAgreement * const *) a;
  const AccordAgreement *y = *(const AccordAgreement * const *) b;
  int cmp = strcmp (accord_agreement_earns_from (x), accord_agreement_earns_from (y));

  if (cmp != 0)
    return cmp;
  return (x->id > y->id) - (x->id < y->id);
}

void
accord_commission_total (GPtrArray  *agreements,
                         GPtrArray  *referrals,
                         const char *today,
                         gint64      earned[ACCORD_N_LEDGER_SIDES])
{
  g_autoptr(GPtrArray) in_force = NULL;

  g_return_if_fail (earned != NULL);
  g_return_if_fail (accord_date_is_valid (today));

  for (guint side = 0; side < ACCORD_N_LEDGER_SIDES; side++)
    earned[side] = 0;

  in_force = g_ptr_array_new ();
  for (guint i = 0; agreements != NULL && i < agreements->len; i++)
    if (accord_agreement_earns_from (agreements->pdata[i]) != NULL)
      g_ptr_array_add (in_force, agreements->pdata[i]);
  g_ptr_array_sort (in_force, compare_in_force);

  for (guint i = 0; i < in_force->len; i++)
    {
      const char *until = i + 1 < in_force->len ?
                          accord_agreement_earns_from (in_force->pdata[i + 1]) : NULL;
      AccordCommission commission;

      accord_commission_compute (in_force->pdata[i], referrals, until, today, &commission);
      earned[commission.side] += commission.earned_minor;
    }
}

guint
accord_referrals_count_last_year (GPtrArray  *referrals,
                                  const char *today)
{
  g_autoptr(GArray) purchases = NULL;
  g_autofree char *year_ago = NULL;
  guint n = 0;

  g_return_val_if_fail (accord_date_is_valid (today), 0);

  year_ago = accord_date_add_months (today, -12);
  purchases = collect_purchases (referrals, today);
  for (guint i = 0; i < purchases->len; i++)
    {
      const Purchase *p = &g_array_index (purchases, Purchase, i);

      if (p->is_first && strcmp (p->referral->converted_on, year_ago) > 0)
        n++;
    }
  return n;
}

/* Health inputs from results */

/* Whether @word occurs in @text (both lower case) as the start of a word
 * (so "nps" is not found in "snapshots"). */
static gboolean
has_word (const char *text,
          const char *word)
{
  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    if (p == text || !g_ascii_isalnum (p[-1]))
      return TRUE;
  return FALSE;
}

AccordKpiMetric
accord_kpi_metric_from_name (const char *metric)
{
  static const struct
  {
    const char     *word;
    AccordKpiMetric metric;
  } words[] = {
    { "revenue", ACCORD_KPI_METRIC_REVENUE },
    { "sales", ACCORD_KPI_METRIC_REVENUE },
    { "nps", ACCORD_KPI_METRIC_NPS },
    { "initiative", ACCORD_KPI_METRIC_INITIATIVES },
    { "conversion", ACCORD_KPI_METRIC_CONVERSIONS },
    { "converted", ACCORD_KPI_METRIC_CONVERSIONS },
    { "customer", ACCORD_KPI_METRIC_CONVERSIONS },
    { "referral", ACCORD_KPI_METRIC_REFERRALS },
    { "referred", ACCORD_KPI_METRIC_REFERRALS },
    { "lead", ACCORD_KPI_METRIC_REFERRALS },
  };
  g_autofree char *lower = NULL;

  if (metric == NULL)
    return ACCORD_KPI_METRIC_NONE;
  lower = g_utf8_strdown (metric, -1);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (has_word (lower, words[i].word))
      return words[i].metric;
  return ACCORD_KPI_METRIC_NONE;
}

/* "EUR 10,000", "10,000 EUR", "€10,000", "$ 10,000": the number alone. */
static char *
strip_currency (const char *text)
{
  static const char *const symbols[] = { "€", "$", "£", "¥" };
  g_autofree char *s = dup_trimmed (text);
  const char *start = s;
  size_t len;

  /* The text is cut by moving @start and writing ends, never by moving
   * bytes around. */
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    {
      size_t n = strlen (symbols[i]);

      if (g_str_has_prefix (start, symbols[i]))
        start += n;
      else if (g_str_has_suffix (start, symbols[i]))
        s[strlen (s) - n] = '\0';
    }
  while (g_ascii_isspace (*start))
    start++;
  g_strchomp (s);

  len = strlen (start);
  if (len > 3 && g_ascii_isalpha (start[0]) && g_ascii_isalpha (start[1]) &&
      g_ascii_isalpha (start[2]) && (start[3] == ' ' || g_ascii_isdigit (start[3])))
    {
      start += 3;
      len -= 3;
    }
  if (len > 3 && g_ascii_isalpha (start[len - 1]) && g_ascii_isalpha (start[len - 2]) &&
      g_ascii_isalpha (start[len - 3]) && (start[len - 4] == ' ' || g_ascii_isdigit (start[len - 4])))
    s[(start - s) + len - 3] = '\0';
  return g_strstrip (g_strdup (start));
}

gboolean
accord_kpi_parse_target (AccordKpiMetric  metric,
                         const char      *target,
                         gint64          *out)
{
  g_autofree char *text = NULL;
  gint64 value;

  g_return_val_if_fail (out != NULL, FALSE);

  if (target == NULL)
    return FALSE;

  switch (metric)
    {
    case ACCORD_KPI_METRIC_NPS:
      text = dup_trimmed (target);
      if (!g_ascii_string_to_signed (text[0] == '+' ? text + 1 : text, 10, -100, 100, &value,
                                     NULL))
        return FALSE;
      *out = value;
      return TRUE;

    case ACCORD_KPI_METRIC_REVENUE:
      text = strip_currency (target);
      if (!accord_parse_money (text, &value, NULL))
        return FALSE;
      *out = value;
      return TRUE;

    case ACCORD_KPI_METRIC_INITIATIVES:
    case ACCORD_KPI_METRIC_CONVERSIONS:
    case ACCORD_KPI_METRIC_REFERRALS:
      /* A whole number, thousands grouped or not: the money parser reads
       * it in hundredths. */
      text = dup_trimmed (target);
      if (!accord_parse_money (text, &value, NULL) || value % 100 != 0)
        return FALSE;
      *out = value / 100;
      return TRUE;

    case ACCORD_KPI_METRIC_NONE:
    case ACCORD_N_KPI_METRICS:
    default:
      return FALSE;
    }
}

void
accord_figures_totals_add (AccordFiguresTotals *totals,
                           const AccordFigures *figures)
{
  g_return_if_fail (totals != NULL);
  g_return_if_fail (figures != NULL && figures->month != NULL);

  totals->n_months++;
  totals->revenue_minor += figures->revenue_minor;
  totals->referrals += figures->referrals;
  totals->conversions += figures->conversions;
  totals->joint_initiatives += figures->joint_initiatives;
  if (figures->has_nps &&
      (!totals->has_nps || strcmp (figures->month, totals->nps_month) > 0))
    {
      totals->has_nps = TRUE;
      totals->nps = figures->nps;
      g_strlcpy (totals->nps_month, figures->month, sizeof totals->nps_month);
    }
}

/* @measured in basis points of @target (> 0), capped at 10000 (met). */
static int
achievement_bp (gint64 measured,
                gint64 target)
{
  if (measured <= 0)
    return 0;
  if (measured >= target)
    return 10000;
  /* Keep 2 x target x 10000 within range; the basis points lose nothing
   * that shows. */
  while (target > G_MAXINT64 / 20000)
    {
      measured /= 10;
      target /= 10;
    }
  return (int) mul_div_round (measured, 10000, target);
}

guint
accord_kpi_achievements (const AccordAgreement     *active,
                         const AccordFiguresTotals *totals,
                         const char                *today,
                         int                       *out)
{
  const char *from;
  guint n = 0;

  g_return_val_if_fail (accord_date_is_valid (today), 0);

  if (active == NULL || totals == NULL || active->kpis == NULL)
    return 0;
  from = accord_agreement_earns_from (active);
  if (from == NULL)
    return 0;
  g_return_val_if_fail (out != NULL || active->kpis->len == 0, 0);

  for (guint i = 0; i < active->kpis->len; i++)
    {
      const AccordKpi *kpi = active->kpis->pdata[i];
      AccordKpiMetric metric = accord_kpi_metric_from_name (kpi->metric);
      gint64 target, measured;

      if (!accord_kpi_parse_target (metric, kpi->target, &target))
        continue;

      if (metric == ACCORD_KPI_METRIC_NPS)
        {
          if (!totals->has_nps || target <= 0)
            continue;
          out[n++] = achievement_bp (totals->nps, target);
          continue;
        }

      if (totals->n_months == 0)
        continue;
      switch (metric)
        {
        case ACCORD_KPI_METRIC_REVENUE:
          measured = totals->revenue_minor;
          break;
        case ACCORD_KPI_METRIC_INITIATIVES:
          measured = totals->joint_initiatives;
          break;
        case ACCORD_KPI_METRIC_CONVERSIONS:
          measured = totals->conversions;
          break;
        case ACCORD_KPI_METRIC_REFERRALS:
          measured = totals->referrals;
          break;
        case ACCORD_KPI_METRIC_NONE:
        case ACCORD_KPI_METRIC_NPS:
        case ACCORD_N_KPI_METRICS:
        default:
          continue;
        }

      /* Before its date, a KPI is held to the share of its target that
       * the time elapsed since the start calls for. */
      if (accord_date_is_valid (kpi->date) && strcmp (kpi->date, from) > 0 &&
          strcmp (today, kpi->date) < 0)
        {
          int total_days = accord_days_between (from, kpi->date);
          int elapsed = MAX (accord_days_between (from, today), 0);

          target = mul_div_round (target, elapsed, total_days);
        }
      if (target <= 0)
        continue;
      out[n++] = achievement_bp (measured, target);
    }
  return n;
}

void
accord_health_compute (const AccordReview        *latest,
                       const AccordAgreement     *active,
                       const AccordFiguresTotals *totals,
                       const char                *last_contact,
                       const char                *today,
                       AccordHealth              *out)
{
  g_autofree int *achievements = NULL;
  AccordHealthInputs inputs = { 0, };

  g_return_if_fail (accord_date_is_valid (today));
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);

  if (latest != NULL)
    {
      inputs.has_review = TRUE;
      for (guint i = 0; i < ACCORD_N_REVIEW_RATINGS; i++)
        inputs.ratings[i] = latest->ratings[i];
      inputs.red_flags = latest->red_flags;
    }

  if (active != NULL && active->kpis != NULL && active->kpis->len > 0)
    {
      achievements = g_new0 (int, active->kpis->len);
      inputs.n_kpis = accord_kpi_achievements (active, totals, today, achievements);
      inputs.kpi_achievement_bp = achievements;
    }

  inputs.days_since_contact = -1;
  if (accord_date_is_valid (last_contact))
    inputs.days_since_contact = MAX (accord_days_between (last_contact, today), 0);

  out->score = accord_health_score (&inputs, out->reasons);
  out->band = accord_health_band (out->score);
  out->has_review = inputs.has_review;
  out->n_kpis = inputs.n_kpis;
  out->days_since_contact = inputs.days_since_contact;
}
