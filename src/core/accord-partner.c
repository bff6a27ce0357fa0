/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gio/gio.h>
#include <string.h>
#include <wchar.h>
#include <glib/gi18n.h>

#include "accord-partner-private.h"

struct _AccordPartner
{
  GObject parent_instance;

  gint64 id;
  /* Text fields by AccordPartnerField; the enum and tag slots stay NULL. */
  char *text[ACCORD_N_PARTNER_FIELDS];
  char **tags;
  AccordSource source;
  AccordPosition position;
  AccordPartnershipType partnership_type;
  AccordTier tier;
  int ratings[ACCORD_N_CRITERIA];
  AccordPriority priority_override;
  AccordStage stage;
  char *stage_since;
  AccordStage held_from;
  char *revisit_on;
  char *created_at;
  char *updated_at;
  char *trashed_at;

  GListStore *contacts;

  /* Made on first use and dropped when the name changes. */
  char *sort_key;
  char *search_key;

  /* Set while the store fills a partner nobody holds yet: no notifications. */
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (AccordPartner, accord_partner, G_TYPE_OBJECT)

/* Property ids are the field ids shifted by one, so one table describes
 * both; the read-only extras follow. */
enum {
  PROP_0,
  PROP_FIRST_FIELD,
  PROP_ID = PROP_FIRST_FIELD + ACCORD_N_PARTNER_FIELDS,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_TRASHED_AT,
  PROP_FIT_SCORE,
  PROP_FIT_BAND,
  PROP_PRIORITY,
  PROP_STAGE,
  PROP_STAGE_SINCE,
  PROP_REVISIT_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *key;
  const char *property;
  const char *label;
} fields[] = {
  [ACCORD_PARTNER_FIELD_NAME] = { "name", "name", N_("Name") },
  [ACCORD_PARTNER_FIELD_WEBSITE] = { "website", "website", N_("Website") },
  [ACCORD_PARTNER_FIELD_DESCRIPTION] = { "description", "description", N_("Description") },
  [ACCORD_PARTNER_FIELD_NOTES] = { "notes", "notes", N_("Notes") },
  [ACCORD_PARTNER_FIELD_TAGS] = { "tags", "tags", N_("Tags") },
  [ACCORD_PARTNER_FIELD_OWNER] = { "owner", "owner", N_("Owner") },
  [ACCORD_PARTNER_FIELD_SOURCE] = { "source", "source", N_("Source") },
  [ACCORD_PARTNER_FIELD_POSITION] = { "position", "position", N_("Position") },
  [ACCORD_PARTNER_FIELD_TYPE] = { "partnership_type", "partnership-type", N_("Partnership type") },
  [ACCORD_PARTNER_FIELD_WHY_FIT] = { "why_fit", "why-fit", N_("Why they fit") },
  [ACCORD_PARTNER_FIELD_TIER] = { "tier", "tier", N_("Programme tier") },
  [ACCORD_PARTNER_FIELD_STRATEGIC_ALIGNMENT] = { "strategic_alignment", "strategic-alignment",
                                                 N_("Strategic alignment") },
  [ACCORD_PARTNER_FIELD_VALUE_EXCHANGE] = { "value_exchange", "value-exchange", N_("Value exchange") },
  [ACCORD_PARTNER_FIELD_REACH] = { "reach", "reach", N_("Reach and influence") },
  [ACCORD_PARTNER_FIELD_OPERATIONAL_FIT] = { "operational_fit", "operational-fit", N_("Operational fit") },
  [ACCORD_PARTNER_FIELD_READINESS] = { "readiness", "readiness", N_("Partnership readiness") },
  [ACCORD_PARTNER_FIELD_PRIORITY] = { "priority_override", "priority-override", N_("Priority") },
  [ACCORD_PARTNER_FIELD_THEIR_GAINS] = { "their_gains", "their-gains", N_("Their gains") },
  [ACCORD_PARTNER_FIELD_OUR_OFFERINGS] = { "our_offerings", "our-offerings", N_("Our offerings") },
  [ACCORD_PARTNER_FIELD_THEIR_PAINS] = { "their_pains", "their-pains", N_("Their pains") },
  [ACCORD_PARTNER_FIELD_OUR_RELIEVERS] = { "our_pain_relievers", "our-pain-relievers",
                                           N_("Our pain relievers") },
  [ACCORD_PARTNER_FIELD_VALUE_PROPOSITION] = { "value_proposition", "value-proposition",
                                               N_("Value proposition") },
};

static gboolean
field_is_rating (AccordPartnerField field)
{
  return field >= ACCORD_PARTNER_FIELD_STRATEGIC_ALIGNMENT &&
         field <= ACCORD_PARTNER_FIELD_READINESS;
}

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == ACCORD_N_PARTNER_FIELDS);

static gboolean
field_is_text (AccordPartnerField field)
{
  switch (field)
    {
    case ACCORD_PARTNER_FIELD_NAME:
    case ACCORD_PARTNER_FIELD_WEBSITE:
    case ACCORD_PARTNER_FIELD_DESCRIPTION:
    case ACCORD_PARTNER_FIELD_NOTES:
    case ACCORD_PARTNER_FIELD_OWNER:
    case ACCORD_PARTNER_FIELD_WHY_FIT:
    case ACCORD_PARTNER_FIELD_THEIR_GAINS:
    case ACCORD_PARTNER_FIELD_OUR_OFFERINGS:
    case ACCORD_PARTNER_FIELD_THEIR_PAINS:
    case ACCORD_PARTNER_FIELD_OUR_RELIEVERS:
    case ACCORD_PARTNER_FIELD_VALUE_PROPOSITION:
      return TRUE;
    case ACCORD_PARTNER_FIELD_TAGS:
    case ACCORD_PARTNER_FIELD_SOURCE:
    case ACCORD_PARTNER_FIELD_POSITION:
    case ACCORD_PARTNER_FIELD_TYPE:
    case ACCORD_PARTNER_FIELD_TIER:
    case ACCORD_N_PARTNER_FIELDS:
    default:
      return FALSE;
    }
}

/* A text field: empty ones are kept as NULL. */
#define TEXT_OF(self, field) ((self)->text[field] != NULL ? (self)->text[field] : "")

static void
notify_prop (AccordPartner *self,
             GParamSpec    *pspec)
{
  if (!self->loading)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
set_text (AccordPartner      *self,
          AccordPartnerField  field,
          const char         *value)
{
  char **slot = &self->text[field];

  g_assert (field_is_text (field));

  /* Empty text is kept as NULL: most fields of most partners are empty,
   * and thousands of partners are loaded at once. */
  if (value == NULL || *value == '\0')
    {
      if (*slot == NULL)
        return;
      g_clear_pointer (slot, g_free);
    }
  else if (!_accord_set_str (slot, value))
    return;

  if (field == ACCORD_PARTNER_FIELD_NAME)
    {
      g_clear_pointer (&self->sort_key, g_free);
      g_clear_pointer (&self->search_key, g_free);
    }
  notify_prop (self, properties[PROP_FIRST_FIELD + field]);
}

static void
set_enum (AccordPartner      *self,
          AccordPartnerField  field,
          int                *slot,
          int                 value)
{
  if (*slot == value)
    return;
  *slot = value;
  notify_prop (self, properties[PROP_FIRST_FIELD + field]);
}

static void
accord_partner_finalize (GObject *object)
{
  AccordPartner *self = ACCORD_PARTNER (object);

  for (guint i = 0; i < ACCORD_N_PARTNER_FIELDS; i++)
    g_free (self->text[i]);
  g_strfreev (self->tags);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_free (self->trashed_at);
  g_free (self->stage_since);
  g_free (self->revisit_on);
  g_free (self->sort_key);
  g_free (self->search_key);

  G_OBJECT_CLASS (accord_partner_parent_class)->finalize (object);
}

static void
accord_partner_dispose (GObject *object)
{
  AccordPartner *self = ACCORD_PARTNER (object);

  g_clear_object (&self->contacts);

  G_OBJECT_CLASS (accord_partner_parent_class)->dispose (object);
}

static void
accord_partner_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AccordPartner *self = ACCORD_PARTNER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;
    case PROP_TRASHED_AT:
      g_value_set_string (value, self->trashed_at);
      break;
    case PROP_FIT_SCORE:
      {
        int score = -1;
        accord_partner_get_fit_score (self, &score);
        g_value_set_int (value, score);
      }
      break;
    case PROP_FIT_BAND:
      g_value_set_int (value, accord_partner_get_fit_band (self));
      break;
    case PROP_PRIORITY:
      g_value_set_int (value, accord_partner_get_priority (self));
      break;
    case PROP_STAGE:
      g_value_set_int (value, self->stage);
      break;
    case PROP_STAGE_SINCE:
      g_value_set_string (value, self->stage_since);
      break;
    case PROP_REVISIT_ON:
      g_value_set_string (value, self->revisit_on);
      break;
    case PROP_FIRST_FIELD + ACCORD_PARTNER_FIELD_PRIORITY:
      g_value_set_int (value, self->priority_override);
      break;
    case PROP_FIRST_FIELD + ACCORD_PARTNER_FIELD_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_FIRST_FIELD + ACCORD_PARTNER_FIELD_SOURCE:
      g_value_set_int (value, self->source);
      break;
    case PROP_FIRST_FIELD + ACCORD_PARTNER_FIELD_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_FIRST_FIELD + ACCORD_PARTNER_FIELD_TYPE:
      g_value_set_int (value, self->partnership_type);
      break;
    case PROP_FIRST_FIELD + ACCORD_PARTNER_FIELD_TIER:
      g_value_set_int (value, self->tier);
      break;
    default:
      if (prop_id >= PROP_FIRST_FIELD && prop_id < PROP_ID &&
          field_is_rating (prop_id - PROP_FIRST_FIELD))
        g_value_set_int (value, self->ratings[prop_id - PROP_FIRST_FIELD -
                                              ACCORD_PARTNER_FIELD_STRATEGIC_ALIGNMENT]);
      else if (prop_id >= PROP_FIRST_FIELD && prop_id < PROP_ID)
        g_value_set_string (value, TEXT_OF (self, prop_id - PROP_FIRST_FIELD));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_partner_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AccordPartner *self = ACCORD_PARTNER (object);

  switch (prop_id)
    {
    case PROP_FIRST_FIELD + ACCORD_PARTNER_FIELD_TAGS:
      accord_partner_set_tags (self, g_value_get_boxed (value));
      break;
    case PROP_FIRST_FIELD + ACCORD_PARTNER_FIELD_SOURCE:
      accord_partner_set_source (self, g_value_get_int (value));
      break;
    case PROP_FIRST_FIELD + ACCORD_PARTNER_FIELD_POSITION:
      accord_partner_set_position (self, g_value_get_int (value));
      break;
    case PROP_FIRST_FIELD + ACCORD_PARTNER_FIELD_TYPE:
      accord_partner_set_partnership_type (self, g_value_get_int (value));
      break;
    case PROP_FIRST_FIELD + ACCORD_PARTNER_FIELD_TIER:
      accord_partner_set_tier (self, g_value_get_int (value));
      break;
    case PROP_FIRST_FIELD + ACCORD_PARTNER_FIELD_PRIORITY:
      accord_partner_set_priority_override (self, g_value_get_int (value));
      break;
    default:
      if (prop_id >= PROP_FIRST_FIELD && prop_id < PROP_ID &&
          field_is_rating (prop_id - PROP_FIRST_FIELD))
        accord_partner_set_rating (self, prop_id - PROP_FIRST_FIELD -
                                   ACCORD_PARTNER_FIELD_STRATEGIC_ALIGNMENT,
                                   g_value_get_int (value));
      else if (prop_id >= PROP_FIRST_FIELD && prop_id < PROP_ID)
        set_text (self, prop_id - PROP_FIRST_FIELD, g_value_get_string (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_partner_class_init (AccordPartnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = accord_partner_finalize;
  object_class->dispose = accord_partner_dispose;
  object_class->get_property = accord_partner_get_property;
  object_class->set_property = accord_partner_set_property;

  for (guint i = 0; i < ACCORD_N_PARTNER_FIELDS; i++)
    {
      GParamSpec *pspec;

      switch (i)
        {
        case ACCORD_PARTNER_FIELD_TAGS:
          pspec = g_param_spec_boxed (fields[i].property, NULL, NULL, G_TYPE_STRV, rw);
          break;
        case ACCORD_PARTNER_FIELD_SOURCE:
        case ACCORD_PARTNER_FIELD_POSITION:
        case ACCORD_PARTNER_FIELD_TYPE:
        case ACCORD_PARTNER_FIELD_TIER:
        case ACCORD_PARTNER_FIELD_PRIORITY:
          pspec = g_param_spec_int (fields[i].property, NULL, NULL, 0, G_MAXINT, 0, rw);
          break;
        case ACCORD_PARTNER_FIELD_STRATEGIC_ALIGNMENT:
        case ACCORD_PARTNER_FIELD_VALUE_EXCHANGE:
        case ACCORD_PARTNER_FIELD_REACH:
        case ACCORD_PARTNER_FIELD_OPERATIONAL_FIT:
        case ACCORD_PARTNER_FIELD_READINESS:
          pspec = g_param_spec_int (fields[i].property, NULL, NULL, 0, ACCORD_RATING_MAX, 0, rw);
          break;
        default:
          pspec = g_param_spec_string (fields[i].property, NULL, NULL, "", rw);
          break;
        }
      properties[PROP_FIRST_FIELD + i] = pspec;
    }

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, ro);
  properties[PROP_UPDATED_AT] = g_param_spec_string ("updated-at", NULL, NULL, NULL, ro);
  properties[PROP_TRASHED_AT] = g_param_spec_string ("trashed-at", NULL, NULL, NULL, ro);
  properties[PROP_FIT_SCORE] = g_param_spec_int ("fit-score", NULL, NULL, -1, ACCORD_FIT_SCORE_MAX,
                                                 -1, ro);
  properties[PROP_FIT_BAND] = g_param_spec_int ("fit-band", NULL, NULL, 0, ACCORD_N_FIT_BANDS - 1,
                                                0, ro);
  properties[PROP_PRIORITY] = g_param_spec_int ("priority", NULL, NULL, 0, ACCORD_N_PRIORITIES - 1,
                                                0, ro);
  properties[PROP_STAGE] = g_param_spec_int ("stage", NULL, NULL, 0, ACCORD_N_STAGES - 1, 0, ro);
  properties[PROP_STAGE_SINCE] = g_param_spec_string ("stage-since", NULL, NULL, NULL, ro);
  properties[PROP_REVISIT_ON] = g_param_spec_string ("revisit-on", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accord_partner_init (AccordPartner *self)
{
  self->tags = g_new0 (char *, 1);
}

AccordPartner *
accord_partner_new (const char *name)
{
  AccordPartner *self = g_object_new (ACCORD_TYPE_PARTNER, NULL);

  accord_partner_set_name (self, name);
  return self;
}

gint64
accord_partner_get_id (AccordPartner *self)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER (self), 0);
  return self->id;
}

#define TEXT_ACCESSORS(lower, FIELD)                                          \
  const char *accord_partner_get_##lower (AccordPartner *self)                \
  {                                                                           \
    g_return_val_if_fail (ACCORD_IS_PARTNER (self), NULL);                    \
    return TEXT_OF (self, ACCORD_PARTNER_FIELD_##FIELD);                      \
  }                                                                           \
  void accord_partner_set_##lower (AccordPartner *self, const char *value)    \
  {                                                                           \
    g_return_if_fail (ACCORD_IS_PARTNER (self));                              \
    set_text (self, ACCORD_PARTNER_FIELD_##FIELD, value);                     \
  }

TEXT_ACCESSORS (name, NAME)
TEXT_ACCESSORS (website, WEBSITE)
TEXT_ACCESSORS (description, DESCRIPTION)
TEXT_ACCESSORS (notes, NOTES)
TEXT_ACCESSORS (owner, OWNER)
TEXT_ACCESSORS (why_fit, WHY_FIT)

/**
 * accord_partner_fold_for_search:
 *
 * Returns: @text as searches compare it: normalized (so that "é" matches
 * its decomposed form) and case-folded.
 */
char *
accord_partner_fold_for_search (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normalized != NULL ? normalized : "", -1);
}

/**
 * accord_partner_get_search_key:
 *
 * Returns: the name folded by accord_partner_fold_for_search(), made once
 * and kept until the name changes: filtering as you type looks at every
 * partner on every key.
 */
const char *
accord_partner_get_search_key (AccordPartner *self)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER (self), "");

  if (self->search_key == NULL)
    self->search_key = accord_partner_fold_for_search (TEXT_OF (self, ACCORD_PARTNER_FIELD_NAME));
  return self->search_key;
}

/* For the store, filling a partner nobody holds yet from its row: no
 * notifications, and stored text (already trimmed) is taken as it is. */
void
_accord_partner_begin_load (AccordPartner *self)
{
  self->loading = TRUE;
}

void
_accord_partner_end_load (AccordPartner *self)
{
  self->loading = FALSE;
}

gboolean
_accord_partner_load_field (AccordPartner      *self,
                            AccordPartnerField  field,
                            const char         *text)
{
  g_assert (self->loading);

  if (field_is_text (field))
    {
      set_text (self, field, text);
      return TRUE;
    }
  return accord_partner_set_field_text (self, field, text);
}

/**
 * accord_partner_get_sort_key:
 *
 * Returns: the key that orders partners by name as people read them
 * (case-folded, then collated for the locale): compare two with strcmp().
 * It is made once and kept until the name changes, since sorting thousands
 * of partners would otherwise fold and collate each name again and again.
 */
const char *
accord_partner_get_sort_key (AccordPartner *self)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER (self), "");

  if (self->sort_key == NULL)
    self->sort_key = _accord_partner_make_sort_key (self->text[ACCORD_PARTNER_FIELD_NAME]);
  return self->sort_key;
}

static gboolean
is_ascii (const char *text)
{
  for (; *text != '\0'; text++)
    if ((guchar) *text >= 0x80)
      return FALSE;
  return TRUE;
}

/* The key of accord_partner_get_sort_key() for @name: g_utf8_collate_key()
 * of its case-folded form. Most names are ASCII, whose case folding is
 * lowering and whose normal form is itself; with glibc GLib then only runs
 * wcsxfrm() on the characters and writes the result as UTF-8, so that is
 * done directly, without the copies and the normalization (a fifth of
 * opening a big workspace). A test holds the two equal. */
char *
_accord_partner_make_sort_key (const char *name)
{
  g_autofree char *folded = NULL;

  if (name == NULL)
    name = "";
#if defined(__GLIBC__) && defined(__STDC_ISO_10646__)
  if (is_ascii (name))
    {
      gsize n = strlen (name);
      g_autofree wchar_t *wide = g_new (wchar_t, n + 1);
      g_autofree wchar_t *xfrm = NULL;
      gsize length;

      for (gsize i = 0; i <= n; i++)
        wide[i] = g_ascii_tolower (name[i]);
      length = wcsxfrm (NULL, wide, 0);
      if (length < G_MAXINT - 2)
        {
          xfrm = g_new (wchar_t, length + 1);
          wcsxfrm (xfrm, wide, length + 1);
          return g_ucs4_to_utf8 ((gunichar *) xfrm, length, NULL, NULL, NULL);
        }
    }
#endif
  folded = g_utf8_casefold (name, -1);
  return g_utf8_collate_key (folded, -1);
}

#define ENUM_ACCESSORS(Type, lower, member, FIELD, N)                         \
  Type accord_partner_get_##lower (AccordPartner *self)                       \
  {                                                                           \
    g_return_val_if_fail (ACCORD_IS_PARTNER (self), 0);                       \
    return self->member;                                                      \
  }                                                                           \
  void accord_partner_set_##lower (AccordPartner *self, Type value)           \
  {                                                                           \
    g_return_if_fail (ACCORD_IS_PARTNER (self));                              \
    g_return_if_fail ((guint) value < N);                                     \
    set_enum (self, ACCORD_PARTNER_FIELD_##FIELD, (int *) &self->member, value); \
  }

ENUM_ACCESSORS (AccordSource, source, source, SOURCE, ACCORD_N_SOURCES)
ENUM_ACCESSORS (AccordPosition, position, position, POSITION, ACCORD_N_POSITIONS)
ENUM_ACCESSORS (AccordPartnershipType, partnership_type, partnership_type, TYPE,
                ACCORD_N_PARTNERSHIP_TYPES)
ENUM_ACCESSORS (AccordTier, tier, tier, TIER, ACCORD_N_TIERS)

const char * const *
accord_partner_get_tags (AccordPartner *self)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER (self), NULL);
  return (const char * const *) self->tags;
}

void
accord_partner_set_tags (AccordPartner      *self,
                         const char * const *tags)
{
  static const char * const empty[] = { NULL };

  g_return_if_fail (ACCORD_IS_PARTNER (self));

  if (tags == NULL)
    tags = empty;
  if (g_strv_equal ((const char * const *) self->tags, tags))
    return;

  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **) tags);
  notify_prop (self, properties[PROP_FIRST_FIELD + ACCORD_PARTNER_FIELD_TAGS]);
}

const char *
accord_partner_get_created_at (AccordPartner *self)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER (self), NULL);
  return self->created_at;
}

const char *
accord_partner_get_updated_at (AccordPartner *self)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER (self), NULL);
  return self->updated_at;
}

const char *
accord_partner_get_trashed_at (AccordPartner *self)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER (self), NULL);
  return self->trashed_at;
}

char *
accord_partner_dup_field_text (AccordPartner      *self,
                               AccordPartnerField  field)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER (self), NULL);
  g_return_val_if_fail (field < ACCORD_N_PARTNER_FIELDS, NULL);

  switch (field)
    {
    case ACCORD_PARTNER_FIELD_TAGS:
      return g_strjoinv (", ", self->tags);
    case ACCORD_PARTNER_FIELD_SOURCE:
      return g_strdup (accord_source_to_key (self->source));
    case ACCORD_PARTNER_FIELD_POSITION:
      return g_strdup (accord_position_to_key (self->position));
    case ACCORD_PARTNER_FIELD_TYPE:
      return g_strdup (accord_partnership_type_to_key (self->partnership_type));
    case ACCORD_PARTNER_FIELD_TIER:
      return g_strdup (accord_tier_to_key (self->tier));
    case ACCORD_PARTNER_FIELD_PRIORITY:
      return g_strdup (accord_priority_to_key (self->priority_override));
    case ACCORD_PARTNER_FIELD_STRATEGIC_ALIGNMENT:
    case ACCORD_PARTNER_FIELD_VALUE_EXCHANGE:
    case ACCORD_PARTNER_FIELD_REACH:
    case ACCORD_PARTNER_FIELD_OPERATIONAL_FIT:
    case ACCORD_PARTNER_FIELD_READINESS:
      {
        int r = self->ratings[field - ACCORD_PARTNER_FIELD_STRATEGIC_ALIGNMENT];
        return r == ACCORD_RATING_UNRATED ? g_strdup ("") : g_strdup_printf ("%d", r);
      }
    case ACCORD_PARTNER_FIELD_NAME:
    case ACCORD_PARTNER_FIELD_WEBSITE:
    case ACCORD_PARTNER_FIELD_DESCRIPTION:
    case ACCORD_PARTNER_FIELD_NOTES:
    case ACCORD_PARTNER_FIELD_OWNER:
    case ACCORD_PARTNER_FIELD_WHY_FIT:
    case ACCORD_N_PARTNER_FIELDS:
    default:
      return g_strdup (TEXT_OF (self, field));
    }
}

gboolean
accord_partner_set_field_text (AccordPartner      *self,
                               AccordPartnerField  field,
                               const char         *text)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER (self), FALSE);
  g_return_val_if_fail (field < ACCORD_N_PARTNER_FIELDS, FALSE);

  if (text == NULL)
    text = "";

  switch (field)
    {
    case ACCORD_PARTNER_FIELD_TAGS:
      {
        g_auto(GStrv) tags = accord_tags_parse (text);
        accord_partner_set_tags (self, (const char * const *) tags);
        return TRUE;
      }
    case ACCORD_PARTNER_FIELD_SOURCE:
      {
        AccordSource v;
        if (!accord_source_from_key (text, &v))
          return FALSE;
        accord_partner_set_source (self, v);
        return TRUE;
      }
    case ACCORD_PARTNER_FIELD_POSITION:
      {
        AccordPosition v;
        if (!accord_position_from_key (text, &v))
          return FALSE;
        accord_partner_set_position (self, v);
        return TRUE;
      }
    case ACCORD_PARTNER_FIELD_TYPE:
      {
        AccordPartnershipType v;
        if (!accord_partnership_type_from_key (text, &v))
          return FALSE;
        accord_partner_set_partnership_type (self, v);
        return TRUE;
      }
    case ACCORD_PARTNER_FIELD_TIER:
      {
        AccordTier v;
        if (!accord_tier_from_key (text, &v))
          return FALSE;
        accord_partner_set_tier (self, v);
        return TRUE;
      }
    case ACCORD_PARTNER_FIELD_PRIORITY:
      {
        AccordPriority v;
        if (!accord_priority_from_key (text, &v))
          return FALSE;
        accord_partner_set_priority_override (self, v);
        return TRUE;
      }
    case ACCORD_PARTNER_FIELD_STRATEGIC_ALIGNMENT:
    case ACCORD_PARTNER_FIELD_VALUE_EXCHANGE:
    case ACCORD_PARTNER_FIELD_REACH:
    case ACCORD_PARTNER_FIELD_OPERATIONAL_FIT:
    case ACCORD_PARTNER_FIELD_READINESS:
      {
        g_autofree char *trimmed = g_strstrip (g_strdup (text));
        char *end = NULL;
        gint64 v = 0;

        if (*trimmed != '\0')
          {
            v = g_ascii_strtoll (trimmed, &end, 10);
            if (*end != '\0' || v < ACCORD_RATING_MIN || v > ACCORD_RATING_MAX)
              return FALSE;
          }
        accord_partner_set_rating (self, field - ACCORD_PARTNER_FIELD_STRATEGIC_ALIGNMENT, (int) v);
        return TRUE;
      }
    case ACCORD_PARTNER_FIELD_NAME:
    case ACCORD_PARTNER_FIELD_WEBSITE:
    case ACCORD_PARTNER_FIELD_DESCRIPTION:
    case ACCORD_PARTNER_FIELD_NOTES:
    case ACCORD_PARTNER_FIELD_OWNER:
    case ACCORD_PARTNER_FIELD_WHY_FIT:
    case ACCORD_N_PARTNER_FIELDS:
    default:
      {
        /* Stored text never keeps stray spaces at either end. */
        g_autofree char *trimmed = g_strstrip (g_strdup (text));
        set_text (self, field, trimmed);
        return TRUE;
      }
    }
}

const char *
accord_partner_field_to_key (AccordPartnerField field)
{
  g_return_val_if_fail (field < ACCORD_N_PARTNER_FIELDS, NULL);
  return fields[field].key;
}

gboolean
accord_partner_field_from_key (const char         *key,
                               AccordPartnerField *out)
{
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint i = 0; i < ACCORD_N_PARTNER_FIELDS; i++)
    if (g_ascii_strcasecmp (key, fields[i].key) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
accord_partner_field_get_label (AccordPartnerField field)
{
  g_return_val_if_fail (field < ACCORD_N_PARTNER_FIELDS, NULL);
  return _(fields[field].label);
}

char **
accord_tags_parse (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return g_strv_builder_end (builder);

  parts = g_strsplit_set (text, ",;", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);

      /* Tags compare case-insensitively; the first spelling wins. */
      g_autofree char *folded = g_utf8_casefold (tag, -1);
      if (*tag == '\0' || g_hash_table_contains (seen, folded))
        continue;
      g_hash_table_add (seen, g_steal_pointer (&folded));
      g_strv_builder_add (builder, tag);
    }

  return g_strv_builder_end (builder);
}

void
_accord_partner_set_id (AccordPartner *self,
                        gint64         id)
{
  if (self->id == id)
    return;
  self->id = id;
  notify_prop (self, properties[PROP_ID]);
}

void
_accord_partner_set_moments (AccordPartner *self,
                             const char    *created_at,
                             const char    *updated_at,
                             const char    *trashed_at)
{
  if (_accord_set_str (&self->created_at, created_at))
    notify_prop (self, properties[PROP_CREATED_AT]);
  if (_accord_set_str (&self->updated_at, updated_at))
    notify_prop (self, properties[PROP_UPDATED_AT]);
  if (_accord_set_str (&self->trashed_at, trashed_at))
    notify_prop (self, properties[PROP_TRASHED_AT]);
}

GListStore *
_accord_partner_get_contact_cache (AccordPartner *self)
{
  return self->contacts;
}

void
_accord_partner_set_contact_cache (AccordPartner *self,
                                   GListStore    *contacts)
{
  g_set_object (&self->contacts, contacts);
}

const char *
accord_partner_get_text (AccordPartner      *self,
                         AccordPartnerField  field)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER (self), NULL);
  g_return_val_if_fail (field_is_text (field), NULL);
  return TEXT_OF (self, field);
}

AccordPartnerField
accord_partner_field_for_criterion (AccordCriterion criterion)
{
  g_return_val_if_fail ((guint) criterion < ACCORD_N_CRITERIA, ACCORD_N_PARTNER_FIELDS);
  return ACCORD_PARTNER_FIELD_STRATEGIC_ALIGNMENT + criterion;
}

int
accord_partner_get_rating (AccordPartner   *self,
                           AccordCriterion  criterion)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER (self), 0);
  g_return_val_if_fail ((guint) criterion < ACCORD_N_CRITERIA, 0);
  return self->ratings[criterion];
}

void
accord_partner_get_ratings (AccordPartner *self,
                            int            ratings[ACCORD_N_CRITERIA])
{
  g_return_if_fail (ACCORD_IS_PARTNER (self));
  memcpy (ratings, self->ratings, sizeof self->ratings);
}

static void
notify_derived (AccordPartner *self)
{
  notify_prop (self, properties[PROP_FIT_SCORE]);
  notify_prop (self, properties[PROP_FIT_BAND]);
  notify_prop (self, properties[PROP_PRIORITY]);
}

void
accord_partner_set_rating (AccordPartner   *self,
                           AccordCriterion  criterion,
                           int              rating)
{
  g_return_if_fail (ACCORD_IS_PARTNER (self));
  g_return_if_fail ((guint) criterion < ACCORD_N_CRITERIA);
  g_return_if_fail (rating >= ACCORD_RATING_UNRATED && rating <= ACCORD_RATING_MAX);

  if (self->ratings[criterion] == rating)
    return;
  self->ratings[criterion] = rating;
  notify_prop (self, properties[PROP_FIRST_FIELD + accord_partner_field_for_criterion (criterion)]);
  notify_derived (self);
}

gboolean
accord_partner_get_fit_score (AccordPartner *self,
                              int           *score)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER (self), FALSE);
  return accord_fit_score (self->ratings, score);
}

AccordFitBand
accord_partner_get_fit_band (AccordPartner *self)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER (self), ACCORD_FIT_BAND_INCOMPLETE);
  return accord_fit_band (self->ratings);
}

AccordPriority
accord_partner_get_priority_override (AccordPartner *self)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER (self), ACCORD_PRIORITY_AUTOMATIC);
  return self->priority_override;
}

void
accord_partner_set_priority_override (AccordPartner  *self,
                                      AccordPriority  value)
{
  g_return_if_fail (ACCORD_IS_PARTNER (self));
  g_return_if_fail ((guint) value < ACCORD_N_PRIORITIES);

  if (self->priority_override == value)
    return;
  self->priority_override = value;
  notify_prop (self, properties[PROP_FIRST_FIELD + ACCORD_PARTNER_FIELD_PRIORITY]);
  notify_prop (self, properties[PROP_PRIORITY]);
}

AccordPriority
accord_partner_get_priority (AccordPartner *self)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER (self), ACCORD_PRIORITY_AUTOMATIC);
  return accord_priority_effective (self->priority_override, accord_fit_band (self->ratings));
}

AccordStage
accord_partner_get_stage (AccordPartner *self)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER (self), ACCORD_STAGE_IDENTIFIED);
  return self->stage;
}

const char *
accord_partner_get_stage_since (AccordPartner *self)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER (self), NULL);
  return self->stage_since;
}

AccordStage
accord_partner_get_held_from (AccordPartner *self)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER (self), ACCORD_STAGE_IDENTIFIED);
  return self->held_from;
}

const char *
accord_partner_get_revisit_on (AccordPartner *self)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER (self), NULL);
  return self->revisit_on;
}

void
accord_partner_set_initial_stage (AccordPartner *self,
                                  AccordStage    stage)
{
  g_return_if_fail (ACCORD_IS_PARTNER (self));
  g_return_if_fail (accord_partner_get_id (self) == 0);
  g_return_if_fail ((guint) stage < ACCORD_N_STAGES);

  _accord_partner_set_stage (self, stage, self->stage_since, self->held_from, self->revisit_on);
}

void
_accord_partner_set_stage (AccordPartner *self,
                           AccordStage    stage,
                           const char    *since,
                           AccordStage    held_from,
                           const char    *revisit_on)
{
  self->held_from = held_from;
  if (self->stage != stage)
    {
      self->stage = stage;
      notify_prop (self, properties[PROP_STAGE]);
    }
  if (_accord_set_str (&self->stage_since, since))
    notify_prop (self, properties[PROP_STAGE_SINCE]);
  if (_accord_set_str (&self->revisit_on, revisit_on))
    notify_prop (self, properties[PROP_REVISIT_ON]);
}
