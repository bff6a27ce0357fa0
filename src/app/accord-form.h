/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Small helpers shared by the forms: how a field shows that its text was
 * refused, accessible names for entry rows, and tooltips. */

/* Names the editable inside an AdwEntryRow after the row's title, so
 * screen readers (and our AT-SPI tests) find "Name", "Email"... */
void accord_form_label_entry_row (AdwEntryRow *row);

/* Names an AdwExpanderRow after its title, now and when the title changes:
 * libadwaita 1.2 leaves the row itself, which the keyboard reaches,
 * without a name. */
void accord_form_label_expander_row (AdwExpanderRow *row);

/* Names the row GtkListView made around @child (its GtkListItem's widget)
 * with @label: GTK 4.8 leaves those rows without a name. */
void accord_form_label_list_row (GtkWidget  *child,
                                 const char *label);

/* Shows @error (or clears it when NULL) on @row and in @label. */
void accord_form_show_error      (GtkWidget    *row,
                                  GtkWidget    *label,
                                  const GError *error);

/* Asks for a name in a small dialog; calls @callback with the trimmed
 * name when the user confirms. The Add button stays off while empty. */
typedef void (*AccordNameCallback) (const char *name, gpointer user_data);
void accord_form_ask_name (GtkWidget          *parent,
                           const char         *heading,
                           const char         *entry_label,
                           const char         *confirm_label,
                           AccordNameCallback  callback,
                           gpointer            user_data,
                           GDestroyNotify      destroy);

/* Gives @widget the tooltip @text (NULL for none). GTK asks the display
 * where the pointer is each time a visible widget's tooltip is set, in
 * case the tooltip on show must change: under X11 a round trip to the
 * server, some 150 of them at start-up and one or more for every row a
 * list makes. A widget that is not on screen shows no tooltip, so it gets
 * its text while hidden, which GTK does not ask about. */
void accord_form_set_tooltip (GtkWidget  *widget,
                              const char *text);

/* Registers the app's resources (templates, CSS) once. */
void accord_form_ensure_resources (void);

G_END_DECLS
