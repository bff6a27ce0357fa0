/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* The translated metainfo, compiled into the resources by data/meson.build. */
#define ACCORD_METAINFO_RESOURCE "/io/github/accordhq/Accord/metainfo.xml"

/* Registers the resource that holds the metainfo (once). */
void       accord_about_ensure_resources (void);

/* An AdwAboutWindow filled from @metainfo (AppStream XML), in the user's
 * language where the metainfo is translated: name, summary, developer,
 * licence, links and the newest release's notes. libadwaita 1.5's
 * adw_about_window_new_from_appdata() does this; 1.2 has no such call.
 * NULL with @error when @metainfo cannot be read. */
GtkWidget *accord_about_window_new_from_metainfo (GBytes  *metainfo,
                                                  GError **error);

G_END_DECLS
