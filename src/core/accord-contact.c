/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "accord-partner-private.h"

struct _AccordContact
{
  GObject parent_instance;

  gint64 id;
  gint64 partner_id;
  char *text[ACCORD_N_CONTACT_FIELDS];
  gboolean is_primary;
};

G_DEFINE_FINAL_TYPE (AccordContact, accord_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIRST_FIELD,
  PROP_ID = PROP_FIRST_FIELD + ACCORD_N_CONTACT_FIELDS,
  PROP_PARTNER_ID,
  PROP_IS_PRIMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *key;
  const char *property;
  const char *label;
} fields[] = {
  [ACCORD_CONTACT_FIELD_NAME] = { "name", "name", N_("Name") },
  [ACCORD_CONTACT_FIELD_ROLE] = { "role", "role", N_("Role") },
  [ACCORD_CONTACT_FIELD_EMAIL] = { "email", "email", N_("Email") },
  [ACCORD_CONTACT_FIELD_PHONE] = { "phone", "phone", N_("Phone") },
  [ACCORD_CONTACT_FIELD_PROFILE_URL] = { "profile_url", "profile-url", N_("Profile link") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == ACCORD_N_CONTACT_FIELDS);

static void
accord_contact_finalize (GObject *object)
{
  AccordContact *self = ACCORD_CONTACT (object);

  for (guint i = 0; i < ACCORD_N_CONTACT_FIELDS; i++)
    g_free (self->text[i]);

  G_OBJECT_CLASS (accord_contact_parent_class)->finalize (object);
}

static void
accord_contact_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AccordContact *self = ACCORD_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PARTNER_ID:
      g_value_set_int64 (value, self->partner_id);
      break;
    case PROP_IS_PRIMARY:
      g_value_set_boolean (value, self->is_primary);
      break;
    default:
      if (prop_id >= PROP_FIRST_FIELD && prop_id < PROP_ID)
        g_value_set_string (value, self->text[prop_id - PROP_FIRST_FIELD]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_contact_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AccordContact *self = ACCORD_CONTACT (object);

  switch (prop_id)
    {
    case PROP_IS_PRIMARY:
      accord_contact_set_is_primary (self, g_value_get_boolean (value));
      break;
    default:
      if (prop_id >= PROP_FIRST_FIELD && prop_id < PROP_ID)
        accord_contact_set_field (self, prop_id - PROP_FIRST_FIELD, g_value_get_string (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_contact_class_init (AccordContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = accord_contact_finalize;
  object_class->get_property = accord_contact_get_property;
  object_class->set_property = accord_contact_set_property;

  for (guint i = 0; i < ACCORD_N_CONTACT_FIELDS; i++)
    properties[PROP_FIRST_FIELD + i] = g_param_spec_string (fields[i].property, NULL, NULL, "", rw);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_PARTNER_ID] = g_param_spec_int64 ("partner-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_IS_PRIMARY] = g_param_spec_boolean ("is-primary", NULL, NULL, FALSE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accord_contact_init (AccordContact *self)
{
  for (guint i = 0; i < ACCORD_N_CONTACT_FIELDS; i++)
    self->text[i] = g_strdup ("");
}

AccordContact *
accord_contact_new (const char *name)
{
  AccordContact *self = g_object_new (ACCORD_TYPE_CONTACT, NULL);

  accord_contact_set_name (self, name);
  return self;
}

gint64
accord_contact_get_id (AccordContact *self)
{
  g_return_val_if_fail (ACCORD_IS_CONTACT (self), 0);
  return self->id;
}

gint64
accord_contact_get_partner_id (AccordContact *self)
{
  g_return_val_if_fail (ACCORD_IS_CONTACT (self), 0);
  return self->partner_id;
}

const char *
accord_contact_get_field (AccordContact      *self,
                          AccordContactField  field)
{
  g_return_val_if_fail (ACCORD_IS_CONTACT (self), NULL);
  g_return_val_if_fail (field < ACCORD_N_CONTACT_FIELDS, NULL);
  return self->text[field];
}

void
accord_contact_set_field (AccordContact      *self,
                          AccordContactField  field,
                          const char         *value)
{
  g_autofree char *trimmed = NULL;

  g_return_if_fail (ACCORD_IS_CONTACT (self));
  g_return_if_fail (field < ACCORD_N_CONTACT_FIELDS);

  trimmed = g_strstrip (g_strdup (value ? value : ""));
  if (_accord_set_str (&self->text[field], trimmed))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_FIELD + field]);
}

#define CONTACT_ACCESSORS(lower, FIELD)                                       \
  const char *accord_contact_get_##lower (AccordContact *self)                \
  {                                                                           \
    return accord_contact_get_field (self, ACCORD_CONTACT_FIELD_##FIELD);     \
  }                                                                           \
  void accord_contact_set_##lower (AccordContact *self, const char *value)    \
  {                                                                           \
    accord_contact_set_field (self, ACCORD_CONTACT_FIELD_##FIELD, value);     \
  }

CONTACT_ACCESSORS (name, NAME)
CONTACT_ACCESSORS (role, ROLE)
CONTACT_ACCESSORS (email, EMAIL)
CONTACT_ACCESSORS (phone, PHONE)
CONTACT_ACCESSORS (profile_url, PROFILE_URL)

gboolean
accord_contact_get_is_primary (AccordContact *self)
{
  g_return_val_if_fail (ACCORD_IS_CONTACT (self), FALSE);
  return self->is_primary;
}

void
accord_contact_set_is_primary (AccordContact *self,
                               gboolean       value)
{
  g_return_if_fail (ACCORD_IS_CONTACT (self));

  value = !!value;
  if (self->is_primary == value)
    return;
  self->is_primary = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_PRIMARY]);
}

const char *
accord_contact_field_to_key (AccordContactField field)
{
  g_return_val_if_fail (field < ACCORD_N_CONTACT_FIELDS, NULL);
  return fields[field].key;
}

const char *
accord_contact_field_get_label (AccordContactField field)
{
  g_return_val_if_fail (field < ACCORD_N_CONTACT_FIELDS, NULL);
  return _(fields[field].label);
}

void
_accord_contact_set_id (AccordContact *self,
                        gint64         id)
{
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
_accord_contact_set_partner_id (AccordContact *self,
                                gint64         partner_id)
{
  if (self->partner_id == partner_id)
    return;
  self->partner_id = partner_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNER_ID]);
}
