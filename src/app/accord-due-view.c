/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-due-view.h"

#include "accord-store.h"

#include <glib/gi18n.h>

struct _AccordDueView
{
  AdwBin parent_instance;

  AccordStore *store;
};

G_DEFINE_FINAL_TYPE (AccordDueView, accord_due_view, ADW_TYPE_BIN)

enum {
  SIGNAL_PARTNER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
accord_due_view_dispose (GObject *object)
{
  AccordDueView *self = ACCORD_DUE_VIEW (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (accord_due_view_parent_class)->dispose (object);
}

static void
accord_due_view_class_init (AccordDueViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = accord_due_view_dispose;

  signals[SIGNAL_PARTNER_ACTIVATED] = g_signal_new ("partner-activated", G_TYPE_FROM_CLASS (klass),
                                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                    G_TYPE_NONE, 1, ACCORD_TYPE_PARTNER);
}

static void
accord_due_view_init (AccordDueView *self)
{
}

GtkWidget *
accord_due_view_new (void)
{
  return g_object_new (ACCORD_TYPE_DUE_VIEW, NULL);
}

void
accord_due_view_set_store (AccordDueView *self,
                           AccordStore *store)
{
  g_return_if_fail (ACCORD_IS_DUE_VIEW (self));
  g_set_object (&self->store, store);
}
