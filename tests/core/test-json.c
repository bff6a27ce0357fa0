/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "test-helpers.h"
#include "config.h"

#include "accord-demo.h"
#include "accord-json.h"
#include "accord-stage-change.h"
#include "accord-store.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

typedef TestWorkspace Fixture;
#define fixture_set_up test_workspace_set_up
#define fixture_tear_down test_workspace_tear_down

static JsonArray *
parse_dump (AccordStore *store,
            gboolean     pretty,
            JsonParser  *parser)
{
  g_autofree char *json = accord_json_dump_partners (store, pretty);
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_assert_nonnull (json);
  g_assert_true (g_utf8_validate (json, -1, NULL));
  /* Compact output is one line; pretty output is indented over many. */
  if (pretty)
    g_assert_nonnull (strchr (json, '\n'));
  else
    g_assert_null (strchr (json, '\n'));

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_cmpint (json_node_get_node_type (root), ==, JSON_NODE_ARRAY);

  return json_node_get_array (root);
}

static AccordPartner *
add_partner (AccordStore *store,
             const char  *name,
             GPtrArray   *contacts)
{
  g_autoptr(AccordPartner) partner = accord_partner_new (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_store_add_partner (store, partner, contacts, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&partner);
}

static AccordContact *
new_contact (const char *name,
             const char *role,
             const char *email,
             const char *phone,
             const char *profile_url,
             gboolean    is_primary)
{
  AccordContact *contact = accord_contact_new (name);

  accord_contact_set_role (contact, role);
  accord_contact_set_email (contact, email);
  accord_contact_set_phone (contact, phone);
  accord_contact_set_profile_url (contact, profile_url);
  accord_contact_set_is_primary (contact, is_primary);
  return contact;
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *json = accord_json_dump_partners (fixture->store, FALSE);

  g_assert_cmpstr (json, ==, "[]");
}

/* What each field holds in the full partner, in its JSON form. */
static const struct
{
  AccordPartnerField  field;
  const char         *text;   /* as set through accord_partner_set_field_text() */
  const char         *json;   /* as the dump must give it */
} full_fields[] = {
  { ACCORD_PARTNER_FIELD_NAME, "Bluepeak Caf\xC3\xA9", "Bluepeak Caf\xC3\xA9" },
  { ACCORD_PARTNER_FIELD_WEBSITE, "https://bluepeak.example", "https://bluepeak.example" },
  { ACCORD_PARTNER_FIELD_DESCRIPTION, "Roasts \"single origin\" beans",
    "Roasts \"single origin\" beans" },
  { ACCORD_PARTNER_FIELD_NOTES, "Line one\nLine two", "Line one\nLine two" },
  { ACCORD_PARTNER_FIELD_TAGS, "coffee, europe", NULL },
  { ACCORD_PARTNER_FIELD_OWNER, "Maya Chen", "Maya Chen" },
  { ACCORD_PARTNER_FIELD_SOURCE, "warm-introduction", "warm-introduction" },
  { ACCORD_PARTNER_FIELD_POSITION, "downstream", "downstream" },
  { ACCORD_PARTNER_FIELD_TYPE, "co-branding", "co-branding" },
  { ACCORD_PARTNER_FIELD_WHY_FIT, "Same coffee lovers", "Same coffee lovers" },
  { ACCORD_PARTNER_FIELD_TIER, "strategic", "strategic" },
  /* Ratings are numbers: see rating_fields. */
  { ACCORD_PARTNER_FIELD_STRATEGIC_ALIGNMENT, "5", NULL },
  { ACCORD_PARTNER_FIELD_VALUE_EXCHANGE, "4", NULL },
  { ACCORD_PARTNER_FIELD_REACH, "3", NULL },
  { ACCORD_PARTNER_FIELD_OPERATIONAL_FIT, "2", NULL },
  { ACCORD_PARTNER_FIELD_READINESS, "1", NULL },
  { ACCORD_PARTNER_FIELD_PRIORITY, "low", "low" },
  { ACCORD_PARTNER_FIELD_THEIR_GAINS, "More subscribers\nA new market",
    "More subscribers\nA new market" },
  { ACCORD_PARTNER_FIELD_OUR_OFFERINGS, "Our audience", "Our audience" },
  { ACCORD_PARTNER_FIELD_THEIR_PAINS, "Churn", "Churn" },
  { ACCORD_PARTNER_FIELD_OUR_RELIEVERS, "Bundles", "Bundles" },
  { ACCORD_PARTNER_FIELD_VALUE_PROPOSITION, "Coffee for designers",
    "Coffee for designers" },
};

/* The members list --json adds to the fields, the id, the two moments and
 * "contacts". */
static const char * const derived_members[] = {
  "stage", "stage_since", "fit_score", "fit_band", "priority", "stage_history", "agreements",
  "health_score", "health_band", "health_reasons", "suggested_tier",
  "commission_owed_to_partner", "commission_owed_by_partner",
};

G_STATIC_ASSERT (G_N_ELEMENTS (full_fields) == ACCORD_N_PARTNER_FIELDS);

static void
assert_member_null (JsonObject *object,
                    const char *member)
{
  g_assert_true (json_object_has_member (object, member));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (object, member)));
}

static void
assert_member_int (JsonObject *object,
                   const char *member,
                   gint64      value)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  /* A number, not the text of one. */
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (node), ==, value);
}

/* One stage_history entry: stage, date, note, and revisit_on only when
 * set. */
static void
assert_history_entry (JsonArray  *history,
                      guint       index,
                      const char *stage,
                      const char *date,
                      const char *note,
                      const char *revisit_on)
{
  JsonObject *entry = json_array_get_object_element (history, index);

  g_assert_cmpuint (json_object_get_size (entry), ==, revisit_on != NULL ? 4 : 3);
  g_assert_cmpstr (json_object_get_string_member (entry, "stage"), ==, stage);
  g_assert_cmpstr (json_object_get_string_member (entry, "date"), ==, date);
  g_assert_cmpstr (json_object_get_string_member (entry, "note"), ==, note);
  if (revisit_on != NULL)
    g_assert_cmpstr (json_object_get_string_member (entry, "revisit_on"), ==, revisit_on);
  else
    g_assert_false (json_object_has_member (entry, "revisit_on"));
}

static void
check_contact (JsonObject *object,
               const char *name,
               const char *role,
               const char *email,
               const char *phone,
               const char *profile_url,
               gboolean    is_primary)
{
  g_assert_cmpuint (json_object_get_size (object), ==, 7);
  g_assert_cmpint (json_object_get_int_member (object, "id"), >, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, name);
  g_assert_cmpstr (json_object_get_string_member (object, "role"), ==, role);
  g_assert_cmpstr (json_object_get_string_member (object, "email"), ==, email);
  g_assert_cmpstr (json_object_get_string_member (object, "phone"), ==, phone);
  g_assert_cmpstr (json_object_get_string_member (object, "profile_url"), ==, profile_url);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (object, "is_primary")), ==,
                   G_TYPE_BOOLEAN);
  g_assert_cmpint (json_object_get_boolean_member (object, "is_primary"), ==, is_primary);
}

static void
test_every_field (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = accord_partner_new ("");
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gboolean pretty_modes[] = { FALSE, TRUE };

  for (guint i = 0; i < G_N_ELEMENTS (full_fields); i++)
    g_assert_true (accord_partner_set_field_text (partner, full_fields[i].field,
                                                  full_fields[i].text));
  g_ptr_array_add (contacts, new_contact ("Ada Rossi", "Head of marketing",
                                          "ada@bluepeak.example", "+1 555 0100",
                                          "https://profiles.example/ada", TRUE));
  g_ptr_array_add (contacts, new_contact ("Ben Sato", "", "", "", "", FALSE));
  g_assert_true (accord_store_add_partner (fixture->store, partner, contacts, &error));
  g_assert_no_error (error);

  for (guint mode = 0; mode < G_N_ELEMENTS (pretty_modes); mode++)
    {
      JsonArray *partners = parse_dump (fixture->store, pretty_modes[mode], parser);
      JsonObject *object;
      JsonArray *tags;
      JsonArray *contact_array;

      g_assert_cmpuint (json_array_get_length (partners), ==, 1);
      object = json_array_get_object_element (partners, 0);

      /* "id", the fields, the two moments, the derived members and
       * "contacts", nothing else. */
      g_assert_cmpuint (json_object_get_size (object), ==,
                        ACCORD_N_PARTNER_FIELDS + 4 + G_N_ELEMENTS (derived_members));
      for (guint i = 0; i < G_N_ELEMENTS (derived_members); i++)
        g_assert_true (json_object_has_member (object, derived_members[i]));
      g_assert_cmpint (json_object_get_int_member (object, "id"), ==,
                       accord_partner_get_id (partner));
      g_assert_cmpstr (json_object_get_string_member (object, "created_at"), ==,
                       accord_partner_get_created_at (partner));
      g_assert_cmpstr (json_object_get_string_member (object, "updated_at"), ==,
                       accord_partner_get_updated_at (partner));
      g_assert_nonnull (accord_partner_get_created_at (partner));

      for (guint i = 0; i < G_N_ELEMENTS (full_fields); i++)
        {
          const char *key = accord_partner_field_to_key (full_fields[i].field);

          g_assert_true (json_object_has_member (object, key));
          if (full_fields[i].json != NULL)
            g_assert_cmpstr (json_object_get_string_member (object, key), ==,
                             full_fields[i].json);
        }

      /* 5x3 + 4x3 + 3x2 + 2x2 + 1x1 = 15 + 12 + 6 + 4 + 1 = 38: worth
       * pursuing, but the override says low. */
      assert_member_int (object, "strategic_alignment", 5);
      assert_member_int (object, "value_exchange", 4);
      assert_member_int (object, "reach", 3);
      assert_member_int (object, "operational_fit", 2);
      assert_member_int (object, "readiness", 1);
      assert_member_int (object, "fit_score", 38);
      g_assert_cmpstr (json_object_get_string_member (object, "fit_band"), ==, "worth");
      g_assert_cmpstr (json_object_get_string_member (object, "priority_override"), ==, "low");
      g_assert_cmpstr (json_object_get_string_member (object, "priority"), ==, "low");

      g_assert_cmpstr (json_object_get_string_member (object, "stage"), ==, "identified");
      g_assert_cmpstr (json_object_get_string_member (object, "stage_since"), ==, "2026-01-31");
      {
        JsonArray *history = json_object_get_array_member (object, "stage_history");

        g_assert_cmpuint (json_array_get_length (history), ==, 1);
        assert_history_entry (history, 0, "identified", "2026-01-31", "", NULL);
      }

      tags = json_object_get_array_member (object, "tags");
      g_assert_cmpuint (json_array_get_length (tags), ==, 2);
      g_assert_cmpstr (json_array_get_string_element (tags, 0), ==, "coffee");
      g_assert_cmpstr (json_array_get_string_element (tags, 1), ==, "europe");

      contact_array = json_object_get_array_member (object, "contacts");
      g_assert_cmpuint (json_array_get_length (contact_array), ==, 2);
      check_contact (json_array_get_object_element (contact_array, 0), "Ada Rossi",
                     "Head of marketing", "ada@bluepeak.example", "+1 555 0100",
                     "https://profiles.example/ada", TRUE);
      check_contact (json_array_get_object_element (contact_array, 1), "Ben Sato",
                     "", "", "", "", FALSE);
    }
}

static void
test_unset_values (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture->store, "Plain", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *partners = parse_dump (fixture->store, FALSE, parser);
  JsonObject *object = json_array_get_object_element (partners, 0);

  g_assert_cmpint (json_object_get_int_member (object, "id"), ==, accord_partner_get_id (partner));

  /* Unset enums are their key "", never a label such as "Not set". */
  g_assert_cmpstr (json_object_get_string_member (object, "tier"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (object, "source"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (object, "position"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (object, "partnership_type"), ==, "");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "tags")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "contacts")),
                    ==, 0);

  /* Unrated is null, not 0 or ""; an empty card has no score, band or
   * priority, and never a misleading number. */
  for (int i = 0; i < ACCORD_N_CRITERIA; i++)
    assert_member_null (object, accord_criterion_to_key (i));
  assert_member_null (object, "fit_score");
  assert_member_null (object, "fit_band");
  assert_member_null (object, "priority");
  g_assert_cmpstr (json_object_get_string_member (object, "priority_override"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (object, "stage"), ==, "identified");
}

/* Partial cards, bands at their edges and the priority each gives. */
typedef struct
{
  const char *name;
  int         ratings[ACCORD_N_CRITERIA];
  const char *priority_override;
  gint64      score;      /* -1: null */
  const char *band;
  const char *priority;
} CardCase;

static const CardCase card_cases[] = {
  /* One criterion unrated: no score, even with the other four at 5. */
  { "A incomplete", { 5, 5, 5, 5, 0 }, "", -1, NULL, NULL },
  { "B incomplete with override", { 5, 0, 5, 5, 5 }, "medium", -1, NULL, "medium" },
  /* 3x3 + 3x3 + 3x2 + 3x2 + 4 = 34 and + 5 = 35. */
  { "C radar", { 3, 3, 3, 3, 4 }, "", 34, "radar", "low" },
  { "D worth", { 3, 3, 3, 3, 5 }, "", 35, "worth", "medium" },
  /* 5x3 + 4x3 + 5x2 + 4x2 + 5 = 50. */
  { "E pursue", { 5, 4, 5, 4, 5 }, "", 50, "pursue", "high" },
  { "F pursue overridden", { 5, 5, 5, 5, 5 }, "low", 55, "pursue", "low" },
};

static void
test_cards (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *partners;

  for (guint c = 0; c < G_N_ELEMENTS (card_cases); c++)
    {
      g_autoptr(AccordPartner) partner = accord_partner_new (card_cases[c].name);
      g_autoptr(GError) error = NULL;

      for (int i = 0; i < ACCORD_N_CRITERIA; i++)
        accord_partner_set_rating (partner, i, card_cases[c].ratings[i]);
      g_assert_true (accord_partner_set_field_text (partner, ACCORD_PARTNER_FIELD_PRIORITY,
                                                    card_cases[c].priority_override));
      g_assert_true (accord_store_add_partner (fixture->store, partner, NULL, &error));
      g_assert_no_error (error);
    }

  /* The names sort in the table's order. */
  partners = parse_dump (fixture->store, FALSE, parser);
  g_assert_cmpuint (json_array_get_length (partners), ==, G_N_ELEMENTS (card_cases));
  for (guint c = 0; c < G_N_ELEMENTS (card_cases); c++)
    {
      const CardCase *card = &card_cases[c];
      JsonObject *object = json_array_get_object_element (partners, c);

      g_test_message ("%s", card->name);
      g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, card->name);
      for (int i = 0; i < ACCORD_N_CRITERIA; i++)
        {
          if (card->ratings[i] == 0)
            assert_member_null (object, accord_criterion_to_key (i));
          else
            assert_member_int (object, accord_criterion_to_key (i), card->ratings[i]);
        }
      if (card->score < 0)
        assert_member_null (object, "fit_score");
      else
        assert_member_int (object, "fit_score", card->score);
      if (card->band == NULL)
        assert_member_null (object, "fit_band");
      else
        g_assert_cmpstr (json_object_get_string_member (object, "fit_band"), ==, card->band);
      if (card->priority == NULL)
        assert_member_null (object, "priority");
      else
        g_assert_cmpstr (json_object_get_string_member (object, "priority"), ==, card->priority);
      g_assert_cmpstr (json_object_get_string_member (object, "priority_override"), ==,
                       card->priority_override);
    }
}

static void
test_stage_history (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AccordPartner) partner = add_partner (fixture->store, "Bluepeak", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *partners;
  JsonObject *object;
  JsonArray *history;

  test_move_ok (fixture->store, partner, ACCORD_STAGE_OUTREACH, "2026-02-02",
                "Sent \"the\" first email", NULL);
  test_move_ok (fixture->store, partner, ACCORD_STAGE_ON_HOLD, "2026-02-20", "Not this year", NULL);
  test_move_ok (fixture->store, partner, ACCORD_STAGE_OUTREACH, "2026-09-01", NULL, NULL);
  test_move_ok (fixture->store, partner, ACCORD_STAGE_ON_HOLD, "2026-09-15", NULL, "2027-03-01");

  partners = parse_dump (fixture->store, TRUE, parser);
  object = json_array_get_object_element (partners, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "stage"), ==, "on-hold");
  g_assert_cmpstr (json_object_get_string_member (object, "stage_since"), ==, "2026-09-15");

  history = json_object_get_array_member (object, "stage_history");
  g_assert_cmpuint (json_array_get_length (history), ==, 5);
  /* Oldest first; the default hold is 6 months out. */
  assert_history_entry (history, 0, "identified", "2026-01-31", "", NULL);
  assert_history_entry (history, 1, "outreach", "2026-02-02", "Sent \"the\" first email", NULL);
  assert_history_entry (history, 2, "on-hold", "2026-02-20", "Not this year", "2026-08-20");
  assert_history_entry (history, 3, "outreach", "2026-09-01", "", NULL);
  assert_history_entry (history, 4, "on-hold", "2026-09-15", "", "2027-03-01");
}

/* Each partner's contacts and history are its own, in the store's order,
 * when their rows are interleaved in the file (the writer reads every
 * partner's at once and groups them). */
static void
test_interleaved_lists (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AccordPartner) amber = NULL;
  g_autoptr(AccordPartner) birch = NULL;
  g_autoptr(AccordPartner) cedar = NULL;
  g_autoptr(AccordContact) late = new_contact ("Cleo Late", "", "", "", "", FALSE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) reread = NULL;
  AccordPartner *in_order[3];
  JsonArray *partners;

  g_ptr_array_add (first, new_contact ("Ada Other", "", "", "", "", FALSE));
  g_ptr_array_add (first, new_contact ("Ben Primary", "", "", "", "", TRUE));
  amber = add_partner (fixture->store, "Amber", first);
  g_ptr_array_add (second, new_contact ("Dana Only", "", "", "", "", TRUE));
  birch = add_partner (fixture->store, "Birch", second);
  cedar = add_partner (fixture->store, "Cedar", NULL);
  g_assert_true (accord_store_add_contact (fixture->store, amber, late, &error));
  g_assert_no_error (error);
  test_move_ok (fixture->store, birch, ACCORD_STAGE_OUTREACH, "2026-02-02", "Birch first", NULL);
  test_move_ok (fixture->store, amber, ACCORD_STAGE_OUTREACH, "2026-02-03", "Amber first", NULL);
  test_move_ok (fixture->store, birch, ACCORD_STAGE_NEGOTIATING, "2026-02-04", "Birch second",
                NULL);

  partners = parse_dump (fixture->store, FALSE, parser);
  g_assert_cmpuint (json_array_get_length (partners), ==, 3);
  /* Compared with what a fresh store reads from the file. */
  reread = accord_store_open (fixture->path, ACCORD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  in_order[0] = accord_store_lookup_partner (reread, accord_partner_get_id (amber));
  in_order[1] = accord_store_lookup_partner (reread, accord_partner_get_id (birch));
  in_order[2] = accord_store_lookup_partner (reread, accord_partner_get_id (cedar));
  for (guint p = 0; p < 3; p++)
    {
      JsonObject *object = json_array_get_object_element (partners, p);
      JsonArray *contacts = json_object_get_array_member (object, "contacts");
      JsonArray *history = json_object_get_array_member (object, "stage_history");
      GListModel *stored = accord_store_get_contacts (reread, in_order[p]);
      GListModel *stages = accord_store_get_stage_history (reread, in_order[p], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (json_object_get_string_member (object, "name"), ==,
                       accord_partner_get_name (in_order[p]));
      g_assert_cmpuint (json_array_get_length (contacts), ==, g_list_model_get_n_items (stored));
      for (guint i = 0; i < json_array_get_length (contacts); i++)
        {
          g_autoptr(AccordContact) contact = g_list_model_get_item (stored, i);

          g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (contacts, i),
                                                       "id"), ==,
                           accord_contact_get_id (contact));
        }
      g_assert_cmpuint (json_array_get_length (history), ==, g_list_model_get_n_items (stages));
      for (guint i = 0; i < json_array_get_length (history); i++)
        {
          g_autoptr(AccordStageChange) change = g_list_model_get_item (stages, i);

          g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, i),
                                                          "note"), ==,
                           accord_stage_change_get_note (change));
        }
    }
  /* The primary contact first, then the others by age. */
  {
    JsonArray *contacts = json_object_get_array_member (json_array_get_object_element (partners, 0),
                                                        "contacts");

    g_assert_cmpuint (json_array_get_length (contacts), ==, 3);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (contacts, 0),
                                                    "name"), ==, "Ben Primary");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (contacts, 2),
                                                    "name"), ==, "Cleo Late");
  }
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_array_get_object_element (partners, 1), "stage_history")), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_array_get_object_element (partners, 2), "contacts")), ==, 0);
}

static int
compare_collate (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  const char *names[] = { "Kestrel", "alpha", "Zeta", "Beta", "Kestrel", "\xC3\x89mile" };
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(AccordPartner) trashed = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[G_N_ELEMENTS (names)];
  JsonArray *partners;
  gint64 previous_kestrel_id = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_ptr_array_add (added, add_partner (fixture->store, names[i], NULL));
      expected[i] = names[i];
    }

  /* The trash is not part of the dump. */
  trashed = add_partner (fixture->store, "Trashed", NULL);
  g_assert_true (accord_store_trash_partner (fixture->store, trashed, &error));
  g_assert_no_error (error);

  qsort (expected, G_N_ELEMENTS (expected), sizeof expected[0], compare_collate);

  partners = parse_dump (fixture->store, TRUE, parser);
  g_assert_cmpuint (json_array_get_length (partners), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonObject *object = json_array_get_object_element (partners, i);
      const char *name = json_object_get_string_member (object, "name");

      g_assert_cmpstr (name, ==, expected[i]);
      /* Equal names follow their ids. */
      if (g_str_equal (name, "Kestrel"))
        {
          gint64 id = json_object_get_int_member (object, "id");

          g_assert_cmpint (id, >, previous_kestrel_id);
          previous_kestrel_id = id;
        }
    }
  g_assert_cmpint (previous_kestrel_id, !=, 0);
}

/* The dump is written by hand, not by JsonGenerator: parsed and generated
 * again by json-glib, it must come out byte for byte the same, in both
 * layouts, on sample data and on text that needs escaping. */
static void
test_same_as_json_glib (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordPartner) odd = NULL;
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) every_byte = g_string_new ("Odd \"name\" \\ / ");
  gboolean pretty_modes[] = { FALSE, TRUE };

  accord_store_set_today (fixture->store, "2026-11-21");
  g_assert_true (accord_demo_fill (fixture->store, 40, 7, NULL, &error));
  g_assert_no_error (error);

  /* Every control character, DEL, and characters beyond ASCII. */
  for (char c = 1; c < 0x20; c++)
    g_string_append_c (every_byte, c);
  g_string_append (every_byte, "\x7f caf\xc3\xa9 \xe2\x80\xa8 \xf0\x9f\x99\x82");
  odd = accord_partner_new ("Odd one");
  g_assert_true (accord_partner_set_field_text (odd, ACCORD_PARTNER_FIELD_NOTES, every_byte->str));
  g_ptr_array_add (contacts, new_contact (every_byte->str, "Tab\there", "", "", "", TRUE));
  g_assert_true (accord_store_add_partner (fixture->store, odd, contacts, &error));
  g_assert_no_error (error);

  for (guint mode = 0; mode < G_N_ELEMENTS (pretty_modes); mode++)
    {
      g_autofree char *json = accord_json_dump_partners (fixture->store, pretty_modes[mode]);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *again = NULL;

      g_assert_nonnull (json);
      g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))),
                        ==, 41);
      json_generator_set_pretty (generator, pretty_modes[mode]);
      json_generator_set_root (generator, json_parser_get_root (parser));
      again = json_generator_to_data (generator, NULL);
      g_assert_cmpstr (json, ==, again);
      /* The odd text really went through. */
      g_assert_nonnull (strstr (json, "\\u0001"));
    }
}

typedef struct
{
  GString *text;
  guint    pieces;
  guint    fail_at;   /* the piece the sink refuses, from 1; 0 for none */
} Sink;

static gboolean
sink_cb (const char  *data,
         gsize        len,
         gpointer     user_data,
         GError     **error)
{
  Sink *sink = user_data;

  sink->pieces++;
  if (sink->pieces == sink->fail_at)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "Disk full");
      return FALSE;
    }
  g_string_append_len (sink->text, data, len);
  return TRUE;
}

/* Written through a sink, the text comes in several pieces, and together
 * they are the dump byte for byte; a sink that fails stops the writing. */
static void
test_sink (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean pretty_modes[] = { FALSE, TRUE };

  accord_store_set_today (fixture->store, "2026-11-21");
  g_assert_true (accord_demo_fill (fixture->store, 60, 7, NULL, &error));
  g_assert_no_error (error);

  for (guint mode = 0; mode < G_N_ELEMENTS (pretty_modes); mode++)
    {
      g_autofree char *json = accord_json_dump_partners (fixture->store, pretty_modes[mode]);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) refused = g_string_new (NULL);
      Sink sink = { text, 0, 0 };
      Sink failing = { refused, 0, 2 };

      g_assert_true (accord_json_write_partners (fixture->store, pretty_modes[mode], sink_cb,
                                                 &sink, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (sink.pieces, >, 1);
      g_assert_cmpstr (text->str, ==, json);

      g_assert_false (accord_json_write_partners (fixture->store, pretty_modes[mode], sink_cb,
                                                  &failing, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_clear_error (&error);
      g_assert_cmpuint (failing.pieces, ==, 2);
      g_assert_cmpuint (refused->len, >, 0);
      g_assert_cmpuint (refused->len, <, strlen (json));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/json/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/json/every-field", Fixture, NULL,
              fixture_set_up, test_every_field, fixture_tear_down);
  g_test_add ("/json/unset-values", Fixture, NULL,
              fixture_set_up, test_unset_values, fixture_tear_down);
  g_test_add ("/json/order", Fixture, NULL, fixture_set_up, test_order, fixture_tear_down);
  g_test_add ("/json/cards", Fixture, NULL, fixture_set_up, test_cards, fixture_tear_down);
  g_test_add ("/json/interleaved-lists", Fixture, NULL,
              fixture_set_up, test_interleaved_lists, fixture_tear_down);
  g_test_add ("/json/stage-history", Fixture, NULL,
              fixture_set_up, test_stage_history, fixture_tear_down);
  g_test_add ("/json/sink", Fixture, NULL, fixture_set_up, test_sink, fixture_tear_down);
  g_test_add ("/json/same-as-json-glib", Fixture, NULL,
              fixture_set_up, test_same_as_json_glib, fixture_tear_down);

  return g_test_run ();
}
