/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"
#include "accord-export.h"

G_BEGIN_DECLS

/* Export the workspace: CSV (partners, contacts, tasks), full JSON, iCalendar of
 * what is due, vCard of contacts. */
GtkWindow *accord_export_dialog_present        (AccordWindow        *window);
/* What the dialog does once its file chooser returned @file (tests call it
 * directly: the file chooser cannot be driven there). Rows are named
 * "export-format" and "export-what" (AdwComboRow). */
void       accord_export_dialog_export_to_file (AccordWindow        *window,
                                                AccordExportFormat   format,
                                                AccordExportWhat     what,
                                                GFile               *file,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean   accord_export_dialog_export_finish  (AccordWindow        *window,
                                                GAsyncResult        *result,
                                                guint               *n_out,
                                                GError             **error);

G_END_DECLS
