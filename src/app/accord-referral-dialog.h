/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"
#include "accord-results.h"

G_BEGIN_DECLS

/* Adds or edits a referral: its date, the lead or customer, the status
 * (lead, converted, lost) with the day it converted, the revenue and the
 * tracking code that brought it (the partner's own code for a new one).
 * Refused input is explained next to its field and what was typed stays. */

#define ACCORD_TYPE_REFERRAL_DIALOG (accord_referral_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AccordReferralDialog, accord_referral_dialog, ACCORD, REFERRAL_DIALOG, AdwWindow)

/* @referral: the referral to edit (copied), or NULL for a new one.
 * @currency: the agreement's currency code for the revenue, or NULL. */
GtkWidget *accord_referral_dialog_new  (AccordStore          *store,
                                        AccordPartner        *partner,
                                        const AccordReferral *referral,
                                        const char           *currency);
/* What the Save button does: saves and closes; FALSE (the dialog stays,
 * saying why) when the input is refused. */
gboolean   accord_referral_dialog_save (AccordReferralDialog *self);

G_END_DECLS
