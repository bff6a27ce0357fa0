/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"
#include "accord-work.h"

G_BEGIN_DECLS

/* Fills a template (first email, follow-ups, call summary, announcement,
 * exit message) with what the workspace knows about a partner, highlights
 * what is still missing, and copies the result or opens it in the mail
 * app; either logs an email on the partner's activity. */

#define ACCORD_TYPE_TEMPLATE_DIALOG (accord_template_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AccordTemplateDialog, accord_template_dialog, ACCORD, TEMPLATE_DIALOG, AdwWindow)

GtkWidget *accord_template_dialog_new  (AccordStore    *store,
                                        AccordPartner  *partner,
                                        AccordTemplate  template);
/* What the Copy button does: the message to the clipboard, and an email
 * logged (once per template). */
void       accord_template_dialog_copy (AccordTemplateDialog *self);
/* The labels of the fields still missing from the subject or message. */
GStrv      accord_template_dialog_dup_missing (AccordTemplateDialog *self);

G_END_DECLS
