/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* Records a review of a partner: its date (today unless changed), the
 * five ratings from 1 to 5, the red flags seen and notes. Refused input
 * is explained next to its field and what was typed stays. */

#define ACCORD_TYPE_REVIEW_DIALOG (accord_review_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AccordReviewDialog, accord_review_dialog, ACCORD, REVIEW_DIALOG, AdwWindow)

GtkWidget *accord_review_dialog_new  (AccordStore   *store,
                                      AccordPartner *partner);
/* What the Save button does: saves and closes; FALSE (the dialog stays,
 * saying why) when the input is refused. */
gboolean   accord_review_dialog_save (AccordReviewDialog *self);

G_END_DECLS
