/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-agreement-summary.h"

#include "accord-store.h"

#include <glib/gi18n.h>

struct _AccordAgreementSummary
{
  AdwPreferencesGroup parent_instance;

  AccordStore *store;
  AccordPartner *partner;
};

G_DEFINE_FINAL_TYPE (AccordAgreementSummary, accord_agreement_summary, ADW_TYPE_PREFERENCES_GROUP)

static void
accord_agreement_summary_dispose (GObject *object)
{
  AccordAgreementSummary *self = ACCORD_AGREEMENT_SUMMARY (object);

  g_clear_object (&self->store);
  g_clear_object (&self->partner);

  G_OBJECT_CLASS (accord_agreement_summary_parent_class)->dispose (object);
}

static void
accord_agreement_summary_class_init (AccordAgreementSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = accord_agreement_summary_dispose;
}

static void
accord_agreement_summary_init (AccordAgreementSummary *self)
{
}

GtkWidget *
accord_agreement_summary_new (void)
{
  return g_object_new (ACCORD_TYPE_AGREEMENT_SUMMARY, NULL);
}

void
accord_agreement_summary_set_store (AccordAgreementSummary *self,
                                    AccordStore *store)
{
  g_return_if_fail (ACCORD_IS_AGREEMENT_SUMMARY (self));
  g_set_object (&self->store, store);
}

void
accord_agreement_summary_set_partner (AccordAgreementSummary   *self,
                                      AccordPartner *partner)
{
  g_return_if_fail (ACCORD_IS_AGREEMENT_SUMMARY (self));
  g_set_object (&self->partner, partner);
}
