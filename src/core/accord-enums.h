/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each enum is stored in SQLite, CSV and JSON by its stable key
 * ("upstream", "co-marketing", ...) and shown to people by its translated
 * label. Value 0 of each means "not set" and has the key "". */

typedef enum
{
  ACCORD_POSITION_UNSET,
  ACCORD_POSITION_UPSTREAM,
  ACCORD_POSITION_PARALLEL,
  ACCORD_POSITION_DOWNSTREAM,
  ACCORD_N_POSITIONS
} AccordPosition;

typedef enum
{
  ACCORD_PARTNERSHIP_TYPE_UNSET,
  ACCORD_PARTNERSHIP_TYPE_DISTRIBUTION,
  ACCORD_PARTNERSHIP_TYPE_INTEGRATION,
  ACCORD_PARTNERSHIP_TYPE_CO_MARKETING,
  ACCORD_PARTNERSHIP_TYPE_CO_BRANDING,
  ACCORD_PARTNERSHIP_TYPE_AFFILIATE,
  ACCORD_PARTNERSHIP_TYPE_INFLUENCER,
  ACCORD_PARTNERSHIP_TYPE_SPONSORSHIP,
  ACCORD_PARTNERSHIP_TYPE_LICENSING,
  ACCORD_PARTNERSHIP_TYPE_LOYALTY,
  ACCORD_PARTNERSHIP_TYPE_STRATEGIC_ALLIANCE,
  ACCORD_PARTNERSHIP_TYPE_ECOSYSTEM,
  ACCORD_PARTNERSHIP_TYPE_SUPPLY_CHAIN,
  ACCORD_N_PARTNERSHIP_TYPES
} AccordPartnershipType;

typedef enum
{
  ACCORD_SOURCE_UNSET,
  ACCORD_SOURCE_INBOUND,
  ACCORD_SOURCE_OUTBOUND,
  ACCORD_SOURCE_CUSTOMER_REFERRAL,
  ACCORD_SOURCE_EVENT,
  ACCORD_SOURCE_WARM_INTRODUCTION,
  ACCORD_N_SOURCES
} AccordSource;

typedef enum
{
  ACCORD_TIER_UNSET,
  ACCORD_TIER_REFERRAL,
  ACCORD_TIER_CERTIFIED,
  ACCORD_TIER_PREMIUM,
  ACCORD_TIER_STRATEGIC,
  ACCORD_N_TIERS
} AccordTier;

/* Stable keys: never translated, never change once released. */
const char *accord_position_to_key         (AccordPosition        value);
const char *accord_partnership_type_to_key (AccordPartnershipType value);
const char *accord_source_to_key           (AccordSource          value);
const char *accord_tier_to_key             (AccordTier            value);

/* Parses a key; also accepts the untranslated English label, any case.
 * Returns FALSE (and leaves @out alone) for an unknown word. "" is UNSET. */
gboolean accord_position_from_key          (const char *key, AccordPosition        *out);
gboolean accord_partnership_type_from_key  (const char *key, AccordPartnershipType *out);
gboolean accord_source_from_key            (const char *key, AccordSource          *out);
gboolean accord_tier_from_key              (const char *key, AccordTier            *out);

/* Translated labels for people; UNSET gives "Not set". */
const char *accord_position_get_label         (AccordPosition        value);
const char *accord_partnership_type_get_label (AccordPartnershipType value);
const char *accord_source_get_label           (AccordSource          value);
const char *accord_tier_get_label             (AccordTier            value);

/* The role the guide suggests looking for, per partnership type, or NULL. */
const char *accord_partnership_type_suggested_role (AccordPartnershipType value);

/* The referrals a year each rung of the programme ladder asks for. */
#define ACCORD_TIER_CERTIFIED_REFERRALS 5
#define ACCORD_TIER_PREMIUM_REFERRALS   20

/* The tier the programme ladder suggests: STRATEGIC for a @strategic
 * partner (deep integration, custom terms), else by the referrals of the
 * last 12 months: 20 or more PREMIUM, 5 or more CERTIFIED, else REFERRAL.
 * Never UNSET: a partner that signed up is at least a referral partner. */
AccordTier  accord_tier_suggest (guint    referrals_last_12_months,
                                 gboolean strategic);

G_END_DECLS
