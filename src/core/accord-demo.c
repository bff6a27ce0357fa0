/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>

#include "accord-demo.h"

#include "accord-agreement.h"
#include "accord-contact.h"
#include "accord-enums.h"
#include "accord-lifecycle.h"
#include "accord-partner.h"
#include "accord-results.h"
#include "accord-store.h"
#include "accord-store-private.h"
#include "accord-work.h"

#include <glib/gi18n.h>
#include <string.h>

/* Sample data for trying the app and for benchmarks. Every organisation,
 * person and sentence here is made up; the web and email addresses use
 * the reserved .example domain and the phone numbers the 555-01xx range
 * set aside for fiction, so nothing points at anyone real. */

/* Partners go to the store in transactions of this many: big enough that
 * commits do not dominate, small enough that cancelling is prompt. */
#define BATCH_SIZE 500

/* A kind of business: what its names end with, what it does and for whom,
 * and the partnerships such a business usually has with us. */
typedef struct
{
  const char            *suffixes[3];
  const char            *description;   /* {name} is replaced */
  const char            *audience;
  const char            *tag;
  AccordPosition         position;
  AccordPartnershipType  types[3];
} Sector;

static const Sector sectors[] = {
  {
    { "Analytics", "Data", "Insights" },
    N_("{name} makes reporting dashboards for small online shops."),
    N_("small online shops"),
    N_("software"),
    ACCORD_POSITION_PARALLEL,
    { ACCORD_PARTNERSHIP_TYPE_INTEGRATION, ACCORD_PARTNERSHIP_TYPE_CO_MARKETING,
      ACCORD_PARTNERSHIP_TYPE_ECOSYSTEM },
  },
  {
    { "Studio", "Design", "Creative" },
    N_("{name} is a design studio that builds brands and websites for young companies."),
    N_("founders launching a new brand"),
    N_("agency"),
    ACCORD_POSITION_PARALLEL,
    { ACCORD_PARTNERSHIP_TYPE_CO_MARKETING, ACCORD_PARTNERSHIP_TYPE_AFFILIATE,
      ACCORD_PARTNERSHIP_TYPE_CO_BRANDING },
  },
  {
    { "Logistics", "Freight", "Fulfilment" },
    N_("{name} stores, packs and ships orders for independent sellers."),
    N_("independent sellers who ship physical goods"),
    N_("logistics"),
    ACCORD_POSITION_UPSTREAM,
    { ACCORD_PARTNERSHIP_TYPE_SUPPLY_CHAIN, ACCORD_PARTNERSHIP_TYPE_DISTRIBUTION,
      ACCORD_PARTNERSHIP_TYPE_STRATEGIC_ALLIANCE },
  },
  {
    { "Media", "Weekly", "Press" },
    N_("{name} publishes a weekly newsletter and a podcast about running a small business."),
    N_("people who run small businesses"),
    N_("media"),
    ACCORD_POSITION_DOWNSTREAM,
    { ACCORD_PARTNERSHIP_TYPE_INFLUENCER, ACCORD_PARTNERSHIP_TYPE_SPONSORSHIP,
      ACCORD_PARTNERSHIP_TYPE_CO_MARKETING },
  },
  {
    { "Pay", "Ledger", "Finance" },
    N_("{name} sells invoicing and bookkeeping software for freelancers."),
    N_("freelancers and small teams"),
    N_("finance"),
    ACCORD_POSITION_UPSTREAM,
    { ACCORD_PARTNERSHIP_TYPE_INTEGRATION, ACCORD_PARTNERSHIP_TYPE_ECOSYSTEM,
      ACCORD_PARTNERSHIP_TYPE_STRATEGIC_ALLIANCE },
  },
  {
    { "Outfitters", "Goods", "Trading" },
    N_("{name} runs three shops and an online store for outdoor gear."),
    N_("people who spend their weekends outdoors"),
    N_("retail"),
    ACCORD_POSITION_DOWNSTREAM,
    { ACCORD_PARTNERSHIP_TYPE_DISTRIBUTION, ACCORD_PARTNERSHIP_TYPE_LOYALTY,
      ACCORD_PARTNERSHIP_TYPE_CO_BRANDING },
  },
  {
    { "Consulting", "Advisors", "Partners" },
    N_("{name} advises growing companies on sales and operations."),
    N_("companies of ten to fifty people"),
    N_("services"),
    ACCORD_POSITION_DOWNSTREAM,
    { ACCORD_PARTNERSHIP_TYPE_AFFILIATE, ACCORD_PARTNERSHIP_TYPE_DISTRIBUTION,
      ACCORD_PARTNERSHIP_TYPE_STRATEGIC_ALLIANCE },
  },
  {
    { "Academy", "Learning", "Workshops" },
    N_("{name} runs online courses and workshops for marketing teams."),
    N_("marketing teams learning new tools"),
    N_("education"),
    ACCORD_POSITION_PARALLEL,
    { ACCORD_PARTNERSHIP_TYPE_LICENSING, ACCORD_PARTNERSHIP_TYPE_CO_MARKETING,
      ACCORD_PARTNERSHIP_TYPE_SPONSORSHIP },
  },
  {
    { "Cloud", "Hosting", "Systems" },
    N_("{name} hosts websites and online stores, with support around the clock."),
    N_("businesses moving their shop online"),
    N_("infrastructure"),
    ACCORD_POSITION_UPSTREAM,
    { ACCORD_PARTNERSHIP_TYPE_ECOSYSTEM, ACCORD_PARTNERSHIP_TYPE_INTEGRATION,
      ACCORD_PARTNERSHIP_TYPE_SUPPLY_CHAIN },
  },
  {
    { "Events", "Collective", "Forum" },
    N_("{name} organises regional trade fairs and meet-ups for makers."),
    N_("makers and small brands"),
    N_("events"),
    ACCORD_POSITION_PARALLEL,
    { ACCORD_PARTNERSHIP_TYPE_SPONSORSHIP, ACCORD_PARTNERSHIP_TYPE_CO_MARKETING,
      ACCORD_PARTNERSHIP_TYPE_INFLUENCER },
  },
};

/* Invented place-like words; none is meant to be a real company. */
static const char * const name_prefixes[] = {
  "Northwind", "Bluepeak", "Silverbirch", "Brightwater", "Oakhollow", "Redfern",
  "Copperleaf", "Stonebridge", "Juniper", "Harbourlight", "Tallpine", "Greywillow",
  "Sunmeadow", "Ironwood", "Larkspur", "Clearbrook", "Foxglove", "Westerly",
  "Amberfield", "Kestrel", "Moonstone", "Pebblecreek", "Saltmarsh", "Thistledown",
  "Wildrose", "Highmoor", "Driftwood", "Emberline", "Goldcrest", "Hollowell",
  "Meadowlark", "Riverbend", "Seabright", "Tidewater", "Willowby", "Ashgrove",
  "Bramblewick", "Cedarpoint", "Dunmore", "Fernleigh",
};

/* ASCII only: the first name also makes the email address. */
static const char * const first_names[] = {
  "Ada", "Ben", "Carla", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jamal",
  "Kira", "Liam", "Mara", "Noah", "Olga", "Pavel", "Quinn", "Rosa", "Sami", "Tara",
  "Umar", "Vera", "Wes", "Yara", "Zoe", "Aiko", "Bruno", "Chloe", "Dario", "Esme",
};

static const char * const last_names[] = {
  "Abbott", "Brennan", "Castillo", "Dubois", "Eriksen", "Fontaine", "Gallagher",
  "Haddad", "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura",
  "O'Neill", "Petrov", "Quintero", "Rossi", "Sato", "Takahashi", "Underwood",
  "Varga", "Whitfield", "Xu", "Yilmaz", "Zamora",
};

/* The people on our side who look after partners. */
static const char * const owners[] = {
  "Alex Rivera", "Priya Raman", "Jonas Berg", "Maya Chen", "Tom Okafor",
};

static const char * const other_roles[] = {
  N_("Partnerships manager"),
  N_("Marketing lead"),
  N_("Account manager"),
  N_("Operations director"),
  N_("Community manager"),
  N_("Sales director"),
};

static const char * const why_fit_templates[] = {
  N_("Their customers are {audience}, the people we serve too, and our offers do not compete."),
  N_("They reach {audience} and have run a partner programme before."),
  N_("Our shared audience, {audience}, already asks them for what we make, so a joint "
     "offer is easy to explain."),
  N_("They are trusted by {audience}, and both sides gain from a referral either way."),
};

static const char * const notes[] = {
  N_("Met their team at a regional trade fair; follow up after the summer."),
  N_("Asked for a short call about a joint webinar."),
  N_("Prefers email to calls."),
  N_("Their partner programme is being reworked; check again next quarter."),
  N_("Shared our case study with their sales team."),
};

static const char * const region_tags[] = {
  N_("europe"), N_("north-america"), N_("asia-pacific"), N_("latin-america"),
};

static const char * const extra_tags[] = {
  N_("priority"), N_("newsletter"), N_("early-stage"), N_("b2b"),
};

/* Up to this many partners, each walks through its stages with dated moves. */
#define WALK_LIMIT 200

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

/* Fills "{name}" or "{audience}" in a translated sentence. Named places
 * rather than printf formats let translators move the words freely. */
static char *
fill_template (const char *template,
               const char *placeholder,
               const char *value)
{
  g_autoptr(GString) text = g_string_new (template);

  g_string_replace (text, placeholder, value, 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "Bluepeak Supply Co. 2" -> "bluepeak-supply-co-2", for host names. */
static char *
slugify (const char *name)
{
  GString *slug = g_string_new (NULL);
  gboolean pending_dash = FALSE;

  for (const char *p = name; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (pending_dash && slug->len > 0)
            g_string_append_c (slug, '-');
          pending_dash = FALSE;
          g_string_append_c (slug, g_ascii_tolower (*p));
        }
      else
        pending_dash = TRUE;
    }

  return g_string_free (slug, FALSE);
}

/* Draws a name and makes it unique in the workspace: people and the store
 * tell partners apart by name, so a repeat gets " 2", " 3", ... */
static char *
make_unique_name (GRand      *rand,
                  GHashTable *used_names,
                  const char *suffix)
{
  const char *prefix = PICK (rand, name_prefixes);
  g_autofree char *base = g_strdup_printf ("%s %s", prefix, suffix);
  g_autofree char *name = g_strdup (base);

  for (guint n = 2; ; n++)
    {
      g_autofree char *folded = g_utf8_casefold (name, -1);

      if (!g_hash_table_contains (used_names, folded))
        {
          g_hash_table_add (used_names, g_steal_pointer (&folded));
          return g_steal_pointer (&name);
        }

      g_free (name);
      name = g_strdup_printf ("%s %u", base, n);
    }
}

static AccordTier
pick_tier (GRand *rand)
{
  int roll = g_rand_int_range (rand, 0, 100);

  /* About a third are prospects without a tier; the rest thin out up the
   * ladder, as real programmes do. */
  if (roll < 35)
    return ACCORD_TIER_UNSET;
  if (roll < 62)
    return ACCORD_TIER_REFERRAL;
  if (roll < 82)
    return ACCORD_TIER_CERTIFIED;
  if (roll < 94)
    return ACCORD_TIER_PREMIUM;
  return ACCORD_TIER_STRATEGIC;
}

static GPtrArray *
make_contacts (GRand                 *rand,
               AccordPartnershipType  type,
               const char            *domain)
{
  GPtrArray *contacts = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_contacts = g_rand_int_range (rand, 1, 4);
  const char *used_first[3] = { NULL, };

  for (guint i = 0; i < n_contacts; i++)
    {
      g_autoptr(AccordContact) contact = NULL;
      g_autofree char *full_name = NULL;
      g_autofree char *email = NULL;
      g_autofree char *phone = NULL;
      g_autofree char *login = NULL;
      const char *first;
      const char *last;
      const char *role = NULL;
      gboolean taken;

      /* Distinct first names keep the addresses at one domain distinct. */
      do
        {
          first = PICK (rand, first_names);
          taken = FALSE;
          for (guint j = 0; j < i; j++)
            taken |= used_first[j] == first;
        }
      while (taken);
      used_first[i] = first;
      last = PICK (rand, last_names);

      full_name = g_strdup_printf ("%s %s", first, last);
      login = g_ascii_strdown (first, -1);
      email = g_strdup_printf ("%s@%s", login, domain);
      phone = g_strdup_printf ("+1 555 01%02d", g_rand_int_range (rand, 0, 100));

      /* The first person is the one the guide says to look for. */
      if (i == 0)
        role = accord_partnership_type_suggested_role (type);
      if (role == NULL)
        role = _(PICK (rand, other_roles));

      contact = accord_contact_new (full_name);
      accord_contact_set_role (contact, role);
      accord_contact_set_email (contact, email);
      accord_contact_set_phone (contact, phone);
      if (g_rand_int_range (rand, 0, 100) < 40)
        {
          g_autofree char *person_slug = slugify (full_name);
          g_autofree char *profile = g_strdup_printf ("https://profiles.example/%s", person_slug);

          accord_contact_set_profile_url (contact, profile);
        }
      accord_contact_set_is_primary (contact, i == 0);

      g_ptr_array_add (contacts, g_steal_pointer (&contact));
    }

  return contacts;
}

static AccordPartner *
make_partner (GRand      *rand,
              GHashTable *used_names,
              GPtrArray **contacts_out)
{
  const Sector *sector = &sectors[g_rand_int_range (rand, 0, G_N_ELEMENTS (sectors))];
  const char *suffix = PICK (rand, sector->suffixes);
  g_autofree char *name = make_unique_name (rand, used_names, suffix);
  g_autofree char *slug = slugify (name);
  g_autofree char *domain = g_strdup_printf ("%s.example", slug);
  g_autofree char *website = g_strdup_printf ("https://%s", domain);
  g_autofree char *description = fill_template (_(sector->description), "{name}", name);
  g_autofree char *why_fit = fill_template (_(PICK (rand, why_fit_templates)),
                                            "{audience}", _(sector->audience));
  g_autoptr(GStrvBuilder) tags = g_strv_builder_new ();
  g_auto(GStrv) tags_v = NULL;
  AccordPartner *partner;
  AccordPartnershipType type;
  AccordPosition position;

  type = PICK (rand, sector->types);
  position = sector->position;
  /* Some businesses sit elsewhere than their kind usually does. */
  if (g_rand_int_range (rand, 0, 100) < 15)
    position = g_rand_int_range (rand, 1, ACCORD_N_POSITIONS);

  g_strv_builder_add (tags, _(sector->tag));
  g_strv_builder_add (tags, _(PICK (rand, region_tags)));
  if (g_rand_int_range (rand, 0, 100) < 30)
    g_strv_builder_add (tags, _(PICK (rand, extra_tags)));
  tags_v = g_strv_builder_end (tags);

  partner = accord_partner_new (name);
  accord_partner_set_website (partner, website);
  accord_partner_set_description (partner, description);
  if (g_rand_int_range (rand, 0, 100) < 50)
    accord_partner_set_notes (partner, _(PICK (rand, notes)));
  accord_partner_set_tags (partner, (const char * const *) tags_v);
  accord_partner_set_owner (partner, PICK (rand, owners));
  accord_partner_set_source (partner, g_rand_int_range (rand, 1, ACCORD_N_SOURCES));
  accord_partner_set_position (partner, position);
  accord_partner_set_partnership_type (partner, type);
  accord_partner_set_why_fit (partner, why_fit);
  accord_partner_set_tier (partner, pick_tier (rand));

  /* Most cards are rated, leaning to the middle; a fifth are still
   * incomplete, as in real pipelines. */
  if (g_rand_int_range (rand, 0, 100) < 80)
    for (guint c = 0; c < ACCORD_N_CRITERIA; c++)
      accord_partner_set_rating (partner, c, 1 + (g_rand_int_range (rand, 0, 5) +
                                                  g_rand_int_range (rand, 0, 5) + 1) / 2);

  *contacts_out = make_contacts (rand, type, domain);
  return partner;
}

/* Where each sample partner ends up: most early in the pipeline, some
 * live, a few paused or ended. */
static AccordStage
pick_target_stage (GRand *rand)
{
  static const struct { AccordStage stage; int weight; } mix[] = {
    { ACCORD_STAGE_IDENTIFIED, 22 }, { ACCORD_STAGE_OUTREACH, 20 },
    { ACCORD_STAGE_NEGOTIATING, 12 }, { ACCORD_STAGE_LAUNCHING, 8 },
    { ACCORD_STAGE_GROWING, 14 }, { ACCORD_STAGE_OPTIMIZING, 6 },
    { ACCORD_STAGE_RENEWING, 5 }, { ACCORD_STAGE_ON_HOLD, 8 }, { ACCORD_STAGE_ENDED, 5 },
  };
  int roll = g_rand_int_range (rand, 0, 100);

  for (guint i = 0; i < G_N_ELEMENTS (mix); i++)
    {
      if (roll < mix[i].weight)
        return mix[i].stage;
      roll -= mix[i].weight;
    }
  return ACCORD_STAGE_IDENTIFIED;
}

/* Where the partners of a big sample (a benchmark's portfolio) end up: a
 * programme some years old, where most partners have got past talks and
 * so have an agreement. */
static AccordStage
pick_mature_stage (GRand *rand)
{
  static const struct { AccordStage stage; int weight; } mix[] = {
    { ACCORD_STAGE_IDENTIFIED, 8 }, { ACCORD_STAGE_OUTREACH, 10 },
    { ACCORD_STAGE_NEGOTIATING, 14 }, { ACCORD_STAGE_LAUNCHING, 10 },
    { ACCORD_STAGE_GROWING, 26 }, { ACCORD_STAGE_OPTIMIZING, 12 },
    { ACCORD_STAGE_RENEWING, 10 }, { ACCORD_STAGE_ENDED, 10 },
  };
  int roll = g_rand_int_range (rand, 0, 100);

  for (guint i = 0; i < G_N_ELEMENTS (mix); i++)
    {
      if (roll < mix[i].weight)
        return mix[i].stage;
      roll -= mix[i].weight;
    }
  return ACCORD_STAGE_IDENTIFIED;
}

/* Walks @partner from Identified to @target with real, dated moves, so the
 * sample has histories to look at. One transaction a move: only for small
 * samples. @entered gets the day each stage began. */
static gboolean
walk_to (AccordStore    *store,
         GRand          *rand,
         AccordPartner  *partner,
         AccordStage     target,
         const char     *today,
         char          **entered,
         GError        **error)
{
  static const AccordStage path[] = {
    ACCORD_STAGE_OUTREACH, ACCORD_STAGE_NEGOTIATING, ACCORD_STAGE_LAUNCHING,
    ACCORD_STAGE_GROWING, ACCORD_STAGE_OPTIMIZING, ACCORD_STAGE_RENEWING,
  };
  static const char * const notes_for_moves[] = {
    N_("First email sent"), N_("They replied and want a call"), N_("Terms agreed in principle"),
    N_("Launch date set"), N_("First referrals came in"), N_("Tuning the offer"),
    N_("Renewal talks started"),
  };
  int offset = -g_rand_int_range (rand, 200, 360);

  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    {
      g_autofree char *date = NULL;
      AccordStage stage = path[i];

      if (target == ACCORD_STAGE_IDENTIFIED)
        break;
      if ((target == ACCORD_STAGE_ON_HOLD || target == ACCORD_STAGE_ENDED) &&
          (i >= 2 || g_rand_int_range (rand, 0, 2) == 0))
        stage = target;

      offset += g_rand_int_range (rand, 10, 45);
      if (offset > 0)
        offset = 0;
      date = accord_date_add_days (today, offset);
      if (!accord_store_move_partner (store, partner, stage, date,
                                      _(notes_for_moves[MIN (i, G_N_ELEMENTS (notes_for_moves) - 1)]),
                                      NULL, error))
        return FALSE;
      g_free (entered[stage]);
      entered[stage] = g_steal_pointer (&date);
      if (stage == target)
        break;
    }
  return TRUE;
}

/* ---- Agreements, guided work and results ----
 *
 * Once the partners are in, each gets what its stage would have by now:
 * an agreement past Negotiating (a draft while negotiating), an outreach
 * or launch playbook partly done, reviews, referrals, monthly figures and
 * payments once live. Every date is counted from the store's today. Kinds
 * the store saves in batches go in one transaction each; the records the
 * store writes one transaction at a time (playbooks, activities, ticked
 * tasks, the ledger) go to every partner of a small sample and to a
 * spread-out subset of a big one. */

/* About this many partners of a big sample get those records. */
#define GUIDED_LIMIT 100

/* Up to this many live partners of a big sample get referrals, figures
 * and reviews (in batches); past it, a spread-out subset does. */
#define RESULTS_LIMIT 200000

/* One currency for every sample agreement, so totals add up. */
#define DEMO_CURRENCY "EUR"

/* How a live partnership is going: it decides the ratings, the results
 * and how recently anyone was in touch, and so the health. */
typedef enum
{
  PLAN_GOOD,
  PLAN_WATCH,
  PLAN_AT_RISK,
} Plan;

typedef struct
{
  AccordPartner   *partner;
  gint64           contact_id;                /* the primary contact */
  char            *entered[ACCORD_N_STAGES];  /* walked partners: when each stage began */
  gboolean         guided;                    /* gets the one-transaction records */
  Plan             plan;
  int              leads_per_month;           /* what the agreement's KPIs expect */
  int              performance_pct;           /* and what comes of it */
  char            *created_on;                /* the agreement's first draft */
  AccordAgreement *agreement;                 /* NULL: none */
  char            *pilot_created_on;
  AccordAgreement *pilot;                     /* an expired one before it, or NULL */
  char            *code;                      /* the partner's tracking code */
  GPtrArray       *referrals;                 /* AccordReferral, owned elsewhere */
} DemoPartner;

static void
demo_partner_free (DemoPartner *dp)
{
  g_clear_object (&dp->partner);
  for (guint i = 0; i < ACCORD_N_STAGES; i++)
    g_free (dp->entered[i]);
  g_free (dp->created_on);
  g_clear_pointer (&dp->agreement, accord_agreement_free);
  g_free (dp->pilot_created_on);
  g_clear_pointer (&dp->pilot, accord_agreement_free);
  g_free (dp->code);
  g_clear_pointer (&dp->referrals, g_ptr_array_unref);
  g_free (dp);
}

/* What every step below draws on. */
typedef struct
{
  AccordStore *store;
  GRand       *rand;
  const char  *today;
} Demo;

static int
between (GRand *rand,
         int    lo,
         int    hi)
{
  return g_rand_int_range (rand, lo, hi + 1);
}

static gboolean
chance (GRand *rand,
        int    percent)
{
  return g_rand_int_range (rand, 0, 100) < percent;
}

static const char *
earlier_of (const char *a,
            const char *b)
{
  return strcmp (a, b) <= 0 ? a : b;
}

static const char *
later_of (const char *a,
          const char *b)
{
  return strcmp (a, b) >= 0 ? a : b;
}

static void
replace_text (char       **field,
              const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

/* What the sample agreements say. */

static const struct
{
  AccordRevenueModel model;
  const char        *title;   /* {name} is replaced */
} agreement_titles[] = {
  { ACCORD_REVENUE_NONE, N_("Co-marketing agreement with {name}") },
  { ACCORD_REVENUE_REFERRAL_FEE, N_("Referral agreement with {name}") },
  { ACCORD_REVENUE_SHARE, N_("Revenue share agreement with {name}") },
  { ACCORD_REVENUE_FIXED_FEE, N_("Sponsorship agreement with {name}") },
  { ACCORD_REVENUE_TIERED, N_("Reseller agreement with {name}") },
  { ACCORD_REVENUE_MINIMUM_COMMITMENT, N_("Licensing agreement with {name}") },
};

static const char * const termination_effects[] = {
  N_("Customers already referred stay with us; their commission is paid to the end of the term."),
  N_("Existing customers keep their service; the revenue share ends 90 days after termination."),
  N_("Shared customers are told together; open commission is settled within 30 days."),
};

static const char * const ip_terms[] = {
  N_("Each side keeps the IP it brings; material made together is owned jointly."),
  N_("Each side keeps its own IP; we own the integration, they own their content."),
};

static const char * const brand_terms[] = {
  N_("Each side may show the other’s name and logo on its partner page and in campaigns both approve."),
  N_("Logos only as the brand guides say, and every campaign approved by both sides first."),
};

static const struct
{
  AccordSide  side;
  const char *title;
  int         days;   /* after the start */
} deliverable_table[] = {
  { ACCORD_SIDE_US, N_("Set up their tracking link"), 7 },
  { ACCORD_SIDE_US, N_("Write the co-branded landing page"), 21 },
  { ACCORD_SIDE_US, N_("Train their sales team on our offer"), 30 },
  { ACCORD_SIDE_US, N_("Send the quarterly results report"), 95 },
  { ACCORD_SIDE_PARTNER, N_("Name a contact for referrals"), 7 },
  { ACCORD_SIDE_PARTNER, N_("Add our offer to their website"), 14 },
  { ACCORD_SIDE_PARTNER, N_("Feature us in their newsletter"), 30 },
  { ACCORD_SIDE_PARTNER, N_("Co-host a webinar with us"), 60 },
};

/* TRANSLATORS: the health score measures a KPI by the English words in
 * its name (customer, revenue, initiative, NPS); sample data only. */
static const char * const kpi_customers = N_("Referred customers");
static const char * const kpi_revenue = N_("Partner-sourced revenue");
static const char * const kpi_initiatives = N_("Joint initiatives");
static const char * const kpi_nps = N_("NPS of referred customers");

/* What the activity log says. */

static const char * const reply_outcomes[] = {
  N_("Interested; they suggested a short call"),
  N_("Interested, but busy until next month"),
  N_("They asked for a case study first"),
};

static const char * const negotiation_outcomes[] = {
  N_("They want a lower minimum; legal to check the exclusivity clause"),
  N_("Close to agreed; waiting for their finance team"),
  N_("Agreed on the revenue model; the term is still open"),
};

static const struct
{
  AccordActivityKind kind;
  const char        *summary;
  const char        *outcome;
} touches[] = {
  { ACCORD_ACTIVITY_CALL, N_("Monthly check-in call"), N_("No open issues") },
  { ACCORD_ACTIVITY_EMAIL, N_("Sent the monthly results"), "" },
  { ACCORD_ACTIVITY_INTRO, N_("Introduced their team to one of our customers"),
    N_("A joint case study may come of it") },
  { ACCORD_ACTIVITY_EVENT, N_("Met their team at a trade fair"), N_("Planned a joint webinar") },
};

static const char * const review_outcomes[] = {
  [PLAN_GOOD] = N_("Ahead of target; planning a joint webinar"),
  [PLAN_WATCH] = N_("Slightly behind target; agreed to refresh the offer"),
  [PLAN_AT_RISK] = N_("Results are down and their attention is elsewhere"),
};

static const char * const review_notes[] = {
  [PLAN_GOOD] = N_("Strong quarter: referrals are up and they answer within a day."),
  [PLAN_WATCH] = N_("A little below target; their new marketing lead is still settling in."),
  [PLAN_AT_RISK] = N_("They missed the agreed campaign and referrals have dried up."),
};

/* Made-up customers of the partners: a place-like word and a trade. */
static const char * const customer_trades[] = {
  "Bakery", "Bike Shop", "Bookshop", "Coffee Roasters", "Dental Care", "Florist", "Fitness",
  "Print Shop", "Tailors", "Yoga Studio", "Garden Centre", "Ceramics",
};

static void
pick_model (GRand                 *rand,
            AccordPartnershipType  type,
            AccordRevenueModel    *model,
            AccordPayer           *payer)
{
  *payer = ACCORD_PAYER_US;
  switch (type)
    {
    case ACCORD_PARTNERSHIP_TYPE_AFFILIATE:
    case ACCORD_PARTNERSHIP_TYPE_LOYALTY:
      *model = chance (rand, 60) ? ACCORD_REVENUE_REFERRAL_FEE : ACCORD_REVENUE_SHARE;
      break;
    case ACCORD_PARTNERSHIP_TYPE_DISTRIBUTION:
      *model = chance (rand, 50) ? ACCORD_REVENUE_TIERED : ACCORD_REVENUE_SHARE;
      break;
    case ACCORD_PARTNERSHIP_TYPE_INFLUENCER:
      *model = chance (rand, 50) ? ACCORD_REVENUE_REFERRAL_FEE : ACCORD_REVENUE_FIXED_FEE;
      break;
    case ACCORD_PARTNERSHIP_TYPE_SPONSORSHIP:
      *model = ACCORD_REVENUE_FIXED_FEE;
      break;
    case ACCORD_PARTNERSHIP_TYPE_LICENSING:
    case ACCORD_PARTNERSHIP_TYPE_SUPPLY_CHAIN:
      /* They pay us: a guaranteed minimum on what they sell of ours. */
      *model = ACCORD_REVENUE_MINIMUM_COMMITMENT;
      *payer = ACCORD_PAYER_PARTNER;
      break;
    case ACCORD_PARTNERSHIP_TYPE_STRATEGIC_ALLIANCE:
      *model = ACCORD_REVENUE_SHARE;
      break;
    case ACCORD_PARTNERSHIP_TYPE_INTEGRATION:
    case ACCORD_PARTNERSHIP_TYPE_ECOSYSTEM:
      *model = chance (rand, 50) ? ACCORD_REVENUE_SHARE : ACCORD_REVENUE_NONE;
      break;
    case ACCORD_PARTNERSHIP_TYPE_CO_MARKETING:
    case ACCORD_PARTNERSHIP_TYPE_CO_BRANDING:
    case ACCORD_PARTNERSHIP_TYPE_UNSET:
    default:
      *model = chance (rand, 60) ? ACCORD_REVENUE_NONE : ACCORD_REVENUE_REFERRAL_FEE;
      break;
    }
}

static void
set_revenue_terms (GRand           *rand,
                   AccordAgreement *a)
{
  static const int share_rates[] = { 1000, 1500, 2000, 2500 };

  if (a->revenue_model != ACCORD_REVENUE_NONE)
    replace_text (&a->currency, DEMO_CURRENCY);

  switch (a->revenue_model)
    {
    case ACCORD_REVENUE_REFERRAL_FEE:
      a->amount_minor = between (rand, 5, 40) * 1000;
      break;
    case ACCORD_REVENUE_SHARE:
      a->rate_bp = PICK (rand, share_rates);
      a->share_months = chance (rand, 70) ? 12 : 24;
      break;
    case ACCORD_REVENUE_FIXED_FEE:
      a->period = chance (rand, 50) ? ACCORD_PERIOD_MONTH : ACCORD_PERIOD_QUARTER;
      a->amount_minor = between (rand, 5, 30) * 10000;
      break;
    case ACCORD_REVENUE_TIERED:
      a->period = ACCORD_PERIOD_QUARTER;
      accord_agreement_add_tier (a, 1, 1000);
      accord_agreement_add_tier (a, 5, 1500);
      accord_agreement_add_tier (a, 12, 2000);
      break;
    case ACCORD_REVENUE_MINIMUM_COMMITMENT:
      a->period = ACCORD_PERIOD_QUARTER;
      a->rate_bp = 1500;
      a->amount_minor = between (rand, 2, 10) * 10000;
      break;
    case ACCORD_REVENUE_NONE:
    case ACCORD_N_REVENUE_MODELS:
    default:
      break;
    }
}

/* KPIs a year out from @from, sized to what the partner is expected to
 * bring, so the health measures something real. */
static void
add_kpis (GRand           *rand,
          DemoPartner     *dp,
          AccordAgreement *a,
          const char      *from)
{
  g_autofree char *by = accord_date_add_months (from, 12);
  /* Expected new customers in a year: about 45 % of the leads convert. */
  int customers = MAX (2, dp->leads_per_month * 12 * 45 / 100);
  g_autofree char *customers_text = g_strdup_printf ("%d", customers);

  accord_agreement_add_kpi (a, _(kpi_customers), customers_text, by);
  if (a->revenue_model != ACCORD_REVENUE_NONE && chance (rand, 60))
    {
      /* About 800 a customer, in whole thousands. */
      g_autofree char *revenue = accord_format_money (MAX (1, customers * 8 / 10) * 100000,
                                                      DEMO_CURRENCY);

      accord_agreement_add_kpi (a, _(kpi_revenue), revenue, by);
    }
  if (chance (rand, 30))
    accord_agreement_add_kpi (a, _(kpi_initiatives), "4", by);
  if (chance (rand, 20))
    accord_agreement_add_kpi (a, _(kpi_nps), "30", NULL);
}

static void
add_deliverables (Demo            *d,
                  AccordAgreement *a,
                  const char      *from,
                  gboolean         live)
{
  g_autofree char *done_before = accord_date_add_days (d->today, -3);
  guint n = G_N_ELEMENTS (deliverable_table) / 2;
  /* One of ours, one of theirs, sometimes a third of either. */
  guint picks[3] = {
    g_rand_int_range (d->rand, 0, n),
    n + g_rand_int_range (d->rand, 0, n),
    g_rand_int_range (d->rand, 0, G_N_ELEMENTS (deliverable_table)),
  };
  guint n_picks = chance (d->rand, 50) && picks[2] != picks[0] && picks[2] != picks[1] ? 3 : 2;

  for (guint i = 0; i < n_picks; i++)
    {
      g_autofree char *due = accord_date_add_days (from, deliverable_table[picks[i]].days);
      gboolean done = live && strcmp (due, done_before) < 0 && chance (d->rand, 85);

      accord_agreement_add_deliverable (a, deliverable_table[picks[i]].side,
                                        _(deliverable_table[picks[i]].title), due, done);
    }
}

/* The agreement the partner's stage calls for, or none: drafts and
 * negotiations in Negotiating, active agreements once launching (with
 * notice deadlines spread over the coming year, and within 90 days when
 * renewing), a terminated or expired one for some ended partnerships. A
 * few lack an essential, or grant exclusivity early, as real ones do. */
static void
plan_agreement (Demo        *d,
                DemoPartner *dp)
{
  static const int notices[] = { 30, 60, 90 };
  static const int secret_months[] = { 12, 24, 36 };
  GRand *rand = d->rand;
  AccordStage stage = accord_partner_get_stage (dp->partner);
  g_autoptr(AccordAgreement) a = NULL;
  g_autofree char *start = NULL;
  g_autofree char *created = NULL;
  g_autofree char *since = NULL;
  g_autofree char *ended = NULL;
  g_autofree char *title = NULL;
  AccordAgreementStatus status = ACCORD_AGREEMENT_ACTIVE;
  AccordRevenueModel model;
  AccordPayer payer;
  int roll;

  switch (stage)
    {
    case ACCORD_STAGE_NEGOTIATING:
      if (!chance (rand, 75))
        return;
      roll = g_rand_int_range (rand, 0, 100);
      status = roll < 45 ? ACCORD_AGREEMENT_DRAFT :
               roll < 80 ? ACCORD_AGREEMENT_NEGOTIATING : ACCORD_AGREEMENT_LEGAL_REVIEW;
      {
        g_autofree char *recent = accord_date_add_days (d->today, -between (rand, 5, 60));

        created = g_strdup (dp->entered[stage] != NULL ? later_of (dp->entered[stage], recent)
                                                       : recent);
      }
      if (status != ACCORD_AGREEMENT_DRAFT)
        {
          g_autofree char *moved = accord_date_add_days (created, between (rand, 1, 15));

          since = g_strdup (earlier_of (moved, d->today));
        }
      /* Planned to start soon, if they have got that far. */
      if (chance (rand, 60))
        start = accord_date_add_days (d->today, between (rand, 14, 60));
      break;

    case ACCORD_STAGE_LAUNCHING:
      if (!chance (rand, 90))
        return;
      {
        g_autofree char *recent = accord_date_add_days (d->today, -between (rand, 20, 75));
        const char *launching = dp->entered[ACCORD_STAGE_LAUNCHING];

        start = g_strdup (launching != NULL ? later_of (launching, recent) : recent);
      }
      break;

    case ACCORD_STAGE_GROWING:
    case ACCORD_STAGE_OPTIMIZING:
      if (!chance (rand, 95))
        return;
      if (dp->entered[ACCORD_STAGE_LAUNCHING] != NULL)
        start = g_strdup (dp->entered[ACCORD_STAGE_LAUNCHING]);
      else
        start = accord_date_add_days (d->today, stage == ACCORD_STAGE_GROWING ?
                                      -between (rand, 60, 330) : -between (rand, 150, 360));
      break;

    case ACCORD_STAGE_RENEWING:
      /* Dated below, from the notice deadline it should have. */
      break;

    case ACCORD_STAGE_ENDED:
      if (dp->entered[ACCORD_STAGE_ENDED] != NULL ? dp->entered[ACCORD_STAGE_LAUNCHING] == NULL
                                                  : !chance (rand, 60))
        return;
      status = chance (rand, 60) ? ACCORD_AGREEMENT_TERMINATED : ACCORD_AGREEMENT_EXPIRED;
      ended = dp->entered[stage] != NULL ? g_strdup (dp->entered[stage])
                                         : accord_date_add_days (d->today, -between (rand, 10, 150));
      if (dp->entered[ACCORD_STAGE_LAUNCHING] != NULL &&
          strcmp (dp->entered[ACCORD_STAGE_LAUNCHING], ended) < 0)
        start = g_strdup (dp->entered[ACCORD_STAGE_LAUNCHING]);
      else
        start = accord_date_add_days (ended, -between (rand, 120, 300));
      {
        /* Within the sample's past: its drafts and legal review too. */
        g_autofree char *earliest = accord_date_add_days (d->today, -400);

        if (strcmp (start, earliest) < 0)
          replace_text (&start, earliest);
      }
      break;

    case ACCORD_STAGE_IDENTIFIED:
    case ACCORD_STAGE_OUTREACH:
    case ACCORD_STAGE_ON_HOLD:
    case ACCORD_N_STAGES:
    default:
      return;
    }

  a = accord_agreement_new (accord_partner_get_id (dp->partner));
  pick_model (rand, accord_partner_get_partnership_type (dp->partner), &model, &payer);
  a->revenue_model = model;
  a->payer = payer;
  for (guint i = 0; i < G_N_ELEMENTS (agreement_titles); i++)
    if (agreement_titles[i].model == model)
      title = fill_template (_(agreement_titles[i].title), "{name}",
                             accord_partner_get_name (dp->partner));
  replace_text (&a->title, title);
  a->status = status;
  set_revenue_terms (rand, a);

  /* The term. */
  roll = g_rand_int_range (rand, 0, 100);
  a->term_months = roll < 65 ? 12 : roll < 85 ? 24 : 6;
  a->notice_days = PICK (rand, notices);
  a->renewal = chance (rand, 70) ? ACCORD_RENEWAL_AUTOMATIC : ACCORD_RENEWAL_MUTUAL;
  if (stage == ACCORD_STAGE_RENEWING)
    {
      /* The notice deadline falls 10 to 90 days from today: work back
       * from it to the start of a year's term. */
      g_autofree char *deadline = accord_date_add_days (d->today, between (rand, 10, 88));
      g_autofree char *renewal = accord_date_add_days (deadline, a->notice_days + 1);

      a->term_months = 12;
      a->renewal = ACCORD_RENEWAL_AUTOMATIC;
      start = accord_date_add_months (renewal, -12);
    }
  replace_text (&a->start, start);
  if (status == ACCORD_AGREEMENT_ACTIVE && a->renewal == ACCORD_RENEWAL_MUTUAL)
    {
      /* A mutual renewal only while the first term runs. */
      g_autofree char *end = accord_agreement_end_of_term (a);

      if (end != NULL && strcmp (end, d->today) < 0)
        a->renewal = ACCORD_RENEWAL_AUTOMATIC;
    }
  a->termination_notice_days = PICK (rand, notices);
  replace_text (&a->termination_effect, _(PICK (rand, termination_effects)));

  /* Other terms. */
  replace_text (&a->ip_terms, _(PICK (rand, ip_terms)));
  replace_text (&a->brand_usage, _(PICK (rand, brand_terms)));
  a->confidential = chance (rand, 70);
  if (a->confidential)
    a->confidentiality_months = chance (rand, 30) ? ACCORD_UNSET : PICK (rand, secret_months);
  roll = g_rand_int_range (rand, 0, 100);
  a->review_cadence = roll < 60 ? ACCORD_CADENCE_QUARTERLY :
                      roll < 85 ? ACCORD_CADENCE_MONTHLY : ACCORD_CADENCE_ANNUAL;

  if (created == NULL)
    {
      g_autofree char *drafted = accord_date_add_days (start, -between (rand, 20, 60));
      const char *negotiating = dp->entered[ACCORD_STAGE_NEGOTIATING];

      created = g_strdup (negotiating != NULL ? earlier_of (negotiating, start) : drafted);
    }
  if (status == ACCORD_AGREEMENT_LEGAL_REVIEW || chance (rand, 40))
    {
      a->legal_review_needed = TRUE;
      if (status == ACCORD_AGREEMENT_LEGAL_REVIEW)
        a->legal_requested_on = g_strdup (since);
      else if (status != ACCORD_AGREEMENT_DRAFT && status != ACCORD_AGREEMENT_NEGOTIATING)
        {
          g_autofree char *asked = accord_date_add_days (created, between (rand, 2, 7));
          g_autofree char *done = accord_date_add_days (asked, between (rand, 3, 12));

          a->legal_requested_on = g_strdup (earlier_of (asked, d->today));
          a->legal_done_on = g_strdup (earlier_of (done, d->today));
        }
    }

  if (status == ACCORD_AGREEMENT_DRAFT || status == ACCORD_AGREEMENT_NEGOTIATING ||
      status == ACCORD_AGREEMENT_LEGAL_REVIEW)
    {
      /* Still being written: some terms are not there yet. */
      if (chance (rand, 55))
        add_kpis (rand, dp, a, start != NULL ? start : d->today);
      if (chance (rand, 25))
        a->termination_notice_days = ACCORD_UNSET;
      if (start == NULL || chance (rand, 20))
        a->term_months = ACCORD_UNSET;
      if (chance (rand, 60))
        add_deliverables (d, a, start != NULL ? start : d->today, FALSE);
    }
  else
    {
      /* Signed: complete, bar a few that miss an essential. */
      roll = g_rand_int_range (rand, 0, 100);
      if (roll >= 8)
        add_kpis (rand, dp, a, start);
      if (roll >= 4 && roll < 10)
        a->termination_notice_days = ACCORD_UNSET;
      add_deliverables (d, a, start, TRUE);
    }

  /* Exclusivity mostly not; when granted before results, it is warned of. */
  if (chance (rand, stage == ACCORD_STAGE_LAUNCHING ? 20 : 8))
    {
      if (chance (rand, 50))
        {
          a->exclusivity = ACCORD_EXCLUSIVITY_CATEGORY;
          replace_text (&a->exclusivity_scope, _("Their sector, for the first year"));
        }
      else
        {
          a->exclusivity = ACCORD_EXCLUSIVITY_GEOGRAPHIC;
          replace_text (&a->exclusivity_scope, _("The Nordic countries"));
        }
    }

  if (status == ACCORD_AGREEMENT_EXPIRED)
    {
      /* Ran to the end of its term, unless that is still ahead: then it
       * was ended early. */
      g_autofree char *end = accord_agreement_end_of_term (a);

      a->renewal = ACCORD_RENEWAL_MUTUAL;
      if (end != NULL && strcmp (end, d->today) <= 0)
        replace_text (&ended, end);
      else
        a->status = status = ACCORD_AGREEMENT_TERMINATED;
    }
  if (ended != NULL)
    {
      a->ended_on = g_strdup (ended);
      since = g_strdup (ended);
    }
  else if (status == ACCORD_AGREEMENT_ACTIVE)
    since = g_strdup (start);
  else if (since == NULL)
    since = g_strdup (created);
  a->status_since = g_strdup (since);

  dp->created_on = g_steal_pointer (&created);
  dp->agreement = g_steal_pointer (&a);
}

/* Some live partnerships began with a six-month pilot, now expired, so
 * partners show more than one agreement over time. */
static void
plan_pilot (Demo        *d,
            DemoPartner *dp)
{
  AccordStage stage = accord_partner_get_stage (dp->partner);
  const AccordAgreement *main_one = dp->agreement;
  g_autoptr(AccordAgreement) a = NULL;
  g_autofree char *year_ago = accord_date_add_days (d->today, -180);
  g_autofree char *title = NULL;
  g_autofree char *end = NULL;

  if ((stage != ACCORD_STAGE_GROWING && stage != ACCORD_STAGE_OPTIMIZING &&
       stage != ACCORD_STAGE_RENEWING) ||
      main_one == NULL || main_one->status != ACCORD_AGREEMENT_ACTIVE ||
      strcmp (main_one->start, year_ago) < 0 || !chance (d->rand, 25))
    return;

  a = accord_agreement_new (main_one->partner_id);
  title = fill_template (_("Pilot agreement with {name}"), "{name}",
                         accord_partner_get_name (dp->partner));
  replace_text (&a->title, title);
  a->start = accord_date_add_months (main_one->start, -6);
  a->term_months = 6;
  a->renewal = ACCORD_RENEWAL_MUTUAL;
  a->notice_days = 30;
  a->termination_notice_days = 30;
  replace_text (&a->termination_effect, _(PICK (d->rand, termination_effects)));
  replace_text (&a->ip_terms, _(PICK (d->rand, ip_terms)));
  replace_text (&a->brand_usage, _(PICK (d->rand, brand_terms)));
  a->review_cadence = ACCORD_CADENCE_MONTHLY;
  accord_agreement_add_kpi (a, _(kpi_customers), "3", main_one->start);
  add_deliverables (d, a, a->start, TRUE);

  end = accord_agreement_end_of_term (a);
  a->status = ACCORD_AGREEMENT_EXPIRED;
  a->ended_on = g_strdup (end);
  a->status_since = g_strdup (end);
  dp->pilot_created_on = accord_date_add_days (a->start, -between (d->rand, 14, 40));
  dp->pilot = g_steal_pointer (&a);
}

/* Saves @a through the statuses it went through, each on its day, so its
 * history reads as it happened. */
static gboolean
save_agreement_history (Demo             *d,
                        AccordAgreement  *a,
                        const char       *created_on,
                        GError          **error)
{
  AccordAgreementStatus final_status = a->status;
  g_autofree char *final_since = g_strdup (a->status_since);
  g_autofree char *final_ended = g_strdup (a->ended_on);
  /* Saving replaces the record's contents: keep what the steps need. */
  g_autofree char *start = g_strdup (a->start);
  struct { AccordAgreementStatus status; const char *date; } steps[3];
  guint n_steps = 0;

  steps[n_steps].status = ACCORD_AGREEMENT_DRAFT;
  steps[n_steps++].date = created_on;
  switch (final_status)
    {
    case ACCORD_AGREEMENT_NEGOTIATING:
    case ACCORD_AGREEMENT_LEGAL_REVIEW:
      steps[n_steps].status = final_status;
      steps[n_steps++].date = final_since;
      break;
    case ACCORD_AGREEMENT_ACTIVE:
      steps[n_steps].status = ACCORD_AGREEMENT_ACTIVE;
      steps[n_steps++].date = start;
      break;
    case ACCORD_AGREEMENT_EXPIRED:
    case ACCORD_AGREEMENT_TERMINATED:
      steps[n_steps].status = ACCORD_AGREEMENT_ACTIVE;
      steps[n_steps++].date = start;
      steps[n_steps].status = final_status;
      steps[n_steps++].date = final_since;
      break;
    case ACCORD_AGREEMENT_DRAFT:
    case ACCORD_N_AGREEMENT_STATUSES:
    default:
      break;
    }

  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();
      g_autofree char *date = g_strdup (steps[i].date);
      gboolean ok;

      a->status = steps[i].status;
      replace_text (&a->status_since, date);
      replace_text (&a->ended_on, i + 1 == n_steps ? final_ended : NULL);
      g_ptr_array_add (one, a);
      accord_store_set_today (d->store, date);
      ok = accord_store_save_agreements (d->store, one, NULL, error);
      accord_store_set_today (d->store, d->today);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Guided work: playbooks, the activity log and ticked tasks. */

static gboolean
log_activity (Demo                *d,
              DemoPartner         *dp,
              AccordActivityKind   kind,
              const char          *date,
              const char          *summary,
              const char          *outcome,
              gboolean             is_reply,
              GError             **error)
{
  g_autoptr(AccordActivity) activity = accord_activity_new (accord_partner_get_id (dp->partner),
                                                            kind, date);

  activity->contact_id = dp->contact_id;
  replace_text (&activity->summary, summary);
  replace_text (&activity->outcome, outcome);
  activity->is_reply = is_reply;
  return accord_store_add_activity (d->store, activity, error);
}

/* Marks a task done on @date, as if ticked that day. */
static gboolean
tick (Demo        *d,
      gint64       task_id,
      const char  *date,
      GError     **error)
{
  gboolean ok;

  accord_store_set_today (d->store, date);
  ok = accord_store_set_task_done (d->store, task_id, TRUE, error);
  accord_store_set_today (d->store, d->today);
  return ok;
}

static AccordTask *
find_task (GPtrArray  *tasks,
           gint64      run_id,
           const char *step)
{
  for (guint i = 0; i < tasks->len; i++)
    {
      AccordTask *task = tasks->pdata[i];

      if (task->run_id == run_id && g_strcmp0 (task->step, step) == 0)
        return task;
    }
  return NULL;
}

static gboolean
is_open (const AccordTask *task)
{
  return task->done_on == NULL && task->cancelled_on == NULL;
}

/* Outreach: the first email planned, or sent with some follow-ups; some
 * partners have replied, and some of those have a first call planned. */
static gboolean
guide_outreach (Demo         *d,
                DemoPartner  *dp,
                GError      **error)
{
  static const char * const follow_ups[] = { "follow-up-3", "follow-up-7", "follow-up-14" };
  g_autoptr(GPtrArray) tasks = NULL;
  g_autofree char *anchor = NULL;
  g_autofree char *reply_on = NULL;
  int roll = g_rand_int_range (d->rand, 0, 100);
  gint64 run_id;

  if (roll < 20)
    {
      anchor = accord_date_add_days (d->today, between (d->rand, 0, 3));
      return accord_store_start_playbook (d->store, dp->partner, ACCORD_PLAYBOOK_OUTREACH,
                                          anchor, NULL, error) != 0;
    }

  anchor = accord_date_add_days (d->today, -between (d->rand, 2, 24));
  run_id = accord_store_start_playbook (d->store, dp->partner, ACCORD_PLAYBOOK_OUTREACH, anchor,
                                        NULL, error);
  if (run_id == 0 ||
      !log_activity (d, dp, ACCORD_ACTIVITY_EMAIL, anchor, _("Sent the first email"), "", FALSE,
                     error))
    return FALSE;
  if (roll >= 60)
    {
      g_autofree char *answered = accord_date_add_days (anchor, between (d->rand, 1, 6));

      reply_on = g_strdup (earlier_of (answered, d->today));
    }

  tasks = accord_store_list_tasks (d->store, dp->partner, error);
  if (tasks == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (follow_ups); i++)
    {
      AccordTask *task = find_task (tasks, run_id, follow_ups[i]);

      if (task == NULL || !is_open (task) || strcmp (task->due, d->today) >= 0)
        break;
      if (reply_on != NULL ? strcmp (task->due, reply_on) >= 0 : !chance (d->rand, 75))
        break;
      if (!tick (d, task->id, task->due, error) ||
          !log_activity (d, dp, ACCORD_ACTIVITY_EMAIL, task->due, _("Sent a follow-up"), "",
                         FALSE, error))
        return FALSE;
    }

  if (reply_on == NULL)
    return TRUE;
  if (!log_activity (d, dp, ACCORD_ACTIVITY_EMAIL, reply_on, _("They replied to our email"),
                     _(PICK (d->rand, reply_outcomes)), TRUE, error))
    return FALSE;
  if (chance (d->rand, 50))
    {
      g_autofree char *call_on = accord_date_add_days (d->today, between (d->rand, 1, 7));

      if (accord_store_plan_first_call (d->store, dp->partner, call_on, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
guide_negotiating (Demo         *d,
                   DemoPartner  *dp,
                   GError      **error)
{
  g_autofree char *recent = accord_date_add_days (d->today, -between (d->rand, 10, 40));
  const char *first = dp->created_on != NULL ? dp->created_on : recent;

  if (!log_activity (d, dp, ACCORD_ACTIVITY_CALL, earlier_of (first, d->today),
                     _("First call: how a partnership could work"),
                     _("Both sides see a fit; we send draft terms"), FALSE, error))
    return FALSE;
  if (chance (d->rand, 70))
    {
      g_autofree char *met = accord_date_add_days (d->today, -between (d->rand, 1, 9));

      if (!log_activity (d, dp, ACCORD_ACTIVITY_MEETING, later_of (met, first),
                         _("Went through the draft terms"),
                         _(PICK (d->rand, negotiation_outcomes)), FALSE, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
ensure_tracking_code (Demo         *d,
                      DemoPartner  *dp,
                      GError      **error)
{
  g_free (dp->code);
  dp->code = accord_store_dup_tracking_code (d->store, dp->partner, error);
  return dp->code != NULL;
}

/* Launching: the launch checklist dated from a launch day close to today,
 * most of what is already due ticked. */
static gboolean
guide_launch (Demo         *d,
              DemoPartner  *dp,
              GError      **error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autofree char *launch_on = accord_date_add_days (d->today, between (d->rand, -7, 35));
  g_autofree char *kickoff = accord_date_add_days (launch_on, -42);
  g_autofree char *shared = accord_date_add_days (d->today, -between (d->rand, 1, 6));
  gint64 run_id;

  if (!ensure_tracking_code (d, dp, error))
    return FALSE;
  run_id = accord_store_start_playbook (d->store, dp->partner, ACCORD_PLAYBOOK_LAUNCH, launch_on,
                                        NULL, error);
  if (run_id == 0)
    return FALSE;
  tasks = accord_store_list_tasks (d->store, dp->partner, error);
  if (tasks == NULL)
    return FALSE;
  for (guint i = 0; i < tasks->len; i++)
    {
      AccordTask *task = tasks->pdata[i];
      g_autofree char *late = NULL;

      if (task->run_id != run_id || !is_open (task) || strcmp (task->due, d->today) >= 0 ||
          !chance (d->rand, 85))
        continue;
      late = accord_date_add_days (task->due, between (d->rand, 0, 2));
      if (!tick (d, task->id, earlier_of (late, d->today), error))
        return FALSE;
    }

  if (strcmp (kickoff, d->today) < 0 &&
      !log_activity (d, dp, ACCORD_ACTIVITY_MEETING, kickoff, _("Launch kick-off with both teams"),
                     _("Owners named for every item of the checklist"), FALSE, error))
    return FALSE;
  return log_activity (d, dp, ACCORD_ACTIVITY_EMAIL, shared, _("Shared the launch assets for review"),
                       "", FALSE, error);
}

/* Live: the review rhythm from the agreement's start with the reviews so
 * far done, the quarterly reviews and recent touches in the log. A
 * partnership at risk has gone quiet: no contact, reviews left undone. */
static gboolean
guide_live (Demo         *d,
            DemoPartner  *dp,
            GError      **error)
{
  const char *start = dp->agreement->start;
  g_autofree char *cutoff = NULL;
  g_autofree char *quiet_from = NULL;
  gint64 run_id;

  if (!ensure_tracking_code (d, dp, error))
    return FALSE;
  run_id = accord_store_start_playbook (d->store, dp->partner, ACCORD_PLAYBOOK_REVIEWS, start,
                                        NULL, error);
  if (run_id == 0)
    return FALSE;

  cutoff = dp->plan == PLAN_AT_RISK ? accord_date_add_days (d->today, -45) : g_strdup (d->today);
  /* Each review ticked schedules the next: tick until none is due. */
  for (guint round = 0; round < 40; round++)
    {
      g_autoptr(GPtrArray) tasks = accord_store_list_tasks (d->store, dp->partner, error);
      gboolean ticked = FALSE;

      if (tasks == NULL)
        return FALSE;
      for (guint i = 0; i < tasks->len; i++)
        {
          AccordTask *task = tasks->pdata[i];

          if (task->run_id != run_id || !is_open (task) || strcmp (task->due, cutoff) >= 0)
            continue;
          if (!tick (d, task->id, task->due, error))
            return FALSE;
          ticked = TRUE;
        }
      if (!ticked)
        break;
    }

  quiet_from = dp->plan == PLAN_AT_RISK ?
               accord_date_add_days (d->today, -between (d->rand, 50, 100)) : g_strdup (d->today);
  for (int k = 1; ; k++)
    {
      g_autofree char *review_on = accord_date_add_months (start, 3 * k);

      if (strcmp (review_on, quiet_from) >= 0)
        break;
      if (!log_activity (d, dp, ACCORD_ACTIVITY_MEETING, review_on, _("Quarterly business review"),
                         _(review_outcomes[dp->plan]), FALSE, error))
        return FALSE;
    }

  switch (dp->plan)
    {
    case PLAN_GOOD:
      for (int i = between (d->rand, 1, 2); i > 0; i--)
        {
          g_autofree char *date = accord_date_add_days (d->today, -between (d->rand, 2, 20));
          guint t = g_rand_int_range (d->rand, 0, G_N_ELEMENTS (touches));

          if (!log_activity (d, dp, touches[t].kind, date, _(touches[t].summary),
                             *touches[t].outcome != '\0' ? _(touches[t].outcome) : "", FALSE,
                             error))
            return FALSE;
        }
      return TRUE;
    case PLAN_WATCH:
      {
        g_autofree char *date = accord_date_add_days (d->today, -between (d->rand, 25, 45));

        return log_activity (d, dp, ACCORD_ACTIVITY_EMAIL, date, _("Sent the monthly results"), "",
                             FALSE, error);
      }
    case PLAN_AT_RISK:
    default:
      /* The last contact, weeks ago. */
      if (strcmp (quiet_from, start) <= 0)
        return TRUE;
      return log_activity (d, dp, ACCORD_ACTIVITY_CALL, quiet_from, _("Monthly check-in call"),
                           _("They had to cut it short"), FALSE, error);
    }
}

static gboolean
guide_partner (Demo         *d,
               DemoPartner  *dp,
               GError      **error)
{
  const char *since = accord_partner_get_stage_since (dp->partner);

  switch (accord_partner_get_stage (dp->partner))
    {
    case ACCORD_STAGE_IDENTIFIED:
      if (!chance (d->rand, 30))
        return TRUE;
      return log_activity (d, dp, ACCORD_ACTIVITY_NOTE, earlier_of (since, d->today),
                           _("Spotted them at a regional trade fair; worth a first email"), "",
                           FALSE, error);
    case ACCORD_STAGE_OUTREACH:
      return guide_outreach (d, dp, error);
    case ACCORD_STAGE_NEGOTIATING:
      return guide_negotiating (d, dp, error);
    case ACCORD_STAGE_LAUNCHING:
      return guide_launch (d, dp, error);
    case ACCORD_STAGE_GROWING:
    case ACCORD_STAGE_OPTIMIZING:
    case ACCORD_STAGE_RENEWING:
      if (dp->agreement == NULL || dp->agreement->status != ACCORD_AGREEMENT_ACTIVE)
        return TRUE;
      return guide_live (d, dp, error);
    case ACCORD_STAGE_ON_HOLD:
      return log_activity (d, dp, ACCORD_ACTIVITY_CALL, earlier_of (since, d->today),
                           _("Not the right time for them"), _("Agreed to talk again later"),
                           FALSE, error);
    case ACCORD_STAGE_ENDED:
      if (dp->agreement == NULL)
        return TRUE;
      return log_activity (d, dp, ACCORD_ACTIVITY_NOTE, dp->agreement->status_since,
                           _("Wound the partnership down and parted on good terms"), "",
                           FALSE, error);
    case ACCORD_N_STAGES:
    default:
      return TRUE;
    }
}

/* History: for the partners of a big sample without guided work, a year
 * of the log and a few tasks of their own, as a workspace in use for a
 * while has. Many rows, so they go in one transaction through statements
 * prepared once, not a transaction a record. */

typedef struct
{
  AccordActivityKind kind;
  const char        *summary;
  const char        *outcome;
  gboolean           is_reply;
} Touch;

/* Before any talks: research and first emails. */
static const Touch early_touches[] = {
  { ACCORD_ACTIVITY_NOTE, N_("Read up on their latest launch"), "", FALSE },
  { ACCORD_ACTIVITY_NOTE, N_("Spotted them at a regional trade fair; worth a first email"), "", FALSE },
  { ACCORD_ACTIVITY_EMAIL, N_("Sent the first email"), "", FALSE },
  { ACCORD_ACTIVITY_EMAIL, N_("Sent a follow-up"), "", FALSE },
};

/* While the terms are talked over. */
static const Touch talks_touches[] = {
  { ACCORD_ACTIVITY_EMAIL, N_("Sent a follow-up"), "", FALSE },
  { ACCORD_ACTIVITY_EMAIL, N_("They replied to our email"),
    N_("Interested; they suggested a short call"), TRUE },
  { ACCORD_ACTIVITY_CALL, N_("First call: how a partnership could work"),
    N_("Both sides see a fit; we send draft terms"), FALSE },
  { ACCORD_ACTIVITY_EMAIL, N_("Sent the draft terms"), "", FALSE },
  { ACCORD_ACTIVITY_MEETING, N_("Went through the draft terms"),
    N_("Close to agreed; waiting for their finance team"), FALSE },
  { ACCORD_ACTIVITY_CALL, N_("Talked through their questions about the terms"),
    N_("Legal to check the exclusivity clause"), FALSE },
};

/* Working together. */
static const Touch working_touches[] = {
  { ACCORD_ACTIVITY_CALL, N_("Monthly check-in call"), N_("No open issues"), FALSE },
  { ACCORD_ACTIVITY_EMAIL, N_("Sent the monthly results"), "", FALSE },
  { ACCORD_ACTIVITY_EMAIL, N_("They sent their campaign plan for next month"), "", TRUE },
  { ACCORD_ACTIVITY_MEETING, N_("Planned the next campaign together"),
    N_("Dates and owners agreed"), FALSE },
  { ACCORD_ACTIVITY_CALL, N_("Went through the referral numbers"),
    N_("They will feature our offer in their next newsletter"), FALSE },
  { ACCORD_ACTIVITY_INTRO, N_("Introduced their team to one of our customers"),
    N_("A joint case study may come of it"), FALSE },
  { ACCORD_ACTIVITY_EVENT, N_("Met their team at a trade fair"), N_("Planned a joint webinar"),
    FALSE },
  { ACCORD_ACTIVITY_NOTE, N_("Their partner contact changed; updated our notes"), "", FALSE },
};

/* Tasks people add by hand. */
static const char * const own_tasks[] = {
  N_("Send them the updated price list"),
  N_("Ask for a quote for the case study"),
  N_("Check the referral link still works"),
  N_("Share the campaign results with their team"),
  N_("Book the next planning call"),
  N_("Update their logo on our partner page"),
};

/* The log of @dp, @n touches from @first to @last, drawn from @pool. */
static gboolean
write_history_log (Demo           *d,
                   GRand          *rand,
                   DemoPartner    *dp,
                   const Touch    *pool,
                   guint           n_pool,
                   guint           n,
                   const char     *first,
                   const char     *last,
                   const char     *now,
                   GError        **error)
{
  sqlite3_stmt *stmt = _accord_store_get_stmt (d->store,
                                               "INSERT INTO activity (partner_id, date, kind, "
                                               "contact_id, summary, outcome, is_reply, created_at) "
                                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                               error);
  int span = MAX (0, accord_days_between (first, last));

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      /* The last one on @last: when they were last in touch. */
      g_autofree char *date = accord_date_add_days (first, i + 1 == n ? span :
                                                    g_rand_int_range (rand, 0, span + 1));
      const Touch *touch = &pool[g_rand_int_range (rand, 0, n_pool)];

      sqlite3_bind_int64 (stmt, 1, accord_partner_get_id (dp->partner));
      sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, accord_activity_kind_to_key (touch->kind), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, dp->contact_id);
      sqlite3_bind_text (stmt, 5, _(touch->summary), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, *touch->outcome != '\0' ? _(touch->outcome) : "", -1,
                         SQLITE_STATIC);
      sqlite3_bind_int (stmt, 7, touch->is_reply ? 1 : 0);
      sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
      if (!_accord_store_step_done (d->store, stmt, _("Could not save the activity"), error))
        return FALSE;
    }
  return TRUE;
}

/* One to three tasks of the partner's own: most of the past ones done,
 * a few overdue, the rest coming up. */
static gboolean
write_history_tasks (Demo         *d,
                     GRand        *rand,
                     DemoPartner  *dp,
                     const char   *now,
                     GError      **error)
{
  sqlite3_stmt *stmt = _accord_store_get_stmt (d->store,
                                               "INSERT INTO task (partner_id, run_id, playbook, "
                                               "step, phase, title, anchor, offset_days, due, "
                                               "done_on, snoozed_until, cancelled_on, notes, "
                                               "created_at) "
                                               "VALUES (?1, NULL, ?2, '', '', ?3, '', 0, ?4, ?5, "
                                               "NULL, NULL, '', ?6)",
                                               error);
  int n = between (rand, 1, 3);

  if (stmt == NULL)
    return FALSE;
  for (int i = 0; i < n; i++)
    {
      g_autofree char *due = accord_date_add_days (d->today, between (rand, -60, 45));
      g_autofree char *done_on = NULL;

      if (strcmp (due, d->today) < 0 && chance (rand, 80))
        {
          g_autofree char *late = accord_date_add_days (due, between (rand, 0, 3));

          done_on = g_strdup (earlier_of (late, d->today));
        }
      sqlite3_bind_int64 (stmt, 1, accord_partner_get_id (dp->partner));
      sqlite3_bind_text (stmt, 2, accord_playbook_to_key (ACCORD_PLAYBOOK_NONE), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, _(PICK (rand, own_tasks)), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, due, -1, SQLITE_TRANSIENT);
      if (done_on != NULL)
        sqlite3_bind_text (stmt, 5, done_on, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 5);
      sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
      if (!_accord_store_step_done (d->store, stmt, _("Could not save the task"), error))
        return FALSE;
    }
  return TRUE;
}

/* About twenty entries a partner over the whole sample: few before any
 * talks, more while negotiating, most once working together. The last
 * contact follows the plan, so a partnership at risk has gone quiet. */
static gboolean
write_history (Demo         *d,
               GRand        *rand,
               DemoPartner  *dp,
               const char   *now,
               GError      **error)
{
  AccordStage stage = accord_partner_get_stage (dp->partner);
  g_autofree char *first = accord_date_add_days (d->today, -between (rand, 300, 360));
  g_autofree char *last = NULL;
  const Touch *pool = working_touches;
  guint n_pool = G_N_ELEMENTS (working_touches);
  guint n;

  switch (stage)
    {
    case ACCORD_STAGE_IDENTIFIED:
      pool = early_touches;
      n_pool = 2;
      n = between (rand, 0, 3);
      g_free (first);
      first = accord_date_add_days (d->today, -between (rand, 30, 120));
      last = accord_date_add_days (d->today, -between (rand, 1, 20));
      break;
    case ACCORD_STAGE_OUTREACH:
      pool = early_touches;
      n_pool = G_N_ELEMENTS (early_touches);
      n = between (rand, 2, 8);
      g_free (first);
      first = accord_date_add_days (d->today, -between (rand, 30, 90));
      last = accord_date_add_days (d->today, -between (rand, 1, 10));
      break;
    case ACCORD_STAGE_NEGOTIATING:
      pool = talks_touches;
      n_pool = G_N_ELEMENTS (talks_touches);
      n = between (rand, 8, 20);
      last = accord_date_add_days (d->today, -between (rand, 1, 14));
      break;
    case ACCORD_STAGE_GROWING:
    case ACCORD_STAGE_OPTIMIZING:
    case ACCORD_STAGE_RENEWING:
      n = between (rand, 16, 40);
      last = accord_date_add_days (d->today, dp->plan == PLAN_GOOD ? -between (rand, 2, 20) :
                                             dp->plan == PLAN_WATCH ? -between (rand, 25, 45) :
                                             -between (rand, 50, 100));
      break;
    case ACCORD_STAGE_ENDED:
      n = between (rand, 10, 25);
      last = g_strdup (dp->agreement != NULL ? dp->agreement->status_since :
                       accord_partner_get_stage_since (dp->partner));
      break;
    case ACCORD_STAGE_LAUNCHING:
    case ACCORD_STAGE_ON_HOLD:
    case ACCORD_N_STAGES:
    default:
      n = between (rand, 12, 28);
      last = accord_date_add_days (d->today, -between (rand, 1, 10));
      break;
    }
  /* Nothing after today, nothing before the partner was added. */
  if (strcmp (last, d->today) > 0)
    replace_text (&last, d->today);
  if (strcmp (first, last) > 0)
    replace_text (&first, last);

  return write_history_log (d, rand, dp, pool, n_pool, n, first, last, now, error) &&
         write_history_tasks (d, rand, dp, now, error);
}

/* Results: referrals, monthly figures and reviews of a live partnership
 * since its agreement began, consistent with each other. */

static void
plan_results (Demo        *d,
              DemoPartner *dp,
              GPtrArray   *referrals,
              GPtrArray   *reviews,
              GPtrArray   *figures)
{
  static const int convert_pct[] = { [PLAN_GOOD] = 50, [PLAN_WATCH] = 40, [PLAN_AT_RISK] = 25 };
  GRand *rand = d->rand;
  gint64 partner_id = accord_partner_get_id (dp->partner);
  const char *start = dp->agreement->start;
  g_autofree char *first_month = g_strdup_printf ("%.7s-01", start);
  g_autofree char *lead_after = accord_date_add_days (d->today, -45);
  int nps_base = dp->plan == PLAN_GOOD ? 45 : dp->plan == PLAN_WATCH ? 25 : 0;
  int hours_base = dp->plan == PLAN_GOOD ? 6 : dp->plan == PLAN_WATCH ? 24 : 60;
  g_autoptr(GPtrArray) dates = NULL;

  dp->referrals = g_ptr_array_new ();

  /* Referrals, month by month from the start; the recent ones are still
   * open leads, the older ones bought or were lost. */
  for (int k = 0; ; k++)
    {
      g_autofree char *period = accord_date_add_months (start, k);
      int n;

      if (strcmp (period, d->today) > 0)
        break;
      n = (dp->leads_per_month * dp->performance_pct + g_rand_int_range (rand, 0, 100)) / 100;
      n = MAX (0, n + between (rand, -1, 1));
      for (int i = 0; i < n; i++)
        {
          g_autofree char *date = accord_date_add_days (period, between (rand, 0, 29));
          g_autofree char *customer = NULL;
          AccordReferral *referral;

          if (strcmp (date, d->today) > 0)
            continue;
          customer = g_strdup_printf ("%s %s", PICK (rand, name_prefixes),
                                      PICK (rand, customer_trades));
          referral = accord_referral_new (partner_id, date);
          replace_text (&referral->customer, customer);
          replace_text (&referral->code, dp->code);
          if (chance (rand, convert_pct[dp->plan]))
            {
              g_autofree char *bought = accord_date_add_days (date, between (rand, 2, 25));

              if (strcmp (bought, d->today) <= 0)
                {
                  referral->status = ACCORD_REFERRAL_CONVERTED;
                  referral->converted_on = g_strdup (bought);
                  referral->revenue_minor = between (rand, 15, 250) * 1000;
                }
            }
          if (referral->status != ACCORD_REFERRAL_CONVERTED && strcmp (date, lead_after) < 0)
            referral->status = ACCORD_REFERRAL_LOST;
          g_ptr_array_add (referrals, referral);
          g_ptr_array_add (dp->referrals, referral);

          /* Some customers buy again. */
          if (referral->status == ACCORD_REFERRAL_CONVERTED && chance (rand, 15))
            {
              g_autofree char *again = accord_date_add_days (referral->converted_on,
                                                             between (rand, 30, 90));

              if (strcmp (again, d->today) <= 0)
                {
                  AccordReferral *repeat = accord_referral_new (partner_id, again);

                  replace_text (&repeat->customer, customer);
                  replace_text (&repeat->code, dp->code);
                  repeat->status = ACCORD_REFERRAL_CONVERTED;
                  repeat->converted_on = g_strdup (again);
                  repeat->revenue_minor = between (rand, 15, 250) * 1000;
                  g_ptr_array_add (referrals, repeat);
                  g_ptr_array_add (dp->referrals, repeat);
                }
            }
        }
    }

  /* Figures for each month that has ended, summed from the referrals. */
  for (int k = 0; ; k++)
    {
      g_autofree char *month = accord_date_add_months (first_month, k);
      g_autofree char *key = g_strndup (month, 7);
      AccordFigures *f;

      if (strncmp (month, d->today, 7) >= 0)
        break;
      f = accord_figures_new (partner_id, key);
      for (guint i = 0; i < dp->referrals->len; i++)
        {
          AccordReferral *r = dp->referrals->pdata[i];

          if (strncmp (r->date, key, 7) == 0)
            f->referrals++;
          if (r->converted_on != NULL && strncmp (r->converted_on, key, 7) == 0)
            {
              f->conversions++;
              f->revenue_minor += r->revenue_minor;
            }
        }
      f->has_nps = chance (rand, 70);
      if (f->has_nps)
        f->nps = CLAMP (nps_base + between (rand, -15, 15), -100, 100);
      f->response_hours = hours_base + between (rand, 0, hours_base);
      f->joint_initiatives = chance (rand, dp->plan == PLAN_GOOD ? 30 : 10) ? 1 : 0;
      g_ptr_array_add (figures, f);
    }

  /* A review each quarter (or one after the first month); the latest
   * shows how it is going now. */
  dates = g_ptr_array_new_with_free_func (g_free);
  for (int k = 1; ; k++)
    {
      char *date = accord_date_add_months (start, 3 * k);

      if (strcmp (date, d->today) > 0)
        {
          g_free (date);
          break;
        }
      g_ptr_array_add (dates, date);
    }
  if (dates->len == 0)
    {
      char *date = accord_date_add_months (start, 1);

      if (strcmp (date, d->today) <= 0)
        g_ptr_array_add (dates, date);
      else
        g_free (date);
    }
  for (guint i = 0; i < dates->len; i++)
    {
      AccordReview *review = accord_review_new (partner_id, dates->pdata[i]);
      gboolean latest = i + 1 == dates->len;
      Plan now = latest ? dp->plan : MIN (dp->plan, PLAN_WATCH);

      for (guint r = 0; r < ACCORD_N_REVIEW_RATINGS; r++)
        review->ratings[r] = now == PLAN_GOOD ? between (rand, 4, 5) :
                             now == PLAN_WATCH ? between (rand, 3, 4) : between (rand, 1, 2);
      if (now == PLAN_AT_RISK)
        for (int n = between (rand, 1, 3); n > 0; n--)
          review->red_flags |= 1u << g_rand_int_range (rand, 0, ACCORD_N_RED_FLAGS);
      else if (now == PLAN_WATCH && latest && chance (rand, 50))
        review->red_flags |= ACCORD_RED_FLAG_POOR_RESPONSIVENESS;
      replace_text (&review->notes, _(review_notes[now]));
      g_ptr_array_add (reviews, review);
    }
}

/* A payment against the commission earned so far, for guided partners. */
static gboolean
pay_commission (Demo         *d,
                DemoPartner  *dp,
                GError      **error)
{
  g_autoptr(GPtrArray) agreements = g_ptr_array_new ();
  gint64 earned[ACCORD_N_LEDGER_SIDES] = { 0, };

  g_ptr_array_add (agreements, dp->agreement);
  accord_commission_total (agreements, dp->referrals, d->today, earned);
  for (guint side = 0; side < ACCORD_N_LEDGER_SIDES; side++)
    {
      g_autoptr(AccordLedgerEntry) entry = NULL;
      g_autofree char *paid_on = NULL;
      gint64 amount;

      /* Whole units, part or all of what is owed. */
      amount = earned[side] * between (d->rand, 50, 100) / 100 / 100 * 100;
      if (amount < 10000 || !chance (d->rand, 80))
        continue;
      paid_on = accord_date_add_days (d->today, -between (d->rand, 3, 25));
      entry = accord_ledger_entry_new (dp->agreement->partner_id, side,
                                       side == ACCORD_LEDGER_OWED_TO_PARTNER ?
                                       ACCORD_LEDGER_PAID : ACCORD_LEDGER_RECEIVED,
                                       later_of (paid_on, dp->agreement->start), amount);
      replace_text (&entry->note, side == ACCORD_LEDGER_OWED_TO_PARTNER ?
                                  _("Commission paid for the last quarter") :
                                  _("Commission received for the last quarter"));
      if (!accord_store_add_ledger_entry (d->store, entry, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_live (DemoPartner *dp)
{
  AccordStage stage = accord_partner_get_stage (dp->partner);

  return (stage == ACCORD_STAGE_GROWING || stage == ACCORD_STAGE_OPTIMIZING ||
          stage == ACCORD_STAGE_RENEWING) &&
         dp->agreement != NULL && dp->agreement->status == ACCORD_AGREEMENT_ACTIVE;
}

/* Adds the agreements, guided work and results of @dps (DemoPartner),
 * all dated from @today. @stepwise: save each agreement through its
 * statuses, one transaction each (small samples). */
static gboolean
add_records (AccordStore   *store,
             GPtrArray     *dps,
             guint64        seed,
             const char    *today,
             gboolean       stepwise,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GPtrArray) agreements = g_ptr_array_new ();
  g_autoptr(GPtrArray) referrals = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  /* Its own stream, so the partners stay what they were without these. */
  guint32 seed_words[3] = {
    (guint32) (seed & 0xFFFFFFFFu), (guint32) (seed >> 32), 0x61636364u,
  };
  guint n_live = 0;
  guint results_every;
  Demo demo;
  Demo *d = &demo;

  rand = g_rand_new_with_seed_array (seed_words, G_N_ELEMENTS (seed_words));
  demo = (Demo) { store, rand, today };

  /* Agreements, in one transaction (or each through its history). */
  for (guint i = 0; i < dps->len; i++)
    {
      DemoPartner *dp = dps->pdata[i];
      int roll = g_rand_int_range (rand, 0, 100);

      dp->plan = roll < 65 ? PLAN_GOOD : roll < 85 ? PLAN_WATCH : PLAN_AT_RISK;
      dp->leads_per_month = between (rand, 1, 4);
      dp->performance_pct = dp->plan == PLAN_GOOD ? between (rand, 90, 140) :
                            dp->plan == PLAN_WATCH ? between (rand, 50, 90) :
                            between (rand, 15, 45);
      plan_agreement (d, dp);
      plan_pilot (d, dp);
      /* The pilot first: it was active before the agreement that followed. */
      if (dp->pilot != NULL)
        g_ptr_array_add (agreements, dp->pilot);
      if (dp->agreement != NULL)
        g_ptr_array_add (agreements, dp->agreement);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!stepwise && agreements->len > 0 &&
      !accord_store_save_agreements (store, agreements, NULL, error))
    return FALSE;
  for (guint i = 0; stepwise && i < dps->len; i++)
    {
      DemoPartner *dp = dps->pdata[i];

      if ((dp->pilot != NULL &&
           !save_agreement_history (d, dp->pilot, dp->pilot_created_on, error)) ||
          (dp->agreement != NULL &&
           !save_agreement_history (d, dp->agreement, dp->created_on, error)))
        return FALSE;
    }

  /* Guided work: a transaction each, so only for some of a big sample. */
  for (guint i = 0; i < dps->len; i++)
    {
      DemoPartner *dp = dps->pdata[i];

      if (i % 50 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (dp->guided && !guide_partner (d, dp, error))
        return FALSE;
    }

  /* History for the others of a big sample, in one transaction. */
  if (!stepwise)
    {
      g_autoptr(GRand) history_rand = NULL;
      g_autofree char *now = _accord_store_now_utc ();
      /* Its own stream too, so the records above stay what they were. */
      guint32 history_words[3] = {
        (guint32) (seed & 0xFFFFFFFFu), (guint32) (seed >> 32), 0x68697374u,
      };

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      history_rand = g_rand_new_with_seed_array (history_words, G_N_ELEMENTS (history_words));
      if (!_accord_store_begin (store, error))
        return FALSE;
      for (guint i = 0; i < dps->len; i++)
        {
          DemoPartner *dp = dps->pdata[i];

          if (!dp->guided && !write_history (d, history_rand, dp, now, error))
            {
              _accord_store_rollback (store);
              return FALSE;
            }
        }
      if (!_accord_store_commit (store, error))
        {
          _accord_store_rollback (store);
          return FALSE;
        }
      for (guint i = 0; i < dps->len; i++)
        {
          DemoPartner *dp = dps->pdata[i];

          if (!dp->guided)
            _accord_store_emit_work_changed (store, dp->partner);
        }
    }

  /* Results, one transaction a kind. */
  referrals = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_referral_free);
  reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_review_free);
  figures = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_figures_free);
  for (guint i = 0; i < dps->len; i++)
    n_live += is_live (dps->pdata[i]);
  results_every = MAX (1, (n_live + RESULTS_LIMIT - 1) / RESULTS_LIMIT);
  for (guint i = 0, live = 0; i < dps->len; i++)
    {
      DemoPartner *dp = dps->pdata[i];

      if (!is_live (dp) || (live++ % results_every != 0 && !dp->guided))
        continue;
      if (dp->code == NULL)
        dp->code = accord_tracking_code_from_name (accord_partner_get_name (dp->partner));
      plan_results (d, dp, referrals, reviews, figures);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if ((referrals->len > 0 && !accord_store_save_referrals (store, referrals, NULL, error)) ||
      (reviews->len > 0 && !accord_store_save_reviews (store, reviews, NULL, error)) ||
      (figures->len > 0 && !accord_store_set_figures_many (store, figures, NULL, error)))
    return FALSE;

  for (guint i = 0; i < dps->len; i++)
    {
      DemoPartner *dp = dps->pdata[i];

      if (dp->guided && dp->referrals != NULL && !pay_commission (d, dp, error))
        return FALSE;
    }
  return TRUE;
}

static GHashTable *
collect_names (AccordStore *store)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *models[] = { accord_store_get_partners (store), accord_store_get_trash (store) };

  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    {
      guint n = g_list_model_get_n_items (models[m]);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AccordPartner) partner = g_list_model_get_item (models[m], i);

          g_hash_table_add (names, g_utf8_casefold (accord_partner_get_name (partner), -1));
        }
    }

  return names;
}

static gboolean
fill (AccordStore   *store,
      guint          n_partners,
      guint64        seed,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GHashTable) used_names = NULL;
  g_autofree char *today = NULL;
  g_autofree char *start = NULL;
  g_autoptr(GPtrArray) demo_partners = NULL;
  AccordStage targets[97];
  guint32 seed_words[2];
  /* Of a big sample, every this many partners get guided work. */
  guint guided_every = MAX (1, (n_partners + GUIDED_LIMIT - 1) / GUIDED_LIMIT);
  gboolean ok;

  /* Both halves of the seed count, and never the clock: a benchmark or a
   * bug report must be able to make the very same workspace again. */
  seed_words[0] = (guint32) (seed & 0xFFFFFFFFu);
  seed_words[1] = (guint32) (seed >> 32);
  rand = g_rand_new_with_seed_array (seed_words, G_N_ELEMENTS (seed_words));

  used_names = collect_names (store);
  demo_partners = g_ptr_array_new_with_free_func ((GDestroyNotify) demo_partner_free);
  today = g_strdup (accord_store_get_today (store));
  start = accord_date_add_days (today, -365);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      /* Drawn for small samples too, so the stream stays as it was. */
      targets[i] = pick_target_stage (rand);
      if (n_partners > WALK_LIMIT)
        targets[i] = pick_mature_stage (rand);
    }

  for (guint done = 0; done < n_partners; )
    {
      guint batch = MIN (BATCH_SIZE, n_partners - done);
      g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) contacts =
        g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      for (guint i = 0; i < batch; i++)
        {
          GPtrArray *partner_contacts = NULL;

          g_ptr_array_add (partners, make_partner (rand, used_names, &partner_contacts));
          g_ptr_array_add (contacts, partner_contacts);
        }

      /* Small samples get real histories; big ones (benchmarks) get their
       * stage directly, to stay one transaction a batch. */
      if (n_partners > WALK_LIMIT)
        for (guint i = 0; i < batch; i++)
          accord_partner_set_initial_stage (partners->pdata[i], targets[i % G_N_ELEMENTS (targets)]);

      /* New partners are dated a year back so moves can follow. */
      accord_store_set_today (store, start);
      if (!accord_store_add_partners (store, partners, contacts, error))
        {
          accord_store_set_today (store, today);
          return FALSE;
        }
      accord_store_set_today (store, today);

      for (guint i = 0; i < batch; i++)
        {
          DemoPartner *dp = g_new0 (DemoPartner, 1);
          GPtrArray *partner_contacts = contacts->pdata[i];

          dp->partner = g_object_ref (partners->pdata[i]);
          dp->contact_id = accord_contact_get_id (partner_contacts->pdata[0]);
          dp->guided = n_partners <= WALK_LIMIT || (done + i) % guided_every == 0;
          g_ptr_array_add (demo_partners, dp);

          if (n_partners <= WALK_LIMIT &&
              !walk_to (store, rand, dp->partner, pick_target_stage (rand), today, dp->entered,
                        error))
            return FALSE;
        }

      done += batch;
    }

  ok = add_records (store, demo_partners, seed, today, n_partners <= WALK_LIMIT, cancellable,
                    error);
  accord_store_set_today (store, today);
  return ok;
}

/* Sample data need not survive a power cut while they are written: the
 * many small transactions of the guided work would otherwise each wait
 * for the disk. A bigger page cache (64 MB) saves reading back the pages
 * just written. The store's own settings (and SQLite's default cache)
 * come back afterwards. */
static void
set_synchronous (AccordStore *store,
                 gboolean     full)
{
  sqlite3_exec (_accord_store_get_db (store),
                full ? "PRAGMA synchronous = FULL; PRAGMA cache_size = -2000"
                     : "PRAGMA synchronous = OFF; PRAGMA cache_size = -65536",
                NULL, NULL, NULL);
}

/**
 * accord_demo_fill:
 * @store: the workspace to add to
 * @n_partners: how many partners to make
 * @seed: the seed: the same seed on an empty workspace with the same
 *   today gives the same partners, contacts and records (ids and moments
 *   of writing aside)
 * @cancellable: (nullable): a #GCancellable, checked between batches
 * @error: return location for a #GError
 *
 * Adds @n_partners made-up partners, each with one to three contacts of
 * whom exactly one is primary. Names never repeat one already in the
 * workspace. Partners are added in transactions of 500: after a failure
 * or a cancel, the batches before it stay. While it runs, the store does
 * not wait for the disk after each transaction (synchronous = OFF); the
 * store's setting is back when it returns.
 *
 * Then each partner gets what its stage would have by now, dated from
 * accord_store_get_today(): agreements past Negotiating (drafts while
 * negotiating), outreach and launch playbooks partly done, the activity
 * log, and once live a review rhythm, reviews with ratings, referrals,
 * monthly figures and payments in the ledger, some partnerships healthy
 * and a few at risk. Of more than 200 partners, about 100 get the
 * playbooks, activities and payments (written one transaction each); the
 * others get a year of the activity log (about twenty entries a partner
 * on average) and a few tasks of their own, all in one transaction, and
 * every live one (up to 200,000) the referrals, figures and reviews. Big
 * samples are a mature programme: most partners are past talks and so
 * have an agreement.
 *
 * Returns: %TRUE if all partners and records were added
 */
gboolean
accord_demo_fill (AccordStore   *store,
                  guint          n_partners,
                  guint64        seed,
                  GCancellable  *cancellable,
                  GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  set_synchronous (store, FALSE);
  ok = fill (store, n_partners, seed, cancellable, error);
  set_synchronous (store, TRUE);
  return ok;
}

/**
 * accord_demo_write:
 * @path: the workspace file, created if missing
 * @n_partners: how many partners to make
 * @seed: the seed, as for accord_demo_fill()
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Makes a sample workspace at @path. An existing workspace is filled only
 * while it has no partners, so sample data never mixes with real data; a
 * file that is not a workspace is refused and left as it was.
 *
 * Returns: %TRUE if the sample workspace was written
 */
gboolean
accord_demo_write (const char    *path,
                   guint          n_partners,
                   guint64        seed,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(AccordStore) store = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = accord_store_open (path, ACCORD_STORE_OPEN_CREATE, error);
  if (store == NULL)
    return FALSE;

  if (g_list_model_get_n_items (accord_store_get_partners (store)) > 0 ||
      g_list_model_get_n_items (accord_store_get_trash (store)) > 0)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already has partners; choose a new file for sample data"),
                   display);
      return FALSE;
    }

  return accord_demo_fill (store, n_partners, seed, cancellable, error);
}
