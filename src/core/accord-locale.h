/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Display formatting for the user's locale. Stored data, the command line
 * and every export keep their fixed formats ("YYYY-MM-DD", "EUR 1,234.00");
 * only text shown in the app's window goes through these. */

char *accord_format_date_display  (const char *iso);
char *accord_format_money_display (gint64      amount_minor,
                                   const char *currency);

G_END_DECLS
