/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* The partner page's Agreement group: the active agreement's summary, its
 * next deadline and warnings in plain words, earlier agreements as
 * history, and buttons to add or edit one (AccordAgreementDialog). */

#define ACCORD_TYPE_AGREEMENT_SUMMARY (accord_agreement_summary_get_type ())
G_DECLARE_FINAL_TYPE (AccordAgreementSummary, accord_agreement_summary, ACCORD, AGREEMENT_SUMMARY, AdwPreferencesGroup)

GtkWidget   *accord_agreement_summary_new       (void);
void         accord_agreement_summary_set_store (AccordAgreementSummary *self, AccordStore *store);
/* The partner shown; NULL for none. */
void         accord_agreement_summary_set_partner (AccordAgreementSummary *self, AccordPartner *partner);

G_END_DECLS
