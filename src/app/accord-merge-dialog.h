/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* Merges a duplicate into @partner: pick the duplicate from a searchable
 * list, choose each differing field's value, Merge; a toast offers Undo.
 * Returns the dialog (owned by GTK). Widgets carry names for tests:
 * "merge-search", "merge-candidates", "merge-take-other-FIELDKEY",
 * "merge-end-agreement", "merge-figures-other", "merge-button",
 * "merge-error". */
GtkWindow *accord_merge_dialog_present (AccordWindow *window, AccordPartner *partner);
/* Shows the field chooser for merging @other into the dialog's partner. */
void       accord_merge_dialog_choose  (GtkWindow *dialog, AccordPartner *other);

G_END_DECLS
