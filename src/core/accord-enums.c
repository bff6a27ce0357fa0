/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "accord-enums.h"

/* One table per enum: the stable key and the untranslated label. The
 * index in the table is the enum value. */
typedef struct
{
  const char *key;
  const char *label;
} EnumInfo;

static const EnumInfo positions[] = {
  { "", N_("Not set") },
  { "upstream", N_("Upstream") },
  { "parallel", N_("Parallel") },
  { "downstream", N_("Downstream") },
};

static const EnumInfo partnership_types[] = {
  { "", N_("Not set") },
  { "distribution", N_("Distribution or reseller") },
  { "integration", N_("Integration") },
  { "co-marketing", N_("Co-marketing or content") },
  { "co-branding", N_("Co-branding") },
  { "affiliate", N_("Affiliate, ambassador or referral") },
  { "influencer", N_("Influencer or creator") },
  { "sponsorship", N_("Sponsorship") },
  { "licensing", N_("Licensing") },
  { "loyalty", N_("Loyalty programme") },
  { "strategic-alliance", N_("Strategic alliance") },
  { "ecosystem", N_("Ecosystem or marketplace") },
  { "supply-chain", N_("Supply chain") },
};

static const EnumInfo sources[] = {
  { "", N_("Not set") },
  { "inbound", N_("Inbound application") },
  { "outbound", N_("Outbound research") },
  { "customer-referral", N_("Referral from a customer") },
  { "event", N_("Event") },
  { "warm-introduction", N_("Warm introduction") },
};

static const EnumInfo tiers[] = {
  { "", N_("Not set") },
  { "referral", N_("Referral") },
  { "certified", N_("Certified") },
  { "premium", N_("Premium") },
  { "strategic", N_("Strategic") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (positions) == ACCORD_N_POSITIONS);
G_STATIC_ASSERT (G_N_ELEMENTS (partnership_types) == ACCORD_N_PARTNERSHIP_TYPES);
G_STATIC_ASSERT (G_N_ELEMENTS (sources) == ACCORD_N_SOURCES);
G_STATIC_ASSERT (G_N_ELEMENTS (tiers) == ACCORD_N_TIERS);

static gboolean
lookup (const EnumInfo *table,
        guint           n,
        const char     *key,
        guint          *out)
{
  g_autofree char *trimmed = NULL;

  if (key == NULL)
    return FALSE;

  trimmed = g_strstrip (g_strdup (key));
  for (guint i = 0; i < n; i++)
    {
      if (g_ascii_strcasecmp (trimmed, table[i].key) == 0 ||
          (i > 0 && g_ascii_strcasecmp (trimmed, table[i].label) == 0))
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

#define DEFINE_ENUM_FUNCS(Type, prefix, table)                          \
  const char *prefix##_to_key (Type value)                              \
  {                                                                     \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), "");    \
    return table[value].key;                                            \
  }                                                                     \
  const char *prefix##_get_label (Type value)                           \
  {                                                                     \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), "");    \
    return _(table[value].label);                                       \
  }                                                                     \
  gboolean prefix##_from_key (const char *key, Type *out)               \
  {                                                                     \
    guint v;                                                            \
    g_return_val_if_fail (out != NULL, FALSE);                          \
    if (!lookup (table, G_N_ELEMENTS (table), key, &v))                 \
      return FALSE;                                                     \
    *out = (Type) v;                                                    \
    return TRUE;                                                        \
  }

DEFINE_ENUM_FUNCS (AccordPosition, accord_position, positions)
DEFINE_ENUM_FUNCS (AccordPartnershipType, accord_partnership_type, partnership_types)
DEFINE_ENUM_FUNCS (AccordSource, accord_source, sources)
DEFINE_ENUM_FUNCS (AccordTier, accord_tier, tiers)

const char *
accord_partnership_type_suggested_role (AccordPartnershipType value)
{
  /* Whom the reference guide says to look for, by kind of partnership. */
  switch (value)
    {
    case ACCORD_PARTNERSHIP_TYPE_INTEGRATION:
      return _("Head of product or CTO");
    case ACCORD_PARTNERSHIP_TYPE_CO_MARKETING:
    case ACCORD_PARTNERSHIP_TYPE_CO_BRANDING:
      return _("Head of marketing");
    case ACCORD_PARTNERSHIP_TYPE_DISTRIBUTION:
      return _("Head of sales or channel manager");
    case ACCORD_PARTNERSHIP_TYPE_STRATEGIC_ALLIANCE:
      return _("CEO or founder");
    case ACCORD_PARTNERSHIP_TYPE_ECOSYSTEM:
      return _("Head of partnerships");
    case ACCORD_PARTNERSHIP_TYPE_UNSET:
    case ACCORD_PARTNERSHIP_TYPE_AFFILIATE:
    case ACCORD_PARTNERSHIP_TYPE_INFLUENCER:
    case ACCORD_PARTNERSHIP_TYPE_SPONSORSHIP:
    case ACCORD_PARTNERSHIP_TYPE_LICENSING:
    case ACCORD_PARTNERSHIP_TYPE_LOYALTY:
    case ACCORD_PARTNERSHIP_TYPE_SUPPLY_CHAIN:
    case ACCORD_N_PARTNERSHIP_TYPES:
    default:
      return NULL;
    }
}

AccordTier
accord_tier_suggest (guint    referrals_last_12_months,
                     gboolean strategic)
{
  /* Strategic is about the depth of the relationship, not volume: a
   * partner on custom terms stays strategic in a quiet year. */
  if (strategic)
    return ACCORD_TIER_STRATEGIC;
  if (referrals_last_12_months >= ACCORD_TIER_PREMIUM_REFERRALS)
    return ACCORD_TIER_PREMIUM;
  if (referrals_last_12_months >= ACCORD_TIER_CERTIFIED_REFERRALS)
    return ACCORD_TIER_CERTIFIED;
  return ACCORD_TIER_REFERRAL;
}
