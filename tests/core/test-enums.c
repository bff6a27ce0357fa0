/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "accord-enums.h"
#include "accord-partner.h"

static void
test_keys_round_trip (void)
{
  for (int i = 0; i < ACCORD_N_POSITIONS; i++)
    {
      AccordPosition v = -1;
      g_assert_true (accord_position_from_key (accord_position_to_key (i), &v));
      g_assert_cmpint (v, ==, i);
    }
  for (int i = 0; i < ACCORD_N_PARTNERSHIP_TYPES; i++)
    {
      AccordPartnershipType v = -1;
      g_assert_true (accord_partnership_type_from_key (accord_partnership_type_to_key (i), &v));
      g_assert_cmpint (v, ==, i);
    }
  for (int i = 0; i < ACCORD_N_SOURCES; i++)
    {
      AccordSource v = -1;
      g_assert_true (accord_source_from_key (accord_source_to_key (i), &v));
      g_assert_cmpint (v, ==, i);
    }
  for (int i = 0; i < ACCORD_N_TIERS; i++)
    {
      AccordTier v = -1;
      g_assert_true (accord_tier_from_key (accord_tier_to_key (i), &v));
      g_assert_cmpint (v, ==, i);
    }
}

static void
test_labels_and_unknown (void)
{
  AccordPartnershipType type = ACCORD_PARTNERSHIP_TYPE_UNSET;
  AccordTier tier = ACCORD_TIER_UNSET;

  /* English labels and any case are accepted, as people type them in CSV. */
  g_assert_true (accord_partnership_type_from_key ("Co-marketing or content", &type));
  g_assert_cmpint (type, ==, ACCORD_PARTNERSHIP_TYPE_CO_MARKETING);
  g_assert_true (accord_tier_from_key ("  PREMIUM ", &tier));
  g_assert_cmpint (tier, ==, ACCORD_TIER_PREMIUM);

  tier = ACCORD_TIER_CERTIFIED;
  g_assert_false (accord_tier_from_key ("platinum", &tier));
  g_assert_cmpint (tier, ==, ACCORD_TIER_CERTIFIED);
  g_assert_false (accord_tier_from_key ("Not set", &tier));
}

static void
test_suggested_roles (void)
{
  g_assert_cmpstr (accord_partnership_type_suggested_role (ACCORD_PARTNERSHIP_TYPE_INTEGRATION), ==,
                   "Head of product or CTO");
  g_assert_cmpstr (accord_partnership_type_suggested_role (ACCORD_PARTNERSHIP_TYPE_CO_MARKETING), ==,
                   "Head of marketing");
  g_assert_cmpstr (accord_partnership_type_suggested_role (ACCORD_PARTNERSHIP_TYPE_DISTRIBUTION), ==,
                   "Head of sales or channel manager");
  g_assert_cmpstr (accord_partnership_type_suggested_role (ACCORD_PARTNERSHIP_TYPE_STRATEGIC_ALLIANCE), ==,
                   "CEO or founder");
  g_assert_cmpstr (accord_partnership_type_suggested_role (ACCORD_PARTNERSHIP_TYPE_ECOSYSTEM), ==,
                   "Head of partnerships");
  g_assert_null (accord_partnership_type_suggested_role (ACCORD_PARTNERSHIP_TYPE_UNSET));
}

static void
test_tags_parse (void)
{
  g_auto(GStrv) tags = accord_tags_parse (" saas, EMEA,,emea ; b2b ,");
  const char *expected[] = { "saas", "EMEA", "b2b", NULL };

  g_assert_cmpstrv (tags, expected);
}

static void
test_field_text (void)
{
  g_autoptr(AccordPartner) partner = accord_partner_new ("Acme");
  g_autofree char *tags = NULL;
  g_autofree char *type = NULL;
  AccordPartnerField field;

  g_assert_true (accord_partner_set_field_text (partner, ACCORD_PARTNER_FIELD_TAGS, "a, b"));
  g_assert_true (accord_partner_set_field_text (partner, ACCORD_PARTNER_FIELD_TYPE, "integration"));
  g_assert_false (accord_partner_set_field_text (partner, ACCORD_PARTNER_FIELD_TIER, "gold"));
  g_assert_true (accord_partner_set_field_text (partner, ACCORD_PARTNER_FIELD_NAME, "  Acme Ltd  "));

  tags = accord_partner_dup_field_text (partner, ACCORD_PARTNER_FIELD_TAGS);
  type = accord_partner_dup_field_text (partner, ACCORD_PARTNER_FIELD_TYPE);
  g_assert_cmpstr (tags, ==, "a, b");
  g_assert_cmpstr (type, ==, "integration");
  g_assert_cmpstr (accord_partner_get_name (partner), ==, "Acme Ltd");
  g_assert_cmpint (accord_partner_get_tier (partner), ==, ACCORD_TIER_UNSET);

  g_assert_true (accord_partner_field_from_key ("why_fit", &field));
  g_assert_cmpint (field, ==, ACCORD_PARTNER_FIELD_WHY_FIT);
  g_assert_false (accord_partner_field_from_key ("colour", &field));
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 int        *count)
{
  (*count)++;
}

static void
test_notify_only_on_change (void)
{
  g_autoptr(AccordPartner) partner = accord_partner_new ("Acme");
  int count = 0;

  g_signal_connect (partner, "notify::name", G_CALLBACK (notify_count_cb), &count);
  accord_partner_set_name (partner, "Acme");
  g_assert_cmpint (count, ==, 0);
  accord_partner_set_name (partner, "Acme 2");
  g_assert_cmpint (count, ==, 1);
  g_object_set (partner, "name", "Acme 2", NULL);
  g_assert_cmpint (count, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/enums/keys-round-trip", test_keys_round_trip);
  g_test_add_func ("/enums/labels-and-unknown", test_labels_and_unknown);
  g_test_add_func ("/enums/suggested-roles", test_suggested_roles);
  g_test_add_func ("/partner/tags-parse", test_tags_parse);
  g_test_add_func ("/partner/field-text", test_field_text);
  g_test_add_func ("/partner/notify-only-on-change", test_notify_only_on_change);

  return g_test_run ();
}
