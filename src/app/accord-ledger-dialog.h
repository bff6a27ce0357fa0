/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"
#include "accord-results.h"

G_BEGIN_DECLS

/* Records a payment on the two-way commission ledger: which side it
 * settles (commission we owe them, or they owe us), whether we paid or
 * received it, its date, amount and a note. Refused input is explained
 * next to its field and what was typed stays. */

#define ACCORD_TYPE_LEDGER_DIALOG (accord_ledger_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AccordLedgerDialog, accord_ledger_dialog, ACCORD, LEDGER_DIALOG, AdwWindow)

/* @side: the side to start from. @currency: the agreement's currency
 * code for the amount, or NULL. */
GtkWidget *accord_ledger_dialog_new  (AccordStore      *store,
                                      AccordPartner    *partner,
                                      AccordLedgerSide  side,
                                      const char       *currency);
/* What the Save button does: saves and closes; FALSE (the dialog stays,
 * saying why) when the input is refused. */
gboolean   accord_ledger_dialog_save (AccordLedgerDialog *self);

/* "We owe them", "They owe us": the sides as the page names them. */
const char *accord_ledger_dialog_side_title (AccordLedgerSide side);
/* "Paid to them", "Received from them". */
const char *accord_ledger_dialog_kind_title (AccordLedgerKind kind);

G_END_DECLS
