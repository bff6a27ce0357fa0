/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"
#include "accord-agreement.h"

G_BEGIN_DECLS

/* The agreement form: edits a copy of an agreement (new or stored), shows
 * its derived dates and warnings as you type, and saves it with
 * accord_store_save_agreement(). Refused input stays in its field with a
 * message next to it, and the dialog stays open. */

#define ACCORD_TYPE_AGREEMENT_DIALOG (accord_agreement_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AccordAgreementDialog, accord_agreement_dialog, ACCORD, AGREEMENT_DIALOG, AdwWindow)

/* @agreement: the agreement to edit (copied), or NULL for a new one. */
GtkWidget *accord_agreement_dialog_new  (GtkWindow             *parent,
                                         AccordStore           *store,
                                         AccordPartner         *partner,
                                         const AccordAgreement *agreement);
/* Checks and saves what the form holds; on success the dialog closes.
 * FALSE (and the dialog stays open, showing why) when something is refused. */
gboolean   accord_agreement_dialog_save (AccordAgreementDialog *self);

/* Wording shared by the agreement widgets. */

/* "Revenue share: 20 % of revenue for 12 months, we pay"; never NULL. */
char *accord_agreement_describe_revenue (const AccordAgreement *agreement);
/* "today", "tomorrow", "in 23 days", "yesterday", "5 days ago". */
char *accord_agreement_describe_days    (int days);
/* "2026-12-01, in 23 days" (against @today), or a copy of @date when
 * either is not a date. */
char *accord_agreement_describe_date    (const char *date,
                                         const char *today);
/* A short title for one warning ("No termination clause"). */
const char *accord_agreement_warning_title (AccordAgreementWarnings one);

G_END_DECLS
