/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* Asks for a CSV file, then walks through mapping, match key, preview and
 * import. Test hook: when ACCORD_IMPORT_FILE names a file, the file chooser
 * is skipped and that file is used (for AT-SPI tests, where the portal
 * file chooser cannot be driven). */
void       accord_import_wizard_present      (AccordWindow *window);
/* The wizard on @file, without the file chooser. Returns the wizard's
 * window (owned by GTK), or NULL when @file cannot be read (a toast then
 * says why). Widgets carry names for tests: "import-back", "import-next",
 * "import-column-N" (AdwComboRow), "import-match-none|name|domain|email",
 * "import-skip-invalid", "import-summary", "import-problems",
 * "import-cancel", "import-result". */
GtkWindow *accord_import_wizard_present_file (AccordWindow *window,
                                              GFile        *file);
/* The visible page: "mapping", "match", "preview", "progress", "done". */
const char *accord_import_wizard_get_page    (GtkWindow *wizard);
/* Whether a check or import is running in its thread. */
gboolean   accord_import_wizard_is_busy      (GtkWindow *wizard);

G_END_DECLS
