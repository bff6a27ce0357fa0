/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* Records a partner's figures for one month: partner-sourced revenue,
 * referrals, conversions, NPS, response time and joint initiatives. A
 * month that has figures shows them, and saving replaces them. Refused
 * input is explained next to its field and what was typed stays. */

#define ACCORD_TYPE_FIGURES_DIALOG (accord_figures_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AccordFiguresDialog, accord_figures_dialog, ACCORD, FIGURES_DIALOG, AdwWindow)

/* @month: "YYYY-MM" to start from, or NULL for today's month.
 * @currency: the agreement's currency code for the revenue, or NULL. */
GtkWidget *accord_figures_dialog_new  (AccordStore   *store,
                                       AccordPartner *partner,
                                       const char    *month,
                                       const char    *currency);
/* What the Save button does: saves and closes; FALSE (the dialog stays,
 * saying why) when the input is refused. */
gboolean   accord_figures_dialog_save (AccordFiguresDialog *self);

G_END_DECLS
