/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"
#include "accord-work.h"

G_BEGIN_DECLS

/* Starts a playbook on a partner: outreach from the first email's date
 * (with the revisit 6..12 months out), a launch from its date L and name,
 * the review rhythm from the agreement's start, or an exit. Shows the
 * steps with their dates before anything is saved. */

#define ACCORD_TYPE_PLAYBOOK_DIALOG (accord_playbook_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AccordPlaybookDialog, accord_playbook_dialog, ACCORD, PLAYBOOK_DIALOG, AdwWindow)

GtkWidget *accord_playbook_dialog_new   (AccordStore    *store,
                                         AccordPartner  *partner,
                                         AccordPlaybook  playbook);
/* What the Start button does: starts the run and closes. Returns the run
 * id, or 0 (the dialog stays, saying why) when the input is refused. */
gint64     accord_playbook_dialog_start (AccordPlaybookDialog *self);

G_END_DECLS
