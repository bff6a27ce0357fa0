/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* Logs an activity on a partner: kind, date (today unless changed),
 * contact, summary, outcome and whether it was their reply. A bad date
 * is refused inline and the typed text stays. */

#define ACCORD_TYPE_ACTIVITY_DIALOG (accord_activity_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AccordActivityDialog, accord_activity_dialog, ACCORD, ACTIVITY_DIALOG, AdwWindow)

GtkWidget *accord_activity_dialog_new (AccordStore   *store,
                                       AccordPartner *partner);
/* What the Log button does: saves and closes; FALSE (the dialog stays,
 * saying why) when the input is refused. */
gboolean   accord_activity_dialog_log (AccordActivityDialog *self);

G_END_DECLS
