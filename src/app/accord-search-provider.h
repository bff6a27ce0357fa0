/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* Most results the shell is given for one search. */
#define ACCORD_SEARCH_PROVIDER_MAX_RESULTS 20

#define ACCORD_TYPE_SEARCH_PROVIDER (accord_search_provider_get_type ())
G_DECLARE_FINAL_TYPE (AccordSearchProvider, accord_search_provider, ACCORD, SEARCH_PROVIDER,
                      GObject)

/* GNOME Shell's search provider (org.gnome.Shell.SearchProvider2): finds
 * the partners of the workspace in the window, or of the last workspace
 * when no window is open, and opens them in the window. */
AccordSearchProvider *accord_search_provider_new      (GtkApplication *application);
/* Exports the provider on @connection at @object_path. */
gboolean              accord_search_provider_export   (AccordSearchProvider  *self,
                                                       GDBusConnection       *connection,
                                                       const char            *object_path,
                                                       GError               **error);
void                  accord_search_provider_unexport (AccordSearchProvider *self);

G_END_DECLS
