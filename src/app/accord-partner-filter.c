/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-partner-filter.h"
#include "accord-partner.h"

struct _AccordPartnerFilter
{
  GtkFilter parent_instance;

  int stage;
  int band;
  int type;
  int position;
  int tier;
  char *tag;
};

G_DEFINE_FINAL_TYPE (AccordPartnerFilter, accord_partner_filter, GTK_TYPE_FILTER)

enum {
  PROP_0,
  PROP_STAGE,
  PROP_BAND,
  PROP_TYPE,
  PROP_POSITION,
  PROP_TIER,
  PROP_TAG,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
has_tag (AccordPartner *partner,
         const char    *tag)
{
  const char * const *tags = accord_partner_get_tags (partner);
  g_autofree char *wanted = g_utf8_casefold (tag, -1);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (tags[i], -1);
      if (g_str_equal (folded, wanted))
        return TRUE;
    }
  return FALSE;
}

static gboolean
accord_partner_filter_match (GtkFilter *filter,
                             gpointer   item)
{
  AccordPartnerFilter *self = ACCORD_PARTNER_FILTER (filter);
  AccordPartner *partner = item;

  if (self->stage >= 0 && (int) accord_partner_get_stage (partner) != self->stage)
    return FALSE;
  if (self->band >= 0 && (int) accord_partner_get_fit_band (partner) != self->band)
    return FALSE;
  if (self->type >= 0 && (int) accord_partner_get_partnership_type (partner) != self->type)
    return FALSE;
  if (self->position >= 0 && (int) accord_partner_get_position (partner) != self->position)
    return FALSE;
  if (self->tier >= 0 && (int) accord_partner_get_tier (partner) != self->tier)
    return FALSE;
  if (self->tag != NULL && *self->tag != '\0' && !has_tag (partner, self->tag))
    return FALSE;
  return TRUE;
}

static GtkFilterMatch
accord_partner_filter_get_strictness (GtkFilter *filter)
{
  return accord_partner_filter_is_active (ACCORD_PARTNER_FILTER (filter))
         ? GTK_FILTER_MATCH_SOME : GTK_FILTER_MATCH_ALL;
}

static int *
int_slot (AccordPartnerFilter *self,
          guint                prop_id)
{
  switch (prop_id)
    {
    case PROP_STAGE: return &self->stage;
    case PROP_BAND: return &self->band;
    case PROP_TYPE: return &self->type;
    case PROP_POSITION: return &self->position;
    case PROP_TIER: return &self->tier;
    default: return NULL;
    }
}

static void
changed (AccordPartnerFilter *self,
         guint                prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
accord_partner_filter_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AccordPartnerFilter *self = ACCORD_PARTNER_FILTER (object);
  int *slot = int_slot (self, prop_id);

  if (slot != NULL)
    g_value_set_int (value, *slot);
  else if (prop_id == PROP_TAG)
    g_value_set_string (value, self->tag ? self->tag : "");
  else if (prop_id == PROP_ACTIVE)
    g_value_set_boolean (value, accord_partner_filter_is_active (self));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
accord_partner_filter_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AccordPartnerFilter *self = ACCORD_PARTNER_FILTER (object);
  int *slot = int_slot (self, prop_id);

  if (slot != NULL)
    {
      if (*slot != g_value_get_int (value))
        {
          *slot = g_value_get_int (value);
          changed (self, prop_id);
        }
    }
  else if (prop_id == PROP_TAG)
    {
      g_autofree char *tag = g_strstrip (g_strdup (g_value_get_string (value) ?: ""));

      if (g_strcmp0 (self->tag, tag) != 0)
        {
          g_free (self->tag);
          self->tag = g_steal_pointer (&tag);
          changed (self, prop_id);
        }
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
accord_partner_filter_finalize (GObject *object)
{
  AccordPartnerFilter *self = ACCORD_PARTNER_FILTER (object);

  g_free (self->tag);

  G_OBJECT_CLASS (accord_partner_filter_parent_class)->finalize (object);
}

static void
accord_partner_filter_class_init (AccordPartnerFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const char *names[] = { NULL, "stage", "band", "type", "position", "tier" };

  object_class->finalize = accord_partner_filter_finalize;
  object_class->get_property = accord_partner_filter_get_property;
  object_class->set_property = accord_partner_filter_set_property;
  filter_class->match = accord_partner_filter_match;
  filter_class->get_strictness = accord_partner_filter_get_strictness;

  for (guint i = PROP_STAGE; i <= PROP_TIER; i++)
    properties[i] = g_param_spec_int (names[i], NULL, NULL, -1, G_MAXINT, -1, rw);
  properties[PROP_TAG] = g_param_spec_string ("tag", NULL, NULL, "", rw);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accord_partner_filter_init (AccordPartnerFilter *self)
{
  self->stage = self->band = self->type = self->position = self->tier = -1;
  self->tag = g_strdup ("");
}

AccordPartnerFilter *
accord_partner_filter_new (void)
{
  return g_object_new (ACCORD_TYPE_PARTNER_FILTER, NULL);
}

gboolean
accord_partner_filter_is_active (AccordPartnerFilter *self)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER_FILTER (self), FALSE);

  return self->stage >= 0 || self->band >= 0 || self->type >= 0 || self->position >= 0 ||
         self->tier >= 0 || (self->tag != NULL && *self->tag != '\0');
}

void
accord_partner_filter_clear (AccordPartnerFilter *self)
{
  g_return_if_fail (ACCORD_IS_PARTNER_FILTER (self));

  g_object_freeze_notify (G_OBJECT (self));
  g_object_set (self, "stage", -1, "band", -1, "type", -1, "position", -1, "tier", -1,
                "tag", "", NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

void
accord_partner_filter_bind_settings (AccordPartnerFilter *self,
                                     GSettings           *settings)
{
  const char *props[] = { "stage", "band", "type", "position", "tier", "tag" };

  g_return_if_fail (ACCORD_IS_PARTNER_FILTER (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    {
      g_autofree char *key = g_strconcat ("filter-", props[i], NULL);
      g_settings_bind (settings, key, self, props[i], G_SETTINGS_BIND_DEFAULT);
    }
}
