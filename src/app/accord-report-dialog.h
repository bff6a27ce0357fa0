/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* Save or print the PDF portfolio report, or the one-page report of a partner. */
GtkWindow *accord_report_dialog_present      (AccordWindow        *window);
/* What "Save as PDF…" does once its file chooser returned @file (tests call
 * it directly: the file chooser cannot be driven there). The choices are
 * check buttons named "report-portfolio" and "report-partner". */
void       accord_report_dialog_save_to_file (GtkWindow           *dialog,
                                              GFile               *file,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean   accord_report_dialog_save_finish  (GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
