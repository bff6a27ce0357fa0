/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-agreements-view.h"

#include "accord-store.h"

#include <glib/gi18n.h>

struct _AccordAgreementsView
{
  AdwBin parent_instance;

  AccordStore *store;
};

G_DEFINE_FINAL_TYPE (AccordAgreementsView, accord_agreements_view, ADW_TYPE_BIN)

enum {
  SIGNAL_PARTNER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
accord_agreements_view_dispose (GObject *object)
{
  AccordAgreementsView *self = ACCORD_AGREEMENTS_VIEW (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (accord_agreements_view_parent_class)->dispose (object);
}

static void
accord_agreements_view_class_init (AccordAgreementsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = accord_agreements_view_dispose;

  signals[SIGNAL_PARTNER_ACTIVATED] = g_signal_new ("partner-activated", G_TYPE_FROM_CLASS (klass),
                                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                    G_TYPE_NONE, 1, ACCORD_TYPE_PARTNER);
}

static void
accord_agreements_view_init (AccordAgreementsView *self)
{
}

GtkWidget *
accord_agreements_view_new (void)
{
  return g_object_new (ACCORD_TYPE_AGREEMENTS_VIEW, NULL);
}

void
accord_agreements_view_set_store (AccordAgreementsView *self,
                                  AccordStore *store)
{
  g_return_if_fail (ACCORD_IS_AGREEMENTS_VIEW (self));
  g_set_object (&self->store, store);
}
