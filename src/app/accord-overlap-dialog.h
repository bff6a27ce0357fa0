/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* Account overlap: our customer list against a partner's, matched on this machine. */
GtkWindow *accord_overlap_dialog_present  (AccordWindow *window);
/* What choosing a list does once the file chooser returned @file (tests
 * call it directly: the file chooser cannot be driven there); @which is 0
 * for our list, 1 for the partner's. Widgets are named "overlap-compare",
 * "overlap-keep", "overlap-partner" (AdwComboRow), "overlap-error",
 * "overlap-result" (the group, whose description gives the list sizes) and
 * "overlap-count-overlap|our-prospects|their-prospects" (labels). */
gboolean   accord_overlap_dialog_set_file (GtkWindow    *dialog,
                                           guint         which,
                                           GFile        *file);
gboolean   accord_overlap_dialog_is_busy  (GtkWindow    *dialog);

G_END_DECLS
