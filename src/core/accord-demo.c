/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>

#include "accord-demo.h"

#include "accord-contact.h"
#include "accord-enums.h"
#include "accord-partner.h"
#include "accord-store.h"

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

/* Walks @partner from Identified to @target with real, dated moves, so the
 * sample has histories to look at. One transaction a move: only for small
 * samples. */
static gboolean
walk_to (AccordStore    *store,
         GRand          *rand,
         AccordPartner  *partner,
         AccordStage     target,
         const char     *today,
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
      if (stage == target)
        break;
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

/**
 * accord_demo_fill:
 * @store: the workspace to add to
 * @n_partners: how many partners to make
 * @seed: the seed: the same seed on an empty workspace gives the same
 *   partners and contacts (ids and moments aside)
 * @cancellable: (nullable): a #GCancellable, checked between batches
 * @error: return location for a #GError
 *
 * Adds @n_partners made-up partners, each with one to three contacts of
 * whom exactly one is primary. Names never repeat one already in the
 * workspace. Partners are added in transactions of 500: after a failure
 * or a cancel, the batches before it stay.
 *
 * Returns: %TRUE if all partners were added
 */
gboolean
accord_demo_fill (AccordStore   *store,
                  guint          n_partners,
                  guint64        seed,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GHashTable) used_names = NULL;
  g_autofree char *today = NULL;
  g_autofree char *start = NULL;
  AccordStage targets[97];
  guint32 seed_words[2];

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Both halves of the seed count, and never the clock: a benchmark or a
   * bug report must be able to make the very same workspace again. */
  seed_words[0] = (guint32) (seed & 0xFFFFFFFFu);
  seed_words[1] = (guint32) (seed >> 32);
  rand = g_rand_new_with_seed_array (seed_words, G_N_ELEMENTS (seed_words));

  used_names = collect_names (store);
  today = g_strdup (accord_store_get_today (store));
  start = accord_date_add_days (today, -365);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      targets[i] = pick_target_stage (rand);
      /* Direct stages cannot be on hold without history; keep them live. */
      if (targets[i] == ACCORD_STAGE_ON_HOLD)
        targets[i] = ACCORD_STAGE_OUTREACH;
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

      if (n_partners <= WALK_LIMIT)
        for (guint i = 0; i < batch; i++)
          if (!walk_to (store, rand, partners->pdata[i], pick_target_stage (rand), today, error))
            return FALSE;

      done += batch;
    }

  return TRUE;
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
