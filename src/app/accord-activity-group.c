/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-activity-group.h"

#include "accord-store.h"

#include <glib/gi18n.h>

struct _AccordActivityGroup
{
  AdwPreferencesGroup parent_instance;

  AccordStore *store;
  AccordPartner *partner;
};

G_DEFINE_FINAL_TYPE (AccordActivityGroup, accord_activity_group, ADW_TYPE_PREFERENCES_GROUP)

static void
accord_activity_group_dispose (GObject *object)
{
  AccordActivityGroup *self = ACCORD_ACTIVITY_GROUP (object);

  g_clear_object (&self->store);
  g_clear_object (&self->partner);

  G_OBJECT_CLASS (accord_activity_group_parent_class)->dispose (object);
}

static void
accord_activity_group_class_init (AccordActivityGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = accord_activity_group_dispose;
}

static void
accord_activity_group_init (AccordActivityGroup *self)
{
}

GtkWidget *
accord_activity_group_new (void)
{
  return g_object_new (ACCORD_TYPE_ACTIVITY_GROUP, NULL);
}

void
accord_activity_group_set_store (AccordActivityGroup *self,
                                 AccordStore *store)
{
  g_return_if_fail (ACCORD_IS_ACTIVITY_GROUP (self));
  g_set_object (&self->store, store);
}

void
accord_activity_group_set_partner (AccordActivityGroup   *self,
                                   AccordPartner *partner)
{
  g_return_if_fail (ACCORD_IS_ACTIVITY_GROUP (self));
  g_set_object (&self->partner, partner);
}
