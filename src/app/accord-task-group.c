/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-task-group.h"

#include "accord-store.h"

#include <glib/gi18n.h>

struct _AccordTaskGroup
{
  AdwPreferencesGroup parent_instance;

  AccordStore *store;
  AccordPartner *partner;
};

G_DEFINE_FINAL_TYPE (AccordTaskGroup, accord_task_group, ADW_TYPE_PREFERENCES_GROUP)

static void
accord_task_group_dispose (GObject *object)
{
  AccordTaskGroup *self = ACCORD_TASK_GROUP (object);

  g_clear_object (&self->store);
  g_clear_object (&self->partner);

  G_OBJECT_CLASS (accord_task_group_parent_class)->dispose (object);
}

static void
accord_task_group_class_init (AccordTaskGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = accord_task_group_dispose;
}

static void
accord_task_group_init (AccordTaskGroup *self)
{
}

GtkWidget *
accord_task_group_new (void)
{
  return g_object_new (ACCORD_TYPE_TASK_GROUP, NULL);
}

void
accord_task_group_set_store (AccordTaskGroup *self,
                             AccordStore *store)
{
  g_return_if_fail (ACCORD_IS_TASK_GROUP (self));
  g_set_object (&self->store, store);
}

void
accord_task_group_set_partner (AccordTaskGroup   *self,
                               AccordPartner *partner)
{
  g_return_if_fail (ACCORD_IS_TASK_GROUP (self));
  g_set_object (&self->partner, partner);
}
